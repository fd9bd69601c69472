"""Dates at the calendar's edges in any field of a fact base: a problem `validate` names, or an answer; never a crash.

Issue 21 items 6 and 7: a `mandate_end` of 9999 overflowed the day-after rule, and a mission ending
9999-12-31 overflowed the chart's axis. The class: every date field, at 0001-01-01, 9999-12-31 and the
partial dates at both ends (0001, 9999), through commands that reach every kind of date arithmetic.
"""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma.cli import app

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EXTREMES = ("0001-01-01", "0001", "9999-12-31", "9999")
COMMANDS = [
    ["about"], ["timeline", "--format", "timelinejs"], ["troops", "--compare", "--json"], ["contributors"],
    ["mandate"], ["leaders"], ["at", "2016-07-06"], ["validate"], ["troops", "--chart", "--format", "svg"],
    ["cite", "--format", "ris"],
]  # fmt: skip


def date_fields(data: Any) -> dict[tuple[str, ...], list[Any]]:
    """The first place of each date field in the fact base, by its path with list indexes as ``*``."""
    found: dict[tuple[str, ...], list[Any]] = {}

    def walk(value: Any, path: list[Any], pattern: list[str]) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, [*path, key], [*pattern, key])
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, [*path, index], [*pattern, "*"])
        elif isinstance(value, str) and DATE.match(value):
            found.setdefault(tuple(pattern), path)

    walk(data, [], [])
    return found


def with_date(data: dict[str, Any], path: list[Any], value: str) -> dict[str, Any]:
    changed = copy.deepcopy(data)
    place: Any = changed
    for step in path[:-1]:
        place = place[step]
    place[path[-1]] = value
    return changed


def test_every_date_field_is_found(shipped_data: dict[str, Any]) -> None:
    fields = {"/".join(pattern) for pattern in date_fields(shipped_data)}
    assert {"resolutions/*/mandate_end", "mission/mandate_ended", "events/*/date", "leaders/*/start"} <= fields


@pytest.mark.parametrize("extreme", EXTREMES)
def test_a_date_at_the_calendars_edge_never_crashes_a_command(
    shipped_data: dict[str, Any], tmp_path: Path, extreme: str
) -> None:
    runner = CliRunner()
    path = tmp_path / "edge.json"
    crashes = []
    for pattern, place in date_fields(shipped_data).items():
        path.write_text(json.dumps(with_date(shipped_data, place, extreme)), encoding="utf-8")
        for command in COMMANDS:
            result = runner.invoke(app, [*command, "--data", str(path)])
            if result.exit_code not in (0, 1) or not isinstance(result.exception, SystemExit | None):
                crashes.append(("/".join(pattern), " ".join(command), result.exit_code, repr(result.exception)))
    assert crashes == []


def _process(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minusma", *args], capture_output=True, text=True, check=False)


def test_a_mandate_ending_in_9999_is_a_problem_validate_names(shipped_data: dict[str, Any], tmp_path: Path) -> None:
    """The renewal after it would start in the year 10000: the order check names it instead."""
    data = copy.deepcopy(shipped_data)
    first = next(index for index, item in enumerate(data["resolutions"]) if item["kind"] == "establishment")
    data["resolutions"][first]["mandate_end"] = "9999"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = _process("validate", str(path))
    assert result.returncode == 1, result.stderr
    assert "9999-12-31" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr


@pytest.mark.parametrize("format", ["svg", "png"])
def test_a_mission_ending_on_the_calendars_last_day_still_charts(
    shipped_data: dict[str, Any], tmp_path: Path, format: str
) -> None:
    data = copy.deepcopy(shipped_data)
    for key in ("mandate_ended", "withdrawal_completed", "liquidation_from"):
        data["mission"][key] = "9999-12-31"
    data["header"]["as_of"] = "9999-12-31"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "troops", "--chart", "--format", format, "--data", str(path)],
        capture_output=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.startswith(b"<?xml" if format == "svg" else b"\x89PNG")


OPTION_EXTREMES = ("0001", "0001-01", "0001-01-01", "0002", "0002-12-31", "9998", "9999", "9999-12", "9999-12-31")
DATE_OPTIONS = [
    ["contributors", "--at"], ["contributors", "--year"], ["contributors", "--from"], ["contributors", "--to"],
    ["contributors", "--country", "TCD", "--from"], ["bases", "--at"], ["bases", "--chart", "--format", "svg", "--at"],
    ["bases", "--format", "geojson", "--at"], ["casualties", "--at"], ["casualties", "--from"], ["casualties", "--to"],
    ["budget", "--from"], ["budget", "--to"], ["at"], ["timeline", "--from"], ["timeline", "--to"],
    ["troops", "--compare", "--from"], ["troops", "--compare", "--to"],
]  # fmt: skip


@pytest.mark.parametrize("extreme", OPTION_EXTREMES)
def test_a_date_asked_at_the_calendars_edge_is_an_answer_or_a_usage_error(extreme: str) -> None:
    """`contributors --at 0001` subtracted its two-year window from 0001-01-01: an internal error (exit 3)."""
    runner = CliRunner()
    crashes = []
    for option in DATE_OPTIONS:
        if option == ["contributors", "--year"] and len(extreme) != 4:
            continue  # a year only: anything else is a usage error before any date arithmetic
        result = runner.invoke(app, [*option, extreme, "--no-pager"])
        if result.exit_code not in (0, 1, 2) or not isinstance(result.exception, SystemExit | None):
            crashes.append((" ".join(option), result.exit_code, repr(result.exception)))
    assert crashes == []


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_installed_command_answers_contributors_on_the_calendars_first_day(lang: str) -> None:
    result = _process("--lang", lang, "contributors", "--at", "0001-01-01", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["contributors"] == [] and document["window_start"] == "0001-01-01"


def test_the_freshness_window_stops_at_the_calendars_first_day() -> None:
    import datetime as dt

    from minusma.query import FRESH, window_start

    edge = dt.date.min + FRESH
    assert window_start(edge) == dt.date.min  # the day it still fits
    assert window_start(edge + dt.timedelta(days=1)) == dt.date.min + dt.timedelta(days=1)  # the day after
    assert window_start(edge - dt.timedelta(days=1)) == dt.date.min  # the day before: no earlier day
    assert window_start(dt.date.min) == dt.date.min
    assert window_start(dt.date(2016, 6, 30)) == dt.date(2016, 6, 30) - FRESH
