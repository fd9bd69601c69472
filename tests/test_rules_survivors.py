"""The edges the last mutation run found unpinned (docs/development.md, "Rule tests and mutation
testing"): a second bad record after one a check passes over, a month-precision adoption, the exact
values a message names, a contribution of police only, an erratum that names no fact, which of a
fact's texts search shows; and the contributors' rules (the latest figure, ties of one date, the
window, periods) that mutation testing did not reach. Each test states what the rule does, through
the public functions."""

from __future__ import annotations

from typing import Any

import pytest

from minusma import query
from minusma.model import check_fact_base, country_names
from rules_facts import (
    SOURCE,
    claim,
    contribution,
    day,
    event,
    facts,
    keys,
    q,
    resolution,
    said,
    snapshot,
    source,
    text,
    tiny,
)

ESTABLISHMENT = resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06-30")

# --------------------------------------------------------------------------- strength claims


def test_a_claim_without_a_figure_is_an_error_that_stops_a_load() -> None:
    data = tiny(snapshots=[snapshot("s", "2014-01-01", claim(civilians=q(30)))])
    assert keys(data) == [("error", "snapshots[0].claims[0]", "check.no_figure")]
    found = query.validation("f.json", check_fact_base(facts(data)), "en")
    assert (found["valid"], found["errors"], found["warnings"]) == (False, 1, 0)


def test_every_claim_of_a_snapshot_before_any_ceiling_is_still_checked() -> None:
    data = tiny(
        snapshots=[
            snapshot(
                "s",
                "2013-04-24",
                claim(military=q(1)),
                claim("normal", military=q(100), police=q(20), uniformed=q(121)),
                claim("normal", civilians=q(3)),
            )
        ]
    )
    assert keys(data) == [
        ("error", "snapshots[0].date", "check.no_ceiling"),
        ("error", "snapshots[0].claims[1].uniformed", "check.uniformed_sum"),
        ("error", "snapshots[0].claims[2]", "check.no_figure"),
    ]


# --------------------------------------------------------------------------- mandate periods


def _resolution_problems(*resolutions: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [found for found in keys(tiny(resolutions=list(resolutions))) if found[1].startswith("resolutions")]


def test_a_renewal_without_an_end_does_not_stop_the_checks_of_later_mandates() -> None:
    assert _resolution_problems(
        ESTABLISHMENT,
        resolution("res-2", 2164, "2014-06-25", start="2014-07-01"),  # no end: the next pair is skipped
        resolution("res-3", 2227, "2015-06-29", start="2015-07-01", end="2016-06-30"),
        resolution("res-4", 2295, "2016-06-29", start="2016-07-02", end="2017-06-30"),  # a one-day gap
        resolution("res-5", 2364, "2017-06-29", start="2017-06-30", end="2018-06-30"),  # an overlap
    ) == [
        ("error", "resolutions[1]", "check.mandate_end"),
        ("warning", "resolutions[3]", "check.mandate_gap"),
        ("error", "resolutions[4]", "check.mandate_overlap"),
    ]


MID_MONTH = resolution("res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06-15")


@pytest.mark.parametrize(
    ("adopted", "expected"),
    [
        ("2014-06-15", []),  # the running mandate's last day
        ("2014-06-16", [("warning", "resolutions[1]", "check.mandate_late")]),  # the day after
        ("2014-06", []),  # a month whose first half is before the end: maybe in time, not reported
        ("2014-07", [("warning", "resolutions[1]", "check.mandate_late")]),  # wholly after the end
        ("2014", []),
    ],
)
def test_a_month_precision_adoption_is_late_only_if_all_of_its_month_is(adopted: str, expected: list[Any]) -> None:
    renewal = resolution("res-2", 2164, adopted, end="2015-06-30")  # starts 2014-06-16, the day after the end
    assert _resolution_problems(MID_MONTH, renewal) == expected


# --------------------------------------------------------------------------- contributions


def test_an_unknown_country_is_named_in_its_message() -> None:
    data = tiny(contributions=[contribution("c", "XYZ", "2019-03", total=q(1))])
    assert said(data) == [
        "error contributions[0].country: 'XYZ' is not a country code minusma knows (ISO 3166-1 alpha-3, such as TCD);"
        " correct it, or add the country and its names to src/minusma/messages/countries.py"
    ]


@pytest.mark.parametrize(
    ("parts", "empty"),
    [
        ({"police": q(3)}, False),
        ({"police": q(0)}, False),
        ({"military": q(3)}, False),
        ({"staff": q(3)}, False),
        ({"total": q(3)}, False),
        ({"note": text("n")}, True),
    ],
)
def test_a_contribution_of_any_one_part_is_not_empty(parts: dict[str, Any], empty: bool) -> None:
    found = keys(tiny(contributions=[contribution("c", "TCD", "2019-03", **parts)]))
    assert found == ([("error", "contributions[0]", "check.contribution_empty")] if empty else [])


def _above(*dated: tuple[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """The mission-total warnings for contributions of 6 and 4 on each date, with the mission's
    stated figure of each date (None: no snapshot that day)."""
    contributions, snapshots = [], []
    for index, (date, stated) in enumerate(dated):
        contributions += [
            contribution(f"c{index}-a", "TCD", date, total=q(6)),
            contribution(f"c{index}-b", "NER", date, military=q(4)),
        ]
        if stated:
            snapshots.append(snapshot(f"s{index}", date, claim(**stated)))
    found = keys(tiny(contributions=contributions, snapshots=snapshots))
    return [item for item in found if item[2] == "check.contributions_above_total"]


def test_a_date_without_a_mission_total_does_not_stop_the_check_of_a_later_date() -> None:
    assert _above(("2019-03-30", {}), ("2019-03-31", {"personnel": q(9)})) == [
        ("warning", "contributions[2]", "check.contributions_above_total")
    ]


def test_a_date_with_an_approximate_mission_total_does_not_stop_the_check_of_a_later_date() -> None:
    assert _above(
        ("2019-03-29", {"personnel": q(9, "about")}),
        ("2019-03-30", {"military": q(9)}),  # no total of personnel or uniformed
        ("2019-03-31", {"uniformed": q(9)}),
    ) == [("warning", "contributions[4]", "check.contributions_above_total")]


def test_the_mission_total_warning_names_every_source_of_both_sides() -> None:
    data = tiny(
        sources=[source(), source("src-b"), source("src-c"), source("src-d")],
        contributions=[
            {**contribution("c1", "TCD", "2019-03-31", total=q(6)), "sources": ["src-b", SOURCE]},
            contribution("c2", "NER", "2019-03-31", military=q(4)),
        ],
        snapshots=[snapshot("s", "2019-03-31", {**claim(personnel=q(9)), "sources": ["src-d", "src-c"]})],
    )
    assert said(data) == [
        "warning contributions[0]: on 2019-03-31 the countries add up to 10, more than the mission's stated total"
        " of 9 (src-d, src-c); check src-a, src-b: sources may count differently"
    ]


# --------------------------------------------------------------------------- cite and errata


def _cite_data(**changes: Any) -> dict[str, Any]:
    return tiny(
        sources=[source(), source("src-b"), source("src-c")],
        events=[
            {**event("e1", "2014-01-01"), "sources": ["src-c", SOURCE]},
            {**event("e2", "2015-01-01"), "sources": ["src-b"]},
        ],
        **changes,
    )


def test_cite_skips_an_unknown_id_and_goes_on_with_the_rest() -> None:
    found = query.cite(facts(_cite_data()), ["nothing", "e2", "also-nothing", "src-a", "e1"])
    assert found == {
        "as_of": "2024-01",
        "requested": [
            {"id": "e2", "kind": "event", "sources": ["src-b"]},
            {"id": "src-a", "kind": "source", "sources": ["src-a"]},
            {"id": "e1", "kind": "event", "sources": ["src-c", "src-a"]},
        ],
        "sources": [source("src-b"), source(), source("src-c")],
    }


def test_cite_of_everything_says_the_fact_bases_date() -> None:
    data = _cite_data()
    data["header"]["as_of"] = "2023-12-31"
    assert query.cite(facts(data)) == {"as_of": "2023-12-31", "requested": [], "sources": data["sources"]}


def test_an_erratum_that_names_no_fact_concerns_only_its_sources() -> None:
    erratum = {
        "id": "err", "subject": text("s"), "claimed": text("c"), "claimed_in": ["src-b"], "corrected": text("k"),
        "sources": ["src-c"],
    }  # fmt: skip
    data = facts(_cite_data(errata=[erratum]))
    assert keys(_cite_data(errata=[erratum])) == []
    assert query.concerning(data, "e1", is_source=False) == []
    assert query.concerning(data, "err", is_source=False) == []
    assert query.concerning(data, "src-b", is_source=True) == [erratum]
    assert query.show(data, "e1")["errata"] == []


# --------------------------------------------------------------------------- search


def _caveated(identifier: str, date: str, words: str, caveat: str) -> dict[str, Any]:
    return {**event(identifier, date, words), "caveat": text(caveat)}


def _shown(data: dict[str, Any], words: str) -> list[tuple[str, int, str]]:
    return [(hit["id"], hit["score"], hit["text"]["en"]) for hit in query.search(facts(data), words)["hits"]]


def test_search_shows_the_text_with_the_phrase_else_the_one_with_most_words() -> None:
    data = tiny(
        events=[
            _caveated("phrase-second", "2014-01-01", "heron and blue", "the blue heron"),
            _caveated("phrase-first", "2014-01-02", "the blue heron", "heron and blue"),
            _caveated("words-second", "2014-01-03", "blue only", "heron and blue"),
            _caveated("words-first", "2014-01-04", "heron and blue", "blue only"),
        ]
    )
    assert _shown(data, "blue heron") == [
        ("phrase-second", 15, "the blue heron"),
        ("phrase-first", 15, "the blue heron"),
        ("words-second", 6, "heron and blue"),
        ("words-first", 6, "heron and blue"),
    ]


def test_search_finds_a_phrase_within_one_language_not_across_two() -> None:
    data = tiny(events=[event("e", "2014-01-01", "blue sky over a grey heron")])
    # each language ends with 'heron' and begins with 'blue': both words are there, the phrase is not
    assert _shown(data, "heron blue") == [("e", 6, "blue sky over a grey heron")]
    assert _shown(data, "grey heron") == [("e", 15, "blue sky over a grey heron")]


def test_search_says_what_it_found_and_where() -> None:
    data = _cite_data()
    found = query.search(facts(data), "Event  WORDS", limit=1)
    assert found == {
        "as_of": "2024-01",
        "query": "Event  WORDS",
        "hits": [
            {
                "kind": "event",
                "id": "e1",
                "path": "events[0]",
                "date": "2014-01-01",
                "score": 15,
                "text": text("event words"),
                "sources": ["src-c", "src-a"],
            }  # fmt: skip
        ],
        "sources": [source(), source("src-c")],
    }


def _site(identifier: str, name: str, *spellings: str) -> dict[str, Any]:
    row = {"date": "2014", "dataset": "geopko-yearly", "estimate": "unit_sizes", "troops_by_country": {"TCD": 1}}
    return {
        "id": identifier, "name": text(name), "spellings": list(spellings), "region": text("Region"),
        "longitude": 0.0, "latitude": 16.27, "presence": [row | {"sources": [SOURCE]}], "sources": [SOURCE],
    }  # fmt: skip


def test_an_event_found_by_its_place_shows_its_own_words_and_one_found_by_its_caveat_the_caveat() -> None:
    placed = {**_caveated("placed", "2014-01-01", "camp attacked", "blue heron"), "place": "base-gao"}
    data = tiny(events=[placed], bases=[_site("base-gao", "Gao", "Gao-ville"), _site("base-kidal", "Kidal")])
    assert keys(data) == []
    # the event's own words, not its place's names (nor its caveat); the site itself is found by its names
    assert _shown(data, "gao") == [("base-gao", 12, "Gao-ville"), ("placed", 12, "camp attacked")]
    assert _shown(data, "blue heron") == [("placed", 15, "blue heron")]  # found by its own words: shown as found


# --------------------------------------------------------------------------- contributors: window, ties, periods
# contributors_on leaves its rules to helpers (the latest figure, the window): these pin them.


def _on(at: str, *items: dict[str, Any]) -> list[tuple[str, str, int]]:
    rows = query.contributors_on(facts(tiny(contributions=list(items))), day(at))
    return [(row["country"], row["id"], row["size"]) for row in rows]


def _mean(identifier: str, country: str, date: str, value: int) -> dict[str, Any]:
    return contribution(identifier, country, date, total=q(value), basis="yearly_mean")


def test_a_figure_dated_after_the_day_does_not_hide_the_ones_after_it_in_the_file() -> None:
    assert _on(
        "2019-06-30",
        contribution("later", "TCD", "2019-07-01", total=q(9)),
        contribution("tcd", "TCD", "2019-06-30", total=q(5)),
        contribution("ner", "NER", "2019-06", total=q(3)),
    ) == [("TCD", "tcd", 5), ("NER", "ner", 3)]


@pytest.mark.parametrize(
    ("first", "second", "standing"),
    [
        ("stated", "stated", "second"),  # a correction is appended after what it corrects
        ("estimate", "estimate", "second"),
        ("stated", "estimate", "first"),  # a stated figure wins over an estimate of its date, in either order
        ("estimate", "stated", "second"),
    ],
)
def test_of_two_figures_of_one_date_a_stated_one_wins_else_the_later_in_the_file(
    first: str, second: str, standing: str
) -> None:
    def made(name: str, kind: str, value: int) -> dict[str, Any]:
        return _mean(name, "TCD", "2019", value) if kind == "estimate" else contribution(name, "TCD", "2019", total=q(value))  # fmt: skip

    assert _on("2019-12-31", made("first", first, 1), made("second", second, 2)) == [
        ("TCD", standing, 1 if standing == "first" else 2)
    ]


def test_a_country_without_a_recent_figure_is_named_with_its_latest_date() -> None:
    # on 2019-06-30 a figure stands if its period ends on or after 2017-06-30, two years before
    data = facts(
        tiny(
            contributions=[
                contribution("tcd", "TCD", "2017-06-29", total=q(5)),  # a day too old
                contribution("ner-old", "NER", "2015", total=q(1)),
                contribution("ner", "NER", "2016-05", total=q(3)),  # the latest, and too old
                contribution("bfa", "BFA", "2017-06-30", total=q(2)),  # the last day that stands
                contribution("sen", "SEN", "2017-06", total=q(2)),  # a month that ends on that day
                contribution("gin", "GIN", "2019-07", total=q(7)),  # not yet begun
            ]
        )
    )
    assert query.no_recent_figure(data, day("2019-06-30")) == [
        {"country": "NER", "names": country_names("NER"), "latest": "2016-05"},
        {"country": "TCD", "names": country_names("TCD"), "latest": "2017-06-29"},
    ]
    assert [row["country"] for row in query.contributors_on(data, day("2019-06-30"))] == ["BFA", "SEN"]


def test_contributors_between_two_days_are_the_figures_whose_periods_overlap_them() -> None:
    data = facts(
        tiny(
            contributions=[
                contribution("before", "TCD", "2017-12-31", total=q(90)),  # ends the day before
                contribution("first-day", "TCD", "2018-01-01", total=q(4)),
                contribution("month", "NER", "2017-12", total=q(1)),  # does not reach the first day
                contribution("year", "NER", "2018", total=q(2)),  # reaches both ends
                contribution("last-day", "SEN", "2018-06-30", total=q(3)),
                contribution("after", "SEN", "2018-07-01", total=q(90)),  # begins the day after
                contribution("june", "BFA", "2018-06", total=q(5)),  # begins before the last day
                _mean("mean", "BFA", "2018-06", 6),
                contribution("stated", "GIN", "2018-03", total=q(6)),
            ]
        )
    )
    rows = query.contributors_between(data, day("2018-01-01"), day("2018-06-30"))
    # the country with the largest figure first, ties by code; each country's figures by date,
    # a stated figure before an estimate of the same date
    assert [(row["id"], row["basis"]) for row in rows] == [
        ("june", "stated"), ("mean", "yearly_mean"), ("stated", "stated"), ("first-day", "stated"),
        ("last-day", "stated"), ("year", "stated"),
    ]  # fmt: skip


def test_contributors_between_order_a_countrys_figures_by_date() -> None:
    data = facts(
        tiny(
            contributions=[
                _mean("mean", "TCD", "2018-02", 3),
                contribution("late", "TCD", "2018-03-01", total=q(1)),
                contribution("early", "TCD", "2018-01", total=q(2)),
                contribution("stated", "TCD", "2018-02", total=q(1)),
            ]
        )
    )
    rows = query.contributors_between(data, day("2018-01-01"), day("2018-12-31"))
    assert [row["id"] for row in rows] == ["early", "stated", "mean", "late"]


def test_contributors_between_rank_a_country_by_its_largest_figure_zero_included() -> None:
    def between(*items: dict[str, Any]) -> list[str]:
        rows = query.contributors_between(facts(tiny(contributions=list(items))), day("2018-01-01"), day("2018-12-31"))
        return [row["id"] for row in rows]

    largest_first = [
        contribution("tcd-big", "TCD", "2018-01", total=q(6)),
        contribution("ner", "NER", "2018-02", total=q(4)),
        contribution("tcd-small", "TCD", "2018-03", total=q(1)),
    ]
    assert between(*largest_first) == ["tcd-big", "tcd-small", "ner"]
    assert between(contribution("bfa", "BFA", "2018", total=q(0)), contribution("tcd", "TCD", "2018", total=q(1))) == [
        "tcd", "bfa",
    ]  # fmt: skip
    assert query.contributors_between(facts(tiny()), day("2018-01-01"), day("2018-12-31")) == []  # none recorded
