"""Rule tests for yearly means of strength (``basis: yearly_mean`` on a snapshot's claim), on small fact
bases: which snapshot ``at`` shows around the start of a year, the yearly mean that covers a day beside an
older count, the ceiling a mean over a change of ceiling is (not) measured against, and the check that a
stated count stays preferred to an estimate of the same snapshot."""

from __future__ import annotations

from typing import Any

import pytest

from minusma import query
from minusma.model import ceiling_change
from rules_facts import ceiling, claim, facts, keys, q, resolution, snapshot, tiny


def mean(rank: str = "preferred", military: int = 9000, police: int = 1000) -> dict[str, Any]:
    return claim(rank, basis="yearly_mean", military=q(military, "about"), police=q(police, "about"))


def with_ceilings(*adopted: tuple[str, int, int], snapshots: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """``tiny`` (ceiling 11,200 + 1,440 from 2013-04-25) with a resolution per (adopted, military, police)."""
    data = tiny(snapshots=snapshots or [])
    data["resolutions"] += [
        resolution(f"res-{index}", 2200 + index, date, "related", ceiling=ceiling(military, police))
        for index, (date, military, police) in enumerate(adopted)
    ]
    return data


# --------------------------------------------------------------------------- which snapshot on a day


def _chosen(data: dict[str, Any], *dates: str) -> dict[str, list[tuple[str, str]]]:
    return {
        date: [(row["snapshot"], row["basis"]) for row in query.at(facts(data), date)["strength"]] for date in dates
    }


def test_a_yearly_mean_is_the_latest_figure_from_the_first_day_of_its_year() -> None:
    data = tiny(snapshots=[snapshot("sep", "2015-09", claim(military=q(10482))), snapshot("y2016", "2016", mean())])
    assert _chosen(data, "2015-12-31", "2016-01-01", "2016-01-02", "2016-09-01") == {
        "2015-12-31": [("sep", "stated")],
        "2016-01-01": [("y2016", "yearly_mean")],
        "2016-01-02": [("y2016", "yearly_mean")],
        "2016-09-01": [("y2016", "yearly_mean")],
    }


def test_a_later_count_in_the_year_comes_first_and_the_mean_that_covers_the_day_follows() -> None:
    data = tiny(snapshots=[snapshot("y2016", "2016", mean()), snapshot("may", "2016-05-10", claim(military=q(10000)))])
    assert _chosen(data, "2016-05-09", "2016-05-10", "2016-12-31", "2017-01-01") == {
        "2016-05-09": [("y2016", "yearly_mean")],
        "2016-05-10": [("may", "stated"), ("y2016", "yearly_mean")],
        "2016-12-31": [("may", "stated"), ("y2016", "yearly_mean")],
        "2017-01-01": [("may", "stated")],  # the 2016 mean no longer covers the day
    }
    notes = [note["en"] for note in query.at(facts(data), "2016-05-10")["notes"]]
    assert any("yearly mean for 2016" in note for note in notes)
    assert not any("yearly mean" in note["en"] for note in query.at(facts(data), "2017-01-01")["notes"])


def test_a_stated_count_on_the_same_date_stays_first_and_preferred() -> None:
    data = tiny(snapshots=[snapshot("y2017", "2017", claim(military=q(10320)), mean("normal"))])
    rows = query.at(facts(data), "2017-06-01")["strength"]
    assert [(row["rank"], row["basis"]) for row in rows] == [("preferred", "stated"), ("normal", "yearly_mean")]
    assert keys(data) == []


def test_an_estimate_preferred_over_a_stated_count_of_its_snapshot_is_an_error() -> None:
    data = tiny(snapshots=[snapshot("y2017", "2017", claim("normal", military=q(10320)), mean("preferred"))])
    assert ("error", "snapshots[0].claims[1].rank", "check.estimate_preferred") in keys(data)
    alone = tiny(snapshots=[snapshot("y2016", "2016", mean("preferred"))])  # no stated count: it may be preferred
    assert keys(alone) == []
    two = tiny(snapshots=[snapshot("y2016", "2016", mean("preferred"), mean("normal", 8000))])
    assert keys(two) == []


# --------------------------------------------------------------------------- the ceiling of a mean


@pytest.mark.parametrize(
    ("adopted", "changed"),
    [
        ("2015-12-31", None),  # before the year: in force on its first day
        ("2016-01-01", None),  # on the first day: in force on it, no change within the year
        ("2016-01-02", 2200),
        ("2016-06-29", 2200),
        ("2016-06", 2200),  # adopted some day of June: within the year whichever
        ("2016-12-31", 2200),  # the last day
        ("2017-01-01", None),  # the day after
    ],
)
def test_a_change_of_ceiling_within_the_period(adopted: str, changed: int | None) -> None:
    data = with_ceilings((adopted, 13289, 1920))
    found = ceiling_change(facts(data), "2016")
    assert (found["number"] if found else None) == changed


def test_a_renewal_that_restates_the_ceiling_changes_nothing_and_the_first_change_is_named() -> None:
    same = with_ceilings(("2016-06-29", 11200, 1440))
    assert ceiling_change(facts(same), "2016") is None
    police_only = with_ceilings(("2016-06-29", 11200, 1441))
    assert ceiling_change(facts(police_only), "2016") is not None
    two = with_ceilings(("2016-10-01", 14000, 2000), ("2016-03", 13289, 1920))
    found = ceiling_change(facts(two), "2016")
    assert found is not None and found["number"] == 2201  # March before October, whatever the file order


def test_a_mean_over_a_change_of_ceiling_has_no_fill_rate_and_a_stated_count_keeps_its_own() -> None:
    data = with_ceilings(
        ("2016-06-29", 13289, 1920),
        snapshots=[snapshot("y2016", "2016", claim(military=q(10000)), mean("normal"))],
    )
    rows = query.compare(facts(data))["comparison"]
    stated, estimated = rows
    assert stated["fill_rate"]["military"] == {"percent": 89.3, "qualifier": "exact"}  # 10,000 of 11,200
    assert stated["ceiling_changed"] is None
    assert estimated["fill_rate"] == {"military": None, "police": None, "uniformed": None}
    assert estimated["ceiling_changed"] == 2200
    assert estimated["ceiling"]["military"] == 11200  # the ceiling shown is the one of the first day, as ever
    same_year = with_ceilings(("2017-01-01", 13289, 1920), snapshots=[snapshot("y2016", "2016", mean())])
    (row, *_) = query.compare(facts(same_year))["comparison"]
    assert row["ceiling_changed"] is None
    assert row["fill_rate"]["military"] == {"percent": 80.4, "qualifier": "about"}  # 9,000 of 11,200


def test_the_tables_mark_an_estimate_and_explain_it_and_the_missing_fill() -> None:
    from minusma import sheets

    data = with_ceilings(("2016-06-29", 13289, 1920), snapshots=[snapshot("y2016", "2016", mean())])
    (sheet,) = sheets.compare(query.compare(facts(data)), "en")
    basis = next(column for column in sheet.columns if column.key == "basis")
    assert basis.show == "both"
    index = sheet.columns.index(basis)
    assert {row[index] for row in sheet.rows} == {sheets.Coded("yearly_mean", "μ")}
    assert any(note.startswith("μ the mission's mean") for note in sheet.notes)
    assert any("The ceiling changed during 2016 (resolution 2200)" in note for note in sheet.notes)
    stated = tiny(snapshots=[snapshot("s", "2016", claim(military=q(1)))])
    (plain,) = sheets.compare(query.compare(facts(stated)), "en")
    column = next(column for column in plain.columns if column.key == "basis")
    assert column.show == "csv"  # no estimate: no mark in tables, the code still in CSV
    assert not any("μ" in note for note in plain.notes)


# --------------------------------------------------------------------------- edges found by mutation testing


def test_a_resolution_without_a_ceiling_or_with_the_same_one_does_not_end_the_search() -> None:
    data = with_ceilings(("2016-03-01", 11200, 1440), ("2016-10-01", 13289, 1920))
    data["resolutions"].insert(1, resolution("res-none", 2199, "2016-02-01", "related"))  # no ceiling
    found = ceiling_change(facts(data), "2016")
    assert found is not None and found["number"] == 2201  # past the one without a ceiling and the restated one


def test_two_changes_adopted_the_same_day_name_the_first_in_the_file() -> None:
    data = with_ceilings(("2016-06-29", 13289, 1920), ("2016-06-29", 14000, 2000))
    found = ceiling_change(facts(data), "2016")
    assert found is not None and found["number"] == 2200


def test_a_mean_that_covers_the_day_is_found_after_a_stated_snapshot_in_the_file() -> None:
    data = tiny(
        snapshots=[
            snapshot("first-day", "2016-01-01", claim(military=q(10000))),
            snapshot("may-mean", "2016-05", mean(military=9500)),
            snapshot("y2016", "2016", mean()),
        ]
    )
    assert _chosen(data, "2016-01-01", "2016-05-20") == {
        "2016-01-01": [("first-day", "stated"), ("y2016", "yearly_mean")],  # the mean's first day is covered
        "2016-05-20": [("may-mean", "yearly_mean"), ("y2016", "yearly_mean")],  # chosen, then the other
    }
    later = tiny(
        snapshots=[
            snapshot("late", "2016-05-10", claim(military=q(10000))),
            snapshot("may-mean", "2016-05", mean(military=9500)),
            snapshot("y2016", "2016", mean()),
        ]
    )
    rows = query.at(facts(later), "2016-05-20")["strength"]
    assert [row["snapshot"] for row in rows] == ["late", "y2016", "may-mean"]  # the covering means by date


def test_without_a_change_of_ceiling_a_mean_has_every_fill_rate() -> None:
    data = tiny(snapshots=[snapshot("y2016", "2016", mean(military=5600, police=720))])
    (row,) = query.compare(facts(data))["comparison"]
    assert row["fill_rate"] == {
        "military": {"percent": 50.0, "qualifier": "about"},
        "police": {"percent": 50.0, "qualifier": "about"},
        "uniformed": {"percent": 50.0, "qualifier": "about"},  # 6,320 of 12,640
    }
