"""Shared fixtures: the shipped fact base as data, and a factory for broken copies of it."""

from __future__ import annotations

import atexit
import copy
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

# English and a known locale for every test, whatever the machine says: --help and messages
# follow the locale, and tests that need another language set it themselves.
for _name in ("MINUSMA_LANG", "MINUSMA_DATA", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
# The cache of validated files (load.cache_dir) in a folder of this run's own, not the user's:
# every run of the suite starts with nothing remembered, and runs of it never share entries.
os.environ.pop("MINUSMA_NO_CACHE", None)
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="minusma-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "data" / "minusma.json"

Mutator = Callable[[dict[str, Any]], object]


@pytest.fixture(scope="session")
def shipped_data() -> dict[str, Any]:
    """The shipped fact base as plain JSON data (never modify: copy it)."""
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


@pytest.fixture
def write_fact_base(tmp_path: Path, shipped_data: dict[str, Any]) -> Callable[..., Path]:
    """Write a copy of the shipped fact base, changed by ``mutate``, and return its path."""

    def write(mutate: Mutator | None = None, name: str = "facts.json") -> Path:
        data = copy.deepcopy(shipped_data)
        if mutate is not None:
            mutate(data)
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
