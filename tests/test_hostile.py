"""Hostile fact bases: every one exits 1 with a one-line-per-problem message naming file and place.

Each case goes through --data, MINUSMA_DATA and `validate`; none may print a traceback,
write to stdout, or leave files behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from minusma.cli import app
from minusma.load import load
from minusma.messages import LANGS
from minusma.output.table import NARROWEST

Maker = Callable[[Path, dict[str, Any]], Path]


def _raw(content: bytes) -> Maker:
    def make(folder: Path, data: dict[str, Any]) -> Path:
        path = folder / "facts.json"
        path.write_bytes(content)
        return path

    return make


def _changed(mutate: Callable[[dict[str, Any]], object]) -> Maker:
    def make(folder: Path, data: dict[str, Any]) -> Path:
        copy = json.loads(json.dumps(data))
        mutate(copy)
        path = folder / "facts.json"
        path.write_text(json.dumps(copy), encoding="utf-8")
        return path

    return make


def _text_edit(old: str, new: str) -> Maker:
    """Edit the JSON text itself, for what json.dumps cannot write (NaN, huge numbers)."""

    def make(folder: Path, data: dict[str, Any]) -> Path:
        text = json.dumps(data, ensure_ascii=False)
        assert old in text
        path = folder / "facts.json"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return make


def _directory(folder: Path, data: dict[str, Any]) -> Path:
    (folder / "a-folder.json").mkdir()
    return folder / "a-folder.json"


def _missing(folder: Path, data: dict[str, Any]) -> Path:
    return folder / "no-such-file.json"


def _dev_null(folder: Path, data: dict[str, Any]) -> Path:
    return Path(os.devnull)


def _deep(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    return path


def _big_not_a_fact_base(folder: Path, data: dict[str, Any]) -> Path:
    path = folder / "big.json"
    row = json.dumps({"name": "x" * 80, "values": list(range(20))})
    count = 50 * 1024 * 1024 // (len(row) + 1) + 1
    with path.open("w") as handle:
        handle.write('{"rows": [')
        handle.write(",".join([row] * count))
        handle.write("]}")
    assert path.stat().st_size > 50 * 1024 * 1024
    return path


def _event(index: int, **changes: object) -> Callable[[dict[str, Any]], None]:
    return lambda data: data["events"][index].update(changes)


CASES: list[tuple[str, Maker, str]] = [
    (
        "not JSON",
        _raw(b"this is not json"),
        "facts.json:1: is not valid JSON: an unknown word (only true, false and null are allowed) at line 1 column 2",
    ),
    ("empty", _raw(b""), "facts.json: is empty"),
    # the parser says "column 0" at the start of a line; columns count from 1
    (
        "cut off after a newline",
        _raw(b"{\n"),
        "facts.json:2: is not valid JSON: the file ends inside an object at line 2 column 1",
    ),
    ("cut off mid-line", _raw(b'{\n "a"'), "is not valid JSON: the file ends inside an object at line 2 column 4"),
    ("only whitespace", _raw(b"  \n\t \n"), "facts.json: is empty"),
    ("invalid UTF-8", _raw(b'{"header": "\xff\xfe"}'), "facts.json:1: is not UTF-8 text (bad byte at offset 12)"),
    ("binary", _raw(bytes(range(256)) * 4), "is not UTF-8 text"),
    ("a directory", _directory, "a-folder.json: is a folder, not a file"),
    ("a missing file", _missing, "no-such-file.json: no such file"),
    ("/dev/null", _dev_null, "/dev/null: is empty"),
    ("wrong top-level type", _raw(b"[1, 2, 3]"), "facts.json: is not a fact base: the top level must be a JSON object"),
    ("100,000 levels of nesting", _deep, "deep.json:1: is not valid JSON: nesting too deep"),
    (
        "50 MB of JSON that is not a fact base",
        _big_not_a_fact_base,
        "big.json: rows: unknown field; remove it or correct its name",
    ),
    (
        "an integer of thousands of digits",
        _text_edit('"military": 11200', '"military": ' + "9" * 5000),
        "a number too large",
    ),
    (
        "NaN",
        _text_edit('"military": 11200', '"military": NaN'),
        "resolutions[1].ceiling.military: must be a whole number, without quotes",
    ),
    (
        "Infinity",
        _text_edit('"police": 1440', '"police": Infinity'),
        "resolutions[1].ceiling.police: must be a whole number, without quotes",
    ),
    (
        "an unknown field",
        _changed(lambda data: data["events"][0].update(colour="red")),
        "events[0].colour: unknown field; remove it or correct its name",
    ),
    (
        "a missing field",
        _changed(lambda data: data["events"][0].pop("date")),
        "events[0].date: field is missing; add it",
    ),
    ("a wrong type", _changed(_event(0, date=2012)), "events[0].date: must be text in double quotes"),
    (
        "a count given as a string",
        _changed(lambda data: data["resolutions"][1]["ceiling"].update(police="1440")),
        "resolutions[1].ceiling.police: must be a whole number, without quotes",
    ),
    (
        "2016-02-30",
        _changed(_event(0, date="2016-02-30")),
        "events[0].date: '2016-02-30' is not a real date: February 2016 has 29 days",
    ),
    ("2016-13", _changed(_event(0, date="2016-13")), "events[0].date: '2016-13': month 13 does not exist"),
    (
        "a bare CR in a text, which would end a CSV record",
        _changed(lambda data: data["events"][0]["text"].update(en="Coup\rd'état")),
        "events[0].text.en: holds the control character U+000D",
    ),
    (
        "year 0000",
        _changed(_event(0, date="0000-01-01")),
        "events[0].date: '0000-01-01': the year must be 0001 or later",
    ),
    (
        "yesterday",
        _changed(_event(0, date="yesterday")),
        "events[0].date: is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "13/04/2013",
        _changed(_event(0, date="13/04/2013")),
        "events[0].date: is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        "a negative count",
        _changed(lambda data: data["resolutions"][1]["ceiling"].update(police=-5)),
        "resolutions[1].ceiling.police: must be at least 0",
    ),
    (
        "totals that do not add up",
        _changed(lambda data: data["resolutions"][1]["ceiling"].update(police=1140)),
        "resolutions[1].ceiling.total: stated total 12,640 is not military 11,200 + police 1,140 = 12,340",
    ),
    (
        "a cited source that does not exist",
        _changed(lambda data: data["events"][2]["sources"].append("ghost")),
        "events[2].sources: cites source 'ghost'",
    ),
    (
        "two facts with one id",
        _changed(_event(1, id="ev-2012-coup")),
        "events[1].id: id 'ev-2012-coup' is already used at events[0]",
    ),
    (
        "an unknown language in a text",
        _changed(lambda data: data["events"][0]["text"].update(xx="hallo")),
        "events[0].text.xx: unknown field; remove it or correct its name",
    ),
    (
        "an English text without its Dutch",
        _changed(lambda data: data["events"][0]["text"].pop("nl")),
        f"events[0].text.nl: has no text in Dutch; every text needs {', '.join(list(LANGS)[:-1])} and {list(LANGS)[-1]}",
    ),
]
IDS = [case[0] for case in CASES]


def _assert_clean_failure(exit_code: int, stdout: str, stderr: str, path: Path, fragment: str) -> None:
    assert exit_code == 1, stderr
    assert stdout == ""
    assert "Traceback" not in stderr
    assert str(path) in stderr
    assert fragment in stderr, stderr
    assert all(line.startswith("minusma: ") for line in stderr.splitlines()), stderr


@pytest.mark.parametrize(("case", "make", "fragment"), CASES, ids=IDS)
def test_hostile_file_through_data_option(
    tmp_path: Path, shipped_data: dict[str, Any], runner: CliRunner, case: str, make: Maker, fragment: str
) -> None:
    path = make(tmp_path, shipped_data)
    before = sorted(tmp_path.rglob("*"))
    result = runner.invoke(app, ["troops", "--data", str(path)])
    _assert_clean_failure(result.exit_code, result.stdout, result.stderr, path, fragment)
    assert sorted(tmp_path.rglob("*")) == before  # nothing written


@pytest.mark.parametrize(("case", "make", "fragment"), CASES, ids=IDS)
def test_hostile_file_through_environment(
    tmp_path: Path, shipped_data: dict[str, Any], runner: CliRunner, case: str, make: Maker, fragment: str
) -> None:
    path = make(tmp_path, shipped_data)
    result = runner.invoke(app, ["timeline", "--json"], env={"MINUSMA_DATA": str(path)})
    _assert_clean_failure(result.exit_code, result.stdout, result.stderr, path, fragment)


@pytest.mark.parametrize(("case", "make", "fragment"), CASES, ids=IDS)
def test_hostile_file_through_validate(
    tmp_path: Path, shipped_data: dict[str, Any], runner: CliRunner, case: str, make: Maker, fragment: str
) -> None:
    path = make(tmp_path, shipped_data)
    result = runner.invoke(app, ["validate", str(path), "--json"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert report["valid"] is False and report["file"] == str(path)
    lines = [f"{problem['path']}: {problem['message']}".lstrip(": ") for problem in report["problems"]]
    assert any(fragment.rsplit(": ", 1)[-1] in line for line in lines), lines


def test_an_unreadable_file_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runner: CliRunner) -> None:
    # Tests run as root in CI, where chmod 000 does not stop a read; simulate the refusal instead.
    path = tmp_path / "locked.json"
    path.write_text("{}")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = runner.invoke(app, ["about", "--data", str(path)])
    _assert_clean_failure(result.exit_code, result.stdout, result.stderr, path, "permission denied")


def test_duplicate_keys_are_rejected_by_validate(tmp_path: Path, runner: CliRunner) -> None:
    text = json.dumps(json.loads((Path(__file__).parents[1] / "data" / "minusma.json").read_text()))
    text = text.replace('"military": 11200,', '"military": 11200, "military": 11200,', 1)
    path = tmp_path / "twice.json"
    path.write_text(text)
    result = runner.invoke(app, ["validate", str(path), "--json"])
    assert result.exit_code == 1
    problems = json.loads(result.stdout)["problems"]
    assert [(p["path"], p["severity"]) for p in problems] == [("resolutions[1].ceiling.military", "error")]
    assert "appears more than once" in problems[0]["message"]
    # The normal load path takes the last value without a second parse (documented in docs/guide.md, "Another fact base").
    assert runner.invoke(app, ["about", "--data", str(path)]).exit_code == 0


def test_a_utf8_bom_is_accepted(tmp_path: Path, runner: CliRunner) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + (Path(__file__).parents[1] / "data" / "minusma.json").read_bytes())
    result = runner.invoke(app, ["about", "--data", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["abbreviation"] == "MINUSMA"
    assert load(path)["header"]["schema_version"] == "1.0"


def test_many_problems_are_cut_short_with_a_pointer_to_validate(
    write_fact_base: Callable[..., Path], runner: CliRunner
) -> None:
    def break_every_date(data: dict[str, Any]) -> None:
        for event in data["events"]:
            event["date"] = "2016-02-30"

    path = write_fact_base(break_every_date)
    result = runner.invoke(app, ["about", "--data", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 21
    assert (
        lines[-1]
        == f"minusma: ... and {len(json.loads(path.read_text())['events']) - 20} more; run 'minusma validate {path}' to see them all"
    )
    assert len(json.loads(runner.invoke(app, ["validate", str(path), "--json"]).stdout)["problems"]) > 20


@pytest.mark.parametrize(("case", "make", "fragment"), CASES, ids=IDS)
def test_hostile_file_in_dutch(
    tmp_path: Path, shipped_data: dict[str, Any], runner: CliRunner, case: str, make: Maker, fragment: str
) -> None:
    path = make(tmp_path, shipped_data)
    result = runner.invoke(app, ["validate", str(path), "--lang", "nl"])
    assert result.exit_code == 1, result.output
    assert "internal error" not in result.output and "interne fout" not in result.output
    assert "fout" in result.stdout  # the title counts the errors in Dutch


@pytest.mark.parametrize("command", [["about"], ["validate"]])
def test_a_path_with_a_nul_byte_is_a_missing_file(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--data", "bad\x00name.json"])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "bad\\x00name.json" in result.stderr + result.stdout and "no such file" in result.stderr + result.stdout


# --------------------------------------------------------------------------- narrow terminals


def _adaptives(command: str) -> list[Any]:
    from minusma import query, sheets
    from minusma.output.table import Layout, sheet

    fact_base = load()
    lang, laid_out = {
        "about": lambda: ("fr", sheets.about(query.about(fact_base), "fr")),
        "compare": lambda: ("en", sheets.compare(query.compare(fact_base), "en")),
        "mandate": lambda: ("nl", sheets.mandate(query.mandate(fact_base), "nl")),
        "leaders": lambda: ("en", sheets.leaders(query.leaders(fact_base), "en")),
        "errata": lambda: ("en", sheets.errata(query.errata(fact_base), "en")),
        "at": lambda: ("en", sheets.at(query.at(fact_base, "2016-07-01"), "en")),
    }[command]()
    drawn = [sheet(each, lang) for each in laid_out]  # type: ignore[arg-type]
    return [part for group in drawn for part in group.renderables if isinstance(part, Layout) and not part.fast]  # type: ignore[attr-defined]


@settings(max_examples=60, deadline=None)
@given(
    command=st.sampled_from(["about", "compare", "mandate", "leaders", "errata", "at"]),
    width=st.integers(min_value=NARROWEST, max_value=200),
)
def test_no_letter_is_lost_at_any_width(command: str, width: int) -> None:
    """Every character of every cell is drawn at any width tables are drawn at: a table never crops, a block
    wraps at spaces; only a word wider than the terminal (an id, an address) is left for the terminal to wrap."""
    import io
    from collections import Counter

    from rich.console import Console

    from minusma.output.table import _fit, _in_block, _label

    for adaptive in _adaptives(command):
        out = io.StringIO()
        Console(file=out, width=width, color_system=None).print(adaptive, crop=False)  # as output.table prints
        room = width - 2 * (len(adaptive.columns) - 1)
        if _fit(adaptive.minimums, adaptive.maximums, room) is None:
            expected = "".join(
                _label(column) + value
                for row in adaptive.words()
                for column, value in zip(adaptive.columns, row, strict=True)
                if _in_block(column, value)
            )
        else:
            expected = "".join(column.header for column in adaptive.columns) + "".join(map("".join, adaptive.texts))
        drawn = Counter(char for char in out.getvalue() if not char.isspace() and char != "─")
        assert drawn == Counter(char for char in expected if not char.isspace())
        assert all(len(line) <= width or len(line.split()) == 1 for line in out.getvalue().splitlines())


def test_only_the_stream_module_writes_to_stdout() -> None:
    """Every byte out goes through output/stream.py, which completes short and non-blocking writes."""
    import re

    source = Path(__file__).parents[1] / "src" / "minusma"
    writers = re.compile(r"(?<![\w.])print\(|sys\.stdout\.(write|buffer)|\becho\(|os\.write\(")
    found = {
        str(path.relative_to(source))
        for path in source.rglob("*.py")
        if writers.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"output/stream.py"}


# --------------------------------------------------------------------------- terminal escapes

CONTROLS = [
    chr(code)
    for code in (
        *range(0x00, 0x20), 0x7F, *range(0x80, 0xA0), 0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
]  # fmt: skip
"""Every character a terminal acts on or that reorders text: C0, DEL, C1, the bidirectional marks
(ALM, LRM, RLM: an RLM turned a map's "Gossi ~150" into "150~") and overrides."""


def _live_controls(text: str) -> set[str]:
    return {char for char in text if char in CONTROLS and char != "\n"}


PLACES: dict[str, Callable[[dict[str, Any], str], None]] = {
    "events[0].text.en": lambda data, char: data["events"][0]["text"].update(en=f"Coup{char}d'état"),
    "sources[0].title": lambda data, char: data["sources"][0].update(title=f"Title {char}here"),
    "sources[0].publisher": lambda data, char: data["sources"][0].update(publisher=f"{char}Publisher"),
    "sources[0].url": lambda data, char: data["sources"][0].update(url=f"https://example.org/{char}"),
    "mission.abbreviation": lambda data, char: data["mission"].update(abbreviation=f"MINUSMA{char}"),
    "leaders[0].name": lambda data, char: data["leaders"][0].update(name=f"Bert{char} Koenders"),
}


def _hostile_copy(folder: Path, data: dict[str, Any], char: str, places: list[str]) -> Path:
    copy = json.loads(json.dumps(data))
    for place in places:
        PLACES[place](copy, char)
    path = folder / "facts.json"
    path.write_text(json.dumps(copy, ensure_ascii=False), encoding="utf-8")
    return path


@settings(max_examples=40, deadline=None)
@given(char=st.sampled_from(CONTROLS), place=st.sampled_from(sorted(PLACES)))
def test_a_control_character_in_any_text_is_named_with_its_place(
    tmp_path_factory: pytest.TempPathFactory, char: str, place: str
) -> None:
    folder = tmp_path_factory.mktemp("controls")
    shipped = json.loads((Path(__file__).parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))
    path = _hostile_copy(folder, shipped, char, [place])
    allowed_in_paragraphs = place.startswith("events") and char in "\t\n"
    runner = CliRunner()
    checked = runner.invoke(app, ["validate", str(path), "--json"])
    problems = [(problem["path"], problem["message"]) for problem in json.loads(checked.stdout)["problems"]]
    if allowed_in_paragraphs:
        assert checked.exit_code == 0, problems
        return
    named = f"holds the control character U+{ord(char):04X}, which could act on a reader's terminal; remove it"
    assert checked.exit_code == 1
    assert problems == [(place, named)]
    for args in (["validate", str(path)], ["about", "--data", str(path)], ["sources", "--csv", "--data", str(path)]):
        result = runner.invoke(app, args)
        assert result.exit_code == 1
        assert not _live_controls(result.stdout + result.stderr)
    assert f"facts.json: {place}: holds the control character U+{ord(char):04X}" in result.stderr


def test_validate_names_every_place_that_holds_a_control_character(
    tmp_path: Path, shipped_data: dict[str, Any], runner: CliRunner
) -> None:
    path = _hostile_copy(tmp_path, shipped_data, "\x1b", sorted(PLACES))
    problems = json.loads(runner.invoke(app, ["validate", str(path), "--json"]).stdout)["problems"]
    assert sorted(problem["path"] for problem in problems) == sorted(PLACES)
    assert {problem["message"] for problem in problems} == {
        "holds the control character U+001B, which could act on a reader's terminal; remove it"
    }


@pytest.mark.parametrize("url", ["ftp://example.org/file", "https://example.org/a b", "example.org"])
def test_a_url_of_the_wrong_form_is_not_called_a_control_character(
    write_fact_base: Callable[..., Path], runner: CliRunner, url: str
) -> None:
    path = write_fact_base(lambda data: data["sources"][0].update(url=url))
    problems = json.loads(runner.invoke(app, ["validate", str(path), "--json"]).stdout)["problems"]
    assert [(p["path"], p["message"]) for p in problems] == [
        ("sources[0].url", "must be a web address that starts with http:// or https:// and holds no spaces")
    ]


HOSTILE_KEYS = ["\x1b]0;pwned\x07", "\x9b31m", "key\u202egnp.exe", "\x1b[2J\x1b[H"]


@pytest.mark.parametrize("key", HOSTILE_KEYS)
def test_a_hostile_key_is_never_echoed_raw(tmp_path: Path, shipped_data: dict[str, Any], key: str) -> None:
    copy = json.loads(json.dumps(shipped_data))
    copy["events"][0][key] = "x"
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(copy), encoding="utf-8")  # the key as a \u escape, as a hostile file would have it
    twice = tmp_path / "twice.json"
    twice.write_text(json.dumps(copy).replace('"x"', '"x", ' + json.dumps(key) + ': "y"', 1), encoding="utf-8")
    runner = CliRunner()
    for args in (
        ["about", "--data", str(path)],
        ["validate", str(path)],
        ["validate", str(twice)],
        ["timeline", "--csv", "--data", str(path)],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 1, result.output
        assert "events[0]." in result.output
        assert not _live_controls(result.stdout + result.stderr), args


ARGUMENT_PLACES = [
    ["search", "{}"],
    ["search", "Gao{}", "--csv"],
    ["sources", "{}"],
    ["sources", "{}", "--csv"],
    ["at", "{}"],
    ["timeline", "--from", "{}"],
    ["timeline", "-c", "{}"],
    ["about", "--lang", "{}"],
    ["about", "--format", "{}"],
    ["search", "Gao", "--limit", "{}"],
    ["about", "--data", "{}"],
    ["validate", "{}"],
    ["{}"],
    ["about", "--{}"],
    ["about", "{}"],
]


@settings(max_examples=150, deadline=None)
@given(char=st.sampled_from(CONTROLS), place=st.sampled_from(ARGUMENT_PLACES))
def test_no_argument_reaches_the_terminal_with_a_live_control_character(char: str, place: list[str]) -> None:
    args = [part.format(f"x{char}]0;pwned\x07") for part in place]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), result.output
    assert "Traceback" not in result.output
    assert not _live_controls(result.stdout + result.stderr)


@pytest.mark.parametrize("query", ["zzq\nminusma: all good", "zzq\tx", "zzq\r\nx"], ids=ascii)
def test_a_search_text_cannot_forge_a_line(runner: CliRunner, query: str) -> None:
    result = runner.invoke(app, ["search", query])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "Search results for '" + " ".join(query.split()) + "'"
    assert len(result.stdout.splitlines()) == 2  # the title and "no fact matches"
    assert json.loads(runner.invoke(app, ["search", query, "--json"]).stdout)["query"] == query


EMPTY_NAMES = [
    ["contributors", "--country"], ["bases", "--country"], ["bases", "--base"], ["casualties", "--country"],
]  # fmt: skip


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize("option", EMPTY_NAMES)
@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_name_is_a_usage_error_like_an_empty_search(option: list[str], value: str, lang: str) -> None:
    """`contributors --country ''` said "no contributions from ''" (exit 1, "nothing found"), where `search ''`,
    `--data ''`, `--output ''` and `export ''` are usage errors (exit 2): an empty name names nothing to look for."""
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "minusma", "--lang", lang, *option, value],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 2, (done.returncode, done.stderr)
    assert option[-1] in done.stderr and "Traceback" not in done.stderr and done.stdout == ""


@pytest.mark.parametrize(("lang", "shown"), [("en", "19.46139"), ("nl", "19,46139"), ("fr", "19,46139")])
def test_a_coordinate_in_a_table_is_written_as_the_language_writes_decimals(lang: str, shown: str) -> None:
    """Dutch and French tables wrote 99,9% and 1.107.318.900 (nl) but a latitude as 19.46139: one table, two
    decimal marks. The machine formats (CSV, JSON, GeoJSON) keep the point."""
    import subprocess
    import sys

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "minusma", "--lang", lang, "bases", "--base", "Aguelhok", *args],
            capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "200"},
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert shown in run("--no-pager") and shown in run("--format", "md") and shown in run("--format", "html")
    assert "19.46139" in run("--csv") and "19.46139" in run("--json")
