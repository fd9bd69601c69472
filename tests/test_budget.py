"""The budget (issue 19 item 6) and the year filters (item 7): fiscal years at their edges, the share
spent, conflicting figures kept, and every table format read back in every language from a real process."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import LANGS
from minusma.model import check_fact_base, date_range, fiscal_year_of, fiscal_year_range, fiscal_years
from minusma.query import added, precision, spent_share


def run_json(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def labels(document: Any) -> list[str]:
    return [year["fiscal_year"] for year in document["years"]]


# --------------------------------------------------------------------------- fiscal years


@pytest.mark.parametrize(
    ("day", "year"),
    [
        (dt.date(2014, 6, 30), "2013/14"),
        (dt.date(2014, 7, 1), "2014/15"),
        (dt.date(2013, 7, 1), "2013/14"),
        (dt.date(2013, 6, 30), "2012/13"),
        (dt.date(1999, 12, 31), "1999/00"),
    ],
)
def test_a_fiscal_year_runs_from_1_july_to_30_june(day: dt.date, year: str) -> None:
    assert fiscal_year_of(day) == year
    first, last = fiscal_year_range(year)
    assert first <= day <= last
    assert (first.month, first.day, last.month, last.day) == (7, 1, 6, 30)


def test_the_mission_spans_eleven_fiscal_years() -> None:
    years = fiscal_years(dt.date(2013, 7, 1), dt.date(2023, 12, 31))
    assert years[0] == "2013/14" and years[-1] == "2023/24" and len(years) == 11


# --------------------------------------------------------------------------- the share spent


@pytest.mark.parametrize(
    ("approved", "spent", "expected"),
    [
        ((1_000, "exact"), (0, "exact"), {"percent": 0.0, "qualifier": "exact"}),
        ((1_000, "exact"), (999, "exact"), {"percent": 99.9, "qualifier": "exact"}),
        ((1_000, "exact"), (1_000, "exact"), {"percent": 100.0, "qualifier": "exact"}),
        # half up at the edge: 99.85% is 99.9% (not 99.8%, as round() to even gave), 99.84% is 99.8%
        ((2_000, "exact"), (1_997, "exact"), {"percent": 99.9, "qualifier": "exact"}),
        ((100_000, "exact"), (99_840, "exact"), {"percent": 99.8, "qualifier": "exact"}),
        # just short of all and just above nothing keep their side: 99.95% is 99.9%, 0.04% is 0.1%
        ((2_000, "exact"), (1_999, "exact"), {"percent": 99.9, "qualifier": "exact"}),
        ((1_000_000_000, "exact"), (999_999_999, "exact"), {"percent": 99.9, "qualifier": "exact"}),
        ((1_000_000_000, "exact"), (1_000_000_001, "exact"), {"percent": 100.0, "qualifier": "exact"}),
        ((10_000, "exact"), (4, "exact"), {"percent": 0.1, "qualifier": "exact"}),
        ((10_000, "exact"), (5, "exact"), {"percent": 0.1, "qualifier": "exact"}),
        ((1_000, "about"), (1_100, "exact"), {"percent": 110.0, "qualifier": "about"}),
        ((0, "exact"), (5, "exact"), None),
        # an approved amount known only from below gives no share: 119% of "more than" 1,000 is at most 119%
        ((1_000, "more_than"), (1_192, "exact"), None),
        ((1_000, "at_least"), (900, "exact"), None),
        ((1_000, "nearly"), (900, "exact"), {"percent": 90.0, "qualifier": "about"}),
        # more than 900 of exactly 1,000 is more than 90%, rounded down; of about 1,000, about
        ((1_000, "exact"), (900, "more_than"), {"percent": 90.0, "qualifier": "more_than"}),
        ((1_000, "exact"), (999, "at_least"), {"percent": 99.9, "qualifier": "at_least"}),
        ((3_000, "exact"), (2_000, "more_than"), {"percent": 66.6, "qualifier": "more_than"}),  # 66.67 down
        ((1_000, "about"), (900, "more_than"), {"percent": 90.0, "qualifier": "about"}),
    ],
)
def test_the_share_spent(approved: tuple[int, str], spent: tuple[int, str], expected: object) -> None:
    as_amount = lambda pair: {"value": pair[0], "qualifier": pair[1]}  # noqa: E731
    assert spent_share(as_amount(approved), as_amount(spent)) == expected


def test_no_share_without_both_figures() -> None:
    assert spent_share(None, {"value": 1, "qualifier": "exact"}) is None
    assert spent_share({"value": 1, "qualifier": "exact"}, None) is None


def test_the_shipped_share_for_2018_19(runner: CliRunner) -> None:
    year = next(item for item in run_json(runner, "budget")["years"] if item["fiscal_year"] == "2018/19")
    assert year["approved"] == {"value": 1_107_318_900, "qualifier": "exact"}
    assert year["expenditure"] == {"value": 1_105_667_000, "qualifier": "exact"}
    assert year["spent"] == {"percent": 99.9, "qualifier": "exact"}


@pytest.mark.parametrize(
    ("fiscal_year", "approved", "spent", "percent"),
    [  # the shares worked out by hand: 1,136,908,900 / 1,138,457,900 = 99.86%, and so on
        ("2019/20", 1_138_457_900, 1_136_908_900, 99.9),
        ("2020/21", 1_270_104_400, 1_103_359_200, 86.9),  # 86.87%
        ("2021/22", 1_171_612_500, 1_170_031_300, 99.9),  # 99.87%
    ],
)
def test_the_shipped_shares_from_the_uns_expense_data(
    runner: CliRunner, fiscal_year: str, approved: int, spent: int, percent: float
) -> None:
    year = next(item for item in run_json(runner, "budget")["years"] if item["fiscal_year"] == fiscal_year)
    assert year["approved"] == {"value": approved, "qualifier": "exact"}
    assert year["expenditure"] == {"value": spent, "qualifier": "exact"}
    assert year["spent"] == {"percent": percent, "qualifier": "exact"}


def test_2022_23_has_only_a_lower_bound_approved_so_no_share(runner: CliRunner) -> None:
    # AG/AB/4388: the four costliest missions, Mali's among them, "dotées chacune de plus d'un milliard"
    year = next(item for item in run_json(runner, "budget")["years"] if item["fiscal_year"] == "2022/23")
    assert (year["approved"], year["expenditure"], year["spent"]) == (
        {"value": 1_000_000_000, "qualifier": "more_than"}, {"value": 1_192_292_200, "qualifier": "exact"}, None,
    )  # fmt: skip
    result = runner.invoke(app, ["budget", "--from", "2022/23", "--to", "2022/23", "--csv"])
    assert result.exit_code == 0, result.output
    (row,) = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["table"] == "budget_years"]
    assert (row["approved"], row["expenditure"], row["spent"], row["found"]) == (
        "1000000000", "1192292200", "", "2",
    )  # fmt: skip
    table = runner.invoke(app, ["budget", "--from", "2022/23", "--to", "2022/23"], env={"COLUMNS": "300"}).stdout
    assert "more than US$1,000,000,000 approved for the one fiscal year in this period (2022/23)" in table


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_csv_counts_a_years_figures_as_a_number_in_every_language(runner: CliRunner, lang: str) -> None:
    """It held "2 figures" / "2 bedragen" / "2 montants": a script's column changed with --lang."""
    result = runner.invoke(app, ["--lang", lang, "budget", "--csv"])
    rows = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["table"] == "budget_years"]
    assert [row["found"] for row in rows][:3] == ["2", "3", "1"]
    table = runner.invoke(
        app, ["--lang", lang, "budget", "--from", "2013/14", "--to", "2013/14"], env={"COLUMNS": "200"}
    ).stdout
    assert {"en": "2 figures", "nl": "2 bedragen", "fr": "2 montants"}[lang] in table  # words for people


# --------------------------------------------------------------------------- the years listed


def test_every_fiscal_year_is_listed_and_a_missing_one_is_not_filled(runner: CliRunner) -> None:
    document = run_json(runner, "budget")
    assert labels(document) == [f"{year}/{(year + 1) % 100:02d}" for year in range(2013, 2025)]
    assert [year["liquidation"] for year in document["years"]] == [False] * 11 + [True]  # 2024/25
    empty = [year["fiscal_year"] for year in document["years"] if not year["figures"]]
    assert empty == []  # every year has a figure now (the rule for one without: tests/test_rules_later.py)
    for year in document["years"]:
        if year["approved"] is None:
            assert year["spent"] is None
    total = document["total"]
    assert (total["years_with_amount"], total["fiscal_years"], total["first"], total["last"]) == (
        11,
        12,
        "2013/14",
        "2024/25",
    )
    assert total["approved"]["qualifier"] == "more_than"
    # the sum of the preferred approved amounts is a lower bound, since 2022/23's is "more than a
    # billion": each "about" part less half its unit, down to ten million (2017/18's "1.12 billion")
    exact_sum = sum(year["approved"]["value"] for year in document["years"] if year["approved"])
    assert exact_sum == 11_009_193_700
    assert total["approved"]["value"] == 11_000_000_000  # 11,002,... at least


def test_2023_24_spent_what_the_un_data_gives_of_the_revised_budget(runner: CliRunner) -> None:
    """833,809,900 (UN expense data citing A/79/788) of about 867 million: about 96.2%, approximate because
    the approved amount is (833,809,900 / 867,000,000 = 0.96172...)."""
    years = {year["fiscal_year"]: year for year in run_json(runner, "budget")["years"]}
    year = years["2023/24"]
    assert year["expenditure"] == {"value": 833_809_900, "qualifier": "exact"}
    assert year["spent"] == {"percent": 96.2, "qualifier": "about"}
    (spent,) = [figure for figure in year["figures"] if figure["kind"] == "expenditure"]
    assert spent["sources"] == ["un-open-secretariat-expenses-2024"] and "A/79/788" in spent["what"]["en"]


def test_2024_25_is_a_year_of_the_liquidation_and_says_it_is_not_the_whole(runner: CliRunner) -> None:
    liquidation = run_json(runner, "budget")["years"][-1]
    assert (liquidation["fiscal_year"], liquidation["start"], liquidation["end"], liquidation["liquidation"]) == (
        "2024/25", "2024-07-01", "2025-06-30", True,
    )  # fmt: skip
    (figure,) = liquidation["figures"]
    assert figure["amount"] == {"value": 202_783_500, "qualifier": "exact"} and figure["kind"] == "expenditure"
    assert liquidation["expenditure"] == figure["amount"] and liquidation["approved"] is None
    assert "fiscal year 2024/25, during the liquidation" in figure["what"]["en"]
    assert "in het begrotingsjaar 2024/25, tijdens de liquidatie" in figure["what"]["nl"]
    assert "pendant l'exercice 2024/25, au cours de la liquidation" in figure["what"]["fr"]
    assert "before 1 July 2024 is in the 2023/24 expenditure" in figure["caveat"]["en"]
    text = runner.invoke(app, ["budget", "--from", "2024/25", "--to", "2024/25"], env={"COLUMNS": "200"})
    assert text.exit_code == 0 and "202,783,500" in text.stdout and "A/80/643" in text.stdout
    assert "2024/25 (liquidation)" in text.stdout and "No fiscal year" not in text.stdout
    assert "A fiscal year marked (liquidation) begins after the withdrawal was completed" in text.stdout
    assert "marked (liquidation)" not in runner.invoke(app, ["budget", "--to", "2024-06-30"]).stdout
    csv_text = runner.invoke(app, ["budget", "--from", "2024/25", "--csv"]).stdout
    (row,) = [row for row in csv.DictReader(io.StringIO(csv_text)) if row["table"] == "budget_years"]
    assert row["fiscal_year"] == "2024/25"  # the code, for scripts; the marker is the JSON's "liquidation"


def test_conflicting_figures_are_both_kept_with_one_preferred(runner: CliRunner) -> None:
    years = {year["fiscal_year"]: year for year in run_json(runner, "budget")["years"]}
    approved = [figure for figure in years["2014/15"]["figures"] if figure["kind"] == "approved"]
    assert sorted(figure["amount"]["value"] for figure in approved) == [830_700_000, 895_534_000]
    assert [figure["rank"] for figure in approved].count("preferred") == 1
    assert years["2014/15"]["approved"] == {"value": 830_700_000, "qualifier": "about"}
    assert {figure["kind"] for figure in years["2014/15"]["figures"]} == {"approved", "commitment"}
    kinds = sorted(figure["kind"] for figure in years["2018/19"]["figures"])
    assert kinds == ["approved", "approved", "approved", "expenditure", "expenditure"]
    assert years["2013/14"]["approved"]["value"] == 602_000_000  # the whole year, not the first six months


def test_the_about_line_states_the_total_and_the_years(runner: CliRunner) -> None:
    about = run_json(runner, "about")["budget"]
    assert (about["years_with_amount"], about["fiscal_years"]) == (11, 12)
    result = runner.invoke(app, ["about", "--csv"])
    assert "more than US$11,000,000,000" in result.stdout and "11 of the 12" in result.stdout
    assert "a lower bound" in result.stdout and "no more precise" not in result.stdout
    assert "11,009,193,700" not in result.stdout  # no false precision from rounded parts


# --------------------------------------------------------------------------- --from / --to


@pytest.mark.parametrize(
    ("option", "value", "first", "last"),
    [
        ("--from", "2016-06-30", "2015/16", "2024/25"),  # the last day of 2015/16
        ("--from", "2016-07-01", "2016/17", "2024/25"),  # the first day of 2016/17
        ("--from", "2016-06-29", "2015/16", "2024/25"),
        ("--from", "2016", "2015/16", "2024/25"),  # a year starts on 1 January, inside 2015/16
        ("--from", "2016-07", "2016/17", "2024/25"),
        ("--from", "2016/17", "2016/17", "2024/25"),
        ("--to", "2016-06-30", "2013/14", "2015/16"),
        ("--to", "2016-07-01", "2013/14", "2016/17"),
        ("--to", "2016-06", "2013/14", "2015/16"),  # a month counts to its last day
        ("--to", "2016", "2013/14", "2016/17"),  # 31 December 2016 is inside 2016/17
        ("--to", "2015/16", "2013/14", "2015/16"),
        ("--to", "2023-12-31", "2013/14", "2023/24"),
        ("--to", "2024-01-01", "2013/14", "2023/24"),  # the liquidation's first day, inside 2023/24
        ("--to", "2024-06-30", "2013/14", "2023/24"),  # the day before the liquidation's first fiscal year
        ("--to", "2024-07-01", "2013/14", "2024/25"),  # its first day
    ],
)
def test_budget_year_filters_at_their_edges(runner: CliRunner, option: str, value: str, first: str, last: str) -> None:
    found = labels(run_json(runner, "budget", option, value))
    assert (found[0], found[-1]) == (first, last)


def test_budget_filters_together_and_their_total(runner: CliRunner) -> None:
    document = run_json(runner, "budget", "--from", "2018/19", "--to", "2019/20")
    assert labels(document) == ["2018/19", "2019/20"]
    assert document["total"]["approved"] == {"value": 1_107_318_900 + 1_138_457_900, "qualifier": "exact"}
    assert document["filters"] == {"date_from": "2018/19", "date_to": "2019/20"}


@pytest.mark.parametrize("value", ["2015/17", "2015/1", "15/16", "2015/ab", "2015-16"])
def test_a_bad_fiscal_year_is_a_usage_error(runner: CliRunner, value: str) -> None:
    result = runner.invoke(app, ["budget", "--from", value])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value", ["2019x", "x", "2019-13", "2019-02-30"])
def test_a_bad_date_for_budget_names_both_forms_it_takes(runner: CliRunner, value: str) -> None:
    """``--from 2019/`` named the fiscal-year form and ``--from 2019x`` did not."""
    result = runner.invoke(app, ["budget", "--from", value])
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "or a fiscal year (YYYY/YY, such as 2015/16)" in said and "Traceback" not in said
    timeline = runner.invoke(app, ["timeline", "--from", value])  # a date only there
    assert timeline.exit_code == 2 and "fiscal year" not in timeline.output


def test_from_after_to_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["budget", "--from", "2019/20", "--to", "2018/19"])
    assert result.exit_code == 2


# --------------------------------------------------------------------------- checks


def test_two_preferred_figures_of_one_kind_are_an_error(shipped_data: dict[str, Any]) -> None:
    data = json.loads(json.dumps(shipped_data))
    year = next(record for record in data["budgets"] if record["fiscal_year"] == "2014/15")
    for figure in year["figures"]:
        figure["rank"] = "preferred"
    problems = check_fact_base(data)
    assert any(problem.path.startswith("budgets[") for problem in problems)


@pytest.mark.parametrize("label", ["2013/15", "2013/13"])
def test_a_fiscal_year_whose_years_do_not_follow_is_an_error(shipped_data: dict[str, Any], label: str) -> None:
    data = json.loads(json.dumps(shipped_data))
    data["budgets"][0]["fiscal_year"] = label
    assert any(problem.path == "budgets[0].fiscal_year" for problem in check_fact_base(data))


def test_a_fiscal_year_recorded_twice_is_an_error(shipped_data: dict[str, Any]) -> None:
    data = json.loads(json.dumps(shipped_data))
    data["budgets"][1]["fiscal_year"] = data["budgets"][0]["fiscal_year"]
    assert any(problem.path == "budgets[1].fiscal_year" for problem in check_fact_base(data))


def test_budget_years_without_expenditure_and_with_zero(
    write_fact_base: Callable[..., Path], runner: CliRunner
) -> None:
    def zero(data: dict[str, Any]) -> None:
        year = next(record for record in data["budgets"] if record["fiscal_year"] == "2019/20")
        year["figures"] = [figure for figure in year["figures"] if figure["kind"] != "expenditure"]
        spent = {
            **year["figures"][0],
            "kind": "expenditure",
            "rank": "preferred",
            "amount": {"value": 0, "qualifier": "exact"},
        }
        year["figures"].append(spent)

    document = run_json(runner, "budget", "--data", str(write_fact_base(zero)), "--from", "2019/20", "--to", "2019/20")
    assert document["years"][0]["spent"] == {"percent": 0.0, "qualifier": "exact"}
    shipped = run_json(runner, "budget", "--from", "2017/18", "--to", "2017/18")
    assert shipped["years"][0]["approved"] is not None
    assert shipped["years"][0]["expenditure"] is None and shipped["years"][0]["spent"] is None


# --------------------------------------------------------------------------- troops --compare, casualties


def compare_dates(runner: CliRunner, *args: str) -> list[str]:
    return sorted({row["date"] for row in run_json(runner, "troops", "--compare", *args)["comparison"]})


def test_compare_filters_match_a_snapshot_on_its_day(runner: CliRunner) -> None:
    every = compare_dates(runner)
    day = next(date for date in every if len(date) == 10)
    before = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    after = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    assert day in compare_dates(runner, "--from", day, "--to", day)
    assert day in compare_dates(runner, "--from", before)
    assert day not in compare_dates(runner, "--from", after)
    assert day in compare_dates(runner, "--to", after)
    assert day not in compare_dates(runner, "--to", before)
    assert compare_dates(runner, "--from", every[0], "--to", every[-1]) == every


def test_compare_filters_keep_a_partial_date_that_overlaps(runner: CliRunner) -> None:
    every = compare_dates(runner)
    partial = next(date for date in every if len(date) < 10)
    first, last = date_range(partial)
    day = dt.timedelta(days=1)
    assert partial in compare_dates(runner, "--from", last.isoformat())  # the period's last day
    assert partial not in compare_dates(runner, "--from", (last + day).isoformat())
    assert partial in compare_dates(runner, "--to", first.isoformat())  # its first day
    assert partial not in compare_dates(runner, "--to", (first - day).isoformat())


def test_troops_from_needs_compare(runner: CliRunner) -> None:
    result = runner.invoke(app, ["troops", "--from", "2015"])
    assert result.exit_code == 2 and "--compare" in result.stderr


def casualty_dates(runner: CliRunner, *args: str) -> list[str]:
    return [record["date"] for record in run_json(runner, "casualties", *args)["fatalities"]]


def test_casualties_filters_at_a_death_day(runner: CliRunner) -> None:
    every = casualty_dates(runner)
    day = next(date for date in every if len(date) == 10)
    before = (dt.date.fromisoformat(day) - dt.timedelta(days=1)).isoformat()
    after = (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    on_day = every.count(day)
    assert casualty_dates(runner, "--from", day, "--to", day).count(day) == on_day
    assert casualty_dates(runner, "--from", before).count(day) == on_day
    assert day not in casualty_dates(runner, "--from", after)
    assert day not in casualty_dates(runner, "--to", before)
    assert casualty_dates(runner, "--to", day).count(day) == on_day


def test_casualties_year_filter_and_series(runner: CliRunner) -> None:
    document = run_json(runner, "casualties", "--from", "2019", "--to", "2019")
    assert document["fatalities"] and all(record["date"].startswith("2019") for record in document["fatalities"])
    assert [row["key"] for row in document["series"]["by_year"]] == ["2019"]
    assert document["series"]["total"] == len(document["fatalities"])
    for record in document["casualties"]:
        assert record["end"] >= "2019" and record["start"] <= "2019-12-31"
    assert (document["date_from"], document["date_to"]) == ("2019", "2019")


def test_casualties_at_and_from_together_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["casualties", "--at", "2019", "--from", "2018"])
    assert result.exit_code == 2


# --------------------------------------------------------------------------- a real process, every format


class Cells(HTMLParser):
    """The text of every table cell: an independent reading of the HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("td", "th"):
            self._open = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.cells[-1] += data


def minusma(*args: str) -> str:
    result = subprocess.run([sys.executable, "-m", "minusma", *args], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("lang", list(LANGS))
def test_budget_in_every_table_format_and_language_reads_back(lang: str) -> None:
    document = json.loads(minusma("budget", "--format", "json", "--lang", lang))
    rows = list(csv.reader(io.StringIO(minusma("budget", "--format", "csv", "--lang", lang), newline="")))
    assert rows[0][:2] == ["table", "fiscal_year"] and any(row[1:2] == ["2018/19"] for row in rows)
    assert any("1107318900" in row for row in rows)
    parser = Cells()
    parser.feed(minusma("budget", "--format", "html", "--lang", lang))
    assert "2018/19" in [cell.strip() for cell in parser.cells]
    markdown = minusma("budget", "--format", "md", "--lang", lang)
    assert "| 2018/19 |" in markdown
    table = minusma("budget", "--format", "table", "--lang", lang, "--no-pager")
    assert "2018/19" in table
    assert len(document["years"]) == 12


# --------------------------------------------------------------------------- a total's precision


@pytest.mark.parametrize(
    ("value", "qualifier", "unit"),
    [
        (1_100_000_000, "about", 100_000_000),  # "$1.1 billion"
        (830_700_000, "about", 100_000),  # "$830.7 million"
        (1_107_318_900, "exact", 1),
        (1_107_318_900, "about", 100),
        (1_200_000_000, "more_than", 100_000_000),
        (7, "about", 1),
        (10, "about", 10),
        (0, "about", 1),
    ],
)
def test_an_amount_is_given_to_the_unit_its_digits_show(value: int, qualifier: str, unit: int) -> None:
    assert precision({"value": value, "qualifier": qualifier}) == unit


@pytest.mark.parametrize(
    ("amounts", "expected"),
    [
        ([(1_107_318_900, "exact"), (1_138_457_900, "exact")], (2_245_776_800, "exact")),
        ([(1_100_000_000, "about"), (1_107_318_900, "exact")], (2_200_000_000, "about")),
        ([(100, "about"), (49, "exact")], (100, "about")),  # 149: the day before the half
        ([(100, "about"), (50, "exact")], (200, "about")),  # 150: the half rounds up
        ([(100, "about"), (51, "exact")], (200, "about")),
        ([(0, "about"), (0, "exact")], (0, "about")),
        ([(590_000_000, "about")], (590_000_000, "about")),
        # lower bounds stay lower bounds: the bounds and exact parts as they stand, each "about" part
        # less half its unit, rounded down to the roughest such unit
        ([(1_000, "more_than")], (1_000, "more_than")),
        ([(1_000, "nearly")], (1_000, "nearly")),  # one amount is no sum: it keeps its word
        ([(1_234, "about")], (1_234, "about")),
        ([(1_000, "more_than"), (1_192, "exact")], (2_192, "more_than")),
        ([(1_000, "at_least"), (1_999, "exact")], (2_999, "at_least")),
        ([(1_000, "at_least"), (1_000, "more_than")], (2_000, "more_than")),
        ([(1_000_000_000, "more_than"), (867_000_000, "about")], (1_866_000_000, "more_than")),  # 866.5M at least
        ([(1_000, "more_than"), (1_000, "about")], (1_000, "more_than")),  # 1,500 at least: down to the thousand
        ([(1_000, "at_least"), (30, "about")], (1_020, "at_least")),  # 30 is 25 at least: 1,025, to the ten
        ([(1_000, "at_least"), (3, "about")], (1_002, "at_least")),  # 3 is 2.5 at least: 1,002.5, down
        ([(1_000, "more_than"), (1_000, "nearly")], (1_000, "more_than")),  # nearly 1,000 is 0 at least: 1,000
        ([(1_000, "more_than"), (1_950, "nearly")], (2_940, "more_than")),  # nearly 1,950 (to the ten): 1,940 at least
        ([(1_000, "more_than"), (0, "about")], (1_000, "more_than")),  # about nothing is nothing at least
        ([(1_000, "nearly"), (1_000, "about")], (2_000, "about")),  # no bound: about the sum
    ],
)
def test_a_total_of_rounded_amounts_is_no_more_precise_than_its_roughest_part(
    amounts: list[tuple[int, str]], expected: tuple[int, str]
) -> None:
    parts = [{"value": value, "qualifier": qualifier} for value, qualifier in amounts]
    assert added(parts) == {"value": expected[0], "qualifier": expected[1]}


def test_budget_2021_22_four_approved_figures_maliwebs_exact_one_preferred(runner: CliRunner) -> None:
    """budget-2021-22: maliweb's 1,171,612,500 (maliweb-2021-08-mandat) is le360's "1,171 million" to the
    dollar, so it is preferred; le360's rounded figure and TF1's "more than 1.2 billion" stay as claims;
    Diplomatic Times' 1,270,104,400 for "2021-2022" is deprecated (the 2020/21 amount)."""
    years = {year["fiscal_year"]: year for year in run_json(runner, "budget")["years"]}
    approved = [figure for figure in years["2021/22"]["figures"] if figure["kind"] == "approved"]
    ranks = {(figure["amount"]["value"], figure["amount"]["qualifier"]): figure["rank"] for figure in approved}
    assert ranks == {
        (1_171_000_000, "about"): "normal",
        (1_200_000_000, "more_than"): "normal",
        (1_171_612_500, "exact"): "preferred",
        (1_270_104_400, "exact"): "deprecated",
    }
    preferred = next(figure for figure in approved if figure["rank"] == "preferred")
    assert preferred["sources"] == ["maliweb-2021-08-mandat"] and "reason" in preferred
    assert all("reason" not in figure for figure in approved if figure["rank"] == "normal")
    assert years["2021/22"]["approved"] == {"value": 1_171_612_500, "qualifier": "exact"}
    assert years["2021/22"]["expenditure"] == {"value": 1_170_031_300, "qualifier": "exact"}  # the UN's own data


def test_budget_2021_22_diplomatic_times_1_270_104_400_is_deprecated_as_the_2020_21_amount(runner: CliRunner) -> None:
    """diplomatictimes-2022-06 gives "the 2021-2022 MINUSMA budget" as $1,270,104,400: to the dollar the
    2020/21 appropriation (un-press-ag-12252), so it stays, deprecated, with a caveat saying so, and
    neither the year's preferred amount nor its share spent moves."""
    years = {year["fiscal_year"]: year for year in run_json(runner, "budget")["years"]}
    (claim,) = [figure for figure in years["2021/22"]["figures"] if figure["amount"]["value"] == 1_270_104_400]
    assert (claim["kind"], claim["rank"], claim["amount"]["qualifier"]) == ("approved", "deprecated", "exact")
    assert claim["sources"] == ["diplomatictimes-2022-06"]
    assert "reason" not in claim and "2020/21" in claim["caveat"]["en"] and "1,171,612,500" in claim["caveat"]["en"]
    assert years["2020/21"]["approved"] == {"value": 1_270_104_400, "qualifier": "exact"}
    assert years["2021/22"]["approved"] == {"value": 1_171_612_500, "qualifier": "exact"}
    assert years["2021/22"]["spent"] == {"percent": 99.9, "qualifier": "exact"}  # of 1,171,612,500, not 1,270,104,400
    source = next(item for item in run_json(runner, "budget")["sources"] if item["id"] == "diplomatictimes-2022-06")
    assert source["published"] == "2022-06-29" and source["kind"] == "news"


def _figures(runner: CliRunner, fiscal_year: str) -> list[Any]:
    years = {year["fiscal_year"]: year for year in run_json(runner, "budget")["years"]}
    return list(years[fiscal_year]["figures"])


def test_budget_2015_16_the_french_release_on_the_years_peacekeeping_budgets(runner: CliRunner) -> None:
    (figure,) = _figures(runner, "2015/16")
    assert (figure["kind"], figure["rank"], figure["amount"]) == (
        "approved",
        "preferred",
        {"value": 969_000_000, "qualifier": "about"},
    )
    assert figure["sources"] == ["un-press-ag-11657-fr"]


def test_budget_2014_15_amounts_to_the_dollar_from_the_french_release(runner: CliRunner) -> None:
    figures = _figures(runner, "2014/15")
    by_value = {figure["amount"]["value"]: figure for figure in figures}
    approved = by_value[895_534_000]
    assert (approved["kind"], approved["rank"], approved["amount"]["qualifier"]) == ("approved", "normal", "exact")
    assert approved["sources"][0] == "un-press-agab-4159-fr"
    commitment = by_value[80_336_300]
    assert (commitment["kind"], commitment["rank"], commitment["amount"]["qualifier"]) == (
        "commitment",
        "preferred",
        "exact",
    )
    assert commitment["sources"][0] == "un-press-agab-4159-fr"
    assert 895_530_000 not in by_value and 80_330_000 not in by_value  # the rounded forms are gone


def test_budget_2017_18_the_newspapers_1_12_billion_is_preferred_over_1_1(runner: CliRunner) -> None:
    approved = [figure for figure in _figures(runner, "2017/18") if figure["kind"] == "approved"]
    ranks = {(figure["amount"]["value"], figure["amount"]["qualifier"]): figure["rank"] for figure in approved}
    assert ranks == {(1_120_000_000, "about"): "preferred", (1_100_000_000, "about"): "normal"}
    preferred = next(figure for figure in approved if figure["rank"] == "preferred")
    assert preferred["sources"] == ["lexpression-2017-07-pko-budget"]
    assert "reason" in preferred


def test_budget_2018_19_jeune_afriques_1_099_billion_is_a_third_claim_not_preferred(runner: CliRunner) -> None:
    approved = [figure for figure in _figures(runner, "2018/19") if figure["kind"] == "approved"]
    ranks = {figure["amount"]["value"]: figure["rank"] for figure in approved}
    assert ranks == {1_107_318_900: "preferred", 1_074_718_900: "normal", 1_099_000_000: "normal"}
    third = next(figure for figure in approved if figure["amount"]["value"] == 1_099_000_000)
    assert third["amount"]["qualifier"] == "about" and third["sources"] == ["jeuneafrique-2018-pko-budget"]


def test_budget_2023_24_afriquactus_560_million_is_kept_beside_the_uns_590(runner: CliRunner) -> None:
    figures = _figures(runner, "2023/24")
    ranks = {figure["amount"]["value"]: figure["rank"] for figure in figures if figure["kind"] == "approved"}
    assert ranks == {867_000_000: "preferred", 590_000_000: "normal", 560_000_000: "normal"}
    interim = next(figure for figure in figures if figure["amount"]["value"] == 590_000_000)
    assert "un-press-gaab-4423" in interim["sources"] and "July to December 2023 only" in interim["caveat"]["en"]
    years = {year["fiscal_year"]: year for year in run_json(runner, "budget")["years"]}
    assert years["2023/24"]["approved"] == {"value": 867_000_000, "qualifier": "about"}


def test_budget_2023_24_the_fifth_committees_revised_867_million_for_the_whole_year_is_preferred(
    runner: CliRunner,
) -> None:
    """The French Treasury: in December 2023 the Fifth Committee adopted a revised budget of "867 M$" for
    2023-2024 to finance MINUSMA's withdrawal and liquidation. Preferred as the only figure for the whole
    year, as 2013/14's whole-year figure is over its first six months: the total counts years, not halves."""
    (revised,) = [figure for figure in _figures(runner, "2023/24") if figure["amount"]["value"] == 867_000_000]
    assert (revised["kind"], revised["rank"], revised["amount"]["qualifier"]) == ("approved", "preferred", "about")
    assert revised["sources"] == ["tresor-5c-budget-2024"] and "whole year" in revised["reason"]["en"]
    assert "December 2023" in revised["what"]["en"] and "liquidation" in revised["what"]["en"]
    source = next(item for item in run_json(runner, "budget")["sources"] if item["id"] == "tresor-5c-budget-2024")
    assert (source["published"], source["language"], source["kind"]) == ("2023-12-28", "fr", "government")


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_about_line_for_one_fiscal_year_with_an_amount_speaks_of_one(
    shipped_data: dict[str, Any], tmp_path: Path, lang: str
) -> None:
    """With one fiscal year cited, `about` read "approved in the 1 of 11 fiscal years ... (their sum, no more
    precise than its roughest part)": a sum of one amount, and "the 1 of 11"."""
    data = dict(shipped_data)
    data["budgets"] = [item for item in shipped_data["budgets"] if item["fiscal_year"] == "2019/20"]
    path = tmp_path / "one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "--lang", lang, "--data", str(path), "about", "--no-pager"],
        capture_output=True, text=True, check=False, env={"COLUMNS": "300", "PATH": ""},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = " ".join(done.stdout.split())
    said = {"en": "1 of the 11 fiscal years", "nl": "1 van de 11 begrotingsjaren", "fr": "1 des 11 exercices"}[lang]
    assert said in text
    assert not any(word in text for word in ("their sum", "hun som", "leur somme", "the 1 of", "de 1 van", "les 1"))


@pytest.mark.parametrize(
    ("period", "says", "never"),
    [
        # one fiscal year in the period, with an amount: not "1 of the 1 fiscal years (2023/24 to 2023/24)"
        (
            ["--from", "2023-07-01", "--to", "2024-06-30"],
            "approved for the one fiscal year in this period (2023/24)",
            "of the 1 ",
        ),
        # one fiscal year, without an approved amount (2022/23 has only its expenditure)
        (
            ["--from", "2024-07-01", "--to", "2024-07-01"],
            "No approved amount is cited for the one fiscal year",
            "any of",
        ),
        # two, one with an amount: the period's first and last year, and "the only one"
        (
            ["--from", "2023-07-01", "--to", "2024-07-01"],
            "approved in 1 of the 2 fiscal years (2023/24 to 2024/25), the only",
            "one fiscal year",
        ),
        # two with amounts, one known only as "more than": the sum is a lower bound and says so
        (
            ["--from", "2022/23", "--to", "2023/24"],
            "more than US$1,866,000,000 approved in 2 of the 2 fiscal years (2022/23 to 2023/24), those with an "
            "approved amount cited (their sum, a lower bound",
            "no more precise",
        ),
        # three, all with amounts: the sum, first to last
        (
            ["--from", "2019-07-01", "--to", "2021-07-01"],
            "approved in 3 of the 3 fiscal years (2019/20 to 2021/22)",
            "the only",
        ),
    ],
)
def test_the_total_line_speaks_of_one_year_as_one(runner: CliRunner, period: list[str], says: str, never: str) -> None:
    result = runner.invoke(app, ["budget", *period], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert says in result.stdout and never not in result.stdout
    assert "see minusma budget" not in result.stdout  # budget does not send its reader to itself


def test_about_still_points_to_budget(runner: CliRunner) -> None:
    assert "see minusma budget" in runner.invoke(app, ["about"], env={"COLUMNS": "300"}).stdout


@pytest.mark.parametrize(
    ("value", "code", "said"),
    [
        ("0001/02", 0, None), ("9998/99", 0, None), ("2015/16", 0, None),
        ("0000/01", 2, "is outside the calendar: fiscal years run from 0001/02 to 9998/99"),
        ("9999/00", 2, "is outside the calendar"),
        ("2015/17", 2, "the one that begins in 2015 is 2015/16"),
        ("2015/15", 2, "the one that begins in 2015 is 2015/16"),
        ("1999/01", 2, "the one that begins in 1999 is 1999/00"),
        ("2015/1", 2, "is neither a date"),
        ("2016/15", 2, "is 2016/17 (or 2015/16, if the years were swapped)"),
        ("2000/99", 2, "is 2000/01 (or 1999/00, if the years were swapped)"),
        ("0001/00", 2, "is 0001/02."),  # no year 0000 to suggest
    ],
)  # fmt: skip
def test_a_fiscal_year_typed_wrong_says_what_is_wrong(
    runner: CliRunner, value: str, code: int, said: str | None
) -> None:
    """2015/17 and 9999/00 were "neither a date nor a fiscal year (YYYY/YY)", though of that form."""
    result = runner.invoke(app, ["budget", "--from", value, "--json"])
    assert result.exit_code == code, result.output
    if said is not None:
        assert said in " ".join(result.output.split())
