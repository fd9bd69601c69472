"""The attacks the timeline names cite the UN's own words: the Secretary-General's statement, the
Security Council's, or the mission's release, read on a UN site (or, for one, its copy on ReliefWeb).
Where those words differ from the news the event first cited, the event says so."""

from __future__ import annotations

from typing import Any

import pytest

from minusma.load import load

UN_PUBLISHERS = (
    "UN Press",
    "United Nations Secretary-General",
    "UN Peacekeeping",
    "UN News",
    "MINUSMA (UN mission site)",
    "United Nations Information Centre",
)
ATTACKS = [
    "ev-2014-aguelhok-bomb", "ev-2014-kidal-mine", "ev-2014-aguelhok-mine", "ev-2014-indelimane", "ev-2015-goundam",
    "ev-2016-kidal-camp", "ev-2016-aguelhok-ambush", "ev-2016-sevare", "ev-2017-gao-moc", "ev-2017-kidal",
    "ev-2017-douentza-timbuktu", "ev-2017-anefis-gao", "ev-2017-tessalit-aguelhok", "ev-2017-indelimane",
    "ev-2018-boni-douentza", "ev-2018-timbuktu-camp", "ev-2019-aguelhok", "ev-2019-siby", "ev-2020-aguelhok",
    "ev-2021-bambara-maoude", "ev-2021-aguelhok-camp", "ev-2021-bandiagara", "ev-2022-tessalit-mine",
    "ev-2023-songobia", "ev-2019-ogossagou-massacre",
]  # fmt: skip


def _by_id(records: list[Any], wanted: str) -> Any:
    return next(record for record in records if record["id"] == wanted)


@pytest.mark.parametrize("event_id", ATTACKS)
def test_the_attack_cites_a_page_the_un_published(event_id: str) -> None:
    fact_base = load()
    sources = {source["id"]: source for source in fact_base["sources"]}
    cited = [sources[source] for source in _by_id(fact_base["events"], event_id)["sources"]]
    assert any(source["publisher"].startswith(UN_PUBLISHERS) for source in cited), event_id


def test_a_copy_read_elsewhere_keeps_the_un_as_its_publisher() -> None:
    # SG/SM/19438 was read in ReliefWeb's copy: the publisher is who issued it, the copy is the URL.
    source = _by_id(load()["sources"], "un-press-sgsm19438")
    assert source["publisher"] == "UN Press" and source["symbol"] == "SG/SM/19438"
    assert source["url"].startswith("https://reliefweb.int/")


def test_ev_2017_douentza_timbuktu_names_the_secretary_general_s_six_contractors() -> None:
    # SG/SM/18644: "A United Nations peacekeeper, a Malian soldier and a member of the Malian gendarmerie
    # were killed, as were six Malian contractors."
    event = _by_id(load()["events"], "ev-2017-douentza-timbuktu")
    assert "un-press-sgsm18644" in event["sources"]
    assert "six Malian contractors" in event["caveat"]["en"]
    assert "zes gedode Malinese contractanten" in event["caveat"]["nl"]
    assert "six contractuels maliens" in event["caveat"]["fr"]


def test_ev_2017_douentza_timbuktu_gives_the_order_of_the_attacks_as_its_sources_do() -> None:
    # Agence Afrique: Timbuktu was attacked "lundi après-midi"; "Plu[s] tôt dans la même journée", Douentza.
    # No cited page gives the hour of the Douentza attack, so the text no longer says "at dawn".
    event = _by_id(load()["events"], "ev-2017-douentza-timbuktu")
    assert "agenceafrique-2017-08" in event["sources"]
    texts = event["text"]
    assert "first on its camps at Douentza" in texts["en"] and "then, in the afternoon" in texts["en"]
    assert "eerst op de kampen in Douentza" in texts["nl"] and "daarna, 's middags" in texts["nl"]
    assert "d’abord contre ses camps de Douentza" in texts["fr"] and "puis, l’après-midi" in texts["fr"]
    assert not any(word in texts[lang] for lang, word in (("en", "dawn"), ("nl", "zonsopgang"), ("fr", "aube")))


def test_ev_2016_kidal_camp_keeps_the_same_day_toll_of_at_least_five() -> None:
    # The Secretary-General's statement, New York, 12 February 2016: "claimed the lives of at least five
    # peacekeepers and injured approximately 30"; the event's six is the later count, with the UN's records.
    event = _by_id(load()["events"], "ev-2016-kidal-camp")
    assert "un-sg-2016-kidal-camp" in event["sources"]
    assert "six Guinean peacekeepers" in event["text"]["en"]
    assert "at least five peacekeepers" in event["caveat"]["en"]
    assert "ten minste vijf" in event["caveat"]["nl"] and "au moins cinq" in event["caveat"]["fr"]


def test_ev_2022_ivorian_soldiers_keeps_the_un_s_denial_beside_the_ivorian_claim() -> None:
    # Anadolu Agency: "A request from Côte d'Ivoire to deploy national support elements was approved in
    # 2019. However, no troops have been deployed under this convention since then." (Farhan Haq)
    event = _by_id(load()["events"], "ev-2022-ivorian-soldiers")
    assert "eighth rotation" in event["text"]["en"]
    assert event["sources"][-1] == "aa-ivorian-soldiers-2022"
    assert "approved in 2019" in event["caveat"]["en"] and "2019" in event["caveat"]["nl"] + event["caveat"]["fr"]


def test_ev_2018_timbuktu_camp_says_at_least_15_attackers_as_crisis24_does() -> None:
    # Crisis24: "At least 15 assailants were killed"; the Irish Independent: "15 attackers were killed".
    text = _by_id(load()["events"], "ev-2018-timbuktu-camp")["text"]
    assert "at least 15 attackers" in text["en"]
    assert "ten minste 15 aanvallers" in text["nl"] and "au moins 15 assaillants" in text["fr"]


def test_ev_2021_bandiagara_names_the_region_as_the_secretary_general_does() -> None:
    # SG/SM/21070: "in the region of Bandiagara, in central Mali".
    text = _by_id(load()["events"], "ev-2021-bandiagara")["text"]
    assert "in the Bandiagara region (central Mali)" in text["en"]
    assert "Mopti" not in text["en"] + text["nl"] + text["fr"]


def test_ev_nl_2015_apache_crash_keeps_the_early_20_km_report_beside_the_ministry_s_47() -> None:
    event = _by_id(load()["events"], "ev-nl-2015-apache-crash")
    assert "47 km" in event["text"]["en"]
    for lang in ("en", "nl", "fr"):
        assert "47 km" in event["caveat"][lang] and "20 km" in event["caveat"][lang]


def test_ev_2015_kidal_rockets_says_the_weapon_is_not_settled() -> None:
    # France Info: "des tirs de roquette ou de mortiers s'abattent sur le camp".
    event = _by_id(load()["events"], "ev-2015-kidal-rockets")
    assert "francetvinfo-kidal-2015" in event["sources"]
    assert "rocket or mortar" in event["caveat"]["en"]
    assert "raket- of mortiervuur" in event["caveat"]["nl"] and "roquette ou de mortier" in event["caveat"]["fr"]
