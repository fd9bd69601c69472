"""No column header is broken inside a word at 80 columns, in any language, for any command that
prints tables (the French `contributors` table squeezed its Sources header to "Sou/rce/s")."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

from minusma.cli import PRINTS, app
from minusma.messages import LANGS
from minusma.output.table import Layout
from minusma.sheets import Column

TABLE_COMMANDS = sorted(name for name, prints in PRINTS.items() if "tables" in prints.kinds)
ARGUMENTS: dict[str, list[list[str]]] = {
    "at": [["2016-07-06"], ["2023"]],
    "search": [["Gao"]],
    "show": [["res-2100"]],
    "contributors": [
        [],
        ["--year", "2016"],
        ["--at", "2019-03"],
        ["--country", "TCD"],
        ["--from", "2015", "--to", "2016"],
    ],
    "troops": [[], ["--compare"]],
    "casualties": [[], ["--by", "country"], ["--country", "TCD"]],
    "bases": [[], ["--at", "2016"], ["--country", "TCD"], ["--base", "Gao"]],
    "mandate": [[], ["--resolution", "2100"]],
}
"""Each command with the options that print other sheets; a command not listed runs without any."""

RUNS = [(name, arguments) for name in TABLE_COMMANDS for arguments in ARGUMENTS.get(name, [[]])]
_RULE = re.compile(r"^[─-]{10,}$")


def _header_lines(table: str) -> list[str]:
    """A table's lines above the rule under its header."""
    lines = table.splitlines()
    rule = next(index for index, line in enumerate(lines) if _RULE.match(line.strip()))
    return lines[:rule]


def _broken(columns: list[Column], header: list[str]) -> list[str]:
    """What the header lines show that is not a word of a column's header."""
    words = {word for column in columns for word in column.header.split()}
    return [word for word in " ".join(header).split() if word not in words]


@pytest.mark.parametrize("lang", list(LANGS))
@pytest.mark.parametrize(("name", "arguments"), RUNS, ids=[" ".join([n, *a]) for n, a in RUNS])
def test_no_header_is_broken_inside_a_word_at_80_columns(
    name: str, arguments: list[str], lang: str, monkeypatch: pytest.MonkeyPatch, write_fact_base: Callable[..., Path]
) -> None:
    """Each table the command draws is drawn again alone at the width it had (80): the lines above its
    rule hold only whole words of its headers, and those lines are in the command's output."""
    if name == "validate":  # a fact base with a problem, so validate prints its table of problems
        arguments = [str(write_fact_base(lambda data: data["events"][0].update(sources=["no-such-source"])))]
    drawn: list[Layout] = []
    original = Layout.__init__

    def recording(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        drawn.append(self)

    monkeypatch.setattr(Layout, "__init__", recording)
    result = CliRunner().invoke(app, ["--lang", lang, name, *arguments], env={"COLUMNS": "80"})
    assert result.exit_code in (0, 1), result.output  # validate exits 1 on errors
    assert drawn, result.stdout[:500]
    for table in drawn:
        alone = Console(width=80, file=io.StringIO(), highlight=False, soft_wrap=False, emoji=False)
        alone.print(table, crop=False)
        text = alone.file.getvalue()  # type: ignore[attr-defined]
        if not any(_RULE.match(line.strip()) for line in text.splitlines()):
            continue  # drawn as blocks of label: value lines: no header
        header = _header_lines(text)
        assert all(line.rstrip() in result.stdout for line in header)
        broken = _broken(table.columns, header)
        assert not broken, "\n".join([f"{name} {arguments} --lang {lang}: {broken}", *header])


def test_the_check_finds_a_broken_header() -> None:
    """The check itself: "Sou/rce/s" above the rule is found, "Sources" on one line is not."""
    columns = [Column("country", "Pays"), Column("sources", "Sources")]
    broken = _header_lines("       Sou\n       rce\nPays   s\n──────────\nTchad  [1]\n")
    assert _broken(columns, broken) == ["Sou", "rce", "s"]
    assert _broken(columns, _header_lines("Pays   Sources\n──────────\n")) == []
