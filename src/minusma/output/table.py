"""Sheets as Rich renderables. The only module that imports rich; it returns, the caller prints.

A table that cannot fit the terminal without cutting a number is drawn as one
block of ``label: value`` lines per row instead, so ``COLUMNS=20`` still shows
every figure whole.
"""

from __future__ import annotations

import os
import re
import textwrap
from collections.abc import Iterator, Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text as RichText

from minusma.messages import Lang, say
from minusma.output.cells import format_cell, has_qualifier, is_computed, plain, safe
from minusma.output.stream import ReaderGone, TextOutput, encoding
from minusma.output.view import View
from minusma.sheets import Column, Sheet


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Let the caller end quietly (exit 0) when the reader has gone; Rich would exit 1."""
        raise ReaderGone


def console() -> Console:
    """One per invocation, so width, colour and the stream follow the environment of the call.

    Rich writes through :class:`TextOutput`, so a table arrives whole on a non-blocking
    stdout too. A COLUMNS or LINES that is not a positive number counts as unset.
    """
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("COLUMNS", "LINES") or (value.isdigit() and int(value) > 0)
    }
    output = TextOutput(encoding())
    return _Console(
        file=output,  # type: ignore[arg-type]  # a TextIOBase is a text file
        highlight=False,
        soft_wrap=False,
        emoji=False,
        _environ=environment,
    )


class Footnotes:
    """Sources as numbered references: ``[1][3]`` in the rows, the list with URLs below the tables.

    The numbers leave the text column room, and a URL printed on a line of its own is never
    wrapped or cut, so it can be copied whole.
    """

    def __init__(self, result: object) -> None:
        listed = result.get("sources") if isinstance(result, dict) else None
        self.records: dict[str, dict[str, Any]] = {
            record["id"]: record for record in listed or [] if isinstance(record, dict) and "url" in record
        }
        self.numbers: dict[str, int] = {}

    def refer(self, ids: str) -> str:
        wanted = [part.strip() for part in ids.split(",") if part.strip()]
        if not wanted or not all(source in self.records for source in wanted):
            return ids
        return "".join(f"[{self.numbers.setdefault(source, len(self.numbers) + 1)}]" for source in wanted)

    def lines(self) -> list[tuple[str, str]]:
        """Each reference, and its URL for a line of its own."""
        found = []
        for source, index in self.numbers.items():
            record = self.records[source]
            found.append((f"[{index}] {source}: {record['title']} ({record['publisher']})", record["url"]))
        return found


def write(view: View[Any], lang: Lang) -> None:
    """The sheets of a result as Rich tables (or blocks, where a table would cut a figure)."""
    printer = console()
    unicode = printer.encoding.lower().replace("-", "").startswith("utf")
    footnotes = Footnotes(view.result)
    for renderable in sheets(view.sheets(lang), lang, unicode, footnotes):
        printer.print(renderable, crop=False)  # a figure, id or URL wider than the terminal is never cut
    references = footnotes.lines()
    if references:
        printer.print(RichText(""))
        printer.print(RichText(say("sources", lang), style="bold"))
        for line, url in references:
            printer.print(RichText(safe(line, lines=False)))
            printer.out("    " + safe(url, lines=False), highlight=False)  # never wrapped: a URL stays whole
    printer.file.flush()


_WHOLE = ("date", "number", "quantity", "percent", "bar", "rank", "id", "url")
"""Column kinds whose cells are never wrapped or cut."""
TEXT_MIN = 20
"""Narrowest a text column may get; longer words fold onto the next line."""


def _minimum(column: Column, values: list[str]) -> int:
    if column.kind in _WHOLE:
        return max(len(value) for value in values)
    longest_word = max((len(word) for value in values for word in value.split()), default=1)
    return min(longest_word, TEXT_MIN)


class Adaptive:
    """A table where every column fits at its minimum; otherwise a block of label: value lines per row."""

    def __init__(self, table: Table, minimum: int, blocks: RenderableType) -> None:
        self.table = table
        self.minimum = minimum
        self.blocks = blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield self.table if self.minimum <= options.max_width else self.blocks


def _table(columns: list[Column], cells: list[list[str]], blocks: RenderableType) -> Adaptive:
    table = Table(
        expand=False,
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), collapse_padding=True,
    )  # fmt: skip
    minimum = 2 * len(columns) - 2  # two spaces between columns
    for index, column in enumerate(columns):
        width = _minimum(column, [row[index] for row in cells] + ([column.header] if column.kind in _WHOLE else []))
        minimum += width
        table.add_column(
            RichText(column.header),
            justify="right" if column.kind in ("number", "quantity", "percent") else "left",
            no_wrap=column.kind in _WHOLE,
            overflow="fold",
            min_width=width,
        )
    for row in cells:
        table.add_row(*(RichText(cell) for cell in row))  # Text, not str: no markup parsing of facts
    return Adaptive(table, minimum, blocks)


LARGE = 100
"""Rows above which a sheet is laid out by :class:`LongTable` (linear time) rather than Rich's Table."""


class LongTable:
    """A long sheet laid out in time linear in its size, looking as Rich draws the short ones.

    Rich measures and renders every cell several times, which took 11 s for 10,000 events.
    Here widths are measured once per column; a text column too wide for the terminal is
    narrowed (never below its longest word, or 20) and its cells wrapped; if even that cannot
    fit, each row becomes a block of ``label: value`` lines. Figures, ids and URLs are never cut.
    """

    def __init__(self, columns: list[Column], cells: list[list[str]], words: list[list[str]]) -> None:
        self.columns = columns
        self.cells = cells
        self.words = words

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        columns, cells = self.columns, self.cells
        natural = [
            max([cell_len(column.header), *(max(map(cell_len, row[index].split("\n"))) for row in cells)])
            for index, column in enumerate(columns)
        ]
        minimum = [
            natural[index] if column.kind in _WHOLE else _minimum(column, [row[index] for row in cells])
            for index, column in enumerate(columns)
        ]
        for index, column in enumerate(columns):
            if column.key in _REFERENCES:  # "[1][2][3]" may break between its references
                minimum[index] = max([len(column.header), *(len(ref) for row in cells for ref in _refs(row[index]))])
        gaps = 2 * (len(columns) - 1)
        if sum(minimum) + gaps > width:
            yield from self._blocks(console, width)
            return
        widths = list(natural)
        excess = sum(widths) + gaps - width
        flexible = [index for index, column in enumerate(columns) if column.kind not in _WHOLE]
        while excess > 0 and flexible:
            room = {index: widths[index] - minimum[index] for index in flexible if widths[index] > minimum[index]}
            if not room:
                break
            total_room = sum(room.values())
            for index, spare in room.items():
                cut = min(spare, max(1, excess * spare // total_room))
                widths[index] -= cut
                excess -= cut
                if excess <= 0:
                    break
        right = {index for index, column in enumerate(columns) if column.kind in ("number", "quantity", "percent")}
        bold = Style(bold=True)
        yield Segment(_line([column.header for column in columns], widths, right), bold)
        yield Segment.line()
        yield Segment(("─" if console.encoding.lower().startswith("utf") else "-") * (sum(widths) + gaps))
        yield Segment.line()
        for row in cells:
            wrapped = [
                [cell]
                if index not in flexible or cell_len(cell) <= widths[index]
                else _wrap(cell, widths[index], references=columns[index].key in _REFERENCES)
                for index, cell in enumerate(row)
            ]
            for line_number in range(max(len(lines) for lines in wrapped)):
                parts = [lines[line_number] if line_number < len(lines) else "" for lines in wrapped]
                yield Segment(_line(parts, widths, right))
                yield Segment.line()

    def _blocks(self, console: Console, width: int) -> RenderResult:
        """One block of ``label: value`` lines per row; text wraps under its value, ids and URLs stay whole."""
        bold = Style(bold=True)
        labels = [f"{column.block_header or column.header}:" for column in self.columns]
        label_width = max(map(cell_len, labels))
        value_width = max(10, width - label_width - 1)
        for number, row in enumerate(self.words):
            if number:
                yield Segment.line()
            for column, label, value in zip(self.columns, labels, row, strict=True):
                if value in ("", "-") or column.kind == "bar":
                    continue
                lines = [value] if column.kind in _WHOLE else _wrap(value, value_width)
                yield Segment(label.ljust(label_width), bold)
                yield Segment(f" {lines[0]}")
                yield Segment.line()
                for more in lines[1:]:
                    yield Segment(" " * (label_width + 1) + more)
                    yield Segment.line()


def _line(parts: list[str], widths: list[int], right: set[int]) -> str:
    padded = []
    for index, (part, width) in enumerate(zip(parts, widths, strict=True)):
        space = " " * max(0, width - cell_len(part))
        padded.append(space + part if index in right else part + space)
    return "  ".join(padded).rstrip()


_REFERENCES = ("sources", "claimed_in")
_REFERENCE = re.compile(r"\[\d+\]|[^\[]+")


def _refs(cell: str) -> list[str]:
    return _REFERENCE.findall(cell) or [cell]


def _wrap(text: str, width: int, references: bool = False) -> list[str]:
    lines: list[str] = []
    if references:  # pack whole references: "[1][2]" / "[3]"
        current = ""
        for ref in _refs(text):
            if current and len(current) + len(ref) > width:
                lines.append(current)
                current = ""
            current += ref
        return [*lines, current]
    for paragraph in text.split("\n"):
        lines += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False) or [
            ""
        ]  # ids, URLs whole
    return lines


def _blocks(columns: list[Column], cells: list[list[str]]) -> RenderableType:
    parts: list[RenderableType] = []
    for row in cells:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(overflow="fold", style="bold")
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row, strict=True):
            if value not in ("", "-") and column.kind != "bar":
                whole = column.kind in ("id", "url")
                shown = RichText(value, no_wrap=whole, overflow="ignore" if whole else "fold")
                grid.add_row(RichText(f"{column.block_header or column.header}:"), shown)
        parts.append(Padding(grid, (0 if not parts else 1, 0, 0, 0)))
    return Group(*parts)


def sheet(sheet: Sheet, lang: Lang, unicode: bool = True, footnotes: Footnotes | None = None) -> RenderableType:
    shown = [index for index, column in enumerate(sheet.columns) if column.show != "csv"]
    columns = [sheet.columns[index] for index in shown]
    cells = [
        [safe(format_cell(sheet.columns[index], row[index], lang, unicode)) for index in shown] for row in sheet.rows
    ]
    if footnotes is not None:
        for position, index in enumerate(shown):
            if sheet.columns[index].key in ("sources", "claimed_in"):
                for row in cells:
                    row[position] = footnotes.refer(row[position])
    words = [
        [safe(format_cell(sheet.columns[index], row[index], lang, unicode, compact=False)) for index in shown]
        for row in sheet.rows
    ]
    parts: list[RenderableType] = [RichText(safe(sheet.title), style="bold")]
    if sheet.intro:
        parts.append(RichText(safe(sheet.intro)))
    if len(cells) > LARGE:
        parts.append(LongTable(columns, cells, words))
    elif cells:
        parts.append(_table(columns, cells, _blocks(columns, words)))
        if any(has_qualifier(cell) for row in sheet.rows for cell in row[: len(sheet.columns)]):
            parts.append(RichText(plain(say("legend", lang), unicode), style="dim"))
        if any(is_computed(cell) for row in sheet.rows for cell in row[: len(sheet.columns)]):
            parts.append(RichText(say("computed_note", lang), style="dim"))
    parts += [RichText(safe(plain(note, unicode)), style="dim") for note in sheet.notes]
    return Group(*parts)


def sheets(
    items: Sequence[Sheet], lang: Lang, unicode: bool = True, footnotes: Footnotes | None = None
) -> Iterator[RenderableType]:
    for index, item in enumerate(items):
        if index:
            yield RichText("")
        yield sheet(item, lang, unicode, footnotes)
