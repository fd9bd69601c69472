"""The map says when its sites are the liquidation's: a date after the withdrawal was completed
(2023-12-31) titles the map "during the liquidation", as the table's note says; the day itself and
the days before keep "in use". Run as users run it: the installed command, the SVG read back."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest

from installed import in_english

pytest.importorskip("matplotlib")


def _title(*args: str) -> str:
    done = in_english("bases", "--chart", "--format", "svg", *args)
    assert done.returncode == 0, done.stderr
    root = ElementTree.fromstring(done.stdout)
    return root.findtext("{http://www.w3.org/2000/svg}title") or ""


@pytest.mark.parametrize(
    ("day", "title"),
    [
        ("2023-12-30", "MINUSMA's sites in use: 2023-12-30"),
        ("2023-12-31", "MINUSMA's sites in use: 2023-12-31"),
        ("2024-01-01", "MINUSMA's sites during the liquidation: 2024-01-01"),
    ],
)
def test_the_title_names_the_liquidation_from_the_day_after_the_withdrawal(day: str, title: str) -> None:
    assert _title("--at", day) == title


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("nl", "Locaties van MINUSMA tijdens de liquidatie: 2024-03-01"),
        ("fr", "Sites de la MINUSMA pendant la liquidation\xa0: 2024-03-01"),
    ],
)
def test_the_liquidation_title_in_every_language(lang: str, title: str) -> None:
    assert _title("--lang", lang, "--at", "2024-03-01") == title


@pytest.mark.parametrize("day", ["2025", "2030-06-01"])
def test_a_day_deep_in_the_liquidation_with_no_site_left_is_titled_so_too(day: str) -> None:
    """Once the datasets' rows run out (Geo-PKO's last are 2024), the title still follows the day asked."""
    assert _title("--at", day).startswith("MINUSMA's sites during the liquidation: ")
