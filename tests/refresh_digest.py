"""Validate data/minusma.json and write its size and digest into src/minusma/verified.py.

Run after editing the fact base:  python tests/refresh_digest.py
It lives here, not in the package, so the package has no import cycle (load -> verified).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

from minusma.load import validate

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "minusma.json"
VERIFIED = REPO / "src" / "minusma" / "verified.py"


def main() -> int:
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
