"""The rules of the domain, one home each, used by every command and by the checks.

Leaders' terms and whether one covers a day (``terms``, ``in_office``, ``covers``), mandate periods
and the ceiling in force, the preferred claim of a disputed fact, sums of stated parts, fiscal
years, countries' names, names folded for lookup (``fold``, ``site_names``), and the UN's per-record
fatality series set against a stated count.
No I/O, no typer, no rich.
"""

import datetime as dt
import re
from collections.abc import Sequence
from typing import (
    TYPE_CHECKING,
    Literal,
    NamedTuple,
    TypeVar,
    cast,
)

from minusma.messages import LANGS, texts
from minusma.model.dates import (
    date_range,
    precision,
    sort_key,
)
from minusma.model.records import (
    Base,
    BudgetFigure,
    Casualties,
    Cause,
    Ceiling,
    Contribution,
    FactBase,
    Fatality,
    FigureClaim,
    Leader,
    Quantity,
    Resolution,
    StrengthClaim,
    Text,
)

if TYPE_CHECKING:
    pass


def fiscal_year_range(label: str) -> tuple[dt.date, dt.date]:
    """``2013/14`` -> 1 July 2013 .. 30 June 2014."""
    first = int(label[:4])
    return dt.date(first, 7, 1), dt.date(first + 1, 6, 30)


def fiscal_year_of(day: dt.date) -> str:
    """The fiscal year a day falls in: 30 June 2014 is in 2013/14, 1 July 2014 in 2014/15."""
    first = day.year if day.month >= 7 else day.year - 1
    return f"{first:04d}/{(first + 1) % 100:02d}"  # 0000/01 for a day of the year 1 before July


def fiscal_years(start: dt.date, end: dt.date) -> list[str]:
    """Every fiscal year from the one holding ``start`` to the one holding ``end``."""
    first, last = int(fiscal_year_of(start)[:4]), int(fiscal_year_of(end)[:4])
    return [f"{year:04d}/{(year + 1) % 100:02d}" for year in range(first, last + 1)]


def stated_sum(*parts: Quantity | None) -> int | None:
    """The sum of exact parts, or None when a part is missing or approximate."""
    total = 0
    for part in parts:
        if part is None or part["qualifier"] != "exact":
            return None
        total += part["value"]
    return total


def ceiling_total(ceiling: Ceiling) -> int:
    return ceiling["military"] + ceiling["police"]


def symbol_year(symbol: str) -> str | None:
    """The year a UN symbol carries: ``S/RES/2100 (2013)`` and ``S/2018/541`` carry theirs, ``SC/11021`` none."""
    if symbol.endswith(")") and symbol[-6:-5] == "(":
        return symbol[-5:-1]
    parts = symbol.split("/")
    if len(parts) == 3 and parts[0] == "S" and len(parts[1]) == 4 and parts[1].isdigit():
        return parts[1]
    return None


class MandatePeriod(NamedTuple):
    """A mandate resolution's period; ``start_stated`` is False where it follows the last end."""

    resolution: Resolution
    path: str
    start: str | None
    end: str | None
    start_stated: bool


def _day_after(date: str) -> str:
    """The first day after ``date``; the calendar's last day has none, so it stands for itself
    (a period that follows one ending there then fails the order checks instead of overflowing)."""
    last = date_range(date)[1]
    return (last + dt.timedelta(days=1) if last < dt.date.max else last).isoformat()


def mandate_periods(fact_base: FactBase) -> list[MandatePeriod]:
    """Establishment and renewals in adoption order. A renewal without a stated start
    begins the day after the previous mandate's end: the Council renews a running mandate."""
    indexed = sorted(
        (
            (index, resolution)
            for index, resolution in enumerate(fact_base["resolutions"])
            if resolution["kind"] in ("establishment", "renewal")
        ),
        key=lambda item: sort_key(item[1]["adopted"]),
    )
    periods: list[MandatePeriod] = []
    previous_end: str | None = None
    for index, resolution in indexed:
        start = resolution.get("mandate_start")
        stated = start is not None
        if start is None and previous_end is not None:
            start = _day_after(previous_end)
        end = resolution.get("mandate_end")
        periods.append(MandatePeriod(resolution, f"resolutions[{index}]", start, end, stated))
        previous_end = end or previous_end
    return periods


def ceiling_in_force(fact_base: FactBase, date: str) -> Resolution | None:
    """The latest resolution with a ceiling adopted on or before the start of ``date``."""
    day = date_range(date)[0]
    found: Resolution | None = None
    for resolution in fact_base["resolutions"]:
        if "ceiling" in resolution and date_range(resolution["adopted"])[1] <= day:
            if found is None or sort_key(resolution["adopted"]) > sort_key(found["adopted"]):
                found = resolution
    return found


def ceiling_change(fact_base: FactBase, date: str) -> Resolution | None:
    """The first resolution that changed the ceiling within ``date``'s period: adopted after its first
    day and by its last, with another military or police ceiling than the one in force on the first day
    (``ceiling_in_force``'s rule). A mean over such a period has no one ceiling to be measured against.
    A resolution adopted on the first day is in force on it, so changes nothing within the period."""
    first, last = date_range(date)
    start = ceiling_in_force(fact_base, date)
    changed: Resolution | None = None
    for resolution in fact_base["resolutions"]:
        if "ceiling" not in resolution:
            continue
        adopted = date_range(resolution["adopted"])[1]
        if not first < adopted <= last:
            continue
        ceiling = resolution["ceiling"]
        if start is not None and (ceiling["military"], ceiling["police"]) == (
            start["ceiling"]["military"],
            start["ceiling"]["police"],
        ):
            continue
        if changed is None or sort_key(resolution["adopted"]) < sort_key(changed["adopted"]):
            changed = resolution
    return changed


StartBasis = Literal["stated", "appointed", "predecessor", "attested", "unknown"]
EndBasis = Literal["stated", "successor", "attested", "open"]


class Term(NamedTuple):
    """A leader's time in office as every command shows it (one rule, used everywhere).

    ``start`` is the stated start, else the appointment, else (an undated interim) the end
    of the term it followed; ``end`` is the stated end, else for an interim the start of
    the next term of the same role; a term known only from one attested day runs that day.
    """

    leader: Leader
    start: str | None
    end: str | None
    start_basis: StartBasis
    end_basis: EndBasis


def terms(fact_base: FactBase) -> list[Term]:
    """Every leader's term, heads of mission first, each role in order of its start."""
    leaders = fact_base["leaders"]
    by_id = {leader["id"]: leader for leader in leaders}
    found: list[Term] = []
    for leader in leaders:
        start: str | None
        start_basis: StartBasis
        end: str | None = leader.get("end")
        end_basis: EndBasis = "stated" if end else "open"
        if "start" in leader:
            start, start_basis = leader["start"], "stated"
        elif "appointed" in leader:
            start, start_basis = leader["appointed"], "appointed"
        elif "attested" in leader:
            start, start_basis = leader["attested"], "attested"
            end, end_basis = leader["attested"], "attested"
        elif "after" in leader and leader["after"] in by_id:
            start, start_basis = by_id[leader["after"]].get("end"), "predecessor"
        else:
            start, start_basis = None, "unknown"
        if leader["acting"] and end_basis == "open" and start is not None:
            successor = _successor(leaders, leader, start)
            if successor is not None:
                end, end_basis = successor, "successor"
        found.append(Term(leader, start, end, start_basis, end_basis))
    return sorted(found, key=lambda term: (term.leader["role"] != "head_of_mission", term.start or "9999"))


def _successor(leaders: Sequence[Leader], interim: Leader, start: str) -> str | None:
    """The start of the first later term of the same role that is not itself an interim."""
    later = [
        leader.get("start") or leader.get("appointed")
        for leader in leaders
        if leader["role"] == interim["role"] and not leader["acting"] and leader is not interim
    ]
    return min((date for date in later if date is not None and date > start), default=None)


def covers(start: str | None, end: str | None, day: dt.date) -> tuple[bool, bool]:
    """(possibly, certainly): whether a period whose ends may be partial or unknown covers ``day``."""
    start_first, start_last = date_range(start) if start else (dt.date.min, dt.date.min)
    end_first, end_last = date_range(end) if end else (dt.date.max, dt.date.max)
    return start_first <= day <= end_last, start is not None and start_last <= day <= end_first


class InOffice(NamedTuple):
    """Whether a term covers a day: possibly, certainly, and why not certainly."""

    possibly: bool
    certainly: bool
    why: Text | None


def in_office(term: Term, day: dt.date) -> InOffice:
    """One rule for every term: a day is certain when it lies after every day the start may
    be and before every day the end may be. A boundary known only to the month or year is
    uncertain within that period; an appointment standing in for a start not found counts as
    known to its month; an undated interim is uncertain throughout; a caveat that doubts the
    role makes every day uncertain, one that doubts an open end every day after the start."""
    leader = term.leader
    if term.start is None:
        return InOffice(False, False, None)
    start_first, start_last = date_range(term.start)
    if term.start_basis == "appointed":
        start_last = date_range(term.start[:7])[1]
    end_first, end_last = date_range(term.end) if term.end else (dt.date.max, dt.date.max)
    if not start_first <= day <= end_last:
        return InOffice(False, False, None)
    doubt, caveat = leader.get("doubt"), leader.get("caveat")
    why: Text | None = None
    if doubt == "role" and caveat is not None:
        why = caveat
    elif term.start_basis == "predecessor":
        why = generated_text("at.unknown_term")
    elif day < start_last:
        if term.start_basis == "appointed":
            why = generated_text("at.from_appointment", appointed=term.start)
        else:
            why = generated_text("at.uncertain_start", start=term.start)
    elif day > end_first:
        why = generated_text("at.uncertain_end", end=term.end)
    elif doubt == "end" and term.end_basis == "open" and day > start_last and caveat is not None:
        why = caveat
    return InOffice(True, why is None, why)


def generated_text(key: str, /, **values: object) -> Text:
    """A text the tool writes (not the fact base): the message ``key`` in every language."""
    return cast(Text, texts(key, **values))


ClaimT = TypeVar("ClaimT", "StrengthClaim", "FigureClaim", "BudgetFigure")


def preferred_claim(claims: Sequence[ClaimT]) -> ClaimT:
    """The claim a disputed fact is shown by: the one ranked preferred (the checks ensure one)."""
    return next((claim for claim in claims if claim["rank"] == "preferred"), claims[0])


def country_names(code: str) -> Text:
    """A country's name in every language, from the table of countries: the English one in a
    language the table lacks, the code for a country it lacks."""
    from minusma.messages.countries import COUNTRIES

    names = COUNTRIES.get(code, {})
    return cast(Text, {lang: names.get(lang) or names.get("en", code) for lang in LANGS})


_PARTS = ("military", "police", "staff")


def contribution_size(contribution: Contribution) -> int:
    """The total where stated, else the sum of the stated parts."""
    if "total" in contribution:
        return contribution["total"]["value"]
    return sum(contribution[part]["value"] for part in _PARTS if part in contribution)  # type: ignore[literal-required]


class Tally(NamedTuple):
    """How many of the UN's records a stated count covers: ``low`` certainly, ``high`` possibly.

    A count's period runs from the first day its start may be; it ends on its as-of date, and an
    as-of date known only to the month or year may be any day of it (``low`` counts to its first
    day, ``high`` to its last). A count whose start and end are the same period (``2022`` to
    ``2022``) covers that whole period. A death whose cause the UN gives as to be determined or
    unknown may be hostile or not: it counts towards ``high`` only, for a count by cause.
    """

    low: int
    high: int


_HOSTILE: frozenset[str] = frozenset({"malicious_act"})
_OTHER: frozenset[str] = frozenset({"illness", "accident"})
_UNSETTLED: frozenset[str] = frozenset({"to_be_determined", "unknown"})


def series_tally(fatalities: Sequence[Fatality], stated: Casualties, cause: Cause) -> Tally:
    """What the per-record series gives for the period, country, personnel and cause of ``stated``."""
    start = date_range(stated["start"])[0]
    end_first, end_last = date_range(stated["end"])
    if stated["start"] == stated["end"]:
        end_first = end_last
    country = stated.get("country")
    scope = stated.get("personnel")
    low = high = 0
    for fatality in fatalities:
        if country is not None and fatality["country"] != country:
            continue
        if scope is not None and fatality["personnel"] not in scope:
            continue
        day_first, day_last = date_range(fatality["date"])
        if day_last < start or day_first > end_last:
            continue
        certain_day = day_first >= start and day_last <= end_first
        kind = fatality["cause"]
        if cause == "any" or kind in (_HOSTILE if cause == "hostile" else _OTHER):
            high += 1
            low += certain_day
        elif kind in _UNSETTLED:
            high += 1
    return Tally(low, high)


def series_agrees(quantity: Quantity, tally: Tally) -> bool | None:
    """Whether a stated figure fits the series: an exact one lies within it, "more than" and "at least"
    are possible; None for an approximate figure, which the series can neither confirm nor refute."""
    value, qualifier = quantity["value"], quantity["qualifier"]
    if qualifier == "exact":
        return tally.low <= value <= tally.high
    if qualifier == "more_than":
        return tally.high > value
    if qualifier == "at_least":
        return tally.high >= value
    return None


INCIDENT_MINIMUM = 3
"""Deaths from malicious acts on one day from which that day is an incident the timeline must tell."""


def deadly_days(fatalities: Sequence[Fatality], minimum: int = INCIDENT_MINIMUM) -> list[tuple[str, list[str]]]:
    """The days on which ``minimum`` or more people died of a malicious act in the UN's records, in
    date order, each with the nationalities of its dead (one code per death, sorted). A record dated
    only to a month or a year names no day and is left out."""
    by_day: dict[str, list[str]] = {}
    for fatality in fatalities:
        if fatality["cause"] == "malicious_act" and precision(fatality["date"]) == "day":
            by_day.setdefault(fatality["date"], []).append(fatality["country"])
    return [(day, sorted(countries)) for day, countries in sorted(by_day.items()) if len(countries) >= minimum]


BASIS_PREFERENCE: tuple[str, ...] = ("stated", "yearly_mean", "unit_sizes")
"""Which of a country's figures on one date stands for it, best first: a figure a source states
counts people on a day; RADPKO's yearly mean averages the UN's own monthly counts of each contingent;
Geo-PKO's estimate counts units on maps at nominal sizes, the coarsest (a company is about 150
whatever its real strength). The others stay, shown beside it, never added to it."""


def basis_rank(contribution: Contribution) -> int:
    """A contribution's place in ``BASIS_PREFERENCE``: 0 for a stated figure."""
    return BASIS_PREFERENCE.index(contribution.get("basis", "stated"))


_MARKS = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
)
"""Combining marks (accents, and the diacritics of Arabic and Hebrew): dropped in one C-level pass."""


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
"""The typographic apostrophes (’ ‘ ʼ) as the typed one: ``l'autorité`` finds ``l’autorité``."""


def fold(text: str) -> str:
    """Case-, accent- and apostrophe-insensitive form: 'Ménaka' and 'MENAKA' both become 'menaka',
    'N’Diaye' and "N'Diaye" both "n'diaye"."""
    if text.isascii():
        return text.lower()  # most texts: no accents to strip
    import unicodedata  # only search and names with accents need it

    return _MARKS.sub("", unicodedata.normalize("NFKD", text.casefold().translate(_APOSTROPHES)))


def site_names(base: Base) -> set[str]:
    """Every name a site is looked up by, folded: its id (with and without ``base-``), its name in every
    language, the spellings the datasets use, and each part of one (``Mopti/Sévaré``: ``sevare``)."""
    written = cast("dict[str, str]", base["name"]).values()  # every language the record has
    names = {base["id"], base["id"].removeprefix("base-"), *written, *base["spellings"]}
    parts = {part for name in names for part in re.split(r"\s*[/()]\s*", name) if part}
    return {fold(name) for name in names | parts}
