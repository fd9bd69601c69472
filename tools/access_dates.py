"""Give every source its ``accessed`` date: the day its record entered the fact base.

The tool does not know when each page was read, and a guessed day would be an invented fact. What
the repository does know is when a source's URL was first written into ``data/minusma.json``: the
author date (day) of the first commit that added it, which is what

    git log --reverse -S'"<url>"' --format=%as -- data/minusma.json

prints on its first line (the URL as a JSON string, quotes included, so that a longer URL that
merely starts with it does not count). The pages were read for the commit that added them, so that
day is the access date citation styles ask for ("Retrieved 2 December 2026 from ..."), and anyone
can check it against the history.

One pass over the file's history (``git log -p``) finds the same commits as one ``-S`` search per
source, in a fraction of the time; tests/test_cite.py checks a sample against ``-S`` itself.

    python tools/access_dates.py           # write the dates into data/minusma.json
    python tools/access_dates.py --check   # exit 1 if a stored date differs from the history

``accessed`` goes right after ``url`` in each record. A source whose URL is not yet in a commit
(a record being added now) gets no date until it is committed; ``--check`` names it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FACT_BASE = "data/minusma.json"


def first_added(needles: set[str], repo: Path = REPO) -> dict[str, str]:
    """The author date (day) of the first commit, oldest first, whose fact base contains each needle."""
    commits = _git(repo, "rev-list", "--reverse", "--date-order", "--format=%H %as", "HEAD").splitlines()
    days = [line.split() for line in commits if not line.startswith("commit ")]
    blob_ids = _git(
        repo, "cat-file", "--batch-check=%(objectname)", stdin="".join(f"{commit}:{FACT_BASE}\n" for commit, _ in days)
    ).splitlines()
    found: dict[str, str] = {}
    seen: set[str] = set()
    for (_commit, day), blob in zip(days, blob_ids, strict=True):
        if blob in seen or blob.endswith(" missing"):
            continue
        seen.add(blob)
        text = _git(repo, "cat-file", "blob", blob)
        for needle in [needle for needle in needles - found.keys() if needle in text]:
            found[needle] = day
    return found


def _git(repo: Path, *args: str, stdin: str | None = None) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, input=stdin, capture_output=True, text=True, encoding="utf-8", check=True
    ).stdout


def quoted(url: str) -> str:
    """The URL as it stands in the file: a JSON string, quotes included."""
    return json.dumps(url, ensure_ascii=False)


def dated(fact_base: dict[str, Any], repo: Path = REPO) -> tuple[dict[str, Any], list[str]]:
    """The fact base with every committed source's ``accessed`` set, and the ids left undated."""
    days = first_added({quoted(source["url"]) for source in fact_base["sources"]}, repo)
    result = dict(fact_base)
    sources, undated = [], []
    for source in fact_base["sources"]:
        day = days.get(quoted(source["url"]))
        if day is None:
            undated.append(source["id"])
        sources.append(with_accessed(source, day))
    result["sources"] = sources
    return result, undated


def with_accessed(source: dict[str, Any], day: str | None) -> dict[str, Any]:
    """``source`` with ``accessed`` right after ``url`` (removed where ``day`` is None)."""
    record: dict[str, Any] = {}
    for key, value in source.items():
        if key == "accessed":
            continue
        record[key] = value
        if key == "url" and day is not None:
            record["accessed"] = day
    return record


def main(argv: list[str]) -> int:
    path = REPO / FACT_BASE
    text = path.read_text(encoding="utf-8")
    result, undated = dated(json.loads(text))
    new_text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
    for source_id in undated:
        print(f"{source_id}: its URL is in no commit yet; commit it, then run this again", file=sys.stderr)
    if "--check" in argv:
        if new_text != text or undated:
            print(
                f"{FACT_BASE}: access dates differ from the history; run python tools/access_dates.py", file=sys.stderr
            )
            return 1
        return 0
    path.write_text(new_text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
