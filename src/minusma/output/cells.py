"""Cells as text for people, the same in every human format (tables now; Markdown and HTML to come).

No rich here: the table writer and any later human format share these rules, and so do
CSV's machine values (:func:`machine`), which keep codes and numbers as JSON has them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import attrgetter
from typing import cast

from minusma.messages import LANGS, Lang, number, percent, say
from minusma.model import BIDI_CODES
from minusma.sheets import Bar, Cell, Coded, Column, Noted, PartFill, Sheet

_UNSAFE = {code: f"\\x{code:02x}" for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))}
_UNSAFE.update({code: f"\\u{code:04x}" for code in BIDI_CODES})
# Line and paragraph separators: readers that split lines the Unicode way (Python's splitlines,
# some RIS and CSV readers) would see a new line, and a forged tag or row after it.
_UNSAFE.update({code: f"\\u{code:04x}" for code in (0x2028, 0x2029)})
# The noncharacters U+FFFE and U+FFFF: XML 1.0 cannot hold them, so an SVG or a workbook with one
# does not open, and a UTF-16 reader takes U+FFFE for a byte-order mark.
_UNSAFE.update({code: f"\\u{code:04x}" for code in (0xFFFE, 0xFFFF)})
# A byte that was not valid in the system's encoding (argv, file names) arrives as a lone surrogate
# (surrogateescape): show the byte, ``\xe9``. Any other lone surrogate is no character either.
_UNSAFE.update({code: f"\\x{code - 0xDC00:02x}" for code in range(0xDC80, 0xDD00)})
_UNSAFE.update({code: f"\\u{code:04x}" for code in (*range(0xD800, 0xDC80), *range(0xDD00, 0xE000))})
_PARAGRAPH = {key: value for key, value in _UNSAFE.items() if key not in (0x09, 0x0A)}


_BIDI = "".join(map(chr, BIDI_CODES))
_BIDI_SET = frozenset(_BIDI)
_UNSAFE_FOUND = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_UNSAFE_LINE_FOUND = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def safe(text: str, *, lines: bool = True) -> str:
    """Fast path: one C-level scan; nearly every text of a fact base has nothing to escape."""
    if (_UNSAFE_FOUND if lines else _UNSAFE_LINE_FOUND).search(text) is None:
        return text
    return _safe(text, lines=lines)


TYPED_SHOWN = 80
"""How much of an argument a message repeats: a mistyped value is recognised by its start, and a
pasted page should not come back whole on stderr."""


def typed(value: str) -> str:
    """An argument as a message repeats it: control characters shown as escapes, a long one cut short."""
    return safe(value if len(value) <= TYPED_SHOWN else f"{value[:TYPED_SHOWN]}…", lines=False)


def _safe(text: str, *, lines: bool = True) -> str:
    """``text`` with control characters and bidi overrides shown as escapes (ESC as ``\\x1b``),
    so nothing from a fact base or from argv acts on a terminal, and an undecodable byte of an
    argument or file name as that byte (``\\xe9``). ``lines`` keeps newlines and tabs."""
    if text.isprintable() or (lines and text.replace("\n", "").replace("\t", "").isprintable()):
        return text if not _has_bidi(text) else text.translate(_PARAGRAPH if lines else _UNSAFE)
    return text.translate(_PARAGRAPH if lines else _UNSAFE)


def _has_bidi(text: str) -> bool:
    return not text.isascii() and not _BIDI_SET.isdisjoint(text)


SYMBOLS = {"exact": "", "about": "~", "nearly": "≲", "more_than": ">", "at_least": "≥"}
RANK_MARKS = {"preferred": "*", "deprecated": "x"}
_ASCII = str.maketrans({"█": "#", "░": ".", "│": "|", "≲": "<~", "≥": ">=", "Σ": "="})


def plain(words: str, unicode: bool) -> str:
    """The symbols of bars and legends in ASCII, for terminals that cannot show them."""
    return words if unicode else words.translate(_ASCII)


def bar(cell: Bar, unicode: bool) -> str:
    full, empty, mark = (plain(symbol, unicode) for symbol in ("█", "░", "│"))
    width = cell.width
    filled = min(width, round(width * cell.value / cell.scale)) if cell.scale else 0
    limit_at = min(width, round(width * cell.limit / cell.scale)) if cell.scale else 0
    drawn = full * filled + empty * max(0, limit_at - filled)
    return drawn + (mark if limit_at < width else "")


def format_cell(column: Column, cell: Cell, lang: Lang, unicode: bool = True, compact: bool = True) -> str:
    """A cell as text; in tables (``compact``) a qualifier is a symbol explained under the table."""
    if cell is None:
        return "" if column.kind == "bar" else "-"
    if column.kind == "rank":  # a marker in tables, the word where there is room
        return RANK_MARKS.get(str(cell), "") if compact else say(str(cell), lang)
    if isinstance(cell, str):
        return cell
    if isinstance(cell, Coded):
        return cell.words
    if isinstance(cell, Noted):
        if cell.caveat is None:
            return cell.text
        return say("caveat.bracket", lang, text=cell.text, label=cell.caveat_label, caveat=cell.caveat).lstrip()
    if isinstance(cell, Bar):
        return bar(cell, unicode)
    if isinstance(cell, PartFill):
        rate = format_cell(column, cell.rate, lang, unicode, compact)
        return f"{rate} {cell.part[:3]}." if compact else f"{rate} ({cell.part})"
    if isinstance(cell, dict):
        qualifier = cell["qualifier"]
        if "percent" in cell:
            shown = percent(cell["percent"], lang)  # type: ignore[typeddict-item]
        else:
            shown = number(cell["value"], lang)
        if compact:
            return plain(("Σ" if "formula" in cell else "") + SYMBOLS[qualifier], unicode) + shown
        worded = say(f"qualifier.{qualifier}", lang, n=shown)
        if "formula" in cell:
            return say("qualifier.computed", lang, n=worded, formula=cell["formula"])  # type: ignore[typeddict-item]
        return worded
    if isinstance(cell, int) and column.kind == "number" and column.key not in ("id", "resolution", "line"):
        return number(cell, lang)
    if isinstance(cell, float) and column.kind == "number":  # a coordinate: the language's decimal mark
        return str(cell).replace(".", LANGS[lang].decimal)
    return str(cell)


_WORDS = attrgetter("words")


def format_column(column: Column, cells: list[Cell], lang: Lang, unicode: bool = True) -> list[str]:
    """``format_cell`` over a whole column, with no call per cell where the column's cells are all
    text, all codes or all uncaveated notes (a timeline's columns, 100,000 rows long)."""
    kinds = set(map(type, cells))
    if kinds == {str} and column.kind != "rank":  # text stays as it is
        return cast(list[str], cells)
    if kinds == {Coded}:
        return list(map(_WORDS, cells))  # a code shows its words
    if kinds == {Coded, type(None)} and column.kind != "rank":  # a timeline's places: some events have none
        none = format_cell(column, None, lang, unicode)
        return [none if cell is None else cell.words for cell in cast(list[Coded | None], cells)]
    if kinds == {Noted}:  # a note without a caveat is its text
        return [
            cell.text if cell.caveat is None else format_cell(column, cell, lang, unicode)
            for cell in cast(list[Noted], cells)
        ]
    return [format_cell(column, cell, lang, unicode) for cell in cells]


def has_qualifier(cell: Cell) -> bool:
    return isinstance(cell, dict) and cell["qualifier"] != "exact"


def any_figure(sheet: Sheet, test: Callable[[Cell], bool]) -> bool:
    """Whether a figure of the sheet passes ``test``. Only quantity and percent columns hold
    figures: the other cells of a long sheet are not looked at."""
    figures = [index for index, column in enumerate(sheet.columns) if column.kind in ("quantity", "percent")]
    return any(test(row[index]) for row in sheet.rows for index in figures)


def any_qualified(sheet: Sheet) -> bool:
    """Whether a figure of the sheet has a qualifier (``~``, ``>``…) to explain below it."""
    return any_figure(sheet, has_qualifier)


def is_computed(cell: Cell) -> bool:
    return isinstance(cell, dict) and "formula" in cell


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def machine(column: Column, cell: Cell) -> dict[str, str | int | float]:
    """A cell as CSV columns: codes as in JSON, numbers bare, a qualifier and a caveat in their own columns.

    Text that a spreadsheet would run as a formula (starting ``= + - @``, tab or CR) gets a
    leading apostrophe, as OWASP advises for CSV meant for spreadsheets.
    """
    if cell is None or isinstance(cell, Bar | PartFill) or column.show == "table":
        return {}
    if isinstance(cell, Coded):
        return {column.key: cell.code}
    if isinstance(cell, Noted):
        found: dict[str, str | int | float] = {column.key: _unformula(cell.text)}
        if cell.caveat is not None:
            found["caveat"] = _unformula(cell.caveat)
        return found
    if isinstance(cell, dict):
        value = cell["value"] if "value" in cell else cell["percent"]  # type: ignore[typeddict-item]
        found = {column.key: value, f"{column.key}_qualifier": cell["qualifier"]}
        if "formula" in cell:
            found[f"{column.key}_formula"] = cell["formula"]  # type: ignore[typeddict-item]
        return found
    if isinstance(cell, str):
        return {column.key: _unformula(cell)}
    return {column.key: cell}


def _unformula(text: str) -> str:
    if text.startswith(_FORMULA_START) and text != "-":
        return "'" + text
    return text
