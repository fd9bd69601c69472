"""Write the model's core schema into src/minusma/core_schema.py, then validate data/minusma.json
and write its size and digest into src/minusma/verified.py.

Run after editing the fact base or the model:  python tests/refresh_digest.py
It lives here, not in the package, so the package has no import cycle (load -> verified).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import re
import sys
from pathlib import Path

from minusma import load, model
from minusma.load import validate

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "minusma.json"
VERIFIED = REPO / "src" / "minusma" / "verified.py"
CORE_SCHEMA = REPO / "src" / "minusma" / "core_schema.py"


def write_core_schema() -> str:
    """The core schema as the one line of JSON that core_schema.py holds; written there, and returned."""
    schema = json.dumps(model.core_schema(), ensure_ascii=True, separators=(",", ":"))
    text = CORE_SCHEMA.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^CORE_SCHEMA = .*$", lambda _: f"CORE_SCHEMA = {schema!r}", text)
    CORE_SCHEMA.write_text(text, encoding="utf-8")
    load.fact_base_validator.cache_clear()
    importlib.reload(importlib.import_module("minusma.core_schema"))
    return schema


def main() -> int:
    schema = write_core_schema()
    print(f"{CORE_SCHEMA.relative_to(REPO)}: {len(schema)} characters of JSON")
    name, problems = validate(DATA)
    errors = [problem for problem in problems if problem.severity == "error"]
    if errors:
        print(f"{name} has {len(errors)} errors; run 'minusma validate {name}' first", file=sys.stderr)
        return 1
    data = DATA.read_bytes()
    text = VERIFIED.read_text(encoding="utf-8")
    text = re.sub(r"SHIPPED_SIZE = \d+", f"SHIPPED_SIZE = {len(data)}", text)
    text = re.sub(r'SHIPPED_SHA256 = "[0-9a-f]*"', f'SHIPPED_SHA256 = "{hashlib.sha256(data).hexdigest()}"', text)
    VERIFIED.write_text(text, encoding="utf-8")
    print(f"{VERIFIED.relative_to(REPO)}: {len(data)} bytes, sha256 {hashlib.sha256(data).hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
