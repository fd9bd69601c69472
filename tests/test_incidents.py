"""Incidents as events: every day on which three or more people died of a malicious act in the UN's
fatality records is told in the timeline, from a source that reports it (issue 19, item 3).

The rule is enforced on the shipped fact base: a new day in the records, or an event removed, fails
here until the day has its event or is listed below with the reason.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from minusma.model import Fatality, deadly_days

UN_SOURCE = "un-fatalities-2025-04-04"

DATED_OTHERWISE: dict[str, str] = {
    # The UN dates four Chadian deaths to 19 October 2022; the sources read report an explosive device
    # at Tessalit on 17 October that killed two, then three, Chadian peacekeepers. The event stays on
    # the 17th and its caveat names the 19th; no source read joins the two dates.
    "2022-10-19": "ev-2022-tessalit-mine",
}
"""Incident days whose event is dated otherwise, with the event that tells it."""

NO_SOURCE: dict[str, str] = {}
"""Incident days for which no source reporting the incident could be read (day: what was searched).
Empty: every incident day has an event."""

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 9: "nine", 10: "ten"}

SHIPPED_DAYS = [
    ("2014-06-11", "TCD", 4), ("2014-09-02", "TCD", 5), ("2014-09-18", "TCD", 5),
    ("2014-10-03", "NER", 9), ("2015-07-02", "BFA", 6), ("2016-02-12", "GIN", 6),
    ("2016-05-18", "TCD", 6), ("2016-05-29", "TGO", 5), ("2017-06-08", "GIN", 4),
    ("2017-09-24", "BGD", 3), ("2017-10-26", "TCD", 4), ("2017-11-24", "BFA NER", 5),
    ("2018-02-28", "BGD", 4), ("2019-01-20", "TCD", 10), ("2019-02-22", "GIN", 3),
    ("2020-05-10", "TCD", 3), ("2021-01-13", "CIV", 3), ("2021-04-02", "TCD", 4),
    ("2021-12-08", "TGO", 7), ("2022-10-19", "TCD", 4), ("2023-02-21", "SEN", 3),
]  # fmt: skip


def missing_incident_events(data: dict[str, Any]) -> list[str]:
    """What breaks the rule in a fact base: one line per incident day without its event."""
    events = {event["id"]: event for event in data["events"]}
    on_day: dict[str, list[dict[str, Any]]] = {}
    for event in data["events"]:
        if event["category"] == "casualties":
            on_day.setdefault(event["date"], []).append(event)
    problems = []
    for day, countries in deadly_days(data["fatalities"]):
        if day in NO_SOURCE:
            continue
        if day in DATED_OTHERWISE:
            event = events.get(DATED_OTHERWISE[day])
            told = (
                [event] if event is not None and "caveat" in event and day_words(day) in event["caveat"]["en"] else []
            )
        else:
            told = on_day.get(day, [])
        count = NUMBER_WORDS.get(len(countries), str(len(countries)))
        told = [
            event for event in told
            if UN_SOURCE in event["sources"] and len(event["sources"]) > 1
            and f"count {count} " in event["text"]["en"] + " " + event.get("caveat", {}).get("en", "")
        ]  # fmt: skip
        if not told:
            problems.append(f"{day}: {len(countries)} deaths ({' '.join(sorted(set(countries)))}) without an event")
    return problems


def day_words(day: str) -> str:
    """'2022-10-19' -> '19 October' (how the caveat names the UN's day)."""
    import datetime as dt

    date = dt.date.fromisoformat(day)
    return f"{date.day} {date:%B}"


def fatality(date: str, cause: str = "malicious_act", country: str = "TCD") -> Fatality:
    return {
        "id": f"f-{date}-{cause}-{country}", "un_id": "MINUSMA-2020-01-00001", "row": 1, "mission": "minusma",
        "date": date, "country": country, "personnel": "military", "cause": cause, "gender": "male",
        "sources": [UN_SOURCE],
    }  # type: ignore[typeddict-item]  # fmt: skip


# deadly_days: the rule at its boundaries


def test_two_deaths_on_a_day_are_not_an_incident_three_are() -> None:
    assert deadly_days([fatality("2020-05-10")] * 2) == []
    assert deadly_days([fatality("2020-05-10")] * 3) == [("2020-05-10", ["TCD", "TCD", "TCD"])]


def test_only_malicious_acts_count() -> None:
    records = [fatality("2020-05-10")] * 2 + [fatality("2020-05-10", cause="accident")]
    assert deadly_days(records) == []
    for cause in ("illness", "to_be_determined", "unknown"):
        assert deadly_days([fatality("2020-05-10", cause=cause)] * 3) == []


def test_deaths_on_adjacent_days_are_not_added_up() -> None:
    records = [fatality("2020-05-09")] + [fatality("2020-05-10")] * 2 + [fatality("2020-05-11")] * 2
    assert deadly_days(records) == []
    assert deadly_days(records + [fatality("2020-05-11")]) == [("2020-05-11", ["TCD"] * 3)]


def test_nationalities_are_mixed_and_sorted() -> None:
    records = [fatality("2017-11-24", country="NER")] * 2 + [fatality("2017-11-24", country="BFA")]
    assert deadly_days(records) == [("2017-11-24", ["BFA", "NER", "NER"])]


def test_a_record_without_a_day_names_no_incident_day() -> None:
    assert deadly_days([fatality("2020-05")] * 3 + [fatality("2020")] * 3) == []


def test_the_minimum_is_a_parameter_and_zero_records_give_none() -> None:
    assert deadly_days([]) == []
    assert deadly_days([fatality("2020-05-10")] * 2, minimum=2) == [("2020-05-10", ["TCD", "TCD"])]
    assert deadly_days([fatality("2020-05-10")] * 3, minimum=4) == []


# The shipped fact base


def test_the_shipped_incident_days(shipped_data: dict[str, Any]) -> None:
    days = deadly_days(shipped_data["fatalities"])
    assert [(day, " ".join(sorted(set(countries))), len(countries)) for day, countries in days] == SHIPPED_DAYS


def test_every_incident_day_has_its_event(shipped_data: dict[str, Any]) -> None:
    assert missing_incident_events(shipped_data) == []


def test_the_documented_lists_name_only_incident_days(shipped_data: dict[str, Any]) -> None:
    days = {day for day, _ in deadly_days(shipped_data["fatalities"])}
    assert set(DATED_OTHERWISE) <= days
    assert set(NO_SOURCE) <= days
    assert not set(DATED_OTHERWISE) & set(NO_SOURCE)


@pytest.mark.parametrize("day", ["2021-12-08", "2019-01-20", "2022-10-19"])
def test_an_event_removed_is_named(shipped_data: dict[str, Any], day: str) -> None:
    data = copy.deepcopy(shipped_data)
    gone = DATED_OTHERWISE.get(day)
    data["events"] = [
        event for event in data["events"]
        if not (event["id"] == gone or (gone is None and event["date"] == day and event["category"] == "casualties"))
    ]  # fmt: skip
    assert [line.split(":")[0] for line in missing_incident_events(data)] == [day]


def test_an_event_that_drops_the_un_count_or_source_is_named(shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    for event in data["events"]:
        if event["id"] == "ev-2019-aguelhok":
            event["sources"] = [source for source in event["sources"] if source != UN_SOURCE]
        if event["id"] == "ev-2021-bandiagara":
            event["text"]["en"] = event["text"]["en"].replace("count seven", "count six")
    assert [line.split(":")[0] for line in missing_incident_events(data)] == ["2019-01-20", "2021-12-08"]


def test_a_new_incident_day_in_the_records_is_named(shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["fatalities"] += [fatality("2023-06-09", country="BFA")]  # two BFA deaths there already
    assert missing_incident_events(data) == ["2023-06-09: 3 deaths (BFA) without an event"]


def test_the_timeline_tells_an_incident_day_in_a_real_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "timeline", "--from", "2021-12-08", "--to", "2021-12-08",
         "--category", "casualties", "--json"],
        capture_output=True, text=True, encoding="utf-8", check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert [event["id"] for event in events] == ["ev-2021-bandiagara"]
    assert UN_SOURCE in events[0]["sources"]


# Errata: a news or government statement of deaths that the UN's series contradicts (issue 17, item 3)

SHIPPED_CONTRADICTED = {
    "cas-2014", "cas-2015-03-10", "cas-2016-06", "cas-2018-04-07", "cas-nld-2018-06", "cas-2022-force",
    "cas-2022-07", "cas-2023-01", "cas-tcd-2023-11-17", "cas-deu-2023",
}  # fmt: skip
"""Statements the UN's records contradict. The UN's own earlier statements (press releases of the UN and
the mission) and a statistics page are compared too but are not errata: they are counts at a moment that
the UN's series has since revised, not a widely read source's error."""


def contradicted(data: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    """Stated counts (rank normal, cited only to news or government pages) the series contradicts,
    with the series' (low, high) for each contradicted count."""
    from minusma import query

    kinds = {source["id"]: source.get("kind") for source in data["sources"]}
    normal = [
        record for record in data["casualties"]
        if record.get("rank", "normal") == "normal"
        and all(kinds[source] in ("news", "government") for source in record["sources"])
    ]  # fmt: skip
    result: dict[str, list[tuple[int, int]]] = {}
    for row in query.reconciliation(data, normal):  # type: ignore[arg-type]
        if row["agrees"] is False:
            result.setdefault(row["id"], []).append((row["series"]["low"], row["series"]["high"]))
    return result


def errata_missing(data: dict[str, Any]) -> list[str]:
    errata = {concern: erratum for erratum in data["errata"] for concern in erratum.get("concerns", [])}
    casualties = {record["id"]: record for record in data["casualties"]}
    problems = []
    for record_id, tallies in sorted(contradicted(data).items()):
        erratum = errata.get(record_id)
        if erratum is None:
            problems.append(f"{record_id}: no erratum")
            continue
        if erratum["claimed_in"] != casualties[record_id]["sources"] or UN_SOURCE not in erratum["sources"]:
            problems.append(f"{record_id}: {erratum['id']} does not name both sources")
        text = erratum["corrected"]["en"]
        for low, high in tallies:
            for value in {low, high}:
                if str(value) not in text.split() and NUMBER_WORDS.get(value, "?") not in text.split():
                    problems.append(f"{record_id}: {erratum['id']} does not give the UN's {value}")
    return problems


def test_the_statements_the_un_series_contradicts(shipped_data: dict[str, Any]) -> None:
    assert set(contradicted(shipped_data)) == SHIPPED_CONTRADICTED


def test_each_contradicted_statement_has_an_erratum_naming_both_sources(shipped_data: dict[str, Any]) -> None:
    assert errata_missing(shipped_data) == []


def test_an_erratum_removed_or_wrong_is_named(shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    data["errata"] = [erratum for erratum in data["errata"] if erratum["id"] != "err-cas-deu-2023"]
    for erratum in data["errata"]:
        if erratum["id"] == "err-cas-nld-2018-06":
            erratum["corrected"]["en"] = erratum["corrected"]["en"].replace("five", "four")
        if erratum["id"] == "err-cas-tcd-2023-11-17":
            erratum["sources"] = ["alwihda-2023-chad"]
    assert errata_missing(data) == [
        "cas-deu-2023: no erratum",
        "cas-nld-2018-06: err-cas-nld-2018-06 does not give the UN's 5",
        "cas-tcd-2023-11-17: err-cas-tcd-2023-11-17 does not name both sources",
    ]


def test_a_statement_that_agrees_needs_no_erratum(shipped_data: dict[str, Any]) -> None:
    data = copy.deepcopy(shipped_data)
    for record in data["casualties"]:
        if record["id"] == "cas-deu-2023":
            record["counts"][0]["value"]["value"] = 2
    assert "cas-deu-2023" not in contradicted(data)


def test_minusma_errata_lists_them_in_every_language(shipped_data: dict[str, Any]) -> None:
    from typer.testing import CliRunner

    from minusma.cli import app

    ids = {f"err-{record_id}" for record_id in SHIPPED_CONTRADICTED} | {"err-cas-2022-force"}
    runner = CliRunner()
    for lang in ("en", "nl", "fr"):
        result = runner.invoke(app, ["--lang", lang, "errata", "--json"])
        assert result.exit_code == 0, result.output
        listed = json.loads(result.stdout)
        assert ids <= {erratum["id"] for erratum in listed["errata"]}
        assert {UN_SOURCE, "nltimes-2018", "alwihda-2023-chad"} <= {source["id"] for source in listed["sources"]}
    table = runner.invoke(app, ["--lang", "nl", "errata"], env={"COLUMNS": "200"})
    assert table.exit_code == 0, table.output
    assert "Omgekomen Nederlandse militairen in Mali" in table.stdout


# One-year counts read "in 2014", not "since 2014" (issue 19)


@pytest.mark.parametrize(
    ("start", "end", "year"),
    [
        ("2014", "2014", "2014"),  # the same year
        ("2014-01", "2014-12", "2014"),
        ("2021-01-01", "2021-12-31", "2021"),
        ("2014", "2015", None),  # adjacent years
        ("2013-12-31", "2014-12-31", None),  # starts the day before the year
        ("2014-01-02", "2014-12-31", None),  # starts the day after its first day
        ("2014-01-01", "2014-12-30", None),  # ends the day before its last day
        ("2014-01-01", "2015-01-01", None),  # ends the day after
        ("2022-01", "2022-07", None),  # same year, part of it
    ],
)
def test_calendar_year(start: str, end: str, year: str | None) -> None:
    from minusma.query import calendar_year

    assert calendar_year(start, end) == year


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2014", "2014", {"en": "Casualties in 2014:", "nl": "Slachtoffers in 2014:", "fr": "Victimes en 2014\xa0:"}),
        ("2014", "2015", {"en": "Casualties since 2014:", "nl": "Slachtoffers sinds 2014:", "fr": "Victimes depuis 2014\xa0:"}),
    ],
)  # fmt: skip
def test_a_one_year_count_reads_in_that_year(
    shipped_data: dict[str, Any], start: str, end: str, expected: dict[str, str]
) -> None:
    from minusma import query

    data = copy.deepcopy(shipped_data)
    for record in data["casualties"]:
        if record["id"] == "cas-2014":
            record["start"], record["end"] = start, end
        if record["id"] == "cas-deu-2023":
            record["start"], record["end"] = start, end
    events = {event["id"]: event for event in query.all_events(data)}  # type: ignore[arg-type]
    for lang, text in expected.items():
        assert events["cas-2014-count"]["text"][lang].startswith(text)
    country = {
        "en": "Germany's casualties ",
        "nl": "Slachtoffers uit Duitsland ",
        "fr": "Victimes, pays\xa0: Allemagne, ",
    }
    word = {"en": expected["en"].split()[1], "nl": expected["nl"].split()[1], "fr": expected["fr"].split()[1]}
    for lang in ("en", "nl", "fr"):
        assert events["cas-deu-2023-count"]["text"][lang].startswith(f"{country[lang]}{word[lang]} 2014")


def test_no_shipped_one_year_count_reads_since(shipped_data: dict[str, Any]) -> None:
    from minusma import query

    years = {record["id"]: query.calendar_year(record["start"], record["end"]) for record in shipped_data["casualties"]}
    assert {key for key, year in years.items() if year} == {
        "cas-2014",
        "cas-2022-srsg",
        "cas-2022-force",
        "cas-2021-attacks",
    }
    for event in query.all_events(shipped_data):  # type: ignore[arg-type]
        record_id = event["id"].removesuffix("-count")
        if years.get(record_id):
            for text in event["text"].values():
                assert not any(word in text for word in ("since", "sinds", "depuis")), text
