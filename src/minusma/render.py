"""Sheets as Rich renderables. The only module that imports rich; it returns, the caller prints.

A table that cannot fit the terminal without cutting a number is drawn as one
block of ``label: value`` lines per row instead, so ``COLUMNS=20`` still shows
every figure whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text as RichText

from minusma import labels
from minusma.model import Lang
from minusma.sheets import Bar, Cell, Column, PartFill, Sheet


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Let the caller end quietly (exit 0) when the reader has gone; Rich would exit 1."""
        raise BrokenPipeError


def console(*, stderr: bool = False) -> Console:
    """One per invocation, so width, colour and the stream follow the environment of the call."""
    return _Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


def _bar(cell: Bar, unicode: bool) -> str:
    full, empty, mark = (_plain(symbol, unicode) for symbol in ("█", "░", "│"))
    width = cell.width
    filled = min(width, round(width * cell.value / cell.scale)) if cell.scale else 0
    limit_at = min(width, round(width * cell.limit / cell.scale)) if cell.scale else 0
    bar = full * filled + empty * max(0, limit_at - filled)
    return bar + (mark if limit_at < width else "")


_SYMBOLS = {"exact": "", "about": "~", "nearly": "≲", "more_than": ">", "at_least": "≥"}
_RANK_MARKS = {"preferred": "*", "deprecated": "x"}


def format_cell(column: Column, cell: Cell, lang: Lang, unicode: bool = True, compact: bool = True) -> str:
    """A cell as text; in tables (``compact``) a qualifier is a symbol explained under the table."""
    if cell is None:
        return "-"
    if column.kind == "rank":  # a marker in tables, the word where there is room
        return _RANK_MARKS.get(str(cell), "") if compact else labels.label(str(cell), lang)
    if isinstance(cell, Bar):
        return _bar(cell, unicode)
    if isinstance(cell, PartFill):
        rate = format_cell(column, cell.rate, lang, unicode, compact)
        return f"{rate} {cell.part[:3]}." if compact else f"{rate} ({cell.part})"
    if isinstance(cell, dict):
        qualifier = cell["qualifier"]
        if "percent" in cell:
            percent = cell["percent"]  # type: ignore[typeddict-item]
            if compact:
                return _plain(_SYMBOLS[qualifier], unicode) + labels.percent(percent, lang)
            return labels.qualified_percent(percent, qualifier, lang)
        if compact:
            return _plain(_SYMBOLS[qualifier], unicode) + labels.number(cell["value"], lang)
        return labels.quantity(cell, lang)
    if isinstance(cell, int) and column.kind == "number" and column.key not in ("id", "resolution"):
        return labels.number(cell, lang)
    return str(cell)


_WHOLE = ("date", "number", "quantity", "percent", "bar", "rank")
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


def _blocks(columns: list[Column], cells: list[list[str]]) -> RenderableType:
    parts: list[RenderableType] = []
    for row in cells:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(overflow="fold", style="bold")
        grid.add_column(overflow="fold")
        for column, value in zip(columns, row, strict=True):
            if value not in ("", "-") and column.kind != "bar":
                grid.add_row(RichText(f"{column.block_header or column.header}:"), RichText(value))
        parts.append(Padding(grid, (0 if not parts else 1, 0, 0, 0)))
    return Group(*parts)


def sheet(sheet: Sheet, lang: Lang, unicode: bool = True) -> RenderableType:
    shown = [index for index, column in enumerate(sheet.columns) if column.show != "csv"]
    columns = [sheet.columns[index] for index in shown]
    cells = [[format_cell(sheet.columns[index], row[index], lang, unicode) for index in shown] for row in sheet.rows]
    words = [
        [format_cell(sheet.columns[index], row[index], lang, unicode, compact=False) for index in shown]
        for row in sheet.rows
    ]
    parts: list[RenderableType] = [RichText(sheet.title, style="bold")]
    if sheet.intro:
        parts.append(RichText(sheet.intro))
    if cells:
        parts.append(_table(columns, cells, _blocks(columns, words)))
        if any(_has_qualifier(cell) for row in sheet.rows for cell in row[: len(sheet.columns)]):
            parts.append(RichText(_plain(labels.label("legend", lang), unicode), style="dim"))
    parts += [RichText(_plain(note, unicode), style="dim") for note in sheet.notes]
    return Group(*parts)


_ASCII = str.maketrans({"█": "#", "░": ".", "│": "|", "≲": "<~", "≥": ">="})


def _plain(words: str, unicode: bool) -> str:
    """The symbols of bars and legends in ASCII, for terminals that cannot show them."""
    return words if unicode else words.translate(_ASCII)


def _has_qualifier(cell: Cell) -> bool:
    return isinstance(cell, dict) and cell["qualifier"] != "exact"


def sheets(items: Sequence[Sheet], lang: Lang, unicode: bool = True) -> Iterator[RenderableType]:
    for index, item in enumerate(items):
        if index:
            yield RichText("")
        yield sheet(item, lang, unicode)
