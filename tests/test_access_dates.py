"""tools/access_dates.py: every source's ``accessed`` is the day its URL entered the fact base's history."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))["sources"]

needs_history = pytest.mark.skipif(
    shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs the repository's git history"
)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("access_dates", REPO / "tools" / "access_dates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_history
def test_the_script_gives_the_stored_dates() -> None:
    result = subprocess.run(
        ["python", str(REPO / "tools" / "access_dates.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@needs_history
@pytest.mark.parametrize("source", SOURCES[:: len(SOURCES) // 6], ids=lambda source: source["id"])
def test_a_stored_date_is_what_git_log_s_gives(source: dict[str, str]) -> None:
    """The one-pass search agrees with ``git log --reverse -S'"<url>"'`` (where that finds the URL:
    history simplification hides a URL first written in a merge)."""
    needle = json.dumps(source["url"], ensure_ascii=False)
    log = subprocess.run(
        ["git", "log", "--reverse", f"-S{needle}", "--format=%as", "--", "data/minusma.json"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    assert log and log[0] == source["accessed"]


def test_accessed_goes_right_after_the_url_and_goes_away_without_a_day() -> None:
    tool = _tool()
    source = {"id": "a", "url": "https://x.org", "language": "en", "accessed": "2020-01-01"}
    dated = tool.with_accessed(source, "2021-02-03")
    assert list(dated) == ["id", "url", "accessed", "language"] and dated["accessed"] == "2021-02-03"
    assert tool.with_accessed(source, None) == {"id": "a", "url": "https://x.org", "language": "en"}


def test_a_url_counts_only_as_the_whole_quoted_string() -> None:
    tool = _tool()
    assert tool.quoted("https://x.org/a") == '"https://x.org/a"'
    assert tool.quoted("https://x.org/a") not in '"https://x.org/ab"'


@needs_history
def test_a_url_in_no_commit_is_left_undated_and_named(tmp_path: Path) -> None:
    tool = _tool()
    fact_base = {"sources": [{"id": "new", "url": "https://example.org/never-committed", "accessed": "2020-01-01"}]}
    result, undated = tool.dated(fact_base)
    assert undated == ["new"] and "accessed" not in result["sources"][0]
