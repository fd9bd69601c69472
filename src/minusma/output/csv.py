"""CSV: every sheet of a result as one rectangular table, always UTF-8.

A ``table`` column names the sheet a row comes from; the columns are the union of the
sheets'. Cells are machine values (:func:`minusma.output.cells.machine`): codes as in
JSON, a quantity as ``KEY`` and ``KEY_qualifier``, a caveat in its own column. A date stays
as written (``2016-02``: its precision is data) and is followed by ``KEY_from`` and ``KEY_to``,
the first and last day it covers (``2016-02-01``, ``2016-02-29``), full dates that every
spreadsheet reads as dates and sorts right; both are empty where there is no date. What a sheet
says before its rows (``at``'s status on the day, a summary) is a row of its own, its ``table`` the
sheet's name and ``_intro``, its text in an ``intro`` column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from minusma.messages import Lang
from minusma.model import date_range
from minusma.output.cells import machine, safe
from minusma.output.stream import write_bytes
from minusma.output.view import View
from minusma.sheets import Column, Sheet

_INTRO = Column("intro", "", "text")
"""Where what a sheet says before its rows goes: text, guarded as every text cell is (a leading ``=``)."""


def span(text: object) -> tuple[str, str]:
    """The first and last day a date cell covers, as ``YYYY-MM-DD``; empty for anything that is no date ("-", none)."""
    if not isinstance(text, str) or not text[:1].isdigit():
        return "", ""
    try:
        first, last = date_range(text)
    except ValueError:  # a DateError too
        return "", ""
    return first.isoformat(), last.isoformat()


def table(sheets: Sequence[Sheet]) -> tuple[list[str], list[list[str | int | float]]]:
    header: list[str] = ["table"]
    for sheet in sheets:
        for column in sheet.columns:
            if column.show == "table":
                continue
            names = [column.key]
            if column.kind in ("quantity", "percent"):
                names.append(f"{column.key}_qualifier")
            if column.kind == "quantity":
                names.append(f"{column.key}_formula")
            if column.kind == "date":
                names += [f"{column.key}_from", f"{column.key}_to"]
            header += [name for name in names if name not in header]
    records: list[dict[str, str | int | float]] = []
    spans: dict[object, tuple[str, str]] = {}  # a date recurs: worked out once
    for sheet in sheets:
        dated = [column.key for column in sheet.columns if column.kind == "date" and column.show != "table"]
        # what a sheet says before its rows (the mission's status on a day, a summary): a row of its own
        if sheet.intro:
            records.append({"table": f"{sheet.key}_intro", **machine(_INTRO, sheet.intro)})  # not a row of the sheet
        for row in sheet.rows:
            record: dict[str, str | int | float] = {"table": sheet.key}
            for column, cell in zip(sheet.columns, row, strict=True):
                record.update(machine(column, cell))
            for key in dated:
                value = record.get(key)
                found = spans.get(value)
                if found is None:
                    found = spans[value] = span(value)
                record[f"{key}_from"], record[f"{key}_to"] = found
            records.append(record)
    if any("caveat" in record for record in records) and "caveat" not in header:
        header.append("caveat")
    if any("intro" in record for record in records) and "intro" not in header:
        header.append("intro")
    header = [name for name in header if not name.endswith("_formula") or any(name in record for record in records)]
    return header, [[record.get(name, "") for name in header] for record in records]


def write(view: View[Any], lang: Lang) -> None:
    header, rows = table(view.sheets(lang))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    # A bare CR would end a record for a reader; any control character shows as an escape.
    writer.writerows([safe(cell) if isinstance(cell, str) else cell for cell in row] for row in rows)
    write_bytes(buffer.getvalue().encode("utf-8"))
