"""Excel workbooks (``.xlsx``), written with openpyxl (the optional ``xlsx`` extra).

One worksheet per sheet of the result, and a last one listing the sources its rows cite, each
address a link. Each
worksheet is a table from its first cell: a bold header row, frozen and with a filter, the
columns the document formats show (Markdown, HTML), each cell typed:

- a date stays text as written (``2015-03``, ``2015-03-12``): its precision is data, and an
  Excel date cannot hold a month. ISO text sorts in time order (a month before its days);
- a figure is a number, shown with its qualifier (``~6,000``) by its number format, so sums
  and sorting work; where a column has approximate or computed figures, the qualifier (``about``)
  and the formula follow in columns of their own;
- a percentage is a number (0.782, shown ``78.2%``);
- a caveat has a column of its own; codes show their words;
- text is text, never a formula: a cell starting with ``= + - @`` is stored as a string, and
  marked to stay one when edited. Characters XML cannot hold, control characters and bidi
  overrides are shown as escapes (``\\x1b``), as in every other format.

Under each table, after an empty row (from the first row, on a sheet without rows): the sheet's full title (a worksheet's name holds at most
31 characters), its introduction, the legend of the qualifiers and its notes. The same result
gives the same bytes: no creation time in the file or its entries. A workbook is never written
to a terminal: redirect it, or give ``--output``.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from minusma.errors import MissingExtraError, UsageError
from minusma.messages import Lang, Message, number, say
from minusma.output.cells import SYMBOLS, any_figure, any_qualified, format_cell, has_qualifier, is_computed, safe
from minusma.output.document import References, columns, header
from minusma.output.stream import is_terminal, write_bytes
from minusma.output.view import View
from minusma.sheets import Cell, Coded, Column, Noted, Sheet

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

INSTALL = "pip install 'minusma[xlsx]'"
NAME_LONGEST = 31
"""The most characters (UTF-16 units) Excel takes in a worksheet's name."""
NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
ROWS_MOST = 1_048_576
"""The most rows an Excel worksheet holds, the header's included."""
CELL_LONGEST = 32_767
"""The most characters (UTF-16 units) an Excel cell holds; Excel repairs a workbook with a longer one by cutting it."""
_LINK = re.compile(r"https?://[!#-~]{1,2000}")
"""An address that becomes a link: http or https, printable ASCII without spaces or quotes, short enough for Excel."""
WIDEST, NARROWEST = 60, 6
"""Column widths, in characters: a long text wraps in a column this wide."""
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def write(view: View[Any], lang: Lang) -> None:
    sheets = view.sheets(lang)
    if is_terminal():
        file = f"{sheets[0].key if sheets else 'minusma'}.xlsx"
        raise UsageError(Message("binary_to_terminal", {"format": "xlsx", "file": file}))
    try:
        import openpyxl  # noqa: F401  # only to learn whether the extra is installed
    except ImportError:
        raise MissingExtraError(
            Message("needs_library", {"format": "xlsx", "library": "openpyxl", "install": INSTALL})
        ) from None
    write_bytes(workbook(sheets, view.result, lang))


def text(value: str) -> str:
    """Text from a fact base, the catalogue or argv as a cell holds it: escapes for what XML or a terminal cannot take."""
    return safe(value)  # control characters, lone surrogates and U+FFFE/U+FFFF as escapes: XML holds none of them


class Part(NamedTuple):
    """One column of a worksheet: which sheet column it comes from (its index) and which part of its cells it shows."""

    column: int
    part: str
    """``value``, ``qualifier``, ``formula`` or ``caveat``."""
    header: str


def parts(sheet: Sheet, lang: Lang) -> list[Part]:
    """The worksheet's columns: each shown column, with its qualifier, formula or caveat beside it where a cell has one."""
    found: list[Part] = []
    for index in columns(sheet):
        column = sheet.columns[index]
        name = header(column)
        found.append(Part(index, "value", name))
        cells = [row[index] for row in sheet.rows]
        if column.kind in ("quantity", "percent") and any(map(has_qualifier, cells)):
            found.append(Part(index, "qualifier", f"{name} ({say('qualifier', lang)})"))
        if column.kind in ("quantity", "percent") and any(map(is_computed, cells)):
            found.append(Part(index, "formula", f"{name} (Σ)"))
        if any(isinstance(cell, Noted) and cell.caveat is not None for cell in cells):
            found.append(Part(index, "caveat", f"{name} ({say('caveat', lang)})"))
    return found


def value(column: Column, cell: Cell, part: str, lang: Lang) -> tuple[str | int | float | None, str | None]:
    """A cell's part as a typed value, and the number format that shows it (None for the default)."""
    if cell is None:
        return None, None
    if isinstance(cell, dict):
        qualifier = cell["qualifier"]
        if part == "qualifier":
            return (say(f"qualifier.{qualifier}", lang, n="").strip() if qualifier != "exact" else None), None
        if part == "formula":
            return (cell["formula"] if "formula" in cell else None), None  # type: ignore[typeddict-item]
        mark = ("Σ" if "formula" in cell else "") + SYMBOLS[qualifier]
        prefix = f'"{mark}"' if mark else ""
        if "percent" in cell:
            return round(cell["percent"] / 100, 10), prefix + "0.0%"  # type: ignore[typeddict-item]
        return cell["value"], prefix + "#,##0"
    if isinstance(cell, Noted):
        return (cell.text if part == "value" else cell.caveat), None
    if part != "value":
        return None, None
    if isinstance(cell, Coded):
        return cell.words, None
    if isinstance(cell, bool):
        return str(cell), None
    if isinstance(cell, int | float) and column.kind != "rank":
        return cell, (
            "#,##0" if isinstance(cell, int) and column.kind == "number" and column.key not in _PLAIN else None
        )
    if isinstance(cell, str) and column.kind != "rank":
        return cell, None
    return format_cell(column, cell, lang, compact=False), None


_PLAIN = frozenset({"id", "resolution", "line"})
"""Number columns that hold a number as a name (S/RES/2100), shown without a thousands separator."""


def sheet_name(title: str, fallback: str, used: set[str]) -> str:
    """A worksheet name Excel takes: at most 31 characters, none of ``[]:*?/\\``, not starting or ending
    with an apostrophe, not ``History``, and unique (Excel compares names without case)."""
    name = " ".join(NAME_FORBIDDEN.sub(" ", text(title)).split()).strip("'").strip()
    if not name or name.casefold() == "history":
        name = " ".join(NAME_FORBIDDEN.sub(" ", text(fallback)).split()).strip("'").strip() or "Sheet"
    base, number = name, 1
    while True:
        name = _fitted(base, f" ({number})" if number > 1 else "")
        if name.casefold() not in used:
            used.add(name.casefold())
            return name
        number += 1


def _fitted(name: str, suffix: str) -> str:
    room = NAME_LONGEST - len(suffix)
    while len(name.encode("utf-16-le")) // 2 > room:
        name = name[:-1]
    return name.rstrip().rstrip("'") + suffix


def workbook(sheets: Sequence[Sheet], result: Any, lang: Lang) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    references = References(result, sheets)
    used: set[str] = set()
    bold = Font(bold=True)
    for sheet in sheets:
        worksheet = book.create_sheet(sheet_name(sheet.title, sheet.key, used))
        shown = parts(sheet, lang)
        if 1 + len(sheet.rows) + 1 + 4 + len(sheet.notes) > ROWS_MOST:  # header, rows, a gap, what stands below
            raise UsageError(
                Message("xlsx.too_many_rows", {"sheet": text(sheet.title), "rows": len(sheet.rows), "limit": ROWS_MOST})
            )
        rows: list[list[tuple[str | int | float | None, str | None]]] = []
        for row in sheet.rows:
            rows.append([value(sheet.columns[part.column], row[part.column], part.part, lang) for part in shown])
            for part in shown:
                if sheet.columns[part.column].key == "sources" and isinstance(row[part.column], str):
                    references.cite(str(row[part.column]))  # numbered as the documents number them
        tabled = bool(shown and rows)  # as in the documents: a sheet without rows is its title and words
        if tabled:
            links = {position for position, part in enumerate(shown, 1) if sheet.columns[part.column].kind == "url"}
            _table(worksheet, [part.header for part in shown], rows, bold, lang, links)
        below = [sheet.title, sheet.intro or ""]
        if sheet.rows and shown and any_qualified(sheet):
            below.append(say("legend", lang))
        if sheet.rows and shown and any_figure(sheet, is_computed):
            below.append(say("computed_note", lang))
        below += sheet.notes
        _below(worksheet, len(rows) + 3 if tabled else 1, [line for line in below if line], bold, lang)
    listed = references.listed()
    if listed or not sheets:
        worksheet = book.create_sheet(sheet_name(say("sources", lang), "sources", used))
        headers = [say(key, lang) for key in ("id", "title", "publisher", "url")]
        _table(
            worksheet,
            headers,
            [[(item.id, None), (item.title, None), (item.publisher, None), (item.url, None)] for item in listed],
            bold,
            lang,
            links={4},
        )
    return _saved(book)


def _table(
    worksheet: Worksheet,
    headers: list[str],
    rows: list[list[tuple[str | int | float | None, str | None]]],
    bold: Any,
    lang: Lang,
    links: Collection[int] = (),
) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    wrap = Alignment(wrap_text=True, vertical="top")
    widths = [len(name) for name in headers]
    for position, name in enumerate(headers, start=1):
        cell = worksheet.cell(row=1, column=position)
        _put(cell, name, lang)
        cell.font = bold
    for row_number, row in enumerate(rows, start=2):
        for position, (shown, number_format) in enumerate(row, start=1):
            if shown is None:
                continue
            cell = worksheet.cell(row=row_number, column=position)
            _put(cell, shown, lang)
            if number_format is not None:
                cell.number_format = number_format
            if position in links and isinstance(shown, str) and _LINK.fullmatch(shown):
                cell.hyperlink = shown  # a source's address, one click away
            if isinstance(shown, str):
                longest = max(map(len, shown.split("\n")))
                if "\n" in shown or longest > WIDEST:
                    cell.alignment = wrap
            else:
                longest = len(f"{shown:,}") + 2
            widths[position - 1] = max(widths[position - 1], longest)
    for position, width in enumerate(widths, start=1):
        worksheet.column_dimensions[get_column_letter(position)].width = max(NARROWEST, min(WIDEST, width + 2))
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(rows) + 1}"


def _below(worksheet: Worksheet, first_row: int, lines: list[str], bold: Any, lang: Lang) -> None:
    """The title, introduction, legend and notes under the table, one paragraph a row; the title bold."""
    for offset, line in enumerate(lines):
        cell = worksheet.cell(row=first_row + offset, column=1)
        _put(cell, line, lang)
        if offset == 0:
            cell.font = bold


def _put(cell: Any, shown: str | int | float, lang: Lang) -> None:
    """Set a cell: text always as text, never a formula, whatever it starts with; a text longer than
    a cell holds is cut, and says so."""
    if not isinstance(shown, str):
        cell.value = shown
        return
    cell.value = _fitting(text(shown), lang)
    cell.data_type = "s"
    if shown.startswith(FORMULA_START):
        cell.quotePrefix = True  # edited in Excel or LibreOffice, it stays text


def _fitting(shown: str, lang: Lang) -> str:
    if len(shown) * 2 <= CELL_LONGEST:  # surely short enough: no need to count UTF-16 units
        return shown
    if len(shown.encode("utf-16-le")) // 2 <= CELL_LONGEST:
        return shown
    said = say("xlsx.cut", lang, limit=number(CELL_LONGEST, lang))
    room = CELL_LONGEST - len(said.encode("utf-16-le")) // 2
    kept = shown[:room]
    while len(kept.encode("utf-16-le")) // 2 > room:
        kept = kept[:-1]
    return kept + said


EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry: every entry, and the workbook's own creation and change times, get
it, so a workbook's bytes do not depend on when it was made."""


def _saved(book: Any) -> bytes:
    import datetime as dt

    from openpyxl.writer.excel import ExcelWriter

    book.properties.created = book.properties.modified = dt.datetime(*EPOCH)
    book.properties.creator = "minusma"
    made = io.BytesIO()
    with zipfile.ZipFile(made, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    fixed = io.BytesIO()
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry in source.infolist():
            archive.writestr(zipfile.ZipInfo(entry.filename, EPOCH), source.read(entry), zipfile.ZIP_DEFLATED)
    return fixed.getvalue()
