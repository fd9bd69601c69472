"""Leaders' terms at their edges: ``covers``, ``terms``, the successor of an interim and ``in_office``,
on small fact bases: the day before, the day, the day after; both ends of a partial date."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minusma import query
from minusma.model import Term, covers, date_range, generated_text, in_office, terms
from rules_facts import day, facts, leader, text, tiny


def _terms(*leaders: dict[str, Any]) -> dict[str, Term]:
    return {term.leader["id"]: term for term in terms(facts(tiny(leaders=list(leaders))))}


def _on(term: Term, date: str) -> tuple[bool, bool, str | None]:
    """in_office as (possibly, certainly, the English reason or None)."""
    found = in_office(term, day(date))
    return found.possibly, found.certainly, found.why["en"] if found.why else None


def _why(key: str, **values: object) -> str:
    return generated_text(key, **values)["en"]


# --------------------------------------------------------------------------- covers


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("2015-02-28", (False, False)),  # the day before the start's month
        ("2015-03-01", (True, False)),  # the start's first possible day
        ("2015-03-30", (True, False)),
        ("2015-03-31", (True, True)),  # the start's last possible day: certain from here
        ("2015-05-01", (True, True)),  # the end's first possible day: still certain
        ("2015-05-02", (True, False)),
        ("2015-05-31", (True, False)),  # the end's last possible day
        ("2015-06-01", (False, False)),  # the day after
    ],
)
def test_covers_a_period_of_two_months_at_each_edge(date: str, expected: tuple[bool, bool]) -> None:
    assert covers("2015-03", "2015-05", day(date)) == expected


@pytest.mark.parametrize(
    ("start", "end", "date", "expected"),
    [
        ("2015-03-10", "2015-03-10", "2015-03-09", (False, False)),
        ("2015-03-10", "2015-03-10", "2015-03-10", (True, True)),  # a one-day period
        ("2015-03-10", "2015-03-10", "2015-03-11", (False, False)),
        (None, "2015-03-10", "0001-01-01", (True, False)),  # no start: possibly since ever, never certain
        (None, "2015-03-10", "2015-03-10", (True, False)),
        (None, "2015-03-10", "2015-03-11", (False, False)),
        ("2015", None, "2014-12-31", (False, False)),  # no end: open
        ("2015", None, "2015-01-01", (True, False)),
        ("2015", None, "2015-12-31", (True, True)),
        ("2015", None, "9999-12-31", (True, True)),
        (None, None, "2015-01-01", (True, False)),
    ],
)
def test_covers_one_day_open_and_unknown_ends(
    start: str | None, end: str | None, date: str, expected: tuple[bool, bool]
) -> None:
    assert covers(start, end, day(date)) == expected


_PARTIAL = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)).flatmap(
    lambda found: st.sampled_from([found.isoformat(), found.isoformat()[:7], found.isoformat()[:4]])
)


@given(_PARTIAL, _PARTIAL, st.dates(min_value=dt.date(1999, 1, 1), max_value=dt.date(2031, 12, 31)))
def test_a_period_covers_certainly_every_day_between_its_certain_bounds(start: str, end: str, when: dt.date) -> None:
    start_first, start_last = date_range(start)
    end_first, end_last = date_range(end)
    possibly, certainly = covers(start, end, when)
    assert possibly == (start_first <= when <= end_last)
    assert certainly == (start_last <= when <= end_first)
    assert possibly or not certainly


# --------------------------------------------------------------------------- terms: start and end


def test_a_stated_start_comes_before_an_appointment_an_attested_day_and_a_predecessor() -> None:
    found = _terms(
        leader("a", start="2015-03-10", appointed="2015-01-02", attested="2015-06-01", after="b", end="2016"),
        leader("b", appointed="2014-01-02", attested="2014-06-01", after="a"),
        leader("c", attested="2014-06-01", after="a"),
        leader("d", after="a"),
        leader("e"),
        leader("f", after="nobody"),
    )
    shown = {key: (term.start, term.end, term.start_basis, term.end_basis) for key, term in found.items()}
    assert shown == {
        "a": ("2015-03-10", "2016", "stated", "stated"),
        "b": ("2014-01-02", None, "appointed", "open"),
        "c": ("2014-06-01", "2014-06-01", "attested", "attested"),
        "d": ("2016", None, "predecessor", "open"),
        "e": (None, None, "unknown", "open"),
        "f": (None, None, "unknown", "open"),
    }


def test_an_interim_ends_on_the_start_of_the_first_later_full_term_of_its_role() -> None:
    found = _terms(
        leader("first", start="2014-01-01", end="2015-12-31"),
        leader("interim", acting=True, start="2016-01-01"),
        leader("same-day", start="2016-01-01", end="2016-01-01"),  # not later: not the successor
        leader("other-role", role="force_commander", start="2016-02-01"),
        leader("acting-too", acting=True, start="2016-03-01"),
        leader("appointed-later", appointed="2016-09-15"),
        leader("next", start="2016-06-01"),
    )
    assert (found["interim"].end, found["interim"].end_basis) == ("2016-06-01", "successor")
    # a full term is never cut short by a later one; an interim with no later full term stays open
    assert (found["first"].end_basis, found["next"].end, found["next"].end_basis) == ("stated", None, "open")
    assert (found["acting-too"].end, found["acting-too"].end_basis) == ("2016-06-01", "successor")
    assert (found["other-role"].end, found["other-role"].end_basis) == (None, "open")


def test_an_appointment_dates_a_successor_where_no_start_is_given() -> None:
    found = _terms(leader("interim", acting=True, start="2016-01-01"), leader("next", appointed="2016-09-15"))
    assert (found["interim"].end, found["interim"].end_basis) == ("2016-09-15", "successor")


def test_an_interim_with_a_stated_end_or_no_start_keeps_it() -> None:
    found = _terms(
        leader("stated", acting=True, start="2016-01-01", end="2016-02-01"),
        leader("unknown", acting=True),
        leader("next", start="2016-06-01"),
    )
    assert (found["stated"].end, found["stated"].end_basis) == ("2016-02-01", "stated")
    assert (found["unknown"].end, found["unknown"].end_basis) == (None, "open")


def test_an_undated_interim_runs_from_its_predecessors_end_to_its_successors_start() -> None:
    found = _terms(
        leader("before", start="2014-01-01", end="2016-01-05"),
        leader("interim", acting=True, after="before"),
        leader("next", start="2016-06-01"),
    )
    interim = found["interim"]
    assert (interim.start, interim.end, interim.start_basis, interim.end_basis) == (
        "2016-01-05", "2016-06-01", "predecessor", "successor",
    )  # fmt: skip
    unknown = _why("at.unknown_term")
    assert _on(interim, "2016-01-04") == (False, False, None)
    assert _on(interim, "2016-01-05") == (True, False, unknown)
    assert _on(interim, "2016-06-01") == (True, False, unknown)
    assert _on(interim, "2016-06-02") == (False, False, None)


def test_terms_are_heads_of_mission_first_then_by_start_undated_last_ties_in_file_order() -> None:
    ordered = terms(
        facts(
            tiny(
                leaders=[
                    leader("fc", role="force_commander", start="2013-01-01"),
                    leader("undated"),
                    leader("late", start="2016"),
                    leader("tie-1", start="2015-03"),
                    leader("early", start="2014-12-31"),
                    leader("tie-2", start="2015-03"),
                ]
            )
        )
    )
    assert [term.leader["id"] for term in ordered] == ["early", "tie-1", "tie-2", "late", "undated", "fc"]


# --------------------------------------------------------------------------- in_office


def test_a_day_precise_term_is_certain_on_its_first_and_last_day_only_within_them() -> None:
    term = _terms(leader("a", start="2015-03-10", end="2016-01-05"))["a"]
    assert _on(term, "2015-03-09") == (False, False, None)
    assert _on(term, "2015-03-10") == (True, True, None)
    assert _on(term, "2015-03-11") == (True, True, None)
    assert _on(term, "2016-01-04") == (True, True, None)
    assert _on(term, "2016-01-05") == (True, True, None)
    assert _on(term, "2016-01-06") == (False, False, None)


def test_a_month_precise_term_is_uncertain_inside_each_boundary_month() -> None:
    term = _terms(leader("a", start="2015-03", end="2016-01"))["a"]
    start, end = _why("at.uncertain_start", start="2015-03"), _why("at.uncertain_end", end="2016-01")
    assert _on(term, "2015-02-28") == (False, False, None)
    assert _on(term, "2015-03-01") == (True, False, start)
    assert _on(term, "2015-03-30") == (True, False, start)
    assert _on(term, "2015-03-31") == (True, True, None)
    assert _on(term, "2016-01-01") == (True, True, None)
    assert _on(term, "2016-01-02") == (True, False, end)
    assert _on(term, "2016-01-31") == (True, False, end)
    assert _on(term, "2016-02-01") == (False, False, None)


def test_a_year_precise_start_is_uncertain_until_its_last_day() -> None:
    term = _terms(leader("a", start="2015"))["a"]
    assert _on(term, "2014-12-31") == (False, False, None)
    assert _on(term, "2015-01-01") == (True, False, _why("at.uncertain_start", start="2015"))
    assert _on(term, "2015-12-30") == (True, False, _why("at.uncertain_start", start="2015"))
    assert _on(term, "2015-12-31") == (True, True, None)
    assert _on(term, "9999-12-31") == (True, True, None)


def test_an_appointment_counts_as_known_to_its_month() -> None:
    term = _terms(leader("a", appointed="2015-03-10"))["a"]
    why = _why("at.from_appointment", appointed="2015-03-10")
    assert _on(term, "2015-03-09") == (False, False, None)
    assert _on(term, "2015-03-10") == (True, False, why)
    assert _on(term, "2015-03-30") == (True, False, why)
    assert _on(term, "2015-03-31") == (True, True, None)


def test_an_attested_day_is_a_term_of_that_day() -> None:
    term = _terms(leader("a", attested="2017-05-02"))["a"]
    assert [_on(term, date) for date in ("2017-05-01", "2017-05-02", "2017-05-03")] == [
        (False, False, None), (True, True, None), (False, False, None),
    ]  # fmt: skip


def test_a_term_with_no_start_is_never_in_office() -> None:
    term = _terms(leader("a", end="2016-01-05"))["a"]
    assert _on(term, "2016-01-05") == (False, False, None)
    assert _on(term, "2010-01-01") == (False, False, None)


def test_a_caveat_that_doubts_the_role_makes_every_day_uncertain() -> None:
    doubted = _terms(leader("a", start="2015-03-10", end="2015-04-10", doubt="role", caveat=text("doubt")))["a"]
    assert _on(doubted, "2015-03-09") == (False, False, None)
    assert _on(doubted, "2015-03-10") == (True, False, "doubt")
    assert _on(doubted, "2015-04-10") == (True, False, "doubt")
    no_caveat = _terms(leader("a", start="2015-03-10", doubt="role"))["a"]
    assert _on(no_caveat, "2015-03-10") == (True, True, None)


def test_a_caveat_that_doubts_an_open_end_makes_every_day_after_the_start_uncertain() -> None:
    open_end = _terms(leader("a", start="2015-03-10", doubt="end", caveat=text("doubt")))["a"]
    assert _on(open_end, "2015-03-10") == (True, True, None)
    assert _on(open_end, "2015-03-11") == (True, False, "doubt")
    month_start = _terms(leader("a", start="2015-03", doubt="end", caveat=text("doubt")))["a"]
    assert _on(month_start, "2015-03-31") == (True, True, None)
    assert _on(month_start, "2015-04-01") == (True, False, "doubt")
    stated_end = _terms(leader("a", start="2015-03-10", end="2016", doubt="end", caveat=text("doubt")))["a"]
    assert _on(stated_end, "2015-03-11") == (True, True, None)
    no_caveat = _terms(leader("a", start="2015-03-10", doubt="end"))["a"]
    assert _on(no_caveat, "2015-03-11") == (True, True, None)
    doubts_start = _terms(leader("a", start="2015-03-10", doubt="start", caveat=text("doubt")))["a"]
    assert _on(doubts_start, "2015-03-11") == (True, True, None)


def test_an_interim_is_uncertain_only_in_its_own_boundary_months() -> None:
    found = _terms(leader("interim", acting=True, start="2016-01"), leader("next", start="2016-06-15"))
    interim = found["interim"]
    assert _on(interim, "2016-06-15") == (True, True, None)
    assert _on(interim, "2016-06-16") == (False, False, None)


# --------------------------------------------------------------------------- caveats on leaders' events


def test_a_caveat_goes_on_the_boundary_it_doubts_never_on_an_appointment() -> None:
    record = leader(
        "a", appointed="2015-01-02", start="2015-03-10", end="2016-01-05", attested="2015-06-01",
        doubt="end", caveat=text("doubt"),
    )  # fmt: skip
    both = leader("b", role="force_commander", appointed="2015-01-02", start="2015-03-10", caveat=text("any"))
    role = leader("c", role="force_commander", start="2017-03-10", end="2018", doubt="role", caveat=text("role"))
    events = query.timeline(facts(tiny(leaders=[record, both, role])), categories=["leadership"])["events"]
    caveats = {found["id"]: found.get("caveat", {}).get("en") for found in events}
    assert caveats == {
        "a-appointed": None, "a-start": None, "a-end": "doubt", "a-attested": None,
        "b-appointed": None, "b-start": "any",
        "c-start": "role", "c-end": "role",
    }  # fmt: skip
