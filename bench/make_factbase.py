"""Write a valid, deterministic fact base with N timeline events: python bench/make_factbase.py N PATH.

The shipped fact base is the seed: all its facts are kept, and events are generated
until there are N, with proportionally many sources, strength snapshots, leaders
and casualty figures (one of each per 100 events), all citing generated sources.
"""

from __future__ import annotations

import calendar
import json
import sys
from pathlib import Path
from typing import Any

from minusma.messages import LANGS

SEED = Path(__file__).resolve().parents[1] / "data" / "minusma.json"
CATEGORIES = ["context", "mission", "strength", "casualties", "netherlands", "withdrawal"]
PLACES = ["Gao", "Kidal", "Tessalit", "Ménaka", "Timbuktu", "Mopti", "Bamako", "Aguelhok", "Ber", "Goundam"]


def _date(index: int) -> str:
    """Spread dates over July 2013 to June 2023, at day, month or year precision in turn."""
    months = index % 120
    year, month = 2013 + (months + 6) // 12, (months + 6) % 12 + 1
    day = index % calendar.monthrange(year, month)[1] + 1
    kind = index % 10
    if kind == 0:
        return f"{year}"
    if kind < 3:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{day:02d}"


def _text(**words: str) -> dict[str, str]:
    """A text in every language of the tool: English where no words are given for one."""
    return {lang: words.get(lang, words["en"]) for lang in LANGS}


def make(count: int) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    extra = max(1, count // 100)
    sources = [
        {
            "id": f"gen-source-{index}",
            "title": f"Generated report {index}",
            "publisher": "minusma benchmark",
            "url": f"https://example.org/report/{index}",
            "language": "en" if index % 2 else "fr",
        }
        for index in range(extra)
    ]
    data["sources"] += sources
    data["events"] += [
        {
            "id": f"gen-event-{index}",
            "date": _date(index),
            "category": CATEGORIES[index % len(CATEGORIES)],
            "text": _text(
                en=f"Generated event {index}: a patrol reaches {PLACES[index % len(PLACES)]}.",
                nl=f"Gegenereerde gebeurtenis {index}: een patrouille bereikt {PLACES[index % len(PLACES)]}.",
                fr=f"Événement généré {index} : une patrouille atteint {PLACES[index % len(PLACES)]}.",
            ),
            "sources": [f"gen-source-{index % extra}"],
        }
        for index in range(max(0, count - len(data["events"])))
    ]
    for index in range(extra):
        year = 2014 + index % 9
        data["snapshots"].append(
            {
                "id": f"gen-strength-{index}",
                "date": f"{year}-{index % 12 + 1:02d}-{index % 28 + 1:02d}",
                "claims": [
                    {
                        "rank": "preferred",
                        "military": {"value": 9000 + index % 2000, "qualifier": "exact"},
                        "police": {"value": 1000 + index % 400, "qualifier": "exact"},
                        "sources": [f"gen-source-{index}"],
                    }
                ],
            }
        )
        data["leaders"].append(
            {
                "id": f"gen-leader-{index}",
                "name": f"Generated Officer {index}",
                "role": "force_commander",
                "acting": True,
                "nationality": _text(en="Generated", nl="Gegenereerd", fr="Généré"),
                "start": f"{year}-{index % 12 + 1:02d}",
                "end": f"{year}-{index % 12 + 1:02d}",
                "sources": [f"gen-source-{index}"],
            }
        )
        data["casualties"].append(
            {
                "id": f"gen-casualties-{index}",
                "start": "2013-07",
                "end": f"{year}",
                "counts": [
                    {"outcome": "killed", "cause": "any", "value": {"value": index % 300, "qualifier": "exact"}}
                ],
                "note": _text(en="Generated figure.", nl="Gegenereerd cijfer.", fr="Chiffre généré."),
                "sources": [f"gen-source-{index}"],
            }
        )
    return data


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[1].isdigit():
        sys.stderr.write("usage: python bench/make_factbase.py N PATH\n")
        return 2
    Path(argv[2]).write_text(json.dumps(make(int(argv[1])), ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
