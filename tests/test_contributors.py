"""Contributing countries: the command, its rules, and the same facts in `dutch` and `at`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma import query
from minusma.cli import app
from minusma.load import load, parse
from minusma.messages import LANGS
from minusma.model import FactBase, country_names


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load()


def test_september_2013_lists_thirty_countries_chad_first(facts: FactBase) -> None:
    rows = [row for row in facts["contributions"] if row["date"] == "2013-09"]
    assert len({row["country"] for row in rows}) == 30
    largest = max(rows, key=lambda row: query.contribution_size(row))
    assert (largest["country"], largest["total"]["value"]) == ("TCD", 1252)


def test_country_figures_on_at_least_eight_dates(facts: FactBase) -> None:
    assert len({row["date"] for row in facts["contributions"]}) >= 8


def test_at_a_date_each_country_has_its_latest_recent_figure(facts: FactBase) -> None:
    rows = query.contributors(facts, at="2019-03")["contributors"]
    by_country = {row["country"]: row for row in rows}
    assert by_country["NER"]["military"]["value"] == 847  # March 2019
    assert by_country["TGO"]["date"] == "2019-02-28"
    assert all(row["date"] >= "2017" for row in rows)  # a 2013 contingent does not stand for 2019
    sizes = [row["size"] for row in rows]
    assert sizes == sorted(sizes, reverse=True)


@pytest.mark.parametrize("name", ["TCD", "tcd", "Chad", "Tsjaad", "tchad"])
def test_a_country_by_code_or_name_in_any_language(facts: FactBase, name: str) -> None:
    assert query.find_country(facts, name) == "TCD"


def test_unknown_country_is_exit_1_with_a_hint(runner: CliRunner) -> None:
    result = runner.invoke(app, ["contributors", "--country", "Tcha"])
    assert result.exit_code == 1
    assert "TCD (Chad)" in result.stderr


def test_every_format_and_language(runner: CliRunner) -> None:
    for lang in LANGS:
        table = runner.invoke(app, ["contributors", "--lang", lang, "--at", "2023-02"])
        assert table.exit_code == 0, table.output
        assert country_names("TCD")[lang] in table.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["contributors", "--csv", "--lang", "fr"]).stdout)))
    assert rows and all(len(row["country"]) == 3 and row["country"].isupper() for row in rows)
    document = json.loads(runner.invoke(app, ["contributors", "--json"]).stdout)
    assert set(document) == {
        "as_of", "at", "read_as", "window_start", "date_from", "date_to", "year", "country", "status_text",
        "contributors", "no_recent", "without", "sites", "sources",
    }  # fmt: skip


def test_dutch_and_contributors_show_the_same_dutch_facts(facts: FactBase) -> None:
    assert query.dutch(facts)["contributions"] == query.contributors(facts, country="NLD")["contributors"]


def test_at_shows_the_ten_largest(facts: FactBase) -> None:
    rows = query.at(facts, "2023-02-15")["contributors"]
    assert len(rows) == 10 and rows[0]["country"] == "TCD"


def test_search_finds_a_country_in_any_language(facts: FactBase) -> None:
    for word in ("Bangladesh", "Tsjaad", "Égypte"):
        assert any(hit["kind"] == "contribution" for hit in query.search(facts, word)["hits"]), word


def _broken(shipped_data: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> list[str]:
    import copy

    data = copy.deepcopy(shipped_data)
    change(data)
    _, problems = parse(json.dumps(data).encode(), "facts.json")
    return [f"{problem.severity} {problem.path}: {problem.message.said('en')}" for problem in problems]


def test_parts_above_the_total_are_an_error(shipped_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        row = next(row for row in data["contributions"] if row["country"] == "SEN" and "total" in row)
        row["military"]["value"] = row["total"]["value"] + 1

    assert any(
        line.startswith("error") and "more than the stated total" in line for line in _broken(shipped_data, change)
    )


def test_countries_above_the_mission_total_are_a_warning_naming_both_sources(shipped_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        row = next(row for row in data["contributions"] if row["country"] == "TCD" and row["date"] == "2013-09")
        row["total"]["value"] = 5000
        row["military"]["value"] = 4990

    found = [line for line in _broken(shipped_data, change) if "countries add up" in line]
    assert found and found[0].startswith("warning") and "bamada-strength-2013" in found[0]


def test_a_fact_base_without_contributions_still_loads(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    import copy

    data = copy.deepcopy(shipped_data)
    del data["contributions"]
    fact_base, problems = parse(json.dumps(data).encode(), "facts.json")
    assert fact_base is not None and not [problem for problem in problems if problem.severity == "error"]
    assert query.contributors(fact_base)["contributors"] == []


def test_no_contingent_outside_the_mission_s_life(facts: FactBase) -> None:
    for day in ("2010", "2024-02-01"):
        result = query.contributors(facts, at=day)
        assert result["contributors"] == [] and result["status_text"] is not None
    assert query.contributors(facts)["read_as"] == "2023-06-30"  # without --at: the mandate's last day


# --------------------------------------------------------------------------- the Dutch figures are contributions


@pytest.mark.parametrize(
    ("ident", "date", "total", "sources", "note"),
    [
        ("nl-2016-09", "2016-09", {"value": 375, "qualifier": "exact"}, ["ad-2016"], "Dutch blue helmets in Mali"),
        (
            "nl-2017",
            "2017",
            {"value": 290, "qualifier": "exact"},
            ["nhd-apaches-2017", "leidschdagblad-2017"],
            "to stay for the year",
        ),
        ("nl-2018", "2018", {"value": 250, "qualifier": "about"}, ["hln-2017", "landmacht-2017"], "Kamp Castor"),
    ],
)
def test_a_dutch_figure_of_a_date_is_one_contribution_record_both_commands_show(
    facts: FactBase, runner: CliRunner, ident: str, date: str, total: dict[str, Any], sources: list[str], note: str
) -> None:
    """The figures `dutch` once kept apart, moved with their id, date precision, qualifier and sources."""
    (record,) = [item for item in facts["contributions"] if item["id"] == ident]
    assert (record["country"], record["date"], record["total"], record["sources"]) == ("NLD", date, total, sources)
    assert "basis" not in record and note in record["note"]["en"] and set(record["note"]) == set(LANGS)
    assert ident not in {figure["id"] for figure in facts["netherlands"]["figures"]}
    dutch = json.loads(runner.invoke(app, ["dutch", "--json"]).stdout)
    country = json.loads(runner.invoke(app, ["contributors", "--country", "NLD", "--json"]).stdout)
    assert [row for row in dutch["contributions"] if row["id"] == ident] == [
        row for row in country["contributors"] if row["id"] == ident
    ]
    assert ident in {row["id"] for row in dutch["contributions"]}
    assert set(sources) <= {source["id"] for source in dutch["sources"]}


def test_the_dutch_figures_left_are_no_deployment_on_a_date(facts: FactBase) -> None:
    """A total over the years, a plan, a peak over a period, deaths, patrols, people, extensions."""
    assert [figure["id"] for figure in facts["netherlands"]["figures"]] == [
        "nl-total-served", "nl-planned-2013", "nl-peak", "nl-deaths", "nl-patrols", "nl-helicopter-people",
        "nl-extensions",
    ]  # fmt: skip


def test_dutch_and_one_country_show_each_figures_note_in_every_language(facts: FactBase, runner: CliRunner) -> None:
    (record,) = [item for item in facts["contributions"] if item["id"] == "nl-2017"]
    for lang in LANGS:
        for args in (["dutch"], ["contributors", "--country", "NLD"]):
            rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--csv", "--lang", lang]).stdout)))
            (row,) = [row for row in rows if row["id"] == "nl-2017"]
            assert row["note"] == record["note"][lang]  # type: ignore[typeddict-item]
            assert (row["total"], row["total_qualifier"], row["date"]) == ("290", "exact", "2017")
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["contributors", "--year", "2017", "--csv"]).stdout)))
    assert "note" not in rows[0]  # many countries: no note column
