"""tools/url_dates.py: a date a source's URL shows, and the ``published`` it agrees with."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

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
    assert len(both) >= 250  # the test sees the sources it is about
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
    for path in sorted(folder.glob("**/*.provenance.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        records[item["url"]] = item
    return records


def test_a_data_file_kept_with_its_provenance_is_cited_as_a_dataset() -> None:
    provenance = _provenance()
    kept = [source for source in SOURCES if source["url"] in provenance]
    assert len(kept) >= 8  # PEMA, Geo-PKO (4), RADPKO, the UN's fatality records (2)
    assert {source["id"]: source.get("kind") for source in kept} == {source["id"]: "dataset" for source in kept}
    assert {source["id"] for source in SOURCES if source.get("kind") == "dataset"} == {source["id"] for source in kept}


def test_a_dataset_is_dated_only_by_the_update_its_producer_states() -> None:
    # Geo-PKO's and RADPKO's versions are the years they cover and PEMA's "v4" is a name: no update date,
    # so no ``published`` (a commit's date is when a copy was pushed, not when the producer released it).
    provenance = _provenance()
    for source in SOURCES:
        if source["url"] in provenance:
            assert source.get("published") == provenance[source["url"]].get("last_update"), source["id"]
