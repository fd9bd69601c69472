"""Query results laid out as sheets: titled tables of typed cells, in one language.

A sheet is what both people and spreadsheets see: ``render.py`` draws it as a Rich
table (formatting numbers, quantities and bars), and ``--csv`` writes its raw cells.
No typer, no rich.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from minusma import labels
from minusma.labels import label, text
from minusma.model import Lang, Quantity, Text
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


Cell = str | int | Quantity | FillRate | Bar | PartFill | None


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
        block_header = label("rank_block", lang) if key == "rank" else None
        columns.append(Column(key, label(key, lang), kind, block_header=block_header))
    return tuple(columns)


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids)


def _with_caveat(main: str, caveat: Text | None, lang: Lang) -> str:
    if caveat is None:
        return main
    return f"{main} [{label('caveat', lang)}: {caveat[lang]}]"


def _joined(lang: Lang, *parts: Text | None) -> str:
    return " ".join(text(part, lang) for part in parts if part is not None)


def _as_of_note(as_of: str, lang: Lang) -> list[str]:
    return [label("as_of", lang, date=as_of)]


# --------------------------------------------------------------------------- commands


def about(result: AboutResult, lang: Lang) -> list[Sheet]:
    names = result["names"]
    dates = result["dates"]
    rows: list[tuple[Cell, ...]] = [
        (label("abbreviation", lang), result["abbreviation"]),
        (label("names", lang), f"{names['en']} / {names['fr']} / {names['nl']}"),
        (label("headquarters", lang), text(result["headquarters"], lang)),
        *((label(key, lang), str(value)) for key, value in dates.items()),
        (label("status", lang), text(result["status"], lang)),
    ]
    for leader in result["leaders"]:
        term = f"{leader.get('start') or leader.get('appointed') or '?'} - {leader.get('end') or '?'}"
        rows.append((label(leader["role"], lang), f"{leader['name']} ({text(leader['nationality'], lang)}), {term}"))
    rows += [
        (label("schema_version", lang), result["schema_version"]),
        (label("sources_count", lang), _ids([source["id"] for source in result["sources"]])),
    ]
    return [
        Sheet(
            "about",
            label("about", lang, name=result["abbreviation"]),
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
            label(f"category_{event['category']}", lang),
            _with_caveat(event["text"][lang], event.get("caveat"), lang),
            _ids(event["sources"]),
        )
        for event in result["events"]
    ]
    notes = [] if rows else [label("no_events", lang)]
    return [
        Sheet(
            "timeline",
            label("timeline", lang),
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
            label("stated" if row["total_stated"] else "computed", lang),
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
            "ceilings", label("ceilings", lang),
            _columns(
                lang, ("resolution", "number"), "adopted", ("military", "number"), ("police", "number"),
                ("total", "number"), "total_kind", "note", "sources",
            ),
            ceiling_rows,
        ),
        Sheet(
            "snapshots", label("snapshots", lang),
            _columns(
                lang, "date", ("rank", "rank"), ("military", "quantity"), ("observers", "quantity"), ("police", "quantity"),
                ("uniformed", "quantity"), ("civilians", "quantity"), ("personnel", "quantity"), "note", "sources",
            ),
            snapshot_rows, notes=[label("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
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
            fill = rate if part == "uniformed" else PartFill(rate, label(part, lang).lower())
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
        Column("resolution", label("resolution", lang), "number", show="csv"),
        Column("ceiling", label("ceiling", lang), "number"),
        Column("fill", label("fill", lang), "percent", show="table"),
        Column("bar", "", "bar", show="table"),
        Column("fill_military", f"{label('fill', lang)} {label('military', lang).lower()}", "percent", show="csv"),
        Column("fill_police", f"{label('fill', lang)} {label('police', lang).lower()}", "percent", show="csv"),
        Column("fill_uniformed", f"{label('fill', lang)} {label('uniformed', lang).lower()}", "percent", show="csv"),
        Column("sources", label("sources", lang), show="csv"),
    )


def compare(result: CompareResult, lang: Lang) -> list[Sheet]:
    return [
        Sheet(
            "compare",
            label("compare", lang),
            _comparison_columns(lang),
            _comparison_rows(result["comparison"], lang),
            notes=[label("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
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
        (row["date"], label(part, lang), quantity, limit, Bar(quantity["value"], limit, scales[part], width=30))
        for row, part, quantity, limit in picked
    ]
    columns = (
        *_columns(lang, "date", "kind", ("value", "quantity"), ("ceiling", "number")),
        Column("bar", "", "bar", show="table"),
    )
    return [
        Sheet(
            "chart",
            label("chart", lang),
            columns,
            rows,
            notes=[label("chart_legend", lang)] + _as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def _period_rows(periods: Sequence[Period], lang: Lang) -> list[tuple[Cell, ...]]:
    return [
        (
            period["resolution"],
            label(period["kind"], lang),
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
            "mandate", label("mandate", lang), _columns(lang, "field", "value"),
            [
                (label("legal_basis", lang), text(result["legal_basis"], lang)),
                (label("use_of_force", lang), text(result["use_of_force"], lang)),
            ],
        ),
        Sheet(
            "tasks", label("tasks", lang, number=result["tasks_resolution"]),
            _columns(lang, ("id", "number"), "task", "sources"),
            [(index, text(task["text"], lang), _ids(task["sources"])) for index, task in enumerate(result["tasks"], 1)],
        ),
        Sheet("periods", label("periods", lang), period_columns, _period_rows(result["periods"], lang)),
        Sheet(
            "related", label("related", lang), period_columns, _period_rows(result["related"], lang),
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
        Sheet("summary", label("dutch_title", lang), (), [], intro=text(result["summary"], lang)),
        Sheet(
            "phases", label("phases", lang), _columns(lang, "start", "end", "phase", "text", "sources"),
            [
                (
                    phase["start"], phase.get("end", "-"), text(phase["name"], lang),
                    _with_caveat(text(phase["text"], lang), phase.get("caveat"), lang), _ids(phase["sources"]),
                )
                for phase in result["phases"]
            ],
        ),
        Sheet(
            "figures", label("figures", lang),
            _columns(lang, "date", "figure", ("rank", "rank"), ("value", "quantity"), "note", "sources"), figure_rows,
        ),
        Sheet(
            "events", label("dutch_events", lang), _columns(lang, "date", "event", "sources"),
            [
                (event["date"], _with_caveat(event["text"][lang], event.get("caveat"), lang), _ids(event["sources"]))
                for event in result["events"]
            ],
            notes=[label("preferred_note", lang)] + _as_of_note(result["as_of"], lang),
        ),
    ]  # fmt: skip


def _term(start: str | None, end: str | None) -> str:
    return f"{start or '?'} - {end or '?'}"


def leaders(result: LeadersResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (
            label(leader["role"], lang),
            f"{leader.get('title', '')} {leader['name']}".strip()
            + (f" ({label('acting', lang)})" if leader["acting"] else ""),
            text(leader["nationality"], lang),
            leader.get("appointed", "-"),
            leader.get("start", "-"),
            leader.get("end", "-"),
            _term(leader.get("start"), leader.get("end")),
            _with_caveat(text(leader.get("note"), lang), leader.get("caveat"), lang),
            _ids(leader["sources"]),
        )  # fmt: skip
        for leader in result["leaders"]
    ]
    return [
        Sheet(
            "leaders",
            label("leaders", lang),
            (
                *_columns(lang, "role", "name", "nationality"),
                *(Column(key, label(key, lang), "date", show="csv") for key in ("appointed", "start", "end")),
                Column("term", label("term", lang), "date", show="table"),
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
            label("errata", lang),
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
            label(count["outcome"], lang),
            label(count["cause"], lang),
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
            label("casualties", lang),
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
            label("sources", lang),
            _columns(lang, "id", "title", "publisher", "language", ("cited_by", "number"), "url"),
            rows,
            notes=_as_of_note(result["as_of"], lang),
        )  # fmt: skip
    ]


def source(result: SourceResult, lang: Lang) -> list[Sheet]:
    record = result["source"]
    details: list[tuple[Cell, ...]] = [
        (label(key, lang), str(record[key])) for key in ("id", "title", "publisher", "url", "language", "cited_by")
    ]
    facts: list[tuple[Cell, ...]] = [
        (fact["kind"], fact["id"], fact["date"] or "-", text(fact["text"], lang)) for fact in result["facts"]
    ]
    return [
        Sheet("source", label("sources", lang), _columns(lang, "field", "value"), details),
        Sheet(
            "facts",
            label("cited_by_facts", lang, id=record["id"]),
            _columns(lang, "kind", "id", "date", "text"),
            facts,
        ),
    ]


def search(result: SearchResult, lang: Lang) -> list[Sheet]:
    rows: list[tuple[Cell, ...]] = [
        (hit["score"], hit["kind"], hit["id"], hit["date"] or "-", text(hit["text"], lang), _ids(hit["sources"]))
        for hit in result["hits"]
    ]
    notes = [] if rows else [label("no_hits", lang, query=result["query"])]
    return [
        Sheet(
            "search",
            label("search", lang, query=result["query"]),
            _columns(lang, ("score", "number"), "kind", "id", "date", "text", "sources"),
            rows,
            notes=notes,
        )  # fmt: skip
    ]


def at(result: AtResult, lang: Lang) -> list[Sheet]:
    intro = text(result["status_text"], lang)
    if "read_as" in result:
        intro += "\n" + label("read_as", lang, given=result["date"], date=result["read_as"])
    sheets = [
        Sheet(
            "status",
            label("at", lang, name=result["mission"], date=result["date"]),
            _columns(lang, "field", "value"),
            [],
            intro=intro,
        )
    ]
    fields: list[tuple[Cell, ...]] = []
    period = result["mandate"]
    if period is not None:
        fields.append(
            (label("in_force", lang), f"{period['resolution']}: {period['start'] or '?'} - {period['end'] or '?'}")
        )
    ceiling = result["ceiling"]
    if ceiling is not None:
        fields.append(
            (
                label("ceiling", lang),
                f"{ceiling['resolution']}: {labels.number(ceiling['military'], lang)} + "
                f"{labels.number(ceiling['police'], lang)} = {labels.number(ceiling['total'], lang)}",
            )
        )
    if fields:
        sheets.append(Sheet("mandate", label("mandate", lang), _columns(lang, "field", "value"), fields))
    if result["strength"]:
        sheets.append(
            Sheet(
                "strength",
                label("strength_at", lang, date=result["date"]),
                _comparison_columns(lang),
                _comparison_rows(result["strength"], lang),
            )  # fmt: skip
        )
    if result["leaders"]:
        leader_rows: list[tuple[Cell, ...]] = [
            (
                label(item["leader"]["role"], lang),
                item["leader"]["name"] + (f" ({label('acting', lang)})" if item["leader"]["acting"] else ""),
                f"{item['leader'].get('start') or item['leader'].get('appointed') or '?'} - "
                f"{item['leader'].get('end', '?')}",
                label("yes", lang) if item["certain"] else f"{label('uncertain', lang)}: {text(item['why'], lang)}",
            )
            for item in result["leaders"]
        ]
        sheets.append(
            Sheet(
                "leaders",
                label("leaders_in_office", lang),
                (*_columns(lang, "role", "name", "term"), Column("certain", label("status", lang))),
                leader_rows,
            )  # fmt: skip
        )
    if result["netherlands"]:
        sheets.append(
            Sheet(
                "netherlands",
                label("dutch_at", lang),
                _columns(lang, "start", "end", "phase"),
                [(phase["start"], phase.get("end", "-"), text(phase["name"], lang)) for phase in result["netherlands"]],
            )  # fmt: skip
        )
    if result["events"]:
        sheets.append(
            Sheet(
                "events",
                label("events_month", lang),
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
    title = (
        label("validate_bad", lang, file=file, errors=errors, warnings=warnings)
        if errors
        else label("validate_ok", lang, file=file, warnings=warnings)
    )
    rows: list[tuple[Cell, ...]] = [
        (label(problem["severity"], lang), problem["path"], problem["line"], problem["message"])
        for problem in result["problems"]
    ]
    columns = (
        *_columns(lang, "severity", "path"),
        Column("line", label("line", lang), "number"),
        Column("message", label("message", lang)),
    )
    return [Sheet("validate", title, columns, rows)]


# --------------------------------------------------------------------------- CSV


def csv_table(sheets: Sequence[Sheet]) -> tuple[list[str], list[list[str | int | float]]]:
    """All sheets as one table: a ``table`` column names the sheet; columns are the union.

    A quantity becomes two columns, ``KEY`` (the number) and ``KEY_qualifier``
    (exact, about, nearly, more_than, at_least); a fill rate becomes ``KEY`` (the
    percent) and ``KEY_qualifier``. Columns shown only in tables (bars, formatted fills) are left out.
    """
    header: list[str] = ["table"]
    for sheet in sheets:
        for column in sheet.columns:
            names = [column.key, f"{column.key}_qualifier"] if column.kind in ("quantity", "percent") else [column.key]
            header += [name for name in names if column.show != "table" and name not in header]
    rows: list[list[str | int | float]] = []
    for sheet in sheets:
        for row in sheet.rows:
            record: dict[str, str | int | float] = {"table": sheet.key}
            for column, cell in zip(sheet.columns, row, strict=True):
                record.update(_csv_cells(column, cell))
            rows.append([record.get(name, "") for name in header])
    return header, rows


def _csv_cells(column: Column, cell: Cell) -> dict[str, str | int | float]:
    if cell is None or isinstance(cell, Bar | PartFill) or column.show == "table":
        return {}
    if isinstance(cell, dict):
        number = cell["value"] if "value" in cell else cell["percent"]  # type: ignore[typeddict-item]
        return {column.key: number, f"{column.key}_qualifier": cell["qualifier"]}
    return {column.key: cell}
