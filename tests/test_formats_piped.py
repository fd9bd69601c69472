"""Formats first tested in-process, now as users run them: the installed command, stdout a pipe, the
output read back by an independent parser (csv, ElementTree)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from installed import in_english

SVG = "{http://www.w3.org/2000/svg}"


def _rows(*args: str) -> list[dict[str, str]]:
    result = in_english(*args)
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_leaders_csv_in_a_pipe_gives_each_term_as_json_does() -> None:
    result = in_english("leaders", "--json")
    assert result.returncode == 0, result.stderr
    terms = {leader["id"]: leader["term"] for leader in json.loads(result.stdout)["leaders"]}
    rows = _rows("leaders", "--csv")
    assert [row["id"] for row in rows] == list(terms)
    for row in rows:  # a term without a day is "-" in CSV, as in tables (the guide's CSV section)
        term = terms[row["id"]]
        assert (row["term_start"], row["term_start_basis"]) == (term["start"] or "-", term["start_basis"])
        assert (row["term_end"], row["term_end_basis"]) == (term["end"] or "-", term["end_basis"])


def test_budget_csv_in_a_pipe_counts_figures_as_numbers() -> None:
    result = in_english("budget", "--json")
    years = {year["fiscal_year"]: year for year in json.loads(result.stdout)["years"]}
    rows = [row for row in _rows("budget", "--csv") if row["table"] == "budget_years"]
    assert [row["fiscal_year"] for row in rows] == list(years)
    for row in rows:  # the fiscal year bare, its being the liquidation's a column of its own, as in JSON
        assert int(row["found"]) == len(years[row["fiscal_year"]]["figures"])
        assert row["liquidation"] == str(years[row["fiscal_year"]]["liquidation"]).lower()
    assert [row["fiscal_year"] for row in rows if row["liquidation"] == "true"] == ["2024/25"]


def test_casualties_chart_in_a_pipe_is_svg_that_names_its_title() -> None:
    result = in_english("casualties", "--chart", "--format", "svg", "--country", "TCD")
    assert result.returncode == 0, result.stderr
    root = ET.fromstring(result.stdout)
    assert root.tag == f"{SVG}svg"
    words = " ".join(text for element in root.iter() for text in (element.text,) if text)
    assert "Chad" in words


def test_what_a_sheet_says_before_its_rows_is_a_csv_row_of_its_own() -> None:
    """`at 2010 --csv` printed only its header: the status every other format gives was lost."""
    for day, said in (("2010", "did not exist yet"), ("2016-07-06", "was operating"), ("2024", "had left")):
        result = in_english("at", day, "--json")
        status = json.loads(result.stdout)["status_text"]["en"]
        assert said in status, day
        (row,) = [row for row in _rows("at", day, "--csv") if row["table"] == "status_intro"]
        assert row["intro"].split("\n")[0] == status
    (summary,) = [row for row in _rows("dutch", "--csv") if row["table"] == "summary_intro"]
    record = [row for row in _rows("show", "res-2100", "--csv") if row["table"] == "record"]
    assert all(row["field"] for row in record)  # the intro is not one of the record's rows
    assert summary["intro"].startswith("From 2014 to 2019 the Netherlands")
