"""Partial dates: ``2014`` (a year), ``2019-05`` (a month), ``2013-04-25`` (a day).

Parsing with the calendar checked, the one pattern pydantic-core matches, the precision of a
date and the first and last day it may stand for. No I/O, no typer, no rich.
"""

import calendar
import datetime as dt
from functools import cache
from typing import (
    TYPE_CHECKING,
    Annotated,
    Literal,
    TypeAlias,
)

from minusma.messages import Message

if TYPE_CHECKING:
    from pydantic import StringConstraints


Precision = Literal["year", "month", "day"]
_PRECISION_BY_LENGTH: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


class DateError(ValueError):
    """A date string that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date; ``message`` says which."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.said("en"))
        self.message = message


def parse_partial_date(text: str) -> tuple[int, int | None, int | None]:
    """Split ``2013``, ``2013-04`` or ``2013-04-25`` into its parts, checking the calendar."""
    parts = text.split("-")
    shape_ok = (
        1 <= len(parts) <= 3
        and len(parts[0]) == 4
        and all(len(part) == 2 for part in parts[1:])
        and all(part.isascii() and part.isdigit() for part in parts)
    )
    if not shape_ok:
        raise DateError(Message("date.shape", {"text": text}))
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else None
    day = int(parts[2]) if len(parts) > 2 else None
    if year < 1:
        raise DateError(Message("date.year", {"text": text}))
    if month is not None and not 1 <= month <= 12:
        raise DateError(Message("date.month", {"text": text, "month": f"{month:02d}"}))
    if month is not None and day is not None:
        days_in_month = calendar.monthrange(year, month)[1]
        if not 1 <= day <= days_in_month:
            month_name = Message(f"month.{month}")
            raise DateError(
                Message("date.day", {"text": text, "month_name": month_name, "year": year, "days": days_in_month})
            )
    return year, month, day


_YEAR = "(?:[1-9][0-9]{3}|[0-9][1-9][0-9]{2}|[0-9]{2}[1-9][0-9]|[0-9]{3}[1-9])"  # 0001-9999
_LEAP_YEAR = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
DATE_PATTERN = (
    f"^(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|1[0-9]|2[0-8]))?)?"  # a year, a month, days 1-28
    f"|{_YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)"  # the 29th and 30th of every month but February
    f"|{_YEAR}-(?:0[13578]|1[02])-31"  # the 31st of the long months
    f"|{_LEAP_YEAR}-02-29)$"  # 29 February of a Gregorian leap year
)
"""The whole calendar as one pattern, which pydantic-core matches without a Python call per date
(105,000 calls at 100,000 events). ``parse_partial_date`` agrees with it on every string of the
forms YYYY, YYYY-MM and YYYY-MM-DD (a test tries them all) and says what is wrong with one it refuses."""

PartialDate: TypeAlias = "Annotated[str, StringConstraints(pattern=DATE_PATTERN)]"
"""An ISO 8601 date at its known precision: ``2014`` (year), ``2019-05`` (month), ``2013-04-25``."""

DAY_PATTERN = (
    f"^(?:{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])"
    f"|{_YEAR}-(?:0[13-9]|1[0-2])-(?:29|30)"
    f"|{_YEAR}-(?:0[13578]|1[02])-31"
    f"|{_LEAP_YEAR}-02-29)$"
)
Day: TypeAlias = "Annotated[str, StringConstraints(pattern=DAY_PATTERN)]"
"""A day of the calendar, ``2013-04-25``: DATE_PATTERN's days only."""


def precision(date: str) -> Precision:
    return _PRECISION_BY_LENGTH[len(date)]


@cache
def date_range(date: str) -> tuple[dt.date, dt.date]:
    """First and last calendar day that a partial date may stand for."""
    year, month, day = parse_partial_date(date)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    exact = dt.date(year, month, day)
    return exact, exact


def sort_key(date: str) -> str:
    """Partial dates in ISO form sort by date as plain strings, the coarser first.

    ``2013`` < ``2013-06-30`` < ``2013-07`` < ``2013-07-01`` < ``2013-07-02``: a year or
    month stands at the start of its period, before the days in it. The key is the string
    itself, so sorting 100,000 events costs no Python call per event.
    """
    return date
