"""What the importers under tools/ share: keeping a source's access date, checking a kept copy.

Each importer rebuilds its records and their dataset sources from data/sources/; a source's
``accessed`` comes from the repository's history (tools/access_dates.py), not from the dataset,
so a rebuilt source keeps the day its record first entered the fact base.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any


def kept_accessed(new: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``new`` with the old record's ``accessed`` (tools/access_dates.py's field, from the history)."""
    if "accessed" not in old or "accessed" in new:
        return new
    record: dict[str, Any] = {}
    for key, value in new.items():
        record[key] = value
        if key == "url":
            record["accessed"] = old["accessed"]
    return record


def checked_copy(folder: Path, path: str) -> bytes:
    """The bytes of ``folder/path``, a copy kept under data/sources/, once its SHA-256 is the one
    ``folder/provenance.json`` records for it (else the import stops: it would build from another file)."""
    provenance = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    (record,) = [item for item in provenance["files"] if item["path"] == path]
    raw = (folder / path).read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != record["sha256"]:
        raise SystemExit(f"{path}: not the file provenance.json describes (sha256 {digest})")
    return raw


def write_or_check(out: Path, new: str, argv: list[str], script: str) -> int:
    """Write ``new`` to ``out``, or with ``--check`` in ``argv`` compare without writing: 1 if it differs."""
    if "--check" in argv:
        if out.read_text(encoding="utf-8") != new:
            repo = Path(__file__).resolve().parents[1]
            shown = out.relative_to(repo) if out.is_relative_to(repo) else out
            print(f"{shown} differs from what {script} gives", file=sys.stderr)
            return 1
        return 0
    out.write_text(new, encoding="utf-8")
    return 0


def topojson_arcs(topology: dict[str, Any], digits: int | None = None) -> list[list[tuple[float, float]]]:
    """A TopoJSON topology's arcs as coordinates: its delta-encoded, quantised points decoded by its
    transform; each coordinate rounded to ``digits`` decimals where given."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            point = (x * scale_x + shift_x, y * scale_y + shift_y)
            points.append(point if digits is None else (round(point[0], digits), round(point[1], digits)))
        decoded.append(points)
    return decoded
