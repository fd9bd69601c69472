"""Compact JSON streamed a slice at a time is byte for byte what one serialisation gives."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic_core import to_json

from minusma.output.json import SLICE, _encodable, pieces


def _result(count: int, odd: str = "") -> dict[str, Any]:
    events = [{"id": f"ev-{index}", "text": "Gao é 12\u202f640" * (index % 3), "n": index} for index in range(count)]
    if odd:
        events[count // 2]["text"] = odd
    return {"as_of": "2026-11-28", "filters": {"date_from": None}, "events": events, "sources": [], "empty": []}


@pytest.mark.parametrize("count", [0, 1, SLICE - 1, SLICE, SLICE + 1, 3 * SLICE + 17])
def test_streamed_json_is_one_serialisation_byte_for_byte(count: int) -> None:
    result = _result(count)
    streamed = list(pieces(result))
    assert b"".join(streamed) == to_json(result) + b"\n"
    assert all(len(piece) < 2 * (1 << 20) for piece in streamed)  # never the whole text in one piece


def test_a_lone_surrogate_in_one_slice_is_shown_as_its_byte_and_the_rest_is_unchanged() -> None:
    result = _result(2 * SLICE + 3, odd="caf\udce9.json")
    streamed = b"".join(pieces(result))
    assert streamed == to_json(_encodable(result)) + b"\n"
    assert b"caf\\\\xe9.json" in streamed
