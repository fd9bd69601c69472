"""The layout and cell layers on their own: every command's sheets in every language, and cells as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from minusma import query, sheets
from minusma.load import load
from minusma.messages import LANGS
from minusma.model import FactBase
from minusma.output.cells import format_cell, machine, safe
from minusma.sheets import Bar, Coded, Column, Noted

FACTS: FactBase = load()

LAYOUTS: dict[str, tuple[Callable[[FactBase], Any], Callable[..., Any]]] = {
    "about": (query.about, sheets.about),
    "timeline": (lambda facts: query.timeline(facts), sheets.timeline),
    "troops": (query.troops, sheets.troops),
    "compare": (query.compare, sheets.compare),
    "chart": (query.compare, sheets.chart),
    "mandate": (query.mandate, sheets.mandate),
    "dutch": (query.dutch, sheets.dutch),
    "leaders": (query.leaders, sheets.leaders),
    "casualties": (query.casualties, sheets.casualties),
    "errata": (query.errata, sheets.errata),
    "contributors": (lambda facts: query.contributors(facts), sheets.contributors),
    "at": (lambda facts: query.at(facts, "2016-07-06"), sheets.at),
    "search": (lambda facts: query.search(facts, "Gao"), sheets.search),
    "sources": (query.sources, sheets.sources),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_every_layout_is_rectangular_and_labelled_in_every_language(name: str, lang: Any) -> None:
    ask, layout = LAYOUTS[name]
    laid_out = layout(ask(FACTS), lang)
    assert laid_out, name
    for sheet in laid_out:
        assert sheet.title.strip()
        for row in sheet.rows:
            assert len(row) == len(sheet.columns), (sheet.key, row)
        for column in sheet.columns:
            assert column.kind == "bar" or column.header.strip() or column.block_header, (sheet.key, column)


def test_headers_differ_between_languages() -> None:
    headers = {
        lang: [column.header for column in sheets.leaders(query.leaders(FACTS), lang)[0].columns] for lang in LANGS
    }
    assert headers["en"] != headers["nl"] != headers["fr"]


@pytest.mark.parametrize(
    ("cell", "kind", "lang", "compact", "shown"),
    [
        ({"value": 6200, "qualifier": "about"}, "quantity", "en", True, "~6,200"),
        ({"value": 6200, "qualifier": "about"}, "quantity", "nl", False, "ongeveer 6.200"),
        ({"value": 12640, "qualifier": "exact"}, "quantity", "fr", True, "12\u202f640"),
        ({"value": 1146, "qualifier": "exact", "formula": "522 + 505 + 119"}, "quantity", "en", True, "Σ1,146"),
        ({"percent": 78.2, "qualifier": "exact"}, "percent", "fr", True, "78,2\u202f%"),
        ("preferred", "rank", "en", True, "*"),
        (Coded("netherlands", "Nederland"), "text", "nl", True, "Nederland"),
        (Noted("Text", "doubt", "Caveat"), "text", "en", True, "Text [Caveat: doubt]"),
        (None, "quantity", "en", True, "-"),
        (None, "bar", "en", True, ""),
        (2100, "number", "en", True, "2,100"),
    ],
)
def test_cells_as_text(cell: Any, kind: Any, lang: Any, compact: bool, shown: str) -> None:
    assert format_cell(Column("value", "Value", kind), cell, lang, compact=compact) == shown


def test_bars_scale_and_mark_the_limit() -> None:
    drawn = format_cell(Column("bar", "", "bar"), Bar(50, 80, 100, width=10), "en")
    assert drawn == "█████░░░│"


def test_csv_cells_are_machine_values() -> None:
    assert machine(Column("category", "Categorie"), Coded("netherlands", "Nederland")) == {"category": "netherlands"}
    assert machine(Column("value", "V", "quantity"), {"value": 5, "qualifier": "about"}) == {
        "value": 5,
        "value_qualifier": "about",
    }
    assert machine(Column("text", "T"), Noted("t", "c", "Caveat")) == {"text": "t", "caveat": "c"}
    assert machine(Column("text", "T"), "=HYPERLINK(1)") == {"text": "'=HYPERLINK(1)"}


@pytest.mark.parametrize("raw", ["\x1b[2J", "\x9b31m", "a\u202eb", "\x07", "\x00"])
def test_safe_shows_escapes_not_controls(raw: str) -> None:
    shown = safe(raw)
    assert shown != raw and "\\" in shown
