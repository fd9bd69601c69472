"""What the importers under tools/ share: one home for keeping a source's access date.

Each importer rebuilds its records and their dataset sources from data/sources/; a source's
``accessed`` comes from the repository's history (tools/access_dates.py), not from the dataset,
so a rebuilt source keeps the day its record first entered the fact base.
"""

from __future__ import annotations

from typing import Any


def kept_accessed(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``new`` with the old record's ``accessed`` (tools/access_dates.py's field, from the history)."""
    if "accessed" not in old or "accessed" in new:
        return new
    record: dict[str, Any] = {}
    for key, value in new.items():
        record[key] = value
        if key == "url":
            record["accessed"] = old["accessed"]
    return record
