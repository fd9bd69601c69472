"""Query results laid out as sheets: titled tables of typed cells, in one language.

A sheet is what both people and spreadsheets see: ``render.py`` draws it as a Rich
table (formatting numbers, quantities and bars), and ``--csv`` writes its raw cells.
No typer, no rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from minusma.messages import Lang, count, number, say
from minusma.model import Quantity, Text
from minusma.results import (
    AboutResult,
    AtResult,
    CasualtiesResult,
    CompareResult,
    ComparisonRow,
    DutchResult,
    ErrataResult,
    FillRate,
    LeadersResult,
    LeaderTerm,
    MandateResult,
    Period,
    SearchResult,
    SourceResult,
    SourcesResult,
    TimelineResult,
    TroopsResult,
    ValidationResult,
)

Kind = Literal["text", "date", "number", "quantity", "percent", "bar", "rank"]
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


Cell = str | int | Quantity | FillRate | Bar | PartFill | Coded | Noted | None


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
            kind: Kind = "date" if spec in _DATE_KEYS else "text"
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


def _coded(code: str, key: str, lang: Lang) -> Coded:
    return Coded(code, say(key, lang))


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
        rows.append((say(leader["role"], lang), f"{leader['name']} ({text(leader['nationality'], lang)}), {term}"))
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
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def timeline(result: TimelineResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            event["date"],
            _coded(event["category"], f"category_{event['category']}", lang),
            _with_caveat(event["text"][lang], event.get("caveat"), lang),
            _ids(event["sources"]),
        )
        for event in result["events"]
    ]
    notes = [] if rows else [say("no_events", lang)]
    return [
        Sheet(
            "timeline",
            say("timeline", lang),
            _columns(lang, "date", "category", "event", "sources"),
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
    for snapshot in result["snapshots"]:
        for claim in snapshot["claims"]:
            snapshot_rows.append(
                (
                    snapshot["date"],
                    claim["rank"],
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
            _columns(
                lang, "date", ("rank", "rank"), ("military", "quantity"), ("observers", "quantity"), ("police", "quantity"),
                ("uniformed", "quantity"), ("civilians", "quantity"), ("personnel", "quantity"), "note", "sources",
            ),
            snapshot_rows, notes=[say("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def _comparison_rows(rows: Sequence[ComparisonRow], lang: Lang) -> list[tuple[Cell, ...]]:
    scale = 100
    table: list[tuple[Cell, ...]] = []
    for row in rows:
        counts, rates, ceiling = row["deployed"], row["fill_rate"], row["ceiling"]
        part = next((key for key in ("uniformed", "military", "police") if rates[key] is not None), None)
        rate: FillRate | None = rates[part] if part else None  # type: ignore[literal-required]
        fill: Cell = None
        if rate is not None and part is not None:
            fill = rate if part == "uniformed" else PartFill(rate, say(part, lang).lower())
        bar = Bar(round(rate["percent"]), 100, scale, width=10) if rate else None
        table.append(
            (
                row["date"],
                row["rank"],
                counts["military"],
                counts["police"],
                counts["uniformed"],
                ceiling["resolution"],
                ceiling["total"],
                fill,
                bar,
                rates["military"],
                rates["police"],
                rates["uniformed"],
                _ids(row["sources"]),
            )  # fmt: skip
        )
    return table


def _comparison_columns(lang: Lang) -> tuple[Column, ...]:
    return (
        *_columns(
            lang, "date", ("rank", "rank"), ("military", "quantity"), ("police", "quantity"), ("uniformed", "quantity")
        ),
        Column("resolution", say("resolution", lang), "number", show="csv"),
        Column("ceiling", say("ceiling", lang), "number"),
        Column("fill", say("fill", lang), "percent", show="table"),
        Column("bar", "", "bar", show="table"),
        Column("fill_military", f"{say('fill', lang)} {say('military', lang).lower()}", "percent", show="csv"),
        Column("fill_police", f"{say('fill', lang)} {say('police', lang).lower()}", "percent", show="csv"),
        Column("fill_uniformed", f"{say('fill', lang)} {say('uniformed', lang).lower()}", "percent", show="csv"),
        Column("sources", say("sources", lang), show="csv"),
    )


def compare(result: CompareResult, lang: Lang) -> list[Sheet]:
    return [
        Sheet(
            "compare",
            say("compare", lang),
            _comparison_columns(lang),
            _comparison_rows(result["comparison"], lang),
            notes=[say("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def chart(result: CompareResult, lang: Lang) -> list[Sheet]:
    """Preferred claims only: deployed against the ceiling of the same kind.

    Each kind (uniformed, military, police) has its own scale, the highest ceiling
    of that kind, so a bar's length compares like with like down the column.
    """
    picked: list[tuple[ComparisonRow, str, Quantity, int]] = []
    for row in result["comparison"]:
        if row["rank"] != "preferred":
            continue
        counts, ceiling = row["deployed"], row["ceiling"]
        limits = {"uniformed": ceiling["total"], "military": ceiling["military"], "police": ceiling["police"]}
        for part, limit in limits.items():
            quantity = counts[part]  # type: ignore[literal-required]
            if quantity is not None:
                picked.append((row, part, quantity, limit))
                break
    scales: dict[str, int] = {}
    for _, part, _, limit in picked:
        scales[part] = max(scales.get(part, 1), limit)
    rows: list[tuple[Cell, ...]] = [
        (row["date"], say(part, lang), quantity, limit, Bar(quantity["value"], limit, scales[part], width=30))
        for row, part, quantity, limit in picked
    ]
    columns = (
        *_columns(lang, "date", "kind", ("value", "quantity"), ("ceiling", "number")),
        Column("bar", "", "bar", show="table"),
    )
    return [
        Sheet(
            "chart",
            say("chart", lang),
            columns,
            rows,
            notes=[say("chart_legend", lang)] + _as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def _period_rows(periods: Sequence[Period], lang: Lang) -> list[tuple[Cell, ...]]:
    return [
        (
            period["resolution"],
            _coded(period["kind"], period["kind"], lang),
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
            _columns(lang, ("id", "number"), "task", "sources"),
            [(index, text(task["text"], lang), _ids(task["sources"])) for index, task in enumerate(result["tasks"], 1)],
        ),
        Sheet("periods", say("periods", lang), period_columns, _period_rows(result["periods"], lang)),
        Sheet(
            "related", say("related", lang), period_columns, _period_rows(result["related"], lang),
            notes=_as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def dutch(result: DutchResult, lang: Lang) -> list[Sheet]:
    figure_rows: list[tuple[Cell, ...]] = [
        (
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
            "phases", say("phases", lang), _columns(lang, "start", "end", "phase", "text", "sources"),
            [
                (
                    phase["start"], phase.get("end", "-"), text(phase["name"], lang),
                    _with_caveat(text(phase["text"], lang), phase.get("caveat"), lang), _ids(phase["sources"]),
                )
                for phase in result["phases"]
            ],
        ),
        Sheet(
            "figures", say("figures", lang),
            _columns(lang, "date", "figure", ("rank", "rank"), ("value", "quantity"), "note", "sources"), figure_rows,
        ),
        Sheet(
            "events", say("dutch_events", lang), _columns(lang, "date", "event", "sources"),
            [
                (event["date"], _with_caveat(event["text"][lang], event.get("caveat"), lang), _ids(event["sources"]))
                for event in result["events"]
            ],
            notes=[say("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def _term(leader: LeaderTerm, lang: Lang) -> str:
    """A term as every command shows it, saying where a bound comes from when no source states it."""
    term = leader["term"]
    start, end = term["start"], term["end"]
    start_words = (
        "?"
        if start is None
        else start
        if term["start_basis"] in ("stated", "attested")
        else say(f"term.{term['start_basis']}", lang, date=start)
    )
    end_words = (
        "?"
        if end is None
        else end
        if term["end_basis"] in ("stated", "attested")
        else say(f"term.{term['end_basis']}", lang, date=end)
    )
    return f"{start_words} - {end_words}"


def leaders(result: LeadersResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            _coded(leader["role"], leader["role"], lang),
            f"{leader.get('title', '')} {leader['name']}".strip()
            + (f" ({say('acting', lang)})" if leader["acting"] else ""),
            text(leader["nationality"], lang),
            leader.get("appointed", "-"),
            leader.get("start", "-"),
            leader.get("end", "-"),
            _term(leader, lang),
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
                *_columns(lang, "role", "name", "nationality"),
                *(Column(key, say(key, lang), "date", show="csv") for key in ("appointed", "start", "end")),
                Column("term", say("term", lang), "date", show="table"),
                *_columns(lang, "note", "sources"),
            ),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def errata(result: ErrataResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            text(erratum["subject"], lang),
            f"{text(erratum['claimed'], lang)} ({_ids(erratum['claimed_in'])})",
            text(erratum["corrected"], lang),
            _ids(erratum["sources"]),
        )  # fmt: skip
        for erratum in result["errata"]
    ]
    return [
        Sheet(
            "errata",
            say("errata", lang),
            _columns(lang, "subject", "claimed", "corrected", "sources"),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def casualties(result: CasualtiesResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
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
    return [
        Sheet(
            "casualties",
            say("casualties", lang),
            _columns(lang, "start", "end", "outcome", "cause", ("value", "quantity"), "note", "sources"),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def sources(result: SourcesResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (item["id"], item["title"], item["publisher"], item["language"], item["cited_by"], item["url"])
        for item in result["sources"]
    ]
    return [
        Sheet(
            "sources",
            say("sources", lang),
            _columns(lang, "id", "title", "publisher", "language", ("cited_by", "number"), "url"),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def source(result: SourceResult, lang: Lang) -> list[Sheet]:
    record = result["source"]
    details: list[tuple[Cell, ...]] = [
        (say(key, lang), str(record[key])) for key in ("id", "title", "publisher", "url", "language", "cited_by")
    ]
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
    sheets = [
        Sheet(
            "status",
            say("at", lang, name=result["mission"], date=result["date"]),
            _columns(lang, "field", "value"),
            [],
            intro=intro,
        )
    ]
    fields: list[tuple[Cell, ...]] = []
    period = result["mandate"]
    if period is not None:
        fields.append(
            (say("in_force", lang), f"{period['resolution']}: {period['start'] or '?'} - {period['end'] or '?'}")
        )
    ceiling = result["ceiling"]
    if ceiling is not None:
        fields.append(
            (
                say("ceiling", lang),
                f"{ceiling['resolution']}: {number(ceiling['military'], lang)} + "
                f"{number(ceiling['police'], lang)} = {number(ceiling['total'], lang)}",
            )
        )
    if fields:
        sheets.append(Sheet("mandate", say("mandate", lang), _columns(lang, "field", "value"), fields))
    if result["strength"]:
        sheets.append(
            Sheet(
                "strength",
                say("strength_at", lang, date=result["date"]),
                _comparison_columns(lang),
                _comparison_rows(result["strength"], lang),
            )  # fmt: skip
        )
    if result["leaders"]:
        leader_rows: list[tuple[Cell, ...]] = [
            (
                _coded(item["leader"]["role"], item["leader"]["role"], lang),
                item["leader"]["name"] + (f" ({say('acting', lang)})" if item["leader"]["acting"] else ""),
                _term(item["leader"], lang),
                say("yes", lang) if item["certain"] else f"{say('uncertain', lang)}: {text(item['why'], lang)}",
            )
            for item in result["leaders"]
        ]
        sheets.append(
            Sheet(
                "leaders",
                say("leaders_in_office", lang),
                (*_columns(lang, "role", "name", "term"), Column("certain", say("status", lang))),
                leader_rows,
            )  # fmt: skip
        )
    if result["netherlands"]:
        sheets.append(
            Sheet(
                "netherlands",
                say("dutch_at", lang),
                _columns(lang, "start", "end", "phase"),
                [(phase["start"], phase.get("end", "-"), text(phase["name"], lang)) for phase in result["netherlands"]],
            )  # fmt: skip
        )
    if result["events"]:
        sheets.append(
            Sheet(
                "events",
                say("events_month", lang),
                _columns(lang, "date", "event"),
                [
                    (event["date"], _with_caveat(event["text"][lang], event.get("caveat"), lang))
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
        *_columns(lang, "severity", "path"),
        Column("line", say("line", lang), "number"),
        Column("message", say("message", lang)),
    )
    return [Sheet("validate", title, columns, rows)]
