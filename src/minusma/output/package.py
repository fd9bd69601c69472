"""The fact base as a Frictionless Data Package: ``datapackage.json``, one CSV per table, and the
sites as GeoJSON (``bases.geojson``, what ``bases --format geojson`` writes).

Each record kind is a table with a Table Schema: integers, booleans, codes limited to their
values, dates as ``YYYY``/``YYYY-MM``/``YYYY-MM-DD`` strings (a date's precision is data; a
Table Schema ``date`` would need a day the sources do not give), a quantity as ``KEY`` and
``KEY_qualifier``, a text as ``KEY_en``, ``KEY_nl``, ``KEY_fr``, cited sources as ids
separated by spaces. Claims and counts get a row each beside their record's id.

The package is written whole or not at all: into a new folder beside DIR, which is then
renamed to DIR; into an existing folder (empty, or any with ``--force``), file by file
from a hidden folder inside it (DIR may be a mount point, its parent not writable), putting
back what was there if a step fails. Nothing is written outside DIR but the new folder's
staging folder beside it; either is removed afterwards, also on Ctrl-C, SIGTERM or SIGHUP. Files in DIR that are not the package's
stay as they are.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import os
import secrets
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple, cast

from minusma.errors import ExportError, OutputError, UsageError
from minusma.messages import LANGS, Lang, Message, os_reason, say
from minusma.model import (
    BASIS_PREFERENCE,
    BUDGET_KINDS,
    CATEGORIES,
    FATALITY_CAUSES,
    PERSONNEL,
    FactBase,
    Text,
    ceiling_total,
)
from minusma.output.cells import safe
from minusma.output.stream import interrupts, same_file, stop, write_bytes

DESCRIPTOR = "datapackage.json"
GEOJSON = "bases.geojson"
DATE_PATTERN = r"\d{4}(-\d{2}){0,2}"
IDS_PATTERN = r"[a-z0-9][a-z0-9.-]*( [a-z0-9][a-z0-9.-]*)*"
QUALIFIERS = ["exact", "about", "nearly", "more_than", "at_least"]
RANKS = ["preferred", "normal", "deprecated"]
STRENGTH_PARTS = ("military", "observers", "police", "uniformed", "civilians", "personnel")

Value = str | int | float | bool | None
Row = dict[str, Value]


class Table(NamedTuple):
    name: str
    title: str
    fields: list[dict[str, Any]]
    rows: list[Row]
    primary_key: list[str]
    foreign_keys: list[dict[str, Any]] = []


# --------------------------------------------------------------------------- fields


def _field(name: str, type: str = "string", required: bool = False, **constraints: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"name": name, "type": type}
    if required:
        constraints["required"] = True
    if constraints:
        found["constraints"] = constraints
    return found


def _date(name: str, lang: Lang, required: bool = False) -> dict[str, Any]:
    return {**_field(name, required=required, pattern=DATE_PATTERN), "description": say("export.date", lang)}


def _ids(name: str, lang: Lang, required: bool = True) -> dict[str, Any]:
    return {**_field(name, required=required, pattern=IDS_PATTERN), "description": say("export.source_ids", lang)}


def _texts(name: str, required: bool = False) -> list[dict[str, Any]]:
    return [_field(f"{name}_{lang}", required=required) for lang in LANGS]


def _quantity(name: str, lang: Lang, required: bool = False) -> list[dict[str, Any]]:
    return [
        _field(name, "integer", required=required, minimum=0),
        {
            **_field(f"{name}_qualifier", required=required, enum=QUALIFIERS),
            "description": say("export.qualifier", lang),
        },
    ]


# --------------------------------------------------------------------------- values


def _text(name: str, value: Text | None) -> Row:
    return {f"{name}_{lang}": value[lang] if value is not None else None for lang in LANGS}


def _amount(name: str, value: Mapping[str, Any] | None) -> Row:
    if value is None:
        return {name: None, f"{name}_qualifier": None}
    return {name: value["value"], f"{name}_qualifier": value["qualifier"]}


def _joined(ids: Sequence[str]) -> str:
    return " ".join(ids)


# --------------------------------------------------------------------------- tables


def tables(fact_base: FactBase, lang: Lang) -> list[Table]:
    return [
        _events(fact_base, lang), _resolutions(fact_base, lang), _snapshots(fact_base, lang),
        _leaders(fact_base, lang), _casualties(fact_base, lang), _phases(fact_base, lang),
        _figures(fact_base, lang), _contributions(fact_base, lang), _errata(fact_base, lang),
        _budget_figures(fact_base, lang), _fatalities(fact_base, lang), _bases(fact_base, lang), _presence(fact_base, lang), _sources(fact_base, lang),
    ]  # fmt: skip


def _events(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), _date("date", lang, required=True),
        _field("category", required=True, enum=list(CATEGORIES)), *_texts("text", required=True), *_texts("caveat"),
        _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {"id": event["id"], "date": event["date"], "category": event["category"], **_text("text", event["text"]),
         **_text("caveat", event.get("caveat")), "sources": _joined(event["sources"])}
        for event in fact_base["events"]
    ]  # fmt: skip
    return Table("events", say("export.events", lang), fields, rows, ["id"])


def _resolutions(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), _field("number", "integer", required=True, minimum=1),
        _date("adopted", lang, required=True),
        _field("kind", required=True, enum=["establishment", "renewal", "termination", "related"]),
        _date("mandate_start", lang), _date("mandate_end", lang), *_texts("summary", required=True), *_texts("vote"),
        *_texts("caveat"), _field("ceiling_military", "integer", minimum=0), _field("ceiling_police", "integer", minimum=0),
        {**_field("ceiling_total", "integer", minimum=0), "description": say("export.ceiling_total", lang)},
        _field("ceiling_total_stated", "boolean"), *_texts("ceiling_note"), _ids("ceiling_sources", lang, required=False),
        _ids("sources", lang),
    ]  # fmt: skip
    rows: list[Row] = []
    for resolution in fact_base["resolutions"]:
        ceiling = resolution.get("ceiling")
        rows.append(
            {
                "id": resolution["id"], "number": resolution["number"], "adopted": resolution["adopted"],
                "kind": resolution["kind"], "mandate_start": resolution.get("mandate_start"),
                "mandate_end": resolution.get("mandate_end"), **_text("summary", resolution["summary"]),
                **_text("vote", resolution.get("vote")), **_text("caveat", resolution.get("caveat")),
                "ceiling_military": ceiling["military"] if ceiling else None,
                "ceiling_police": ceiling["police"] if ceiling else None,
                "ceiling_total": ceiling_total(ceiling) if ceiling else None,
                "ceiling_total_stated": ("total" in ceiling) if ceiling else None,
                **_text("ceiling_note", ceiling.get("note") if ceiling else None),
                "ceiling_sources": _joined(ceiling["sources"]) if ceiling else None,
                "sources": _joined(resolution["sources"]),
            }
        )  # fmt: skip
    return Table("resolutions", say("export.resolutions", lang), fields, rows, ["id"])


def _snapshots(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("snapshot", required=True), _date("date", lang, required=True),
        _field("claim", "integer", required=True, minimum=1), _field("rank", required=True, enum=RANKS),
        {
            **_field("basis", required=True, enum=list(BASIS_PREFERENCE)),
            "description": say("export.strength_basis", lang),
        },
        *(field for part in STRENGTH_PARTS for field in _quantity(part, lang)),
        *_texts("reason"), *_texts("note"), *_texts("caveat"), _ids("sources", lang),
    ]  # fmt: skip
    rows: list[Row] = []
    for snapshot in fact_base["snapshots"]:
        for number, claim in enumerate(snapshot["claims"], 1):
            row: Row = {"snapshot": snapshot["id"], "date": snapshot["date"], "claim": number, "rank": claim["rank"]}
            row["basis"] = claim.get("basis", "stated")
            for part in STRENGTH_PARTS:
                row.update(_amount(part, claim.get(part)))  # type: ignore[arg-type]
            row.update(_text("reason", claim.get("reason")))
            row.update(_text("note", claim.get("note")))
            row.update(_text("caveat", claim.get("caveat")))
            row["sources"] = _joined(claim["sources"])
            rows.append(row)
    return Table("snapshots", say("export.snapshots", lang), fields, rows, ["snapshot", "claim"])


def _leaders(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), _field("name", required=True), _field("title"),
        _field("role", required=True, enum=["head_of_mission", "force_commander"]),
        _field("acting", "boolean", required=True), *_texts("nationality", required=True),
        *(_date(key, lang) for key in ("appointed", "start", "end", "attested")), _field("after"),
        *_texts("note"), *_texts("caveat"), _field("doubt", enum=["role", "start", "end"]), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "id": leader["id"], "name": leader["name"], "title": leader.get("title"), "role": leader["role"],
            "acting": leader["acting"], **_text("nationality", leader["nationality"]),
            "appointed": leader.get("appointed"), "start": leader.get("start"), "end": leader.get("end"),
            "attested": leader.get("attested"), "after": leader.get("after"),
            **_text("note", leader.get("note")), **_text("caveat", leader.get("caveat")),
            "doubt": leader.get("doubt"), "sources": _joined(leader["sources"]),
        }
        for leader in fact_base["leaders"]
    ]  # fmt: skip
    after = {"fields": ["after"], "reference": {"resource": "", "fields": ["id"]}}
    return Table("leaders", say("leaders", lang), fields, rows, ["id"], [after])


def _casualties(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True), _field("count", "integer", required=True, minimum=1),
        _date("start", lang, required=True), _date("end", lang, required=True),
        _field("outcome", required=True, enum=["killed", "injured"]),
        _field("cause", required=True, enum=["any", "hostile", "other"]), *_quantity("value", lang, required=True),
        *_texts("note", required=True), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "id": record["id"], "count": number, "start": record["start"], "end": record["end"],
            "outcome": count["outcome"], "cause": count["cause"], **_amount("value", count["value"]),
            **_text("note", record["note"]), "sources": _joined(record["sources"]),
        }
        for record in fact_base["casualties"]
        for number, count in enumerate(record["counts"], 1)
    ]  # fmt: skip
    return Table("casualties", say("casualties", lang), fields, rows, ["id", "count"])


def _phases(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), _date("start", lang, required=True), _date("end", lang),
        *_texts("name", required=True), *_texts("text", required=True), *_texts("caveat"), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {"id": phase["id"], "start": phase["start"], "end": phase.get("end"), **_text("name", phase["name"]),
         **_text("text", phase["text"]), **_text("caveat", phase.get("caveat")), "sources": _joined(phase["sources"])}
        for phase in fact_base["netherlands"]["phases"]
    ]  # fmt: skip
    return Table("dutch_phases", say("export.dutch_phases", lang), fields, rows, ["id"])


def _figures(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("figure", required=True), _field("claim", "integer", required=True, minimum=1), _date("date", lang),
        *_texts("label", required=True), _field("rank", required=True, enum=RANKS),
        *_quantity("value", lang, required=True), *_texts("reason"), *_texts("note"), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "figure": figure["id"], "claim": number, "date": figure.get("date"), **_text("label", figure["label"]),
            "rank": claim["rank"], **_amount("value", claim["value"]), **_text("reason", claim.get("reason")),
            **_text("note", claim.get("note")), "sources": _joined(claim["sources"]),
        }
        for figure in fact_base["netherlands"]["figures"]
        for number, claim in enumerate(figure["claims"], 1)
    ]  # fmt: skip
    return Table("dutch_figures", say("export.dutch_figures", lang), fields, rows, ["figure", "claim"])


def _contributions(fact_base: FactBase, lang: Lang) -> Table:
    parts = ("military", "police", "staff", "total")
    fields = [
        _field("id", required=True, unique=True), _field("country", required=True, pattern="[A-Z]{3}"),
        _date("date", lang, required=True),
        {  # an estimate is never exported as if a source stated it
            **_field("basis", required=True, enum=list(BASIS_PREFERENCE)),
            "description": say("contributors_basis_note", lang),
        },
        *(field for part in parts for field in _quantity(part, lang)), *_texts("note"), *_texts("caveat"),
        _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "id": item["id"], "country": item["country"], "date": item["date"], "basis": item.get("basis", "stated"),
            **{key: value for part in parts for key, value in _amount(part, item.get(part)).items()},  # type: ignore[arg-type]
            **_text("note", item.get("note")), **_text("caveat", item.get("caveat")),
            "sources": _joined(item["sources"]),
        }
        for item in fact_base.get("contributions", [])
    ]  # fmt: skip
    return Table("contributions", say("contributors", lang), fields, rows, ["id"])


def _errata(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), *_texts("subject", required=True), *_texts("claimed", required=True),
        _ids("claimed_in", lang), *_texts("corrected", required=True), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {"id": erratum["id"], **_text("subject", erratum["subject"]), **_text("claimed", erratum["claimed"]),
         "claimed_in": _joined(erratum["claimed_in"]), **_text("corrected", erratum["corrected"]),
         "sources": _joined(erratum["sources"])}
        for erratum in fact_base["errata"]
    ]  # fmt: skip
    return Table("errata", say("errata", lang), fields, rows, ["id"])


def _budget_figures(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("budget", required=True), _field("fiscal_year", required=True, pattern="[0-9]{4}/[0-9]{2}"),
        _field("figure", "integer", required=True, minimum=1), _field("kind", required=True, enum=list(BUDGET_KINDS)),
        _field("rank", required=True, enum=RANKS), *_quantity("amount", lang, required=True), *_texts("what", required=True),
        *_texts("reason"), *_texts("caveat"), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "budget": budget["id"], "fiscal_year": budget["fiscal_year"], "figure": number, "kind": figure["kind"],
            "rank": figure["rank"], **_amount("amount", figure["amount"]), **_text("what", figure["what"]),
            **_text("reason", figure.get("reason")), **_text("caveat", figure.get("caveat")),
            "sources": _joined(figure["sources"]),
        }
        for budget in fact_base.get("budgets", [])
        for number, figure in enumerate(budget["figures"], 1)
    ]  # fmt: skip
    return Table("budget_figures", say("export.budget_figures", lang), fields, rows, ["budget", "figure"])


def _fatalities(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), _field("un_id", required=True, unique=True),
        _field("row", "integer", required=True, minimum=1), _field("mission", required=True),
        _date("date", lang, required=True), _field("country", required=True, pattern="[A-Z]{3}"),
        _field("personnel", required=True, enum=list(PERSONNEL)),
        _field("cause", required=True, enum=list(FATALITY_CAUSES)),
        _field("gender", required=True, enum=["female", "male", "not_given"]), *_texts("caveat"), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "id": record["id"], "un_id": record["un_id"], "row": record["row"], "mission": record["mission"],
            "date": record["date"], "country": record["country"], "personnel": record["personnel"],
            "cause": record["cause"], "gender": record["gender"], **_text("caveat", record.get("caveat")),
            "sources": _joined(record["sources"]),
        }
        for record in fact_base.get("fatalities", [])
    ]  # fmt: skip
    return Table("fatalities", say("export.fatalities", lang), fields, rows, ["id"])


def _bases(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), *_texts("name", required=True), *_texts("region", required=True),
        _field("longitude", "number", required=True, minimum=-180, maximum=180),
        _field("latitude", "number", required=True, minimum=-90, maximum=90),
        _date("closed", lang), _ids("sources", lang),
    ]  # fmt: skip
    rows = [
        {
            "id": base["id"], **_text("name", base["name"]), **_text("region", base["region"]),
            "longitude": base["longitude"], "latitude": base["latitude"],
            "closed": base["closed"]["date"] if "closed" in base else None, "sources": _joined(base["sources"]),
        }
        for base in fact_base.get("bases", [])
    ]  # fmt: skip
    return Table("bases", say("export.bases", lang), fields, rows, ["id"])


def _presence(fact_base: FactBase, lang: Lang) -> Table:
    counts = ("troops", "police", "observers")
    fields = [
        _field("base", required=True), _field("row", "integer", required=True, minimum=1),
        _date("date", lang, required=True), _field("dataset", required=True), _field("estimate", required=True),
        *(_field(count, "integer", minimum=0) for count in counts), _ids("sources", lang),
    ]  # fmt: skip
    rows: list[Row] = [
        {
            "base": base["id"], "row": number, "date": presence["date"], "dataset": presence["dataset"],
            "estimate": presence["estimate"], **{count: cast("int | None", presence.get(count)) for count in counts},
            "sources": _joined(presence["sources"]),
        }
        for base in fact_base.get("bases", [])
        for number, presence in enumerate(base["presence"], 1)
    ]  # fmt: skip
    site = {"fields": ["base"], "reference": {"resource": "bases", "fields": ["id"]}}
    return Table("base_presence", say("export.base_presence", lang), fields, rows, ["base", "row"], [site])


def _sources(fact_base: FactBase, lang: Lang) -> Table:
    fields = [
        _field("id", required=True, unique=True), _field("title", required=True), _field("publisher", required=True),
        {**_field("url", required=True), "format": "uri"}, _field("language", required=True, pattern="[a-z]{2}"),
    ]  # fmt: skip
    rows: list[Row] = [
        {key: source[key] for key in ("id", "title", "publisher", "url", "language")} for source in fact_base["sources"]
    ]
    return Table("sources", say("sources", lang), fields, rows, ["id"])


# --------------------------------------------------------------------------- files


def _geojson_resource(data: bytes, lang: Lang) -> dict[str, Any]:
    """The sites' FeatureCollection as a resource that is not a table; its size and digest let a
    reader (frictionless among them) check that the file is the one described."""
    from minusma.output.geojson import MEDIA_TYPE

    return {
        "name": "bases_geojson",
        "path": GEOJSON,
        "title": say("export.bases_geojson", lang),
        "format": "geojson",
        "mediatype": MEDIA_TYPE,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }


def descriptor(fact_base: FactBase, items: Sequence[Table], lang: Lang, geojson: bytes) -> dict[str, Any]:
    header = fact_base["header"]
    description = " ".join(
        [header["description"][lang], say("as_of", lang, date=header["as_of"]), say("export.licence", lang)]
    )
    return {
        "name": "minusma",
        "title": header["title"][lang],
        "description": description,
        "as_of": header["as_of"],
        "sources": [{"title": source["title"], "path": source["url"]} for source in fact_base["sources"]],
        "resources": [
            {
                "name": table.name,
                "path": f"{table.name}.csv",
                "title": table.title,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": table.fields,
                    "primaryKey": table.primary_key,
                    **({"foreignKeys": table.foreign_keys} if table.foreign_keys else {}),
                },
            }
            for table in items
        ]
        + [_geojson_resource(geojson, lang)],
    }


def _csv(table: Table) -> bytes:
    names = [field["name"] for field in table.fields]
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: CRLF line ends, quotes where needed
    writer.writerow(names)
    for row in table.rows:
        writer.writerow([_cell(row.get(name)) for name in names])
    return buffer.getvalue().encode("utf-8")


def _cell(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def files(fact_base: FactBase, lang: Lang, places: dict[str, Any]) -> dict[str, bytes]:
    """Every file of the package by name; the descriptor comes last, so it is put in place last.
    ``places`` is the answer of ``bases`` over the whole mission, written as GeoJSON beside the tables."""
    items = tables(fact_base, lang)
    found = {f"{table.name}.csv": _csv(table) for table in items}
    from minusma.output.geojson import document

    geojson = found[GEOJSON] = document(places, lang)
    text = json.dumps(descriptor(fact_base, items, lang, geojson), ensure_ascii=False, indent=2)
    found[DESCRIPTOR] = (text + "\n").encode("utf-8")
    return found


def _staging(folder: Path, name: str) -> Path:
    """A new, hidden folder in ``folder``, on the same file system as the package's place, so
    renames are atomic: inside DIR when it exists (DIR may be a mount point, and its parent may
    not be writable), else beside it."""
    while True:
        path = folder / f".{name}.{secrets.token_hex(4)}.minusma-export"
        try:
            path.mkdir()  # the usual mode (umask applies), unlike mkdtemp's 0700
            return path
        except FileExistsError:
            continue


def _write_file(path: Path, data: bytes) -> None:
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _move_in(staging: Path, target: Path, names: Sequence[str]) -> None:
    """Move the package's files into an existing folder, putting back what was there if a step fails."""
    replaced = staging / ".replaced"
    replaced.mkdir()
    saved: list[str] = []
    moved: list[str] = []
    try:
        for name in names:
            destination = target / name
            if destination.is_symlink() or destination.is_file():
                os.replace(destination, replaced / name)
                saved.append(name)
            os.replace(staging / name, destination)
            moved.append(name)
    except BaseException:
        for name in moved:
            (target / name).unlink(missing_ok=True)
        for name in saved:
            os.replace(replaced / name, target / name)
        raise


def export(
    fact_base: FactBase, given: str, force: bool, lang: Lang, places: dict[str, Any], read: str | None = None
) -> None:
    """Write the package into the folder ``given`` (with ``places``, a ``bases`` answer, as GeoJSON),
    and one line saying so on standard output. ``read`` is the fact base's file: a package file that
    would replace it is refused (a usage error), as ``--output`` naming it is."""
    if not given:
        raise UsageError(Message("export.empty_path"))
    directory = Path(given)
    shown = safe(given, lines=False)
    try:  # a name too long for the system, a folder that cannot be read: refused before anything is written
        target = directory.resolve()
        if target.exists() and not target.is_dir():
            raise ExportError(Message("export.not_folder", {"path": shown}))
        if directory.parent.exists() and not directory.parent.is_dir():  # a file where its folder should be
            raise ExportError(Message("export.not_folder", {"path": safe(str(directory.parent), lines=False)}))
        if not target.parent.is_dir():
            raise ExportError(Message("export.no_parent", {"path": safe(str(directory.parent), lines=False)}))
        exists = target.is_dir()
        if exists and any(target.iterdir()) and not force:
            raise ExportError(Message("export.not_empty", {"path": shown}))
    except OSError as error:
        raise OutputError(Message("export.failed", {"path": shown, "reason": os_reason(error)})) from None
    contents = files(fact_base, lang, places)
    if exists and read is not None:
        for name in contents:
            if same_file(target / name, read):
                raise UsageError(Message("export.is_data", {"path": shown, "file": name}))
    staging: Path | None = None
    try:
        with interrupts(stop):  # Ctrl-C, SIGTERM, SIGHUP raise here, so a half-written package is cleared away
            staging = _staging(target, "package") if exists else _staging(target.parent, target.name)
            for name, data in contents.items():
                _write_file(staging / name, data)
            if exists:
                _move_in(staging, target, list(contents))
            else:
                try:
                    os.rename(staging, target)
                except OSError as error:
                    if error.errno not in (errno.ENOTEMPTY, errno.EEXIST):
                        raise
                    raise ExportError(Message("export.not_empty", {"path": shown})) from None  # another run was first
                staging = None
    except OSError as error:
        reason = os_reason(error)
        raise OutputError(Message("export.failed", {"path": shown, "reason": reason})) from None
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    count = sum(name.endswith(".csv") for name in contents)
    write_bytes((say("export.done", lang, count=count, path=shown) + "\n").encode("utf-8", "backslashreplace"))
