"""The edges of the rules added after the first mutation run (fatality totals and their reconciliation
with stated counts, sites over time, contributors over a period, budgets) that the mutation run of
2026-12-07 found unpinned (docs/development.md, "Rule tests and mutation testing"). Each test builds a
small fact base, calls the public function and names the edge it pins."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from minusma import query, sheets
from minusma.cli import app
from minusma.messages import LANGS, Lang, count, say
from minusma.model import FactBase, Fatality, country_names, symbol_year
from rules_facts import SOURCE, contribution, day, event, facts, keys, q, said, source, text, tiny

# --------------------------------------------------------------------------- the UN's per-record series


def fatality(date: str, country: str = "TCD", cause: str = "malicious_act", number: int = 1) -> Fatality:
    record = {
        "id": f"fatality-{date}-{number}", "un_id": f"MINUSMA-{date[:4]}-01-{number:05d}", "row": number,
        "mission": "mission", "date": date, "country": country, "personnel": "military", "cause": cause,
        "gender": "male", "sources": ["src-un"],
    }  # fmt: skip
    return record  # type: ignore[return-value]


def stated(start: str, end: str, *counts: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "id": "cas-1", "start": start, "end": end, "counts": list(counts), "note": text(), "sources": [SOURCE],
        **fields,
    }  # fmt: skip


def killed(value: int, cause: str = "any", qualifier: str = "exact", outcome: str = "killed") -> dict[str, Any]:
    return {"outcome": outcome, "cause": cause, "value": q(value, qualifier)}


def test_a_fact_base_without_fatality_records_has_none_as_of_any_day_and_nothing_to_reconcile() -> None:
    data = tiny()
    assert "fatalities" not in data
    assert query.fatalities_by(facts(data), day("2016-01-01")) == []
    assert query.reconciliation(facts(data), [stated("2013", "2016", killed(3))]) == []  # type: ignore[list-item]


def test_the_series_names_its_first_and_last_record_and_none_when_empty() -> None:
    records = [fatality("2016-05-02", number=2), fatality("2014-03", number=1)]
    series = query.fatality_series(facts(tiny()), records)
    assert (series["first"], series["last"], series["total"]) == ("2014-03", "2016-05-02", 2)
    empty = query.fatality_series(facts(tiny()), [])
    assert (empty["first"], empty["last"], empty["total"]) == (None, None, 0)


def test_the_series_counts_each_revised_record_once_and_names_each_source_once_in_order() -> None:
    revised = fatality("2016-05-03", cause="illness", number=3) | {
        "revised": [
            {"snapshot": "2023-11-28", "cause": "to_be_determined", "sources": ["src-old"]},
            {"snapshot": "2024-03", "row": 9, "sources": ["src-old"]},
        ],
        "sources": ["src-a", "src-un"],
    }
    records = [fatality("2016-05-01"), revised, fatality("2016-05-02", number=2)]
    series = query.fatality_series(facts(tiny()), records)  # type: ignore[arg-type]
    assert (series["revised"], series["sources"]) == (1, ["src-a", "src-un"])
    assert query.fatality_series(facts(tiny()), records[:1])["revised"] == 0  # type: ignore[arg-type]


def test_a_fiscal_year_bound_of_the_series_counts_from_its_first_year_to_its_second() -> None:
    """``--from 2015/16`` starts in 2015 (1 July 2015), ``--to 2015/16`` ends in 2016 (30 June 2016)."""
    records = [fatality("2015-07-01", number=1), fatality("2016-06-30", number=2)]
    series = query.fatality_series(facts(tiny()), records, date_from="2015/16", date_to="2015/16")
    assert [(row["key"], row["deaths"]) for row in series["by_year"]] == [("2015", 1), ("2016", 1)]


def test_a_reconciled_count_is_the_whole_row_the_json_shows() -> None:
    data = tiny(
        sources=[source(), source("src-un")], fatalities=[fatality("2016-05-01"), fatality("2016-05-02", number=2)]
    )
    record = stated("2016", "2016", killed(2), country="TCD", personnel=["military"])
    assert query.reconciliation(facts(data), [record]) == [  # type: ignore[list-item]
        {
            "id": "cas-1", "country": "TCD", "personnel": ["military"], "start": "2016", "end": "2016",
            "cause": "any", "stated": q(2), "series": {"low": 2, "high": 2}, "agrees": True, "preferred": "both",
            "sources": [SOURCE], "series_sources": ["src-un"],
        }
    ]  # fmt: skip


def test_an_injured_count_before_a_death_count_is_passed_over_not_the_end_of_the_record() -> None:
    data = tiny(fatalities=[fatality("2016-05-01")])
    record = stated("2016", "2016", killed(7, outcome="injured"), killed(1))
    rows = query.reconciliation(facts(data), [record])  # type: ignore[list-item]
    assert [(row["stated"]["value"], row["agrees"]) for row in rows] == [(1, True)]


def test_the_series_is_preferred_unless_the_stated_count_agrees_and_an_approximate_one_cannot() -> None:
    data = tiny(fatalities=[fatality("2016-05-01")])
    records = [stated("2016", "2016", killed(1), killed(2), killed(1, qualifier="about"))]
    rows = query.reconciliation(facts(data), records)  # type: ignore[arg-type]
    assert [(row["agrees"], row["preferred"]) for row in rows] == [(True, "both"), (False, "series"), (None, "series")]


def test_validate_names_each_bad_fatality_record_with_the_values_its_message_gives() -> None:
    other_mission = fatality("2016-05-01") | {"mission": "other"}
    unknown_country = fatality("2016-05-02", country="XXX", number=3)
    same_un_id = fatality("2016-05-03", number=1)  # the UN identifier of the first record
    unchanged = fatality("2016-05-04", cause="illness", number=5) | {
        "revised": [
            {"snapshot": "2023", "sources": ["src-un"]},
            {"snapshot": "2023", "cause": "illness", "sources": ["src-un"]},
        ]
    }
    records = [other_mission, fatality("2012-01", number=2), unknown_country, same_un_id, unchanged]
    assert said(tiny(sources=[source(), source("src-un")], fatalities=records)) == [
        "error fatalities[0].mission: the record names the mission 'other', but this fact base is about 'mission'",
        "error fatalities[1].date: the date 2012-01 lies outside the mission's life (2013-04-25 to 2023-12-31);"
        " correct it, or give a caveat that says why the record stands",
        "error fatalities[2].country: 'XXX' is not a country code minusma knows (ISO 3166-1 alpha-3, such as TCD);"
        " correct it, or add the country and its names to src/minusma/messages/countries.py",
        "error fatalities[3].un_id: the UN identifier 'MINUSMA-2016-01-00001' is also given at fatalities[0];"
        " each UN record is imported once",
        "error fatalities[4].revised[0]: a revision gives only values the record still has; give the value an"
        " earlier snapshot had (row, cause or gender), or remove the revision",
        "error fatalities[4].revised[1]: a revision gives only values the record still has; give the value an"
        " earlier snapshot had (row, cause or gender), or remove the revision",
    ]


def test_a_fatality_record_lies_within_the_missions_life_from_its_first_possible_day_to_its_last() -> None:
    """The day before establishment and the day after the withdrawal are outside, the days themselves
    inside; a month-precision establishment (2013-04) begins on the 1st; a caveat lets a record stand."""

    def outside(*dates: str, **mission: str) -> list[str]:
        records = [fatality(date, number=index) for index, date in enumerate(dates, start=1)]
        data = tiny(sources=[source(), source("src-un")], fatalities=records)
        data["mission"] |= mission
        return [path for severity, path, key in keys(data) if key == "check.fatality_outside"]

    assert outside("2013-04-24", "2013-04-25", "2023-12-31", "2024-01-01") == [
        "fatalities[0].date",
        "fatalities[3].date",
    ]
    assert outside("2013-04-01", "2013-03-31", established="2013-04") == ["fatalities[1].date"]
    with_caveat = fatality("2024-01-01") | {"caveat": text("why")}
    assert keys(tiny(sources=[source(), source("src-un")], fatalities=[with_caveat])) == []


def test_validate_warns_of_a_stated_count_the_series_contradicts_with_both_figures_and_sources() -> None:
    """Counts over the same period for another personnel or country are tallied on their own (the tally
    is shared only by the same period, country, personnel and cause); an injured count before a death
    count is passed over; a count ranked below the series or agreeing with it draws no warning."""
    records = [fatality("2016-05-01"), fatality("2016-05-02", number=2) | {"sources": ["src-un", "src-v"]}]
    counts = [
        stated("2016", "2016", killed(0), personnel=["police"]) | {"id": "cas-police"},  # no police died: agrees
        stated("2016", "2016", killed(0)) | {"id": "cas-all", "sources": [SOURCE, "src-v"]},
        stated("2016", "2016", killed(0), country="NER") | {"id": "cas-niger"},  # no Nigerien died: agrees
        stated("2016", "2016-05", killed(1, outcome="injured"), killed(9)) | {"id": "cas-may"},
        stated("2016", "2016", killed(7)) | {"id": "cas-ranked", "rank": "normal"},
        stated("2016", "2016", killed(2)) | {"id": "cas-agrees"},
    ]
    data = tiny(sources=[source(), source("src-un"), source("src-v")], fatalities=records, casualties=counts)
    assert said(data) == [
        "warning casualties[1].counts[0]: 'cas-all' (src-a, src-v) gives 0 from 2016 to 2016; the UN's records"
        " (src-un, src-v) give 2. Both are kept; the UN's series is preferred",
        "warning casualties[3].counts[1]: 'cas-may' (src-a) gives 9 from 2016 to 2016-05; the UN's records"
        " (src-un, src-v) give 1 to 2. Both are kept; the UN's series is preferred",
    ]


# --------------------------------------------------------------------------- sites over time


def site(identifier: str, name: str, *rows: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": identifier, "name": text(name), "spellings": [], "region": text("Gao"), "longitude": 0.0,
        "latitude": 16.0, "sources": [SOURCE], "presence": list(rows),
    }  # fmt: skip


def row(
    date: str, dataset: str, troops: dict[str, int | None], source_id: str = "src-b", **more: Any
) -> dict[str, Any]:
    estimate = "yearly_mean" if dataset == "radpko-yearly" else "unit_sizes"
    return {
        "date": date,
        "dataset": dataset,
        "estimate": estimate,
        "troops_by_country": troops,
        "sources": [source_id],
        **more,
    }


def test_a_fact_base_without_sites_has_no_country_sites() -> None:
    assert query.country_sites(facts(tiny()), "TCD") == []


def test_a_country_site_is_the_whole_record_with_each_dataset_in_its_own_field_in_the_datasets_order() -> None:
    """A RADPKO row without police (observers only) and a Geo-PKO yearly row of the same year, given in
    the reverse of the datasets' order: the datasets listed in their order."""
    data = tiny(
        bases=[
            site(
                "base-a", "Alpha",
                row("2016", "radpko-yearly", {"TCD": 300}, "src-r", observers_by_country={"TCD": 2}),
                row("2016", "geopko-yearly", {"TCD": 150}, "src-g"),
            )
        ]
    )  # fmt: skip
    assert query.country_sites(facts(data), "TCD") == [
        {
            "year": "2016", "base": "base-a", "name": text("Alpha"), "region": text("Gao"),
            "datasets": ["geopko-yearly", "radpko-yearly"], "geopko_troops": 150, "map_troops": [],
            "radpko_troops": 300, "radpko_police": None, "radpko_observers": 2, "sources": ["src-r", "src-g"],
        }
    ]  # fmt: skip


def test_country_sites_of_one_year_go_by_name_not_by_id() -> None:
    data = tiny(
        bases=[
            site("base-a", "Zulu", row("2016", "geopko-yearly", {"TCD": 1})),
            site("base-b", "Alpha", row("2016", "geopko-yearly", {"TCD": 1})),
            site("base-c", "Mike", row("2015", "geopko-yearly", {"TCD": 1})),
        ]
    )
    assert [(place["year"], place["base"]) for place in query.country_sites(facts(data), "TCD")] == [
        ("2015", "base-c"), ("2016", "base-b"), ("2016", "base-a"),
    ]  # fmt: skip


def test_validate_names_each_bad_site_with_the_values_its_message_gives() -> None:
    far = site("base-far", "Far", row("2016", "geopko-yearly", {"TCD": 1}, SOURCE)) | {
        "longitude": 10.0,
        "latitude": 30.0,
    }
    lost = site("base-lost", "Lost", row("2016", "geopko-yearly", {"TCD": 1}, SOURCE)) | {
        "closed": {"date": "2019", "event": "ev-none"}
    }
    late = site(
        "base-late", "Late",
        row("2016", "geopko-yearly", {"TCD": 1}, SOURCE), row("2020-01", "geopko-map", {"TCD": 1}, SOURCE),
        row("2013-03", "geopko-map", {"XXX": 1}, SOURCE), row("2016", "radpko-yearly", {}, SOURCE, observers_by_country={"YYY": 1}),
    ) | {"closed": {"date": "2019-06", "event": "ev-close"}}  # fmt: skip
    assert said(tiny(events=[event("ev-close", "2019-07-02")], bases=[far, lost, late])) == [
        "error bases[0].longitude: lies outside Mali (longitude 10.0, latitude 30.0); check that longitude and"
        " latitude are not swapped or mistyped",
        "error bases[1].closed.event: names the fact 'ev-none', which is not in the fact base; correct the id",
        "error bases[2].closed.date: closes on 2019-06, but the event it cites (ev-close) is dated 2019-07-02;"
        " give the event's date or a period that contains it",
        "warning bases[2].presence[1].date: is dated 2020-01, after the site closed (2019-06); a row after its"
        " site's closure is never shown: check the row's date or the closure",
        "warning bases[2].presence[2].date: is dated 2013-03, before the mission was established (2013-04-25);"
        " check the row's date",
        "error bases[2].presence[2].troops_by_country: 'XXX' is not a country code minusma knows (ISO 3166-1"
        " alpha-3, such as TCD); correct it, or add the country and its names to src/minusma/messages/countries.py",
        "error bases[2].presence[3].observers_by_country: 'YYY' is not a country code minusma knows (ISO 3166-1"
        " alpha-3, such as TCD); correct it, or add the country and its names to src/minusma/messages/countries.py",
    ]


def test_a_sites_row_is_before_the_mission_only_if_it_ends_before_the_first_day_establishment_may_be() -> None:
    rows = [row("2013-03-31", "geopko-map", {"TCD": 1}, SOURCE), row("2013-04-01", "geopko-map", {"TCD": 1}, SOURCE)]
    data = tiny(bases=[site("base-a", "Alpha", *rows)])
    data["mission"] |= {"established": "2013-04"}
    assert keys(data) == [("warning", "bases[0].presence[0].date", "check.presence_before_mission")]


def test_a_site_names_every_country_of_troops_police_or_observers_the_largest_first_one_without_a_size_last() -> None:
    """A country a row names without a size counts as 0, below one of 1; police and observers count too."""
    rows = [
        row("2016", "geopko-yearly", {"AAA": None, "BBB": 1}, SOURCE),
        row("2016", "radpko-yearly", {}, SOURCE, police_by_country={"SEN": 5}, observers_by_country={"GHA": 2}),
    ]
    (found,) = query.bases(facts(tiny(bases=[site("base-a", "Alpha", *rows)])))["sites"]
    assert found["countries"] == ["SEN", "GHA", "BBB", "AAA"]


def test_a_sites_troops_are_the_largest_geopko_estimate_never_radpkos_mean_and_none_without_one() -> None:
    geopko = row("2016", "geopko-yearly", {"TCD": 150}, SOURCE) | {"troops": 150}
    radpko = row("2016", "radpko-yearly", {"TCD": 900}, SOURCE) | {"troops": 900}
    (both,) = query.bases(facts(tiny(bases=[site("base-a", "Alpha", geopko, radpko)])))["sites"]
    (alone,) = query.bases(facts(tiny(bases=[site("base-a", "Alpha", radpko)])))["sites"]
    assert (both["troops"], alone["troops"]) == (150, None)


def test_a_site_on_a_day_or_in_a_year_says_how_it_was_read_and_cites_its_rows_its_record_and_its_closure() -> None:
    closed = site("base-a", "Alpha", row("2016", "geopko-yearly", {"TCD": 1}, "src-row")) | {
        "closed": {"date": "2019-06", "event": "ev-close"},
        "sources": ["src-site"],
    }
    data = tiny(
        sources=[source(), source("src-row"), source("src-site"), source("src-event"), source("src-other")],
        events=[
            event("ev-close", "2019-06-02") | {"sources": ["src-event"]},
            event("ev-other", "2019-06-03") | {"sources": ["src-other"]},
        ],
        bases=[closed],
    )
    in_a_year = query.bases(facts(data), at="2016")
    assert in_a_year["read_as"] == "2016-01-01/2016-12-31"
    assert in_a_year["sites"][0]["closed"] == {"date": "2019-06", "event": "ev-close"}
    assert [item["id"] for item in in_a_year["sources"]] == ["src-row", "src-site", "src-event"]
    assert query.bases(facts(data), at="2016-05-02")["read_as"] == "2016-05-02"


# --------------------------------------------------------------------------- contributors


def test_one_country_over_a_period_keeps_the_figures_that_touch_it_at_either_end() -> None:
    """A month's figure counts for a period that ends on its first day or starts on its last."""
    data = tiny(contributions=[contribution("c-1", "TCD", "2016-05", total=q(1000))])
    for date_from, date_to, kept in [
        ("2016-05-31", None, True), ("2016-06-01", None, False), (None, "2016-05-01", True), (None, "2016-04-30", False),
    ]:  # fmt: skip
        found = query.contributors(facts(data), country="TCD", date_from=date_from, date_to=date_to)
        assert [row["id"] for row in found["contributors"]] == (["c-1"] if kept else []), (date_from, date_to)


def test_each_kind_of_contributors_answer_leaves_the_other_lists_empty_not_null() -> None:
    data = tiny(contributions=[contribution("c-1", "TCD", "2016-05", total=q(1000))])
    one_country = query.contributors(facts(data), country="TCD")
    assert (one_country["no_recent"], one_country["without"], one_country["sites"]) == ([], [], [])
    period = query.contributors(facts(data), year="2016")
    assert (period["no_recent"], period["without"], period["sites"]) == ([], [], [])
    on_a_day = query.contributors(facts(data))
    assert (on_a_day["no_recent"], on_a_day["without"], on_a_day["sites"]) == ([], [], [])


def test_one_countrys_sources_are_those_of_its_figures_and_of_its_sites() -> None:
    data = tiny(
        sources=[source(), source("src-b")],
        contributions=[contribution("c-1", "TCD", "2016-05", total=q(1000))],
        bases=[site("base-a", "Alpha", row("2016", "geopko-yearly", {"TCD": 150}, "src-b"))],
    )
    found = query.contributors(facts(data), country="TCD")
    assert [item["id"] for item in found["sources"]] == [SOURCE, "src-b"]


def test_without_at_the_last_figure_is_shown_whatever_the_missions_status_that_day() -> None:
    """Without ``--at`` the day read is the last figure's (here in the authorised weeks before the
    mission was operational): its figures are listed; only an asked date is judged by the status."""
    data = tiny(contributions=[contribution("c-1", "TCD", "2013-05-01", total=q(1000))])
    found = query.contributors(facts(data))
    assert (found["read_as"], [row["id"] for row in found["contributors"]]) == ("2013-05-01", ["c-1"])
    asked = query.contributors(facts(data), at="2013-05-01")
    assert asked["contributors"] == []


# --------------------------------------------------------------------------- budgets


def figure(kind: str, value: int, qualifier: str = "exact", rank: str = "preferred") -> dict[str, Any]:
    return {"kind": kind, "rank": rank, "amount": q(value, qualifier), "what": text(), "sources": [SOURCE]}


def budget_record(fiscal_year: str, *figures: dict[str, Any]) -> dict[str, Any]:
    return {"id": f"budget-{fiscal_year.replace('/', '-')}", "fiscal_year": fiscal_year, "figures": list(figures)}


def with_mission(data: dict[str, Any], **dates: str) -> FactBase:
    data["mission"] = data["mission"] | dates
    return facts(data)


def test_a_fact_base_without_budgets_lists_every_fiscal_year_empty() -> None:
    result = query.budget(facts(tiny()))
    assert [year["fiscal_year"] for year in result["years"]][:2] == ["2013/14", "2014/15"]
    assert result["total"]["approved"] is None and result["sources"] == []


def test_one_budget_is_the_whole_result_the_json_shows() -> None:
    data = tiny(budgets=[budget_record("2023/24", figure("approved", 1000), figure("expenditure", 900))])
    result = query.budget(facts(data), date_from="2023-07-01", date_to="2023-12")
    assert result == {
        "as_of": "2024-01",
        "filters": {"date_from": "2023-07-01", "date_to": "2023-12"},
        "years": [
            {
                "fiscal_year": "2023/24", "start": "2023-07-01", "end": "2024-06-30", "liquidation": False,
                "approved": q(1000),
                "expenditure": q(900), "spent": {"percent": 90.0, "qualifier": "exact"},
                "figures": [figure("approved", 1000), figure("expenditure", 900)],
            }
        ],
        "total": {"approved": q(1000), "years_with_amount": 1, "fiscal_years": 1, "first": "2023/24", "last": "2023/24"},
        "sources": [source()],
    }  # fmt: skip


def test_each_fiscal_year_after_the_withdrawal_is_a_row_of_its_own_marked_as_the_liquidations() -> None:
    """The withdrawal of the tiny fact base ends on 31 December 2023: 2024/25 and 2025/26 are the
    liquidation's, each its own row with its own preferred amounts (they once shared one row, where two
    years' figures could not be told apart and neither showed an amount)."""
    two = tiny(
        budgets=[
            budget_record("2024/25", figure("approved", 10)),
            budget_record("2025/26", figure("approved", 20), figure("expenditure", 5)),
        ]
    )
    years = query.budget(facts(two))["years"]
    assert [
        (year["fiscal_year"], year["liquidation"], year["approved"], year["expenditure"]) for year in years[-3:]
    ] == [
        ("2023/24", False, None, None),
        ("2024/25", True, q(10), None),
        ("2025/26", True, q(20), q(5)),
    ]
    assert (years[-1]["start"], years[-1]["end"], years[-1]["spent"]) == (
        "2025-07-01", "2026-06-30", {"percent": 25.0, "qualifier": "exact"},
    )  # fmt: skip
    assert years[-1]["figures"] == [figure("approved", 20), figure("expenditure", 5)]
    assert query.budget(facts(two))["total"]["fiscal_years"] == len(years)  # the liquidation's years count


def test_without_a_budget_record_no_year_after_the_withdrawal_is_listed() -> None:
    years = query.budget(facts(tiny()))["years"]
    assert years[-1]["fiscal_year"] == "2023/24" and not any(year["liquidation"] for year in years)


@pytest.mark.parametrize(
    ("date_from", "date_to", "kept"),
    [
        ("2025-06-30", None, ["2024/25", "2025/26"]),  # the last day of 2024/25
        ("2025-07-01", None, ["2025/26"]),  # the day after
        ("2026-06-30", None, ["2025/26"]),
        ("2026-07-01", None, []),  # after the last year with a record: nothing
        ("2030", None, []),
        (None, "2024-06-30", []),  # the day before 2024/25 begins
        (None, "2024-07-01", ["2024/25"]),  # its first day
        ("2025-01", "2025-07", ["2024/25", "2025/26"]),
        ("2025/26", None, ["2025/26"]),
        ("2024/25", "2024/25", ["2024/25"]),
    ],
)
def test_a_year_of_the_liquidation_is_kept_when_it_overlaps_the_period(
    date_from: str | None, date_to: str | None, kept: list[str]
) -> None:
    data = tiny(
        budgets=[
            budget_record("2024/25", figure("expenditure", 5)),
            budget_record("2025/26", figure("expenditure", 7)),
        ]
    )
    result = query.budget(facts(data), date_from=date_from, date_to=date_to)
    after = [year for year in result["years"] if year["liquidation"]]
    assert [year["fiscal_year"] for year in after] == kept
    amounts = {"2024/25": 5, "2025/26": 7}
    assert [year["expenditure"] for year in after] == [q(amounts[label]) for label in kept]
    assert result["total"]["fiscal_years"] == len(result["years"])


@pytest.mark.parametrize(
    ("withdrawn", "liquidation"),
    [("2024-06-30", True), ("2024-07-01", False), ("2024-07-02", False), ("2024-06", True), ("2024", False)],
)
def test_a_fiscal_year_is_the_liquidations_when_it_begins_after_the_withdrawals_last_day(
    withdrawn: str, liquidation: bool
) -> None:
    """2024/25 begins on 1 July 2024: the liquidation's if the withdrawal ended on 30 June 2024 (or in
    June), the mission's if it ended on 1 July or later (or in 2024, whose last day is 31 December)."""
    data = tiny(budgets=[budget_record("2024/25", figure("approved", 10))])
    years = query.budget(with_mission(data, withdrawal_completed=withdrawn, liquidation_from="2025"))["years"]
    assert (years[-1]["fiscal_year"], years[-1]["liquidation"], years[-1]["approved"]) == (
        "2024/25",
        liquidation,
        q(10),
    )


def test_a_budget_for_a_fiscal_year_before_the_mission_operated_is_listed_first() -> None:
    data = tiny(budgets=[budget_record("2011/12", figure("approved", 10))])
    years = query.budget(facts(data))["years"]
    assert [(year["fiscal_year"], year["approved"]) for year in years[:2]] == [("2011/12", q(10)), ("2013/14", None)]


def test_the_years_start_from_the_first_day_an_operational_year_may_be() -> None:
    """``operational`` 2013 may be 1 January 2013, in 2012/13."""
    years = query.budget(with_mission(tiny(), operational="2013"))["years"]
    assert years[0]["fiscal_year"] == "2012/13"


def test_a_period_after_the_mission_without_records_keeps_no_year() -> None:
    result = query.budget(facts(tiny()), date_from="2025")
    assert result["years"] == []
    assert result["total"] == {"approved": None, "years_with_amount": 0, "fiscal_years": 0, "first": None, "last": None}


def test_years_without_an_amount_add_up_to_none_not_to_zero() -> None:
    result = query.budget(facts(tiny()), date_from="2014", date_to="2015")
    assert result["total"]["approved"] is None and result["total"]["fiscal_years"] == 3


def test_one_dollar_approved_is_an_amount_a_share_is_taken_of() -> None:
    assert query.spent_share(q(1), q(1)) == {"percent": 100.0, "qualifier": "exact"}  # type: ignore[arg-type]
    assert query.spent_share(q(0), q(1)) is None  # type: ignore[arg-type]


def test_an_expenditure_without_an_approved_amount_has_no_share_and_adds_nothing_to_the_total() -> None:
    """The edge of ``spent``: a year with only an expenditure, one with only an approved amount, one with
    both and one with neither (its record missing). Only the approved amounts are added up and counted."""
    data = tiny(
        budgets=[
            budget_record("2014/15", figure("expenditure", 900)),
            budget_record("2015/16", figure("approved", 1000)),
            budget_record("2016/17", figure("approved", 1000), figure("expenditure", 1000)),
        ]
    )
    result = query.budget(facts(data), date_from="2013/14", date_to="2016/17")
    rows = {year["fiscal_year"]: (year["approved"], year["expenditure"], year["spent"]) for year in result["years"]}
    assert rows == {
        "2013/14": (None, None, None),
        "2014/15": (None, q(900), None),
        "2015/16": (q(1000), None, None),
        "2016/17": (q(1000), q(1000), {"percent": 100.0, "qualifier": "exact"}),
    }
    assert result["total"] == {
        "approved": q(2000), "years_with_amount": 2, "fiscal_years": 4, "first": "2013/14", "last": "2016/17",
    }  # fmt: skip


@pytest.mark.parametrize("lang", list(LANGS))
def test_a_year_with_only_an_expenditure_counts_its_figure_and_only_a_year_without_any_says_none(lang: Lang) -> None:
    """A year without any figure says "no cited amount"; one with only an expenditure has a figure (and an
    empty share), so it says how many; the total line speaks of approved amounts."""
    data = tiny(budgets=[budget_record("2014/15", figure("expenditure", 900))])
    result = query.budget(facts(data), date_from="2013/14", date_to="2014/15")
    (years, _figures) = sheets.budget(result, lang)
    counted = [column.key for column in years.columns].index("found")
    found = {row[0].code: row[counted] for row in years.rows}  # type: ignore[union-attr]
    assert found == {
        "2013/14": sheets.Coded("0", say("budget_none", lang)),
        "2014/15": sheets.Coded("1", count("budget_found", 1, lang)),
    }
    assert years.notes[0] == say("budget_total_none", lang, of=2)
    approved = tiny(budgets=[budget_record("2014/15", figure("approved", 900))])
    line = sheets.budget_total(query.budget(facts(approved), date_from="2013/14", date_to="2014/15")["total"], lang)
    assert {
        "en": "an approved amount cited",
        "nl": "goedgekeurd bedrag uit een bron",
        "fr": "montant approuvé est sourcé",
    }[lang] in line


def test_rounded_amounts_add_up_to_a_whole_number_of_dollars() -> None:
    total = query.added([q(1_100_000_000, "about"), q(1_234, "exact")])  # type: ignore[list-item]
    assert json.dumps(total) == '{"value": 1100000000, "qualifier": "about"}'


def test_an_amount_of_one_dollar_about_is_given_to_the_dollar() -> None:
    assert query.precision(q(1, "about")) == 1  # type: ignore[arg-type]
    assert query.precision(q(10, "about")) == 10  # type: ignore[arg-type]


def test_validate_names_a_bad_fiscal_year_a_repeated_one_and_its_preferred_figures() -> None:
    budgets = [
        budget_record("2013/15", figure("approved", 1)),
        budget_record("0001/02", figure("approved", 1)),  # the calendar's first fiscal year
        budget_record("2014/15", figure("approved", 1)),
        budget_record("2014/15", figure("approved", 1), figure("approved", 2), figure("expenditure", 1, rank="normal"))
        | {"id": "budget-again"},
    ]
    assert said(tiny(budgets=budgets)) == [
        "error budgets[0].fiscal_year: fiscal year 2013/15 is not YYYY/YY with YY the year after; write it as 2013/14",
        "warning budgets[1].fiscal_year: fiscal year 0001/02 ended before the mission was established (2013-04-25); "
        "check the year",
        "error budgets[3].fiscal_year: fiscal year 2014/15 has more than one record; put all its figures in one",
        "error budgets[3].figures: has 2 preferred claims; mark exactly one claim 'preferred' and say why in its 'reason'",
        "error budgets[3].figures: has 0 preferred claims; mark exactly one claim 'preferred' and say why in its 'reason'",
    ]


@pytest.mark.parametrize(
    ("label", "suggested"),
    [("2024/26", "2024/25"), ("2019/18", "2019/20"), ("1999/01", "1999/00"), ("2013/15", "2013/14")],
)
def test_a_bad_fiscal_year_is_told_the_one_that_starts_in_its_first_year(label: str, suggested: str) -> None:
    """It said "write it as 2013/14" whatever the year."""
    (problem,) = [
        line for line in said(tiny(budgets=[budget_record(label, figure("approved", 1))])) if "YYYY/YY" in line
    ]
    assert problem.endswith(f"fiscal year {label} is not YYYY/YY with YY the year after; write it as {suggested}")


@pytest.mark.parametrize("label", ["0000/01", "9999/00"])
def test_a_fiscal_year_the_calendar_cannot_hold_stops_a_load_instead_of_failing_inside(
    write_fact_base: Callable[..., Path], runner: CliRunner, label: str
) -> None:
    """1 July of year 0 and 30 June of year 10,000 are not days: such a label is an error of the fact base."""

    def mutate(data: dict[str, Any]) -> None:
        data["budgets"][0]["fiscal_year"] = label

    result = runner.invoke(app, ["--data", str(write_fact_base(mutate)), "validate"])
    assert result.exit_code == 1, result.output
    assert "budgets[0].fiscal_year" in result.output and "internal error" not in result.output


@pytest.mark.parametrize(("bound", "code"), [("9998/99", 0), ("9999/00", 2), ("0001/02", 0), ("0000/01", 2)])
def test_a_fiscal_year_bound_must_lie_within_the_calendar(runner: CliRunner, bound: str, code: int) -> None:
    for option in ("--from", "--to"):
        result = runner.invoke(app, ["budget", option, bound, "--json"])
        assert result.exit_code == code, (option, result.output)
        assert "internal error" not in result.stderr


# --------------------------------------------------------------------------- UN symbols


def test_a_symbol_ending_in_a_bracket_that_holds_no_year_carries_none() -> None:
    assert symbol_year("A/78/5 (Vol. II)") is None
    assert symbol_year("S/RES/2100 (2013)") == "2013"


def test_a_symbol_carries_its_second_parts_year_only_when_that_part_is_four_digits() -> None:
    assert symbol_year("S/PRST/10") is None
    assert symbol_year("S/2018/Add.1") == "2018"


# --------------------------------------------------------------------------- countries' names


def test_a_country_named_only_in_english_is_named_in_english_in_every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    from minusma.messages.countries import COUNTRIES

    monkeypatch.setitem(COUNTRIES, "XEN", {"en": "Englishland"})
    assert country_names("XEN") == dict.fromkeys(LANGS, "Englishland")
    assert country_names("XZZ") == dict.fromkeys(LANGS, "XZZ")  # a code the table lacks stands for itself


# --------------------------------------------------------------------------- the resolution record and the mission's dates


def _shipped() -> dict[str, Any]:
    return json.loads((Path(__file__).resolve().parents[1] / "data" / "minusma.json").read_text(encoding="utf-8"))


def _resolution(data: dict[str, Any], number: int) -> dict[str, Any]:
    return next(item for item in data["resolutions"] if item["number"] == number)


def test_the_shipped_record_agrees_with_its_own_dates() -> None:
    assert [line for line in said(_shipped()) if "check both dates" in line or "already recorded" in line] == []


def test_a_resolution_number_recorded_twice_is_an_error() -> None:
    """`at 2014-08` showed "Mandate in force 2100" for 2164's period and `mandate --resolution 2164` failed."""
    data = _shipped()
    _resolution(data, 2164)["number"] = 2100
    assert (
        "error resolutions[2].number: resolution 2100 is already recorded at resolutions[1]; keep one record per resolution"
        in said(data)
    )


@pytest.mark.parametrize(
    ("adopted", "warned"),
    [("2013-06-30", False), ("2013-07-01", False), ("2013-07-02", True), ("2013-07", False), ("2013-08", True)],
)
def test_a_mandate_that_begins_before_its_resolution_is_adopted_is_warned(adopted: str, warned: bool) -> None:
    data = _shipped()
    _resolution(data, 2100)["adopted"] = adopted
    assert any(line.startswith("warning resolutions[1].adopted: adopted on") for line in said(data)) is warned


@pytest.mark.parametrize(
    ("field", "value", "warned"),
    [
        ("established", "2013-04-24", True), ("established", "2013-04-25", False), ("established", "2013-04-26", True),
        ("established", "2013-04", False),  # a month that holds the day
        ("operational", "2013-06-30", True), ("operational", "2013-07-01", False), ("operational", "2013-07-02", True),
        ("mandate_ended", "2023-06-29", True), ("mandate_ended", "2023-06-30", False),
        ("mandate_ended", "2023-07-01", False),  # later: days without a mandate, not a contradiction
        ("mandate_ended", "2023-06", False),
    ],
)  # fmt: skip
def test_the_missions_dates_agree_with_its_resolutions(field: str, value: str, warned: bool) -> None:
    """`at 2023-06-30` said "the mandate had ended on 2023-06-29" above "Mandate in force 2640 ... 2023-06-30"."""
    data = _shipped()
    data["mission"][field] = value
    assert (
        any(line.startswith(f"warning mission.{field}:") and "check both dates" in line for line in said(data))
        is warned
    )


# --------------------------------------------------------------------------- leaders' terms against each other


def _leader(identifier: str, role: str = "head_of_mission", acting: bool = False, **fields: Any) -> dict[str, Any]:
    return {
        "id": identifier,
        "name": identifier,
        "role": role,
        "acting": acting,
        "nationality": text("x"),
        "sources": [SOURCE],
    } | fields


@pytest.mark.parametrize(
    ("second_start", "warned"),
    [
        ("2016-01-30", True),  # the day before the first ends
        ("2016-01-31", False),  # a handover on one day
        ("2016-02-01", False),  # the day after
        ("2016-01", False),  # a month that may begin on the last day
        ("2015-12", True),  # a month wholly before it
    ],
)
def test_two_substantive_leaders_of_one_role_may_not_overlap(second_start: str, warned: bool) -> None:
    data = tiny(
        leaders=[
            _leader("a", start="2015-01-01", end="2016-01-31"),
            _leader("b", start=second_start),
            _leader("c", role="force_commander", start="2015-06-01"),  # another role: no overlap
            _leader("d", acting=True, start="2015-06-01", end="2015-07-01"),  # acting: an interim beside
        ]
    )
    found = [line for line in said(data) if "of the same role and not acting" in line]
    assert found == (
        [
            f"warning leaders[1].start: starts on {second_start}, before leaders[0], of the same role and not acting, ends on 2016-01-31; check both terms"
        ]
        if warned
        else []
    )


@pytest.mark.parametrize(("after", "error"), [("a", False), ("b", True), ("nobody", True), ("fc", True)])
def test_after_names_another_leader_of_the_same_role(after: str, error: bool) -> None:
    """An `after` naming nothing, itself or a leader of the other role silently dropped the term's start."""
    data = tiny(
        leaders=[
            _leader("a", start="2015-01-01", end="2016-01-31"),
            _leader("b", acting=True, after=after, attested="2016-03-01"),
            _leader("fc", role="force_commander", start="2015-01-01"),
        ]
    )
    found = [line for line in said(data) if line.startswith("error leaders[1].after:")]
    assert found == (
        [
            f"error leaders[1].after: 'after' names {after}, which is not another leader of the same role; name the term this one followed"
        ]
        if error
        else []
    )
