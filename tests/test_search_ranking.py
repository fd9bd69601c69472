"""`minusma search Ber`, in a real process: the site and the camp's event before 'Bert' and 'December'.

A hostile tester found Ber (base-ber) and the event about the Ber camp (ev-2023-ber) 38th, behind
Bert Koenders and every fact that mentions December or November: search matched inside words and
ranked by how many texts held the match, not by how the word stood."""

from __future__ import annotations

import csv
import io
import json
import re

from installed import in_english

minusma = in_english


WHOLE_BER = re.compile(r"(?<![^\W_])ber(?![^\W_])", re.IGNORECASE)


def _holds_ber_as_a_word(hit: dict[str, object]) -> bool:
    shown = hit["text"]
    assert isinstance(shown, dict)
    return any(WHOLE_BER.search(words) for words in shown.values())


def test_search_ber_lists_the_site_and_the_camps_event_before_bert_and_december() -> None:
    result = minusma("search", "Ber", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)["hits"]
    ids = [hit["id"] for hit in hits]
    assert {"base-ber", "ev-2023-ber", "hom-koenders"} <= set(ids)
    first = max(ids.index("base-ber"), ids.index("ev-2023-ber"))
    bert = ids.index("hom-koenders")
    december = [
        at
        for at, hit in enumerate(hits)
        if "December" in hit["text"]["en"] and not _holds_ber_as_a_word(hit)  # type: ignore[index]
    ]
    assert december, "no hit for December: the test would prove nothing"
    assert first < bert and first < min(december)
    # every hit where Ber stands as a word comes before every other; scores never rise down the list
    standing = [_holds_ber_as_a_word(hit) for hit in hits]
    assert standing == sorted(standing, reverse=True)
    assert [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
    assert hits[ids.index("base-ber")]["score"] == 12 and hits[bert]["score"] == 8


def test_search_ber_as_csv_keeps_the_order() -> None:
    as_json = [hit["id"] for hit in json.loads(minusma("search", "Ber", "--json").stdout)["hits"]]
    result = minusma("search", "Ber", "--csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["id"] for row in rows] == as_json
    assert [row["id"] for row in rows].index("base-ber") < [row["id"] for row in rows].index("hom-koenders")


def test_a_place_name_finds_its_site_first() -> None:
    """The README's 'find anything that mentions a place' (`minusma search Kidal`): the site by that
    name leads, in any of its languages, before the sites of its region and what mentions it."""
    for typed, site in (("Kidal", "base-kidal"), ("Menaka", "base-menaka"), ("Timbuktu", "base-tombouctou"),
                        ("tombouctou", "base-tombouctou"), ("Gao", "base-gao"), ("Ber", "base-ber")):  # fmt: skip
        result = minusma("search", typed, "--json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["hits"][0]["id"] == site, typed
