"""Query results laid out as sheets: titled tables of typed cells, in one language.

A sheet is what both people and spreadsheets see: each writer of tables in ``output/``
shows it (``table.py`` as a Rich table, formatting numbers, quantities and bars, through
``cells.py``), and ``--csv`` writes its raw cells.
A :class:`Plot` is the same for an image: the series and every word of a chart, which
``output/chart.py`` draws. No typer, no rich, no matplotlib.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TypeAlias, cast

from minusma.messages import LANGS, Bound, Lang, Listed, count, number, say
from minusma.model import (
    CATEGORIES,
    FATALITY_CAUSES,
    LOWER_BOUNDS,
    SOURCE_KINDS,
    Erratum,
    Fatality,
    Qualifier,
    Quantity,
    Source,
    Text,
    country_names,
    fold,
)

if TYPE_CHECKING:
    from minusma.query import (
        AboutResult,
        AtResult,
        BaseRow,
        BasesResult,
        Breakdown,
        BudgetResult,
        BudgetTotal,
        BudgetYear,
        CasualtiesResult,
        CasualtyChartResult,
        Ceiling3,
        ChartResult,
        CompareResult,
        ComparisonRow,
        ContributorRow,
        ContributorsResult,
        CountryNamed,
        CountrySite,
        DutchResult,
        ErrataResult,
        FatalitySeries,
        FillRate,
        LeadersResult,
        LeaderTerm,
        MandateResult,
        MapEstimate,
        Period,
        Place,
        Reconciliation,
        ResolutionMandateResult,
        SearchResult,
        SeriesRow,
        ShowResult,
        SourceResult,
        SourcesResult,
        TimelineResult,
        TroopsResult,
        ValidationResult,
    )

Kind = Literal["text", "date", "number", "quantity", "percent", "bar", "rank", "id", "url"]
Show = Literal["both", "table", "csv"]
_DATE_KEYS = frozenset({"date", "adopted", "start", "end", "appointed"})


class Bar(NamedTuple):
    """A value against its limit, drawn on a scale shared by the whole column."""

    value: int
    limit: int
    scale: int
    width: int = 20


class PartFill(NamedTuple):
    """A fill rate and what it measures, where the uniformed total is not known."""

    rate: FillRate
    part: str


class Coded(NamedTuple):
    """A value with a code for programs (CSV, as in JSON) and words for people (tables)."""

    code: str
    words: str


class Noted(NamedTuple):
    """A text with an optional caveat: one cell in tables, two columns (KEY, caveat) in CSV."""

    text: str
    caveat: str | None
    caveat_label: str


Cell: TypeAlias = "str | int | float | Quantity | FillRate | Bar | PartFill | Coded | Noted | None"
"""Quoted: ``FillRate`` is the shape of a question's answer (query.py), named here for the type checker only."""


class Column(NamedTuple):
    key: str
    header: str
    kind: Kind = "text"
    show: Show = "both"
    block_header: str | None = None
    """The label where a row is shown as a block, for columns whose table header is blank."""


class Sheet(NamedTuple):
    key: str
    title: str
    columns: tuple[Column, ...]
    rows: list[tuple[Cell, ...]]
    intro: str | None = None
    notes: Sequence[str] = ()


def _columns(lang: Lang, *specs: tuple[str, Kind] | str) -> tuple[Column, ...]:
    columns = []
    for spec in specs:
        if isinstance(spec, str):
            kind: Kind = "date" if spec in _DATE_KEYS else "id" if spec == "id" else "url" if spec == "url" else "text"
            key = spec
        else:
            key, kind = spec
        block_header = say("rank_block", lang) if key == "rank" else None
        columns.append(Column(key, say(key, lang), kind, block_header=block_header))
    return tuple(columns)


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids)


def _with_caveat(main: str, caveat: Text | None, lang: Lang) -> Noted:
    return Noted(main, caveat[lang] if caveat is not None else None, say("caveat", lang))


def text(value: Text | None, lang: Lang) -> str:
    """A fact base text in ``lang``; empty when the fact has none."""
    return value[lang] if value is not None else ""


_CODED: dict[tuple[str, str, str], Coded] = {}


def _coded(code: str, key: str, lang: Lang) -> Coded:
    """A code and its words, made once per run for each code (a timeline asks 100,000 times)."""
    found = _CODED.get((code, key, lang))
    if found is None:
        found = _CODED[(code, key, lang)] = Coded(code, say(key, lang))
    return found


def _joined(lang: Lang, *parts: Text | None) -> str:
    return " ".join(text(part, lang) for part in parts if part is not None)


def _as_of_note(as_of: str, lang: Lang) -> list[str]:
    return [say("as_of", lang, date=as_of)]


# --------------------------------------------------------------------------- commands


def about(result: AboutResult, lang: Lang) -> list[Sheet]:
    names = result["names"]
    dates = result["dates"]
    rows: list[tuple[Cell, ...]] = [
        (say("abbreviation", lang), result["abbreviation"]),
        (say("names", lang), f"{names['en']} / {names['fr']} / {names['nl']}"),
        (say("headquarters", lang), text(result["headquarters"], lang)),
        *((say(key, lang), str(value)) for key, value in dates.items()),
        (say("status", lang), text(result["status"], lang)),
    ]
    for leader in result["leaders"]:
        term = _term(leader, lang)
        rows.append(
            (
                say(f"about.first.{leader['role']}", lang),
                f"{leader['name']} ({text(leader['nationality'], lang)}), {term}",
            )
        )
    rows.append((say("budget_total", lang), say("budget_total_about", lang, line=budget_total(result["budget"], lang))))
    rows += [
        (say("schema_version", lang), result["schema_version"]),
        (say("sources_count", lang), _ids([source["id"] for source in result["sources"]])),
    ]
    return [
        Sheet(
            "about",
            say("about", lang, name=result["abbreviation"]),
            _columns(lang, "field", "value"),
            rows,
            intro=text(result["summary"], lang),
            notes=[say("name_nl_note", lang), *_as_of_note(result["as_of"], lang)],
        )  # fmt: skip
    ]


def _place_names(places: Sequence[Place], lang: Lang) -> dict[str, Coded]:
    """Each place an event names: its id for programs (CSV, as in JSON), its name for people."""
    return {place["id"]: Coded(place["id"], place["name"][lang]) for place in places}


def timeline(result: TimelineResult, lang: Lang) -> list[Sheet]:
    named = _place_names(result["places"], lang)
    categories = {category: _coded(category, f"category_{category}", lang) for category in CATEGORIES}
    label = say("caveat", lang)  # once, not once a row: 100,000 rows at 100,000 events
    joined = ", ".join
    rows: list[tuple[Cell, ...]] = [
        (
            event["id"],
            event["date"],
            categories[event["category"]],
            named.get(event.get("place", "")),
            Noted(event["text"][lang], caveat[lang] if (caveat := event.get("caveat")) is not None else None, label),
            joined(event["sources"]),
        )
        for event in result["events"]
    ]
    notes = [] if rows else [say("no_events", lang)]
    return [
        Sheet(
            "timeline",
            say("timeline", lang),
            (
                Column("id", say("id", lang), "id", show="csv"),
                *_columns(lang, "date", "category", "place", "event", "sources"),
            ),
            rows,
            notes=notes + _as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def troops(result: TroopsResult, lang: Lang) -> list[Sheet]:
    ceiling_rows: list[tuple[Cell, ...]] = [
        (
            row["resolution"],
            row["adopted"],
            row["military"],
            row["police"],
            row["total"],
            say("stated" if row["total_stated"] else "computed", lang),
            text(row["note"], lang),
            _ids(row["sources"]),
        )  # fmt: skip
        for row in result["ceilings"]
    ]
    snapshot_rows: list[tuple[Cell, ...]] = []
    bases: list[str] = []
    for snapshot in result["snapshots"]:
        for claim in snapshot["claims"]:
            bases.append(claim.get("basis", "stated"))
            snapshot_rows.append(
                (
                    snapshot["date"],
                    claim["rank"],
                    _basis(bases[-1], lang),
                    claim.get("military"),
                    claim.get("observers"),
                    claim.get("police"),
                    claim.get("uniformed"),
                    claim.get("civilians"),
                    claim.get("personnel"),
                    _with_caveat(_joined(lang, claim.get("note"), claim.get("reason")), claim.get("caveat"), lang),
                    _ids(claim["sources"]),
                )  # fmt: skip
            )
    return [
        Sheet(
            "ceilings", say("ceilings", lang),
            _columns(
                lang, ("resolution", "number"), "adopted", ("military", "number"), ("police", "number"),
                ("total", "number"), "total_kind", "note", "sources",
            ),
            ceiling_rows,
        ),
        Sheet(
            "snapshots", say("snapshots", lang),
            (
                *_columns(lang, "date", ("rank", "rank")),
                _basis_column(bases, lang),
                *_columns(
                    lang, ("military", "quantity"), ("observers", "quantity"), ("police", "quantity"),
                    ("uniformed", "quantity"), ("civilians", "quantity"), ("personnel", "quantity"), "note", "sources",
                ),
            ),
            snapshot_rows,
            notes=[say("preferred_note", lang)] + _strength_basis_note(bases, lang) + _as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def _basis(code: str, lang: Lang) -> Coded:
    """How a strength figure was got: its code for programs, a short mark for people (none if stated)."""
    return Coded(code, "" if code == "stated" else say(f"basis_mark.{code}", lang))


def _basis_column(bases: Sequence[str], lang: Lang) -> Column:
    """Shown where a row holds an estimate; CSV has it always (one header for every run)."""
    return Column(
        "basis", "", show="both" if any(code != "stated" for code in bases) else "csv", block_header=say("basis", lang)
    )


def _strength_basis_note(bases: Sequence[str], lang: Lang) -> list[str]:
    """The legend of the estimates' marks, in the order of ``Estimate``, for those shown."""
    return [say(f"strength_basis_note.{code}", lang) for code in ("yearly_mean", "unit_sizes") if code in bases]


COUNTED = ("military", "police", "uniformed", "civilians", "personnel")
"""What a deployed figure counts, in the order every view lists them."""


def _limit(kind: str, ceiling: Ceiling3) -> int | None:
    """Like with like: military against the military ceiling, police against the police one,
    uniformed against the total; civilians and all personnel have no ceiling."""
    return {"military": ceiling["military"], "police": ceiling["police"], "uniformed": ceiling["total"]}.get(kind)


def _comparison_rows(rows: Sequence[ComparisonRow], lang: Lang) -> list[tuple[Cell, ...]]:
    """One line per figure a claim holds, each set against the ceiling of its own kind."""
    table: list[tuple[Cell, ...]] = []
    for row in rows:
        ceiling = row["ceiling"]
        for kind in COUNTED:
            quantity: Quantity | None = row["deployed"][kind]  # type: ignore[literal-required]
            if quantity is None:
                continue
            limit = _limit(kind, ceiling)
            rate: FillRate | None = row["fill_rate"][kind] if limit is not None else None  # type: ignore[literal-required]
            table.append(
                (
                    row["snapshot"],
                    row["date"],
                    row["rank"],
                    _basis(row["basis"], lang),
                    _coded(kind, f"counts.{kind}", lang),
                    quantity,
                    limit,
                    ceiling["resolution"] if limit is not None else None,
                    rate,
                    Bar(round(rate["percent"]), 100, 100, width=10) if rate else None,
                    _ids(row["sources"]),
                )  # fmt: skip
            )
    return table


def _comparison_columns(rows: Sequence[ComparisonRow], lang: Lang) -> tuple[Column, ...]:
    return (
        Column("id", say("id", lang), show="csv"),
        *_columns(lang, "date", ("rank", "rank")),
        _basis_column([row["basis"] for row in rows], lang),
        *_columns(lang, "counts", ("deployed", "quantity"), ("ceiling", "number")),
        Column("resolution", say("resolution", lang), "number", show="csv"),
        Column("fill", say("fill", lang), "percent"),
        Column("bar", "", "bar", show="table"),
        Column("sources", say("sources", lang)),
    )


def _comparison_notes(rows: Sequence[ComparisonRow], lang: Lang) -> list[str]:
    notes = [say("preferred_note", lang)] + _strength_basis_note([row["basis"] for row in rows], lang)
    if any(row["deployed"]["civilians"] or row["deployed"]["personnel"] for row in rows):
        notes.append(say("ceiling_note", lang))
    changes = {row["date"]: row["ceiling_changed"] for row in rows if row["ceiling_changed"] is not None}
    notes += [say("ceiling_changed_note", lang, date=date, resolution=number) for date, number in changes.items()]
    return notes


def compare(result: CompareResult, lang: Lang) -> list[Sheet]:
    return [
        Sheet(
            "compare",
            say("compare", lang),
            _comparison_columns(result["comparison"], lang),
            _comparison_rows(result["comparison"], lang),
            notes=(
                _comparison_notes(result["comparison"], lang) if result["comparison"] else [say("compare_none", lang)]
            )
            + _as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def chart(result: CompareResult, lang: Lang) -> list[Sheet]:
    """Preferred claims only: each figure against the ceiling of its own kind.

    Each kind (military, police, uniformed) has its own scale, the highest ceiling of that
    kind, so a bar's length compares like with like down the column.
    """
    picked: list[tuple[ComparisonRow, str, Quantity, int]] = []
    for row in result["comparison"]:
        if row["rank"] != "preferred":
            continue
        for kind in ("military", "police", "uniformed"):
            quantity: Quantity | None = row["deployed"][kind]
            limit = _limit(kind, row["ceiling"])
            if quantity is not None and limit is not None:
                picked.append((row, kind, quantity, limit))
    scales: dict[str, int] = {}
    for _, kind, _, limit in picked:
        scales[kind] = max(scales.get(kind, 1), limit)
    rows: list[tuple[Cell, ...]] = [
        (
            row["date"],
            _basis(row["basis"], lang),
            _coded(kind, f"counts.{kind}", lang),
            quantity,
            limit,
            # a mean over a change of ceiling is a share of neither: no bar, as no fill rate
            Bar(quantity["value"], limit, scales[kind], width=30) if row["ceiling_changed"] is None else None,
        )  # fmt: skip
        for row, kind, quantity, limit in picked
    ]
    picked_rows = [row for row, _, _, _ in picked]
    columns = (
        *_columns(lang, "date"),
        _basis_column([row["basis"] for row in picked_rows], lang),
        *_columns(lang, "counts", ("deployed", "quantity"), ("ceiling", "number")),
        Column("bar", "", "bar", show="table"),
    )
    changes = {row["date"]: row["ceiling_changed"] for row in picked_rows if row["ceiling_changed"] is not None}
    return [
        Sheet(
            "chart",
            say("chart", lang),
            columns,
            rows,
            notes=[say("chart_legend", lang)]
            + _strength_basis_note([row["basis"] for row in picked_rows], lang)
            + [say("ceiling_changed_note", lang, date=date, resolution=number) for date, number in changes.items()]
            + _as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


class Mark(NamedTuple):
    """A deployed figure on a chart."""

    date: str
    value: int
    qualifier: Qualifier
    preferred: bool
    computed: bool
    estimate: bool = False
    """A yearly mean (``basis``), not a figure a source states: drawn with its own look."""


class Series(NamedTuple):
    """One kind on a chart: its ceiling as steps, each from a resolution's adoption, and the
    deployed figures of the same kind. Series with the same ``panel`` share a scale."""

    kind: str
    panel: int
    ceiling_label: str
    deployed_label: str
    steps: list[tuple[str, int]]
    marks: list[Mark]


class MarkKeys(NamedTuple):
    """What the look of a mark says, in words."""

    exact: str
    approximate: str
    other: str
    estimate: str
    """Shown only where a mark is an estimate."""
    span: str
    milestone: str


class Milestone(NamedTuple):
    """A day the mandate changed, drawn as a labelled vertical line across the panels."""

    date: str
    label: str


class ChartSize(StrEnum):
    """Where a chart is shown, which sets its size and the size of its words."""

    standard = "standard"
    article = "article"
    slide = "slide"


class Plot(NamedTuple):
    """A chart in one language: the data and every word an image shows."""

    stem: str
    """The name a file of this chart is given in examples (``troops`` as in ``> troops.svg``)."""
    title: str
    date_label: str
    count_label: str
    series: tuple[Series, ...]
    until: str
    """The date the last ceiling held until (the end of the mandate)."""
    keys: MarkKeys
    source_line: str
    as_of: str
    milestones: tuple[Milestone, ...] = ()
    size: ChartSize = ChartSize.standard


class MapSite(NamedTuple):
    """A site on the map: where, how large its estimate, and its words."""

    name: str
    longitude: float
    latitude: float
    troops: int | None
    countries: str
    leader: str = ""
    """The country with the largest estimate at the site (its code), which the site's colour shows."""


class MapPlot(NamedTuple):
    """A map of Mali with the sites, in one language (``bases --chart``)."""

    stem: str
    title: str
    sites: tuple[MapSite, ...]
    size_label: str
    source_line: str
    as_of: str
    leaders: tuple[tuple[str, str], ...] = ()
    """Each country that has the largest estimate somewhere, with its name: the colour key, in order."""
    leader_label: str = ""
    other_label: str = ""
    region_names: tuple[tuple[str, str], ...] = ()
    """Each region the fact base names, by its English name (the boundary data's), as this language writes
    it; a region the fact base does not name keeps the boundary data's name."""
    size: ChartSize = ChartSize.standard
    empty: str = ""
    """What to say across the map where no site answers the question ("" where some do)."""


def bases_map(
    result: BasesResult, lang: Lang, regions: Mapping[str, Text] | None = None, size: ChartSize = ChartSize.standard
) -> MapPlot:
    """The sites of a ``bases`` result by their coordinates, sized by the largest Geo-PKO estimate;
    ``regions`` (:func:`minusma.query.region_names`) names Mali's regions in the fact base's words."""
    title = say("map.title", lang)
    if result["at"] is not None:  # after the withdrawal, the datasets' rows are the liquidation's
        title = say("map.title_after" if result["after_withdrawal"] else "map.title_at", lang, date=result["at"])
    if result["base"] is not None or result["country"] is not None:
        title = bases(result, lang)[0].title
    sites = tuple(
        MapSite(
            site["name"][lang],
            site["longitude"],
            site["latitude"],
            site["troops"],
            ", ".join(country_names(code)[lang] for code in site["countries"][:2]),
            site["countries"][0] if site["countries"] else "",
        )  # fmt: skip
        for site in result["sites"]
    )
    led: dict[str, int] = {}
    for site in sites:
        if site.leader:
            led[site.leader] = led.get(site.leader, 0) + (site.troops or 0)
    leaders = tuple((code, country_names(code)[lang]) for code in sorted(led, key=lambda code: (-led[code], code)))
    return MapPlot(
        "bases", title, sites, say("map.size", lang), say("map.source", lang), say("as_of", lang, date=result["as_of"]),
        leaders, say("map.leader", lang), say("map.other", lang),
        tuple((english, names[lang]) for english, names in (regions or {}).items()), size,
        "" if sites else say("bases_none", lang),
    )  # fmt: skip


CHARTED = ("military", "uniformed", "police")
"""The kinds a chart draws, each against the ceiling of its own kind; police on its own scale."""


def figure(result: ChartResult, lang: Lang, size: ChartSize = ChartSize.standard) -> Plot:
    """Every claim's figures (the preferred ones stand out) against the ceilings over time."""
    series: list[Series] = []
    cited: set[str] = set()
    for kind in CHARTED:
        marks: list[Mark] = []
        for row in result["comparison"]:
            quantity: Quantity | None = row["deployed"][kind]  # type: ignore[literal-required]
            if quantity is None:
                continue
            marks.append(
                Mark(
                    row["date"],
                    quantity["value"],
                    quantity["qualifier"],
                    row["rank"] == "preferred",
                    "formula" in quantity,
                    row["basis"] != "stated",
                )
            )
            cited.update(row["sources"])
        steps = [
            (
                ceiling["adopted"],
                {"military": ceiling["military"], "police": ceiling["police"]}.get(kind, ceiling["total"]),
            )
            for ceiling in result["ceilings"]
        ]  # like with like, as in :func:`_limit`: uniformed against the total
        series.append(
            Series(
                kind, 1 if kind == "police" else 0, say(f"chart.ceiling.{kind}", lang), say(f"chart.deployed.{kind}", lang),
                steps, marks,
            )
        )  # fmt: skip
    for ceiling in result["ceilings"]:
        cited.update(ceiling["sources"])
    return Plot(
        stem="troops",
        title=say("chart.title", lang),
        date_label=say("date", lang),
        count_label=say("chart.count_axis", lang),
        series=tuple(series),
        until=result["mandate_ended"],
        keys=MarkKeys(*(say(f"chart.key.{key}", lang) for key in MarkKeys._fields)),
        source_line=credit(result["sources"], cited, lang),
        as_of=say("as_of", lang, date=result["as_of"]),
        milestones=milestones(result, lang),
        size=size,
    )


def credit(sources: Sequence[Mapping[str, Any]], cited: set[str], lang: Lang) -> str:
    """A credit fit to print under a chart: the kinds of the sources it cites, how many, and the tool."""
    kinds = {source.get("kind") for source in sources if source["id"] in cited}
    named = [say(f"chart.kind.{kind}", lang) for kind in SOURCE_KINDS if kind in kinds]
    if None in kinds or not named:
        named.append(say("chart.kind.other", lang))
    return say("chart.credit", lang, kinds=Listed(named, "and"), sources=count("count.sources", len(cited), lang))


def milestones(result: ChartResult, lang: Lang) -> tuple[Milestone, ...]:
    """The largest rise of the total ceiling, and the end of the mandate, as the fact base dates them."""
    found: list[Milestone] = []
    rises = [
        (after["total"] - before["total"], after)
        for before, after in itertools.pairwise(result["ceilings"])
        if after["total"] > before["total"]
    ]
    if rises:
        _, raised = max(rises, key=lambda rise: rise[0])  # the first of equal rises
        found.append(
            Milestone(
                raised["adopted"],
                say("chart.raised", lang, resolution=raised["resolution"], total=number(raised["total"], lang)),
            )
        )
    ended = result["ended_by"]
    found.append(
        Milestone(
            result["mandate_ended"],
            say("chart.ended", lang) if ended is None else say("chart.ended_by", lang, resolution=ended),
        )
    )
    return tuple(found)


def _period_rows(periods: Sequence[Period], lang: Lang) -> list[tuple[Cell, ...]]:
    return [
        (
            period["resolution"],
            _coded(period["kind"], f"kind.{period['kind']}", lang),
            period["adopted"],
            period["start"] or "-",
            period["end"] or "-",
            _with_caveat(_joined(lang, period["summary"], period["vote"]), period["caveat"], lang),
            _ids(period["sources"]),
        )  # fmt: skip
        for period in periods
    ]


def mandate(result: MandateResult, lang: Lang) -> list[Sheet]:
    period_columns = _columns(lang, ("resolution", "number"), "kind", "adopted", "start", "end", "summary", "sources")
    return [
        Sheet(
            "mandate", say("mandate", lang), _columns(lang, "field", "value"),
            [
                (say("legal_basis", lang), text(result["legal_basis"], lang)),
                (say("use_of_force", lang), text(result["use_of_force"], lang)),
            ],
        ),
        Sheet(
            "tasks", say("tasks", lang, number=result["tasks_resolution"]),
            _columns(lang, ("id", "number"), "paragraph", "task", "sources"),
            [
                (index, task.get("paragraph", "-"), _with_caveat(text(task["text"], lang), task.get("caveat"), lang), _ids(task["sources"]))
                for index, task in enumerate(result["tasks"], 1)
            ],
        ),
        Sheet("periods", say("periods", lang), period_columns, _period_rows(result["periods"], lang)),
        Sheet(
            "related", say("related", lang), period_columns, _period_rows(result["related"], lang),
            notes=_as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def resolution_mandate(result: ResolutionMandateResult, lang: Lang) -> list[Sheet]:
    """The summary tasks a resolution set, then its tasks by paragraph; where no paragraph-level
    source exists, one sheet that says so. In French a task from the XML shows the Council's own
    French words, marked as official text; English and Dutch show the tool's words."""
    number = result["number"]
    sheets: list[Sheet] = []
    if result["tasks"]:
        sheets.append(
            Sheet(
                "tasks", say("tasks", lang, number=number), _columns(lang, "paragraph", "task", "sources"),
                [
                    (task.get("paragraph", "-"), _with_caveat(text(task["text"], lang), task.get("caveat"), lang), _ids(task["sources"]))
                    for task in result["tasks"]
                ],
            )
        )  # fmt: skip
    coded = result["paragraph_level"]
    if coded is None:
        sheets.append(
            Sheet(
                "paragraphs",
                say("resolution_tasks", lang, number=number),
                (),
                [],
                # a related resolution (2085, AFISMA's) set no MINUSMA mandate: not a gap in the sources
                intro=say(
                    "resolution_tasks.none" if result["kind"] != "related" else "resolution_tasks.related",
                    lang,
                    number=number,
                ),
                notes=_as_of_note(result["as_of"], lang),
            )
        )
        return sheets
    if coded["coding"] == "pema":
        intro = say("resolution_tasks.pema", lang)
    else:
        intro = say("resolution_tasks.xml", lang, record=coded.get("adoption_record", "-"))
    if "vote" in coded:
        intro += " " + text(coded["vote"], lang)
    rows: list[tuple[Cell, ...]] = []
    for task in coded["tasks"]:
        official = task.get("official")
        if lang == "fr" and official is not None:
            words = f"{official['fr']} {say('official_mark', lang)}"
        else:
            words = text(task["text"], lang)
        modality = task.get("modality")
        rows.append(
            (
                ", ".join(task["paragraphs"]),
                _with_caveat(words, task.get("caveat"), lang),
                say(f"modality.{modality}", lang) if modality else "-",
                str(task["carried_from"]) if "carried_from" in task else "-",
            )
        )
    notes = [text(coded["caveat"], lang)] if "caveat" in coded else []
    sheets.append(
        Sheet(
            "paragraphs", say("resolution_tasks", lang, number=number),
            _columns(lang, "paragraphs", "task", "modality", "carried_from"), rows, intro=intro,
            notes=[*notes, *_as_of_note(result["as_of"], lang)],
        )
    )  # fmt: skip
    return sheets


def dutch(result: DutchResult, lang: Lang) -> list[Sheet]:
    named = _place_names(result["places"], lang)
    figure_rows: list[tuple[Cell, ...]] = [
        (
            figure["id"],
            figure.get("date", "-"),
            text(figure["label"], lang),
            claim["rank"],
            claim["value"],
            _joined(lang, claim.get("note"), claim.get("reason")),
            _ids(claim["sources"]),
        )  # fmt: skip
        for figure in result["figures"]
        for claim in figure["claims"]
    ]
    return [
        Sheet("summary", say("dutch_title", lang), (), [], intro=text(result["summary"], lang)),
        Sheet(
            "phases", say("phases", lang), (Column("id", say("id", lang), "id", show="csv"), *_columns(lang, "start", "end", "phase", "text", "sources")),
            [
                (
                    phase["id"], phase["start"], phase.get("end", "-"), text(phase["name"], lang),
                    _with_caveat(text(phase["text"], lang), phase.get("caveat"), lang), _ids(phase["sources"]),
                )
                for phase in result["phases"]
            ],
        ),
        Sheet(
            "figures", say("figures", lang),
            (Column("id", say("id", lang), "id", show="csv"), *_columns(lang, "date", "figure", ("rank", "rank"), ("value", "quantity"), "note", "sources")),
            figure_rows,
        ),
        Sheet(
            "contributions", say("contributions_nl", lang), _contribution_columns(lang, notes=True),
            _contribution_rows(result["contributions"], lang, notes=True), notes=_basis_note(result["contributions"], lang),
        ),
        _where_sheet(
            result["where"], lang, key="where", title=say("dutch_where", lang), note=say("dutch_where_note", lang)
        ),
        Sheet(
            "events", say("dutch_events", lang), (Column("id", say("id", lang), "id", show="csv"), *_columns(lang, "date", "place", "event", "sources")),
            [
                (
                    event["id"], event["date"], named.get(event.get("place", "")),
                    _with_caveat(event["text"][lang], event.get("caveat"), lang), _ids(event["sources"]),
                )
                for event in result["events"]
            ],
            notes=[say("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def _on_maps(estimates: Sequence[MapEstimate], lang: Lang) -> str:
    """A year's UN maps as a range of their estimates: ``~150 to ~750 (4 maps)``."""
    if not estimates:
        return ""
    given = [item["troops"] for item in estimates if item["troops"] is not None]
    maps = count("count.maps", len(estimates), lang)
    if not given:
        return maps
    low, high = min(given), max(given)
    shown = (
        f"~{number(low, lang)}"
        if low == high
        else say("range", lang, low=f"~{number(low, lang)}", high=f"~{number(high, lang)}")
    )
    return f"{shown} ({maps})"


def _where_sheet(where: Sequence[CountrySite], lang: Lang, key: str, title: str, note: str) -> Sheet:
    """Where a country was, year by year, each dataset's estimate in its own column (``dutch`` and
    ``contributors --country``: one rule, one shape, one table)."""
    rows: list[tuple[Cell, ...]] = [
        (
            place["base"], place["year"], place["name"][lang], place["region"][lang],
            _estimate(place["geopko_troops"]), _on_maps(place["map_troops"], lang),
            _estimate(place["radpko_troops"]), _estimate(place["radpko_police"]), _ids(place["sources"]),
        )
        for place in where
    ]  # fmt: skip
    columns = (
        Column("id", say("id", lang), "id", show="csv"),
        Column("year", say("col.year", lang), "date"),
        *(Column(key, say(f"col.{key}", lang)) for key in ("site", "region")),
        Column("geopko_troops", say("col.geopko_troops", lang), "quantity"),
        Column("map_troops", say("col.map_troops", lang)),
        Column("radpko_troops", say("col.radpko_troops", lang), "quantity"),
        Column("radpko_police", say("col.radpko_police", lang), "quantity"),
        Column("sources", say("sources", lang)),
    )
    notes = [note, say("bases_note", lang)] if rows else [say("bases_none", lang)]
    return Sheet(key, title, columns, rows, notes=notes)


def _title(title: str | None, lang: Lang) -> str:
    """A rank in the reader's language where the catalogue has it (``Maj. Gen.`` is ``generaal-majoor``)."""
    if not title:
        return ""
    from minusma.messages import catalogue

    return catalogue(lang).get(f"title.{title}", title)


def _bound(date: str | None, basis: str, lang: Lang) -> str:
    """One end of a term: the date a source states, or the date and where it comes from, or '?'."""
    if date is None:
        return "?"
    return (
        date
        if basis in ("stated", "attested")
        else say(f"term.{basis}", lang, date=Bound(date, "until") if basis == "successor" else date)
    )


def _term(leader: LeaderTerm, lang: Lang) -> str:
    """A term as every command shows it, saying where a bound comes from when no source states it."""
    term = leader["term"]
    return f"{_bound(term['start'], term['start_basis'], lang)} - {_bound(term['end'], term['end_basis'], lang)}"


def leaders(result: LeadersResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            leader["id"],
            _coded(leader["role"], leader["role"], lang),
            f"{_title(leader.get('title'), lang)} {leader['name']}".strip()
            + (f" ({say('acting', lang)})" if leader["acting"] else ""),
            text(leader["nationality"], lang),
            leader.get("appointed", "-"),
            leader.get("start", "-"),
            leader.get("end", "-"),
            _term(leader, lang),
            leader["term"]["start"] or "-",
            leader["term"]["start_basis"],
            leader["term"]["end"] or "-",
            leader["term"]["end_basis"],
            _with_caveat(text(leader.get("note"), lang), leader.get("caveat"), lang),
            _ids(leader["sources"]),
        )  # fmt: skip
        for leader in result["leaders"]
    ]
    return [
        Sheet(
            "leaders",
            say("leaders", lang),
            (
                Column("id", say("id", lang), "id", show="csv"),
                *_columns(lang, "role", "name", "nationality"),
                *(Column(key, say(key, lang), "date", show="csv") for key in ("appointed", "start", "end")),
                Column("term", say("term", lang), "date", show="table"),
                # the term every other format shows, for scripts: its bounds and where each comes from
                # (stated, attested, a predecessor's or successor's date); start and end are the record's
                Column("term_start", say("term_start", lang), "date", show="csv"),
                Column("term_start_basis", say("term_start_basis", lang), show="csv"),
                Column("term_end", say("term_end", lang), "date", show="csv"),
                Column("term_end_basis", say("term_end_basis", lang), show="csv"),
                *_columns(lang, "note", "sources"),
            ),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def _contribution_columns(lang: Lang, notes: bool = False) -> tuple[Column, ...]:
    """``notes``: a Note column, where one country's figures are listed (``dutch``, ``contributors
    --country``) and a figure's note says what it counts ("to stay for the year")."""
    return (
        Column("id", say("id", lang), "id", show="csv"),
        *_columns(
            lang, "country", "date", "basis", ("military", "quantity"), ("police", "quantity"), ("staff", "quantity"),
            ("total", "quantity"), *(("note",) if notes else ()), "sources",
        ),
    )  # fmt: skip


def _contribution_rows(rows: Sequence[ContributorRow], lang: Lang, notes: bool = False) -> list[tuple[Cell, ...]]:
    return [
        (
            row["id"],
            Coded(row["country"], row["names"][lang]),
            row["date"],
            Coded(row["basis"], say(f"basis.{row['basis']}", lang)),  # CSV: the code, as --json and troops' CSV give it
            row.get("military"),
            row.get("police"),
            row.get("staff"),
            row.get("total"),
            *((text(row.get("note"), lang),) if notes else ()),
            _ids(row["sources"]),
        )  # fmt: skip
        for row in rows
    ]


def _basis_note(rows: Sequence[ContributorRow], lang: Lang) -> list[str]:
    """Said wherever a dataset's estimate is shown beside stated figures."""
    return [say("contributors_basis_note", lang)] if any(row["basis"] != "stated" for row in rows) else []


def _named_rows(named: Sequence[CountryNamed], lang: Lang) -> list[tuple[Cell, ...]]:
    """The countries in the order of their names in ``lang`` (accents and case aside: Côte d'Ivoire
    after Chine, before Danemark), not of their codes (Cameroon came after Côte d'Ivoire, as CMR after CIV)."""
    ordered = sorted(named, key=lambda item: (fold(item["names"][lang]), item["country"]))
    return [(Coded(item["country"], item["names"][lang]), item["latest"]) for item in ordered]


def _named_columns(lang: Lang) -> tuple[Column, ...]:
    return (Column("country", say("country", lang)), Column("latest", say("contributors_latest", lang), "date"))


def contributors(result: ContributorsResult, lang: Lang) -> list[Sheet]:
    """The figures, then (on a day) the countries with no recent figure, (for a period) the countries
    with none in it, or (for a country) where it was."""
    extra: list[Sheet] = []
    if result["country"] is not None:
        names = country_names(result["country"])[lang]
        title = say("contributors_country", lang, country=names)
        notes = [say("contributors_country_note", lang)]
        if result["year"] is not None:
            notes.append(say("contributors_year_only_note", lang, year=result["year"]))
        elif result["date_from"] is not None or result["date_to"] is not None:
            notes.append(
                say(
                    "contributors_period_note",
                    lang,
                    start=Bound(result["date_from"] or "…", "from"),
                    end=Bound(result["date_to"] or "…", "to"),
                )
            )
        extra.append(
            _where_sheet(
                result["sites"],
                lang,
                key="sites",
                title=say("contributors_sites", lang, country=names),
                note=say("contributors_sites_note", lang, code=result["country"]),
            )
        )
    elif result["year"] is not None or result["date_from"] is not None or result["date_to"] is not None:
        if result["year"] is not None:
            title = say("contributors_year", lang, year=result["year"])
        else:
            title = say(
                "contributors_period",
                lang,
                start=Bound(result["date_from"] or "…", "from"),
                end=Bound(result["date_to"] or "…", "to"),
            )
        notes = [
            say(
                "contributors_year_note",
                lang,
                countries=count("count.countries", len({row["country"] for row in result["contributors"]}), lang),
            )
        ]
        extra.append(
            Sheet(
                "without",
                say("contributors_without", lang),
                _named_columns(lang),
                _named_rows(result["without"], lang),
                notes=[say("contributors_without_note", lang)],
            )
        )
    else:
        day = result["read_as"]
        title = say("contributors_at", lang, date=day) if day else say("contributors", lang)
        notes = [say("contributors_note", lang)]
        if day is not None and result["window_start"] is not None:
            notes.append(say("contributors_window", lang, date=day, start=result["window_start"]))
        if result["status_text"] is not None:
            notes = [say("contributors_outside", lang, status=result["status_text"])]
        else:
            extra.append(
                Sheet(
                    "no_recent",
                    say("contributors_no_recent", lang),
                    _named_columns(lang),
                    _named_rows(result["no_recent"], lang),
                    notes=[say("contributors_no_recent_note", lang, start=result["window_start"] or "…")],
                )
            )
    one_country = result["country"] is not None
    return [
        Sheet(
            "contributors",
            title,
            _contribution_columns(lang, notes=one_country),
            _contribution_rows(result["contributors"], lang, notes=one_country),
            notes=notes + _basis_note(result["contributors"], lang) + _as_of_note(result["as_of"], lang),
        ),
        *extra,
    ]


def _estimate(value: int | None) -> Quantity | None:
    """A dataset's estimate, shown as approximate wherever it appears (never a headcount)."""
    return Quantity(value=value, qualifier="about") if value is not None else None


def _countries(row: BaseRow, lang: Lang) -> str:
    """Countries by estimated troops, largest first; then police and observers where RADPKO gives them."""

    def listed(given: dict[str, int | None]) -> str:
        order = sorted(given, key=lambda code: (-(given[code] or 0), code))
        return ", ".join(
            country_names(code)[lang]
            if given[code] is None
            else f"{country_names(code)[lang]} ~{number(given[code] or 0, lang)}"
            for code in order
        )

    parts = [listed(dict(row["troops_by_country"]))] if row["troops_by_country"] else []
    for key, label in (("police_by_country", "posts.police"), ("observers_by_country", "posts.observers")):
        given: dict[str, int | None] = dict(row.get(key, {}))  # type: ignore[call-overload]
        if given:
            parts.append(f"{say(label, lang)}: {listed(given)}")
    return "; ".join(parts)


def _posts(row: BaseRow, lang: Lang) -> str:
    words = [say(f"hq.{row['hq']}", lang)] if "hq" in row else []
    words += [say(f"posts.{key}", lang) for key in ("police", "observers") if row.get(f"{key}_present")]
    return ", ".join(words)


def _site_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column("id", say("id", lang), "id", show="csv"),
        *(Column(key, say(f"col.{key}", lang)) for key in ("site", "region")),
        *(Column(key, say(f"col.{key}", lang), "number") for key in ("latitude", "longitude")),
        *(Column(key, say(f"col.{key}", lang), "date") for key in ("first", "last", "closed")),
        Column("troops", say("col.troops", lang), "quantity"),
        Column("countries", say("col.countries", lang).split(" (")[0]),
        Column("sources", say("sources", lang)),
    )


def _row_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column("base", say("id", lang), "id", show="csv"),
        Column("site", say("col.site", lang)),
        Column("date", say("date", lang), "date"),
        Column("dataset", say("col.dataset", lang)),
        Column("map", say("col.map", lang)),
        Column("troops", say("col.troops", lang), "quantity"),
        Column("police", say("police", lang), "quantity"),
        Column("observers", say("observers", lang), "quantity"),
        Column("countries", say("col.countries", lang)),
        Column("units", say("col.units", lang)),
        Column("posts", say("col.posts", lang)),
        Column("sources", say("sources", lang)),
    )


def bases(result: BasesResult, lang: Lang) -> list[Sheet]:
    """The sites, then (for a date, a country or a site) every dataset row they hold."""
    if result["base"] is not None and result["sites"]:
        title = say("bases_base", lang, site=result["sites"][0]["name"][lang])
    elif result["country"] is not None:
        title = say("bases_country", lang, country=country_names(result["country"])[lang])
    elif result["at"] is not None:
        title = say("bases_at", lang, date=result["at"])
    else:
        title = say("bases", lang)
    sites: list[tuple[Cell, ...]] = [
        (
            site["id"],
            site["name"][lang],
            site["region"][lang],
            site["latitude"],
            site["longitude"],
            site["first"],
            site["last"],
            site["closed"]["date"] if site["closed"] is not None else None,
            _estimate(site["troops"]),
            ", ".join(country_names(code)[lang] for code in site["countries"]),
            _ids(site["sources"]),
        )  # fmt: skip
        for site in result["sites"]
    ]
    after = result["after_withdrawal"]
    notes = [say("bases_note", lang), say("bases_sites_note", lang)]
    notes += [say("bases_after_withdrawal", lang, date=after)] if after is not None else []
    if not sites:
        notes = [say("bases_none", lang)]
    sheets = [Sheet("sites", title, _site_columns(lang), sites, notes=notes + _as_of_note(result["as_of"], lang))]
    if result["rows"]:
        rows: list[tuple[Cell, ...]] = [
            (
                row["base"],
                row["name"][lang],
                row["date"],
                _coded(row["dataset"], f"dataset.{row['dataset']}", lang),
                row.get("map"),
                _estimate(row.get("troops")),
                _estimate(row.get("police")),
                _estimate(row.get("observers")),
                _countries(row, lang),
                ", ".join(say(f"unit.{unit}", lang) for unit in row.get("units", [])),
                _posts(row, lang),
                _ids(row["sources"]),
            )  # fmt: skip
            for row in result["rows"]
        ]
        sheets.append(
            Sheet(
                "rows",
                say("bases_rows", lang),
                _row_columns(lang),
                rows,
                notes=[say("bases_note", lang), say("bases_rows_note", lang)]
                + ([say("bases_after_withdrawal", lang, date=after)] if after is not None else []),
            )  # fmt: skip
        )
    return sheets


def errata(result: ErrataResult, lang: Lang) -> list[Sheet]:
    rows = _errata_rows(result["errata"], lang)
    return [
        Sheet(
            "errata",
            say("errata", lang),
            _errata_columns(lang),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def _stated_sheet(result: CasualtiesResult, lang: Lang) -> Sheet:
    """The stated counts, each with its period and source: the sheet ``casualties`` always showed."""
    rows: list[tuple[Cell, ...]] = [
        (
            record["id"],
            Coded(record["country"], country_names(record["country"])[lang])
            if "country" in record
            else _coded("", "whole_mission", lang),
            record["start"],
            record["end"],
            _coded(count["outcome"], count["outcome"], lang),
            _coded(count["cause"], count["cause"], lang),
            count["value"],
            text(record["note"], lang),
            _ids(record["sources"]),
        )  # fmt: skip
        for record in result["casualties"]
        for count in record["counts"]
    ]
    return Sheet(
        "casualties",
        say("casualties", lang),
        (
            Column("id", say("id", lang), "id", show="csv"),
            *_columns(lang, "country", "start", "end", "outcome", "cause", ("value", "quantity"), "note", "sources"),
        ),
        rows,
    )


_GROUP_KEYS: dict[Breakdown, str] = {"year": "year", "country": "country", "cause": "cause", "type": "personnel_type"}
_SERIES_KEYS: dict[Breakdown, str] = {
    "year": "by_year",
    "country": "by_country",
    "cause": "by_cause",
    "type": "by_type",
}


def _group_cell(by: Breakdown, key: str, lang: Lang) -> Cell:
    if by == "year":
        return key
    if by == "country":
        return Coded(key, country_names(key)[lang])
    if by == "cause":
        return _coded(key, key, lang)
    return _coded(key, f"personnel.{key}", lang)


def _series_sheet(series: FatalitySeries, by: Breakdown, lang: Lang) -> Sheet:
    """One breakdown of the UN's records: a row per group, its deaths by cause and in all."""
    rows: list[SeriesRow] = series[_SERIES_KEYS[by]]  # type: ignore[literal-required]
    causes = () if by == "cause" else FATALITY_CAUSES
    cited = _ids(series["sources"])
    return Sheet(
        f"by_{by}",
        say(f"fatalities.by_{by}", lang),
        (
            Column(_GROUP_KEYS[by], say(_GROUP_KEYS[by], lang)),
            *(Column(cause, say(cause, lang), "number") for cause in causes),
            Column("deaths", say("deaths", lang), "number"),
            Column("sources", say("sources", lang), show="csv"),  # the snapshot counted, where no footer reaches
        ),
        [
            (_group_cell(by, row["key"], lang), *(row["causes"][cause] for cause in causes), row["deaths"], cited)
            for row in rows
        ],
    )


def _fatality_rows(records: Sequence[Fatality], lang: Lang) -> list[tuple[Cell, ...]]:
    return [
        (
            record["id"],
            record["date"],
            record["un_id"],
            _coded(record["personnel"], f"personnel.{record['personnel']}", lang),
            _with_caveat(say(record["cause"], lang), record.get("caveat"), lang),
            _coded(record["gender"], f"gender.{record['gender']}", lang),
            _coded("true" if "revised" in record else "false", "yes" if "revised" in record else "no", lang),
            _ids(record["sources"]),
        )  # fmt: skip
        for record in records
    ]


def _verdict(row: Reconciliation, lang: Lang) -> Coded:
    code = {True: "agrees", False: "differs", None: "approximate"}[row["agrees"]]
    return _coded(code, f"verdict.{code}", lang)


def _series_range(row: Reconciliation) -> str:
    low, high = row["series"]["low"], row["series"]["high"]
    return str(low) if low == high else f"{low}-{high}"


def _reconciliation_sheet(rows: Sequence[Reconciliation], lang: Lang) -> Sheet:
    return Sheet(
        "reconciliation",
        say("reconciliation", lang),
        (
            *_columns(lang, "id", "country", "start", "end", "cause"),
            Column("scope", say("scope", lang)),
            Column("stated", say("stated_count", lang), "quantity"),
            Column("series_low", say("un_series", lang), "number", show="csv"),
            Column("series_high", say("un_series", lang), "number", show="csv"),
            Column("series", say("un_series", lang), show="table"),
            Column("verdict", say("verdict", lang)),
            *_columns(lang, "sources"),
        ),
        [
            (
                row["id"],
                Coded(row["country"], country_names(row["country"])[lang])
                if row["country"] is not None
                else _coded("", "whole_mission", lang),
                row["start"],
                row["end"],
                _coded(row["cause"], row["cause"], lang),
                Coded(
                    " ".join(row["personnel"]) if row["personnel"] else "all",
                    ", ".join(say(f"personnel.{kind}", lang) for kind in row["personnel"])
                    if row["personnel"]
                    else say("scope.all", lang),
                ),
                row["stated"],
                row["series"]["low"],
                row["series"]["high"],
                _series_range(row),
                _verdict(row, lang),
                _ids(row["sources"]),
            )  # fmt: skip
            for row in rows
        ],
        notes=[say("reconciliation.reason", lang)],
    )


def _series_notes(result: CasualtiesResult, lang: Lang) -> list[str]:
    series = result["series"]
    notes = []
    if series["total"]:
        notes.append(
            say(
                f"fatalities.total.{LANGS[lang].plural(series['total'])}", lang, count=series["total"],
                sources=", ".join(series["sources"]), day=series["first"] or "…",
                first=Bound(series["first"] or "…", "from"), last=Bound(series["last"] or "…", "to"),
            )
        )  # fmt: skip
    else:
        notes.append(say("fatalities.none", lang))
    if result["read_as"] is not None:
        notes.append(say("fatalities.at", lang, date=result["read_as"]))
    if series["revised"]:
        notes.append(say(f"fatalities.revised.{LANGS[lang].plural(series['revised'])}", lang, count=series["revised"]))
    return notes


def casualties(result: CasualtiesResult, lang: Lang) -> list[Sheet]:
    """The UN's records counted (one breakdown with ``--by``, else all four), the records themselves
    for one country, the stated counts against them, and the stated counts as they are."""
    series = result["series"]
    by = result["by"]
    groups: tuple[Breakdown, ...] = (by,) if by is not None else ("cause", "year", "country", "type")
    sheets = [_series_sheet(series, group, lang) for group in groups]
    sheets[-1] = sheets[-1]._replace(notes=_series_notes(result, lang))
    if by is None:
        if result["country"] is not None:
            names = country_names(result["country"])[lang]
            sheets.append(
                Sheet(
                    "fatalities",
                    say("fatalities.records", lang, country=names),
                    (
                        Column("id", say("id", lang), "id", show="csv"),
                        *_columns(lang, "date", "un_id"),
                        Column("personnel", say("personnel_type", lang)),
                        *_columns(lang, "cause", "gender", "revised", "sources"),
                    ),
                    _fatality_rows(result["fatalities"], lang),
                )
            )
        if result["reconciliation"]:
            sheets.append(_reconciliation_sheet(result["reconciliation"], lang))
        sheets.append(_stated_sheet(result, lang))
    sheets[-1] = sheets[-1]._replace(notes=[*sheets[-1].notes, *_as_of_note(result["as_of"], lang)])
    return sheets


def _chart_scope(result: CasualtyChartResult, title: str, lang: Lang) -> str:
    """``title``, followed by what the chart was asked for (a nationality, a day, a period), so that a
    chart of one country's dead is not taken for the mission's."""
    parts = [country_names(result["country"])[lang]] if result["country"] else []
    if result["at"]:
        parts.append(say("fatalities.scope_at", lang, date=result["at"]))
    if result["date_from"]:
        parts.append(say("fatalities.scope_from", lang, date=result["date_from"]))
    if result["date_to"]:
        parts.append(say("fatalities.scope_to", lang, date=result["date_to"]))
    return say("fatalities.chart_scoped", lang, title=title, scope=", ".join(parts)) if parts else title


def casualty_bars(result: CasualtyChartResult, lang: Lang) -> list[Sheet]:
    """Deaths per year by cause at a terminal: a row per year, its deaths, a bar of them and, as one text
    that wraps, each cause with deaths that year. Five number columns with their headers did not fit 80
    columns: the rows became blocks without bars."""
    rows_in = result["series"]["by_year"]
    scale = max((row["deaths"] for row in rows_in), default=0)
    rows: list[tuple[Cell, ...]] = [
        (
            row["key"],
            row["deaths"],
            Bar(row["deaths"], row["deaths"], scale, width=20),
            ", ".join(
                f"{number(row['causes'][cause], lang)} {say(cause, lang)}"  # a count first: a wrap never orphans it
                for cause in FATALITY_CAUSES
                if row["causes"][cause]
            ),
        )
        for row in rows_in
    ]
    return [
        Sheet(
            "chart",
            _chart_scope(result, say("fatalities.chart", lang), lang),
            (
                Column("year", say("year", lang)),
                Column("deaths", say("deaths", lang), "number"),
                Column("bar", "", "bar", show="table"),
                Column("causes", say("fatalities.causes_column", lang)),
            ),
            rows,
            notes=[
                say("fatalities.chart_legend", lang) if rows else say("fatalities.none", lang),
                *_as_of_note(result["as_of"], lang),
            ],
        )
    ]


class Stack(NamedTuple):
    """One cause on a stacked bar chart: its label and its count in each period."""

    kind: str
    label: str
    values: tuple[int, ...]


class Bars(NamedTuple):
    """A stacked bar chart in one language: periods along the bottom, a stack per kind."""

    stem: str
    title: str
    period_label: str
    count_label: str
    periods: tuple[str, ...]
    stacks: tuple[Stack, ...]
    source_line: str
    as_of: str
    size: ChartSize = ChartSize.standard
    empty: str = ""
    """What to print across the plot when there is no bar (the question matched nothing)."""


def _dataset_credit(result: CasualtyChartResult, lang: Lang) -> str:
    """Who published the records and what they are called, for a credit fit to print (not ids)."""
    by_id = {source["id"]: source for source in result["sources"]}
    cited = [by_id[source_id] for source_id in result["series"]["sources"] if source_id in by_id]
    return "; ".join(f"{source['publisher']}, {source['title']}" for source in cited) or ", ".join(
        result["series"]["sources"]
    )


def casualty_figure(result: CasualtyChartResult, lang: Lang, size: ChartSize = ChartSize.standard) -> Bars:
    rows = result["series"]["by_year"]
    stacks = tuple(
        Stack(cause, say(cause, lang), tuple(row["causes"][cause] for row in rows)) for cause in FATALITY_CAUSES
    )
    credit = _dataset_credit(result, lang)
    return Bars(
        stem="casualties",
        title=_chart_scope(result, say("fatalities.chart_title", lang), lang),
        period_label=say("year", lang),
        count_label=say("fatalities.count_axis", lang),
        periods=tuple(row["key"] for row in rows),
        stacks=stacks,
        source_line=say("fatalities.chart_sources", lang, sources=credit)
        if credit
        else say("fatalities.chart_sources_none", lang),
        as_of=say("as_of", lang, date=result["as_of"]),
        size=size,
        empty="" if rows else say("fatalities.none", lang),
    )


def _source_kind(source: Source, lang: Lang) -> Coded | None:
    kind = source.get("kind")
    return _coded(kind, f"source_kind.{kind}", lang) if kind is not None else None


def sources(result: SourcesResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            item["id"],
            item["title"],
            item["publisher"],
            item["language"],
            item["cited_by"],
            item["url"],
            _source_kind(item, lang),
            item.get("published"),
            item.get("symbol"),
        )  # fmt: skip
        for item in result["sources"]
    ]
    return [
        Sheet(
            "sources",
            say("sources", lang),
            (
                *_columns(lang, "id", "title", "publisher", "language", ("cited_by", "number"), "url"),
                Column("kind", say("kind", lang), show="csv"),
                Column("published", say("published", lang), "date", show="csv"),
                Column("symbol", say("symbol", lang), show="csv"),
            ),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def source_details(record: Source, lang: Lang) -> list[tuple[Cell, ...]]:
    """A source's fields as label-value rows; kind, date and UN symbol where known."""
    kind = _source_kind(record, lang)
    found: list[tuple[str, str | None]] = [
        ("id", record["id"]), ("title", record["title"]), ("publisher", record["publisher"]),
        ("kind", kind.words if kind is not None else None), ("published", record.get("published")),
        ("symbol", record.get("symbol")), ("url", record["url"]), ("language", record["language"]),
    ]  # fmt: skip
    return [(say(key, lang), value) for key, value in found if value is not None]


def source(result: SourceResult, lang: Lang) -> list[Sheet]:
    record = result["source"]
    details = [*source_details(record, lang), (say("cited_by", lang), str(record["cited_by"]))]
    facts: list[tuple[Cell, ...]] = [
        (_coded(fact["kind"], f"kind.{fact['kind']}", lang), fact["id"], fact["date"] or "-", text(fact["text"], lang))
        for fact in result["facts"]
    ]
    return [
        Sheet("source", say("sources", lang), _columns(lang, "field", "value"), details),
        Sheet(
            "facts",
            say("cited_by_facts", lang, id=record["id"]),
            _columns(lang, "kind", "id", "date", "text"),
            facts,
        ),
    ]


def _errata_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        Column("id", say("id", lang), "id", show="csv"),
        *_columns(lang, "subject", "claimed", "claimed_in", "corrected", "sources"),
    )


def _errata_rows(errata: Sequence[Erratum], lang: Lang) -> list[tuple[Cell, ...]]:
    return [
        (
            erratum["id"],
            text(erratum["subject"], lang),
            text(erratum["claimed"], lang),
            _ids(erratum["claimed_in"]),
            text(erratum["corrected"], lang),
            _ids(erratum["sources"]),
        )  # fmt: skip
        for erratum in errata
    ]


_CODED_FIELDS = {
    "category": "category_{}", "role": "{}", "rank": "{}", "outcome": "{}", "cause": "{}",
    "personnel": "personnel.{}", "gender": "gender.{}",
}  # fmt: skip


def _field(key: str, value: Any, lang: Lang, source: bool, path: str = "") -> Cell:
    """A field's value for people (words, numbers grouped) and its code for CSV; ``path`` tells a
    budget figure's ``kind`` (approved, expenditure) from a record's (renewal, related)."""
    if isinstance(value, bool):
        return Coded("true" if value else "false", say("yes" if value else "no", lang))
    if isinstance(value, int):  # a resolution's number is a name, not a count
        return Coded(str(value), str(value) if key in ("number", "row") else number(value, lang))
    if key == "kind":
        prefix = "source_kind" if source else "budget_kind" if path.startswith("figures[") else "kind"
        return Coded(value, say(f"{prefix}.{value}", lang))
    if key in _CODED_FIELDS:
        return Coded(value, say(_CODED_FIELDS[key].format(value), lang))
    return str(value)


def flatten(value: Any, lang: Lang, source: bool, path: str = "") -> Iterator[tuple[str, Cell, str | None]]:
    """Every field of a record as (JSON path, value, qualifier), nested records and lists included;
    a text in ``lang``, a count with its qualifier, a list of ids on one line."""
    key = path.rsplit(".", 1)[-1].split("[")[0]
    if isinstance(value, dict):
        if set(value) == set(LANGS):
            yield path, value[lang], None
        elif set(value) == {"value", "qualifier"}:
            words = say(f"qualifier.{value['qualifier']}", lang, n=number(value["value"], lang))
            yield path, Coded(str(value["value"]), words), value["qualifier"]
        else:
            for name, item in value.items():
                yield from flatten(item, lang, source, f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            yield path, _ids(value), None
        else:
            for index, item in enumerate(value):
                yield from flatten(item, lang, source, f"{path}[{index}]")
    else:
        yield path, _field(key, value, lang, source, path), None


def show(result: ShowResult, lang: Lang) -> list[Sheet]:
    source = result["kind"] == "source"
    kind = say(f"kind.{result['kind']}", lang)
    rows: list[tuple[Cell, ...]] = [
        (path, value, qualifier) for path, value, qualifier in flatten(result["record"], lang, source)
    ]
    sheets = [
        Sheet(
            "record",
            say("show", lang, id=result["id"], kind=kind),
            (*_columns(lang, "field", "value"), Column("qualifier", say("qualifier", lang), show="csv")),
            rows,
            intro=say("show_path", lang, path=result["path"]),
        )
    ]
    if not source:
        sheets.append(
            Sheet(
                "sources",
                say("sources", lang),
                (
                    *_columns(lang, "id", "title", "publisher", "published", "url"),
                    Column("kind", say("kind", lang), show="csv"),
                    Column("symbol", say("symbol", lang), show="csv"),
                    Column("language", say("language", lang), show="csv"),
                ),
                [
                    (
                        item["id"],
                        item["title"],
                        item["publisher"],
                        item.get("published", "-"),
                        item["url"],
                        _source_kind(item, lang),
                        item.get("symbol"),
                        item["language"],
                    )  # fmt: skip
                    for item in result["sources"]
                ],
            )
        )
    notes = [] if result["errata"] else [say("show_no_errata", lang, id=result["id"])]
    if result["errata"]:
        sheets.append(
            Sheet(
                "errata",
                say("errata", lang),
                _errata_columns(lang),
                _errata_rows(result["errata"], lang),
            )
        )
    sheets[-1] = sheets[-1]._replace(notes=[*notes, *_as_of_note(result["as_of"], lang)])
    return sheets


def search(result: SearchResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            hit["score"],
            _coded(hit["kind"], f"kind.{hit['kind']}", lang),
            hit["id"],
            hit["date"] or "-",
            text(hit["text"], lang),
            _ids(hit["sources"]),
        )  # fmt: skip
        for hit in result["hits"]
    ]
    query = " ".join(result["query"].split())  # as the search read it: a newline in it would forge a line
    notes = [] if rows else [say("no_hits", lang, query=query)]
    return [
        Sheet(
            "search",
            say("search", lang, query=query),
            _columns(lang, ("score", "number"), "kind", "id", "date", "text", "sources"),
            rows,
            notes=notes,
        )  # fmt: skip
    ]


def at(result: AtResult, lang: Lang) -> list[Sheet]:
    intro = text(result["status_text"], lang)
    if "read_as" in result:
        intro += "\n" + say("read_as", lang, given=result["date"], date=result["read_as"])
    day = result.get("read_as", result["date"])
    sheets = [
        Sheet(
            "status",
            say("at", lang, name=result["mission"], date=day),
            _columns(lang, "field", "value"),
            [],
            intro=intro,
        )
    ]
    fields: list[tuple[Cell, ...]] = []
    period = result["mandate"]
    if period is not None:
        fields.append(
            (
                say("in_force", lang),
                f"{period['resolution']}: {period['start'] or '?'} - {period['end'] or '?'}",
                _ids(period["sources"]),
            )
        )
    ceiling = result["ceiling"]
    if ceiling is not None:
        fields.append(
            (
                say("ceiling", lang),
                f"{ceiling['resolution']}: {number(ceiling['military'], lang)} + "
                f"{number(ceiling['police'], lang)} = {number(ceiling['total'], lang)}",
                _ids(ceiling["sources"]),
            )
        )
    if fields:
        sheets.append(Sheet("mandate", say("mandate", lang), _columns(lang, "field", "value", "sources"), fields))
    if result["strength"]:
        sheets.append(
            Sheet(
                "strength",
                say("strength_at", lang, date=day),
                _comparison_columns(result["strength"], lang),
                _comparison_rows(result["strength"], lang),
                notes=_comparison_notes(result["strength"], lang),
            )  # fmt: skip
        )
    if result["leaders"]:
        leader_rows: list[tuple[Cell, ...]] = [
            (
                _coded(item["leader"]["role"], item["leader"]["role"], lang),
                item["leader"]["name"] + (f" ({say('acting', lang)})" if item["leader"]["acting"] else ""),
                _term(item["leader"], lang),
                say("yes", lang) if item["certain"] else f"{say('at.possibly', lang)}: {text(item['why'], lang)}",
                _ids(item["leader"]["sources"]),
            )
            for item in result["leaders"]
        ]
        sheets.append(
            Sheet(
                "leaders",
                say("leaders_in_office", lang),
                (
                    *_columns(lang, "role", "name", "term"),
                    Column("certain", say("at.in_office", lang)),
                    *_columns(lang, "sources"),
                ),
                leader_rows,
            )  # fmt: skip
        )
    if result["netherlands"]:
        sheets.append(
            Sheet(
                "netherlands",
                say("dutch_at", lang),
                _columns(lang, "start", "end", "phase", "sources"),
                [
                    (phase["start"], phase.get("end", "-"), text(phase["name"], lang), _ids(phase["sources"]))
                    for phase in result["netherlands"]
                ],
            )  # fmt: skip
        )
    if result["contributors"]:
        sheets.append(
            Sheet(
                "contributors",
                say("contributors_top", lang),
                _contribution_columns(lang),
                _contribution_rows(result["contributors"], lang),
                notes=[say("contributors_more", lang, date=day)],
            )  # fmt: skip
        )
    if result["sites"]:
        sheets.append(
            Sheet(
                "sites",
                say("at.sites", lang),
                (
                    Column("id", say("id", lang), "id", show="csv"),
                    *(Column(key, say(f"col.{key}", lang)) for key in ("site", "region")),
                    Column("countries", say("col.countries", lang).split(" (")[0]),
                    Column("sources", say("sources", lang)),
                ),
                [
                    (
                        site["id"],
                        site["name"][lang],
                        site["region"][lang],
                        ", ".join(country_names(code)[lang] for code in site["countries"]),
                        _ids(site["sources"]),
                    )
                    for site in result["sites"]
                ],
                notes=[
                    say("at.sites_note", lang, date=day),
                    *([say("at.sites_after_withdrawal", lang)] if result["status"] == "liquidation" else []),
                ],
            )  # fmt: skip
        )
    if result["events"]:
        named = _place_names(result["places"], lang)
        sheets.append(
            Sheet(
                "events",
                say("events_month", lang),
                _columns(lang, "date", "place", "event", "sources"),
                [
                    (
                        event["date"],
                        named.get(event.get("place", "")),
                        _with_caveat(event["text"][lang], event.get("caveat"), lang),
                        _ids(event["sources"]),
                    )
                    for event in result["events"]
                ],
            )  # fmt: skip
        )
    extra = [text(note, lang) for note in result["notes"]] + _as_of_note(result["as_of"], lang)
    sheets[-1] = sheets[-1]._replace(notes=[*sheets[-1].notes, *extra])
    return sheets


def validation(result: ValidationResult, lang: Lang) -> list[Sheet]:
    file, errors, warnings = result["file"], result["errors"], result["warnings"]
    counted = {"warnings": count("count.warnings", warnings, lang)}
    title = (
        say("validate_bad", lang, file=file, errors=count("count.errors", errors, lang), **counted)
        if errors
        else say("validate_ok", lang, file=file, **counted)
    )
    rows: list[tuple[Cell, ...]] = [
        (_coded(problem["severity"], problem["severity"], lang), problem["path"], problem["line"], problem["message"])
        for problem in result["problems"]
    ]
    columns = (
        *_columns(lang, "severity", ("path", "id")),  # a path is copied whole: never folded
        Column("line", say("line", lang), "number"),
        Column("message", say("message", lang)),
    )
    return [Sheet("validate", title, columns, rows)]


# --------------------------------------------------------------------------- budget


def _dollars(amount: Any, lang: Lang) -> str:
    """An amount in words: ``about US$602,000,000``."""
    return say(f"qualifier.{amount['qualifier']}", lang, n=say("usd", lang, n=number(amount["value"], lang)))


def budget_total(total: BudgetTotal, lang: Lang) -> str:
    """The line ``about`` shows: the approved amounts added, and how many fiscal years have one."""
    if total["fiscal_years"] == 0:  # a period outside the mission's years: no "any of the 0"
        return say("budget_total_no_year", lang)
    if total["approved"] is None:
        if total["fiscal_years"] == 1:  # not "any of the 1"
            return say("budget_total_none_single", lang)
        return say("budget_total_none", lang, of=total["fiscal_years"])
    if total["fiscal_years"] == 1:  # not "1 of the 1 fiscal years (2023/24 to 2023/24)"
        key = "budget_total_line.single"
    elif total["years_with_amount"] > 1 and total["approved"]["qualifier"] in LOWER_BOUNDS:
        key = "budget_total_line.bound"  # a sum with a year known only from below (query.added)
    else:
        key = f"budget_total_line.{LANGS[lang].plural(total['years_with_amount'])}"  # one amount is no sum
    return say(
        key, lang, amount=_dollars(total["approved"], lang), years=total["years_with_amount"],
        of=total["fiscal_years"], first=total["first"], last=total["last"],
    )  # fmt: skip


def _fiscal_year(year: BudgetYear, lang: Lang) -> Coded:
    """``2024/25``, shown as ``2024/25 (liquidation)`` for a year of the liquidation."""
    label = year["fiscal_year"]
    return (
        Coded(label, say("budget_liquidation_year", lang, year=label)) if year["liquidation"] else Coded(label, label)
    )


def budget(result: BudgetResult, lang: Lang) -> list[Sheet]:
    """Two sheets: a line per fiscal year (approved, spent, share), and every figure with what it is."""
    year_rows: list[tuple[Cell, ...]] = [
        (
            _fiscal_year(year, lang),
            year["start"],
            year["end"],
            cast(Quantity | None, year["approved"]),
            cast(Quantity | None, year["expenditure"]),
            year["spent"],
            Coded(  # the count for programs (CSV), words for people (tables, documents, workbooks)
                str(len(year["figures"])),
                count("budget_found", len(year["figures"]), lang) if year["figures"] else say("budget_none", lang),
            ),
            "true" if year["liquidation"] else "false",  # CSV only: tables say "(liquidation)" by the year
        )
        for year in result["years"]
    ]
    figure_rows: list[tuple[Cell, ...]] = [
        (
            _fiscal_year(year, lang),
            _coded(figure["kind"], f"budget_kind.{figure['kind']}", lang),
            figure["rank"],
            cast(Quantity, figure["amount"]),
            _with_caveat(_joined(lang, figure["what"], figure.get("reason")), figure.get("caveat"), lang),
            _ids(figure["sources"]),
        )
        for year in result["years"]
        for figure in year["figures"]
    ]
    notes = [budget_total(result["total"], lang), say("budget_note", lang)]
    if any(year["liquidation"] for year in result["years"]):
        notes.append(say("budget_liquidation_note", lang))
    return [
        Sheet(
            "budget_years", say("budget_years", lang),
            (
                Column("fiscal_year", say("fiscal_year", lang)),
                *_columns(lang, "start", "end", ("approved", "quantity"), ("expenditure", "quantity"), ("spent", "percent")),
                Column("found", say("budget_figures", lang)),
                Column("liquidation", say("budget_liquidation", lang), show="csv"),
            ),
            year_rows, notes=notes,
        ),
        Sheet(
            "budget_figures", say("budget_figures_title", lang),
            (
                Column("fiscal_year", say("fiscal_year", lang)),
                *_columns(lang, "kind", ("rank", "rank"), ("amount", "quantity"), "what", "sources"),
            ),
            figure_rows, notes=[*([say("preferred_note", lang)] if figure_rows else []), *_as_of_note(result["as_of"], lang)],
        ),
    ]  # fmt: skip
