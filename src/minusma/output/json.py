"""JSON: the result itself, UTF-8; indented for a person at a terminal, compact for a pipe (as ``gh`` does)."""

from __future__ import annotations

from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from minusma.messages import Lang
from minusma.output.cells import safe
from minusma.output.stream import is_terminal, write_bytes
from minusma.output.view import View


def write(view: View[Any], lang: Lang) -> None:
    indent = 2 if is_terminal() else None
    try:
        data = to_json(view.result, indent=indent)
    except PydanticSerializationError:  # a lone surrogate: a byte of a file name that is not UTF-8
        data = to_json(_encodable(view.result), indent=indent)
    write_bytes(data)
    write_bytes(b"\n")  # not data + b"\n": that copies every byte of a large result once more


def _encodable(value: object) -> object:
    """The result with each text that UTF-8 cannot hold shown as in messages (``caf\\xe9.json``)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return safe(value)
        return value
    if isinstance(value, dict):
        return {_encodable(key): _encodable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encodable(item) for item in value]
    return value
