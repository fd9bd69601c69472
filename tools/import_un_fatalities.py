"""Build the fact base's fatality records from the UN's own data (``data/sources/un-fatalities/``).

    python tools/import_un_fatalities.py          # rewrite data/minusma.json
    python tools/import_un_fatalities.py --check  # exit 1 if the fact base is not what the import gives

The newest snapshot of the UN's dataset (``DPPADPOSS-FATALITIES``, the MINUSMA rows as published)
is the record: one fatality record per row, citing the snapshot as a source of kind ``dataset``.
An earlier snapshot is read only for what the UN revised since; each value it gave otherwise is kept
in the record's ``revised`` list. A row that looks wrong is kept as the UN gives it, with a caveat.

The import replaces the fact base's ``fatalities`` and the snapshots' source records (by id, in
place, or appended) and leaves everything else byte for byte; running it twice gives the same file
(``tests/test_import_fatalities.py``). After it: ``python tests/refresh_digest.py``.
Standard library only, so it runs before the package is installed.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when a test loads this file
from importing import dumps, merged_sources  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FACT_BASE = REPO / "data" / "minusma.json"
SOURCES = REPO / "data" / "sources" / "un-fatalities"
RECORD = "un-fatalities-2025-04-04-minusma"
"""The snapshot the records are built from: the newest."""
EARLIER = ("un-fatalities-2023-11-28-minusma",)
"""Older snapshots, read for the values the UN has revised since."""

CAUSES = {
    "Malicious Act": "malicious_act",
    "Illness": "illness",
    "Accident": "accident",
    "To Be Determined": "to_be_determined",
    "Unknown": "unknown",
}
PERSONNEL = {
    "Military": "military",
    "Police": "police",
    "International Civilian": "international_civilian",
    "Local": "local",  # published as "Local " with a trailing space
    "Other": "other",
}
GENDERS = {"F": "female", "M": "male", "": "not_given"}
NATIONALITY_CODES = {"Côte dIvoire": "CIV"}
"""Nationalities the dataset gives without an ISO code (its ``isocode3`` cell is empty): the code
of the country the name is written for, with a caveat on each record."""


class DatasetShapeError(Exception):
    """A row the import cannot map: the dataset changed shape; read it before changing this script."""


def provenance(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SOURCES / f"{name}.provenance.json").read_text(encoding="utf-8"))
    return loaded


def rows(name: str) -> list[dict[str, str]]:
    with (SOURCES / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def source_record(record: dict[str, Any]) -> dict[str, Any]:
    """The fact base's source for one snapshot: the copy read, at its commit, dated by its last update."""
    return {
        "id": record["source_id"],
        "title": f"{record['title']} ({record['dataset']}), MINUSMA rows, last updated {record['last_update']}",
        "publisher": "United Nations, Peace and Security Data Hub (DPPA/DPO)",
        "author": "United Nations",
        "url": record["url"],
        "language": "en",
        "kind": "dataset",
        "published": record["last_update"],
    }


def _text(en: str, nl: str, fr: str) -> dict[str, str]:
    return {"en": en, "nl": nl, "fr": fr}


def _caveats(row: dict[str, str], country: str) -> list[dict[str, str]]:
    """Why a row that looks wrong is kept as the UN gives it."""
    found = []
    if not row["isocode3"]:
        name = row["casualty_nationality"]
        found.append(
            _text(
                f"The dataset gives the nationality as '{name}' with no country code; {country} is the "
                "ISO 3166-1 code of the country that name is written for.",
                f"De dataset geeft de nationaliteit als '{name}' zonder landcode; {country} is de "
                "ISO 3166-1-code van het land waarvoor die naam staat.",
                f"Le jeu de données donne la nationalité « {name} » sans code de pays ; {country} est le "
                "code ISO 3166-1 du pays que ce nom désigne.",
            )
        )
    identifier = row["casualty_id"]
    named_month = identifier.split("-")[1] + "-" + identifier.split("-")[2]
    date = row["incident_date"]
    gap = (int(named_month[:4]) * 12 + int(named_month[5:])) - (int(date[:4]) * 12 + int(date[5:7]))
    if gap < 0 or gap > 1:
        found.append(
            _text(
                f"The UN's identifier {identifier} names the month {named_month}, {abs(gap)} months "
                f"{'after' if gap > 0 else 'before'} the date of death the record gives ({date}); "
                "both are kept as the UN gives them.",
                f"De VN-identificatie {identifier} noemt de maand {named_month}, {abs(gap)} maanden "
                f"{'na' if gap > 0 else 'vóór'} de overlijdensdatum in het record ({date}); "
                "beide blijven zoals de VN ze geeft.",
                f"L’identifiant de l’ONU {identifier} indique le mois {named_month}, {abs(gap)} mois "
                f"{'après' if gap > 0 else 'avant'} la date du décès donnée par l’enregistrement ({date}) ; "
                "les deux sont conservés tels que l’ONU les donne.",
            )
        )
    return found


def _joined(caveats: list[dict[str, str]]) -> dict[str, str]:
    return {lang: " ".join(caveat[lang] for caveat in caveats) for lang in caveats[0]}


def _mapped(table: dict[str, str], value: str, column: str, row: dict[str, str]) -> str:
    key = value.strip() if table is PERSONNEL else value
    if key not in table:
        raise DatasetShapeError(f"row {row['id']}: {column} {value!r} is not one the import knows")
    return table[key]


def fatality(row: dict[str, str], source_id: str, mission: str) -> dict[str, Any]:
    if row["mission_acronym"].lower() != mission or row["type_of_casualty"] != "Fatality":
        raise DatasetShapeError(f"row {row['id']}: not a MINUSMA fatality")
    country = row["isocode3"] or NATIONALITY_CODES.get(row["casualty_nationality"], "")
    if not country:
        raise DatasetShapeError(f"row {row['id']}: no country code for {row['casualty_nationality']!r}")
    record: dict[str, Any] = {
        "id": f"fatality-{row['casualty_id'].lower()}",
        "un_id": row["casualty_id"],
        "row": int(row["id"]),
        "mission": mission,
        "date": row["incident_date"],
        "country": country,
        "personnel": _mapped(PERSONNEL, row["casualty_personnel_type"], "casualty_personnel_type", row),
        "cause": _mapped(CAUSES, row["type_of_incident"], "type_of_incident", row),
        "gender": _mapped(GENDERS, row["gender"], "gender", row),
    }
    caveats = _caveats(row, country)
    if caveats:
        record["caveat"] = _joined(caveats)
    record["sources"] = [source_id]
    return record


def revisions(record: dict[str, Any], earlier: dict[str, str], snapshot: dict[str, Any]) -> dict[str, Any] | None:
    """What an earlier snapshot gave otherwise for the same UN identifier, or None."""
    before = fatality(earlier, snapshot["source_id"], record["mission"])
    revision: dict[str, Any] = {"snapshot": snapshot["last_update"]}
    for key in ("row", "cause", "gender"):
        if before[key] != record[key]:
            revision[key] = before[key]
    if len(revision) == 1:
        return None
    revision["sources"] = [snapshot["source_id"]]
    return revision


def build(fact_base: dict[str, Any]) -> dict[str, Any]:
    """The fact base with its fatality records and dataset sources rebuilt from data/sources/."""
    mission = fact_base["mission"]["id"]
    newest = provenance(RECORD)
    records = [fatality(row, newest["source_id"], mission) for row in rows(RECORD)]
    sources = [source_record(newest)]
    for name in EARLIER:
        snapshot = provenance(name)
        by_id = {row["casualty_id"]: row for row in rows(name)}
        cited = False
        for record in records:
            earlier = by_id.get(record["un_id"])
            if earlier is None:
                continue
            revision = revisions(record, earlier, snapshot)
            if revision is not None:
                revised = record.pop("revised", [])
                caveat = record.pop("caveat", None)
                sources_cited = record.pop("sources")
                record["revised"] = [*revised, revision]
                if caveat is not None:
                    record["caveat"] = caveat
                record["sources"] = sources_cited
                cited = True
        if cited:
            sources.append(source_record(snapshot))
    result = dict(fact_base)
    result["sources"] = merged_sources(result["sources"], sources)
    result["fatalities"] = records
    return result


def main(argv: list[str]) -> int:
    current = FACT_BASE.read_text(encoding="utf-8")
    built = dumps(build(json.loads(current)))
    if "--check" in argv:
        if built != current:
            print(f"{FACT_BASE} differs from what the import gives; run {Path(__file__).name}", file=sys.stderr)
            return 1
        return 0
    FACT_BASE.write_text(built, encoding="utf-8")
    print(f"{FACT_BASE.relative_to(REPO)}: {len(build(json.loads(built))['fatalities'])} fatality records")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
