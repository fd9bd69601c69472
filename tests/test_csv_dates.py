"""--csv: a date stays as written and gains ``KEY_from`` and ``KEY_to``, the first and last day it covers
(issue 20 item 3), read back with the csv module."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import LANGS
from minusma.output.csv import span

# (as written, first day, last day): each precision, and the ends of months, leap years and years
DATES = [
    ("2016-02", "2016-02-01", "2016-02-29"),  # a leap February
    ("2015-02", "2015-02-01", "2015-02-28"),
    ("2015", "2015-01-01", "2015-12-31"),
    ("2015-12", "2015-12-01", "2015-12-31"),
    ("2015-04", "2015-04-01", "2015-04-30"),
    ("2016-02-29", "2016-02-29", "2016-02-29"),
    ("2015-12-31", "2015-12-31", "2015-12-31"),
    ("2016-01-01", "2016-01-01", "2016-01-01"),
]


@pytest.mark.parametrize(("written", "first", "last"), DATES)
def test_a_date_spans_the_days_it_covers(written: str, first: str, last: str) -> None:
    assert span(written) == (first, last)


@pytest.mark.parametrize("value", ["-", "", None, 2016, "unknown", "2016-13", "2015-02-29", "16-02"])
def test_anything_but_a_date_spans_nothing(value: object) -> None:
    assert span(value) == ("", "")


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_timeline_dates_read_back_with_their_days(runner: CliRunner, write_fact_base: Callable[..., Path]) -> None:
    def mutate(data: dict[str, Any]) -> None:
        sources = data["events"][0]["sources"]
        for number, (written, _, _) in enumerate(DATES):
            text = dict.fromkeys(LANGS, f"Test event {number}")
            data["events"].append(
                {"id": f"ev-test-{number}", "date": written, "category": "context", "text": text, "sources": sources}
            )

    path = str(write_fact_base(mutate))
    header = run(runner, "timeline", "--data", path, "--csv").split("\n", 1)[0].split(",")
    assert header[header.index("date") : header.index("date") + 3] == ["date", "date_from", "date_to"]
    rows = {row["id"]: row for row in read(run(runner, "timeline", "--data", path, "--csv"))}
    for number, (written, first, last) in enumerate(DATES):
        row = rows[f"ev-test-{number}"]
        assert (row["date"], row["date_from"], row["date_to"]) == (written, first, last)
    for row in rows.values():  # every shipped event: the date as written, its days around it
        assert row["date_from"] <= row["date_to"]
        assert row["date_from"].startswith(row["date"]) and row["date_to"].startswith(row["date"])
        assert len(row["date_from"]) == len(row["date_to"]) == 10
    events = json.loads(run(runner, "timeline", "--data", path, "--json"))["events"]
    assert not any(key.endswith(("_from", "_to")) for event in events for key in event)  # --json unchanged


def test_no_date_leaves_both_days_empty(runner: CliRunner) -> None:
    rows = read(run(runner, "leaders", "--csv"))
    for key in ("appointed", "start", "end"):
        for row in rows:
            if row[key] in ("", "-"):
                assert row[f"{key}_from"] == row[f"{key}_to"] == ""
            else:
                assert (row[f"{key}_from"], row[f"{key}_to"]) == span(row[key])
    assert any(row["end"] == "-" for row in rows) and any(len(row["start"]) == 7 for row in rows)


@pytest.mark.parametrize(
    "args",
    [
        ["troops"],
        ["troops", "--compare"],
        ["mandate"],
        ["dutch"],
        ["casualties"],
        ["bases"],
        ["errata"],
        ["at", "2016-07"],
    ],
)
def test_every_date_column_has_its_days(runner: CliRunner, args: list[str]) -> None:
    text = run(runner, *args, "--csv")
    header = next(csv.reader(io.StringIO(text)))
    rows = read(text)
    dated = [name for name in header if f"{name}_from" in header]
    for name in dated:  # right after the date, in order
        assert header[header.index(name) + 1 : header.index(name) + 3] == [f"{name}_from", f"{name}_to"]
        for row in rows:
            assert (row[f"{name}_from"], row[f"{name}_to"]) == span(row[name])
    if args != ["errata"]:
        assert dated
