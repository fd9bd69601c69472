"""One home for output: a writer module per format, and the registry that names them.

A format is one module here with a ``write(view, lang)`` function, plus its line in
``WRITERS``; one module may write several formats (``chart`` draws SVG and PNG), naming a
function per format as ``module:function``. Writers are imported only when used, so the
JSON path never loads rich or matplotlib. Every byte goes out through
:mod:`minusma.output.stream`.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any, Literal

from minusma.messages import Lang
from minusma.output.view import View, view

__all__ = ["FORMATS", "Format", "View", "view", "write"]

Format = Literal["table", "json", "csv", "svg", "png"]
FORMATS: tuple[Format, ...] = ("table", "json", "csv", "svg", "png")

WRITERS: dict[Format, str] = {
    "table": "minusma.output.table",
    "json": "minusma.output.json",
    "csv": "minusma.output.csv",
    "svg": "minusma.output.chart:write_svg",
    "png": "minusma.output.chart:write_png",
}
"""Each format's writer: a module's ``write``, or ``module:function``."""


def writer(format: Format) -> Callable[[View[Any], Lang], None]:
    module, _, function = WRITERS[format].partition(":")
    found: Callable[[View[Any], Lang], None] = getattr(import_module(module), function or "write")
    return found


def write(shown: View[Any], format: Format, lang: Lang, to: str | None = None) -> None:
    """Write ``shown`` in ``format`` to standard output, or to the file ``to`` (whole or not at all)."""
    write_as = writer(format)
    if to is None:
        write_as(shown, lang)
        return
    from minusma.output.stream import to_file

    with to_file(to):
        write_as(shown, lang)
