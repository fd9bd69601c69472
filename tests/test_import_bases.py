"""Bases: the import of Geo-PKO and RADPKO from data/sources/, and the checks on the records it makes."""

from __future__ import annotations

import copy
import csv
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bases_facts import bases_importer
from minusma.load import load, parse
from minusma.model import MALI_LATITUDE, MALI_LONGITUDE, FactBase

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"


@pytest.fixture(scope="module")
def importer() -> ModuleType:
    return bases_importer()


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load()


# --------------------------------------------------------------------------- the import


def test_the_import_gives_the_shipped_fact_base_byte_for_byte(importer: ModuleType) -> None:
    text = (REPO / "data" / "minusma.json").read_text(encoding="utf-8")
    assert importer.dumped(importer.imported(json.loads(text))) == text
    assert importer.main(["--check"]) == 0


def test_the_import_changes_only_bases_and_their_sources(importer: ModuleType, shipped_data: dict[str, Any]) -> None:
    stripped = copy.deepcopy(shipped_data)
    del stripped["bases"]
    stripped["contributions"] = [item for item in stripped["contributions"] if "basis" not in item]
    stripped["snapshots"] = [  # the yearly means of strength: claims the import adds, and their own snapshots
        {**item, "claims": [claim for claim in item["claims"] if "basis" not in claim]}
        for item in stripped["snapshots"]
        if not item["id"].startswith(importer.STRENGTH_SNAPSHOT)
    ]
    ids = set(importer.SOURCE_IDS.values())
    stripped["sources"] = [source for source in stripped["sources"] if source["id"] not in ids]
    again = importer.imported(stripped)
    expected = copy.deepcopy(shipped_data)
    for source in expected["sources"]:
        if source["id"] in ids:  # the day a record entered the history is the history's, not the import's
            del source["accessed"]
    assert again == expected
    assert list(again) == list(expected)  # bases is the last key, nothing reordered


def test_the_yearly_country_figures_are_radpko_sums_over_its_sites(facts: FactBase) -> None:
    """Chad in 2016 summed by hand from the copy, read here with the csv module, not the import."""
    with open(SOURCES / "radpko" / "radpko-bases-yearly-minusma.csv", encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["year"] == "2016"]
    troops = sum(float(row["chad_untrp"]) for row in rows)
    police = sum(float(row["chad_unpol"]) for row in rows)
    everyone = sum(float(row["chad_untrp"]) + float(row["chad_unpol"]) + float(row["chad_unmob"]) for row in rows)
    record = next(item for item in facts["contributions"] if item["id"] == "contrib-radpko-tcd-2016")
    assert record["date"] == "2016" and record["basis"] == "yearly_mean"
    assert record["military"] == {"value": int(troops + 0.5), "qualifier": "about"}  # half up
    assert record["police"] == {"value": int(police + 0.5), "qualifier": "about"}
    assert record["total"] == {"value": int(everyone + 0.5), "qualifier": "about"}
    assert record["sources"] == ["radpko-bases-yearly"]


def test_every_yearly_figure_is_marked_an_estimate_and_years_are_2014_to_2019(facts: FactBase) -> None:
    derived = [item for item in facts["contributions"] if item["id"].startswith("contrib-radpko-")]
    assert {item["date"] for item in derived} == {str(year) for year in range(2014, 2020)}
    for item in derived:
        assert item.get("basis") == "yearly_mean"
        assert all(item[part]["qualifier"] == "about" for part in ("military", "police", "total") if part in item)  # type: ignore[literal-required]
        assert "caveat" in item and item["sources"] == ["radpko-bases-yearly"]
    stated = [
        item for item in facts["contributions"] if not item["id"].startswith(("contrib-radpko-", "contrib-geopko-"))
    ]
    assert all("basis" not in item for item in stated)  # stated figures are never marked as means


def test_yearly_figures_round_once_after_summing_and_drop_no_one(
    importer: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """0.4 at each of two sites is 0.8, about 1 (rounding each first would give 0); 0.2 + 0.2 is no one."""
    columns = ["year", "base", "chad_untrp", "chad_unpol", "chad_pko", "niger_untrp", "niger_unpol", "niger_pko"]
    rows = [
        dict(zip(columns, ["2015", "gao", "0.4", "0", "0.4", "0.2", "0", "0.2"], strict=True)),
        dict(zip(columns, ["2015", "kidal", "0.4", "0", "0.4", "0.2", "0", "0.2"], strict=True)),
    ]
    monkeypatch.setattr(importer, "_rows", lambda name: rows)
    made = importer.contributions()
    assert [item["id"] for item in made] == ["contrib-radpko-tcd-2015"]
    assert made[0]["total"] == {"value": 1, "qualifier": "about"} and "police" not in made[0]


@pytest.mark.parametrize(
    ("mean", "whole"),
    [
        (0.0, 0),
        (0.49, 0),
        (0.5, 1),
        (0.51, 1),
        (2.5, 3),
        (3.5, 4),
        (458.5, 459),
        (0.7 - 0.2, 1),
        (20.249999999999996, 20),
    ],
)
def test_a_mean_rounds_half_up_as_a_reader_of_the_file_would(importer: ModuleType, mean: float, whole: int) -> None:
    """458.5 is about 459, never 458 (Python's round() takes a half to the even number); float noise
    from summing (0.7 - 0.2 is 0.49999999999999994) does not turn a half into less than one."""
    assert importer.whole(mean) == whole


@pytest.mark.parametrize(
    ("where", "shipped"),
    [
        (("contrib-radpko-can-2018", "military"), 47),  # 46.5, Canada's troops at Gao in 2018
        (("contrib-radpko-prt-2014", "military"), 15),  # 14.5
        (("contrib-radpko-nld-2017", "total"), 317),  # 316.5
        (("contrib-radpko-civ-2019", "police"), 25),  # 24.5 over two sites
    ],
)
def test_the_shipped_yearly_means_round_their_halves_up(facts: FactBase, where: tuple[str, str], shipped: int) -> None:
    record_id, part = where
    record = next(item for item in facts["contributions"] if item["id"] == record_id)
    assert record[part]["value"] == shipped  # type: ignore[literal-required]


def test_a_site_yearly_mean_of_a_half_rounds_up(facts: FactBase) -> None:
    """Ansongo's troops in 2015 are 458.5 in the RADPKO file: about 459."""
    ansongo = next(base for base in facts["bases"] if base["id"] == "base-ansongo")
    row = next(row for row in ansongo["presence"] if row["dataset"] == "radpko-yearly" and row["date"] == "2015")
    assert row["troops"] == 459 and row["troops_by_country"]["NER"] == 459


def _geopko_sums(year: str) -> dict[str, int]:
    """A year's troops per country, summed from the TCCMap copy with the csv module and a split on
    ", " (not the import's pattern); "size unknown" adds nothing."""
    sums: dict[str, int] = {}
    with open(SOURCES / "geopko" / "geopko-v2.3-TCCMap-minusma.csv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if row["year"] != year:
                continue
            for part in row["year.overview"].split(", "):
                name, _, size = part.rpartition(" (")
                if size.rstrip(")").isdigit():
                    sums[name] = sums.get(name, 0) + int(size.rstrip(")"))
    return sums


@pytest.mark.parametrize(
    ("year", "name", "code"), [("2016", "Chad", "TCD"), ("2021", "Egypt", "EGY"), ("2014", "Netherlands", "NLD")]
)
def test_the_geopko_yearly_figures_are_sums_over_its_sites(facts: FactBase, year: str, name: str, code: str) -> None:
    record = next(item for item in facts["contributions"] if item["id"] == f"contrib-geopko-{code.lower()}-{year}")
    assert record["date"] == year and record.get("basis") == "unit_sizes" and record["country"] == code
    assert record["military"] == {"value": _geopko_sums(year)[name], "qualifier": "about"}
    assert set(record) == {"id", "country", "date", "basis", "military", "caveat", "sources"}  # troops only
    assert record["sources"] == ["geopko-v2.3-tccmap"]
    assert "950" in record["caveat"]["en"] and "not a headcount" in record["caveat"]["en"]


def test_the_caveat_says_how_high_the_sums_run_measured_not_typed(facts: FactBase) -> None:
    means = {
        (item["country"], item["date"]): item["military"]["value"]
        for item in facts["contributions"]
        if item["id"].startswith("contrib-radpko-") and "military" in item
    }
    estimates = [item for item in facts["contributions"] if item["id"].startswith("contrib-geopko-")]
    ratios = sorted(
        item["military"]["value"] / means[item["country"], item["date"]]
        for item in estimates
        if (item["country"], item["date"]) in means
    )
    middle = len(ratios) // 2
    median = ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2
    assert f"a median {median:.1f} times" in estimates[0]["caveat"]["en"] and median > 1
    assert f"{median:.1f}".replace(".", ",") in estimates[0]["caveat"]["fr"]
    assert all(item["caveat"] == estimates[0]["caveat"] for item in estimates)


def test_without_radpko_to_compare_the_caveat_drops_its_last_sentence(importer: ModuleType) -> None:
    sites = [{"presence": [{"date": "2021", "dataset": "geopko-yearly", "troops_by_country": {"TCD": 950}}]}]
    (made,) = importer.geopko_contributions(sites)
    assert made["caveat"]["en"].endswith("a site where Geo-PKO gives no size is not counted.")
    assert all("{" not in text and "median" not in text for text in made["caveat"].values())


def test_every_geopko_figure_is_an_estimate_for_every_year_of_the_file(facts: FactBase) -> None:
    derived = [item for item in facts["contributions"] if item["id"].startswith("contrib-geopko-")]
    assert {item["date"] for item in derived} == {str(year) for year in range(2014, 2025)}
    assert all(item.get("basis") == "unit_sizes" and item["military"]["qualifier"] == "about" for item in derived)
    assert "multinational" not in {item["country"] for item in derived}
    for year in ("2020", "2021", "2022"):  # the years RADPKO does not reach
        assert len({item["country"] for item in derived if item["date"] == year}) >= 26, year
    assert len({item["country"] for item in derived if item["date"] == "2014"}) == 19  # 20 names, one multinational


def test_a_size_unknown_stays_at_its_site_and_adds_nothing(facts: FactBase) -> None:
    """Indonesia is at Timbuktu in 2015 with no size (its only site): the site keeps it without a figure, and
    there is no Geo-PKO figure for it that year; Egypt's unknown size at Kidal in 2016 adds nothing to its sum."""
    timbuktu = next(base for base in facts["bases"] if base["id"] == "base-tombouctou")
    row = next(row for row in timbuktu["presence"] if row["date"] == "2015" and row["dataset"] == "geopko-yearly")
    assert "IDN" in row["troops_by_country"] and row["troops_by_country"]["IDN"] is None
    assert not [item for item in facts["contributions"] if item["id"] == "contrib-geopko-idn-2015"]
    kidal = next(base for base in facts["bases"] if base["id"] == "base-kidal")
    row = next(row for row in kidal["presence"] if row["date"] == "2016" and row["dataset"] == "geopko-yearly")
    assert row["troops_by_country"]["EGY"] is None
    egypt = next(item for item in facts["contributions"] if item["id"] == "contrib-geopko-egy-2016")
    assert egypt["military"]["value"] == _geopko_sums("2016")["Egypt"]


def test_an_unreadable_geopko_size_stops_the_import(importer: ModuleType) -> None:
    assert importer._yearly_size("950", "x") == 950 and importer._yearly_size("size unknown", "x") is None
    assert importer._yearly_size("0", "x") == 0
    with pytest.raises(SystemExit, match="unreadable size"):
        importer._yearly_size("about 950", "Gao 2020")


def test_geopko_sums_leave_out_unknown_sizes_multinational_units_and_zero(importer: ModuleType) -> None:
    def row(date: str, troops: dict[str, int | None]) -> dict[str, Any]:
        return {"date": date, "dataset": "geopko-yearly", "troops_by_country": troops}

    sites = [
        {
            "presence": [
                row("2020", {"TCD": 950, "TGO": None, "multinational": 150, "NER": 0}),
                row("2021", {"TCD": 35}),
            ]
        },
        {
            "presence": [
                row("2020", {"TCD": 150, "TGO": None}),
                {**row("2020", {"TCD": 999}), "dataset": "radpko-yearly"},
            ]
        },
    ]
    made = importer.geopko_contributions(sites)
    assert [(item["id"], item["military"]["value"]) for item in made] == [
        ("contrib-geopko-tcd-2020", 1100), ("contrib-geopko-tcd-2021", 35)
    ]  # fmt: skip


def test_the_copies_are_the_files_provenance_describes() -> None:
    provenance = json.loads((SOURCES / "provenance.json").read_text(encoding="utf-8"))
    for record in provenance["files"]:
        raw = (SOURCES / record["path"]).read_bytes()
        assert hashlib.sha256(raw).hexdigest() == record["sha256"], record["path"]
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8"))))
        assert len(rows) - 1 == record["rows"]
        assert record["licence"] == "not stated"
        assert (
            record["citation"]
            and len(record["commit"]) == 40
            and record["repository"].startswith("https://github.com/")
        )


def test_double_encoded_names_are_repaired_in_the_records_only(importer: ModuleType, facts: FactBase) -> None:
    assert importer.repair("MÃ©naka") == "Ménaka"
    assert importer.repair("LerÃ©") == "Leré"
    assert importer.repair("SÃ©gou") == "Ségou"
    assert importer.repair("Ménaka") == "Ménaka"  # already right: unchanged
    assert importer.repair("Gao") == "Gao"
    assert importer.repair("Ã") == "Ã"  # not UTF-8 read as Latin-1: left as it is
    raw = (SOURCES / "geopko" / "geopko-maps-2014-2018-minusma.csv").read_text(encoding="utf-8")
    assert "MÃ©naka" in raw  # the copy stays as published
    shipped = (REPO / "data" / "minusma.json").read_text(encoding="utf-8")
    assert "Ã" not in shipped
    names = {base["name"]["en"] for base in facts["bases"]}
    assert {"Ménaka", "Leré"} <= names
    assert any(base["region"]["en"] == "Ségou" for base in facts["bases"])


def test_fifteen_sites_inside_mali_with_rows_from_2014_to_2024(facts: FactBase) -> None:
    bases = facts["bases"]
    assert len(bases) == 15
    for base in bases:
        assert MALI_LONGITUDE[0] <= base["longitude"] <= MALI_LONGITUDE[1], base["id"]
        assert MALI_LATITUDE[0] <= base["latitude"] <= MALI_LATITUDE[1], base["id"]
    years = {row["date"][:4] for base in bases for row in base["presence"]}
    assert years == {str(year) for year in range(2014, 2025)}
    rows = [row for base in bases for row in base["presence"]]
    assert sum(row["dataset"] == "geopko-map" for row in rows) == 318
    assert sum(row["dataset"] == "radpko-yearly" for row in rows) == 84
    assert sum(row["dataset"] == "geopko-yearly" for row in rows) == 134
    maps = {row["map"] for row in rows if "map" in row}
    assert len(maps) == 23 and "Map No. 4506 Rev.3" in maps


def test_every_figure_is_marked_as_an_estimate(facts: FactBase) -> None:
    for base in facts["bases"]:
        for row in base["presence"]:
            expected = "yearly_mean" if row["dataset"] == "radpko-yearly" else "unit_sizes"
            assert row["estimate"] == expected


def test_where_geopko_and_radpko_disagree_both_rows_stay(facts: FactBase) -> None:
    gao = next(base for base in facts["bases"] if base["id"] == "base-gao")
    rows_2014 = [row for row in gao["presence"] if row["date"] == "2014"]
    by_dataset = {row["dataset"]: row for row in rows_2014}
    assert set(by_dataset) == {"geopko-yearly", "radpko-yearly"}
    assert by_dataset["geopko-yearly"]["troops"] == 2062  # the mean of the year's map estimates
    assert by_dataset["radpko-yearly"]["troops"] == 1886  # the mean of the UN's monthly figures
    assert by_dataset["geopko-yearly"]["troops_by_country"]["NLD"] == 750
    assert by_dataset["radpko-yearly"]["troops_by_country"]["NLD"] == 490


def test_a_map_row_keeps_its_un_map_number_and_its_figures_as_given(facts: FactBase) -> None:
    aguelhok = next(base for base in facts["bases"] if base["id"] == "base-aguelhok")
    first = next(row for row in aguelhok["presence"] if row["dataset"] == "geopko-map")
    assert first["date"] == "2014-03" and first["map"] == "Map No. 4506 Rev.3"
    bamako = next(base for base in facts["bases"] if base["id"] == "base-bamako")
    row = next(row for row in bamako["presence"] if row["date"] == "2014-05")
    # the site's total and its countries' estimates differ on this map: both kept, nothing summed
    assert row["troops"] == 1050 and sum(value or 0 for value in row["troops_by_country"].values()) == 900
    assert row["hq"] == "mission"


# --------------------------------------------------------------------------- checks


def _problems(shipped_data: dict[str, Any], change: Callable[[dict[str, Any]], object]) -> list[str]:
    data = copy.deepcopy(shipped_data)
    change(data)
    _, problems = parse(json.dumps(data).encode(), "facts.json")
    return [f"{problem.severity} {problem.path}: {problem.message.said('en')}" for problem in problems]


@pytest.mark.parametrize(
    ("longitude", "latitude", "inside"),
    [
        (-0.04472, 16.27167, True),  # Gao
        (16.27167, -0.04472, False),  # the same, swapped
        (-12.3, 10.1, True),  # the corner, on the line
        (-12.31, 15.0, False),
        (4.31, 15.0, False),
        (0.0, 25.01, False),
        (0.0, 10.09, False),
    ],
)
def test_a_site_outside_mali_is_an_error(
    shipped_data: dict[str, Any], longitude: float, latitude: float, inside: bool
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["bases"][0]["longitude"], data["bases"][0]["latitude"] = longitude, latitude

    found = [line for line in _problems(shipped_data, change) if "outside Mali" in line]
    assert (not found) == inside
    if found:
        assert found[0].startswith("error bases[0].longitude")


def test_a_closure_names_an_event_and_agrees_with_its_date(shipped_data: dict[str, Any]) -> None:
    def unknown(data: dict[str, Any]) -> None:
        next(base for base in data["bases"] if "closed" in base)["closed"]["event"] = "ev-nothing"

    def wrong_date(data: dict[str, Any]) -> None:
        next(base for base in data["bases"] if base["id"] == "base-kidal")["closed"]["date"] = "2023-11"

    def month_of_the_event(data: dict[str, Any]) -> None:
        next(base for base in data["bases"] if base["id"] == "base-kidal")["closed"]["date"] = "2023-10"

    assert any("ev-nothing" in line and line.startswith("error") for line in _problems(shipped_data, unknown))
    assert any("ev-2023-kidal" in line and line.startswith("error") for line in _problems(shipped_data, wrong_date))
    assert not [line for line in _problems(shipped_data, month_of_the_event) if line.startswith("error")]


def test_an_unknown_country_at_a_site_is_an_error(shipped_data: dict[str, Any]) -> None:
    def change(data: dict[str, Any]) -> None:
        data["bases"][0]["presence"][0]["troops_by_country"]["XXX"] = 150

    assert any("'XXX'" in line and line.startswith("error") for line in _problems(shipped_data, change))


def test_a_row_with_an_unknown_key_or_a_negative_figure_does_not_load(shipped_data: dict[str, Any]) -> None:
    def extra(data: dict[str, Any]) -> None:
        data["bases"][0]["presence"][0]["headcount"] = 3

    def negative(data: dict[str, Any]) -> None:
        data["bases"][0]["presence"][0]["troops"] = -1

    assert any(line.startswith("error") for line in _problems(shipped_data, extra))
    assert any(line.startswith("error") for line in _problems(shipped_data, negative))


# --------------------------------------------------------------------------- what a Geo-PKO year row is


def _map_rows_by_site_and_year() -> dict[tuple[str, str], list[dict[str, str]]]:
    """The map-level copy read with the csv module, names repaired by hand (not the import's repair)."""
    found: dict[tuple[str, str], list[dict[str, str]]] = {}
    with open(SOURCES / "geopko" / "geopko-maps-2014-2018-minusma.csv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            name = row["location"].replace("Ã©", "é")
            found.setdefault((name, row["year"]), []).append(row)
    return found


def test_a_geopko_year_row_is_the_mean_of_its_maps_and_each_countrys_largest(facts: FactBase) -> None:
    """What the notes and caveats say of a Geo-PKO year row, held against the map rows of 2014-2018:
    its troops are the mean of the year's map totals rounded down, a country's figure its largest map figure."""
    maps = _map_rows_by_site_and_year()
    location = {"base-mopti-sevare": "Mopti/Sevare", "base-tombouctou": "Tombouctou (Timbuktu)"}
    means = largest = 0
    for base in facts["bases"]:
        name = location.get(base["id"], base["name"]["en"])
        for row in base["presence"]:
            rows = maps.get((name, row["date"]))
            if row["dataset"] != "geopko-yearly" or not rows:
                continue
            totals = [int(map_row["No.troops"]) for map_row in rows]
            assert row["troops"] == sum(totals) // len(totals), (base["id"], row["date"])  # type: ignore[typeddict-item]
            means += 1
            by_country: dict[str, list[int]] = {}
            for map_row in rows:
                for index in range(1, 15):
                    country, size = map_row[f"name.of.TCC{index}"], map_row[f"No.troops.per.TCC{index}"]
                    if size.isdigit():
                        by_country.setdefault(country, []).append(int(size))
            for code, size in row["troops_by_country"].items():
                if code != "multinational" and size is not None:
                    names = [country for country in by_country if COUNTRY_NAMES.get(country) == code]
                    assert size == max(by_country[names[0]]), (base["id"], row["date"], code)
                    largest += 1
    assert means == 71 and largest == 240


COUNTRY_NAMES = {
    "Bangladesh": "BGD", "Belgium": "BEL", "Benin": "BEN", "Burkina Faso": "BFA", "Cambodia": "KHM", "Canada": "CAN",
    "Chad": "TCD", "China": "CHN", "Cote d'Ivoire": "CIV", "Denmark": "DNK", "Egypt": "EGY", "El Salvador": "SLV",
    "Germany": "DEU", "Ghana": "GHA", "Guinea": "GIN", "Indonesia": "IDN", "Jordan": "JOR", "Liberia": "LBR",
    "Lithuania": "LTU", "Mexico": "MEX", "Nepal": "NPL", "Netherlands": "NLD", "Niger": "NER", "Nigeria": "NGA",
    "Norway": "NOR", "Pakistan": "PAK", "Portugal": "PRT", "Romania": "ROU", "Rwanda": "RWA", "Senegal": "SEN",
    "Sri Lanka": "LKA", "Sweden": "SWE", "Togo": "TGO", "Tunisia": "TUN", "UK": "GBR", "United Kingdom": "GBR",
}  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "largest", "mean"),
    [("en", "largest", "mean of the totals"), ("nl", "grootste", "gemiddelde van de totalen"),
     ("fr", "plus grand", "moyenne des totaux")],
)  # fmt: skip
def test_the_row_note_and_the_caveat_say_what_a_geopko_year_row_is(
    facts: FactBase, lang: str, largest: str, mean: str
) -> None:
    """Gao 2014: troops about 2,062, its countries about 3,500; the note says why, in the installed command."""
    import subprocess
    import sys

    command = Path(sys.executable).parent / "minusma"
    shown = subprocess.run(
        [command, "bases", "--base", "Gao", "--format", "md", "--lang", lang, "--no-pager"],
        capture_output=True, text=True, encoding="utf-8", check=True, env={"PATH": "", "COLUMNS": "200"},
    ).stdout  # fmt: skip
    note = " ".join(shown.split())
    assert mean in note and largest in note
    caveat = next(item for item in facts["contributions"] if item["id"] == "contrib-geopko-tcd-2016")["caveat"][lang]  # type: ignore[literal-required]
    assert largest in caveat
