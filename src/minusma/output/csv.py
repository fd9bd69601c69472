"""CSV: every sheet of a result as one rectangular table, always UTF-8.

A ``table`` column names the sheet a row comes from; the columns are the union of the
sheets'. Cells are machine values (:func:`minusma.output.cells.machine`): codes as in
JSON, a quantity as ``KEY`` and ``KEY_qualifier``, a caveat in its own column.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from minusma.messages import Lang
from minusma.output.cells import machine, safe
from minusma.output.stream import write_bytes
from minusma.output.view import View
from minusma.sheets import Sheet


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
            header += [name for name in names if name not in header]
    records: list[dict[str, str | int | float]] = []
    for sheet in sheets:
        for row in sheet.rows:
            record: dict[str, str | int | float] = {"table": sheet.key}
            for column, cell in zip(sheet.columns, row, strict=True):
                record.update(machine(column, cell))
            records.append(record)
    if any("caveat" in record for record in records) and "caveat" not in header:
        header.append("caveat")
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
