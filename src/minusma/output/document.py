"""What the document formats (Markdown, HTML) share: the columns they show and the sources they cite.

A document has room for what a terminal table leaves to CSV: the ``sources`` column,
whose ids become numbered references (``[1]``) to one list below the tables. Bars are
drawings for a terminal and stay out; the fill rate beside them carries the figure.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from minusma.output.stream import write_bytes
from minusma.sheets import Column, Sheet


def columns(sheet: Sheet) -> list[int]:
    """The indexes of the columns a document shows."""
    return [
        index
        for index, column in enumerate(sheet.columns)
        if column.kind != "bar" and (column.show != "csv" or column.key == "sources")
    ]


def write_lines(lines: Sequence[str]) -> None:
    """The document, each line ending in a newline, written ten thousand lines at a time: a document
    of a million rows is never held whole as text and again as bytes."""
    for start in range(0, len(lines), 10_000):
        write_bytes(("\n".join(lines[start : start + 10_000]) + "\n").encode("utf-8"))


def rows(sheet: Sheet, index: int) -> list[Any]:
    """The cells of one column, top to bottom."""
    return [row[index] for row in sheet.rows]


def header(column: Column) -> str:
    """A column's name; the rank column, blank in tables, is named as in blocks ("Claim")."""
    return column.header or column.block_header or ""


class Reference(NamedTuple):
    number: int
    id: str
    title: str
    publisher: str
    url: str


class References:
    """The sources a document cites, numbered in the order its rows first cite them.

    The result's ``sources`` list (where present) gives each id its title, publisher and
    URL; a source it lists that no row cites comes after the cited ones, so the list holds
    every source of the document. A document that lists sources itself (a ``url``
    column) needs no list of them.
    """

    def __init__(self, result: Mapping[str, Any], sheets: Sequence[Sheet]) -> None:
        listed = result.get("sources")
        records = listed if isinstance(listed, list) else []
        self._known: dict[str, Mapping[str, Any]] = {
            record["id"]: record for record in records if isinstance(record, Mapping) and "url" in record
        }
        self._numbers: dict[str, int] = {}
        self._cited: dict[str, list[tuple[str, int | None]]] = {}
        self._listing = any(column.key == "url" for sheet in sheets for column in sheet.columns)

    def cite(self, cell: str) -> list[tuple[str, int | None]]:
        """The ids of a ``sources`` cell ("a, b"), each with its number (None for an id the result does not list).
        Worked out once per cell text: numbers are given at first sight, so later rows get the same."""
        found = self._cited.get(cell)
        if found is None:
            found = self._cited[cell] = self._cite(cell)
        return found

    def _cite(self, cell: str) -> list[tuple[str, int | None]]:
        cited: list[tuple[str, int | None]] = []
        for source_id in (part.strip() for part in cell.split(",")):
            if not source_id:
                continue
            if self._listing or source_id not in self._known:  # a document listing its sources: ids, no numbers
                cited.append((source_id, None))
                continue
            number = self._numbers.setdefault(source_id, len(self._numbers) + 1)
            cited.append((source_id, number))
        return cited

    def listed(self) -> list[Reference]:
        """Every source of the document, cited ones first; call it after the rows are written."""
        if self._listing:
            return []
        for source_id in self._known:
            self._numbers.setdefault(source_id, len(self._numbers) + 1)
        ordered = sorted(self._numbers.items(), key=lambda item: item[1])
        return [
            Reference(
                number, source_id, str(self._known[source_id]["title"]),
                str(self._known[source_id]["publisher"]), str(self._known[source_id]["url"]),
            )
            for source_id, number in ordered
        ]  # fmt: skip
