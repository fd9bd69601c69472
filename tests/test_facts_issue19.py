"""Issue 19: facts found wrong, acting leaders and events added, each checked by its id."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any

import pytest

from minusma import query
from minusma.load import load
from minusma.model import in_office, terms


def _by_id(records: list[Any], wanted: str) -> Any:
    return next((record for record in records if record["id"] == wanted), None)


def test_contrib_bgd_2015_military_is_army_navy_and_air_force() -> None:
    record = _by_id(load()["contributions"], "contrib-bgd-2015")
    assert record["military"]["value"] == 1566 == 1310 + 133 + 123
    assert record["military"]["formula"] == "1310 + 133 + 123"
    assert (
        record["military"]["value"] + record["police"]["value"] + record["staff"]["value"] == record["total"]["value"]
    )


def test_contrib_tcd_2021_03_detachment_and_contrib_deu_2022_04_cap_are_not_contributions() -> None:
    fact_base = load()
    ids = {record["id"] for record in fact_base["contributions"]}
    assert "contrib-tcd-2021-03" not in ids and "contrib-deu-2022-04" not in ids
    cap = _by_id(fact_base["events"], "ev-2022-germany-cap")
    assert "1,100" in cap["text"]["en"] and "1,400" in cap["text"]["en"] and "ceiling" in cap["text"]["en"]


def test_report_2021_657_is_the_adaptation_report() -> None:
    source = _by_id(load()["sources"], "report-2021-657")
    assert source["title"].startswith("Adaptation and authorized strength") and source["symbol"] == "S/2021/657"


def test_fc_deconinck_designated_by_the_un_on_2_march_endorsed_by_belgium_on_3_march() -> None:
    leader = _by_id(load()["leaders"], "fc-deconinck")
    assert leader["appointed"] == "2017-03-02"
    assert leader["note"]["en"].index("2 March 2017") < leader["note"]["en"].index("Belgian government")


def test_fc_lollesgaard_handed_over_on_16_december_2016_with_an_erratum() -> None:
    fact_base = load()
    assert _by_id(fact_base["leaders"], "fc-lollesgaard")["end"] == "2016-12-16"
    assert _by_id(fact_base["errata"], "err-lollesgaard-end")["concerns"] == ["fc-lollesgaard"]


def test_strength_2023_02_the_authorised_17430_is_no_longer_a_deployment() -> None:
    fact_base = load()
    assert _by_id(fact_base["snapshots"], "strength-2023-02") is None
    assert "15,209" in _by_id(fact_base["errata"], "err-defenceweb-total")["corrected"]["en"]


def test_duplicate_sources_merged_with_alternative_urls() -> None:
    sources = {source["id"]: source for source in load()["sources"]}
    for gone in ("docslib-s2018-541", "pdfslide-s2015-732", "docslib-s2015-426", "huggingface-s2020-223"):
        assert gone not in sources
    assert (
        "https://docslib.org/doc/13325372/security-council-distr-general-11-june-2015"
        in (sources["report-2015-426"]["alternative_urls"])
    )
    # a dataset viewer is not a copy of the report: not kept, even as an alternative
    assert not any("huggingface.co" in url for url in sources["report-2020-223"]["alternative_urls"])
    urls = [source["url"] for source in sources.values()]
    assert len(urls) == len(set(urls))
    assert sources["lawsdocbox-2295"]["kind"] == "web_page"
    assert "beninwebtv-2023-06" in sources and "contrib-b-nin-web-tv-2023-06" not in sources


def _force_commanders(day: str) -> dict[str, bool]:
    fact_base = load()
    found = {}
    for term in terms(fact_base):
        if term.leader["role"] == "force_commander":
            seen = in_office(term, dt.date.fromisoformat(day))
            if seen.possibly:
                found[term.leader["id"]] = seen.certainly
    return found


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2014-12-08", set()),
        ("2014-12-09", {"fc-bikimo"}),
        ("2015-04-02", {"fc-bikimo"}),
        ("2015-04-03", set()),
        ("2016-12-15", set()),
        ("2016-12-16", {"fc-kane"}),
        ("2017-04-10", {"fc-kane"}),
        ("2017-04-11", {"fc-kane"}),
        ("2017-04-12", set()),
    ],
)
def test_acting_force_commanders_fc_bikimo_and_fc_kane_at_their_bounds(day: str, expected: set[str]) -> None:
    certain_acting = {
        leader for leader, certain in _force_commanders(day).items() if certain and leader in ("fc-bikimo", "fc-kane")
    }
    assert certain_acting == expected


def test_acting_leaders_agree_in_leaders_and_about() -> None:
    """``leaders`` (the installed command, in a real process) shows the terms ``at`` uses;
    ``about`` still names the first leaders."""
    import json
    import subprocess

    fact_base = load()
    kane = next(term for term in terms(fact_base) if term.leader["id"] == "fc-kane")
    assert (kane.start, kane.end, kane.end_basis) == ("2016-12-16", "2017-04-11", "successor")
    script = Path(sys.executable).parent / "minusma"  # the installed command, wherever PATH points
    shown = json.loads(subprocess.run([str(script), "leaders", "--json"], capture_output=True, check=True).stdout)
    rows = {row["id"]: row for row in shown["leaders"]}
    assert rows["fc-kane"]["term"] == {
        "start": "2016-12-16",
        "end": "2017-04-11",
        "start_basis": "stated",
        "end_basis": "successor",
    }
    assert rows["fc-bikimo"]["term"]["start"] == "2014-12-09" and rows["fc-bikimo"]["term"]["end"] == "2015-04-02"
    assert [leader["id"] for leader in query.about(fact_base)["leaders"]] == ["hom-koenders", "fc-kazura"]


@pytest.mark.parametrize(
    ("event_id", "date"),
    [
        ("ev-2016-kidal-camp", "2016-02-12"),
        ("ev-2017-gao-moc", "2017-01-18"),
        ("ev-2018-timbuktu-camp", "2018-04-14"),
        ("ev-2019-aguelhok", "2019-01-20"),
        ("ev-2021-wagner", "2021-12-23"),
        ("ev-2022-moura", "2022-03-27"),
        ("ev-2022-rotations-suspended", "2022-07-14"),
        ("ev-2022-france-leaves", "2022-08-15"),
        ("ev-2022-uk-withdrawal", "2022-11-14"),
        ("ev-2022-civ-withdrawal", "2022-11-11"),
        ("ev-2023-moura-report", "2023-05"),
        ("ev-2023-ber", "2023-08-13"),
    ],
)
def test_added_events_at_their_dates(event_id: str, date: str) -> None:
    event = _by_id(load()["events"], event_id)
    assert event["date"] == date and set(event["text"]) == {"en", "nl", "fr"}


def test_report_2023_402_is_recorded() -> None:
    source = _by_id(load()["sources"], "report-2023-402")
    assert (source["symbol"], source["published"], source["kind"]) == ("S/2023/402", "2023-06-01", "report")
