"""One list per idea, proven: a writer or a language registered at run time works everywhere.

The recipes in docs/development.md promise that a new format is one writer module registered in
``output.WRITERS`` and a new language one catalogue with its line in ``messages.LANGS``
(plus the fact texts). These tests register a toy of each while the tool runs and use it
through every command; and they check that the lists the model and its schemas keep of the
languages agree with ``LANGS``.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import sys
import types
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, get_args

import openpyxl
import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from minusma import cli, load
from minusma.cli import PRINTS, app, formats_of
from minusma.core_schema import CORE_SCHEMA
from minusma.messages import LANGS, Lang, Language, catalogue, language_name
from minusma.messages.countries import COUNTRIES
from minusma.model import Text, country_names, json_schema
from minusma.output import WRITERS, Writer, formats
from minusma.output.csv import table
from minusma.output.stream import write_text
from minusma.output.view import View

REPO = Path(__file__).resolve().parents[1]
ARGUMENTS = {"at": ["2016-07-06"], "search": ["Gao"], "show": ["res-2100"], "cite": ["res-2100"]}
"""What a command needs on its command line to print something; every other needs nothing."""


def _arguments(name: str, tmp_path: Path) -> list[str]:
    return [str(tmp_path / "package")] if name == "export" else ARGUMENTS.get(name, [])


# --------------------------------------------------------------------------- a toy writer


def _write_tsv(view: View[Any], lang: Lang) -> None:
    header, rows = table(view.sheets(lang))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerows([["TSV", *header], *(["", *row] for row in rows)])
    write_text(buffer.getvalue())


@pytest.fixture
def tsv(monkeypatch: pytest.MonkeyPatch) -> str:
    """A format no release has, registered the way docs/development.md says: one module, one line in WRITERS.
    Its name is one no writer will take (a real ``tsv`` writer must not collide with the toy)."""
    module = types.ModuleType("toy_tsv_writer")
    module.write = _write_tsv  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "toy_tsv_writer", module)
    monkeypatch.setitem(WRITERS, "toytsv", Writer("toy_tsv_writer", "tables"))
    return "toytsv"


TABLE_COMMANDS = sorted(name for name, prints in PRINTS.items() if "tables" in prints.kinds)


def test_every_command_that_prints_tables_is_found() -> None:
    assert {"about", "timeline", "troops", "dutch", "sources", "show", "validate"} <= set(TABLE_COMMANDS)
    assert "cite" not in TABLE_COMMANDS and "schema" not in TABLE_COMMANDS


@pytest.mark.parametrize("name", TABLE_COMMANDS)
def test_a_writer_registered_at_run_time_prints_every_table_command(
    runner: CliRunner, tsv: str, name: str, tmp_path: Path
) -> None:
    """Every command that prints tables accepts the new format, lists it in --help and prints
    through it: the same rows as its CSV, read back by a TSV reader."""
    assert tsv in formats_of(name)
    shown = " ".join(runner.invoke(app, [name, "--help"]).stdout.split())
    assert f"{formats('tables')[-2]}, {tsv}" in shown  # after the shipped writers of tables
    result = runner.invoke(app, [name, *_arguments(name, tmp_path), "--format", tsv])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout), delimiter="\t"))
    assert rows[0][0] == "TSV" and all(row[0] == "" for row in rows[1:])
    as_csv = runner.invoke(app, [name, *_arguments(name, tmp_path), "--csv"])
    assert [row[1:] for row in rows] == list(csv.reader(io.StringIO(as_csv.stdout)))


def test_a_writer_registered_at_run_time_is_in_the_top_level_help_and_nowhere_it_does_not_fit(
    runner: CliRunner, tsv: str
) -> None:
    shown = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    before = formats("tables")[-2]
    gloss = WRITERS[before].gloss
    assert f"{before}{f' ({gloss})' if gloss else ''} or {tsv};" in shown
    for name in sorted(set(PRINTS) - set(TABLE_COMMANDS)):
        assert tsv not in formats_of(name)
    result = runner.invoke(app, ["cite", "--format", tsv])
    assert result.exit_code == 2 and "cannot print" in result.stderr


def test_the_formats_help_lists_come_from_the_registry(runner: CliRunner) -> None:
    """Without a toy, the help texts list exactly the registry's formats of each kind."""
    shown = " ".join(runner.invoke(app, ["--help"]).stdout.split())
    tables = [f"{name} ({WRITERS[name].gloss})" if WRITERS[name].gloss else name for name in formats("tables")]
    assert f"Output format: {', '.join(tables[:-1])} or {tables[-1]};" in shown
    assert f"cite: {', '.join(formats('citations'))} or json" in shown
    for name in PRINTS:
        if len(formats_of(name)) > 1:
            assert ", ".join(formats_of(name)) in " ".join(runner.invoke(app, [name, "--help"]).stdout.split())


# --------------------------------------------------------------------------- every writer read back


class _Headings(HTMLParser):
    """Headings and table captions (a caption's title, before its intro paragraph) in document
    order, read by the standard library's HTML parser. A caption whose title is there for screen
    readers only (the page's heading says it) is no heading of its own."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[str] = []
        self._open = False
        self._hidden = False

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("caption", "h1", "h2", "h3"):
            self.headings.append("")
            self._open = True
        elif tag == "p":
            self._open = False
        elif tag == "span" and ("class", "hidden") in attrs:
            self._hidden = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self._hidden = False
        if tag in ("caption", "h1", "h2", "h3"):
            self._open = False
            if tag == "caption" and not self.headings[-1].strip():
                self.headings.pop()

    def handle_data(self, data: str) -> None:
        if self._open and not self._hidden:
            self.headings[-1] += data


def _md_headings(text: str) -> list[str]:
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    return [
        "".join(child.content for child in tokens[index + 1].children or [] if child.type in ("text", "code_inline"))
        for index, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


def _html_headings(text: str) -> list[str]:
    parser = _Headings()
    parser.feed(text)
    parser.close()
    return [heading.strip() for heading in parser.headings]


def _xlsx_titles(data: bytes) -> list[str]:
    """Each worksheet's title: the bold line under its table (the filter's range says where the table
    ends; a sheet of text alone starts with it), else its name (the list of sources); every table
    starts at A1 with a bold, frozen header."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    titles = []
    for worksheet in book.worksheets:
        last_row = -1
        if worksheet.auto_filter.ref:
            assert worksheet.freeze_panes == "A2" and worksheet["A1"].font.bold, worksheet.title
            last_row = int(str(worksheet.auto_filter.ref).rsplit(":", 1)[-1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        title = worksheet.cell(row=last_row + 2, column=1)
        assert title.value is None or title.font.bold
        titles.append(worksheet.title if title.value is None else title.value)
    return titles


def _text(read: Callable[[str], Any]) -> Callable[[bytes], Any]:
    return lambda data: read(data.decode("utf-8"))


READ_BACK: dict[str, Callable[[bytes], Any]] = {
    "table": _text(lambda text: text.splitlines()[0]),
    "json": _text(json.loads),
    "csv": _text(lambda text: list(csv.reader(io.StringIO(text, newline="")))),
    "md": _text(_md_headings),
    "html": _text(_html_headings),
    "xlsx": _xlsx_titles,
}
"""Each writer of tables read back by an independent parser from the bytes it wrote: a new writer adds its reader here."""


def test_every_writer_of_tables_has_a_reader() -> None:
    assert set(READ_BACK) == set(formats("tables"))


@pytest.mark.parametrize("name", TABLE_COMMANDS)
def test_every_command_in_every_writer_of_tables_reads_back_alike(runner: CliRunner, name: str, tmp_path: Path) -> None:
    """The same sheets in every format: Markdown's headings are HTML's headings and captions and the
    workbook's titles, the table's first line is the first of them, CSV is rectangular with a table
    column, JSON parses."""
    read: dict[str, Any] = {}
    for format in formats("tables"):
        result = runner.invoke(app, [name, *_arguments(name, tmp_path), "--format", format], env={"COLUMNS": "400"})
        assert result.exit_code in (0, 1) and result.stdout, (format, result.output)  # validate exits 1 on errors
        read[format] = READ_BACK[format](result.stdout_bytes)
    assert read["md"] and read["md"] == read["html"] == read["xlsx"]
    assert read["table"] == read["md"][0]
    header, *rows = read["csv"]
    assert header[0] == "table" and all(len(row) == len(header) for row in rows)
    assert isinstance(read["json"], dict)


# --------------------------------------------------------------------------- a toy language


def _with_language(value: Any, code: str) -> Any:
    """The fact base with a text in ``code`` beside every English one (the English words, tagged)."""
    if isinstance(value, dict):
        if set(value) == set(LANGS) - {code} and all(isinstance(text, str) for text in value.values()):
            return {**value, code: f"[{code}] {value['en']}"}
        return {key: _with_language(item, code) for key, item in value.items()}
    if isinstance(value, list):
        return [_with_language(item, code) for item in value]
    return value


@pytest.fixture
def xx(monkeypatch: pytest.MonkeyPatch) -> str:
    """A language no release has: a copy of the English catalogue, registered in LANGS, and
    a fact base whose every text has it too."""
    module = types.ModuleType("toy_xx_messages")
    module.MESSAGES = dict(catalogue("en"))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "toy_xx_messages", module)
    monkeypatch.setitem(LANGS, "xx", Language("toy_xx_messages", "Xx", "'", ",", " %", lambda n: "one"))  # type: ignore[index]
    shipped = load.load(None)
    with_xx = _with_language(copy.deepcopy(dict(shipped)), "xx")
    monkeypatch.setattr(cli, "load", lambda path: with_xx)
    return "xx"


COMMANDS = sorted(PRINTS)


@pytest.mark.parametrize("name", COMMANDS)
def test_a_language_registered_at_run_time_runs_every_command(
    runner: CliRunner, xx: str, name: str, tmp_path: Path
) -> None:
    """Every command, in every format it prints but the images, in the new language: nothing crashes,
    and numbers follow the language's own style."""
    for format in formats_of(name):
        if WRITERS[format].kind == "chart":
            continue
        (tmp_path / format).mkdir()
        target = _arguments(name, tmp_path / format)
        result = runner.invoke(app, [name, *target, "--format", format, "--lang", xx])
        assert result.exit_code == 0, (format, result.output)
    help_text = runner.invoke(app, [name, "--help", "--lang", xx])
    codes = list(LANGS)
    assert codes[-1] == xx and help_text.exit_code == 0
    assert f"{', '.join(codes[:-1])} or {xx}" in " ".join(help_text.stdout.split())


def test_a_language_registered_at_run_time_has_its_number_style(runner: CliRunner, xx: str) -> None:
    result = runner.invoke(app, ["troops", "--lang", xx], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "11'200   1'440  12'640" in result.stdout  # thousands grouped the toy's way


# --------------------------------------------------------------------------- the lists agree


def test_the_language_type_and_table_agree() -> None:
    assert tuple(LANGS) == get_args(Lang)
    for code, language in LANGS.items():
        assert language.catalogue == f"minusma.messages.{code}"


def test_text_and_its_schemas_name_every_language() -> None:
    """model.Text, the JSON Schema (shipped and generated) and the stored core schema follow LANGS."""
    assert list(Text.__annotations__) == list(LANGS)
    shipped = json.loads((REPO / "data" / "minusma.schema.json").read_text(encoding="utf-8"))
    for schema in (json_schema(), shipped):
        assert list(schema["$defs"]["Text"]["properties"]) == list(LANGS)
        assert schema["$defs"]["Text"]["required"] == list(LANGS)
    core = json.loads(CORE_SCHEMA)
    texts = [item for item in core["definitions"] if item.get("ref", "").split(":")[0].endswith("Text")]
    assert texts and all(list(item["fields"]) == list(LANGS) for item in texts)


@pytest.mark.parametrize("missing", list(LANGS))
def test_validate_names_a_missing_language_in_every_language(
    runner: CliRunner, write_fact_base: Any, missing: str
) -> None:
    path = write_fact_base(lambda data: data["events"][0]["text"].pop(missing))
    for lang in LANGS:
        result = runner.invoke(app, ["validate", str(path), "--json", "--lang", lang])
        assert result.exit_code == 1, result.output
        [problem] = [
            item for item in json.loads(result.stdout)["problems"] if item["path"].endswith(f".text.{missing}")
        ]
        assert language_name(missing, lang) in problem["message"]
        assert all(code in problem["message"] for code in LANGS)


# --------------------------------------------------------------------------- countries


def test_every_country_has_an_english_name_and_no_catalogue_holds_one() -> None:
    """English at least (what a language without a name shows), and only languages of the tool."""
    for code, names in COUNTRIES.items():
        # ISO 3166-1 alpha-3, or Geo-PKO's "multinational" (units of several countries at one site)
        assert (len(code) == 3 and code.isupper()) or code == "multinational", code
        assert "en" in names and set(names) <= set(LANGS) and all(name.strip() for name in names.values()), code
        assert all(country_names(code)[lang] == names.get(lang, names["en"]) for lang in LANGS)
    for lang in LANGS:
        assert not [key for key in catalogue(lang) if key.startswith("country.")]


@pytest.mark.parametrize(
    ("code", "known"), [("TCD", True), ("GMB", True), ("MLI", True), ("XXX", False), ("ZZZ", False)]
)
def test_a_country_code_is_known_when_the_table_of_countries_has_it(
    runner: CliRunner, write_fact_base: Any, code: str, known: bool
) -> None:
    def recode(data: dict[str, Any]) -> None:
        data["contributions"][0]["country"] = code

    result = runner.invoke(app, ["validate", str(write_fact_base(recode)), "--json"])
    problems = [item for item in json.loads(result.stdout)["problems"] if item["path"] == "contributions[0].country"]
    if known:
        assert not problems
    else:
        assert problems and "countries.py" in problems[0]["message"] and result.exit_code == 1
