"""Where things were, outside `bases`: the sites `at` lists, where `dutch` shows the Netherlands,
the place an event names, and the map's marks (issue 18 item 5)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma import query
from minusma.cli import app
from minusma.load import load
from minusma.model import Base, FactBase


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load()


def _base(*dates: str, closed: str | None = None, dataset: str = "geopko-map") -> Base:
    base: dict[str, Any] = {
        "id": "base-test", "name": {"en": "Testville", "nl": "Teststad", "fr": "Testville"}, "spellings": [],
        "region": {"en": "Gao", "nl": "Gao", "fr": "Gao"}, "longitude": 0.0, "latitude": 16.0,
        "sources": ["geopko-v2.3-frontmap"],
        "presence": [
            {"date": date, "dataset": dataset, "estimate": "unit_sizes", "troops": 150,
             "troops_by_country": {"TCD": 150}, "sources": ["geopko-maps-2014-2018"]}
            for date in dates
        ],
    }  # fmt: skip
    if closed is not None:
        base["closed"] = {"date": closed, "event": "ev-2023-kidal"}
    return base  # type: ignore[return-value]


def _with(facts: FactBase, *bases: Base) -> FactBase:
    changed = dict(facts)
    changed["bases"] = list(bases)
    return changed  # type: ignore[return-value]


# --------------------------------------------------------------------------- at DATE: the sites in use


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2015-02-28", False),  # the day before the site's first row
        ("2015-03-01", True),  # its first day
        ("2015-03-31", True),
        ("2015-04-01", False),  # between two maps: nothing carried over
        ("2015-05-01", True),
        ("2015-05-31", True),  # its last day
        ("2015-06-01", False),  # the day after
    ],
)
def test_at_lists_a_site_from_its_first_day_to_its_last(facts: FactBase, day: str, expected: bool) -> None:
    changed = _with(facts, _base("2015-03", "2015-05"))
    result = query.at(changed, day)
    assert [site["id"] for site in result["sites"]] == (["base-test"] if expected else [])
    assert result["sites"] == query.bases(changed, at=day)["sites"]  # the same facts and rule as bases --at


@pytest.mark.parametrize(
    ("closed", "day", "expected"),
    [
        ("2023-10-21", "2023-10-20", True),
        ("2023-10-21", "2023-10-21", True),  # the day it closed
        ("2023-10-21", "2023-10-22", False),  # the day after, though the year's row covers it
        ("2023-10", "2023-10-31", True),  # known to the month: to its last day
        ("2023-10", "2023-11-01", False),
    ],
)
def test_at_drops_a_site_after_its_closure(facts: FactBase, closed: str, day: str, expected: bool) -> None:
    changed = _with(facts, _base("2023", closed=closed, dataset="geopko-yearly"))
    assert bool(query.at(changed, day)["sites"]) == expected


@pytest.mark.parametrize(("asked", "expected"), [("2015-03", True), ("2015", False), ("2015-02", False)])
def test_at_reads_a_month_or_year_as_its_last_day_for_sites_too(facts: FactBase, asked: str, expected: bool) -> None:
    """`at 2015` is the last day of 2015, as for every other part of its answer (unlike `bases --at`,
    which takes any time in the period)."""
    changed = _with(facts, _base("2015-03"))
    assert bool(query.at(changed, asked)["sites"]) == expected


def test_at_without_sites_has_no_sites_sheet(facts: FactBase) -> None:
    from minusma.sheets import at as at_sheets

    result = query.at(_with(facts), "2016-07-06")
    assert result["sites"] == []
    assert "sites" not in [sheet.key for sheet in at_sheets(result, "en")]


def test_at_names_the_sites_and_points_to_bases(runner: CliRunner) -> None:
    result = runner.invoke(app, ["at", "2016-07-06", "--format", "csv"])
    assert result.exit_code == 0, result.output
    shipped = query.bases(load(), at="2016-07-06")["sites"]
    table = runner.invoke(app, ["at", "2016-07-06"], env={"COLUMNS": "200"})
    assert "Sites in use" in table.stdout
    assert "'minusma bases --at 2016-07-06'" in table.stdout
    for site in shipped:
        assert site["name"]["en"] in table.stdout
    data = json.loads(runner.invoke(app, ["at", "2016-07-06", "--format", "json"]).stdout)
    assert [site["id"] for site in data["sites"]] == [site["id"] for site in shipped]
    assert "base-gao" in [site["id"] for site in data["sites"]]
    gao = next(site for site in data["sites"] if site["id"] == "base-gao")
    assert "NLD" in gao["countries"]


def test_at_sites_read_back_as_csv(runner: CliRunner) -> None:
    result = runner.invoke(app, ["at", "2023-10-22", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    ids = {row["id"] for row in rows if row["table"] == "sites"}
    assert {row["site"] for row in rows if row["table"] == "sites"} >= {"Kidal", "Gao"}
    assert "base-tessalit" not in ids  # closed on 2023-10-21
    assert "base-kidal" in ids  # closed on 2023-10-31


# --------------------------------------------------------------------------- dutch: where the Netherlands was


def _row(date: str, dataset: str, troops: dict[str, int | None], **more: Any) -> dict[str, Any]:
    estimate = "yearly_mean" if dataset == "radpko-yearly" else "unit_sizes"
    return {
        "date": date, "dataset": dataset, "estimate": estimate, "troops_by_country": troops,
        "sources": ["radpko-bases-yearly" if dataset == "radpko-yearly" else "geopko-maps-2014-2018"], **more,
    }  # fmt: skip


def test_country_sites_keeps_each_dataset_in_its_own_column(facts: FactBase) -> None:
    base = _base("2015")
    base["presence"] = [  # type: ignore[typeddict-item]
        _row("2015", "geopko-yearly", {"NLD": 750, "SEN": 1250}),
        _row("2015-03", "geopko-map", {"NLD": 150}, map="Map No. 4506 Rev.8"),
        _row("2015-06", "geopko-map", {"NLD": 450}),
        _row("2015", "radpko-yearly", {"NLD": 571}, police_by_country={"NLD": 20}),
        _row("2016", "radpko-yearly", {"SEN": 500}, police_by_country={"NLD": 3}),  # police only: there
        _row("2017", "geopko-yearly", {"SEN": 950}),  # no Dutch: no row
        _row("2018", "geopko-yearly", {"NLD": None}),  # named without a figure
    ]
    found = query.country_sites(_with(facts, base), "NLD")
    assert [(place["year"], place["base"]) for place in found] == [
        ("2015", "base-test"), ("2016", "base-test"), ("2018", "base-test"),
    ]  # fmt: skip
    first, police_only, unsized = found
    assert first["geopko_troops"] == 750
    assert [(item["date"], item["map"], item["troops"]) for item in first["map_troops"]] == [
        ("2015-03", "Map No. 4506 Rev.8", 150), ("2015-06", None, 450),
    ]  # fmt: skip
    assert (first["radpko_troops"], first["radpko_police"]) == (571, 20)
    assert (police_only["geopko_troops"], police_only["radpko_troops"], police_only["radpko_police"]) == (None, None, 3)
    assert unsized["geopko_troops"] is None
    assert query.country_sites(_with(facts, base), "TCD") == []


def test_where_a_site_has_no_dutch_row_it_is_not_listed(facts: FactBase) -> None:
    assert query.country_sites(_with(facts, _base("2015")), "NLD") == []
    sheets = __import__("minusma.sheets", fromlist=["dutch"]).dutch(query.dutch(_with(facts)), "en")
    where = next(sheet for sheet in sheets if sheet.key == "where")
    assert where.rows == []
    assert "No site" in where.notes[0]


def test_dutch_shows_where_the_netherlands_was_from_the_bases_facts(runner: CliRunner, facts: FactBase) -> None:
    result = runner.invoke(app, ["dutch", "--format", "json"])
    assert result.exit_code == 0, result.output
    where = json.loads(result.stdout)["where"]
    rows = query.bases(facts, country="NLD")["rows"]
    assert {(place["year"], place["base"]) for place in where} == {(row["date"][:4], row["base"]) for row in rows}
    assert ("2014", "base-gao") in {(place["year"], place["base"]) for place in where}
    gao_2014 = next(place for place in where if (place["year"], place["base"]) == ("2014", "base-gao"))
    radpko = next(
        row for row in rows if row["base"] == "base-gao" and (row["date"], row["dataset"]) == ("2014", "radpko-yearly")
    )
    assert gao_2014["radpko_troops"] == radpko["troops_by_country"]["NLD"]
    table = runner.invoke(app, ["dutch"], env={"COLUMNS": "200"}).stdout
    assert "Where the Netherlands was, year by year (estimates)" in table
    assert "Estimates, not headcounts" in table
    assert "~150 to ~750 (4 maps)" in table


def test_dutch_where_reads_back_as_csv_with_estimates_marked(runner: CliRunner) -> None:
    result = runner.invoke(app, ["dutch", "--format", "csv", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    rows = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["table"] == "where"]
    assert rows and {row["id"] for row in rows} <= {"base-gao", "base-bamako"}
    first = rows[0]
    assert (first["year"], first["site"], first["geopko_troops_qualifier"]) == ("2014", "Gao", "about")
    assert first["map_troops"].endswith("(4 kaarten)")
