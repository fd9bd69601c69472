"""The command line as users and scripts meet it: JSON contracts, CSV, languages, help, errors."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from minusma import __version__
from minusma.cli import PRINTS, app, formats_of, resolve_lang
from minusma.messages import LANGS
from minusma.output import WRITERS

ANSI = re.compile(r"\x1b\[")


def run_json(runner: CliRunner, *args: str) -> Any:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert not ANSI.search(result.stdout)
    return json.loads(result.stdout)


# --------------------------------------------------------------------------- JSON contracts

SOURCE_KEYS = {"id", "title", "publisher", "url", "language"}
SOURCE_OPTIONAL_KEYS = {"kind", "published", "symbol", "alternative_urls", "author", "persons", "accessed"}


def is_source_record(source: dict[str, Any], extra: frozenset[str] = frozenset()) -> bool:
    return SOURCE_KEYS | extra <= set(source) <= SOURCE_KEYS | SOURCE_OPTIONAL_KEYS | extra


CONTRACTS: dict[tuple[str, ...], set[str]] = {
    ("about",): {
        "schema_version",
        "as_of",
        "abbreviation",
        "names",
        "headquarters",
        "dates",
        "status",
        "summary",
        "leaders",
        "budget",
        "sources",
    },
    ("timeline",): {"as_of", "filters", "events", "places", "sources"},
    ("troops",): {"as_of", "ceilings", "snapshots", "sources"},
    ("troops", "--compare"): {"as_of", "comparison", "sources"},
    ("mandate",): {
        "as_of",
        "legal_basis",
        "use_of_force",
        "tasks_resolution",
        "tasks",
        "periods",
        "related",
        "sources",
    },
    ("dutch",): {"as_of", "summary", "phases", "figures", "contributions", "where", "events", "places", "sources"},
    ("leaders",): {"as_of", "leaders", "sources"},
    ("casualties",): {
        "as_of",
        "at",
        "read_as",
        "country",
        "by",
        "date_from",
        "date_to",
        "casualties",
        "fatalities",
        "series",
        "reconciliation",
        "sources",
    },
    ("errata",): {"as_of", "errata", "sources"},
    ("contributors",): {
        "as_of",
        "at",
        "read_as",
        "window_start",
        "date_from",
        "date_to",
        "year",
        "country",
        "status_text",
        "contributors",
        "no_recent",
        "without",
        "sites",
        "sources",
    },
    ("bases",): {"as_of", "at", "read_as", "country", "base", "sites", "rows", "after_withdrawal", "sources"},
    ("budget",): {"as_of", "filters", "years", "total", "sources"},
    ("sources",): {"as_of", "sources"},
    ("sources", "un-press-2690"): {"as_of", "source", "facts"},
    ("search", "Kidal"): {"as_of", "query", "hits", "sources"},
    ("at", "2016-07-06"): {
        "as_of",
        "mission",
        "date",
        "status",
        "status_text",
        "mandate",
        "ceiling",
        "strength",
        "leaders",
        "netherlands",
        "events",
        "places",
        "contributors",
        "sites",
        "notes",
        "sources",
    },
    ("validate",): {"file", "valid", "errors", "warnings", "problems"},
    ("cite", "res-2100"): {"as_of", "requested", "sources"},
    ("show", "res-2100"): {"as_of", "id", "kind", "path", "record", "sources", "errata"},
    ("mandate", "--resolution", "2100"): {
        "as_of",
        "id",
        "number",
        "adopted",
        "kind",
        "symbol",
        "tasks",
        "paragraph_level",
        "sources",
    },
}


@pytest.mark.parametrize("args", list(CONTRACTS), ids=[" ".join(args) for args in CONTRACTS])
def test_json_top_level_keys_are_the_documented_contract(runner: CliRunner, args: tuple[str, ...]) -> None:
    assert set(run_json(runner, *args)) == CONTRACTS[args]


JSON_COMMANDS = sorted(name for name in PRINTS if "json" in formats_of(name) and name != "schema")
"""Every command whose --json is a contract (``schema`` prints the fact base's JSON Schema)."""


def test_every_command_s_json_keys_are_pinned_and_documented() -> None:
    """A new command adds its keys to CONTRACTS and its row to the guide's table of keys: this fails until it does."""
    assert set(JSON_COMMANDS) <= {args[0] for args in CONTRACTS}
    guide = (Path(__file__).resolve().parents[1] / "docs" / "guide.md").read_text(encoding="utf-8")
    table = guide.split("The top-level keys of each command")[1].split("\n\n")[1]
    documented = {row.split("`")[1].split()[0] for row in table.splitlines() if row.startswith("| `")}
    assert set(JSON_COMMANDS) <= documented


def test_nested_json_shapes_are_pinned(runner: CliRunner) -> None:
    compare = run_json(runner, "troops", "--compare")
    assert set(compare["comparison"][0]) == {
        "snapshot", "date", "rank", "basis", "deployed", "ceiling", "fill_rate", "ceiling_changed", "reason", "note", "caveat", "sources",
    }  # fmt: skip
    assert set(compare["comparison"][0]["deployed"]) == {"military", "police", "uniformed", "civilians", "personnel"}
    assert set(compare["comparison"][0]["ceiling"]) == {"resolution", "military", "police", "total"}
    assert set(compare["comparison"][0]["fill_rate"]) == {"military", "police", "uniformed"}
    assert all(is_source_record(source) for source in compare["sources"])
    troops = run_json(runner, "troops")
    assert set(troops["ceilings"][0]) == {
        "resolution",
        "adopted",
        "military",
        "police",
        "total",
        "total_stated",
        "note",
        "sources",
    }
    assert set(troops["snapshots"][0]) == {"id", "date", "claims"}
    event = run_json(runner, "timeline")["events"][0]
    assert (
        {"id", "date", "category", "text", "sources"}
        <= set(event)
        <= {"id", "date", "category", "text", "caveat", "sources"}
    )
    assert list(event["text"]) == list(LANGS)
    leader = run_json(runner, "leaders")["leaders"][0]
    assert {"id", "name", "role", "acting", "nationality", "sources"} <= set(leader)
    hit = run_json(runner, "search", "Kidal")["hits"][0]
    assert set(hit) == {"kind", "id", "path", "date", "score", "text", "sources"}
    assert all(is_source_record(source, frozenset({"cited_by"})) for source in run_json(runner, "sources")["sources"])
    at = run_json(runner, "at", "2016-07-06")
    assert set(at["leaders"][0]) == {"leader", "certain", "why"}


def test_every_cited_source_is_included_with_the_json(runner: CliRunner) -> None:
    for args in CONTRACTS:
        if args[0] in ("sources", "validate"):
            continue
        document = run_json(runner, *args)
        listed = {source["id"] for source in document["sources"]}
        cited: set[str] = set()
        stack: list[Any] = [value for key, value in document.items() if key != "sources"]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                cited.update(item.get("sources", []) if isinstance(item.get("sources"), list) else [])
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
        assert cited <= listed, (args, cited - listed)


def test_json_is_utf8_and_keeps_dates_at_their_precision(runner: CliRunner) -> None:
    result = runner.invoke(app, ["timeline", "--json"])
    assert "Ménaka" in result.stdout  # not \u00e9
    dates = {event["date"] for event in json.loads(result.stdout)["events"]}
    assert {"2012-03", "2013-04-25", "2022"} <= dates


# --------------------------------------------------------------------------- CSV


def read_csv(runner: CliRunner, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, [*args, "--csv"])
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_csv_has_a_header_and_one_row_per_figure(runner: CliRunner) -> None:
    rows = read_csv(runner, "troops", "--compare")
    comparison = run_json(runner, "troops", "--compare")["comparison"]
    assert len(rows) == sum(value is not None for row in comparison for value in row["deployed"].values())
    september = [
        (row["rank"], row["counts"], row["deployed"], row["ceiling"], row["fill"])
        for row in rows
        if row["date"] == "2013-09"
    ]
    assert september == [
        ("preferred", "military", "5201", "11200", "46.4"),
        ("preferred", "police", "809", "1440", "56.2"),
        ("preferred", "uniformed", "6010", "12640", "47.5"),
        ("normal", "military", "5219", "11200", "46.6"),
        ("normal", "police", "820", "1440", "56.9"),
        ("normal", "uniformed", "6039", "12640", "47.8"),
    ]


def test_compare_sets_like_against_like(runner: CliRunner) -> None:
    """Military against the military ceiling, police against the police one, uniformed against the total."""
    rows = read_csv(runner, "troops", "--compare")
    march_2018 = [row for row in rows if row["date"] == "2018-03"]
    assert [(row["counts"], row["ceiling"], row["fill"]) for row in march_2018] == [("military", "13289", "88.8")]
    personnel = [row for row in rows if row["counts"] in ("civilians", "personnel")]
    assert personnel and all(row["ceiling"] == "" and row["fill"] == "" for row in personnel)
    computed = {(row["date"], row["counts"]): row["deployed_formula"] for row in rows if row["deployed_formula"]}
    assert computed[("2017-01-31", "military")] == "10763 + 36"
    assert computed[("2015-03", "civilians")] == "522 + 505 + 119"


@pytest.mark.parametrize(
    "args",
    [("about",), ("timeline",), ("troops",), ("mandate",), ("dutch",), ("leaders",),
     ("casualties",), ("errata",), ("sources",), ("sources", "un-press-2690"), ("search", "Gao")],
)  # fmt: skip
def test_every_tabular_command_writes_csv(runner: CliRunner, args: tuple[str, ...]) -> None:
    rows = read_csv(runner, *args)
    assert rows and all(row["table"] for row in rows)


def test_csv_and_json_together_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["troops", "--json", "--csv"])
    assert result.exit_code == 2
    assert "--json and --csv cannot be used together" in result.stderr


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("option", "environ", "expected"),
    [
        (None, {}, "en"),
        (None, {"LANG": "nl_NL.UTF-8"}, "nl"),
        (None, {"LANG": "nl_BE.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        (None, {"LC_MESSAGES": "nl_NL", "LANG": "en_US"}, "nl"),
        (None, {"LC_ALL": "", "LANG": "nl_NL"}, "nl"),
        (None, {"LANG": "C"}, "en"),
        ("en", {"LANG": "nl_NL"}, "en"),
        ("nl", {}, "nl"),
        (None, {"MINUSMA_LANG": "nl", "LANG": "en_US.UTF-8"}, "nl"),
        (None, {"MINUSMA_LANG": "xx", "LANG": "nl_NL.UTF-8"}, "nl"),
    ],
)
def test_language_follows_option_then_posix_locale_order(option: Any, environ: dict[str, str], expected: str) -> None:
    assert resolve_lang(option, environ) == expected


def test_dutch_tables_translate_labels_and_facts(runner: CliRunner) -> None:
    result = runner.invoke(app, ["troops", "--compare", "--lang", "nl"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Ingezet tegenover het geldende plafond" in result.stdout
    assert "12.640" in result.stdout and "12,640" not in result.stdout


def test_minusma_lang_environment_variable_is_read(runner: CliRunner) -> None:
    result = runner.invoke(app, ["mandate"], env={"MINUSMA_LANG": "nl", "COLUMNS": "120"})
    assert "Ondersteunen" in result.stdout or "erfgoed" in result.stdout


def test_locale_selects_dutch(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["about"], env={"LANG": "nl_NL.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "MINUSMA_LANG": None}
    )
    assert "Hoofdkwartier" in result.stdout


@pytest.mark.parametrize("value", ["xx", "EN ", "", "dutch"])
def test_unknown_language_is_a_usage_error(runner: CliRunner, value: str) -> None:
    result = runner.invoke(app, ["about", "--lang", value])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- help, version, errors


COMMANDS = list(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(runner: CliRunner, command: str) -> None:
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0
    assert f"Example: minusma {command}" in result.stdout


def test_version_names_tool_schema_and_as_of_date(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"minusma {__version__} (fact base schema 1.0)\n"


def test_no_command_shows_help(runner: CliRunner) -> None:
    result = runner.invoke(app, [])
    assert "troops" in result.output and "timeline" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["at", "2016-02-30"], "is not a real date"),
        (["at", "yesterday"], "Use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["at", "13/04/2013"], "Use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["timeline", "--from", "2016-13"], "month 13 does not exist"),
        (["timeline", "--to", "soon"], "Use YYYY, YYYY-MM or YYYY-MM-DD"),
        (["timeline", "--from", "2018", "--to", "2016"], "is after --to"),
        (["timeline", "--category", "sports"], "Use one of: context, resolution"),
        (["troops", "--compare", "--chart"], "cannot be used together"),
        (["search", "  "], "give at least one word"),
        (["troops", "--bogus"], "No such option"),
        (["nonsense"], "No such command"),
    ],
)
def test_usage_errors_exit_2_and_say_what_is_accepted(runner: CliRunner, args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert result.stdout == ""


def test_an_unknown_source_exits_1_with_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(app, ["sources", "un-press"])
    assert result.exit_code == 1
    assert "no source with id 'un-press'" in result.stderr
    assert "did you mean: un-press-" in result.stderr


def test_a_search_with_no_hit_is_not_an_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["search", "zzzzqqq"])
    assert result.exit_code == 0
    assert "No fact matches 'zzzzqqq'." in result.stdout


def test_schema_prints_the_json_schema(runner: CliRunner) -> None:
    schema = run_json(runner, "schema")
    assert schema["title"] == "FactBase"
    assert schema["properties"]["$schema"]["type"] == "string"


# --------------------------------------------------------------------------- terminals


@pytest.mark.parametrize("columns", ["20", "40", "80", "300"])
@pytest.mark.parametrize(
    "command", [["troops", "--compare"], ["troops"], ["timeline"], ["leaders"], ["at", "2019-03-01"]]
)
def test_numbers_are_never_cut_at_any_width(runner: CliRunner, columns: str, command: list[str]) -> None:
    result = runner.invoke(app, command, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    assert not ANSI.search(result.stdout)
    for line in result.stdout.splitlines():
        # an id or URL wider than the terminal stays whole: the only lines allowed to be wider
        unbreakable = max((len(token) for token in line.split()), default=0) > int(columns) // 2
        assert len(line) <= int(columns) or unbreakable, line
    if command[0] == "troops":
        for figure in ("12,640", "15,209", "6,010", "6,039"):
            assert figure in result.stdout


@pytest.mark.parametrize("environment", [{"NO_COLOR": "1"}, {"TERM": "dumb"}, {"LANG": "C", "LC_ALL": "POSIX"}])
def test_odd_terminals_get_plain_text(runner: CliRunner, environment: dict[str, str]) -> None:
    result = runner.invoke(app, ["dutch"], env=environment)
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)
    assert "Luchtmobiele" in result.stdout or "Airmobile" in result.stdout


def test_messages_are_translated_too(runner: CliRunner, tmp_path: Any) -> None:
    result = runner.invoke(app, ["at", "2016-02-30", "--lang", "nl"])
    assert result.exit_code == 2
    assert "is geen bestaande datum: februari 2016 heeft 29 dagen" in result.stderr
    result = runner.invoke(app, ["about", "--data", str(tmp_path / "missing.json")], env={"MINUSMA_LANG": "nl"})
    assert result.exit_code == 1
    assert "bestand bestaat niet" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{"header": 1}')
    result = runner.invoke(app, ["validate", str(broken), "--json", "--lang", "nl"])
    messages = {problem["path"]: problem["message"] for problem in json.loads(result.stdout)["problems"]}
    assert messages["mission"] == "veld ontbreekt; voeg het toe (zie 'minusma schema')"
    assert messages["header"] == "moet een object zijn: {...}"
    result = runner.invoke(app, ["troops", "--json", "--csv", "--lang", "nl"])
    assert "--json en --csv gaan niet samen" in result.stderr


@pytest.mark.parametrize(
    ("args", "heading"),
    [
        (["about"], "MINUSMA at a glance"),
        (["at", "2016-01-01"], "MINUSMA on 2016-01-01"),
        (["about", "--lang", "nl"], "MINUSMA in het kort"),
    ],
)
def test_headings_name_the_mission(runner: CliRunner, args: list[str], heading: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == heading


ARGUMENTS = {"at": ["2016-07-06"], "search": ["Gao"], "show": ["res-2100"], "sources": [], "cite": ["res-2100"]}


@pytest.mark.parametrize("name", sorted(PRINTS))
def test_each_command_lists_the_formats_it_prints_and_prints_no_other(
    runner: CliRunner, name: str, tmp_path: Path
) -> None:
    """--help names exactly the formats a command accepts; any other is a usage error saying which it takes."""
    formats = formats_of(name)
    shown = " ".join(runner.invoke(app, [name, "--help"]).stdout.split())
    if len(formats) > 1:
        assert ", ".join(formats) in shown
    assert ("--csv" in shown) == ("csv" in formats and len(formats) > 1)
    arguments = [str(tmp_path / "out")] if name == "export" else ARGUMENTS.get(name, [])
    for format in WRITERS:
        if format in formats or (name == "troops" and format in ("svg", "png")):
            continue
        result = runner.invoke(app, [name, *arguments, "--format", format])
        refusal = "does not apply" if name == "export" else "cannot print"  # export writes files, no format
        assert result.exit_code == 2 and refusal in result.stderr, (format, result.output)
    result = runner.invoke(app, [name, *arguments, "--format", formats[0]])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("columns", ["20", "40", "60", "100"])
@pytest.mark.parametrize("command", [["show", "un-press-2690"], ["sources", "un-press-2690"], ["show", "res-2100"]])
def test_ids_and_addresses_are_never_cut_in_short_tables(runner: CliRunner, command: list[str], columns: str) -> None:
    """A field/value table or a sources column may fold text, never an id or a web address."""
    records: list[dict[str, Any]] = []

    def collect(value: object) -> None:  # every source record in the JSON result, wherever it stands
        if isinstance(value, dict):
            if "id" in value and "url" in value:
                records.append(value)
            for item in value.values():
                collect(item)
        elif isinstance(value, list):
            for item in value:
                collect(item)

    collect(run_json(runner, *command))
    wanted = {record["id"] for record in records} | {record["url"] for record in records}
    assert wanted
    result = runner.invoke(app, command, env={"COLUMNS": columns})
    assert result.exit_code == 0, result.output
    words = {word.strip(",;:()[]") for word in result.stdout.split()}
    assert wanted <= words, sorted(wanted - words)


@pytest.mark.parametrize(
    ("text", "code"),
    [("a" * 500, 0), ("a" * 501, 2), (" ".join(["gao"] * 32), 0), (" ".join(["gao"] * 33), 2), ("é" * 130_000, 2)],
)
def test_a_search_is_bounded_in_characters_and_words(runner: CliRunner, text: str, code: int) -> None:
    """Issue 21 item 25: the time grows with the query; a query past the bounds is a usage error."""
    result = runner.invoke(app, ["search", text])
    assert result.exit_code == code, result.output
    if code:
        assert "at most 32 words and 500 characters" in result.stderr


@pytest.mark.parametrize(
    ("command", "title"),
    [(["troops", "--compare"], "Deployed against the ceiling in force"), (["at", "2016-06-30"], "Latest deployed")],
)
def test_strength_tables_number_their_sources_and_keep_the_fill_bar(
    runner: CliRunner, command: list[str], title: str
) -> None:
    result = runner.invoke(app, command, env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(title))
    header, rows = lines[start + 1], lines[start + 3 : lines.index("", start)]
    assert header.split()[-2:] == ["Fill", "Sources"]
    compared = run_json(runner, *command)
    strengths = compared["comparison"] if "comparison" in compared else compared["strength"]
    row_lines = [line for line in rows if re.search(r"\d", line[:4])]
    listed = dict(re.findall(r"^\[(\d+)\] ([a-z0-9.-]+): ", result.stdout, re.MULTILINE))
    cited: set[str] = set()
    for line in row_lines:
        assert re.search("[█░]{10}", line) or " - " in line, line  # the bar stays where there is a ceiling
        numbers = re.findall(r"\[(\d+)\]", line.rsplit("░", 1)[-1].rsplit("█", 1)[-1])
        assert numbers, line
        cited |= {listed[number] for number in numbers}
    assert cited == {source for strength in strengths for source in strength["sources"]}
    urls = {source["id"]: source["url"] for source in compared["sources"]}
    for number, source in listed.items():
        assert "    " + urls[source] in lines, (number, source)


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_leaders_csv_carries_the_term_every_other_format_shows(runner: CliRunner, lang: str) -> None:
    """The CSV had only the record's start and end: Davidse's attested day, N'Diaye's term between his
    predecessor and successor and Akodjènou's end at his successor were '-' there, and shown everywhere else."""
    import csv
    import io
    import json

    terms = {
        item["id"]: item["term"] for item in json.loads(runner.invoke(app, ["leaders", "--json"]).stdout)["leaders"]
    }
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["--lang", lang, "leaders", "--csv"]).stdout)))
    assert {row["id"] for row in rows} == set(terms)
    for row in rows:
        term = terms[row["id"]]
        assert (row["term_start"], row["term_start_basis"]) == (term["start"] or "-", term["start_basis"])
        assert (row["term_end"], row["term_end_basis"]) == (term["end"] or "-", term["end_basis"])
    by_id = {row["id"]: row for row in rows}
    assert (by_id["hom-davidse"]["term_start"], by_id["hom-davidse"]["term_start_basis"]) == ("2016-04-14", "attested")
    assert (by_id["fc-ndiaye"]["term_start"], by_id["fc-ndiaye"]["term_end"]) == ("2021-10", "2022-01-14")
    assert (by_id["hom-akodjenou"]["term_end"], by_id["hom-akodjenou"]["term_end_basis"]) == ("2015-01-20", "successor")


@pytest.mark.parametrize("identifier", ["res-2100", "hom-koenders", "strength-2013-09"])
def test_show_documents_cite_only_sources_they_list(runner: CliRunner, identifier: str) -> None:
    """`show --format md|html` numbered its corrections' sources ([1], #source-1) without a numbered list:
    the page lists its sources as a table of ids, so [1] was matched to the table's first row, a wrong source."""
    import re

    markdown = runner.invoke(app, ["show", identifier, "--format", "md"]).stdout
    assert not re.search(r"(?<![\w\\])\[\d+\](?!\()", markdown) or "## Sources" in markdown
    html = runner.invoke(app, ["show", identifier, "--format", "html"]).stdout
    targets = set(re.findall(r'id="(source-\d+)"', html))
    assert set(re.findall(r'href="#(source-\d+)"', html)) <= targets


@pytest.mark.parametrize(
    ("typed", "printed"), [("l'autorité", "l’autorité"), ("N'Diaye", "N’Diaye"), ("Côte d'Ivoire", "Côte d’Ivoire")]
)
def test_search_finds_the_same_with_either_apostrophe(runner: CliRunner, typed: str, printed: str) -> None:
    """`search "l'autorité"` found nothing where `"l’autorité"` found 3: the help promises that case and
    accents do not matter, and a keyboard types the straight apostrophe."""
    import json

    def hits(query: str) -> list[str]:
        return [hit["id"] for hit in json.loads(runner.invoke(app, ["search", query, "--json"]).stdout)["hits"]]

    assert hits(typed) == hits(printed) and hits(typed)


@pytest.mark.parametrize(
    ("number", "related"), [(2085, True), (2359, True), (2391, True), (2364, False), (2423, False)]
)
def test_mandate_of_a_related_resolution_does_not_blame_the_sources(
    runner: CliRunner, number: int, related: bool
) -> None:
    """2085 authorised AFISMA: "PEMA covers 2013-2016 and the UN's XML starts in 2020" explained a gap
    that is not one. A mandate resolution without a paragraph-level source still says so."""
    import json

    shown = " ".join(
        runner.invoke(app, ["mandate", "--resolution", str(number)], env={"COLUMNS": "200"}).stdout.split()
    )
    assert ("set no MINUSMA mandate" in shown) is related
    assert ("PEMA covers 2013-2016" in shown) is not related
    kind = json.loads(runner.invoke(app, ["mandate", "--resolution", str(number), "--json"]).stdout)["kind"]
    assert (kind == "related") is related
