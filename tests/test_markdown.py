"""--format md, read back with an independent parser (markdown-it-py, CommonMark with GFM tables)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import say
from minusma.output.md import WIDEST, _cells, cell, inline, paragraph
from minusma.output.md import document as markdown_document
from minusma.sheets import Column, Sheet


def parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def text_of(inline_token: Token) -> str:
    """What a reader sees in an inline run; any markup but a line break or a link fails the test."""
    parts = []
    for child in inline_token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "hardbreak" or (child.type == "html_inline" and child.content == "<br>"):
            parts.append("\n")
        elif child.type in ("link_open", "link_close"):  # an address in a cell: its text is the address
            continue
        else:
            raise AssertionError(f"markup in plain text: {child.type} {child.content!r}")
    return "".join(parts)


class Document:
    """The tables, headings and reference list of a Markdown document, as a reader sees them."""

    def __init__(self, source: str) -> None:
        tokens = parser().parse(source)
        self.tables: list[list[list[str]]] = []
        self.headings: list[str] = []
        self.references: list[str] = []
        self.paragraphs: list[str] = []
        row: list[str] | None = None
        in_list = False
        for index, token in enumerate(tokens):
            if token.type == "table_open":
                self.tables.append([])
            elif token.type == "tr_open":
                row = []
            elif token.type == "tr_close" and row is not None:
                self.tables[-1].append(row)
            elif token.type == "inline" and tokens[index - 1].type in ("th_open", "td_open") and row is not None:
                row.append(text_of(token))
            elif token.type == "heading_open":
                self.headings.append(tokens[index + 1].content)
            elif token.type == "ordered_list_open":
                in_list = True
            elif token.type == "inline" and in_list:
                links = [child.attrs["href"] for child in token.children or [] if child.type == "link_open"]
                self.references.append(str(links[0]) if links else "")
            elif token.type == "inline" and tokens[index - 1].type == "paragraph_open":
                self.paragraphs.append(text_of(token))


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout


def test_timeline_rows_and_references_read_back(runner: CliRunner) -> None:
    arguments = ["timeline", "--from", "2016", "--to", "2018-06", "--category", "resolution"]
    facts = json.loads(run(runner, *arguments, "--json"))
    document = Document(run(runner, *arguments, "--format", "md"))
    assert document.headings == ["Timeline", "Sources"]
    [table] = document.tables
    header, *rows = table
    assert header == ["Date", "Category", "Place", "Event", "Sources"]
    assert [row[0] for row in rows] == [event["date"] for event in facts["events"]]
    assert [row[1] for row in rows] == ["resolution"] * len(facts["events"])
    assert [row[2] for row in rows] == ["-"] * len(facts["events"])  # a resolution names no place
    urls = {source["id"]: source["url"] for source in facts["sources"]}
    for row, event in zip(rows, facts["events"], strict=True):
        assert row[3].startswith(event["text"]["en"])
        numbers = [int(reference.strip("[] ")) for reference in row[4].split(",")]
        assert [document.references[number - 1] for number in numbers] == [urls[id] for id in event["sources"]]
    assert len(document.references) == len(facts["sources"])


def test_approximations_keep_their_marks_and_the_legend_follows(runner: CliRunner) -> None:
    document = Document(run(runner, "troops", "--compare", "--format", "md"))
    [table] = document.tables
    header, *rows = table
    assert header[:6] == ["Date", "Claim", "Basis", "Counts", "Deployed", "Ceiling"]
    assert rows[0][:6] == ["2013-07-01", "*", "", "uniformed", "~6,200", "12,640"]
    assert ["2016", "*", "μ", "military", "~10,922", "11,240", "-"] in [row[:7] for row in rows]  # a yearly mean
    assert any(paragraph.startswith("μ the mission's mean over the year") for paragraph in document.paragraphs)
    assert any(paragraph.startswith("~ about") for paragraph in document.paragraphs)
    assert "* the preferred claim where sources disagree (see 'reason' in --json)" in document.paragraphs


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_computed_figures_are_explained_below_their_table(runner: CliRunner, lang: str) -> None:
    document = Document(run(runner, "troops", "--compare", "--format", "md", "--lang", lang))
    [table] = document.tables
    marked = [cell for row in table[1:] for cell in row if cell.startswith("Σ")]
    assert len(marked) >= 5  # the 2014-05-26 and 2015-03 uniformed totals, among others
    assert say("computed_note", lang) in document.paragraphs  # the terminal table's own words
    assert document.paragraphs.index(say("computed_note", lang)) > 0


def test_the_sigma_legend_follows_exactly_the_tables_with_a_computed_figure() -> None:
    columns = (Column("date", "Date", "date"), Column("deployed", "Deployed", "quantity"))
    stated = Sheet("stated", "Stated", columns, [("2014", {"value": 9259, "qualifier": "exact"})])
    computed = Sheet(
        "computed", "Computed", columns, [("2014", {"value": 9259, "qualifier": "exact", "formula": "a + b"})]
    )
    for sheets, expected in (([stated], 0), ([computed], 1), ([stated, computed, stated], 1)):
        parsed = Document("\n".join(markdown_document(sheets, {}, "en")))
        assert parsed.paragraphs.count(say("computed_note", "en")) == expected
    parsed = Document("\n".join(markdown_document([computed, stated], {}, "en")))
    assert parsed.paragraphs == [say("computed_note", "en")]
    assert [row[1] for table in parsed.tables for row in table[1:]] == ["Σ9,259", "9,259"]


def test_validate_lists_problems_as_a_table(runner: CliRunner, write_fact_base: Callable[..., Path]) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["sources"] = ["ghost"]

    result = runner.invoke(app, ["validate", str(write_fact_base(mutate)), "--format", "md"])
    assert result.exit_code == 1, result.output
    [table] = Document(result.stdout).tables
    assert table[0] == ["Severity", "Location", "Line", "Problem"]
    assert any("ghost" in row[3] for row in table[1:])


def test_tables_that_list_sources_themselves_get_no_reference_list(runner: CliRunner) -> None:
    document = Document(run(runner, "sources", "--format", "md"))
    assert document.headings == ["Sources"] and not document.references


def test_an_address_in_a_cell_is_a_link_to_it(runner: CliRunner) -> None:
    facts = json.loads(run(runner, "sources", "--json"))
    tokens = parser().parse(run(runner, "sources", "--format", "md"))
    links = [
        child.attrs["href"]
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "link_open"
    ]
    assert [unquote(str(link)) for link in links] == [unquote(source["url"]) for source in facts["sources"]]


HOSTILE = "a | b\nc <script>alert(1)</script> ~~struck~~ *em* _u_ `code` [link](http://x) &amp; # tag\n- not a list"


def test_markup_in_the_fact_base_reads_back_as_text(runner: CliRunner, write_fact_base: Callable[..., Path]) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["text"]["en"] = HOSTILE

    path = write_fact_base(mutate)
    document = Document(run(runner, "timeline", "--to", "2012-03", "--data", str(path), "--format", "md"))
    [table] = document.tables
    assert table[1][3] == HOSTILE  # after date, category and place


def test_no_pipe_table_for_a_sheet_without_rows(runner: CliRunner) -> None:
    document = Document(run(runner, "timeline", "--from", "2099", "--format", "md"))
    assert document.tables == []
    assert "No events match these filters." in document.paragraphs


def test_md_is_refused_where_a_command_cannot_print_it(runner: CliRunner) -> None:
    for args in (["schema", "--format", "md"], ["troops", "--chart", "--format", "md"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output


# Text a fact base may hold: anything printable, newlines and tabs (the schema rejects control characters).
facts_text = st.text(st.characters(blacklist_categories=("Cc", "Cs")) | st.sampled_from("\n\t|\\*_[]<>#`~&;"))


def _cell_document(text: str) -> Document:
    return Document(f"| h |\n| --- |\n| {cell(text)} |\n")


@given(facts_text.filter(lambda text: not re.fullmatch(r"https?://\S+", text)))  # an address is a link: below
def test_any_text_in_a_cell_reads_back_as_itself(text: str) -> None:
    expected = "\n".join(line.replace("\t", " ").strip() for line in text.split("\n"))
    [table] = _cell_document(text).tables
    assert table[1] == [expected]


@given(facts_text.filter(lambda text: text.strip() != ""))
def test_any_text_in_a_paragraph_reads_back_as_itself(text: str) -> None:
    lines = [line.replace("\t", " ").strip() for line in text.split("\n")]
    expected = "\n".join(line for line in lines if line)
    document = Document(paragraph(text) + "\n")
    assert document.tables == [] and document.headings == []
    assert document.paragraphs == [expected]


def test_paired_marks_are_escaped_only_in_pairs() -> None:
    assert inline("~6,200") == "~6,200"
    assert inline("~6,200 to ~6,500") == "\\~6,200 to \\~6,500"
    assert inline("US$933 and $1") == "US\\$933 and \\$1"
    assert inline("50%% off == half") == "50%\\% off =\\= half"


@given(st.lists(st.text(alphabet=st.sampled_from("ab é|*_<>&~$%=#@\n\t\x1b https://x.org/"), max_size=30), max_size=8))
def test_a_column_is_escaped_as_each_of_its_cells_would_be(texts: list[str]) -> None:
    assert _cells(texts) == [cell(text) for text in texts]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("10~15 km a day\nand 20~30 km", "10\\~15 km a day{break}and 20\\~30 km"),
        ("$x to\ny$", "\\$x to{break}y\\$"),
        ("2^8\nand 2^9", "2\\^8{break}and 2\\^9"),
        ("~6,200\nabout", "~6,200{break}about"),  # one mark in the whole text pairs with nothing
    ],
)
def test_a_pair_split_over_two_lines_is_escaped(text: str, shown: str) -> None:
    """Issue 21 item 8: GitHub strikes through ~a\\nb~ and Pandoc reads $a\\nb$ as maths, across the line break."""
    assert cell(text) == shown.replace("{break}", "<br>")
    assert paragraph(text) == shown.replace("{break}", "\\\n")


SEPARATOR = re.compile(r"^\|(?: -+:? \|)+$")

TABLE_COMMANDS = [
    ["timeline", "--from", "2013", "--to", "2016"],
    ["troops", "--compare"],
    ["troops", "--compare", "--lang", "fr"],
    ["leaders", "--lang", "nl"],
    ["sources"],
    ["casualties"],
    ["at", "2016-07-06"],
]


def separators(source: str) -> list[list[str]]:
    """Each table's separator row, cell by cell, as written."""
    return [
        [part.strip() for part in line.strip("|").split("|")] for line in source.split("\n") if SEPARATOR.match(line)
    ]


@pytest.mark.parametrize("args", TABLE_COMMANDS)
def test_separator_cells_are_as_wide_as_their_columns(runner: CliRunner, args: list[str]) -> None:
    """Issue 20 item 3: the dashes follow the widest cell a reader sees (at least 3, at most WIDEST),
    so Pandoc gives Word proportional columns; figures are right-aligned."""
    source = run(runner, *args, "--format", "md")
    document = Document(source)
    rows = separators(source)
    assert len(rows) == len(document.tables) > 0
    for separator, table in zip(rows, document.tables, strict=True):
        assert len(separator) == len(table[0])
        for position, dashes in enumerate(separator):
            widest = max(len(line) for row in table for line in row[position].split("\n"))
            assert len(dashes) == max(3, min(WIDEST, widest)), (table[0][position], dashes, widest)
            figures = [row[position] for row in table[1:] if row[position] not in ("", "-")]
            numeric = all(re.search(r"\d", figure) for figure in figures)  # a column of "-" only is numeric too
            if dashes.endswith(":"):
                assert numeric, table[0][position]
    uneven = [separator for separator in rows if len(set(map(len, separator))) > 1]
    assert uneven  # not every column the same width


def test_figures_are_right_aligned(runner: CliRunner) -> None:
    assert separators(run(runner, "troops", "--compare", "--format", "md"))[0] == [
        "-" * 10, "-----", "-----", "-" * 13, "-------:", "------:", "-----:", "-" * 13,
    ]  # fmt: skip


def test_a_long_column_is_capped_and_a_short_one_keeps_three_dashes() -> None:
    columns = (Column("id", "N", "id"), Column("text", "Text"), Column("value", "V", "number"))
    sheet = Sheet("s", "S", columns, [("a", "word " * 50, 1), ("b", "line one\nline", 22)])
    [separator] = separators("\n".join(markdown_document([sheet], {}, "en")))
    assert separator == ["---", "-" * WIDEST, "--:"]
    sheet = Sheet("s", "S", columns, [("abcd", "a much longer line\nshort", 12345)])
    [separator] = separators("\n".join(markdown_document([sheet], {}, "en")))
    assert separator == ["----", "-" * len("a much longer line"), "-----:"]


PANDOC = shutil.which("pandoc")


@pytest.mark.skipif(PANDOC is None, reason="pandoc is not installed")
def test_pandoc_gives_word_proportional_columns(runner: CliRunner, tmp_path: Path) -> None:
    """Converted by Pandoc to a Word document, the timeline's columns are as wide as their dashes say."""
    assert PANDOC is not None
    source = run(runner, "timeline", "--from", "2013", "--to", "2016", "--format", "md")
    [separator] = separators(source)
    (tmp_path / "timeline.md").write_text(source, encoding="utf-8")
    subprocess.run(
        [PANDOC, "-f", "markdown", "-t", "docx", "-o", str(tmp_path / "timeline.docx"), str(tmp_path / "timeline.md")],
        check=True,
        timeout=120,
    )
    xml = zipfile.ZipFile(tmp_path / "timeline.docx").read("word/document.xml").decode("utf-8")
    grid = [int(width) for width in re.findall(r'<w:gridCol w:w="(\d+)"', xml)]
    assert len(grid) == len(separator)
    dashes = [len(cell) for cell in separator]
    for width, count in zip(grid, dashes, strict=True):
        assert abs(width / sum(grid) - count / sum(dashes)) < 0.01, (grid, dashes)
    assert grid[0] / sum(grid) > 0.08  # a date column wide enough for 2013-07-01
