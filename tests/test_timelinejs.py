"""timeline --format timelinejs: the TimelineJS 3 JSON format (timeline.knightlab.com/docs/json-format.html)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import LANGS


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
        runner, "timeline", "--from", "2017", "--to", "2017", "--category", "resolution", "--category", "strength",
        "--format", "timelinejs",
    )  # fmt: skip
    dates = [slide["start_date"] for slide in story["events"]]
    assert {"year": 2017} in dates  # the strength of "early 2017", known only to the year
    assert {"year": 2017, "month": 6, "day": 21} in dates  # resolution 2359
    assert {"year": 2017, "month": 7} in dates  # the strength of July 2017, known to the month
    assert {"year": 2017, "month": 12, "day": 8} in dates  # resolution 2391


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


# TimelineJS 3's own link code (src/js/core/Util.js: linkify, htmlify), ported line for line so the
# output can be run through it here; it builds single-quoted attributes from raw text.
URL_PATTERN = re.compile(r"\b(?:https?|ftp):\/\/([a-z0-9-+&@#\/%?=~_|!:,.;]*[a-z0-9-+&@#\/%=~_|])", re.I | re.M | re.A)
PSEUDO_URL_PATTERN = re.compile(r"(^|[^\/>])(www\.[\S]+(\b|$))", re.I | re.M | re.A)
EMAIL_PATTERN = re.compile(r"([a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\.[a-zA-Z0-9-.]+)", re.I | re.M | re.A)


def make_link(url: str, link_text: str, prefix: str = "") -> str:
    if len(link_text) > 30:
        link_text = link_text[:30] + "\u2026"
    return f"{prefix}<a class='tl-makelink' href='{url}' onclick='void(0)'>{link_text}</a>"


def linkify(text: str) -> str:
    def url(match: re.Match[str]) -> str:
        if match.start() > 0 and text[match.start() - 1] in "\"'=":
            return match.group(0)
        return make_link(match.group(0), match.group(1))

    text = URL_PATTERN.sub(url, text)
    text = PSEUDO_URL_PATTERN.sub(
        lambda match: make_link("http://" + match.group(2), match.group(2), match.group(1)), text
    )
    return EMAIL_PATTERN.sub(lambda match: make_link("mailto:" + match.group(1), match.group(1)), text)


def htmlify(text: str) -> str:
    return text if re.search(r"<p>[\s\S]*?</p>", text) else f"<p>{text}</p>"


class Attributes(HTMLParser):
    """Every attribute of every tag, as the browser would read them."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


HOSTILE_LINK = """Lead: see www.example.org/'autofocus='1'tabindex='1'onfocus='document.title="PWNED";x end"""


@pytest.mark.parametrize("lang", LANGS)
def test_autolinked_text_cannot_add_attributes(write_fact_base: Callable[..., Path], lang: str) -> None:
    """Issue 21 item 1: a bare www. address with quotes, run through TimelineJS's own linkify, stays one href."""

    def mutate(data: dict[str, Any]) -> None:
        event = data["events"][0]
        for language in LANGS:
            event["text"][language] = HOSTILE_LINK
            event["caveat"] = {name: f'caveat www.c.org/"onmouseover="x"\'y {name}' for name in LANGS}
        source = next(source for source in data["sources"] if source["id"] == event["sources"][0])
        source["title"] = "Title www.t.org/'onclick='alert(1)' and mail a@b.org'x"
        source["url"] = "https://www.u.org/'onload='alert(1)'"

    path = write_fact_base(mutate)
    process = subprocess.run(
        [sys.executable, "-m", "minusma", "timeline", "--to", "2012-03", "--data", str(path), "--lang", lang,
         "--format", "timelinejs"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    [slide] = json.loads(process.stdout)["events"]
    for field in ("headline", "text"):
        shown = htmlify(linkify(slide["text"][field]))
        for tag, attributes in Attributes(shown).found:
            assert tag in {"p", "a", "br"}, shown
            if tag == "a":
                assert set(attributes) in ({"href"}, {"class", "href", "onclick"}), shown
                assert attributes.get("onclick") in (None, "void(0)"), shown
    shown = Attributes(htmlify(linkify(slide["text"]["text"])))
    links = [attributes["href"] for tag, attributes in shown.found if tag == "a"]
    assert "http://www.example.org/'autofocus='1'tabindex='1'onfocus='document.title=\"PWNED\";x" in links
    assert len(links) >= 4  # the event's, the caveat's, the title's www. and the source link itself


def test_output_file_gets_the_bytes_a_pipe_gets_even_from_a_terminal(tmp_path: Path) -> None:
    """Issue 21 item 22: indentation follows where the bytes go (the file), not the terminal the command runs in."""
    import pty

    target = tmp_path / "story.json"
    leader, follower = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "minusma", "timeline", "--format", "timelinejs", "--output", str(target)],
        stdin=follower, stdout=follower, stderr=follower, check=False,
    )  # fmt: skip
    os.close(follower)
    os.close(leader)
    assert process.returncode == 0
    piped = subprocess.run(
        [sys.executable, "-m", "minusma", "timeline", "--format", "timelinejs"], capture_output=True, check=True
    ).stdout
    assert target.read_bytes() == piped


def test_filters_no_event_matches_write_no_timelinejs_file(tmp_path: Path) -> None:
    """It wrote {"events": []} with exit 0; TimelineJS rejects it ("Timeline configuration has no events")."""
    import subprocess
    import sys

    target = tmp_path / "timeline.json"
    done = subprocess.run(
        [sys.executable, "-m", "minusma", "timeline", "--from", "2030", "--format", "timelinejs", "--output", str(target)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1 and done.stdout == ""
    assert "TimelineJS shows no timeline without one" in done.stderr and not target.exists()
    one_day = subprocess.run(
        [sys.executable, "-m", "minusma", "timeline", "--from", "2013-07-01", "--to", "2013-07-01", "--format", "timelinejs"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert one_day.returncode == 0 and json.loads(one_day.stdout)["events"]
