"""The facts themselves: the figures people look up, checked against the dossier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from minusma import query
from minusma.core_schema import CORE_SCHEMA
from minusma.load import load
from minusma.messages import LANGS
from minusma.model import cited_facts, core_schema, json_schema

REPO = Path(__file__).resolve().parents[1]


def test_ceiling_of_resolution_2100_is_corrected_to_1440_police() -> None:
    ceiling = query.ceilings(load())[0]
    assert (ceiling["resolution"], ceiling["military"], ceiling["police"], ceiling["total"]) == (
        2100,
        11200,
        1440,
        12640,
    )
    assert ceiling["total_stated"] is True


def test_the_excerpts_errors_are_recorded_as_corrections() -> None:
    errata = {item["id"]: item for item in query.errata(load())["errata"]}
    assert "1,140" in errata["err-police-ceiling"]["claimed"]["en"]
    assert "1,440" in errata["err-police-ceiling"]["corrected"]["en"]
    assert "mid-2013" in errata["err-traore-request"]["claimed"]["en"]
    assert "February 2013" in errata["err-traore-request"]["corrected"]["en"]
    assert "30 June 2023" in errata["err-2690-date"]["corrected"]["en"]
    assert "14 January 2016" in errata["err-hamdi-term"]["corrected"]["en"]


def test_september_2013_keeps_both_claims_with_the_un_figure_preferred() -> None:
    snapshot = next(item for item in load()["snapshots"] if item["id"] == "strength-2013-09")
    claims = {claim["rank"]: claim for claim in snapshot["claims"]}
    assert claims["preferred"]["uniformed"] == {"value": 6010, "qualifier": "exact"}
    assert (claims["preferred"]["military"]["value"], claims["preferred"]["police"]["value"]) == (5201, 809)
    assert claims["normal"]["uniformed"]["value"] == 6039
    assert (claims["normal"]["military"]["value"], claims["normal"]["police"]["value"]) == (5219, 820)
    assert "reason" in claims["preferred"] and "caveat" in claims["normal"]


def test_fill_rates_are_computed_for_each_claim() -> None:
    rows = [row for row in query.compare(load())["comparison"] if row["date"] == "2013-09"]
    assert [row["fill_rate"]["uniformed"] for row in rows] == [
        {"percent": 47.5, "qualifier": "exact"},  # 6,010 / 12,640
        {"percent": 47.8, "qualifier": "exact"},  # 6,039 / 12,640
    ]
    assert [row["fill_rate"]["police"]["percent"] for row in rows] == [56.2, 56.9]  # 809 and 820 of 1,440


def test_the_2018_fill_rate_matches_the_sources_own_88_8_percent() -> None:
    row = next(row for row in query.compare(load())["comparison"] if row["date"] == "2018-03")
    assert row["fill_rate"]["military"] == {"percent": 88.8, "qualifier": "exact"}


def test_dutch_total_is_about_6000_with_the_conflicting_claims_kept() -> None:
    figure = next(item for item in load()["netherlands"]["figures"] if item["id"] == "nl-total-served")
    values = [(claim["rank"], claim["value"]["value"], claim["value"]["qualifier"]) for claim in figure["claims"]]
    assert values == [("preferred", 6000, "about"), ("normal", 4300, "about"), ("normal", 11000, "about")]


def test_every_erratum_about_the_excerpt_names_the_dutch_wikipedia_article() -> None:
    # The veterans' page reproduces the excerpt word for word, so a claim found there is the excerpt's.
    errata = load()["errata"]
    about_excerpt = [erratum for erratum in errata if "veteranen-artillerie" in erratum["claimed_in"]]
    assert len(about_excerpt) >= 9
    for erratum in errata:
        assert ("wikipedia-nl-minusma" in erratum["claimed_in"]) == (erratum in about_excerpt), erratum["id"]
        if erratum in about_excerpt:
            assert erratum["claimed_in"][0] == "wikipedia-nl-minusma", erratum["id"]


def test_the_first_leaders_and_their_terms() -> None:
    leaders = {leader["id"]: leader for leader in load()["leaders"]}
    assert (leaders["hom-koenders"]["start"], leaders["hom-koenders"]["end"]) == ("2013-07-01", "2014-10")
    assert leaders["fc-kazura"]["end"] == "2014-12"  # only the month is known
    assert leaders["fc-kazura"]["nationality"]["en"] == "Rwanda"
    assert leaders["hom-hamdi"]["appointed"] == "2014-12-12" and leaders["hom-hamdi"]["end"] == "2016-01-14"


def test_every_mandate_resolution_is_there_with_its_dates() -> None:
    resolutions = {item["number"]: item for item in load()["resolutions"]}
    assert set(resolutions) == {2085, 2100, 2164, 2227, 2295, 2359, 2364, 2391, 2423, 2480, 2531, 2584, 2640, 2690}
    assert resolutions[2100]["adopted"] == "2013-04-25"
    assert resolutions[2164]["adopted"] == "2014-06-25" and resolutions[2164]["mandate_end"] == "2015-06-30"
    assert resolutions[2227]["adopted"] == "2015-06-29"  # a dispatch of Tuesday 30 June 2015 says "on Monday"
    assert (
        resolutions[2391]["adopted"] == "2017-12-08"
    )  # the French text: "Adoptée ... à sa 8129e séance, le 8 décembre 2017"
    assert resolutions[2690]["adopted"] == "2023-06-30"
    assert resolutions[2295]["ceiling"]["military"] == 13289 and resolutions[2295]["ceiling"]["police"] == 1920


def test_seven_mandate_tasks_and_force_tied_to_named_tasks() -> None:
    mandate = query.mandate(load())
    assert len(mandate["tasks"]) == 7
    assert "not for every task" in mandate["use_of_force"]["en"]


def test_every_fact_cites_a_listed_source_and_every_source_is_cited() -> None:
    fact_base = load()
    listed = {source["id"] for source in fact_base["sources"]}
    cited = set()
    for fact in cited_facts(fact_base):
        assert fact.sources, fact
        cited.update(fact.sources)
    reports = {source["id"] for source in fact_base["sources"] if source.get("kind") == "report"}
    assert cited <= listed and listed - cited <= reports  # only a report read for the record may stand uncited
    assert len(reports) >= 30


def test_texts_are_trilingual_and_never_the_excerpt_verbatim() -> None:
    excerpt = REPO / "tests" / "fixtures" / "nl-wikipedia-minusma-excerpt.txt"
    data: Any = json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))
    texts: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if {"en", "nl"} <= set(item) and all(isinstance(value, str) for value in item.values()):
                assert list(item) == list(LANGS) and all(value.strip() for value in item.values()), item
                texts += [item[lang] for lang in LANGS]
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    assert len(texts) > 800
    sentences = [
        s.strip() for s in excerpt.read_text(encoding="utf-8").replace("\n", " ").split(".") if len(s.strip()) > 40
    ]
    assert len(sentences) > 5  # the check below has something to check
    for sentence in sentences:
        assert not any(sentence in text for text in texts), sentence


def test_the_schema_file_matches_the_model_and_the_fact_base_names_it() -> None:
    on_disk = json.loads((REPO / "data" / "minusma.schema.json").read_text(encoding="utf-8"))
    assert on_disk == json_schema(), "run: minusma schema > data/minusma.schema.json"
    assert (
        json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))["$schema"] == "./minusma.schema.json"
    )


def test_the_verified_digest_is_that_of_the_shipped_file() -> None:
    import hashlib

    from minusma.load import validate
    from minusma.verified import SHIPPED_SHA256, SHIPPED_SIZE

    _, problems = validate(REPO / "data" / "minusma.json")
    assert problems == []
    digest = hashlib.sha256((REPO / "data" / "minusma.json").read_bytes()).hexdigest()
    assert digest == SHIPPED_SHA256, "the fact base changed: run 'python tests/refresh_digest.py'"
    assert (REPO / "data" / "minusma.json").stat().st_size == SHIPPED_SIZE


def test_the_fast_path_gives_what_validation_gives() -> None:
    from minusma.load import parse

    data = (REPO / "data" / "minusma.json").read_bytes()
    validated, problems = parse(data, "shipped")
    assert problems == [] and load() == validated


def test_an_edited_shipped_file_is_validated_again(tmp_path: Path) -> None:
    import pytest

    from minusma.errors import FactBaseError

    edited = tmp_path / "minusma.json"
    edited.write_bytes((REPO / "data" / "minusma.json").read_bytes().replace(b'"police": 1440', b'"police": 1140', 1))
    with pytest.raises(FactBaseError, match="stated total 12,640 is not military 11,200 \\+ police 1,140"):
        load(edited)


def test_source_dates_and_symbols_agree_with_what_their_urls_show() -> None:
    """``published`` and ``symbol`` are never guessed: where a URL shows them, the record agrees."""
    import re

    sources = load()["sources"]
    releases = 0
    for source in sources:
        url, published, symbol = source["url"], source.get("published"), source.get("symbol")
        if source.get("kind") == "resolution":  # a copy of a resolution is dated by its adoption
            assert symbol is not None and symbol.startswith("S/RES/") and published is not None, source
            continue
        day = re.search(r"/(\d{4})/(\d{1,2})/(\d{1,2})/", url)
        if day and "magazines.defensie.nl" not in url:
            assert published == f"{day[1]}-{int(day[2]):02d}-{int(day[3]):02d}", source
        press = re.search(r"(?:press\.un\.org|un\.org/press)/(?:en|fr)/(\d{4})/(sc|sga)(\d+)\.doc\.htm$", url)
        if press:
            releases += 1
            assert published is not None and published.startswith(press[1]), source
            assert symbol == {"sc": "SC/", "sga": "SG/A/"}[press[2]] + press[3], source
        if symbol is not None and symbol.startswith("S/RES/"):
            assert source.get("kind") == "resolution", source
    assert releases == 14
    assert sum("published" in source for source in sources) > 80
    assert sum("kind" in source for source in sources) > 180


def test_a_magazine_issue_number_is_not_read_as_a_month() -> None:
    sources = {source["id"]: source for source in load()["sources"]}
    assert sources["defensiekrant-2021-45"].get("published") == "2021"  # issue 45, not a month
    assert sources["landmacht-2017"].get("published") == "2017"


def test_the_stored_core_schema_is_the_models() -> None:
    """load validates with the schema stored in core_schema.py, so that it never imports pydantic."""
    assert json.loads(CORE_SCHEMA) == core_schema(), "the model changed: run 'python tests/refresh_digest.py'"
