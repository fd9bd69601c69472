"""The long-table layout's fast paths give the lines its plain, row-by-row rules give."""

from __future__ import annotations

import io
import re

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from minusma.output.table import (
    _MULTI_CELL,
    _SEPARATOR,
    Layout,
    _lines_by_column,
    _lines_by_row,
    _single_width,
    _wrap,
    _wrapper,
)
from minusma.sheets import Column

ONE_CELL = [
    chr(code)
    for low, high in ((0x20, 0x7F), (0xA0, 0x300), (0x2010, 0x2028), (0x2030, 0x205F), (0xE000, 0xE001))
    for code in range(low, high)
]


def test_every_character_taken_as_one_cell_is_one_cell_for_rich() -> None:
    assert all(_MULTI_CELL.search(character) is None for character in ONE_CELL)
    assert [character for character in ONE_CELL if cell_len(character) != 1] == []


def test_wide_zero_width_and_combining_characters_are_not_taken_as_one_cell() -> None:
    for character in ("中", "😀", "\u0301", "\u200b", "\n", "\u3000"):
        assert not _single_width(f"abc{character}def"), repr(character)


WORD = st.text(alphabet=st.sampled_from("abcxyzéèçñøßABC.,'’–0123456789\u00a0«»"), min_size=1, max_size=12)
TEXT = st.lists(WORD, min_size=1, max_size=30).map(" ".join)


@given(TEXT, st.integers(0, 40))
def test_the_fast_wrap_breaks_lines_where_the_plain_one_does(text: str, extra: int) -> None:
    width = max(map(len, text.split(" "))) + extra
    fast = _wrapper(text, _single_width(text), width, references=False)
    assert fast(text) == _wrap(text, width)


@given(st.lists(st.tuples(WORD, TEXT, st.sampled_from(["[1]", "[2][3]", "[4][5][6][7]"])), min_size=1, max_size=40))
def test_building_lines_by_column_gives_the_lines_built_by_row(rows: list[tuple[str, str, str]]) -> None:
    cells = [list(row) for row in rows]
    texts = [list(column) for column in zip(*cells, strict=True)]
    sizes = [list(map(len, column)) for column in texts]
    widths = [max(size) for size in sizes]
    widths[1] = max(12, max(len(word) for text in texts[1] for word in text.split(" ")))
    widths[2] = 6
    joined = [_SEPARATOR.join(column) for column in texts]
    wraps = {1: _wrapper(joined[1], True, widths[1], False), 2: _wrapper(joined[2], True, widths[2], True)}
    template = "  ".join(f"{{{index}:<{width}}}" for index, width in enumerate(widths))
    by_column = _lines_by_column(texts, sizes, widths, wraps, template)
    assert by_column == _lines_by_row(cells, sizes, widths, wraps, template, set())
    plain = {1: lambda text: _wrap(text, widths[1]), 2: lambda text: _wrap(text, widths[2], True)}
    assert by_column == _lines_by_row(cells, sizes, widths, plain, template, set())


def test_a_long_table_of_wide_characters_keeps_every_word_whole_and_aligned() -> None:
    columns = [Column("date", "Date", "date"), Column("event", "Event", "text")]
    cells = [[f"2013-07-{day % 28 + 1:02d}", f"事件 {day} 巴马科 的 和平 行动 报告 第{day}号"] for day in range(150)]
    printer = Console(file=io.StringIO(), width=40, color_system=None, legacy_windows=False)
    texts = [list(column) for column in zip(*cells, strict=True)]
    printer.print(Layout(columns, texts, lambda: cells, fast=True), crop=False)
    output = printer.file.getvalue()  # type: ignore[attr-defined]
    lines = output.splitlines()
    assert all(cell_len(line) <= 40 for line in lines)
    words = re.findall(r"\S+", output)
    for day in range(150):
        assert f"第{day}号" in words
    # continuation lines of the text column start under it
    start = lines[0].index("Event")
    assert all(line.startswith(" " * start) for line in lines[2:] if not line[:1].isdigit())


def test_words_joined_by_no_break_spaces_wrap_whole_in_a_long_table() -> None:
    """French puts a no-break space inside « »: the group is one word for wrapping, never cut."""
    columns = [Column("date", "Date", "date"), Column("event", "Event", "text")]
    text = "x «\u00a0Opération\u00a0Barkhane\u00a0» y"
    cells = [[f"2014-08-{day % 28 + 1:02d}", f"{text} {day}"] for day in range(150)]
    texts = [list(column) for column in zip(*cells, strict=True)]
    printer = Console(file=io.StringIO(), width=30, color_system=None, legacy_windows=False)
    printer.print(Layout(columns, texts, lambda: cells, fast=True), crop=False)
    output = printer.file.getvalue()  # type: ignore[attr-defined]
    assert output.count("«\u00a0Opération\u00a0Barkhane\u00a0»") == 150


def _trimmed(*pieces: str) -> str:
    from minusma.output.stream import held
    from minusma.output.table import TrimmedOutput

    with held() as parts:
        output = TrimmedOutput("utf-8")
        for piece in pieces:
            output.write(piece)
        output.flush()
    return b"".join(parts).decode()


def test_piped_lines_lose_the_spaces_at_their_ends_only() -> None:
    assert _trimmed("a  b   \nc \n\n  d\n") == "a  b\nc\n\n  d\n"


def test_spaces_at_the_end_of_one_piece_wait_for_the_next() -> None:
    assert _trimmed("a   ", "\nb ", " c\n") == "a\nb  c\n"


def test_spaces_at_the_very_end_are_dropped_and_colour_codes_kept() -> None:
    assert _trimmed("\x1b[1ma \x1b[0m\x1b[1m  \x1b[0m\nb   ") == "\x1b[1ma\x1b[0m\x1b[1m\x1b[0m\nb"


def test_a_long_table_never_narrows_a_column_below_its_one_line_header() -> None:
    """The fast mode's header is never wrapped, so a column that gives way keeps its header's width:
    every header starts where its column's cells start (validate's Severity column took 6 of 8 cells)."""
    columns = [
        Column("severity", "Severity", "text"),
        Column("where", "Location", "text"),
        Column("why", "Problem", "text"),
    ]
    rows = [
        ["error", f"sources[{n}].title", "holds the control character U+0009, which could act on a terminal " * 2]
        for n in range(150)
    ]
    texts = [list(column) for column in zip(*rows, strict=True)]
    for width in (50, 60, 80, 120, 129):
        printer = Console(file=io.StringIO(), width=width, color_system=None, legacy_windows=False)
        printer.print(Layout(columns, texts, lambda: rows, fast=True), crop=False)
        lines = printer.file.getvalue().splitlines()  # type: ignore[attr-defined]
        header, first = lines[0], lines[2]
        assert first.index("sources[0]") == header.index("Location"), (width, header, first)
        assert first.index("holds") == header.index("Problem"), (width, header, first)
