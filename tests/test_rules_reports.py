"""The edges of the validate rules added for the hostile tester's reports of round eleven: budgets (a fiscal
year outside the mission's life, an amount of 0, an expenditure far above the approved amount), an
approximate contribution total beside its parts, site names that collide once folded, and a coordinate
that is not a number. Each test builds a small fact base (tests/rules_facts.py) and names its edge; the
last tests run the installed command on a hostile copy of the shipped file."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from minusma.messages import LANGS
from rules_facts import SOURCE, contribution, keys, q, said, text, tiny

MINUSMA = Path(sys.executable).parent / "minusma"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(MINUSMA), *args], capture_output=True, text=True, check=False)


# --------------------------------------------------------------------------- budgets


def figure(kind: str, value: int, qualifier: str = "exact", rank: str = "preferred") -> dict[str, Any]:
    return {"kind": kind, "rank": rank, "amount": q(value, qualifier), "what": text(), "sources": [SOURCE]}


def budget(fiscal_year: str, *figures: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"budget-{fiscal_year.replace('/', '-')}", "fiscal_year": fiscal_year, "figures": list(figures)}


def budget_keys(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [found for found in keys(data) if found[1].startswith("budgets")]


@pytest.mark.parametrize(
    ("established", "warned"),
    [("2013-06-29", False), ("2013-06-30", False), ("2013-07-01", True), ("2013-06", False), ("2013-07", True),
     ("2013", False)],
)  # fmt: skip
def test_a_fiscal_year_that_ended_before_the_mission_was_established_is_a_warning(
    established: str, warned: bool
) -> None:
    """2012/13 ends on 30 June 2013: a mission established that day overlaps it, one established the day after
    does not (a partial date counts from its first day)."""
    data = tiny(budgets=[budget("2012/13", figure("approved", 10))])
    data["mission"]["established"] = established
    expected = [("warning", "budgets[0].fiscal_year", "check.fiscal_year_before")] if warned else []
    assert budget_keys(data) == expected


@pytest.mark.parametrize(
    ("as_of", "label", "warned"),
    [("2024-06-30", "2024/25", False), ("2024-06-30", "2025/26", True), ("2024-07-01", "2025/26", False),
     ("2024-07-01", "2026/27", True), ("2024-06", "2025/26", True), ("2024", "2025/26", False),
     ("2024", "2026/27", True)],
)  # fmt: skip
def test_a_fiscal_year_beyond_the_one_after_the_fact_bases_date_is_a_warning(
    as_of: str, label: str, warned: bool
) -> None:
    """The liquidation has no end date: a budget is approved before its year begins, so the fiscal year after
    the one holding the fact base's date (its last day, for a partial date) is the last one expected."""
    data = tiny(budgets=[budget(label, figure("approved", 10))])
    data["header"]["as_of"] = as_of
    expected = [("warning", "budgets[0].fiscal_year", "check.fiscal_year_after")] if warned else []
    assert budget_keys(data) == expected


def test_the_calendars_first_and_last_fiscal_years_are_outside_the_missions_life() -> None:
    data = tiny(budgets=[budget("0001/02", figure("approved", 10)), budget("9998/99", figure("approved", 10))])
    assert said(data) == [
        "warning budgets[0].fiscal_year: fiscal year 0001/02 ended before the mission was established (2013-04-25); "
        "check the year",
        "warning budgets[1].fiscal_year: fiscal year 9998/99 begins more than a year after the fiscal year of the "
        "fact base's date (2024-01, in 2023/24); check the year",
    ]


def test_a_malformed_fiscal_year_is_one_error_not_also_a_warning() -> None:
    data = tiny(budgets=[budget("0001/03", figure("approved", 10))])
    assert budget_keys(data) == [("error", "budgets[0].fiscal_year", "check.fiscal_year")]


@pytest.mark.parametrize("kind", ["approved", "expenditure", "proposed", "recommended", "commitment"])
@pytest.mark.parametrize(("value", "qualifier", "wrong"), [(0, "exact", True), (0, "about", True), (1, "exact", False)])
def test_an_amount_of_zero_dollars_is_a_warning_one_dollar_is_not(
    kind: str, value: int, qualifier: str, wrong: bool
) -> None:
    data = tiny(budgets=[budget("2014/15", figure("approved", 5, rank="normal"), figure(kind, value, qualifier))])
    data["budgets"][0]["figures"][0]["kind"] = "approved" if kind != "approved" else "proposed"
    data["budgets"][0]["figures"][0]["rank"] = "preferred"
    expected = [("warning", "budgets[0].figures[1].amount", "check.budget_zero")] if wrong else []
    assert budget_keys(data) == expected


@pytest.mark.parametrize(("spent", "warned"), [(1499, False), (1500, False), (1501, True), (45_000, True)])
def test_an_expenditure_above_one_and_a_half_times_the_approved_amount_is_a_warning(spent: int, warned: bool) -> None:
    data = tiny(budgets=[budget("2014/15", figure("approved", 1000), figure("expenditure", spent))])
    expected = [("warning", "budgets[0].figures[1].amount", "check.budget_overspent")] if warned else []
    assert budget_keys(data) == expected


def test_only_the_preferred_figures_are_compared_and_a_year_without_one_of_them_is_not() -> None:
    preferred_fine = tiny(
        budgets=[
            budget(
                "2014/15", figure("approved", 1000), figure("approved", 10, rank="normal"),
                figure("expenditure", 5000, rank="normal"), figure("expenditure", 1000),
            )
        ]
    )  # fmt: skip
    assert budget_keys(preferred_fine) == []
    assert budget_keys(tiny(budgets=[budget("2014/15", figure("expenditure", 45_000))])) == []
    approximate = tiny(
        budgets=[budget("2014/15", figure("approved", 1000, "about"), figure("expenditure", 1501, "about"))]
    )
    assert said(approximate) == [
        "warning budgets[0].figures[1].amount: in fiscal year 2014/15 the expenditure of 1,501 is more than one and "
        "a half times the approved amount of 1,000; check both figures and their units"
    ]


# --------------------------------------------------------------------------- the installed command


@pytest.fixture
def hostile(write_fact_base: Callable[..., Path]) -> Callable[..., Path]:
    return write_fact_base


@pytest.mark.parametrize("lang", list(LANGS))
def test_validate_warns_of_hostile_budgets_in_a_real_process(hostile: Callable[..., Path], lang: str) -> None:
    def mutate(data: dict[str, Any]) -> None:
        budgets = data["budgets"]
        budgets[0]["fiscal_year"] = "0001/02"
        budgets[1]["fiscal_year"] = "9998/99"
        year = next(record for record in budgets if any(f["kind"] == "expenditure" for f in record["figures"]))
        approved = next(f for f in year["figures"] if f["kind"] == "approved" and f["rank"] == "preferred")
        spent = next(f for f in year["figures"] if f["kind"] == "expenditure" and f["rank"] == "preferred")
        spent["amount"] = {"value": approved["amount"]["value"] * 45, "qualifier": "exact"}

    path = hostile(mutate)
    for args in (["validate", str(path)], ["--data", str(path), "validate"], ["validate", "--data", str(path)]):
        done = run("--lang", lang, *args, "--json")
        assert done.returncode == 0, (args, done.stderr)
        found = json.loads(done.stdout)
        assert [(p["severity"], p["path"]) for p in found["problems"]] == [
            ("warning", "budgets[0].fiscal_year"),
            ("warning", "budgets[1].fiscal_year"),
            ("warning", f"budgets[{data_index(path)}].figures[{spent_index(path)}].amount"),
        ], args


def data_index(path: Path) -> int:
    budgets = json.loads(path.read_text(encoding="utf-8"))["budgets"]
    return next(i for i, record in enumerate(budgets) if any(f["kind"] == "expenditure" for f in record["figures"]))


def spent_index(path: Path) -> int:
    figures = json.loads(path.read_text(encoding="utf-8"))["budgets"][data_index(path)]["figures"]
    return next(i for i, f in enumerate(figures) if f["kind"] == "expenditure" and f["rank"] == "preferred")


def test_validate_warns_of_a_budget_of_zero_dollars_in_a_real_process(hostile: Callable[..., Path]) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["budgets"][0]["figures"][0]["amount"]["value"] = 0

    done = run("validate", str(hostile(mutate)))
    assert done.returncode == 0 and "budgets[0].figures[0].amount" in done.stdout, done
    assert "0 dollars" in done.stdout and "1 warning" in done.stdout and "Traceback" not in done.stderr


# --------------------------------------------------------------------------- an approximate total and its parts


def parts_keys(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [found for found in keys(data) if found[1].startswith("contributions")]


@pytest.mark.parametrize(
    ("total", "parts", "warned"),
    [
        (100, {"military": 110}, False),  # a tenth above: within the margin
        (100, {"military": 111}, True),  # more than a tenth above
        (100, {"military": 100, "police": 11}, True),
        (100, {"military": 90, "police": 9}, False),  # below the total: parts may be incomplete
        (1, {"military": 2}, False),  # one above, one part: rounding
        (1, {"military": 3}, True),
        (1, {"military": 1, "police": 2}, False),  # two above, two parts: rounding
        (1, {"military": 1, "police": 3}, True),
        (1, {"military": 255, "police": 12}, True),  # the tester's "about 1"
        (0, {"military": 1}, False),
        (0, {"military": 2}, True),
    ],
)
@pytest.mark.parametrize("qualifier", ["about", "nearly"])
def test_parts_far_above_an_approximate_total_are_a_warning(
    total: int, parts: dict[str, int], warned: bool, qualifier: str
) -> None:
    stated = {key: q(value, "about") for key, value in parts.items()}
    data = tiny(contributions=[contribution("c-1", "BEN", "2015", total=q(total, qualifier), **stated)])
    expected = [("warning", "contributions[0].total", "check.contribution_parts_about")] if warned else []
    assert parts_keys(data) == expected


def test_parts_above_an_exact_total_stay_an_error_and_are_not_also_a_warning() -> None:
    data = tiny(contributions=[contribution("c-1", "BEN", "2015", total=q(1), military=q(255), police=q(12))])
    assert parts_keys(data) == [("error", "contributions[0].total", "check.contribution_parts")]


def test_the_warning_names_the_parts_and_the_total() -> None:
    data = tiny(contributions=[contribution("c-1", "BEN", "2015", total=q(1, "about"), military=q(255), police=q(12))])
    assert said(data) == [
        "warning contributions[0].total: the stated parts add up to 267, far above the approximate total of 1 "
        "(more than a tenth above it); correct a part or the total"
    ]


def test_validate_warns_of_parts_far_above_an_approximate_total_in_a_real_process(
    hostile: Callable[..., Path],
) -> None:
    def mutate(data: dict[str, Any]) -> None:
        found = next(c for c in data["contributions"] if c["id"] == "contrib-radpko-ben-2014")
        found["total"] = {"value": 1, "qualifier": "about"}

    path = hostile(mutate)
    index = next(
        i
        for i, c in enumerate(json.loads(path.read_text("utf-8"))["contributions"])
        if c["id"] == "contrib-radpko-ben-2014"
    )
    for lang, words in (("en", "267"), ("nl", "267"), ("fr", "267")):
        done = run("--lang", lang, "validate", "--data", str(path))
        assert done.returncode == 0, done.stderr
        assert f"contributions[{index}].total" in done.stdout and words in done.stdout, done.stdout


# --------------------------------------------------------------------------- sites that share a name


def site(identifier: str, name: str, *spellings: str, **names: str) -> dict[str, Any]:
    presence = [{"date": "2015", "dataset": "geopko-yearly", "estimate": "unit_sizes", "troops_by_country": {"TGO": 1},
                 "sources": [SOURCE]}]  # fmt: skip
    return {
        "id": identifier, "name": text(name) | names, "spellings": list(spellings), "region": text("Gao"),
        "longitude": 0.0, "latitude": 16.0, "sources": [SOURCE], "presence": presence,
    }  # fmt: skip


def name_keys(*sites: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [found for found in keys(tiny(bases=list(sites))) if found[1].startswith("bases")]


SHARED = [("warning", "bases[1].name", "check.site_name_shared")]


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        (site("base-a", "Gao"), site("base-b", "Gaol"), False),
        (site("base-a", "Gao"), site("base-b", "Ga"), False),
        (site("base-a", "Gao"), site("base-b", "GAO"), True),  # case
        (site("base-a", "Ménaka"), site("base-b", "Menaka"), True),  # accents
        (site("base-a", "Ménaka"), site("base-b", "MÉNAKA"), True),
        (site("base-a", "Gao"), site("base-b", "Tessalit", "gao"), True),  # a spelling
        (site("base-a", "Gao", "Tarkint"), site("base-b", "Tessalit", "TARKINT"), True),  # two spellings
        (site("base-a", "Gao"), site("base-b", "Tessalit", fr="Gao"), True),  # a name in one language
        (site("base-a", "Mopti/Sévaré"), site("base-b", "Sevare"), True),  # a part of a name
        (site("base-a", "Kidal (Nord)"), site("base-b", "nord"), True),
        (site("base-gao", "Camp"), site("base-b", "Tessalit", "gao"), True),  # an id without base-
        (site("base-a", "Gao", "Gao"), site("base-b", "Tessalit"), False),  # one site's own names may repeat
    ],
)
def test_two_sites_that_answer_to_one_folded_name_are_a_warning(
    first: dict[str, Any], second: dict[str, Any], shared: bool
) -> None:
    assert name_keys(first, second) == (SHARED if shared else [])


def test_the_warning_names_both_sites_and_every_name_they_share_once() -> None:
    data = tiny(bases=[site("base-a", "Gao", "Tarkint"), site("base-b", "GAO", "tarkint"), site("base-c", "gaO")])
    assert [line for line in said(data) if "bases" in line] == [
        "warning bases[1].name: site base-b answers to the same name as base-a (gao, tarkint, case and accents "
        "ignored), so 'bases --base' cannot tell them apart by it; rename or respell one, or merge the two sites",
        "warning bases[2].name: site base-c answers to the same name as base-a (gao, case and accents ignored), so "
        "'bases --base' cannot tell them apart by it; rename or respell one, or merge the two sites",
    ]


def test_the_lookup_and_the_check_fold_with_one_function() -> None:
    from minusma import model, query

    assert query.fold is model.fold
    assert model.fold("MÉNAKA") == model.fold("Ménaka") == "menaka"


@pytest.mark.parametrize("args", [["validate", "{path}"], ["validate", "--data", "{path}"]])
def test_validate_warns_of_sites_sharing_a_name_in_a_real_process(
    hostile: Callable[..., Path], args: list[str]
) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["bases"][1]["spellings"].append(data["bases"][0]["name"]["fr"].upper())

    path = hostile(mutate)
    done = run(*(arg.format(path=path) for arg in args), "--json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)["problems"]
    assert [(p["severity"], p["path"]) for p in found] == [("warning", "bases[1].name")]
    base = json.loads(path.read_text("utf-8"))["bases"][0]["id"]
    assert base in found[0]["message"]
    bases = run("--data", str(path), "bases", "--base", json.loads(path.read_text("utf-8"))["bases"][0]["name"]["en"])
    assert bases.returncode == 1 and base in bases.stderr and "Traceback" not in bases.stderr, bases  # ambiguous


# --------------------------------------------------------------------------- cosmetics: counts, articles, NaN

NOTE_COUNTS = {
    "en": ("(0 countries)", "(1 country)", "(2 countries)"),
    "nl": ("(0 landen)", "(1 land)", "(2 landen)"),
    "fr": ("(0 pays)", "(1 pays)", "(2 pays)"),
}


@pytest.mark.parametrize("lang", list(NOTE_COUNTS))
def test_the_period_note_counts_countries_in_the_singular_for_one(lang: str, tmp_path: Path) -> None:
    for countries, expected in enumerate(NOTE_COUNTS[lang]):
        records = [
            contribution(f"c-{code.lower()}", code, "2015", military=q(5)) for code in ("BEN", "TCD")[:countries]
        ]
        path = tmp_path / f"facts-{countries}.json"
        path.write_text(json.dumps(tiny(contributions=records)), encoding="utf-8")
        done = subprocess.run(
            [str(MINUSMA), "--data", str(path), "--lang", lang, "contributors", "--from", "2015", "--to", "2015",
             "--format", "md"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert expected in done.stdout, (countries, done.stdout)


def test_the_french_title_of_a_contingents_sites_needs_no_article() -> None:
    """ "Où se trouvait Bénin" lacked the article, which depends on the country (le Bénin, la France, les
    Pays-Bas, Israël): the country comes after a colon."""
    done = run("--lang", "fr", "contributors", "--country", "BEN", "--format", "md")
    assert done.returncode == 0, done.stderr
    assert "Où se trouvait le contingent, par année\xa0: Bénin" in done.stdout
    assert "Où se trouvait Bénin" not in done.stdout
    english = run("contributors", "--country", "BEN", "--format", "md")
    assert "Where Benin was, by year" in english.stdout


NOT_A_NUMBER = {"en": "is not a number", "nl": "is geen getal", "fr": "n'est pas un nombre"}


@pytest.mark.parametrize(
    ("key", "value", "said"),
    [
        ("latitude", float("nan"), "(NaN)"),
        ("longitude", float("nan"), "(NaN)"),
        ("latitude", float("inf"), "(Infinity)"),
        ("longitude", float("-inf"), "(-Infinity)"),
        ("latitude", 90.5, "90"),  # a finite number out of bounds keeps the bound's message
    ],
)
def test_a_coordinate_that_is_not_a_number_is_told_so(
    hostile: Callable[..., Path], key: str, value: float, said: str
) -> None:
    def mutate(data: dict[str, Any]) -> None:
        data["bases"][0][key] = value

    path = hostile(mutate)
    for lang, words in NOT_A_NUMBER.items():
        for args in (["validate", str(path)], ["validate", "--data", str(path)]):
            done = run("--lang", lang, *args, "--json")
            assert done.returncode == 1, done.stderr
            [problem] = json.loads(done.stdout)["problems"]
            assert problem["path"] == f"bases[0].{key}" and said in problem["message"], problem
            assert (words in problem["message"]) == (value != value or abs(value) == float("inf")), problem
        loading = run("--lang", lang, "--data", str(path), "bases")
        assert loading.returncode == 1 and f"bases[0].{key}" in loading.stderr and "Traceback" not in loading.stderr


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (dt.date(1, 1, 1), "0000/01"),
        (dt.date(1, 6, 30), "0000/01"),
        (dt.date(1, 7, 1), "0001/02"),
        (dt.date(999, 7, 1), "0999/00"),
        (dt.date(9999, 12, 31), "9999/00"),
    ],
)
def test_a_fiscal_year_label_keeps_four_digits_at_the_calendars_edges(day: dt.date, label: str) -> None:
    """The fiscal year of a day in the year 1 before July is 0000/01, not '0/01' (the budget check
    read its first year back and crashed on a fact base dated 0001-01-01)."""
    from minusma.model.rules import fiscal_year_of, fiscal_years

    assert fiscal_year_of(day) == label
    assert fiscal_years(day, day) == [label]


@pytest.mark.parametrize(
    ("qualifier", "warned"), [("exact", True), ("about", True), ("more_than", False), ("at_least", False)]
)
def test_an_approved_amount_known_only_from_below_sets_no_ceiling_on_spending(qualifier: str, warned: bool) -> None:
    data = tiny(budgets=[budget("2014/15", figure("approved", 1000, qualifier), figure("expenditure", 45_000))])
    expected = [("warning", "budgets[0].figures[1].amount", "check.budget_overspent")] if warned else []
    assert budget_keys(data) == expected
