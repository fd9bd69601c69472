"""One exception family. ``cli.py`` alone turns it into a message on stderr and an exit code.

Exit codes: 0 ok; 1 a fact base that cannot be read or breaks a rule, or a lookup that
finds nothing; 2 a usage error; 3 an internal error (a bug); 4 output that could not be
written (a full disk, an I/O error); 130 interrupted (Ctrl-C); 143 and 129 stopped by SIGTERM or SIGHUP.
"""

from __future__ import annotations

from typing import Any

from minusma.messages import Lang, Message
from minusma.model import Problem


class MinusmaError(Exception):
    """Something the user can fix; the message says what, where and what to do."""

    exit_code = 1

    def __init__(self, message: Message) -> None:
        super().__init__(message.said("en"))
        self.message = message

    def said(self, lang: Lang) -> str:
        return self.message.said(lang)


class FactBaseError(MinusmaError):
    """A fact base that cannot be read or breaks a rule. ``problems`` lists every error found."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        first = problems[0].message if problems else Message("read.empty")
        super().__init__(first)

    def __str__(self) -> str:
        return f"{self.file}: {self.message.said('en')}"


class NotFoundError(MinusmaError):
    """A lookup the user asked for by name (a source id) that the fact base does not hold."""


class ExportError(MinusmaError):
    """An export the tool refuses before writing anything: DIR is a file, has no parent, or is not empty."""


class UsageError(MinusmaError):
    """An argument the command line's own checks reject (exit 2, like the parser's errors)."""

    exit_code = 2
    ctx: Any = None
    """The command's parsing context, for the usage line; set by the command line."""


class MissingExtraError(UsageError):
    """The output asked for needs an optional part of minusma that is not installed (exit 2);
    the message names the command that installs it."""


class OutputError(MinusmaError):
    """The output could not be written whole: a full disk, an I/O error."""

    exit_code = 4
