"""One exception family. ``cli.py`` alone turns it into a message on stderr and an exit code."""

from __future__ import annotations

from minusma.model import Problem


class MinusmaError(Exception):
    """Something the user can fix; the message says what, where and what to do."""

    exit_code = 1


class FactBaseError(MinusmaError):
    """A fact base that cannot be read or breaks a rule. ``problems`` lists every error found."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        first = problems[0] if problems else None
        super().__init__(f"{file}: {first.message['en']}" if first else file)


class NotFoundError(MinusmaError):
    """A lookup the user asked for by name (a source id) that the fact base does not hold."""
