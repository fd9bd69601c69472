"""Build the fact base's ``bases`` (and their dataset sources) from the files in data/sources/.

    python tools/import_bases.py            # rewrites data/minusma.json in place
    python tools/import_bases.py --check    # exit 1 if the fact base is not what the import gives

Reads only the copies under data/sources/ (their checksums must match provenance.json), changes
only the top-level key ``bases``, the contributions whose id starts ``contrib-radpko-`` or
``contrib-geopko-`` (replaced, after the stated ones), the snapshots' yearly means (claims marked
``basis: yearly_mean`` citing RADPKO, and the snapshots ``strength-radpko-YEAR``: replaced in place,
new ones appended) and the dataset sources they cite (replaced in place, or appended),
and writes the file as the project writes it (two-space indent, UTF-8). Running it twice gives the
same bytes; a test holds it to that.

What the import decides, and why:

- Figures are the datasets' own, marked as estimates (``estimate``): Geo-PKO counts units on the UN
  deployment maps at nominal sizes; RADPKO's figures are yearly means of monthly UN data, rounded to
  whole people here, a half up (``whole``), and marked "about". A RADPKO country whose yearly mean rounds to no one is left out.
- Where a dataset's parts and its total differ (a site's troops against its countries' troops, as on
  several Geo-PKO maps), both are kept as given; nothing is summed or filled in.
- A Geo-PKO yearly row (v2.3) joins the three yearly tables of a location and year: countries
  (TCCMap), unit types (TTMap), headquarters, police, observers and the year's mean troops (FrontMap,
  whose rows are the year's maps: a field is kept only where all of them agree). What these yearly
  figures are, read off the map-level file where both exist (2014-2018): the troops are the mean of
  the totals of the year's maps, rounded down (71 of 71 rows), and a country's figure is its largest
  on those maps (240 of 240), so a row's countries can add up to more than its troops; the notes and
  caveats say so.
- Names double-encoded as UTF-8 in the map file ("MÃ©naka") are repaired here, in the records only.
- Coordinates are Geo-PKO v2.3's (one pair per location); a site's Malian region is Geo-PKO's ADM1 name.
- A site's closing date comes from an event of the fact base that reports it (``CLOSED``).
- Each country's yearly figures (``contributions`` marked ``basis: yearly_mean``): the file has no
  mission-level row, so a country's troops, police and total (troops, police and military
  observers: RADPKO's ``_pko`` column) in a year are the sums over the sites of its yearly means,
  rounded once after summing and marked "about". RADPKO's file gives women only per site, not per
  country, so no women's figure is derived. A country whose summed total rounds to no one is left out.
- Each country's yearly Geo-PKO estimates (``contributions`` marked ``basis: unit_sizes``, ids
  ``contrib-geopko-``): the troops the v2.3 yearly rows give it, summed over the sites, from the
  ``bases`` records of the same run (one reading of the file feeds both). Troops only: Geo-PKO gives
  no per-country police. A site where the dataset says "size unknown" keeps the country with no
  figure and adds nothing to the sum. The sums run well above RADPKO's means for the same country and
  year; the caveat says by how much, measured here (the median ratio), not typed in. ``contributors`` prefers a stated figure to a RADPKO yearly
  mean, and a yearly mean to a Geo-PKO estimate, on the same date (``model.BASIS_PREFERENCE``).
- The mission's strength each year (``snapshots``, claims marked ``basis: yearly_mean``): military is
  ``untrp`` + ``unmob`` and police ``unpol``, summed over all the year's rows, rounded once after
  summing and marked "about"; the note gives the unrounded sums, the caveat says it is an estimate and
  names the sites whose row the file dates after January (their means may cover fewer months). A year
  that already has a snapshot with the same date string (``strength-2017``, a stated count) gets the
  mean as a second claim ranked ``normal``, with the reason: a stated count is never outranked by an
  estimate (``validate`` rejects that). Every other year gets a snapshot of its own.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when a test loads this file
from importing import kept_accessed  # noqa: E402

from minusma.messages import LANGS  # noqa: E402

HERE = Path(__file__).resolve().parents[1] / "data" / "sources"
FACT_BASE = HERE.parent / "minusma.json"
PROVENANCE = HERE / "provenance.json"

MAPS = "geopko/geopko-maps-2014-2018-minusma.csv"
FRONT = "geopko/geopko-v2.3-FrontMap-minusma.csv"
TCC = "geopko/geopko-v2.3-TCCMap-minusma.csv"
TROOP_TYPES = "geopko/geopko-v2.3-TTMap-minusma.csv"
RADPKO = "radpko/radpko-bases-yearly-minusma.csv"

SOURCE_IDS = {
    MAPS: "geopko-maps-2014-2018",
    FRONT: "geopko-v2.3-frontmap",
    TCC: "geopko-v2.3-tccmap",
    TROOP_TYPES: "geopko-v2.3-ttmap",
    RADPKO: "radpko-bases-yearly",
}
SOURCE_TITLES = {
    MAPS: "Geo-PKO: MINUSMA deployment maps coded site by site, 2014-2018 (data/geopko.csv)",
    FRONT: "Geo-PKO v2.3: troops, headquarters, police and observers per location and year (FrontMap_v.2.3.csv)",
    TCC: "Geo-PKO v2.3: contributing countries per location and year (TCCMap_v.2.3.csv)",
    TROOP_TYPES: "Geo-PKO v2.3: troop types per location and year (TTMap_v.2.3.csv)",
    RADPKO: "RADPKO: yearly means per base and contributing country (radpko_bases_cc_y.csv)",
}
SOURCE_PUBLISHERS = {
    MAPS: "Geo-PKO, Uppsala University",  # the copy read is its URL: a copy site is not the publisher
    FRONT: "Geo-PKO, Uppsala University (GitHub repository geopko/Geo-PKO-Shiny-Dashboard)",
    TCC: "Geo-PKO, Uppsala University (GitHub repository geopko/Geo-PKO-Shiny-Dashboard)",
    TROOP_TYPES: "Geo-PKO, Uppsala University (GitHub repository geopko/Geo-PKO-Shiny-Dashboard)",
    RADPKO: "RADPKO, Hunnicutt and Nomikos (GitHub repository dapp-lab/radpko-shiny)",
}
# The people who made each dataset, as the citation its producer asks names them (provenance.json).
GEOPKO_AUTHORS = [
    {"family": "Cil", "given": "D."},
    {"family": "Fjelde", "given": "H."},
    {"family": "Hultman", "given": "L."},
    {"family": "Nilsson", "given": "D."},
]
SOURCE_PERSONS = {
    MAPS: GEOPKO_AUTHORS,
    FRONT: GEOPKO_AUTHORS,
    TCC: GEOPKO_AUTHORS,
    TROOP_TYPES: GEOPKO_AUTHORS,
    RADPKO: [{"family": "Hunnicutt", "given": "P."}, {"family": "Nomikos", "given": "W. G."}],
}

# The sites: Geo-PKO's location name -> id, names in en/nl/fr, RADPKO's base name.
SITES: dict[str, dict[str, Any]] = {
    "Aguelhok": {"id": "base-aguelhok", "radpko": "aguelhok"},
    "Ansongo": {"id": "base-ansongo", "radpko": "ansongo"},
    "Bamako": {"id": "base-bamako", "radpko": "bamako"},
    "Ber": {"id": "base-ber", "radpko": "ber"},
    "Douentza": {"id": "base-douentza", "radpko": "douentza"},
    "Dyabali": {"id": "base-dyabali", "radpko": "dyabali"},
    "Gao": {"id": "base-gao", "radpko": "gao"},
    "Gossi": {"id": "base-gossi", "radpko": "gossi"},
    "Goundam": {"id": "base-goundam", "radpko": "goundam"},
    "Kidal": {"id": "base-kidal", "radpko": "kidal"},
    "Leré": {"id": "base-lere", "radpko": "lere"},
    "Mopti/Sevare": {"id": "base-mopti-sevare", "radpko": "mopti", "name": "Mopti/Sévaré"},
    "Ménaka": {"id": "base-menaka", "radpko": "menaka"},
    "Tessalit": {"id": "base-tessalit", "radpko": "tessalit"},
    "Tombouctou (Timbuktu)": {
        "id": "base-tombouctou",
        "radpko": "tombouctou",
        "names": {"en": "Timbuktu", "nl": "Timboektoe", "fr": "Tombouctou"},
    },
}
REGIONS = {"Timbuktu": {"en": "Timbuktu", "nl": "Timboektoe", "fr": "Tombouctou"}}
"""Malian regions whose names differ by language; the others are the same in all three."""

CLOSED = {
    "Tessalit": ("2023-10-21", "ev-2023-tessalit"),
    "Aguelhok": ("2023-10", "ev-2023-tessalit"),  # left "between 21 and 23 October"
    "Kidal": ("2023-10-31", "ev-2023-kidal"),
    "Ber": ("2023-08-13", "ev-2023-ber"),  # handed over early, the morning of 13 August
    "Goundam": ("2023-08-16", "ev-2023-goundam"),
    "Ménaka": ("2023-08-25", "ev-2023-menaka"),
    "Douentza": ("2023-10-21", "ev-2023-douentza"),
    "Ansongo": ("2023-11-18", "ev-2023-ansongo"),
    "Mopti/Sevare": ("2023-12-08", "ev-2023-mopti"),
    "Tombouctou (Timbuktu)": ("2023-12", "ev-2023-timbuktu"),
}
"""Sites whose closing an event of the fact base reports (Goundam and Ménaka were only announced
to close by the end of August 2023: no closing date is taken from that)."""

COUNTRIES = {
    "Bangladesh": "BGD", "Belgium": "BEL", "Benin": "BEN", "Burkina Faso": "BFA", "Cambodia": "KHM",
    "Canada": "CAN", "Chad": "TCD", "China": "CHN", "Cote d'Ivoire": "CIV", "Denmark": "DNK", "Egypt": "EGY",
    "El Salvador": "SLV", "Germany": "DEU", "Ghana": "GHA", "Guinea": "GIN", "Indonesia": "IDN", "Jordan": "JOR",
    "Liberia": "LBR", "Lithuania": "LTU", "Mexico": "MEX", "Nepal": "NPL", "Netherlands": "NLD", "Niger": "NER",
    "Nigeria": "NGA", "Norway": "NOR", "Pakistan": "PAK", "Portugal": "PRT", "Romania": "ROU", "Rwanda": "RWA",
    "Senegal": "SEN", "Sri Lanka": "LKA", "Sweden": "SWE", "Togo": "TGO", "Tunisia": "TUN", "UK": "GBR",
    "United Kingdom": "GBR", "Multinational": "multinational",
}  # fmt: skip
RADPKO_COUNTRIES = {name.lower().replace(" ", ".").replace("'", "."): code for name, code in COUNTRIES.items()}

HQ = {"3": "mission", "2": "sector", "1": "contingent"}
TROOP_TYPE_COLUMNS = {
    "Infantry": "infantry", "eng": "engineers", "med": "medical", "sig": "signals", "av": "aviation",
    "riv": "riverine", "maint": "maintenance", "trans": "transport",
}  # fmt: skip
UNIT_ORDER = (
    "infantry", "reserve", "force_protection", "engineers", "medical", "signals", "aviation", "riverine",
    "maintenance", "transport",
)  # fmt: skip
DATASET_ORDER = ("geopko-map", "geopko-yearly", "radpko-yearly")


def repair(text: str) -> str:
    """Undo UTF-8 read as Latin-1 ("MÃ©naka" -> "Ménaka"); text that is not so double-encoded stays as it is."""
    if not any(mark in text for mark in ("Ã", "Â")):
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def whole(mean: float) -> int:
    """A yearly mean to whole people, a half up (458.5 is about 459), as a reader of the file rounds it;
    Python's round() would take a half to the even number (458). The float noise of a sum
    (0.49999999999999994) is dropped first, so a half stays a half. Means are never negative."""
    return math.floor(round(mean, 9) + 0.5)


def _rows(name: str) -> list[dict[str, str]]:
    with open(HERE / name, encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _count(text: str) -> int | None:
    """A Geo-PKO unit-size estimate, or None where the dataset says NA or unknown."""
    return int(text) if text.isdigit() else None


def _yearly_size(text: str, where: str) -> int | None:
    """A country's estimate in a Geo-PKO yearly overview ("Chad (950)"), or None where the dataset says
    "size unknown": the country is listed there, with no figure (never dropped, never guessed)."""
    if text.isdigit():
        return int(text)
    if text == "size unknown":
        return None
    raise SystemExit(f"{where}: unreadable size {text!r}")


def _check_files() -> list[dict[str, Any]]:
    provenance: list[dict[str, Any]] = json.loads(PROVENANCE.read_text(encoding="utf-8"))["files"]
    for record in provenance:
        digest = hashlib.sha256((HERE / record["path"]).read_bytes()).hexdigest()
        if digest != record["sha256"]:
            raise SystemExit(f"{record['path']}: not the file provenance.json describes (sha256 {digest})")
    return provenance


def sources(provenance: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_path = {record["path"]: record for record in provenance}
    found = []
    for path, source_id in SOURCE_IDS.items():
        record = by_path[path]
        url = f"{record['repository']}/blob/{record['commit']}/{record['source_path']}"
        found.append(
            {
                "id": source_id,
                "title": SOURCE_TITLES[path],
                "publisher": SOURCE_PUBLISHERS[path],
                "persons": SOURCE_PERSONS[path],
                "url": url,
                "language": "en",
                # a data file at a commit; no ``published``: provenance.json gives coverage, no release date
                "kind": "dataset",
            }
        )
    return found


def _map_row(row: dict[str, str]) -> dict[str, Any]:
    countries: dict[str, int | None] = {}
    for index in range(1, 15):
        name = row[f"name.of.TCC{index}"]
        if name == "NA":
            continue
        code = COUNTRIES[repair(name)]
        if code in countries:  # the same country twice on one map: never happens in these files
            raise SystemExit(f"{row['Source']} {row['location']}: {name} twice")
        countries[code] = _count(row[f"No.troops.per.TCC{index}"])
    units = [unit for unit, column in (("reserve", "RES"), ("force_protection", "FP")) if row[column] == "1"]
    presence: dict[str, Any] = {
        "date": f"{int(row['year']):04d}-{int(row['month']):02d}",
        "dataset": "geopko-map",
        "estimate": "unit_sizes",
        "map": row["Source"],
    }
    troops = _count(row["No.troops"])
    if troops is not None:
        presence["troops"] = troops
    presence["troops_by_country"] = dict(sorted(countries.items()))
    if units:
        presence["units"] = units
    if row["HQ"] in HQ:
        presence["hq"] = HQ[row["HQ"]]
    presence["police_present"] = row["UNPOL..dummy."] == "1"
    presence["observers_present"] = row["UNMO..dummy."] == "1"
    presence["sources"] = [SOURCE_IDS[MAPS]]
    return presence


def _agreed(rows: list[dict[str, str]], column: str) -> str | None:
    values = {row[column] for row in rows}
    return values.pop() if len(values) == 1 else None


def _yearly_rows(location: str) -> list[dict[str, Any]]:
    front: dict[str, list[dict[str, str]]] = {}
    for row in _rows(FRONT):
        if repair(row["location"]) == location:
            front.setdefault(row["year"], []).append(row)
    types = {row["year"]: row for row in _rows(TROOP_TYPES) if repair(row["location"]) == location}
    found = []
    for row in _rows(TCC):
        if repair(row["location"]) != location:
            continue
        year = row["year"]
        countries: dict[str, int | None] = {}
        for match in re.finditer(r"([^,(]+?) \(([^)]*)\)", row["year.overview"]):
            code = COUNTRIES[match.group(1).strip()]
            if code in countries:
                raise SystemExit(f"{location} {year}: {code} twice")
            countries[code] = _yearly_size(match.group(2), f"{location} {year}")
        year_front = front.get(year, [])
        units = {unit for column, unit in TROOP_TYPE_COLUMNS.items() if year in types and types[year][column] != "0"}
        if _agreed(year_front, "Reserve") not in (None, "0"):
            units.add("reserve")
        presence: dict[str, Any] = {"date": year, "dataset": "geopko-yearly", "estimate": "unit_sizes"}
        mean = _agreed(year_front, "ave.no.troops")
        if mean is not None and mean.isdigit():
            presence["troops"] = int(mean)
        presence["troops_by_country"] = dict(sorted(countries.items()))
        if units:
            presence["units"] = [unit for unit in UNIT_ORDER if unit in units]
        hq = _agreed(year_front, "hq")
        if hq in HQ:
            presence["hq"] = HQ[hq]
        for column, key in (("UNPOL", "police_present"), ("UNMO", "observers_present")):
            value = _agreed(year_front, column)
            if value is not None:
                presence[key] = value != "0"
        presence["sources"] = [SOURCE_IDS[TCC], SOURCE_IDS[TROOP_TYPES], SOURCE_IDS[FRONT]]
        found.append(presence)
    return found


def _radpko_rows(base: str) -> list[dict[str, Any]]:
    found = []
    for row in _rows(RADPKO):
        if row["base"] != base:
            continue
        parts: dict[str, dict[str, int]] = {"troops": {}, "police": {}, "observers": {}}
        for column, code in sorted(RADPKO_COUNTRIES.items(), key=lambda item: item[1]):
            for part, suffix in (("troops", "untrp"), ("police", "unpol"), ("observers", "unmob")):
                value = whole(float(row.get(f"{column}_{suffix}", "0")))
                if value >= 1:
                    parts[part][code] = value
        presence: dict[str, Any] = {"date": row["year"], "dataset": "radpko-yearly", "estimate": "yearly_mean"}
        for part, column in (("troops", "untrp"), ("police", "unpol"), ("observers", "unmob")):
            presence[part] = whole(float(row[column]))
        presence["troops_by_country"] = dict(parts["troops"])
        for part in ("police", "observers"):
            if parts[part]:
                presence[f"{part}_by_country"] = parts[part]
        presence["sources"] = [SOURCE_IDS[RADPKO]]
        found.append(presence)
    return found


RADPKO_CAVEAT = {
    "en": "RADPKO's yearly means of the UN's monthly deployment figures, summed over the sites it lists: an estimate, not a headcount; the total also counts military observers; people the file places at no site are not counted.",
    "nl": "De jaargemiddelden van RADPKO uit de maandcijfers van de VN, opgeteld over de locaties die het noemt: een schatting, geen telling; het totaal omvat ook militaire waarnemers; wie het bestand aan geen locatie toewijst, telt niet mee.",
    "fr": "Moyennes annuelles de RADPKO tirées des chiffres mensuels de l’ONU, additionnées sur les sites qu’il recense : une estimation, non un décompte ; le total inclut aussi les observateurs militaires ; les personnes que le fichier ne rattache à aucun site ne sont pas comptées.",
}  # fmt: skip
RADPKO_CONTRIBUTION = "contrib-radpko-"
"""The id prefix of the contributions this import writes (replaced on every run, never edited by hand)."""


def contributions() -> list[dict[str, Any]]:
    """Each country's yearly means, summed over RADPKO's sites: one record per country and year."""
    sums: dict[tuple[str, str], dict[str, float]] = {}
    for row in _rows(RADPKO):
        for column, code in RADPKO_COUNTRIES.items():
            if code == "multinational":
                continue
            summed = sums.setdefault((code, row["year"]), {"untrp": 0.0, "unpol": 0.0, "pko": 0.0})
            for suffix in summed:
                summed[suffix] += float(row.get(f"{column}_{suffix}", "0"))
    found = []
    for (code, year), summed in sorted(sums.items(), key=lambda item: (item[0][1], item[0][0])):
        total = whole(summed["pko"])
        if total < 1:
            continue
        record: dict[str, Any] = {"id": f"{RADPKO_CONTRIBUTION}{code.lower()}-{year}", "country": code, "date": year}
        record["basis"] = "yearly_mean"
        for part, suffix in (("military", "untrp"), ("police", "unpol")):
            value = whole(summed[suffix])
            if value >= 1:
                record[part] = {"value": value, "qualifier": "about"}
        record["total"] = {"value": total, "qualifier": "about"}
        record["caveat"] = dict(RADPKO_CAVEAT)
        record["sources"] = [SOURCE_IDS[RADPKO]]
        found.append(record)
    return found


GEOPKO_CAVEAT = {
    "en": "Geo-PKO's estimate from the UN's deployment maps: at each site the country's largest figure on that year's maps, summed over the sites it lists for the year; each unit counted at its nominal size (a battalion about 950, a company about 150), not a headcount; troops only; a site where Geo-PKO gives no size is not counted. These sums run high: where RADPKO also gives the country and year (2014-2019), they are a median {ratio} times its yearly mean of troops.",
    "nl": "Schatting van Geo-PKO uit de inzetkaarten van de VN: per locatie het grootste cijfer van het land op de kaarten van dat jaar, opgeteld over de locaties die het voor dat jaar noemt; elke eenheid geteld op haar nominale omvang (een bataljon ongeveer 950, een compagnie ongeveer 150), geen telling; alleen militairen; een locatie waarvoor Geo-PKO geen omvang geeft, telt niet mee. Deze sommen vallen hoog uit: waar RADPKO hetzelfde land en jaar geeft (2014-2019), zijn ze in de mediaan {ratio} keer het jaargemiddelde aan militairen van RADPKO.",
    "fr": "Estimation de Geo-PKO tirée des cartes de déploiement de l’ONU : pour chaque site, le plus grand chiffre du pays sur les cartes de l’année, additionné sur les sites qu’il recense pour l’année ; chaque unité comptée à son effectif nominal (un bataillon environ 950, une compagnie environ 150), non un décompte ; militaires seulement ; un site pour lequel Geo-PKO ne donne pas d’effectif n’est pas compté. Ces sommes sont élevées : là où RADPKO donne aussi le pays et l’année (2014-2019), elles valent en médiane {ratio} fois sa moyenne annuelle de militaires.",
}  # fmt: skip
"""``{ratio}`` is measured by the import on the records it makes (``_ratio``), never typed in."""
GEOPKO_CONTRIBUTION = "contrib-geopko-"
"""The id prefix of the contributions summed from Geo-PKO's yearly rows (replaced on every run)."""


def _ratio(estimates: dict[tuple[str, str], int], means: list[dict[str, Any]]) -> float | None:
    """The median of Geo-PKO's sum over RADPKO's mean of troops, over the countries and years both give."""
    import statistics

    ratios = [
        estimates[item["country"], item["date"]] / item["military"]["value"]
        for item in means
        if (item["country"], item["date"]) in estimates and "military" in item
    ]
    return statistics.median(ratios) if ratios else None


def _caveat(ratio: float | None) -> dict[str, str]:
    if ratio is None:  # nothing to compare with: the caveat without its last sentence
        return {lang: text.rsplit(". ", 1)[0] + "." for lang, text in GEOPKO_CAVEAT.items()}
    shown = f"{ratio:.1f}"
    return {lang: text.format(ratio=shown.replace(".", LANGS[lang].decimal)) for lang, text in GEOPKO_CAVEAT.items()}


def geopko_contributions(
    sites: list[dict[str, Any]], means: list[dict[str, Any]] | None = None
) -> list[dict[str, Any]]:
    """Each country's troops in a year, summed over the Geo-PKO v2.3 yearly rows of the sites (the
    ``bases`` records this import writes, so both come from one reading of the file): one record per
    country and year, marked ``basis: unit_sizes``. A country whose sizes are all unknown that year
    has no figure to sum and gets no record; the multinational units are no country's."""
    sums: dict[tuple[str, str], int] = {}
    for site in sites:
        for row in site["presence"]:
            if row["dataset"] != "geopko-yearly":
                continue
            for code, troops in row["troops_by_country"].items():
                if code != "multinational" and troops is not None:
                    sums[code, row["date"]] = sums.get((code, row["date"]), 0) + troops
    caveat = _caveat(_ratio(sums, means or []))
    found = []
    for (code, year), troops in sorted(sums.items(), key=lambda item: (item[0][1], item[0][0])):
        if troops < 1:
            continue
        record: dict[str, Any] = {"id": f"{GEOPKO_CONTRIBUTION}{code.lower()}-{year}", "country": code, "date": year}
        record["basis"] = "unit_sizes"
        record["military"] = {"value": troops, "qualifier": "about"}
        record["caveat"] = dict(caveat)
        record["sources"] = [SOURCE_IDS[TCC]]
        found.append(record)
    return found


STRENGTH_SNAPSHOT = "strength-radpko-"
"""The id prefix of the snapshots this import writes for a year no stated snapshot has (replaced in place)."""
STRENGTH_NOTE = {
    "en": "The mission's mean strength over {year}: RADPKO's yearly means of the UN's monthly deployment figures, summed over the {sites} sites it lists that year (military: troops {troops} and military observers {observers}; police {police}).",
    "nl": "De gemiddelde sterkte van de missie over {year}: de jaargemiddelden van RADPKO uit de maandcijfers van de VN, opgeteld over de {sites} locaties die het voor dat jaar noemt (militairen: troepen {troops} en militaire waarnemers {observers}; politie {police}).",
    "fr": "Effectif moyen de la mission sur {year} : moyennes annuelles de RADPKO tirées des chiffres mensuels de déploiement de l’ONU, additionnées sur les {sites} sites qu’il recense cette année-là (militaires : troupes {troops} et observateurs militaires {observers} ; police {police}).",
}  # fmt: skip
"""``{troops}``, ``{observers}`` and ``{police}`` are the unrounded sums, to one decimal, as the import adds them."""
STRENGTH_CAVEAT = {
    "en": "An estimate, not a headcount: a mean over the year, not a count on any day; people the file places at no site are not counted.",
    "nl": "Een schatting, geen telling: een gemiddelde over het jaar, geen telling op een dag; wie het bestand aan geen locatie toewijst, telt niet mee.",
    "fr": "Une estimation, non un décompte : une moyenne sur l’année, non un effectif à une date ; les personnes que le fichier ne rattache à aucun site ne sont pas comptées.",
}  # fmt: skip
STRENGTH_LATE = {
    "en": " The file dates these sites' rows for the year from a later month: {sites}.",
    "nl": " Het bestand laat de rijen van deze locaties voor dat jaar pas later beginnen: {sites}.",
    "fr": " Le fichier fait commencer plus tard les lignes de ces sites pour l’année : {sites}.",
}  # fmt: skip
"""Where a site's row is dated after January (``date``: 2014-03-01), its mean may cover fewer months."""
STRENGTH_REASON = {
    "en": "A count a source states for the year is preferred to RADPKO's yearly mean, an estimate.",
    "nl": "Een telling die een bron voor het jaar noemt, gaat voor op het jaargemiddelde van RADPKO, een schatting.",
    "fr": "Un effectif qu’une source donne pour l’année prime sur la moyenne annuelle de RADPKO, une estimation.",
}  # fmt: skip


def _decimal(value: float, lang: str) -> str:
    """``10883.42`` as ``10,883.4`` / ``10.883,4`` / ``10 883,4``."""
    style = LANGS[lang]  # type: ignore[index]  # a Lang, spelt as str in the importers
    return "".join({",": style.group, ".": style.decimal}.get(char, char) for char in f"{value:,.1f}")


def strength_claims() -> dict[str, dict[str, Any]]:
    """The mission's strength each year, from RADPKO's rows: military (``untrp`` + ``unmob``) and police
    (``unpol``) summed over the sites, each rounded once after summing, marked "about" and ``basis:
    yearly_mean``; keyed by year, rank ``preferred`` (``snapshots`` lowers it beside a stated count)."""
    sums: dict[str, dict[str, float]] = {}
    sites: dict[str, int] = {}
    late: dict[str, list[str]] = {}
    names = {
        site["radpko"]: site.get("names", {}).get("en") or site.get("name", location)
        for location, site in SITES.items()
    }
    for row in _rows(RADPKO):
        year = row["year"]
        summed = sums.setdefault(year, {"untrp": 0.0, "unmob": 0.0, "unpol": 0.0})
        for column in summed:
            summed[column] += float(row[column])
        sites[year] = sites.get(year, 0) + 1
        if not row["date"].startswith(f"{year}-01"):
            late.setdefault(year, []).append(f"{names[row['base']]} ({row['date'][:7]})")
    found = {}
    for year, summed in sorted(sums.items()):
        caveat = {
            lang: text + (STRENGTH_LATE[lang].format(sites=", ".join(sorted(late[year]))) if year in late else "")
            for lang, text in STRENGTH_CAVEAT.items()
        }
        note = {
            lang: text.format(
                year=year, sites=sites[year], troops=_decimal(summed["untrp"], lang),
                observers=_decimal(summed["unmob"], lang), police=_decimal(summed["unpol"], lang),
            )
            for lang, text in STRENGTH_NOTE.items()
        }  # fmt: skip
        found[year] = {
            "rank": "preferred",
            "basis": "yearly_mean",
            "military": {"value": whole(summed["untrp"] + summed["unmob"]), "qualifier": "about"},
            "police": {"value": whole(summed["unpol"]), "qualifier": "about"},
            "note": note,
            "caveat": caveat,
            "sources": [SOURCE_IDS[RADPKO]],
        }
    return found


def _is_mean(claim: dict[str, Any]) -> bool:
    return claim.get("basis") == "yearly_mean" and claim["sources"] == [SOURCE_IDS[RADPKO]]


def snapshots(existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The fact base's snapshots with this import's yearly means: a year a stated snapshot has (same
    date string) gets the mean as a second claim, ranked ``normal`` with the reason (a stated count
    stays preferred); another year gets a snapshot of its own (``strength-radpko-YEAR``), replaced in
    place on a later run, new ones appended. The means of an earlier run are taken out first."""
    means = strength_claims()
    found: list[dict[str, Any]] = []
    for snapshot in existing:
        if snapshot["id"].startswith(STRENGTH_SNAPSHOT):
            year = snapshot["date"]
            if year in means:
                found.append({"id": snapshot["id"], "date": year, "claims": [means.pop(year)]})
            continue
        claims = [claim for claim in snapshot["claims"] if not _is_mean(claim)]
        if snapshot["date"] in means:
            claim = means.pop(snapshot["date"])
            lowered = {"rank": "normal"}
            for key, value in claim.items():
                if key == "note":  # the claim's keys in the model's order: reason before note
                    lowered["reason"] = dict(STRENGTH_REASON)
                if key != "rank":
                    lowered[key] = value
            claims.append(lowered)
        found.append({**snapshot, "claims": claims})
    for year, claim in means.items():
        found.append({"id": f"{STRENGTH_SNAPSHOT}{year}", "date": year, "claims": [claim]})
    return found


def _folded(text: str) -> str:
    """Lower case without accents: 'gao' is no other spelling of 'Gao', nor 'Mopti/Sevare' of 'Mopti/Sévaré'."""
    import unicodedata

    return "".join(char for char in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(char))


def _text(name: str, names: dict[str, str] | None = None) -> dict[str, str]:
    return dict(names) if names else {"en": name, "nl": name, "fr": name}


def bases() -> list[dict[str, Any]]:
    maps = _rows(MAPS)
    coordinates = {repair(row["location"]): (row["longitude"], row["latitude"]) for row in _rows(FRONT)}
    found = []
    for location, site in SITES.items():
        map_rows = [row for row in maps if repair(row["location"]) == location]
        regions = {repair(row["ADM1_name"]) for row in map_rows}
        if len(regions) != 1:
            raise SystemExit(f"{location}: regions {sorted(regions)}")
        region = regions.pop()
        longitude, latitude = coordinates[location]
        presence = [_map_row(row) for row in map_rows] + _yearly_rows(location) + _radpko_rows(site["radpko"])
        presence.sort(key=lambda row: (row["date"], DATASET_ORDER.index(row["dataset"])))
        names = site.get("names") or {"en": site.get("name", location)}
        name = site.get("name", location)
        shown = {_folded(text) for text in names.values()}
        spellings = sorted({text for text in (location, site["radpko"]) if _folded(text) not in shown})
        record: dict[str, Any] = {
            "id": site["id"],
            "name": _text(name, site.get("names")),
            "spellings": spellings,
            "region": _text(region, REGIONS.get(region)),
            "longitude": float(longitude),
            "latitude": float(latitude),
        }
        if location in CLOSED:
            date, event = CLOSED[location]
            record["closed"] = {"date": date, "event": event}
        record["sources"] = [SOURCE_IDS[FRONT], SOURCE_IDS[MAPS]]
        record["presence"] = presence
        found.append(record)
    return found


def imported(fact_base: dict[str, Any]) -> dict[str, Any]:
    """The fact base with its ``bases`` and their sources as the files in data/sources/ give them."""
    provenance = _check_files()
    result = dict(fact_base)
    new_sources = {source["id"]: source for source in sources(provenance)}
    kept = [kept_accessed(new_sources.pop(source["id"], source), source) for source in fact_base["sources"]]
    result["sources"] = kept + list(new_sources.values())
    result["bases"] = bases()
    stated = [
        item
        for item in fact_base.get("contributions", [])
        if not item["id"].startswith((RADPKO_CONTRIBUTION, GEOPKO_CONTRIBUTION))
    ]
    means = contributions()
    result["contributions"] = stated + means + geopko_contributions(result["bases"], means)
    result["snapshots"] = snapshots(fact_base["snapshots"])
    return result


def dumped(fact_base: dict[str, Any]) -> str:
    return json.dumps(fact_base, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    text = FACT_BASE.read_text(encoding="utf-8")
    new = dumped(imported(json.loads(text)))
    if "--check" in argv:
        if new != text:
            print("data/minusma.json differs from what tools/import_bases.py gives", file=sys.stderr)
            return 1
        return 0
    FACT_BASE.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
