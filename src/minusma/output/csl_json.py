"""CSL-JSON, the input format of Zotero, Mendeley, pandoc and every CSL processor.

Valid against the Citation Style Language's own schema (csl-data.json, v1.0.2; a copy under
tests/ checks every item). A resolution is a ``report`` by the Security Council (a corporate author)
of the genre 'Resolution', its symbol as ``number``: style guides cite UN documents by organ,
title, symbol and date, and CSL styles print ``legislation`` as a state's statute ('Pub. L.'),
which a resolution is not. Reports and press releases are ``report`` with their genre; news is
``article-newspaper`` in its outlet; web pages and encyclopedia entries name their site as
``container-title``. Every item has an ``author``: the people the source names, else its corporate
author as a ``literal``. ``issued`` keeps the date's precision; ``accessed`` is the day the record
entered the fact base (tools/access_dates.py). Where the URL is the official record,
the copy read is named in ``note``.
"""

from __future__ import annotations

import json
from typing import Any

from minusma.messages import Lang
from minusma.model import SourceKind
from minusma.output.citation import Reference, references
from minusma.output.stream import write_bytes
from minusma.output.view import View

TYPES: dict[SourceKind | None, str] = {
    "resolution": "report",
    "press_release": "report",
    "news": "article-newspaper",
    "government": "document",
    "report": "report",
    "web_page": "webpage",
    "encyclopedia": "entry-encyclopedia",
    "dataset": "dataset",
    None: "document",
}
_IN_A_CONTAINER = ("news", "web_page", "encyclopedia")


def item(source: Reference) -> dict[str, object]:
    found: dict[str, object] = {"id": source.id, "citation-key": source.id, "type": TYPES[source.kind]}
    if source.persons:
        found["author"] = [
            {"family": family, "given": given} if given else {"family": family} for family, given in source.persons
        ]
    else:
        found["author"] = [{"literal": source.author}]
    found["title"] = source.title
    if source.kind in _IN_A_CONTAINER:
        found["container-title"] = source.publisher
    found["publisher"] = source.publisher
    if source.genre is not None:
        found["genre"] = source.genre
    if source.symbol is not None:
        found["number"] = source.symbol
    if source.date:
        found["issued"] = {"date-parts": [list(source.date)]}
    found["URL"] = source.url
    if source.accessed is not None:
        found["accessed"] = {"date-parts": [list(source.accessed)]}
    if source.copy_note is not None:
        found["note"] = source.copy_note
    found["language"] = source.language
    return found


def write(view: View[Any], lang: Lang) -> None:
    items = [item(source) for source in references(view, lang)]
    write_bytes((json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
