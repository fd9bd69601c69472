"""Budgets: the import of the UN Secretariat's expense data (open.un.org) from data/sources/un-expenses/,
checked against the copy read here with the csv module, not with the import."""

from __future__ import annotations

import copy
import csv
import hashlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "minusma.json"
SOURCES = REPO / "data" / "sources" / "un-expenses"
COPY = SOURCES / "un-secretariat-expenses-minusma.csv"
SOURCE_ID = "un-open-secretariat-expenses"
COPIES = {  # each copy, the source it is, and its rows
    COPY: (SOURCE_ID, 5),
    SOURCES / "un-secretariat-expenses-2024-minusma.csv": ("un-open-secretariat-expenses-2024", 1),
    SOURCES / "un-secretariat-expenses-2025-minusma.csv": ("un-open-secretariat-expenses-2025", 1),
}
SOURCE_IDS = {source_id for source_id, _ in COPIES.values()}
COLUMNS = (
    "PRIORITY_AREA,PART_ID,PART_DESCRIPTION,SECTION_ID,SECTION_DESCRIPTION,ENTITY,YEAR,"
    "FINANCIAL_YEAR,AMOUNT,SOURCE_TYPE,REFERENCE,NOTE"
)
HEADER = ",".join(f'"{name}"' for name in COLUMNS.split(","))  # the 2019-2023 file quotes every field
READ_AS = {
    "2018/19": "2018/19",
    "2019/20": "2019/20",
    "2021": "2020/21",
    "2022": "2021/22",
    "2022/23": "2022/23",
    "2023/24": "2023/24",
    "2024/25": "2024/25",
}
"""FINANCIAL_YEAR -> the fiscal year, written out by hand from provenance.json's reasons."""


@pytest.fixture(scope="module")
def importer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("import_un_expenses", REPO / "tools" / "import_un_expenses.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def copy_rows(path: Path = COPY) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def all_rows() -> list[tuple[str, dict[str, str]]]:
    """Every copy's rows with the source each copy is, in the import's order."""
    return [(source_id, row) for path, (source_id, _) in COPIES.items() for row in copy_rows(path)]


def dataset_figures(data: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    return {
        budget["fiscal_year"]: [figure for figure in budget["figures"] if set(figure["sources"]) & SOURCE_IDS]
        for budget in data["budgets"]
    }


# --------------------------------------------------------------------------- the import


def test_running_the_import_again_gives_the_same_fact_base_byte_for_byte(importer: ModuleType) -> None:
    current = SHIPPED.read_text(encoding="utf-8")
    once = importer.dumps(importer.build(json.loads(current)))
    assert once == current  # the shipped file is what the import gives
    assert importer.dumps(importer.build(json.loads(once))) == once  # and a second run changes nothing
    assert importer.main(["--check"]) == 0


def test_the_import_rebuilds_exactly_what_it_owns(importer: ModuleType, shipped_data: dict[str, Any]) -> None:
    """Without its figures, the record only it fills (2024/25) and its sources, the import gives the
    shipped fact base back: nothing else is its, and what it adds goes where the shipped file has it
    (2022/23's expenditure after the approved lower bound a press release gives)."""
    stripped = copy.deepcopy(shipped_data)
    stripped["budgets"] = [
        {**budget, "figures": [figure for figure in budget["figures"] if not set(figure["sources"]) & SOURCE_IDS]}
        for budget in stripped["budgets"]
    ]
    stripped["budgets"] = [budget for budget in stripped["budgets"] if budget["figures"]]
    assert "2024/25" not in {budget["fiscal_year"] for budget in stripped["budgets"]}
    assert [len(budget["figures"]) for budget in stripped["budgets"] if budget["fiscal_year"] == "2022/23"] == [1]
    stripped["sources"] = [source for source in stripped["sources"] if source["id"] not in SOURCE_IDS]
    expected = copy.deepcopy(shipped_data)
    for source in expected["sources"]:
        if source["id"] in SOURCE_IDS:  # the day a record entered the history is the history's, not the import's
            source.pop("accessed", None)
    assert importer.build(stripped) == expected


def test_each_copy_is_the_file_provenance_json_describes() -> None:
    records = {
        record["path"]: record
        for record in json.loads((SOURCES / "provenance.json").read_text(encoding="utf-8"))["files"]
    }
    assert sorted(records) == sorted(path.name for path in COPIES)
    assert sorted(path.name for path in SOURCES.iterdir() if path.suffix == ".csv") == sorted(records)
    for path, (source_id, count) in COPIES.items():
        record, raw = records[path.name], path.read_bytes()
        assert hashlib.sha256(raw).hexdigest() == record["sha256"]
        header = HEADER if path == COPY else COLUMNS  # the annual extensions quote no field
        assert raw.decode("utf-8").splitlines()[0] == header and b"\r" not in raw and raw.endswith(b"\n")
        assert raw.count(b"\n") - 1 == record["rows"] == count
        assert record["commit"] in record["url"] and record["source_path"] in record["url"]
        assert record["url"].startswith(record["repository"] + "/blob/")
        assert record["licence"].startswith("MIT, as the repository's README states it")
        assert record["source_id"] == source_id
        for row in copy_rows(path):  # the selection rule, row by row
            assert (row["ENTITY"], row["SOURCE_TYPE"], row["NOTE"]) == ("MINUSMA", "Other Assessed", "")
    assert "/work/" not in (REPO / "tools" / "import_un_expenses.py").read_text(encoding="utf-8")


def test_the_figures_are_the_csv_rows(shipped_data: dict[str, Any]) -> None:
    """One expenditure figure per row, in the fiscal year the row is read as, to the dollar, naming the
    row's UN document in every language; the import adds nothing the rows do not give."""
    found = dataset_figures(shipped_data)
    rows = all_rows()
    assert sorted(READ_AS[row["FINANCIAL_YEAR"]] for _, row in rows) == sorted(
        year for year, figures in found.items() if figures
    )
    for source_id, row in rows:
        (figure,) = found[READ_AS[row["FINANCIAL_YEAR"]]]
        assert figure["kind"] == "expenditure" and figure["sources"] == [source_id]
        assert figure["amount"] == {"value": round(float(row["AMOUNT"])), "qualifier": "exact"}
        assert all(row["REFERENCE"] in figure["what"][lang] for lang in ("en", "nl", "fr"))
        assert int(row["YEAR"]) == int(READ_AS[row["FINANCIAL_YEAR"]][:4]) + 1  # YEAR: the year it ends in
    amounts = {READ_AS[row["FINANCIAL_YEAR"]]: row["AMOUNT"] for _, row in rows}
    assert amounts == {  # as the files write them
        "2018/19": "1105667000",
        "2019/20": "1136908900",
        "2020/21": "1103359200",
        "2021/22": "1170031300",
        "2022/23": "1192292200",
        "2023/24": "833809900.0",
        "2024/25": "202783500.0",
    }


def test_a_year_read_from_a_bare_calendar_year_says_so(shipped_data: dict[str, Any]) -> None:
    found = dataset_figures(shipped_data)
    for year, bare in (("2020/21", "2021"), ("2021/22", "2022")):
        (figure,) = found[year]
        assert f"'{bare}'" in figure["caveat"]["en"] and year in figure["caveat"]["en"]
    assert all("caveat" not in found[year][0] for year in ("2018/19", "2019/20", "2022/23", "2023/24"))


def test_a_year_that_begins_after_the_withdrawal_says_it_is_one_year_of_the_liquidation(
    importer: ModuleType, shipped_data: dict[str, Any]
) -> None:
    """The withdrawal ended on 31 December 2023: 2024/25 (from 1 July 2024) is the liquidation's, 2023/24 is
    not. Moved to 1 July 2024, the last day of the withdrawal is the first of 2024/25, which is then not
    after it; moved to 30 June 2024, it is."""
    (figure,) = dataset_figures(shipped_data)["2024/25"]
    assert figure["what"]["en"].startswith("Spent in fiscal year 2024/25, during the liquidation, as")
    assert figure["caveat"]["en"] == (
        "This fiscal year alone: what the liquidation spent before 1 July 2024 is in the 2023/24 expenditure."
    )
    assert figure["caveat"]["nl"].startswith("Alleen dit begrotingsjaar") and "1 juli 2024" in figure["caveat"]["nl"]
    assert figure["caveat"]["fr"].startswith("Cet exercice seul") and "1er juillet 2024" in figure["caveat"]["fr"]
    for withdrawn, after in (("2024-06-30", True), ("2024-07-01", False), ("2024-06", True), ("2024", False)):
        data = copy.deepcopy(shipped_data)
        data["mission"]["withdrawal_completed"] = withdrawn
        (figure,) = dataset_figures(importer.build(data))["2024/25"]
        assert ("during the liquidation" in figure["what"]["en"]) is after, withdrawn
        assert ("caveat" in figure) is after, withdrawn


@pytest.mark.parametrize(("written", "value"), [("833809900.0", 833_809_900), ("833809900", 833_809_900), ("0.0", 0)])
def test_a_whole_amount_is_read_with_or_without_a_zero_decimal(
    importer: ModuleType,
    shipped_data: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
    written: str,
    value: int,
) -> None:
    rows = all_rows()
    rows[-2][1]["AMOUNT"] = written  # 2023/24's row
    monkeypatch.setattr(importer, "rows", lambda: rows)
    (figure,) = dataset_figures(importer.build(copy.deepcopy(shipped_data)))["2023/24"]
    assert figure["amount"] == {"value": value, "qualifier": "exact"}


def test_2018_19_keeps_the_advisory_committees_figure_preferred_beside_the_datasets(
    shipped_data: dict[str, Any],
) -> None:
    (budget,) = [budget for budget in shipped_data["budgets"] if budget["fiscal_year"] == "2018/19"]
    spent = [figure for figure in budget["figures"] if figure["kind"] == "expenditure"]
    assert [(figure["rank"], figure["sources"]) for figure in spent] == [
        ("preferred", ["acabq-a-74-737-add-11"]),
        ("normal", [SOURCE_ID]),
    ]
    assert spent[0]["amount"] == spent[1]["amount"] == {"value": 1_105_667_000, "qualifier": "exact"}
    assert "The same amount" in spent[1]["what"]["en"] and "caveat" not in spent[1]
    others = [
        figure for year, figures in dataset_figures(shipped_data).items() if year != "2018/19" for figure in figures
    ]
    assert {figure["rank"] for figure in others} == {"preferred"}  # alone in their year


def test_a_hand_written_figure_that_disagrees_keeps_its_place_and_the_caveat_says_by_how_much(
    importer: ModuleType, shipped_data: dict[str, Any]
) -> None:
    data = copy.deepcopy(shipped_data)
    (budget,) = [budget for budget in data["budgets"] if budget["fiscal_year"] == "2018/19"]
    (written,) = [f for f in budget["figures"] if f["kind"] == "expenditure" and f["sources"] != [SOURCE_ID]]
    written["amount"] = {"value": 1_105_000_000, "qualifier": "exact"}
    (figure,) = dataset_figures(importer.build(data))["2018/19"]
    assert figure["rank"] == "normal" and "The same amount" not in figure["what"]["en"]
    assert figure["caveat"]["en"].startswith("667,000 more than the year's preferred expenditure figure")
    assert figure["caveat"]["nl"].startswith("667.000 meer") and figure["caveat"]["fr"].startswith("667 000 de plus")
    written["amount"] = {"value": 1_106_000_000, "qualifier": "exact"}
    (figure,) = dataset_figures(importer.build(data))["2018/19"]
    assert figure["caveat"]["en"].startswith("333,000 less than")


# --------------------------------------------------------------------------- rows the import refuses


@pytest.mark.parametrize(
    ("label", "year", "expected"),
    [
        ("2018/19", "2019", ("2018/19", False)),
        ("1999/00", "2000", ("1999/00", False)),  # across a century
        ("2021", "2021", ("2020/21", True)),
        ("2000", "2000", ("1999/00", True)),
    ],
)
def test_the_fiscal_year_of_a_row(importer: ModuleType, label: str, year: str, expected: tuple[str, bool]) -> None:
    assert importer.fiscal_year({"FINANCIAL_YEAR": label, "YEAR": year}) == expected


@pytest.mark.parametrize(
    ("label", "year"),
    [
        ("2018/19", "2018"),  # a fiscal year that does not end in YEAR
        ("2018/19", "2020"),
        ("2018/20", "2019"),  # not one fiscal year
        ("2021", "2022"),  # a bare year that is not YEAR
        ("FY2021", "2021"),
        ("", ""),
    ],
)
def test_a_fiscal_year_the_import_cannot_read_stops_it(importer: ModuleType, label: str, year: str) -> None:
    with pytest.raises(importer.DatasetShapeError):
        importer.fiscal_year({"FINANCIAL_YEAR": label, "YEAR": year})


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("SOURCE_TYPE", "Voluntary"),
        ("ENTITY", "MINUSCA"),
        ("AMOUNT", "-1560"),
        ("AMOUNT", "1105667000.5"),
        ("AMOUNT", "1105667000.00"),
        ("AMOUNT", "1105667000."),
        ("AMOUNT", "1,105,667,000"),
        ("AMOUNT", ""),
        ("REFERENCE", "Financial Statement"),
        ("NOTE", "Trust Fund in Support of Peace and Security in Mali"),
    ],
)
def test_a_row_the_import_does_not_know_stops_it(
    importer: ModuleType, shipped_data: dict[str, Any], monkeypatch: pytest.MonkeyPatch, column: str, value: str
) -> None:
    rows = all_rows()
    rows[2][1][column] = value
    monkeypatch.setattr(importer, "rows", lambda: rows)
    with pytest.raises(importer.DatasetShapeError):
        importer.build(copy.deepcopy(shipped_data))


def test_two_rows_for_one_fiscal_year_stop_the_import(
    importer: ModuleType, shipped_data: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = all_rows()
    monkeypatch.setattr(importer, "rows", lambda: [*rows, rows[0]])
    with pytest.raises(importer.DatasetShapeError, match="two rows"):
        importer.build(copy.deepcopy(shipped_data))


def test_a_changed_copy_stops_the_import(
    importer: ModuleType, shipped_data: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in SOURCES.iterdir():
        shutil.copy(name, tmp_path / name.name)
    changed = tmp_path / COPY.name
    changed.write_text(changed.read_text(encoding="utf-8").replace("1136908900", "1136908901"), encoding="utf-8")
    monkeypatch.setattr(importer, "SOURCES", tmp_path)
    with pytest.raises(SystemExit, match="not the file provenance.json describes"):
        importer.build(copy.deepcopy(shipped_data))


def test_check_names_a_fact_base_that_differs_and_leaves_it(
    importer: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = SHIPPED.read_text(encoding="utf-8").replace('"value": 1192292200', '"value": 1192292201')
    target = tmp_path / "minusma.json"
    target.write_text(text, encoding="utf-8")
    monkeypatch.setattr(importer, "FACT_BASE", target)
    assert importer.main(["--check"]) == 1
    assert "differs from what tools/import_un_expenses.py gives" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == text
    assert importer.main([]) == 0 and target.read_text(encoding="utf-8") == SHIPPED.read_text(encoding="utf-8")
