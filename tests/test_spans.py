"""Spans of dates worded by the precision of each end: French says "du 2015-03-01 au 2016-06-30"
but "de 2015 à 2016" (a year or a month takes no article), "depuis le" a day but "depuis" a year,
"jusqu’au" a day but "jusqu’en" a month or a year; Dutch and English keep their one wording."""

from __future__ import annotations

import os
import subprocess

import pytest

from installed import minusma_command
from minusma.messages import Bound, Message, precision, say

# (--from, --to) -> the title of `contributors` in fr, nl and en
PERIODS = [
    (("2015", "2016"), ("de 2015 à 2016", "van 2015 tot 2016", "from 2015 to 2016")),
    (("2015-03", "2016-06"), ("de 2015-03 à 2016-06", "van 2015-03 tot 2016-06", "from 2015-03 to 2016-06")),
    (
        ("2015-03-01", "2016-06-30"),
        ("du 2015-03-01 au 2016-06-30", "van 2015-03-01 tot 2016-06-30", "from 2015-03-01 to 2016-06-30"),
    ),
    (("2015-03-01", "2016"), ("du 2015-03-01 à 2016", "van 2015-03-01 tot 2016", "from 2015-03-01 to 2016")),
    (("2015", "2016-06-30"), ("de 2015 au 2016-06-30", "van 2015 tot 2016-06-30", "from 2015 to 2016-06-30")),
    (
        ("2015-03", "2016-06-30"),
        ("de 2015-03 au 2016-06-30", "van 2015-03 tot 2016-06-30", "from 2015-03 to 2016-06-30"),
    ),
    (
        ("2015-03-01", "2016-06"),
        ("du 2015-03-01 à 2016-06", "van 2015-03-01 tot 2016-06", "from 2015-03-01 to 2016-06"),
    ),
    (("2015", None), ("de 2015 à …", "van 2015 tot …", "from 2015 to …")),
    ((None, "2016-06-30"), ("de … au 2016-06-30", "van … tot 2016-06-30", "from … to 2016-06-30")),
]


def _run(*args: str) -> str:
    done = subprocess.run(
        [*minusma_command(), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize(("bounds", "expected"), PERIODS, ids=[f"{a}..{b}" for (a, b), _ in PERIODS])
def test_contributors_period_worded_by_precision_through_the_installed_command(
    bounds: tuple[str | None, str | None], expected: tuple[str, str, str]
) -> None:
    start, end = bounds
    options = [*(["--from", start] if start else []), *(["--to", end] if end else [])]
    titles = {"fr": "Contributions ", "nl": "Bijdragen ", "en": "Contributions "}
    for lang, words in zip(("fr", "nl", "en"), expected, strict=True):
        text = _run("--lang", lang, "contributors", *options)
        assert titles[lang] + words in text, (lang, text[:400])
        # the one country's view says it again in its note
        text = _run("--lang", lang, "contributors", "--country", "TCD", *options)
        assert words + "." in text, (lang, text[:1200])
    french = _run("--lang", "fr", "contributors", *options)
    assert not any(
        wrong in french for wrong in ("du 2015 ", "du 2015-03 ", "au 2016\n", "au 2016-06\n", "à 2016-06-30")
    )


@pytest.mark.parametrize(
    ("date", "expected"),
    [("2015-03-01", "day"), ("2015-03", "month"), ("2015", "year"), ("2013/14", "year"), ("…", "year")],
)
def test_precision_of_a_written_date(date: str, expected: str) -> None:
    assert precision(date) == expected


@pytest.mark.parametrize(
    ("side", "date", "fr"),
    [
        ("from", "2015-03-01", "du 2015-03-01"),
        ("from", "2015-03", "de 2015-03"),
        ("from", "2015", "de 2015"),
        ("to", "2016-06-30", "au 2016-06-30"),
        ("to", "2016-06", "à 2016-06"),
        ("to", "2016", "à 2016"),
        ("since", "2013-07-01", "depuis le 2013-07-01"),
        ("since", "2013-07", "depuis 2013-07"),
        ("since", "2013", "depuis 2013"),
        ("until", "2017-04-11", "jusqu’au 2017-04-11"),
        ("until", "2015-01", "jusqu’en 2015-01"),
        ("until", "2015", "jusqu’en 2015"),
    ],
)
def test_each_end_at_each_precision(side: str, date: str, fr: str) -> None:
    bound = Bound(date, side)  # type: ignore[arg-type]
    assert bound.said("fr") == fr
    assert bound.said("nl") == date == bound.said("en")  # their words stay in the templates


@pytest.mark.parametrize(
    ("key", "values", "fr", "nl"),
    [
        (
            "event.casualties",
            {"start": Bound("2013-07-01", "since"), "figures": "3"},
            "Victimes depuis le 2013-07-01\xa0: 3.",
            "Slachtoffers sinds 2013-07-01: 3.",
        ),
        (
            "event.casualties",
            {"start": Bound("2014", "since"), "figures": "3"},
            "Victimes depuis 2014\xa0: 3.",
            "Slachtoffers sinds 2014: 3.",
        ),
        (
            "term.successor",
            {"date": Bound("2015-01", "until")},
            "jusqu’en 2015-01 (successeur)",
            "tot 2015-01 (opvolger)",
        ),
        (
            "term.successor",
            {"date": Bound("2017-04-11", "until")},
            "jusqu’au 2017-04-11 (successeur)",
            "tot 2017-04-11 (opvolger)",
        ),
        (
            "fatalities.total.other",
            {"count": "3", "sources": "s", "first": Bound("2014", "from"), "last": Bound("2016-06-30", "to")},
            "3 morts dans les registres de l’ONU (s), de 2014 au 2016-06-30.",
            "3 doden in de VN-records (s), 2014 tot 2016-06-30.",
        ),
        (
            "check.fatality_outside",
            {"date": "2012", "start": Bound("2013-04-25", "from"), "end": Bound("2023", "to")},
            "(du 2013-04-25 à 2023)",
            "(2013-04-25 tot 2023)",
        ),
        (
            "check.series_disagrees",
            {
                "id": "x",
                "sources": "s",
                "stated": "1",
                "start": Bound("2014", "from"),
                "end": Bound("2015", "to"),
                "series_sources": "u",
                "low": "2",
            },
            "donne 1 de 2014 à 2015",
            "geeft 1 van 2014 tot 2015",
        ),
        (
            "check.mandate_gap",
            {"other": "o", "end": Bound("2016-06-30", "from"), "start": Bound("2016-07-02", "to")},
            "(du 2016-06-30 au 2016-07-02)",
            "dat eindigt 2016-06-30, terwijl deze begint 2016-07-02",
        ),
    ],
)
def test_messages_with_a_span(key: str, values: dict[str, object], fr: str, nl: str) -> None:
    assert fr in say(key, "fr", **values)
    assert nl in say(key, "nl", **values)
    assert fr in Message(key, values).said("fr")
