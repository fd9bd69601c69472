"""CSL-JSON, the input format of Zotero, Mendeley, pandoc and every CSL processor.

Valid against the Citation Style Language's own schema (csl-data.json, v1.0.2; a copy under
tests/ checks every item). A resolution is ``legislation`` by the Security Council with its
symbol as ``number``; a press release is a ``report`` of the genre 'Press release'; news is
``article-newspaper`` in its outlet; web pages and encyclopedia entries name their site as
``container-title``. ``issued`` keeps the date's precision.
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
    "resolution": "legislation",
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
    if source.author is not None:
        found["author"] = [{"literal": source.author}]
        found["authority"] = source.author
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
    found["language"] = source.language
    return found


def write(view: View[Any], lang: Lang) -> None:
    items = [item(source) for source in references(view, lang)]
    write_bytes((json.dumps(items, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
