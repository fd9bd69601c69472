"""The documentation's prose, held to the tool: the counts, lists and JSON keys it states.

tests/test_readme.py regenerates and checks every example's output; the sentences around them are
written by hand and drift as the fact base grows (the README said 276 sources when there were 369,
the guide 13 leadership terms when there were 15). Each test here finds a claim by its words and
compares it with the shipped fact base or with the tool's own output, so a stale sentence fails
with the number it should say.
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import manpage
from minusma.cli import app
from minusma.model import CATEGORIES

ROOT = Path(__file__).resolve().parents[1]
FACTS = json.loads((ROOT / "data" / "minusma.json").read_text(encoding="utf-8"))
README = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
GUIDE = " ".join((ROOT / "docs" / "guide.md").read_text(encoding="utf-8").split())
GUIDE_LINES = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8").splitlines()
ENVIRONMENT = {"COLUMNS": "100", "LANG": "en_GB.UTF-8", "LC_ALL": None, "MINUSMA_LANG": None, "MINUSMA_DATA": None}


def claim(pattern: str, text: str = GUIDE) -> re.Match[str]:
    found = re.search(pattern, text)
    assert found is not None, f"the claim {pattern!r} is no longer in the documentation: update this test"
    return found


def numbers(text: str) -> list[int]:
    return [int(number) for number in re.findall(r"\d{4}", text)]


def run_json(command: str) -> Any:
    result = CliRunner().invoke(app, [*shlex.split(command), "--json"], env=ENVIRONMENT)
    assert result.exit_code == 0, (command, result.stderr)
    return json.loads(result.stdout)


def test_the_readme_counts_the_sources() -> None:
    said = claim(r"Every fact cites its sources \(([\d,]+) of them, each with a URL", README)[1]
    assert int(said.replace(",", "")) == len(FACTS["sources"])
    assert all(source["url"] for source in FACTS["sources"])


def test_the_guide_counts_the_leadership_terms_and_resolutions() -> None:
    assert int(claim(r"; (\d+) leadership terms including acting ones")[1]) == len(FACTS["leaders"])
    found = claim(r"all (\d+) mandate resolutions \((\d+) to (\d+)\) and the related ([\d, and]+);")
    mandates = [item["number"] for item in FACTS["resolutions"] if item["kind"] != "related"]
    related = [item["number"] for item in FACTS["resolutions"] if item["kind"] == "related"]
    assert int(found[1]) == len(mandates)
    assert [int(found[2]), int(found[3])] == [min(mandates), max(mandates)]
    assert numbers(found[4]) == related


def test_the_guide_names_the_resolutions_with_paragraph_level_tasks() -> None:
    found = claim(r"PEMA's coding \(.*?\) for ([\d, and]+), and the resolution's own XML for ([\d, and]+),")
    coded = {task["resolution"]: task for task in FACTS["resolution_tasks"]}
    by_number = {item["number"]: item["id"] for item in FACTS["resolutions"]}
    pema, xml = numbers(found[1]), numbers(found[2])
    assert sorted(by_number[number] for number in pema + xml) == sorted(coded)
    shown = " ".join(CliRunner().invoke(app, ["mandate", "--help"], env=ENVIRONMENT).stdout.split())
    helped = claim(r"\(([\d, ]+) from PEMA; ([\d, ]+) from the resolution's XML\)", shown)
    assert (numbers(helped[1]), numbers(helped[2])) == (pema, xml), "mandate --help names other resolutions"
    none = numbers(claim(r"For ([\d, and]+) no paragraph-level source is known")[1])
    mandates = [item for item in FACTS["resolutions"] if item["kind"] != "related"]
    assert none == [item["number"] for item in mandates if item["id"] not in coded]


def test_the_guide_counts_the_sites_and_the_fatality_records() -> None:
    assert int(claim(r"`bases` lists the mission's (\d+) sites")[1]) == len(FACTS["bases"])
    found = claim(r"The (\d+) fatality records \(deaths from (\d+ \w+ \d{4}) to (\d+ \w+ \d{4})\)")
    assert int(found[1]) == len(FACTS["fatalities"])
    dates = sorted(record["date"] for record in FACTS["fatalities"])
    assert [found[2], found[3]] == [
        f"{date.fromisoformat(day).day} {date.fromisoformat(day):%B %Y}" for day in (dates[0], dates[-1])
    ]


def test_the_guide_counts_the_contributing_countries() -> None:
    by_year: dict[str, set[str]] = defaultdict(set)
    for item in FACTS["contributions"]:
        by_year[str(item["date"])[:4]].add(item["country"])
    september = {item["country"] for item in FACTS["contributions"] if item["date"] == "2013-09"}
    assert int(claim(r"The September 2013 list of all (\d+) contributing countries")[1]) == len(september)
    found = claim(r"every year (\d{4})-(\d{4}) has (\d+) countries or more")
    first, last, least = (int(part) for part in found.groups())
    assert all(len(by_year[str(year)]) >= least for year in range(first, last + 1)), dict(by_year)


def test_the_guide_says_which_day_contributors_shows_without_a_date() -> None:
    """It said "the last date with figures" (2024, Geo-PKO's last year); the tool shows the mandate's last day."""
    said = claim(r"without it, the mandate's last day, `(\d{4}-\d\d-\d\d)`")[1]
    assert run_json("contributors")["read_as"] == said == FACTS["mission"]["mandate_ended"]


def test_the_guide_lists_the_categories_of_the_timeline() -> None:
    found = claim(r"`--category` \(repeatable\) is one of ((?:`\w+`, )+`\w+`)")
    assert re.findall(r"`(\w+)`", found[1]) == list(CATEGORIES)


def test_the_guide_counts_the_tables_of_the_data_package(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", str(tmp_path / "package")], env=ENVIRONMENT)
    assert result.exit_code == 0, result.stderr
    descriptor = json.loads((tmp_path / "package" / "datapackage.json").read_text(encoding="utf-8"))
    tables = [resource for resource in descriptor["resources"] if resource["path"].endswith(".csv")]
    assert int(claim(r"one CSV per table, (\d+) of them")[1]) == len(tables)
    assert f"a data package of {len(tables)} tables" in result.stdout


def test_the_guide_names_every_key_of_a_source_record() -> None:
    found = claim(r"the full records \((.*?)\) of every source")
    named = set(re.findall(r"`(\w+)`", found[1]))
    shown = {key for source in run_json("sources")["sources"] for key in source} - {"cited_by"}
    assert named == shown


def _kind_values() -> set[str]:
    row = next(line for line in GUIDE_LINES if line.startswith('| `"kind": "press_release"`'))
    return set(re.findall(r"`(\w+)`", row.split(" | ")[1]))


def test_the_guide_names_every_kind_of_source() -> None:
    assert _kind_values() == {source["kind"] for source in FACTS["sources"] if "kind" in source}


# A row names its command with placeholders; each stands for a value the shipped fact base holds
# (a month, so that `at` gives `read_as` too; a source id, which `show` and `cite` also take).
EXAMPLE_VALUES = {"DATE": "2016-07", "N": "2100", "TEXT...": "Kidal", "ID": "un-res-2100", "[ID...]": "un-res-2100"}


def _command_of(row: str) -> str:
    return " ".join(EXAMPLE_VALUES.get(word, word) for word in row.split())


def _key_table() -> dict[str, set[str]]:
    """Each row's command and the keys it names outside parentheses, brackets and braces."""
    start = GUIDE_LINES.index("| command | keys |")
    table: dict[str, set[str]] = {}
    for line in GUIDE_LINES[start + 2 :]:
        if not line.startswith("| `"):
            break
        command, keys = line[2:].rstrip(" |").split(" | ", 1)
        depth, top = 0, set()
        for index, char in enumerate(keys):
            depth += (char in "([{") - (char in ")]}")
            if char == "`" and depth == 0 and keys[:index].count("`") % 2 == 0:
                top.add(keys[index + 1 : keys.index("`", index + 1)])
        table[command.strip("`")] = top
    return table


ROWS = [row for row in _key_table() if row != "schema"]  # schema prints the JSON Schema, not a contract


def test_the_table_of_json_keys_has_the_rows_it_had() -> None:
    """A row that went missing would pass the test below unseen."""
    assert len(ROWS) >= 20 and {"about", "at DATE", "mandate --resolution N", "cite [ID...]"} <= set(ROWS)


@pytest.mark.parametrize("row", ROWS)
def test_each_row_of_the_table_of_json_keys_names_the_keys_printed(row: str) -> None:
    document = run_json(_command_of(row))
    assert _key_table()[row] == set(document), f"docs/guide.md, the row of `{row}`: {sorted(document)}"


def test_the_man_page_names_every_variable_minusma_reads() -> None:
    """Every name the source reads from the environment, and those Rich reads for it."""
    read = {"COLUMNS", "LINES", "NO_COLOR", "LANG", "LC_ALL", "LC_MESSAGES", "LESS"}
    for path in (ROOT / "src" / "minusma").rglob("*.py"):
        read |= set(re.findall(r"environ(?:\.get\(|\[)\"([A-Z_]+)\"", path.read_text(encoding="utf-8")))
    named = {name for names, _ in manpage.VARIABLES for name in names.split(", ")}
    assert read == named


COMMANDS = list(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_each_commands_help_example_runs(command: str, tmp_path: Path) -> None:
    """The one example every --help shows runs as written (a redirect aside), in a folder holding
    the README's my-facts.json."""
    shown = CliRunner().invoke(app, [command, "--help"], env=ENVIRONMENT).stdout
    example = claim(r"Example: minusma ([^\n]+)", shown)[1].split(" > ")[0]
    (tmp_path / "my-facts.json").write_bytes((ROOT / "data" / "minusma.json").read_bytes())
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(app, shlex.split(example), env=ENVIRONMENT)
    assert result.exit_code == 0, (example, result.stderr)
    assert shlex.split(example)[0] == command
