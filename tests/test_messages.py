"""The catalogues, the layering and the shapes of French output: one home for each idea, held by tests."""

from __future__ import annotations

import ast
import errno
import json
import os
import string
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from minusma.cli import app, resolve_lang
from minusma.messages import LANGS, catalogue, number, percent
from minusma.output.cells import safe

SRC = Path(__file__).resolve().parents[1] / "src" / "minusma"


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_every_message_exists_in_every_language_with_the_same_placeholders(lang: str) -> None:
    english, other = catalogue("en"), catalogue(lang)  # type: ignore[arg-type]
    assert set(other) == set(english), set(other) ^ set(english)
    differing = {key for key in english if _placeholders(english[key]) != _placeholders(other[key])}
    assert not differing, differing


def test_numbers_follow_the_language() -> None:
    expected = {"en": ("12,640", "78.2%"), "nl": ("12.640", "78,2%"), "fr": ("12\u202f640", "78,2\u202f%")}
    for lang, (count, share) in expected.items():
        assert (number(12640, lang), percent(78.24, lang)) == (count, share)
    for lang, language in LANGS.items():  # every language, a new one too, by its own number style
        assert number(12640, lang) == f"12{language.group}640"
        assert percent(78.24, lang) == f"78{language.decimal}2{language.percent}"


@pytest.mark.parametrize(
    ("environment", "expected"),
    [({"LANG": "fr_FR.UTF-8"}, "fr"), ({"LANG": "fr_BE.UTF-8"}, "fr"), ({"LC_ALL": "fr_CA"}, "fr"),
     ({"LANG": "fr_ML.UTF-8"}, "fr"), ({"LANG": "nl_NL.UTF-8"}, "nl"), ({"LANG": "xx_XX.UTF-8"}, "en"),
     ({"MINUSMA_LANG": "fr", "LANG": "nl_NL"}, "fr")],
)  # fmt: skip
def test_french_locales_choose_french(environment: dict[str, str], expected: str) -> None:
    assert resolve_lang(None, environment) == expected


def test_french_tables_and_numbers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "fr", "troops", "--compare"], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "Effectifs déployés" in result.stdout or "déploy" in result.stdout
    assert "12\u202f640" in result.stdout


def test_global_options_before_and_after_the_command_agree(runner: CliRunner) -> None:
    before = runner.invoke(app, ["--lang", "nl", "--format", "json", "dutch"])
    after = runner.invoke(app, ["dutch", "--lang", "nl", "--json"])
    assert before.exit_code == after.exit_code == 0, before.output + after.output
    assert json.loads(before.stdout) == json.loads(after.stdout)


@pytest.mark.parametrize(
    "args",
    [["schema", "--csv"], ["troops", "--chart", "--json"], ["about", "--json", "--csv"], ["about", "--format", "xml"]],
)
def test_a_format_that_does_not_fit_is_a_usage_error(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args", [["at", "2016-07-01", "--csv"], ["about", "--csv"]])
def test_at_and_about_print_one_rectangular_csv(runner: CliRunner, args: list[str]) -> None:
    import csv
    import io

    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) > 2 and len({len(row) for row in rows}) == 1


def test_csv_carries_codes_not_labels(runner: CliRunner) -> None:
    import csv
    import io

    result = runner.invoke(app, ["timeline", "--csv", "--lang", "nl", "--category", "netherlands"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["category"] for row in rows} == {"netherlands"}


def test_french_usage_errors_use_french_words(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--lang", "fr", "at", "2016-02-30"])
    assert result.exit_code == 2
    assert "février" in result.stderr and "Utilisation" in result.stderr or "Usage" in result.stderr


LAYERS = {
    "model": {"messages", "model"},
    "load": {"model", "errors", "messages", "verified", "core_schema"},
    "query": {"model", "messages"},
    "sheets": {"model", "messages"},
    "errors": {"model", "messages"},
    "output": {"messages", "sheets", "errors", "output", "model"},
    "messages": {"messages"},
    "typer_adapt": {"errors", "messages", "output"},
}
TYPES_ONLY = {"sheets": {"query"}, "output": {"query"}}
"""Arrows for the type checker alone (under ``if TYPE_CHECKING:``): a layout or a writer names the
shape of the answer it is given, which lives with its question in query.py; nothing runs through them."""


def _type_checking_imports(tree: ast.Module) -> set[ast.ImportFrom]:
    return {
        node
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and isinstance(block.test, ast.Name) and block.test.id == "TYPE_CHECKING"
        for statement in block.body
        for node in ast.walk(statement)
        if isinstance(node, ast.ImportFrom)
    }


@pytest.mark.parametrize("module", sorted(LAYERS))
def test_imports_point_one_way(module: str) -> None:
    """cli -> {load, query, sheets, output} -> model; messages is a leaf; nothing imports cli."""
    paths = [SRC / f"{module}.py"] if (SRC / f"{module}.py").exists() else list((SRC / module).glob("*.py"))
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        types_only = _type_checking_imports(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("minusma."):
                imported = node.module.split(".")[1]
                allowed = LAYERS[module] | (TYPES_ONLY.get(module, set()) if node in types_only else set())
                assert imported in allowed, f"{path.name} imports minusma.{imported}"


MODEL_TOPICS = ("dates", "records", "rules", "facts", "checks")
"""model/'s modules in the order their arrows allow: each imports only those before it."""


def test_model_topics_point_one_way() -> None:
    assert sorted(path.stem for path in (SRC / "model").glob("*.py")) == sorted(("__init__", *MODEL_TOPICS))
    for position, topic in enumerate(MODEL_TOPICS):
        tree = ast.parse((SRC / "model" / f"{topic}.py").read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("minusma.model."):
                imported = node.module.split(".")[2]
                assert imported in MODEL_TOPICS[:position], f"model/{topic}.py imports minusma.model.{imported}"


def test_every_module_but_the_table_writer_leaves_rich_alone() -> None:
    for path in SRC.rglob("*.py"):
        if path.name == "table.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        assert not any(name == "rich" or name.startswith("rich.") for name in names), path


@given(st.text())
def test_safe_text_has_no_live_control_character(text: str) -> None:
    import unicodedata

    shown = safe(text, lines=False)
    assert not [ch for ch in shown if unicodedata.category(ch) == "Cc"]
    assert not [ch for ch in shown if 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069]


READY_THEN_WAIT = """
import os, sys, time
import minusma.entry as entry

class Pause:
    \"\"\"Stops the run at the import of minusma.cli (the heavy part of start-up) and tells the test.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if name == "minusma.cli":
            os.write(int(os.environ["READY_FD"]), b"ready")
            time.sleep(30)
        return None

sys.meta_path.insert(0, Pause())
sys.argv = ["minusma", "timeline", "--json"]
entry.main()
"""


@pytest.mark.parametrize("repeat", range(3))
def test_ctrl_c_during_start_up_exits_130_quietly(repeat: int) -> None:
    """Ctrl-C while the command line is still being imported: 130 and nothing on stderr.

    The signal is sent only once the child says it has reached that import, so the test does not
    depend on how loaded the machine is (a fixed sleep could land in Python's own start-up, before
    any minusma code runs, where no handler can help).
    """
    import signal

    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        [sys.executable, "-c", READY_THEN_WAIT], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(SRC.parent), "READY_FD": str(write_end)}, pass_fds=(write_end,),
    )  # fmt: skip
    os.close(write_end)
    try:
        assert os.read(read_end, 5) == b"ready"
    finally:
        os.close(read_end)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert (process.returncode, stdout, stderr) == (130, b"", b"")


def test_the_usual_system_errors_are_given_in_the_users_language() -> None:
    from minusma.messages import Message, os_reason, say

    full = os_reason(OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(full, Message)
    shown = {lang: say("output_failed", lang, reason=full) for lang in LANGS}
    assert "No space left on device" in shown["en"]
    assert "Geen ruimte meer op het apparaat" in shown["nl"]
    assert "Plus d’espace libre sur le périphérique" in shown["fr"]
    assert (
        os_reason(OSError(errno.ENOTSUP, "Operation not supported")) == "Operation not supported"
    )  # as the system says


@pytest.mark.parametrize(
    ("arguments", "usage", "heading"),
    [(["--lang", "fr", "about", "--help"], "Utilisation\u00a0:", "Options\u00a0:"),
     (["about", "--help", "--lang=nl"], "Gebruik:", "Opties:"),
     (["about", "--help"], "Usage:", "Options:")],
)  # fmt: skip
def test_help_follows_the_lang_of_each_run_called_from_python(
    capsys: pytest.CaptureFixture[str], arguments: list[str], usage: str, heading: str
) -> None:
    """--lang is read from the run's own arguments (not sys.argv when cli was imported), run after run."""
    from minusma.cli import run

    for _ in range(2):  # the second run is not left in the first one's language
        assert run(arguments) == 0
        shown = capsys.readouterr().out
        assert shown.startswith(usage) and f"\n{heading}\n" in shown, shown[:200]
