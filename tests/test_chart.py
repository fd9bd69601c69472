"""troops --chart --format svg|png: images read back with independent parsers, the same bytes every run,
never at a terminal, and a clear message where the optional extra is missing."""

from __future__ import annotations

import ast
import json
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from installed import in_terminal, minusma_command
from minusma.cli import app
from minusma.messages import LANGS, Lang, number, say

SRC = Path(__file__).resolve().parents[1] / "src" / "minusma"
SVG = "{http://www.w3.org/2000/svg}"
KINDS = ("military", "uniformed", "police")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _image(runner: CliRunner, image: str, *args: str) -> bytes:
    result = runner.invoke(app, ["troops", "--chart", "--format", image, *args])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout_bytes


@pytest.fixture(scope="module")
def svgs() -> dict[str, ElementTree.Element]:
    runner = CliRunner()
    return {lang: ElementTree.fromstring(_image(runner, "svg", "--lang", lang)) for lang in LANGS}


@pytest.fixture(scope="module")
def compared() -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["troops", "--compare", "--json"])
    rows: list[dict[str, Any]] = json.loads(result.stdout)["comparison"]
    return rows


def _by_id(root: ElementTree.Element, wanted: str) -> ElementTree.Element:
    found = [element for element in root.iter() if element.get("id") == wanted]
    assert len(found) == 1, (wanted, len(found))
    return found[0]


def _texts(element: ElementTree.Element) -> list[str]:
    """Every text drawn inside ``element`` (SVG text stays text: svg.fonttype none)."""
    return ["".join(text.itertext()) for text in element.iter(f"{SVG}text")]


def _groups(root: ElementTree.Element, prefix: str) -> dict[str, ElementTree.Element]:
    return {element.get("id", ""): element for element in root.iter() if element.get("id", "").startswith(prefix)}


# --------------------------------------------------------------------------- SVG read back


@pytest.mark.parametrize("lang", LANGS)
def test_title_axis_labels_and_source_line_are_in_the_language(svgs: dict[str, Any], lang: Lang) -> None:
    root = svgs[lang]
    assert _texts(_by_id(root, "title")) == [say("chart.title", lang)]
    assert _texts(_by_id(root, "date-label")) == [say("date", lang)]
    assert _texts(_by_id(root, "count-label")) == [say("chart.count_axis", lang)]
    (source_line,) = _texts(_by_id(root, "source-line"))
    assert source_line.startswith(say("chart.credit", lang, kinds="", sources="")[:8])
    assert say("chart.kind.news", lang) in source_line
    assert source_line.endswith("minusma")
    assert "minusma troops" not in "".join(root.itertext())  # a credit, not a command line
    assert root.find(f"{SVG}title") is not None and root.findtext(f"{SVG}title") == say("chart.title", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_legends_name_each_kind_and_each_look(svgs: dict[str, Any], lang: Lang) -> None:
    root = svgs[lang]
    series = [say(f"chart.{role}.{kind}", lang) for kind in KINDS for role in ("ceiling", "deployed")]
    assert _texts(_by_id(root, "legend-series")) == series
    looks = [
        say(f"chart.key.{key}", lang) for key in ("exact", "approximate", "other", "estimate", "span", "milestone")
    ]
    # a key too long for the image is wrapped (a text element a line): its words, in order, are the catalogue's
    assert " ".join(_texts(_by_id(root, "legend-marks"))).split() == " ".join(looks).split()


@pytest.mark.parametrize("lang", LANGS)
def test_the_count_axis_writes_thousands_as_the_language_does(svgs: dict[str, Any], lang: Lang) -> None:
    shown = set(_texts(svgs[lang]))
    assert number(12000, lang) in shown  # a tick label
    assert number(15209, lang) in shown  # the ceiling from resolution 2295 on, labelled where it starts
    assert {str(year) for year in range(2013, 2025)} <= shown  # dates: one tick a year


def test_one_step_line_per_ceiling_kind(svgs: dict[str, Any]) -> None:
    lines = _groups(svgs["en"], "ceiling-")
    assert set(lines) == {f"ceiling-{kind}" for kind in KINDS}
    for line in lines.values():
        paths = list(line.iter(f"{SVG}path"))
        assert len(paths) == 1
        # Steps: every segment is horizontal or vertical.
        points = [tuple(map(float, part.split())) for part in paths[0].get("d", "").replace("M", "L").split("L")[1:]]
        assert len(points) > 4
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in zip(points, points[1:], strict=False))


def test_one_point_per_figure_with_its_look(svgs: dict[str, Any], compared: list[dict[str, Any]]) -> None:
    expected: Counter[str] = Counter()
    for row in compared:
        for kind in KINDS:
            quantity = row["deployed"][kind]
            if quantity is not None:
                look = (
                    kind,
                    "preferred" if row["rank"] == "preferred" else "other",
                    *(("mean",) if row["basis"] == "yearly_mean" else ()),  # a yearly mean: a diamond
                    "exact" if quantity["qualifier"] == "exact" else "approximate",
                )
                expected["-".join(("deployed", *look))] += 1
    drawn = {name: len(list(group.iter(f"{SVG}use"))) for name, group in _groups(svgs["en"], "deployed-").items()}
    assert drawn == dict(expected)
    assert sum(drawn.values()) >= 25  # the shipped fact base: every figure with a ceiling of its kind
    for name, group in _groups(svgs["en"], "deployed-").items():
        fills = {use.get("style", "").split(";")[0] for use in group.iter(f"{SVG}use")}
        assert (fills == {"fill: #ffffff"}) == name.endswith("-approximate"), (name, fills)


def test_approximate_figures_carry_their_qualifier_symbol(svgs: dict[str, Any], compared: list[dict[str, Any]]) -> None:
    symbols = {"about": "~", "nearly": "≲", "more_than": ">", "at_least": "≥"}
    wanted = Counter(
        symbols[quantity["qualifier"]]
        for row in compared
        for kind in KINDS
        if (quantity := row["deployed"][kind]) is not None and quantity["qualifier"] != "exact"
    )
    legend = set(_texts(_by_id(svgs["en"], "legend-marks")))
    drawn = Counter(text for text in _texts(svgs["en"]) if text in symbols.values() and text not in legend)
    assert drawn == wanted


def test_the_chart_layout_follows_the_facts() -> None:
    from minusma import query, sheets
    from minusma.load import load

    result = query.chart(load(None))
    plot = sheets.figure(result, "en")
    assert [series.kind for series in plot.series] == list(KINDS)
    assert {series.panel for series in plot.series if series.kind != "police"} == {0}
    military = plot.series[0]
    assert military.steps[0] == ("2013-04-25", 11200)
    assert [date for date, _ in military.steps] == [row["adopted"] for row in result["ceilings"]]
    assert plot.until == "2023-06-30"
    cited = {source for row in result["ceilings"] for source in row["sources"]}
    cited |= {
        source for row in result["comparison"] for source in row["sources"] if any(row["deployed"][k] for k in KINDS)
    }
    assert plot.source_line == (
        f"Sources: press releases, news reports, government documents, reports, web pages and datasets ({len(cited)} sources);"
        " compiled with minusma"
    )
    assert plot.milestones == (
        sheets.Milestone("2016-06-29", "Res. 2295: ceiling raised to 15,209"),
        sheets.Milestone("2023-06-30", "Res. 2690: mandate ended"),
    )


# --------------------------------------------------------------------------- PNG


def test_png_is_a_png_of_the_fixed_size(runner: CliRunner) -> None:
    data = _image(runner, "png", "--lang", "nl")
    assert data[:8] == PNG_SIGNATURE
    length, kind, width, height = struct.unpack(">I4sII", data[8:24])
    assert (length, kind, width, height) == (13, b"IHDR", 1650, 1125)
    import matplotlib.image

    pixels = matplotlib.image.imread(__import__("io").BytesIO(data), format="png")
    assert pixels.shape[:2] == (1125, 1650)
    assert b"Software" not in data  # no version of anything in the file: the same bytes


# --------------------------------------------------------------------------- processes


@pytest.mark.parametrize("image", ["svg", "png"])
def test_the_same_input_gives_the_same_bytes(image: str) -> None:
    runs = []
    for seed in ("1", "2", "random"):
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [*minusma_command(), "troops", "--chart", "--format", image, "--lang", "fr"],
            capture_output=True, env=environment, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        runs.append(result.stdout)
    assert runs[0] == runs[1] == runs[2]
    assert runs[0].startswith(PNG_SIGNATURE if image == "png" else b"<?xml")
    if image == "svg":
        assert b"<dc:date>" not in runs[0]


@pytest.mark.parametrize("image", ["svg", "png"])
def test_an_image_is_never_written_to_a_terminal(image: str, tmp_path: Path) -> None:
    code, shown = in_terminal("troops", "--chart", "--format", image, cwd=tmp_path)
    assert code == 2, shown
    assert f"> troops.{image}" in shown and f"--output troops.{image}" in shown
    assert "<svg" not in shown and "PNG" not in shown and "Traceback" not in shown


def test_at_a_terminal_output_writes_the_file(tmp_path: Path) -> None:
    code, shown = in_terminal("troops", "--chart", "--format", "svg", "--output", "troops.svg", cwd=tmp_path)
    assert code == 0, shown
    assert shown == ""
    assert ElementTree.parse(tmp_path / "troops.svg").getroot().tag == f"{SVG}svg"
    assert [path.name for path in tmp_path.iterdir()] == ["troops.svg"]


def test_without_matplotlib_the_message_names_the_install_command() -> None:
    script = "import sys; sys.modules['matplotlib'] = None; from minusma.entry import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, "troops", "--chart", "--format", "png", "--lang", "nl"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        "minusma: --format png heeft matplotlib nodig, een optioneel onderdeel van minusma: "
        "pip install 'minusma[charts]'\n"
    )


def test_without_matplotlib_no_file_is_left(tmp_path: Path) -> None:
    script = "import sys; sys.modules['matplotlib'] = None; from minusma.entry import main; main()"
    result = subprocess.run(
        [sys.executable, "-c", script, "troops", "--chart", "--format", "svg", "--output", "troops.svg"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert list(tmp_path.iterdir()) == []


def _imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "minusma", *args], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    return {line.rsplit("|", 1)[-1].strip() for line in result.stderr.decode().splitlines() if "|" in line}


@pytest.mark.parametrize("args", [["troops", "--compare", "--json"], ["troops", "--chart"], ["about"]])
def test_other_paths_do_not_import_matplotlib(args: list[str]) -> None:
    imported = _imported(*args)
    assert "minusma.cli" in imported  # the probe works
    assert not {name for name in imported if name == "matplotlib" or name.startswith("matplotlib.")}


def test_the_image_path_does_import_matplotlib() -> None:
    assert "matplotlib" in _imported("troops", "--chart", "--format", "svg")


def test_only_the_chart_writer_imports_matplotlib() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "chart.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(name.split(".")[0] == "matplotlib" for name in names), path


# --------------------------------------------------------------------------- formats that do not fit


@pytest.mark.parametrize(
    "args", [["about", "--format", "svg"], ["troops", "--format", "png"], ["troops", "--compare", "--format", "svg"]]
)
def test_images_are_only_for_the_chart(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "table" in result.stderr


def test_the_text_chart_is_still_bars(runner: CliRunner) -> None:
    result = runner.invoke(app, ["troops", "--chart"], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "█" in result.stdout or "#" in result.stdout


def test_a_fact_base_without_figures_or_ceilings_still_draws(runner: CliRunner, write_fact_base: Any) -> None:
    def strip(data: dict[str, Any]) -> None:
        data["snapshots"] = []
        data["errata"] = [
            erratum
            for erratum in data["errata"]
            if not any(fact.startswith("strength-") for fact in erratum.get("concerns", []))
        ]
        for resolution in data["resolutions"]:
            resolution.pop("ceiling", None)

    path = write_fact_base(strip)
    root = ElementTree.fromstring(_image(runner, "svg", "--data", str(path)))
    assert _groups(root, "ceiling-") == {} and _groups(root, "deployed-") == {}
    assert "0 sources" in _texts(_by_id(root, "source-line"))[0]


def test_a_chart_of_all_zero_figures_prints_no_warning(shipped_data: dict[str, Any], tmp_path: Path) -> None:
    """Issue 21 item 23: matplotlib warned (with a source path) about an axis of no height."""
    import copy
    import subprocess
    import sys

    data = copy.deepcopy(shipped_data)

    def zero(value: Any) -> None:
        if isinstance(value, dict):
            value.pop("formula", None)
            if isinstance(value.get("value"), int) and "qualifier" in value:
                value["value"] = 0
            for item in value.values():
                zero(item)
        elif isinstance(value, list):
            for item in value:
                zero(item)

    zero(data["snapshots"])
    for resolution in data["resolutions"]:
        if "ceiling" in resolution:
            resolution["ceiling"].update(military=0, police=0)
            resolution["ceiling"].pop("total", None)
    path = tmp_path / "zero.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "troops", "--chart", "--format", "svg", "--data", str(path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("<?xml")


# --------------------------------------------------------------------------- issue 20: credit, sizes, milestones

SIZES = {"article": ((6.6, 8.4), (660, 840)), "slide": ((16.0, 9.0), (1600, 900)), None: ((11.0, 7.5), (1650, 1125))}


def _inches(length: str) -> float:
    assert length.endswith("pt"), length
    return float(length[:-2]) / 72


def _font_sizes(root: ElementTree.Element) -> list[float]:
    """Every text's font size in points (matplotlib writes it in the style: ``font: 9px 'DejaVu Sans'``, px
    being the SVG user unit, which the viewBox makes a point)."""
    import re

    sizes = []
    for text in root.iter(f"{SVG}text"):
        found = re.search(r"font(?:-size)?:[^;]*?([0-9.]+)px", text.get("style", ""))
        assert found, text.get("style")
        sizes.append(float(found.group(1)))
    return sizes


@pytest.mark.parametrize("size", ["article", "slide", None])
@pytest.mark.parametrize("lang", LANGS)
def test_each_size_preset_has_its_size_and_no_text_below_9_points(size: str | None, lang: Lang) -> None:
    args = ["--lang", lang] + (["--size", size] if size else [])
    root = ElementTree.fromstring(_image(CliRunner(), "svg", *args))
    (width, height), _ = SIZES[size]
    assert (_inches(root.get("width", "")), _inches(root.get("height", ""))) == pytest.approx((width, height))
    assert root.get("viewBox") == f"0 0 {width * 72:g} {height * 72:g}"
    sizes = _font_sizes(root)
    assert len(sizes) > 40
    if size is not None:
        assert min(sizes) >= 9
    labels = [_texts(_by_id(root, f"milestone-label-{index}")) for index in range(2)]
    assert labels == [
        [say("chart.raised", lang, resolution=2295, total=number(15209, lang))],
        [say("chart.ended_by", lang, resolution=2690)],
    ]
    assert len(_groups(root, "milestone-0")) == len(_groups(root, "milestone-1")) == 2  # across both panels
    assert "minusma troops" not in "".join(root.itertext())


@pytest.mark.parametrize("size", ["article", "slide"])
def test_png_of_each_size_preset(size: str) -> None:
    data = _image(CliRunner(), "png", "--size", size)
    _, pixels = SIZES[size]
    assert data[:8] == PNG_SIGNATURE
    assert struct.unpack(">II", data[16:24]) == pixels


@pytest.mark.parametrize("args", [["--size", "article"], ["--compare", "--size", "slide"]])
def test_size_needs_chart(args: list[str]) -> None:
    result = CliRunner().invoke(app, ["troops", *args])
    assert result.exit_code == 2
    assert "--chart" in result.stderr


def test_an_unknown_size_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["troops", "--chart", "--size", "poster", "--format", "svg"])
    assert result.exit_code == 2
    assert "'poster' is not a chart size. Use one of: standard, article, slide." in result.stderr
    sized = CliRunner().invoke(app, ["troops", "--chart", "--size", "SLIDE", "--format", "svg"])
    assert sized.exit_code == 0 and sized.stdout.startswith("<?xml")  # any case, as before


def test_the_milestones_come_from_the_fact_base(shipped_data: dict[str, Any], tmp_path: Path) -> None:
    from minusma import query, sheets
    from minusma.load import load

    data = json.loads(json.dumps(shipped_data))
    for resolution in data["resolutions"]:
        if resolution["kind"] == "termination":
            resolution["kind"] = "related"  # no termination resolution: the end still marked, unnumbered
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    plot = sheets.figure(query.chart(load(str(path))), "nl")
    assert plot.milestones[-1] == sheets.Milestone(data["mission"]["mandate_ended"], say("chart.ended", "nl"))


def test_the_credit_names_each_kind_of_source_once() -> None:
    from minusma import sheets

    sources = [
        {"id": "a", "kind": "news"}, {"id": "b", "kind": "news"}, {"id": "c", "kind": "report"},
        {"id": "d", "kind": "dataset"}, {"id": "e"},
    ]  # fmt: skip
    assert (
        sheets.credit(sources, {"a", "b", "c"}, "en")
        == "Sources: news reports and reports (3 sources); compiled with minusma"
    )
    assert sheets.credit(sources, {"e"}, "fr").startswith("Sources\xa0: autres sources (1 source)")
    assert sheets.credit(sources, {"a", "d", "e"}, "nl").startswith(
        "Bronnen: nieuwsberichten, datasets en andere bronnen"
    )


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_casualties_chart_credits_the_dataset_not_a_command(lang: str) -> None:
    result = CliRunner().invoke(app, ["casualties", "--chart", "--format", "svg", "--lang", lang])
    assert result.exit_code == 0, result.output
    texts = " ".join(element.text or "" for element in ElementTree.fromstring(result.stdout).iter() if element.text)
    assert "Peace and Security Data Hub" in texts and "DPPADPOSS-FATALITIES" in texts
    assert "minusma casualties" not in result.stdout and "un-fatalities-2025-04-04" not in result.stdout


def _text_box(text: ElementTree.Element) -> tuple[float, float, float, float]:
    """A text's box in SVG units (y down) from DejaVu Sans's own advances (fontTools, not matplotlib): its
    anchor, its size and its characters."""
    import re

    from test_bases_map import _font

    style = dict(part.split(": ", 1) for part in text.get("style", "").split("; "))
    size = float(style["font-size"].removesuffix("px"))
    font = _font(style.get("font-weight") == "700")
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    width = sum(metrics[cmap[ord(char)]][0] for char in text.text or "") * size / font["head"].unitsPerEm
    x, y = float(text.get("x", "nan")), float(text.get("y", "nan"))
    moved = re.fullmatch(r"translate\((\S+) (\S+)\)", text.get("transform", ""))
    if text.get("x") is None and moved is not None:
        x, y = float(moved[1]), float(moved[2])
    anchor = style.get("text-anchor", "start")
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return (left, y - size * 0.76, left + width, y + size * 0.24)


@pytest.mark.parametrize("size", ["article", "slide", None])
@pytest.mark.parametrize("lang", LANGS)
def test_every_word_of_each_size_stays_on_the_image_and_the_credit_clear_of_the_date(
    size: str | None, lang: Lang
) -> None:
    """The slide in French and Dutch cut the key's last entry at the right edge, and its credit line ran
    into the fact base's date (read from the SVG, measured with the font's own widths)."""
    args = ["--lang", lang] + (["--size", size] if size else [])
    root = ElementTree.fromstring(_image(CliRunner(), "svg", *args))
    width = float(root.get("viewBox", "").split()[2])
    for text in root.iter(f"{SVG}text"):
        if "rotate(-90" in text.get("transform", ""):
            continue  # the count's label up the side
        left, _, right, _ = _text_box(text)
        assert -0.5 <= left and right <= width + 0.5, (text.text, left, right, width)
    (as_of,) = _by_id(root, "as-of").iter(f"{SVG}text")
    foot = [as_of, *_by_id(root, "source-line").iter(f"{SVG}text")]  # the credit: a line each where it wraps
    for credit in foot[1:]:
        assert _apart(_text_box(credit), _text_box(as_of)), (credit.text, as_of.text)
    for key in _by_id(root, "legend-marks").iter(f"{SVG}text"):  # the key of the marks, above the credit
        for line in foot:
            assert _apart(_text_box(key), _text_box(line)), (key.text, line.text)


def _apart(first: tuple[float, float, float, float], second: tuple[float, float, float, float]) -> bool:
    return first[2] <= second[0] or second[2] <= first[0] or first[3] <= second[1] or second[3] <= first[1]


def test_the_estimate_key_stands_only_where_a_yearly_mean_is_drawn(svgs: dict[str, Any], write_fact_base: Any) -> None:
    """The shipped fact base draws the RADPKO means as diamonds with their key; without them, no key."""
    runner = CliRunner()
    path = write_fact_base(
        lambda data: data.update(
            snapshots=[
                {**item, "claims": [claim for claim in item["claims"] if "basis" not in claim]}
                for item in data["snapshots"]
                if any("basis" not in claim for claim in item["claims"])
            ]
        )
    )
    root = ElementTree.fromstring(_image(runner, "svg", "--data", str(path)))
    legend = " ".join(_texts(_by_id(root, "legend-marks")))
    assert "RADPKO" not in legend and not any("-mean-" in name for name in _groups(root, "deployed-"))
    assert "RADPKO" in " ".join(_texts(_by_id(svgs["en"], "legend-marks")))
    assert any("-mean-" in name for name in _groups(svgs["en"], "deployed-"))
