"""One home for output: a writer module per format, and the registry that names them.

A format is one module here with a ``write(view, lang)`` function, registered in ``WRITERS``
with what it writes: ``tables`` (any command's sheets: every command that prints tables
accepts it, and every help text lists it), ``citations`` (``cite``'s reference lists),
``chart`` (a command's figure) or ``story`` (the timeline's eras and slides). One module may
write several formats (``chart`` draws SVG and PNG), naming a function per format as
``module:function``. Writers are imported only when used, so the JSON path never loads
rich or matplotlib. Every byte goes out through :mod:`minusma.output.stream`.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any, Literal, NamedTuple

from minusma.messages import Lang
from minusma.output.view import View, view

__all__ = ["WRITERS", "Format", "Kind", "View", "Writer", "formats", "register", "view", "write"]

Format = str
"""A format's name, as ``--format`` takes it: a key of :data:`WRITERS`."""

Kind = Literal["tables", "citations", "chart", "story", "places"]
"""What a writer writes; a command says which kinds it prints, and accepts every writer of them."""


class Writer(NamedTuple):
    target: str
    """The writer: a module whose ``write`` it is, or ``module:function``."""
    kind: Kind
    gloss: str | None = None
    """What the format's name stands for, shown after it in the top level's help (``md (Markdown)``)."""


WRITERS: dict[Format, Writer] = {
    "table": Writer("minusma.output.table", "tables"),
    "json": Writer("minusma.output.json", "tables"),
    "csv": Writer("minusma.output.csv", "tables"),
    "md": Writer("minusma.output.md", "tables", gloss="Markdown"),
    "html": Writer("minusma.output.html", "tables"),
    "xlsx": Writer("minusma.output.xlsx", "tables", gloss="Excel workbook"),
    "timelinejs": Writer("minusma.output.timelinejs", "story"),
    "text": Writer("minusma.output.text", "citations"),
    "csl-json": Writer("minusma.output.csl_json", "citations"),
    "bibtex": Writer("minusma.output.bibtex", "citations"),
    "ris": Writer("minusma.output.ris", "citations"),
    "svg": Writer("minusma.output.chart:write_svg", "chart"),
    "png": Writer("minusma.output.chart:write_png", "chart"),
    "geojson": Writer("minusma.output.geojson", "places"),
}
"""Every format, in the order help texts list them; the first of a command's formats is its default."""


def register(name: Format, writer: Writer) -> None:
    """Add a format (a plug-in's, or a test's): from then on every command that prints its kind accepts it."""
    WRITERS[name] = writer


def formats(*kinds: Kind) -> tuple[Format, ...]:
    """The formats that write ``kinds``, kind by kind, each in registry order."""
    return tuple(name for kind in kinds for name, writer in WRITERS.items() if writer.kind == kind)


def writer(format: Format) -> Callable[[View[Any], Lang], None]:
    module, _, function = WRITERS[format].target.partition(":")
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
