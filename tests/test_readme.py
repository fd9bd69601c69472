"""The README's examples are real: each ```console block is the output of its command.

Every block that starts with ``$ minusma ...`` is run (``COLUMNS=100``, English) and its
output compared line by line, trailing spaces ignored; ``| head -n N`` keeps N lines.
The command reference is the ``--help`` of every command. After a change that alters
output, regenerate both with:  python tests/test_readme.py --write
"""

from __future__ import annotations

import contextlib
import re
import shlex
import sys
import tempfile
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from minusma.cli import app

README = Path(__file__).resolve().parents[1] / "README.md"
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
        parts.append(f"### `{title}`\n\n```text\n" + "\n".join(line.rstrip() for line in text.splitlines()) + "\n```\n")
    return "\n".join(parts)


def rewrite() -> None:
    text = README.read_text(encoding="utf-8")
    text = BLOCK.sub(lambda match: f"```console\n$ {match[1]}\n{output_of(match[1])}```", text)
    text = REFERENCE.sub(lambda match: match[1] + reference() + match[3], text)
    README.write_text(text, encoding="utf-8")


EXAMPLES = BLOCK.findall(README.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_each_readme_example_is_the_real_output(command: str, shown: str) -> None:
    assert "\n".join(line.rstrip() for line in shown.splitlines()) + "\n" == output_of(command), (
        "README example is stale: python tests/test_readme.py --write"
    )


def test_there_are_examples_for_every_command() -> None:
    shown = {command.split()[1] for command, _ in EXAMPLES}
    assert set(COMMANDS) - {"schema", "validate"} <= shown


def test_the_command_reference_is_the_help_text() -> None:
    match = REFERENCE.search(README.read_text(encoding="utf-8"))
    assert match is not None
    assert match[2] == reference(), "README reference is stale: python tests/test_readme.py --write"


if __name__ == "__main__":
    if sys.argv[1:] == ["--write"]:
        rewrite()


def test_ci_runs_the_readmes_test_command_verbatim() -> None:
    """The README's two set-up commands each make a virtual environment (PEP 668), and .ci/run
    runs the second one as it is written."""
    commands = re.findall(r"```sh\n(.*?)\n```", README.read_text(encoding="utf-8").split("## A tour")[0], re.S)
    assert len(commands) == 2, commands
    assert all(command.startswith("python3 -m venv .venv && .venv/bin/pip install") for command in commands)
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci.splitlines()
