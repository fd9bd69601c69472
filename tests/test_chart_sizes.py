"""`--size article|slide` on every chart (troops, the map, casualties): one definition of the presets
(``output/chart.py``'s PRESETS), the same meaning on each: an article 660 pixels wide with no word
under 9 points, a 16:9 slide of 1600 x 900 pixels with no word under 12. Read back from the images
(SVG by an XML parser and the font's own widths, PNG by its header)."""

from __future__ import annotations

import os
import struct
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
from typer.testing import CliRunner

from installed import minusma_command
from minusma.cli import app
from minusma.messages import LANGS, Lang
from test_chart import PNG_SIGNATURE, SVG, _font_sizes, _text_box

pytest.importorskip("matplotlib")

CHARTS = {"troops": "troops", "bases": "map", "casualties": "bars"}
"""Each command that draws an image, and its chart's name in output/chart.py."""
PIXELS = {
    ("troops", "article"): (660, 840), ("troops", "slide"): (1600, 900), ("troops", None): (1650, 1125),
    ("bases", "article"): (660, 820), ("bases", "slide"): (1600, 900), ("bases", None): (1350, 1350),
    ("casualties", "article"): (660, 580), ("casualties", "slide"): (1600, 900), ("casualties", None): (1650, 1125),
}  # fmt: skip
SMALLEST = {"article": 9.0, "slide": 12.0}


def _image(command: str, image: str, *args: str) -> bytes:
    result = CliRunner().invoke(app, [command, "--chart", "--format", image, *args])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return result.stdout_bytes


def test_every_chart_takes_its_sizes_from_the_one_definition_of_the_presets() -> None:
    from minusma.output.chart import PRESETS, pixels
    from minusma.sheets import ChartSize

    for command, chart in CHARTS.items():
        for size in ChartSize:
            wanted = PIXELS[(command, None if size is ChartSize.standard else size.value)]
            assert pixels(chart, size) == wanted  # type: ignore[arg-type]
    for size, preset in PRESETS.items():
        assert all(PIXELS[(command, size.value)][0] == round(preset.width * preset.dpi) for command in CHARTS)
        if preset.height is not None:
            assert all(PIXELS[(command, size.value)][1] == round(preset.height * preset.dpi) for command in CHARTS)
        assert SMALLEST[size.value] == preset.smallest
    assert PRESETS[ChartSize.article].smallest >= 9  # issue 20, item 4


@pytest.mark.parametrize("size", ["article", "slide", None])
@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("command", ["bases", "casualties"])
def test_each_preset_has_its_size_its_smallest_word_and_every_word_on_the_image(
    command: str, size: str | None, lang: Lang
) -> None:
    args = ["--lang", lang, *(["--size", size] if size else [])]
    root = ElementTree.fromstring(_image(command, "svg", *args))
    width, height = PIXELS[(command, size)]
    dpi = 150 if size is None else 100  # an SVG is in points: 72 a inch
    assert root.get("viewBox") == f"0 0 {width / dpi * 72:g} {height / dpi * 72:g}"
    sizes = _font_sizes(root)
    assert len(sizes) > 15
    if size is not None:
        assert min(sizes) >= SMALLEST[size], sorted(sizes)[:5]
    right = float(root.get("viewBox", "").split()[2])
    bottom = float(root.get("viewBox", "").split()[3])
    for text in root.iter(f"{SVG}text"):
        if "rotate(-90" in text.get("transform", ""):
            continue  # the count's label up the side
        for line in (text.text or "").split("\n"):
            if not line:
                continue
            line_text = ElementTree.Element(text.tag, text.attrib)
            line_text.text = line
            left, top, end, low = _text_box(line_text)
            assert -0.5 <= left and end <= right + 0.5, (command, size, lang, line, left, end, right)
            assert -0.5 <= top and low <= bottom + 0.5, (command, size, lang, line, top, low, bottom)


@pytest.mark.parametrize("size", ["article", "slide"])
@pytest.mark.parametrize("command", ["bases", "casualties"])
def test_png_of_each_preset_through_the_installed_command(command: str, size: str, tmp_path: object) -> None:
    done = subprocess.run(
        [*minusma_command(), command, "--chart", "--size", size, "--format", "png"],
        capture_output=True, env={**os.environ, "MINUSMA_PAGER": "cat"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout[:8] == PNG_SIGNATURE
    assert struct.unpack(">II", done.stdout[16:24]) == PIXELS[(command, size)]


@pytest.mark.parametrize("command", ["troops", "bases", "casualties"])
def test_size_behaves_as_on_troops(command: str) -> None:
    """Without --chart a usage error; with --chart at a terminal (the table format) taken, drawing as
    without it; an unknown size a usage error naming the presets; any case."""
    runner = CliRunner()
    alone = runner.invoke(app, [command, "--size", "article"])
    assert alone.exit_code == 2 and "--chart" in alone.stderr
    plain = runner.invoke(app, [command, "--chart"], env={"COLUMNS": "100"})
    sized = runner.invoke(app, [command, "--chart", "--size", "slide"], env={"COLUMNS": "100"})
    assert plain.exit_code == sized.exit_code == 0, sized.output
    assert sized.stdout == plain.stdout
    unknown = runner.invoke(app, [command, "--chart", "--size", "poster", "--format", "svg"])
    assert unknown.exit_code == 2
    assert "'poster' is not a chart size. Use one of: standard, article, slide." in unknown.stderr
    upper = runner.invoke(app, [command, "--chart", "--size", "ARTICLE", "--format", "svg"])
    assert upper.exit_code == 0 and upper.stdout.startswith("<?xml")


def test_the_standard_size_is_the_default() -> None:
    for command in CHARTS:
        assert _image(command, "svg", "--size", "standard") == _image(command, "svg")


@pytest.mark.parametrize(
    ("command", "standard"), [("troops", "1650 x 1125"), ("bases", "1350 x 1350"), ("casualties", "1650 x 1125")]
)
def test_the_help_names_each_charts_own_standard_size(command: str, standard: str) -> None:
    shown = " ".join(CliRunner().invoke(app, [command, "--help"]).stdout.split())
    assert f"(default: standard, {standard} pixels)" in shown


@pytest.mark.parametrize("size", ["article", "slide", None])
@pytest.mark.parametrize(
    "args",
    [
        ["casualties", "--country", "BFA", "--from", "2020-01-01", "--to", "2021-12-31"],
        ["casualties", "--from", "2030", "--lang", "fr"],
    ],
)
def test_a_long_title_stays_on_the_image(args: list[str], size: str | None) -> None:
    """A chart scoped by country and period was titled past the right edge ("...: Chad, from 2020-")."""
    command, *rest = args
    for lang in LANGS if "--lang" not in rest else [rest[-1]]:
        extra = [*rest, *(["--lang", lang] if "--lang" not in rest else []), *(["--size", size] if size else [])]
        root = ElementTree.fromstring(_image(command, "svg", *extra))
        right = float(root.get("viewBox", "").split()[2])
        (title,) = [group for group in root.iter(f"{SVG}g") if group.get("id") == "title"]
        for text in title.iter(f"{SVG}text"):
            for line in (text.text or "").split("\n"):
                line_text = ElementTree.Element(text.tag, text.attrib)
                line_text.text = line
                left, _, end, _ = _text_box(line_text)
                assert -0.5 <= left and end <= right + 0.5, (args, size, lang, line, end, right)
