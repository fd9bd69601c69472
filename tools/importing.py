"""What the importers under tools/ share: keeping a source's access date, placing a rebuilt source,
checking a kept copy, writing the fact base in its own layout.

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


def merged_sources(
    sources: list[dict[str, Any]], rebuilt: list[dict[str, Any]], before: str | None = None
) -> list[dict[str, Any]]:
    """``sources`` with each ``rebuilt`` source in the place of the record with its id (keeping that
    record's ``accessed``), or, if it is new, inserted before the source ``before`` (else at the end)."""
    merged = list(sources)
    for source in rebuilt:
        known = [item["id"] for item in merged]
        if source["id"] in known:
            merged[known.index(source["id"])] = kept_accessed(source, merged[known.index(source["id"])])
        else:
            merged.insert(known.index(before) if before in known else len(merged), source)
    return merged


def dumps(fact_base: dict[str, Any]) -> str:
    """The fact base file's own layout: two-space indents, UTF-8 text, a final newline."""
    return json.dumps(fact_base, ensure_ascii=False, indent=2) + "\n"


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
