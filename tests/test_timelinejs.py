"""timeline --format timelinejs: the TimelineJS 3 JSON format (timeline.knightlab.com/docs/json-format.html)."""

from __future__ import annotations

import json
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma.cli import app


def run(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return json.loads(result.stdout)


class Fragment(HTMLParser):
    """The tags, links and text of an HTML fragment (a slide's headline or text)."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.links: list[str] = []
        self.text = ""
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.links += [value or "" for name, value in attrs if name == "href"]

    def handle_data(self, data: str) -> None:
        self.text += data


def check_date(date: dict[str, Any], iso: str) -> None:
    """Exactly the parts the date has: no invented month or day."""
    parts = [int(part) for part in iso.split("-")]
    assert date == dict(zip(("year", "month", "day"), parts, strict=False))
    assert all(isinstance(value, int) for value in date.values())


def test_the_document_has_the_timelinejs_shape(runner: CliRunner) -> None:
    facts = run(runner, "timeline", "--json")
    story = run(runner, "timeline", "--format", "timelinejs")
    assert set(story) == {"title", "events", "eras", "scale"}
    assert story["scale"] == "human"
    assert set(story["title"]["text"]) == {"headline", "text"}
    assert len(story["events"]) == len(facts["events"])
    urls = {source["id"]: source["url"] for source in facts["sources"]}
    for slide, event in zip(story["events"], facts["events"], strict=True):
        assert set(slide) == {"unique_id", "start_date", "text", "group"}
        assert slide["unique_id"] == event["id"]
        check_date(slide["start_date"], event["date"])
        assert set(slide["text"]) == {"headline", "text"}
        headline, text = Fragment(slide["text"]["headline"]), Fragment(slide["text"]["text"])
        assert headline.tags == []
        assert set(text.tags) <= {"p", "a", "br"}
        assert event["text"]["en"].startswith(headline.text)
        assert text.links == [urls[source] for source in event["sources"]]
    assert len({slide["unique_id"] for slide in story["events"]}) == len(story["events"])


def test_years_and_months_stay_years_and_months(runner: CliRunner) -> None:
    story = run(
        runner, "timeline", "--from", "2017", "--to", "2017", "--category", "resolution", "--format", "timelinejs"
    )
    dates = [slide["start_date"] for slide in story["events"]]
    assert {"year": 2017} in dates  # resolution 2391, known only to the year
    assert {"year": 2017, "month": 6, "day": 21} in dates


def test_a_resolution_leads_with_its_number_and_cites_its_sources(runner: CliRunner) -> None:
    story = run(runner, "timeline", "--from", "2016-06-29", "--to", "2016-06-29", "--category", "resolution",
                "--format", "timelinejs")  # fmt: skip
    [slide] = story["events"]
    assert slide["text"]["headline"] == "Security Council resolution 2295 (renewal)"
    text = Fragment(slide["text"]["text"])
    assert text.text.startswith("Renewed the mandate") and "Sources: " in text.text
    assert "https://press.un.org/en/2016/sc12426.doc.htm" in text.links


def test_an_era_per_mandate_period(runner: CliRunner) -> None:
    periods = [period for period in run(runner, "mandate", "--json")["periods"] if period["start"] and period["end"]]
    story = run(runner, "timeline", "--format", "timelinejs", "--lang", "nl")
    assert len(story["eras"]) == len(periods) == 10
    for era, period in zip(story["eras"], periods, strict=True):
        assert set(era) == {"start_date", "end_date", "text"}
        check_date(era["start_date"], period["start"])
        check_date(era["end_date"], period["end"])
        assert era["text"]["headline"] == f"Mandaat onder resolutie {period['resolution']}"


def test_filters_apply_and_eras_follow_them(runner: CliRunner) -> None:
    story = run(runner, "timeline", "--from", "2019", "--to", "2019", "-c", "netherlands", "--format", "timelinejs")
    assert story["events"] and {slide["group"] for slide in story["events"]} == {"Netherlands"}
    assert [era["text"]["headline"] for era in story["eras"]] == [
        "Mandate under resolution 2423", "Mandate under resolution 2480",
    ]  # fmt: skip


@pytest.mark.parametrize(("lang", "group"), [("en", "leadership"), ("nl", "leiding"), ("fr", "direction")])
def test_groups_are_categories_in_the_chosen_language(runner: CliRunner, lang: str, group: str) -> None:
    story = run(runner, "timeline", "-c", "leadership", "--lang", lang, "--format", "timelinejs")
    assert {slide["group"] for slide in story["events"]} == {group}


def test_text_from_the_fact_base_is_escaped(runner: CliRunner, write_fact_base: Callable[..., Path]) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["events"][0]["text"]["en"] = '<script>alert("x")</script> & <img src=x onerror=alert(1)>'

    story = run(runner, "timeline", "--to", "2012-03", "--data", str(write_fact_base(mutate)), "--format", "timelinejs")
    headline = Fragment(story["events"][0]["text"]["headline"])
    assert headline.tags == []
    assert headline.text == '<script>alert("x")</script> & <img src=x onerror=alert(1)>'


@pytest.mark.parametrize("command", [["about"], ["troops"], ["at", "2016-07-06"], ["schema"]])
def test_only_the_timeline_prints_timelinejs(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--format", "timelinejs"])
    assert result.exit_code == 2, result.output
    assert "timelinejs" in result.stderr
