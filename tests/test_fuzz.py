"""Argument fuzzing: any argument list gives exit 0, 1 or 2, never a traceback.

With --json and exit 0, stdout is one JSON document; on success stderr is empty.
"""

from __future__ import annotations

import json

import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from minusma.cli import app
from minusma.messages import LANGS

# `export DIR` writes a folder wherever DIR says (VALUES hold absolute paths): tests/test_export.py covers it.
COMMANDS = [
    *(name for name in typer.main.get_command(app).commands if name != "export"), "--version", "--help", "-h", "bogus",
]  # fmt: skip
FLAGS = ["--json", "--csv", "--compare", "--chart", "--help", "-h", "--bogus", ""]
VALUED = ["--lang", "--from", "--to", "--category", "-c", "--limit", "--data"]
VALUES = st.one_of(
    st.sampled_from([*LANGS, "xx", "2016", "2016-06", "2016-06-29", "2016-02-30", "2016-13", "yesterday",
                     "13/04/2013", "context", "resolution", "sports", "0", "-1", "5", "un-press-2690", "Ménaka",
                     "/nonexistent.json", "", " ", "\x00"]),
    st.text(max_size=12),
)  # fmt: skip
ARGUMENTS = st.lists(st.one_of(st.sampled_from(FLAGS), st.tuples(st.sampled_from(VALUED), VALUES), VALUES), max_size=5)


def _flatten(parts: list[object]) -> list[str]:
    flat: list[str] = []
    for part in parts:
        flat += list(part) if isinstance(part, tuple) else [str(part)]
    return flat


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command=st.sampled_from(COMMANDS), rest=ARGUMENTS)
def test_any_argument_list_exits_cleanly(command: str, rest: list[object]) -> None:
    args = [command, *_flatten(rest)]
    result = CliRunner().invoke(app, args, env={"MINUSMA_DATA": None, "MINUSMA_LANG": None})
    assert result.exit_code in (0, 1, 2), (args, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        assert result.stderr == "", (args, result.stderr)
        help_asked = any(flag in args for flag in ("--help", "-h", "--version"))
        if "--json" in args and not help_asked and command not in ("--help", "-h", "--version"):
            json.loads(result.stdout)
