"""Sheets as Rich renderables. The only module that imports rich; it returns, the caller prints.

A table that cannot fit the terminal without cutting a number is drawn as one
block of ``label: value`` lines per row instead, so ``COLUMNS=20`` still shows
every figure whole.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text as RichText

from minusma.messages import Lang, say
from minusma.output.cells import format_cell, has_qualifier, plain, safe
from minusma.output.stream import ReaderGone, TextOutput
from minusma.output.view import View
from minusma.sheets import Column, Sheet


class _Console(Console):
    def on_broken_pipe(self) -> None:
        """Let the caller end quietly (exit 0) when the reader has gone; Rich would exit 1."""
        raise ReaderGone


def console() -> Console:
    """One per invocation, so width, colour and the stream follow the environment of the call.

    Rich writes through :class:`TextOutput`, so a table arrives whole on a non-blocking
    stdout too. A COLUMNS or LINES that is not a positive number counts as unset; a
    terminal narrower than ``NARROWEST`` gets lines that wide.
    """
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("COLUMNS", "LINES") or (value.isdigit() and int(value) > 0)
    }
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    output = TextOutput(encoding)
    printer = _Console(
        file=output,  # type: ignore[arg-type]  # a TextIOBase is a text file
        highlight=False,
        soft_wrap=False,
        emoji=False,
        _environ=environment,
    )
    printer.width = max(printer.width, NARROWEST)
    return printer


def write(view: View[Any], lang: Lang) -> None:
    """The sheets of a result as Rich tables (or blocks, where a table would cut a figure)."""
    printer = console()
    unicode = printer.encoding.lower().replace("-", "").startswith("utf")
    for renderable in sheets(view.sheets(lang), lang, unicode):
        printer.print(renderable)
    printer.file.flush()


_WHOLE = ("date", "number", "quantity", "percent", "bar", "rank")
"""Column kinds whose cells are never wrapped or cut."""
TEXT_MIN = 20
"""Narrowest a text column may get; longer words fold onto the next line."""
NARROWEST = 20
"""Tables are drawn at least this wide: a narrower terminal wraps the lines itself, but no figure is cut."""
_GAP = 2
"""Spaces between two table columns."""


def _width(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _minimum(whole: bool, values: Sequence[str], text_minimum: int = TEXT_MIN) -> int:
    """Narrowest a column may be: its widest figure whole; for text, its longest word up to ``text_minimum``."""
    if whole:
        return max((_width(value) for value in values), default=1)
    return min(_longest_word(values), text_minimum)


def _longest_word(values: Sequence[str]) -> int:
    return max((cell_len(word) for value in values for word in value.split()), default=1)


def _fit(minimums: Sequence[int], maximums: Sequence[int], room: int) -> list[int] | None:
    """Column widths within ``room``, each at least its minimum: the widest columns give way first.

    ``None`` when the minimums alone do not fit. Rich's own shrinking can leave a column
    wider than the room and then crops the line, losing letters; fixed widths cannot.
    """
    if sum(minimums) > room:
        return None

    def capped(cap: int) -> list[int]:
        return [max(least, min(most, cap)) for least, most in zip(minimums, maximums, strict=True)]

    low, high = 0, max(maximums, default=0)
    while low < high:  # the widest cap under which the columns fit
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(capped(middle)) <= room else (low, middle - 1)
    widths = capped(low)
    spare = room - sum(widths)
    for index, width in enumerate(widths):  # what is left goes to the columns held at the cap
        if spare and width == low < maximums[index]:
            widths[index] += 1
            spare -= 1
    return widths


class Adaptive:
    """A table where every column fits at its minimum; otherwise a block of label: value lines per row."""

    def __init__(self, columns: list[Column], cells: list[list[str]], words: list[list[str]]) -> None:
        self.columns = columns
        self.cells = cells
        self.blocks = Blocks(columns, words)
        self.minimums: list[int] = []
        self.maximums: list[int] = []
        for index, column in enumerate(columns):
            values = [row[index] for row in cells]
            whole = column.kind in _WHOLE
            self.minimums.append(_minimum(whole, [*values, column.header] if whole else values))
            self.maximums.append(max(_width(value) for value in [*values, column.header]))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = _fit(self.minimums, self.maximums, options.max_width - _GAP * (len(self.columns) - 1))
        yield self.blocks if widths is None else self.table(widths)

    def table(self, widths: Sequence[int]) -> Table:
        table = Table(
            expand=False,
            box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), collapse_padding=True,
        )  # fmt: skip
        for column, width in zip(self.columns, widths, strict=True):
            table.add_column(
                RichText(column.header),
                justify="right" if column.kind in ("number", "quantity", "percent") else "left",
                no_wrap=column.kind in _WHOLE,
                overflow="fold",
                width=width,
            )
        for row in self.cells:
            table.add_row(*(RichText(cell) for cell in row))  # Text, not str: no markup parsing of facts
        return table


class Blocks:
    """One block of ``label: value`` lines per row; where even that is too narrow, the label above its value."""

    def __init__(self, columns: list[Column], words: list[list[str]]) -> None:
        self.rows = [
            [
                (f"{column.block_header or column.header}:", value, column.kind in _WHOLE)
                for column, value in zip(columns, row, strict=True)
                if value not in ("", "-") and column.kind != "bar"
            ]
            for row in words
        ]
        fields = [field for row in self.rows for field in row]
        self.label_width = max((_width(label) for label, _, _ in fields), default=0)
        # A figure in words ("about 6,200") may wrap between words, never inside one.
        self.value_minimum = max(
            (
                _longest_word([value]) if whole else _minimum(False, [value], TEXT_MIN // 2)
                for _, value, whole in fields
            ),
            default=1,
        )
        self.value_maximum = max((_width(value) for _, value, _ in fields), default=1)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        room = options.max_width
        side_by_side = self.label_width + 1 + self.value_minimum <= room
        for index, row in enumerate(self.rows):
            if index:
                yield RichText("")
            if side_by_side:
                grid = Table.grid(padding=(0, 1))
                grid.add_column(style="bold", width=self.label_width)
                grid.add_column(overflow="fold", width=min(self.value_maximum, room - self.label_width - 1))
                for label, value, _ in row:
                    grid.add_row(RichText(label), RichText(value))
                yield grid
            else:
                for label, value, _ in row:
                    yield RichText(label, style="bold", overflow="fold")
                    yield Padding(RichText(value, overflow="fold"), (0, 0, 0, 2))


def sheet(sheet: Sheet, lang: Lang, unicode: bool = True) -> RenderableType:
    shown = [index for index, column in enumerate(sheet.columns) if column.show != "csv"]
    columns = [sheet.columns[index] for index in shown]
    cells = [
        [safe(format_cell(sheet.columns[index], row[index], lang, unicode)) for index in shown] for row in sheet.rows
    ]
    words = [
        [safe(format_cell(sheet.columns[index], row[index], lang, unicode, compact=False)) for index in shown]
        for row in sheet.rows
    ]
    parts: list[RenderableType] = [RichText(safe(sheet.title, lines=False), style="bold")]
    if sheet.intro:
        parts.append(RichText(safe(sheet.intro)))
    if cells:
        parts.append(Adaptive(columns, cells, words))
        if any(has_qualifier(cell) for row in sheet.rows for cell in row[: len(sheet.columns)]):
            parts.append(RichText(plain(say("legend", lang), unicode), style="dim"))
    parts += [RichText(safe(plain(note, unicode)), style="dim") for note in sheet.notes]
    return Group(*parts)


def sheets(items: Sequence[Sheet], lang: Lang, unicode: bool = True) -> Iterator[RenderableType]:
    for index, item in enumerate(items):
        if index:
            yield RichText("")
        yield sheet(item, lang, unicode)
