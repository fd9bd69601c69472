"""Contributors by year and period, the window of ``--at`` at its edges, ties between a stated figure
and a yearly mean, countries with only older figures, and where a country was (issues 18.5-6, 19.5, 19.7)."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import io
import json
import subprocess
import sys
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma import query
from minusma.cli import app
from minusma.load import load, parse
from minusma.messages import LANGS, say
from minusma.model import FactBase, country_names

DAY = dt.date(2019, 6, 30)
"""A day inside the mission's life; its window starts two years (730 days) earlier: 2017-06-30."""


def _record(ident: str, country: str, date: str, value: int, basis: str | None = None) -> dict[str, Any]:
    record: dict[str, Any] = {"id": ident, "country": country, "date": date}
    if basis is not None:
        record["basis"] = basis
    record["military"] = {"value": value, "qualifier": "about" if basis else "exact"}
    record["sources"] = ["radpko-bases-yearly"]
    return record


def _facts(shipped_data: dict[str, Any], *records: dict[str, Any]) -> FactBase:
    data = copy.deepcopy(shipped_data)
    data["contributions"] = list(records)
    fact_base, problems = parse(json.dumps(data).encode(), "facts.json")
    assert fact_base is not None, [problem.message.said("en") for problem in problems]
    return fact_base


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load()


# --------------------------------------------------------------------------- the window of --at


@pytest.mark.parametrize(
    ("date", "counted", "stale"),
    [
        ("2017-06-29", False, True),  # the day before the window: no recent figure
        ("2017-06-30", True, False),  # the window's first day
        ("2017-07-01", True, False),  # the day after
        ("2017-06", True, False),  # a month counts while its last day is in the window
        ("2017-05", False, True),
        ("2019-06-30", True, False),  # the day asked
        ("2019-07-01", False, False),  # after the day: neither counted nor stale
    ],
)
def test_the_window_at_its_edges(shipped_data: dict[str, Any], date: str, counted: bool, stale: bool) -> None:
    facts = _facts(shipped_data, _record("c-1", "TCD", date, 100))
    assert query.window_start(DAY) == dt.date(2017, 6, 30)
    assert bool(query.contributors_on(facts, DAY)) is counted
    assert [item["country"] for item in query.no_recent_figure(facts, DAY)] == (["TCD"] if stale else [])


def test_a_country_with_only_older_figures_is_listed_not_dropped(shipped_data: dict[str, Any]) -> None:
    facts = _facts(
        shipped_data,
        _record("c-old-1", "BEL", "2013-09", 1),
        _record("c-old-2", "BEL", "2015", 20, "yearly_mean"),
        _record("c-new", "TCD", "2019-03", 1400),
    )
    result = query.contributors(facts, at="2019-06-30")
    assert [row["country"] for row in result["contributors"]] == ["TCD"]
    assert result["no_recent"] == [{"country": "BEL", "names": country_names("BEL"), "latest": "2015"}]
    assert result["window_start"] == "2017-06-30"


def test_on_one_date_a_stated_figure_wins_over_a_yearly_mean(shipped_data: dict[str, Any]) -> None:
    for order in (1, -1):
        records = [_record("c-mean", "TCD", "2018", 1444, "yearly_mean"), _record("c-stated", "TCD", "2018", 1450)]
        facts = _facts(shipped_data, *records[::order])
        (row,) = query.contributors_on(facts, dt.date(2018, 12, 31))
        assert row["id"] == "c-stated" and row["basis"] == "stated"


def test_a_later_yearly_mean_wins_over_an_earlier_stated_figure(shipped_data: dict[str, Any]) -> None:
    facts = _facts(
        shipped_data, _record("c-stated", "TCD", "2018-11", 1450), _record("c-mean", "TCD", "2019", 1439, "yearly_mean")
    )
    (row,) = query.contributors_on(facts, DAY)
    assert row["id"] == "c-mean" and row["basis"] == "yearly_mean"
    (row,) = query.contributors_on(facts, dt.date(2018, 12, 31))  # the 2019 mean is not yet dated
    assert row["id"] == "c-stated"


# --------------------------------------------------------------------------- --year, --from, --to


def test_a_year_holds_the_figures_dated_in_it_and_no_others(shipped_data: dict[str, Any]) -> None:
    facts = _facts(
        shipped_data,
        _record("c-2015-12-31", "TCD", "2015-12-31", 1),
        _record("c-2016-01-01", "TCD", "2016-01-01", 2),
        _record("c-2016-12", "TCD", "2016-12", 3),
        _record("c-2016", "TCD", "2016", 4, "yearly_mean"),
        _record("c-2016-12-31", "NER", "2016-12-31", 5),
        _record("c-2017-01-01", "NER", "2017-01-01", 6),
        _record("c-2013", "BEL", "2013-09", 7),
    )
    result = query.contributors(facts, year="2016")
    assert [row["id"] for row in result["contributors"]] == [
        "c-2016-12-31", "c-2016", "c-2016-01-01", "c-2016-12",  # Niger first: its largest figure is larger
    ]  # fmt: skip
    assert [(item["country"], item["latest"]) for item in result["without"]] == [("BEL", "2013-09")]
    assert (result["date_from"], result["date_to"], result["read_as"]) == ("2016", "2016", None)


def test_a_period_keeps_a_year_that_overlaps_it(shipped_data: dict[str, Any]) -> None:
    facts = _facts(
        shipped_data,
        _record("c-2016", "TCD", "2016", 4, "yearly_mean"),
        _record("c-2016-05-31", "TCD", "2016-05-31", 1),
        _record("c-2016-06-01", "TCD", "2016-06-01", 2),
        _record("c-2016-06-30", "TCD", "2016-06-30", 3),
        _record("c-2016-07-01", "TCD", "2016-07-01", 5),
    )
    rows = query.contributors(facts, date_from="2016-06", date_to="2016-06")["contributors"]
    assert [row["id"] for row in rows] == ["c-2016", "c-2016-06-01", "c-2016-06-30"]
    assert [row["id"] for row in query.contributors(facts, date_from="2016-07-01")["contributors"]] == [
        "c-2016", "c-2016-07-01",
    ]  # fmt: skip
    assert query.contributors(facts, date_to="2015")["contributors"] == []


def test_on_one_date_a_year_lists_the_stated_figure_before_the_mean(shipped_data: dict[str, Any]) -> None:
    facts = _facts(
        shipped_data, _record("c-mean", "TCD", "2018", 1444, "yearly_mean"), _record("c-stated", "TCD", "2018", 1450)
    )
    assert [row["id"] for row in query.contributors(facts, year="2018")["contributors"]] == ["c-stated", "c-mean"]


def test_a_country_over_a_period_and_where_it_was(facts: FactBase) -> None:
    result = query.contributors(facts, country="NLD", date_from="2015", date_to="2016")
    assert {row["date"][:4] for row in result["contributors"]} <= {"2015", "2016"}
    assert {site["year"] for site in result["sites"]} == {"2015", "2016"}
    everything = query.contributors(facts, country="NLD")
    gao = [site for site in everything["sites"] if site["base"] == "base-gao"]
    assert [site["year"] for site in gao] == ["2014", "2015", "2016", "2017", "2018", "2019"]
    assert all(site["radpko_troops"] is not None for site in gao if site["year"] <= "2019")
    assert "radpko-bases-yearly" in {source["id"] for source in everything["sources"]}


def test_the_shipped_years_2014_to_2019_have_radpko_figures_for_every_year(facts: FactBase) -> None:
    for year in range(2014, 2020):
        rows = query.contributors(facts, year=str(year))["contributors"]
        assert len({row["country"] for row in rows if row["basis"] == "yearly_mean"}) >= 19, year


# --------------------------------------------------------------------------- the command


@pytest.mark.parametrize(
    "args",
    [
        ["--at", "2019", "--year", "2019"],
        ["--year", "2019", "--from", "2018"],
        ["--at", "2019", "--to", "2020"],
        ["--year", "19"],
        ["--year", "2019-01"],
        ["--from", "2020", "--to", "2019"],
        ["--at", "2019", "--country", "TCD"],
    ],
)
def test_usage_errors_are_exit_2(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, ["contributors", *args])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


def test_year_in_every_language_says_which_countries_have_none(runner: CliRunner) -> None:
    for lang in LANGS:
        result = runner.invoke(app, ["contributors", "--year", "2016", "--lang", lang, "--no-pager"])
        assert result.exit_code == 0, result.output
        text = " ".join(result.stdout.split())
        assert say("contributors_year", lang, year="2016") in text
        assert say("contributors_without", lang) in text
        assert say("basis.yearly_mean", lang) in text and say("basis.stated", lang) in text
        assert " ".join(say("contributors_basis_note", lang).split()) in text


def test_at_explains_its_window_in_every_language(runner: CliRunner) -> None:
    for lang in LANGS:
        result = runner.invoke(app, ["contributors", "--at", "2015", "--lang", lang, "--no-pager"])
        assert result.exit_code == 0, result.output
        text = " ".join(result.stdout.split())
        assert " ".join(say("contributors_window", lang, date="2015-12-31", start="2013-12-31").split()) in text
        assert say("contributors_no_recent", lang) in text


def test_year_read_back_as_csv_and_json(runner: CliRunner) -> None:
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["contributors", "--year", "2016", "--csv"]).stdout)))
    figures = [row for row in rows if row["table"] == "contributors"]
    assert figures and {row["basis"] for row in figures} == {"stated", "yearly_mean", "unit_sizes"}
    assert {row["table"] for row in rows} == {"contributors", "without"}
    document = json.loads(runner.invoke(app, ["contributors", "--year", "2016", "--json"]).stdout)
    assert {row["basis"] for row in document["contributors"]} == {"stated", "yearly_mean", "unit_sizes"}
    assert document["year"] == "2016" and document["without"]
    country = json.loads(runner.invoke(app, ["contributors", "--country", "NLD", "--json"]).stdout)
    first = country["sites"][0]
    assert {key: first[key] for key in ("year", "base", "datasets")} == {
        "year": "2014", "base": "base-gao", "datasets": ["geopko-map", "geopko-yearly", "radpko-yearly"],
    }  # fmt: skip
    assert first["name"]["en"] == "Gao" and set(first["name"]) == set(LANGS)
    dutch = json.loads(runner.invoke(app, ["dutch", "--json"]).stdout)
    assert country["sites"] == dutch["where"]  # one rule, one shape


def test_the_installed_command_answers_a_year() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "contributors", "--year", "2017", "--json"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert len({row["country"] for row in document["contributors"]}) >= 20


# A second stored page that states the same figure (round 9 leads, tests/test_facts_leads.py).
SECOND_SOURCES = {"contrib-lka-2019-11-13": ["contrib-security-risks-asia-2019-11"]}


@pytest.mark.parametrize(
    ("ident", "part", "value", "source"),
    [
        ("contrib-deu-2018-11", "military", 850, "contrib-salzgitter-zeitung-2018-11"),
        ("contrib-ben-2021-06", "police", 157, "contrib-nouvelle-tribune-2021-06"),
        ("contrib-deu-2022-roster", "total", 595, "contrib-canindia-2022-11-23"),
        ("contrib-gbr-2022-roster", "total", 249, "contrib-canindia-2022-11-23"),
        ("contrib-civ-2022-roster", "total", 898, "contrib-canindia-2022-11-23"),
        ("contrib-ind-2022-09", "total", 18, "contrib-canindia-2022-11-23"),
        ("contrib-slv-2019-08-11", "military", 200, "contrib-eldiariodehoy-2019-08-11"),
        ("contrib-bel-2018-06-06", "military", 135, "contrib-hln-2018-06-06"),
        ("contrib-lka-2019-11-13", "military", 243, "contrib-news-lk-2020-11-12"),
        ("contrib-lka-2023-03-22", "military", 243, "contrib-daily-mirror-lk-2023-03-22"),
    ],
)
def test_the_stated_figures_added_for_issue_19(facts: FactBase, ident: str, part: str, value: int, source: str) -> None:
    record = next(item for item in facts["contributions"] if item["id"] == ident)
    expected = [source, *SECOND_SOURCES.get(ident, [])]
    assert record[part]["value"] == value and record["sources"] == expected and "basis" not in record  # type: ignore[literal-required]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_countries_without_a_figure_are_listed_by_their_name_in_the_language_shown(lang: str) -> None:
    """They were in the order of their ISO codes (Burundi before Belgium, Cameroon after Côte d'Ivoire)."""
    from minusma import query, sheets
    from minusma.load import load
    from minusma.model import fold

    result = query.contributors(load(), year="2024")
    (without,) = [sheet for sheet in sheets.contributors(result, lang) if sheet.key == "without"]
    names = [row[0].words for row in without.rows]  # type: ignore[union-attr]
    assert len(names) > 20 and names == sorted(names, key=fold)
    codes = [row[0].code for row in without.rows]  # type: ignore[union-attr]
    assert codes != sorted(codes)  # not the codes' order: that order differs from the names' in every language


@pytest.mark.parametrize(("year", "code"), [("0000", 2), ("0001", 0), ("9999", 0), ("2016-06", 2), ("16", 2)])
def test_year_takes_a_year_of_the_calendar_and_says_only_yyyy(year: str, code: int) -> None:
    """`--year 0000` answered "Use YYYY, YYYY-MM or YYYY-MM-DD", though --year takes only YYYY."""
    from typer.testing import CliRunner

    from minusma.cli import app

    result = CliRunner().invoke(app, ["contributors", "--year", year, "--json"])
    assert result.exit_code == code, result.output
    if code:
        assert "YYYY (0001 to 9999)" in result.output and "YYYY-MM" not in result.output
