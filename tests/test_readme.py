"""The documentation's examples are real: each ```console block is the output of its command.

Every block in README.md and docs/*.md that starts with ``$ minusma ...`` is run
(``COLUMNS=100``, English) and its output compared line by line, trailing spaces ignored;
``| head -n N`` keeps N lines. The command reference (docs/reference.md) and the man page
(docs/minusma.1) are the ``--help`` of every command. After a change that alters output,
regenerate them all with:  python tests/test_readme.py --write
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import manpage
from minusma.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
DOCUMENTS = [README, *sorted((ROOT / "docs").glob("*.md"))]
REFERENCE_FILE = ROOT / "docs" / "reference.md"
MAN_PAGE = ROOT / "docs" / "minusma.1"
BLOCK = re.compile(r"```console\n\$ (minusma [^\n]*)\n(.*?)```", re.S)
REFERENCE = re.compile(r"(<!-- reference:start -->\n)(.*?)(<!-- reference:end -->)", re.S)
COMMANDS = list(typer.main.get_command(app).commands)
ENVIRONMENT = {
    "COLUMNS": "100",
    "LANG": "en_GB.UTF-8",
    "LC_ALL": None,
    "LC_MESSAGES": None,
    "MINUSMA_LANG": None,
    "MINUSMA_DATA": None,
    "NO_COLOR": "1",
}


def output_of(command_line: str) -> str:
    command, _, head = command_line.partition(" | head -n ")
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):  # `export DIR` writes: not here
        result = CliRunner().invoke(app, shlex.split(command)[1:], env=ENVIRONMENT)
    lines = [line.rstrip() for line in (result.stdout + result.stderr).splitlines()]
    if head:
        lines = lines[: int(head)]
    return "\n".join(lines) + "\n"


def reference() -> str:
    parts = []
    for command in [None, *COMMANDS]:
        args = [command, "--help"] if command else ["--help"]
        text = CliRunner().invoke(app, args, env=ENVIRONMENT).stdout
        title = f"minusma {command}" if command else "minusma"
        parts.append(f"## `{title}`\n\n```text\n" + "\n".join(line.rstrip() for line in text.splitlines()) + "\n```\n")
    return "\n".join(parts)


def rewrite() -> None:
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        text = BLOCK.sub(lambda match: f"```console\n$ {match[1]}\n{output_of(match[1])}```", text)
        text = REFERENCE.sub(lambda match: match[1] + reference() + match[3], text)
        document.write_text(text, encoding="utf-8")
    MAN_PAGE.write_text(manpage.page(), encoding="utf-8")


EXAMPLES = [
    (document.relative_to(ROOT).as_posix(), command, shown)
    for document in DOCUMENTS
    for command, shown in BLOCK.findall(document.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize(
    ("document", "command", "shown"), EXAMPLES, ids=[f"{document}: {command}" for document, command, _ in EXAMPLES]
)
def test_each_documented_example_is_the_real_output(document: str, command: str, shown: str) -> None:
    assert "\n".join(line.rstrip() for line in shown.splitlines()) + "\n" == output_of(command), (
        f"{document}: example is stale: python tests/test_readme.py --write"
    )


def test_the_readme_and_the_guide_hold_examples() -> None:
    """The README keeps a short tour; the guide the full one, with an example of every command."""
    shown = {
        document: {command.split()[1] for name, command, _ in EXAMPLES if name == document}
        for document in ("README.md", "docs/guide.md")
    }
    assert len(shown["README.md"]) >= 4, shown["README.md"]
    assert set(COMMANDS) - {"schema", "validate"} <= shown["docs/guide.md"]


def test_the_command_reference_is_the_help_text() -> None:
    match = REFERENCE.search(REFERENCE_FILE.read_text(encoding="utf-8"))
    assert match is not None
    assert match[2] == reference(), "docs/reference.md is stale: python tests/test_readme.py --write"


def test_the_readme_stays_short_and_points_to_the_docs() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400
    for document in DOCUMENTS[1:]:
        assert f"(docs/{document.name})" in text, document.name
    assert "(docs/minusma.1)" in text


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        rewrite()


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    """The README's two set-up commands each make a virtual environment (PEP 668), and .ci/run
    runs the second one as it is written."""
    set_up = README.read_text(encoding="utf-8").split("\n## Set-up\n")[1].split("\n## ")[0]
    commands = re.findall(r"```sh\n(.*?)\n```", set_up, re.S)
    assert len(commands) == 2, commands
    assert all(command.startswith("python3 -m venv .venv && .venv/bin/pip install") for command in commands)
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()


def test_the_man_page_is_current() -> None:
    assert MAN_PAGE.read_text(encoding="utf-8") == manpage.page(), (
        "docs/minusma.1 is stale: python tests/test_readme.py --write"
    )


def test_the_man_page_is_plain_roff() -> None:
    """What any roff reads: ASCII, no line that a roff would take for a request by accident, every
    font change closed, the sections a man page has, and every command under COMMANDS."""
    text = MAN_PAGE.read_text(encoding="utf-8")
    assert text.isascii()
    for number, line in enumerate(text.splitlines(), 1):
        assert line, f"line {number} is empty (a blank line in roff is a vertical space)"
        if line.startswith((".", "'")):
            assert re.fullmatch(r"\.(\\\"|TH|SH|SS|PP|TP|RS|RE|B)( .*)?", line), f"line {number}: {line}"
        assert line.count("\\fB") + line.count("\\fI") == line.count("\\fR"), f"line {number}: {line}"
    sections = re.findall(r"^\.SH (.*)$", text, re.M)
    assert sections[:4] == ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS"]
    assert {"COMMANDS", "EXIT STATUS", "ENVIRONMENT", "SEE ALSO"} <= set(sections)
    assert re.findall(r"^\.SS (.*)$", text, re.M) == COMMANDS


def _rendered(page: Path) -> tuple[str, str]:
    """The page as man (or, without man, groff) shows it, and what it warned about."""
    environment = {**os.environ, "MANWIDTH": "100", "MAN_KEEP_FORMATTING": "", "LC_ALL": "C.UTF-8"}
    if shutil.which("man") and shutil.which("groff"):
        done = subprocess.run(
            ["man", "--warnings=w", "-l", str(page)], capture_output=True, text=True, env=environment, check=False
        )
        if done.returncode == 0:
            return done.stdout, done.stderr
    if shutil.which("groff"):
        done = subprocess.run(
            ["groff", "-man", "-Tutf8", "-ww", str(page)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        return done.stdout, done.stderr
    pytest.skip("neither man nor groff is installed (the plain-roff test still ran)")


def test_the_man_page_renders_without_a_warning() -> None:
    shown, warnings = _rendered(MAN_PAGE)
    assert warnings == ""
    shown = re.sub(r".\x08", "", shown)  # overstrike bold, where a pager would make it
    for heading in ("NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT"):
        assert re.search(rf"^{heading}$", shown, re.M), heading
    assert "minusma - sourced facts about MINUSMA" in shown.replace("\u2010", "-").replace("\u2212", "-")
    assert "MINUSMA_LANG" in shown.replace("\u2010", "_")


def test_the_man_page_renders_a_broken_page_with_a_warning(tmp_path: Path) -> None:
    """The render test can fail: a page with an unknown request draws a warning."""
    broken = tmp_path / "broken.1"
    broken.write_text(MAN_PAGE.read_text(encoding="utf-8").replace(".SH NAME", ".XYZ\n.SH NAME", 1), encoding="utf-8")
    _, warnings = _rendered(broken)
    assert "XYZ" in warnings


_LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchors(text: str) -> set[str]:
    """GitHub's ids of a document's headings: lower case, punctuation gone, spaces as hyphens."""
    headings = re.findall(r"^#+ (.*)$", re.sub(r"```.*?```", "", text, flags=re.S), re.M)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("document", DOCUMENTS, ids=[document.name for document in DOCUMENTS])
def test_every_link_between_the_documents_leads_somewhere(document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    for target in _LINK.findall(re.sub(r"```.*?```", "", text, flags=re.S)):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (document.parent / path).resolve() if path else document
        assert file.exists(), f"{document.name}: {target}"
        if anchor and file.suffix == ".md":
            assert anchor in _anchors(file.read_text(encoding="utf-8")), f"{document.name}: {target}"


TASKS = [
    command
    for row in README.read_text(encoding="utf-8").split("\n## I want to …\n")[1].split("\n## ")[0].splitlines()
    if row.startswith("| ") and not row.startswith(("| I want", "| ---"))
    for command in re.findall(r"`(minusma [^`]*)`", row.split(" | ", 1)[1])
]


@pytest.mark.parametrize("command", TASKS)
def test_each_command_in_the_task_table_works(command: str, tmp_path: Path) -> None:
    """Every command line of "I want to …" runs as written (a redirect or a jq filter aside),
    with my-facts.json a copy of the shipped fact base."""
    command = command.replace("\\|", "|").split(" | ")[0].split(" > ")[0]
    (tmp_path / "my-facts.json").write_bytes((ROOT / "data" / "minusma.json").read_bytes())
    with contextlib.chdir(tmp_path):
        result = CliRunner().invoke(app, shlex.split(command)[1:], env=ENVIRONMENT)
    assert result.exit_code == 0, (command, result.stderr)
    assert result.stdout or list(tmp_path.iterdir()) != [tmp_path / "my-facts.json"], command


def test_the_task_table_covers_what_a_newcomer_asks() -> None:
    asked = " ".join(TASKS)
    for part in ("minusma at ", "minusma dutch", "--format ris", "--chart --format svg", "--lang fr",
                 "contributors --year", "--csv", "--format xlsx", "| jq", "minusma validate", "minusma casualties",
                 "minusma bases", "mandate --resolution"):  # fmt: skip
        assert part in asked.replace("\\|", "|"), part


JQ_EXAMPLE = re.compile(r"```sh\n(minusma [^\n]*?) \| (jq [^\n]*)\n((?:# [^\n]*\n)+)```")


@pytest.mark.parametrize("document", DOCUMENTS, ids=[document.name for document in DOCUMENTS])
def test_each_jq_example_gives_what_it_shows(document: str) -> None:
    examples = JQ_EXAMPLE.findall(Path(document).read_text(encoding="utf-8"))
    if not examples:
        return
    if not shutil.which("jq"):
        pytest.skip("jq is not installed")
    for command, jq, shown in examples:
        json_text = CliRunner().invoke(app, shlex.split(command)[1:], env=ENVIRONMENT).stdout
        done = subprocess.run(shlex.split(jq), input=json_text, capture_output=True, text=True, check=True)
        assert done.stdout == "".join(line[2:] + "\n" for line in shown.splitlines()), command
