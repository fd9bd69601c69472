"""Round four of hostile probing of the installed command: what landed since round three (bases,
budget, casualties, contributors by year, at after the withdrawal), each defect found pinned in a
real process where the user meets it."""

from __future__ import annotations

import subprocess

import pytest

from installed import minusma_command


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*minusma_command(), *args], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_year_zero_is_a_usage_error_not_an_internal_error(lang: str) -> None:
    """'0000' has the form YYYY but is no year of the calendar: it stopped with exit 3 (a bug)."""
    result = _run("contributors", "--year", "0000", "--lang", lang)
    assert result.returncode == 2, result.stderr
    assert "0000" in result.stderr and "0001" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_first_and_last_years_of_the_calendar_are_years() -> None:
    for year in ("0001", "9999"):
        result = _run("contributors", "--year", year, "--json")
        assert result.returncode == 0, result.stderr
