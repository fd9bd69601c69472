"""Bases: the rules of a site in use, the command, GeoJSON and the map."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import struct
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from bases_facts import a_site, bases_importer, with_sites
from minusma import query
from minusma.cli import app
from minusma.load import load
from minusma.model import MALI_LATITUDE, MALI_LONGITUDE, FactBase

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "data" / "sources"


@pytest.fixture(scope="module")
def importer() -> ModuleType:
    return bases_importer()


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load()


# --------------------------------------------------------------------------- a site in use


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2014-02-28", False),  # the day before the first row's month
        ("2014-03-01", True),  # its first day
        ("2014-03-31", True),
        ("2014-04-01", False),  # between two maps: nothing carried over
        ("2014-04-30", False),
        ("2014-05-01", True),
        ("2014-05-31", True),  # the last day of the last row
        ("2014-06-01", False),  # the day after
    ],
)
def test_a_site_is_in_use_only_on_the_days_a_row_covers(facts: FactBase, day: str, expected: bool) -> None:
    base = a_site("2014-03", "2014-05")
    result = query.bases(with_sites(facts, base), at=day)
    assert bool(result["sites"]) == expected
    assert bool(result["rows"]) == expected


def test_a_year_with_no_rows_has_no_site(facts: FactBase) -> None:
    base = a_site("2014", "2016")
    assert query.bases(with_sites(facts, base), at="2015")["sites"] == []
    assert query.bases(with_sites(facts, base), at="2015-12-31")["sites"] == []
    assert len(query.bases(with_sites(facts, base), at="2016-01-01")["sites"]) == 1
    assert len(query.bases(with_sites(facts, base), at="2014-12-31")["sites"]) == 1


@pytest.mark.parametrize(
    ("closed", "day", "expected"),
    [
        ("2023-10-21", "2023-10-20", True),
        ("2023-10-21", "2023-10-21", True),  # the day it closed
        ("2023-10-21", "2023-10-22", False),  # the day after, though the year's row covers it
        ("2023-10", "2023-10-31", True),  # known to the month: the whole month stays possible
        ("2023-10", "2023-11-01", False),
    ],
)
def test_a_closed_site_is_not_in_use_after_its_closure(facts: FactBase, closed: str, day: str, expected: bool) -> None:
    base = a_site("2023", closed=closed)
    assert bool(query.bases(with_sites(facts, base), at=day)["sites"]) == expected


def test_a_month_or_year_asked_finds_rows_at_any_time_in_it(facts: FactBase) -> None:
    base = a_site("2014-05")
    assert len(query.bases(with_sites(facts, base), at="2014")["sites"]) == 1
    assert len(query.bases(with_sites(facts, base), at="2014-05")["sites"]) == 1
    assert query.bases(with_sites(facts, base), at="2014-06")["sites"] == []


def test_the_shipped_sites_on_closing_days(facts: FactBase) -> None:
    def ids(day: str) -> set[str]:
        return {site["id"] for site in query.bases(facts, at=day)["sites"]}

    assert "base-kidal" in ids("2023-10-31") and "base-kidal" not in ids("2023-11-01")
    assert "base-tessalit" in ids("2023-10-21") and "base-tessalit" not in ids("2023-10-22")
    assert "base-gao" in ids("2023-11-01")
    assert ids("2013-12-31") == set()  # no row before 2014


# --------------------------------------------------------------------------- the command


@pytest.mark.parametrize("name", ["Gao", "gao", "GAO", "base-gao"])
def test_a_site_by_name_or_id(facts: FactBase, name: str) -> None:
    found = query.find_base(facts, name)
    assert found is not None and found["id"] == "base-gao"


@pytest.mark.parametrize("name", ["Timbuktu", "Tombouctou", "Timboektoe", "tombouctou (timbuktu)"])
def test_timbuktu_in_every_language_and_spelling(facts: FactBase, name: str) -> None:
    found = query.find_base(facts, name)
    assert found is not None and found["id"] == "base-tombouctou"


@pytest.mark.parametrize("name", ["Sévaré", "Mopti/Sevare", "mopti"])
def test_mopti_sevare(facts: FactBase, name: str) -> None:
    found = query.find_base(facts, name)
    assert found is not None and found["id"] == "base-mopti-sevare"


def test_an_unknown_site_is_exit_1_with_a_hint(runner: CliRunner) -> None:
    result = runner.invoke(app, ["bases", "--base", "Gaoo"])
    assert result.exit_code == 1
    assert "base-gao (Gao)" in result.stderr and not result.stdout
    nothing = runner.invoke(app, ["bases", "--base", "Zzz"])
    assert nothing.exit_code == 1 and "did you mean" not in nothing.stderr


def test_an_unknown_country_is_exit_1(runner: CliRunner) -> None:
    result = runner.invoke(app, ["bases", "--country", "Atlantis"])
    assert result.exit_code == 1 and "Atlantis" in result.stderr


def test_one_site_over_time_as_json(runner: CliRunner) -> None:
    result = runner.invoke(app, ["bases", "--base", "Gao", "--json"])
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert set(document) == {
        "as_of",
        "at",
        "read_as",
        "country",
        "base",
        "sites",
        "rows",
        "after_withdrawal",
        "sources",
    }
    assert [site["id"] for site in document["sites"]] == ["base-gao"]
    dates = [row["date"] for row in document["rows"]]
    assert dates[0] == "2014" and dates[-1] == "2024" and len(dates) == 23 + 11 + 6
    assert {source["id"] for source in document["sources"]} >= {"geopko-maps-2014-2018", "radpko-bases-yearly"}


def test_where_the_netherlands_was(runner: CliRunner, facts: FactBase) -> None:
    for name in ("NLD", "Netherlands", "Nederland", "Pays-Bas"):
        result = query.bases(facts, country=query.find_country(facts, name))
        assert "base-gao" in {site["id"] for site in result["sites"]}, name
    document = json.loads(runner.invoke(app, ["bases", "--country", "Nederland", "--json"]).stdout)
    assert all("NLD" in row["troops_by_country"] for row in document["rows"])


def test_every_tabular_format_and_language(runner: CliRunner) -> None:
    for lang, site in (("en", "Timbuktu"), ("nl", "Timboektoe"), ("fr", "Tombouctou")):
        table = runner.invoke(app, ["bases", "--lang", lang])
        assert table.exit_code == 0, table.output
        assert site in table.stdout
        for output_format in ("md", "html", "csv"):
            result = runner.invoke(app, ["bases", "--lang", lang, "--at", "2016-06", "--format", output_format])
            assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["bases", "--csv", "--at", "2016-05-15"]).stdout)))
    sites = [row for row in rows if row["table"] == "sites"]
    gao = next(row for row in sites if row["id"] == "base-gao")
    assert float(gao["longitude"]) == -0.04472 and float(gao["latitude"]) == 16.27167  # a number, not text
    assert gao["troops_qualifier"] == "about"
    shown = [row for row in rows if row["table"] == "rows"]
    assert {row["dataset"] for row in shown} == {"geopko-map", "geopko-yearly", "radpko-yearly"}


def test_the_table_says_the_figures_are_estimates(runner: CliRunner) -> None:
    for lang, words in (("en", "not headcounts"), ("nl", "geen tellingen"), ("fr", "pas des effectifs")):
        result = runner.invoke(app, ["bases", "--base", "Kidal", "--lang", lang])
        assert words in result.stdout, lang


# --------------------------------------------------------------------------- GeoJSON


def test_geojson_is_rfc_7946_with_longitude_first(runner: CliRunner) -> None:
    import geojson

    result = runner.invoke(app, ["bases", "--format", "geojson"])
    assert result.exit_code == 0, result.output
    collection = geojson.loads(result.stdout)
    assert isinstance(collection, geojson.FeatureCollection) and collection.is_valid, collection.errors()
    assert len(collection["features"]) == 15
    by_id = {feature["id"]: feature for feature in collection["features"]}
    longitude, latitude = by_id["base-gao"]["geometry"]["coordinates"]
    assert abs(longitude - 0.0) < 0.1 and abs(latitude - 16.3) < 0.1  # Gao: about 0.0 E, 16.3 N
    for feature in collection["features"]:
        assert isinstance(feature["geometry"], geojson.Point)
        longitude, latitude = feature["geometry"]["coordinates"]
        assert MALI_LONGITUDE[0] <= longitude <= MALI_LONGITUDE[1] and MALI_LATITUDE[0] <= latitude <= MALI_LATITUDE[1]
    assert "crs" not in collection  # RFC 7946 section 4: WGS 84 only, no crs member
    assert by_id["base-tombouctou"]["properties"]["name"] == "Timbuktu"


def test_geojson_of_one_site_carries_its_rows_in_the_language_asked(runner: CliRunner) -> None:
    import geojson

    result = runner.invoke(app, ["bases", "--base", "Tombouctou", "--format", "geojson", "--lang", "fr"])
    collection = geojson.loads(result.stdout)
    assert collection.is_valid
    (feature,) = collection["features"]
    assert feature["properties"]["name"] == "Tombouctou"
    assert feature["properties"]["rows"][0]["estimate"] in ("unit_sizes", "yearly_mean")
    assert "estimations" in collection["note"]


# --------------------------------------------------------------------------- the map


def test_the_map_as_svg_reads_back(runner: CliRunner) -> None:
    pytest.importorskip("matplotlib")
    result = runner.invoke(app, ["bases", "--chart", "--format", "svg", "--at", "2016-06"])
    assert result.exit_code == 0, result.output
    root = ElementTree.fromstring(result.stdout_bytes)
    text = " ".join("".join(element.itertext()) for element in root.iter("{http://www.w3.org/2000/svg}text"))
    assert "2016-06" in text and "Gao" in text and "Kidal" in text
    assert "Geo-PKO" in text and "RADPKO" in text and "Natural Earth" in text
    ids = {element.get("id") for element in root.iter()}
    assert {"mali-outline", "sites-estimated", "source-line", "title"} <= {i for i in ids if i}


def test_the_map_as_png_has_its_size() -> None:
    pytest.importorskip("matplotlib")
    from minusma import sheets
    from minusma.output.chart import render

    result = query.bases(load(), at="2019")
    png = render(sheets.bases_map(result, "nl"), "nl", "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1350, 1350)


def test_the_map_draws_the_same_bytes_twice() -> None:
    pytest.importorskip("matplotlib")
    from minusma import sheets
    from minusma.output.chart import render

    plot = sheets.bases_map(query.bases(load()), "en")
    assert render(plot, "en", "svg") == render(plot, "en", "svg")


def test_the_outline_is_mali_and_small() -> None:
    from importlib.resources import files

    shipped = files("minusma").joinpath("mali.json")
    feature = json.loads(shipped.read_text(encoding="utf-8"))
    assert len(shipped.read_bytes()) < 20_000
    assert "Natural Earth" in feature["properties"]["source"]
    ring = feature["geometry"]["coordinates"][0]
    longitudes, latitudes = [point[0] for point in ring], [point[1] for point in ring]
    assert -12.3 <= min(longitudes) < -12 and 4 < max(longitudes) <= 4.3
    assert 10.1 <= min(latitudes) < 10.3 and 24.9 < max(latitudes) <= 25.0


def test_the_map_in_a_terminal_is_the_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["bases", "--chart"])
    assert result.exit_code == 0, result.output
    assert "Gao" in result.stdout


def test_a_date_before_the_first_row_lists_no_site(runner: CliRunner) -> None:
    result = runner.invoke(app, ["bases", "--at", "2013-07-01", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["sites"] == []


def test_geojson_is_refused_elsewhere(runner: CliRunner) -> None:
    assert runner.invoke(app, ["about", "--format", "geojson"]).exit_code == 2


def test_today_is_not_needed(facts: FactBase) -> None:
    """The rule reads only the dates it is given (no clock)."""
    base = a_site("2014-03")
    assert query.in_use(base, "2014-03", dt.date(2014, 3, 15))


def test_the_command_in_a_real_process(tmp_path: Path) -> None:
    """As a shell runs it: GeoJSON through a pipe, an unknown site on stderr with exit 1, the map to a file."""
    import subprocess
    import sys

    import geojson

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-m", "minusma", *args], capture_output=True, check=False, cwd=tmp_path)

    collection = geojson.loads(run("bases", "--format", "geojson", "--at", "2019").stdout.decode("utf-8"))
    assert collection.is_valid and len(collection["features"]) == 13
    unknown = run("bases", "--base", "Gaoo")
    assert unknown.returncode == 1 and b"base-gao" in unknown.stderr and b"Traceback" not in unknown.stderr
    pytest.importorskip("matplotlib")
    made = run("bases", "--chart", "--format", "svg", "--output", str(tmp_path / "bases.svg"))
    assert made.returncode == 0, made.stderr
    assert ElementTree.parse(tmp_path / "bases.svg").getroot().tag == "{http://www.w3.org/2000/svg}svg"


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("at", ["2016", "2016-06", "2016-06-30"])
def test_a_title_for_a_year_or_month_does_not_read_as_one_day(lang: str, at: str) -> None:
    """`bases --at 2016` was titled "Sites in use on 2016" ("op 2016", "le 2016"), a day's wording for a
    year; the option means any time in it. The table's title and the map's both."""
    import subprocess
    import sys
    import xml.etree.ElementTree as ElementTree

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(
            [sys.executable, "-m", "minusma", "--lang", lang, "bases", "--at", at, *args],
            capture_output=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done

    title = run("--no-pager").stdout.decode().splitlines()[0]
    svg = ElementTree.fromstring(run("--chart", "--format", "svg").stdout)
    (map_title,) = [
        "".join(group.itertext()).strip()
        for group in svg.iter("{http://www.w3.org/2000/svg}g")
        if group.get("id") == "title"
    ]
    for shown in (title, map_title):
        assert at in shown
        assert not any(f"{word} {at}" in shown for word in ("on", "op", "le")), shown


# --------------------------------------------------------------------------- validate: rows outside the site's life


def _row_warnings(facts: FactBase, base: dict[str, object] | object) -> list[tuple[str, str]]:
    from minusma.model import check_fact_base

    found = check_fact_base(with_sites(facts, base))  # type: ignore[arg-type]
    keys = ("check.presence_after_closure", "check.presence_before_mission")
    return [(problem.severity, problem.message.key) for problem in found if problem.message.key in keys]


@pytest.mark.parametrize(
    ("closed", "row", "warned"),
    [
        ("2023-10-21", "2023-10-21", False),  # the closure's day
        ("2023-10-21", "2023-10-22", True),  # the day after
        ("2023-10-21", "2023-10", False),  # a month that holds the closure
        ("2023-10-21", "2023-11", True),
        ("2023-10", "2023-10-31", False),  # known to the month: all of it may be before
        ("2023-10", "2023-11-01", True),
        ("2023-10", "2023", False),  # a year that holds the closure
        ("2023-10", "2024", True),
    ],
)
def test_validate_warns_of_a_row_wholly_after_its_sites_closure(
    facts: FactBase, closed: str, row: str, warned: bool
) -> None:
    assert _row_warnings(facts, a_site(row, closed=closed)) == (
        [("warning", "check.presence_after_closure")] if warned else []
    )


@pytest.mark.parametrize(
    ("row", "warned"),
    [
        ("2013-04-24", True),  # the day before the mission was established (2013-04-25)
        ("2013-04-25", False),  # the day
        ("2013-04", False),  # the month that holds it
        ("2013-03", True),
        ("2013", False),
        ("2012", True),
    ],
)
def test_validate_warns_of_a_row_wholly_before_the_mission(facts: FactBase, row: str, warned: bool) -> None:
    assert facts["mission"]["established"] == "2013-04-25"
    assert _row_warnings(facts, a_site(row)) == ([("warning", "check.presence_before_mission")] if warned else [])


def test_the_shipped_sites_have_no_row_outside_their_life(facts: FactBase) -> None:
    from minusma.model import check_fact_base

    keys = ("check.presence_after_closure", "check.presence_before_mission")
    assert [problem for problem in check_fact_base(facts) if problem.message.key in keys] == []
