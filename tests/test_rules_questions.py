"""The questions' rules at their edges: qualifier arithmetic and fill rates, contributors' window and
ties, status by date, snapshot choice, search ranking, citation lists and errata, on small fact bases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from minusma import query
from minusma.model import contribution_size
from rules_facts import SOURCE, claim, contribution, day, event, facts, keys, q, said, snapshot, source, text, tiny

# --------------------------------------------------------------------------- qualifiers and fill rates


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        (["exact", "exact"], "exact"),
        (["about", "exact"], "about"),
        (["exact", "nearly"], "nearly"),
        (["more_than", "exact", "exact"], "more_than"),
        (["at_least", "at_least"], "at_least"),
        (["about", "nearly"], "about"),
        (["more_than", "at_least"], "about"),
    ],
)
def test_combining_quantities_keeps_the_one_qualifier_or_says_about(qualifiers: list[str], expected: str) -> None:
    parts = [q(index + 1, qualifier) for index, qualifier in enumerate(qualifiers)]
    total = sum(range(1, len(parts) + 1))
    formula = " + ".join(str(index + 1) for index in range(len(parts)))
    assert query.combine(parts) == {"value": total, "qualifier": expected, "formula": formula}


def test_deployed_adds_observers_to_military_and_police_to_both_when_no_total_is_stated() -> None:
    counts = query.deployed(claim(military=q(100), observers=q(5, "about"), police=q(20)))  # type: ignore[arg-type]
    assert counts["military"] == {"value": 105, "qualifier": "about", "formula": "100 + 5"}
    assert counts["uniformed"] == {"value": 125, "qualifier": "about", "formula": "105 + 20"}
    stated = query.deployed(claim(military=q(100), police=q(20), uniformed=q(121, "about")))  # type: ignore[arg-type]
    assert (stated["military"], stated["uniformed"]) == (q(100), q(121, "about"))
    alone = query.deployed(claim(military=q(100), civilians=q(3), personnel=q(4)))  # type: ignore[arg-type]
    assert alone == {"military": q(100), "police": None, "uniformed": None, "civilians": q(3), "personnel": q(4)}


@pytest.mark.parametrize(
    ("value", "qualifier", "limit", "percent"),
    [
        (13000, "exact", 15209, 85.5),  # 854.75 tenths: rounded
        (13000, "about", 15209, 85.5),
        (13000, "more_than", 15209, 85.4),  # a lower bound: rounded down
        (13000, "at_least", 15209, 85.4),
        (15209, "exact", 15209, 100.0),
        (15210, "exact", 15209, 100.0),
        (15300, "exact", 15209, 100.6),
        (0, "exact", 15209, 0.0),
        (1, "exact", 1, 100.0),
    ],
)
def test_a_fill_rate_to_a_tenth(value: int, qualifier: str, limit: int, percent: float) -> None:
    assert query.fill_rate(q(value, qualifier), limit) == {"percent": percent, "qualifier": qualifier}  # type: ignore[arg-type]


def test_no_fill_rate_without_a_figure_or_a_ceiling() -> None:
    assert query.fill_rate(None, 100) is None
    assert query.fill_rate(q(5), 0) is None  # type: ignore[arg-type]


@given(st.integers(0, 30_000), st.integers(1, 30_000), st.sampled_from(["more_than", "at_least"]))
def test_a_lower_bounds_share_never_exceeds_what_it_reaches(value: int, limit: int, qualifier: str) -> None:
    rate = query.fill_rate(q(value, qualifier), limit)  # type: ignore[arg-type]
    assert rate is not None
    assert rate["percent"] * limit <= value * 100 + 1e-6
    assert (rate["percent"] + 0.1) * limit > value * 100 - 1e-6


# --------------------------------------------------------------------------- contributions


def test_a_contribution_is_its_stated_total_else_the_sum_of_its_parts() -> None:
    assert contribution_size(contribution("c", "TCD", "2019", military=q(5), police=q(2), staff=q(1))) == 8  # type: ignore[arg-type]
    assert contribution_size(contribution("c", "TCD", "2019", military=q(5), total=q(0))) == 0  # type: ignore[arg-type]
    assert contribution_size(contribution("c", "TCD", "2019", military=q(5), total=q(3, "about"))) == 3  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ({"military": q(5), "police": q(2), "total": q(7)}, []),
        (
            {"military": q(5), "police": q(2), "staff": q(1), "total": q(7)},
            ["error contributions[0].total contribution_parts"],
        ),
        ({"military": q(5), "total": q(4, "at_least")}, ["error contributions[0].total contribution_parts"]),
        ({"military": q(5), "total": q(4, "more_than")}, ["error contributions[0].total contribution_parts"]),
        ({"military": q(5), "total": q(4, "about")}, []),
        ({"military": q(5), "total": q(4, "nearly")}, []),
        ({"total": q(0)}, []),
        ({"staff": q(0)}, []),
        ({"note": text("n")}, ["error contributions[0] contribution_empty"]),
    ],
)
def test_a_contributions_parts_never_exceed_its_total(parts: dict[str, Any], expected: list[str]) -> None:
    found = keys(tiny(contributions=[contribution("c", "TCD", "2019-03", **parts)]))
    assert [f"{severity} {path} {key.removeprefix('check.')}" for severity, path, key in found] == expected


def test_an_unknown_country_is_an_error() -> None:
    assert keys(tiny(contributions=[contribution("c", "XXX", "2019-03", total=q(1))])) == [
        ("error", "contributions[0].country", "check.unknown_country")
    ]


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ({"personnel": q(10)}, []),
        ({"personnel": q(9)}, [("warning", "contributions[0]", "check.contributions_above_total")]),
        ({"personnel": q(9, "nearly")}, [("warning", "contributions[0]", "check.contributions_above_total")]),
        ({"personnel": q(9, "about")}, []),
        ({"personnel": q(9, "more_than")}, []),
        ({"uniformed": q(9)}, [("warning", "contributions[0]", "check.contributions_above_total")]),
        ({"personnel": q(10), "uniformed": q(9)}, []),  # all personnel first
        ({"military": q(9)}, []),
    ],
)
def test_the_countries_together_never_exceed_the_missions_total_that_day(
    stated: dict[str, Any], expected: list[Any]
) -> None:
    data = tiny(
        contributions=[
            contribution("c1", "TCD", "2019-03-31", total=q(6)),
            contribution("c2", "NER", "2019-03-31", military=q(3), police=q(1)),
            contribution("c3", "NER", "2019-03-30", military=q(300)),  # another day: not added
        ],
        snapshots=[snapshot("s", "2019-03-31", claim("normal", personnel=q(1)), claim(**stated))],
    )
    assert [found for found in keys(data) if found[1].startswith("contributions")] == expected


def _on(date: str, *items: dict[str, Any]) -> list[tuple[str, str]]:
    rows = query.contributors_on(facts(tiny(contributions=list(items))), day(date))
    return [(row["country"], row["id"]) for row in rows]


def test_a_countrys_figure_stands_from_its_periods_start_for_two_years_from_its_end() -> None:
    month = contribution("tcd", "TCD", "2017-03", total=q(5))
    assert _on("2017-02-28", month) == []
    assert _on("2017-03-01", month) == [("TCD", "tcd")]
    last = dt.date(2017, 3, 31) + query.FRESH
    assert query.FRESH == dt.timedelta(days=730)
    assert _on(last.isoformat(), month) == [("TCD", "tcd")]  # measured from the period's last day
    assert _on((last + dt.timedelta(days=1)).isoformat(), month) == []


def test_a_countrys_latest_figure_stands_and_of_one_date_the_later_in_the_file() -> None:
    older = contribution("old", "TCD", "2018-01-01", total=q(9))
    newer = contribution("new", "TCD", "2018-06", total=q(1))
    twin = contribution("twin", "TCD", "2018-06", total=q(2))
    assert _on("2018-06-01", older, newer) == [("TCD", "new")]
    assert _on("2018-06-01", newer, older) == [("TCD", "new")]
    assert _on("2018-05-31", older, newer) == [("TCD", "old")]
    assert _on("2018-06-01", older, newer, twin) == [("TCD", "twin")]
    assert _on("2018-06-01", twin, newer) == [("TCD", "new")]


def test_contributors_are_largest_first_ties_by_code() -> None:
    items = [
        contribution("a", "SEN", "2018", total=q(5)),
        contribution("b", "BFA", "2018", total=q(5)),
        contribution("c", "TCD", "2018", military=q(4), police=q(2)),
        contribution("d", "NLD", "2018", total=q(0)),
    ]
    assert [code for code, _ in _on("2018-12-31", *items)] == ["TCD", "BFA", "SEN", "NLD"]


def test_contributors_default_to_the_last_day_of_the_mandate_or_of_the_figures() -> None:
    early = tiny(contributions=[contribution("a", "TCD", "2015-03", total=q(5))])
    assert query.contributors(facts(early))["read_as"] == "2015-03-31"
    late = tiny(contributions=[contribution("a", "TCD", "2023-07", total=q(5))])
    assert query.contributors(facts(late))["read_as"] == "2023-06-30"
    assert query.contributors(facts(tiny()))["read_as"] is None


@pytest.mark.parametrize(
    ("at", "listed"),
    [("2013-04-24", False), ("2013-06-30", False), ("2013-07-01", True), ("2023-12-31", True), ("2024-01-01", False)],
)
def test_contributors_on_a_day_no_contingent_served_list_none(at: str, listed: bool) -> None:
    data = tiny(contributions=[contribution("a", "TCD", "2013-04-01", total=q(5)), contribution("b", "TCD", "2023-06", total=q(5))])  # fmt: skip
    result = query.contributors(facts(data), at=at)
    assert (bool(result["contributors"]), result["status_text"] is None) == (listed, listed)


# --------------------------------------------------------------------------- status and the day's snapshot


@pytest.mark.parametrize(
    ("date", "status"),
    [
        ("2013-04-24", "not_yet"),
        ("2013-04-25", "authorised"),
        ("2013-06-30", "authorised"),
        ("2013-07-01", "active"),
        ("2023-06-30", "active"),  # the last day of the mandate
        ("2023-07-01", "withdrawal"),
        ("2023-12-31", "withdrawal"),
        ("2024-01-01", "liquidation"),
        ("2013-04", "authorised"),  # a month is read as its last day
        ("2023-06", "active"),
        ("2023", "withdrawal"),
    ],
)
def test_the_status_on_each_side_of_each_date(date: str, status: str) -> None:
    assert query.at(facts(tiny()), date)["status"] == status


def test_the_status_with_partial_mission_dates_turns_on_their_last_day() -> None:
    data = tiny()
    data["mission"] |= {"established": "2013-04", "operational": "2013-07", "mandate_ended": "2023-06", "withdrawal_completed": "2023"}  # fmt: skip
    assert [query.at(facts(data), date)["status"] for date in ("2013-03-31", "2013-04-01", "2013-07-01", "2023-06-30", "2023-07-01", "2023-12-31", "2024-01-01")] == [  # fmt: skip
        "not_yet", "authorised", "active", "active", "withdrawal", "withdrawal", "liquidation",
    ]  # fmt: skip


def test_the_latest_snapshot_is_one_whose_period_has_begun() -> None:
    data = tiny(
        snapshots=[
            snapshot("day", "2016-05-10", claim(military=q(2))),
            snapshot("month", "2016-05", claim(military=q(1))),
            snapshot("before", "2016-04-30", claim(military=q(3))),
        ]
    )
    chosen = {date: query._latest_snapshot(facts(data), day(date)) for date in ("2016-04-29", "2016-04-30", "2016-05-01", "2016-05-09", "2016-05-10")}  # fmt: skip
    assert {date: found["id"] if found else None for date, found in chosen.items()} == {
        "2016-04-29": None, "2016-04-30": "before", "2016-05-01": "month", "2016-05-09": "month", "2016-05-10": "day",
    }  # fmt: skip
    notes = query.at(facts(data), "2016-05-09")["notes"]
    assert [note["en"] for note in notes] == [
        "The latest strength figure is dated 2016-05, a period that runs past this day."
    ]
    assert query.at(facts(data), "2016-05-31")["notes"] == []


def test_at_names_the_mandate_period_that_covers_the_day_not_the_termination() -> None:
    data = tiny()
    data["resolutions"] += [
        {
            "id": "res-2",
            "number": 2164,
            "adopted": "2014-06-25",
            "kind": "renewal",
            "mandate_end": "2015-06-30",
            "summary": text("r"),
            "sources": [SOURCE],
        },  # fmt: skip
        {
            "id": "res-t",
            "number": 2690,
            "adopted": "2023-06-30",
            "kind": "termination",
            "mandate_end": "2023-12-31",
            "summary": text("t"),
            "sources": [SOURCE],
        },  # fmt: skip
    ]
    found = {date: query.at(facts(data), date)["mandate"] for date in ("2014-06-30", "2014-07-01", "2015-06-30", "2015-07-01", "2023-07-01")}  # fmt: skip
    assert {date: period["resolution"] if period else None for date, period in found.items()} == {
        "2014-06-30": 2100, "2014-07-01": 2164, "2015-06-30": 2164, "2015-07-01": None, "2023-07-01": None,
    }  # fmt: skip


def test_at_compares_the_strength_with_the_ceiling_of_the_snapshots_date() -> None:
    data = tiny(snapshots=[snapshot("s", "2014-01", claim(military=q(5600), police=q(1440)))])
    strength = query.at(facts(data), "2014-02-01")["strength"]
    assert [(row["ceiling"]["resolution"], row["fill_rate"]["military"]) for row in strength] == [
        (2100, {"percent": 50.0, "qualifier": "exact"})
    ]


# --------------------------------------------------------------------------- search


def _search(data: dict[str, Any], words: str, limit: int | None = None) -> list[tuple[str, int]]:
    return [(hit["id"], hit["score"]) for hit in query.search(facts(data), words, limit)["hits"]]


def test_search_scores_phrases_and_words_and_breaks_ties_by_date_then_file_order() -> None:
    data = tiny(
        events=[
            event("late", "2016-02", "blue heron at night"),
            event("words", "2015-01-01", "a heron, blue"),
            event("early", "2015-01-01", "the blue heron"),
            event("earlier", "2014", "blue heron again"),
            event("one", "2013-01-01", "heron only"),
        ]
    )
    # 3 x 3 for the whole phrase standing as whole words, 3 per word standing as a whole word
    assert _search(data, "blue heron") == [("earlier", 15), ("early", 15), ("late", 15), ("words", 6)]
    assert _search(data, "blue heron", limit=2) == [("earlier", 15), ("early", 15)]
    assert _search(data, "blue heron", limit=0) == []
    assert _search(data, "HERON") == [("one", 12), ("earlier", 12), ("words", 12), ("early", 12), ("late", 12)]
    assert _search(data, "   ") == []


def test_search_puts_undated_facts_last_among_equals() -> None:
    data = tiny(events=[event("dated", "2030-01-01", "legal basis words")])
    data["mandate"]["legal_basis"] = text("legal basis words")
    assert [found for found, _ in _search(data, "legal basis words")] == ["dated", "mandate"]


def test_search_leaves_out_punctuation_around_a_word_but_not_inside_it() -> None:
    data = tiny(
        events=[
            event("plain", "2015-01-01", "the blue heron"),
            event("joined", "2016-01-01", "a blue-heron count of 6,200"),
        ]
    )
    same = _search(data, "blue heron")
    assert same == [("plain", 15), ("joined", 6)]  # each word stands whole in "blue-heron" too
    for typed in ('"blue heron"', "blue heron?", "«blue heron»", "(blue, heron.)", "¿blue heron…"):
        assert _search(data, typed) == same, typed
    assert _search(data, "blue-heron") == [("joined", 12)]  # a hyphen inside a word is the word's
    assert _search(data, "6,200") == [("joined", 12)]  # and so is a comma between digits
    assert _search(data, "6,200,") == [("joined", 12)]
    assert _search(data, "? ! …") == []  # punctuation alone is no word
    assert _search(data, "heron-") == []  # a hyphen at an edge stays: no text has "heron-"


def test_search_finds_a_number_typed_without_its_thousands_separator() -> None:
    """`minusma search 15209` found nothing: the texts write 15,209 (15.209, 15 209)."""
    data = tiny(
        events=[
            event("grouped", "2015-01-01", "a ceiling of 15,209 uniformed"),
            event("code", "2016-01-01", "document 15209 filed"),
            event("both", "2017-01-01", "15209 or 15,209"),
            event("small", "2018-01-01", "a unit of 950 and 1,000 more"),
            event("year", "2019-01-01", "in 2,013 places, since 2013"),
        ]
    )
    # each form finds both; a fact found by both is listed once, with its better score
    assert _search(data, "15209") == [("grouped", 12), ("code", 12), ("both", 12)]
    assert _search(data, "15,209") == [("grouped", 12), ("both", 12)]  # a separator typed is meant
    assert _search(data, "of 15209") == [("grouped", 15)]  # the phrase as the text writes it
    assert _search(data, "950") == [("small", 12)]  # three digits: no separator to add
    assert _search(data, "1000") == [("small", 12)]  # four digits: the first that English groups
    # found once though both forms stand in it; the resolution adopted in 2013 (its symbol's year) too
    assert _search(data, "2013") == [("res-1", 12), ("year", 12)]
    assert _search(data, "01000") == []  # a leading zero is no amount: taken as typed
    assert _search(data, "999") == [] and _search(data, "1001") == []


def test_a_number_typed_without_separators_is_found_only_as_a_whole_number() -> None:
    """`search 2640` found "12,640" and `search 1200` "1,200,000,000" as a whole word: inside numbers."""
    data = tiny(
        events=[
            event("inside", "2015-01-01", "a ceiling of 12,640 and 11,200"),
            event("longer", "2016-01-01", "a budget of 1,200,000,000 dollars"),
            event("end", "2017-01-01", "they were 1,200."),
            event("decimal", "2018-01-01", "about 1,200.5 tonnes"),
            event("pair", "2019-01-01", "13289 soldiers of 15,209 uniformed"),
        ]
    )
    assert _search(data, "2640") == []
    assert _search(data, "1200") == [("end", 12)]  # a full stop ends a sentence, not a number
    assert _search(data, "1200000000") == [("longer", 12)]
    # each number in its own form: one as typed, the other as the text writes it
    assert _search(data, "13289 15209") == [("pair", 6)]


def test_a_resolution_is_found_by_its_number_and_symbol_and_named_first() -> None:
    """`search 2640` found nothing: a resolution's words do not hold its number."""
    data = tiny(events=[event("mention", "2013-05-01", "resolution 2100 was adopted")])
    data["resolutions"][0]["summary"] = text("created the mission")  # its words hold no number
    assert _search(data, "2100") == [("res-1", 12), ("mention", 12)]  # the resolution named by the query first
    assert _search(data, "S/RES/2100") == [("res-1", 12)]
    assert _search(data, "s/res/2100 (2013)") == [("res-1", 6)]
    assert _search(data, "2101") == [] and _search(data, "210") == [("res-1", 8), ("mention", 8)]
    (hit,) = query.search(facts(data), "S/RES/2100")["hits"]
    assert hit["text"]["en"] != "2100 / S/RES/2100 / S/RES/2100 (2013)"  # shown by its own words


def _languages(identifier: str, date: str, en: str, nl: str, fr: str) -> dict[str, Any]:
    return {**event(identifier, date), "text": {"en": en, "nl": nl, "fr": fr}}


def test_search_ranks_a_whole_word_above_a_word_start_above_inside_a_word() -> None:
    """`minusma search Ber` put the camp of Ber behind 'December' and 'Bert Koenders'."""
    data = tiny(
        events=[
            event("inside", "2013-01-01", "on 1 December the camp closed"),
            event("start", "2014-01-01", "Bert Koenders arrives"),
            event("whole", "2015-01-01", "the camp of Ber closes"),
        ]
    )
    # a single word is its own phrase: 3 x 3 + 3, 3 x 2 + 2, 3 x 1 + 1; the date decides only among equals
    for typed in ("Ber", "ber", "BER", "Ber?", "'Ber'"):
        assert _search(data, typed) == [("whole", 12), ("start", 8), ("inside", 4)], typed
    assert _search(data, "bert") == [("start", 12)]
    assert _search(data, "ert") == [("start", 4)]
    assert _search(data, "december") == [("inside", 12)]
    assert _search(data, "decem") == [("inside", 8)]
    assert _search(data, "ember") == [("inside", 4)]


@pytest.mark.parametrize(
    ("words", "score"),
    [
        ("Ber", 12), ("Ber.", 12), ("Ber camp", 12), ("camp Ber", 12), ("(Ber)", 12), ("Gao-Ber", 12), ("Ber-Gao", 12),
        ("Ber's camp", 12), ("Ber’s camp", 12), ("«Ber»", 12), ("Ber, 2023", 12), ("Ber\u00a0camp", 12),
        ("Ber2", 8), ("Bers", 8), ("Berry", 8), ("Ber_camp", 12), ("2Ber", 4), ("Uber", 4), ("Éber", 4), ("Über", 4),
        ("Bér", 12), ("BÉR", 12), ("Bère", 8), ("Bérénice", 8), ("Ambérieu", 4),
    ],
)  # fmt: skip
def test_search_tells_a_word_from_its_neighbours_at_the_edges_of_a_text(words: str, score: int) -> None:
    """A word stands whole where no letter or digit touches it: the start and end of a text,
    spaces, punctuation, apostrophes and hyphens part words; an accented letter is a letter."""
    data = tiny(events=[event("e", "2015-01-01", words)])
    assert _search(data, "ber") == [("e", score)]


def test_search_takes_each_language_of_a_text_as_its_own_words() -> None:
    """A fact's languages are scanned together, parted by a character that is no letter: a word at the
    end of one language and the start of the next stands whole in each, and none runs into the next."""
    data = tiny(
        events=[
            _languages("ends", "2013-01-01", "the camp of Ber", "kamp", "camp"),
            _languages("begins", "2014-01-01", "camp", "Ber kamp", "camp"),
            _languages("across", "2015-01-01", "camp be", "rt", "camp"),
        ]
    )
    assert _search(data, "ber") == [("ends", 12), ("begins", 12)]
    assert _search(data, "kamp") == [("ends", 12), ("begins", 12)]


@pytest.mark.parametrize(
    ("words", "typed", "score"),
    [
        ("au siège de l'ONU", "ONU", 12), ("au siège de l’ONU", "onu", 12), ("au siège de l'ONU", "l'onu", 12),
        ("l'Onusien", "onu", 8), ("les casques bleus de l'ONU", "de l'onu", 15),
        ("Côte d'Ivoire", "ivoire", 12), ("Côte d'Ivoire", "cote", 12), ("Côte d'Ivoire", "d'ivoire", 12),
        ("Côte d'Ivoire", "côte d'ivoire", 15), ("Côte d'Ivoire", "ivoir", 8), ("Côte d'Ivoire", "voire", 4),
        ("Côte d’Ivoire", "cote d'ivoire", 15), ("Côte d'Ivoire", "d'iv", 8), ("Côte d'Ivoire", "'ivoire", 12),
    ],
)  # fmt: skip
def test_search_reads_apostrophes_as_between_words(words: str, typed: str, score: int) -> None:
    """`ONU` stands whole in `l'ONU`, `Ivoire` in `Côte d'Ivoire`; a typed apostrophe finds a typographic
    one (’) as itself (it found nothing before); one at the edge of a query word is left out, as other
    punctuation is."""
    data = tiny(events=[event("e", "2015-01-01", words)])
    assert _search(data, typed) == ([("e", score)] if score else [])


def test_search_folds_accents_before_it_tells_how_a_word_stands() -> None:
    data = tiny(
        events=[
            event("inside", "2013-01-01", "Anderaménaka"),
            event("start", "2014-01-01", "Ménakaville"),
            event("whole", "2015-01-01", "à MÉNAKA"),
            event("bare", "2016-01-01", "menaka"),
        ]
    )
    for typed in ("Ménaka", "menaka", "MENAKA", "ménaka", "Me\u0301naka"):
        # "menaka" is the query itself (a name), so it leads the equal scores
        assert _search(data, typed) == [("bare", 12), ("whole", 12), ("start", 8), ("inside", 4)], typed


def test_search_of_several_words_ranks_the_phrase_by_how_it_stands_then_each_word() -> None:
    data = tiny(
        events=[
            event("apart-inside", "2013-01-01", "xheron and xblue"),
            event("apart-starts", "2013-01-02", "herons and bluer"),
            event("apart-whole", "2013-01-03", "a heron, blue"),
            event("phrase-inside", "2013-01-04", "a skyblue heron"),
            event("phrase-inside-words-whole", "2013-01-05", "a skyblue heron; blue"),
            event("phrase-starts", "2013-01-06", "the blue herons"),
            event("phrase-starts-words-whole", "2013-01-07", "the blue herons and a heron"),
            event("phrase-whole", "2013-01-08", "the blue heron"),
            event("phrase-split", "2013-01-09", "the blue  heron"),  # two spaces: the words, not the phrase
        ]
    )
    assert _search(data, "blue heron") == [
        ("phrase-whole", 3 * 3 + 3 + 3),
        ("phrase-starts-words-whole", 3 * 2 + 3 + 3),
        ("phrase-starts", 3 * 2 + 3 + 2),
        ("phrase-inside-words-whole", 3 * 1 + 3 + 3),
        ("phrase-inside", 3 * 1 + 1 + 3),
        ("apart-whole", 3 + 3),
        ("phrase-split", 3 + 3),
        ("apart-starts", 2 + 2),
        ("apart-inside", 1 + 1),
    ]
    # every word is still needed: the set of hits is the facts holding all of them, anywhere in a word
    assert [found for found, _ in _search(data, "blue heron night")] == []
    assert {found for found, _ in _search(data, "lue ero")} == {found for found, _ in _search(data, "blue heron")}


def test_search_takes_each_words_best_place_in_any_text_and_shows_where_the_phrase_stands_best() -> None:
    caveated = {**event("caveated", "2013-01-01", "in December"), "caveat": text("the Ber camp")}
    data = tiny(events=[caveated, event("plain", "2012-01-01", "December")])
    found = query.search(facts(data), "ber")["hits"]
    assert [(hit["id"], hit["score"], hit["text"]["en"]) for hit in found] == [
        ("caveated", 12, "the Ber camp"),
        ("plain", 4, "December"),
    ]
    phrase_later = {**event("later", "2013-01-01", "blue and heron"), "caveat": text("blue herons")}
    found = query.search(facts(tiny(events=[phrase_later])), "blue heron")["hits"]
    assert [(hit["score"], hit["text"]["en"]) for hit in found] == [(3 * 2 + 3 + 3, "blue herons")]


def test_search_breaks_ties_of_the_new_score_by_date_then_file_order() -> None:
    data = tiny(
        events=[
            event("later", "2015-01-02", "camp Ber"),
            event("first-of-day", "2015-01-01", "Ber camp"),
            event("second-of-day", "2015-01-01", "(Ber)"),
            event("month", "2015-01", "Ber"),
            event("start", "2010-01-01", "Bert"),
        ]
    )
    assert _search(data, "ber") == [
        ("month", 12), ("second-of-day", 12), ("first-of-day", 12), ("later", 12), ("start", 8)
    ]  # fmt: skip  # "Ber" and "(Ber)" are the query itself: before the others of their score, then by date


def test_search_puts_a_fact_named_by_the_query_first_among_equals_and_more_names_first() -> None:
    """A site named Kidal in the Kidal region (two texts that are the query) before a site only in that
    region (one), before prose (none), whatever their dates; a different score still decides first."""
    data = tiny(
        events=[
            event("prose", "2013-01-01", "a camp at Kidal"),
            event("region", "2014-01-01", "Kidal"),
            {**event("name-and-region", "2015-01-01", "Kidal"), "caveat": text("Kidal!")},
            event("start", "2012-01-01", "Kidalville"),
            event("day-before", "2014-12-31", "at Kidal"),
        ]
    )
    assert _search(data, "kidal") == [
        ("name-and-region", 12), ("region", 12), ("prose", 12), ("day-before", 12), ("start", 8)
    ]  # fmt: skip


# --------------------------------------------------------------------------- cite, show, errata


def _cite_data() -> dict[str, Any]:
    return tiny(
        sources=[source(), source("src-b"), source("src-c")],
        events=[
            {**event("e1", "2014-01-01"), "sources": ["src-c", SOURCE, "src-c"]},
            {**event("e2", "2015-01-01"), "sources": ["src-b"]},
        ],
        errata=[
            {
                "id": "err", "subject": text("s"), "claimed": text("c"), "claimed_in": ["src-b"],
                "corrected": text("k"), "sources": ["src-c"], "concerns": ["e1", "err"],
            }
        ],
    )  # fmt: skip


def test_cite_lists_each_source_once_in_the_order_asked() -> None:
    data = facts(_cite_data())
    assert [found["id"] for found in query.cite(data, ["e1", "e2", "src-a", "e1", "nothing"])["sources"]] == [
        "src-c", "src-a", "src-b",
    ]  # fmt: skip
    requested = query.cite(data, ["e1", "src-b", "nothing", "e1"])["requested"]
    assert requested == [
        {"id": "e1", "kind": "event", "sources": ["src-c", "src-a"]},
        {"id": "src-b", "kind": "source", "sources": ["src-b"]},
    ]
    assert [found["id"] for found in query.cite(data)["sources"]] == ["src-a", "src-b", "src-c"]
    assert query.cite(data, ["nothing"])["sources"] == []


def test_an_erratum_concerns_the_facts_it_names_and_its_sources_but_never_itself() -> None:
    data = facts(_cite_data())
    assert [found["id"] for found in query.concerning(data, "e1", is_source=False)] == ["err"]
    assert query.concerning(data, "err", is_source=False) == []
    assert query.concerning(data, "e2", is_source=False) == []
    assert [found["id"] for found in query.concerning(data, "src-b", is_source=True)] == ["err"]
    assert [found["id"] for found in query.concerning(data, "src-c", is_source=True)] == ["err"]
    assert query.concerning(data, "src-a", is_source=True) == []
    assert query.concerning(data, "e1", is_source=True) == []


def test_cited_sources_keep_the_fact_bases_order() -> None:
    data = facts(_cite_data())
    assert [found["id"] for found in query.cited_sources(data, ["src-c", "src-a", "src-c"])] == ["src-a", "src-c"]


def test_the_contribution_checks_say_their_figures() -> None:
    data = tiny(
        contributions=[
            contribution("c1", "TCD", "2019-03-31", military=q(5), police=q(2), total=q(6)),
            contribution("c2", "NER", "2019-03-31", military=q(4)),
        ],
        snapshots=[snapshot("s", "2019-03-31", claim(personnel=q(9), sources=["src-b"]))],
        sources=[source(), source("src-b")],
    )
    data["snapshots"][0]["claims"][0]["sources"] = ["src-b"]
    assert (
        [line for line in said(data) if "contributions" in line]
        == [
            "error contributions[0].total: the stated parts add up to 7, more than the stated total of 6; correct a part or the total",  # fmt: skip
            "warning contributions[0]: on 2019-03-31 the countries add up to 10, more than the mission's stated total of 9 (src-b); check src-a: sources may count differently",  # fmt: skip
        ]
    )
