"""Dates with precision and the cross-field rules of model.check_fact_base."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from minusma.load import parse
from minusma.model import DateError, PartialDate, adapter, date_range, parse_partial_date, precision, sort_key


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2014", "year"), ("2019-05", "month"), ("2013-04-25", "day")],
)
def test_precision_follows_the_written_date(text: str, expected: str) -> None:
    assert precision(text) == expected


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2014", dt.date(2014, 1, 1), dt.date(2014, 12, 31)),
        ("2016-02", dt.date(2016, 2, 1), dt.date(2016, 2, 29)),
        ("2015-02", dt.date(2015, 2, 1), dt.date(2015, 2, 28)),
        ("2013-04-25", dt.date(2013, 4, 25), dt.date(2013, 4, 25)),
    ],
)
def test_date_range_covers_the_whole_period(text: str, first: dt.date, last: dt.date) -> None:
    assert date_range(text) == (first, last)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2016-02-30", "February 2016 has 29 days"),
        ("2015-02-29", "February 2015 has 28 days"),
        ("2016-13", "month 13 does not exist"),
        ("2016-00", "month 00 does not exist"),
        ("yesterday", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("13/04/2013", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("2013-4-25", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("", "YYYY, YYYY-MM or YYYY-MM-DD"),
        ("２０１３", "YYYY, YYYY-MM or YYYY-MM-DD"),
    ],
)
def test_impossible_or_malformed_dates_are_rejected(text: str, fragment: str) -> None:
    with pytest.raises(DateError, match=fragment):
        parse_partial_date(text)


def test_a_month_only_date_sorts_at_the_start_of_its_month_before_its_days() -> None:
    dates = ["2013-07-02", "2013-07", "2013-06-30", "2013-07-01", "2013"]
    assert sorted(dates, key=sort_key) == ["2013", "2013-06-30", "2013-07", "2013-07-01", "2013-07-02"]


def _real(year: int, month: int = 1, day: int = 1) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


_PARTIAL_DATE = adapter(PartialDate)


def _accepted(text: str) -> tuple[bool, bool]:
    """Whether ``parse_partial_date`` and the fact base's schema (its fast path included) take ``text``."""
    try:
        parse_partial_date(text)
        parsed = True
    except DateError:
        parsed = False
    try:
        _PARTIAL_DATE.validate_python(text)
        loaded = True
    except ValidationError:
        loaded = False
    return parsed, loaded


@given(st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99))
def test_a_date_is_accepted_exactly_when_the_calendar_has_it(year: int, month: int, day: int) -> None:
    """Over datetime.date's whole range and beyond it (year 0000, month 13, day 32): the same verdict."""
    for text, real in (
        (f"{year:04d}", _real(year)),
        (f"{year:04d}-{month:02d}", _real(year, month)),
        (f"{year:04d}-{month:02d}-{day:02d}", _real(year, month, day)),
    ):
        assert _accepted(text) == (real, real), text


@given(st.dates())
def test_every_day_of_the_calendar_is_accepted(day: dt.date) -> None:
    assert _accepted(day.isoformat()) == (True, True)
    assert parse_partial_date(day.isoformat()) == (day.year, day.month, day.day)


@pytest.mark.parametrize("year", [0, 1, 4, 100, 400, 1900, 1999, 2000, 2012, 2013, 2023, 2100, 2400, 9996, 9999])
def test_the_schema_pattern_and_the_calendar_agree_on_every_day_of_the_edge_years(year: int) -> None:
    """The schema's one pattern holds the whole calendar: every month 00-13 and day 00-32 of the years
    where the leap rule turns (centuries, 400s, year 1, year 0000), each against datetime.date."""
    for month in range(14):
        assert _accepted(f"{year:04d}-{month:02d}") == (_real(year, month),) * 2
        for day in range(33):
            assert _accepted(f"{year:04d}-{month:02d}-{day:02d}") == (_real(year, month, day),) * 2


@pytest.mark.parametrize("text", ["２０１３", "2013-٠٤", "201３-04-25", "2013-04-2５"])
def test_a_date_in_other_digits_is_refused_by_the_schema(text: str) -> None:
    assert _accepted(text) == (False, False)


@pytest.mark.parametrize("text", ["0000", "0000-01", "0000-12", "0000-01-01", "0000-02-29", "0000-12-31"])
def test_year_0000_is_rejected(text: str) -> None:
    with pytest.raises(DateError, match="the year must be 0001 or later"):
        parse_partial_date(text)
    assert _accepted(text) == (False, False)


PARTIAL_DATES = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)).flatmap(
    lambda day: st.sampled_from([day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]])
)


@given(PARTIAL_DATES, PARTIAL_DATES)
def test_sort_order_follows_the_start_of_each_period(first: str, second: str) -> None:
    if date_range(first)[0] < date_range(second)[0]:
        assert sort_key(first) < sort_key(second)
    if sort_key(first) < sort_key(second):
        assert date_range(first)[0] <= date_range(second)[0]


@given(st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_real_day_round_trips(day: dt.date) -> None:
    text = day.isoformat()
    assert parse_partial_date(text) == (day.year, day.month, day.day)
    assert date_range(text) == (day, day)
    assert date_range(text[:7])[0] <= day <= date_range(text[:7])[1]


# --------------------------------------------------------------------------- rules


def problems_of(write: Callable[..., Path], mutate: Callable[[dict[str, Any]], object]) -> list[str]:
    path = write(mutate)
    _, found = parse(path.read_bytes(), str(path))
    return [f"{problem.severity} {problem.path}: {problem.message.said('en')}" for problem in found]


def test_the_shipped_fact_base_breaks_no_rule(write_fact_base: Callable[..., Path]) -> None:
    assert problems_of(write_fact_base, lambda data: None) == []


def _resolution(data: dict[str, Any], number: int) -> dict[str, Any]:
    return next(item for item in data["resolutions"] if item["number"] == number)


def _set(path: list[str | int], value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return mutate


RULE_BREAKS: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    (
        "ceiling total that does not add up",
        lambda data: _resolution(data, 2100)["ceiling"].update(police=1140),
        "error resolutions[1].ceiling.total: stated total 12,640 is not military 11,200 + police 1,140 = 12,340",
    ),
    (
        "uniformed total that does not add up",
        lambda data: data["snapshots"][1]["claims"][0]["uniformed"].update(value=6039),
        "error snapshots[1].claims[0].uniformed: stated uniformed total 6,039 is not military + observers + "
        "police = 6,010",
    ),
    (
        "personnel total that does not add up",
        lambda data: next(s for s in data["snapshots"] if s["id"] == "strength-2017-01-31")["claims"][0][
            "personnel"
        ].update(value=1),
        "claims[0].personnel: stated personnel total 1",
    ),
    (
        "a cited source that does not exist",
        lambda data: data["events"][0]["sources"].append("no-such-source"),
        "error events[0].sources: cites source 'no-such-source', which is not in the sources list",
    ),
    (
        "two facts with one id",
        lambda data: data["events"][1].update(id=data["events"][0]["id"]),
        "error events[1].id: id 'ev-2012-coup' is already used at events[0]",
    ),
    (
        "two budget years with one id: the year is named, not its first figure (budget figures have no id)",
        lambda data: data["budgets"][6].update(id=data["budgets"][5]["id"]),
        "error budgets[6].id: id 'budget-2018-19' is already used at budgets[5]",
    ),
    (
        "two sources with one id",
        lambda data: data["sources"][1].update(id=data["sources"][0]["id"]),
        "error sources[1].id: id 'reliefweb-2100' is already used at sources[0]",
    ),
    (
        "a term that ends before it starts",
        lambda data: data["leaders"][0].update(start="2015-01", end="2014-10"),
        "error leaders[0]: starts (2015-01) after it ends (2014-10)",
    ),
    (
        "overlapping mandate periods",
        lambda data: _resolution(data, 2164).update(mandate_start="2014-06-01"),
        "mandate period overlaps the one at",
    ),
    (
        "two preferred claims",
        lambda data: data["snapshots"][1]["claims"][1].update(rank="preferred"),
        "error snapshots[1].claims: has 2 preferred claims",
    ),
    (
        "a snapshot before any ceiling",
        lambda data: data["snapshots"][0].update(date="2013-01"),
        "error snapshots[0].date: no ceiling was in force on 2013-01",
    ),
    (
        "the mandate's tasks naming a resolution that is not there",
        _set(["mandate", "tasks_resolution"], "res-9999"),
        "error mandate.tasks_resolution: names resolution 'res-9999'",
    ),
    (
        "a mandate resolution without an end",
        lambda data: _resolution(data, 2164).pop("mandate_end"),
        "error resolutions[2]: a mandate resolution needs 'mandate_end'",
    ),
    (
        "an erratum concerning a fact that is not there",
        lambda data: data["errata"][0].update(concerns=["res-9999"]),
        "error errata[0].concerns: names the fact 'res-9999', which is not in the fact base",
    ),
    (
        "a fact whose id is a source's",
        lambda data: data["events"][0].update(id="cbc-2013"),
        "error events[0].id: id 'cbc-2013' is also a source's id",
    ),
    (
        "a leader whose id is an event's",
        lambda data: data["leaders"][0].update(id=data["events"][0]["id"]),
        "error leaders[0].id: id 'ev-2012-coup' is already used at events[0]",
    ),
    (
        "a strength claim citing a source that does not exist",
        lambda data: data["snapshots"][1]["claims"][1]["sources"].append("no-such-source"),
        "error snapshots[1].claims[1].sources: cites source 'no-such-source'",
    ),
    (
        "a Dutch phase whose id is a source's",
        lambda data: data["netherlands"]["phases"][0].update(id="cbc-2013"),
        "error netherlands.phases[0].id: id 'cbc-2013' is also a source's id",
    ),
    (
        "a UN symbol whose year is not the source's",
        lambda data: data["sources"][0].update(symbol="S/RES/2100 (2013)", published="2015-04-25"),
        "error sources[0].published: the symbol S/RES/2100 (2013) is of 2013, but the source is dated 2015-04-25",
    ),
    (
        "a report symbol whose year is not the source's",
        lambda data: data["sources"][0].update(symbol="S/2018/541", published="2017"),
        "error sources[0].published: the symbol S/2018/541 is of 2018",
    ),
    (
        "a snapshot with no figure at all",
        lambda data: data["snapshots"][5]["claims"][0].pop("military"),
        "error snapshots[5].claims[0]: states no figure",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "expected"), RULE_BREAKS, ids=[case[0] for case in RULE_BREAKS])
def test_each_rule_break_is_reported(
    write_fact_base: Callable[..., Path], case: str, mutate: Callable[[dict[str, Any]], object], expected: str
) -> None:
    found = problems_of(write_fact_base, mutate)
    assert any(expected in line for line in found), found


WARNINGS: list[tuple[str, Callable[[dict[str, Any]], object], str]] = [
    (
        "a source nobody cites",
        lambda data: data["sources"].append(
            {"id": "unused", "title": "T", "publisher": "P", "url": "https://example.org", "language": "en"}
        ),
        "source 'unused' is cited by no fact",
    ),
    (
        "a gap between mandate periods",
        lambda data: _resolution(data, 2531).update(mandate_start="2020-07-15"),
        "warning resolutions[10]: mandate period leaves a gap after resolutions[9], which ends 2020-06-30, while this one starts 2020-07-15",
    ),
    (
        "a renewal adopted after the last mandate ended",
        lambda data: _resolution(data, 2480).update(mandate_end="2020-05-31"),
        "warning resolutions[10]: adopted 2020-06-29, after the mandate at resolutions[9] ended (2020-05-31)",
    ),
    (
        "deployed above the ceiling",
        lambda data: next(s for s in data["snapshots"] if s["id"] == "strength-2018-03")["claims"][0][
            "military"
        ].update(value=14000),
        "military 14,000 is above the ceiling of 13,289",
    ),
]


@pytest.mark.parametrize(("case", "mutate", "expected"), WARNINGS, ids=[case[0] for case in WARNINGS])
def test_warnings_are_reported_but_do_not_stop_a_load(
    write_fact_base: Callable[..., Path], case: str, mutate: Callable[[dict[str, Any]], object], expected: str
) -> None:
    found = problems_of(write_fact_base, mutate)
    assert [line for line in found if line.startswith("error")] == []
    assert any(expected in line for line in found), found


@pytest.mark.parametrize(
    ("symbol", "year"),
    [("S/RES/2100 (2013)", "2013"), ("S/2018/541", "2018"), ("SC/15341", None), ("SG/A/1404", None),
     ("S/PRST/2013/10", None)],
)  # fmt: skip
def test_the_year_a_un_symbol_carries(symbol: str, year: str | None) -> None:
    from minusma.model import symbol_year

    assert symbol_year(symbol) == year


@pytest.mark.parametrize("symbol", ["S/RES/2100 (2013)", "SC/15341", "SG/A/1404", "S/2018/541", "A/RES/77/1"])
def test_un_symbols_of_the_usual_forms_load(write_fact_base: Callable[..., Path], symbol: str) -> None:
    def with_symbol(data: dict[str, Any]) -> None:
        data["sources"][0].pop("published", None)  # the symbol alone: its year cannot clash with a date
        data["sources"][0].update(symbol=symbol)

    assert problems_of(write_fact_base, with_symbol) == []


@pytest.mark.parametrize("symbol", ["sc/15341", "SC 15341", "S/RES/2100 (13)", "SC/", "S/RES/2100 (2013) "])
def test_malformed_un_symbols_are_rejected(write_fact_base: Callable[..., Path], symbol: str) -> None:
    found = problems_of(write_fact_base, lambda data: data["sources"][0].update(symbol=symbol))
    assert any(line.startswith("error sources[0].symbol") for line in found), found


def test_problems_come_in_the_order_of_the_rules_and_of_the_fields(write_fact_base: Callable[..., Path]) -> None:
    """Repeated ids, then errata naming unknown facts, then unknown sources; a missing top-level key
    where the model has it, among the other keys' problems."""

    def break_two_rules(data: dict[str, Any]) -> None:
        data["errata"][0]["concerns"] = ["nope"]
        data["events"][0]["sources"].append("ghost")

    found = problems_of(write_fact_base, break_two_rules)
    assert [line.split(":")[0] for line in found] == ["error errata[0].concerns", "error events[0].sources"]

    def break_the_schema(data: dict[str, Any]) -> None:
        del data["leaders"]
        data["header"]["as_of"] = "2015-02-30"

    found = problems_of(write_fact_base, break_the_schema)
    assert [line.split(":")[0] for line in found] == ["error header.as_of", "error leaders"]
