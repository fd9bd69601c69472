"""Issue 19, the record's remaining gaps: report records, a source's real kind, Sweden's withdrawal,
the budget's missing years; each checked by the id of the fact it concerns."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from minusma.load import load


def _by_id(records: list[Any], wanted: str) -> Any:
    return next((record for record in records if record["id"] == wanted), None)


def _installed(*args: str) -> Any:
    script = Path(sys.executable).parent / "minusma"  # the installed command, wherever PATH points
    done = subprocess.run([str(script), *args, "--json"], capture_output=True, check=True)
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("source_id", "symbol", "published"),
    [
        ("report-2014-1", "S/2014/1", "2014-01-02"),  # "my previous report of 2 January 2014" in S/2014/229
        ("report-2021-299", "S/2021/299", "2021-03-26"),  # "dated 26 March 2021" in S/2021/519
        ("report-2023-36", "S/2023/36", "2023-01"),  # published in January 2023 (AFP); no day found
        ("report-2017-478", "S/2017/478", None),  # named in S/2017/811; its date was not found
    ],
)
def test_missing_reports_are_recorded(source_id: str, symbol: str, published: str | None) -> None:
    source = _by_id(load()["sources"], source_id)
    assert (source["symbol"], source["kind"], source["author"]) == (symbol, "report", "United Nations Security Council")
    assert source["url"] == f"https://undocs.org/{symbol}"
    assert source.get("published") == published
    # no copy of these four was read: the title is the tool's description, marked as such
    assert source["title"].startswith("[") and source["title"].endswith(f"({symbol})")
    assert "alternative_urls" not in source


def test_strength_2022_12_cites_the_internal_review_it_names() -> None:
    claim = _by_id(load()["snapshots"], "strength-2022-12")["claims"][0]
    assert "S/2023/36" in claim["note"]["en"]
    assert claim["sources"] == ["abamako-2023-review", "report-2023-36"]


def test_reliefweb_2100_is_reliefwebs_copy_of_the_council_press_release() -> None:
    """The address has the slug of an AFP story ("UN to send peacekeepers into risky Mali conflict");
    the page read there is ReliefWeb's copy of the Council's press release of 25 April 2013."""
    source = _by_id(load()["sources"], "reliefweb-2100")
    assert source["url"] == "https://reliefweb.int/report/mali/un-send-peacekeepers-risky-mali-conflict"
    assert source["title"].startswith("Security Council establishes peacekeeping force for Mali")
    assert (source["publisher"], source["author"], source["kind"], source["published"]) == (
        "ReliefWeb",
        "United Nations Security Council",
        "press_release",
        "2013-04-25",
    )


def test_sweden_withdrawal_ev_2022_sweden_withdrawal_and_ev_2022_sweden_riksdag() -> None:
    events = load()["events"]
    announced = _by_id(events, "ev-2022-sweden-withdrawal")
    approved = _by_id(events, "ev-2022-sweden-riksdag")
    assert (announced["date"], approved["date"]) == ("2022-03", "2022-12-13")
    for event in (announced, approved):
        assert event["category"] == "withdrawal" and set(event["text"]) == {"en", "nl", "fr"}
        assert "30 June 2023" in event["text"]["en"]
    assert "220" in announced["text"]["en"]


def test_every_contributor_withdrawal_of_2022_23_is_in_the_installed_timeline() -> None:
    shown = _installed("timeline", "--category", "withdrawal", "--from", "2022", "--to", "2022")
    ids = {event["id"] for event in shown["events"]}
    for wanted in (
        "ev-2022-benin-withdrawal",
        "ev-2022-egypt-suspends",
        "ev-2022-germany-withdrawal",
        "ev-2022-civ-withdrawal",
        "ev-2022-uk-withdrawal",
        "ev-2022-sweden-withdrawal",
        "ev-2022-sweden-riksdag",
    ):
        assert wanted in ids


def test_budget_2021_22_cites_maliwebs_exact_allocation() -> None:
    """budget-2021-22: maliweb (August 2021) gives the General Assembly's allocation for the year to the
    dollar, 1,171,612,500; the record of that page is a news source with its month, read on 2026-12-07."""
    source = _by_id(load()["sources"], "maliweb-2021-08-mandat")
    assert (source["publisher"], source["author"], source["kind"], source["language"]) == (
        "Maliweb",
        "Maliweb",
        "news",
        "fr",
    )
    assert (source["published"], source["accessed"]) == ("2021-08", "2026-12-07")
    assert source["url"].endswith("-2938979.html")
    figures = _by_id(load()["budgets"], "budget-2021-22")["figures"]
    cited = [figure for figure in figures if "maliweb-2021-08-mandat" in figure["sources"]]
    assert [(f["kind"], f["rank"], f["amount"]) for f in cited] == [
        ("approved", "preferred", {"value": 1_171_612_500, "qualifier": "exact"}),
    ]
    assert all(set(cited[0][key]) == {"en", "nl", "fr"} for key in ("what", "reason", "caveat"))


def test_the_installed_budget_shows_2021_22_to_the_dollar() -> None:
    shown = _installed("budget", "--from", "2021/22", "--to", "2021/22")
    (year,) = shown["years"]
    assert year["approved"] == {"value": 1_171_612_500, "qualifier": "exact"}
    assert "maliweb-2021-08-mandat" in {source["id"] for source in shown["sources"]}
