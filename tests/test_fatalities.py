"""The UN's fatality records: the import, the rules, `casualties` and its formats, the reconciliation.

Boundaries are tested on small fact bases built here (the shipped one with its fatality records
replaced), so each rule is pinned where it turns: the day before, the day, the day after.
"""

from __future__ import annotations

import copy
import csv
import importlib.util
import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
import zlib
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from installed import minusma_command
from minusma import query
from minusma.cli import app
from minusma.load import validate
from minusma.messages import LANGS
from minusma.model import Casualties, FactBase, Fatality, series_agrees, series_tally

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "minusma.json"
SOURCES = REPO / "data" / "sources" / "un-fatalities"


def _import_script() -> Any:
    spec = importlib.util.spec_from_file_location("import_un_fatalities", REPO / "tools" / "import_un_fatalities.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fatality(date: str, country: str = "TCD", cause: str = "malicious_act", **extra: Any) -> Fatality:
    number = zlib.crc32(json.dumps([date, country, cause, extra], sort_keys=True).encode()) % 100_000
    record: dict[str, Any] = {
        "id": f"fatality-test-{date}-{country.lower()}-{number}",
        "un_id": f"MINUSMA-{date[:4]}-{date[5:7] or '01'}-{number:05d}",
        "row": 1 + number,
        "mission": "minusma",
        "date": date,
        "country": country,
        "personnel": "military",
        "cause": cause,
        "gender": "male",
        "sources": ["un-fatalities-2025-04-04"],
        **extra,
    }
    return record  # type: ignore[return-value]


def _with(shipped_data: dict[str, Any], fatalities: list[Fatality]) -> FactBase:
    data = copy.deepcopy(shipped_data)
    data["fatalities"] = fatalities
    data["sources"] = [source for source in data["sources"] if source["id"] != "un-fatalities-2023-11-28"]
    return data  # type: ignore[return-value]


# --------------------------------------------------------------------------- the import


def test_running_the_import_again_gives_the_same_fact_base_byte_for_byte() -> None:
    script = _import_script()
    current = SHIPPED.read_text(encoding="utf-8")
    once = script.dumps(script.build(json.loads(current)))
    assert once == current  # the shipped file is what the import gives
    assert script.dumps(script.build(json.loads(once))) == once  # and a second run changes nothing


def test_the_import_reads_only_the_copies_in_the_repository_and_they_are_unchanged() -> None:
    import hashlib

    for provenance_file in sorted(SOURCES.glob("*.provenance.json")):
        provenance = json.loads(provenance_file.read_text(encoding="utf-8"))
        data = (SOURCES / provenance["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == provenance["sha256"]
        assert data.count(b"\n") - 1 == provenance["rows"] == 311
        assert provenance["licence"] == "not stated"
        assert provenance["commit"] in provenance["url"] and provenance["path"] in provenance["url"]
        assert provenance["last_update"] in provenance["citation"]
    assert "/work/shared" not in (REPO / "tools" / "import_un_fatalities.py").read_text(encoding="utf-8")


def test_a_value_the_dataset_does_not_know_stops_the_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script = _import_script()
    for name in SOURCES.iterdir():
        shutil.copy(name, tmp_path / name.name)
    newest = tmp_path / f"{script.RECORD}.csv"
    newest.write_text(newest.read_text(encoding="utf-8").replace(",Illness,", ",Drowning,", 1), encoding="utf-8")
    monkeypatch.setattr(script, "SOURCES", tmp_path)
    with pytest.raises(script.DatasetShapeError, match="Drowning"):
        script.build(json.loads(SHIPPED.read_text(encoding="utf-8")))


def test_the_records_are_the_uns_rows(shipped_data: dict[str, Any]) -> None:
    records = shipped_data["fatalities"]
    assert len(records) == 311
    assert len({record["un_id"] for record in records}) == 311
    assert min(record["date"] for record in records) == "2013-08-22"
    assert max(record["date"] for record in records) == "2023-11-10"
    with (SOURCES / "un-fatalities-2025-04-04-minusma.csv").open(encoding="utf-8", newline="") as file:
        rows = {row["casualty_id"]: row for row in csv.DictReader(file)}
    for record in records:
        row = rows[record["un_id"]]
        assert record["date"] == row["incident_date"]
        assert record["row"] == int(row["id"])
        assert record["country"] == (row["isocode3"] or "CIV")
        assert ("caveat" in record) == (not row["isocode3"]) or record["un_id"] in (
            "MINUSMA-2019-07-00001", "MINUSMA-2021-07-00014", "MINUSMA-2021-07-00016",
        )  # fmt: skip


def test_the_revisions_since_2023_are_kept(shipped_data: dict[str, Any]) -> None:
    revised = {record["un_id"]: record["revised"] for record in shipped_data["fatalities"] if "revised" in record}
    causes = {un_id: revisions[0]["cause"] for un_id, revisions in revised.items() if "cause" in revisions[0]}
    assert set(causes.values()) == {"to_be_determined"}
    assert len(causes) == 5  # 14 "To Be Determined" in 2023, 9 in 2025
    assert revised["MINUSMA-2016-02-09606"][0]["gender"] == "not_given"
    assert revised["MINUSMA-2023-11-00019"][0]["row"] == 4347
    assert all(revision["sources"] == ["un-fatalities-2023-11-28"] for item in revised.values() for revision in item)


# --------------------------------------------------------------------------- totals


def test_totals_add_up_to_311_every_way(shipped_data: dict[str, Any]) -> None:
    series = query.casualties(shipped_data)["series"]  # type: ignore[arg-type]
    assert series["total"] == 311
    for key in ("by_year", "by_country", "by_cause", "by_type"):
        assert sum(row["deaths"] for row in series[key]) == 311, key  # type: ignore[literal-required]
        assert all(sum(row["causes"].values()) == row["deaths"] for row in series[key])  # type: ignore[literal-required]
    assert series["causes"] == {
        "malicious_act": 174, "illness": 88, "accident": 38, "to_be_determined": 9, "unknown": 2,
    }  # fmt: skip
    assert [row["key"] for row in series["by_year"]] == [str(year) for year in range(2013, 2024)]
    assert {row["key"]: row["deaths"] for row in series["by_country"]}["TCD"] == 80


def test_ties_in_the_country_order_go_by_code(shipped_data: dict[str, Any]) -> None:
    fact_base = _with(shipped_data, [_fatality("2016-05-01", "TGO"), _fatality("2016-05-02", "BFA"), _fatality("2016-05-03", "NER"), _fatality("2016-05-04", "NER")])  # fmt: skip
    rows = query.casualties(fact_base)["series"]["by_country"]
    assert [(row["key"], row["deaths"]) for row in rows] == [("NER", 2), ("BFA", 1), ("TGO", 1)]
    shipped = query.casualties(shipped_data)["series"]["by_country"]  # type: ignore[arg-type]
    assert [row["key"] for row in shipped[1:3]] == ["BFA", "GIN"]  # 27 each


# --------------------------------------------------------------------------- --at


@pytest.mark.parametrize(
    ("at", "expected"),
    [("2016-05-02", 0), ("2016-05-03", 1), ("2016-05-04", 1), ("2016-05", 1), ("2016-04", 0), ("2016", 1), ("2015", 0)],
)
def test_as_of_counts_a_death_on_the_day_itself(shipped_data: dict[str, Any], at: str, expected: int) -> None:
    fact_base = _with(shipped_data, [_fatality("2016-05-03")])
    assert query.casualties(fact_base, at=at)["series"]["total"] == expected


def test_a_record_known_to_the_month_counts_once_its_last_day_is_reached(shipped_data: dict[str, Any]) -> None:
    fact_base = _with(shipped_data, [_fatality("2016-05")])
    assert query.casualties(fact_base, at="2016-05-30")["series"]["total"] == 0
    assert query.casualties(fact_base, at="2016-05-31")["series"]["total"] == 1


def test_year_boundaries(shipped_data: dict[str, Any]) -> None:
    fact_base = _with(shipped_data, [_fatality("2015-12-31"), _fatality("2016-01-01", cause="illness")])
    years = {row["key"]: row for row in query.casualties(fact_base)["series"]["by_year"]}
    assert years["2015"]["deaths"] == 1 and years["2015"]["causes"]["malicious_act"] == 1
    assert years["2016"]["deaths"] == 1 and years["2016"]["causes"]["illness"] == 1
    assert query.casualties(fact_base, at="2015")["series"]["total"] == 1
    assert query.casualties(fact_base, at="2015-12-31")["series"]["total"] == 1
    assert query.casualties(fact_base, at="2016-01-01")["series"]["total"] == 2
    assert [row["key"] for row in query.casualties(fact_base, at="2015")["series"]["by_year"]][-1] == "2015"


def test_zero_deaths_is_an_answer(runner: CliRunner) -> None:
    before = runner.invoke(app, ["casualties", "--at", "2013-08-21", "--json"])
    assert before.exit_code == 0, before.output
    series = json.loads(before.stdout)["series"]
    assert series["total"] == 0 and all(row["deaths"] == 0 for row in series["by_year"])
    first = json.loads(runner.invoke(app, ["casualties", "--at", "2013-08-22", "--json"]).stdout)["series"]
    assert first["total"] == 1
    belgium = runner.invoke(app, ["casualties", "--country", "Belgium", "--json"])
    assert belgium.exit_code == 0, belgium.output
    assert json.loads(belgium.stdout)["series"]["total"] == 0
    table = runner.invoke(app, ["casualties", "--country", "BEL"])
    assert table.exit_code == 0 and "No death in the UN's records" in table.stdout


def test_country_by_name_or_code_and_an_unknown_one(runner: CliRunner) -> None:
    for asked in ("NLD", "nld", "Netherlands", "Nederland", "Pays-Bas"):
        result = runner.invoke(app, ["casualties", "--country", asked, "--json"])
        assert result.exit_code == 0, result.output
        found = json.loads(result.stdout)
        assert found["country"] == "NLD" and found["series"]["total"] == 5
        assert {record["country"] for record in found["fatalities"]} == {"NLD"}
    unknown = runner.invoke(app, ["casualties", "--country", "Atlantis"])
    assert unknown.exit_code == 1 and "Atlantis" in unknown.stderr
    bad = runner.invoke(app, ["casualties", "--by", "month"])
    assert bad.exit_code == 2 and "year, country, cause, type" in bad.stderr
    together = runner.invoke(app, ["casualties", "--chart", "--by", "year"])
    assert together.exit_code == 2


# --------------------------------------------------------------------------- rules


def _problems(path: Path) -> list[tuple[str, str, str]]:
    """Every problem but the series' disagreements with the stated counts, which a base of a few
    made-up records has by the dozen (they are tested on their own below)."""
    return [
        (problem.severity, problem.path, problem.message.key)
        for problem in validate(path)[1]
        if not problem.message.key.startswith("check.series_disagrees")
    ]


def _fatalities_base(write_fact_base: Callable[..., Path], records: list[Fatality]) -> Path:
    def mutate(data: dict[str, Any]) -> None:
        data["fatalities"] = records
        data["sources"] = [source for source in data["sources"] if source["id"] != "un-fatalities-2023-11-28"]

    return write_fact_base(mutate)


def test_the_mission_s_life_bounds_a_record(write_fact_base: Callable[..., Path]) -> None:
    for date, fails in (("2013-04-24", True), ("2013-04-25", False), ("2023-12-31", False), ("2024-01-01", True), ("2013-04", False), ("2013-03", True)):  # fmt: skip
        problems = _problems(_fatalities_base(write_fact_base, [_fatality(date)]))
        assert (("error", "fatalities[0].date", "check.fatality_outside") in problems) == fails, date
    caveat = dict.fromkeys(LANGS, "Kept as given.")
    assert _problems(_fatalities_base(write_fact_base, [_fatality("2024-01-01", caveat=caveat)])) == []


def test_identifiers_countries_missions_sources_and_revisions_are_checked(write_fact_base: Callable[..., Path]) -> None:
    one = _fatality("2016-05-03")
    twin = {**one, "id": "fatality-other"}
    assert ("error", "fatalities[1].un_id", "check.duplicate_un_id") in _problems(
        _fatalities_base(write_fact_base, [one, twin])
    )  # type: ignore[list-item]
    same_id = _problems(_fatalities_base(write_fact_base, [one, {**one, "un_id": "MINUSMA-2016-05-99999"}]))  # type: ignore[list-item]
    assert ("error", "fatalities[1].id", "check.duplicate_id") in same_id
    assert ("error", "fatalities[0].country", "check.unknown_country") in _problems(_fatalities_base(write_fact_base, [_fatality("2016-05-03", "XXX")]))  # fmt: skip
    assert ("error", "fatalities[0].mission", "check.fatality_mission") in _problems(_fatalities_base(write_fact_base, [{**one, "mission": "unmiss"}]))  # type: ignore[list-item]  # fmt: skip
    assert ("error", "fatalities[0].sources", "check.unknown_source") in _problems(_fatalities_base(write_fact_base, [{**one, "sources": ["nowhere"]}]))  # type: ignore[list-item]  # fmt: skip
    unchanged = {
        **one,
        "revised": [{"snapshot": "2023-11-28", "cause": "malicious_act", "sources": ["un-fatalities-2025-04-04"]}],
    }
    assert ("error", "fatalities[0].revised[0]", "check.revision_unchanged") in _problems(_fatalities_base(write_fact_base, [unchanged]))  # type: ignore[list-item]  # fmt: skip
    changed = {
        **one,
        "revised": [{"snapshot": "2023-11-28", "cause": "illness", "sources": ["un-fatalities-2025-04-04"]}],
    }
    assert _problems(_fatalities_base(write_fact_base, [changed])) == []  # type: ignore[list-item]


# --------------------------------------------------------------------------- reconciliation


def _stated(start: str, end: str, value: int, cause: str = "any", qualifier: str = "exact", **extra: Any) -> Casualties:
    record: dict[str, Any] = {
        "id": "cas-test", "start": start, "end": end,
        "counts": [{"outcome": "killed", "cause": cause, "value": {"value": value, "qualifier": qualifier}}],
        "note": dict.fromkeys(LANGS, "x"), "sources": ["altair-2015"], **extra,
    }  # fmt: skip
    return record  # type: ignore[return-value]


def test_the_series_over_a_period_with_an_uncertain_end_is_a_range() -> None:
    records = [_fatality("2016-05-01"), _fatality("2016-05-31"), _fatality("2016-06-01")]
    assert series_tally(records, _stated("2013-07", "2016-05", 0), "any") == (
        1,
        2,
    )  # as of some day in May: the 1st at least
    assert series_tally(records, _stated("2013-07", "2016-05-31", 0), "any") == (2, 2)
    assert series_tally(records, _stated("2016-05", "2016-05", 0), "any") == (2, 2)  # the whole month
    assert series_tally(records, _stated("2016-05-02", "2016-06-01", 0), "any") == (2, 2)


def test_an_undetermined_cause_may_be_either() -> None:
    records = [_fatality("2016-05-01", cause="to_be_determined"), _fatality("2016-05-02", cause="illness")]
    assert series_tally(records, _stated("2016", "2016", 0), "hostile") == (0, 1)
    assert series_tally(records, _stated("2016", "2016", 0), "other") == (1, 2)
    assert series_tally(records, _stated("2016", "2016", 0), "any") == (2, 2)


@pytest.mark.parametrize(
    ("value", "qualifier", "agrees"),
    [(1, "exact", False), (2, "exact", True), (3, "exact", True), (4, "exact", False),
     (2, "more_than", True), (3, "more_than", False), (3, "at_least", True), (4, "at_least", False), (9, "about", None)],
)  # fmt: skip
def test_a_stated_figure_agrees_within_the_range(value: int, qualifier: str, agrees: bool | None) -> None:
    from minusma.model import Tally

    assert series_agrees({"value": value, "qualifier": qualifier}, Tally(2, 3)) is agrees  # type: ignore[typeddict-item]


def test_validate_warns_about_an_unranked_disagreement_naming_both_sources(
    write_fact_base: Callable[..., Path],
) -> None:
    def mutate(data: dict[str, Any]) -> None:
        record = next(item for item in data["casualties"] if item["id"] == "cas-nld-2018-06")
        del record["rank"]

    path = write_fact_base(mutate)
    name, problems = validate(path)
    warnings = [problem for problem in problems if problem.message.key.startswith("check.series_disagrees")]
    assert [problem.severity for problem in warnings] == ["warning"]
    said = warnings[0].message.said("en")
    assert "nltimes-2018" in said and "un-fatalities-2025-04-04" in said and " 4 " in said and " 5." in said
    assert validate(SHIPPED)[1] == []  # every shipped disagreement is ranked below the series


def test_the_named_disagreements_against_the_csv(shipped_data: dict[str, Any]) -> None:
    rows = {row["id"]: row for row in query.casualties(shipped_data)["reconciliation"]}  # type: ignore[arg-type]
    expected = {
        "cas-nld-2018-06": (4, 5, 5, False), "cas-deu-2023": (3, 2, 2, False),
        "cas-tcd-2023-11-17": (82, 80, 80, False), "cas-bgd-2023": (14, 14, 14, True),  # military only: 18 in all
    }  # fmt: skip
    for claim, (stated, low, high, agrees) in expected.items():
        row = rows[claim]
        assert (row["stated"]["value"], row["series"]["low"], row["series"]["high"], row["agrees"]) == (
            stated,
            low,
            high,
            agrees,
        )
    bangladesh = query.casualties(shipped_data, country="BGD")["series"]  # type: ignore[arg-type]
    assert bangladesh["total"] == 18
    assert {row["key"]: row["deaths"] for row in bangladesh["by_type"]}["military"] == 14


# --------------------------------------------------------------------------- every format, parsed back


class _Cells(HTMLParser):
    """The text of every table cell of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def _run(*args: str) -> bytes:
    result = subprocess.run([*minusma_command(), *args], capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout


@pytest.mark.parametrize(
    ("lang", "word"), [("en", "latest snapshot"), ("nl", "laatste momentopname"), ("fr", "dernier instantané")]
)
def test_the_help_of_at_says_it_reads_the_latest_snapshot_up_to_a_date(lang: str, word: str) -> None:
    """--at counts the deaths the newest snapshot dates up to DATE; it is no snapshot of that day (causes
    revised since stay revised, deaths notified later are counted)."""
    shown = " ".join(_run("casualties", "--help", "--lang", lang).decode("utf-8").split())
    assert word in shown


@pytest.mark.parametrize("by", ["year", "country", "cause", "type"])
def test_every_row_of_a_breakdown_in_csv_names_the_snapshot_it_counts(by: str) -> None:
    """A CSV of the UN's records read alone still says which snapshot (and so which date) it counts:
    the table's footer line does not reach a CSV."""
    rows = list(csv.DictReader(io.StringIO(_run("casualties", "--by", by, "--csv").decode("utf-8"))))
    series = [row for row in rows if row["table"] == f"by_{by}"]
    assert series and all(row["sources"] == "un-fatalities-2025-04-04" for row in series)


@pytest.mark.parametrize("lang", LANGS)
def test_every_format_of_casualties_parses_back_in_a_real_process(lang: str) -> None:
    found = json.loads(_run("casualties", "--country", "NLD", "--json", "--lang", lang))
    assert found["series"]["total"] == 5
    table = list(csv.DictReader(io.StringIO(_run("casualties", "--csv", "--lang", lang).decode("utf-8"))))
    by_cause = {row["cause"]: int(row["deaths"]) for row in table if row["table"] == "by_cause"}
    assert sum(by_cause.values()) == 311 and by_cause["malicious_act"] == 174
    assert {row["table"] for row in table} >= {"by_year", "by_country", "by_type", "reconciliation", "casualties"}
    tokens = (
        MarkdownIt("commonmark").enable("table").parse(_run("casualties", "--format", "md", "--lang", lang).decode())
    )
    assert sum(token.type == "table_open" for token in tokens) >= 6
    parser = _Cells()
    parser.feed(_run("casualties", "--by", "year", "--format", "html", "--lang", lang).decode("utf-8"))
    parser.close()
    cells = [cell.strip() for cell in parser.cells]
    assert "2014" in cells and "39" in cells
    pytest.importorskip("matplotlib")
    root = ElementTree.fromstring(_run("casualties", "--chart", "--format", "svg", "--lang", lang))
    texts = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    assert any("MINUSMA" in text for text in texts)
    assert "2014" in texts and "39" in texts  # a year on the axis, its total above its bar


@pytest.mark.parametrize("columns", ["80", "100"])
def test_the_chart_at_a_terminal_is_a_row_per_year(runner: CliRunner, columns: str) -> None:
    """At 80 columns the five causes' numbers did not fit: one block per year, no bar, and the bars' key."""
    result = runner.invoke(app, ["casualties", "--chart"], env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line[:4].isdigit()]
    assert [line[:4] for line in lines] == [str(year) for year in range(2013, 2024)]
    assert "█" in lines[4]  # 2017, the year with the most deaths, has the longest bar
    assert lines[4].count("█") == 20
    assert lines[4].split()[1] == "42" and "24 malicious act, 12 illness, 5 accident" in lines[4]
    assert all(len(line) <= int(columns) for line in result.stdout.splitlines()[:-2])
    assert "Year:" not in result.stdout  # no blocks


@pytest.mark.parametrize(
    ("args", "scope"),
    [
        (["--country", "USA"], "United States"),
        (["--at", "2016"], "as of 2016"),
        (["--from", "2016", "--to", "2018"], "from 2016, to 2018"),
        (["--country", "TCD", "--from", "2016"], "Chad, from 2016"),
    ],
)
def test_a_chart_of_part_of_the_records_says_which_part(runner: CliRunner, args: list[str], scope: str) -> None:
    """A chart of one country's dead, titled as if it were the mission's, misleads wherever it is pasted."""
    terminal = runner.invoke(app, ["casualties", "--chart", *args], env={"COLUMNS": "200"})
    assert terminal.exit_code == 0, terminal.output
    assert terminal.stdout.splitlines()[0] == f"Deaths per year by cause, from the UN's records: {scope}"
    pytest.importorskip("matplotlib")
    svg = runner.invoke(app, ["casualties", "--chart", "--format", "svg", *args])
    root = ElementTree.fromstring(svg.stdout)
    texts = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    assert f"MINUSMA: deaths per year by cause (UN records): {scope}" in " ".join(" ".join(texts).split())


def test_the_whole_records_chart_has_the_plain_title(runner: CliRunner) -> None:
    terminal = runner.invoke(app, ["casualties", "--chart"], env={"COLUMNS": "200"})
    assert terminal.stdout.splitlines()[0] == "Deaths per year by cause, from the UN's records"


def test_a_chart_that_matches_no_death_says_so_and_keeps_its_key_and_credit(runner: CliRunner) -> None:
    """It drew an empty frame, a key of five swatches of one colour and "Source: ; compiled with minusma"."""
    terminal = runner.invoke(app, ["casualties", "--chart", "--at", "2012"])
    assert "No death in the UN's records for this question." in terminal.stdout
    pytest.importorskip("matplotlib")
    svg = runner.invoke(app, ["casualties", "--chart", "--format", "svg", "--at", "2012"]).stdout
    assert 'id="empty-note"' in svg and "Source: ;" not in svg
    assert "none of which matches this question" in " ".join(svg.split())
    root = ElementTree.fromstring(svg)
    (key,) = [element for element in root.iter() if element.get("id") == "legend-series"]
    fills = {
        style.split("fill:")[1].split(";")[0]
        for element in key.iter()
        if element.tag.endswith("path")
        and "fill:" in (style := element.get("style", ""))
        and "fill: #ffffff" not in style
        and "fill:#ffffff" not in style
    }
    assert len(fills - {" #ffffff", "#ffffff", " none", "none"}) >= 5  # five causes, five colours
