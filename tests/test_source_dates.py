"""tools/url_dates.py: a date a source's URL shows, and the ``published`` it agrees with."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from minusma.model import date_range

REPO = Path(__file__).resolve().parents[1]
SOURCES = json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))["sources"]

# Sources whose ``published`` is not the month their URL shows, kept as they are, each with why
# (issue 20: a date in the URL that disagrees is reported, not "fixed").
KNOWN_DISAGREEMENTS = {
    # The page reprints resolution 2690; ``published`` is the resolution's adoption (30 June), the
    # path the month the page was posted (July).
    "africanperceptions-2690": ("2023-06-30", "2023-07"),
    # The article reports the 30 June 2017 budget decision; its path is July 2017.
    "promosaiknews-2017-06": ("2017-06-30", "2017-07"),
}


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("url_dates", REPO / "tools" / "url_dates.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


url_dates = _tool()


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://a.example/2021/08/10/title/", "2021-08-10"),
        ("https://a.example/2021/08/10", "2021-08-10"),
        ("https://a.example/view/2021-12/16/content_1.htm", "2021-12-16"),
        ("https://a.example/news/2019-12-28---title.html", "2019-12-28"),
        ("https://a.example/a/20191111/", "2019-11-11"),
        ("https://a.example/20220715-title/", "2022-07-15"),
        ("https://a.example/news/2016/06/title/", "2016-06"),
        ("https://a.example/2019/08/", "2019-08"),
        ("https://a.example/2024/02/29/leap/", "2024-02-29"),
        ("https://a.example/2023/12/31/", "2023-12-31"),
        ("https://a.example/2023/01/01/", "2023-01-01"),
    ],
)
def test_a_date_in_the_path_is_read_at_its_precision(url: str, shown: str) -> None:
    assert url_dates.url_date(url) == shown


@pytest.mark.parametrize(
    "url",
    [
        "https://a.example/2023/02/29/not-a-leap-year/",  # no such day
        "https://a.example/2021/13/title/",  # no such month
        "https://a.example/2021/00/title/",
        "https://a.example/2021/04/31/",
        "https://a.example/2019/",  # a year alone
        "https://a.example/stories/201701120717.html",  # an article number
        "https://a.example/cnt/dmf20200110_01429211/title",  # a site's own code
        "https://a.example/Mali/121220_Mali_resolution.html",  # six digits
        "https://a.example/news/1657906941-title",  # a timestamp
        "https://a.example/article/20191111",  # no slash or dash after: an id
        "https://a.example/1899/01/01/",  # outside the years read
        "https://a.example/page?date=2021/08/10/",  # a query, not the path
        "https://a.example/2021/8/10/",  # one digit: not the pattern
    ],
)
def test_what_is_no_date_in_a_path_is_not_read(url: str) -> None:
    assert url_dates.url_date(url) is None


@pytest.mark.parametrize(
    ("published", "shown", "agree"),
    [
        ("2019-01-28", "2019-01-28", True),
        ("2019-01-27", "2019-01-28", False),
        ("2019-01-29", "2019-01-28", False),
        ("2019-01", "2019-01-28", True),  # a coarser record of the same day
        ("2019", "2019-01", True),
        ("2019-01-31", "2019-01", True),
        ("2019-02-01", "2019-01", False),
        ("2018-12-31", "2019-01", False),
        ("2019-1", "2019-01", False),  # not the form of a date
        ("2019-10", "2019-01", False),  # not a prefix of the text, but of the parts
    ],
)
def test_agreement_is_the_same_day_at_either_precision(published: str, shown: str, agree: bool) -> None:
    assert url_dates.agrees(published, shown) is agree


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source["id"])
def test_a_url_that_shows_a_date_agrees_with_published(source: dict[str, str]) -> None:
    shown = url_dates.url_date(source["url"])
    if shown is None:
        return
    assert "published" in source, f"{source['id']}: its URL shows {shown}; run python tools/url_dates.py"
    if source["id"] in KNOWN_DISAGREEMENTS:
        assert (source["published"], shown) == KNOWN_DISAGREEMENTS[source["id"]]
        return
    assert url_dates.agrees(source["published"], shown), f"{source['id']}: {source['published']} vs URL {shown}"


def test_every_full_date_in_a_url_agrees() -> None:
    days = [source for source in SOURCES if (url_dates.url_date(source["url"]) or "").count("-") == 2]
    assert len(days) >= 40  # the test sees the sources it is about
    for source in days:
        assert url_dates.agrees(source.get("published", ""), url_dates.url_date(source["url"]))


def test_the_known_disagreements_are_still_there() -> None:
    by_id = {source["id"]: source for source in SOURCES}
    for source_id, (published, shown) in KNOWN_DISAGREEMENTS.items():
        assert by_id[source_id]["published"] == published
        assert url_dates.url_date(by_id[source_id]["url"]) == shown
        assert not url_dates.agrees(published, shown)


def test_published_goes_after_kind_or_language() -> None:
    with_kind = url_dates.with_published({"id": "a", "url": "u", "language": "en", "kind": "news"}, "2020")
    assert list(with_kind) == ["id", "url", "language", "kind", "published"]
    without = url_dates.with_published({"id": "a", "url": "u", "language": "en", "author": "x"}, "2020")
    assert list(without) == ["id", "url", "language", "published", "author"]


def test_a_stored_date_is_never_changed() -> None:
    base = {"sources": [{"id": "a", "url": "https://a.example/2021/08/10/", "language": "en", "published": "2021"}]}
    result, changed = url_dates.dated(base)
    assert result == base
    assert changed == []
    base = {"sources": [{"id": "b", "url": "https://a.example/2021/08/10/", "language": "en"}]}
    result, changed = url_dates.dated(base)
    assert result["sources"][0]["published"] == "2021-08-10"
    assert changed == ["b"]


def test_the_script_finds_nothing_left_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "url_dates.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- dates checked against other dates: when a page was read, what the next report says, provenance ---


def readable_on(published: str, accessed: str) -> bool:
    """Whether a document dated ``published`` can have been read on ``accessed``: the first day that
    ``published`` may stand for is not after that day (``2026-12`` was readable on 2026-12-01)."""
    return date_range(published)[0] <= date.fromisoformat(accessed)


@pytest.mark.parametrize(
    ("published", "accessed", "readable"),
    [
        ("2026-12-06", "2026-12-07", True),
        ("2026-12-07", "2026-12-07", True),  # read the day it appeared
        ("2026-12-08", "2026-12-07", False),
        ("2026-12", "2026-12-01", True),  # a month: its first day may be the day
        ("2027-01", "2026-12-31", False),
        ("2026", "2026-01-01", True),
        ("2027", "2026-12-31", False),
    ],
)
def test_a_document_is_readable_from_the_first_day_its_date_allows(
    published: str, accessed: str, readable: bool
) -> None:
    assert readable_on(published, accessed) is readable


def test_no_source_is_published_after_the_day_it_was_read() -> None:
    both = [source for source in SOURCES if "published" in source and "accessed" in source]
    assert len(both) >= 200  # the test sees the sources it is about
    late = [(s["id"], s["published"], s["accessed"]) for s in both if not readable_on(s["published"], s["accessed"])]
    assert late == []


# What a later Secretary-General's report says of the one before it, as read in the later report's stored
# copy (its url or alternative_urls; S/2014/229 in the lawsdocbox copy). The earlier report's ``published``
# is the date on its own cover; the two are independent readings of the same day.
PREDECESSOR_DATES = [
    # (the later report, the symbol it names, the date it gives, in its words)
    ("report-2022-731", "S/2022/446", "2022-06-02", "the previous report (S/2022/446), issued on 2 June 2022"),
    ("report-2022-446", "S/2022/278", "2022-03-30", "the previous report (S/2022/278) dated 30 March 2022"),
    ("report-2022-278", "S/2021/1117", "2022-01-04", "the previous report (S/2021/1117), issued on 4 January 2022"),
    ("report-2023-402", "S/2023/236", "2023-03-30", "the previous report (S/2023/236), issued on 30 March 2023"),
    ("report-2015-426", "S/2015/219", "2015-03-27", "my previous report, of 27 March 2015 (S/2015/219)"),
    ("report-2014-229", "S/2014/1", "2014-01-02", "my previous report of 2 January 2014 (S/2014/1)"),
]


@pytest.mark.parametrize(
    ("later", "symbol", "stated", "words"), PREDECESSOR_DATES, ids=[row[1] for row in PREDECESSOR_DATES]
)
def test_a_report_carries_the_date_the_next_report_gives_it(later: str, symbol: str, stated: str, words: str) -> None:
    by_id = {source["id"]: source for source in SOURCES}
    (earlier,) = [source for source in SOURCES if source.get("symbol") == symbol]
    assert earlier["published"] == stated, f"{earlier['id']}: the next report says {words!r}"
    assert symbol in words and by_id[later]["kind"] == earlier["kind"] == "report"
    if "published" in by_id[later]:  # the next report cannot be older than the one it follows
        assert date_range(by_id[later]["published"])[0] > date.fromisoformat(stated)


def _provenance() -> dict[str, dict[str, str]]:
    """Each data file under data/sources/ whose provenance names the copy read, by that copy's URL (the
    repository's blob at the commit read), with the update date its producer states as ``last_update``."""
    folder = REPO / "data" / "sources"
    records: dict[str, dict[str, str]] = {}
    for item in json.loads((folder / "provenance.json").read_text(encoding="utf-8"))["files"]:
        records[f"{item['repository']}/blob/{item['commit']}/{item['source_path']}"] = item
    for item in json.loads((folder / "PROVENANCE-resolutions.json").read_text(encoding="utf-8")).values():
        records[f"{item['repository']}/blob/{item['commit']}/{item['path']}"] = item
    for item in json.loads((folder / "un-expenses" / "provenance.json").read_text(encoding="utf-8"))["files"]:
        records[item["url"]] = item
    for path in sorted(folder.glob("**/*.provenance.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        records[item["url"]] = item
    return records


def test_a_data_file_kept_with_its_provenance_is_cited_as_a_dataset() -> None:
    provenance = _provenance()
    kept = [source for source in SOURCES if source["url"] in provenance]
    assert len(kept) >= 9  # PEMA, Geo-PKO (4), RADPKO, the UN's fatality records (2), its expense data
    assert {source["id"]: source.get("kind") for source in kept} == {source["id"]: "dataset" for source in kept}
    assert {source["id"] for source in SOURCES if source.get("kind") == "dataset"} == {source["id"] for source in kept}


def test_a_dataset_is_dated_only_by_the_update_its_producer_states() -> None:
    # Geo-PKO's and RADPKO's versions are the years they cover and PEMA's "v4" is a name: no update date,
    # so no ``published`` (a commit's date is when a copy was pushed, not when the producer released it).
    provenance = _provenance()
    for source in SOURCES:
        if source["url"] in provenance:
            assert source.get("published") == provenance[source["url"]].get("last_update"), source["id"]


# --- what each page's stored copy shows as its own date (an audit of 7 December 2026) ---
#
# Each source whose ``published`` was neither a UN symbol's document date nor read from its URL was
# looked up in the tool library's stored copy of its page (search, corpus "pages"). A date counts
# only where the page's own text gives it as the item's date: a dateline, "Published ...", "Publié
# le ...", a date under the headline. The corpus's stored date, a site header's current date and the
# day of the event an article reports do not. /work/wt/scratch/audit-dates.md has the whole table,
# with the pages not found in the library (left as they were).

# ``published`` removed: the stored page shows no date of its own (an undated citation is better than
# a wrong one). (source, the date it had, what the page shows)
UNDATED = [
    (
        "blik-2023",
        "2023-09",
        'title and body ("meldt het ministerie van Defensie dinsdag"), no dateline; only the stored date 2023-09',
    ),
    ("contrib-pressafrik-2023-07", "2023-07", 'body only ("vendredi"), no dateline; only the stored date 2023-07'),
    (
        "contrib-tf1-info-2022-02",
        "2022-02",
        'no dateline; body names the event day "ce jeudi 17 février" (no year); no stored date shown',
    ),
    ("nhnieuws-iob", "2022-09", "body only, no dateline; only the stored date 2022-09"),
    ("rd-scouts-2019", "2019-05", 'body only ("vrijdagmiddag"), no dateline; only the stored date 2019-05'),
    ("blik-ovv-2022", "2022-01", "title + body, no dateline; only the stored date 2022-01"),
    (
        "maliweb-matthijssen",
        "2023-01",
        'body gives the ceremony "vendredi 6 janvier 2023", no publication date; only the stored date 2023-01',
    ),
    (
        "allafrica-gaye",
        "2023-01-13",
        'body only ("depuis le 9 janvier dernier"), no dateline or stored date; 20230113 only inside the story number',
    ),
    (
        "mil-be-2017",
        "2017-03",
        'body gives the appointment "op donderdag 2 maart" (no year), no publication date; only the stored date 2017-03',
    ),
    ("knack-2017", "2017-03", "body only, no dateline; only the stored date 2017-03"),
    (
        "trtworld-2023",
        "2023-06-16",
        'body only ("said Abdoulaye Diop on Friday"), no dateline; only the stored date 2023-06-16',
    ),
    (
        "destentor-2018",
        "2018-06",
        'body only ("dat vrijdag wordt verwacht"), no dateline; only the stored date 2018-06',
    ),
    ("nu-2018", "2018-11", "body only, no dateline; only the stored date 2018-11"),
    (
        "thequint-2020",
        "2020-08-19",
        'headline, standfirst and body (the speech "on Tuesday, 18 August"), no publication date; only the stored date 2020-08-19',
    ),
    (
        "contrib-national-post-2021-12",
        "2021-12-18",
        'dateline "BAMAKO —" without a date; body "late on Friday"; only the stored date 2021-12-18',
    ),
    (
        "contrib-i24news-2022-07",
        "2022-07-15",
        'body only ("said on Friday"), no dateline; only the stored date 2022-07-15 (the number 1657906941 in the URL is not read as a date)',
    ),
    ("contrib-allafrica-2017-01", "2017-01", "body only, no dateline; only the stored date 2017-01"),
    ("contrib-l-avenir-2020-01", "2020-01", '"(Belga)" and body ("vendredi"), no date; only the stored date 2020-01'),
    (
        "contrib-la-libre-belgique-2020-08",
        "2020-08",
        'body only ("mardi", "mercredi"), no date; only the stored date 2020-08',
    ),
    ("contrib-dna-news-2020-12", "2020-12-11", 'dateline "OSLO –" without a date; only the stored date 2020-12-11'),
    ("contrib-krigeren-dk-2020-05", "2020-05", "body only, no dateline; only the stored date 2020-05"),
    (
        "contrib-sn-dk-2020-07",
        "2020-07",
        'body only ("Onsdag"); the one date on the page is a photo caption\'s (13 November 2019); only the stored date 2020-07',
    ),
    ("ad-2016", "2016-09", "body only, no dateline; only the stored date 2016-09"),
    ("onzeluchtmacht-heli", "2017-03", 'body only ("die middag"), no dateline; only the stored date 2017-03'),
    (
        "rtvdrenthe-2017",
        "2017-09",
        '"ASSEN -" without a date; body: the report appears "eind deze maand", "op 28 september" (no year); only the stored date 2017-09',
    ),
    (
        "rtl-be-2021",
        "2021-11",
        '"(Belga)" and body ("samedi", "plus tard en novembre"), no date; only the stored date 2021-11',
    ),
    ("nd-2022", "2022-10", '"Den Haag" and body, no date; only the stored date 2022-10'),
    (
        "theafricareport-2021",
        "2021-05",
        'body only (events of "Wednesday, May 26"), no publication date; only the stored date 2021-05',
    ),
    (
        "maliactu-kidal",
        "2023-11",
        'body gives the departure "le 31 octobre 2023", no publication date; only the stored date 2023-11',
    ),
    (
        "beninwebtv-2023-06",
        "2023-06",
        'body gives the communiqué "publié le dimanche 18 juin 2023", no publication date of its own; only the stored date 2023-06',
    ),
    (
        "maliweb-gaye",
        "2023-01",
        'body gives the interim "à compter de ce 9 janvier" and the ceremony "vendredi 6 janvier", no publication date; only the stored date 2023-01',
    ),
    (
        "lexpressiondz-2023",
        "2023-10",
        'body only (the count "à la date du 24 octobre", "mardi"), no publication date; only the stored date 2023-10',
    ),
    ("dknews-2640", "2022-07", 'body only ("mercredi"), no dateline; only the stored date 2022-07'),
    (
        "nu-2014-departure",
        "2014-01",
        'body only ("maandag", "eind vorig jaar", "op 1 juli van start"), no dateline; the stored date is 2018-03, not the month recorded',
    ),
    (
        "reuters-2013",
        "2013-04-25",
        'photo caption (21 March 2013), dateline "UNITED NATIONS" without a date, body "approved on Thursday"; only the stored date 2013-04-25; 20130425 only inside the article id',
    ),
    (
        "zawya-2023",
        "2023-12-30",
        'the statement\'s text only ("completed its withdrawal by 31 December", "1 January 2024 will mark..."), no date shown; no stored date',
    ),
    (
        "reliefweb-matthijssen",
        "2021-11-16",
        'body only ("today announced"), no "Published" line in the stored copy; only the stored date 2021-11-16',
    ),
    (
        "allafrica-kidal",
        "2023-11-01",
        'the release only ("ended its presence in the Kidal region today"), no date; 20231101 only inside the story number',
    ),
    (
        "allafrica-tessalit",
        "2023-10-23",
        'the release only (withdrawal completed "on 21 October 2023"), no publication date; only the stored date 2023-10-23; 20231023 only inside the story number',
    ),
    (
        "contrib-leral-net-2023-09",
        "2023-09",
        'body only (repatriation "le 16 septembre", no year), no dateline; only the stored date 2023-09',
    ),
    (
        "rtbf-deconinck",
        "2017-04",
        'body only (he takes command "ce mardi 11 avril", no year), no publication date; no stored date',
    ),
    ("alwihda-bikimo", "2021-07", 'body only ("installé vendredi"), no dateline; only the stored date 2021-07'),
    (
        "alwihda-2023-chad",
        "2023-11",
        'body gives the UN\'s statement "le 17 novembre 2023", no publication date; only the stored date 2023-11',
    ),
    (
        "jeuneafrique-lollesgaard",
        "2016-12",
        'body only ("vendredi dernier", "vendredi 16 décembre", no year), no publication date; only the stored date 2016-12',
    ),
    (
        "dakaractu-barkhane-2022",
        "2022-08",
        'body gives the crossing "ce 15 Août 2022", no publication date; only the stored date 2022-08',
    ),
    (
        "lexpression-benin-2022",
        "2022-05",
        'body only ("ont rapporté, hier, des médias"), no dateline; only the stored date 2022-05',
    ),
    (
        "lexpression-2017-07-pko-budget",
        "2017-07",
        'kicker "MAINTIEN DE LA PAIX" and body (adopted "vendredi soir"), no date; only the stored date 2017-07',
    ),
    (
        "jeuneafrique-2018-pko-budget",
        "2018",
        'standfirst and body (the budget "adopté jeudi"), no date; only the stored date 2018-08',
    ),
    (
        "contrib-salzgitter-zeitung-2018-11",
        "2018-11",
        'dateline "Gao" without a date, body "am dritten Tag ihrer Westafrika-Reise"; only the stored date 2018-11',
    ),
    (
        "contrib-canindia-2022-11-23",
        "2022-11-23",
        '"WORLD" and body ("said on Wednesday"), no date; only the stored date 2022-11-23',
    ),
    (
        "arabnews-anefis-2017",
        "2017-09-24",
        'byline "Joe Bavier | Reuters |", dateline "ABIDJAN:" without a date, body "on Sunday"; the page\'s "Last updated: 2 min 12 sec ago" is the site\'s; only the stored date 2017-09-24',
    ),
    (
        "dknews-aguelhok-2021",
        "2021-04",
        'body only (the attack "vendredi matin"), no dateline; only the stored date 2021-04',
    ),
    (
        "republicoftogo-bandiagara-2021",
        "2021-12-08",
        'body only ("killed on Wednesday"), no dateline; only the stored date 2021-12-08',
    ),
]


@pytest.mark.parametrize(("source_id", "had", "shows"), UNDATED, ids=[row[0] for row in UNDATED])
def test_a_page_that_shows_no_date_of_its_own_is_cited_undated(source_id: str, had: str, shows: str) -> None:
    (source,) = [source for source in SOURCES if source["id"] == source_id]
    assert "published" not in source, f"{source_id}: {had} is no date its page shows ({shows})"
    assert url_dates.url_date(source["url"]) is None  # nor would tools/url_dates.py date it again


# ``published`` as the stored page shows it. (source, published, what the page shows)
PAGE_DATES = [
    ("luxembourg-2100", "2013-04-25", '"Published Thursday April 25 2013"'),
    ("reliefweb-2100", "2013-04-25", '"Published on 25 Apr 2013"'),
    ("abamako-koenders", "2014-10-17", '"Publié le vendredi 17 octobre 2014 | AFP"'),
    ("minusma-gaye", "2023-01-10", 'date under the headline "10 janvier 2023"'),
    ("minusma-tessalit-2022", "2022-10-17", 'dateline "Bamako, 17 October 2022"'),
    ("un-sg-2014-aguelhok-bomb", "2014-06-11", 'dateline "11 June 2014"'),
    ("un-press-sgsm16119", "2014-09-02", 'dateline "2 September 2014"'),
    ("minusma-2014-aguelhok-mine", "2014-09-19", 'dateline "19 septembre 2014"'),
    ("un-sg-2014-indelimane", "2014-10-03", 'dateline "03 October 2014"'),
    ("minusma-2015-goundam", "2015-07-02", 'dateline "2 Jul 2015"'),
    ("un-sg-2016-kidal-camp", "2016-02-12", 'dateline "12 February 2016"'),
    ("un-sg-2016-aguelhok-ambush", "2016-05-18", 'dateline "18 May 2016"'),
    ("un-sg-2016-sevare", "2016-05-29", 'dateline "29 May 2016"'),
    ("un-peacekeeping-2017-tessalit-aguelhok", "2017-10-26", 'dateline "26 Oct 2017"'),
    ("un-peacekeeping-2017-indelimane", "2017-11-24", 'dateline "24 Nov 2017"'),
    ("un-peacekeeping-2018-timbuktu-camp", "2018-04-15", 'dateline "15 Apr 2018"'),
    ("un-peacekeeping-2021-bambara-maoude", "2021-01-13", 'dateline "13 jan 2021"'),
    ("un-peacekeeping-2021-aguelhok-camp", "2021-04-02", 'dateline "2 Apr 2021"'),
    ("minusma-gyllensporre", "2018-10-05", 'date under the headline "5 octobre 2018"'),
    (
        "tass-2023",
        "2023-06-16",
        'dateline "PRETORIA, June 16. /TASS/" (day and month; the year from the page: Diop spoke "on Friday", the UNSC to decide "on June 29", a mission "established in the spring of 2013" with "more than 280" killed; stored date 2023-06-16)',
    ),
    ("urdupoint-2023-request", "2023-06-17", '"Published June 17, 2023 | 12:50 AM"'),
    (
        "contrib-reuters-2016-10",
        "2016-10-07",
        'dateline "AMSTERDAM/BERLIN, Oct 7" (day and month; the year from the page: the government "said on Friday" it would continue "in 2017"; stored date 2016-10-07)',
    ),
    ("contrib-jeune-afrique-2018-06", "2018-06-15", '"Publié le 15 juin 2018"'),
    (
        "contrib-afrique-sur7-2018-05",
        "2018-05-11",
        '"Publié le 11 mai 2018 à 15:20 | mis à jour le 11 mai 2018 à 15:27"',
    ),
    ("contrib-minusma-2020-11", "2020-11-02", 'date under the headline "2 novembre 2020"'),
    (
        "ummnews-2023",
        "2023-12-12",
        'dateline "BAMAKO, Dec. 12 (Xinhua)" (day and month; the year from the page: withdrawal "by Dec. 31, 2023", liquidation from "Jan. 1, 2024")',
    ),
    ("leidschdagblad-2017", "2017-01-05", '"Door ANP - 5-1-2017, 13:46 (Update 5-1-2017, 13:46)"'),
    ("nhd-apaches-2017", "2017-01-31", '"Door ANP - 31-1-2017, 18:13 (Update 31-1-2017, 18:13)"'),
    ("nhd-helis-2017", "2017-03-01", '"Door ANP - 1-3-2017, 15:17 (Update 1-3-2017, 15:17)"'),
    (
        "tass-2020",
        "2020-08-19",
        'dateline "UNITED NATIONS, August 19./TASS/" (day and month; the year from the page: the statement quotes the mutiny "on 18 August 2020", issued "on Wednesday")',
    ),
    (
        "cambridge-2640",
        "2023-02-27",
        '"Published online by Cambridge University Press: 27 February 2023" (the page\'s "Render date: 2024-11-24" is the crawl)',
    ),
    ("openkamer-300", "2015-10-29", '"Vastgesteld 29 oktober 2015" (the report\'s own date)'),
    ("vvlo-sport", "2020-05-27", '"versiedatum: 27-05-2020" (the page\'s stated version date)'),
    ("tweedekamer-2022", "2022-09-30", '"Den Haag, 30 september 2022" (the letter\'s date)'),
    (
        "contrib-uk-ministry-of-defence-2020-12",
        "2020-12-04",
        'Medium byline "Ministry of Defence 5 min read Dec 4, 2020"',
    ),
    ("contrib-guinee3-net-2023-10", "2023-10-26", 'byline "26 octobre 2023 ... Par Doura"'),
    ("africarivista-2295", "2016-06-30", '"(30/06/2016 Fonte: Jeune Afrique)"'),
    (
        "afp-prana-2013",
        "2013-02",
        '"Jeudi 28 Février 2013" under the headline (the page gives the day; the month recorded is a coarser form of it, left as is)',
    ),
    (
        "diplomatie-afisma",
        "2013-07-01",
        'headline "Mali - Transformation of AFISMA into MINUSMA (July 1, 2013)", body "today"',
    ),
    ("contrib-hln-2018-06-06", "2018-06-06", '"06 juni 2018 00u25 Bron: Belga"'),
    (
        "indiablooms-2227",
        "2015-06-30",
        '"Jun 30, 2015, at 04:49 pm", dateline "New York, June 30 (IBNS)" (the header\'s "December 29, 2025" is the site\'s current date)',
    ),
    ("diplomatie-2480", "2019-06-28", 'headline "... Verlängerung des Mandats der MINUSMA (28. Juni 2019)"'),
    ("aljazeera-2021", "2021-03-16", '"16 Mar 2021" under the standfirst'),
    ("minusma-rssg-2023", "2023-01-06", 'date under the headline "6 janvier 2023"'),
    ("urdupoint-2023-handover", "2023-08-05", '"Sumaira FH Published August 05, 2023 | 07:30 AM"'),
    (
        "defensiekrant-2014-20",
        "2014",
        '"Dit artikel hoort bij: Defensiekrant 20", filed by the publisher under /defensiekrant/2014/20/ (the issue\'s year as the magazine files it; no other date on the page)',
    ),
    (
        "defensiekrant-2021-45",
        "2021",
        '"Dit artikel hoort bij: Defensiekrant 45", filed under /defensiekrant/2021/45/ (the issue\'s year as the magazine files it; body "eerder vandaag geland")',
    ),
    (
        "helis-2015",
        "2015-03-18",
        '"Netherlands Ministry of Defence, March 18, 2015 - Yesterday, a Royal Netherlands Air Force Apache helicopter crashed"',
    ),
    ("igihe-kazura", "2014-12-09", '"Redigé par IGIHE Le 9 décembre 2014 à 07:33"'),
    (
        "allafrica-civ-2022",
        "2022-12-08",
        '"8 Décembre 2022" under the headline (in the stored copy at the http:// address of the same story)',
    ),
    ("urdupoint-germany-2022", "2022-11-23", '"Published November 23, 2022"'),
    ("contrib-eldiariodehoy-2019-08-11", "2019-08-11", 'byline "Por David Marroquín 2019-08-11 4:00:47"'),
    ("contrib-daily-mirror-lk-2023-03-22", "2023-03-22", '"22 Mar 2023" under the headline'),
    ("trtworld-sevare-2016", "2016-05-31", 'byline "By Staff Reporter May 31, 2016"'),
    ("ap-indelimane-2017", "2017-11-25", '"November 25, 2017 GMT" under the headline'),
    (
        "guineenews-siby-2019",
        "2019-02",
        'the reprinted communiqué is signed "Conakry le 23 février 2019" (the page gives the day; the month recorded is a coarser form of it, left as is)',
    ),
    ("reliefweb-bambara-maoude-2021", "2021-01-13", 'dateline "Bamako, 13 January 2021 -"'),
    ("taiwannews-bambara-maoude-2021", "2021-01-15", 'byline "By Associated Press 2021/01/15 07:50"'),
    (
        "fxempire-songobia-2023",
        "2023-02-21",
        '"By: Reuters Updated: Feb 21, 2023, 19:05 UTC", the day of the Tuesday incident it reports (so first out that day too)',
    ),
]


@pytest.mark.parametrize(("source_id", "published", "shows"), PAGE_DATES, ids=[row[0] for row in PAGE_DATES])
def test_a_page_date_is_the_one_its_stored_copy_shows(source_id: str, published: str, shows: str) -> None:
    (source,) = [source for source in SOURCES if source["id"] == source_id]
    assert source.get("published") == published, f"{source_id}: its page shows {shows}"


# Pages whose text shows no date but whose address is a site's own date path in a form
# tools/url_dates.py does not read (a month's name, day/month/year): the address's date stands.
# (source, published, the path's date as it stands in the URL)
URL_PATH_DATES = [
    ("guardian-kidal-2017", "2017-06-10", "/2017/jun/10/"),
    ("guinee360-kidal-2016", "2016-02-12", "/12/02/2016/"),
]


@pytest.mark.parametrize(("source_id", "published", "path"), URL_PATH_DATES, ids=[row[0] for row in URL_PATH_DATES])
def test_a_date_path_the_tool_does_not_read_still_dates_its_page(source_id: str, published: str, path: str) -> None:
    (source,) = [source for source in SOURCES if source["id"] == source_id]
    assert path in source["url"] and source.get("published") == published
    assert url_dates.url_date(source["url"]) is None  # the form the tool leaves alone


def test_the_audited_lists_do_not_overlap() -> None:
    undated, dated = {row[0] for row in UNDATED}, {row[0] for row in PAGE_DATES}
    by_path = {row[0] for row in URL_PATH_DATES}
    assert len(undated) == len(UNDATED) == 53 and len(dated) == len(PAGE_DATES) == 59
    assert not undated & dated and not (undated | dated) & by_path


# --- a page cannot report a fact before it happened ---
#
# A source dated before the fact it is cited for can only announce it (a plan, an appointment made
# public ahead of the UN's own announcement) or give its background. Each such citation is named
# here with what the source supports; any other is a wrong date or a wrong citation.
AHEAD_OF_THE_FACT = {
    ("ev-2013-transfer", "reliefweb-2100"): "resolution 2100 (25 April 2013) set the transfer for 1 July",
    (
        "ev-2023-douentza",
        "abamako-2023-four-camps",
    ): "the second phase's plan (28 August 2023) to close Douentza by 15 December",
    ("ev-nl-2017-apaches-home", "leidschdagblad-2017"): "the first two Apaches' return earlier in January",
    ("ev-nl-2019-end", "metronieuws-2019"): "announces the end of the contribution on 1 May",
    ("ev-2022-france-leaves", "nieuws-nl-2022"): "the 40% estimate reported in May 2022 (the event's caveat)",
    ("ev-2022-germany-cap", "naanoo-2021"): "the 1,100 ceiling the Bundestag kept in May 2021",
    ("nl-2018", "hln-2017"): "the 2018 contribution as set by the September 2017 extension",
    ("nl-2018", "landmacht-2017"): "the 2018 contribution as planned in 2017 (Kamp Castor to Germany)",
    ("fc-kazura", "ghanamma-2013"): "his selection reported before the UN's appointment",
    ("fc-matthijssen", "defensie-matthijssen"): "the Dutch ministry's announcement before the UN's",
    ("fc-gaye", "minusma-rssg-2023"): "the handover remarks announce the interim from 9 January",
    (
        "contrib-lka-2019-11-13",
        "contrib-security-risks-asia-2019-11",
    ): "the company (20 officers, 223 other ranks) as it prepared to leave",
}


def reported_before(published: str, happened: str) -> bool:
    """Whether a document dated ``published`` was out before ``happened``, whatever days the two partial
    dates stand for: the last day ``published`` allows is before the first day ``happened`` allows."""
    return date_range(published)[1] < date_range(happened)[0]


@pytest.mark.parametrize(
    ("published", "happened", "before"),
    [
        ("2013-06-30", "2013-07-01", True),  # the day before
        ("2013-07-01", "2013-07-01", False),  # the day itself
        ("2013-07-02", "2013-07-01", False),  # the day after
        ("2013-06", "2013-07-01", True),  # a month that ends the day before
        ("2013-07", "2013-07-01", False),  # a month that holds the day
        ("2013-07-31", "2013-07", False),  # a day at either end of the month
        ("2013-07-01", "2013-07", False),
        ("2013-06-30", "2013-07", True),
        ("2012", "2013-01-01", True),
        ("2013", "2013-12-31", False),
        ("2013-12-31", "2014", True),
        ("2014-01-01", "2014", False),
    ],
)
def test_a_page_reports_before_a_fact_only_if_every_day_it_may_stand_for_is_earlier(
    published: str, happened: str, before: bool
) -> None:
    assert reported_before(published, happened) is before


def cited_before(fact_base: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str]]:
    """(record, source) for each dated source cited for an event, a contribution, a leader's
    appointment or start, a snapshot or a casualty count that it predates."""
    dated = {source["id"]: source["published"] for source in fact_base["sources"] if "published" in source}
    cited: list[tuple[str, str, list[str]]] = []
    for record in fact_base.get("events", []) + fact_base.get("contributions", []):
        cited.append((record["id"], record["date"], record["sources"]))
    for record in fact_base.get("leaders", []):
        days = [day for day in (record.get("appointed"), record.get("start")) if isinstance(day, str)]
        if days:
            cited.append((record["id"], min(days, key=lambda day: date_range(day)[0]), record["sources"]))
    for record in fact_base.get("snapshots", []):
        for claim in record["claims"]:
            cited.append((record["id"], record["date"], claim.get("sources", [])))
    for record in fact_base.get("casualties", []):
        if isinstance(record.get("end"), str):
            cited.append((record["id"], record["end"], record["sources"]))
    return {
        (record_id, source_id)
        for record_id, happened, source_ids in cited
        for source_id in source_ids
        if source_id in dated and reported_before(dated[source_id], happened)
    }


def test_the_check_finds_a_page_dated_before_what_it_reports() -> None:
    toy: dict[str, list[dict[str, Any]]] = {
        "sources": [{"id": "early", "published": "2020-05-31"}, {"id": "same", "published": "2020-06"}],
        "events": [{"id": "ev", "date": "2020-06-01", "sources": ["early", "same"]}],
        "leaders": [{"id": "fc", "appointed": "2020-06-02", "start": "2020-06-01", "sources": ["early"]}],
        "snapshots": [{"id": "snap", "date": "2020-06", "claims": [{"sources": ["same"]}, {"sources": ["early"]}]}],
    }
    assert cited_before(toy) == {("ev", "early"), ("fc", "early"), ("snap", "early")}


def test_no_page_reports_a_fact_before_it_happened_unless_it_announced_it() -> None:
    fact_base = json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))
    assert cited_before(fact_base) == set(AHEAD_OF_THE_FACT)
