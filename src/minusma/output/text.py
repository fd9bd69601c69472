"""A plain reference list: one line per source, as a person pastes it into a text.

``Author (date). Title [press release, SC/15341]. Publisher. URL``: the people a source names,
else its corporate author (the Security Council for a resolution, the agency for a wire story);
the publisher follows the title where it is not the author already; where the
URL is the official record, the copy read follows it. The date keeps its precision; an undated source
says so in the user's language ('n.d.'). Always UTF-8, like every citation format.
"""

from __future__ import annotations

from typing import Any

from minusma.messages import Lang, say
from minusma.output.cells import safe
from minusma.output.citation import Reference, references
from minusma.output.stream import write_bytes
from minusma.output.view import View


def line(item: Reference, lang: Lang) -> str:
    who = ", ".join(f"{family}, {given}" if given else family for family, given in item.persons) or item.author
    when = item.published or say("cite.no_date", lang)
    genre = item.genre if item.kind != "resolution" else None  # 'Resolution 2100 (2013) [Resolution, …]' says it twice
    described = [part for part in (genre, item.symbol) if part]
    title = item.title + (f" [{', '.join(described)}]" if described else "")
    parts = [f"{who} ({when})", title]
    if who != item.publisher:
        parts.append(item.publisher)
    sentence = "".join(part if part.endswith((".", "?", "!")) else part + "." for part in _spaced(parts))
    copy = f" ({item.copy_note})" if item.copy_note is not None else ""
    return safe(f"{sentence} {item.url}{copy}", lines=False)


def _spaced(parts: list[str]) -> list[str]:
    return [part if index == 0 else " " + part for index, part in enumerate(parts)]


def write(view: View[Any], lang: Lang) -> None:
    write_bytes("".join(line(item, lang) + "\n" for item in references(view, lang)).encode("utf-8"))
