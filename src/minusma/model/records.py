"""The records of a fact base (TypedDicts), their constraints, and the glue to pydantic.

The records are TypedDicts validated by one pydantic ``TypeAdapter``. Pydantic
``BaseModel`` instances were measured at 2.5 times the cost of ``jq`` on a
100,000-event file, TypedDicts at 0.8 times (README, "Performance"): the shape,
the strictness (``extra="forbid"``, strict types) and the JSON Schema are the
same, and the records stay plain, typed dicts that the JSON path can dump as
they are. Nothing here mutates a record once loaded.

The constraints are written as strings that pydantic reads in this module's namespace
(``_pydantic``), so every record and every name its constraints use live here.
No I/O, no typer, no rich.
"""

import re
from functools import cache
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    Literal,
    NotRequired,
    TypeAlias,
    TypeVar,
    cast,
    get_type_hints,
)

from typing_extensions import TypedDict

from minusma.model.dates import (  # the patterns too: pydantic reads PartialDate and Day here
    DATE_PATTERN,  # noqa: F401
    DAY_PATTERN,  # noqa: F401
    Day,
    PartialDate,
)

if TYPE_CHECKING:
    from pydantic import ConfigDict, Field, StringConstraints, TypeAdapter

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


ID_PATTERN = r"^[a-z0-9][a-z0-9.-]*$"
Id: TypeAlias = "Annotated[str, StringConstraints(pattern=ID_PATTERN, max_length=80)]"

BIDI_CODES = (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
"""The bidirectional marks (ALM, LRM, RLM) and overrides: they reorder what a reader sees (an RLM
turned a map's "Gossi ~150" into "150~"). The fact base refuses them; output/cells.py escapes them."""
_CONTROLS = "\x7f-\x9f" + "".join(map(chr, BIDI_CODES))
"""C0 and C1 controls, DEL and the bidirectional characters: characters that act on a terminal
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
LOWER_BOUNDS: tuple[Qualifier, ...] = ("more_than", "at_least")
"""The qualifiers of a figure known only from below: a share of it, or a sum with it, is a bound too."""


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
- ``dataset``: a published data file (the UN's fatality records, Geo-PKO, RADPKO, PEMA), at one
  update: ``published`` is the update date its producer states (the fatality records'
  ``last_update``), absent where none is stated, and ``url`` the copy read, at the commit read
  (``data/sources/`` keeps the rows).
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
    """What one source says was deployed. Each part is absent where the source is silent.

    ``basis`` marks a figure that is not a stated count: ``yearly_mean`` is the mission's mean over a
    year of the UN's monthly figures (RADPKO's, summed over its sites by tools/import_bases.py), an
    estimate, never preferred to a stated count of the same snapshot; absent, a source states it."""

    rank: Rank
    basis: NotRequired["Estimate"]
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
    """A number about the Dutch contribution that is not what was deployed on a date (a total over the
    years, a peak over a period, a plan, deaths, patrols), with every source's claim. What the
    Netherlands had deployed on a date is a ``Contribution`` (country NLD): ``dutch`` and
    ``contributors`` both show it, from the one record."""

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
    figures (RADPKO's, summed over its sites by tools/import_bases.py); ``unit_sizes`` is Geo-PKO's
    count of a country's units on the UN's maps at their nominal sizes, summed over the sites of a
    year (by the same import); absent, the figure is one a source states. Where a country has
    several on one date, ``BASIS_PREFERENCE`` says which stands for it; all of them stay.
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

FISCAL_YEAR_PATTERN = (
    r"^(?:000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9]|999[0-8])/[0-9]{2}$"
)
"""A first year from 0001 to 9998: the calendar has no 1 July of year 0 and no 30 June of year 10,000."""
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


COUNTRY_KEY_PATTERN = r"^(?:[A-Z]{3}|multinational)$"
CountryKey: TypeAlias = "Annotated[str, StringConstraints(pattern=COUNTRY_KEY_PATTERN)]"
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
