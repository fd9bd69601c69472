"""One home for output: a writer module per format, and the registry that names them.

A format is one module here with a ``write(view, lang)`` function, plus its line in
``WRITERS``; one module may write several formats (``chart`` draws SVG and PNG), naming a
function per format as ``module:function``. Writers are imported only when used, so the
JSON path never loads rich or matplotlib. Every byte goes out through
:mod:`minusma.output.stream`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any, Literal

from minusma.messages import Lang
from minusma.output.view import View, view

__all__ = ["CITATIONS", "FORMATS", "Format", "View", "view", "write"]

Format = Literal[
    "table", "json", "csv", "md", "html", "timelinejs", "text", "csl-json", "bibtex", "ris", "svg", "png", "geojson"
]
FORMATS: tuple[Format, ...] = (
    "table", "json", "csv", "md", "html", "timelinejs", "text", "csl-json", "bibtex", "ris", "svg", "png", "geojson",
)  # fmt: skip
CITATIONS: tuple[Format, ...] = ("text", "csl-json", "bibtex", "ris")
"""The formats of ``cite``: a reference list, and the files reference managers import."""

WRITERS: dict[Format, str] = {
    "table": "minusma.output.table",
    "json": "minusma.output.json",
    "csv": "minusma.output.csv",
    "md": "minusma.output.md",
    "html": "minusma.output.html",
    "timelinejs": "minusma.output.timelinejs",
    "text": "minusma.output.text",
    "csl-json": "minusma.output.csl_json",
    "bibtex": "minusma.output.bibtex",
    "ris": "minusma.output.ris",
    "svg": "minusma.output.chart:write_svg",
    "png": "minusma.output.chart:write_png",
    "geojson": "minusma.output.geojson",
}
"""Each format's writer: a module's ``write``, or ``module:function``."""


def writer(format: Format) -> Callable[[View[Any], Lang], None]:
    module, _, function = WRITERS[format].partition(":")
    found: Callable[[View[Any], Lang], None] = getattr(import_module(module), function or "write")
    return found


def write(shown: View[Any], format: Format, lang: Lang, *, page: bool = False, to: str | None = None) -> None:
    """Write ``shown`` in ``format`` to standard output, or to the file ``to`` (whole or not at all);
    with ``page``, long output on a terminal goes through a pager."""
    write_as = writer(format)
    if to is not None:
        from minusma.output.stream import to_file

        with to_file(to):
            write_as(shown, lang)
        return
    if not (page and _on_terminal()):
        write_as(shown, lang)
        return
    from minusma.output.pager import paged  # only on a terminal: the pipe path imports no subprocess

    with paged():
        write_as(shown, lang)


def _on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
