"""JSON: the result itself, UTF-8; indented for a person at a terminal, compact for a pipe (as ``gh`` does)."""

from __future__ import annotations

from typing import Any

from pydantic_core import to_json

from minusma.messages import Lang
from minusma.output.stream import is_terminal, write_bytes
from minusma.output.view import View


def write(view: View[Any], lang: Lang) -> None:
    write_bytes(to_json(view.result, indent=2 if is_terminal() else None) + b"\n")
