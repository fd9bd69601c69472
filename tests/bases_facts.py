"""What the tests of sites share: the bases importer loaded from tools/, and a small site to put on a date."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from minusma.model import Base, FactBase

REPO = Path(__file__).resolve().parents[1]


def bases_importer() -> ModuleType:
    """tools/import_bases.py as a module (it is a script, not part of the package)."""
    spec = importlib.util.spec_from_file_location("import_bases", REPO / "tools" / "import_bases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def a_site(*dates: str, closed: str | None = None, dataset: str = "geopko-map") -> Base:
    """A site with one row of 150 Chadian troops per date, closed on ``closed`` if given."""
    base: dict[str, Any] = {
        "id": "base-test", "name": {"en": "Testville", "nl": "Teststad", "fr": "Testville"}, "spellings": [],
        "region": {"en": "Gao", "nl": "Gao", "fr": "Gao"}, "longitude": 0.0, "latitude": 16.0,
        "sources": ["geopko-v2.3-frontmap"],
        "presence": [
            {"date": date, "dataset": dataset, "estimate": "unit_sizes", "troops": 150,
             "troops_by_country": {"TCD": 150}, "sources": ["geopko-maps-2014-2018"]}
            for date in dates
        ],
    }  # fmt: skip
    if closed is not None:
        base["closed"] = {"date": closed, "event": "ev-2023-kidal"}
    return base  # type: ignore[return-value]


def with_sites(facts: FactBase, *bases: Base) -> FactBase:
    """``facts`` with exactly these sites."""
    changed = dict(facts)
    changed["bases"] = list(bases)
    return changed  # type: ignore[return-value]
