"""The fact base's types and the rules a fact base must keep.

The records are TypedDicts validated by one pydantic ``TypeAdapter``. Pydantic
``BaseModel`` instances were measured at 2.5 times the cost of ``jq`` on a
100,000-event file, TypedDicts at 0.8 times (README, "Performance"): the shape,
the strictness (``extra="forbid"``, strict types) and the JSON Schema are the
same, and the records stay plain, typed dicts that the JSON path can dump as
they are. Nothing here mutates a record once loaded.

Rules that span fields or records (totals, date order, cited sources, unique
ids, mandate periods) live in :func:`check_fact_base`, which reports every
problem instead of stopping at the first.

No I/O, no typer, no rich.
"""

import calendar
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from itertools import chain
from typing import Annotated, Any, Literal, NamedTuple, NotRequired

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, TypeAdapter, with_config
from typing_extensions import TypedDict

SCHEMA_VERSION = "1.0"

Lang = Literal["en", "nl"]
LANGS: tuple[Lang, ...] = ("en", "nl")

_STRICT = ConfigDict(extra="forbid", strict=True, hide_input_in_errors=True)

# --------------------------------------------------------------------------- dates

Precision = Literal["year", "month", "day"]
_PRECISION_BY_LENGTH: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


class DateError(ValueError):
    """A date string that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date.

    ``str()`` is the English message; ``said`` has it in English and Dutch.
    """

    def __init__(self, en: str, nl: str) -> None:
        super().__init__(en)
        self.said = Text(en=en, nl=nl)


def parse_partial_date(text: str) -> tuple[int, int | None, int | None]:
    """Split ``2013``, ``2013-04`` or ``2013-04-25`` into its parts, checking the calendar."""
    parts = text.split("-")
    shape_ok = (
        1 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(len(part) == 2 for part in parts[1:])
        and all(part.isascii() and part.isdigit() for part in parts)
    )
    if not shape_ok:
        raise DateError(
            f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
            f"'{text}' is geen datum van de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD",
        )
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    if year < 1:
        raise DateError(f"'{text}': the year must be 0001 or later", f"'{text}': het jaar moet 0001 of later zijn")
    if month is not None and not 1 <= month <= 12:
        raise DateError(
            f"'{text}': month {month:02d} does not exist (01 to 12)",
            f"'{text}': maand {month:02d} bestaat niet (01 tot en met 12)",
        )
    if month is not None and day is not None:
        days_in_month = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days_in_month:
            name = calendar.month_name[month]
            raise DateError(
                f"'{text}' is not a real date: {name} {year} has {days_in_month} days",
                f"'{text}' is geen bestaande datum: {_MONTHS_NL[month]} {year} heeft {days_in_month} dagen",
            )
    return year, month, day


_MONTHS_NL = ("", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")  # fmt: skip


def _check_partial_date(text: str) -> str:
    # The pattern has checked the shape; months 01-12 with days up to 28 are always real,
    # which spares the full check for nearly every date of a large fact base.
    month, day = text[5:7], text[8:10]
    if (not month or "01" <= month <= "12") and (not day or "01" <= day <= "28"):
        return text
    parse_partial_date(text)
    return text


PartialDate = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}(-\d{2}){0,2}$"),
    AfterValidator(_check_partial_date),
]
"""An ISO 8601 date at its known precision: ``2014`` (year), ``2019-05`` (month), ``2013-04-25``."""


def precision(date: str) -> Precision:
    return _PRECISION_BY_LENGTH[len(date)]


@cache
def date_range(date: str) -> tuple[dt.date, dt.date]:
    """First and last calendar day that a partial date may stand for."""
    year, month, day = parse_partial_date(date)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    exact = dt.date(year, month, day)
    return exact, exact


def sort_key(date: str) -> str:
    """Partial dates in ISO form sort by date as plain strings, the coarser first.

    ``2013`` < ``2013-06-30`` < ``2013-07`` < ``2013-07-01`` < ``2013-07-02``: a year or
    month stands at the start of its period, before the days in it. The key is the string
    itself, so sorting 100,000 events costs no Python call per event.
    """
    return date


# --------------------------------------------------------------------------- records

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$", max_length=80)]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
SourceIds = Annotated[list[Id], Field(min_length=1)]
Count = Annotated[int, Field(ge=0, le=10_000_000)]


@with_config(_STRICT)
class Text(TypedDict):
    """The same statement in English and Dutch, in the tool's own words."""

    en: NonEmpty
    nl: NonEmpty


Qualifier = Literal["exact", "about", "nearly", "more_than", "at_least"]


@with_config(_STRICT)
class Quantity(TypedDict):
    """A count as a source gives it: ``about 6,000`` is never stored as exactly 6,000."""

    value: Count
    qualifier: Qualifier


Rank = Literal["preferred", "normal", "deprecated"]
"""Wikidata's ranks: one claim of a disputed fact is preferred, the reason is given."""


@with_config(_STRICT)
class Source(TypedDict):
    id: Id
    title: NonEmpty
    publisher: NonEmpty
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]


@with_config(_STRICT)
class Header(TypedDict):
    schema_version: Literal["1.0"]
    as_of: PartialDate
    title: Text
    description: Text


@with_config(_STRICT)
class Mission(TypedDict):
    id: Id
    abbreviation: NonEmpty
    name_en: NonEmpty
    name_fr: NonEmpty
    name_nl: NonEmpty
    headquarters: Text
    established: PartialDate
    operational: PartialDate
    mandate_ended: PartialDate
    withdrawal_completed: PartialDate
    liquidation_from: PartialDate
    status: Text
    summary: Text
    sources: SourceIds


Category = Literal[
    "context", "resolution", "mission", "leadership", "strength", "casualties", "netherlands", "withdrawal"
]
CATEGORIES: tuple[Category, ...] = (
    "context", "resolution", "mission", "leadership", "strength", "casualties", "netherlands", "withdrawal",
)  # fmt: skip


@with_config(_STRICT)
class Event(TypedDict):
    id: Id
    date: PartialDate
    category: Category
    text: Text
    caveat: NotRequired[Text]
    sources: SourceIds


@with_config(_STRICT)
class Ceiling(TypedDict):
    """Authorised uniformed strength. ``total`` is kept only where a source states it."""

    military: Count
    police: Count
    total: NotRequired[Count]
    note: NotRequired[Text]
    sources: SourceIds


ResolutionKind = Literal["establishment", "renewal", "termination", "related"]


@with_config(_STRICT)
class Resolution(TypedDict):
    id: Id
    number: Annotated[int, Field(ge=1, le=99_999)]
    adopted: PartialDate
    kind: ResolutionKind
    mandate_start: NotRequired[PartialDate]
    mandate_end: NotRequired[PartialDate]
    ceiling: NotRequired[Ceiling]
    vote: NotRequired[Text]
    summary: Text
    caveat: NotRequired[Text]
    sources: SourceIds


@with_config(_STRICT)
class Task(TypedDict):
    id: Id
    text: Text
    sources: SourceIds


@with_config(_STRICT)
class Mandate(TypedDict):
    id: Id
    tasks_resolution: Id
    tasks: Annotated[list[Task], Field(min_length=1)]
    legal_basis: Text
    use_of_force: Text
    sources: SourceIds


Role = Literal["head_of_mission", "force_commander"]


@with_config(_STRICT)
class Leader(TypedDict):
    """One term in office. A missing ``start`` or ``end`` means no source gives it."""

    id: Id
    name: NonEmpty
    title: NotRequired[NonEmpty]
    role: Role
    acting: bool
    nationality: Text
    appointed: NotRequired[PartialDate]
    start: NotRequired[PartialDate]
    end: NotRequired[PartialDate]
    note: NotRequired[Text]
    caveat: NotRequired[Text]
    sources: SourceIds


@with_config(_STRICT)
class StrengthClaim(TypedDict):
    """What one source says was deployed. Each part is absent where the source is silent."""

    rank: Rank
    military: NotRequired[Quantity]
    observers: NotRequired[Quantity]
    police: NotRequired[Quantity]
    uniformed: NotRequired[Quantity]
    civilians: NotRequired[Quantity]
    personnel: NotRequired[Quantity]
    reason: NotRequired[Text]
    note: NotRequired[Text]
    caveat: NotRequired[Text]
    sources: SourceIds


@with_config(_STRICT)
class Snapshot(TypedDict):
    id: Id
    date: PartialDate
    claims: Annotated[list[StrengthClaim], Field(min_length=1)]


Outcome = Literal["killed", "injured"]
Cause = Literal["any", "hostile", "other"]


@with_config(_STRICT)
class CasualtyCount(TypedDict):
    outcome: Outcome
    cause: Cause
    value: Quantity


@with_config(_STRICT)
class Casualties(TypedDict):
    """Casualties counted over a period (``start`` to ``end``, the as-of date)."""

    id: Id
    start: PartialDate
    end: PartialDate
    counts: Annotated[list[CasualtyCount], Field(min_length=1)]
    note: Text
    sources: SourceIds


@with_config(_STRICT)
class FigureClaim(TypedDict):
    rank: Rank
    value: Quantity
    reason: NotRequired[Text]
    note: NotRequired[Text]
    sources: SourceIds


@with_config(_STRICT)
class Figure(TypedDict):
    """A number about the Dutch contribution, with every source's claim."""

    id: Id
    date: NotRequired[PartialDate]
    label: Text
    claims: Annotated[list[FigureClaim], Field(min_length=1)]


@with_config(_STRICT)
class Phase(TypedDict):
    id: Id
    start: PartialDate
    end: NotRequired[PartialDate]
    name: Text
    text: Text
    caveat: NotRequired[Text]
    sources: SourceIds


@with_config(_STRICT)
class Netherlands(TypedDict):
    summary: Text
    phases: Annotated[list[Phase], Field(min_length=1)]
    figures: list[Figure]


@with_config(_STRICT)
class Erratum(TypedDict):
    """A widely read source's error: what it says, what the tool says, and why."""

    id: Id
    subject: Text
    claimed: Text
    claimed_in: SourceIds
    corrected: Text
    sources: SourceIds


@with_config(_STRICT)
class FactBase(TypedDict):
    schema_ref: NotRequired[Annotated[str, Field(alias="$schema")]]
    header: Header
    mission: Mission
    sources: list[Source]
    events: list[Event]
    resolutions: list[Resolution]
    mandate: Mandate
    leaders: list[Leader]
    snapshots: list[Snapshot]
    casualties: list[Casualties]
    netherlands: Netherlands
    errata: list[Erratum]


@cache
def fact_base_adapter() -> TypeAdapter[FactBase]:
    """Built on first use: building the validator is most of the model's start-up cost."""
    return TypeAdapter(FactBase)


def json_schema() -> dict[str, object]:
    schema = fact_base_adapter().json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


# --------------------------------------------------------------------------- views


class Cited(NamedTuple):
    """Any fact that cites sources: what kind it is, where it is, its date, words and sources.

    Cheap to make (the checks walk every fact of a 100,000-event file): the path and
    the texts are worked out only when asked for. NamedTuples, not dataclasses, keep
    the import of this module fast: a dataclass compiles its methods at import time.
    """

    kind: str
    id: str
    where: str
    position: int
    date: str | None
    record: Mapping[str, Any]
    text_keys: tuple[str, ...]
    sources: Sequence[str]
    leading: tuple[Text, ...] = ()

    @property
    def path(self) -> str:
        """The JSON path of the record, e.g. ``events[3]``."""
        return self.where.format(self.position)

    @property
    def texts(self) -> tuple[Text, ...]:
        return self.leading + tuple(self.record[key] for key in self.text_keys if key in self.record)


def cited_facts(fact_base: FactBase) -> Iterator[Cited]:
    """Every fact that cites a source, in file order. Search, ``sources`` and checks use this."""
    mission = fact_base["mission"]
    yield Cited(
        "mission", mission["id"], "mission", 0, mission["established"], mission,
        ("summary", "status", "headquarters"), mission["sources"],
    )  # fmt: skip
    event_keys = ("text", "caveat")
    for index, event in enumerate(fact_base["events"]):
        yield Cited("event", event["id"], "events[{}]", index, event["date"], event, event_keys, event["sources"])
    for index, resolution in enumerate(fact_base["resolutions"]):
        yield Cited(
            "resolution", resolution["id"], "resolutions[{}]", index, resolution["adopted"], resolution,
            ("summary", "vote", "caveat"), resolution["sources"],
        )  # fmt: skip
        if "ceiling" in resolution:
            ceiling = resolution["ceiling"]
            yield Cited(
                "ceiling", resolution["id"], "resolutions[{}].ceiling", index, resolution["adopted"], ceiling,
                ("note",), ceiling["sources"],
            )  # fmt: skip
    mandate = fact_base["mandate"]
    yield Cited(
        "mandate", mandate["id"], "mandate", 0, None, mandate, ("legal_basis", "use_of_force"), mandate["sources"]
    )
    for index, task in enumerate(mandate["tasks"]):
        yield Cited("task", task["id"], "mandate.tasks[{}]", index, None, task, ("text",), task["sources"])
    for index, leader in enumerate(fact_base["leaders"]):
        name = Text(en=leader["name"], nl=leader["name"])
        yield Cited(
            "leader", leader["id"], "leaders[{}]", index, leader.get("start") or leader.get("appointed"), leader,
            ("nationality", "note", "caveat"), leader["sources"], (name,),
        )  # fmt: skip
    for index, snapshot in enumerate(fact_base["snapshots"]):
        for claim_index, claim in enumerate(snapshot["claims"]):
            yield Cited(
                "strength", snapshot["id"], f"snapshots[{index}].claims[{{}}]", claim_index, snapshot["date"],
                claim, ("note", "reason", "caveat"), claim["sources"],
            )  # fmt: skip
    for index, casualties in enumerate(fact_base["casualties"]):
        yield Cited(
            "casualties", casualties["id"], "casualties[{}]", index, casualties["end"], casualties, ("note",),
            casualties["sources"],
        )  # fmt: skip
    netherlands = fact_base["netherlands"]
    for index, phase in enumerate(netherlands["phases"]):
        yield Cited(
            "dutch phase", phase["id"], "netherlands.phases[{}]", index, phase["start"], phase,
            ("name", "text", "caveat"), phase["sources"],
        )  # fmt: skip
    for index, figure in enumerate(netherlands["figures"]):
        for claim_index, figure_claim in enumerate(figure["claims"]):
            yield Cited(
                "dutch figure", figure["id"], f"netherlands.figures[{index}].claims[{{}}]", claim_index,
                figure.get("date"), figure_claim, ("note", "reason"), figure_claim["sources"], (figure["label"],),
            )  # fmt: skip
    for index, erratum in enumerate(fact_base["errata"]):
        yield Cited(
            "erratum", erratum["id"], "errata[{}]", index, None, erratum, ("subject", "claimed", "corrected"),
            [*erratum["sources"], *erratum["claimed_in"]],
        )  # fmt: skip


# --------------------------------------------------------------------------- rules

Severity = Literal["error", "warning"]


class Problem(NamedTuple):
    """One broken rule: where (a JSON path, and a line for broken JSON), what, what to do."""

    severity: Severity
    path: str
    message: Text
    line: int | None = None


def _said(en: str, nl: str) -> Text:
    return Text(en=en, nl=nl)


def stated_sum(*parts: Quantity | None) -> int | None:
    """The sum of exact parts, or None when a part is missing or approximate."""
    total = 0
    for part in parts:
        if part is None or part["qualifier"] != "exact":
            return None
        total += part["value"]
    return total


def ceiling_total(ceiling: Ceiling) -> int:
    return ceiling["military"] + ceiling["police"]


def _owns_id(fact: Cited) -> bool:
    """False where the id is another record's: a ceiling carries its resolution's id, and
    the claims of a snapshot or figure share its id (the first claim speaks for them)."""
    if fact.kind == "ceiling":
        return False
    return fact.position == 0 or fact.kind not in ("strength", "dutch figure")


def _id_path(fact: Cited) -> str:
    return fact.where.split(".claims")[0] if fact.kind in ("strength", "dutch figure") else fact.path


def _check_ids_and_citations(fact_base: FactBase) -> Iterator[Problem]:
    """One walk over every fact: ids are unique, every cited source exists, every source is cited."""
    known: dict[str, int] = {}
    for index, source in enumerate(fact_base["sources"]):
        if source["id"] in known:
            yield Problem(
                "error", f"sources[{index}].id",
                _said(
                    f"id '{source['id']}' is already used at sources[{known[source['id']]}]; give each source its own id",
                    f"id '{source['id']}' is al gebruikt bij sources[{known[source['id']]}]; geef elke bron een eigen id",
                ),
            )  # fmt: skip
        else:
            known[source["id"]] = index
    facts = list(cited_facts(fact_base))
    owners = [fact for fact in facts if _owns_id(fact)]
    if len({fact.id for fact in owners}) < len(owners):  # look closer only when something repeats
        seen: dict[str, Cited] = {}
        for fact in owners:
            first = seen.setdefault(fact.id, fact)
            if first is not fact:
                yield Problem(
                    "error", f"{_id_path(fact)}.id",
                    _said(
                        f"id '{fact.id}' is already used at {_id_path(first)}; give each fact its own id",
                        f"id '{fact.id}' is al gebruikt bij {_id_path(first)}; geef elk feit een eigen id",
                    ),
                )  # fmt: skip
    cited = set(chain.from_iterable(fact.sources for fact in facts))
    if not cited <= known.keys():  # look closer only when a cited source is missing
        for fact in facts:
            for source_id in fact.sources:
                if source_id not in known:
                    yield Problem(
                        "error", f"{fact.path}.sources",
                        _said(
                            f"cites source '{source_id}', which is not in the sources list; add it there or fix the id",
                            f"haalt bron '{source_id}' aan, die niet in de bronnenlijst staat; voeg haar toe of verbeter de id",
                        ),
                    )  # fmt: skip
    for index, source in enumerate(fact_base["sources"]):
        if source["id"] not in cited:
            yield Problem(
                "warning", f"sources[{index}]",
                _said(
                    f"source '{source['id']}' is cited by no fact; cite it or remove it",
                    f"bron '{source['id']}' wordt door geen feit aangehaald; haal haar aan of verwijder haar",
                ),
            )  # fmt: skip


def _check_order(path: str, start: str | None, end: str | None) -> Iterator[Problem]:
    if start is not None and end is not None and date_range(start)[0] > date_range(end)[1]:
        yield Problem(
            "error", path,
            _said(
                f"starts ({start}) after it ends ({end}); swap or correct the dates",
                f"begint ({start}) na het einde ({end}); verwissel of verbeter de data",
            ),
        )  # fmt: skip


def _check_claims(path: str, ranks: list[Rank]) -> Iterator[Problem]:
    preferred = ranks.count("preferred")
    if preferred != 1:
        yield Problem(
            "error", path,
            _said(
                f"has {preferred} preferred claims; mark exactly one claim 'preferred' and say why in its 'reason'",
                f"heeft {preferred} voorkeursbeweringen; markeer precies één bewering als 'preferred' en leg in "
                "'reason' uit waarom",
            ),
        )  # fmt: skip


def _check_strength(path: str, claim: StrengthClaim) -> Iterator[Problem]:
    military, observers, police = claim.get("military"), claim.get("observers"), claim.get("police")
    uniformed, civilians, personnel = claim.get("uniformed"), claim.get("civilians"), claim.get("personnel")
    parts_sum = stated_sum(military, police)
    if parts_sum is not None and observers is not None:
        parts_sum = stated_sum(military, police, observers)
    if uniformed is not None and uniformed["qualifier"] == "exact" and parts_sum is not None:
        if parts_sum != uniformed["value"]:
            yield Problem(
                "error", f"{path}.uniformed",
                _said(
                    f"stated uniformed total {uniformed['value']:,} is not military + observers + police "
                    f"= {parts_sum:,}; correct the total or its parts",
                    f"het vermelde totaal geüniformeerden {uniformed['value']:,} is niet militairen + waarnemers + "
                    f"politie = {parts_sum:,}; verbeter het totaal of de delen",
                ),
            )  # fmt: skip
    uniformed_value = uniformed if uniformed is not None else None
    if uniformed_value is None and parts_sum is not None:
        uniformed_value = Quantity(value=parts_sum, qualifier="exact")
    whole = stated_sum(uniformed_value, civilians)
    if personnel is not None and personnel["qualifier"] == "exact" and whole is not None:
        if whole != personnel["value"]:
            yield Problem(
                "error", f"{path}.personnel",
                _said(
                    f"stated personnel total {personnel['value']:,} is not uniformed + civilians = {whole:,}; "
                    "correct the total or its parts",
                    f"het vermelde totaal personeel {personnel['value']:,} is niet geüniformeerden + burgers = "
                    f"{whole:,}; verbeter het totaal of de delen",
                ),
            )  # fmt: skip
    if not any(key in claim for key in ("military", "police", "uniformed", "personnel")):
        yield Problem(
            "error", path,
            _said(
                "states no figure; give at least military, police, uniformed or personnel",
                "noemt geen enkel cijfer; geef ten minste military, police, uniformed of personnel",
            ),
        )  # fmt: skip


class MandatePeriod(NamedTuple):
    """A mandate resolution's period; ``start_stated`` is False where it follows the last end."""

    resolution: Resolution
    path: str
    start: str | None
    end: str | None
    start_stated: bool


def _day_after(date: str) -> str:
    return (date_range(date)[1] + dt.timedelta(days=1)).isoformat()


def mandate_periods(fact_base: FactBase) -> list[MandatePeriod]:
    """Establishment and renewals in adoption order. A renewal without a stated start
    begins the day after the previous mandate's end: the Council renews a running mandate."""
    indexed = sorted(
        (
            (index, resolution)
            for index, resolution in enumerate(fact_base["resolutions"])
            if resolution["kind"] in ("establishment", "renewal")
        ),
        key=lambda item: sort_key(item[1]["adopted"]),
    )
    periods: list[MandatePeriod] = []
    previous_end: str | None = None
    for index, resolution in indexed:
        start = resolution.get("mandate_start")
        stated = start is not None
        if start is None and previous_end is not None:
            start = _day_after(previous_end)
        end = resolution.get("mandate_end")
        periods.append(MandatePeriod(resolution, f"resolutions[{index}]", start, end, stated))
        previous_end = end or previous_end
    return periods


def _check_resolutions(fact_base: FactBase) -> Iterator[Problem]:
    for index, resolution in enumerate(fact_base["resolutions"]):
        path = f"resolutions[{index}]"
        if "ceiling" in resolution:
            ceiling = resolution["ceiling"]
            if "total" in ceiling and ceiling["total"] != ceiling_total(ceiling):
                yield Problem(
                    "error", f"{path}.ceiling.total",
                    _said(
                        f"stated total {ceiling['total']:,} is not military {ceiling['military']:,} + police "
                        f"{ceiling['police']:,} = {ceiling_total(ceiling):,}; correct the total or its parts",
                        f"het vermelde totaal {ceiling['total']:,} is niet militairen {ceiling['military']:,} + "
                        f"politie {ceiling['police']:,} = {ceiling_total(ceiling):,}; verbeter het totaal of de delen",
                    ),
                )  # fmt: skip
        if resolution["kind"] in ("establishment", "renewal") and "mandate_end" not in resolution:
            yield Problem(
                "error", path,
                _said(
                    "a mandate resolution needs 'mandate_end'; add it (with a caveat if implied)",
                    "een mandaatresolutie heeft 'mandate_end' nodig; voeg het toe (met een caveat als het is afgeleid)",
                ),
            )  # fmt: skip
    periods = mandate_periods(fact_base)
    for period in periods:
        yield from _check_order(period.path, period.start, period.end)
    for previous, current in zip(periods, periods[1:], strict=False):
        if previous.end is None or current.start is None:
            continue
        previous_end = date_range(previous.end)[1]
        current_start = date_range(current.start)[0]
        if current_start <= previous_end or (current.end and date_range(current.end)[1] <= previous_end):
            yield Problem(
                "error", current.path,
                _said(
                    f"mandate period overlaps the one at {previous.path} (which ends {previous.end}); "
                    "a mandate starts after the last one ends",
                    f"mandaatperiode overlapt die bij {previous.path} (die eindigt op {previous.end}); "
                    "een mandaat begint na het einde van het vorige",
                ),
            )  # fmt: skip
        elif (current_start - previous_end).days > 1:
            yield Problem(
                "warning", current.path,
                _said(
                    f"mandate period leaves a gap after {previous.path} ({previous.end} to {current.start}); "
                    "check the end date if it is only implied",
                    f"mandaatperiode laat een gat na {previous.path} ({previous.end} tot {current.start}); "
                    "controleer de einddatum als die alleen is afgeleid",
                ),
            )  # fmt: skip
        elif date_range(current.resolution["adopted"])[0] > previous_end:
            yield Problem(
                "warning", current.path,
                _said(
                    f"adopted {current.resolution['adopted']}, after the mandate at {previous.path} ended "
                    f"({previous.end}): a gap without a mandate; check the end date if it is only implied",
                    f"aangenomen op {current.resolution['adopted']}, na het einde van het mandaat bij {previous.path} "
                    f"({previous.end}): een periode zonder mandaat; controleer de einddatum als die is afgeleid",
                ),
            )  # fmt: skip


def ceiling_in_force(fact_base: FactBase, date: str) -> Resolution | None:
    """The latest resolution with a ceiling adopted on or before the start of ``date``."""
    day = date_range(date)[0]
    found: Resolution | None = None
    for resolution in fact_base["resolutions"]:
        if "ceiling" in resolution and date_range(resolution["adopted"])[1] <= day:
            if found is None or sort_key(resolution["adopted"]) > sort_key(found["adopted"]):
                found = resolution
    return found


def _check_snapshots(fact_base: FactBase) -> Iterator[Problem]:
    for index, snapshot in enumerate(fact_base["snapshots"]):
        path = f"snapshots[{index}]"
        yield from _check_claims(f"{path}.claims", [claim["rank"] for claim in snapshot["claims"]])
        resolution = ceiling_in_force(fact_base, snapshot["date"])
        if resolution is None:
            yield Problem(
                "error", f"{path}.date",
                _said(
                    f"no ceiling was in force on {snapshot['date']}; a deployed figure needs a resolution "
                    "with a ceiling adopted before it",
                    f"op {snapshot['date']} gold geen plafond; een sterktecijfer vraagt een eerder aangenomen "
                    "resolutie met een plafond",
                ),
            )  # fmt: skip
        for claim_index, claim in enumerate(snapshot["claims"]):
            claim_path = f"{path}.claims[{claim_index}]"
            yield from _check_strength(claim_path, claim)
            if resolution is None:
                continue
            ceiling = resolution["ceiling"]
            limits = {"military": ceiling["military"], "police": ceiling["police"]}
            for part, limit in limits.items():
                quantity = claim.get(part)
                if isinstance(quantity, dict) and quantity["value"] > limit:
                    yield Problem(
                        "warning", f"{claim_path}.{part}",
                        _said(
                            f"{part} {quantity['value']:,} is above the ceiling of {limit:,} "
                            f"set by resolution {resolution['number']}; check the figure",
                            f"{part} {quantity['value']:,} ligt boven het plafond van {limit:,} "
                            f"uit resolutie {resolution['number']}; controleer het cijfer",
                        ),
                    )  # fmt: skip


def check_fact_base(fact_base: FactBase) -> list[Problem]:
    """Every cross-field rule the schema cannot express. Errors stop a load; warnings do not."""
    problems: list[Problem] = []
    problems += _check_ids_and_citations(fact_base)
    problems += _check_resolutions(fact_base)
    problems += _check_snapshots(fact_base)
    mission = fact_base["mission"]
    mission_order = (
        ("established", "operational"), ("operational", "mandate_ended"),
        ("mandate_ended", "withdrawal_completed"), ("withdrawal_completed", "liquidation_from"),
    )  # fmt: skip
    for first, second in mission_order:
        problems += _check_order(f"mission.{second}", mission[first], mission[second])  # type: ignore[literal-required]
    for index, leader in enumerate(fact_base["leaders"]):
        problems += _check_order(f"leaders[{index}]", leader.get("start"), leader.get("end"))
    for index, casualties in enumerate(fact_base["casualties"]):
        problems += _check_order(f"casualties[{index}]", casualties["start"], casualties["end"])
    for index, phase in enumerate(fact_base["netherlands"]["phases"]):
        problems += _check_order(f"netherlands.phases[{index}]", phase["start"], phase.get("end"))
    for index, figure in enumerate(fact_base["netherlands"]["figures"]):
        problems += _check_claims(f"netherlands.figures[{index}].claims", [claim["rank"] for claim in figure["claims"]])
    resolution_ids = {resolution["id"] for resolution in fact_base["resolutions"]}
    if fact_base["mandate"]["tasks_resolution"] not in resolution_ids:
        problems.append(
            Problem(
                "error",
                "mandate.tasks_resolution",
                _said(
                    f"names resolution '{fact_base['mandate']['tasks_resolution']}', which is not in 'resolutions'",
                    f"noemt resolutie '{fact_base['mandate']['tasks_resolution']}', die niet in 'resolutions' staat",
                ),
            )  # fmt: skip
        )
    return problems
