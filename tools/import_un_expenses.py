"""Build the budgets' expenditure figures from the UN Secretariat's own expense data (``data/sources/un-expenses/``).

    python tools/import_un_expenses.py          # rewrite data/minusma.json
    python tools/import_un_expenses.py --check  # exit 1 if the fact base is not what the import gives

The copies hold the rows of the UN Transparency Portal's ``un-secretariat-expenses.csv`` (2019-2023) and of
its annual extensions ``un-secretariat-expenses-2024.csv`` and ``-2025.csv`` (open.un.org, repository
united-nations/open) whose ENTITY is MINUSMA and whose SOURCE_TYPE is Other Assessed: the mission's
expenditure in a fiscal year, with the UN document each figure comes from (REFERENCE). Each row becomes
one figure of kind ``expenditure`` in the budget record of its fiscal year, citing its file as a source
of kind ``dataset`` (one per file, as each is read at its own commit) and naming the document in its
``what``.

What the import decides, and why:

- The fiscal year: FINANCIAL_YEAR where it names one (``2019/20``); where it is a bare calendar year equal
  to YEAR (``2021``), the fiscal year that ends in that year (``2020/21``), since YEAR is the year a
  fiscal year ends in on every row that names one; a row that fits neither stops the import
  (``provenance.json``, ``fiscal_years``, gives the reasons). Such a figure says so in its caveat.
- The rank: ``preferred`` where the year has no other expenditure figure; ``normal`` beside one
  written by hand from a UN document read itself (2018/19's, from the Advisory Committee's report),
  which stays preferred. Both are kept; the ``what`` says whether they agree, a caveat by how much not.
- A year without a budget record gets one (``budget-2022-23``), placed in fiscal-year order.
- A fiscal year that begins after the withdrawal (2024/25) is a year of the liquidation, not all of it:
  its figure says that the liquidation's first months are in the year before.
- An amount is whole dollars: digits, or digits and ``.0`` as the annual extensions write every whole
  amount; cents, a sign or anything else stops the import.

The import owns exactly the figures whose only source is the dataset, and the records holding nothing
else: it takes them out and adds them again, and replaces the dataset's source record in place (or
inserts it before the first source tools/import_bases.py keeps last), so running it twice gives the
same file (``tests/test_import_expenses.py``). Everything else stays byte for byte. After it:
``python tests/refresh_digest.py``. Standard library only, so it runs before the package is installed.
"""

from __future__ import annotations

import calendar
import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when a test loads this file
from importing import checked_copy, dumps, merged_sources, write_or_check  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
FACT_BASE = REPO / "data" / "minusma.json"
SOURCES = REPO / "data" / "sources" / "un-expenses"
COPIES = (
    "un-secretariat-expenses-minusma.csv",
    "un-secretariat-expenses-2024-minusma.csv",
    "un-secretariat-expenses-2025-minusma.csv",
)
"""The copies in the order their rows are read; provenance.json names each one's source record."""
BEFORE = "geopko-maps-2014-2018"
"""The first of the sources tools/import_bases.py keeps at the end: a new dataset source goes before it."""

_FISCAL_YEAR = re.compile(r"^([0-9]{4})/([0-9]{2})$")
_WHOLE_DOLLARS = re.compile(r"^([0-9]+)(?:\.0)?$")
_SYMBOL = re.compile(r"^A/[0-9]+/[0-9]+(?:/Add\.[0-9]+)?$")


class DatasetShapeError(Exception):
    """A row the import cannot map: the dataset changed shape; read it before changing this script."""


def provenance() -> list[dict[str, Any]]:
    """The provenance records of the copies, in ``COPIES`` order."""
    files = {
        item["path"]: item for item in json.loads((SOURCES / "provenance.json").read_text(encoding="utf-8"))["files"]
    }
    return [files[path] for path in COPIES]


def rows() -> list[tuple[str, dict[str, str]]]:
    """Every copy's rows, each with the id of the source its copy is, once each copy's checksum is the
    one provenance.json records."""
    found = []
    for record in provenance():
        text = checked_copy(SOURCES, record["path"]).decode("utf-8")
        found += [(record["source_id"], row) for row in csv.DictReader(io.StringIO(text, newline=""))]
    return found


def fiscal_year(row: dict[str, str]) -> tuple[str, bool]:
    """The fiscal year a row is about, and whether it was read from a bare calendar year."""
    label, year = row["FINANCIAL_YEAR"], row["YEAR"]
    named = _FISCAL_YEAR.match(label)
    if named is not None:
        first, second = int(named[1]), int(named[2])
        if second != (first + 1) % 100 or int(year) != first + 1:
            raise DatasetShapeError(f"{label} ({year}): not a fiscal year ending in the row's YEAR")
        return label, False
    if label == year and year.isdigit():
        end = int(year)
        return f"{end - 1}/{end % 100:02d}", True
    raise DatasetShapeError(f"FINANCIAL_YEAR {label!r} with YEAR {year!r}: not a form the import knows")


def source_record(record: dict[str, Any]) -> dict[str, Any]:
    """The fact base's source for one copy's file: the file read, at its commit. No ``published``: the
    producer states no release date, and a commit's date is when a file was pushed (tests/test_source_dates.py)."""
    return {
        "id": record["source_id"],
        "title": record["source_title"],
        "publisher": record["producer"],
        "author": "United Nations Secretariat",
        "url": record["url"],
        "language": "en",
        "kind": "dataset",
    }


def _text(en: str, nl: str, fr: str) -> dict[str, str]:
    return {"en": en, "nl": nl, "fr": fr}


def _number(value: int, lang: str) -> str:
    """A whole number as the fact base's texts write it: 1,651,900 / 1.651.900 / 1 651 900."""
    grouped = f"{value:,}"
    return {"en": grouped, "nl": grouped.replace(",", "."), "fr": grouped.replace(",", " ")}[lang]


def figure(
    row: dict[str, str],
    label: str,
    from_calendar_year: bool,
    others: list[dict[str, Any]],
    source_id: str,
    withdrawn: str,
) -> dict[str, Any]:
    """One expenditure figure from one row of the copy that is source ``source_id``; ``others`` are the
    year's expenditure figures not from the dataset; ``withdrawn`` the last day of the withdrawal."""
    if row["ENTITY"] != "MINUSMA" or row["SOURCE_TYPE"] != "Other Assessed":
        raise DatasetShapeError(f"{row['FINANCIAL_YEAR']}: not a MINUSMA Other Assessed row")
    whole = _WHOLE_DOLLARS.match(row["AMOUNT"])
    if whole is None or not _SYMBOL.match(row["REFERENCE"]) or row["NOTE"]:
        raise DatasetShapeError(f"{row['FINANCIAL_YEAR']}: amount {row['AMOUNT']!r}, reference {row['REFERENCE']!r}")
    amount, symbol = int(whole[1]), row["REFERENCE"]
    first = int(label[:4])
    liquidation = f"{first}-07-01" > withdrawn  # a fiscal year that begins after the withdrawal
    year = _text(
        f"in fiscal year {label}, during the liquidation" if liquidation else "in the year",
        f"in het begrotingsjaar {label}, tijdens de liquidatie" if liquidation else "in het jaar",
        f"pendant l'exercice {label}, au cours de la liquidation" if liquidation else "pendant l'exercice",
    )
    what = _text(
        f"Spent {year['en']}, as the UN Secretariat's expense data (open.un.org) gives it, citing the UN document {symbol}.",
        f"Uitgegeven {year['nl']}, volgens de uitgavendata van het VN-secretariaat (open.un.org), met het VN-document {symbol} als bron.",
        f"Dépensé {year['fr']}, selon les données de dépenses du Secrétariat de l'ONU (open.un.org), qui citent le document {symbol}.",
    )
    preferred = next((other for other in others if other["rank"] == "preferred"), None)
    caveats = []
    if preferred is not None:
        difference = amount - preferred["amount"]["value"]
        if difference == 0:
            what = _text(
                what["en"] + " The same amount as the year's other expenditure figure.",
                what["nl"] + " Hetzelfde bedrag als het andere uitgavenbedrag van het jaar.",
                what["fr"] + " Le même montant que l'autre chiffre de dépense de l'exercice.",
            )
        else:
            more = difference > 0
            caveats.append(
                _text(
                    f"{_number(abs(difference), 'en')} {'more' if more else 'less'} than the year's preferred "
                    "expenditure figure, which was read in a UN document itself.",
                    f"{_number(abs(difference), 'nl')} {'meer' if more else 'minder'} dan het uitgavenbedrag van "
                    "voorkeur van het jaar, dat in een VN-document zelf is gelezen.",
                    f"{_number(abs(difference), 'fr')} de {'plus' if more else 'moins'} que le chiffre de dépense "
                    "retenu pour l'exercice, lu dans un document de l'ONU lui-même.",
                )
            )
    if from_calendar_year:
        year = row["YEAR"]
        caveats.append(
            _text(
                f"The dataset gives only '{year}' as this row's fiscal year; read as {label}, the one ending in "
                f"{year}, as its YEAR column and the document's session number place it.",
                f"De dataset geeft als begrotingsjaar van deze rij alleen '{year}'; gelezen als {label}, het jaar "
                f"dat in {year} eindigt, zoals de kolom YEAR en het zittingsnummer van het document het plaatsen.",
                f"Le jeu de données ne donne que « {year} » comme exercice de cette ligne ; lu comme {label}, "
                f"celui qui se termine en {year}, comme le situent sa colonne YEAR et le numéro de session du document.",
            )
        )
    if liquidation:  # one year of the liquidation, not all of it
        before = f"{first - 1}/{first % 100:02d}"
        caveats.append(
            _text(
                f"This fiscal year alone: what the liquidation spent before 1 July {first} is in the {before} "
                "expenditure.",
                f"Alleen dit begrotingsjaar: wat de liquidatie vóór 1 juli {first} uitgaf, zit in de uitgaven "
                f"van {before}.",
                f"Cet exercice seul : ce que la liquidation a dépensé avant le 1er juillet {first} figure dans "
                f"les dépenses de {before}.",
            )
        )
    made: dict[str, Any] = {
        "kind": "expenditure",
        "rank": "normal" if preferred is not None else "preferred",
        "amount": {"value": amount, "qualifier": "exact"},
        "what": what,
    }
    if caveats:
        made["caveat"] = {lang: " ".join(caveat[lang] for caveat in caveats) for lang in caveats[0]}
    made["sources"] = [source_id]
    return made


def _owned(item: dict[str, Any], owned: set[str]) -> bool:
    return len(item["sources"]) == 1 and item["sources"][0] in owned


def _last_day(partial: str) -> str:
    """The last day a fact base date (YYYY, YYYY-MM or YYYY-MM-DD) covers, as YYYY-MM-DD."""
    if len(partial) == 4:
        return f"{partial}-12-31"
    if len(partial) == 7:
        return f"{partial}-{calendar.monthrange(int(partial[:4]), int(partial[5:]))[1]:02d}"
    return partial


def _record_id(label: str) -> str:
    return f"budget-{label.replace('/', '-')}"


def build(fact_base: dict[str, Any]) -> dict[str, Any]:
    """The fact base with the dataset's expenditure figures and its source rebuilt from data/sources/."""
    records = provenance()
    owned = {record["source_id"] for record in records}
    withdrawn = _last_day(fact_base["mission"]["withdrawal_completed"])
    budgets = []
    for budget in fact_base.get("budgets", []):
        kept = [item for item in budget["figures"] if not _owned(item, owned)]
        if kept:
            budgets.append({**budget, "figures": kept})
    for source_id, row in rows():
        label, from_calendar_year = fiscal_year(row)
        found = next((budget for budget in budgets if budget["fiscal_year"] == label), None)
        if found is None:
            found = {"id": _record_id(label), "fiscal_year": label, "figures": []}
            later = [index for index, budget in enumerate(budgets) if budget["fiscal_year"] > label]
            budgets.insert(later[0] if later else len(budgets), found)
        others = [item for item in found["figures"] if item["kind"] == "expenditure"]
        if any(_owned(item, owned) for item in others):
            raise DatasetShapeError(f"{label}: two rows for one fiscal year")
        found["figures"].append(figure(row, label, from_calendar_year, others, source_id, withdrawn))
    result = dict(fact_base)
    result["budgets"] = budgets
    result["sources"] = merged_sources(result["sources"], [source_record(record) for record in records], before=BEFORE)
    return result


def main(argv: list[str]) -> int:
    built = dumps(build(json.loads(FACT_BASE.read_text(encoding="utf-8"))))
    return write_or_check(FACT_BASE, built, argv, "tools/import_un_expenses.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
