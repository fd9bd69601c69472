"""Every ``validate`` rule at its edge, on small fact bases (tests/rules_facts.py): the record just
inside a rule breaks nothing, the one just outside is reported, with its severity, path and message."""

from __future__ import annotations

from typing import Any

import pytest

from minusma.model import MALI_LATITUDE, MALI_LONGITUDE, Tally, series_agrees, symbol_year
from rules_facts import SOURCE, event, keys, q, source, text, tiny

MISSION_DATES = ("established", "operational", "mandate_ended", "withdrawal_completed", "liquidation_from")


@pytest.mark.parametrize("index", range(1, len(MISSION_DATES)))
def test_the_missions_dates_come_in_order_the_same_day_allowed(index: int) -> None:
    earlier, later = MISSION_DATES[index - 1], MISSION_DATES[index]
    same = tiny()
    same["mission"] = same["mission"] | {later: same["mission"][earlier]}
    # the order rule only: moving one date may also part it from the resolutions (test_rules_later.py)
    assert [found for found in keys(same) if found[1].startswith("mission") and found[2] == "check.order"] == []
    before = tiny()
    before["mission"] = before["mission"] | {later: _day_before(before["mission"][earlier])}
    assert ("error", f"mission.{later}", "check.order") in keys(before)


def _day_before(date: str) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(date) - dt.timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("start", "end", "problem"),
    [
        ("2015-03-10", "2015-03-10", False),
        ("2015-03-10", "2015-03-09", True),
        ("2015-03", "2015-03-01", False),
        ("2015-03-02", "2015-03", False),
        ("2015-04", "2015-03-31", True),
    ],  # fmt: skip
)
def test_a_leaders_casualty_counts_and_phases_terms_run_forwards(start: str, end: str, problem: bool) -> None:
    data = tiny(
        leaders=[
            {
                "id": "l",
                "name": "N",
                "role": "head_of_mission",
                "acting": False,
                "nationality": text(),
                "start": start,
                "end": end,
                "sources": [SOURCE],
            }
        ],  # fmt: skip
        casualties=[
            {
                "id": "c",
                "start": start,
                "end": end,
                "counts": [{"outcome": "injured", "cause": "any", "value": q(1)}],
                "note": text(),
                "sources": [SOURCE],
            }
        ],  # fmt: skip
    )
    data["netherlands"]["phases"][0] |= {"start": start, "end": end}
    expected = [("error", path, "check.order") for path in ("leaders[0]", "casualties[0]", "netherlands.phases[0]")]
    assert keys(data) == (expected if problem else [])


@pytest.mark.parametrize(
    ("symbol", "published", "problem"),
    [
        ("S/RES/2100 (2013)", "2013-04-25", False),
        ("S/RES/2100 (2013)", "2014-01", False),  # issued early the next year
        ("S/RES/2100 (2013)", "2015", True),
        ("S/RES/2100 (2013)", "2012-12-31", True),
        ("S/2021/1117", "2022-01-04", False),
        ("S/2021/1117", "2020", True),
        ("SC/11021", "1999", False),  # a symbol without a year
    ],
)
def test_a_symbols_year_and_the_published_date_agree(symbol: str, published: str, problem: bool) -> None:
    data = tiny(sources=[source(symbol=symbol, published=published)])
    assert keys(data) == ([("error", "sources[0].published", "check.symbol_year")] if problem else [])


@pytest.mark.parametrize(
    ("symbol", "year"),
    [
        ("S/RES/2100 (2013)", "2013"),
        ("S/2018/541", "2018"),
        ("SC/11021", None),
        ("S/PV/9365", None),
        ("A/2018/541", None),
        ("S/201/541", None),
        ("S/2018/541/Add.1", None),
    ],  # fmt: skip
)
def test_the_year_a_symbol_carries(symbol: str, year: str | None) -> None:
    assert symbol_year(symbol) == year


def test_ids_are_unique_sources_exist_and_are_cited() -> None:
    data = tiny(
        sources=[source(), source("src-b"), source(), source("report", kind="report"), source("task-1")],
        events=[event("ev", "2014"), event("ev", "2015"), {**event("ev-2", "2016"), "sources": ["missing"]}],
        errata=[
            {
                "id": "err",
                "subject": text(),
                "claimed": text(),
                "claimed_in": [SOURCE],
                "corrected": text(),
                "sources": [SOURCE],
                "concerns": ["ev", "nothing"],
            },  # fmt: skip
        ],
    )
    assert keys(data) == [
        ("error", "sources[2].id", "check.duplicate_source_id"),
        ("error", "events[1].id", "check.duplicate_id"),
        ("error", "errata[0].concerns", "check.unknown_fact"),
        ("error", "mandate.tasks[0].id", "check.id_fact_and_source"),
        ("error", "events[2].sources", "check.unknown_source"),
        ("warning", "sources[1]", "check.uncited_source"),
        ("warning", "sources[4]", "check.uncited_source"),
    ]


def test_the_mandates_tasks_name_a_resolution_of_the_fact_base() -> None:
    data = tiny()
    data["mandate"]["tasks_resolution"] = "res-9"
    assert keys(data) == [("error", "mandate.tasks_resolution", "check.tasks_resolution")]


def _tasks(resolution: str, carried_from: int | None = None) -> dict[str, Any]:
    task: dict[str, Any] = {"paragraphs": ["1"], "task": "t", "text": text()}
    if carried_from is not None:
        task["carried_from"] = carried_from
    return {"id": f"tasks-{resolution}-{carried_from}", "resolution": resolution, "coding": "xml", "tasks": [task], "sources": [SOURCE]}  # fmt: skip


@pytest.mark.parametrize(
    ("records", "expected"),
    [
        ([_tasks("res-1", 2099)], []),
        ([_tasks("res-1", 2100)], [("error", "resolution_tasks[0].tasks[0].carried_from", "check.carried_from")]),
        ([_tasks("res-1", 2101)], [("error", "resolution_tasks[0].tasks[0].carried_from", "check.carried_from")]),
        ([_tasks("res-9")], [("error", "resolution_tasks[0].resolution", "check.tasks_resolution")]),
        ([_tasks("res-1"), _tasks("res-1", 1)], [("error", "resolution_tasks[1].resolution", "check.tasks_twice")]),
    ],
)
def test_paragraph_tasks_name_one_resolution_once_and_carry_from_an_earlier_one(records: list[Any], expected: list[Any]) -> None:  # fmt: skip
    assert keys(tiny(resolution_tasks=records)) == expected


def _fatality(index: int, date: str, **fields: Any) -> dict[str, Any]:
    record = {
        "id": f"f{index}", "un_id": f"MINUSMA-2013-08-{index:05d}", "row": index + 1, "mission": "mission", "date": date,
        "country": "TCD", "personnel": "military", "cause": "illness", "gender": "male", "sources": [SOURCE],
    }  # fmt: skip
    return record | fields


@pytest.mark.parametrize(
    ("date", "fields", "expected"),
    [
        ("2013-04-25", {}, []),  # the day the mission was established
        ("2013-04-24", {}, ["error fatalities[0].date fatality_outside"]),
        ("2013-04-24", {"caveat": text("why")}, []),
        ("2013-04", {}, []),  # a month that may fall inside
        ("2013-03", {}, ["error fatalities[0].date fatality_outside"]),
        ("2023-12-31", {}, []),  # the day the withdrawal was completed
        ("2024-01-01", {}, ["error fatalities[0].date fatality_outside"]),
        ("2023", {}, []),
        ("2014", {"mission": "other"}, ["error fatalities[0].mission fatality_mission"]),
        ("2014", {"country": "XXX"}, ["error fatalities[0].country unknown_country"]),
        ("2014", {"revised": [{"snapshot": "2020", "cause": "accident", "sources": [SOURCE]}]}, []),
        (
            "2014",
            {"revised": [{"snapshot": "2020", "cause": "illness", "sources": [SOURCE]}]},
            ["error fatalities[0].revised[0] revision_unchanged"],
        ),  # fmt: skip
        (
            "2014",
            {"revised": [{"snapshot": "2020", "cause": "accident", "row": 1, "sources": [SOURCE]}]},
            ["error fatalities[0].revised[0] revision_unchanged"],
        ),  # fmt: skip
        (
            "2014",
            {"revised": [{"snapshot": "2020", "sources": [SOURCE]}]},
            ["error fatalities[0].revised[0] revision_unchanged"],
        ),  # fmt: skip
    ],
)
def test_a_fatality_record_belongs_to_the_mission_and_its_life(date: str, fields: dict[str, Any], expected: list[str]) -> None:  # fmt: skip
    found = keys(tiny(fatalities=[_fatality(0, date, **fields)]))
    assert [f"{severity} {path} {key.removeprefix('check.')}" for severity, path, key in found] == expected


def test_a_un_identifier_belongs_to_one_record() -> None:
    twin = _fatality(0, "2014", id="f-twin")
    assert keys(tiny(fatalities=[_fatality(0, "2014"), _fatality(1, "2014"), twin])) == [
        ("error", "fatalities[2].un_id", "check.duplicate_un_id")
    ]


def _count(value: dict[str, Any], start: str = "2014-01-01", end: str = "2014-12-31", cause: str = "any", **fields: Any) -> dict[str, Any]:  # fmt: skip
    return {"id": "c", "start": start, "end": end, "counts": [{"outcome": "killed", "cause": cause, "value": value}], "note": text(), "sources": [SOURCE]} | fields  # fmt: skip


@pytest.mark.parametrize(
    ("value", "fields", "warned"),
    [
        (q(2), {}, False),
        (q(3), {}, True),
        (q(1), {}, True),
        (q(3, "about"), {}, False),
        (q(1, "more_than"), {}, False),
        (q(2, "more_than"), {}, True),
        (q(2, "at_least"), {}, False),
        (q(3, "at_least"), {}, True),
        (q(3), {"rank": "normal"}, False),
    ],
)
def test_a_stated_count_the_series_contradicts_is_a_warning(value: dict[str, Any], fields: dict[str, Any], warned: bool) -> None:  # fmt: skip
    data = tiny(
        casualties=[_count(value, **fields)],
        fatalities=[
            _fatality(0, "2014-01-01"),
            _fatality(1, "2014-12-31"),
            _fatality(2, "2015-01-01"),
            _fatality(3, "2013-12-31"),
        ],  # fmt: skip
    )
    assert keys(data) == ([("warning", "casualties[0].counts[0]", "check.series_disagrees")] if warned else [])


@pytest.mark.parametrize(("country", "error"), [("TCD", False), ("NLD", False), ("QQQ", True), ("XXX", True)])
def test_a_casualty_counts_country_is_one_minusma_knows(country: str, error: bool) -> None:
    """`validate` took casualties[0].country "QQQ", which `casualties` then showed as a country."""
    data = tiny(casualties=[_count(q(1), country=country)])
    found = [problem for problem in keys(data) if problem[2] == "check.unknown_country"]
    assert found == ([("error", "casualties[0].country", "check.unknown_country")] if error else [])


@pytest.mark.parametrize(
    ("quantity", "agrees"),
    [
        (q(2), True), (q(4), True), (q(1), False), (q(5), False),
        (q(4, "more_than"), False), (q(3, "more_than"), True),
        (q(4, "at_least"), True), (q(5, "at_least"), False),
        (q(9, "about"), None), (q(9, "nearly"), None),
    ],
)  # fmt: skip
def test_a_stated_figure_agrees_with_a_range_of_records(quantity: dict[str, Any], agrees: bool | None) -> None:
    assert series_agrees(quantity, Tally(2, 4)) is agrees  # type: ignore[arg-type]


def _base(longitude: float, latitude: float, **fields: Any) -> dict[str, Any]:
    return {
        "id": "base-x", "name": text("X"), "spellings": [], "region": text("R"), "longitude": longitude,
        "latitude": latitude, "sources": [SOURCE],
        "presence": [{"date": "2014", "dataset": "geopko-yearly", "estimate": "unit_sizes", "troops_by_country": {"TCD": 1}, "sources": [SOURCE]}],  # fmt: skip
    } | fields  # fmt: skip


@pytest.mark.parametrize(
    ("longitude", "latitude", "inside"),
    [
        (MALI_LONGITUDE[0], MALI_LATITUDE[0], True), (MALI_LONGITUDE[1], MALI_LATITUDE[1], True),
        (MALI_LONGITUDE[0] - 0.001, 15.0, False), (MALI_LONGITUDE[1] + 0.001, 15.0, False),
        (0.0, MALI_LATITUDE[0] - 0.001, False), (0.0, MALI_LATITUDE[1] + 0.001, False),
    ],
)  # fmt: skip
def test_a_site_lies_inside_mali(longitude: float, latitude: float, inside: bool) -> None:
    assert (MALI_LONGITUDE, MALI_LATITUDE) == ((-12.3, 4.3), (10.1, 25.0))
    found = keys(tiny(bases=[_base(longitude, latitude)]))
    assert found == ([] if inside else [("error", "bases[0].longitude", "check.outside_mali")])


@pytest.mark.parametrize(
    ("closed", "event_date", "expected"),
    [
        ("2023-10", "2023-10-01", []),
        ("2023-10", "2023-10-31", []),
        ("2023-10", "2023-11-01", ["check.closure_date"]),
        ("2023-10", "2023-09-30", ["check.closure_date"]),
        ("2023-10-05", "2023-10", ["check.closure_date"]),  # the event's first day is not the closure's
        ("2023-10-01", "2023-10", []),
    ],
)
def test_a_sites_closure_date_contains_its_events_date(closed: str, event_date: str, expected: list[str]) -> None:
    data = tiny(events=[event("ev-closed", event_date)], bases=[_base(0.0, 15.0, closed={"date": closed, "event": "ev-closed"})])  # fmt: skip
    assert [key for _, _, key in keys(data)] == expected


def test_a_sites_closure_names_an_event_and_its_countries_are_known() -> None:
    base = _base(0.0, 15.0, closed={"date": "2023", "event": "nothing"})
    base["presence"][0]["police_by_country"] = {"XXX": 1}
    assert keys(tiny(bases=[base])) == [
        ("error", "bases[0].closed.event", "check.unknown_fact"),
        ("error", "bases[0].presence[0].police_by_country", "check.unknown_country"),
    ]


# --------------------------------------------------------------------------- dates after the fact base's own


@pytest.mark.parametrize(
    ("as_of", "date", "warned"),
    [
        ("2024-01-15", "2024-01-14", False),
        ("2024-01-15", "2024-01-15", False),  # the fact base's day itself
        ("2024-01-15", "2024-01-16", True),
        ("2024-01-15", "2024-01", False),  # a month that begins before the day
        ("2024-01-15", "2024-02", True),
        ("2024-01-15", "2024", False),
        ("2024-01-15", "2025", True),
        ("2024-01", "2024-01-31", False),  # a month's fact base holds its last day
        ("2024-01", "2024-02-01", True),
        ("2024", "2024-12-31", False),
        ("2024", "2025-01-01", True),
    ],
)
def test_a_date_after_the_fact_bases_own_is_a_warning(as_of: str, date: str, warned: bool) -> None:
    data = tiny(events=[event("ev-1", date)])
    data["header"]["as_of"] = as_of
    found = [problem for problem in keys(data) if problem[2] == "check.after_as_of"]
    assert found == ([("warning", "events[0].date", "check.after_as_of")] if warned else [])


def test_every_date_field_after_the_fact_bases_own_is_named(shipped_data: dict[str, Any]) -> None:
    """Each kind of date the shipped file holds, moved a day past ``header.as_of``, is reported at its
    path: a date field the rule forgets (a new record type) fails here."""
    import copy
    import datetime as dt

    from minusma.model import check_fact_base
    from test_calendar_edges import date_fields, with_date

    after = (dt.date.fromisoformat(shipped_data["header"]["as_of"]) + dt.timedelta(days=1)).isoformat()
    missed = []
    for pattern, place in date_fields(shipped_data).items():
        if pattern == ("header", "as_of"):
            continue
        changed = with_date(copy.deepcopy(shipped_data), place, after)
        path = "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in place).lstrip(".")
        found = {problem.path for problem in check_fact_base(changed) if problem.message.key == "check.after_as_of"}  # type: ignore[arg-type]
        if found != {path}:
            missed.append((path, found))
    assert missed == []
