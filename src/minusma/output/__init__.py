"""One home for output: a writer module per format, and the registry that names them.

A format is one module here with a ``write(view, lang)`` function, plus its line in
``WRITERS``. Writers are imported only when used, so the JSON path never loads rich.
Every byte goes out through :mod:`minusma.output.stream`.
"""

from __future__ import annotations

import sys
from importlib import import_module
from typing import Any, Literal, Protocol

from minusma.messages import Lang
from minusma.output.view import View, view

__all__ = ["CITATIONS", "FORMATS", "Format", "View", "view", "write"]

Format = Literal["table", "json", "csv", "md", "html", "timelinejs", "text", "csl-json", "bibtex", "ris"]
FORMATS: tuple[Format, ...] = ("table", "json", "csv", "md", "html", "timelinejs", "text", "csl-json", "bibtex", "ris")
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
}
"""Each format's writer module."""


class Writer(Protocol):
    def write(self, view: View[Any], lang: Lang) -> None: ...


def write(shown: View[Any], format: Format, lang: Lang, *, page: bool = False) -> None:
    """Write ``shown`` in ``format``; with ``page``, long output on a terminal goes through a pager."""
    writer: Writer = import_module(WRITERS[format])
    if not (page and _on_terminal()):
        writer.write(shown, lang)
        return
    from minusma.output.pager import paged  # only on a terminal: the pipe path imports no subprocess

    with paged():
        writer.write(shown, lang)


def _on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
