"""Audit of the figures (round 9): contributions whose number was a single unit, a part or another
category than the field it sat in; each checked by the id of the fact it concerns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from minusma.load import load
from minusma.messages import LANGS


def _by_id(records: list[Any], wanted: str) -> Any:
    return next(record for record in records if record["id"] == wanted)


def _contribution(wanted: str) -> Any:
    return _by_id(load()["contributions"], wanted)


def test_contrib_sen_2023_06_police_counts_the_20_police_investigators() -> None:
    """pressafrik: 315 police, 20 police investigators, 17 staff officers and 943 troops make 1,295."""
    record = _contribution("contrib-sen-2023-06")
    assert record["police"] == {"value": 335, "qualifier": "exact", "formula": "315 + 20"}
    parts = record["military"]["value"] + record["police"]["value"] + record["staff"]["value"]
    assert (record["military"]["value"], record["staff"]["value"]) == (943, 17)
    assert parts == record["total"]["value"] == 1295
    assert "20" in record["note"]["en"] and "315" in record["note"]["en"]


def test_contrib_tgo_2016_08_is_the_contingent_not_its_military_alone() -> None:
    """Le Temps (Togo): 1,077 'militaires', a battalion, a formed police unit and medical staff."""
    record = _contribution("contrib-tgo-2016-08")
    assert "military" not in record and "police" not in record
    assert record["total"] == {"value": 1077, "qualifier": "exact"}
    assert "police" in record["note"]["en"]


@pytest.mark.parametrize(
    ("wanted", "field", "value", "qualifier", "unit"),
    [
        ("contrib-lka-2019-11-11", "military", 196, "exact", "Combat Convoy Company"),
        ("contrib-bfa-2021-07-23", "military", 650, "exact", "Badenya"),
        ("contrib-nor-2019-05", "military", 60, "about", "C-130J"),
        ("contrib-nor-2020-12-11", "military", 70, "exact", "C-130J"),
        ("contrib-dnk-2020-05", "military", 65, "about", "C-130J"),
    ],
)
def test_a_single_unit_is_not_presented_as_the_contingent(
    wanted: str, field: str, value: int, qualifier: str, unit: str
) -> None:
    """The figure stays as the source gives it; a note in every language says it is one unit."""
    record = _contribution(wanted)
    assert record[field] == {"value": value, "qualifier": qualifier}
    assert unit in record["note"]["en"]
    assert set(record["note"]) == set(LANGS)
    assert all(text.strip() for text in record["note"].values())


def test_the_installed_command_shows_the_senegal_police_and_the_togo_total() -> None:
    """The main path, in a real process: contributors --json carries the corrected figures."""
    script = Path(sys.executable).parent / "minusma"
    found = {}
    for country in ("SEN", "TGO"):
        shown = json.loads(
            subprocess.run(
                [str(script), "contributors", "--country", country, "--json"], capture_output=True, check=True
            ).stdout
        )
        found.update({row["id"]: row for row in shown["contributors"]})
    assert found["contrib-sen-2023-06"]["police"]["value"] == 335
    assert found["contrib-sen-2023-06"]["size"] == 1295
    assert found["contrib-tgo-2016-08"]["size"] == 1077 and "military" not in found["contrib-tgo-2016-08"]


# --- audit of 8 December 2026 (68 stated contributions read against their pages: none wrong; notes)


def test_contrib_gin_2022_10_is_one_battalion_a_lower_bound_for_guinea() -> None:
    """guinee3.net: "La Guinée a déployé en Octobre 2022 son 8e contingent militaire ... Ce bataillon de
    plus de 650 hommes a assuré la relève du bataillon Gangan 7." """
    record = _contribution("contrib-gin-2022-10")
    assert record["military"] == {"value": 650, "qualifier": "more_than"}
    assert record["note"]["en"].startswith("One unit:") and "Gangan 7" in record["note"]["en"]
    assert all("Gangan 7" in record["note"][lang] for lang in LANGS)


@pytest.mark.parametrize(("wanted", "total"), [("contrib-gbr-2022-roster", 249), ("contrib-civ-2022-roster", 898)])
def test_only_germany_s_figure_on_the_page_is_the_un_roster_s(wanted: str, total: int) -> None:
    """CanIndia, 23 November 2022, ties only Germany's 595 to "the latest UN roster"."""
    record = _contribution(wanted)
    assert record["total"] == {"value": total, "qualifier": "exact"}
    assert "beside Germany's figure from the latest UN roster" in record["note"]["en"]
    assert "The latest UN roster as quoted" not in record["note"]["en"]
    assert _contribution("contrib-deu-2022-roster")["note"]["en"].startswith("The latest UN roster as quoted")


def test_contrib_deu_2016_10_07_says_the_page_counts_soldiers_in_mali() -> None:
    """Reuters: "the 570 soldiers it has stationed in Mali" - not said to be MINUSMA's alone."""
    record = _contribution("contrib-deu-2016-10-07")
    assert record["military"] == {"value": 570, "qualifier": "exact"}
    assert "'has stationed in Mali'" in record["note"]["en"]


# --- audit of leaders, resolutions and the Dutch record (8 December 2026, round 3: none wrong)


def test_hom_akodjenou_says_only_what_afp_and_passblue_say() -> None:
    """aBamako/AFP, 17 October 2014: the negotiations file was "géré ... par le numéro deux de la Minusma,
    Arnauld Akodjénou"; no page gives a period in which he led it, or says he was acting head."""
    (leader,) = [item for item in load()["leaders"] if item["id"] == "hom-akodjenou"]
    assert "between Koenders's departure and Hamdi's arrival" not in leader["note"]["en"]
    assert "number two" in leader["note"]["en"] and "nor for how long" in leader["caveat"]["en"]
    assert all(leader["note"][lang] and leader["caveat"][lang] for lang in LANGS)


def test_the_dutch_force_command_ends_with_the_handover_the_mission_reported() -> None:
    """minusma-gaye: the handover to Gaye "en ce milieu d'après-midi du 6 janvier 2023"."""
    (phase,) = [item for item in load()["netherlands"]["phases"] if item["id"] == "nl-phase-force-command"]
    assert phase["end"] == "2023-01" and "minusma-gaye" in phase["sources"]


def test_the_dutch_redeployment_end_is_the_month_planned_not_a_reported_end() -> None:
    """Reformatorisch Dagblad, May 2019: "Dat moet in september zijn afgerond" - a plan."""
    (phase,) = [item for item in load()["netherlands"]["phases"] if item["id"] == "nl-phase-redeployment"]
    assert "then due to be finished in September 2019" in phase["text"]["en"]
    assert "until September 2019" not in phase["text"]["en"]
    assert "planned" in phase["caveat"]["en"] and all(phase["caveat"][lang] for lang in LANGS)


def test_fc_lollesgaard_starts_on_the_day_maliweb_reports_and_keeps_bikimos_end() -> None:
    """Maliweb: "a officiellement pris ses fonctions hier après-midi, le 1er avril, au cours d'une cérémonie
    de transfert d'autorité ... en présence de ... M. Mongi Hamdi" (SRSG from January 2015)."""
    leaders = {item["id"]: item for item in load()["leaders"]}
    lollesgaard, bikimo = leaders["fc-lollesgaard"], leaders["fc-bikimo"]
    assert (lollesgaard["appointed"], lollesgaard["start"], lollesgaard["end"]) == (
        "2015-03-06",
        "2015-04-01",
        "2016-12-16",
    )
    assert "maliweb-lollesgaard-2015" in lollesgaard["sources"]
    assert bikimo["end"] == "2015-04-02" and "2 April 2015, a day later" in lollesgaard["caveat"]["en"]
