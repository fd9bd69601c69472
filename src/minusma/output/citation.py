"""What every citation format takes from a source: its type, its date parts, and the few words
that follow the user's language (the Security Council's name, 'press release', 'n.d.').

Shared by the writers ``text``, ``csl_json``, ``bibtex`` and ``ris``. Everything else in a
reference is the source's own: its title, publisher, URL, language, date and UN symbol.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from minusma.messages import Lang, say
from minusma.model import Source, SourceKind
from minusma.output.view import View

if TYPE_CHECKING:
    from minusma.query import CiteResult


class Reference(NamedTuple):
    id: str
    kind: SourceKind | None
    title: str
    publisher: str
    url: str
    language: str
    published: str | None
    date: tuple[int, ...]
    """(year,), (year, month) or (year, month, day): the precision the source has; () when undated."""
    symbol: str | None
    author: str
    """The corporate author: the Security Council for a resolution (and a report issued in its
    series, where the source names it) in the user's language, else the source's ``author``, else
    its publisher, so that every citation style has an author to print."""
    persons: tuple[tuple[str, str | None], ...]
    """(family, given) of each person the source names as an author; where any, they are the authors."""
    accessed: tuple[int, int, int] | None
    """The day the record entered the fact base (year, month, day), from the repository's history."""
    genre: str | None
    """'Resolution', 'Press release' or 'Report' in the user's language, where the kind asks for it."""
    copy_note: str | None
    """'Copy read: URL' in the user's language, where ``url`` is the official record and a copy was read."""


def reference(source: Source, lang: Lang) -> Reference:
    kind = source.get("kind")
    published = source.get("published")
    genre = say(f"cite.genre.{kind}", lang) if kind in ("resolution", "press_release", "report") else None
    author = source.get("author")
    if author == say("cite.security_council", "en") or (author is None and kind == "resolution"):
        author = say("cite.security_council", lang)  # the Council's own name in each of its languages
    accessed = source.get("accessed")
    return Reference(
        id=source["id"],
        kind=kind,
        title=source["title"],
        publisher=source["publisher"],
        url=source["url"],
        language=source["language"],
        published=published,
        date=tuple(int(part) for part in published.split("-")) if published else (),
        symbol=source.get("symbol"),
        author=author if author is not None else source["publisher"],
        persons=tuple((person["family"], person.get("given")) for person in source.get("persons", [])),
        accessed=_day(accessed) if accessed is not None else None,
        genre=genre,
        copy_note=say("cite.copy_read", lang, url=source["alternative_urls"][0])
        if "alternative_urls" in source
        else None,
    )


def _day(text: str) -> tuple[int, int, int]:
    year, month, day = (int(part) for part in text.split("-"))
    return year, month, day


def references(view: View[Any], lang: Lang) -> Sequence[Reference]:
    result = cast("CiteResult", view.result)
    return [reference(source, lang) for source in result["sources"]]
