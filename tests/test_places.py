"""Where things were, outside `bases`: the sites `at` lists, where `dutch` shows the Netherlands,
the place an event names, and the map's marks (issue 18 item 5)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from typer.testing import CliRunner

from bases_facts import a_site, with_sites
from minusma import query
from minusma.cli import app
from minusma.load import load
from minusma.model import FactBase


@pytest.fixture(scope="module")
def facts() -> FactBase:
    return load()


# --------------------------------------------------------------------------- at DATE: the sites in use


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2015-02-28", False),  # the day before the site's first row
        ("2015-03-01", True),  # its first day
        ("2015-03-31", True),
        ("2015-04-01", False),  # between two maps: nothing carried over
        ("2015-05-01", True),
        ("2015-05-31", True),  # its last day
        ("2015-06-01", False),  # the day after
    ],
)
def test_at_lists_a_site_from_its_first_day_to_its_last(facts: FactBase, day: str, expected: bool) -> None:
    changed = with_sites(facts, a_site("2015-03", "2015-05"))
    result = query.at(changed, day)
    assert [site["id"] for site in result["sites"]] == (["base-test"] if expected else [])
    assert result["sites"] == query.bases(changed, at=day)["sites"]  # the same facts and rule as bases --at


@pytest.mark.parametrize(
    ("closed", "day", "expected"),
    [
        ("2023-10-21", "2023-10-20", True),
        ("2023-10-21", "2023-10-21", True),  # the day it closed
        ("2023-10-21", "2023-10-22", False),  # the day after, though the year's row covers it
        ("2023-10", "2023-10-31", True),  # known to the month: to its last day
        ("2023-10", "2023-11-01", False),
    ],
)
def test_at_drops_a_site_after_its_closure(facts: FactBase, closed: str, day: str, expected: bool) -> None:
    changed = with_sites(facts, a_site("2023", closed=closed, dataset="geopko-yearly"))
    assert bool(query.at(changed, day)["sites"]) == expected


@pytest.mark.parametrize(("asked", "expected"), [("2015-03", True), ("2015", False), ("2015-02", False)])
def test_at_reads_a_month_or_year_as_its_last_day_for_sites_too(facts: FactBase, asked: str, expected: bool) -> None:
    """`at 2015` is the last day of 2015, as for every other part of its answer (unlike `bases --at`,
    which takes any time in the period)."""
    changed = with_sites(facts, a_site("2015-03"))
    assert bool(query.at(changed, asked)["sites"]) == expected


def test_at_without_sites_has_no_sites_sheet(facts: FactBase) -> None:
    from minusma.sheets import at as at_sheets

    result = query.at(with_sites(facts), "2016-07-06")
    assert result["sites"] == []
    assert "sites" not in [sheet.key for sheet in at_sheets(result, "en")]


def test_at_names_the_sites_and_points_to_bases(runner: CliRunner) -> None:
    result = runner.invoke(app, ["at", "2016-07-06", "--format", "csv"])
    assert result.exit_code == 0, result.output
    shipped = query.bases(load(), at="2016-07-06")["sites"]
    table = runner.invoke(app, ["at", "2016-07-06"], env={"COLUMNS": "200"})
    assert "Sites in use" in table.stdout
    assert "'minusma bases --at 2016-07-06'" in table.stdout
    for site in shipped:
        assert site["name"]["en"] in table.stdout
    data = json.loads(runner.invoke(app, ["at", "2016-07-06", "--format", "json"]).stdout)
    assert [site["id"] for site in data["sites"]] == [site["id"] for site in shipped]
    assert "base-gao" in [site["id"] for site in data["sites"]]
    gao = next(site for site in data["sites"] if site["id"] == "base-gao")
    assert "NLD" in gao["countries"]


def test_at_sites_read_back_as_csv(runner: CliRunner) -> None:
    result = runner.invoke(app, ["at", "2023-10-22", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    ids = {row["id"] for row in rows if row["table"] == "sites"}
    assert {row["site"] for row in rows if row["table"] == "sites"} >= {"Kidal", "Gao"}
    assert "base-tessalit" not in ids  # closed on 2023-10-21
    assert "base-kidal" in ids  # closed on 2023-10-31


# --------------------------------------------------------------------------- dutch: where the Netherlands was


def _row(date: str, dataset: str, troops: dict[str, int | None], **more: Any) -> dict[str, Any]:
    estimate = "yearly_mean" if dataset == "radpko-yearly" else "unit_sizes"
    return {
        "date": date, "dataset": dataset, "estimate": estimate, "troops_by_country": troops,
        "sources": ["radpko-bases-yearly" if dataset == "radpko-yearly" else "geopko-maps-2014-2018"], **more,
    }  # fmt: skip


def test_country_sites_keeps_each_dataset_in_its_own_column(facts: FactBase) -> None:
    base = a_site("2015")
    base["presence"] = [  # type: ignore[typeddict-item]
        _row("2015", "geopko-yearly", {"NLD": 750, "SEN": 1250}),
        _row("2015-03", "geopko-map", {"NLD": 150}, map="Map No. 4506 Rev.8"),
        _row("2015-06", "geopko-map", {"NLD": 450}),
        _row("2015", "radpko-yearly", {"NLD": 571}, police_by_country={"NLD": 20}),
        _row("2016", "radpko-yearly", {"SEN": 500}, police_by_country={"NLD": 3}),  # police only: there
        _row("2017", "geopko-yearly", {"SEN": 950}),  # no Dutch: no row
        _row("2018", "geopko-yearly", {"NLD": None}),  # named without a figure
    ]
    found = query.country_sites(with_sites(facts, base), "NLD")
    assert [(place["year"], place["base"]) for place in found] == [
        ("2015", "base-test"), ("2016", "base-test"), ("2018", "base-test"),
    ]  # fmt: skip
    first, police_only, unsized = found
    assert first["geopko_troops"] == 750
    assert [(item["date"], item["map"], item["troops"]) for item in first["map_troops"]] == [
        ("2015-03", "Map No. 4506 Rev.8", 150), ("2015-06", None, 450),
    ]  # fmt: skip
    assert (first["radpko_troops"], first["radpko_police"]) == (571, 20)
    assert (police_only["geopko_troops"], police_only["radpko_troops"], police_only["radpko_police"]) == (None, None, 3)
    assert unsized["geopko_troops"] is None
    assert query.country_sites(with_sites(facts, base), "TCD") == []


# one rule for where a country was: `contributors --country`, `dutch`, `bases --country`


def _two_sites(facts: FactBase, closed: str | None = None) -> FactBase:
    """Chadians at Testville 2014-03 to 2016-12 (a map, a year, a map) and at a second site in 2015."""
    first = a_site("2014-03", "2015", "2016-12", closed=closed)
    first["presence"][1]["dataset"] = "geopko-yearly"
    second = a_site("2015-06")
    second["id"], second["name"] = "base-other", {"en": "Otherville", "nl": "Anderstad", "fr": "Autreville"}
    return with_sites(facts, first, second)


@pytest.mark.parametrize(
    ("date_from", "date_to", "expected"),
    [
        (None, None, [("2014", "base-test"), ("2015", "base-other"), ("2015", "base-test"), ("2016", "base-test")]),
        ("2014-02", "2014-02", []),  # the month before the site's first row
        ("2014-03", "2014-03", [("2014", "base-test")]),  # its first row's month
        ("2014-03-31", "2014-04", [("2014", "base-test")]),  # its first row's last day
        ("2014-04", "2014-12", []),  # between two rows: nothing carried over
        ("2016-12", "2016-12", [("2016", "base-test")]),  # its last row's month
        ("2016-12-31", None, [("2016", "base-test")]),  # its last day
        ("2017-01-01", None, []),  # the day after
        ("2015", "2015", [("2015", "base-other"), ("2015", "base-test")]),  # two sites in one year, by name
    ],
)
def test_country_sites_counts_a_row_for_the_days_it_covers(
    facts: FactBase, date_from: str | None, date_to: str | None, expected: list[tuple[str, str]]
) -> None:
    changed = _two_sites(facts)
    result = query.contributors(changed, country="TCD", date_from=date_from, date_to=date_to)
    assert [(place["year"], place["base"]) for place in result["sites"]] == expected
    if date_from is None:
        assert result["sites"] == query.country_sites(changed, "TCD")


@pytest.mark.parametrize(
    ("closed", "years"),
    [
        ("2016-11-30", ["2014", "2015"]),  # closed the day before its last row's month: that row does not count
        ("2016-12-01", ["2014", "2015", "2016"]),  # closed on its first day: that day counts
        ("2016-12", ["2014", "2015", "2016"]),  # closed in that month: to its last day
        ("2015-01", ["2014", "2015"]),  # closed within a year's row: the year still counts up to the closure
        ("2014-02", []),  # closed before any row
    ],
)
def test_country_sites_ends_at_the_sites_closure(facts: FactBase, closed: str, years: list[str]) -> None:
    found = query.country_sites(_two_sites(facts, closed=closed), "TCD")
    assert [place["year"] for place in found if place["base"] == "base-test"] == years


def test_a_closed_sites_year_keeps_only_its_rows_before_the_closure(facts: FactBase) -> None:
    base = a_site("2023-03", "2023-09", "2023-11", closed="2023-10-21")
    place = query.country_sites(with_sites(facts, base), "TCD")[0]
    assert [item["date"] for item in place["map_troops"]] == ["2023-03", "2023-09"]


def test_a_country_at_two_sites_in_one_year_has_a_row_for_each_with_its_own_figures(facts: FactBase) -> None:
    changed = _two_sites(facts)
    changed["bases"][1]["presence"][0]["troops_by_country"] = {"TCD": 450}  # type: ignore[index]
    found = {place["base"]: place for place in query.country_sites(changed, "TCD") if place["year"] == "2015"}
    assert found["base-test"]["geopko_troops"] == 150 and found["base-test"]["map_troops"] == []
    assert found["base-other"]["geopko_troops"] is None
    assert [item["troops"] for item in found["base-other"]["map_troops"]] == [450]
    assert found["base-test"]["datasets"] == ["geopko-yearly"]
    assert found["base-other"]["datasets"] == ["geopko-map"]


def test_contributors_and_dutch_show_the_same_table(runner: CliRunner) -> None:
    contributors = [
        row
        for row in csv.DictReader(io.StringIO(runner.invoke(app, ["contributors", "--country", "NLD", "--csv"]).stdout))
        if row["table"] == "sites"
    ]
    dutch = [
        row
        for row in csv.DictReader(io.StringIO(runner.invoke(app, ["dutch", "--csv"]).stdout))
        if row["table"] == "where"
    ]
    keys = ("id", "year", "site", "region", "geopko_troops", "map_troops", "radpko_troops", "radpko_police", "sources")
    assert contributors and [[row[key] for key in keys] for row in contributors] == [
        [row[key] for key in keys] for row in dutch
    ]
    assert {row["geopko_troops_qualifier"] for row in contributors} <= {"about", ""}


def test_where_a_site_has_no_dutch_row_it_is_not_listed(facts: FactBase) -> None:
    assert query.country_sites(with_sites(facts, a_site("2015")), "NLD") == []
    sheets = __import__("minusma.sheets", fromlist=["dutch"]).dutch(query.dutch(with_sites(facts)), "en")
    where = next(sheet for sheet in sheets if sheet.key == "where")
    assert where.rows == []
    assert "No site" in where.notes[0]


def test_dutch_shows_where_the_netherlands_was_from_the_bases_facts(runner: CliRunner, facts: FactBase) -> None:
    result = runner.invoke(app, ["dutch", "--format", "json"])
    assert result.exit_code == 0, result.output
    where = json.loads(result.stdout)["where"]
    rows = query.bases(facts, country="NLD")["rows"]
    assert {(place["year"], place["base"]) for place in where} == {(row["date"][:4], row["base"]) for row in rows}
    assert ("2014", "base-gao") in {(place["year"], place["base"]) for place in where}
    gao_2014 = next(place for place in where if (place["year"], place["base"]) == ("2014", "base-gao"))
    radpko = next(
        row for row in rows if row["base"] == "base-gao" and (row["date"], row["dataset"]) == ("2014", "radpko-yearly")
    )
    assert gao_2014["radpko_troops"] == radpko["troops_by_country"]["NLD"]
    table = runner.invoke(app, ["dutch"], env={"COLUMNS": "200"}).stdout
    assert "Where the Netherlands was, year by year (estimates)" in table
    assert "Estimates, not headcounts" in table
    assert "~150 to ~750 (4 maps)" in table


def test_dutch_where_reads_back_as_csv_with_estimates_marked(runner: CliRunner) -> None:
    result = runner.invoke(app, ["dutch", "--format", "csv", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    rows = [row for row in csv.DictReader(io.StringIO(result.stdout)) if row["table"] == "where"]
    assert rows and {row["id"] for row in rows} <= {"base-gao", "base-bamako"}
    first = rows[0]
    assert (first["year"], first["site"], first["geopko_troops_qualifier"]) == ("2014", "Gao", "about")
    assert first["map_troops"].endswith("(4 kaarten)")


# --------------------------------------------------------------------------- events name their place


def test_every_placed_event_names_its_site_in_its_own_words(facts: FactBase) -> None:
    """The rule the places were set by: an event's place is a site its text names (in every language)."""
    from minusma.messages import LANGS

    sites = {base["id"]: base for base in facts.get("bases", [])}
    placed = [event for event in facts["events"] if "place" in event]
    assert len(placed) >= 15
    for event in placed:
        site = sites[event["place"]]
        names = {query.fold(part) for name in [*site["name"].values(), *site["spellings"]] for part in name.split("/")}
        for lang in LANGS:
            assert any(name in query.fold(event["text"][lang]) for name in names), (event["id"], lang)


def test_an_unknown_place_stops_the_load(runner: CliRunner, write_fact_base: Any) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["place"] = "base-atlantis"

    path = write_fact_base(mutate)
    result = runner.invoke(app, ["validate", "--data", str(path)])
    assert result.exit_code == 1
    assert "events[0].place" in result.stdout + result.stderr
    assert "base-atlantis" in result.stdout + result.stderr
    shown = runner.invoke(app, ["timeline", "--data", str(path)])
    assert shown.exit_code == 1 and "Traceback" not in shown.output


def test_a_known_place_loads(runner: CliRunner, write_fact_base: Any) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["place"] = "base-gao"

    result = runner.invoke(
        app, ["timeline", "--to", "2012-03", "--format", "json", "--data", str(write_fact_base(mutate))]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["events"][0]["place"] == "base-gao"
    assert [place["id"] for place in data["places"]] == ["base-gao"]


@pytest.mark.parametrize(
    ("words", "event"),
    [
        ("Sévaré", "ev-2023-mopti"), ("sevare", "ev-2023-mopti"), ("Tombouctou", "ev-2018-timbuktu-camp"),
        ("Timboektoe", "ev-2018-timbuktu-camp"), ("timbuktu", "ev-2023-timbuktu"), ("Aguelhok", "ev-2019-aguelhok"),
    ],
)  # fmt: skip
def test_search_finds_events_by_their_place_in_any_spelling(facts: FactBase, words: str, event: str) -> None:
    hits = {hit["id"]: hit for hit in query.search(facts, words)["hits"]}
    assert event in hits
    found = next(item for item in facts["events"] if item["id"] == event)
    assert hits[event]["text"] == found["text"]  # the event's own words, not its place's names


def test_search_by_a_place_finds_no_event_without_it(facts: FactBase) -> None:
    """An event without a place is found only where its own text names the place."""
    unplaced = {event["id"]: event for event in facts["events"] if "place" not in event}
    hits = {hit["id"] for hit in query.search(facts, "Sévaré")["hits"]}
    for found in hits & set(unplaced):
        assert any("Sévaré" in text for text in unplaced[found]["text"].values()), found


def test_timeline_names_the_place_in_every_writer_of_tables(runner: CliRunner) -> None:
    from test_html import Tree

    # the category keeps out the year's strength figure (the 2016 mean), which a day of 2016 overlaps
    args = ["timeline", "--from", "2016-02-12", "--to", "2016-02-12", "--category", "casualties"]
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert [(event["id"], event["place"]) for event in data["events"]] == [("ev-2016-kidal-camp", "base-kidal")]
    [row] = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--format", "csv", "--lang", "fr"]).stdout)))
    assert row["place"] == "base-kidal"
    html = runner.invoke(app, [*args, "--format", "html", "--lang", "fr"]).stdout
    tree = Tree(html).root
    headers = [cell.text().strip() for cell in tree.find("th")]
    cells = [cell.text().strip() for cell in tree.find("td")]
    assert "Lieu" in headers
    assert cells[headers.index("Lieu")] == "Kidal"
    markdown = runner.invoke(app, [*args, "--format", "md", "--lang", "nl"]).stdout
    assert "| Plaats |" in markdown.replace("  ", " ") or "Plaats" in markdown.splitlines()[2]


def test_timelinejs_names_the_place_in_the_slide_text(runner: CliRunner) -> None:
    from test_timelinejs import Fragment

    result = runner.invoke(
        app, ["timeline", "--from", "2019-01", "--to", "2019-01", "--format", "timelinejs", "--lang", "fr"]
    )
    assert result.exit_code == 0, result.output
    [slide] = [slide for slide in json.loads(result.stdout)["events"] if slide["unique_id"] == "ev-2019-aguelhok"]
    assert set(slide) == {"unique_id", "start_date", "text", "group"}  # no field TimelineJS does not know
    text = Fragment(slide["text"]["text"])
    assert text.text.startswith("Lieu\u00a0: Aguelhok (Kidal)")  # the site, and its region where named otherwise
    unplaced = json.loads(
        runner.invoke(app, ["timeline", "--to", "2012-03", "--format", "timelinejs", "--lang", "fr"]).stdout
    )["events"][0]
    assert "Lieu" not in Fragment(unplaced["text"]["text"]).text
    day = ["timeline", "--from", "2016-02-12", "--to", "2016-02-12", "--category", "casualties"]  # not the 2016 mean
    kidal = json.loads(runner.invoke(app, [*day, "--format", "timelinejs"]).stdout)["events"][0]
    assert Fragment(kidal["text"]["text"]).text.startswith("Place: Kidal")
    assert "Kidal (Kidal)" not in kidal["text"]["text"]


def test_a_place_name_is_escaped_wherever_it_is_shown(runner: CliRunner, write_fact_base: Any) -> None:
    from test_html import Tree
    from test_timelinejs import Fragment

    hostile = '<script>alert("x")</script> & Gao'  # a control character cannot load (test_hostile)

    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["place"] = "base-gao"
        gao = next(base for base in data["bases"] if base["id"] == "base-gao")
        gao["name"] = dict.fromkeys(gao["name"], hostile)

    path = str(write_fact_base(mutate))
    story = json.loads(
        runner.invoke(app, ["timeline", "--to", "2012-03", "--format", "timelinejs", "--data", path]).stdout
    )
    text = Fragment(story["events"][0]["text"]["text"])
    assert "script" not in text.tags
    assert '<script>alert("x")</script>' in text.text
    html = runner.invoke(app, ["timeline", "--to", "2012-03", "--format", "html", "--data", path]).stdout
    tree = Tree(html).root
    assert not tree.find("script")
    assert any('<script>alert("x")</script>' in cell.text() for cell in tree.find("td"))
    table = runner.invoke(app, ["timeline", "--to", "2012-03", "--data", path], env={"COLUMNS": "200"}).stdout
    assert '<script>alert("x")</script> & Gao' in table


# --------------------------------------------------------------------------- the map: the largest contributor


def test_the_map_colours_each_site_by_its_largest_contributor(facts: FactBase) -> None:
    from minusma import sheets

    plot = sheets.bases_map(query.bases(facts, at="2016-06"), "fr")
    by_name = {site.name: site for site in plot.sites}
    assert by_name["Tessalit"].leader == "TCD"
    assert all(site.leader == (query.bases(facts, at="2016-06")["sites"][index]["countries"] or [""])[0]
               for index, site in enumerate(plot.sites))  # fmt: skip
    assert [code for code, _ in plot.leaders] == list(dict.fromkeys(code for code, _ in plot.leaders))
    assert ("TCD", "Tchad") in plot.leaders
    assert plot.leader_label.startswith("Couleur")


def test_the_map_key_names_the_largest_contributors_in_the_svg(runner: CliRunner) -> None:
    pytest.importorskip("matplotlib")
    import xml.etree.ElementTree as ElementTree

    result = runner.invoke(app, ["bases", "--chart", "--format", "svg", "--at", "2016-06", "--lang", "nl"])
    assert result.exit_code == 0, result.output
    root = ElementTree.fromstring(result.stdout_bytes)
    svg = "{http://www.w3.org/2000/svg}"
    legend = next(element for element in root.iter() if element.get("id") == "legend-leaders")
    words = " ".join("".join(text.itertext()) for text in legend.iter(f"{svg}text"))
    assert "Kleur" in words and "Tsjaad" in words
    sites = next(element for element in root.iter() if element.get("id") == "sites-estimated")
    fills = {
        part.split(":")[1].strip()
        for use in sites.iter()
        for part in (use.get("style") or "").split(";")
        if part.strip().startswith("fill:")
    }
    assert len(fills) >= 3  # several contributors lead somewhere, each its own colour


def test_a_map_with_more_leaders_than_colours_shows_the_rest_as_other() -> None:
    pytest.importorskip("matplotlib")
    from minusma.output.chart import LEADER_COLOURS, _leader_colours
    from minusma.sheets import MapPlot, MapSite

    codes = [f"C{index:02d}" for index in range(len(LEADER_COLOURS) + 1)]
    plot = MapPlot(
        "bases", "t", tuple(MapSite(code, 0.0, 16.0, 150, "", code) for code in codes), "", "", "",
        tuple((code, code) for code in codes), "key", "other",
    )  # fmt: skip
    colours = _leader_colours(plot)
    assert len(colours) == len(LEADER_COLOURS) and codes[-1] not in colours
