"""--format html, read back with the standard library's html.parser."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import LANGS, say
from minusma.output.html import _cell, _cells

VOID = {"meta", "br", "link", "img", "input", "hr"}


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def walk(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.walk()

    def find(self, tag: str) -> list[Element]:
        return [element for element in self.walk() if element.tag == tag]

    def text(self) -> str:
        return "".join(
            child if isinstance(child, str) else "\n" if child.tag == "br" else child.text() for child in self.children
        )


class Tree(HTMLParser):
    """A document as a tree; a tag closed out of order fails the test."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, None)
        self.current = self.root
        self.declarations: list[str] = []
        self.feed(source)
        self.close()
        assert self.current is self.root, f"unclosed <{self.current.tag}>"

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, dict(attrs), self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_endtag(self, tag: str) -> None:
        assert tag == self.current.tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def page(runner: CliRunner, *args: str, code: int = 0) -> Tree:
    result = runner.invoke(app, [*args, "--format", "html"])
    assert result.exit_code == code, result.output
    return Tree(result.stdout)


def check_structure(tree: Tree, lang: str = "en") -> None:
    assert tree.declarations == ["DOCTYPE html"]
    [document] = tree.root.find("html")
    assert document.attrs["lang"] == lang
    assert [meta.attrs for meta in tree.root.find("meta")][0] == {"charset": "utf-8"}
    [title] = tree.root.find("title")
    assert title.text().strip()
    [heading] = tree.root.find("h1")  # one heading, first in the page, saying what the title says
    [main] = tree.root.find("main")
    assert [child for child in main.children if isinstance(child, Element)][0] is heading
    assert heading.text() == title.text()
    [style] = tree.root.find("style")
    assert re.search(r"\.scroll \{[^}]*overflow-x: auto", style.text())
    for table in tree.root.find("table"):  # each in a box that scrolls sideways, which a keyboard reaches
        box = table.parent
        assert box is not None and box.tag == "div" and box.attrs["class"] == "scroll", box
        assert box.attrs["tabindex"] == "0" and box.attrs["role"] == "region" and box.attrs["aria-label"]
    tags = {element.tag for element in tree.root.walk()}
    assert not tags & {"script", "link", "img", "iframe", "object", "embed"}, tags
    for element in tree.root.walk():
        assert "src" not in element.attrs
        assert not any(name.startswith("on") for name in element.attrs)
        if element.tag == "a":
            href = element.attrs["href"] or ""
            assert href.startswith(("#source-", "http://", "https://")), href
    for table in tree.root.find("table"):
        [caption] = table.find("caption")
        assert [child for child in table.children if isinstance(child, Element)][0] is caption  # caption first
        assert caption.text().strip()
        [head] = table.find("thead")
        headers = head.find("th")
        assert headers and all(cell.attrs.get("scope") == "col" for cell in headers)
        for row in table.find("tbody")[0].find("tr"):
            assert len(row.find("td")) == len(headers)


def body_rows(table: Element) -> list[list[str]]:
    return [[cell.text() for cell in row.find("td")] for row in table.find("tbody")[0].find("tr")]


def test_timeline_is_one_standalone_document_with_linked_sources(runner: CliRunner) -> None:
    arguments = ["timeline", "--from", "2016", "--to", "2018-06", "--category", "resolution"]
    result = runner.invoke(app, [*arguments, "--json"])
    facts = json.loads(result.stdout)
    tree = page(runner, *arguments)
    check_structure(tree)
    [table] = tree.root.find("table")
    assert table.find("caption")[0].text() == "Timeline"
    assert [cell.text() for cell in table.find("th")] == ["Date", "Category", "Place", "Event", "Sources"]
    rows = body_rows(table)
    assert [row[0] for row in rows] == [event["date"] for event in facts["events"]]
    entries = {item.attrs["id"]: item for item in tree.root.find("li")}
    urls = {source["id"]: source["url"] for source in facts["sources"]}
    for row, event in zip(table.find("tbody")[0].find("tr"), facts["events"], strict=True):
        links = row.find("td")[4].find("a")
        cited = [entries[str(link.attrs["href"]).removeprefix("#")] for link in links]
        assert [entry.find("a")[0].attrs["href"] for entry in cited] == [urls[id] for id in event["sources"]]
    assert len(entries) == len(facts["sources"])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "args", [["about"], ["troops"], ["troops", "--compare"], ["mandate"], ["dutch"], ["leaders"], ["casualties"],
             ["errata"], ["at", "2016-07-06"], ["search", "Kidal"], ["sources"], ["sources", "un-press-2690"],
             ["validate"]],
)  # fmt: skip
def test_every_table_command_prints_a_valid_page(runner: CliRunner, args: list[str], lang: str) -> None:
    check_structure(page(runner, *args, "--lang", lang), lang)


def test_approximate_figures_and_the_legend(runner: CliRunner) -> None:
    tree = page(runner, "troops", "--compare")
    [table] = tree.root.find("table")
    assert body_rows(table)[0][:6] == ["2013-07-01", "*", "", "uniformed", "~6,200", "12,640"]
    assert ["2016", "*", "μ", "military", "~10,922", "11,240", "-"] in [row[:7] for row in body_rows(table)]
    notes = [p.text() for p in tree.root.find("p") if p.attrs.get("class") == "note"]
    assert notes[0].startswith("~ about, ≲ nearly")


@pytest.mark.parametrize("lang", LANGS)
def test_computed_figures_are_explained_below_their_table(runner: CliRunner, lang: str) -> None:
    tree = page(runner, "troops", "--compare", "--lang", lang)
    [table] = tree.root.find("table")
    assert sum(cell.startswith("Σ") for row in body_rows(table) for cell in row) >= 5
    [section] = [element for element in tree.root.find("section") if element.find("table")]
    notes = [p.text() for p in section.find("p") if p.attrs.get("class") == "note"]
    assert say("computed_note", lang) in notes  # the terminal table's own words, in the table's section


def test_no_sigma_legend_where_no_figure_is_computed(runner: CliRunner) -> None:
    tree = page(runner, "timeline", "--from", "2016", "--to", "2016")
    assert not any(p.text().startswith("Σ") for p in tree.root.find("p"))


HOSTILE = '<script>alert("x")</script> & <b>bold</b> <a href="javascript:alert(1)">link</a>\nsecond line'


def test_text_from_the_fact_base_is_escaped(runner: CliRunner, write_fact_base: Callable[..., Path]) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["text"]["en"] = HOSTILE
        data["sources"][0]["title"] = "<script>title</script>"

    path = write_fact_base(mutate)
    result = runner.invoke(app, ["timeline", "--to", "2013-04", "--data", str(path), "--format", "html"])
    assert result.exit_code == 0, result.output
    assert "<script>" not in result.stdout
    tree = Tree(result.stdout)
    check_structure(tree)
    assert not {element.tag for element in tree.root.walk()} & {"script", "b"}
    [table] = tree.root.find("table")
    assert body_rows(table)[0][3] == HOSTILE  # after date, category and place
    titles = [item.find("a")[0].text() for item in tree.root.find("li") if item.find("a")]
    assert "<script>title</script>" in titles


def test_an_address_in_a_cell_is_a_link_to_it(runner: CliRunner) -> None:
    facts = json.loads(runner.invoke(app, ["sources", "--json"]).stdout)
    [table] = page(runner, "sources").root.find("table")
    assert [link.attrs["href"] for link in table.find("a")] == [source["url"] for source in facts["sources"]]


def test_a_sheet_without_rows_is_a_heading_and_its_text(runner: CliRunner) -> None:
    tree = page(runner, "dutch")
    [heading] = tree.root.find("h1")  # the first sheet: its title is the page's heading
    assert heading.text() == "The Netherlands' contribution"
    assert heading.text() not in [h2.text() for h2 in tree.root.find("h2")]
    [section, *_] = tree.root.find("section")
    assert section.find("p") and not section.find("table")  # its text stays
    assert tree.root.find("table")


@given(st.lists(st.text(alphabet=st.sampled_from("ab é&<>\"' \n\t\x1b https://x.org/"), max_size=30), max_size=8))
def test_a_column_is_escaped_as_each_of_its_cells_would_be(texts: list[str]) -> None:
    assert _cells(texts) == [_cell(text) for text in texts]


def test_the_first_title_is_the_heading_and_is_not_shown_twice(runner: CliRunner) -> None:
    tree = page(runner, "timeline", "--from", "2013-07", "--to", "2013-07")
    [heading] = tree.root.find("h1")
    [table] = tree.root.find("table")
    [caption] = table.find("caption")
    [name] = caption.find("span")
    assert heading.text() == name.text() == "Timeline" and name.attrs["class"] == "hidden"  # for screen readers
    tree = page(runner, "at", "2016-07-06", "--lang", "fr")
    [heading] = tree.root.find("h1")
    assert heading.text() == "MINUSMA le 2016-07-06"
    assert heading.text() not in [h2.text() for h2 in tree.root.find("h2")]
    captions = [table.find("caption")[0] for table in tree.root.find("table")]
    assert not any(caption.find("span") for caption in captions)  # later tables show their own titles
