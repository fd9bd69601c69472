"""export DIR: a Frictionless Data Package, checked with the frictionless library, written whole or not at all."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import frictionless
import pytest
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import LANGS
from minusma.output import package

TABLES = [
    "events", "resolutions", "snapshots", "leaders", "casualties", "dutch_phases", "dutch_figures", "contributions", "errata",
    "budget_figures", "fatalities", "bases", "base_presence", "sources",
]  # fmt: skip


def export(runner: CliRunner, *args: str, code: int = 0) -> Any:
    result = runner.invoke(app, ["export", *args])
    assert result.exit_code == code, result.output
    return result


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_the_package_is_valid_and_holds_every_record(
    runner: CliRunner, tmp_path: Path, shipped_data: dict[str, Any]
) -> None:
    target = tmp_path / "package"
    result = export(runner, str(target))
    assert f"{len(TABLES)} tables" in result.stdout
    report = frictionless.validate(target / "datapackage.json")
    assert report.valid, report.flatten(["type", "note", "fieldName", "rowNumber"])
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    assert [resource["name"] for resource in descriptor["resources"]] == [*TABLES, "bases_geojson"]
    assert sorted(path.name for path in target.iterdir()) == sorted(
        ["datapackage.json", "bases.geojson", *(f"{t}.csv" for t in TABLES)]
    )
    expected = {
        "events": len(shipped_data["events"]),
        "resolutions": len(shipped_data["resolutions"]),
        "snapshots": sum(len(snapshot["claims"]) for snapshot in shipped_data["snapshots"]),
        "leaders": len(shipped_data["leaders"]),
        "casualties": sum(len(record["counts"]) for record in shipped_data["casualties"]),
        "dutch_phases": len(shipped_data["netherlands"]["phases"]),
        "dutch_figures": sum(len(figure["claims"]) for figure in shipped_data["netherlands"]["figures"]),
        "contributions": len(shipped_data["contributions"]),
        "errata": len(shipped_data["errata"]),
        "budget_figures": sum(len(budget["figures"]) for budget in shipped_data["budgets"]),
        "fatalities": len(shipped_data["fatalities"]),
        "bases": len(shipped_data["bases"]),
        "base_presence": sum(len(base["presence"]) for base in shipped_data["bases"]),
        "sources": len(shipped_data["sources"]),
    }
    assert {name: len(rows(target / f"{name}.csv")) for name in TABLES} == expected
    assert [source["path"] for source in descriptor["sources"]] == [s["url"] for s in shipped_data["sources"]]
    assert "licenses" not in descriptor and "no licence of its own" in descriptor["description"]
    assert descriptor["as_of"] == shipped_data["header"]["as_of"]
    assert os.listdir(tmp_path) == ["package"]  # nothing left beside it


def test_the_package_holds_the_sites_as_geojson(
    runner: CliRunner, tmp_path: Path, shipped_data: dict[str, Any]
) -> None:
    import geojson

    target = tmp_path / "package"
    export(runner, str(target), "--lang", "fr")
    descriptor = json.loads((target / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(resource for resource in descriptor["resources"] if resource["path"] == "bases.geojson")
    assert (resource["format"], resource["mediatype"], resource["encoding"]) == (
        "geojson",
        "application/geo+json",
        "utf-8",
    )
    assert "GeoJSON" in resource["title"] and "schema" not in resource
    data = (target / "bases.geojson").read_bytes()
    assert resource["bytes"] == len(data)
    package_ = frictionless.Package(target / "datapackage.json")
    assert not package_.get_resource("bases_geojson").tabular
    collection = geojson.loads(data.decode("utf-8"))
    assert isinstance(collection, geojson.FeatureCollection) and collection.is_valid, collection.errors()
    sites = {base["id"]: base for base in shipped_data["bases"]}
    assert [feature["id"] for feature in collection["features"]] == list(sites)
    for feature in collection["features"]:
        site = sites[feature["id"]]
        assert feature["geometry"]["coordinates"] == [site["longitude"], site["latitude"]]  # longitude first
        assert feature["properties"]["name"] == site["name"]["fr"]
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "bases", "--format", "geojson", "--lang", "fr"],
        capture_output=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout == data  # the file is what `bases --format geojson` writes


def test_a_changed_geojson_fails_the_packages_check(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "package"
    export(runner, str(target))
    path = target / "bases.geojson"
    path.write_bytes(path.read_bytes().replace(b'"Gao"', b'"Gai"', 1))
    report = frictionless.validate(target / "datapackage.json")
    assert not report.valid
    assert "hash-count" in {error[0] for error in report.flatten(["type"])}


def test_values_keep_their_precision_and_types(runner: CliRunner, tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    export(runner, str(tmp_path / "p"))
    events = rows(tmp_path / "p" / "events.csv")
    assert [row["date"] for row in events] == [event["date"] for event in shipped_data["events"]]
    first = shipped_data["events"][0]
    assert [events[0][f"text_{lang}"] for lang in LANGS] == [first["text"][lang] for lang in LANGS]
    assert events[0]["sources"].split() == first["sources"]
    package_ = frictionless.Package(tmp_path / "p" / "datapackage.json")
    snapshots = package_.get_resource("snapshots").read_rows()
    first_claim = shipped_data["snapshots"][0]["claims"][0]
    assert snapshots[0]["uniformed"] == first_claim["uniformed"]["value"]
    assert snapshots[0]["uniformed_qualifier"] == "about"
    leaders = package_.get_resource("leaders").read_rows()
    assert {row["acting"] for row in leaders} == {True, False}


def test_titles_follow_the_language(runner: CliRunner, tmp_path: Path) -> None:
    export(runner, str(tmp_path / "p"), "--lang", "nl")
    descriptor = json.loads((tmp_path / "p" / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["title"] == "Feitenbestand MINUSMA"
    assert descriptor["resources"][0]["title"] == "Gebeurtenissen"


def test_an_existing_empty_folder_is_used(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "empty"
    target.mkdir()
    export(runner, str(target))
    assert frictionless.validate(target / "datapackage.json").valid


def test_a_folder_that_is_not_empty_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "full"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    before = listing(target)
    result = export(runner, str(target), code=1)
    assert "not empty" in result.stderr and "--force" in result.stderr
    assert listing(target) == before
    assert sorted(os.listdir(tmp_path)) == ["full"]


def test_force_replaces_the_package_and_leaves_other_files(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "full"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    (target / "events.csv").write_text("stale", encoding="utf-8")
    export(runner, str(target), "--force")
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert frictionless.validate(target / "datapackage.json").valid
    export(runner, str(target), "--force")  # again, over its own package
    assert frictionless.validate(target / "datapackage.json").valid
    assert sorted(os.listdir(tmp_path)) == ["full"]


@pytest.mark.parametrize("kind", ["file", "no parent"])
def test_a_target_that_cannot_be_a_folder_is_refused(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    target = tmp_path / "taken"
    if kind == "file":
        target.write_text("x", encoding="utf-8")
    else:
        target = tmp_path / "missing" / "deeper"
    result = export(runner, str(target), code=1)
    assert result.stderr.startswith("minusma: ")
    assert "Traceback" not in result.output


def test_a_failure_while_writing_leaves_nothing(runner: CliRunner, tmp_path: Path, monkeypatch: Any) -> None:
    written: list[str] = []
    real = package._write_file

    def failing(path: Path, data: bytes) -> None:
        if len(written) == 3:
            raise OSError(28, "No space left on device")
        written.append(path.name)
        real(path, data)

    monkeypatch.setattr(package, "_write_file", failing)
    result = export(runner, str(tmp_path / "p"), code=4)
    assert "No space left on device" in result.stderr
    assert os.listdir(tmp_path) == []


def test_ctrl_c_while_writing_leaves_nothing(runner: CliRunner, tmp_path: Path, monkeypatch: Any) -> None:
    def interrupted(path: Path, data: bytes) -> None:
        path.write_bytes(data[:10])
        raise KeyboardInterrupt

    monkeypatch.setattr(package, "_write_file", interrupted)
    export(runner, str(tmp_path / "p"), code=130)
    assert os.listdir(tmp_path) == []


def test_a_failure_while_replacing_puts_the_old_files_back(runner: CliRunner, tmp_path: Path, monkeypatch: Any) -> None:
    target = tmp_path / "p"
    export(runner, str(target))
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    before = listing(target)
    real = os.replace
    calls: list[str] = []

    def failing(source: Any, destination: Any) -> None:
        calls.append(str(destination))
        if len(calls) == 7:
            raise OSError(5, "Input/output error")
        real(source, destination)

    monkeypatch.setattr(package.os, "replace", failing)
    export(runner, str(target), "--force", "--lang", "fr", code=4)
    monkeypatch.setattr(package.os, "replace", real)
    assert listing(target) == before
    assert sorted(os.listdir(tmp_path)) == ["p"]


def test_export_takes_no_output_format(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "p"), "--json"])
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "p").exists()


# --------------------------------------------------------------------------- odd places and signals (issue 21)


def test_into_an_existing_folder_nothing_is_staged_beside_it(
    runner: CliRunner, tmp_path: Path, monkeypatch: Any
) -> None:
    """DIR may be a mount point or sit in a folder we may not write: the package is staged inside it."""
    target = tmp_path / "mounted"
    target.mkdir()
    staged_in: list[Path] = []
    real = package._write_file

    def recording(path: Path, data: bytes) -> None:
        staged_in.append(path.parent.parent)
        real(path, data)

    monkeypatch.setattr(package, "_write_file", recording)
    export(runner, str(target))
    assert set(staged_in) == {target}
    assert sorted(os.listdir(tmp_path)) == ["mounted"]
    assert not [name for name in os.listdir(target) if name.startswith(".")]


def test_a_new_folder_is_staged_beside_it(runner: CliRunner, tmp_path: Path, monkeypatch: Any) -> None:
    staged_in: list[Path] = []
    real = package._write_file

    def recording(path: Path, data: bytes) -> None:
        staged_in.append(path.parent.parent)
        real(path, data)

    monkeypatch.setattr(package, "_write_file", recording)
    export(runner, str(tmp_path / "new"))
    assert set(staged_in) == {tmp_path}


def test_an_empty_folder_name_is_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "export", ""], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert "DIR is empty" in result.stderr
    assert os.listdir(tmp_path) == []


def test_output_is_refused_not_ignored(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(tmp_path / "p"), "--output", str(tmp_path / "f")])
    assert result.exit_code == 2, result.output
    assert "--output does not apply" in result.stderr
    assert os.listdir(tmp_path) == []


def test_help_does_not_offer_the_output_it_refuses(runner: CliRunner) -> None:
    shown = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"}).stdout
    assert "--force" in shown and "--output" not in shown


@pytest.mark.parametrize(
    ("args", "flag"), [(["--format", "csv"], "--format csv"), (["--csv"], "--csv"), (["--json"], "--json")]
)
def test_a_format_is_refused_as_not_applying_not_as_one_it_cannot_print(
    runner: CliRunner, tmp_path: Path, args: list[str], flag: str
) -> None:
    """It said "cannot print csv; it prints: table", though the package it writes is CSV."""
    result = runner.invoke(app, ["export", str(tmp_path / "p"), *args])
    assert result.exit_code == 2, result.output
    said = " ".join(result.stderr.split())
    assert f"{flag} does not apply (leave it out)" in said and "cannot print" not in said
    assert os.listdir(tmp_path) == []


def test_concurrent_exports_into_one_new_folder_say_not_empty(tmp_path: Path) -> None:
    target = tmp_path / "p"
    runs = [
        subprocess.Popen([sys.executable, "-m", "minusma", "export", str(target)], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for _ in range(6)
    ]  # fmt: skip
    results = [(run.wait(timeout=120), run.stderr.read() if run.stderr else "") for run in runs]
    assert {code for code, _ in results} <= {0, 1}, results
    assert [code for code, _ in results].count(0) >= 1
    assert all("is not empty" in said for code, said in results if code == 1)
    assert sorted(os.listdir(tmp_path)) == ["p"]


KILLED_WHILE_WRITING = """
import os, signal, sys
STOP = getattr(signal, sys.argv[1])
from minusma.output import package
from minusma import entry

real = package._write_file
def write_then_die(path, data):
    real(path, data)
    os.kill(os.getpid(), STOP)
package._write_file = write_then_die
sys.argv = ["minusma", "export", sys.argv[2]]
entry.main()
"""


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
@pytest.mark.parametrize("existing", [False, True])
def test_a_stop_signal_while_writing_leaves_nothing(tmp_path: Path, name: str, code: int, existing: bool) -> None:
    target = tmp_path / "p"
    if existing:
        target.mkdir()
    result = subprocess.run(
        [sys.executable, "-c", KILLED_WHILE_WRITING, name, str(target)], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stderr) == (code, "")
    assert os.listdir(tmp_path) == (["p"] if existing else [])
    assert not existing or os.listdir(target) == []


def test_the_package_keeps_values_verbatim_even_formulas(
    runner: CliRunner, tmp_path: Path, write_fact_base: Callable[..., Path]
) -> None:
    """Decided (issue 21 item 10): the package is data for programs, so its CSVs hold the values as they
    are, where --csv (for people opening it in a spreadsheet) prefixes a formula with '."""
    formula = '=HYPERLINK("http://x","y")'

    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["text"]["en"] = formula

    path = write_fact_base(mutate)
    export(runner, str(tmp_path / "p"), "--data", str(path))
    assert rows(tmp_path / "p" / "events.csv")[0]["text_en"] == formula
    printed = runner.invoke(app, ["timeline", "--csv", "--data", str(path)]).stdout
    assert "'=HYPERLINK" in printed


def test_fatalities_and_bases_keep_their_values(
    runner: CliRunner, tmp_path: Path, shipped_data: dict[str, Any]
) -> None:
    export(runner, str(tmp_path / "p"))
    fatalities = rows(tmp_path / "p" / "fatalities.csv")
    keys = ("id", "un_id", "date", "country", "personnel", "cause", "gender")
    assert [{key: row[key] for key in keys} for row in fatalities] == [
        {key: record[key] for key in keys} for record in shipped_data["fatalities"]
    ]
    assert [int(row["row"]) for row in fatalities] == [record["row"] for record in shipped_data["fatalities"]]
    bases = rows(tmp_path / "p" / "bases.csv")
    assert [(row["id"], float(row["longitude"]), float(row["latitude"]), row["closed"] or None) for row in bases] == [
        (base["id"], base["longitude"], base["latitude"], base.get("closed", {}).get("date"))
        for base in shipped_data["bases"]
    ]
    presence = rows(tmp_path / "p" / "base_presence.csv")
    first = shipped_data["bases"][0]["presence"][0]
    assert presence[0]["base"] == shipped_data["bases"][0]["id"] and presence[0]["date"] == first["date"]
    assert presence[0]["troops"] == str(first.get("troops", ""))
    descriptor = json.loads((tmp_path / "p" / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(item for item in descriptor["resources"] if item["name"] == "base_presence")
    assert resource["schema"]["foreignKeys"] == [
        {"fields": ["base"], "reference": {"resource": "bases", "fields": ["id"]}}
    ]


def test_each_contribution_says_its_basis(runner: CliRunner, tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    """An estimate is never exported as if a source stated it: the basis column, checked against its enum."""
    export(runner, str(tmp_path / "package"))
    found = {row["id"]: row["basis"] for row in rows(tmp_path / "package" / "contributions.csv")}
    assert found == {item["id"]: item.get("basis", "stated") for item in shipped_data["contributions"]}
    assert set(found.values()) == {"stated", "yearly_mean", "unit_sizes"}
    descriptor = json.loads((tmp_path / "package" / "datapackage.json").read_text(encoding="utf-8"))
    (table,) = [resource for resource in descriptor["resources"] if resource["name"] == "contributions"]
    (field,) = [field for field in table["schema"]["fields"] if field["name"] == "basis"]
    assert field["constraints"] == {"enum": ["stated", "yearly_mean", "unit_sizes"], "required": True}


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("name", ["d" * 300, "a/" + "d" * 300 + "/b"])
def test_a_folder_name_too_long_for_the_system_is_an_error_that_says_so(tmp_path: Path, name: str, lang: str) -> None:
    """`export` of a 300-byte name was an internal error (exit 3): the check whether it exists already raised
    "File name too long" before the part that reports a system's refusal."""
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "--lang", lang, "export", name],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode in (1, 4), (done.returncode, done.stderr)
    assert "internal" not in done.stderr and "intern" not in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.startswith("minusma: ") and done.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_file_where_the_parent_folder_should_be_is_named_as_a_file_not_as_missing(tmp_path: Path, lang: str) -> None:
    """`export afile/pkg` said "the folder afile does not exist" while afile was there, a file."""
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "--lang", lang, "export", "afile/pkg"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    expected = {"en": "afile exists and is not a folder", "nl": "afile", "fr": "afile"}[lang]
    assert expected in done.stderr
    from minusma.messages import say

    assert done.stderr.strip() == "minusma: " + say("export.not_folder", lang, path="afile")  # type: ignore[arg-type]


def test_the_budget_figures_are_exported_as_the_fact_base_holds_them(runner: CliRunner, tmp_path: Path) -> None:
    """Every figure of every fiscal year, one row each: 2023/24's preferred whole-year amount and its
    interim half-year one, with their ranks, read back by the csv module."""
    target = tmp_path / "package"
    export(runner, str(target))
    table = rows(target / "budget_figures.csv")
    year = [row for row in table if row["fiscal_year"] == "2023/24"]
    assert {(row["amount"], row["amount_qualifier"], row["rank"]) for row in year if row["kind"] == "approved"} == {
        ("867000000", "about", "preferred"),
        ("590000000", "about", "normal"),
        ("560000000", "about", "normal"),
    }
    assert all(row["what_en"] and row["what_nl"] and row["what_fr"] and row["sources"] for row in table)
