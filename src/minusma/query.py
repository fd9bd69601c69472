"""Pure questions over a loaded fact base, and the shape of their answers.

Each question returns a plain dict typed by the TypedDict written next to it: that shape is
what ``--json`` prints (the contract scripts rely on) and what ``sheets.py`` lays out for the
other formats. A question and the shape of its answer are one idea, so they live together.
Nothing here prints, reads files or knows about typer or rich.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from itertools import accumulate, chain, product
from operator import itemgetter
from typing import Any, Literal, NamedTuple, NotRequired, cast

from typing_extensions import TypedDict

from minusma.messages import LANGS, Bound, Message, number, say
from minusma.model import (
    BASIS_PREFERENCE,
    CATEGORIES,
    DATASETS,
    FATALITY_CAUSES,
    FISCAL_YEAR_PATTERN,
    LOWER_BOUNDS,
    PERSONNEL,
    Amount,
    Base,
    Budget,
    BudgetFigure,
    Casualties,
    Category,
    Cause,
    Cited,
    Closure,
    Contribution,
    Erratum,
    Event,
    FactBase,
    Fatality,
    FatalityCause,
    Figure,
    Lang,
    Leader,
    Personnel,
    Phase,
    Presence,
    Problem,
    Qualifier,
    Quantity,
    Resolution,
    ResolutionTasks,
    Snapshot,
    Source,
    StrengthClaim,
    Task,
    Term,
    Text,
    basis_rank,
    ceiling_change,
    ceiling_in_force,
    ceiling_total,
    cited_event,
    cited_facts,
    contribution_size,
    country_names,
    covers,
    date_range,
    fiscal_year_range,
    fiscal_years,
    fold,
    generated_text,
    in_office,
    mandate_periods,
    preferred_claim,
    series_agrees,
    series_tally,
    site_names,
    sort_key,
    terms,
)

# --------------------------------------------------------------------------- helpers


def cited_sources(fact_base: FactBase, ids: Iterable[str]) -> list[Source]:
    """The source records for ``ids``, in the fact base's order, each once."""
    wanted = set(ids)
    return [source for source in fact_base["sources"] if source["id"] in wanted]


def _sources_of(records: Iterable[object]) -> set[str]:
    """Every source id cited anywhere inside ``records`` (nested dicts and lists)."""
    found: set[str] = set()
    stack = list(records)
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in ("sources", "claimed_in") and isinstance(value, list):
                    found.update(value)
                elif isinstance(value, dict | list):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _with_sources(fact_base: FactBase, *records: object) -> list[Source]:
    return cited_sources(fact_base, _sources_of(records))


def combine(quantities: Sequence[Quantity]) -> Quantity:
    """Add quantities into a figure marked computed, with its formula; exact only when every part is."""
    total = sum(quantity["value"] for quantity in quantities)
    qualifiers = {quantity["qualifier"] for quantity in quantities} - {"exact"}
    qualifier: Qualifier = "exact" if not qualifiers else qualifiers.pop() if len(qualifiers) == 1 else "about"
    formula = " + ".join(str(quantity["value"]) for quantity in quantities)
    return {"value": total, "qualifier": qualifier, "formula": formula}


# --------------------------------------------------------------------------- about


class MissionDates(TypedDict):
    established: str
    operational: str
    mandate_ended: str
    withdrawal_completed: str
    liquidation_from: str


class AboutResult(TypedDict):
    schema_version: str
    as_of: str
    abbreviation: str
    names: dict[str, str]
    headquarters: Text
    dates: MissionDates
    status: Text
    summary: Text
    leaders: list[LeaderTerm]
    budget: BudgetTotal
    sources: list[Source]


def about(fact_base: FactBase) -> AboutResult:
    mission = fact_base["mission"]
    first_leaders: list[LeaderTerm] = []
    for role in ("head_of_mission", "force_commander"):
        first = next(
            (term for term in terms(fact_base) if term.leader["role"] == role and not term.leader["acting"]), None
        )
        if first is not None:
            first_leaders.append(_with_term(first))
    return {
        "schema_version": fact_base["header"]["schema_version"],
        "as_of": fact_base["header"]["as_of"],
        "abbreviation": mission["abbreviation"],
        "names": {"en": mission["name_en"], "fr": mission["name_fr"], "nl": mission["name_nl"]},
        "headquarters": mission["headquarters"],
        "dates": {
            "established": mission["established"],
            "operational": mission["operational"],
            "mandate_ended": mission["mandate_ended"],
            "withdrawal_completed": mission["withdrawal_completed"],
            "liquidation_from": mission["liquidation_from"],
        },
        "status": mission["status"],
        "summary": mission["summary"],
        "leaders": first_leaders,
        "budget": budget(fact_base)["total"],
        "sources": _with_sources(fact_base, mission, first_leaders),
    }


# --------------------------------------------------------------------------- timeline


def parse_bound(text: str, *, end: bool) -> dt.date:
    """``--from``/``--to`` take YYYY, YYYY-MM or YYYY-MM-DD, or a fiscal year (``2015/16``, 1 July 2015
    to 30 June 2016); a ``--to`` month, year or fiscal year means its last day."""
    first, last = fiscal_year_range(text) if re.match(FISCAL_YEAR_PATTERN, text) else date_range(text)
    return last if end else first


def _resolution_events(fact_base: FactBase) -> list[Event]:
    events: list[Event] = []
    for resolution in fact_base["resolutions"]:
        event: Event = {
            "id": f"{resolution['id']}-adopted",
            "date": resolution["adopted"],
            "category": "resolution",
            "text": generated_text(
                "event.resolution",
                number=resolution["number"],
                kind=Message(f"kind.{resolution['kind']}"),
                summary=resolution["summary"],
            ),
            "sources": resolution["sources"],
        }
        if "caveat" in resolution:
            event["caveat"] = resolution["caveat"]
        events.append(event)
    return events


def _leader_events(fact_base: FactBase) -> list[Event]:
    """What the terms imply: appointments, and the starts and ends that a source states."""
    events: list[Event] = []
    for term in terms(fact_base):
        leader = term.leader
        role, name = Message(f"role.{leader['role']}"), leader["name"]
        acting = "_acting" if leader["acting"] else ""
        dated: list[tuple[str, str, Text]] = []
        if "appointed" in leader:
            dated.append(("appointed", leader["appointed"], generated_text("event.appointed", name=name, role=role)))
        if "start" in leader:
            dated.append(("start", leader["start"], generated_text(f"event.start{acting}", name=name, role=role)))
        if "end" in leader:
            dated.append(("end", leader["end"], generated_text(f"event.end{acting}", name=name, role=role)))
        if "attested" in leader:
            dated.append(
                ("attested", leader["attested"], generated_text(f"event.attested{acting}", name=name, role=role))
            )
        for key, date, words in dated:
            event: Event = {"id": f"{leader['id']}-{key}", "date": date, "category": "leadership", "text": words, "sources": leader["sources"]}  # fmt: skip
            doubt = leader.get("doubt")
            if "caveat" in leader and key != "appointed" and doubt in (None, "role", key):
                event["caveat"] = leader["caveat"]  # on the boundary the caveat doubts, never on an appointment
            events.append(event)
    return events


def _figures(parts: list[tuple[Quantity, str]], lang: Lang) -> str:
    """``about 6,200 uniformed, 809 police`` in ``lang``."""
    shown = []
    for quantity, words in parts:
        figure = say(f"qualifier.{quantity['qualifier']}", lang, n=number(quantity["value"], lang))
        shown.append(f"{figure} {say(words, lang)}")
    return ", ".join(shown)


def _strength_events(fact_base: FactBase) -> list[Event]:
    """A snapshot's preferred claim as a dated event of the category ``strength``."""
    events: list[Event] = []
    for snapshot in fact_base["snapshots"]:
        claim = preferred_claim(snapshot["claims"])
        parts = [(claim[kind], f"counts.{kind}") for kind in STRENGTH_KINDS if kind in claim]  # type: ignore[literal-required]
        key = "event.strength_mean" if claim.get("basis") == "yearly_mean" else "event.strength"
        text = cast(Text, {lang: say(key, lang, figures=_figures(parts, lang)) for lang in LANGS})
        event: Event = {"id": f"{snapshot['id']}-deployed", "date": snapshot["date"], "category": "strength", "text": text, "sources": claim["sources"]}  # fmt: skip
        if "caveat" in claim:
            event["caveat"] = claim["caveat"]
        events.append(event)
    return events


def calendar_year(start: str, end: str) -> str | None:
    """The year a period spans exactly (1 January to 31 December of one year: ``2014`` to ``2014``,
    ``2021-01-01`` to ``2021-12-31``), else None: such a count is "in 2014", not "since 2014"."""
    first, last = date_range(start)[0], date_range(end)[1]
    if first.year == last.year and (first.month, first.day) == (1, 1) and (last.month, last.day) == (12, 31):
        return str(first.year)
    return None


def _casualty_events(fact_base: FactBase) -> list[Event]:
    """A casualty count as a dated event of the category ``casualties``, at the end of its period."""
    events: list[Event] = []
    for record in fact_base["casualties"]:
        parts = [(count["value"], f"{count['outcome']}_{count['cause']}") for count in record["counts"]]
        year = calendar_year(record["start"], record["end"])
        key = "event.casualties" + ("_country" if "country" in record else "") + ("_year" if year else "")
        text = cast(
            Text,
            {
                lang: say(
                    key, lang, figures=_figures(parts, lang), start=Bound(record["start"], "since"), year=year or "",
                    country=country_names(record["country"])[lang] if "country" in record else "",
                )
                for lang in LANGS
            },
        )  # fmt: skip
        events.append({"id": f"{record['id']}-count", "date": record["end"], "category": "casualties", "text": text, "sources": record["sources"]})  # fmt: skip
    return events


STRENGTH_KINDS = ("military", "observers", "police", "uniformed", "civilians", "personnel")


def _events(fact_base: FactBase) -> list[Event]:
    """Stored events plus those the resolutions, leaders' terms, strength figures and casualty counts
    imply, in file order (a new list)."""
    return (
        fact_base["events"] + _resolution_events(fact_base) + _leader_events(fact_base)
        + _strength_events(fact_base) + _casualty_events(fact_base)
    )  # fmt: skip


def all_events(fact_base: FactBase) -> list[Event]:
    """Every event (see ``_events``) in date order."""
    events = _events(fact_base)
    events.sort(key=_event_date)  # ISO strings sort by date, coarser first (see sort_key)
    return events


_event_date = itemgetter("date")
_event_sources = itemgetter("sources")


class TimelineFilters(TypedDict):
    date_from: str | None
    date_to: str | None
    categories: list[Category]


class TimelineResult(TypedDict):
    as_of: str
    filters: TimelineFilters
    events: list[Event]
    places: list[Place]
    """The sites the events name as their place, in the fact base's order."""
    sources: list[Source]


def timeline(
    fact_base: FactBase,
    date_from: str | None = None,
    date_to: str | None = None,
    categories: Sequence[Category] = (),
) -> TimelineResult:
    """Events in order; an event is kept when its period overlaps ``date_from``..``date_to``.

    Filtered and their sources and places gathered in file order, then sorted: walking a million
    events in date order, scattered in memory, took three times as long."""
    events = _events(fact_base)
    if date_from or date_to or categories:
        low, high = _bounds(date_from, date_to)
        wanted = set(categories or CATEGORIES)
        events = [
            event
            for event in events
            if event["category"] in wanted
            and date_range(event["date"])[1] >= low
            and date_range(event["date"])[0] <= high
        ]
    cited = set(chain.from_iterable(map(_event_sources, events)))
    named = places(fact_base, events)
    events.sort(key=_event_date)
    return {
        "as_of": fact_base["header"]["as_of"],
        "filters": {"date_from": date_from, "date_to": date_to, "categories": list(categories)},
        "events": events,
        "places": named,
        "sources": cited_sources(fact_base, cited),
    }


class Place(TypedDict):
    """A site an event names as its place (``place`` in an event): its names and where it is."""

    id: str
    name: Text
    region: Text
    longitude: float
    latitude: float


def places(fact_base: FactBase, events: Iterable[Event]) -> list[Place]:
    """The sites ``events`` name as their place, with their names in every language."""
    named = {event["place"] for event in events if "place" in event}
    return [
        {
            "id": base["id"], "name": base["name"], "region": base["region"],
            "longitude": base["longitude"], "latitude": base["latitude"],
        }
        for base in fact_base.get("bases", []) if base["id"] in named
    ]  # fmt: skip


def _bounds(date_from: str | None, date_to: str | None) -> tuple[dt.date, dt.date]:
    low = parse_bound(date_from, end=False) if date_from else dt.date.min
    high = parse_bound(date_to, end=True) if date_to else dt.date.max
    return low, high


class StoryResult(TimelineResult):
    """The timeline with the mandate periods it spans, as eras (``timeline --format timelinejs``)."""

    eras: list[Period]


def story(
    fact_base: FactBase,
    date_from: str | None = None,
    date_to: str | None = None,
    categories: Sequence[Category] = (),
) -> StoryResult:
    """The timeline and the mandate periods it spans, for a timeline that shows eras (TimelineJS)."""
    low, high = _bounds(date_from, date_to)
    eras = [
        period
        for period in periods(fact_base)
        if period["start"] is not None
        and period["end"] is not None
        and date_range(period["end"])[1] >= low
        and date_range(period["start"])[0] <= high
    ]
    return {**timeline(fact_base, date_from, date_to, categories), "eras": eras}


# --------------------------------------------------------------------------- troops


class CeilingRow(TypedDict):
    resolution: int
    adopted: str
    military: int
    police: int
    total: int
    total_stated: bool
    note: Text | None
    sources: list[str]


def ceilings(fact_base: FactBase) -> list[CeilingRow]:
    rows: list[CeilingRow] = []
    for resolution in fact_base["resolutions"]:
        if "ceiling" in resolution:
            ceiling = resolution["ceiling"]
            rows.append(
                {
                    "resolution": resolution["number"],
                    "adopted": resolution["adopted"],
                    "military": ceiling["military"],
                    "police": ceiling["police"],
                    "total": ceiling_total(ceiling),
                    "total_stated": "total" in ceiling,
                    "note": ceiling.get("note"),
                    "sources": ceiling["sources"],
                }
            )
    return rows


class TroopsResult(TypedDict):
    as_of: str
    ceilings: list[CeilingRow]
    snapshots: list[Snapshot]
    sources: list[Source]


def troops(fact_base: FactBase) -> TroopsResult:
    rows = ceilings(fact_base)
    snapshots = sorted(fact_base["snapshots"], key=lambda snapshot: sort_key(snapshot["date"]))
    return {
        "as_of": fact_base["header"]["as_of"],
        "ceilings": rows,
        "snapshots": snapshots,
        "sources": _with_sources(fact_base, rows, snapshots),
    }


class Deployed(TypedDict):
    """Every figure of a claim; one with a ``formula`` was computed from stated parts."""

    military: Quantity | None
    police: Quantity | None
    uniformed: Quantity | None
    civilians: Quantity | None
    personnel: Quantity | None


def deployed(claim: StrengthClaim) -> Deployed:
    """Every figure a claim holds: military (observers included), police and uniformed as stated,
    or summed from stated parts and marked computed (``formula``); civilians and all personnel."""
    military = claim.get("military")
    if military is not None and "observers" in claim:
        military = combine([military, claim["observers"]])
    police = claim.get("police")
    uniformed = claim.get("uniformed")
    if uniformed is None and military is not None and police is not None:
        uniformed = combine([military, police])
    return {
        "military": military,
        "police": police,
        "uniformed": uniformed,
        "civilians": claim.get("civilians"),
        "personnel": claim.get("personnel"),
    }


class FillRate(TypedDict):
    percent: float
    qualifier: Qualifier


def fill_rate(quantity: Quantity | None, limit: int) -> FillRate | None:
    """The share of the ceiling, to a tenth; a lower bound ("more than", "at least") is rounded down,
    so ">13,000 of 15,209" is >85.4%, never a share the figure does not reach."""
    if quantity is None or limit <= 0:
        return None
    share = 1000 * quantity["value"] / limit
    tenths = math.floor(share) if quantity["qualifier"] in LOWER_BOUNDS else round(share)
    return {"percent": tenths / 10, "qualifier": quantity["qualifier"]}


class Fill(TypedDict):
    military: FillRate | None
    police: FillRate | None
    uniformed: FillRate | None


class Ceiling3(TypedDict):
    resolution: int
    military: int
    police: int
    total: int


class ComparisonRow(TypedDict):
    snapshot: str
    date: str
    rank: str
    basis: str
    """``stated``, or how the figure is estimated (``yearly_mean``: RADPKO's mean over the year)."""
    deployed: Deployed
    ceiling: Ceiling3
    """The ceiling in force on the first day of ``date``'s period."""
    fill_rate: Fill
    ceiling_changed: int | None
    """For an estimate over a period in which the ceiling changed, the resolution that changed it; its
    fill rates are then null (a mean over both ceilings is a share of neither)."""
    reason: Text | None
    note: Text | None
    caveat: Text | None
    sources: list[str]


def compare_claim(
    snapshot: Snapshot, claim: StrengthClaim, resolution: Resolution, changed: Resolution | None = None
) -> ComparisonRow:
    """A claim against ``resolution``'s ceiling; an estimate over a period the ceiling changed in
    (``changed``, ``ceiling_change``) gets no fill rate. A stated figure is a count on one day of its
    period, measured against the ceiling in force on the period's first day, as before."""
    ceiling = resolution["ceiling"]
    counts = deployed(claim)
    total = ceiling_total(ceiling)
    if "basis" not in claim:
        changed = None
    measured = changed is None
    return {
        "snapshot": snapshot["id"],
        "date": snapshot["date"],
        "rank": claim["rank"],
        "basis": claim.get("basis", "stated"),
        "deployed": counts,
        "ceiling": {
            "resolution": resolution["number"],
            "military": ceiling["military"],
            "police": ceiling["police"],
            "total": total,
        },
        "fill_rate": {
            "military": fill_rate(counts["military"], ceiling["military"]) if measured else None,
            "police": fill_rate(counts["police"], ceiling["police"]) if measured else None,
            "uniformed": fill_rate(counts["uniformed"], total) if measured else None,
        },
        "ceiling_changed": changed["number"] if changed is not None else None,
        "reason": claim.get("reason"),
        "note": claim.get("note"),
        "caveat": claim.get("caveat"),
        "sources": claim["sources"],
    }


def overlaps(date: str, low: dt.date, high: dt.date) -> bool:
    """Whether a partial date's period meets ``low``..``high``: ``2015`` meets ``--from 2015-12-31``."""
    first, last = date_range(date)
    return last >= low and first <= high


class CompareResult(TypedDict):
    as_of: str
    comparison: list[ComparisonRow]
    sources: list[Source]


def compare(fact_base: FactBase, date_from: str | None = None, date_to: str | None = None) -> CompareResult:
    """Each claim of each snapshot against the ceiling in force on the snapshot's date; with ``date_from``
    or ``date_to``, the snapshots whose date overlaps them, as a timeline keeps its events."""
    rows: list[ComparisonRow] = []
    low, high = _bounds(date_from, date_to)
    snapshots = [snapshot for snapshot in fact_base["snapshots"] if overlaps(snapshot["date"], low, high)]
    for snapshot in sorted(snapshots, key=lambda snapshot: sort_key(snapshot["date"])):
        resolution = ceiling_in_force(fact_base, snapshot["date"])
        if resolution is None:
            continue  # cannot happen in a loaded fact base: check_fact_base rejects it
        changed = ceiling_change(fact_base, snapshot["date"])
        rows += [compare_claim(snapshot, claim, resolution, changed) for claim in snapshot["claims"]]
    return {"as_of": fact_base["header"]["as_of"], "comparison": rows, "sources": _with_sources(fact_base, rows)}


class ChartResult(CompareResult):
    """What ``troops --chart`` draws: the comparison, and every ceiling from its adoption until
    the mandate ended. Not printed as JSON (``troops --compare --json`` and ``troops --json``
    hold the same facts); ``sources`` covers the ceilings too."""

    ceilings: list[CeilingRow]
    mandate_ended: str
    ended_by: int | None
    """The resolution that ended the mandate, where the fact base has one."""


def chart(fact_base: FactBase) -> ChartResult:
    """The comparison, and each resolution's ceilings from its adoption until the mandate ended."""
    compared = compare(fact_base)
    rows = ceilings(fact_base)
    return {
        "as_of": compared["as_of"],
        "comparison": compared["comparison"],
        "sources": _with_sources(fact_base, rows, compared["comparison"]),
        "ceilings": rows,
        "mandate_ended": fact_base["mission"]["mandate_ended"],
        "ended_by": next((item["number"] for item in fact_base["resolutions"] if item["kind"] == "termination"), None),
    }


# --------------------------------------------------------------------------- mandate


class Period(TypedDict):
    resolution: int
    kind: str
    adopted: str
    start: str | None
    end: str | None
    summary: Text
    vote: Text | None
    caveat: Text | None
    sources: list[str]


def periods(fact_base: FactBase) -> list[Period]:
    """The establishment and each renewal with its period, then the termination."""
    result = [_period(item.resolution, item.start, item.end) for item in mandate_periods(fact_base)]
    result += [
        _period(resolution, None, resolution.get("mandate_end"))
        for resolution in fact_base["resolutions"]
        if resolution["kind"] == "termination"
    ]
    return result


def _period(resolution: Resolution, start: str | None, end: str | None) -> Period:
    return {
        "resolution": resolution["number"],
        "kind": resolution["kind"],
        "adopted": resolution["adopted"],
        "start": start,
        "end": end,
        "summary": resolution["summary"],
        "vote": resolution.get("vote"),
        "caveat": resolution.get("caveat"),
        "sources": resolution["sources"],
    }


class MandateResult(TypedDict):
    as_of: str
    legal_basis: Text
    use_of_force: Text
    tasks_resolution: int
    tasks: list[Task]
    periods: list[Period]
    related: list[Period]
    sources: list[Source]


def mandate(fact_base: FactBase) -> MandateResult:
    record = fact_base["mandate"]
    tasks_resolution = next(
        resolution["number"]
        for resolution in fact_base["resolutions"]
        if resolution["id"] == record["tasks_resolution"]
    )
    mandate_periods = periods(fact_base)
    related = [
        _period(resolution, None, None) for resolution in fact_base["resolutions"] if resolution["kind"] == "related"
    ]
    return {
        "as_of": fact_base["header"]["as_of"],
        "legal_basis": record["legal_basis"],
        "use_of_force": record["use_of_force"],
        "tasks_resolution": tasks_resolution,
        "tasks": record["tasks"],
        "periods": mandate_periods,
        "related": related,
        "sources": _with_sources(fact_base, record, mandate_periods, related),
    }


def find_resolution(fact_base: FactBase, number: int) -> Resolution | None:
    return next((item for item in fact_base["resolutions"] if item["number"] == number), None)


class ResolutionMandateResult(TypedDict):
    """``mandate --resolution N``: the resolution, the summary tasks it set (2100's seven, with
    their paragraphs) and its tasks at paragraph level; ``paragraph_level`` is None where the
    fact base has no paragraph-level source for it (the command says so)."""

    as_of: str
    id: str
    number: int
    adopted: str
    kind: str
    symbol: str | None
    tasks: list[Task]
    paragraph_level: ResolutionTasks | None
    sources: list[Source]


def resolution_mandate(fact_base: FactBase, resolution: Resolution) -> ResolutionMandateResult:
    """A resolution's tasks: the summary tasks it set (with their paragraphs) and, where a source
    gives them, its tasks at paragraph level. None where no such source is in the fact base."""
    record = fact_base["mandate"]
    tasks = record["tasks"] if record["tasks_resolution"] == resolution["id"] else []
    coded = next(
        (item for item in fact_base.get("resolution_tasks", []) if item["resolution"] == resolution["id"]), None
    )
    official = next(
        (
            source
            for source in fact_base["sources"]
            if source.get("kind") == "resolution" and source["id"] == resolution["sources"][0]
        ),
        None,
    )
    return {
        "as_of": fact_base["header"]["as_of"],
        "id": resolution["id"],
        "number": resolution["number"],
        "adopted": resolution["adopted"],
        "kind": resolution["kind"],
        "symbol": official.get("symbol") if official is not None else None,
        "tasks": tasks,
        "paragraph_level": coded,
        # the resolution itself first, then the others in the fact base's order
        "sources": sorted(
            _with_sources(fact_base, {"sources": resolution["sources"][:1]}, tasks, coded or {}),
            key=lambda source: source["id"] != resolution["sources"][0],
        ),
    }


# --------------------------------------------------------------------------- Dutch, leaders, errata


class DutchResult(TypedDict):
    as_of: str
    summary: Text
    phases: list[Phase]
    figures: list[Figure]
    contributions: list[ContributorRow]
    where: list[CountrySite]
    """Where the Netherlands was, year by year: ``bases --country NLD``'s rows (estimates)."""
    events: list[Event]
    places: list[Place]
    sources: list[Source]


def dutch(fact_base: FactBase) -> DutchResult:
    netherlands = fact_base["netherlands"]
    events = [event for event in all_events(fact_base) if event["category"] == "netherlands"]
    phases = sorted(netherlands["phases"], key=lambda phase: sort_key(phase["start"]))
    contributions = _country_rows(fact_base, "NLD")  # the same facts as `contributors --country NLD`
    where = country_sites(fact_base, "NLD")  # the same facts as `bases --country NLD`
    return {
        "as_of": fact_base["header"]["as_of"],
        "summary": netherlands["summary"],
        "phases": phases,
        "figures": netherlands["figures"],
        "contributions": contributions,
        "where": where,
        "events": events,
        "places": places(fact_base, events),
        "sources": _with_sources(fact_base, phases, netherlands["figures"], contributions, where, events),
    }


# --------------------------------------------------------------------------- contributors


Basis = Literal["stated", "unit_sizes", "yearly_mean"]
"""How a contribution's figure was arrived at: stated by its source, or a dataset's estimate."""


class ContributorRow(TypedDict):
    """A country's contribution with the country's names, its size (the total, else the parts summed)
    and its basis: ``stated`` where the record has none."""

    id: str
    country: str
    date: str
    basis: Basis
    military: NotRequired[Quantity]
    police: NotRequired[Quantity]
    staff: NotRequired[Quantity]
    total: NotRequired[Quantity]
    note: NotRequired[Text]
    caveat: NotRequired[Text]
    sources: list[str]
    names: Text
    size: int


def _row(contribution: Contribution) -> ContributorRow:
    row = {**contribution, "basis": contribution.get("basis", "stated")}
    return cast(
        "ContributorRow",
        {**row, "names": country_names(contribution["country"]), "size": contribution_size(contribution)},
    )


def _country_rows(fact_base: FactBase, code: str) -> list[ContributorRow]:
    found = [_row(item) for item in fact_base.get("contributions", []) if item["country"] == code]
    return sorted(found, key=lambda row: (sort_key(row["date"]), BASIS_PREFERENCE.index(row["basis"])))


FRESH = dt.timedelta(days=2 * 365)
"""How old a country's figure may be and still stand for a day: older ones would present a 2013
contingent as if it served in 2019."""


def _newer(item: Contribution, known: Contribution | None) -> bool:
    """The later date wins; on the same date the better basis (``BASIS_PREFERENCE``: a stated figure,
    then a RADPKO yearly mean, then a Geo-PKO estimate), and of two of the same basis the later in the
    file (a correction is appended after what it corrects)."""
    if known is None:
        return True
    mine, theirs = sort_key(item["date"]), sort_key(known["date"])
    if mine != theirs:
        return mine > theirs
    return basis_rank(item) <= basis_rank(known)


def _latest_on(fact_base: FactBase, day: dt.date) -> dict[str, Contribution]:
    """Each country's latest contribution dated on or before ``day`` (a period counts from its start)."""
    latest: dict[str, Contribution] = {}
    for item in fact_base.get("contributions", []):
        if date_range(item["date"])[0] > day:
            continue
        if _newer(item, latest.get(item["country"])):
            latest[item["country"]] = item
    return latest


def window_start(day: dt.date) -> dt.date:
    """The first day a figure's period may end on and still stand for ``day`` (the calendar's first day at
    the latest: a day asked within two years of it has no earlier one)."""
    return day - FRESH if day - dt.date.min >= FRESH else dt.date.min


def contributors_on(fact_base: FactBase, day: dt.date) -> list[ContributorRow]:
    """Each country's latest contribution dated on or before ``day`` (a period counts from its start)
    whose period ends no more than two years before it, largest first."""
    rows = [
        _row(item) for item in _latest_on(fact_base, day).values() if date_range(item["date"])[1] >= window_start(day)
    ]
    return sorted(rows, key=lambda row: (-row["size"], row["country"]))


class CountryNamed(TypedDict):
    """A country with no figure where one was asked for; ``latest`` is its latest figure's date, if any."""

    country: str
    names: Text
    latest: str | None


def _named(code: str, latest: str | None) -> CountryNamed:
    return {"country": code, "names": country_names(code), "latest": latest}


def no_recent_figure(fact_base: FactBase, day: dt.date) -> list[CountryNamed]:
    """Countries whose latest figure on or before ``day`` ends before the window: listed, not dropped."""
    stale = [item for item in _latest_on(fact_base, day).values() if date_range(item["date"])[1] < window_start(day)]
    return [_named(item["country"], item["date"]) for item in sorted(stale, key=lambda item: item["country"])]


def contributors_between(fact_base: FactBase, low: dt.date, high: dt.date) -> list[ContributorRow]:
    """Every contribution whose period overlaps ``low``..``high`` (the rule of ``timeline --from/--to``),
    by country (the country with the largest figure first), then date, a stated figure before an
    estimate of the same date."""
    found = [
        _row(item)
        for item in fact_base.get("contributions", [])
        if date_range(item["date"])[1] >= low and date_range(item["date"])[0] <= high
    ]
    largest: dict[str, int] = {}
    for row in found:
        largest[row["country"]] = max(largest.get(row["country"], 0), row["size"])
    return sorted(
        found,
        key=lambda row: (
            -largest[row["country"]], row["country"], sort_key(row["date"]), BASIS_PREFERENCE.index(row["basis"])
        ),
    )  # fmt: skip


def _country_codes(fact_base: FactBase, records: str) -> set[str]:
    """The countries of the contributions, or (``records="any"``) every country of the country table:
    ``casualties --country`` answers for any country, 0 where none of its people died."""
    if records == "any":
        from minusma.messages.countries import COUNTRIES

        return set(COUNTRIES)
    return {item["country"] for item in fact_base.get("contributions", [])}


def find_country(fact_base: FactBase, wanted: str, records: str = "contributions") -> str | None:
    """An ISO 3166-1 alpha-3 code, or a country's name in any language (case and accents ignored),
    among the countries of ``records`` (see ``_country_codes``)."""
    codes = _country_codes(fact_base, records)
    if wanted.upper() in codes:
        return wanted.upper()
    folded = fold(wanted.strip())
    for code in sorted(codes):
        names = country_names(code)
        if folded in {fold(names[lang]) for lang in LANGS}:
            return code
    return None


def similar_countries(fact_base: FactBase, wanted: str, limit: int = 3, records: str = "contributions") -> list[str]:
    folded = fold(wanted.strip())[:3]
    codes = sorted(_country_codes(fact_base, records))
    return [
        f"{code} ({country_names(code)['en']})"
        for code in codes
        if folded
        and any(fold(name).startswith(folded) for name in [code, *(country_names(code)[lang] for lang in LANGS)])
    ][:limit]


class ContributorsResult(TypedDict):
    as_of: str
    at: str | None
    read_as: str | None
    window_start: str | None
    """With a day: the first day a figure's period may end on and still count (two years before)."""
    date_from: str | None
    date_to: str | None
    year: str | None
    country: str | None
    status_text: Text | None
    contributors: list[ContributorRow]
    no_recent: list[CountryNamed]
    """With a day: countries whose latest figure on or before it is older than the window."""
    without: list[CountryNamed]
    """With a year or a period: countries with figures elsewhere but none dated in it."""
    sites: list[CountrySite]
    """With a country: where it was, year by year, from the bases' rows (the rule of ``dutch``)."""
    sources: list[Source]


def contributors(
    fact_base: FactBase,
    at: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    year: str | None = None,
) -> ContributorsResult:
    """Countries by size on a date (each its latest figure on or before it, within the window), every
    figure of a year or a period by country (``year`` is ``date_from`` = ``date_to`` = that year), or
    one country over time (within the period, if one is given) with where it was."""
    if year is not None:
        date_from = date_to = year
    period = date_from is not None or date_to is not None
    day: dt.date | None = None
    if country is None and not period:
        dates = [item["date"] for item in fact_base.get("contributions", [])]
        # without --at: the last day of the mandate, the last day the contingents all served
        mandate_end = date_range(fact_base["mission"]["mandate_ended"])[1]
        last = max((date_range(date)[1] for date in dates), default=None)
        day = date_range(at)[1] if at is not None else (min(mandate_end, last) if last is not None else None)
    status_text: Text | None = None
    no_recent: list[CountryNamed] = []
    without: list[CountryNamed] = []
    sites: list[CountrySite] = []
    low, high = _bounds(date_from, date_to)
    if country is not None:
        rows = [row for row in _country_rows(fact_base, country) if not period or overlaps(row["date"], low, high)]
        sites = country_sites(fact_base, country, low, high)
    elif period:
        rows = contributors_between(fact_base, low, high)
        given = {row["country"] for row in rows}
        latest = _latest_on(fact_base, high)
        without = [
            _named(code, latest[code]["date"] if code in latest else None)
            for code in sorted(_country_codes(fact_base, "contributions") - given)
        ]
    else:
        rows = contributors_on(fact_base, day) if day is not None else []
        no_recent = no_recent_figure(fact_base, day) if day is not None else []
        if day is not None and at is not None:
            status, words = _status(fact_base, day)
            if status in ("not_yet", "authorised", "liquidation"):  # no contingent served: say why, list none
                rows, no_recent, status_text = [], [], words
    return {
        "as_of": fact_base["header"]["as_of"],
        "at": at,
        "read_as": day.isoformat() if day is not None else None,
        "window_start": window_start(day).isoformat() if day is not None else None,
        "date_from": date_from,
        "date_to": date_to,
        "year": year,
        "country": country,
        "status_text": status_text,
        "contributors": rows,
        "no_recent": no_recent,
        "without": without,
        "sites": sites,
        "sources": _with_sources(fact_base, rows, sites),
    }


# --------------------------------------------------------------------------- bases


def in_use(base: Base, row_date: str, start: dt.date, end: dt.date | None = None) -> bool:
    """One rule for a site on a day (or in a period ``start``-``end``): a row counts for every day its
    date covers (a map's month, a year), never beyond, and for no day after the site's closure.
    Nothing is carried between two maps."""
    end = start if end is None else end
    first, last = date_range(row_date)
    closed = base.get("closed")
    if closed is not None and start > date_range(closed["date"])[1]:
        return False
    return first <= end and start <= last


def _names(base: Base) -> list[str]:
    return [base["name"][lang] for lang in LANGS]


def _row_countries(row: Any) -> set[str]:
    """Every country a site's row names: with troops, police or observers."""
    return {
        code for key in ("troops_by_country", "police_by_country", "observers_by_country") for code in row.get(key, {})
    }


def find_base(fact_base: FactBase, wanted: str) -> Base | None:
    """A site by its id, its name in any language or a spelling the datasets use (case and accents ignored);
    the first where a name is shared (:func:`find_bases` finds them all)."""
    found = find_bases(fact_base, wanted)
    return found[0] if found else None


def find_bases(fact_base: FactBase, wanted: str) -> list[Base]:
    """Every site ``wanted`` names: by its id (then that one alone), its name in any language or a
    spelling the datasets use (case and accents ignored). More than one where sites share a name."""
    bases = fact_base.get("bases", [])
    by_id = [base for base in bases if base["id"] == wanted.strip()]
    if by_id:
        return by_id
    folded = fold(wanted.strip())
    return [base for base in bases if folded in site_names(base)]  # Mopti/Sévaré: Sévaré too


def region_names(fact_base: FactBase) -> dict[str, Text]:
    """The Malian regions the sites name, each in every language, by its English name (the name the
    map's boundary data gives); the first site naming a region gives its words."""
    names: dict[str, Text] = {}
    for base in fact_base.get("bases", []):
        names.setdefault(base["region"]["en"], base["region"])
    return names


def find_base_country(fact_base: FactBase, wanted: str) -> str | None:
    """A country the sites' rows name (some contributed no figure ``contributors`` holds), by code or name."""
    codes: set[str] = set()
    for base in fact_base.get("bases", []):
        for row in base["presence"]:
            codes |= _row_countries(row)
    if wanted.upper() in codes:
        return wanted.upper()
    if wanted.strip().lower() in codes:
        return wanted.strip().lower()
    folded = fold(wanted.strip())
    for code in sorted(codes):
        if folded in {fold(country_names(code)[lang]) for lang in LANGS}:
            return code
    return None


def similar_bases(fact_base: FactBase, wanted: str, limit: int = 3) -> list[str]:
    """Sites whose name or spelling looks like ``wanted`` (or begins as it does), for a 'did you mean' hint."""
    import difflib  # only a failed lookup needs it

    folded = fold(wanted.strip())
    found: list[str] = []
    for base in fact_base.get("bases", []):
        names = [fold(name) for name in (*_names(base), *base["spellings"])]
        alike = difflib.get_close_matches(folded, names, n=1, cutoff=0.75)
        if alike or (len(folded) >= 3 and any(name.startswith(folded[:3]) for name in names)):
            found.append(f"{base['id']} ({base['name']['en']})")
    return found[:limit]


class BaseRow(Presence):
    """One dataset row of a site, with the site it belongs to."""

    base: str
    name: Text
    region: Text


def _base_row(base: Base, row: Any) -> BaseRow:
    return cast("BaseRow", {"base": base["id"], "name": base["name"], "region": base["region"], **row})


def _has_country(row: Any, code: str) -> bool:
    return code in _row_countries(row)


class Site(TypedDict):
    """A site: where it is, its first and last dated rows, every country a row names there."""

    id: str
    name: Text
    spellings: list[str]
    region: Text
    longitude: float
    latitude: float
    first: str
    last: str
    closed: Closure | None
    countries: list[str]
    """Every country a row names there, the largest estimate first."""
    troops: int | None
    """The largest Geo-PKO estimate among the rows shown (what a map sizes the site by); None if none."""
    sources: list[str]


def _site(base: Base, rows: Sequence[Any]) -> Site:
    largest: dict[str, int] = {}
    for row in rows:
        for key in ("troops_by_country", "police_by_country", "observers_by_country"):
            for code, value in row.get(key, {}).items():
                largest[code] = max(largest.get(code, 0), value or 0)
    countries = sorted(largest, key=lambda code: (-largest[code], code))
    estimates = [row["troops"] for row in rows if row["dataset"] != "radpko-yearly" and "troops" in row]
    return {
        "id": base["id"],
        "name": base["name"],
        "spellings": base["spellings"],
        "region": base["region"],
        "longitude": base["longitude"],
        "latitude": base["latitude"],
        "first": min((row["date"] for row in base["presence"]), key=sort_key),
        "last": max((row["date"] for row in base["presence"]), key=sort_key),
        "closed": base.get("closed"),
        "countries": countries,
        "troops": max(estimates, default=None),
        "sources": base["sources"],
    }


class BasesResult(TypedDict):
    as_of: str
    at: str | None
    read_as: str | None
    country: str | None
    base: str | None
    sites: list[Site]
    rows: list[BaseRow]
    after_withdrawal: str | None
    """The day the withdrawal was completed, where a row of a site listed is dated wholly after it
    (Geo-PKO's 2024 rows, during the liquidation) or the day asked for is (``--at 2025``); else null."""
    sources: list[Source]


def bases(
    fact_base: FactBase, at: str | None = None, country: str | None = None, base: str | None = None
) -> BasesResult:
    """The sites and who was there: every site over the whole mission, or the rows in use on a day,
    naming a country, or of one site (the filters combine)."""
    period = date_range(at) if at is not None else None
    sites: list[Site] = []
    rows: list[BaseRow] = []
    withdrawn = fact_base["mission"]["withdrawal_completed"]
    withdrawn_last = date_range(withdrawn)[1]
    after = period is not None and period[0] > withdrawn_last  # a day in the liquidation, rows or none
    for record in fact_base.get("bases", []):
        if base is not None and record["id"] != base:
            continue
        kept = [
            row for row in record["presence"]
            if (period is None or in_use(record, row["date"], *period)) and (country is None or _has_country(row, country))
        ]  # fmt: skip
        if not kept:
            continue
        after = after or any(date_range(row["date"])[0] > withdrawn_last for row in kept)
        sites.append(_site(record, kept))
        if at is not None or country is not None or base is not None:
            rows += [_base_row(record, row) for row in kept]
    closures = [site["closed"]["event"] for site in sites if site["closed"] is not None]
    events = [event for event in fact_base["events"] if event["id"] in closures]
    return {
        "as_of": fact_base["header"]["as_of"],
        "at": at,
        "read_as": "/".join(dict.fromkeys(day.isoformat() for day in period)) if period is not None else None,
        "country": country,
        "base": base,
        "sites": sites,
        "rows": rows,
        "after_withdrawal": withdrawn if after else None,
        "sources": _with_sources(fact_base, sites, rows, events),
    }


class MapEstimate(TypedDict):
    date: str
    map: str | None
    troops: int | None


class CountrySite(TypedDict):
    """One country at one site in one year, as each dataset row gives it: estimates, never headcounts
    (None where a row names the country without a figure, or no row of that dataset names it)."""

    year: str
    base: str
    name: Text
    region: Text
    datasets: list[str]
    """The datasets whose rows of that year name the country there, in the datasets' order."""
    geopko_troops: int | None
    """Geo-PKO's yearly table (v2.3): troops estimated from unit sizes."""
    map_troops: list[MapEstimate]
    """Geo-PKO's rows per UN deployment map that year, each its own estimate."""
    radpko_troops: int | None
    """RADPKO: the year's mean of the UN's monthly figures."""
    radpko_police: int | None
    radpko_observers: int | None
    sources: list[str]


def _counts_for(base: Base, row_date: str, low: dt.date, high: dt.date) -> bool:
    """Whether a row counts for a site within ``low``-``high``: the days its date covers in that period,
    by :func:`in_use` (so never a day after the site's closure)."""
    first, last = date_range(row_date)
    start, end = max(low, first), min(high, last)
    return start <= end and in_use(base, row_date, start, end)


def country_sites(
    fact_base: FactBase, code: str, low: dt.date = dt.date.min, high: dt.date = dt.date.max
) -> list[CountrySite]:
    """Where one country was, year by year, the one rule of ``contributors --country``, ``dutch`` and
    ``bases --country``: a site counts for a year where a dataset row of that year names the country
    (troops, police or observers) and the row counts for the site (:func:`in_use`: within
    ``low``-``high`` if given, never after the site's closure). Each dataset's own figures for the
    country stay in their own field, never merged or filled in between rows."""
    found: dict[tuple[str, str], CountrySite] = {}
    for record in fact_base.get("bases", []):
        for row in record["presence"]:
            if not _has_country(row, code) or not _counts_for(record, row["date"], low, high):
                continue
            year = row["date"][:4]
            place = found.setdefault(
                (year, record["id"]),
                {
                    "year": year, "base": record["id"], "name": record["name"], "region": record["region"],
                    "datasets": [], "geopko_troops": None, "map_troops": [], "radpko_troops": None,
                    "radpko_police": None, "radpko_observers": None, "sources": [],
                },
            )  # fmt: skip
            if row["dataset"] not in place["datasets"]:
                place["datasets"].append(row["dataset"])
            troops = row["troops_by_country"].get(code)
            if row["dataset"] == "geopko-map":
                place["map_troops"].append({"date": row["date"], "map": row.get("map"), "troops": troops})
            elif row["dataset"] == "geopko-yearly":
                place["geopko_troops"] = troops
            else:
                place["radpko_troops"] = troops
                place["radpko_police"] = row.get("police_by_country", {}).get(code)
                place["radpko_observers"] = row.get("observers_by_country", {}).get(code)
            place["sources"] = list(dict.fromkeys([*place["sources"], *row["sources"]]))
    for place in found.values():
        place["datasets"].sort(key=DATASETS.index)
        place["map_troops"].sort(key=lambda item: sort_key(item["date"]))
    return [found[key] for key in sorted(found, key=lambda key: (key[0], fold(found[key]["name"]["en"])))]


def sites_on(fact_base: FactBase, day: dt.date) -> list[Site]:
    """The sites in use on ``day``, each with who was there that day: ``bases --at DAY``'s sites, by
    the same rule (:func:`in_use`)."""
    return bases(fact_base, at=day.isoformat())["sites"]


class TermRecord(TypedDict):
    start: str | None
    end: str | None
    start_basis: str
    end_basis: str


class LeaderTerm(Leader):
    """A leader's record and the term every command shows (model.terms)."""

    term: TermRecord


def _with_term(term: Term) -> LeaderTerm:
    """A leader's record with the term every command shows (``model.terms``)."""
    return {
        **term.leader,
        "term": {
            "start": term.start,
            "end": term.end,
            "start_basis": term.start_basis,
            "end_basis": term.end_basis,
        },
    }


class LeadersResult(TypedDict):
    as_of: str
    leaders: list[LeaderTerm]
    sources: list[Source]


def leaders(fact_base: FactBase) -> LeadersResult:
    ordered = [_with_term(term) for term in terms(fact_base)]
    return {"as_of": fact_base["header"]["as_of"], "leaders": ordered, "sources": _with_sources(fact_base, ordered)}


class ErrataResult(TypedDict):
    as_of: str
    errata: list[Erratum]
    sources: list[Source]


def errata(fact_base: FactBase) -> ErrataResult:
    records = fact_base["errata"]
    return {"as_of": fact_base["header"]["as_of"], "errata": records, "sources": _with_sources(fact_base, records)}


def _as_of_day(at: str | None) -> dt.date | None:
    """``--at DATE`` as a day: the last day a partial date covers (``2015`` is as of 31 December 2015)."""
    return date_range(at)[1] if at is not None else None


def fatalities_by(fact_base: FactBase, day: dt.date | None = None, country: str | None = None) -> list[Fatality]:
    """The UN's records as of ``day`` (inclusive: a death on that day counts; a record known only to
    the month or year counts once its last possible day is reached), for one country or all."""
    return [
        fatality
        for fatality in fact_base.get("fatalities", [])
        if (country is None or fatality["country"] == country)
        and (day is None or date_range(fatality["date"])[1] <= day)
    ]


Breakdown = Literal["year", "country", "cause", "type"]
"""How ``casualties --by`` groups the UN's records."""


class SeriesRow(TypedDict):
    """One group of the UN's records (a year, a country, a cause, a personnel type): its deaths and
    how many of them each cause accounts for (every cause, 0 where none)."""

    key: str
    deaths: int
    causes: dict[FatalityCause, int]


def _series_row(key: str, records: Sequence[Fatality]) -> SeriesRow:
    counted = Counter(record["cause"] for record in records)
    return {"key": key, "deaths": len(records), "causes": {cause: counted[cause] for cause in FATALITY_CAUSES}}


def _grouped(records: Sequence[Fatality], key: str) -> dict[str, list[Fatality]]:
    groups: dict[str, list[Fatality]] = {}
    for record in records:
        groups.setdefault(record[key][:4] if key == "date" else record[key], []).append(record)  # type: ignore[literal-required]
    return groups


class FatalitySeries(TypedDict):
    """The UN's per-record series, counted: what ``casualties`` answers from."""

    total: int
    first: str | None
    last: str | None
    causes: dict[FatalityCause, int]
    by_year: list[SeriesRow]
    by_country: list[SeriesRow]
    by_cause: list[SeriesRow]
    by_type: list[SeriesRow]
    revised: int
    """Records whose cause, gender or row number an earlier snapshot gave otherwise."""
    sources: list[str]


def fatality_series(
    fact_base: FactBase,
    records: Sequence[Fatality],
    day: dt.date | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> FatalitySeries:
    """Totals of ``records`` by year (every year of the mission's life up to ``day``, 0 where none),
    by country (most deaths first, ties by code), by cause and by personnel type (each in the UN's
    order, 0 where none)."""
    mission = fact_base["mission"]
    first_year = date_range(mission["established"])[0].year
    last_year = date_range(mission["withdrawal_completed"])[1].year
    dates = sorted(record["date"] for record in records)
    if dates:
        first_year = min(first_year, date_range(dates[0])[0].year)
        last_year = max(last_year, date_range(dates[-1])[1].year)
    if day is not None:
        last_year = min(last_year, day.year)
    if date_from:
        first_year = max(first_year, parse_bound(date_from, end=False).year)
    if date_to:
        last_year = min(last_year, parse_bound(date_to, end=True).year)
    by_year = _grouped(records, "date")
    by_country = _grouped(records, "country")
    by_cause = _grouped(records, "cause")
    by_type = _grouped(records, "personnel")
    countries = sorted(by_country.items(), key=lambda item: (-len(item[1]), item[0]))
    totals = _series_row("", records)["causes"]
    return {
        "total": len(records),
        "first": dates[0] if dates else None,
        "last": dates[-1] if dates else None,
        "causes": totals,
        "by_year": [_series_row(str(year), by_year.get(str(year), [])) for year in range(first_year, last_year + 1)],
        "by_country": [_series_row(code, group) for code, group in countries],
        "by_cause": [_series_row(cause, by_cause.get(cause, [])) for cause in FATALITY_CAUSES],
        "by_type": [_series_row(kind, by_type.get(kind, [])) for kind in PERSONNEL],
        "revised": sum(1 for record in records if "revised" in record),
        "sources": sorted({source for record in records for source in record["sources"]}),
    }


class SeriesRange(TypedDict):
    low: int
    high: int


class Reconciliation(TypedDict):
    """One stated count of deaths set against the UN's records for the same period, country,
    personnel and cause (``model.series_tally``); ``agrees`` is None for an approximate figure."""

    id: str
    country: str | None
    personnel: list[Personnel] | None
    start: str
    end: str
    cause: Cause
    stated: Quantity
    series: SeriesRange
    agrees: bool | None
    preferred: Literal["series", "both"]
    sources: list[str]
    series_sources: list[str]


def reconciliation(fact_base: FactBase, records: Sequence[Casualties]) -> list[Reconciliation]:
    """Each stated count of deaths against the UN's records for the same period, country, personnel and
    cause. Where they differ both stay, and the series is preferred: the UN's own record, one line per
    notified death, revised as causes are established; a stated total is a count at one moment."""
    fatalities = fact_base.get("fatalities", [])
    if not fatalities:
        return []
    series_sources = sorted({source for fatality in fatalities for source in fatality["sources"]})
    rows: list[Reconciliation] = []
    for record in records:
        for count in record["counts"]:
            if count["outcome"] != "killed":
                continue
            tally = series_tally(fatalities, record, count["cause"])
            agrees = series_agrees(count["value"], tally)
            rows.append(
                {
                    "id": record["id"], "country": record.get("country"), "personnel": record.get("personnel"),
                    "start": record["start"], "end": record["end"], "cause": count["cause"], "stated": count["value"],
                    "series": {"low": tally.low, "high": tally.high}, "agrees": agrees,
                    "preferred": "both" if agrees else "series", "sources": record["sources"],
                    "series_sources": series_sources,
                }
            )  # fmt: skip
    return rows


def _in_period(fatalities: list[Fatality], date_from: str | None, date_to: str | None) -> list[Fatality]:
    if not (date_from or date_to):
        return fatalities
    low, high = _bounds(date_from, date_to)
    return [fatality for fatality in fatalities if overlaps(fatality["date"], low, high)]


class CasualtiesResult(TypedDict):
    """The stated counts (``casualties``, as before), the UN's records (``fatalities``), counted
    (``series``), and each stated count of deaths set against them (``reconciliation``)."""

    as_of: str
    at: str | None
    read_as: str | None
    country: str | None
    by: Breakdown | None
    date_from: str | None
    date_to: str | None
    casualties: list[Casualties]
    fatalities: list[Fatality]
    series: FatalitySeries
    reconciliation: list[Reconciliation]
    sources: list[Source]


def casualties(
    fact_base: FactBase,
    at: str | None = None,
    country: str | None = None,
    by: Breakdown | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> CasualtiesResult:
    """The stated counts, the UN's records, counted, and the two set side by side; ``at`` keeps what
    was known on that day (records dated on or before it, counts as of it), ``country`` one nationality.
    ``date_from``/``date_to`` keep the deaths dated in that period and the counts whose period overlaps
    it (a partial date counts where its period meets the bounds, as a timeline's events do)."""
    day = _as_of_day(at)
    low, high = _bounds(date_from, date_to)
    records = [
        record
        for record in fact_base["casualties"]
        if (country is None or record.get("country") == country)
        and (day is None or date_range(record["end"])[1] <= day)
        and date_range(record["end"])[1] >= low
        and date_range(record["start"])[0] <= high
    ]
    records.sort(key=lambda record: (sort_key(record["end"]), record["id"]))
    fatalities = _in_period(fatalities_by(fact_base, day, country), date_from, date_to)
    series = fatality_series(fact_base, fatalities, day, date_from, date_to)
    compared = reconciliation(fact_base, records)
    return {
        "as_of": fact_base["header"]["as_of"],
        "at": at,
        "read_as": day.isoformat() if day is not None else None,
        "country": country,
        "by": by,
        "date_from": date_from,
        "date_to": date_to,
        "casualties": records,
        "fatalities": fatalities,
        "series": series,
        "reconciliation": compared,
        "sources": _with_sources(fact_base, records, fatalities),
    }


class CasualtyChartResult(TypedDict):
    """Deaths per year by cause, for ``casualties --chart``, with the question it answers (the chart's
    title names a country, a day or a period asked for)."""

    as_of: str
    at: str | None
    country: str | None
    date_from: str | None
    date_to: str | None
    series: FatalitySeries
    sources: list[Source]


def casualty_chart(
    fact_base: FactBase,
    at: str | None = None,
    country: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> CasualtyChartResult:
    """Deaths per year by cause, from the UN's records."""
    day = _as_of_day(at)
    fatalities = _in_period(fatalities_by(fact_base, day, country), date_from, date_to)
    return {
        "as_of": fact_base["header"]["as_of"],
        "at": at,
        "country": country,
        "date_from": date_from,
        "date_to": date_to,
        "series": fatality_series(fact_base, fatalities, day, date_from, date_to),
        "sources": _with_sources(fact_base, fatalities),
    }


# --------------------------------------------------------------------------- sources


class CitingFact(TypedDict):
    kind: str
    id: str
    path: str
    date: str | None
    text: Text | None


def _citing(fact: Cited) -> CitingFact:
    return {
        "kind": fact.kind,
        "id": fact.id,
        "path": fact.path,
        "date": fact.date,
        "text": fact.texts[0] if fact.texts else None,
    }


class SourceUse(Source):
    """A source record and how many facts cite it."""

    cited_by: int


class SourcesResult(TypedDict):
    as_of: str
    sources: list[SourceUse]


def sources(fact_base: FactBase) -> SourcesResult:
    counts: Counter[str] = Counter()
    for fact in cited_facts(fact_base):
        counts.update(set(fact.sources))
    return {
        "as_of": fact_base["header"]["as_of"],
        "sources": [{**source, "cited_by": counts[source["id"]]} for source in fact_base["sources"]],
    }


class SourceResult(TypedDict):
    as_of: str
    source: SourceUse
    facts: list[CitingFact]


def source(fact_base: FactBase, source_id: str) -> SourceResult | None:
    record = next((item for item in fact_base["sources"] if item["id"] == source_id), None)
    if record is None:
        return None
    facts = [_citing(fact) for fact in cited_facts(fact_base) if source_id in fact.sources]
    return {"as_of": fact_base["header"]["as_of"], "source": {**record, "cited_by": len(facts)}, "facts": facts}


def similar_ids(candidates: Iterable[str], asked: str, limit: int = 3) -> list[str]:
    """Ids that contain the asked one's words, else ids spelt nearly alike, for a 'did you mean' hint."""
    known = list(dict.fromkeys(candidates))
    words = [word for word in fold(asked).replace("-", " ").split() if len(word) > 1]

    def score(identifier: str) -> int:  # asked words that begin a word of the id: 'res 21' finds res-2100
        parts = identifier.split("-")
        return sum(any(part.startswith(word) for part in parts) for word in words)

    import difflib  # only a failed lookup needs it

    scored = [(found, identifier) for identifier in known if (found := score(identifier))]
    if scored:
        best = max(found for found, _ in scored)
        ties = [identifier for found, identifier in scored if found == best]
        by_likeness = sorted(ties, key=lambda item: -difflib.SequenceMatcher(None, fold(asked), item).ratio())
        return (by_likeness + [identifier for found, identifier in scored if found < best])[:limit]

    close = set(
        difflib.get_close_matches(fold(asked), {part for item in known for part in item.split("-")}, cutoff=0.7)
    )
    close |= set(difflib.get_close_matches(fold(asked), known, n=limit, cutoff=0.6))
    return [identifier for identifier in known if identifier in close or close & set(identifier.split("-"))][:limit]


def similar_source_ids(fact_base: FactBase, source_id: str, limit: int = 3) -> list[str]:
    return similar_ids((source["id"] for source in fact_base["sources"]), source_id, limit)


# --------------------------------------------------------------------------- cite and show


def facts_by_id(fact_base: FactBase) -> dict[str, list[Cited]]:
    """Every fact that cites sources, by id; a resolution and its ceiling, or the claims of a
    snapshot or figure, share their record's id and are listed together."""
    found: dict[str, list[Cited]] = {}
    for fact in cited_facts(fact_base):
        found.setdefault(fact.id, []).append(fact)
    return found


def known_ids(fact_base: FactBase) -> list[str]:
    """Every id ``cite`` and ``show`` take: the sources', then the facts'."""
    return [source["id"] for source in fact_base["sources"]] + list(facts_by_id(fact_base))


def unknown_ids(fact_base: FactBase, ids: Sequence[str]) -> list[str]:
    known = set(known_ids(fact_base))
    return [identifier for identifier in ids if identifier not in known]


class CiteRequest(TypedDict):
    id: str
    kind: str
    """``source``, or the kind of fact (``event``, ``resolution``, ``leader``...)."""
    sources: list[str]


class CiteResult(TypedDict):
    as_of: str
    requested: list[CiteRequest]
    sources: list[Source]


def cite(fact_base: FactBase, ids: Sequence[str] = ()) -> CiteResult:
    """The sources to cite: every source, or those of the facts and sources named, in the order
    asked (each fact's sources in the order it cites them), each once. Unknown ids are skipped:
    the command line reports them first (:func:`unknown_ids`)."""
    by_source = {source["id"]: source for source in fact_base["sources"]}
    facts = facts_by_id(fact_base)
    requested: list[CiteRequest] = []
    order: list[str] = []
    for identifier in dict.fromkeys(ids):
        if identifier in by_source:
            cited, kind = [identifier], "source"
        elif identifier in facts:
            cited = list(dict.fromkeys(chain.from_iterable(fact.sources for fact in facts[identifier])))
            kind = facts[identifier][0].kind
        else:
            continue
        requested.append({"id": identifier, "kind": kind, "sources": cited})
        order += cited
    chosen = [by_source[identifier] for identifier in dict.fromkeys(order)] if ids else list(fact_base["sources"])
    return {"as_of": fact_base["header"]["as_of"], "requested": requested, "sources": chosen}


def _at_path(fact_base: FactBase, path: str) -> dict[str, Any]:
    """The record at a JSON path such as ``netherlands.figures[2]``."""
    found: Any = fact_base
    for part in path.split("."):
        name, _, index = part.partition("[")
        found = found[name]
        if index:
            found = found[int(index.rstrip("]"))]
    return cast(dict[str, Any], found)


def concerning(fact_base: FactBase, identifier: str, is_source: bool) -> list[Erratum]:
    """The errata that concern a fact or a source.

    A fact: the errata whose ``concerns`` name it. A source: the errata that say it is wrong
    (``claimed_in``) or that rest on it (``sources``). An erratum does not concern itself.
    """
    found = []
    for erratum in fact_base["errata"]:
        if is_source:
            named = identifier in erratum["claimed_in"] or identifier in erratum["sources"]
        else:
            named = identifier in erratum.get("concerns", []) and erratum["id"] != identifier
        if named:
            found.append(erratum)
    return found


class ShowResult(TypedDict):
    as_of: str
    id: str
    kind: str
    """``source``, or the kind of fact (``event``, ``resolution``, ``leader``...)."""
    path: str
    """Where the record is in the fact base, e.g. ``resolutions[1]``."""
    record: dict[str, Any]
    """The record with every field, as the fact base holds it."""
    sources: list[Source]
    errata: list[Erratum]


def show(fact_base: FactBase, identifier: str) -> ShowResult:
    """One fact or source with every field, its sources in full and the errata that concern it.
    The id must exist (the command line checks it first with :func:`unknown_ids`)."""
    index = next((index for index, source in enumerate(fact_base["sources"]) if source["id"] == identifier), None)
    if index is not None:
        record: dict[str, Any] = dict(fact_base["sources"][index])
        kind, path = "source", f"sources[{index}]"
    else:
        fact = facts_by_id(fact_base)[identifier][0]
        # A claim or a budget figure is a fact of its own, under its record's id: show the record whole.
        within = {"strength": ".claims", "dutch figure": ".claims", "budget": ".figures"}.get(fact.kind)
        path = fact.where.split(within)[0] if within else fact.path
        kind, record = fact.kind, _at_path(fact_base, path)
    return {
        "as_of": fact_base["header"]["as_of"],
        "id": identifier,
        "kind": kind,
        "path": path,
        "record": record,
        "sources": cite(fact_base, [identifier])["sources"],
        "errata": concerning(fact_base, identifier, kind == "source"),
    }


# --------------------------------------------------------------------------- search


_APART = "\x00"
"""Keeps texts apart when they are scanned together: no text of a fact base holds it."""


WHOLE, START, INSIDE = 3, 2, 1
"""How a query word, or the whole query, stands in a fact's folded text, best first: as a whole word
(no letter or digit right before or after it: ``Ber`` in ``camp de Ber``, ``onu`` in ``l'ONU``,
``kidal`` in ``Gao-Kidal``), at the start of a word (``Ber`` in ``Bert``), or only inside one
(``ber`` in ``December``)."""


_LETTER = r"[^\W_]"
"""A letter or digit of any script (a word character but the underscore)."""


_Patterns = tuple[re.Pattern[str], re.Pattern[str]]
"""A text standing as a whole word, and at the start of a word (see :func:`_patterns`)."""


class _Query(NamedTuple):
    """A query's folded words and phrase, with the patterns that tell how each stands, compiled once
    per search (never once per fact): :func:`_query`."""

    words: list[str]
    phrase: str
    standing: list[_Patterns]
    phrase_standing: _Patterns


def _query(words: list[str]) -> _Query:
    standing = [_patterns(word) for word in words]
    phrase = " ".join(words)
    return _Query(words, phrase, standing, standing[0] if len(words) == 1 else _patterns(phrase))


def _patterns(text: str) -> _Patterns:
    # The text first, the look behind it last: a pattern that begins with a literal is found by a
    # fast scan for it (one that begins with a look-behind tries every position, 8 times slower).
    escaped = re.escape(text)
    return (
        re.compile(rf"{escaped}(?!{_LETTER})(?<!{_LETTER}{escaped})"),
        re.compile(rf"{escaped}(?<!{_LETTER}{escaped})"),
    )


def _stands(haystack: str, patterns: _Patterns) -> int:
    """WHOLE, START or INSIDE for a text known to be in ``haystack``."""
    whole, start = patterns
    return WHOLE if whole.search(haystack) else START if start.search(haystack) else INSIDE


def _match(wanted: _Query, candidates: Sequence[Text]) -> tuple[int, Text] | None:
    """Score a fact: 3 times how the whole phrase stands in its best text (3 as whole words, 2 at the
    start of a word, 1 inside a word, 0 nowhere), plus how each query word stands in the fact (3, 2,
    1); None when a word is missing. Also the text to show: the one where the phrase stands best,
    else the one with most words.

    For n words, the phrase standing as whole words (score 9 + 3n) outranks it at a word's start (at
    most 6 + 3n), which outranks it only inside a word (at most 3 + 3n; at a word's start its words
    stand at least 3n - 1) or nowhere (at most 3n): where the phrase stands, its words stand too. A
    single word is its own phrase: 12, 8 or 4."""
    # Folding changes no character by what stands next to it (casefold has no context, and NFKD
    # reorders only marks, which a starter such as _APART stops): a text's languages are folded in
    # one call, joined by _APART so that no phrase spans two of them.
    folded = [(text, fold(_APART.join(_TEXT_IN_EVERY_LANGUAGE(text)))) for text in candidates]
    joined = _APART.join(haystack for _, haystack in folded)
    words, stands = wanted.words, _stands
    if not all(word in joined for word in words):
        return None
    each = [stands(joined, patterns) for patterns in wanted.standing]
    phrase, patterns = wanted.phrase, wanted.phrase_standing
    if len(words) == 1 and len(folded) == 1:  # most facts: one text, shown; the word is the phrase
        best, phrase_stands = folded[0][0], each[0]
    else:
        ranked = [
            (stands(haystack, patterns) if phrase in haystack else 0, sum(word in haystack for word in words), text)
            for text, haystack in folded
        ]
        phrase_stands, _, best = max(ranked, key=itemgetter(0, 1))
    return 3 * phrase_stands + sum(each), best


_SIMPLE_RANGES = ((0x20, 0x7F), (0xA0, 0x250), (0x2010, 0x2028), (0x202F, 0x2030), (0x2030, 0x205F))
"""Where the characters of English, Dutch and French texts lie: ASCII, the Latin letters, punctuation."""


class _Finder:
    """Which facts may hold a folded word, found by one scan of all their text instead of folding
    each text (300,000 Unicode normalisations at 100,000 events).

    For a character of ``_SIMPLE_RANGES`` that folds to one character on its own, folding a text
    made only of such characters is folding each in turn (no combining mark is among them, so
    nothing reorders). A word then holds in the folded text exactly where a pattern of one
    character class per letter matches the text as it is; a text with any other character is
    left to :func:`_match`, as is the scoring of every fact found.
    """

    def __init__(self) -> None:
        import unicodedata  # only search needs it

        self.folds: dict[str, list[str]] = {}
        for low, high in _SIMPLE_RANGES:
            for code in range(low, high):
                character = chr(code)
                folded = fold(character)
                if not unicodedata.category(character).startswith("M") and len(folded) == 1:
                    self.folds.setdefault(folded, []).append(character)
        simple = "".join(sorted(character for found in self.folds.values() for character in found))
        self.other = re.compile(f"[^{re.escape(simple)}{_APART}]")
        # A text of Latin-1 characters is also scanned as bytes (C, a byte at a time, no pattern per
        # position): the simple ones deleted leave only the others; each simple one whose folded form
        # is ASCII becomes that form, every other byte stays itself and matches no letter of an ASCII word.
        self.simple_bytes = (simple + _APART).encode("latin-1", errors="ignore")
        table = bytearray(range(256))
        for folded, found in self.folds.items():
            if folded.isascii():
                for character in found:
                    if ord(character) < len(table):
                        table[ord(character)] = ord(folded)
        self.fold_table = bytes(table)

    def pattern(self, word: str) -> re.Pattern[str] | None:
        """The text that folds to ``word``, or None for a word that no simple text folds to."""
        if not all(letter in self.folds for letter in word):
            return None
        return re.compile("".join(f"[{re.escape(''.join(self.folds[letter]))}]" for letter in word))

    def in_latin1(self, whole: str, words: list[str]) -> tuple[list[re.Pattern[bytes]], bytes, bool] | None:
        """For ``whole`` written in Latin-1 and words all ASCII: the words as patterns of bytes, ``whole``
        folded as bytes, and whether it holds any character that is not simple; else None."""
        if not all(word.isascii() for word in words):
            return None
        try:
            encoded = whole.encode("latin-1")
        except UnicodeEncodeError:
            return None
        literals = [re.compile(re.escape(word.encode("ascii"))) for word in words]
        return literals, encoded.translate(self.fold_table), bool(encoded.translate(None, self.simple_bytes))


_finder = cache(_Finder)
"""The one finder of a run, made on first search."""


def _candidates(searchable: _Searchable, words: list[str]) -> Iterable[int]:
    """The facts (their positions) that may hold every word; :func:`_match` decides.

    The texts are scanned a slice of facts at a time, each slice as one string: a word cannot run
    from one fact into the next (``_APART`` is no letter), and the memory of one slice serves the
    next (one string of every text took 70 MB at 100,000 events, most of its time page faults)."""
    finder = _finder()
    patterns = [finder.pattern(word) for word in words]
    if not all(patterns):
        return range(len(searchable))  # a word of other characters: every fact is looked at
    candidates: list[int] = []
    for first in range(0, len(searchable), _SCANNED):
        raw = searchable.raw(first, first + _SCANNED)
        whole = _APART.join(raw)
        starts = list(accumulate(map((1).__add__, map(len, raw)), initial=0))  # where each fact starts

        def facts(found: Iterable[re.Match[Any]], starts: list[int] = starts, first: int = first) -> set[int]:
            return {first + bisect_right(starts, match.start()) - 1 for match in found}

        latin1 = finder.in_latin1(whole, words)
        if latin1 is None:
            found = set.intersection(*(facts(pattern.finditer(whole)) for pattern in patterns if pattern is not None))
            candidates += sorted(found | facts(finder.other.finditer(whole)))
            continue
        literals, folded, any_other = latin1
        found = set.intersection(*(facts(literal.finditer(folded)) for literal in literals))
        candidates += sorted(found | facts(finder.other.finditer(whole)) if any_other else found)
    return candidates


_SCANNED = 5_000
"""Facts scanned together by :func:`_candidates`."""


SEARCH_MAX_CHARACTERS = 500
SEARCH_MAX_WORDS = 32
"""A query's bounds: the work grows with the query (a 130,000-character word took 27 s), and these are
far beyond any question a person types."""


def _place_names(fact_base: FactBase) -> dict[str, Text]:
    """Each site's names in every language and the datasets' spellings, as one text per site: an event
    is found by its place in any spelling (Tombouctou, Timbuktu, Sévaré)."""
    found: dict[str, Text] = {}
    for base in fact_base.get("bases", []):
        names = " / ".join(dict.fromkeys([*_names(base), *base["spellings"]]))
        found[base["id"]] = cast(Text, dict.fromkeys(LANGS, names))
    return found


def _place_of(fact: Cited, named: Mapping[str, Text]) -> tuple[Text, ...]:
    place = fact.record.get("place") if fact.kind == "event" else None
    return (named[place],) if isinstance(place, str) and place in named else ()


def _raw(group: Sequence[Text]) -> str:
    """A fact's texts, every language, as one string to scan."""
    return _APART.join([text[lang] for text in group for lang in LANGS])


_TEXT_IN_EVERY_LANGUAGE = itemgetter(*LANGS)
_TEXT_ONLY = len(Event.__required_keys__)
"""The keys of an event with no caveat and no place: its only words are its text."""


def _resolution_names(fact: Cited) -> tuple[str, ...]:
    """What a resolution is called by: ``2640``, ``S/RES/2640``, ``S/RES/2640 (2022)``; none for another fact."""
    if fact.kind != "resolution":
        return ()
    number = fact.record["number"]
    return (str(number), f"S/RES/{number}", f"S/RES/{number} ({fact.record['adopted'][:4]})")


class _Searchable:
    """Every fact with words, in the order of ``cited_facts``, and its texts (the place's names too).

    Events, most of a large fact base, are not made into facts until one is a candidate: an event
    with only its text is scanned as that text's languages, joined as :func:`_raw` joins them
    (300,000 texts at 100,000 events, one Python step per event instead of five)."""

    def __init__(self, fact_base: FactBase, named: Mapping[str, Text]) -> None:
        others = [(fact, fact.texts) for fact in cited_facts(fact_base, events=False)]
        others = [(fact, group) for fact, group in others if group]  # ceilings and bare figures carry no words
        self.labels: set[int] = set()
        """The texts that only name a fact (a resolution's number and symbol): found by, never shown."""
        for position, (fact, group) in enumerate(others):
            if fact.kind == "resolution":  # `search 2640` finds resolution 2640, whose words hold no number
                label = cast(Text, dict.fromkeys(LANGS, " / ".join(_resolution_names(fact))))
                self.labels.add(id(label))
                others[position] = (fact, (*group, label))
        self.named = named
        self.events = fact_base["events"]
        # cited_facts yields the mission, then the events, then the rest
        self.head = others[:1] if others and others[0][0].kind == "mission" else []
        self.tail = others[len(self.head) :]

    def __len__(self) -> int:
        return len(self.head) + len(self.events) + len(self.tail)

    def raw(self, start: int, stop: int) -> list[str]:
        """The texts of the facts at positions ``start`` to ``stop``, each fact's as one string (:func:`_raw`)."""
        head, events = len(self.head), len(self.events)
        joined, plain = _APART.join, _TEXT_IN_EVERY_LANGUAGE
        found = [_raw(group) for _, group in self.head[start:stop]]
        found += [
            joined(plain(event["text"])) if len(event) == _TEXT_ONLY else _raw(self._event(index, event)[1])
            for index, event in enumerate(self.events[max(0, start - head) : max(0, stop - head)], max(0, start - head))
        ]
        found += [_raw(group) for _, group in self.tail[max(0, start - head - events) : max(0, stop - head - events)]]
        return found

    def _event(self, index: int, event: Event) -> tuple[Cited, tuple[Text, ...]]:
        fact = cited_event(index, event)
        return fact, fact.texts + _place_of(fact, self.named)

    def __getitem__(self, position: int) -> tuple[Cited, tuple[Text, ...]]:
        if position < len(self.head):
            return self.head[position]
        position -= len(self.head)
        if position < len(self.events):
            return self._event(position, self.events[position])
        return self.tail[position - len(self.events)]


def _found(searchable: _Searchable, words: list[str]) -> Iterator[tuple[int, Cited, int, Text]]:
    """Each fact holding every word, in file order: its place in that order, the fact, its score and
    the text to show."""
    place_names = {id(names) for names in searchable.named.values()} | searchable.labels
    wanted = _query(words)
    for position in _candidates(searchable, words):
        fact, group = searchable[position]
        found = _match(wanted, group)
        if found is not None:
            score, shown = found
            if fact.texts and id(shown) in place_names:
                shown = fact.texts[0]  # found by its place: show the event's own words
            yield position, fact, score, shown


class Hit(TypedDict):
    kind: str
    id: str
    path: str
    date: str | None
    score: int
    text: Text
    sources: list[str]


class SearchResult(TypedDict):
    as_of: str
    query: str
    hits: list[Hit]
    sources: list[Source]


_EDGES = "\"'“”‘’„‚«»‹›()[]{}<>.,;:!?¿¡…"
"""Punctuation around a query's word, as typed or pasted (`Ménaka?`, `"Kidal"`, `Gao,`): not part of
the word. Inside a word it stays (`Gao-Kidal`, `6,200`, `S/RES/2100`)."""


def _naming(texts: Sequence[Text], phrase: str) -> int:
    """How many of a fact's texts are the query itself in some language: a site by its name and its
    region's (Kidal in the Kidal region: 2), a site only by its region's (Aguelhok: 1), 0 for prose."""
    return sum(any(fold(value).strip(_EDGES) == phrase for value in _TEXT_IN_EVERY_LANGUAGE(text)) for text in texts)


_NUMBER_WORDS = 3
"""Numbers typed without separators that a query is tried with in each form: 2 ** 3 forms at most."""


def _with_separators(word: str) -> str | None:
    """A number of four or more digits typed without separators (``15209``) as the English texts write
    it (``15,209``); None for any other word (``0150``, a leading zero, is no amount)."""
    if len(word) >= 4 and word.isascii() and word.isdigit() and word[0] != "0":
        return f"{int(word):,}"
    return None


def _number_variants(words: list[str]) -> list[list[str]]:
    """The query as typed, first, and with each number typed without separators (``15209``) also as the
    English texts write it (``15,209``), every combination: each finds what the others miss. No words, no
    query."""
    if not words:
        return []
    forms = [[word] if (grouped := _with_separators(word)) is None else [word, grouped] for word in words]
    if sum(len(form) > 1 for form in forms) > _NUMBER_WORDS:
        return [words, [form[-1] for form in forms]]
    return [list(variant) for variant in product(*forms)]


def _as_numbers(texts: Sequence[Text], variant: list[str], words: list[str]) -> bool:
    """Whether each number the variant writes grouped (``1,200``) stands in the fact's texts as a whole
    number: not inside another (``11,200``, ``1,200,000``), where a word search would find it."""
    grouped = [form for form, word in zip(variant, words, strict=True) if form != word]
    if not grouped:
        return True
    folded = fold(_APART.join(value for text in texts for value in _TEXT_IN_EVERY_LANGUAGE(text)))
    return all(re.search(rf"(?<![\d.,]){re.escape(number)}(?![.,]?\d)", folded) for number in grouped)


def search(fact_base: FactBase, text: str, limit: int | None = None) -> SearchResult:
    """Every fact whose words (either language) contain all the query's words, best first: by score,
    then the facts with more texts that are the query itself (a site by its name), then by date."""
    words = [word for word in (word.strip(_EDGES) for word in fold(text).split()) if word]
    best: dict[int, tuple[Hit, int]] = {}  # by the fact's place in file order
    variants = _number_variants(words)
    searchable = _Searchable(fact_base, _place_names(fact_base)) if variants else None
    for variant in variants:
        phrase = " ".join(variant)
        for position, fact, score, shown in _found(cast(_Searchable, searchable), variant):
            if position in best and score <= best[position][0]["score"]:
                continue
            if not _as_numbers(fact.texts, variant, words):
                continue
            hit: Hit = {
                "kind": fact.kind, "id": fact.id, "path": fact.path, "date": fact.date, "score": score,
                "text": shown, "sources": list(fact.sources),
            }  # fmt: skip
            named = sum(fold(name) == phrase for name in _resolution_names(fact))  # 2100: resolution 2100 first
            best[position] = (hit, _naming(fact.texts, phrase) + named)
    found = [best[position] for position in sorted(best)]
    found.sort(key=lambda pair: (-pair[0]["score"], -pair[1], sort_key(pair[0]["date"] or "9999")))
    hits: list[Hit] = [hit for hit, _ in found]
    if limit is not None:
        hits = hits[:limit]
    return {
        "as_of": fact_base["header"]["as_of"],
        "query": text,
        "hits": hits,
        "sources": cited_sources(fact_base, {source for hit in hits for source in hit["sources"]}),
    }


# --------------------------------------------------------------------------- validate


class ProblemRecord(TypedDict):
    severity: Literal["error", "warning"]
    path: str
    line: int | None
    message: str


class ValidationResult(TypedDict):
    file: str
    valid: bool
    errors: int
    warnings: int
    problems: list[ProblemRecord]


def validation(file: str, problems: Sequence[Problem], lang: Lang) -> ValidationResult:
    """What ``validate`` found, messages in ``lang``; valid means no errors (warnings allowed)."""
    errors = sum(problem.severity == "error" for problem in problems)
    return {
        "file": file,
        "valid": errors == 0,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [
            {"severity": p.severity, "path": p.path, "line": p.line, "message": p.message.said(lang)} for p in problems
        ],
    }


# --------------------------------------------------------------------------- at DATE


Status = Literal["not_yet", "authorised", "active", "withdrawal", "liquidation"]


def _status(fact_base: FactBase, day: dt.date) -> tuple[Status, Text]:
    mission = fact_base["mission"]

    def start_of(key: str) -> dt.date:
        return date_range(mission[key])[0]  # type: ignore[literal-required]

    dates = {
        "name": mission["abbreviation"], "established": mission["established"], "operational": mission["operational"],
        "ended": mission["mandate_ended"], "completed": mission["withdrawal_completed"],
        "liquidation": mission["liquidation_from"],
    }  # fmt: skip
    status: Status
    if day < start_of("established"):
        status = "not_yet"
    elif day < start_of("operational"):
        status = "authorised"
    elif day <= date_range(mission["mandate_ended"])[1]:
        status = "active"
    elif day <= date_range(mission["withdrawal_completed"])[1]:
        status = "withdrawal"
    else:
        status = "liquidation"
    return status, generated_text(f"status.{status}", **dates)


class LeaderAt(TypedDict):
    leader: LeaderTerm
    certain: bool
    why: Text | None


def _leaders_at(fact_base: FactBase, day: dt.date) -> list[LeaderAt]:
    found: list[LeaderAt] = []
    for term in terms(fact_base):
        possibly, certainly, why = in_office(term, day)
        if possibly:
            found.append({"leader": _with_term(term), "certain": certainly, "why": why})
    return found


class AtResult(TypedDict):
    as_of: str
    mission: str
    date: str
    status: Status
    status_text: Text
    mandate: Period | None
    ceiling: CeilingRow | None
    strength: list[ComparisonRow]
    leaders: list[LeaderAt]
    netherlands: list[Phase]
    events: list[Event]
    places: list[Place]
    contributors: list[ContributorRow]
    sites: list[Site]
    """The sites in use that day, as ``bases --at`` gives them (Geo-PKO and RADPKO rows: estimates)."""
    notes: list[Text]
    sources: list[Source]
    read_as: NotRequired[str]


def at(fact_base: FactBase, date: str) -> AtResult:
    """The mission on ``date``; a month or year is read as its last day."""
    day = date_range(date)[1]
    status, status_text = _status(fact_base, day)
    notes: list[Text] = []
    mandate_period = None
    ceiling_row = None
    strength: list[ComparisonRow] = []
    leaders_now: list[LeaderAt] = []
    phases: list[Phase] = []
    top_contributors: list[ContributorRow] = []
    sites = sites_on(fact_base, day)
    if status in ("active", "authorised", "withdrawal"):
        for period in periods(fact_base):
            if period["kind"] == "termination":
                continue
            possibly, _ = covers(period["start"] or period["adopted"], period["end"], day)
            if possibly:
                mandate_period = period
        resolution = ceiling_in_force(fact_base, day.isoformat())
        if resolution is not None:
            ceiling_row = next(row for row in ceilings(fact_base) if row["resolution"] == resolution["number"])
        snapshot = _latest_snapshot(fact_base, day)
        if snapshot is not None:
            in_force = ceiling_in_force(fact_base, snapshot["date"])
            if in_force is not None:
                changed = ceiling_change(fact_base, snapshot["date"])
                strength = [compare_claim(snapshot, claim, in_force, changed) for claim in snapshot["claims"]]
            if date_range(snapshot["date"])[1] > day:
                notes.append(generated_text("at.snapshot_period", date=snapshot["date"]))
            for covering in _covering_means(fact_base, day, snapshot):
                in_force = ceiling_in_force(fact_base, covering["date"])
                if in_force is not None:
                    changed = ceiling_change(fact_base, covering["date"])
                    means = [claim for claim in covering["claims"] if "basis" in claim]
                    strength += [compare_claim(covering, claim, in_force, changed) for claim in means]
                    notes.append(generated_text("at.covering_mean", date=covering["date"]))
        leaders_now = _leaders_at(fact_base, day)
        top_contributors = contributors_on(fact_base, day)[:10]
        phases = [
            phase for phase in fact_base["netherlands"]["phases"] if covers(phase["start"], phase.get("end"), day)[0]
        ]
    if status == "withdrawal":
        notes.append(generated_text("at.withdrawal_note"))
    month = day.isoformat()[:7]
    events = timeline(fact_base, month, month)["events"]
    result: AtResult = {
        "as_of": fact_base["header"]["as_of"],
        "mission": fact_base["mission"]["abbreviation"],
        "date": date,
        "status": status,
        "status_text": status_text,
        "mandate": mandate_period,
        "ceiling": ceiling_row,
        "strength": strength,
        "leaders": leaders_now,
        "netherlands": phases,
        "events": events,
        "places": places(fact_base, events),
        "contributors": top_contributors,
        "sites": sites,
        "notes": notes,
        "sources": [],
    }
    if date != day.isoformat():
        result["read_as"] = day.isoformat()
    result["sources"] = _with_sources(
        fact_base,
        mandate_period,
        ceiling_row,
        strength,
        [item["leader"] for item in leaders_now],
        phases,
        events,
        top_contributors,
        sites,
    )
    return result


def _latest_snapshot(fact_base: FactBase, day: dt.date) -> Snapshot | None:
    """The last snapshot whose period starts on or before ``day``: a yearly mean (``2016``) from the
    first day of its year, until a figure dated later in the year (``2016-05``) starts."""
    candidates = [s for s in fact_base["snapshots"] if date_range(s["date"])[0] <= day]
    return max(candidates, key=lambda snapshot: sort_key(snapshot["date"]), default=None)


def _covering_means(fact_base: FactBase, day: dt.date, chosen: Snapshot) -> list[Snapshot]:
    """The other snapshots with an estimate (a yearly mean) whose period holds ``day``: ``at`` shows
    their estimates beside the latest figure, which may be a count from months before (February 2019
    on 1 December 2019, when the 2019 mean covers the day)."""
    found = []
    for snapshot in fact_base["snapshots"]:
        if snapshot is chosen or not any("basis" in claim for claim in snapshot["claims"]):
            continue
        first, last = date_range(snapshot["date"])
        if first <= day <= last:
            found.append(snapshot)
    return sorted(found, key=lambda snapshot: sort_key(snapshot["date"]))


# --------------------------------------------------------------------------- budget


def _preferred_amount(figures: Sequence[Any], kind: str) -> Amount | None:
    """The preferred figure of ``kind`` (a loaded fact base has exactly one where there is any)."""
    chosen = [figure for figure in figures if figure["kind"] == kind]
    return preferred_claim(chosen)["amount"] if chosen else None


def spent_share(approved: Amount | None, expenditure: Amount | None) -> FillRate | None:
    """The expenditure as a share of the approved amount, to a tenth, half up; none where either is
    unknown or nothing was approved. Approximate where either figure is. A share just short of 100% is
    99.9%, never 100.0%, and one just above nothing 0.1%, never 0.0%. None either where the approved
    amount is only a lower bound ("more than a billion"): the share would be only an upper bound, which
    no qualifier says."""
    if approved is None or expenditure is None or approved["value"] <= 0:
        return None
    if approved["qualifier"] in LOWER_BOUNDS:
        return None
    spent, budget = expenditure["value"], approved["value"]
    if expenditure["qualifier"] in LOWER_BOUNDS and approved["qualifier"] == "exact":
        # more than X of an exact amount: more than the share, rounded down (never one it does not reach)
        return {"percent": (1000 * spent // budget) / 10, "qualifier": expenditure["qualifier"]}
    exact = approved["qualifier"] == "exact" and expenditure["qualifier"] == "exact"
    tenths = (2000 * spent + budget) // (2 * budget)  # half up, in whole numbers: 99.85% is 99.9%
    if tenths == 1000 and spent < budget:  # never "all spent" for a year that was not
        tenths = 999
    elif tenths == 0 and spent > 0:  # nor "nothing" for a year that spent something
        tenths = 1
    return {"percent": tenths / 10, "qualifier": "exact" if exact else "about"}


class BudgetYear(TypedDict):
    """One fiscal year (1 July - 30 June): whether it is one of the liquidation's (it begins after the
    withdrawal was completed), the preferred approved amount and expenditure, the share spent where both
    are known, and every figure found."""

    fiscal_year: str
    start: str
    end: str
    liquidation: bool
    approved: Amount | None
    expenditure: Amount | None
    spent: FillRate | None
    figures: list[BudgetFigure]


def _budget_year(label: str, records: Sequence[Budget], withdrawn: dt.date) -> BudgetYear:
    """A fiscal year from its record (a fact base has at most one per year; should it hold several, every
    figure and no single preferred amount)."""
    start, end = fiscal_year_range(label)
    figures = [figure for record in records for figure in record["figures"]]
    approved = _preferred_amount(figures, "approved") if len(records) <= 1 else None
    expenditure = _preferred_amount(figures, "expenditure") if len(records) <= 1 else None
    return {
        "fiscal_year": label,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "liquidation": start > withdrawn,
        "approved": approved,
        "expenditure": expenditure,
        "spent": spent_share(approved, expenditure),
        "figures": figures,
    }


def precision(amount: Amount) -> int:
    """The unit an amount is given to: 1 for an exact one; for a rounded one (``about``, ``more than``...)
    the largest power of ten that divides it, so ``about 1,100,000,000`` ($1.1 billion) is given to the
    100 million. Zero has no digits to read a precision from: 1."""
    value = amount["value"]
    unit = 1
    if amount["qualifier"] != "exact" and value > 0:
        while value % (unit * 10) == 0:
            unit *= 10
    return unit


def added(amounts: Sequence[Amount]) -> Amount:
    """Amounts added: exact only when every part is. Where some part is a lower bound ("more than a
    billion"), the sum is a lower bound too ("more than" if any part is, else "at least"): each part at the
    least it may stand for (an exact part or a bound as it stands, an ``about`` one less half the unit its
    digits show, a ``nearly`` one less that unit, never below 0), rounded down to the roughest such unit,
    so that the bound is never one the parts do not reach. Otherwise ``about`` the sum, to the precision of
    the least precise part (a sum of rounded figures is no more precise than its roughest part), half up."""
    if len(amounts) == 1:  # one amount is no sum: "nearly X" stays nearly X
        return {"value": amounts[0]["value"], "qualifier": amounts[0]["qualifier"]}
    total = sum(amount["value"] for amount in amounts)
    qualifiers = {amount["qualifier"] for amount in amounts}
    if qualifiers <= {"exact"}:
        return {"value": total, "qualifier": "exact"}
    if qualifiers & set(LOWER_BOUNDS):
        units = [precision(amount) for amount in amounts if amount["qualifier"] in ("about", "nearly")]
        unit = max(units, default=1)
        least = 0  # twice the least the parts may stand for: half a unit is not always a whole number
        for amount in amounts:
            below = {"about": precision(amount), "nearly": 2 * precision(amount)}.get(amount["qualifier"], 0)
            least += max(2 * amount["value"] - below, 0)
        return {
            "value": least // (2 * unit) * unit, "qualifier": "more_than" if "more_than" in qualifiers else "at_least"
        }  # fmt: skip
    unit = max(precision(amount) for amount in amounts)
    return {"value": (total + unit // 2) // unit * unit, "qualifier": "about"}


class BudgetTotal(TypedDict):
    """The approved amounts added over the fiscal years that have one, to the precision of the roughest of
    them (``query.added``): what ``about`` says of money."""

    approved: Amount | None
    years_with_amount: int
    fiscal_years: int
    first: str | None
    last: str | None


def _total(years: Sequence[BudgetYear]) -> BudgetTotal:
    found = [year for year in years if year["approved"] is not None]
    amounts = [cast("Amount", year["approved"]) for year in found]
    approved: Amount | None = added(amounts) if amounts else None
    return {
        "approved": approved,
        "years_with_amount": len(found),
        "fiscal_years": len(years),
        "first": years[0]["fiscal_year"] if years else None,
        "last": years[-1]["fiscal_year"] if years else None,
    }


class BudgetFilters(TypedDict):
    date_from: str | None
    date_to: str | None


class BudgetResult(TypedDict):
    as_of: str
    filters: BudgetFilters
    years: list[BudgetYear]
    total: BudgetTotal
    sources: list[Source]


def budget(fact_base: FactBase, date_from: str | None = None, date_to: str | None = None) -> BudgetResult:
    """Every fiscal year from the one the mission began operating in to the one its withdrawal ended in,
    and any later one with a budget record (the liquidation's years, marked ``liquidation``), each with the
    figures found (none where no source gives one: the year is listed, not filled). A year is kept when it
    overlaps ``date_from``..``date_to``, as a timeline's events are."""
    mission = fact_base["mission"]
    withdrawn = date_range(mission["withdrawal_completed"])[1]
    low, high = _bounds(date_from, date_to)
    by_year: dict[str, list[Budget]] = {}
    for record in fact_base.get("budgets", []):
        by_year.setdefault(record["fiscal_year"], []).append(record)
    labels = set(fiscal_years(date_range(mission["operational"])[0], withdrawn)) | set(by_year)
    years = [
        _budget_year(label, by_year.get(label, []), withdrawn)
        for label in sorted(labels)
        if fiscal_year_range(label)[1] >= low and fiscal_year_range(label)[0] <= high
    ]
    return {
        "as_of": fact_base["header"]["as_of"],
        "filters": {"date_from": date_from, "date_to": date_to},
        "years": years,
        "total": _total(years),
        "sources": _with_sources(fact_base, [year["figures"] for year in years]),
    }
