"""Round four of hostile probing of the installed command: what landed since round three (bases,
budget, casualties, contributors by year, at after the withdrawal), each defect found pinned in a
real process where the user meets it."""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from installed import minusma_command
from rules_facts import claim, contribution, keys, q, snapshot, tiny


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*minusma_command(), *args], capture_output=True, text=True, encoding="utf-8", timeout=120, check=False
    )


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_year_zero_is_a_usage_error_not_an_internal_error(lang: str) -> None:
    """'0000' has the form YYYY but is no year of the calendar: it stopped with exit 3 (a bug)."""
    result = _run("contributors", "--year", "0000", "--lang", lang)
    assert result.returncode == 2, result.stderr
    assert "0000" in result.stderr and "0001" in result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_the_first_and_last_years_of_the_calendar_are_years() -> None:
    for year in ("0001", "9999"):
        result = _run("contributors", "--year", year, "--json")
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("lang", "death", "revised"),
    [
        ("en", "1 death in the UN's records (un-fatalities-2025-04-04): 2016-05-31.", "1 record was given otherwise"),
        ("nl", "1 dode in de VN-records (un-fatalities-2025-04-04): 2016-05-31.", "1 record stond in een eerdere"),
        (
            "fr",
            "1 mort dans les registres de l’ONU (un-fatalities-2025-04-04)\xa0: 2016-05-31.",
            "1 enregistrement était",
        ),
    ],
)
def test_one_death_and_one_revised_record_are_said_in_the_singular(lang: str, death: str, revised: str) -> None:
    """'1 deaths ... 2016-05-31 to 2016-05-31' and '1 records were given otherwise' read as errors."""
    table = _run("casualties", "--country", "CHN", "--from", "2016", "--to", "2016", "--lang", lang, "--no-pager")
    assert death in " ".join(table.stdout.split()).replace(" :", "\xa0:"), table.stdout
    one_revised = _run("casualties", "--country", "NLD", "--by", "cause", "--lang", lang, "--no-pager")
    assert revised in " ".join(one_revised.stdout.split()), one_revised.stdout
    many = _run("casualties", "--by", "cause", "--lang", lang, "--no-pager")
    assert "311 " in many.stdout and revised not in " ".join(many.stdout.split())


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["bases", "--chart", "--json"], "minusma bases --chart draws an image: it prints table, svg, png, not json"),
        (["casualties", "--chart", "--csv"], "leave out --chart for csv"),
        (["bases", "--format", "svg"], "add --chart (minusma bases --chart --format svg)"),
        (["casualties", "--format", "png"], "add --chart (minusma casualties --chart --format png)"),
        (["troops", "--format", "svg"], "add --chart (minusma troops --chart --format svg)"),
    ],
)
def test_a_format_refused_for_want_or_excess_of_chart_says_so(args: list[str], said: str) -> None:
    """'minusma bases cannot print json' (with --chart) and 'cannot print svg' (without) were untrue:
    bases prints both; the message names --chart, what to add or leave out."""
    result = _run(*args, "--lang", "en")
    assert result.returncode == 2 and result.stdout == ""
    assert said in " ".join(result.stderr.split()), result.stderr
    assert "cannot print" not in result.stderr


def test_a_format_no_variant_of_the_command_prints_is_still_refused_as_before() -> None:
    result = _run("timeline", "--format", "svg", "--lang", "en")
    assert result.returncode == 2 and "minusma timeline cannot print svg" in result.stderr
    assert "--chart" not in result.stderr


@pytest.mark.parametrize(
    ("args", "format"),
    [
        (["casualties", "--chart"], "geojson"), (["troops", "--chart"], "timelinejs"),
        (["casualties", "--chart"], "bibtex"), (["bases", "--chart"], "timelinejs"),
    ],
)  # fmt: skip
def test_a_format_the_command_never_prints_is_not_sent_to_leave_out_chart(args: list[str], format: str) -> None:
    """'leave out --chart for geojson' led to a second refusal: casualties prints no geojson at all."""
    result = _run(*args, "--format", format, "--lang", "en")
    assert result.returncode == 2 and f"cannot print {format}" in result.stderr
    assert "leave out --chart" not in result.stderr and "svg, png" in " ".join(result.stderr.split())
    without = _run(*args[:1], "--format", format, "--lang", "en")
    assert without.returncode == 2 and f"cannot print {format}" in without.stderr


def _patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_patterns(value) for value in node))
    return set()


def test_every_pattern_of_the_schema_is_told_in_words() -> None:
    """A field that misses its pattern was told 'does not have the required form (^[A-Z]{3}$)'."""
    import json

    from minusma import load
    from minusma.core_schema import CORE_SCHEMA
    from minusma.model import DATE_PATTERN, DAY_PATTERN, URL_PATTERN

    told = {DATE_PATTERN, DAY_PATTERN, URL_PATTERN, *load._CONTROL_PATTERNS, *load._FORMS}
    assert _patterns(json.loads(CORE_SCHEMA)) <= told


def _misformed(data: dict[str, Any]) -> None:
    data["events"][0]["id"] = "Bad Id"
    data["contributions"][0]["country"] = "tcd"
    data["fatalities"][0]["un_id"] = "MINUSMA-2013-8-8359"
    data["fatalities"][1]["country"] = "Chad"
    data["sources"][0]["language"] = "eng"
    data["sources"][1]["accessed"] = "2026-11"
    data["bases"][0]["presence"][0]["troops_by_country"] = {"tcd": 150}
    symbol = next(source for source in data["sources"] if "symbol" in source)
    symbol["symbol"] = "s/res/2100"
    claim = next(claim for snapshot in data["snapshots"] for claim in snapshot["claims"] if "formula" in str(claim))
    quantity = next(value for value in claim.values() if isinstance(value, dict) and "formula" in value)
    quantity["formula"] = "13289+1920"


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_validate_tells_each_misformed_field_its_form_in_words(lang: str, write_fact_base: Callable[..., Path]) -> None:
    import json

    path = write_fact_base(_misformed)
    result = _run("validate", str(path), "--json", "--lang", lang)
    assert result.returncode == 1, result.stderr
    problems = json.loads(result.stdout)["problems"]
    assert len(problems) == 9, problems
    for problem in problems:
        assert not any(mark in problem["message"] for mark in ("^", "$)", "[A-Z]", "\\d")), problem
    examples = {"TCD", "res-2100", "MINUSMA-2013-08-08359", "en, fr", "2026-11-28", "S/RES/2100 (2013)", "13289 + 1920"}
    said = " ".join(problem["message"] for problem in problems)
    assert all(example in said for example in examples), said


def _ansongo_also_called_gao(data: dict[str, Any]) -> None:
    ansongo = next(base for base in data["bases"] if base["id"] == "base-ansongo")
    ansongo["spellings"] = ["Gao (old name)"]


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
@pytest.mark.parametrize("args", [[], ["--chart", "--format", "svg"]])
def test_a_name_two_sites_share_is_not_answered_with_one_of_them(
    lang: str, args: list[str], write_fact_base: Callable[..., Path]
) -> None:
    """A fact base whose sites share a name (a spelling of one, the name of another): --base answered
    with whichever came first, without a word."""
    path = write_fact_base(_ansongo_also_called_gao)
    result = _run("bases", "--base", "gao", "--data", str(path), "--lang", lang, *args)
    assert result.returncode == 1 and result.stdout == ""
    said = " ".join(result.stderr.split())
    assert "base-ansongo (Ansongo, Gao)" in said and "base-gao (Gao, Gao)" in said and "2" in said, said


def test_an_id_names_its_site_alone_and_an_unshared_name_still_finds_it(write_fact_base: Callable[..., Path]) -> None:
    import json

    path = write_fact_base(_ansongo_also_called_gao)
    for wanted, site in (("base-gao", "base-gao"), ("Ansongo", "base-ansongo"), ("old name", "base-ansongo")):
        result = _run("bases", "--base", wanted, "--data", str(path), "--json")
        assert result.returncode == 0, result.stderr
        assert [found["id"] for found in json.loads(result.stdout)["sites"]] == [site]


# --------------------------------------------------------------------------- estimates stay estimates


@pytest.mark.parametrize(
    ("date", "parts", "expected"),
    [
        ("2014", {"basis": "yearly_mean", "military": q(255, "about"), "total": q(267, "about")}, []),
        ("2014", {"basis": "yearly_mean", "military": q(255, "nearly")}, []),
        ("2014", {"basis": "unit_sizes", "military": q(150, "about")}, []),
        ("2014-03", {"basis": "unit_sizes", "military": q(150, "about")}, []),  # a map's month: no yearly rule
        ("2014-06-30", {"military": q(255), "total": q(267)}, []),  # a stated count: exact, any day
        (
            "2014",
            {"basis": "yearly_mean", "military": q(255)},
            ["error contributions[0].military.qualifier estimate_exact"],
        ),
        (
            "2014",
            {"basis": "unit_sizes", "military": q(150)},
            ["error contributions[0].military.qualifier estimate_exact"],
        ),
        (
            "2014",
            {"basis": "yearly_mean", "military": q(255, "about"), "police": q(0), "total": q(267)},
            [
                "error contributions[0].police.qualifier estimate_exact",
                "error contributions[0].total.qualifier estimate_exact",
            ],
        ),  # fmt: skip
        (
            "2014-12",
            {"basis": "yearly_mean", "military": q(255, "about")},
            ["error contributions[0].date mean_not_a_year"],
        ),
        (
            "2014-01-01",
            {"basis": "yearly_mean", "military": q(255, "about")},
            ["error contributions[0].date mean_not_a_year"],
        ),
    ],
)
def test_a_contributions_estimate_is_never_exact_and_a_mean_is_dated_by_its_year(
    date: str, parts: dict[str, Any], expected: list[str]
) -> None:
    found = keys(tiny(contributions=[contribution("c", "TCD", date, **parts)]))
    assert [f"{severity} {path} {key.removeprefix('check.')}" for severity, path, key in found] == expected


@pytest.mark.parametrize(
    ("date", "mean", "expected"),
    [
        ("2014", q(10000, "about"), []),
        ("2014", q(10000), ["error snapshots[0].claims[1].military.qualifier estimate_exact"]),
        ("2014-12-31", q(10000, "about"), ["error snapshots[0].claims[1] mean_not_a_year"]),
    ],
)
def test_a_yearly_mean_of_strength_is_never_exact_and_dated_by_its_year(
    date: str, mean: dict[str, Any], expected: list[str]
) -> None:
    data = tiny()
    stated = claim(military=q(9000))
    estimate = claim("normal", military=mean, basis="yearly_mean")
    data["snapshots"] = [*data["snapshots"], snapshot("s-mean", date, stated, estimate)]
    found = [f"{severity} {path} {key.removeprefix('check.')}" for severity, path, key in keys(data)]
    assert found == expected


def test_validate_names_an_estimate_marked_exact_in_a_real_process(write_fact_base: Callable[..., Path]) -> None:
    def exact_mean(data: dict[str, Any]) -> None:
        mean = next(record for record in data["contributions"] if record.get("basis") == "yearly_mean")
        mean["military"]["qualifier"] = "exact"
        mean["date"] = f"{mean['date']}-06"

    result = _run("validate", str(write_fact_base(exact_mean)), "--lang", "en", "--no-pager")
    said = " ".join(result.stdout.split())
    assert result.returncode == 1 and "2 errors" in said, said
    assert 'not a headcount; mark it "about"' in said and "date it by the year it is the mean of" in said


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_the_basis_column_of_csv_holds_the_code_wherever_contributions_are_listed(lang: str) -> None:
    """contributors' CSV gave the basis in words of the run's language ('moyenne annuelle (RADPKO)')
    while the strength rows of the same `at --csv` gave the code (yearly_mean)."""
    import csv
    import io

    for args in (["contributors", "--year", "2019"], ["at", "2019"], ["contributors", "--country", "NLD"]):
        result = _run(*args, "--csv", "--lang", lang)
        assert result.returncode == 0, result.stderr
        rows = list(csv.DictReader(io.StringIO(result.stdout)))
        bases = {row["basis"] for row in rows if row.get("basis")}
        assert bases and bases <= {"stated", "yearly_mean", "unit_sizes"}, (args, bases)


# --------------------------------------------------------------------------- bases after the withdrawal


@pytest.mark.parametrize(
    ("at", "after"), [("2023-12-31", None), ("2024-01-01", "2023-12-31"), ("2023", None), ("2024", "2023-12-31")]
)
def test_bases_at_a_day_after_the_withdrawal_says_the_mission_was_in_liquidation(at: str, after: str | None) -> None:
    """`bases --at 2024-06` listed Bamako and Gao as sites in use, with troops, without the note `at`
    gives the same day: the withdrawal was complete, and the mission in liquidation with rear parties at
    Gao and Bamako (ev-2024-liquidation), the two sites Geo-PKO's 2024 rows place units at."""
    import json

    document = json.loads(_run("bases", "--at", at, "--json").stdout)
    assert document["after_withdrawal"] == after
    if after is not None:
        assert {site["id"] for site in document["sites"]} == {"base-bamako", "base-gao"}
    for lang, words in (
        ("en", "after the withdrawal was completed"),
        ("nl", "na de voltooide terugtrekking"),
        ("fr", "après la fin du retrait"),
    ):
        table = " ".join(_run("bases", "--at", at, "--lang", lang, "--no-pager").stdout.split())
        words = words if lang != "fr" else "d’après la fin du retrait"
        assert (words in table.lower()) == (after is not None), (lang, table[-600:])
    collection = json.loads(_run("bases", "--at", at, "--format", "geojson").stdout)
    assert ("2023-12-31" in collection["note"]) == (after is not None)


def test_the_whole_listing_and_a_site_with_rows_after_the_withdrawal_carry_the_note_too() -> None:
    import json

    for args in ([], ["--base", "Gao"]):
        assert json.loads(_run("bases", *args, "--json").stdout)["after_withdrawal"] == "2023-12-31"
    assert json.loads(_run("bases", "--base", "Kidal", "--json").stdout)["after_withdrawal"] is None


def test_a_caveat_in_french_takes_the_space_before_its_colon() -> None:
    """'[Réserve: …]' in French text, where every other label of the tool says 'Réserve\xa0:'."""
    result = _run("budget", "--to", "2014", "--lang", "fr", "--format", "md")
    assert result.returncode == 0 and "[Réserve\xa0: " in result.stdout and "[Réserve:" not in result.stdout
    english = _run("budget", "--to", "2014", "--lang", "en", "--format", "md").stdout
    assert "[Caveat: " in english


@pytest.mark.parametrize("args", [["show", ""], ["show", " "], ["cite", ""], ["cite", "res-2100", ""], ["sources", ""]])
@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_an_empty_id_is_a_usage_error_like_an_empty_name(args: list[str], lang: str) -> None:
    """`show ''` said "no fact or source with id ''" (exit 1) where `bases --country ''` is a usage error."""
    result = _run(*args, "--lang", lang)
    assert result.returncode == 2 and result.stdout == "", result.stderr
    assert "res-2100" in result.stderr and "''" not in result.stderr


LONG = "2" * 100_000
"""A pasted page as an argument: every message repeated it whole (100 KB on stderr)."""


@pytest.mark.parametrize(
    "args",
    [
        ["at", LONG], ["bases", "--base", LONG], ["bases", "--country", LONG], ["casualties", "--country", LONG],
        ["contributors", "--country", LONG], ["contributors", "--year", LONG], ["budget", "--from", LONG],
        ["show", LONG], ["sources", LONG], ["cite", LONG], ["timeline", "--category", LONG], ["casualties", "--by", LONG],
        ["search", "Gao", "--limit", LONG], [LONG], ["at", "2016", LONG], ["at", "2016", f"--{LONG}"],
        ["bases", "--format", LONG], ["--lang", LONG, "about"],
    ],
)  # fmt: skip
def test_a_long_argument_is_repeated_only_in_part(args: list[str]) -> None:
    result = _run(*args)
    assert result.returncode in (1, 2) and result.stdout == ""
    assert "2" * 80 + "…" in result.stderr or "x" in result.stderr or "2" * 81 not in result.stderr
    assert len(result.stderr) < 1000, len(result.stderr)


def test_a_short_argument_is_repeated_whole() -> None:
    value = "9" * 80
    result = _run("bases", "--base", value)
    assert result.returncode == 1 and f"'{value}'" in result.stderr and "…" not in result.stderr


@pytest.mark.parametrize("option", [["search", "Gao", "--limit"], ["mandate", "--resolution"]])
@pytest.mark.parametrize(
    ("value", "code"), [("9" * 18, None), ("0" * 30 + "5", None), ("1" + "0" * 18, 2), ("2" * 5000, 2)]
)
def test_a_number_of_thousands_of_digits_is_a_usage_error_not_an_internal_error(
    option: list[str], value: str, code: int | None
) -> None:
    """Python refuses to read an int of more than 4,300 digits: `--limit 222…` stopped with exit 3."""
    result = _run(*option, value, "--json")
    if code is None:
        assert result.returncode in (0, 1), result.stderr  # read: hits, or no such resolution
    else:
        assert result.returncode == 2 and "18" in result.stderr, result.stderr
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("columns", ["60", "80"])
def test_validate_never_folds_a_location_path(tmp_path: Path, columns: str) -> None:
    """The path is what a user copies to find the error: 'budgets[6].figures[0].amount.va' / 'lue' was
    printed at 80 columns; the Problem column gives way instead."""
    data = json.loads((Path(__file__).parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))
    data["budgets"][6]["figures"][0]["amount"]["value"] = 1138457900.5
    path = tmp_path / "float.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [*minusma_command(), "--data", str(path), "validate"],
        capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": columns, "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    assert "budgets[6].figures[0].amount.value" in done.stdout


@pytest.mark.parametrize(("command", "lang"), [("sources", "nl"), ("timeline", "nl"), ("timeline", "fr")])
def test_a_long_table_as_blocks_stays_within_a_narrow_terminal(command: str, lang: str) -> None:
    """Over 100 rows at 20 columns: Dutch labels took 17 cells and their values 10 more, so 2,604 lines of
    `sources` ran past the terminal. Where fewer than 10 cells are left beside the labels, each label
    stands above its value; only a single word wider than the terminal (an id, a URL) may run past."""
    from rich.cells import cell_len

    done = subprocess.run(
        [*minusma_command(), "--lang", lang, command],
        capture_output=True, text=True, check=False, env={**os.environ, "COLUMNS": "20", "NO_COLOR": "1"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) > 1000
    assert [line for line in lines if cell_len(line) > 20 and len(line.split()) > 1] == []


def test_a_map_of_names_the_font_lacks_says_nothing_on_stderr(tmp_path: Path) -> None:
    """Chinese letters in five site names: the SVG draws boxes for them, and stderr stays empty (matplotlib
    printed a warning with its own source path for every missing glyph, 79 for a hostile fact base)."""
    pytest.importorskip("matplotlib")
    data = json.loads((Path(__file__).parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))
    for base in data["bases"][:5]:
        base["name"]["en"] += " 中文字符"
    path = tmp_path / "cjk.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [*minusma_command(), "--data", str(path), "bases", "--chart", "--format", "svg"],
        capture_output=True, check=False, env={**os.environ, "LANG": "en_GB.UTF-8"},
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.startswith(b"<?xml")
    assert done.stderr == b""
