"""The layout and cell layers on their own: every command's sheets in every language, and cells as text."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from minusma import query, sheets
from minusma.load import load
from minusma.messages import LANGS, Lang, say
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
        (Noted("Texte", "doute", "Réserve"), "text", "fr", True, "Texte [Réserve\xa0: doute]"),  # French spacing
        (Noted("", "doubt", "Caveat"), "text", "en", True, "[Caveat: doubt]"),
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


def _in_office(day: str, lang: Any) -> tuple[str, dict[str, str]]:
    """The header of the leaders' in-office column on ``day``, and its cell by leader name."""
    (leaders,) = [sheet for sheet in sheets.at(query.at(FACTS, day), lang) if sheet.key == "leaders"]
    keys = [column.key for column in leaders.columns]
    header = leaders.columns[keys.index("certain")].header
    return header, {str(row[keys.index("name")]): str(row[keys.index("certain")]) for row in leaders.rows}


IN_OFFICE = {"en": ("In office", "yes", "possibly: "), "nl": ("In functie", "ja", "mogelijk: "),
             "fr": ("En fonction", "oui", "peut-être: ")}  # fmt: skip
"""The words as checked by a reader of each language; a new language adds its line or is not pinned here."""


@pytest.mark.parametrize("lang", IN_OFFICE)
@pytest.mark.parametrize(
    ("day", "shown"),
    [
        ("2014-12-08", None),  # Bikimo's term: 2014-12-09 to 2015-04-02, both to the day
        ("2014-12-09", "yes"),
        ("2014-12-10", "yes"),
        ("2015-04-01", "yes"),
        ("2015-04-02", "yes"),
        ("2015-04-03", None),
    ],
)
def test_at_says_a_leader_is_in_office_not_just_yes(lang: Any, day: str, shown: str | None) -> None:
    header, cells = _in_office(day, lang)
    assert header == IN_OFFICE[lang][0]
    bikimo = next((cell for name, cell in cells.items() if "Bikimo" in name), None)
    assert bikimo == (IN_OFFICE[lang][1] if shown else None)


@pytest.mark.parametrize("lang", IN_OFFICE)
def test_at_says_why_a_leader_may_be_in_office(lang: Any) -> None:
    # Kazura's term ends in 2014-12, known only to the month: after its first day he may have left.
    _, cells = _in_office("2014-12-02", lang)
    kazura = next(cell for name, cell in cells.items() if "Kazura" in name)
    assert kazura.startswith(IN_OFFICE[lang][2])
    assert "2014-12" in kazura
    _, cells = _in_office("2014-12-01", lang)
    assert next(cell for name, cell in cells.items() if "Kazura" in name) == IN_OFFICE[lang][1]


@pytest.mark.parametrize("lang", LANGS)
def test_a_related_resolution_s_kind_reads_as_its_kind_not_as_the_table_s_title(lang: Lang) -> None:
    """The kind cell of 2085, 2359 and 2391 says "related" in the run's language (``kind.related``),
    not the title of their table ("Related resolutions"), which once shared the bare key."""
    command = [str(Path(sys.executable).parent / "minusma"), "--lang", lang, "mandate", "--format", "md"]
    shown = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rows = [line for line in shown.splitlines() if line.startswith(("| 2085 |", "| 2359 |", "| 2391 |"))]
    assert len(rows) == 3
    for row in rows:
        assert row.split(" | ")[1] == say("kind.related", lang)
    assert say("kind.related", lang) != say("related", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_about_says_its_leaders_are_the_first_ones(lang: Lang) -> None:
    """``about`` names the first head of mission and force commander, and its labels say so: "Head of
    mission: Koenders" alone reads as if he led the mission throughout."""
    command = [str(Path(sys.executable).parent / "minusma"), "--lang", lang, "about", "--format", "md"]
    shown = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert f"| {say('about.first.head_of_mission', lang)} | Bert Koenders" in shown
    assert f"| {say('about.first.force_commander', lang)} | Jean Bosco Kazura" in shown
    assert f"| {say('head_of_mission', lang)} |" not in shown
