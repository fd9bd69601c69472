"""The floor of a validated run: python bench/floor.py PATH > out.json.

Only what no run on a user's file can skip: the file validated by minusma's own validator
(pydantic-core, in Rust) and its events written back as compact JSON (also in Rust) to
standard output. No cross-record checks, no generated events, no sorting. docs/performance.md
compares it with ``jq -c .`` and ``minusma timeline --json`` through a drained pipe.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path

from pydantic_core import to_json

from minusma.load import fact_base_validator


def main(path: str) -> None:
    gc.disable()  # as minusma runs (entry.py)
    fact_base = fact_base_validator().validate_json(Path(path).read_bytes())
    view = memoryview(to_json(fact_base["events"]) + b"\n")
    while view:
        view = view[os.write(1, view[: 1 << 20]) :]
    os._exit(0)  # as minusma leaves: without freeing the records one by one


if __name__ == "__main__":
    main(sys.argv[1])
