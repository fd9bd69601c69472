"""JSON: the result itself, UTF-8; indented for a person at a terminal, compact for a pipe (as ``gh`` does).

Compact JSON is written in pieces of about a megabyte. The items of a long list (a timeline
of 1,000,000 events) are serialised one by one in the order they lie in memory, then written
in the list's order: a sorted timeline visits its events all over the heap, and at a million
events that took three times as long as visiting them in the order they were read. The bytes
are those of one ``to_json`` call (a test compares them).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from minusma.messages import Lang
from minusma.output.cells import safe
from minusma.output.stream import is_terminal, write_bytes
from minusma.output.view import View

SLICE = 5_000
"""Items of a long list serialised at a time."""
_FLUSH = 1 << 20
"""Bytes gathered before they are written."""


_ACTS_ON_A_TERMINAL = re.compile(rb"\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")
"""C1 controls and bidirectional overrides in UTF-8: JSON may hold them raw; a terminal would act on them."""


def _escaped(match: re.Match[bytes]) -> bytes:
    return f"\\u{ord(match[0].decode()):04x}".encode()


def write(view: View[Any], lang: Lang) -> None:
    result = view.result
    if is_terminal():  # for a person: indented, and nothing a terminal would act on (they only come from argv)
        write_bytes(_ACTS_ON_A_TERMINAL.sub(_escaped, _dumps(result, indent=2)) + b"\n")
        return
    if not isinstance(result, dict):
        write_bytes(_dumps(result) + b"\n")
        return
    for piece in pieces(result):
        write_bytes(piece)


def pieces(result: dict[str, Any]) -> Iterator[bytearray]:
    """The compact JSON of ``result`` in pieces of about a megabyte, the last ending in a newline."""
    buffer = bytearray(b"{")
    for position, (key, value) in enumerate(result.items()):
        if position:
            buffer += b","
        buffer += _dumps(key) + b":"
        if isinstance(value, list) and len(value) > SLICE:
            items = _serialised(value)
            buffer += b"["
            for start in range(0, len(items), SLICE):
                if start:
                    buffer += b","
                buffer += b",".join(items[start : start + SLICE])
                if len(buffer) >= _FLUSH:
                    yield buffer
                    buffer = bytearray()
            buffer += b"]"
        else:
            buffer += _dumps(value)
        if len(buffer) >= _FLUSH:
            yield buffer
            buffer = bytearray()
    buffer += b"}\n"
    yield buffer


def _serialised(items: list[Any]) -> list[bytes]:
    """Each item's JSON, in the list's order, made in the order the items lie in memory."""
    places = list(map(id, items))
    in_memory = sorted(range(len(items)), key=places.__getitem__)
    try:
        made = list(map(to_json, map(items.__getitem__, in_memory)))
    except PydanticSerializationError:  # a lone surrogate somewhere: each item its own way
        made = list(map(_dumps, map(items.__getitem__, in_memory)))
    serialised: list[bytes] = [b""] * len(items)
    deque(map(serialised.__setitem__, in_memory, made), maxlen=0)  # each back in its place, in C
    return serialised


def _dumps(value: object, indent: int | None = None) -> bytes:
    try:
        return to_json(value, indent=indent)
    except PydanticSerializationError:  # a lone surrogate: a byte of a file name that is not UTF-8
        return to_json(_encodable(value), indent=indent)


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
