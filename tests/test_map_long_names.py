"""A site with a very long name (hostile data, about 90 characters) keeps its map label inside the
image: a name wider than a third of the map is shortened, ending in an ellipsis that shows it was
cut, and its estimate is kept whole; a label is never placed past the map's edge. Read back from
the SVG the installed command writes, measured with the font's own widths."""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import Any

import pytest

from installed import minusma_command
from test_bases_map import SVG, _ink

pytest.importorskip("matplotlib")

LONG = "Camp of the Multidimensional Integrated Stabilization Mission at Ménaka, eastern sector HQ"
ELLIPSIS = "\u2026"


def _map(data: Path, *args: str) -> ElementTree.Element:
    done = subprocess.run(
        [*minusma_command(), "bases", "--chart", "--format", "svg", "--data", str(data), *args],
        capture_output=True, env=os.environ.copy(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    return ElementTree.fromstring(done.stdout)


def _label_texts(root: ElementTree.Element) -> dict[str, ElementTree.Element]:
    found = {}
    for group in root.iter(f"{SVG}g"):
        if re.fullmatch(r"label-\d+(-countries)?", group.get("id", "")):
            (text,) = group.iter(f"{SVG}text")
            found[group.get("id", "")] = text
    return found


@pytest.fixture
def long_named(tmp_path: Path, shipped_data: dict[str, Any]) -> Path:
    data = json.loads(json.dumps(shipped_data))
    (menaka,) = [base for base in data["bases"] if base["id"] == "base-menaka"]
    menaka["name"] = {"en": LONG, "nl": LONG, "fr": LONG}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [None, "article", "slide"])
@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_a_90_character_name_is_shortened_with_an_ellipsis_and_stays_on_the_image(
    long_named: Path, lang: str, size: str | None
) -> None:
    assert len(LONG) == 90
    root = _map(long_named, "--lang", lang, *(["--size", size] if size else []))
    width, height = (float(value) for value in root.get("viewBox", "").split()[2:])
    texts = _label_texts(root)
    shortened = [text.text or "" for text in texts.values() if ELLIPSIS in (text.text or "")]
    assert len(shortened) == 1, shortened  # the long name, and no other
    (label,) = shortened
    name, estimate = label.rsplit(" ", 1)
    assert estimate == "~600"  # the figure is never cut
    assert name.endswith(ELLIPSIS) and LONG.startswith(name[:-1]) and len(name) < len(LONG)
    assert LONG not in "".join(root.itertext())
    for text in texts.values():
        left, top, right, bottom = _ink(text)
        assert 0 <= left and right <= width and 0 <= top and bottom <= height, (text.text, left, right, width)
        assert right - left <= width / 3 * 1.02, text.text  # a third of the map band (here the image) wide at most


def test_the_shipped_names_are_never_shortened(tmp_path: Path, shipped_data: dict[str, Any]) -> None:
    path = tmp_path / "shipped.json"
    path.write_text(json.dumps(shipped_data, ensure_ascii=False), encoding="utf-8")
    for args in ([], ["--lang", "fr", "--size", "article"], ["--lang", "nl", "--at", "2016"]):
        root = _map(path, *args)
        assert all(ELLIPSIS not in (text.text or "") for text in _label_texts(root).values())
