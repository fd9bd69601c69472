"""Round 9 fact audit of events and leader terms: each fix checked by the id of the fact it changed."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest

from installed import minusma_command
from minusma.load import load


def _by_id(records: list[Any], wanted: str) -> Any:
    return next((record for record in records if record["id"] == wanted), None)


def test_ev_nl_2015_suicide_attack_was_more_than_100_km_north_of_gao() -> None:
    # The Ministry of Defence item says "ruim 100 kilometer ten noorden van Gao": more than, not about.
    text = _by_id(load()["events"], "ev-nl-2015-suicide-attack")["text"]
    assert "more than 100 km north of Gao" in text["en"]
    assert "ruim 100 km ten noorden van Gao" in text["nl"]
    assert "plus de 100\xa0km au nord de Gao" in text["fr"]
    assert "about" not in text["en"] and "ongeveer" not in text["nl"] and "environ" not in text["fr"]


def test_ev_nl_2021_c130_arrives_keeps_88_and_names_the_84_of_the_second_source() -> None:
    event = _by_id(load()["events"], "ev-nl-2021-c130-arrives")
    assert "43 of the detachment's 88" in event["text"]["en"]
    assert event["sources"] == ["rtl-be-2021", "defensiekrant-2021-45"]
    for lang in ("en", "nl", "fr"):
        assert "88" in event["caveat"][lang] and "84" in event["caveat"][lang]


def test_hom_davidse_2016_keeps_its_one_day_and_points_to_the_2017_record() -> None:
    leader = _by_id(load()["leaders"], "hom-davidse")
    assert leader["attested"] == "2016-04-14"
    assert "france24-tessalit-2017" not in leader["sources"]
    for lang in ("en", "nl", "fr"):
        assert "hom-davidse-2017" in leader["caveat"][lang]


def test_hom_davidse_2017_is_the_interim_chief_france24_quotes_on_26_october_2017() -> None:
    # France 24, 26 October 2017: "said interim mission chief Koen Davidse" (issue 19: Davidse acting
    # in 2017). A second acting spell is a second record, so leaders, at and about agree on it.
    leader = _by_id(load()["leaders"], "hom-davidse-2017")
    assert (leader["name"], leader["role"], leader["acting"]) == ("Koen Davidse", "head_of_mission", True)
    assert leader["attested"] == "2017-10-26" and leader["sources"] == ["france24-tessalit-2017"]
    assert "start" not in leader and "end" not in leader and "appointed" not in leader


@pytest.mark.parametrize(("day", "acting"), [("2017-10-25", False), ("2017-10-26", True), ("2017-10-27", False)])
def test_at_shows_davidse_acting_on_the_attested_day_only(day: str, acting: bool) -> None:
    run = subprocess.run([*minusma_command(), "at", day, "--json"], capture_output=True, text=True, check=True)
    ids = [row["leader"]["id"] for row in json.loads(run.stdout)["leaders"]]
    assert ("hom-davidse-2017" in ids) is acting
    assert "hom-annadif" in ids


def test_ev_2018_strategic_review_names_both_datings_and_cites_the_march_april_report() -> None:
    # S/2018/541 says "conducted in the first quarter of 2018"; March-April is the news report's.
    event = _by_id(load()["events"], "ev-2018-strategic-review")
    assert event["date"] == "2018-03"
    assert event["sources"] == ["report-2018-541", "un-press-2423", "sahel-elite-2423"]
    assert "first quarter of 2018" in event["caveat"]["en"] and "S/2018/541" in event["caveat"]["en"]
    assert "eerste kwartaal van 2018" in event["caveat"]["nl"] and "premier trimestre de 2018" in event["caveat"]["fr"]


def test_ev_2022_tessalit_mine_gives_the_mission_s_three_and_the_secretary_general_s_four() -> None:
    # MINUSMA, 17 October 2022: "Three MINUSMA peacekeepers killed and three others seriously injured this
    # morning"; SG/SM/21539, the day after: "yesterday's attack ... the death of four Chadian peacekeepers",
    # two wounded. The UN's records date four Chadian deaths on 19 October: kept apart, in the caveat.
    event = _by_id(load()["events"], "ev-2022-tessalit-mine")
    assert event["date"] == "2022-10-17"
    assert event["sources"][:2] == ["minusma-tessalit-2022", "un-press-sgsm21539"]
    assert "three killed and three seriously injured" in event["text"]["en"]
    assert "four Chadian peacekeepers killed and two wounded" in event["text"]["en"]
    assert "quatre Casques bleus tchadiens tués" in event["text"]["fr"]
    assert "vier gedode Tsjadische blauwhelmen" in event["text"]["nl"]
    for lang in ("en", "nl", "fr"):
        assert "19" in event["caveat"][lang] and "17" in event["caveat"][lang]


# --- the audit of 8 December 2026: snapshots and the events from 2019 on ---


def test_strength_2013_09_says_which_page_gives_the_excerpts_figures() -> None:
    # veteranenartillerie.nl: "eind september 2013 6.039 zijn ingezet (5.219 militairen en 820
    # politiemensen)" and "11.200 militairen en 1.140 politiemensen" (resolution 2100: 1,440).
    snapshot = _by_id(load()["snapshots"], "strength-2013-09")
    preferred, excerpt = snapshot["claims"]
    assert excerpt["uniformed"]["value"] == 6039 and excerpt["sources"] == ["veteranen-artillerie"]
    assert "1,140" in excerpt["caveat"]["en"] and "1,440" in excerpt["caveat"]["en"]
    assert "without naming a source" in excerpt["caveat"]["en"]
    assert "zonder een bron" in excerpt["caveat"]["nl"] and "sans en citer la source" in excerpt["caveat"]["fr"]
    assert "not found" not in preferred["reason"]["en"] and "veterans' association" in preferred["reason"]["en"]


def test_ev_2022_moura_cites_the_weekly_fair_and_the_helicopters() -> None:
    event = _by_id(load()["events"], "ev-2022-moura")
    assert {"apanews-moura-2023", "reuters-moura-2023"} <= set(event["sources"])
    assert event["text"]["en"].startswith("On the day of the weekly fair") and "helicopter" in event["text"]["en"]
    assert "market day" not in event["text"]["en"]


def test_ev_2023_kidal_cites_the_armed_groups_taking_the_camp() -> None:
    event = _by_id(load()["events"], "ev-2023-kidal")
    assert "bamada-kidal-2023" in event["sources"] and "armed groups take over the camp" in event["text"]["en"]


def test_ev_2023_douentza_names_no_region_its_sources_do_not_give() -> None:
    text = _by_id(load()["events"], "ev-2023-douentza")["text"]
    assert "Mopti" not in text["en"] and "Mopti" not in text["nl"] and "Mopti" not in text["fr"]


def test_err_lollesgaard_end_cites_the_day_deconinck_took_command() -> None:
    # rtbf-deconinck: "prendra ce mardi 11 avril le commandement de la force"; the December 2016
    # article it cited alone could not hold an April 2017 date.
    erratum = _by_id(load()["errata"], "err-lollesgaard-end")
    assert "11 April 2017" in erratum["corrected"]["en"]
    assert erratum["sources"] == ["jeuneafrique-lollesgaard", "rtbf-deconinck"]
