"""The one table engine draws short tables exactly as Rich's own Table drew them.

``Layout`` in its exact mode replaced a Rich Table (and a Rich grid for blocks) so that one engine
draws every table; output had to stay byte for byte the same, styles included. The reference
below is that replaced code, kept here as the oracle: on random sheets, at random widths, on a
terminal (ANSI styles) and in a pipe, both draw the same bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.table import Table
from rich.text import Text as RichText

from minusma.output.table import (
    _GAP,
    _RIGHT,
    _WHOLE,
    NARROWEST,
    TEXT_MIN,
    Layout,
    _fit,
    _in_block,
    _label,
    _longest_word,
    _minimum,
    _width,
    _wrap,
)
from minusma.sheets import Column


class RichTable:
    """What drew a short sheet before: Rich's Table at widths from ``_fit``, else a Rich grid per row."""

    def __init__(self, columns: list[Column], cells: list[list[str]], words: list[list[str]]) -> None:
        self.columns, self.cells, self.words = columns, cells, words
        values = [[*(row[index] for row in cells), column.header] for index, column in enumerate(columns)]
        self.minimums = [_minimum(column.kind in _WHOLE, cells) for column, cells in zip(columns, values, strict=True)]
        self.maximums = [max(map(_width, cells)) for cells in values]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = _fit(self.minimums, self.maximums, options.max_width - _GAP * (len(self.columns) - 1))
        if widths is None:
            yield from self.blocks(options.max_width)
            return
        table = Table(
            expand=False,
            box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), collapse_padding=True,
        )  # fmt: skip
        for column, width in zip(self.columns, widths, strict=True):
            table.add_column(
                RichText(column.header),
                justify="right" if column.kind in _RIGHT else "left",
                no_wrap=column.kind in _WHOLE,
                overflow="fold",
                width=width,
            )
        for row in self.cells:
            table.add_row(*(RichText(cell) for cell in row))
        yield table

    def blocks(self, room: int) -> RenderResult:
        rows = [
            [
                (_label(column), value, column.kind in _WHOLE)
                for column, value in zip(self.columns, row, strict=True)
                if _in_block(column, value)
            ]
            for row in self.words
        ]
        fields = [field for row in rows for field in row]
        label_width = max((_width(label) for label, _, _ in fields), default=0)
        value_minimum = max(
            (
                _longest_word([value]) if whole else _minimum(False, [value], TEXT_MIN // 2)
                for _, value, whole in fields
            ),
            default=1,
        )
        value_maximum = max((_width(value) for _, value, _ in fields), default=1)
        side_by_side = label_width + 1 + value_minimum <= room
        for index, row in enumerate(rows):
            if index:
                yield RichText("")
            if side_by_side:
                grid = Table.grid(padding=(0, 1))
                grid.add_column(style="bold", width=label_width)
                grid.add_column(overflow="fold", width=min(value_maximum, room - label_width - 1))
                for label, value, _ in row:
                    grid.add_row(RichText(label), RichText(value))
                yield grid
            else:
                for label, value, _ in row:
                    lines = _wrap(value, max(room - 2, 1))
                    yield RichText(label, style="bold", overflow="fold")
                    yield RichText("\n".join("  " + line for line in lines), no_wrap=True, overflow="ignore")


WORDS = [
    "a", "of", "Kidal", "Ménaka", "1,234", "~4,500", "res-2100", "https://minusma.unmissions.org/en/a-long-path",
    "supercalifragilisticexpialidocious", "中国维和部队", "🇲🇱", "e\u0301", "x\u200by", "12\ue000640", "no\u00a0break",
    "tab\there", "line\nbreak", "", "-", "[1][2][3]", "Σ~1,000", "l'équipe", " ",
]  # fmt: skip
KINDS = ["text", "text", "date", "number", "quantity", "percent", "id", "url", "bar"]
HEADERS = ["Date", "Sources", "What it is", "Amount (US$)", "", "Fiscal year", "中国", "Kind"]
TEXTS = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)


@st.composite
def sheets(draw: st.DrawFn) -> tuple[list[Column], list[list[str]]]:
    count = draw(st.integers(1, 6))
    columns = [
        Column(f"c{index}", draw(st.sampled_from(HEADERS)), draw(st.sampled_from(KINDS)), block_header=None)
        for index in range(count)
    ]
    rows = draw(st.lists(st.lists(TEXTS, min_size=count, max_size=count), min_size=1, max_size=8))
    return columns, rows


def _drawn(renderable: object, width: int, terminal: bool) -> str:
    out = io.StringIO()
    printer = Console(
        file=out, width=width, force_terminal=terminal, color_system="standard" if terminal else None,
        highlight=False, soft_wrap=False, emoji=False, legacy_windows=False,
    )  # fmt: skip
    printer.print(renderable, crop=False)
    return out.getvalue()


@settings(max_examples=300, deadline=None)
@given(sheet=sheets(), width=st.integers(NARROWEST, 160), terminal=st.booleans())
def test_a_short_table_is_drawn_byte_for_byte_as_richs_table_drew_it(
    sheet: tuple[list[Column], list[list[str]]], width: int, terminal: bool
) -> None:
    columns, rows = sheet
    texts: Sequence[list[str]] = [list(column) for column in zip(*rows, strict=True)]
    engine = Layout(columns, list(texts), lambda: rows, fast=False)
    assert _drawn(engine, width, terminal) == _drawn(RichTable(columns, rows, rows), width, terminal)


def test_the_oracle_and_the_engine_take_the_blocks_path_and_the_table_path() -> None:
    """Both paths are exercised: a narrow terminal gives blocks, a wide one a table with a rule."""
    columns = [Column("date", "Date", "date"), Column("n", "Amount", "number"), Column("t", "What it is", "text")]
    rows = [["2013-07-01", "12,640", "the mission's ceiling, authorised by resolution 2100 " * 2]]
    texts = [list(column) for column in zip(*rows, strict=True)]
    wide = _drawn(Layout(columns, texts, lambda: rows, fast=False), 120, False)
    narrow = _drawn(Layout(columns, texts, lambda: rows, fast=False), 20, False)
    assert "──" in wide and "Amount:" not in wide
    assert "Amount:" in narrow and "──" not in narrow
    assert wide == _drawn(RichTable(columns, rows, rows), 120, False)
    assert narrow == _drawn(RichTable(columns, rows, rows), 20, False)


@pytest.mark.parametrize("wide", [16, 17, 18])
@pytest.mark.parametrize("terminal", [False, True])
def test_an_empty_last_column_is_one_cell_wide_only_where_the_line_has_room(wide: int, terminal: bool) -> None:
    """Rich drew an empty last column (no header, no cells, no padding after it) one cell wide, unless
    that one cell would overrun the line: at 20 columns, a text 17 wide leaves room, 18 leaves none."""
    columns = [Column("b", "B", "text"), Column("a", "", "date")]
    rows = [["x" * wide, ""]]
    texts = [list(column) for column in zip(*rows, strict=True)]
    drawn = _drawn(Layout(columns, texts, lambda: rows, fast=False), 20, terminal)
    assert drawn == _drawn(RichTable(columns, rows, rows), 20, terminal)
    rule = next(line for line in drawn.splitlines() if line.startswith("─"))
    assert len(rule) == (wide + 3 if wide < 18 else 20)


@pytest.mark.parametrize(
    ("args", "columns"),
    [(["dutch"], "80"), (["at", "2015-03"], "80"), (["search", "Gao"], "100"), (["leaders"], "120")],
)
def test_a_sources_cell_breaks_between_references_never_inside_one(args: list[str], columns: str) -> None:
    """At the default width `dutch` printed "[4][5][6][7][8][9][1" and, on the next line, "0]": read as a
    citation of source 1. An exact (short) table now packs whole references, as a long one does."""
    import os
    import re
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "minusma", *args], capture_output=True, text=True, check=False,
        env={**os.environ, "COLUMNS": columns},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    for line in done.stdout.splitlines():
        assert not re.search(r"\[\d*$", line.rstrip()), line  # no reference left open at a line's end
        assert not re.match(r"^\s*\d*\]", line), line  # nor closed at the next line's start
