"""Round 9 leads left by the fact audit: each fact checked by its id against the page that states it."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from installed import minusma_command
from minusma.load import load

UN_RECORDS = (
    Path(__file__).resolve().parents[1] / "data" / "sources" / "un-fatalities" / "un-fatalities-2025-04-04-minusma.csv"
)


def _by_id(records: list[Any], wanted: str) -> Any:
    return next((record for record in records if record["id"] == wanted), None)


def _run(*args: str) -> Any:
    return json.loads(subprocess.run([*minusma_command(), *args], capture_output=True, text=True, check=True).stdout)


# --------------------------------------------------------------------------- hom-hamdi


def test_hom_hamdi_starts_on_20_january_2015_and_keeps_the_15_january_claim() -> None:
    # Jeune Afrique, 16 December 2015: "En poste depuis le 20 janvier 2015"; aBamako (h/111624):
    # "a pris officiellement ses fonctions le 15 janvier 2015, à Bamako". Both stay, the first is used.
    facts = load()
    leader = _by_id(facts["leaders"], "hom-hamdi")
    assert (leader["start"], leader["appointed"], leader["end"]) == ("2015-01-20", "2014-12-12", "2016-01-14")
    assert leader["doubt"] == "start"
    assert {"jeuneafrique-hamdi-2015", "abamako-hamdi-depart"} <= set(leader["sources"])
    assert "20 January 2015" in leader["caveat"]["en"] and "15 January 2015" in leader["caveat"]["en"]
    assert "20 januari 2015" in leader["caveat"]["nl"] and "15 januari 2015" in leader["caveat"]["nl"]
    assert "20 janvier 2015" in leader["caveat"]["fr"] and "15 janvier 2015" in leader["caveat"]["fr"]
    assert "not found" not in leader["caveat"]["en"]
    source = _by_id(facts["sources"], "jeuneafrique-hamdi-2015")
    assert (source["published"], source["language"], source["kind"]) == ("2015-12-16", "fr", "news")


@pytest.mark.parametrize(
    ("day", "hamdi", "interim"),
    [("2015-01-19", False, True), ("2015-01-20", True, True), ("2015-01-21", True, False)],
)
def test_at_shows_hamdi_from_20_january_2015_and_the_interim_until_that_day(
    day: str, hamdi: bool, interim: bool
) -> None:
    leaders = {row["leader"]["id"]: row for row in _run("at", day, "--json")["leaders"]}
    assert ("hom-hamdi" in leaders) is hamdi
    assert ("hom-akodjenou" in leaders) is interim
    if hamdi:
        assert leaders["hom-hamdi"]["certain"] is True  # a day-precision start, no month left to doubt
        assert leaders["hom-hamdi"]["leader"]["term"]["start"] == "2015-01-20"


def test_leaders_and_at_show_the_same_start_for_hom_hamdi() -> None:
    listed = {row["id"]: row["term"] for row in _run("leaders", "--json")["leaders"]}
    assert listed["hom-hamdi"]["start"] == "2015-01-20"
    assert listed["hom-akodjenou"]["end"] == "2015-01-20" and listed["hom-akodjenou"]["end_basis"] == "successor"
    on_day = {row["leader"]["id"]: row["leader"]["term"] for row in _run("at", "2015-06-01", "--json")["leaders"]}
    assert on_day["hom-hamdi"] == listed["hom-hamdi"]


# --------------------------------------------------------------------------- ev-2022-tessalit-mine


def test_ev_2022_tessalit_mine_keeps_its_dates_apart_as_the_un_records_count_none_on_17_or_18_october() -> None:
    # MINUSMA (quoted by bamada.net) and AFP: a fourth peacekeeper died on 18 October. The UN's records
    # count no MINUSMA death on 17 or 18 October 2022 and four Chadian deaths on the 19th: not changed.
    with UN_RECORDS.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    on = {
        day: [row for row in rows if row["incident_date"] == day] for day in ("2022-10-17", "2022-10-18", "2022-10-19")
    }
    assert on["2022-10-17"] == [] and on["2022-10-18"] == []
    assert [(row["casualty_nationality"], row["type_of_incident"]) for row in on["2022-10-19"]] == [
        ("Chad", "Malicious Act")
    ] * 4
    event = _by_id(load()["events"], "ev-2022-tessalit-mine")
    assert event["date"] == "2022-10-17" and "19 October" in event["caveat"]["en"]


# --------------------------------------------------------------------------- ev-2023-mopti


def test_ev_2023_mopti_is_dated_to_the_day_senenews_prints() -> None:
    # SeneNews: "a officiellement quitté sa base de Mopti-Sévaré ce vendredi 8 décembre"; the AFP
    # dispatch dated 8 December 2023 says the camp was handed over on Friday.
    facts = load()
    event = _by_id(facts["events"], "ev-2023-mopti")
    assert event["date"] == "2023-12-08" and "caveat" not in event
    assert event["sources"] == ["africalibertynews-mopti", "senenews-mopti-2023", "spacewar-afp-mopti-2023"]
    assert _by_id(facts["sources"], "spacewar-afp-mopti-2023")["published"] == "2023-12-08"
    assert "published" not in _by_id(facts["sources"], "senenews-mopti-2023")


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [("2023-12-07", "2023-12-07", False), ("2023-12-08", "2023-12-08", True), ("2023-12-09", "2023-12-09", False)],
)
def test_the_timeline_shows_ev_2023_mopti_on_8_december_only(start: str, end: str, shown: bool) -> None:
    events = _run("timeline", "--from", start, "--to", end, "--json")["events"]
    assert ("ev-2023-mopti" in {event["id"] for event in events}) is shown


# --------------------------------------------------------------------------- ev-2017-indelimane


def test_ev_2017_indelimane_states_what_the_ap_page_states() -> None:
    # AP, 25 November 2017: "Indelimane, about 70 kilometers (43 miles) west of Menaka", "three
    # peacekeepers from Niger and one Malian soldier were killed"; the UN records: four Nigerien, one Burkinabe.
    event = _by_id(load()["events"], "ev-2017-indelimane")
    assert event["sources"] == ["ap-indelimane-2017", "un-peacekeeping-2017-indelimane", "un-fatalities-2025-04-04"]
    assert "about 70 km west of Ménaka" in event["text"]["en"] and "three Nigerien peacekeepers" in event["text"]["en"]
    assert (
        "ongeveer 70 km ten westen van Ménaka" in event["text"]["nl"]
        and "drie blauwhelmen uit Niger" in event["text"]["nl"]
    )
    assert (
        "environ 70\xa0km à l’ouest de Ménaka" in event["text"]["fr"]
        and "trois Casques bleus nigériens" in event["text"]["fr"]
    )
    assert "four Nigerien and one Burkinabe" in event["text"]["en"]


# --------------------------------------------------------------------------- ev-2023-ber


def test_ev_2023_ber_cites_the_afp_text_that_says_the_convoy_was_attacked_twice() -> None:
    facts = load()
    event = _by_id(facts["events"], "ev-2023-ber")
    assert event["sources"] == ["africanews-ber-2023", "maliactu-ber-2023", "dunyanews-ber-2023"]
    assert "attacked twice" in event["text"]["en"]
    source = _by_id(facts["sources"], "dunyanews-ber-2023")
    assert (source["author"], source["published"]) == ("AFP", "2023-08-15")


# --------------------------------------------------------------------------- second sources


@pytest.mark.parametrize(
    ("fact", "sources"),
    [
        ("contrib-gbr-2022-11-14", ["contrib-janes-2022-11", "military-africa-gbr-2022-11"]),
        ("contrib-lka-2019-11-13", ["contrib-news-lk-2020-11-12", "contrib-security-risks-asia-2019-11"]),
        ("contrib-egy-2022-07", ["contrib-voa-africa-2022-07", "ktar-ap-egypt-2022"]),
        ("contrib-egy-2022-07-15", ["mem-2022-egypt"]),
        ("nl-2017", ["nhd-apaches-2017", "leidschdagblad-2017"]),
    ],
)
def test_contribution_figures_cite_a_second_stored_page(fact: str, sources: list[str]) -> None:
    assert _by_id(load()["contributions"], fact)["sources"] == sources


def test_cas_egy_2022_and_contrib_egy_2022_07_15_cite_the_reuters_text_with_its_second_copy() -> None:
    facts = load()
    assert _by_id(facts["casualties"], "cas-egy-2022")["sources"] == ["mem-2022-egypt"]
    source = _by_id(facts["sources"], "mem-2022-egypt")
    assert source["alternative_urls"] == [
        "https://news.az/news/egypt-to-suspend-activities-of-its-contingent-in-mali-un-mission"
    ]
    assert source["url"].startswith("https://www.middleeastmonitor.com/")


def test_new_sources_sit_before_the_datasets() -> None:
    ids = [source["id"] for source in load()["sources"]]
    added = ["jeuneafrique-hamdi-2015", "abamako-hamdi-depart", "senenews-mopti-2023", "spacewar-afp-mopti-2023",
             "dunyanews-ber-2023", "military-africa-gbr-2022-11", "ktar-ap-egypt-2022"]  # fmt: skip
    assert all(ids.index(ident) < ids.index("geopko-maps-2014-2018") for ident in added)


def test_the_timeline_shows_hom_hamdi_start_on_20_january_2015_with_both_days_in_its_caveat() -> None:
    events = {
        event["id"]: event
        for event in _run("timeline", "--from", "2015-01-20", "--to", "2015-01-20", "--json")["events"]
    }
    start = events["hom-hamdi-start"]
    assert start["date"] == "2015-01-20"
    assert "20 January 2015" in start["caveat"]["en"] and "15 January 2015" in start["caveat"]["en"]
    before = _run("timeline", "--from", "2015-01-19", "--to", "2015-01-19", "--json")["events"]
    assert "hom-hamdi-start" not in {event["id"] for event in before}
