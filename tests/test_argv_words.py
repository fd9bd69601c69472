"""Odd command lines a user types, run as the installed command in a real process: every usage
error is in the run's language and says what to give instead, and what a user reads matches what
the command does (issue: the documentation's claims, checked against the tool as installed)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from installed import IN_ENGLISH as ENVIRONMENT
from installed import in_english, in_terminal, minusma_command

minusma = in_english


@pytest.mark.parametrize(
    ("value", "lang", "said"),
    [
        ("abc", "en", "'abc' is not a whole number of at least 1."),
        ("", "en", "'' is not a whole number of at least 1."),
        ("0", "en", "'0' is not a whole number of at least 1."),
        ("-1", "nl", "'-1' is geen geheel getal van ten minste 1."),
        ("2100.5", "fr", "'2100.5' n’est pas un nombre entier supérieur ou égal à 1."),
    ],
)
def test_a_resolution_that_is_no_number_is_a_usage_error_in_the_tools_words(value: str, lang: str, said: str) -> None:
    """Was pydantic's English ("Input should be a valid integer, unable to parse string as an
    integer") in every language."""
    result = minusma("mandate", "--resolution", value, "--lang", lang)
    assert result.returncode == 2, result.stderr
    assert result.stderr.rstrip().endswith(said), result.stderr
    assert "Input should" not in result.stderr
    assert result.stdout == ""


def test_a_resolution_number_still_finds_its_tasks() -> None:
    result = minusma("mandate", "--resolution", "2100", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["number"] == 2100
    missing = minusma("mandate", "--resolution", "2101")
    assert missing.returncode == 1
    assert "no resolution 2101 in the fact base" in missing.stderr


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "'Atlantis' is not a country minusma knows; give its ISO code (TCD)"),
        ("nl", "'Atlantis' is geen land dat minusma kent; geef de ISO-code (TCD)"),
        ("fr", "«\u202fAtlantis\u202f» n’est pas un pays que minusma connaît"),
    ],
)
def test_an_unknown_nationality_is_not_called_a_missing_contribution(lang: str, said: str) -> None:
    """casualties --country answers for any country it knows (0 deaths); one it does not know was
    reported as "no contributions from ..., 'minusma contributors' lists the countries"."""
    result = minusma("casualties", "--country", "Atlantis", "--lang", lang)
    assert result.returncode == 1
    assert result.stderr.startswith("minusma: " + said), result.stderr
    assert "contributors" not in result.stderr
    known = minusma("casualties", "--country", "Tsjaad", "--json")
    assert known.returncode == 0, known.stderr
    assert json.loads(known.stdout)["country"] == "TCD"


def test_contributors_keeps_its_own_message_for_an_unknown_country() -> None:
    result = minusma("contributors", "--country", "Atlantis")
    assert result.returncode == 1
    assert "no contributions from 'Atlantis'" in result.stderr


def test_search_takes_several_words_without_quotes() -> None:
    """`minusma search Kidal attack` was a usage error ("Got unexpected extra argument(s)")."""
    unquoted = minusma("search", "Kidal", "attack", "--json")
    quoted = minusma("search", "Kidal attack", "--json")
    assert unquoted.returncode == quoted.returncode == 0, unquoted.stderr
    assert json.loads(unquoted.stdout) == json.loads(quoted.stdout)
    assert json.loads(unquoted.stdout)["query"] == "Kidal attack"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((), "Missing argument 'TEXT...'."),
        (("",), "give at least one word to search for."),
        (("", " "), "give at least one word to search for."),
        (("w",) * 33, "search for at most 32 words and 500 characters."),
        (("\x1b[2J",), None),
    ],
)
def test_search_words_keep_their_limits(args: tuple[str, ...], said: str | None) -> None:
    result = minusma("search", *args)
    if said is None:  # a control character is shown escaped, never live
        assert result.returncode == 0, result.stderr
        assert "\x1b" not in result.stdout and "\\x1b[2J" in result.stdout
        return
    assert result.returncode == 2, result.stderr
    assert result.stderr.rstrip().endswith(said), result.stderr


@pytest.mark.parametrize("lang", ["en", "nl", "fr"])
def test_help_names_the_variables_that_set_the_defaults(lang: str) -> None:
    """MINUSMA_DATA and MINUSMA_LANG decide --data and --lang when they are not given: a script
    author reading --help learns that, in every language (it named only the locale and the
    shipped fact base)."""
    shown = " ".join(minusma("--help", "--lang", lang).stdout.split())
    assert "MINUSMA_DATA" in shown.split("--data PATH")[1].split("--no-pager")[0]
    assert "MINUSMA_LANG" in shown.split("--lang LANG")[1].split("--data PATH")[0]


def test_cite_says_it_takes_several_ids() -> None:
    shown = minusma("cite", "--help").stdout
    assert shown.startswith("Usage: minusma cite [OPTIONS] [ID...]\n"), shown
    several = minusma("cite", "un-res-2100", "un-res-2164", "--format", "ris")
    assert several.returncode == 0, several.stderr
    assert several.stdout.count("TY  - ") == 2


def test_a_period_without_deployed_figures_says_so() -> None:
    """`troops --compare --from 2030` printed a title and a legend for a table that was not there."""
    empty = minusma("troops", "--compare", "--from", "2030")
    assert empty.returncode == 0, empty.stderr
    assert empty.stdout.splitlines()[:2] == [
        "Deployed against the ceiling in force",
        "No deployed figure is dated in this period.",
    ]
    assert "preferred claim" not in empty.stdout
    assert "No deployed figure" not in minusma("troops", "--compare", "--from", "2023").stdout


@pytest.mark.parametrize(("bound", "value"), [("--to", "2010"), ("--from", "2030")])
def test_a_period_without_fiscal_years_says_so(bound: str, value: str) -> None:
    """It said "No approved amount is cited for any of the 0 fiscal years", under a legend for no figure."""
    empty = minusma("budget", bound, value)
    assert empty.returncode == 0, empty.stderr
    assert "No fiscal year of the mission falls in this period\n" in empty.stdout
    assert "0 fiscal years" not in empty.stdout and "preferred claim" not in empty.stdout
    one = minusma("budget", "--from", "2019/20", "--to", "2019/20")
    assert "approved for the one fiscal year in this period (2019/20)" in " ".join(one.stdout.split())


@pytest.mark.parametrize("variable", [{"NO_COLOR": "1"}, {"TERM": "dumb"}])
def test_a_terminal_that_asks_for_no_colour_gets_none(
    variable: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """At a real terminal (a pseudo-terminal): NO_COLOR leaves no colour (bold and dim are not
    colour; the tables use none, and this fails if a colour comes without NO_COLOR being honoured),
    TERM=dumb no escape at all."""
    for name, value in {**ENVIRONMENT, "TERM": "xterm-256color", **variable, "MINUSMA_PAGER": "cat"}.items():
        monkeypatch.setenv(name, value)
    code, shown = in_terminal("troops", "--compare", "--no-pager", cwd=tmp_path)
    assert code == 0, shown
    assert "Deployed against the ceiling in force" in shown
    styles = set(re.findall(r"\x1b\[([0-9;]*)m", shown))
    if "TERM" in variable:
        assert styles == set(), styles
    else:
        assert styles <= {"0", "1", "2", "22", ""}, styles  # reset, bold, dim: no colour


def test_validate_of_a_missing_file_does_not_point_at_data_alone(tmp_path: Path) -> None:
    """`minusma validate my-facts.json` (the README's "check my own fact base") with a mistyped name
    said "check the path given with --data or MINUSMA_DATA", neither of which was used."""
    result = minusma("validate", str(tmp_path / "my-facts.json"), "--json")
    assert result.returncode == 1
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem["message"] == "no such file; check the path (as given to validate, with --data or in MINUSMA_DATA)"


def test_show_gives_a_fiscal_year_whole() -> None:
    """`minusma show budget-2018-19` was an internal error (exit 3, KeyError 'kind.approved'): a
    budget figure's kind was looked up among the kinds of facts. It also showed the year's first
    figure alone, where a snapshot or a Dutch figure shows every claim."""
    facts = json.loads((Path(__file__).resolve().parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))
    (index, year) = next((i, b) for i, b in enumerate(facts["budgets"]) if b["id"] == "budget-2018-19")
    shown = minusma("show", "budget-2018-19", "--json")
    assert shown.returncode == 0, shown.stderr
    document = json.loads(shown.stdout)
    assert (document["path"], document["record"]) == (f"budgets[{index}]", year)
    table = minusma("show", "budget-2018-19")
    assert table.returncode == 0, table.stderr
    assert [
        line.split()[1] for line in table.stdout.splitlines() if line.startswith("figures[") and ".kind " in line
    ] == [figure["kind"] for figure in year["figures"]]
    french = minusma("show", "budget-2018-19", "--lang", "fr", "--csv")
    assert french.returncode == 0, french.stderr
    rows = {row["field"]: row for row in csv.DictReader(io.StringIO(french.stdout)) if row["table"] == "record"}
    assert rows["figures[3].kind"]["value"] == "expenditure"  # the code in CSV, the word in tables


def test_show_works_for_every_kind_of_fact() -> None:
    """One id of each kind the fact base holds, in each human format: no internal error."""
    from minusma.model import cited_facts

    facts = json.loads((Path(__file__).resolve().parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))
    first: dict[str, str] = {}
    for fact in cited_facts(facts):
        first.setdefault(fact.kind, fact.id)
    assert {"budget", "strength", "dutch figure", "base", "fatality", "erratum"} <= set(first), first
    for kind, identifier in first.items():
        for args in ([], ["--csv"], ["--format", "md", "--lang", "nl"]):
            result = minusma("show", identifier, *args)
            assert result.returncode == 0, (kind, identifier, args, result.stderr)


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--json", "--format", "csv"), ("--format csv", "--json")),
        (("--json", "--csv"), ("--json", "--csv")),
        (("--csv", "--format", "table"), ("--format table", "--csv")),
    ],
)
def test_two_formats_are_named_as_typed(args: tuple[str, ...], named: tuple[str, str]) -> None:
    """`about --json --format csv` said "--csv and --json cannot be used together": no --csv was given."""
    result = minusma("about", *args)
    assert result.returncode == 2
    assert result.stderr.rstrip().endswith(f"Error: {named[0]} and {named[1]} cannot be used together; choose one.")


@pytest.mark.parametrize("typed", ["Ménaka?", '"Ménaka"', "Ménaka,", "«Ménaka»"])
def test_search_reads_a_word_without_the_punctuation_around_it(typed: str) -> None:
    """`minusma search Ménaka?` found nothing and `Ménaka,` one fact, where `Ménaka` finds four."""
    plain = json.loads(minusma("search", "Ménaka", "--json").stdout)["hits"]
    result = minusma("search", typed, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["hits"] == plain and len(plain) >= 2


@pytest.mark.parametrize(("day", "noted"), [("2023-12-31", False), ("2024-01-01", True), ("2024-01-02", True)])
def test_at_says_when_its_sites_come_only_from_the_datasets_after_the_withdrawal(day: str, noted: bool) -> None:
    """Geo-PKO's yearly table for 2024 still places units at Bamako and Gao: after the withdrawal,
    'at' lists them with a note instead of contradicting its own 'MINUSMA had left' silently."""
    run = subprocess.run([*minusma_command(), "at", day], capture_output=True, text=True, check=True)
    assert "Sites in use" in run.stdout
    assert ("After the withdrawal was completed" in run.stdout) is noted


@pytest.mark.parametrize("fiscal_year", ["9999/00", "0000/01", "2013-14", "13/14"])
def test_a_fiscal_year_the_calendar_cannot_hold_is_told_in_words(fiscal_year: str, tmp_path: Path) -> None:
    """Not the pattern's regular expression: what the field must be, with an example (en and fr)."""
    facts = json.loads((Path(__file__).resolve().parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))
    facts["budgets"][0]["fiscal_year"] = fiscal_year
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    for lang, words in (
        ("en", "must be a fiscal year written YYYY/YY"),
        ("fr", "doit être un exercice de la forme AAAA/AA"),
    ):
        run = subprocess.run(
            [*minusma_command(), "--lang", lang, "validate", str(path)], capture_output=True, text=True,
            env={**os.environ, "COLUMNS": "200"},
        )  # fmt: skip
        assert run.returncode == 1
        assert "budgets[0].fiscal_year" in run.stdout and words in run.stdout
        assert "[0-9]" not in run.stdout + run.stderr


def test_a_period_with_troops_chart_is_refused_without_sending_the_user_to_compare() -> None:
    """`troops --chart --from 2016` said "add --compare", and `--chart --compare` is refused in turn."""
    for bound in ("--from", "--to"):
        refused = minusma("troops", "--chart", bound, "2016")
        assert refused.returncode == 2
        said = " ".join(refused.stderr.split())
        assert f"{bound} and --chart cannot be used together" in said and "add --compare" not in said
    alone = minusma("troops", "--from", "2016")
    assert alone.returncode == 2 and "add --compare" in " ".join(alone.stderr.split())
