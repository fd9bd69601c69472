"""Markdown (GitHub-flavoured): a heading and a pipe table per sheet, the sources as a numbered list below.

Written to paste cleanly into GitHub, Pandoc and Obsidian alike, so text from a fact base
is escaped for all three: every character that starts markup in any of them gets a
backslash (CommonMark lets any ASCII punctuation take one), a pipe in a cell is ``\\|``,
a line break in a cell is ``<br>``. Marks that only act in pairs (``~`` strike-through
or subscript, ``$`` maths, ``^`` superscript) are escaped where a cell or paragraph holds two, so
``~6,200`` stays as readable as in tables. Rows cite sources as ``[1]``; the list gives
each one's title, publisher and address. The separator row's dashes follow each column's widest
cell (see :func:`separator`), which Pandoc turns into column widths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from minusma.messages import Lang, say
from minusma.output.cells import any_figure, any_qualified, format_column, is_computed, safe
from minusma.output.document import References, columns, header, rows, write_lines
from minusma.output.view import View
from minusma.sheets import Sheet

_ALWAYS = re.compile(r"([\\`*_\[\]<#|@])")
"""Characters that start markup wherever they stand (``#`` makes a tag in Obsidian, ``@`` a citation in Pandoc)."""
_PAIRED = "~$^"
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_DOUBLED = re.compile(r"(?<=[%=])(?=[%=])")
"""``%%`` opens a comment and ``==`` a highlight in Obsidian."""
_LINE_START = re.compile(r"^(?:[-+=>]|\d+(?=[.)]))")
"""What starts a list, quote or heading underline at the start of a paragraph's line."""


_ANY = re.compile(r"[\\`*_\[\]<#|@~$^&%=\t]")
"""Any character that may need a backslash: a text without one (most cells) is shown as it is."""


def _paired(text: str) -> str:
    """The pair marks ``text`` holds twice or more: counted over a whole cell or paragraph, since a
    pair split over two of its lines still acts (strike-through on GitHub, maths in Pandoc)."""
    return "".join(mark for mark in _PAIRED if text.count(mark) > 1)


def inline(text: str, paired: str | None = None) -> str:
    """Text from a fact base or the catalogue as Markdown that shows it as it is, on one line;
    ``paired`` names the pair marks to escape (by default those the text holds twice)."""
    text = safe(text)
    if _ANY.search(text) is None:
        return text
    shown = _ALWAYS.sub(r"\\\1", text)
    for mark in _paired(text) if paired is None else paired:
        shown = shown.replace(mark, "\\" + mark)
    shown = _DOUBLED.sub("\\\\", _ENTITY.sub(r"\\&", shown))
    return shown.replace("\t", " ")


def paragraph(text: str) -> str:
    """A paragraph: each line of the text its own line, none of them starting a list, quote or heading."""
    lines = []
    paired = _paired(text)
    for line in text.split("\n"):
        escaped = inline(line.strip(), paired)
        match = _LINE_START.match(escaped)
        if match:  # "2013." gets its backslash before the dot, "- x" before the dash
            at = match.end() if match[0][0].isdigit() else 0
            escaped = escaped[:at] + "\\" + escaped[at:]
        lines.append(escaped)
    return "\\\n".join(line for line in lines if line)


_URL = re.compile(r"https?://\S+")


def autolink(url: str) -> str:
    """An address as a link that shows it (``<https://...>``); < > | and spaces cannot stand in one."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("|", "%7C") + ">"


def cell(text: str) -> str:
    """A table cell: one line (breaks as ``<br>``); a cell that is an address is a link to it."""
    if _URL.fullmatch(text):  # escaped, a bare address would not link, or link only up to the first backslash
        return autolink(text)
    paired = _paired(text)
    return "<br>".join(inline(line.strip(), paired) for line in text.split("\n"))


_EDGE_SPACE = re.compile(r"(?m)^\s|\s$")


def _cells(texts: list[str]) -> list[str]:
    """``cell`` over a column; where no cell has anything to escape, link, break or trim, the texts as they are."""
    joined = "\n".join(texts)
    plain = (
        joined.count("\n") == len(texts) - 1  # no cell has a line break
        and _ANY.search(joined) is None
        and _URL.search(joined) is None
        and _EDGE_SPACE.search(joined) is None
        and safe(joined) is joined
    )
    return texts if plain else list(map(cell, texts))


def _sources(text: str, references: References) -> str:
    return ", ".join(f"[{number}]" if number else inline(source_id) for source_id, number in references.cite(text))


WIDEST = 40
"""The most dashes a separator cell gets: a column of long texts (an event, a title) shares the page
with its neighbours instead of squeezing a date to a few letters."""


def separator(widths: Sequence[int], numeric: Sequence[bool]) -> str:
    """The row under the header, each cell's dashes as many as its column's widest cell (at least 3,
    at most ``WIDEST``): Pandoc sizes a table that does not fit its line width by these, so Word gets
    proportional columns rather than equal, narrow ones. A numeric column ends in ``:`` (right-aligned)."""
    cells = []
    for width, right in zip(widths, numeric, strict=True):
        dashes = max(3, min(WIDEST, width))
        cells.append("-" * (dashes - 1) + ":" if right else "-" * dashes)
    return "| " + " | ".join(cells) + " |"


def _widest(texts: Sequence[str]) -> int:
    """The longest line of a column's cells, as a reader sees them."""
    if not any("\n" in text for text in texts):
        return max(map(len, texts), default=0)
    return max((len(line) for text in texts for line in text.split("\n")), default=0)


def table(sheet: Sheet, references: References, lang: Lang) -> list[str]:
    shown = columns(sheet)
    headers = [header(sheet.columns[index]) for index in shown]
    by_column = []
    widths = []
    for index, name in zip(shown, headers, strict=True):
        column = sheet.columns[index]
        texts = format_column(column, rows(sheet, index), lang)
        if column.key == "sources":
            cited = [_sources(text, references) for text in texts]
            by_column.append(cited)
            widths.append(max(len(name), _widest(cited)))
        else:
            by_column.append(_cells(texts))
            widths.append(max(len(name), _widest(texts)))
    numeric = [sheet.columns[index].kind in ("number", "quantity", "percent") for index in shown]
    lines = ["| " + " | ".join(map(cell, headers)) + " |", separator(widths, numeric)]
    row = "| " + " | ".join(f"{{{position}}}" for position in range(len(by_column))) + " |"
    lines += map(row.format, *by_column)  # a row a call, in C
    return lines


def _reference(number: int, title: str, publisher: str, url: str, source_id: str) -> str:
    return f"{number}. {inline(title)} — {inline(publisher)}, {autolink(url)} ({inline(source_id)})"


def document(sheets: Sequence[Sheet], result: Any, lang: Lang) -> list[str]:
    """The document's lines: blocks (heading, paragraph, table, list) with an empty line between them."""
    references = References(result, sheets)
    blocks: list[list[str]] = []
    for sheet in sheets:
        blocks.append(["## " + inline(sheet.title)])
        if sheet.intro:
            blocks.append([paragraph(sheet.intro)])
        if sheet.rows and columns(sheet):
            blocks.append(table(sheet, references, lang))
            if any_qualified(sheet):
                blocks.append([paragraph(say("legend", lang))])
            if any_figure(sheet, is_computed):
                blocks.append([paragraph(say("computed_note", lang))])
        blocks += [[paragraph(note)] for note in sheet.notes]
    listed = references.listed()
    if listed:
        blocks.append(["## " + inline(say("sources", lang))])
        blocks.append([_reference(item.number, item.title, item.publisher, item.url, item.id) for item in listed])
    lines: list[str] = []
    for block in (block for block in blocks if block != [""]):
        if lines:
            lines.append("")
        lines += block
    return lines


def write(view: View[Any], lang: Lang) -> None:
    write_lines(document(view.sheets(lang), view.result, lang))
