"""One home for output: a writer module per format, and the registry that names them.

A format is one module here with a ``write(view, lang)`` function, plus its line in
``WRITERS``. Writers are imported only when used, so the JSON path never loads rich.
Every byte goes out through :mod:`minusma.output.stream`.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any, Literal, Protocol

from minusma.messages import Lang
from minusma.output.view import View, view

__all__ = ["FORMATS", "Format", "View", "view", "write"]

Format = Literal["table", "json", "csv"]
FORMATS: tuple[Format, ...] = ("table", "json", "csv")

WRITERS: dict[Format, str] = {
    "table": "minusma.output.table",
    "json": "minusma.output.json",
    "csv": "minusma.output.csv",
}
"""Each format's writer module."""


class Writer(Protocol):
    def write(self, view: View[Any], lang: Lang) -> None: ...


def write(shown: View[Any], format: Format, lang: Lang, to: str | None = None) -> None:
    """Write ``shown`` in ``format`` to standard output, or to the file ``to`` (whole or not at all)."""
    writer: Writer = import_module(WRITERS[format])
    if to is None:
        writer.write(shown, lang)
        return
    from minusma.output.stream import to_file

    with to_file(to):
        writer.write(shown, lang)
