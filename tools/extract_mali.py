"""Extract Mali's outline from world-atlas's TopoJSON into src/minusma/mali.json (the map's boundary).

    python tools/extract_mali.py            # rewrites src/minusma/mali.json
    python tools/extract_mali.py --check    # exit 1 if mali.json is not what the extraction gives

Reads only the copy data/sources/boundaries/world-atlas-2.0.2/countries-50m.json, the package's
file unchanged (its checksum must match data/sources/boundaries/provenance.json, which says where
it came from). A test holds the result to the bytes shipped.

world-atlas 2.0.2 (Mike Bostock, ISC licence) redistributes Natural Earth's Admin 0 country
boundaries, version 4.1.0 (public domain), as TopoJSON. This decodes the arcs of the feature whose
name is "Mali" (delta-encoded, quantized: the file's transform), and writes one GeoJSON Polygon or
MultiPolygon, coordinates rounded to 0.001 degree (about 100 m, far finer than the 1:50m source).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when a test loads this file
from importing import checked_copy, topojson_arcs, write_or_check  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources" / "boundaries"
SOURCE = "world-atlas-2.0.2/countries-50m.json"
OUT = REPO / "src" / "minusma" / "mali.json"


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return [list(point) for point in points]


def extracted(raw: bytes) -> str:
    """mali.json's text from the bytes of world-atlas's countries-50m.json."""
    topology = json.loads(raw)
    arcs = topojson_arcs(topology, 3)
    (mali,) = [item for item in topology["objects"]["countries"]["geometries"] if item["properties"]["name"] == "Mali"]
    if mali["type"] == "Polygon":
        coordinates: Any = [_ring(ring, arcs) for ring in mali["arcs"]]
    else:
        coordinates = [[_ring(ring, arcs) for ring in polygon] for polygon in mali["arcs"]]
    feature = {
        "type": "Feature",
        "properties": {
            "name": "Mali",
            "source": "Natural Earth Admin 0 country boundaries 1:50m, v4.1.0 (public domain), "
            "through the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock), file countries-50m.json",
            "source_sha256": hashlib.sha256(raw).hexdigest(),
        },
        "geometry": {"type": mali["type"], "coordinates": coordinates},
    }
    return json.dumps(feature, separators=(",", ":")) + "\n"


def main(argv: list[str]) -> int:
    return write_or_check(OUT, extracted(checked_copy(SOURCES, SOURCE)), argv, "tools/extract_mali.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
