"""Build the budgets' expenditure figures from the UN Secretariat's own expense data (``data/sources/un-expenses/``).

    python tools/import_un_expenses.py          # rewrite data/minusma.json
    python tools/import_un_expenses.py --check  # exit 1 if the fact base is not what the import gives

The copy holds the rows of the UN Transparency Portal's ``un-secretariat-expenses.csv`` (open.un.org,
repository united-nations/open) whose ENTITY is MINUSMA and whose SOURCE_TYPE is Other Assessed: the
mission's expenditure in a fiscal year, with the UN document each figure comes from (REFERENCE).
Each row becomes one figure of kind ``expenditure`` in the budget record of its fiscal year, citing the
dataset as a source of kind ``dataset`` and naming the document in its ``what``.

What the import decides, and why:

- The fiscal year: FINANCIAL_YEAR where it names one (``2019/20``); where it is a bare calendar year equal
  to YEAR (``2021``), the fiscal year that ends in that year (``2020/21``), since YEAR is the year a
  fiscal year ends in on every row that names one; a row that fits neither stops the import
  (``provenance.json``, ``fiscal_years``, gives the reasons). Such a figure says so in its caveat.
- The rank: ``preferred`` where the year has no other expenditure figure; ``normal`` beside one
  written by hand from a UN document read itself (2018/19's, from the Advisory Committee's report),
  which stays preferred. Both are kept; the ``what`` says whether they agree, a caveat by how much not.
- A year without a budget record gets one (``budget-2022-23``), placed in fiscal-year order.

The import owns exactly the figures whose only source is the dataset, and the records holding nothing
else: it takes them out and adds them again, and replaces the dataset's source record in place (or
inserts it before the first source tools/import_bases.py keeps last), so running it twice gives the
same file (``tests/test_import_expenses.py``). Everything else stays byte for byte. After it:
``python tests/refresh_digest.py``. Standard library only, so it runs before the package is installed.
"""

from __future__ import annotations

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
COPY = "un-secretariat-expenses-minusma.csv"
SOURCE_ID = "un-open-secretariat-expenses"
BEFORE = "geopko-maps-2014-2018"
"""The first of the sources tools/import_bases.py keeps at the end: a new dataset source goes before it."""

_FISCAL_YEAR = re.compile(r"^([0-9]{4})/([0-9]{2})$")
_SYMBOL = re.compile(r"^A/[0-9]+/[0-9]+(?:/Add\.[0-9]+)?$")


class DatasetShapeError(Exception):
    """A row the import cannot map: the dataset changed shape; read it before changing this script."""


def provenance() -> dict[str, Any]:
    """The provenance record of the copy."""
    record: dict[str, Any]
    (record,) = [
        item
        for item in json.loads((SOURCES / "provenance.json").read_text(encoding="utf-8"))["files"]
        if item["path"] == COPY
    ]
    return record


def rows() -> list[dict[str, str]]:
    """The copy's rows, once its checksum is the one provenance.json records."""
    text = checked_copy(SOURCES, COPY).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


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
    """The fact base's source for the dataset: the file read, at its commit. No ``published``: the producer
    states no release date, and a commit's date is when a file was pushed (tests/test_source_dates.py)."""
    return {
        "id": record["source_id"],
        "title": "UN Secretariat expenses by entity and year, 2019-2023 (un-secretariat-expenses.csv), "
        "MINUSMA's other assessed rows",
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


def figure(row: dict[str, str], label: str, from_calendar_year: bool, others: list[dict[str, Any]]) -> dict[str, Any]:
    """One expenditure figure from one row; ``others`` are the year's expenditure figures not from the dataset."""
    if row["ENTITY"] != "MINUSMA" or row["SOURCE_TYPE"] != "Other Assessed":
        raise DatasetShapeError(f"{row['FINANCIAL_YEAR']}: not a MINUSMA Other Assessed row")
    if not row["AMOUNT"].isdigit() or not _SYMBOL.match(row["REFERENCE"]) or row["NOTE"]:
        raise DatasetShapeError(f"{row['FINANCIAL_YEAR']}: amount {row['AMOUNT']!r}, reference {row['REFERENCE']!r}")
    amount, symbol = int(row["AMOUNT"]), row["REFERENCE"]
    what = _text(
        f"Spent in the year, as the UN Secretariat's expense data (open.un.org) gives it, citing the UN document {symbol}.",
        f"Uitgegeven in het jaar, volgens de uitgavendata van het VN-secretariaat (open.un.org), met het VN-document {symbol} als bron.",
        f"Dépensé pendant l'exercice, selon les données de dépenses du Secrétariat de l'ONU (open.un.org), qui citent le document {symbol}.",
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
    made: dict[str, Any] = {
        "kind": "expenditure",
        "rank": "normal" if preferred is not None else "preferred",
        "amount": {"value": amount, "qualifier": "exact"},
        "what": what,
    }
    if caveats:
        made["caveat"] = {lang: " ".join(caveat[lang] for caveat in caveats) for lang in caveats[0]}
    made["sources"] = [SOURCE_ID]
    return made


def _owned(item: dict[str, Any]) -> bool:
    return bool(item["sources"] == [SOURCE_ID])


def _record_id(label: str) -> str:
    return f"budget-{label.replace('/', '-')}"


def build(fact_base: dict[str, Any]) -> dict[str, Any]:
    """The fact base with the dataset's expenditure figures and its source rebuilt from data/sources/."""
    record = provenance()
    budgets = []
    for budget in fact_base.get("budgets", []):
        kept = [item for item in budget["figures"] if not _owned(item)]
        if kept:
            budgets.append({**budget, "figures": kept})
    for row in rows():
        label, from_calendar_year = fiscal_year(row)
        found = next((budget for budget in budgets if budget["fiscal_year"] == label), None)
        if found is None:
            found = {"id": _record_id(label), "fiscal_year": label, "figures": []}
            later = [index for index, budget in enumerate(budgets) if budget["fiscal_year"] > label]
            budgets.insert(later[0] if later else len(budgets), found)
        others = [item for item in found["figures"] if item["kind"] == "expenditure"]
        if any(_owned(item) for item in others):
            raise DatasetShapeError(f"{label}: two rows for one fiscal year")
        found["figures"].append(figure(row, label, from_calendar_year, others))
    result = dict(fact_base)
    result["budgets"] = budgets
    result["sources"] = merged_sources(result["sources"], [source_record(record)], before=BEFORE)
    return result


def main(argv: list[str]) -> int:
    built = dumps(build(json.loads(FACT_BASE.read_text(encoding="utf-8"))))
    return write_or_check(FACT_BASE, built, argv, "tools/import_un_expenses.py")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
