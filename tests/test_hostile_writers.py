"""Issue 21's hostile corpus through every writer of the registry, on every command that prints it.

One fact base whose every text, title, publisher, author and name carries the corpus (markup,
quotes, a TimelineJS ``www.`` link with attributes, formula prefixes, BibTeX braces that do not
balance, Markdown pair marks split over lines, U+2028 and U+2029 with a forged RIS tag after
them, the noncharacter U+FFFF), and an argument with live control characters and bidi overrides
(control characters cannot enter a fact base: ``validate`` refuses them, ``test_hostile.py``).
Each command writes it in each format it accepts, read from the registry, and an independent
parser per format reads the bytes back: nothing acts, nothing breaks the file, nothing is forged.
Dates at the calendar's edges go through every writer of the commands that show them too.
A new writer adds its check to ``CHECKS`` (a test fails until it does).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import struct
import xml.etree.ElementTree as ElementTree
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import geojson
import openpyxl
import pytest
import rispy
from markdown_it import MarkdownIt
from pybtex.database import parse_string
from typer.testing import CliRunner

from minusma.cli import PRINTS, app, formats_of
from minusma.output import WRITERS
from test_timelinejs import Attributes, htmlify, linkify

PWNED = '<script>alert("PWNED")</script> & <b>b</b> <a href="javascript:alert(1)">x</a>'
HOSTILE = (
    f'=HYPERLINK("https://evil.example","PWNED") {PWNED} \'single\' "double" '
    "www.example.org/'autofocus='1'onfocus='document.title=\"PWNED\";x "
    'Real title}}, note = "INJECTED", x = " {draft '
    "~strike~ $maths$ ^sup^ *em* _u_ `code` [link](http://x.example) # tag %%comment%% ==mark== "
    "\u2028ER  - \u2029TY  - JOUR \uffff end"
)
"""For every one-line text: every class of issue 21 at once."""
PARAGRAPH = "\n".join(["- not a list", "10~15 km a day", "and 20~30 km $x to", "y$ done", "\t+1+1 tab"])
"""Added to the paragraphs (event texts), where a newline and a tab are allowed."""
PREFIXES = ["=1+1 ", "+1+1 ", "-2+3 ", "@SUM(A1) "]
"""Each text starts with one of these: a spreadsheet runs every one as a formula."""
ARGUMENT = "Gao\x1b]0;pwned\x07\x9b31m\u202egnp.exe\u2066=1+1"
"""Control characters and bidi overrides arrive through the command line: search shows its query."""

LIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
"""What must never stand raw in a document for people: control characters, bidi overrides, line separators a
reader splits at, and characters XML cannot hold."""


def _hostile(data: dict[str, Any]) -> None:
    counter = iter(range(1_000_000))

    def texts(value: Any) -> Any:
        if isinstance(value, dict):
            if {"en", "nl", "fr"} <= set(value) and all(isinstance(text, str) for text in value.values()):
                start = PREFIXES[next(counter) % len(PREFIXES)]
                return {lang: f"{start}{text} {HOSTILE}" for lang, text in value.items()}
            return {key: texts(item) for key, item in value.items()}
        if isinstance(value, list):
            return [texts(item) for item in value]
        return value

    data.update(texts({key: value for key, value in data.items() if key != "header"}))
    for event in data["events"]:
        event["text"] = {lang: f"{text}\n{PARAGRAPH}" for lang, text in event["text"].items()}
    for source in data["sources"]:
        for key in ("title", "publisher", "author"):
            if key in source:
                source[key] = f"{PREFIXES[0]}{source[key]} {HOSTILE}"
        for person in source.get("persons", []):
            person["family"] = f"{person['family']} {HOSTILE}"
    for leader in data["leaders"]:
        leader["name"] = f"@{leader['name']} {HOSTILE}"


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory: pytest.TempPathFactory, shipped_data: dict[str, Any]) -> Path:
    data = copy.deepcopy(shipped_data)
    _hostile(data)
    path = tmp_path_factory.mktemp("hostile") / "facts.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- a check per format


def _text(data: bytes) -> str:
    text = data.decode("utf-8")
    assert not LIVE.search(text), repr(LIVE.search(text))
    return text


class _Tags(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs


def _no_markup_from_data(html: str, allowed: set[str]) -> None:
    found = _Tags(html)
    assert found.tags <= allowed, found.tags - allowed
    assert not [name for name, _ in found.attributes if name.startswith("on")]
    assert not [
        value for name, value in found.attributes if name == "href" and not str(value).startswith(("http", "#"))
    ]


def _table(data: bytes) -> None:
    _text(data)


def _json(data: bytes) -> None:
    json.loads(data)  # data for programs: every text as the fact base holds it


def _csv(data: bytes) -> None:
    for row in csv.reader(io.StringIO(_text(data), newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell
            assert not cell.startswith("-") or cell == "-" or re.fullmatch(r"-\d+(\.\d+)?", cell), cell


def _md(data: bytes) -> None:
    text = _text(data)
    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)
    _no_markup_from_data(rendered, {"h2", "p", "table", "thead", "tbody", "tr", "th", "td", "br", "ol", "li", "a"})
    assert "~~" not in text.replace("\\~", "")  # no pair of marks left for GitHub's strike-through
    for mark in "$~^":  # a mark left bare in a paragraph or cell is alone there, so it pairs with nothing
        for block in re.split(r"\n\n|\|", re.sub(r"<https?://[^>]*>", "", text)):  # an address is no text
            assert len(re.findall(rf"(?<!\\)\{mark}", block)) < 2, (mark, block)


def _html(data: bytes) -> None:
    text = _text(data)
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "nav"}
    allowed |= {"h1", "h2", "p", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "br", "ol", "ul"}
    allowed |= {"li", "a", "span", "abbr", "small", "cite", "time"}
    _no_markup_from_data(text, allowed)


def _xlsx(data: bytes) -> None:
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            root = ElementTree.fromstring(archive.read(name)) if name.endswith(".xml") else None
            if root is not None and name.startswith("xl/worksheets/"):
                assert root.find(f".//{main}f") is None, name  # no formula anywhere
    book = openpyxl.load_workbook(io.BytesIO(data))
    strings = [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row]
    texts = [value for value in strings if isinstance(value, str)]
    assert not [text for text in texts if LIVE.search(text)]


def _svg(data: bytes) -> None:
    root = ElementTree.fromstring(data)  # well-formed XML: U+FFFF would break it
    names = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert not names & {"script", "foreignObject", "a"}, names
    attributes = [name for element in root.iter() for name in element.attrib]
    assert not [name for name in attributes if name.lower().startswith("on")]
    assert not [text for element in root.iter() for text in (element.text, element.tail) if text and LIVE.search(text)]


def _png(data: bytes) -> None:
    from PIL import Image

    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = struct.unpack(">II", data[16:24])
    assert width > 100 and height > 100
    Image.open(io.BytesIO(data)).verify()


def _timelinejs(data: bytes) -> None:
    story = json.loads(data)
    slides = [*story["events"], *([story["title"]] if "title" in story else []), *story.get("eras", [])]
    for slide in slides:
        for field in ("headline", "text"):
            shown = htmlify(linkify(str(slide.get("text", {}).get(field, ""))))
            for tag, attributes in Attributes(shown).found:
                assert tag in {"p", "a", "br"}, shown
                if tag == "a":
                    assert set(attributes) in ({"href"}, {"class", "href", "onclick"}), shown
                    assert attributes.get("onclick") in (None, "void(0)"), shown


def _geojson(data: bytes) -> None:
    collection = geojson.loads(data.decode("utf-8"))
    assert collection.is_valid, collection.errors()
    assert all(isinstance(feature["properties"], dict) for feature in collection["features"])


def _bibtex(data: bytes) -> None:
    text = _text(data)
    entries = parse_string(text, "bibtex").entries  # pybtex refuses unbalanced braces
    assert len(entries) == len(re.findall(r"(?m)^@", text))
    for entry in entries.values():
        assert "x" not in entry.fields and all("INJECTED" != value for value in entry.fields.values())


def _ris(data: bytes) -> None:
    text = _text(data)
    assert text.splitlines() == text.split("\n")[: len(text.splitlines())]  # no line separator but newline
    records = rispy.loads(text)
    assert len(records) == len(re.findall(r"(?m)^ER  -", text)) == len(re.findall(r"(?m)^TY  -", text))


def _csl_json(data: bytes) -> None:
    items = json.loads(data)
    assert isinstance(items, list) and all(isinstance(item, dict) for item in items)


def _plain_text(data: bytes) -> None:
    _text(data)


CHECKS: dict[str, Callable[[bytes], None]] = {
    "table": _table,
    "json": _json,
    "csv": _csv,
    "md": _md,
    "html": _html,
    "xlsx": _xlsx,
    "timelinejs": _timelinejs,
    "text": _plain_text,
    "csl-json": _csl_json,
    "bibtex": _bibtex,
    "ris": _ris,
    "svg": _svg,
    "png": _png,
    "geojson": _geojson,
}
"""Each writer's hostile check: an independent parser, and what must not happen in that format's language."""


def test_every_writer_has_a_hostile_check() -> None:
    assert set(CHECKS) == set(WRITERS)


ARGUMENTS = {"at": ["2016-07-06"], "search": ["Gao"], "show": ["res-2100"], "cite": []}


def _runs() -> list[tuple[str, str]]:
    return [
        (command, format)
        for command in sorted(PRINTS)
        if command not in ("export", "schema")  # the data package has its own hostile tests (test_export.py)
        for format in formats_of(command)
    ]


@pytest.mark.parametrize(("command", "format"), _runs(), ids=[f"{command}-{format}" for command, format in _runs()])
def test_the_hostile_corpus_reads_back_clean(runner: CliRunner, hostile_base: Path, command: str, format: str) -> None:
    chart = ["--chart"] if WRITERS[format].kind == "chart" else []
    args = [command, *ARGUMENTS.get(command, []), *chart, "--data", str(hostile_base), "--format", format]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes, result.output
    CHECKS[format](result.stdout_bytes)
    if format in ("json", "csl-json", "geojson", "timelinejs") and command != "validate":  # data: the text as it is
        assert b"PWNED" in result.stdout_bytes


@pytest.mark.parametrize("format", formats_of("search"))
def test_a_hostile_argument_reads_back_clean(runner: CliRunner, format: str) -> None:
    result = runner.invoke(app, ["search", ARGUMENT, "--format", format])
    assert result.exit_code == 0, result.output
    if format == "json":
        assert json.loads(result.stdout_bytes)["query"] == ARGUMENT  # data for programs: as given
        return
    CHECKS[format](result.stdout_bytes)
    # A format that shows the title quoting the query (not CSV's rows, nor a compressed workbook) shows
    # it escaped; that the table, Markdown, HTML and the workbook show the titles is test_registries.py's.
    if b"pwned" in result.stdout_bytes:
        assert "\\x1b" in result.stdout_bytes.decode("utf-8"), result.stdout
    assert b"pwned" in result.stdout_bytes or format not in ("table", "md", "html")


def test_the_hostile_fact_base_loads(runner: CliRunner, hostile_base: Path) -> None:
    """Every string of the corpus is one a fact base may hold: the checks above test writers, not the loader."""
    result = runner.invoke(app, ["validate", str(hostile_base), "--json"])
    assert json.loads(result.stdout)["valid"] is True, result.stdout[:2000]


# --------------------------------------------------------------------------- the calendar's edges

EXTREMES = ("0001-01-01", "0001", "9999-12-31", "9999")


@pytest.mark.parametrize("extreme", EXTREMES)
def test_dates_at_the_calendars_edges_read_back_clean_in_every_writer(
    write_fact_base: Callable[..., Path], runner: CliRunner, extreme: str
) -> None:
    """An event and a site's row dated at either end of the calendar, in full or as a year alone: every
    format of the commands that show them writes them, and each reads back (test_calendar_edges.py runs
    every date field through one format per kind)."""

    def edged(data: dict[str, Any]) -> None:
        data["events"][0]["date"] = extreme
        data["bases"][0]["presence"][0]["date"] = extreme

    path = write_fact_base(edged)
    for command in ("timeline", "bases"):
        for format in formats_of(command):
            chart = ["--chart"] if WRITERS[format].kind == "chart" else []
            result = runner.invoke(app, [command, *chart, "--data", str(path), "--format", format])
            assert result.exit_code == 0, (command, format, result.output)
            CHECKS[format](result.stdout_bytes)
            if format == "xlsx" and command == "timeline":
                book = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
                dates = [cell for cell in book.worksheets[0]["A"] if cell.value == extreme]
                assert dates and all(cell.data_type == "s" for cell in dates)
            if format == "csv" and command == "timeline":
                rows = list(csv.DictReader(io.StringIO(result.stdout)))
                [row] = [row for row in rows if row["date"] == extreme]
                assert row["date_from"] == ("0001-01-01" if extreme.startswith("0001") else row["date_from"])
                assert row["date_to"] == ("9999-12-31" if extreme.startswith("9999") else row["date_to"])
