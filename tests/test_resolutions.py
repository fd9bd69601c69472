"""Resolutions as UN documents and the mandate at paragraph level (issue 17, items 4 and 5).

The import from data/sources/ is reproducible; every resolution the tool names is citable as
itself, first; its citation parses back in every format (pybtex too); ``mandate --resolution N``
gives the paragraphs, or says that no paragraph-level source exists; the rules the import relies on
(a task carried over only from an earlier resolution) hold at their boundaries.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bibtexparser
import jsonschema
import pybtex.database
import pytest
import rispy
from typer.testing import CliRunner

from minusma.cli import app
from minusma.load import load
from minusma.messages import LANGS, say
from minusma.model import check_fact_base
from test_cli import CONTRACTS

REPO = Path(__file__).resolve().parents[1]
CSL_SCHEMA = json.loads((REPO / "tests" / "csl" / "csl-data.json").read_text(encoding="utf-8"))
NAMED = (2085, 2100, 2164, 2227, 2295, 2359, 2364, 2391, 2423, 2480, 2531, 2584, 2640, 2690)


def run(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def _importer() -> Any:
    spec = importlib.util.spec_from_file_location("import_resolutions", REPO / "tools" / "import_resolutions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --------------------------------------------------------------------------- the import


def test_running_the_import_again_gives_the_same_fact_base_byte_for_byte() -> None:
    importer = _importer()
    before = (REPO / "data" / "minusma.json").read_text(encoding="utf-8")
    assert importer.render(importer.build(json.loads(before))) == before


def test_the_import_rebuilds_what_it_owns_from_a_fact_base_without_it() -> None:
    importer = _importer()
    shipped = json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))
    stripped = copy.deepcopy(shipped)
    stripped["sources"] = [source for source in stripped["sources"] if not source["id"].startswith("un-res-")]
    del stripped["resolution_tasks"]
    for resolution in stripped["resolutions"]:
        resolution["sources"] = [item for item in resolution["sources"] if not item.startswith("un-res-")]
    rebuilt = importer.build(stripped)
    assert rebuilt["resolution_tasks"] == shipped["resolution_tasks"]
    assert [item["sources"] for item in rebuilt["resolutions"]] == [item["sources"] for item in shipped["resolutions"]]
    official = {source["id"]: source for source in rebuilt["sources"] if source["id"].startswith("un-res-")}
    undated = {  # the day a record entered the history is the history's (tools/access_dates.py), not the import's
        source["id"]: {key: value for key, value in source.items() if key != "accessed"}
        for source in shipped["sources"]
        if source["id"].startswith("un-res-")
    }
    assert official == undated


def test_the_official_data_are_the_files_their_provenance_names() -> None:
    provenance = json.loads((REPO / "data" / "sources" / "PROVENANCE-resolutions.json").read_text(encoding="utf-8"))
    assert len(provenance) == 10
    for name, record in provenance.items():
        data = (REPO / "data" / "sources" / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == record["sha256"], name
        assert {"producer", "repository", "commit", "path", "licence", "citation"} <= set(record)


# --------------------------------------------------------------------------- resolutions as sources


def test_every_resolution_is_a_source_with_its_symbol_date_author_and_un_record() -> None:
    fact_base = load()
    sources = {source["id"]: source for source in fact_base["sources"]}
    for resolution in fact_base["resolutions"]:
        number = resolution["number"]
        source = sources[f"un-res-{number}"]
        assert resolution["sources"][0] == source["id"]  # cite res-N lists the resolution itself first
        assert source["kind"] == "resolution" and source["author"] == "United Nations Security Council"
        assert source["symbol"] == f"S/RES/{number} ({resolution['adopted'][:4]})"
        assert source["published"] == resolution["adopted"]
        assert source["url"].startswith("https://digitallibrary.un.org/record/")
    assert {item["number"] for item in fact_base["resolutions"]} == set(NAMED)
    assert sources["un-res-2100"]["url"] == "https://digitallibrary.un.org/record/748429"
    assert sources["un-res-2364"]["alternative_urls"] == ["http://unscr.com/en/resolutions/2364"]
    assert sources["un-res-2227"]["published"] == "2015-06-29"


def test_reports_of_the_secretary_general_cite_the_un_record_first_and_the_copy_read_second() -> None:
    reports = [source for source in load()["sources"] if source["id"].startswith("report-")]
    assert reports
    for source in reports:
        assert source["url"] == "https://undocs.org/" + source["symbol"]
        if "alternative_urls" in source:
            assert "undocs" not in source["alternative_urls"][0]
        else:  # no copy was read (known from the reports that name it): its title says it is a description
            assert source["title"].startswith("["), source["id"]
    unread = sorted(source["symbol"] for source in reports if "alternative_urls" not in source)
    assert unread == ["S/2014/1", "S/2017/478", "S/2021/299", "S/2023/36"]


def test_cite_res_2100_lists_the_resolution_itself_first(runner: CliRunner) -> None:
    document = json.loads(run(runner, "cite", "res-2100", "--json"))
    assert document["requested"][0]["sources"][0] == "un-res-2100"
    assert document["sources"][0]["id"] == "un-res-2100"
    assert run(runner, "cite", "res-2100").splitlines()[0] == (
        "United Nations Security Council (2013-04-25). Resolution 2100 (2013) [S/RES/2100 (2013)]. "
        "United Nations. https://digitallibrary.un.org/record/748429"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_resolution_parses_back_in_every_citation_format(runner: CliRunner, lang: str) -> None:
    ids = [f"un-res-{number}" for number in NAMED]
    sources = {source["id"]: source for source in load()["sources"]}
    council = say("cite.security_council", lang)

    items = json.loads(run(runner, "cite", *ids, "--format", "csl-json", "--lang", lang))
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    for item in items:
        source = sources[item["id"]]
        assert (item["type"], item["author"], item["number"]) == ("report", [{"literal": council}], source["symbol"])
        assert item["genre"] == say("cite.genre.resolution", lang)

    bibtex = run(runner, "cite", *ids, "--format", "bibtex", "--lang", lang)
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks and [entry.key for entry in library.entries] == ids
    parsed = pybtex.database.parse_string(bibtex, "bibtex")
    assert list(parsed.entries) == ids
    for key, entry in parsed.entries.items():
        assert entry.type == "techreport"
        assert entry.fields["number"] == sources[key]["symbol"]
        [author] = entry.persons["author"]
        assert str(author).strip("{}") == council.replace("é", "{\\'e}")  # one corporate name, not first and last

    records = rispy.loads(run(runner, "cite", *ids, "--format", "ris", "--lang", lang))
    for record in records:
        assert record["type_of_reference"] == "RPRT" and record["authors"] == [council]
        assert record["issn"] == sources[record["id"]]["symbol"]

    for line in run(runner, "cite", *ids, "--lang", lang).splitlines():
        assert line.startswith(f"{council} (") and "Pub. L." not in line


# --------------------------------------------------------------------------- mandate --resolution


def test_mandate_resolution_2100_carries_paragraph_16_a_to_g(runner: CliRunner) -> None:
    document = json.loads(run(runner, "mandate", "--resolution", "2100", "--json"))
    assert set(document) == CONTRACTS[("mandate", "--resolution", "2100")]  # the contract test_cli.py keeps
    assert document["kind"] == "establishment"
    assert [task["paragraph"] for task in document["tasks"]] == [f"16 ({letter})" for letter in "abcdefg"]
    assert (document["symbol"], document["paragraph_level"]["coding"]) == ("S/RES/2100 (2013)", "pema")
    coded = {(task["task"], task.get("modality")): task for task in document["paragraph_level"]["tasks"]}
    assert coded[("civprotect", "security")]["paragraphs"] == ["16c", "16c(i)", "26"]
    assert document["sources"][0]["id"] == "un-res-2100"
    text = run(runner, "mandate", "--resolution", "2100")
    assert "16 (a)" in text and "16 (g)" in text


def test_pema_cells_from_a_later_resolution_are_left_out_and_said_so(runner: CliRunner) -> None:
    document = json.loads(run(runner, "mandate", "--resolution", "2100", "--json"))["paragraph_level"]
    assert all("carried_from" not in task for task in document["tasks"])
    assert "childrights_security (2164)" in document["caveat"]["en"]
    later = json.loads(run(runner, "mandate", "--resolution", "2227", "--json"))["paragraph_level"]
    carried = [task for task in later["tasks"] if "carried_from" in task]
    assert carried and {task["carried_from"] for task in carried} == {2100, 2164}  # both earlier than 2227
    assert "stateauthority_assist (2295)" in later["caveat"]["en"]


@pytest.mark.parametrize("number", ["2364", "2423", "2480"])
def test_a_resolution_without_paragraph_data_says_so_and_exits_0(runner: CliRunner, number: str) -> None:
    document = json.loads(run(runner, "mandate", "--resolution", number, "--json"))
    assert document["paragraph_level"] is None and document["tasks"] == []
    said = " ".join(run(runner, "mandate", "--resolution", number).split())
    assert say("resolution_tasks.none", "en", number=int(number)) in said


def test_an_unknown_resolution_exits_1_and_a_word_exits_2(runner: CliRunner) -> None:
    result = runner.invoke(app, ["mandate", "--resolution", "2101"])
    assert result.exit_code == 1 and result.stdout == "" and "no resolution 2101" in result.stderr
    assert runner.invoke(app, ["mandate", "--resolution", "twenty"]).exit_code == 2
    assert runner.invoke(app, ["mandate", "--resolution", "0"]).exit_code == 2


def test_the_xml_gives_the_vote_record_and_the_councils_french_words(runner: CliRunner) -> None:
    document = json.loads(run(runner, "mandate", "--resolution", "2640", "--json"))["paragraph_level"]
    assert (document["coding"], document["adoption_record"]) == ("xml", "S/PV.9082")
    assert document["vote"]["en"].startswith("13 in favour, 0 against, 2 abstaining")
    first = document["tasks"][0]
    assert first["paragraphs"] == ["26 (a)"]
    assert first["official"]["fr"].startswith("Appui à la mise en œuvre de l’Accord pour la paix")
    french = run(runner, "mandate", "--resolution", "2640", "--lang", "fr")
    assert say("official_mark", "fr") in french
    assert say("official_mark", "en") not in run(runner, "mandate", "--resolution", "2640")


def test_the_installed_command_answers_mandate_resolution() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "mandate", "--resolution", "2100", "--json"],
        capture_output=True, text=True, check=False, cwd=REPO.parent,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tasks"][0]["paragraph"] == "16 (a)"
    missing = subprocess.run(
        [sys.executable, "-m", "minusma", "mandate", "--resolution", "2364"],
        capture_output=True, text=True, check=False, cwd=REPO.parent,
    )  # fmt: skip
    assert missing.returncode == 0 and "2364" in missing.stdout and missing.stderr == ""


# --------------------------------------------------------------------------- rules at their boundaries


def _with_carried(shipped: dict[str, Any], carried_from: int) -> list[str]:
    data = copy.deepcopy(shipped)
    record = next(item for item in data["resolution_tasks"] if item["id"] == "tasks-2227")
    record["tasks"][0]["carried_from"] = carried_from
    return [problem.message.key for problem in check_fact_base(data) if problem.severity == "error"]


@pytest.mark.parametrize(("carried_from", "allowed"), [(2226, True), (2227, False), (2228, False), (1, True)])
def test_a_task_carries_over_only_from_an_earlier_resolution(
    shipped_data: dict[str, Any], carried_from: int, allowed: bool
) -> None:
    errors = _with_carried(shipped_data, carried_from)
    assert ("check.carried_from" not in errors) is allowed


def test_paragraph_tasks_name_a_known_resolution_once(shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["resolution_tasks"].append(copy.deepcopy(data["resolution_tasks"][0]) | {"id": "tasks-again"})
    data["resolution_tasks"][1]["resolution"] = "res-9999"
    keys = [problem.message.key for problem in check_fact_base(data)]
    assert "check.tasks_twice" in keys and "check.tasks_resolution" in keys


def test_a_fact_base_with_a_bad_carried_from_does_not_load(
    runner: CliRunner, write_fact_base: Callable[..., Path]
) -> None:
    def later(data: dict[str, Any]) -> None:
        data["resolution_tasks"][0]["tasks"][0]["carried_from"] = 2164  # into 2100, adopted a year earlier

    result = runner.invoke(app, ["mandate", "--resolution", "2100", "--data", str(write_fact_base(later))])
    assert result.exit_code == 1 and "carried over from resolution 2164" in result.stderr
