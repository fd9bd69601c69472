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
import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from itertools import chain
from operator import itemgetter, methodcaller
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NamedTuple,
    NotRequired,
    TypeAlias,
    TypeVar,
    cast,
    get_type_hints,
)

from typing_extensions import TypedDict

from minusma.messages import LANGS, Lang, Message, Number, texts

if TYPE_CHECKING:
    from pydantic import ConfigDict, Field, StringConstraints, TypeAdapter

__all__ = ["LANGS", "Lang", "Message"]

SCHEMA_VERSION = "1.0"

_STRICT = cast("ConfigDict", {"extra": "forbid", "strict": True, "hide_input_in_errors": True})

# pydantic is imported only to validate a file (``fact_base_adapter``), which the shipped fact base
# never needs: importing it took 54 ms of a 160 ms start. So the constraints below, which are
# pydantic's, are written as strings that pydantic reads once it is imported (``_pydantic``).

T = TypeVar("T")


def _strict(record: type[T]) -> type[T]:
    """What ``pydantic.with_config(_STRICT)`` does, without importing pydantic: no extra keys, no coercion."""
    record.__pydantic_config__ = _STRICT  # type: ignore[attr-defined]
    return record


# --------------------------------------------------------------------------- dates

Precision = Literal["year", "month", "day"]
_PRECISION_BY_LENGTH: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


class DateError(ValueError):
    """A date string that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date; ``message`` says which."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.said("en"))
        self.message = message


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
        raise DateError(Message("date.shape", {"text": text}))
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    if year < 1:
        raise DateError(Message("date.year", {"text": text}))
    if month is not None and not 1 <= month <= 12:
        raise DateError(Message("date.month", {"text": text, "month": f"{month:02d}"}))
    if month is not None and day is not None:
        days_in_month = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days_in_month:
            month_name = Message(f"month.{month}")
            raise DateError(
                Message("date.day", {"text": text, "month_name": month_name, "year": year, "days": days_in_month})
            )
    return year, month, day


_YEAR = "(?:[1-9][0-9]{3}|[0-9][1-9][0-9]{2}|[0-9]{2}[1-9][0-9]|[0-9]{3}[1-9])"  # 0001-9999
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = (
    f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)?"  # a year, a month, days 1-28
    f"|{_YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)"  # the 29th and 30th of every month but February
    f"|{_YEAR}-(?:0[13578]|1[02])-31"  # the 31st of the long months
    f"|{_LEAP_YEAR}-02-29)$"  # 29 February of a Gregorian leap year
)
"""The whole calendar as one pattern, which pydantic-core matches without a Python call per date
(105,000 calls at 100,000 events). ``parse_partial_date`` agrees with it on every string of the
forms YYYY, YYYY-MM and YYYY-MM-DD (a test tries them all) and says what is wrong with one it refuses."""

PartialDate: TypeAlias = "Annotated[str, StringConstraints(pattern=DATE_PATTERN)]"
"""An ISO 8601 date at its known precision: ``2014`` (year), ``2019-05`` (month), ``2013-04-25``."""

DAY_PATTERN = (
    f"^(?:{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    f"|{_YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)"
    f"|{_YEAR}-(?:0[13578]|1[02])-31"
    f"|{_LEAP_YEAR}-02-29)$"
)
Day: TypeAlias = "Annotated[str, StringConstraints(pattern=DAY_PATTERN)]"
"""A day of the calendar, ``2013-04-25``: DATE_PATTERN's days only."""


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

ID_PATTERN = r"^[a-z0-9][a-z0-9.-]*$"
Id: TypeAlias = "Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]"

_CONTROLS = "\x7f-\x9f\u202a-\u202e\u2066-\u2069"
"""C0 and C1 controls, DEL and the bidirectional overrides: characters that act on a terminal
or reorder what a reader sees. No text of a fact base may hold them (a paragraph may hold a
newline or a tab), so none can reach a reader's terminal from the data."""
LINE_PATTERN = f"^[^\x00-\x1f{_CONTROLS}]+$"
PARAGRAPH_PATTERN = f"^[^\x00-\x08\x0b-\x1f{_CONTROLS}]+$"
URL_PATTERN = f"^https?://[^\\s\x00-\x1f{_CONTROLS}]+$"
NonEmpty: TypeAlias = "Annotated[str, StringConstraints(min_length=1, pattern=LINE_PATTERN)]"
"""One line of text: a name, a title, a publisher."""
Paragraph: TypeAlias = "Annotated[str, StringConstraints(min_length=1, pattern=PARAGRAPH_PATTERN)]"
"""Text that may run over lines (newline and tab allowed)."""
SourceIds: TypeAlias = "Annotated[list[Id], Field(min_length=1)]"
Count: TypeAlias = "Annotated[int, Field(ge=0, le=10_000_000)]"
Url: TypeAlias = "Annotated[str, StringConstraints(pattern=URL_PATTERN)]"


@_strict
class Text(TypedDict):
    """The same statement in English, Dutch and French, in the tool's own words."""

    en: Paragraph
    nl: Paragraph
    fr: Paragraph


Qualifier = Literal["exact", "about", "nearly", "more_than", "at_least"]


FORMULA_PATTERN = r"^\d+( \+ \d+)+$"


@_strict
class Quantity(TypedDict):
    """A count as a source gives it: ``about 6,000`` is never stored as exactly 6,000.

    ``formula`` marks a figure no source states, computed from figures sources do state
    (``522 + 505 + 119``); a check keeps the sum equal to ``value``.
    """

    value: Count
    qualifier: Qualifier
    formula: NotRequired["Annotated[str, StringConstraints(pattern=FORMULA_PATTERN)]"]


Rank = Literal["preferred", "normal", "deprecated"]
"""Wikidata's ranks: one claim of a disputed fact is preferred, the reason is given."""


SourceKind = Literal[
    "resolution", "press_release", "news", "government", "report", "web_page", "encyclopedia", "dataset"
]
"""What a source is, which decides how it is cited (``minusma cite``):

- ``resolution``: the text of a Security Council resolution, or a copy of it;
- ``press_release``: a release or statement of the UN, a mission or a government, or a repost of one;
- ``news``: journalism: papers, agencies, broadcasters, news sites and news blogs;
- ``government``: another document or page of a government, ministry, parliament or a state's UN mission;
- ``report``: a report, such as the Secretary-General's, or a copy of one;
- ``web_page``: any other page (a mission's pages, associations, reference sites);
- ``encyclopedia``: Wikipedia and the pages derived from it;
- ``dataset``: a published data file (the UN's fatality records), at one update: ``published`` is its
  ``last_update`` and ``url`` the copy read, at the commit read (``data/sources/`` keeps the rows).
"""
SOURCE_KINDS: tuple[SourceKind, ...] = (
    "resolution", "press_release", "news", "government", "report", "web_page", "encyclopedia", "dataset",
)  # fmt: skip

SYMBOL_PATTERN = r"^[A-Z][A-Z0-9]*(/[A-Z0-9][A-Za-z0-9.-]*)+( \(\d{4}\))?$"
LANGUAGE_PATTERN = r"^[a-z]{2}$"
UnSymbol: TypeAlias = "Annotated[str, StringConstraints(pattern=SYMBOL_PATTERN)]"
"""A UN document symbol: ``S/RES/2100 (2013)``, ``SC/11021``, ``SG/A/1404``, ``S/2018/541``."""


@_strict
class Person(TypedDict):
    """A named author: family name and, as the source gives them, given names or initials."""

    family: NonEmpty
    given: NotRequired[NonEmpty]


@_strict
class Source(TypedDict):
    """A page a fact cites. ``kind``, ``published`` and ``symbol`` are given only where the page,
    its URL or the dossier shows them; nothing is filled in by guesswork.

    ``published`` is the date of the document itself (a resolution's adoption, a statement's
    issue, an article's date), at the precision shown: a press release whose URL shows only
    its year is ``2019``. A copy's own upload date is not kept.

    ``alternative_urls`` are other copies of the same document: one record per document,
    so that a fact cites the document once however many copies were read. Where ``url`` is the
    official record (UN Digital Library, undocs.org), the first is the copy whose text was read;
    citations name it in a note.
    """

    id: Id
    title: NonEmpty
    publisher: NonEmpty
    url: Url
    language: "Annotated[str, StringConstraints(pattern=LANGUAGE_PATTERN)]"
    kind: NotRequired[SourceKind]
    published: NotRequired[PartialDate]
    symbol: NotRequired[UnSymbol]
    alternative_urls: NotRequired["Annotated[list[Url], Field(min_length=1)]"]
    author: NotRequired[NonEmpty]
    """The corporate author: the organisation that wrote the document where no person is named
    ("United Nations Security Council" for a resolution or a report in the Council's series, the
    wire agency for a wire story, else the publisher). Citations put it before the title."""
    persons: NotRequired["Annotated[list[Person], Field(min_length=1)]"]
    """The people the source names as its authors; citations name them rather than ``author``."""
    accessed: NotRequired[Day]
    """The day the record entered the fact base, from the repository's history
    (tools/access_dates.py): the day its page was read, as far as anyone can check."""


@_strict
class Header(TypedDict):
    schema_version: Literal["1.0"]
    as_of: PartialDate
    title: Text
    description: Text


@_strict
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


@_strict
class Event(TypedDict):
    """Something that happened. ``place`` is the site (a base's id) at or near which its text says it
    happened; an event whose text names no site, or several, has none."""

    id: Id
    date: PartialDate
    category: Category
    text: Text
    caveat: NotRequired[Text]
    place: NotRequired[Id]
    sources: SourceIds


@_strict
class Ceiling(TypedDict):
    """Authorised uniformed strength. ``total`` is kept only where a source states it."""

    military: Count
    police: Count
    total: NotRequired[Count]
    note: NotRequired[Text]
    sources: SourceIds


ResolutionKind = Literal["establishment", "renewal", "termination", "related"]


@_strict
class Resolution(TypedDict):
    id: Id
    number: "Annotated[int, Field(ge=1, le=99_999)]"
    adopted: PartialDate
    kind: ResolutionKind
    mandate_start: NotRequired[PartialDate]
    mandate_end: NotRequired[PartialDate]
    ceiling: NotRequired[Ceiling]
    vote: NotRequired[Text]
    summary: Text
    caveat: NotRequired[Text]
    sources: SourceIds


@_strict
class Task(TypedDict):
    """A task of the mandate; ``paragraph`` is the operative paragraph that gives it (``16 (a)``)."""

    id: Id
    text: Text
    paragraph: NotRequired[NonEmpty]
    caveat: NotRequired[Text]
    sources: SourceIds


Modality = Literal["monitor", "assist", "security", "encouraged"]
"""PEMA's coding of how a task is given: to monitor, to assist, to provide security, or encouraged."""
MODALITIES: tuple[Modality, ...] = ("monitor", "assist", "security", "encouraged")


@_strict
class OfficialWording(TypedDict):
    """A paragraph's words as the Council adopted them (the resolution's own English and French)."""

    en: Paragraph
    fr: Paragraph


@_strict
class ParagraphTask(TypedDict):
    """One task of one resolution, with the operative paragraphs that give it.

    ``paragraphs`` are written as the source writes them (PEMA: ``16a(ii)``; the XML: ``6``).
    ``carried_from`` names an earlier resolution whose paragraphs these are: the task stood in
    the mandate through it, not through a paragraph of this resolution.
    """

    paragraphs: "Annotated[list[NonEmpty], Field(min_length=1)]"
    task: NonEmpty
    modality: NotRequired[Modality]
    carried_from: NotRequired["Annotated[int, Field(ge=1, le=99_999)]"]
    text: Text
    official: NotRequired[OfficialWording]
    caveat: NotRequired[Text]


Coding = Literal["pema", "xml"]


@_strict
class ResolutionTasks(TypedDict):
    """A resolution's tasks at paragraph level, from a dataset (PEMA) or the resolution's XML."""

    id: Id
    resolution: Id
    coding: Coding
    adoption_record: NotRequired[UnSymbol]
    """The symbol of the meeting record (S/PV.9365) or letter (S/2020/613) that records the vote."""
    vote: NotRequired[Text]
    tasks: "Annotated[list[ParagraphTask], Field(min_length=1)]"
    caveat: NotRequired[Text]
    sources: SourceIds


@_strict
class Mandate(TypedDict):
    id: Id
    tasks_resolution: Id
    tasks: "Annotated[list[Task], Field(min_length=1)]"
    legal_basis: Text
    use_of_force: Text
    sources: SourceIds


Role = Literal["head_of_mission", "force_commander"]
Doubt = Literal["role", "start", "end"]
"""What a leader's caveat doubts: the role itself, or one end of the term."""


@_strict
class Leader(TypedDict):
    """One term in office. A missing ``start`` or ``end`` means no source gives it.

    ``attested`` is a day a source shows the person in the role when the term's bounds
    are unknown; ``after`` names the term an undated interim followed. ``doubt`` says
    what the ``caveat`` is about. :func:`terms` turns these into one term per leader.
    """

    id: Id
    name: NonEmpty
    title: NotRequired[NonEmpty]
    role: Role
    acting: bool
    nationality: Text
    appointed: NotRequired[PartialDate]
    start: NotRequired[PartialDate]
    end: NotRequired[PartialDate]
    attested: NotRequired[PartialDate]
    after: NotRequired[Id]
    note: NotRequired[Text]
    caveat: NotRequired[Text]
    doubt: NotRequired[Doubt]
    sources: SourceIds


@_strict
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


@_strict
class Snapshot(TypedDict):
    id: Id
    date: PartialDate
    claims: "Annotated[list[StrengthClaim], Field(min_length=1)]"


Outcome = Literal["killed", "injured"]
Cause = Literal["any", "hostile", "other"]


COUNTRY_PATTERN = r"^[A-Z]{3}$"
Country: TypeAlias = "Annotated[str, StringConstraints(pattern=COUNTRY_PATTERN)]"
"""ISO 3166-1 alpha-3; one of ``messages.countries.COUNTRIES``, which holds its names in every language."""


@_strict
class CasualtyCount(TypedDict):
    outcome: Outcome
    cause: Cause
    value: Quantity


FatalityCause = Literal["malicious_act", "illness", "accident", "to_be_determined", "unknown"]
"""The UN's type of incident: ``Malicious Act``, ``Illness``, ``Accident``, ``To Be Determined``
(not yet established; the UN revises it later) and ``Unknown``."""
FATALITY_CAUSES: tuple[FatalityCause, ...] = ("malicious_act", "illness", "accident", "to_be_determined", "unknown")
Personnel = Literal["military", "police", "international_civilian", "local", "other"]
"""The UN's personnel type: ``Military``, ``Police``, ``International Civilian``, ``Local`` and ``Other``."""
PERSONNEL: tuple[Personnel, ...] = ("military", "police", "international_civilian", "local", "other")
Gender = Literal["female", "male", "not_given"]
"""``F``, ``M``, or an empty cell."""
UN_CASUALTY_PATTERN = r"^[A-Z]+-\d{4}-\d{2}-\d{5}$"


@_strict
class Revision(TypedDict):
    """What an earlier snapshot of the dataset said where the record now says otherwise.

    The UN revises its records (a cause "to be determined" becomes "illness"); the newest
    snapshot is the record, and each value it replaced is kept here with the snapshot's
    ``last_update`` and its source, so a reader of the older file learns why the tool differs.
    """

    snapshot: PartialDate
    row: NotRequired["Annotated[int, Field(ge=1)]"]
    cause: NotRequired[FatalityCause]
    gender: NotRequired[Gender]
    sources: SourceIds


@_strict
class Fatality(TypedDict):
    """One death as the UN records it (``DPPADPOSS-FATALITIES``, from its casualty notifications).

    ``un_id`` is the UN's casualty identifier, ``row`` the dataset's row number in the snapshot
    cited; ``country`` the nationality as ISO 3166-1 alpha-3. ``caveat`` says why a record that
    looks wrong is kept as the UN gives it.
    """

    id: Id
    un_id: "Annotated[str, StringConstraints(pattern=UN_CASUALTY_PATTERN)]"
    row: "Annotated[int, Field(ge=1)]"
    mission: Id
    date: PartialDate
    country: Country
    personnel: Personnel
    cause: FatalityCause
    gender: Gender
    revised: NotRequired["Annotated[list[Revision], Field(min_length=1)]"]
    caveat: NotRequired[Text]
    sources: SourceIds


@_strict
class Casualties(TypedDict):
    """Casualties counted over a period (``start`` to ``end``, the as-of date).

    ``personnel`` names the kinds of personnel counted where the source limits its count
    (``military`` for "soldiers"); absent, the count is of all personnel. ``rank`` below
    ``preferred`` says the UN's per-record series is preferred where the two differ
    (``casualties`` shows both and why); ``validate`` warns about a difference not so marked.
    """

    id: Id
    country: NotRequired[Country]
    personnel: NotRequired["Annotated[list[Personnel], Field(min_length=1)]"]
    rank: NotRequired[Rank]
    start: PartialDate
    end: PartialDate
    counts: "Annotated[list[CasualtyCount], Field(min_length=1)]"
    note: Text
    sources: SourceIds


@_strict
class FigureClaim(TypedDict):
    rank: Rank
    value: Quantity
    reason: NotRequired[Text]
    note: NotRequired[Text]
    sources: SourceIds


@_strict
class Figure(TypedDict):
    """A number about the Dutch contribution, with every source's claim."""

    id: Id
    date: NotRequired[PartialDate]
    label: Text
    claims: "Annotated[list[FigureClaim], Field(min_length=1)]"


@_strict
class Phase(TypedDict):
    id: Id
    start: PartialDate
    end: NotRequired[PartialDate]
    name: Text
    text: Text
    caveat: NotRequired[Text]
    sources: SourceIds


@_strict
class Netherlands(TypedDict):
    summary: Text
    phases: "Annotated[list[Phase], Field(min_length=1)]"
    figures: list[Figure]


@_strict
class Contribution(TypedDict):
    """What one country had deployed to MINUSMA on a date, as a source gives it.

    Each part is absent where the source is silent; ``total`` only where the source
    states it (it may count people the parts leave out, such as experts). ``basis`` marks a
    figure that is not a stated count: ``yearly_mean`` is a mean over a year of the UN's monthly
    figures (RADPKO's, summed over its sites by tools/import_bases.py); absent, the figure is
    one a source states.
    """

    id: Id
    country: Country
    date: PartialDate
    basis: NotRequired["Estimate"]
    military: NotRequired[Quantity]
    police: NotRequired[Quantity]
    staff: NotRequired[Quantity]
    total: NotRequired[Quantity]
    note: NotRequired[Text]
    caveat: NotRequired[Text]
    sources: SourceIds


Dollars: TypeAlias = "Annotated[int, Field(ge=0, le=100_000_000_000)]"


@_strict
class Amount(TypedDict):
    """A sum of US dollars as a source gives it: ``$895.53 million`` is ``about`` 895,530,000."""

    value: Dollars
    qualifier: Qualifier


BudgetKind = Literal["approved", "commitment", "recommended", "proposed", "expenditure"]
"""What a budget figure is: an amount the General Assembly approved (appropriated or budgeted), an
authority to commit on top of or instead of one, the Advisory Committee's recommendation, the
Secretary-General's proposal, or the money spent (a performance report's expenditure)."""
BUDGET_KINDS: tuple[BudgetKind, ...] = ("approved", "commitment", "recommended", "proposed", "expenditure")

FISCAL_YEAR_PATTERN = r"^[0-9]{4}/[0-9]{2}$"
FiscalYear: TypeAlias = "Annotated[str, StringConstraints(pattern=FISCAL_YEAR_PATTERN)]"
"""A UN peacekeeping fiscal year, 1 July to 30 June: ``2013/14``."""


@_strict
class BudgetFigure(TypedDict):
    """One amount for one fiscal year from one or more sources, with what it is.

    Where two figures of one kind disagree (an amount appropriated and one "previously budgeted",
    the mission alone and the mission with its share of the support account), both stay: one is
    ``preferred`` with the ``reason``; ``what`` says what each counts."""

    kind: BudgetKind
    rank: Rank
    amount: Amount
    what: Text
    reason: NotRequired[Text]
    caveat: NotRequired[Text]
    sources: SourceIds


@_strict
class Budget(TypedDict):
    """The money for MINUSMA in one fiscal year (1 July - 30 June), as far as sources give it."""

    id: Id
    fiscal_year: FiscalYear
    figures: "Annotated[list[BudgetFigure], Field(min_length=1)]"


def fiscal_year_range(label: str) -> tuple[dt.date, dt.date]:
    """``2013/14`` -> 1 July 2013 .. 30 June 2014."""
    first = int(label[:4])
    return dt.date(first, 7, 1), dt.date(first + 1, 6, 30)


def fiscal_year_of(day: dt.date) -> str:
    """The fiscal year a day falls in: 30 June 2014 is in 2013/14, 1 July 2014 in 2014/15."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


def fiscal_years(start: dt.date, end: dt.date) -> list[str]:
    """Every fiscal year from the one holding ``start`` to the one holding ``end``."""
    first, last = int(fiscal_year_of(start)[:4]), int(fiscal_year_of(end)[:4])
    return [f"{year}/{(year + 1) % 100:02d}" for year in range(first, last + 1)]


@_strict
class Erratum(TypedDict):
    """A widely read source's error: what it says, what the tool says, and why.

    ``concerns`` names the facts that state what the erratum corrects (``show`` lists the
    erratum with them); every id must be a fact of the fact base.
    """

    id: Id
    subject: Text
    claimed: Text
    claimed_in: SourceIds
    corrected: Text
    sources: SourceIds
    concerns: NotRequired["Annotated[list[Id], Field(min_length=1)]"]


Dataset = Literal["geopko-map", "geopko-yearly", "radpko-yearly"]
"""Which dataset a row of a site's record comes from: Geo-PKO's rows per UN deployment map, Geo-PKO's
yearly tables (v2.3), or RADPKO's yearly means per base."""
DATASETS: tuple[Dataset, ...] = ("geopko-map", "geopko-yearly", "radpko-yearly")
Estimate = Literal["unit_sizes", "yearly_mean"]
"""How a dataset's figures are estimated, never headcounts: Geo-PKO counts units on the UN's maps at
their nominal sizes (a company about 150, a battalion about 950); RADPKO averages the UN's monthly
deployment figures over a year."""
UnitType = Literal[
    "infantry",
    "reserve",
    "force_protection",
    "engineers",
    "medical",
    "signals",
    "aviation",
    "riverine",
    "maintenance",
    "transport",
]
UNIT_TYPES: tuple[UnitType, ...] = (
    "infantry", "reserve", "force_protection", "engineers", "medical", "signals", "aviation", "riverine",
    "maintenance", "transport",
)  # fmt: skip
HqLevel = Literal["mission", "sector", "contingent"]
"""Geo-PKO's headquarters code 3, 2 and 1: the mission's, a sector's, a contingent's."""
MULTINATIONAL = "multinational"
"""Geo-PKO's name for a unit that several countries staff together."""

MALI_LONGITUDE = (-12.3, 4.3)
MALI_LATITUDE = (10.1, 25.0)
"""Mali's extent, rounded outwards: a site outside it is a swapped or mistyped coordinate."""


CountryKey: TypeAlias = "Annotated[str, StringConstraints(pattern=r'^(?:[A-Z]{3}|multinational)$')]"
"""A contributing country as ISO 3166-1 alpha-3, or ``multinational`` (Geo-PKO's word for a unit several staff)."""


@_strict
class Presence(TypedDict):
    """What one dataset row says about a site for a period: a map's month, or a year.

    Every figure is an estimate (``estimate`` says how), never a headcount, and is shown as
    approximate. ``troops_by_country`` maps a country to its estimate, or to null where the
    dataset names the country without a size. Nothing is carried from one map to the next: a site
    is in use on the days a row's date covers, no others.
    """

    date: PartialDate
    dataset: Dataset
    estimate: Estimate
    map: NotRequired[NonEmpty]
    troops: NotRequired[Count]
    police: NotRequired[Count]
    observers: NotRequired[Count]
    troops_by_country: "dict[CountryKey, Annotated[int, Field(ge=0, le=10_000_000)] | None]"
    police_by_country: NotRequired["dict[CountryKey, Count]"]
    observers_by_country: NotRequired["dict[CountryKey, Count]"]
    units: NotRequired[list[UnitType]]
    hq: NotRequired[HqLevel]
    police_present: NotRequired[bool]
    observers_present: NotRequired[bool]
    sources: SourceIds


@_strict
class Closure(TypedDict):
    """When the mission left a site, from an event of the fact base (``event``)."""

    date: PartialDate
    event: Id


@_strict
class Base(TypedDict):
    """A site where MINUSMA had troops: where it is and who was there, row by row."""

    id: Id
    name: Text
    spellings: list[NonEmpty]
    region: Text
    longitude: "Annotated[float, Field(ge=-180, le=180)]"
    latitude: "Annotated[float, Field(ge=-90, le=90)]"
    closed: NotRequired[Closure]
    sources: SourceIds
    presence: "Annotated[list[Presence], Field(min_length=1)]"


@_strict
class FactBase(TypedDict):
    schema_ref: NotRequired["Annotated[str, Field(alias='$schema')]"]
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
    contributions: NotRequired[list[Contribution]]
    resolution_tasks: NotRequired[list[ResolutionTasks]]
    fatalities: NotRequired[list[Fatality]]
    bases: NotRequired[list[Base]]
    budgets: NotRequired[list[Budget]]


TOP_LEVEL_KEYS: tuple[str, ...] = tuple(key for key in FactBase.__annotations__ if key in FactBase.__required_keys__)


@cache
def _pydantic() -> Any:
    """Import pydantic, and give the constraints written as strings above the names they use."""
    import pydantic  # noqa: PLC0415  # only to validate: see the note at _STRICT

    globals().update(Field=pydantic.Field, StringConstraints=pydantic.StringConstraints)
    return pydantic


def core_schema() -> dict[str, Any]:
    """pydantic's schema of ``FactBase`` with its top-level keys optional, as plain JSON data: what
    ``load`` validates with, stored in ``minusma/core_schema.py`` (``tests/refresh_digest.py`` writes
    it; a test keeps it equal to this). Building a validator from it takes 2 ms, where importing
    pydantic and generating the schema took 80 ms of every run with ``--data``.

    ``load`` reports a missing top-level key itself (``TOP_LEVEL_KEYS``): pydantic-core copies
    the whole input into each "field required" error of the top-level object, and a 50 MB file
    missing eleven keys took 20 s. The classes pydantic names in it (``cls``) are left out: a
    TypedDict validates to a plain dict either way.
    """
    _pydantic()  # the names the constraints written as strings use
    fields = get_type_hints(FactBase, include_extras=True)
    loose = _strict(TypedDict("FactBaseInput", fields, total=False))  # type: ignore[operator]
    schema = adapter(loose).core_schema

    def plain(value: Any) -> Any:
        if isinstance(value, dict):
            return {
                key: re.sub(r":\d+$", "", item) if key.endswith("ref") and isinstance(item, str) else plain(item)
                for key, item in value.items()
                if key != "cls"
            }
        if isinstance(value, list | tuple):
            return [plain(item) for item in value]
        return value

    return cast(dict[str, Any], plain(schema))


def adapter(annotation: object) -> "TypeAdapter[Any]":
    """A validator for one of the types above (``PartialDate``, ``Source``, …), for tests and tools."""
    pydantic = _pydantic()
    if isinstance(annotation, str):  # a constraint written as a string: read it here, where its names are
        annotation = eval(annotation, globals())  # noqa: S307  # our own constant, never outside input
    return cast("TypeAdapter[Any]", pydantic.TypeAdapter(annotation))


def json_schema() -> dict[str, object]:
    """The published schema: ``FactBase`` itself, every top-level key required."""
    schema = adapter(FactBase).json_schema(by_alias=True)
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


_EVENT_TEXTS = ("text", "caveat")


def cited_event(index: int, event: Event) -> Cited:
    """The fact of ``events[index]``, as :func:`cited_facts` yields it (after the mission, before the rest)."""
    return Cited("event", event["id"], "events[{}]", index, event["date"], event, _EVENT_TEXTS, event["sources"])


def cited_facts(fact_base: FactBase, *, events: bool = True) -> Iterator[Cited]:
    """Every fact that cites a source, in file order. Search, ``sources`` and checks use this.

    ``events=False`` leaves out the events, the one list that grows with a fact base:
    the checks read their ids and sources in bulk instead (``_check_ids_and_citations``)."""
    mission = fact_base["mission"]
    yield Cited(
        "mission", mission["id"], "mission", 0, mission["established"], mission,
        ("summary", "status", "headquarters"), mission["sources"],
    )  # fmt: skip
    for index, event in enumerate(fact_base["events"] if events else ()):
        yield cited_event(index, event)
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
    for index, paragraphs in enumerate(fact_base.get("resolution_tasks", [])):
        yield Cited(
            "resolution tasks", paragraphs["id"], "resolution_tasks[{}]", index, None, paragraphs, ("vote", "caveat"),
            paragraphs["sources"],
        )  # fmt: skip
    for index, leader in enumerate(fact_base["leaders"]):
        name = cast(Text, dict.fromkeys(LANGS, leader["name"]))  # a name is the same in every language
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
    for index, contribution in enumerate(fact_base.get("contributions", [])):
        yield Cited(
            "contribution", contribution["id"], "contributions[{}]", index, contribution["date"], contribution,
            ("note", "caveat"), contribution["sources"], (country_names(contribution["country"]),),
        )  # fmt: skip
    for index, fatality in enumerate(fact_base.get("fatalities", [])):
        revised = [source for revision in fatality.get("revised", ()) for source in revision["sources"]]
        yield Cited(
            "fatality", fatality["id"], "fatalities[{}]", index, fatality["date"], fatality, ("caveat",),
            [*fatality["sources"], *revised] if revised else fatality["sources"],
        )  # fmt: skip
    for index, base in enumerate(fact_base.get("bases", [])):
        spellings = " / ".join(base["spellings"])
        yield Cited(
            "base", base["id"], "bases[{}]", index, base["presence"][0]["date"], base, ("name", "region"),
            base["sources"], (cast(Text, dict.fromkeys(LANGS, spellings)),) if spellings else (),
        )  # fmt: skip
        for row_index, row in enumerate(base["presence"]):
            yield Cited(
                "base row", base["id"], f"bases[{index}].presence[{{}}]", row_index, row["date"], row, (),
                row["sources"],
            )  # fmt: skip
    for index, budget in enumerate(fact_base.get("budgets", [])):
        for figure_index, budget_figure in enumerate(budget["figures"]):
            yield Cited(
                "budget", budget["id"], f"budgets[{index}].figures[{{}}]", figure_index,
                fiscal_year_range(budget["fiscal_year"])[0].isoformat(), budget_figure, ("what", "reason", "caveat"),
                budget_figure["sources"],
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
    message: Message
    line: int | None = None


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
    the claims of a snapshot, figure or budget year share its id (the first claim speaks for them)."""
    if fact.kind in ("ceiling", "base row"):
        return False
    return fact.position == 0 or fact.kind not in ("strength", "dutch figure", "budget")


def _id_path(fact: Cited) -> str:
    return fact.where.split(".claims")[0] if fact.kind in ("strength", "dutch figure") else fact.path


_ID = itemgetter("id")
_SOURCES = itemgetter("sources")
_PLACE = methodcaller("get", "place")


def _check_ids_and_citations(fact_base: FactBase, events_by_id: Mapping[str, Event]) -> Iterator[Problem]:
    """Ids are unique, every cited source exists, every source is cited.

    A first pass reads the events' ids and sources in bulk (no Python call per event:
    a 100,000-event file is mostly events); only when it finds something wrong does a
    second walk over every fact work out where (``_locate_id_problems``).
    ``events_by_id`` is :func:`_events_by_id`."""
    known: dict[str, int] = {}
    for index, source in enumerate(fact_base["sources"]):
        if source["id"] in known:
            yield Problem(
                "error", f"sources[{index}].id",
                Message("check.duplicate_source_id", {"id": source["id"], "first": f"sources[{known[source['id']]}]"}),
            )  # fmt: skip
        else:
            known[source["id"]] = index
    events = fact_base["events"]
    others = list(cited_facts(fact_base, events=False))
    other_ids = [fact.id for fact in others if _owns_id(fact)]
    fact_ids = set(events_by_id)  # the events' ids, hashed once already
    fact_ids.update(other_ids)
    cited = set(chain.from_iterable(map(_SOURCES, events)))
    cited.update(chain.from_iterable(fact.sources for fact in others))
    repeated = len(fact_ids) < len(events) + len(other_ids)
    located = (
        _locate_id_problems(fact_base, known)
        if repeated or not fact_ids.isdisjoint(known) or not cited <= known.keys()
        else ([], [])
    )
    yield from located[0]  # repeated ids
    for index, erratum in enumerate(fact_base["errata"]):
        for named in erratum.get("concerns", []):
            if named not in fact_ids:
                yield Problem(
                    "error", f"errata[{index}].concerns",
                    Message("check.unknown_fact", {"id": named}),
                )  # fmt: skip
    yield from located[1]  # ids shared with a source, and unknown sources
    for index, source in enumerate(fact_base["sources"]):
        # A report of the Secretary-General may stand uncited: the record of reports read, as issue 13
        # asks, whether or not a figure could be taken from it.
        if source["id"] not in cited and source.get("kind") != "report":
            yield Problem(
                "warning", f"sources[{index}]",
                Message("check.uncited_source", {"id": source["id"]}),
            )  # fmt: skip


def _locate_id_problems(fact_base: FactBase, known: Mapping[str, int]) -> tuple[list[Problem], list[Problem]]:
    """Where each repeated id is; then where each id shared with a source and each unknown source is
    (reported in that order, with the errata's unknown facts between): a walk over every fact."""
    facts = list(cited_facts(fact_base))
    owners = [fact for fact in facts if _owns_id(fact)]
    repeated: list[Problem] = []
    seen: dict[str, Cited] = {}
    for fact in owners:
        first = seen.setdefault(fact.id, fact)
        if first is not fact:
            repeated.append(
                Problem(
                    "error",
                    f"{_id_path(fact)}.id",
                    Message("check.duplicate_id", {"id": fact.id, "first": _id_path(first)}),
                )  # fmt: skip
            )
    misplaced = [
        Problem("error", f"{_id_path(fact)}.id", Message("check.id_fact_and_source", {"id": fact.id}))
        for fact in owners
        if fact.id in known  # cite and show look an id up among facts and sources alike
    ]
    misplaced += [
        Problem("error", f"{fact.path}.sources", Message("check.unknown_source", {"id": source_id}))
        for fact in facts
        for source_id in fact.sources
        if source_id not in known
    ]
    return repeated, misplaced


def symbol_year(symbol: str) -> str | None:
    """The year a UN symbol carries: ``S/RES/2100 (2013)`` and ``S/2018/541`` carry theirs, ``SC/11021`` none."""
    if symbol.endswith(")") and symbol[-6:-5] == "(":
        return symbol[-5:-1]
    parts = symbol.split("/")
    if len(parts) == 3 and parts[0] == "S" and len(parts[1]) == 4 and parts[1].isdigit():
        return parts[1]
    return None


def _check_sources(fact_base: FactBase) -> Iterator[Problem]:
    for index, source in enumerate(fact_base["sources"]):
        if "symbol" in source and "published" in source:
            year = symbol_year(source["symbol"])
            # A document registered late in a year may be issued early the next (S/2021/1117, 4 January 2022).
            if year is not None and source["published"][:4] not in (year, str(int(year) + 1)):
                yield Problem(
                    "error", f"sources[{index}].published",
                    Message("check.symbol_year", {"symbol": source["symbol"], "year": year, "published": source["published"]}),
                )  # fmt: skip


def _check_order(path: str, start: str | None, end: str | None) -> Iterator[Problem]:
    if start is not None and end is not None and date_range(start)[0] > date_range(end)[1]:
        yield Problem(
            "error", path,
            Message("check.order", {"start": start, "end": end}),
        )  # fmt: skip


def _check_claims(path: str, ranks: list[Rank]) -> Iterator[Problem]:
    preferred = ranks.count("preferred")
    if preferred != 1:
        yield Problem(
            "error", path,
            Message("check.preferred_count", {"count": preferred}),
        )  # fmt: skip


def _check_formulas(path: str, claim: StrengthClaim) -> Iterator[Problem]:
    for key in ("military", "observers", "police", "uniformed", "civilians", "personnel"):
        quantity = claim.get(key)
        if isinstance(quantity, dict) and "formula" in quantity:
            total = sum(int(part) for part in quantity["formula"].split(" + "))
            if total != quantity["value"]:
                yield Problem(
                    "error", f"{path}.{key}.formula",
                    Message("check.formula_sum", {"formula": quantity["formula"], "sum": Number(total), "value": Number(quantity["value"])}),
                )  # fmt: skip


def _check_strength(path: str, claim: StrengthClaim) -> Iterator[Problem]:
    yield from _check_formulas(path, claim)
    military, observers, police = claim.get("military"), claim.get("observers"), claim.get("police")
    uniformed, civilians, personnel = claim.get("uniformed"), claim.get("civilians"), claim.get("personnel")
    parts_sum = stated_sum(military, police)
    if parts_sum is not None and observers is not None:
        parts_sum = stated_sum(military, police, observers)
    if uniformed is not None and uniformed["qualifier"] == "exact" and parts_sum is not None:
        if parts_sum != uniformed["value"]:
            yield Problem(
                "error", f"{path}.uniformed",
                Message("check.uniformed_sum", {"total": Number(uniformed["value"]), "parts": Number(parts_sum)}),
            )  # fmt: skip
    uniformed_value = uniformed if uniformed is not None else None
    if uniformed_value is None and parts_sum is not None:
        uniformed_value = Quantity(value=parts_sum, qualifier="exact")
    whole = stated_sum(uniformed_value, civilians)
    if personnel is not None and personnel["qualifier"] == "exact" and whole is not None:
        if whole != personnel["value"]:
            yield Problem(
                "error", f"{path}.personnel",
                Message("check.personnel_sum", {"total": Number(personnel["value"]), "parts": Number(whole)}),
            )  # fmt: skip
    if not any(key in claim for key in ("military", "police", "uniformed", "personnel")):
        yield Problem(
            "error", path,
            Message("check.no_figure"),
        )  # fmt: skip


class MandatePeriod(NamedTuple):
    """A mandate resolution's period; ``start_stated`` is False where it follows the last end."""

    resolution: Resolution
    path: str
    start: str | None
    end: str | None
    start_stated: bool


def _day_after(date: str) -> str:
    """The first day after ``date``; the calendar's last day has none, so it stands for itself
    (a period that follows one ending there then fails the order checks instead of overflowing)."""
    last = date_range(date)[1]
    return (last + dt.timedelta(days=1) if last < dt.date.max else last).isoformat()


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
                    Message(
                        "check.ceiling_total",
                        {
                            "total": Number(ceiling["total"]), "military": Number(ceiling["military"]),
                            "police": Number(ceiling["police"]), "sum": Number(ceiling_total(ceiling)),
                        },
                    ),
                )  # fmt: skip
        if resolution["kind"] in ("establishment", "renewal") and "mandate_end" not in resolution:
            yield Problem(
                "error", path,
                Message("check.mandate_end"),
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
                Message("check.mandate_overlap", {"other": previous.path, "end": previous.end}),
            )  # fmt: skip
        elif (current_start - previous_end).days > 1:
            yield Problem(
                "warning", current.path,
                Message("check.mandate_gap", {"other": previous.path, "end": previous.end, "start": current.start}),
            )  # fmt: skip
        elif date_range(current.resolution["adopted"])[0] > previous_end:
            yield Problem(
                "warning", current.path,
                Message(
                    "check.mandate_late",
                    {"adopted": current.resolution["adopted"], "other": previous.path, "end": previous.end},
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
                Message("check.no_ceiling", {"date": snapshot["date"]}),
            )  # fmt: skip
        for claim_index, claim in enumerate(snapshot["claims"]):
            claim_path = f"{path}.claims[{claim_index}]"
            yield from _check_strength(claim_path, claim)
            if resolution is None:
                continue
            ceiling = resolution["ceiling"]
            limits = {"military": ceiling["military"], "police": ceiling["police"], "uniformed": ceiling_total(ceiling)}
            for part, limit in limits.items():
                quantity = claim.get(part)
                if isinstance(quantity, dict) and quantity["value"] > limit:
                    yield Problem(
                        "warning", f"{claim_path}.{part}",
                        Message(
                            "check.above_ceiling",
                            {
                                "part": part, "value": Number(quantity["value"]), "limit": Number(limit),
                                "resolution": resolution["number"],
                            },
                        ),
                    )  # fmt: skip


# --------------------------------------------------------------------------- leaders' terms

StartBasis = Literal["stated", "appointed", "predecessor", "attested", "unknown"]
EndBasis = Literal["stated", "successor", "attested", "open"]


class Term(NamedTuple):
    """A leader's time in office as every command shows it (one rule, used everywhere).

    ``start`` is the stated start, else the appointment, else (an undated interim) the end
    of the term it followed; ``end`` is the stated end, else for an interim the start of
    the next term of the same role; a term known only from one attested day runs that day.
    """

    leader: Leader
    start: str | None
    end: str | None
    start_basis: StartBasis
    end_basis: EndBasis


def terms(fact_base: FactBase) -> list[Term]:
    """Every leader's term, heads of mission first, each role in order of its start."""
    leaders = fact_base["leaders"]
    by_id = {leader["id"]: leader for leader in leaders}
    found: list[Term] = []
    for leader in leaders:
        start: str | None
        start_basis: StartBasis
        end: str | None = leader.get("end")
        end_basis: EndBasis = "stated" if end else "open"
        if "start" in leader:
            start, start_basis = leader["start"], "stated"
        elif "appointed" in leader:
            start, start_basis = leader["appointed"], "appointed"
        elif "attested" in leader:
            start, start_basis = leader["attested"], "attested"
            end, end_basis = leader["attested"], "attested"
        elif "after" in leader and leader["after"] in by_id:
            start, start_basis = by_id[leader["after"]].get("end"), "predecessor"
        else:
            start, start_basis = None, "unknown"
        if leader["acting"] and end_basis == "open" and start is not None:
            successor = _successor(leaders, leader, start)
            if successor is not None:
                end, end_basis = successor, "successor"
        found.append(Term(leader, start, end, start_basis, end_basis))
    return sorted(found, key=lambda term: (term.leader["role"] != "head_of_mission", term.start or "9999"))


def _successor(leaders: Sequence[Leader], interim: Leader, start: str) -> str | None:
    """The start of the first later term of the same role that is not itself an interim."""
    later = [
        leader.get("start") or leader.get("appointed")
        for leader in leaders
        if leader["role"] == interim["role"] and not leader["acting"] and leader is not interim
    ]
    return min((date for date in later if date is not None and date > start), default=None)


def covers(start: str | None, end: str | None, day: dt.date) -> tuple[bool, bool]:
    """(possibly, certainly): whether a period whose ends may be partial or unknown covers ``day``."""
    start_first, start_last = date_range(start) if start else (dt.date.min, dt.date.min)
    end_first, end_last = date_range(end) if end else (dt.date.max, dt.date.max)
    return start_first <= day <= end_last, start is not None and start_last <= day <= end_first


class InOffice(NamedTuple):
    """Whether a term covers a day: possibly, certainly, and why not certainly."""

    possibly: bool
    certainly: bool
    why: Text | None


def in_office(term: Term, day: dt.date) -> InOffice:
    """One rule for every term: a day is certain when it lies after every day the start may
    be and before every day the end may be. A boundary known only to the month or year is
    uncertain within that period; an appointment standing in for a start not found counts as
    known to its month; an undated interim is uncertain throughout; a caveat that doubts the
    role makes every day uncertain, one that doubts an open end every day after the start."""
    leader = term.leader
    if term.start is None:
        return InOffice(False, False, None)
    start_first, start_last = date_range(term.start)
    if term.start_basis == "appointed":
        start_last = date_range(term.start[:7])[1]
    end_first, end_last = date_range(term.end) if term.end else (dt.date.max, dt.date.max)
    if not start_first <= day <= end_last:
        return InOffice(False, False, None)
    doubt, caveat = leader.get("doubt"), leader.get("caveat")
    why: Text | None = None
    if doubt == "role" and caveat is not None:
        why = caveat
    elif term.start_basis == "predecessor":
        why = generated_text("at.unknown_term")
    elif day < start_last:
        if term.start_basis == "appointed":
            why = generated_text("at.from_appointment", appointed=term.start)
        else:
            why = generated_text("at.uncertain_start", start=term.start)
    elif day > end_first:
        why = generated_text("at.uncertain_end", end=term.end)
    elif doubt == "end" and term.end_basis == "open" and day > start_last and caveat is not None:
        why = caveat
    return InOffice(True, why is None, why)


def generated_text(key: str, /, **values: object) -> Text:
    """A text the tool writes (not the fact base): the message ``key`` in every language."""
    return cast(Text, texts(key, **values))


ClaimT = TypeVar("ClaimT", "StrengthClaim", "FigureClaim", "BudgetFigure")


def preferred_claim(claims: Sequence[ClaimT]) -> ClaimT:
    """The claim a disputed fact is shown by: the one ranked preferred (the checks ensure one)."""
    return next((claim for claim in claims if claim["rank"] == "preferred"), claims[0])


def country_names(code: str) -> Text:
    """A country's name in every language, from the table of countries: the English one in a
    language the table lacks, the code for a country it lacks."""
    from minusma.messages.countries import COUNTRIES

    names = COUNTRIES.get(code, {})
    return cast(Text, {lang: names.get(lang) or names.get("en", code) for lang in LANGS})


_PARTS = ("military", "police", "staff")


def _check_contributions(fact_base: FactBase) -> Iterator[Problem]:  # noqa: C901
    """A country's stated parts never exceed its stated total; on one date, the countries together
    never exceed the mission's stated total (a warning: sources count differently)."""
    from minusma.messages.countries import COUNTRIES

    by_date: dict[str, list[tuple[int, Contribution]]] = {}
    for index, contribution in enumerate(fact_base.get("contributions", [])):
        path = f"contributions[{index}]"
        if contribution["country"] not in COUNTRIES:
            yield Problem(
                "error", f"{path}.country", Message("check.unknown_country", {"code": contribution["country"]})
            )
        parts = [contribution[part]["value"] for part in _PARTS if part in contribution]  # type: ignore[literal-required]
        total = contribution.get("total")
        if (
            total is not None
            and total["qualifier"] in ("exact", "at_least", "more_than")
            and sum(parts) > total["value"]
        ):
            yield Problem(
                "error", f"{path}.total",
                Message("check.contribution_parts", {"parts": Number(sum(parts)), "total": Number(total["value"])}),
            )  # fmt: skip
        if (
            "military" not in contribution
            and "police" not in contribution
            and total is None
            and "staff" not in contribution
        ):
            yield Problem("error", path, Message("check.contribution_empty"))
        by_date.setdefault(contribution["date"], []).append((index, contribution))
    mission_totals = {snapshot["date"]: snapshot for snapshot in fact_base["snapshots"]}
    for date, contributions in by_date.items():
        snapshot = mission_totals.get(date)
        if snapshot is None:
            continue
        claim = preferred_claim(snapshot["claims"])
        stated = claim.get("personnel") or claim.get("uniformed")
        if stated is None or stated["qualifier"] not in ("exact", "nearly"):
            continue
        summed = sum(contribution_size(contribution) for _, contribution in contributions)
        if summed > stated["value"]:
            sources = sorted({source for _, contribution in contributions for source in contribution["sources"]})
            yield Problem(
                "warning", f"contributions[{contributions[0][0]}]",
                Message(
                    "check.contributions_above_total",
                    {
                        "date": date, "summed": Number(summed), "total": Number(stated["value"]),
                        "sources": ", ".join(sources), "mission_sources": ", ".join(claim["sources"]),
                    },
                ),
            )  # fmt: skip


def contribution_size(contribution: Contribution) -> int:
    """The total where stated, else the sum of the stated parts."""
    if "total" in contribution:
        return contribution["total"]["value"]
    return sum(contribution[part]["value"] for part in _PARTS if part in contribution)  # type: ignore[literal-required]


def _check_resolution_tasks(fact_base: FactBase) -> Iterator[Problem]:
    """Paragraph-level tasks name a resolution of the fact base, once; a task carried forward comes
    from an earlier resolution (a lower number: the Council numbers its resolutions in order)."""
    numbers = {resolution["id"]: resolution["number"] for resolution in fact_base["resolutions"]}
    seen: set[str] = set()
    for index, record in enumerate(fact_base.get("resolution_tasks", [])):
        path = f"resolution_tasks[{index}]"
        number = numbers.get(record["resolution"])
        if number is None:
            yield Problem(
                "error", f"{path}.resolution", Message("check.tasks_resolution", {"id": record["resolution"]})
            )
            continue
        if record["resolution"] in seen:
            yield Problem("error", f"{path}.resolution", Message("check.tasks_twice", {"id": record["resolution"]}))
        seen.add(record["resolution"])
        for task_index, task in enumerate(record["tasks"]):
            carried = task.get("carried_from")
            if carried is not None and carried >= number:
                yield Problem(
                    "error", f"{path}.tasks[{task_index}].carried_from",
                    Message("check.carried_from", {"from": carried, "number": number}),
                )  # fmt: skip


# --------------------------------------------------------------------------- fatality records


def _check_fatalities(fact_base: FactBase) -> Iterator[Problem]:  # noqa: C901
    """Each record belongs to the mission, falls within its life (or a caveat says why not), names a
    known country, has a UN identifier no other record has, and each revision changes something."""
    from minusma.messages.countries import COUNTRIES

    mission = fact_base["mission"]
    first_day = date_range(mission["established"])[0]
    last_day = date_range(mission["withdrawal_completed"])[1]
    seen: dict[str, int] = {}
    for index, fatality in enumerate(fact_base.get("fatalities", [])):
        path = f"fatalities[{index}]"
        if fatality["mission"] != mission["id"]:
            yield Problem(
                "error", f"{path}.mission", Message("check.fatality_mission", {"id": fatality["mission"], "mission": mission["id"]})
            )  # fmt: skip
        start, end = date_range(fatality["date"])
        if (end < first_day or start > last_day) and "caveat" not in fatality:
            yield Problem(
                "error", f"{path}.date",
                Message(
                    "check.fatality_outside",
                    {"date": fatality["date"], "start": mission["established"], "end": mission["withdrawal_completed"]},
                ),
            )  # fmt: skip
        if fatality["country"] not in COUNTRIES:
            yield Problem("error", f"{path}.country", Message("check.unknown_country", {"code": fatality["country"]}))
        first = seen.setdefault(fatality["un_id"], index)
        if first != index:
            yield Problem(
                "error", f"{path}.un_id",
                Message("check.duplicate_un_id", {"id": fatality["un_id"], "first": f"fatalities[{first}]"}),
            )  # fmt: skip
        for revision_index, revision in enumerate(fatality.get("revised", ())):
            changed = [key for key in ("row", "cause", "gender") if key in revision]
            if not changed or any(revision[key] == fatality[key] for key in changed):
                yield Problem("error", f"{path}.revised[{revision_index}]", Message("check.revision_unchanged"))


class Tally(NamedTuple):
    """How many of the UN's records a stated count covers: ``low`` certainly, ``high`` possibly.

    A count's period runs from the first day its start may be; it ends on its as-of date, and an
    as-of date known only to the month or year may be any day of it (``low`` counts to its first
    day, ``high`` to its last). A count whose start and end are the same period (``2022`` to
    ``2022``) covers that whole period. A death whose cause the UN gives as to be determined or
    unknown may be hostile or not: it counts towards ``high`` only, for a count by cause.
    """

    low: int
    high: int


_HOSTILE: frozenset[str] = frozenset({"malicious_act"})
_OTHER: frozenset[str] = frozenset({"illness", "accident"})
_UNSETTLED: frozenset[str] = frozenset({"to_be_determined", "unknown"})


def series_tally(fatalities: Sequence[Fatality], stated: Casualties, cause: Cause) -> Tally:
    """What the per-record series gives for the period, country, personnel and cause of ``stated``."""
    start = date_range(stated["start"])[0]
    end_first, end_last = date_range(stated["end"])
    if stated["start"] == stated["end"]:
        end_first = end_last
    country = stated.get("country")
    scope = stated.get("personnel")
    low = high = 0
    for fatality in fatalities:
        if country is not None and fatality["country"] != country:
            continue
        if scope is not None and fatality["personnel"] not in scope:
            continue
        day_first, day_last = date_range(fatality["date"])
        if day_last < start or day_first > end_last:
            continue
        certain_day = day_first >= start and day_last <= end_first
        kind = fatality["cause"]
        if cause == "any" or kind in (_HOSTILE if cause == "hostile" else _OTHER):
            high += 1
            low += certain_day
        elif kind in _UNSETTLED:
            high += 1
    return Tally(low, high)


def series_agrees(quantity: Quantity, tally: Tally) -> bool | None:
    """Whether a stated figure fits the series: an exact one lies within it, "more than" and "at least"
    are possible; None for an approximate figure, which the series can neither confirm nor refute."""
    value, qualifier = quantity["value"], quantity["qualifier"]
    if qualifier == "exact":
        return tally.low <= value <= tally.high
    if qualifier == "more_than":
        return tally.high > value
    if qualifier == "at_least":
        return tally.high >= value
    return None


INCIDENT_MINIMUM = 3
"""Deaths from malicious acts on one day from which that day is an incident the timeline must tell."""


def deadly_days(fatalities: Sequence[Fatality], minimum: int = INCIDENT_MINIMUM) -> list[tuple[str, list[str]]]:
    """The days on which ``minimum`` or more people died of a malicious act in the UN's records, in
    date order, each with the nationalities of its dead (one code per death, sorted). A record dated
    only to a month or a year names no day and is left out."""
    by_day: dict[str, list[str]] = {}
    for fatality in fatalities:
        if fatality["cause"] == "malicious_act" and precision(fatality["date"]) == "day":
            by_day.setdefault(fatality["date"], []).append(fatality["country"])
    return [(day, sorted(countries)) for day, countries in sorted(by_day.items()) if len(countries) >= minimum]


def _check_series(fact_base: FactBase) -> Iterator[Problem]:
    """A stated count of deaths that the UN's per-record series contradicts, unless the count is ranked
    below it: a warning naming both sources (both claims stay; the series is preferred, and
    ``casualties`` says why)."""
    fatalities = fact_base.get("fatalities", [])
    if not fatalities:
        return
    series_sources = ", ".join(sorted({source for fatality in fatalities for source in fatality["sources"]}))
    tallies: dict[tuple[object, ...], Tally] = {}  # counts over the same period and scope walk the series once
    for index, stated in enumerate(fact_base["casualties"]):
        for count_index, count in enumerate(stated["counts"]):
            if count["outcome"] != "killed":
                continue
            scope = stated.get("personnel")
            key = (stated["start"], stated["end"], stated.get("country"), scope and tuple(scope), count["cause"])
            tally = tallies.get(key)
            if tally is None:
                tally = tallies[key] = series_tally(fatalities, stated, count["cause"])
            if series_agrees(count["value"], tally) is False and stated.get("rank", "preferred") == "preferred":
                yield Problem(
                    "warning", f"casualties[{index}].counts[{count_index}]",
                    Message(
                        "check.series_disagrees" if tally.low == tally.high else "check.series_disagrees_range",
                        {
                            "id": stated["id"], "stated": Number(count["value"]["value"]),
                            "sources": ", ".join(stated["sources"]), "low": Number(tally.low),
                            "high": Number(tally.high), "series_sources": series_sources,
                            "start": stated["start"], "end": stated["end"],
                        },
                    ),
                )  # fmt: skip


def _events_by_id(fact_base: FactBase) -> dict[str, Event]:
    """Each event by its id (the last of a repeated one), made in C: one pass over the largest list,
    shared by the checks that need the events' ids."""
    events = fact_base["events"]
    return dict(zip(map(_ID, events), events, strict=True))


def _check_bases(fact_base: FactBase, events: Mapping[str, Event]) -> Iterator[Problem]:
    """A site lies inside Mali, its contingents are known countries, and its closure is an event of
    the fact base whose date its own date contains. ``events`` is :func:`_events_by_id`."""
    from minusma.messages.countries import COUNTRIES

    for index, base in enumerate(fact_base.get("bases", [])):
        path = f"bases[{index}]"
        longitude, latitude = base["longitude"], base["latitude"]
        if not (
            MALI_LONGITUDE[0] <= longitude <= MALI_LONGITUDE[1] and MALI_LATITUDE[0] <= latitude <= MALI_LATITUDE[1]
        ):
            yield Problem(
                "error", f"{path}.longitude",
                Message("check.outside_mali", {"longitude": longitude, "latitude": latitude}),
            )  # fmt: skip
        closed = base.get("closed")
        if closed is not None:
            event = events.get(closed["event"])
            if event is None:
                yield Problem("error", f"{path}.closed.event", Message("check.unknown_fact", {"id": closed["event"]}))
            else:
                first, last = date_range(closed["date"])
                if not first <= date_range(event["date"])[0] <= last:
                    yield Problem(
                        "error", f"{path}.closed.date",
                        Message("check.closure_date", {"date": closed["date"], "event": event["id"], "event_date": event["date"]}),
                    )  # fmt: skip
        for row_index, row in enumerate(base["presence"]):
            for key in ("troops_by_country", "police_by_country", "observers_by_country"):
                given: Mapping[str, object] = row.get(key, {})  # type: ignore[assignment]
                for code in given:
                    if code not in COUNTRIES:
                        yield Problem(
                            "error", f"{path}.presence[{row_index}].{key}",
                            Message("check.unknown_country", {"code": code}),
                        )  # fmt: skip


def _check_budgets(fact_base: FactBase) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, budget in enumerate(fact_base.get("budgets", [])):
        label = budget["fiscal_year"]
        first = int(label[:4])
        if int(label[5:]) != (first + 1) % 100 or first < 1:
            yield Problem("error", f"budgets[{index}].fiscal_year", Message("check.fiscal_year", {"year": label}))
        if label in seen:
            yield Problem("error", f"budgets[{index}].fiscal_year", Message("check.fiscal_year_twice", {"year": label}))
        seen.add(label)
        for kind in BUDGET_KINDS:
            ranks = [figure["rank"] for figure in budget["figures"] if figure["kind"] == kind]
            if ranks:
                yield from _check_claims(f"budgets[{index}].figures", ranks)


def _check_places(fact_base: FactBase) -> Iterator[Problem]:
    """An event's place is a site of the fact base."""
    sites = {base["id"] for base in fact_base.get("bases", [])}
    named = set(map(_PLACE, fact_base["events"]))  # one pass in C; the walk below only says where
    named.discard(None)
    if named <= sites:
        return
    for index, event in enumerate(fact_base["events"]):
        place = event.get("place")
        if place is not None and place not in sites:
            yield Problem("error", f"events[{index}].place", Message("check.unknown_place", {"id": place}))


def check_fact_base(fact_base: FactBase) -> list[Problem]:
    """Every cross-field rule the schema cannot express. Errors stop a load; warnings do not."""
    problems: list[Problem] = []
    events_by_id = _events_by_id(fact_base)
    problems += _check_bases(fact_base, events_by_id)
    problems += _check_places(fact_base)
    problems += _check_contributions(fact_base)
    problems += _check_ids_and_citations(fact_base, events_by_id)
    problems += _check_sources(fact_base)
    problems += _check_resolutions(fact_base)
    problems += _check_snapshots(fact_base)
    problems += _check_resolution_tasks(fact_base)
    problems += _check_fatalities(fact_base)
    problems += _check_series(fact_base)
    problems += _check_budgets(fact_base)
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
                Message("check.tasks_resolution", {"id": fact_base["mandate"]["tasks_resolution"]}),
            )  # fmt: skip
        )
    return problems
