"""Mandate periods, their checks, the ceiling in force and the strength checks, at their edges,
on small fact bases built here (tests/rules_facts.py)."""

from __future__ import annotations

from typing import Any

import pytest

from minusma import query
from minusma.model import _day_after, ceiling_in_force, mandate_periods, preferred_claim, stated_sum
from rules_facts import ceiling, claim, facts, keys, q, resolution, said, snapshot, text, tiny

ESTABLISHMENT = resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06-30")


def _periods(*resolutions: dict[str, Any]) -> list[tuple[int, str | None, str | None, bool, str]]:
    found = mandate_periods(facts(tiny(resolutions=list(resolutions))))
    return [(item.resolution["number"], item.start, item.end, item.start_stated, item.path) for item in found]


def _resolution_problems(*resolutions: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [found for found in keys(tiny(resolutions=list(resolutions))) if found[1].startswith("resolutions")]


# --------------------------------------------------------------------------- periods


@pytest.mark.parametrize(
    ("previous_end", "start"),
    [("2014-06-30", "2014-07-01"), ("2014-06", "2014-07-01"), ("2014", "2015-01-01"), ("2016-02-28", "2016-02-29")],
)
def test_a_renewal_without_a_start_begins_the_day_after_the_last_possible_end(previous_end: str, start: str) -> None:
    found = _periods(
        resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", previous_end),
        resolution("res-2", 2164, "2014-06-25", end="2015-06-30"),
    )
    assert found[1] == (2164, start, "2015-06-30", False, "resolutions[1]")


def test_periods_follow_adoption_not_file_order_and_skip_other_kinds() -> None:
    found = _periods(
        resolution("res-3", 2227, "2015-06-29", end="2016-06-30"),
        resolution("res-t", 2690, "2023-06-30", "termination", end="2023-12-31"),
        resolution("res-r", 2200, "2015-01", "related"),
        resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06-30"),
        resolution("res-2", 2164, "2014-06-25", end="2015-06-30"),
    )
    assert found == [
        (2100, "2013-07-01", "2014-06-30", True, "resolutions[3]"),
        (2164, "2014-07-01", "2015-06-30", False, "resolutions[4]"),
        (2227, "2015-07-01", "2016-06-30", False, "resolutions[0]"),
    ]


def test_a_renewal_without_an_end_leaves_the_next_to_follow_the_last_stated_end() -> None:
    found = _periods(
        ESTABLISHMENT,
        resolution("res-2", 2164, "2014-06-25"),
        resolution("res-3", 2227, "2015-06-29", end="2016-06-30"),
    )
    assert found[1:] == [
        (2164, "2014-07-01", None, False, "resolutions[1]"),
        (2227, "2014-07-01", "2016-06-30", False, "resolutions[2]"),
    ]


def test_a_first_renewal_with_no_start_and_nothing_before_has_no_start() -> None:
    assert _periods(resolution("res-2", 2164, "2014-06-25", end="2015-06-30")) == [
        (2164, None, "2015-06-30", False, "resolutions[0]")
    ]


def test_a_stated_start_is_kept_even_after_an_earlier_end() -> None:
    found = _periods(ESTABLISHMENT, resolution("res-2", 2164, "2014-06-25", start="2014-08-01", end="2015-06-30"))
    assert found[1] == (2164, "2014-08-01", "2015-06-30", True, "resolutions[1]")


def test_the_day_after_the_calendars_last_day_is_that_day() -> None:
    assert (_day_after("9999-12-31"), _day_after("9999-12-30"), _day_after("9999")) == (
        "9999-12-31", "9999-12-31", "9999-12-31",
    )  # fmt: skip


def test_periods_list_the_termination_last_with_its_end_only() -> None:
    data = tiny(
        resolutions=[
            resolution("res-t", 2690, "2023-06-30", "termination", end="2023-12-31"),
            ESTABLISHMENT,
            resolution("res-r", 2200, "2015-01", "related"),
        ]
    )
    found = [(item["resolution"], item["kind"], item["start"], item["end"]) for item in query.periods(facts(data))]
    assert found == [(2100, "establishment", "2013-07-01", "2014-06-30"), (2690, "termination", None, "2023-12-31")]


# --------------------------------------------------------------------------- the checks on periods


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2014-07-01", "2015-06-30", []),  # the day after the previous end: contiguous
        ("2014-06-30", "2015-06-30", [("error", "resolutions[1]", "check.mandate_overlap")]),  # the same day
        ("2014-07-02", "2015-06-30", [("warning", "resolutions[1]", "check.mandate_gap")]),  # a one-day gap
        ("2014-07", "2015-06-30", []),  # a month starting the day after
        ("2014-06", "2015-06-30", [("error", "resolutions[1]", "check.mandate_overlap")]),  # the same month
        ("2014-07-01", "2014-07-01", []),  # a one-day mandate
        (
            "2014-07-01", "2014-06-30",
            [("error", "resolutions[1]", "check.order"), ("error", "resolutions[1]", "check.mandate_overlap")],
        ),  # ends on the day the previous one ends
    ],
)  # fmt: skip
def test_a_renewal_is_checked_against_the_previous_end(start: str, end: str, expected: list[Any]) -> None:
    renewal = resolution("res-2", 2164, "2014-06-25", start=start, end=end)
    assert _resolution_problems(ESTABLISHMENT, renewal) == expected


@pytest.mark.parametrize(
    ("adopted", "expected"),
    [
        ("2014-06-30", []),  # on the last day of the running mandate
        ("2014-07-01", [("warning", "resolutions[1]", "check.mandate_late")]),  # the day after
        ("2014-06", []),  # a month that may be before the end
    ],
)
def test_a_renewal_adopted_after_the_mandate_ran_out_is_late(adopted: str, expected: list[Any]) -> None:
    assert _resolution_problems(ESTABLISHMENT, resolution("res-2", 2164, adopted, end="2015-06-30")) == expected


def test_a_renewal_of_a_month_end_may_start_in_that_month_only_the_day_after_it() -> None:
    month_end = resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06")
    assert _resolution_problems(month_end, resolution("res-2", 2164, "2014-06-25", start="2014-06-30", end="2015")) == [
        ("error", "resolutions[1]", "check.mandate_overlap")
    ]
    assert (
        _resolution_problems(month_end, resolution("res-2", 2164, "2014-06-25", start="2014-07-01", end="2015")) == []
    )


def test_an_open_period_is_not_compared_with_the_next() -> None:
    assert _resolution_problems(
        resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01"),
        resolution("res-2", 2164, "2014-06-25", start="2016-07-01", end="2017-06-30"),
    ) == [("error", "resolutions[0]", "check.mandate_end")]


@pytest.mark.parametrize(
    ("kind", "expected"), [("renewal", ["check.mandate_end"]), ("termination", []), ("related", [])]
)
def test_only_a_mandate_resolution_needs_an_end(kind: str, expected: list[str]) -> None:
    found = _resolution_problems(ESTABLISHMENT, resolution("res-2", 2164, "2014-06-25", kind, start="2014-07-01"))
    assert [key for _, _, key in found] == expected


@pytest.mark.parametrize(("start", "end", "problem"), [("2013-07-01", "2013-07-01", False), ("2013-07-02", "2013-07-01", True), ("2013-07", "2013-07-01", False), ("2013-07-02", "2013-07", False), ("2014", "2013", True)])  # fmt: skip
def test_a_period_may_not_end_before_it_starts(start: str, end: str, problem: bool) -> None:
    found = _resolution_problems(resolution("res-1", 2100, "2013-04-25", "establishment", start, end))
    assert found == ([("error", "resolutions[0]", "check.order")] if problem else [])


@pytest.mark.parametrize(
    ("total", "expected"), [(12640, []), (12641, ["check.ceiling_total"]), (0, ["check.ceiling_total"])]
)
def test_a_stated_ceiling_total_is_the_sum_of_its_parts(total: int, expected: list[str]) -> None:
    found = _resolution_problems(
        resolution(
            "res-1",
            2100,
            "2013-04-25",
            "establishment",
            "2013-07-01",
            "2014-06-30",
            ceiling=ceiling(11200, 1440, total=total),
        )  # fmt: skip
    )
    assert [key for _, _, key in found] == expected
    assert all(path == "resolutions[0].ceiling.total" for _, path, _ in found)


# --------------------------------------------------------------------------- ceiling in force


def _in_force(date: str, *resolutions: dict[str, Any]) -> int | None:
    found = ceiling_in_force(facts(tiny(resolutions=list(resolutions))), date)
    return found["number"] if found else None


NEW = resolution("res-2", 2295, "2016-06-29", end="2017-06-30", ceiling=ceiling(13289, 1920))
FIRST = resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06-30", ceiling=ceiling(1, 1))


@pytest.mark.parametrize(
    ("date", "number"),
    [
        ("2013-04-24", None),
        ("2013-04-25", 2100),
        ("2016-06-28", 2100),
        ("2016-06-29", 2295),  # the day of adoption
        ("2016-06-30", 2295),
        ("2016-06", 2100),  # a month is read from its first day
        ("2016-07", 2295),
        ("2016", 2100),
    ],
)
def test_the_ceiling_in_force_changes_on_the_day_of_adoption(date: str, number: int | None) -> None:
    assert _in_force(date, NEW, FIRST) == number  # file order does not matter


def test_a_ceiling_adopted_in_a_month_is_in_force_from_its_last_day() -> None:
    month = resolution("res-2", 2295, "2016-06", end="2017-06-30", ceiling=ceiling(2, 2))
    assert (_in_force("2016-06-29", FIRST, month), _in_force("2016-06-30", FIRST, month)) == (2100, 2295)


def test_a_resolution_without_a_ceiling_or_a_later_one_never_stands() -> None:
    bare = resolution("res-2", 2164, "2014-06-25", end="2015-06-30")
    assert _in_force("2015-01-01", FIRST, bare) == 2100


def test_two_ceilings_adopted_the_same_day_the_first_in_the_file_stands() -> None:
    twin = resolution("res-3", 2296, "2016-06-29", end="2017-06-30", ceiling=ceiling(3, 3))
    assert _in_force("2016-06-29", FIRST, NEW, twin) == 2295
    assert _in_force("2016-06-29", FIRST, twin, NEW) == 2296


def test_a_zero_ceiling_stands_and_gives_no_fill_rate() -> None:
    zero = resolution("res-2", 2295, "2016-06-29", end="2017-06-30", ceiling=ceiling(0, 0))
    data = tiny(resolutions=[FIRST, zero], snapshots=[snapshot("s", "2016-07-01", claim(military=q(5), police=q(0)))])
    assert _in_force("2016-07-01", FIRST, zero) == 2295
    row = query.compare(facts(data))["comparison"][0]
    assert (row["ceiling"]["total"], row["fill_rate"]) == (0, {"military": None, "police": None, "uniformed": None})


# --------------------------------------------------------------------------- snapshots and claims


def _snapshot_problems(*claims: dict[str, Any], date: str = "2014-01-01") -> list[tuple[str, str, str]]:
    return [found for found in keys(tiny(snapshots=[snapshot("s", date, *claims)])) if found[1].startswith("snap")]


def test_a_snapshot_before_any_ceiling_is_an_error() -> None:
    assert _snapshot_problems(claim(military=q(1)), date="2013-04-24") == [
        ("error", "snapshots[0].date", "check.no_ceiling")
    ]
    assert _snapshot_problems(claim(military=q(1)), date="2013-04-25") == []
    assert _snapshot_problems(claim(military=q(1)), date="2013-04") == [
        ("error", "snapshots[0].date", "check.no_ceiling")
    ]


@pytest.mark.parametrize(
    ("part", "value", "expected"),
    [
        ("military", 11200, []),
        ("military", 11201, [("warning", "snapshots[0].claims[0].military", "check.above_ceiling")]),
        ("police", 1440, []),
        ("police", 1441, [("warning", "snapshots[0].claims[0].police", "check.above_ceiling")]),
        ("uniformed", 12640, []),
        ("uniformed", 12641, [("warning", "snapshots[0].claims[0].uniformed", "check.above_ceiling")]),
        ("personnel", 99999, []),  # civilians count too: no ceiling for all personnel
    ],
)
def test_a_figure_above_its_ceiling_is_a_warning(part: str, value: int, expected: list[Any]) -> None:
    assert _snapshot_problems(claim(**{part: q(value, "about")})) == expected


@pytest.mark.parametrize(
    ("ranks", "expected"),
    [
        (["preferred"], []),
        (["preferred", "normal", "deprecated"], []),
        (["normal"], [("error", "snapshots[0].claims", "check.preferred_count")]),
        (["preferred", "preferred"], [("error", "snapshots[0].claims", "check.preferred_count")]),
    ],
)
def test_a_snapshot_has_exactly_one_preferred_claim(ranks: list[str], expected: list[Any]) -> None:
    assert _snapshot_problems(*(claim(rank, military=q(1)) for rank in ranks)) == expected


def test_the_preferred_claim_is_the_first_ranked_preferred_else_the_first() -> None:
    first, second, third = claim("normal", military=q(1)), claim("preferred", military=q(2)), claim("preferred", military=q(3))  # fmt: skip
    assert preferred_claim([first, second, third]) is second
    assert preferred_claim([first, claim("deprecated", military=q(4))]) is first


def test_a_figure_claims_preferred_count_is_checked() -> None:
    figure = {"id": "fig", "label": text("l"), "claims": [
        {"rank": "normal", "value": q(1), "sources": ["src-a"]},
    ]}  # fmt: skip
    data = tiny()
    data["netherlands"]["figures"] = [figure]
    assert keys(data) == [("error", "netherlands.figures[0].claims", "check.preferred_count")]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({"military": q(100), "police": q(20), "uniformed": q(120)}, []),
        ({"military": q(100), "police": q(20), "uniformed": q(121)}, ["uniformed_sum"]),
        ({"military": q(100), "police": q(20), "uniformed": q(119)}, ["uniformed_sum"]),
        ({"military": q(100), "police": q(20), "observers": q(5), "uniformed": q(125)}, []),
        ({"military": q(100), "police": q(20), "observers": q(5), "uniformed": q(120)}, ["uniformed_sum"]),
        ({"military": q(100), "observers": q(5), "uniformed": q(999)}, []),  # no police: nothing to add up
        ({"military": q(100, "about"), "police": q(20), "uniformed": q(121)}, []),  # an approximate part
        ({"military": q(100), "police": q(20), "uniformed": q(121, "about")}, []),  # an approximate total
        ({"military": q(100), "police": q(20), "observers": q(5, "about"), "uniformed": q(1)}, []),
        ({"uniformed": q(120), "civilians": q(30), "personnel": q(150)}, []),
        ({"uniformed": q(120), "civilians": q(30), "personnel": q(151)}, ["personnel_sum"]),
        ({"military": q(100), "police": q(20), "civilians": q(30), "personnel": q(150)}, []),
        ({"military": q(100), "police": q(20), "civilians": q(30), "personnel": q(149)}, ["personnel_sum"]),
        ({"uniformed": q(120, "nearly"), "civilians": q(30), "personnel": q(151)}, []),
        ({"uniformed": q(120), "civilians": q(30), "personnel": q(151, "more_than")}, []),
        ({"military": q(0), "police": q(0), "uniformed": q(0), "civilians": q(0), "personnel": q(0)}, []),
        ({"civilians": q(30)}, ["no_figure"]),
        ({"observers": q(30)}, ["no_figure"]),
        ({"personnel": q(30)}, []),
        ({"police": q(30)}, []),
        ({"military": q(3, formula="1 + 2")}, []),
        ({"military": q(4, formula="1 + 2")}, ["formula_sum"]),
        ({"civilians": q(4, formula="1 + 2"), "police": q(1)}, ["formula_sum"]),
    ],
)
def test_the_parts_of_a_strength_claim_add_up(parts: dict[str, Any], expected: list[str]) -> None:
    found = _snapshot_problems(claim(**parts))
    assert [key.removeprefix("check.") for _, _, key in found] == expected
    where = {"uniformed_sum": ".uniformed", "personnel_sum": ".personnel", "no_figure": "", "formula_sum": ".formula"}
    assert all(path.startswith("snapshots[0].claims[0]") and path.endswith(where[key[6:]]) for _, path, key in found)


def test_the_sum_of_exact_parts_only() -> None:
    assert stated_sum(q(1), q(2), q(0)) == 3
    assert stated_sum() == 0
    assert stated_sum(q(1), None) is None
    assert stated_sum(q(1), q(2, "about")) is None


# --------------------------------------------------------------------------- what each check says


def test_each_check_says_what_it_found_with_its_figures() -> None:
    claims = [
        claim(military=q(100), police=q(20), observers=q(5), uniformed=q(124), civilians=q(3), personnel=q(130)),
        claim("normal", military=q(11201, "about", formula="11200 + 2")),
    ]
    data = tiny(
        resolutions=[
            resolution(
                "res-1",
                2100,
                "2013-04-25",
                "establishment",
                "2013-07-01",
                "2014-06-30",
                ceiling=ceiling(11200, 1440, total=12641),
            ),  # fmt: skip
            resolution("res-2", 2164, "2014-06-25", start="2014-06-30", end="2015-06-30"),
            resolution("res-3", 2227, "2015-07-02", start="2015-07-02", end="2015-07-01"),
        ],
        snapshots=[snapshot("s", "2014-01-01", *claims)],
    )
    assert (
        said(data)
        == [
            "error resolutions[0].ceiling.total: stated total 12,641 is not military 11,200 + police 1,440 = 12,640; correct the total or its parts",  # fmt: skip
            "error resolutions[2]: starts (2015-07-02) after it ends (2015-07-01); swap or correct the dates",
            "error resolutions[1]: mandate period overlaps the one at resolutions[0] (which ends 2014-06-30); a mandate starts after the last one ends",  # fmt: skip
            "warning resolutions[2]: mandate period leaves a gap after resolutions[1], which ends 2015-06-30, while this one starts 2015-07-02; check the end date if it is only implied",  # fmt: skip
            "error snapshots[0].claims[0].uniformed: stated uniformed total 124 is not military + observers + police = 125; correct the total or its parts",  # fmt: skip
            "error snapshots[0].claims[0].personnel: stated personnel total 130 is not uniformed + civilians = 127; correct the total or its parts",  # fmt: skip
            "error snapshots[0].claims[1].military.formula: formula 11200 + 2 adds up to 11,202, not 11,201; correct the figure or its formula",  # fmt: skip
            "warning snapshots[0].claims[1].military: military 11,201 is above the ceiling of 11,200 set by resolution 2100; check the figure",  # fmt: skip
        ]
    )


@pytest.mark.parametrize("part", ["military", "observers", "police", "uniformed", "civilians", "personnel"])
def test_a_formula_is_checked_on_every_part(part: str) -> None:
    found = said(tiny(snapshots=[snapshot("s", "2014-01-01", claim(**{part: q(4, "about", "1 + 2"), "personnel": q(9, "about")} if part != "personnel" else {part: q(4, "about", "1 + 2")}))]))  # fmt: skip
    assert found == [
        f"error snapshots[0].claims[0].{part}.formula: formula 1 + 2 adds up to 3, not 4; correct the figure or its formula"
    ]


def test_a_late_renewal_and_a_missing_ceiling_say_their_dates() -> None:
    data = tiny(
        resolutions=[ESTABLISHMENT, resolution("res-2", 2164, "2014-07-01", end="2015-06-30")],
        snapshots=[snapshot("s", "2013-04-24", claim("normal", military=q(1)))],
    )
    assert (
        said(data)
        == [
            "warning resolutions[1]: adopted 2014-07-01, after the mandate at resolutions[0] ended (2014-06-30): a gap without a mandate; check the end date if it is only implied",  # fmt: skip
            "error snapshots[0].claims: has 0 preferred claims; mark exactly one claim 'preferred' and say why in its 'reason'",  # fmt: skip
            "error snapshots[0].date: no ceiling was in force on 2013-04-24; a deployed figure needs a resolution with a ceiling adopted before it",  # fmt: skip
        ]
    )
