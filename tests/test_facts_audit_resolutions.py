"""Round 9 fact audit of the Security Council record: each fix checked by the id of the fact it
changed, and the headline numbers the audit confirmed checked against the official XML kept in
data/sources/resolutions-xml/, so that a later edit that drifts from the Council's text fails here."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from installed import minusma_command
from minusma.load import load

XML = Path(__file__).resolve().parents[1] / "data" / "sources" / "resolutions-xml"


def _by_id(records: list[Any], wanted: str) -> Any:
    return next((record for record in records if record["id"] == wanted), None)


def _words(name: str) -> str:
    """The document's text, each element's words apart from the next (as the XML's markup splits them)."""
    return re.sub(r"\s+", " ", " ".join(ET.parse(XML / name).getroot().itertext()))


def test_res_2423_dates_the_strategic_review_to_early_2018_as_both_sources_allow() -> None:
    # S/2018/541 (para. 1): the review was "conducted in the first quarter of 2018"; Sahel-Elite (28 June 2018):
    # "conducted in March and April". The summary had taken the news report's months as fact.
    resolution = _by_id(load()["resolutions"], "res-2423")
    summary = resolution["summary"]
    assert "strategic review (early 2018)" in summary["en"]
    assert "strategische evaluatie (begin 2018)" in summary["nl"]
    assert "revue stratégique indépendante (début 2018)" in summary["fr"]
    for lang, months in (("en", "March-April"), ("nl", "maart-april"), ("fr", "mars-avril")):
        assert months not in summary[lang]
    assert {"report-2018-541", "sahel-elite-2423"} <= set(resolution["sources"])


def test_res_2640_says_mali_announced_its_g5_sahel_withdrawal_and_the_europeans_decided_to_leave() -> None:
    # SC/14953: "on the heels of Mali's recent announcement that it will withdraw from all institutions of the
    # G5 Sahel ... as well as the decisions by France and other European countries to withdraw".
    summary = _by_id(load()["resolutions"], "res-2640")["summary"]
    assert "Mali announced its withdrawal from the G5 Sahel" in summary["en"]
    assert "decided to pull out" in summary["en"]
    assert "Mali zijn vertrek uit de G5 Sahel aankondigde" in summary["nl"]
    assert "besloten hun antiterreurtroepen terug te trekken" in summary["nl"]
    assert "le Mali eut annoncé son retrait du G5 Sahel" in summary["fr"]
    assert "eurent décidé de retirer" in summary["fr"]
    assert "left the G5" not in summary["en"] and "stapte" not in summary["nl"] and "quitté" not in summary["fr"]


@pytest.mark.parametrize(
    ("number", "english", "french"),
    [
        (2531, "S_RES_2531_2020_E.xml", "S_RES_2531_2020_F.xml"),
        (2584, "S_RES_2584_2021_E.xml", "S_RES_2584_2021_F.xml"),
        (2640, "S_RES_2640_2022_E.xml", "S_RES_2640_2022_F.xml"),
    ],
)
def test_ceiling_mandate_end_and_adoption_day_agree_with_the_official_xml(
    number: int, english: str, french: str
) -> None:
    resolution = _by_id(load()["resolutions"], f"res-{number}")
    year, month, day = resolution["mandate_end"].split("-")
    assert month == "06" and day == "30"
    text_en, text_fr = _words(english), _words(french)
    assert f"Decides to extend the mandate of MINUSMA until 30 June {year};" in text_en
    assert f"Décide de proroger le mandat de la MINUSMA jusqu’au 30 juin {year} ;" in text_fr
    military, police = resolution["ceiling"]["military"], resolution["ceiling"]["police"]
    assert f"up to {military:,} military personnel and {police:,} police personnel" in text_en
    assert f"{military:,} militaires et {police:,} policiers".replace(",", " ") in text_fr
    adopted = resolution["adopted"]
    assert re.search(
        rf"Adopted by the Security Council (at its \d+(?:st|nd|rd|th) meeting , )?on {int(adopted[8:])} June {adopted[:4]}",
        text_en,
    )


def test_res_2690_ended_the_mandate_on_30_june_2023_with_the_days_the_xml_sets() -> None:
    facts = load()
    text = _words("S_RES_2690_2023_E.xml")
    assert "Decides to terminate MINUSMA’s mandate under resolution 2640 (2022) as of June 30 2023" in text
    assert "start on 1 July 2023 the cessation of its operations" in text
    assert "with the objective of completing this process by 31 December 2023" in text
    assert "liquidation shall begin on 1 January 2024" in text
    assert "Adopted by the Security Council at its 9365th meeting , on 30 June 2023" in text
    mission = facts["mission"]
    assert (mission["mandate_ended"], mission["liquidation_from"]) == ("2023-06-30", "2024-01-01")
    resolution = _by_id(facts["resolutions"], "res-2690")
    assert resolution["adopted"] == "2023-06-30" and resolution["kind"] == "termination"
    for needle in ("15 August 2023", "30 September", "31 December 2023", "S/2023/463"):
        assert needle in resolution["summary"]["en"]


def test_votes_2640_names_china_and_russia_abstaining_and_2690_is_unanimous() -> None:
    # SC/14953: "13 in favour to none against with 2 abstentions (China, Russian Federation)";
    # SC/15341: "Unanimously adopting resolution 2690 (2023)".
    resolutions = {item["number"]: item for item in load()["resolutions"]}
    vote_2640 = resolutions[2640]["vote"]
    assert vote_2640["en"].startswith("13 votes to none, China and Russia abstaining (9082nd meeting)")
    assert "China en Rusland onthielden zich" in vote_2640["nl"]
    assert "abstentions de la Chine et de la Russie" in vote_2640["fr"]
    assert resolutions[2690]["vote"]["en"].startswith("Unanimous (9365th meeting)")
    assert [n for n, item in resolutions.items() if "abstain" in item.get("vote", {}).get("en", "")] == [2640]


def test_the_installed_command_shows_the_corrected_2423_summary() -> None:
    run = subprocess.run([*minusma_command(), "show", "res-2423", "--json"], capture_output=True, text=True, check=True)
    record = json.loads(run.stdout)["record"]
    assert "(early 2018)" in record["summary"]["en"]


def test_2391_is_dated_8_december_2017_from_its_french_text() -> None:
    # The French text: "Adoptée par le Conseil de sécurité à sa 8129e séance, le 8 décembre 2017".
    facts = load()
    resolution = _by_id(facts["resolutions"], "res-2391")
    assert resolution["adopted"] == "2017-12-08" and "caveat" not in resolution
    assert "girlsrights-2391-fr" in resolution["sources"]
    source = _by_id(facts["sources"], "un-res-2391")
    assert source["published"] == "2017-12-08"
    assert source["alternative_urls"] == [_by_id(facts["sources"], "girlsrights-2391-fr")["url"]]


def test_2359_was_unanimous_at_the_7979th_meeting() -> None:
    # SC/12881: "7979th Meeting (AM) ... Unanimously Adopting Resolution 2359 (2017)".
    resolution = _by_id(load()["resolutions"], "res-2359")
    assert resolution["vote"] == {
        "en": "Unanimous (7979th meeting).",
        "nl": "Unaniem (7979e vergadering).",
        "fr": "À l’unanimité (7979e séance).",
    }
    assert "un-press-2359" in resolution["sources"]


@pytest.mark.parametrize(("day", "in_force"), [("2017-12-07", False), ("2017-12-08", True)])
def test_2391_shows_in_the_timeline_from_its_day(day: str, in_force: bool) -> None:
    run = subprocess.run(
        [*minusma_command(), "timeline", "--from", day, "--to", day, "--category", "resolution", "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    ids = [event["id"] for event in json.loads(run.stdout)["events"]]
    assert ("res-2391-adopted" in ids) is in_force


@pytest.mark.parametrize("number", [2531, 2584, 2640, 2690])
def test_each_vote_gives_the_meeting_and_chapter_the_xml_records(number: int) -> None:
    """The XML's adoption step (``by``: "Adopted unanimously, 8809th meeting"; ``refersTo``: Chapter VII)
    against the resolution's vote in all three languages; 2531's step names no meeting (voting by mail)."""
    (name,) = [path.name for path in XML.glob(f"S_RES_{number}_*_E.xml")]
    root = ET.parse(XML / name).getroot()
    (step,) = [
        element for element in root.iter() if element.tag.endswith("step") and element.get("outcome") == "adopted"
    ]
    vote = _by_id(load()["resolutions"], f"res-{number}")["vote"]
    meeting = re.search(r"(\d{4})(?:st|nd|rd|th) meeting", step.get("by", ""))
    if meeting is not None:
        assert f"{meeting.group(1)}" in vote["en"] and f"{meeting.group(1)}e vergadering" in vote["nl"]
        assert f"{meeting.group(1)}e séance" in vote["fr"]
    if "voting by mail" in step.get("by", ""):  # the COVID-19 written procedure: no meeting adopted it
        assert "by letter" in vote["en"] and "per brief" in vote["nl"] and "par lettre" in vote["fr"]
        assert all("voting by mail" in vote[lang] for lang in ("en", "nl", "fr"))
    else:
        assert all(word not in vote["en"] for word in ("by letter", "videoconference"))
    if step.get("refersTo") == "Chapter VII":
        assert "Chapter VII" in vote["en"] and "hoofdstuk VII" in vote["nl"] and "chapitre VII" in vote["fr"]


def test_res_2423_ceiling_cites_the_councils_press_release_first() -> None:
    """SC/13400: "maintaining its 13,289 troops and 1,920 police personnel"; malizine (8 April 2018,
    before the resolution, no police figure) keeps only the breakdown of the military ceiling."""
    ceiling = _by_id(load()["resolutions"], "res-2423")["ceiling"]
    assert (ceiling["military"], ceiling["police"]) == (13289, 1920)
    assert ceiling["sources"] == ["un-press-2423", "malizine-2018"]
