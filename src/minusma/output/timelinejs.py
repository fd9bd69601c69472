"""TimelineJS 3: the timeline as the JSON its ``TL.Timeline`` reads (timeline.knightlab.com/docs/json-format.html).

Each event is a slide whose ``start_date`` holds only the parts its date has (``2014``
gives ``{"year": 2014}``, never an invented month or day; TimelineJS then shows the year
alone); its ``group`` is the category in the chosen language; each mandate period is an
era. A slide has no field for a place, so an event's place leads its text (``Place: Aguelhok (Kidal)``). ``headline`` and ``text`` are HTML to TimelineJS, so every text is escaped and the
sources become links in ``text``. A text with a lead (``Security Council resolution 2295
(renewal): Renewed...``) gives the lead as the headline and the rest as the text.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from pydantic_core import to_json

from minusma.messages import Lang, say
from minusma.model import parse_partial_date
from minusma.output.cells import safe
from minusma.output.stream import is_terminal, write_bytes
from minusma.output.view import View

LEAD_LENGTH = 120
"""A headline longer than this is no lead: the whole text is the headline."""


def date(value: str) -> dict[str, int]:
    """A date at its precision, as TimelineJS's date object."""
    year, month, day = parse_partial_date(value)
    found = {"year": year}
    if month is not None:
        found["month"] = month
    if day is not None:
        found["day"] = day
    return found


def escaped(text: str) -> str:
    """Text as HTML text, quotes included: TimelineJS's autolink copies a bare ``www.`` run of
    text, apostrophes and all, into a single-quoted ``href``, so a raw quote there would end the
    attribute and start another (an ``onfocus`` handler, say)."""
    return "<br>".join(html.escape(line, quote=True) for line in safe(text).split("\n"))


def lead(text: str) -> tuple[str, str]:
    """``Lead: the rest`` as (lead, rest); a text with no short lead is all headline."""
    head, colon, rest = text.partition(":")
    if colon and rest.startswith((" ", "\u00a0")) and head.strip() and rest.strip() and len(head) <= LEAD_LENGTH:
        return head.rstrip(" \u00a0\u202f"), rest.strip()
    return text, ""


def _link(source: Mapping[str, Any] | None, source_id: str) -> str:
    if source is None or not str(source["url"]).startswith(("http://", "https://")):
        return escaped(source_id)
    return f'<a href="{html.escape(str(source["url"]), quote=True)}">{escaped(str(source["title"]))}</a>'


def slide(
    event: Mapping[str, Any],
    sources: Mapping[str, Mapping[str, Any]],
    lang: Lang,
    places: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    headline, rest = lead(event["text"][lang])
    paragraphs = [escaped(rest)] if rest else []
    place = (places or {}).get(event.get("place", ""))
    if place is not None:  # a slide has no place field (location is StoryMapJS's): the text names it
        name, region = place["name"][lang], place["region"][lang]
        named = name if region == name else f"{name} ({region})"
        paragraphs.insert(0, say("labelled", lang, label=escaped(say("place", lang)), text=escaped(named)))
    if event.get("caveat") is not None:
        paragraphs.append(escaped(say("labelled", lang, label=say("caveat", lang), text=event["caveat"][lang])))
    links = ", ".join(_link(sources.get(source_id), source_id) for source_id in event["sources"])
    paragraphs.append(say("labelled", lang, label=escaped(say("sources", lang)), text=links))
    return {
        "unique_id": event["id"],
        "start_date": date(event["date"]),
        "text": {"headline": escaped(headline), "text": "".join(f"<p>{part}</p>" for part in paragraphs)},
        "group": say(f"category_{event['category']}", lang),
    }


def era(period: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    return {
        "start_date": date(period["start"]),
        "end_date": date(period["end"]),
        "text": {"headline": escaped(say("timelinejs.era", lang, number=period["resolution"]))},
    }


def timeline(result: Mapping[str, Any], lang: Lang) -> dict[str, Any]:
    sources = {source["id"]: source for source in result.get("sources", [])}
    places = {place["id"]: place for place in result.get("places", [])}
    return {
        "title": {
            "text": {
                "headline": escaped(say("timeline", lang)),
                "text": f"<p>{escaped(say('as_of', lang, date=result['as_of']))}</p>",
            }
        },
        "events": [slide(event, sources, lang, places) for event in result["events"]],
        "eras": [era(period, lang) for period in result.get("eras", [])],
        "scale": "human",
    }


def write(view: View[Any], lang: Lang) -> None:
    document = timeline(view.result, lang)
    write_bytes(to_json(document, indent=2 if is_terminal() else None) + b"\n")
