"""Small fact bases for the rule tests (tests/test_rules_*.py): one record on each boundary.

Each builder returns plain data as the schema has it; ``tiny()`` is the smallest fact base that
breaks no rule, which a test then changes. The rules are called on the data directly
(``check_fact_base``, the questions in ``query``), so a boundary that moves fails a test here
whatever the shipped fact base holds.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from minusma.messages import LANGS
from minusma.model import FactBase, Problem, check_fact_base

SOURCE = "src-a"


def text(words: str = "words") -> dict[str, str]:
    """The same words in every language (a rule test needs no translation)."""
    return dict.fromkeys(LANGS, words)


def q(value: int, qualifier: str = "exact", formula: str | None = None) -> dict[str, Any]:
    quantity: dict[str, Any] = {"value": value, "qualifier": qualifier}
    if formula is not None:
        quantity["formula"] = formula
    return quantity


def day(text_date: str) -> dt.date:
    return dt.date.fromisoformat(text_date)


def source(identifier: str = SOURCE, **fields: Any) -> dict[str, Any]:
    record = {
        "id": identifier,
        "title": f"Title of {identifier}",
        "publisher": "Publisher",
        "url": f"https://example.org/{identifier}",
        "language": "en",
    }
    return record | fields


def ceiling(military: int, police: int, **fields: Any) -> dict[str, Any]:
    return {"military": military, "police": police, "sources": [SOURCE]} | fields


def resolution(
    identifier: str,
    number: int,
    adopted: str,
    kind: str = "renewal",
    start: str | None = None,
    end: str | None = None,
    **fields: Any,
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": identifier,
        "number": number,
        "adopted": adopted,
        "kind": kind,
        "summary": text(f"resolution {number}"),
        "sources": [SOURCE],
    }
    if start is not None:
        record["mandate_start"] = start
    if end is not None:
        record["mandate_end"] = end
    return record | fields


def leader(identifier: str, role: str = "head_of_mission", acting: bool = False, **fields: Any) -> dict[str, Any]:
    record = {
        "id": identifier,
        "name": f"Name {identifier}",
        "role": role,
        "acting": acting,
        "nationality": text("Nowhere"),
        "sources": [SOURCE],
    }
    return record | fields


def claim(rank: str = "preferred", **parts: Any) -> dict[str, Any]:
    return {"rank": rank, **parts, "sources": [SOURCE]}


def snapshot(identifier: str, date: str, *claims: dict[str, Any]) -> dict[str, Any]:
    return {"id": identifier, "date": date, "claims": list(claims) or [claim(military=q(100))]}


def contribution(identifier: str, country: str, date: str, **parts: Any) -> dict[str, Any]:
    return {"id": identifier, "country": country, "date": date, **parts, "sources": [SOURCE]}


def event(identifier: str, date: str, words: str = "event words", category: str = "mission") -> dict[str, Any]:
    return {"id": identifier, "date": date, "category": category, "text": text(words), "sources": [SOURCE]}


def tiny(**changes: Any) -> dict[str, Any]:
    """A fact base of one mission (2013-04-25 to 2023-12-31), one establishing resolution with a
    ceiling, one Dutch phase and nothing else; ``changes`` replace its top-level keys."""
    data: dict[str, Any] = {
        "header": {"schema_version": "1.0", "as_of": "2024-01", "title": text("t"), "description": text("d")},
        "mission": {
            "id": "mission",
            "abbreviation": "MINUSMA",
            "name_en": "Mission",
            "name_fr": "Mission",
            "name_nl": "Missie",
            "headquarters": text("Bamako"),
            "established": "2013-04-25",
            "operational": "2013-07-01",
            "mandate_ended": "2023-06-30",
            "withdrawal_completed": "2023-12-31",
            "liquidation_from": "2024-01-01",
            "status": text("ended"),
            "summary": text("summary"),
            "sources": [SOURCE],
        },
        "sources": [source()],
        "events": [],
        "resolutions": [
            resolution(
                "res-1", 2100, "2013-04-25", "establishment", "2013-07-01", "2014-06-30", ceiling=ceiling(11200, 1440)
            )
        ],
        "mandate": {
            "id": "mandate",
            "tasks_resolution": "res-1",
            "tasks": [{"id": "task-1", "text": text("task"), "sources": [SOURCE]}],
            "legal_basis": text("Chapter VII"),
            "use_of_force": text("all necessary means"),
            "sources": [SOURCE],
        },
        "leaders": [],
        "snapshots": [],
        "casualties": [],
        "netherlands": {
            "summary": text("summary"),
            "phases": [
                {
                    "id": "phase-1",
                    "start": "2014-04",
                    "end": "2019-05",
                    "name": text("p"),
                    "text": text("p"),
                    "sources": [SOURCE],
                }  # fmt: skip
            ],
            "figures": [],
        },
        "errata": [],
    }
    data.update(changes)
    return data


def facts(data: dict[str, Any]) -> FactBase:
    return cast(FactBase, data)


def problems(data: dict[str, Any]) -> list[Problem]:
    return check_fact_base(facts(data))


def keys(data: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Each problem as (severity, path, message id): what a rule reports, and where."""
    return [(problem.severity, problem.path, problem.message.key) for problem in problems(data)]


def said(data: dict[str, Any]) -> list[str]:
    """Each problem as ``severity path: message`` in English: the values a message names are part of the rule."""
    return [f"{problem.severity} {problem.path}: {problem.message.said('en')}" for problem in problems(data)]
