"""The withdrawal's camp closures (2023): each site leaves `bases --at` the day after its closing day,
through the installed command, and by mid-December only the three sites the closing ceremony of
11 December named are left (10 of 13 camps closed; Ogossagou, a temporary base, is not a Geo-PKO site)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from installed import minusma_command
from minusma.load import load

CLOSURES = {
    "base-goundam": "2023-08-16",
    "base-menaka": "2023-08-25",
    "base-douentza": "2023-10-21",
    "base-ansongo": "2023-11-18",
    "base-mopti-sevare": "2023-12-08",
}


def _sites_on(day: str) -> set[str]:
    run = subprocess.run(
        [*minusma_command(), "bases", "--at", day, "--json"], capture_output=True, text=True, check=True
    )
    return {site["id"] for site in json.loads(run.stdout)["sites"]}


def _day(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


@pytest.mark.parametrize(("site", "closed"), CLOSURES.items())
def test_a_site_is_in_use_through_its_closing_day_and_not_the_day_after(site: str, closed: str) -> None:
    assert site in _sites_on(_day(closed, -1))
    assert site in _sites_on(closed)
    assert site not in _sites_on(_day(closed, 1))


@pytest.mark.parametrize(("site", "closed"), CLOSURES.items())
def test_each_closing_day_is_the_day_of_the_event_that_reports_it(site: str, closed: str) -> None:
    facts = load()
    base = next(base for base in facts["bases"] if base["id"] == site)
    event = next(event for event in facts["events"] if event["id"] == base["closed"]["event"])
    assert base["closed"]["date"] == event["date"] == closed
    assert event.get("place") == site and event["category"] == "withdrawal"


def test_after_mopti_only_bamako_gao_and_timbuktu_are_left() -> None:
    assert _sites_on("2023-12-09") == {"base-bamako", "base-gao", "base-tombouctou"}
    assert "base-mopti-sevare" in _sites_on("2023-12-08")
