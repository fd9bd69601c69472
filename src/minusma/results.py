"""The shape of every command's JSON output: the contract scripts rely on.

Types only. The query functions build plain dicts of these shapes; importing this
module costs nothing at run time because only the type checker reads it.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired

from typing_extensions import TypedDict

from minusma.model import (
    Amount,
    BudgetFigure,
    Casualties,
    Category,
    Cause,
    Closure,
    Erratum,
    Event,
    Fatality,
    FatalityCause,
    Figure,
    Leader,
    Personnel,
    Phase,
    Presence,
    Qualifier,
    Quantity,
    ResolutionTasks,
    Snapshot,
    Source,
    Task,
    Text,
)


class MissionDates(TypedDict):
    established: str
    operational: str
    mandate_ended: str
    withdrawal_completed: str
    liquidation_from: str


class BudgetTotal(TypedDict):
    """The approved amounts added over the fiscal years that have one, to the precision of the roughest of
    them (``query.added``): what ``about`` says of money."""

    approved: Amount | None
    years_with_amount: int
    fiscal_years: int
    first: str | None
    last: str | None


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


class TimelineFilters(TypedDict):
    date_from: str | None
    date_to: str | None
    categories: list[Category]


class Place(TypedDict):
    """A site an event names as its place (``place`` in an event): its names and where it is."""

    id: str
    name: Text
    region: Text
    longitude: float
    latitude: float


class TimelineResult(TypedDict):
    as_of: str
    filters: TimelineFilters
    events: list[Event]
    places: list[Place]
    """The sites the events name as their place, in the fact base's order."""
    sources: list[Source]


class StoryResult(TimelineResult):
    """The timeline with the mandate periods it spans, as eras (``timeline --format timelinejs``)."""

    eras: list[Period]


class CeilingRow(TypedDict):
    resolution: int
    adopted: str
    military: int
    police: int
    total: int
    total_stated: bool
    note: Text | None
    sources: list[str]


class TroopsResult(TypedDict):
    as_of: str
    ceilings: list[CeilingRow]
    snapshots: list[Snapshot]
    sources: list[Source]


class FillRate(TypedDict):
    percent: float
    qualifier: Qualifier


class Deployed(TypedDict):
    """Every figure of a claim; one with a ``formula`` was computed from stated parts."""

    military: Quantity | None
    police: Quantity | None
    uniformed: Quantity | None
    civilians: Quantity | None
    personnel: Quantity | None


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
    deployed: Deployed
    ceiling: Ceiling3
    fill_rate: Fill
    reason: Text | None
    note: Text | None
    caveat: Text | None
    sources: list[str]


class CompareResult(TypedDict):
    as_of: str
    comparison: list[ComparisonRow]
    sources: list[Source]


class ChartResult(CompareResult):
    """What ``troops --chart`` draws: the comparison, and every ceiling from its adoption until
    the mandate ended. Not printed as JSON (``troops --compare --json`` and ``troops --json``
    hold the same facts); ``sources`` covers the ceilings too."""

    ceilings: list[CeilingRow]
    mandate_ended: str
    ended_by: int | None
    """The resolution that ended the mandate, where the fact base has one."""


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


class MandateResult(TypedDict):
    as_of: str
    legal_basis: Text
    use_of_force: Text
    tasks_resolution: int
    tasks: list[Task]
    periods: list[Period]
    related: list[Period]
    sources: list[Source]


class ResolutionMandateResult(TypedDict):
    """``mandate --resolution N``: the resolution, the summary tasks it set (2100's seven, with
    their paragraphs) and its tasks at paragraph level; ``paragraph_level`` is None where the
    fact base has no paragraph-level source for it (the command says so)."""

    as_of: str
    id: str
    number: int
    adopted: str
    symbol: str | None
    tasks: list[Task]
    paragraph_level: ResolutionTasks | None
    sources: list[Source]


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


class CountryNamed(TypedDict):
    """A country with no figure where one was asked for; ``latest`` is its latest figure's date, if any."""

    country: str
    names: Text
    latest: str | None


class SiteYear(TypedDict):
    """Where a country was in a year: a site whose rows of that year name it, by dataset, with the
    largest troop estimate those rows give the country (None where they name it without a size)."""

    year: str
    base: str
    name: Text
    datasets: list[str]
    troops: int | None


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
    sites: list[SiteYear]
    """With a country: where it was, year by year, from the bases' rows."""
    sources: list[Source]


class BaseRow(Presence):
    """One dataset row of a site, with the site it belongs to."""

    base: str
    name: Text
    region: Text


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


class BasesResult(TypedDict):
    as_of: str
    at: str | None
    read_as: str | None
    country: str | None
    base: str | None
    sites: list[Site]
    rows: list[BaseRow]
    sources: list[Source]


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
    geopko_troops: int | None
    """Geo-PKO's yearly table (v2.3): troops estimated from unit sizes."""
    map_troops: list[MapEstimate]
    """Geo-PKO's rows per UN deployment map that year, each its own estimate."""
    radpko_troops: int | None
    """RADPKO: the year's mean of the UN's monthly figures."""
    radpko_police: int | None
    radpko_observers: int | None
    sources: list[str]


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


class TermRecord(TypedDict):
    start: str | None
    end: str | None
    start_basis: str
    end_basis: str


class LeaderTerm(Leader):
    """A leader's record and the term every command shows (model.terms)."""

    term: TermRecord


class LeadersResult(TypedDict):
    as_of: str
    leaders: list[LeaderTerm]
    sources: list[Source]


class ErrataResult(TypedDict):
    as_of: str
    errata: list[Erratum]
    sources: list[Source]


Breakdown = Literal["year", "country", "cause", "type"]
"""How ``casualties --by`` groups the UN's records."""


class SeriesRow(TypedDict):
    """One group of the UN's records (a year, a country, a cause, a personnel type): its deaths and
    how many of them each cause accounts for (every cause, 0 where none)."""

    key: str
    deaths: int
    causes: dict[FatalityCause, int]


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


class CasualtyChartResult(TypedDict):
    """Deaths per year by cause, for ``casualties --chart``."""

    as_of: str
    at: str | None
    country: str | None
    series: FatalitySeries
    sources: list[Source]


class SourceUse(Source):
    """A source record and how many facts cite it."""

    cited_by: int


class SourcesResult(TypedDict):
    as_of: str
    sources: list[SourceUse]


class CitingFact(TypedDict):
    kind: str
    id: str
    path: str
    date: str | None
    text: Text | None


class SourceResult(TypedDict):
    as_of: str
    source: SourceUse
    facts: list[CitingFact]


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


Status = Literal["not_yet", "authorised", "active", "withdrawal", "liquidation"]


class LeaderAt(TypedDict):
    leader: LeaderTerm
    certain: bool
    why: Text | None


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


class CiteRequest(TypedDict):
    id: str
    kind: str
    """``source``, or the kind of fact (``event``, ``resolution``, ``leader``...)."""
    sources: list[str]


class CiteResult(TypedDict):
    as_of: str
    requested: list[CiteRequest]
    sources: list[Source]


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


class BudgetYear(TypedDict):
    """One fiscal year (1 July - 30 June), or the liquidation that followed the withdrawal: the preferred
    approved amount and expenditure, the share spent where both are known, and every figure found."""

    fiscal_year: str
    start: str
    end: str | None
    approved: Amount | None
    expenditure: Amount | None
    spent: FillRate | None
    figures: list[BudgetFigure]


class BudgetFilters(TypedDict):
    date_from: str | None
    date_to: str | None


class BudgetResult(TypedDict):
    as_of: str
    filters: BudgetFilters
    years: list[BudgetYear]
    total: BudgetTotal
    sources: list[Source]
