"""Excel workbooks (--format xlsx): typed cells, read back with openpyxl and as the raw XML Excel reads;
text that is never a formula, characters XML cannot hold shown as escapes, never written to a terminal,
and a clear message where the optional extra is missing."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from installed import in_terminal, minusma_command
from minusma.cli import app
from minusma.output.xlsx import NAME_LONGEST, sheet_name


def _book(runner: CliRunner, *args: str) -> openpyxl.Workbook:
    result = runner.invoke(app, [*args, "--format", "xlsx"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(b"PK\x03\x04")
    return openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))


def _column(worksheet: Any, name: str) -> list[Any]:
    """The cells under the header ``name``, down to the end of the table (the filter's range)."""
    headers = [cell.value for cell in worksheet[1]]
    last_row = int(re.sub(r"^.*[A-Z]", "", str(worksheet.auto_filter.ref)))
    position = headers.index(name) + 1
    return [worksheet.cell(row=row, column=position) for row in range(2, last_row + 1)]


def _xml_cells(data: bytes) -> list[tuple[str, str | None, bool]]:
    """Every cell of every worksheet as Excel reads it: its reference, its type (``t``), and whether it holds a formula."""
    import xml.etree.ElementTree as ElementTree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/sheet"):
                root = ElementTree.fromstring(archive.read(name))
                for cell in root.iter(f"{main}c"):
                    found.append((cell.get("r", ""), cell.get("t"), cell.find(f"{main}f") is not None))
    return found


# --------------------------------------------------------------------------- typed cells


def test_figures_are_numbers_with_their_marks_and_dates_stay_text(runner: CliRunner) -> None:
    book = _book(runner, "troops", "--compare")
    compared = book.worksheets[0]
    assert compared["A1"].font.bold and compared.freeze_panes == "A2"
    dates = _column(compared, "Date")
    assert {cell.data_type for cell in dates} == {"s"}  # never an Excel date
    assert {"2013-07-01", "2013-09"} <= {cell.value for cell in dates}  # a day and a month in one column
    deployed = _column(compared, "Deployed")
    qualifiers = _column(compared, "Deployed (Qualifier)")
    first = deployed[0]
    assert first.data_type == "n" and first.value == 6200 and first.number_format == '"~"#,##0'
    assert qualifiers[0].value == "about"
    exact = next(index for index, cell in enumerate(deployed) if cell.number_format == "#,##0")
    assert isinstance(deployed[exact].value, int) and qualifiers[exact].value is None
    computed = [cell for cell in deployed if cell.number_format.startswith('"Σ')]
    formulas = [cell.value for cell in _column(compared, "Deployed (Σ)") if cell.value is not None]
    assert computed and len(formulas) == len(computed) and all("+" in formula for formula in formulas)
    fill = _column(compared, "Fill")[0]
    assert fill.data_type == "n" and 0 < fill.value < 1 and fill.number_format == '"~"0.0%'
    widths = {key: dimension.width for key, dimension in compared.column_dimensions.items()}
    assert len(widths) == compared.max_column and all(6 <= width <= 60 for width in widths.values())


def test_the_sources_sheet_lists_every_source_the_rows_cite(runner: CliRunner) -> None:
    book = _book(runner, "troops", "--compare")
    sources = book.worksheets[-1]
    assert sources.title == "Sources" and [cell.value for cell in sources[1]] == ["Id", "Title", "Publisher", "URL"]
    listed = [cell.value for cell in _column(sources, "Id")]
    cited = {
        source.strip()
        for cell in _column(book.worksheets[0], "Sources")
        if cell.value
        for source in str(cell.value).split(",")
    }
    assert cited <= set(listed) and len(listed) == len(set(listed))
    assert all(str(cell.value).startswith("http") for cell in _column(sources, "URL"))


def test_notes_legend_and_full_title_stand_under_the_table(runner: CliRunner) -> None:
    book = _book(runner, "troops", "--compare", "--lang", "fr")
    compared = book.worksheets[0]
    last_row = int(re.sub(r"^.*[A-Z]", "", str(compared.auto_filter.ref)))
    assert compared.cell(row=last_row + 1, column=1).value is None
    below = [compared.cell(row=row, column=1).value for row in range(last_row + 2, compared.max_row + 1)]
    assert below[0].startswith(compared.title) and len(compared.title) <= NAME_LONGEST
    assert any(str(line).startswith("Σ") for line in below) and any("environ" in str(line) for line in below)


def test_a_cell_that_is_a_number_in_the_result_is_a_number(runner: CliRunner) -> None:
    book = _book(runner, "budget")
    numbers = [cell for worksheet in book.worksheets for row in worksheet.iter_rows() for cell in row]
    assert any(cell.data_type == "n" and isinstance(cell.value, int) and cell.value > 1_000_000 for cell in numbers)


def test_the_same_result_gives_the_same_bytes(runner: CliRunner) -> None:
    runs = [runner.invoke(app, ["timeline", "--format", "xlsx"]).stdout_bytes for _ in range(2)]
    assert runs[0] == runs[1]
    with zipfile.ZipFile(io.BytesIO(runs[0])) as archive:
        assert {entry.date_time for entry in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# --------------------------------------------------------------------------- hostile text

FORMULAS = ['=HYPERLINK("https://evil.example","click")', "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1+1"]


def test_text_that_looks_like_a_formula_stays_text(write_fact_base: Callable[..., Path], runner: CliRunner) -> None:
    def hostile(data: dict[str, Any]) -> None:
        for event, formula in zip(data["events"], FORMULAS, strict=False):
            event["text"] = dict.fromkeys(event["text"], formula)
        data["sources"][0]["title"] = "=cmd|' /C calc'!A0"
        data["sources"][0]["publisher"] = "@publisher"

    path = write_fact_base(hostile)
    for command in (["timeline"], ["sources"]):
        result = runner.invoke(app, [*command, "--data", str(path), "--format", "xlsx"])
        assert result.exit_code == 0, result.output
        assert not [cell for cell in _xml_cells(result.stdout_bytes) if cell[2]]  # no formula anywhere
        book = openpyxl.load_workbook(io.BytesIO(result.stdout_bytes))
        texts = {cell.value: cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row}
        expected = FORMULAS if command == ["timeline"] else ["=cmd|' /C calc'!A0", "@publisher"]
        for formula in expected:
            assert texts[formula].data_type == "s", formula
            assert texts[formula].quotePrefix  # edited in a spreadsheet, it stays text


HOSTILE_ARGUMENTS = ["Gao\x1b]0;pwned\x07", "Gao\u202egnp.exe", "Gao\x00\x0b\x0c", "Gao\ufffe\uffff"]
"""A search query's words are joined by single spaces (a line separator is a space there): the fact base
brings U+2028 (below)."""


@pytest.mark.parametrize("query", HOSTILE_ARGUMENTS, ids=ascii)
def test_characters_xml_cannot_hold_are_shown_as_escapes(runner: CliRunner, query: str) -> None:
    """openpyxl refuses control characters (IllegalCharacterError) and writes U+FFFE and U+FFFF, which no XML
    reader takes: each is shown as its escape, as in every other format, and the workbook opens."""
    book = _book(runner, "search", query)
    cells = [str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value]
    title = next(cell for cell in cells if cell.startswith("Search results for"))
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]", title)
    assert "Gao\\" in title


def test_a_text_with_a_noncharacter_in_the_fact_base_is_escaped(
    write_fact_base: Callable[..., Path], runner: CliRunner
) -> None:
    path = write_fact_base(
        lambda data: data["events"][0].update(text=dict.fromkeys(data["events"][0]["text"], "A\uffffB\u2028C"))
    )
    book = _book(runner, "timeline", "--data", str(path))
    texts = [cell.value for row in book.worksheets[0].iter_rows() for cell in row]
    assert "A\\uffffB\\u2028C" in texts


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Troop strength [2013/2023]: who? *all*", "Troop strength 2013 2023 who al"),
        ("x" * 40, "x" * NAME_LONGEST),
        ("'quoted'", "quoted"),
        ("History", "key"),
        ("", "key"),
        ("\x1b[31m", "x1b 31m"),
        ("a" * 30 + "\U0001f600", "a" * 30),  # an emoji is two of Excel's 31
    ],
    ids=ascii,
)
def test_a_worksheet_name_is_one_excel_takes(title: str, expected: str) -> None:
    name = sheet_name(title, "key", set())
    assert name == expected
    assert len(name.encode("utf-16-le")) // 2 <= NAME_LONGEST and not re.search(r"[\[\]:*?/\\]", name)


def test_worksheet_names_are_unique_whatever_their_case() -> None:
    used: set[str] = set()
    names = [sheet_name(title, "key", used) for title in ("Sources", "sources", "SOURCES", "y" * 40, "y" * 35)]
    assert names == ["Sources", "sources (2)", "SOURCES (3)", "y" * 31, "y" * 27 + " (2)"]


# --------------------------------------------------------------------------- where it goes


def test_a_workbook_is_never_written_to_a_terminal(tmp_path: Path) -> None:
    code, shown = in_terminal("about", "--format", "xlsx", cwd=tmp_path)
    assert code == 2, shown
    assert "> about.xlsx" in shown and "--output about.xlsx" in shown and "PK" not in shown
    assert list(tmp_path.iterdir()) == []


def test_the_installed_command_writes_a_workbook_to_a_file(tmp_path: Path) -> None:
    code, shown = in_terminal("timeline", "--format", "xlsx", "--lang", "fr", "--output", "t.xlsx", cwd=tmp_path)
    assert code == 0 and shown == "", shown
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert [cell.value for cell in book.worksheets[0][1]][:2] == ["Date", "Catégorie"]
    assert book.worksheets[-1].title == "Sources"
    piped = subprocess.run(
        [*minusma_command(), "timeline", "--format", "xlsx", "--lang", "fr"], capture_output=True, check=False
    )
    assert piped.returncode == 0 and piped.stdout == (tmp_path / "t.xlsx").read_bytes()


def test_without_openpyxl_the_message_names_the_install_command(tmp_path: Path) -> None:
    script = "import sys; sys.modules['openpyxl'] = None; from minusma.entry import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, "about", "--format", "xlsx", "--lang", "nl", "--output", "a.xlsx"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "minusma: --format xlsx heeft openpyxl nodig, een optioneel onderdeel van minusma: pip install 'minusma[xlsx]'\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_other_paths_do_not_import_openpyxl() -> None:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "minusma", "troops", "--compare", "--format", "csv"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.decode().splitlines() if "|" in line}
    assert "minusma.cli" in imported and not {name for name in imported if name.split(".")[0] == "openpyxl"}


# --------------------------------------------------------------------------- Excel's limits


def test_a_text_longer_than_a_cell_holds_is_cut_and_says_so(
    write_fact_base: Callable[..., Path], runner: CliRunner
) -> None:
    from minusma.output.xlsx import CELL_LONGEST

    long = "Gao " * 10_000 + "\U0001f600" * 10  # 40,000 characters; an emoji counts twice in Excel's limit
    path = write_fact_base(lambda data: data["events"][0].update(text=dict.fromkeys(data["events"][0]["text"], long)))
    book = _book(runner, "timeline", "--data", str(path), "--lang", "nl")
    [cut] = [cell.value for row in book.worksheets[0].iter_rows() for cell in row if len(str(cell.value)) > 1000]
    assert len(cut.encode("utf-16-le")) // 2 <= CELL_LONGEST
    assert cut.endswith("… (afgekort op 32.767 tekens, het maximum van een Excel-cel; --json heeft de hele tekst)")
    assert long.startswith(cut[: cut.index("…")])


@pytest.mark.parametrize(("rows", "refused"), [(6, False), (7, True)])
def test_a_table_longer_than_a_worksheet_is_refused(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, rows: int, refused: bool
) -> None:
    """At Excel's limit, scaled down: a worksheet of ROWS_MOST rows holds the header, the rows, a gap
    and up to four lines below (the about sheet has one note: 1 + rows + 1 + 4 + 1)."""
    from minusma.output import xlsx

    monkeypatch.setattr(xlsx, "ROWS_MOST", 13)
    laid_out = __import__("minusma.sheets", fromlist=["about"]).about
    monkeypatch.setattr(
        "minusma.sheets.about",
        lambda result, lang: [
            each._replace(rows=each.rows[:rows], notes=each.notes[:1]) for each in laid_out(result, lang)
        ],
    )
    result = runner.invoke(app, ["about", "--format", "xlsx"])
    if refused:
        assert result.exit_code == 2 and result.stdout_bytes == b""
        assert "has 7 rows, more than the 13 an Excel worksheet holds; use --csv or --json" in result.stderr
    else:
        assert result.exit_code == 0, result.output


def test_a_sheet_without_rows_is_its_title_and_words(runner: CliRunner) -> None:
    """As in Markdown and HTML: no header row over nothing; the title stands first."""
    book = _book(runner, "at", "2016-07-06")
    first = book.worksheets[0]
    assert first.auto_filter.ref is None and first.freeze_panes is None
    assert first["A1"].value == "MINUSMA on 2016-07-06" and first["A1"].font.bold
    assert first["A2"].value == "The mission was operating under its mandate."


def test_a_sources_address_is_a_link_and_nothing_else_is(
    write_fact_base: Callable[..., Path], runner: CliRunner
) -> None:
    def hostile(data: dict[str, Any]) -> None:
        data["sources"][0]["title"] = "javascript:alert(1)"
        data["sources"][1]["url"] = "https://example.org/a'b<c>"

    path = write_fact_base(hostile)
    book = _book(runner, "troops", "--compare", "--data", str(path))
    sources = book.worksheets[-1]
    addresses = _column(sources, "URL")
    assert addresses and all(cell.hyperlink.target == cell.value for cell in addresses)
    others = [cell for row in sources.iter_rows() for cell in row if cell.column != 4 or cell.row == 1]
    assert not [cell for cell in others if cell.hyperlink]
    assert not [cell for row in book.worksheets[0].iter_rows() for cell in row if cell.hyperlink]
    listing = _book(runner, "sources", "--data", str(path)).worksheets[0]
    linked = [cell for row in listing.iter_rows() for cell in row if cell.hyperlink]
    assert linked and all(cell.hyperlink.target == cell.value and cell.value.startswith("http") for cell in linked)
    assert "https://example.org/a'b<c>" in {cell.value for cell in linked}
