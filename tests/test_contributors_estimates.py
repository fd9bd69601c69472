"""Contributors from the datasets' estimates beside stated figures: Geo-PKO's unit-size sums, RADPKO's
yearly means, which one stands for a country on a date, the edges of a year, and the shipped counts
per year (issue 19 item 5, issue 18 item 6)."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma import query
from minusma.cli import app
from minusma.load import load
from minusma.messages import LANGS, say
from minusma.model import BASIS_PREFERENCE, FactBase
from rules_facts import claim, contribution, day, facts, keys, q, snapshot, tiny


def _figure(identifier: str, country: str, date: str, value: int, basis: str | None = None) -> dict[str, Any]:
    record = contribution(identifier, country, date, military=q(value, "about" if basis else "exact"))
    return record | ({"basis": basis} if basis else {})


STATED = _figure("c-stated", "TCD", "2021", 1400)
MEAN = _figure("c-mean", "TCD", "2021", 1444, "yearly_mean")
UNITS = _figure("c-units", "TCD", "2021", 2050, "unit_sizes")


def _on(date: str, *records: dict[str, Any]) -> list[str]:
    return [row["id"] for row in query.contributors_on(facts(tiny(contributions=list(records))), day(date))]


def _year(year: str, *records: dict[str, Any]) -> list[str]:
    result = query.contributors(facts(tiny(contributions=list(records))), year=year)
    return [row["id"] for row in result["contributors"]]


# --------------------------------------------------------------------------- which figure stands


def test_the_preference_is_stated_then_yearly_mean_then_unit_sizes() -> None:
    assert BASIS_PREFERENCE == ("stated", "yearly_mean", "unit_sizes")


@pytest.mark.parametrize("order", list(itertools.permutations((STATED, MEAN, UNITS))))
def test_on_one_date_the_stated_figure_stands_whatever_the_order_in_the_file(order: tuple[Any, ...]) -> None:
    assert _on("2021-12-31", *order) == ["c-stated"]
    assert _year("2021", *order) == ["c-stated", "c-mean", "c-units"]  # all stay, the preferred first


@pytest.mark.parametrize("order", [(MEAN, UNITS), (UNITS, MEAN)])
def test_on_one_date_a_yearly_mean_stands_before_a_unit_size_estimate(order: tuple[Any, ...]) -> None:
    assert _on("2021-12-31", *order) == ["c-mean"]
    assert _year("2021", *order) == ["c-mean", "c-units"]


def test_of_two_estimates_of_one_kind_on_one_date_the_later_in_the_file_stands() -> None:
    again = _figure("c-units-2", "TCD", "2021", 950, "unit_sizes")
    assert _on("2021-12-31", UNITS, again) == ["c-units-2"]
    assert _on("2021-12-31", again, UNITS) == ["c-units"]


def test_a_year_with_only_estimates_is_answered_with_them() -> None:
    niger = _figure("c-ner", "NER", "2021", 950, "unit_sizes")
    assert _year("2021", UNITS, niger) == ["c-units", "c-ner"]  # the larger country first
    assert _on("2021-06-15", UNITS, niger) == ["c-units", "c-ner"]
    data = facts(tiny(contributions=[UNITS]))
    (row,) = query.contributors(data, year="2021")["contributors"]
    assert row["basis"] == "unit_sizes" and row["military"] == {"value": 2050, "qualifier": "about"}


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2021-05-31", ["c-units"]),  # before the stated month: the year's estimate
        ("2021-06-01", ["c-june"]),  # the stated month's first day: the later date wins
        ("2021-12-31", ["c-june"]),
        ("2022-01-01", ["c-june"]),  # no 2022 figure: the June figure stays, within the window
    ],
)
def test_a_stated_figure_and_an_estimate_of_one_country_in_one_year(date: str, expected: list[str]) -> None:
    june = _figure("c-june", "TCD", "2021-06", 1400)
    assert _on(date, UNITS, june) == expected
    assert _year("2021", UNITS, june) == ["c-units", "c-june"]  # both, by date: the year before its months


# --------------------------------------------------------------------------- the edges of a year


EVE = _figure("c-eve", "TCD", "2020-12-31", 1300)
NEW_YEAR = _figure("c-new-year", "NER", "2021-01-01", 900)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2020-12-30", []),
        ("2020-12-31", ["c-eve"]),  # a 2021 estimate is not dated yet on 31 December
        ("2021-01-01", ["c-units", "c-new-year"]),  # from 1 January the year's estimate is the later figure
        ("2021-01-02", ["c-units", "c-new-year"]),
    ],
)
def test_a_years_estimate_counts_from_the_first_of_january(date: str, expected: list[str]) -> None:
    assert _on(date, EVE, UNITS, NEW_YEAR) == expected


def test_a_year_holds_from_the_first_of_january_to_the_thirty_first_of_december() -> None:
    last_2021 = _figure("c-last", "NER", "2021-12-31", 800)
    first_2022 = _figure("c-first", "NER", "2022-01-01", 700)
    records = (EVE, UNITS, NEW_YEAR, last_2021, first_2022)
    assert _year("2020", *records) == ["c-eve"]
    assert _year("2021", *records) == ["c-units", "c-new-year", "c-last"]
    assert _year("2022", *records) == ["c-first"]


# --------------------------------------------------------------------------- the check on a day's total


@pytest.mark.parametrize(
    ("records", "warned"),
    [
        ([MEAN, UNITS], False),  # 1,444 stands for Chad; never 1,444 + 2,050
        ([UNITS], True),  # 2,050 alone is above 2,000
        ([STATED, MEAN, UNITS], False),
        ([MEAN, UNITS, _figure("c-ner", "NER", "2021", 600, "unit_sizes")], True),  # 1,444 + 600
        ([MEAN, UNITS, _figure("c-ner", "NER", "2021", 556, "unit_sizes")], False),  # exactly 2,000
    ],
)
def test_the_days_total_adds_one_figure_per_country(records: list[Any], warned: bool) -> None:
    data = tiny(contributions=records, snapshots=[snapshot("s", "2021", claim(personnel=q(2000)))])
    found = [key for key in keys(data) if key[2] == "check.contributions_above_total"]
    assert bool(found) is warned


# --------------------------------------------------------------------------- the shipped answer


@pytest.fixture(scope="module")
def shipped() -> FactBase:
    return load()


def _countries(fact_base: FactBase, year: int) -> set[str]:
    return {row["country"] for row in query.contributors(fact_base, year=str(year))["contributors"]}


def test_every_year_2014_to_2022_has_twenty_countries_or_more(shipped: FactBase) -> None:
    for year in range(2014, 2023):
        assert len(_countries(shipped, year)) >= 20, year


def test_2014s_twentieth_country_is_norway_from_its_own_pages(shipped: FactBase) -> None:
    """Both datasets name the same 19 countries in 2014; Norway's staff officers in ASIFU are the 20th."""
    rows = query.contributors(shipped, year="2014")["contributors"]
    assert {row["country"] for row in rows if row["basis"] != "stated"} == _countries(shipped, 2014) - {"NOR"}
    (norway,) = [row for row in rows if row["country"] == "NOR"]
    assert norway["id"] == "contrib-nor-2014" and norway["basis"] == "stated" and norway["date"] == "2014"
    assert norway["military"] == {"value": 20, "qualifier": "about"}
    assert norway["sources"] == ["contrib-regjeringen-nor-2014", "contrib-forsvaret-mali"]
    assert "November 2015" in norway["note"]["en"]


def test_2020_to_2022_are_answered_by_geopko_estimates_and_the_stated_figures(shipped: FactBase) -> None:
    for year in (2020, 2021, 2022):
        rows = query.contributors(shipped, year=str(year))["contributors"]
        assert {row["basis"] for row in rows} == {"stated", "unit_sizes"}, year
        assert all(row["sources"] == ["geopko-v2.3-tccmap"] for row in rows if row["basis"] == "unit_sizes")


def test_a_shipped_country_with_a_mean_and_an_estimate_in_one_year(shipped: FactBase) -> None:
    """Chad in 2016: RADPKO's mean stands on 31 December (no stated figure is dated 2016), Geo-PKO's stays beside it."""
    (chad,) = [row for row in query.contributors_on(shipped, dt.date(2016, 12, 31)) if row["country"] == "TCD"]
    assert chad["id"] == "contrib-radpko-tcd-2016"
    rows = [row for row in query.contributors(shipped, year="2016")["contributors"] if row["country"] == "TCD"]
    assert [row["id"] for row in rows if row["date"] == "2016"] == [
        "contrib-radpko-tcd-2016",
        "contrib-geopko-tcd-2016",
    ]


def test_the_tables_say_what_the_estimates_are_in_every_language(runner: CliRunner) -> None:
    for lang, args in itertools.product(LANGS, (["contributors", "--year", "2021"], ["dutch"])):
        result = runner.invoke(app, [*args, "--lang", lang, "--no-pager"])
        assert result.exit_code == 0, result.output
        text = " ".join(result.stdout.split())
        assert " ".join(say("contributors_basis_note", lang).split()) in text, (args, lang)
        assert say("basis.unit_sizes", lang) in text, (args, lang)


def test_the_installed_command_answers_2021_with_twenty_countries_or_more() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "contributors", "--year", "2021", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    countries = {row["country"] for row in document["contributors"]}
    assert len(countries) >= 20
    estimates = [row for row in document["contributors"] if row["basis"] == "unit_sizes"]
    assert estimates and all(row["caveat"]["en"].startswith("Geo-PKO's estimate") for row in estimates)
    assert all(row["military"]["qualifier"] == "about" for row in estimates)
    assert "geopko-v2.3-tccmap" in {source["id"] for source in document["sources"]}


OBSERVERS = {"en": "military observers", "nl": "militaire waarnemers", "fr": "observateurs militaires"}


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_yearly_means_total_above_its_parts_is_explained_where_the_table_shows_it(lang: str) -> None:
    """RADPKO's total also counts military observers, which no column shows: Chad 2016 reads ~1,495 and ~7
    and a total of ~1,505. Each caveat says why, but the tables show no caveat, so the note must."""
    shipped = load()
    (chad,) = [row for row in shipped["contributions"] if row["id"] == "contrib-radpko-tcd-2016"]
    assert chad["total"]["value"] > chad["military"]["value"] + chad["police"]["value"]  # type: ignore[typeddict-item]
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "--lang", lang, "contributors", "--year", "2016", "--no-pager"],
        capture_output=True, text=True, check=False, env={"COLUMNS": "200", "PATH": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert OBSERVERS[lang] in " ".join(done.stdout.split())


@pytest.mark.parametrize("lang", list(LANGS))
def test_one_countrys_year_is_noted_as_that_year_not_as_a_range_from_it_to_itself(lang: str) -> None:
    """`contributors --country TCD --year 2016` noted "Only figures dated from 2016 to 2016" ("du 2016 au 2016")."""
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "--lang", lang, "contributors", "--country", "TCD", "--year", "2016",
         "--no-pager"],
        capture_output=True, text=True, check=False, env={"COLUMNS": "300", "PATH": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    assert "2016 to 2016" not in text and "2016 tot 2016" not in text and "2016 au 2016" not in text
    assert " ".join(say("contributors_year_only_note", lang, year="2016").split()) in text  # type: ignore[arg-type]
