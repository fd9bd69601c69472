"""Sheets as Rich renderables. The only module that imports rich; it returns, the caller prints.

A table that cannot fit the terminal without cutting a number is drawn as one
block of ``label: value`` lines per row instead, so ``COLUMNS=20`` still shows
every figure whole.

One engine draws every table, :class:`Layout`: measure the columns, choose their widths, draw
a header, a rule and the rows, or blocks. It shares the rules of what a table is (which kinds
stay whole or align right, the gap, a block's labels and lines, word wrapping for blocks and
references, longest words) and has two modes, chosen by size, that keep every output as it was:
the short tables of the README's examples and the long ones users see today (``sources``,
``casualties``, any sheet over ``LARGE`` rows). The fast mode is the long-table path.

Where the modes differ: an exact (short) table's text columns give way widest first
(:func:`_fit`) and wrap as Rich wraps text (at any Unicode space, folding a word wider than the
column); a fast one's give way in proportion to their room above their minimum
(:func:`_shrink`) and wrap at plain spaces only (:func:`_wrap`). In both, a sources cell wider
than its column breaks between references (``[1][2][3][4]`` / ``[5]``), never inside one (an exact
table folds only a reference wider than the column). An exact table's text column is never narrower
than the longest id or URL in it, nor than its header's longest word (a header wraps between
words, and sits on the rule; where that leaves no room, the rows become blocks); a fast table's
may be narrower than an id (the id stays whole and runs past the column), never than its header,
which is one line, never wrapped. An
exact table's blocks put a label above its value where the two do not fit side by side; a fast
table's do so where fewer than 10 cells are left beside labels as wide as the widest column's. A tab takes
no cell when an exact table measures (Rich's measure, :func:`_width`) and is expanded when it
wraps; it takes one cell in a fast table (:func:`_cells`). Making either follow the other changes
output. The exact mode draws the bytes Rich's Table drew (styles included), which
``tests/test_table_engine.py`` checks against Rich's Table on random sheets.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from itertools import accumulate
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.style import Style
from rich.text import Text as RichText

from minusma.messages import Lang, say
from minusma.output.cells import any_figure, any_qualified, format_cell, format_column, is_computed, plain, safe
from minusma.output.stream import ReaderGone, TextOutput, encoding, is_terminal
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
    output = TextOutput(encoding()) if is_terminal() else TrimmedOutput(encoding())
    printer = _Console(
        file=output,  # type: ignore[arg-type]  # a TextIOBase is a text file
        highlight=False,
        soft_wrap=False,
        emoji=False,
        _environ=environment,
    )
    printer.width = max(printer.width, NARROWEST)
    return printer


_TAIL_REVERSED = re.compile(r"(?: |m[0-9;]*\[\x1b)*")
"""Spaces and colour codes at the end of a line, read backwards (a match from the start runs in linear time)."""


class TrimmedOutput(TextOutput):
    """Output for a pipe or file: no line ends in the spaces Rich pads table rows with, so
    ``grep 'x$'``, ``diff`` and editors see the text alone. Spaces at the end of one piece of
    text are held until the next shows whether a line ends there; at the very end they are dropped."""

    def __init__(self, encoding: str) -> None:
        super().__init__(encoding)
        self._held = ""

    def write(self, text: str) -> int:
        whole = (self._held + text).rstrip(" ")
        self._held = " " * (len(self._held) + len(text) - len(whole))
        if " \n" in whole or " \x1b" in whole:
            lines = whole.split("\n")
            whole = "\n".join([*map(_trim, lines[:-1]), lines[-1]])
        super().write(whole)
        return len(text)


def _trim(line: str) -> str:
    """A line without the spaces at its end, also where colour codes (which stay) come between them."""
    if "\x1b" not in line:
        return line.rstrip(" ")
    tail = _TAIL_REVERSED.match(line[::-1])
    end = len(line) - (tail.end() if tail else 0)
    return line[:end] + line[end:].replace(" ", "")


class References:
    """The numbered sources below the tables: each wrapped at spaces, its URL on a line of its own, never
    wrapped or cut, so it can be copied whole. Drawn as a few large segments: a long list costs little."""

    def __init__(self, references: list[tuple[str, str]]) -> None:
        self.references = references

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines: list[str] = []
        for line, url in self.references:
            lines += _wrap(safe(line, lines=False), options.max_width)
            lines.append("    " + safe(url, lines=False))
        yield Segment("\n".join(lines) + "\n")


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
        self._referred: dict[str, str] = {}

    def refer(self, ids: str) -> str:
        """``[1][3]`` for ``a, c``; worked out once per list of ids (a timeline repeats them 100,000 times)."""
        found = self._referred.get(ids)
        if found is None:
            found = self._referred[ids] = self._refer(ids)
        return found

    def _refer(self, ids: str) -> str:
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
        printer.print(References(references), crop=False)
    printer.file.flush()


_WHOLE = ("date", "number", "quantity", "percent", "bar", "rank", "id", "url")
"""Column kinds whose cells are never wrapped or cut."""
TEXT_MIN = 20
"""Narrowest a text column may get; longer words fold onto the next line."""
NARROWEST = 20
"""Tables are drawn at least this wide: a narrower terminal wraps the lines itself, but no figure is cut."""
_GAP = 2
"""Spaces between two table columns."""
_BETWEEN = " " * _GAP
_RIGHT = ("number", "quantity", "percent")
"""Column kinds aligned to the right."""


def _label(column: Column) -> str:
    """A column's label in a block of ``label: value`` lines."""
    return f"{column.block_header or column.header}:"


def _in_block(column: Column, value: str) -> bool:
    """Whether a cell has a line in its row's block: not when empty, nor a bar (its figure is in the next column)."""
    return value not in ("", "-") and column.kind != "bar"


def _width(text: str) -> int:
    return max((cell_len(line) for line in text.splitlines()), default=0)


def _minimum(whole: bool, values: Sequence[str], text_minimum: int = TEXT_MIN) -> int:
    """Narrowest a column may be: its widest figure whole; for text, its longest word up to
    ``text_minimum`` (a longer word may fold), but never narrower than an id or web address in it."""
    if whole:
        return max((_width(value) for value in values), default=1)
    longest = _longest_word(values)
    if longest <= text_minimum:
        return longest
    return max(text_minimum, _widest_unbreakable(values, text_minimum))


_UNBREAKABLE = re.compile(r"https?://\S+|[a-z0-9][a-z0-9.-]*[.-][a-z0-9][a-z0-9.-]*")
"""A web address, or an id (``africanperceptions-2690``): copied whole, so never folded."""


def _widest_unbreakable(values: Sequence[str], than: int) -> int:
    """The widest id or web address among the words wider than ``than`` (around it, punctuation)."""
    words = (word.strip(",;:()[]") for word in re.findall(rf"\S{{{than + 1},}}", "\n".join(values)))
    return max((_cells(word) for word in words if _UNBREAKABLE.fullmatch(word)), default=0)


def _longest_word(values: Sequence[str]) -> int:
    """The widest word of the cells, as :func:`_wrap` breaks them: at spaces and line ends only, so words
    joined by a no-break space or a tab count as one. Split a few thousand cells at a time: the counting
    runs in C, and the words of a million cells are never all in memory at once."""
    longest = 1
    for start in range(0, len(values), 5000):
        joined = " ".join(values[start : start + 5000])
        words = joined.replace("\n", " ").split(" ")
        if words:
            longest = max(longest, max(map(len if _single_width(joined, lines=True) else _cells, words)))
    return longest


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


LARGE = 100
"""Rows above which a sheet is laid out in its fast mode (linear time) rather than its exact one."""
ROWS_AT_A_TIME = 5_000
"""Rows of a long table laid out at a time."""


class Layout:
    """One table engine for every sheet: measure the columns, choose their widths, then draw a header,
    a rule and the rows, or one block of ``label: value`` lines per row where the columns cannot fit
    without cutting a figure. Figures, ids and URLs are never cut.

    Two modes, chosen by size (``fast`` above ``LARGE`` rows), differ only where the module docstring
    says, so every output stays as it was:

    - exact (short sheets): text columns give way widest first (:func:`_fit`), never narrower than an
      id, a URL or their header's longest word; cells and headers wrap as Rich wraps text
      (:meth:`_wrapped`); lines and their styles are the bytes Rich's own Table drew.
    - fast (long sheets): widths measured once per column, text columns give way in proportion to their
      room (:func:`_shrink`), cells wrap at plain spaces (:func:`_wrap`), a column at a time in C where
      every character takes one cell; 10,000 events in well under a second where Rich's Table took 11 s.
    """

    def __init__(
        self, columns: list[Column], texts: list[list[str]], words: Callable[[], list[list[str]]], fast: bool
    ) -> None:
        self.columns = columns
        self.texts = texts  # the cells column by column: counting and checking run in C over whole columns
        self.words = words  # the cells in words, for blocks: made only if a block is drawn
        self.fast = fast
        self.right = {index for index, column in enumerate(columns) if column.kind in _RIGHT}
        if not fast:  # a text column is never narrower than its header's longest word ("Sou/rce/s")
            values = [[*column_texts, column.header] for column, column_texts in zip(columns, texts, strict=True)]
            self.minimums = [
                _minimum(column.kind in _WHOLE, cells) for column, cells in zip(columns, values, strict=True)
            ]
            self.maximums = [max(map(_width, cells)) for cells in values]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self.fast:
            yield from self._fast(console, options.max_width)
            return
        widths = _fit(self.minimums, self.maximums, options.max_width - _GAP * (len(self.columns) - 1))
        if widths is None:
            yield from self._blocks(console, options.max_width)
            return
        if widths[-1] == 0 and sum(widths) + _GAP * (len(widths) - 1) < options.max_width:
            widths[-1] = 1  # an empty last column is one cell wide where there is room, as Rich drew it
        bold, last = Style(bold=True), len(self.columns) - 1
        headers = [
            self._wrapped(console, column.header, index, widths[index]) for index, column in enumerate(self.columns)
        ]
        height = max(map(len, headers))
        for line_number in range(height):  # headers sit on the rule (bottom-aligned), each cell bold with its padding
            for index, header in enumerate(headers):
                blank = height - len(header)
                pad = 0 if index == last else 1
                if line_number < blank:
                    yield Segment(" " * (widths[index] + pad), bold)
                else:
                    yield Segment(header[line_number - blank], bold)
                    if pad:
                        yield Segment(" ", bold)
                if index != last:
                    yield Segment(" ")
            yield Segment.line()
        yield Segment(_rule(console, sum(widths) + _GAP * last))
        yield Segment.line()
        lines: list[str] = []
        blanks = [" " * width for width in widths]
        for row in zip(*self.texts, strict=True):
            cells = [self._wrapped(console, cell, index, widths[index]) for index, cell in enumerate(row)]
            for line_number in range(max(map(len, cells))):
                lines.append(
                    _BETWEEN.join(
                        cell[line_number] if line_number < len(cell) else blanks[index]
                        for index, cell in enumerate(cells)
                    )
                )
        if lines:
            yield Segment("\n".join(lines) + "\n")

    def _wrapped(self, console: Console, text: str, index: int, width: int) -> list[str]:
        """A cell's lines as Rich wraps text (at any Unicode space, a word wider than the column folded,
        tabs expanded), each padded to the column's width: the exact mode's wrapping. A sources cell too
        wide for its column breaks between its references, as in the fast mode: folded, ``[1`` / ``0]``
        read as a citation of source 1."""
        references = _REFERENCE.findall(text) if self.columns[index].key in _REFERENCES and len(text) > width else []
        if references and "".join(references) == text and max(map(len, references)) <= width:  # else Rich folds
            return [set_cell_size(line, width) for line in _wrap(text, width, references=True)]
        lines = RichText(text).wrap(
            console,
            width,
            justify="right" if index in self.right else "left",
            overflow="fold",
            no_wrap=self.columns[index].kind in _WHOLE,
            tab_size=console.tab_size or 8,
        )
        return [set_cell_size(line.plain, width) for line in lines]

    def _blocks(self, console: Console, width: int) -> RenderResult:
        """The exact mode's blocks: labels beside their values, or above them where even that is too narrow."""
        rows = [
            [
                (_label(column), value, column.kind in _WHOLE)
                for column, value in zip(self.columns, row, strict=True)
                if _in_block(column, value)
            ]
            for row in self.words()
        ]
        fields = [field for row in rows for field in row]
        label_width = max((_width(label) for label, _, _ in fields), default=0)
        # A figure in words ("about 6,200") may wrap between words, never inside one.
        value_minimum = max(
            (
                _longest_word([value]) if whole else _minimum(False, [value], TEXT_MIN // 2)
                for _, value, whole in fields
            ),
            default=1,
        )
        value_maximum = max((_width(value) for _, value, _ in fields), default=1)
        side_by_side = label_width + 1 + value_minimum <= width
        value_width = min(value_maximum, width - label_width - 1)  # one space between label and value
        bold = Style(bold=True)
        for number, row in enumerate(rows):
            if number:
                yield Segment.line()
            for label, value, _ in row:
                if not side_by_side:  # wrapped at spaces only: a word wider than the room is not cut
                    lines = _wrap(value, max(width - 2, 1))
                    yield RichText(label, style="bold", overflow="fold")
                    yield RichText("\n".join("  " + line for line in lines), no_wrap=True, overflow="ignore")
                    continue
                values = RichText(value).wrap(console, value_width, justify="left", overflow="fold")
                for line_number, line in enumerate(values):
                    if line_number:
                        yield Segment(" " * (label_width + 1), bold)
                    else:
                        yield Segment(set_cell_size(label, label_width), bold)
                        yield Segment(" ", bold)
                    yield Segment(set_cell_size(line.plain, value_width))
                    yield Segment.line()

    def _fast(self, console: Console, width: int) -> RenderResult:
        columns, texts = self.columns, self.texts
        joined = [_SEPARATOR.join(column) for column in texts]
        single = [_single_width(text) for text in joined]  # each character one cell, one line per cell
        sizes = [
            list(map(len, column)) if simple else list(map(_cells, column))
            for column, simple in zip(texts, single, strict=True)
        ]
        natural = [max(_cells(column.header), *size) for column, size in zip(columns, sizes, strict=True)]
        longest = {  # each text column's longest word: split once, for its minimum and its wrapping
            index: _longest_word(texts[index]) for index, column in enumerate(columns) if column.kind not in _WHOLE
        }
        minimum = [  # a header is one line, never wrapped: no column is narrower than its header
            natural[index] if column.kind in _WHOLE else max(min(longest[index], TEXT_MIN), _cells(column.header))
            for index, column in enumerate(columns)
        ]
        for index, column in enumerate(columns):
            if column.key in _REFERENCES:  # "[1][2][3]" may break between its references
                minimum[index] = max([len(column.header), *map(len, _REFERENCE.findall(joined[index]))])
        gaps = _GAP * (len(columns) - 1)
        if sum(minimum) + gaps > width:
            yield from self._fast_blocks(width)
            return
        flexible = [index for index, column in enumerate(columns) if column.kind not in _WHOLE]
        widths = _shrink(natural, minimum, flexible, sum(natural) + gaps - width)
        right = self.right
        yield Segment(_line([column.header for column in columns], widths, right), Style(bold=True))
        yield Segment.line()
        yield Segment(_rule(console, sum(widths) + gaps))
        yield Segment.line()
        # A row whose characters each take one cell is padded by one str.format call.
        template = _BETWEEN.join(
            f"{{{index}:{'>' if index in right else '<'}{width}}}" for index, width in enumerate(widths)
        )
        wraps = {
            index: _wrapper(
                joined[index],
                single[index] and longest[index] <= widths[index],
                widths[index],
                columns[index].key in _REFERENCES,
            )  # fmt: skip
            for index in flexible
            if max(sizes[index], default=0) > widths[index]
        }
        # A few thousand rows at a time, each piece one segment: the lines of a million rows are never
        # all in memory at once, and what a piece needed is reused by the next.
        for start in range(0, len(texts[0]) if texts else 0, ROWS_AT_A_TIME):
            part = [column[start : start + ROWS_AT_A_TIME] for column in texts]
            part_sizes = [size[start : start + ROWS_AT_A_TIME] for size in sizes]
            if all(single):
                lines = _lines_by_column(part, part_sizes, widths, wraps, template)
            else:
                rows = [list(row) for row in zip(*part, strict=True)]
                lines = _lines_by_row(rows, part_sizes, widths, wraps, template, right)
            yield Segment("\n".join(lines) + "\n")

    def _fast_blocks(self, width: int) -> RenderResult:
        """The fast mode's blocks: text wraps under its value, ids and URLs stay whole; where fewer than 10
        cells are left beside the labels, each label stands above its value, as in the exact mode."""
        bold = Style(bold=True)
        labels = [_label(column) for column in self.columns]
        label_width = max(map(cell_len, labels))
        value_width = width - label_width - 1
        for number, row in enumerate(self.words()):
            if number:
                yield Segment.line()
            for column, label, value in zip(self.columns, labels, row, strict=True):
                if not _in_block(column, value):
                    continue
                if value_width < 10:  # too narrow beside the labels: each label above its value
                    lines = [value] if column.kind in _WHOLE else _wrap(value, max(width - 2, 1))
                    yield Segment(label, bold)
                    yield Segment.line()
                    yield Segment("\n".join("  " + line for line in lines) + "\n")
                    continue
                lines = [value] if column.kind in _WHOLE else _wrap(value, value_width)
                yield Segment(label.ljust(label_width), bold)
                yield Segment(f" {lines[0]}")
                yield Segment.line()
                for more in lines[1:]:
                    yield Segment(" " * (label_width + 1) + more)
                    yield Segment.line()


def _shrink(natural: list[int], minimum: list[int], flexible: list[int], excess: int) -> list[int]:
    """The fast mode's widths: the text columns give way in proportion to their room above their minimum."""
    widths = list(natural)
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
    return widths


def _rule(console: Console, width: int) -> str:
    """The line under the headers."""
    return ("─" if console.encoding.lower().startswith("utf") else "-") * width


Wrap = Callable[[str], list[str]]


def _lines_by_column(
    texts: list[list[str]], sizes: list[list[int]], widths: list[int], wraps: dict[int, Wrap], template: str
) -> list[str]:
    """The lines of a table whose every character takes one cell, built a column and a line at a time:
    each ``str.format`` runs over a whole column (``map``), not once per row from Python, and no
    list is made per row (a million small lists cost more than the text they hold)."""
    count = len(texts[0]) if texts else 0
    wrapped: dict[int, list[list[str]]] = {}
    for index, wrap in wraps.items():
        if isinstance(getattr(wrap, "__self__", None), re.Pattern):  # a regular expression: every cell, in C
            wrapped[index] = list(map(wrap, texts[index]))
        else:
            width = widths[index]
            wrapped[index] = [
                wrap(text) if size > width else [text] for text, size in zip(texts[index], sizes[index], strict=True)
            ]
    lengths = [list(map(len, column)) for column in wrapped.values()]
    heights = lengths[0] if len(lengths) == 1 else list(map(max, *lengths)) if lengths else [1] * count
    if 0 in heights:  # an empty cell wraps to no line; it still takes one
        heights = [height or 1 for height in heights]
    first = [
        [lines[0] if lines else "" for lines in wrapped[index]] if index in wrapped else column
        for index, column in enumerate(texts)
    ]
    firsts = list(map(str.rstrip, map(template.format, *first)))
    total = sum(heights)
    if total == count:
        return firsts
    starts = list(accumulate(heights, initial=0))
    lines = [""] * total
    deque(map(lines.__setitem__, starts[:-1], firsts), maxlen=0)  # each row's first line at its place, in C
    # A row's later lines hold only its wrapped cells: the other columns are blanks of their width,
    # written into the template once rather than formatted from empty cells on every line. Wrapped
    # columns are text, so left-aligned.
    place = {index: field for field, index in enumerate(wrapped)}  # each wrapped column's field
    later = _BETWEEN.join(
        f"{{{place[index]}:<{width}}}" if index in place else " " * width for index, width in enumerate(widths)
    )
    columns = list(wrapped.values())
    taller: Sequence[int] = range(count)
    for line_number in range(1, max(heights)):
        taller = [row for row in taller if heights[row] > line_number]  # fewer rows at each line
        parts = [
            [cell[line_number] if len(cell) > line_number else "" for cell in map(column.__getitem__, taller)]
            for column in columns
        ]
        places = [starts[row] + line_number for row in taller]
        deque(map(lines.__setitem__, places, map(str.rstrip, map(later.format, *parts))), maxlen=0)
    return lines


def _lines_by_row(
    cells: list[list[str]],
    sizes: list[list[int]],
    widths: list[int],
    wraps: dict[int, Wrap],
    template: str,
    right: set[int],
) -> list[str]:
    """The lines of a table that holds wide or zero-width characters: padded by cell count, row by row."""
    lines: list[str] = []
    for row_number, row in enumerate(cells):
        plain_row = all(map(str.isascii, row))
        wrapped = [
            wraps[index](cell) or [""] if index in wraps and sizes[index][row_number] > widths[index] else [cell]
            for index, cell in enumerate(row)
        ]
        for line_number in range(max(map(len, wrapped))):
            parts = [lines_of[line_number] if line_number < len(lines_of) else "" for lines_of in wrapped]
            lines.append(template.format(*parts).rstrip() if plain_row else _line(parts, widths, right))
    return lines


def _cells(text: str) -> int:
    """Terminal cells a text takes (its widest line); plain ASCII is counted without a call per letter."""
    if "\n" in text:
        return max(map(_cells, text.split("\n")))
    return len(text) if text.isascii() else cell_len(text)


def _line(parts: Sequence[str], widths: list[int], right: set[int]) -> str:
    padded = []
    for index, part in enumerate(parts):
        width = widths[index]
        if part.isascii():  # str.ljust counts characters, which for ASCII are terminal cells
            padded.append(part.rjust(width) if index in right else part.ljust(width))
            continue
        space = " " * (width - _cells(part))
        padded.append(space + part if index in right else part + space)
    return _BETWEEN.join(padded).rstrip()


_REFERENCES = ("sources", "claimed_in")
_SEPARATOR = "\x00"
"""Joins a column's cells to scan them at once: no cell holds it (``safe`` escapes it)."""
_REFERENCE = re.compile(r"\[\d+\]|[^\[\x00]+")


_MULTI_CELL = re.compile("[^\x00\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\ue000]")
"""A character that may not take exactly one terminal cell (or a newline): outside ASCII, Latin-1,
the Latin extensions, general punctuation and ``KEEP``. A test checks Rich agrees on all of them."""


_MULTI_CELL_OR_SPACE = re.compile("[^\x00\x20-\x7e\xa0-\u02ff\u2010-\u2027\u2030-\u205e\ue000\\s]")


def _single_width(joined: str, lines: bool = False) -> bool:
    """Whether every character of a column's joined cells takes one terminal cell, so lengths are
    widths; ``lines`` allows newlines (and other spaces) too, for text that is split into words."""
    if joined.isascii():
        return lines or "\n" not in joined
    return (_MULTI_CELL_OR_SPACE if lines else _MULTI_CELL).search(joined) is None


def _wrapper(joined: str, fits: bool, width: int, references: bool) -> Callable[[str], list[str]]:
    """How the cells of a column wrap at ``width``: as :func:`_wrap` does, by one regular expression
    where that gives the same lines: one-cell characters and words no wider than the column (``fits``),
    single spaces, one line per cell."""
    simple = (
        not references
        and fits
        and "  " not in joined
        and " \x00" not in joined
        and "\x00 " not in joined
        and not joined.startswith(" ")
        and not joined.endswith(" ")
    )
    if simple:
        return re.compile(f"(.{{1,{width}}})(?: |$)").findall
    return lambda text: _wrap(text, width, references)


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
    measure = len if text.isascii() else _cells
    for paragraph in text.split("\n"):  # greedy, at spaces only: an id or URL is never broken
        current, used = "", 0
        for word in paragraph.split(" "):
            size = measure(word)
            if current and used + 1 + size > width:
                lines.append(current)
                current, used = word, size
            elif current:
                current, used = f"{current} {word}", used + 1 + size
            else:
                current, used = word, size
        lines.append(current)
    return lines


KEEP = "\ue000"
"""Stands in for the narrow no-break space of French numbers (12 640) while Rich lays text out:
Rich breaks lines at any Unicode space, which would split a figure; this private-use character
is no space, takes one cell like it, and :class:`TextOutput` puts the space back."""


def _keep(text: str) -> str:
    return text.replace("\u202f", KEEP) if "\u202f" in text else text


def sheet(sheet: Sheet, lang: Lang, unicode: bool = True, footnotes: Footnotes | None = None) -> RenderableType:
    shown = [index for index, column in enumerate(sheet.columns) if column.show != "csv"]
    columns = [sheet.columns[index] for index in shown]
    cells = list(zip(*sheet.rows, strict=True)) or [()] * len(sheet.columns)  # column by column, in C
    by_column = [_texts(sheet.columns[index], list(cells[index]), lang, unicode) for index in shown]
    if footnotes is not None:
        for position, index in enumerate(shown):
            if sheet.columns[index].key in _REFERENCES:
                by_column[position] = list(map(footnotes.refer, by_column[position]))

    def words() -> list[list[str]]:
        return [
            [
                _keep(safe(format_cell(sheet.columns[index], row[index], lang, unicode, compact=False)))
                for index in shown
            ]
            for row in sheet.rows
        ]

    parts: list[RenderableType] = [RichText(safe(sheet.title, lines=False), style="bold")]
    if sheet.intro:
        parts.append(RichText(_keep(safe(sheet.intro))))
    if sheet.rows:
        parts.append(Layout(columns, by_column, words, fast=len(sheet.rows) > LARGE))
    if sheet.rows:
        if any_qualified(sheet):
            parts.append(RichText(plain(say("legend", lang), unicode), style="dim"))
        if any_figure(sheet, is_computed):
            parts.append(RichText(plain(say("computed_note", lang), unicode), style="dim"))
    parts += [RichText(_keep(safe(plain(note, unicode))), style="dim") for note in sheet.notes]
    return Group(*parts)


def _texts(column: Column, values: list[Any], lang: Lang, unicode: bool) -> list[str]:
    """A column's cells as safe text, checked in one scan of the whole column where nothing needs escaping."""
    texts = format_column(column, values, lang, unicode)
    joined = "\n".join(texts)
    if safe(joined) is not joined:  # something to escape: cell by cell
        texts = [safe(text) for text in texts]
    if "\u202f" in joined:
        texts = [_keep(text) for text in texts]
    return texts


def sheets(
    items: Sequence[Sheet], lang: Lang, unicode: bool = True, footnotes: Footnotes | None = None
) -> Iterator[RenderableType]:
    for index, item in enumerate(items):
        if index:
            yield RichText("")
        yield sheet(item, lang, unicode, footnotes)
