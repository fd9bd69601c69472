"""The man page docs/minusma.1, written from the same source as docs/reference.md: every command's
own ``--help`` (unwrapped, so that man fills the lines to the reader's width), the exit codes from
the guide's table, and the environment the tool reads.

``python tests/test_readme.py --write`` writes it; ``tests/test_readme.py`` checks it is current
and that groff renders it without a warning.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

import typer
from typer.testing import CliRunner

from minusma import __version__
from minusma.cli import app
from minusma.typer_adapt import click  # Typer's own Click: its private names are listed there

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide.md"
COMMANDS = list(typer.main.get_command(app).commands)
ENVIRONMENT = {"LANG": "en_GB.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "MINUSMA_LANG": None, "NO_COLOR": "1"}

# What the tool reads from its environment (the guide says more about each).
VARIABLES = [
    ("MINUSMA_LANG", "The language of tables, help and messages (en, nl or fr) when --lang is not given."),
    ("LC_ALL, LC_MESSAGES, LANG", "The locale, read in that order when neither --lang nor MINUSMA_LANG is set: "
     "nl_* means Dutch, fr_* French, anything else English."),
    ("MINUSMA_DATA", "The fact base to read when --data is not given (set but empty counts as unset)."),
    ("MINUSMA_PAGER, PAGER", "The pager for output taller than the terminal (default: less -FRX); "
     "empty or cat means none."),
    ("LESS", "Options for less; set to FRX when unset."),
    ("COLUMNS", "The terminal width for tables (a value that is not a positive number counts as unset)."),
    ("LINES", "The terminal height: output taller than it goes through the pager (a value that is not a positive "
     "number counts as unset)."),
    ("NO_COLOR", "No colour; the tables use none in any case (bold and dim only, and no escape at all "
     "with TERM=dumb)."),
    ("MINUSMA_DEBUG", "Set (to 1, or any value but empty) to see the traceback of an internal error (exit status 3)."),
    ("MINUSMA_NO_CACHE", "Set (to 1, or any value but empty, 0 included) to validate a fact base on every run "
     "instead of keeping the files validated "
     "before (see FILES)."),
    ("_MINUSMA_COMPLETE, COMP_CWORD", "Set by the shell's completion script (minusma --install-completion), with "
     "COMP_WORDS: a completion request and the word to complete; a bash request without COMP_WORDS, or whose "
     "COMP_CWORD is not a number, completes nothing."),
    ("XDG_CACHE_HOME, HOME", "Where the validated files are kept: XDG_CACHE_HOME (an absolute path), else "
     "~/.cache in HOME; none where HOME is empty or relative."),
]  # fmt: skip


class _WideRunner(CliRunner):
    """A runner whose help is not wrapped: one line per paragraph and per option."""

    @contextlib.contextmanager
    def isolation(self, *args: object, **kwargs: object) -> Iterator[object]:  # type: ignore[override]
        with super().isolation(*args, **kwargs) as streams:  # type: ignore[arg-type]
            forced, click.formatting.FORCED_WIDTH = click.formatting.FORCED_WIDTH, 100_000
            try:
                yield streams
            finally:
                click.formatting.FORCED_WIDTH = forced


def help_of(command: str | None) -> str:
    args = [command, "--help"] if command else ["--help"]
    return _WideRunner().invoke(app, args, env=ENVIRONMENT).stdout


def parse(text: str) -> tuple[str, list[str], dict[str, list[tuple[str, str]]]]:
    """Usage line, description paragraphs, and each section's (term, text) items."""
    usage, description, sections, current = "", [], {}, None
    for line in text.splitlines():
        if line.startswith("Usage: "):
            usage = line.removeprefix("Usage: ")
        elif line and not line.startswith(" ") and line.endswith(":"):
            current = sections.setdefault(line[:-1], [])
        elif not line.strip():
            continue
        elif current is None:
            description.append(line.strip())
        elif line.startswith("  ") and not line.startswith("   "):
            term, _, what = line.strip().partition("  ")
            current.append((term, what.strip()))
        else:  # a description that did not fit beside its term
            term, what = current[-1]
            current[-1] = (term, f"{what} {line.strip()}".strip())
    return usage, description, sections


def escape(text: str) -> str:
    """Plain text as roff: backslashes and hyphens escaped, no control line, ASCII only."""
    text = text.replace("\\", "\\e").replace("-", "\\-")
    text = "".join(char if ord(char) < 128 else f"\\[u{ord(char):04X}]" for char in text)
    return "\\&" + text if text.startswith((".", "'")) else text


def inline(markdown: str) -> str:
    """A line of the guide's Markdown: `code` in bold, the rest as text."""
    parts = markdown.split("`")
    return "".join(f"\\fB{escape(part)}\\fR" if index % 2 else escape(part) for index, part in enumerate(parts))


def synopsis(usage: str) -> str:
    words = usage.split()
    return " ".join(
        f"\\fB{escape(word)}\\fR" if word.isalpha() and word.islower() else f"\\fI{escape(word)}\\fR" for word in words
    )


def items(pairs: list[tuple[str, str]]) -> list[str]:
    lines = []
    for term, what in pairs:
        names = ", ".join(
            f"\\fB{escape(name.split()[0])}\\fR" + (f" \\fI{escape(name.split()[1])}\\fR" if " " in name else "")
            for name in term.split(", ")
        )
        lines += [".TP", names, escape(what)]
    return lines


def exit_codes() -> list[tuple[str, str]]:
    section = GUIDE.read_text(encoding="utf-8").split("\n## Errors and exit codes\n")[1]
    rows = re.findall(r"^\| ([0-9][0-9, ]*) \| (.*) \|$", section.lstrip("\n").split("\n\n")[0], re.M)
    assert rows, "docs/guide.md: the exit codes table was not found"
    return rows


def page() -> str:
    usage, description, sections = parse(help_of(None))
    common = set(sections["Options"])
    name = description[0][0].lower() + description[0][1:].rstrip(".")
    lines = [
        ".\\\" Generated by python tests/test_readme.py --write from the commands' --help; do not edit.",
        f'.TH MINUSMA 1 "" "minusma {escape(__version__)}" "User Commands"',
        ".SH NAME",
        f"minusma \\- {escape(name)}",
        ".SH SYNOPSIS",
        synopsis(usage),
        ".SH DESCRIPTION",
    ]
    for paragraph in description:
        lines += [".PP", escape(paragraph)]
    lines += [".SH OPTIONS", "These options may stand before or after the command.", *items(sections["Options"])]
    lines += [".SH COMMANDS"]
    for command in COMMANDS:
        usage, description, sections = parse(help_of(command))
        lines += [f".SS {command}", synopsis(usage)]
        for paragraph in description:
            lines += [".PP", escape(paragraph)]
        if sections.get("Arguments"):
            lines += [".PP", "Arguments:", ".RS", *items(sections["Arguments"]), ".RE"]
        own = [pair for pair in sections.get("Options", []) if pair not in common]
        if own:
            lines += [".PP", "Options (besides the common ones above):", ".RS", *items(own), ".RE"]
    lines += [".SH EXIT STATUS"]
    for code, meaning in exit_codes():
        lines += [".TP", f"\\fB{escape(code)}\\fR", inline(meaning)]
    lines += [".SH ENVIRONMENT"]
    for names, meaning in VARIABLES:
        lines += [".TP", ", ".join(f"\\fB{escape(name)}\\fR" for name in names.split(", ")), escape(meaning)]
    lines += [
        ".SH FILES",
        "The fact base shipped with minusma is data/minusma.json in the source;",
        "\\fBminusma schema\\fR prints its JSON Schema.",
        ".PP",
        "\\fI$XDG_CACHE_HOME/minusma/validated/\\fR (else \\fI~/.cache/minusma/validated/\\fR):",
        "the last 4 fact bases given with \\-\\-data or MINUSMA_DATA that passed validation, kept",
        "validated so that the next run on the same bytes need not validate them again; safe to delete.",
        ".SH SEE ALSO",
        "\\fBjq\\fR(1), \\fBless\\fR(1).",
        ".PP",
        "README.md and docs/guide.md in the source: examples, citing, JSON and CSV, where the facts come from.",
    ]
    return "\n".join(lines) + "\n"
