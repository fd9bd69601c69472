"""The Markdown tables of the README and the documents are whole tables, as a renderer reads them.

A table is a block of lines that begin with ``|``: it follows a blank line, its second line is
the separator row, and every row has as many cells as its header. A table pasted into a sentence
(``... `BENCH_SKIP_| events | file ...``), a row cut in two or a cell lost breaks one of these.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
SEPARATOR = re.compile(r"^\|(\s*:?-+:?\s*\|)+$")
FENCE = re.compile(r"^\s*(```|~~~)")


def cells(row: str) -> int:
    """The cells of a row: ``|`` not escaped with a backslash separates them."""
    return len(re.findall(r"(?<!\\)\|", row.rstrip())) - 1


def tables(text: str) -> list[tuple[int, list[str], str]]:
    """Each table outside code blocks: its first line's number, its rows, and the line before it."""
    found: list[tuple[int, list[str], str]] = []
    fenced = False
    previous = ""
    block: list[str] = []
    start = 0
    for number, line in enumerate([*text.splitlines(), ""], start=1):
        if FENCE.match(line):
            fenced = not fenced
        if not fenced and line.startswith("|"):
            if not block:
                start, before = number, previous
            block.append(line)
        elif block:
            found.append((start, block, before))
            block = []
        previous = line
    return found


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.name)
def test_every_table_is_whole(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    for start, rows, before in tables(text):
        where = f"{document.name}:{start}"
        assert before.strip() == "" or before.startswith("<!--"), f"{where}: a table must follow a blank line"
        assert len(rows) >= 2 and SEPARATOR.match(rows[1].rstrip()), f"{where}: no separator row under the header"
        widths = {cells(row) for row in rows}
        assert widths == {cells(rows[0])}, f"{where}: rows of {sorted(widths)} cells"
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("|"):
            assert not re.search(r"\|\s*-{3,}\s*\|", line), f"{document.name}:{number}: a table row inside a line"


def test_a_table_pasted_into_a_sentence_is_found() -> None:
    pasted = "Run it (`BENCH_SKIP_| a | b |\n|---|---|\n| 1 | 2 |\n=1` shortens it).\n"
    [(start, rows, before)] = tables(pasted)
    assert start == 2 and before.startswith("Run it")
    assert cells("| a | b \\| c |") == 2
