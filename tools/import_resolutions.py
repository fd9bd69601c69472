"""Build the fact base's resolution records from the official data under data/sources/.

    python tools/import_resolutions.py            # rewrite data/minusma.json in place
    python tools/import_resolutions.py --check    # exit 1 if running it would change the file

What it writes, and nothing else (every other record stays byte for byte as it was):

- a source ``un-res-NNNN`` of kind ``resolution`` for each resolution of ``resolutions`` that the
  UN Digital Library record table names: the symbol as the UN writes it, the adoption date from the
  fact base (checked against the XML where there is one), the Security Council as author, the
  record's URL, and the copy that was read as the first of ``alternative_urls``; it is put first in the resolution's
  ``sources``, so that ``cite res-NNNN`` lists the resolution itself first;
- ``resolution_tasks``: each resolution's tasks with their operative paragraphs, from PEMA
  (2013-2016) and from the resolutions' Akoma Ntoso XML (2020-2023);
- the operative paragraph of each of the seven tasks of resolution 2100 (``mandate.tasks``).

The texts in en/nl/fr below are the tool's own short words for each task; the Council's own
wording comes from the XML as it is (``official``). Nothing here is read at run time or by tests
other than tests/test_import.py, which runs this and compares.
"""

from __future__ import annotations

import csv
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # tools/, also when a test loads this file
from importing import dumps, kept_accessed  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data" / "minusma.json"
SOURCES = REPO / "data" / "sources"
COUNCIL = "United Nations Security Council"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"

XML_FILES = {
    2531: ("S_RES_2531_2020_E.xml", "S_RES_2531_2020_F.xml", "2020/English/S_RES_2531 (2020)-2008609E.xml"),
    2584: ("S_RES_2584_2021_E.xml", "S_RES_2584_2021_F.xml", "2021/English/SC_2584_2021-E.xml"),
    2640: ("S_RES_2640_2022_E.xml", "S_RES_2640_2022_F.xml", "2022/English/S_RES_2640 (2022)-2210294E.xml"),
    2690: ("S_RES_2690_2023_E.xml", "S_RES_2690_2023_F.xml", "2023/English/S_RES_2690_E.xml"),
}
UNXML = "https://github.com/UNxml/SCresolutions/blob/6c4072a/"

COPIES = {  # resolution -> the source of a copy of its text that was read (its URL becomes the first alternative URL)
    2085: "unscr-2085",
    2364: "unscr-2364",
    2391: "girlsrights-2391-fr",
    2423: "vdocument-2423",
    2480: "unscr-2480",
}

# PEMA's task codes in the tool's words (en, nl, fr).
PEMA_TASKS = {
    "disarmdemob": ("Disarmament and demobilisation", "Ontwapening en demobilisatie", "Désarmement et démobilisation"),
    "reintegration": (
        "Reintegration of former combatants",
        "Re-integratie van oud-strijders",
        "Réinsertion des ex-combattants",
    ),
    "controlsalw": (
        "Control of small arms and light weapons",
        "Beheersing van handvuurwapens en lichte wapens",
        "Contrôle des armes légères et de petit calibre",
    ),
    "civprotect": ("Protection of civilians", "Bescherming van burgers", "Protection des civils"),
    "humanrights": ("Human rights", "Mensenrechten", "Droits de l’homme"),
    "childrights": (
        "Children's rights and child protection",
        "Rechten en bescherming van kinderen",
        "Droits et protection de l’enfant",
    ),
    "sgbviolence": (
        "Sexual and gender-based violence",
        "Seksueel en gendergerelateerd geweld",
        "Violences sexuelles et fondées sur le genre",
    ),
    "policereform": ("Police reform", "Hervorming van de politie", "Réforme de la police"),
    "militaryreform": ("Reform of the armed forces", "Hervorming van de strijdkrachten", "Réforme des forces armées"),
    "justicereform": ("Justice reform", "Hervorming van justitie", "Réforme de la justice"),
    "transjustice": ("Transitional justice", "Overgangsjustitie", "Justice transitionnelle"),
    "demining": ("Mine action", "Ontmijning", "Déminage"),
    "stateauthority": (
        "Restoring State authority",
        "Herstel van het staatsgezag",
        "Rétablissement de l’autorité de l’État",
    ),
    "democratization": (
        "Democratisation and political dialogue",
        "Democratisering en politieke dialoog",
        "Démocratisation et dialogue politique",
    ),
    "electsec": ("Security of elections", "Veiligheid van verkiezingen", "Sécurité des élections"),
    "electassist": ("Electoral assistance", "Verkiezingsondersteuning", "Assistance électorale"),
    "civilsociety": ("Civil society", "Maatschappelijk middenveld", "Société civile"),
    "publicinfo": ("Public information", "Voorlichting", "Information du public"),
    "reconcil": ("National reconciliation", "Nationale verzoening", "Réconciliation nationale"),
    "localreconcil": ("Local reconciliation", "Lokale verzoening", "Réconciliation locale"),
    "humanrelief": ("Humanitarian relief", "Humanitaire hulp", "Aide humanitaire"),
    "refugeeidps": ("Refugees and displaced persons", "Vluchtelingen en ontheemden", "Réfugiés et déplacés"),
    "gender": ("Gender", "Gender", "Genre"),
    "ceasefire": ("Ceasefire", "Staakt-het-vuren", "Cessez-le-feu"),
}
MODALITY_WORDS = {
    "monitor": ("monitor", "toezien", "surveiller"),
    "assist": ("assist", "ondersteunen", "appuyer"),
    "security": ("provide security", "veiligheid bieden", "assurer la sécurité"),
    "encouraged": ("encouraged", "aangemoedigd", "encouragé"),
}

# The seven tasks of resolution 2100 and the PEMA code whose paragraph gives each one's letter.
TASKS_2100 = {
    "task-stabilise": "stateauthority_assist",
    "task-political": "democratization_assist",
    "task-protect": "civprotect_security",
    "task-rights": "humanrights_assist",
    "task-humanitarian": "humanrelief_security",
    "task-heritage": None,  # PEMA codes no cultural heritage task for 2100: the one letter left
    "task-justice": "transjustice_assist",
}

# The priority tasks the XML lists, in the tool's words (en, nl, fr), by resolution, paragraph and point.
XML_TASKS: dict[int, dict[tuple[str, str], tuple[str, str, str]]] = {
    2531: {
        ("28", "a"): (
            "Support the 2015 peace agreement.",
            "Het vredesakkoord van 2015 steunen.",
            "Appuyer l’accord de paix de 2015.",
        ),
        ("28", "b"): (
            "Support stabilisation and State authority in central Mali.",
            "Stabilisering en staatsgezag in Midden-Mali steunen.",
            "Appuyer la stabilisation et l’autorité de l’État dans le centre du Mali.",
        ),
        ("28", "c"): ("Protect civilians.", "Burgers beschermen.", "Protéger les civils."),
        ("28", "d"): (
            "Good offices and reconciliation.",
            "Goede diensten en verzoening.",
            "Bons offices et réconciliation.",
        ),
        ("28", "e"): (
            "Promote and protect human rights.",
            "Mensenrechten bevorderen en beschermen.",
            "Promouvoir et protéger les droits humains.",
        ),
        ("28", "f"): ("Humanitarian assistance.", "Humanitaire hulp.", "Aide humanitaire."),
    },
    2584: {
        ("30", "a"): (
            "Support the 2015 peace agreement and the political transition.",
            "Het vredesakkoord van 2015 en de politieke overgang steunen.",
            "Appuyer l’accord de paix de 2015 et la transition politique.",
        ),
        ("30", "b"): (
            "Support stabilisation and State authority in central Mali.",
            "Stabilisering en staatsgezag in Midden-Mali steunen.",
            "Appuyer la stabilisation et l’autorité de l’État dans le centre du Mali.",
        ),
        ("30", "c"): ("Protect civilians.", "Burgers beschermen.", "Protéger les civils."),
        ("30", "d"): (
            "Promote and protect human rights.",
            "Mensenrechten bevorderen en beschermen.",
            "Promouvoir et protéger les droits humains.",
        ),
        ("30", "e"): ("Humanitarian assistance.", "Humanitaire hulp.", "Aide humanitaire."),
    },
    2640: {
        ("26", "a"): (
            "Support the 2015 peace agreement and the political transition.",
            "Het vredesakkoord van 2015 en de politieke overgang steunen.",
            "Appuyer l’accord de paix de 2015 et la transition politique.",
        ),
        ("26", "b"): (
            "Support stabilisation and State authority in central Mali.",
            "Stabilisering en staatsgezag in Midden-Mali steunen.",
            "Appuyer la stabilisation et l’autorité de l’État dans le centre du Mali.",
        ),
        ("26", "c"): ("Protect civilians.", "Burgers beschermen.", "Protéger les civils."),
        ("26", "d"): (
            "Promote and protect human rights.",
            "Mensenrechten bevorderen en beschermen.",
            "Promouvoir et protéger les droits humains.",
        ),
        ("26", "e"): ("Humanitarian assistance.", "Humanitaire hulp.", "Aide humanitaire."),
    },
    2690: {
        ("5", ""): (
            "Until 30 September 2023: respond to imminent threats to civilians nearby and help humanitarian aid be delivered safely.",
            "Tot 30 september 2023: reageren op dreigend geweld tegen burgers in de nabijheid en helpen hulp veilig te bezorgen.",
            "Jusqu’au 30 septembre 2023 : répondre aux menaces imminentes contre les civils à proximité et aider à acheminer l’aide humanitaire en sécurité.",
        ),
        ("6", "i"): (
            "Until 31 December 2023: keep UN personnel, sites, convoys and equipment secure.",
            "Tot 31 december 2023: VN-personeel, -locaties, -konvooien en -materieel beveiligen.",
            "Jusqu’au 31 décembre 2023 : assurer la sécurité du personnel, des sites, des convois et du matériel de l’ONU.",
        ),
        ("6", "ii"): (
            "Until 31 December 2023: keep watch around MINUSMA's sites.",
            "Tot 31 december 2023: de omgeving van MINUSMA-locaties in het oog houden.",
            "Jusqu’au 31 décembre 2023 : surveiller les abords des sites de la MINUSMA.",
        ),
        ("6", "iii"): (
            "Until 31 December 2023: escort UN personnel doing support work.",
            "Tot 31 december 2023: VN-personeel met ondersteunende taken begeleiden.",
            "Jusqu’au 31 décembre 2023 : escorter le personnel de l’ONU chargé de l’appui.",
        ),
        ("6", "iv"): (
            "Until 31 December 2023: extract UN personnel and aid workers in danger.",
            "Tot 31 december 2023: VN-personeel en hulpverleners in gevaar in veiligheid brengen.",
            "Jusqu’au 31 décembre 2023 : extraire le personnel de l’ONU et les humanitaires en danger.",
        ),
        ("6", "v"): (
            "Until 31 December 2023: medical support and evacuation for UN personnel.",
            "Tot 31 december 2023: medische steun en evacuatie voor VN-personeel.",
            "Jusqu’au 31 décembre 2023 : appui médical et évacuation du personnel de l’ONU.",
        ),
        ("6", "vi"): (
            "Until 31 December 2023: strategic communication for its own protection.",
            "Tot 31 december 2023: strategische communicatie voor de eigen bescherming.",
            "Jusqu’au 31 décembre 2023 : communication stratégique pour sa propre protection.",
        ),
    },
}


def text(en: str, nl: str, fr: str) -> dict[str, str]:
    return {"en": en, "nl": nl, "fr": fr}


def words(element: ET.Element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


# --------------------------------------------------------------------------- sources


def record_urls() -> dict[int, str]:
    with (SOURCES / "unsc-record-table-mali.csv").open(newline="", encoding="utf-8") as file:
        return {int(row["res_no"]): row["url_record"] for row in csv.DictReader(file)}


def resolution_source(resolution: dict[str, Any], url: str, copy_url: str | None) -> dict[str, Any]:
    number, adopted = resolution["number"], resolution["adopted"]
    source: dict[str, Any] = {
        "id": f"un-res-{number}",
        "title": f"Resolution {number} ({adopted[:4]})",
        "publisher": "United Nations",
        "url": url,
        "language": "en",
        "kind": "resolution",
        "published": adopted,
        "symbol": f"S/RES/{number} ({adopted[:4]})",
        "author": COUNCIL,
    }
    if copy_url is not None:
        source["alternative_urls"] = [copy_url]
    return source


# --------------------------------------------------------------------------- PEMA

CELL = re.compile(r"^Mandated in (current|previous) resolution in S/RES/(\d+) paragraph\(s\) (.+)$")


def pema_rows() -> dict[int, dict[str, str]]:
    with (SOURCES / "pema-v4-minusma.csv").open(newline="", encoding="utf-8") as file:
        return {int(row["Signature"].split("/")[-1]): row for row in csv.DictReader(file)}


def pema_tasks(number: int, row: dict[str, str]) -> tuple[list[dict[str, Any]], list[str]]:
    """The coded tasks of one resolution, and the cells dropped (a task 'carried forward' from a
    resolution adopted later cannot have stood in this one's mandate)."""
    tasks: list[dict[str, Any]] = []
    dropped: list[str] = []
    for column, cell in row.items():
        if "_" not in column or not cell:
            continue
        code, modality = column.rsplit("_", 1)
        if code not in PEMA_TASKS or modality not in MODALITY_WORDS:
            continue
        match = CELL.match(cell)
        if match is None:
            raise SystemExit(f"PEMA S/RES/{number} {column}: unreadable cell {cell!r}")
        cited = int(match.group(2))
        paragraphs = [part.strip() for part in match.group(3).split(",") if part.strip()]
        if cited > number:
            dropped.append(f"{column} ({cited})")
            continue
        label = PEMA_TASKS[code]
        task: dict[str, Any] = {
            "paragraphs": paragraphs,
            "task": code,
            "modality": modality,
        }
        if cited < number:
            task["carried_from"] = cited
        task["text"] = text(*label)
        if cited < number:
            task["caveat"] = text(
                f"PEMA codes this task as carried over from resolution {cited}; the paragraph numbers are that resolution's.",
                f"PEMA codeert deze taak als overgenomen uit resolutie {cited}; de paragraafnummers zijn die van die resolutie.",
                f"PEMA code cette tâche comme reprise de la résolution {cited} ; les numéros de paragraphe sont ceux de cette résolution.",
            )
        tasks.append(task)
    return tasks, dropped


def dropped_caveat(dropped: list[str]) -> dict[str, str]:
    cells = ", ".join(dropped)
    return text(
        f"Left out: PEMA cells that carry a task over from a resolution adopted later, which cannot have set this mandate: {cells}.",
        f"Weggelaten: PEMA-cellen die een taak overnemen uit een later aangenomen resolutie, die dit mandaat niet kan hebben bepaald: {cells}.",
        f"Écartées : les cellules de PEMA qui reprennent une tâche d’une résolution adoptée plus tard, qui ne peut avoir fixé ce mandat : {cells}.",
    )


# --------------------------------------------------------------------------- XML


def operative(path: Path) -> dict[tuple[str, str], str]:
    """(paragraph, point) -> words of the paragraphs and points the tool keeps; point '' is a paragraph's own words."""
    root = ET.parse(path).getroot()
    found: dict[tuple[str, str], str] = {}
    for paragraph in root.iter(f"{AKN}paragraph"):
        num = paragraph.find(f"{AKN}num")
        if num is None or num.text is None:
            continue
        number = num.text.strip().rstrip(".")
        listing = paragraph.find(f"{AKN}list")
        if listing is None:
            content = paragraph.find(f"{AKN}content")
            if content is not None:
                found[(number, "")] = words(content)
            continue
        for point in listing.findall(f"{AKN}point"):
            point_num = point.find(f"{AKN}num")
            content = point.find(f"{AKN}content")
            if point_num is None or content is None:
                continue
            letter = words(point_num).strip("()")
            found[(number, letter)] = words(content).rstrip(" ;")
    return found


def adoption(path: Path) -> tuple[str, str, dict[str, int]]:
    """The adoption date, the meeting record's symbol and the vote counts the XML shows."""
    root = ET.parse(path).getroot()
    date = next(item.get("date", "") for item in root.iter(f"{AKN}FRBRdate") if item.get("name") == "adoption")
    step = next(item for item in root.iter(f"{AKN}step") if item.get("outcome") == "adopted")
    counts = {"inFavour": 0, "against": 0, "abstaining": 0}
    for count in root.iter(f"{AKN}count"):
        kind = count.get("refersTo")
        if kind in counts:
            counts[kind] = int(count.get("value") or 0)
    return date, step.get("as", ""), counts


def xml_tasks(number: int) -> tuple[list[dict[str, Any]], str, dict[str, str], str]:
    english_file, french_file, _ = XML_FILES[number]
    english = operative(SOURCES / "resolutions-xml" / english_file)
    french = operative(SOURCES / "resolutions-xml" / french_file)
    tasks = []
    for (paragraph, point), (en, nl, fr) in XML_TASKS[number].items():
        if (paragraph, point) not in english or (paragraph, point) not in french:
            raise SystemExit(f"S/RES/{number}: paragraph {paragraph} {point} not in the XML")
        tasks.append(
            {
                "paragraphs": [f"{paragraph} ({point})" if point else paragraph],
                "task": "authorisation" if not point else "function" if number == 2690 else "priority task",
                "text": text(en, nl, fr),
                "official": {"en": english[(paragraph, point)], "fr": french[(paragraph, point)]},
            }
        )
    date, meeting, counts = adoption(SOURCES / "resolutions-xml" / english_file)
    favour, against, abstaining = counts["inFavour"], counts["against"], counts["abstaining"]
    vote = text(
        f"{favour} in favour, {against} against, {abstaining} abstaining (as the resolution's XML records it).",
        f"{favour} voor, {against} tegen, {abstaining} onthoudingen (zoals de XML van de resolutie het vastlegt).",
        f"{favour} pour, {against} contre, {abstaining} abstentions (selon le XML de la résolution).",
    )
    return tasks, meeting, vote, date


# --------------------------------------------------------------------------- the fact base


def build(fact_base: dict[str, Any]) -> dict[str, Any]:
    urls = record_urls()
    by_id = {source["id"]: source for source in fact_base["sources"]}
    resolutions = {resolution["number"]: resolution for resolution in fact_base["resolutions"]}
    for number in XML_FILES:
        date = adoption(SOURCES / "resolutions-xml" / XML_FILES[number][0])[0]
        if resolutions[number]["adopted"] != date:
            raise SystemExit(
                f"S/RES/{number}: adopted {resolutions[number]['adopted']} in the fact base, {date} in the XML"
            )
    for number, resolution in resolutions.items():
        if number not in urls:
            continue
        copy = UNXML + XML_FILES[number][2].replace(" ", "%20") if number in XML_FILES else None
        if copy is None and number in COPIES:
            copy = by_id[COPIES[number]]["url"]
        source = resolution_source(resolution, urls[number], copy)
        if source["id"] in by_id:
            index = fact_base["sources"].index(by_id[source["id"]])
            fact_base["sources"][index] = source = kept_accessed(source, fact_base["sources"][index])
        else:
            fact_base["sources"].append(source)
        by_id[source["id"]] = source
        if resolution["sources"][0] != source["id"]:
            resolution["sources"] = [source["id"], *(item for item in resolution["sources"] if item != source["id"])]

    records: list[dict[str, Any]] = []
    rows = pema_rows()
    for number in sorted(rows):
        tasks, dropped = pema_tasks(number, rows[number])
        record: dict[str, Any] = {
            "id": f"tasks-{number}",
            "resolution": resolutions[number]["id"],
            "coding": "pema",
            "tasks": tasks,
        }
        if dropped:
            record["caveat"] = dropped_caveat(dropped)
        record["sources"] = ["pema-v4", f"un-res-{number}"]
        records.append(record)
    for number in sorted(XML_FILES):
        tasks, meeting, vote, _ = xml_tasks(number)
        records.append(
            {
                "id": f"tasks-{number}",
                "resolution": resolutions[number]["id"],
                "coding": "xml",
                "adoption_record": meeting,
                "vote": vote,
                "tasks": tasks,
                "sources": [f"un-res-{number}"],
            }
        )
    fact_base["resolution_tasks"] = records

    pema_source = {
        "id": "pema-v4",
        "title": "PEMA: Peacekeeping Mandates dataset, version 4 (rows for S/RES/2100, 2164, 2227 and 2295)",
        "publisher": "Di Salvatore, Lundgren, Oksamytna and Smidt",  # the copy read is its URL
        # as the citation its producers ask names them (PROVENANCE-resolutions.json)
        "persons": [
            {"family": "Di Salvatore", "given": "J."},
            {"family": "Lundgren", "given": "M."},
            {"family": "Oksamytna", "given": "K."},
            {"family": "Smidt", "given": "H. M."},
        ],
        "url": "https://github.com/tobiaskauer/peacemandates/blob/ae1540aaeb9461567f114695069b72856f9c90cf/src/assets/PEMA_For_Website_v4.csv",
        "language": "en",
        # a published data file; no ``published``: its provenance states no update date (v4 is only a name)
        "kind": "dataset",
    }
    if "pema-v4" in by_id:
        index = fact_base["sources"].index(by_id["pema-v4"])
        fact_base["sources"][index] = kept_accessed(pema_source, fact_base["sources"][index])
    else:
        fact_base["sources"].append(pema_source)

    row_2100 = rows[2100]
    letters_used = set()
    for task in fact_base["mandate"]["tasks"]:
        column = TASKS_2100.get(task["id"], "")
        if column:
            first = CELL.match(row_2100[column]).group(3).split(",")[0].strip()  # type: ignore[union-attr]
            letter = re.match(r"16([a-g])", first).group(1)  # type: ignore[union-attr]
            letters_used.add(letter)
    for task in fact_base["mandate"]["tasks"]:
        column = TASKS_2100.get(task["id"], "")
        if column is None:
            (letter,) = set("abcdefg") - letters_used
            caveat = text(
                f"PEMA codes no cultural heritage task for resolution 2100; 16 ({letter}) is the one letter of paragraph 16 left once PEMA places the other six tasks.",
                f"PEMA codeert voor resolutie 2100 geen taak voor cultureel erfgoed; 16 ({letter}) is de enige letter van paragraaf 16 die overblijft nadat PEMA de andere zes taken plaatst.",
                f"PEMA ne code aucune tâche de patrimoine culturel pour la résolution 2100 ; 16 {letter}) est la seule lettre du paragraphe 16 qui reste une fois les six autres tâches placées par PEMA.",
            )
        elif column:
            first = CELL.match(row_2100[column]).group(3).split(",")[0].strip()  # type: ignore[union-attr]
            letter = re.match(r"16([a-g])", first).group(1)  # type: ignore[union-attr]
            caveat = None
        else:
            continue
        updated: dict[str, Any] = {"id": task["id"], "text": task["text"], "paragraph": f"16 ({letter})"}
        if caveat is not None:
            updated["caveat"] = caveat
        updated["sources"] = [*(item for item in task["sources"] if item != "pema-v4"), "pema-v4"]
        task.clear()
        task.update(updated)
    return fact_base


render = dumps
"""The fact base in its file's layout (:func:`importing.dumps`)."""


def main(argv: list[str]) -> int:
    before = DATA.read_text(encoding="utf-8")
    after = render(build(json.loads(before)))
    if "--check" in argv:
        return 0 if after == before else 1
    DATA.write_text(after, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
