"""HTML: one standalone HTML5 document, a captioned table per sheet and the sources as a linked list.

No script, no external asset: a few lines of inline CSS, so the file opens the same from a
disk, a mail attachment or a web server. The page has one ``<h1>`` (the first sheet's title,
also its ``<title>``) and says its language on ``<html lang>``; each table sits in a box that
scrolls sideways on a narrow screen, so the page itself never does. Every text, from the fact base or the catalogue,
is escaped (``html.escape``); only addresses starting ``http://`` or ``https://`` become
links. Rows cite sources as ``[1]``, each a link to its entry in the list below.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Any

from minusma.messages import Lang, say
from minusma.output.cells import any_figure, any_qualified, format_column, is_computed, safe
from minusma.output.document import Reference, References, columns, header, rows, write_lines
from minusma.output.view import View
from minusma.sheets import Sheet

STYLE = """\
body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
.scroll { overflow-x: auto; margin: 1.5rem 0 0.5rem; }
table { border-collapse: collapse; }
.hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
li { overflow-wrap: anywhere; }
caption { text-align: left; font-size: 1.25rem; font-weight: bold; padding-bottom: 0.5rem; }
caption p { font-size: 1rem; font-weight: normal; margin: 0.25rem 0 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
th { border-bottom: 2px solid #888; }
.number { text-align: right; white-space: nowrap; }
.date { white-space: nowrap; }
.note { color: #555; font-size: 0.9rem; margin: 0.25rem 0; }
"""


def text(value: str) -> str:
    """Text as HTML that shows it as it is; a line break stays a line break."""
    return "<br>".join(html.escape(line, quote=True) for line in safe(value).split("\n"))


def link(url: str, label: str) -> str:
    if not url.startswith(("http://", "https://")):  # never a javascript: or data: address
        return text(label)
    return f'<a href="{html.escape(url, quote=True)}">{text(label)}</a>'


def _class(kind: str) -> str:
    if kind in ("number", "quantity", "percent"):
        return ' class="number"'
    return ' class="date"' if kind == "date" else ""


def _cell(value: str) -> str:
    """A cell: an address as a link to itself, anything else as text."""
    if value.startswith(("http://", "https://")) and not any(char.isspace() for char in value):
        return link(value, value)
    return text(value)


_MARKUP = re.compile(r"(?m)[&<>\"']|^https?://")


def _cells(values: list[str]) -> list[str]:
    """``_cell`` over a column; where no cell has anything to escape, break or link, the values as they are."""
    joined = "\n".join(values)
    plain = joined.count("\n") == len(values) - 1 and _MARKUP.search(joined) is None and safe(joined) is joined
    return values if plain else list(map(_cell, values))


def _sources(value: str, references: References) -> str:
    return ", ".join(
        f'<a href="#source-{number}">[{number}]</a>' if number else text(source_id)
        for source_id, number in references.cite(value)
    )


def table(sheet: Sheet, references: References, lang: Lang, titled: bool = False) -> list[str]:
    """A table in its scrolling box; ``titled``: the page's heading already says its title,
    so the caption keeps it for screen readers only."""
    shown = columns(sheet)
    name = f'<span class="hidden">{text(sheet.title)}</span>' if titled else text(sheet.title)
    caption = name + (
        "".join(f"<p>{text(line)}</p>" for line in sheet.intro.split("\n") if line) if sheet.intro else ""
    )
    lines = [
        f'<div class="scroll" role="region" aria-label="{html.escape(safe(sheet.title), quote=True)}" tabindex="0">',
        "<table>",
        f"<caption>{caption}</caption>",
        "<thead>",
        "<tr>"
        + "".join(
            f'<th scope="col"{_class(sheet.columns[index].kind)}>{text(header(sheet.columns[index]))}</th>'
            for index in shown
        )
        + "</tr>",
        "</thead>",
        "<tbody>",
    ]
    by_column = []
    for index in shown:
        column = sheet.columns[index]
        values = format_column(column, rows(sheet, index), lang)
        if column.key == "sources":
            shown_values = [_sources(value, references) for value in values]
        else:
            shown_values = _cells(values)
        by_column.append(shown_values)
    row = "<tr>" + "".join(
        f"<td{_class(sheet.columns[index].kind)}>{{{position}}}</td>" for position, index in enumerate(shown)
    ) + "</tr>"  # fmt: skip
    lines += map(row.format, *by_column)  # a row a call, in C
    lines += ["</tbody>", "</table>", "</div>"]
    return lines


def _reference(item: Reference) -> str:
    return (
        f'<li id="source-{item.number}">{link(item.url, item.title)} — {text(item.publisher)}'
        f" <small>({text(item.id)})</small></li>"
    )


def document(sheets: Sequence[Sheet], result: Any, lang: Lang) -> list[str]:
    """The document's lines."""
    references = References(result, sheets)
    title = sheets[0].title if sheets else "minusma"
    body: list[str] = [f"<h1>{text(title)}</h1>"]
    for position, sheet in enumerate(sheets):
        titled = position == 0  # the first sheet's title is the page's heading
        body.append("<section>")
        if sheet.rows and columns(sheet):
            body += table(sheet, references, lang, titled)
            if any_qualified(sheet):
                body.append(f'<p class="note">{text(say("legend", lang))}</p>')
            if any_figure(sheet, is_computed):
                body.append(f'<p class="note">{text(say("computed_note", lang))}</p>')
        else:
            if not titled:
                body.append(f"<h2>{text(sheet.title)}</h2>")
            if sheet.intro:
                body += [f"<p>{text(line)}</p>" for line in sheet.intro.split("\n") if line]
        body += [f'<p class="note">{text(note)}</p>' for note in sheet.notes]
        body.append("</section>")
    listed = references.listed()
    if listed:
        body += ["<section>", f"<h2>{text(say('sources', lang))}</h2>", "<ol>"]
        body += [_reference(item) for item in listed]
        body += ["</ol>", "</section>"]
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(lang, quote=True)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(title)}</title>",
        f"<style>\n{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    return [*head, *body, "</main>", "</body>", "</html>"]


def write(view: View[Any], lang: Lang) -> None:
    write_lines(document(view.sheets(lang), view.result, lang))
