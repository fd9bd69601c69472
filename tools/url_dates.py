"""Dates that a source's URL shows, recorded as ``published`` where the page gave none.

A news site's path often carries the day or month an item was published (``/2021/08/10/``,
``/2021-12/16/``, ``/20220715-title``, ``/news/2019-12-28---title``). Only such path segments
count: a date hidden in an article number, a timestamp or a site's own code (``dmf20200110``,
``201701120717``, ``121220_``) is not read, since nothing in the URL says it is a date. A path
that shows a year and a month gives the month (``2019-08``), never a day; a year alone is not
taken, as a year in a path is as often a subject or an archive as a publication year.

``python tools/url_dates.py`` sets ``published`` on each source that has none and whose URL
shows a date (right after ``kind``, as the file keeps it); ``--check`` changes nothing and exits 1
if it would. A source that already has ``published`` is never changed: where it and its URL
disagree, tests/test_source_dates.py names both.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
FACT_BASE = "data/minusma.json"

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_MONTH = r"(?P<month>\d\d)"
_DAY = r"(?P<day>\d\d)"
# Each pattern is matched against the whole path, between slashes (or a slash and a title's dash).
_PATTERNS = (
    re.compile(rf"/{_YEAR}/{_MONTH}/{_DAY}(?:/|$)"),  # /2021/08/10/
    re.compile(rf"/{_YEAR}-{_MONTH}/{_DAY}(?:/|$)"),  # /2021-12/16/
    re.compile(rf"/{_YEAR}-{_MONTH}-{_DAY}(?:/|$|-)"),  # /2019-12-28---title
    re.compile(rf"/{_YEAR}{_MONTH}{_DAY}(?:/|-)"),  # /20191111/ or /20220715-title (not an id at the end)
    re.compile(rf"/{_YEAR}/{_MONTH}(?:/|$)"),  # /2019/08/ (a month)
)


def url_date(url: str) -> str | None:
    """The date the URL's path shows, at its precision (``2021-08-10`` or ``2021-08``), else None."""
    path = urlsplit(url).path
    for pattern in _PATTERNS:
        match = pattern.search(path)
        if match is None:
            continue
        year, month = int(match["year"]), int(match["month"])
        day = match.groupdict().get("day")
        try:
            date(year, month, int(day) if day else 1)
        except ValueError:
            return None  # /2021/02/30/ or /2021/13/ is no date (an id or a count), nor its month
        return f"{match['year']}-{match['month']}" + (f"-{day}" if day else "")
    return None


def agrees(published: str, shown: str) -> bool:
    """Whether ``published`` and the date the URL shows can be the same day: equal, or one of them a
    coarser form of the other (``2019-01`` and ``2019-01-28``; a month in a path and a day in it)."""
    return published == shown or published.startswith(shown + "-") or shown.startswith(published + "-")


def with_published(source: dict[str, Any], day: str) -> dict[str, Any]:
    """``source`` with ``published`` after ``kind`` (after ``language`` where it has no kind)."""
    anchor = "kind" if "kind" in source else "language"
    record: dict[str, Any] = {}
    for key, value in source.items():
        record[key] = value
        if key == anchor:
            record["published"] = day
    return record


def dated(fact_base: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The fact base with ``published`` set from the URL where it was missing, and the ids dated."""
    result = dict(fact_base)
    sources, changed = [], []
    for source in fact_base["sources"]:
        shown = url_date(source["url"])
        if "published" not in source and shown is not None:
            source = with_published(source, shown)
            changed.append(source["id"])
        sources.append(source)
    result["sources"] = sources
    return result, changed


def main(argv: list[str]) -> int:
    path = REPO / FACT_BASE
    text = path.read_text(encoding="utf-8")
    result, changed = dated(json.loads(text))
    for source_id in changed:
        print(f"{source_id}: {next(s['published'] for s in result['sources'] if s['id'] == source_id)}")
    if "--check" in argv:
        if changed:
            print(
                f"{FACT_BASE}: sources whose URL shows a date have none; run python tools/url_dates.py", file=sys.stderr
            )
            return 1
        return 0
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
