"""RIS, the tagged format of EndNote, Zotero, Mendeley and most library catalogues.

One ``TAG  - value`` line per field, each reference from ``TY`` to ``ER``. Tags follow what
Zotero reads back: resolutions, press releases and reports are ``RPRT`` (``AU`` the corporate
author, ``M3`` the kind of document, ``SN`` the UN symbol, which Zotero reads as the report number,
``PB`` the issuer): the same type as in CSL-JSON and BibTeX, never ``STAT`` (a state's statute).
Where the URL is the official record, ``N1`` names the copy read. News ``NEWS`` and
web pages ``ELEC`` and encyclopedia entries ``ENCYC`` with their outlet or site in ``T2``,
government documents ``GOVDOC``. ``DA`` keeps the date's precision (``2013/07``). Every reference
has ``AU``: one per person the source names, else its corporate author. ``Y2``, which Zotero reads as
the access date, is the day the record entered the fact base (tools/access_dates.py). Always UTF-8.
"""

from __future__ import annotations

from typing import Any

from minusma.messages import Lang
from minusma.model import SourceKind
from minusma.output.cells import safe
from minusma.output.citation import Reference, references
from minusma.output.stream import write_bytes
from minusma.output.view import View

TYPES: dict[SourceKind | None, str] = {
    "resolution": "RPRT",
    "press_release": "RPRT",
    "news": "NEWS",
    "government": "GOVDOC",
    "report": "RPRT",
    "web_page": "ELEC",
    "encyclopedia": "ENCYC",
    "dataset": "DATA",
    None: "GEN",
}
_IN_A_CONTAINER = ("news", "web_page", "encyclopedia")


def lines(source: Reference) -> list[tuple[str, str]]:
    tags: list[tuple[str, str]] = [("TY", TYPES[source.kind]), ("ID", source.id)]
    if source.persons:
        tags += [("AU", f"{family}, {given}" if given else family) for family, given in source.persons]
    else:
        tags.append(("AU", source.author))
    tags.append(("TI", source.title))
    tags.append(("T2", source.publisher) if source.kind in _IN_A_CONTAINER else ("PB", source.publisher))
    if source.genre is not None:
        tags.append(("M3", source.genre))
    if source.symbol is not None:
        tags.append(("SN", source.symbol))
    if source.date:
        tags.append(("PY", f"{source.date[0]:04d}"))
        if len(source.date) > 1:
            tags.append(("DA", "/".join(f"{part:02d}" for part in source.date)))
    tags.append(("UR", source.url))
    if source.accessed is not None:
        tags.append(("Y2", "/".join(f"{part:02d}" for part in source.accessed)))
    tags.append(("LA", source.language))
    if source.copy_note is not None:
        tags.append(("N1", source.copy_note))
    return tags


def record(source: Reference) -> str:
    return "".join(f"{tag}  - {safe(value, lines=False)}\n" for tag, value in lines(source)) + "ER  - \n"


def write(view: View[Any], lang: Lang) -> None:
    write_bytes("\n".join(record(source) for source in references(view, lang)).encode("utf-8"))
