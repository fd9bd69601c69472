"""The tool as a process: pipes that close, closed streams, read-only places, odd locales.

These run ``python -m minusma`` in a subprocess, as a shell would.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from minusma.messages import LANGS

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench" / "make_factbase.py"


def minusma(*args: str, env: dict[str, str | None] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run the installed package as a shell would; a ``None`` in ``env`` unsets that variable."""
    environment = {name: value for name, value in {**os.environ, **(env or {})}.items() if value is not None}
    return subprocess.run(
        [sys.executable, "-m", "minusma", *args], capture_output=True, text=True, env=environment, check=False,
        **kwargs,  # type: ignore[arg-type]
    )  # fmt: skip


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.json"
    subprocess.run([sys.executable, str(BENCH), "20000", str(path)], check=True)
    return path


@pytest.mark.parametrize(
    "pipeline",
    [
        "timeline --json --data {big} | head -c 100",
        "timeline --data {big} | head -1",
        "timeline --csv --data {big} | head -2",
        "at 2019-05-15 | head -1",
        "dutch --lang nl | head -3",
        "troops --compare --json | head -c 10",
    ],
)
def test_a_reader_that_stops_early_gets_no_traceback(big: Path, pipeline: str) -> None:
    command = f"set -o pipefail; {sys.executable} -m minusma {pipeline.format(big=big)}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=False)
    assert result.stderr == ""
    assert result.stdout
    assert result.returncode in (0, 141)  # 141: head closed the pipe; the shell reports SIGPIPE


def test_the_big_fact_base_is_valid(big: Path) -> None:
    result = minusma("validate", str(big), "--json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["errors"] == 0


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "standard output is closed"), ("nl", "standaarduitvoer"), ("fr", "la sortie standard est fermée")],
)
def test_closed_stdout_is_an_error_not_a_traceback(lang: str, said: str) -> None:
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m minusma troops --lang {lang} >&-"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert said in result.stderr


def test_closed_stdin_does_not_matter() -> None:
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m minusma about --json <&-"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["abbreviation"] == "MINUSMA"


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ("budget --output answer.txt", 0), ("budget --output=answer.txt --json", 0),
        ("budget --output -", 1), ("budget", 1), ("search -- --output answer.txt", 1),
        # the last --output counts, as Click reads it; standard output by another name is standard output
        ("budget --output answer.txt --output -", 1), ("budget --output - --output answer.txt", 0),
        ("budget --output /dev/stdout", 1), ("budget --output /dev/fd/1", 1), ("budget --output answer.txt --help", 1),
        ("budget --output ''", 2),  # an empty path is the usage error it is with stdout open
    ],
)  # fmt: skip
def test_an_output_file_needs_no_standard_output(tmp_path: Path, args: str, code: int) -> None:
    """`--output FILE` with stdout closed refused to run: the answer goes to the file, as `> FILE` would."""
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m minusma {args} >&-"], capture_output=True, text=True, check=False,
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == code, result.stderr
    written = tmp_path / "answer.txt"
    if code == 0:
        assert "2013/14" in written.read_text(encoding="utf-8") and result.stderr == ""
    elif code == 2:
        assert "--output names no file" in result.stderr and not written.exists()
    else:
        assert "standard output is closed" in result.stderr and not written.exists()


@pytest.mark.parametrize("args", ["about --data -", "validate -", "validate --json -"])
def test_reading_the_fact_base_from_a_closed_stdin_is_a_problem_not_a_crash(args: str) -> None:
    """`--data -` with stdin closed ended in "internal error: AttributeError" (exit 3)."""
    result = subprocess.run(
        ["bash", "-c", f"{sys.executable} -m minusma {args} <&-"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1, result.stderr
    assert "standard input is closed" in result.stderr + result.stdout and "internal error" not in result.stderr


@pytest.mark.parametrize(
    "environment", [{"LANG": "C", "LC_ALL": "C"}, {"LC_ALL": "POSIX"}, {"PYTHONIOENCODING": "ascii"}]
)
def test_dutch_letters_never_crash_a_limited_locale(environment: dict[str, str]) -> None:
    for args in (["dutch", "--lang", "nl"], ["troops", "--chart", "--lang", "nl"], ["dutch", "--json"]):
        result = minusma(*args, env=environment)
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""


def test_nothing_is_written_anywhere(tmp_path: Path) -> None:
    data = tmp_path / "ro" / "facts.json"
    data.parent.mkdir()
    data.write_bytes((REPO / "data" / "minusma.json").read_bytes())
    work = tmp_path / "work"
    work.mkdir()
    for path in (data, data.parent, work):
        path.chmod(stat.S_IRUSR | stat.S_IXUSR if path.is_dir() else stat.S_IRUSR)
    before = {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*")}
    try:
        commands = [
            ["about"], ["timeline"], ["troops", "--compare"], ["troops", "--chart"], ["mandate"], ["dutch"],
            ["leaders"], ["casualties"], ["errata"], ["sources"], ["search", "Gao"], ["at", "2017-01-01"],
            ["validate"], ["schema"],
        ]  # fmt: skip
        for command in commands:
            result = (
                minusma(*command, "--data", str(data), cwd=work, env={"PYTHONDONTWRITEBYTECODE": "1"})
                if command[0] != "schema"
                else minusma("schema", cwd=work)
            )
            assert result.returncode == 0, (command, result.stderr)
    finally:
        for path in (data, data.parent, work):
            path.chmod(stat.S_IRWXU)
    assert {path: path.stat().st_mtime_ns for path in tmp_path.rglob("*")} == before


def _imported(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "minusma", *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    assert "minusma.cli" in imported  # the probe works
    return imported


def _packages(imported: set[str], *names: str) -> set[str]:
    return {module for module in imported if module.split(".")[0] in names}


def test_the_json_path_does_not_import_rich_matplotlib_or_pydantic() -> None:
    """The shipped fact base needs no validation (its digest is checked), so pydantic stays out too."""
    imported = _imported("troops", "--compare", "--json")
    assert _packages(imported, "rich", "matplotlib", "pydantic") == set()


def test_the_table_path_imports_rich_but_not_matplotlib_or_pydantic() -> None:
    imported = _imported("troops", "--compare")
    assert "rich.console" in imported
    assert _packages(imported, "matplotlib", "pydantic") == set()


def test_a_file_given_with_data_is_validated_and_the_shipped_one_is_not(tmp_path: Path) -> None:
    """The speed above is not bought by skipping validation: a file other than the shipped one is
    validated (the validator's schema is loaded), and a byte-identical copy of the shipped one is not."""
    shipped = (REPO / "data" / "minusma.json").read_bytes()
    copy = tmp_path / "copy.json"
    copy.write_bytes(shipped + b"\n")  # one byte more: its digest no longer matches
    assert "minusma.core_schema" in _imported("timeline", "--json", "--data", str(copy))
    copy.write_bytes(shipped)
    assert "minusma.core_schema" not in _imported("timeline", "--json", "--data", str(copy))


def test_shell_completion_script_is_offered() -> None:
    result = minusma("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout and "minusma" in result.stdout


@pytest.mark.parametrize(
    ("words", "cword", "said"),
    [("minusma bud", "1", "budget"), ("minusma bud", "x", ""), ("minusma bud", "", ""), ("minusma bud", "1.5", ""),
     (None, "1", ""), ("minusma bud", None, "")],
)  # fmt: skip
def test_a_completion_request_completes_or_says_nothing(words: str | None, cword: str | None, said: str) -> None:
    """A COMP_CWORD that is no number, or no COMP_WORDS, ended in an internal error (exit 3)."""
    environment = {"_MINUSMA_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
    result = minusma(env=environment)
    assert (result.returncode, result.stderr) == (0, "")
    assert said in result.stdout and (said or result.stdout == "")


@pytest.mark.parametrize("shell", ["zsh", "fish", "powershell"])
def test_the_other_shells_completion_requests_complete(shell: str) -> None:
    """They pass _TYPER_COMPLETE_ARGS, not COMP_WORDS: a check meant for bash answered them nothing."""
    environment = {
        "_MINUSMA_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": "minusma tim",
        "_TYPER_COMPLETE_FISH_ACTION": "get-args", "_TYPER_COMPLETE_WORD_TO_COMPLETE": "tim",
        "COMP_WORDS": None, "COMP_CWORD": None,
    }  # fmt: skip
    result = minusma(env=environment)
    assert result.returncode == 0 and "timeline" in result.stdout, result.stderr


def test_python_dash_m_and_the_script_agree() -> None:
    result = minusma("--version")
    assert result.returncode == 0 and result.stdout.startswith("minusma ")


def test_help_follows_the_locale() -> None:
    dutch = minusma("troops", "-h", env={"LANG": "nl_NL.UTF-8"})
    assert "Voorbeeld: minusma troops --compare" in dutch.stdout
    assert "Zet elk sterktecijfer tegenover het geldende plafond" in dutch.stdout
    english = minusma("troops", "-h", env={"LANG": "en_GB.UTF-8"})
    assert "Example: minusma troops --compare" in english.stdout


# --------------------------------------------------------------------------- terminal widths

WIDTH_COMMANDS = [["about"], ["troops", "--compare"], ["at", "2016-07-01"], ["validate"]]


@pytest.mark.parametrize("command", WIDTH_COMMANDS, ids=" ".join)
def test_a_columns_that_is_not_a_positive_number_counts_as_unset(command: list[str]) -> None:
    unset = minusma(*command, env={"COLUMNS": None})
    assert unset.returncode == 0, unset.stderr
    for value in ("0", "-3", "abc", ""):
        result = minusma(*command, env={"COLUMNS": value})
        assert (result.returncode, result.stdout, result.stderr) == (0, unset.stdout, ""), value


def _figures(command: list[str]) -> set[str]:
    """Every word of every date, number, count and rate the command shows: none may be cut."""
    from minusma import query, sheets
    from minusma.load import load
    from minusma.load import validate as validate_file
    from minusma.output.cells import format_cell
    from minusma.output.table import _WHOLE

    asked = {
        "about": lambda: sheets.about(query.about(load()), "en"),
        "troops": lambda: sheets.compare(query.compare(load()), "en"),
        "at": lambda: sheets.at(query.at(load(), command[-1]), "en"),
        "validate": lambda: sheets.validation(query.validation(*validate_file(None), "en"), "en"),
    }[command[0]]()
    found = set()
    for sheet in asked:
        for row in sheet.rows:
            for column, cell in zip(sheet.columns, row, strict=False):
                if column.kind in _WHOLE and column.kind != "bar" and column.show != "csv":
                    found.update(format_cell(column, cell, "en", compact=False).split())
    return found - {"-"}


@pytest.mark.parametrize("columns", ["1", "5", "12"])
@pytest.mark.parametrize("command", WIDTH_COMMANDS, ids=" ".join)
def test_a_very_narrow_terminal_still_shows_every_figure_whole(command: list[str], columns: str) -> None:
    result = minusma(*command, env={"COLUMNS": columns})
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    # drawn 20 wide, the terminal wraps the rest; only an id or a URL wider than that, on a line of its
    # own, stays whole
    assert max(len(line) for line in lines if len(line.split()) > 1) <= 20
    words = {word for line in lines for word in line.split()}
    missing = {figure for figure in _figures(command) if figure not in words}
    assert not missing


# --------------------------------------------------------------------------- hostile data


def _fact_base(folder: Path, change: Callable[[dict[str, Any]], object], name: str = "facts.json") -> Path:
    data = json.loads((REPO / "data" / "minusma.json").read_text(encoding="utf-8"))
    change(data)
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("date", ["0000", "0000-06", "0000-01-01"])
def test_year_0000_is_rejected_by_validate_and_on_load(tmp_path: Path, date: str) -> None:
    path = _fact_base(tmp_path, lambda data: data["events"][0].update(date=date))
    expected = f"events[0].date: '{date}': the year must be 0001 or later"
    checked = minusma("validate", str(path), "--json")
    assert checked.returncode == 1
    assert [problem["path"] + ": " + problem["message"] for problem in json.loads(checked.stdout)["problems"]] == [
        expected
    ]
    for command in (["about"], ["timeline", "--json"], ["at", "2016"]):
        loaded = minusma(*command, "--data", str(path))
        assert (loaded.returncode, loaded.stdout) == (1, "")
        assert loaded.stderr == f"minusma: {path}: {expected}\n"


# --------------------------------------------------------------------------- output that must arrive whole


def _read_slowly(args: list[str], non_blocking: bool) -> tuple[int, bytes, str]:
    """Run with stdout on a pipe (its write end non-blocking if asked) and a reader that keeps it full."""
    read_end, write_end = os.pipe()
    if non_blocking:
        os.set_blocking(write_end, False)  # as Node's child_process and some CI runners leave it
    with subprocess.Popen(
        [sys.executable, "-m", "minusma", *args], stdout=write_end, stderr=subprocess.PIPE
    ) as process:
        os.close(write_end)
        time.sleep(0.3)  # the pipe fills up before anyone reads
        received = bytearray()
        while chunk := os.read(read_end, 1 << 16):
            received += chunk
            if len(received) % (1 << 18) < len(chunk):
                time.sleep(0.05)  # and again now and then
        os.close(read_end)
        stderr = process.stderr.read().decode() if process.stderr else ""
    return process.returncode, bytes(received), stderr


@pytest.fixture(scope="module")
def medium(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fact base whose timeline is several times what a pipe holds, and quick to draw as a table."""
    path = tmp_path_factory.mktemp("medium") / "medium.json"
    subprocess.run([sys.executable, str(BENCH), "2000", str(path)], check=True)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["timeline", "--json"],
        ["timeline", "--csv"],
        ["timeline"],
        ["timeline", "--lang", "fr"],
        ["--help"],
        ["--version"],
    ],
    ids=" ".join,
)
def test_a_non_blocking_stdout_gets_every_byte(medium: Path, args: list[str]) -> None:
    command = [*args, "--data", str(medium)] if args[0] == "timeline" else args
    code, expected, _ = _read_slowly(command, non_blocking=False)
    assert code == 0
    assert len(expected) > 3 * (1 << 16) or args[0] != "timeline"  # a pipe holds 64 KiB
    assert _read_slowly(command, non_blocking=True) == (0, expected, "")


TERMINAL_ACTIONS = ["\x1b]0;pwned\x07", "\x9b31m", "\u202egnp.exe"]


def _no_live_controls(text: str) -> bool:
    return not any(char in text for char in "\x1b\x07\x9b\u202e")


@pytest.mark.parametrize("hostile", TERMINAL_ACTIONS, ids=ascii)
def test_terminal_escapes_from_files_and_arguments_are_shown_escaped(tmp_path: Path, hostile: str) -> None:
    keyed = _fact_base(tmp_path, lambda data: data["events"][0].update({hostile: "x"}), "keyed.json")
    titled = _fact_base(tmp_path, lambda data: data["sources"][0].update(title=f"A{hostile}"), "titled.json")
    runs = [
        (1, ["about", "--data", str(keyed)]),
        (1, ["validate", str(keyed)]),
        (1, ["timeline", "--csv", "--data", str(titled)]),
        (1, ["validate", str(titled)]),
        (0, ["search", f"Gao{hostile}"]),
        (1, ["sources", hostile]),
        (2, ["at", hostile]),
        (2, ["timeline", "-c", hostile]),
        (2, ["about", "--lang", hostile]),
        (2, ["about", hostile]),
        (2, [hostile]),
        (1, ["validate", str(tmp_path / hostile)]),
    ]
    for code, args in runs:
        result = minusma(*args)
        assert result.returncode == code, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert _no_live_controls(result.stdout + result.stderr), (args, result.stdout + result.stderr)
    from minusma.output.cells import safe

    shown = minusma("about", "--data", str(keyed)).stderr
    assert f"events[0].{safe(hostile, lines=False)}: unknown field" in shown


# --------------------------------------------------------------------------- undecodable arguments


def _run_bytes(*args: bytes, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    """Arguments as raw bytes, as a shell passes them: they need not be valid UTF-8."""
    return subprocess.run(
        [os.fsencode(sys.executable), b"-m", b"minusma", *args], capture_output=True, check=False, cwd=cwd
    )


def test_an_argument_that_is_not_utf8_is_a_usage_error_showing_its_bytes() -> None:
    for args in ([b"search", b"Gao\xff", b"--json"], [b"search", b"Gao\xff"], [b"search", b"Gao\xff", b"--csv"]):
        result = _run_bytes(*args)
        assert result.returncode == 2
        assert result.stdout == b""
        assert b"the argument Gao\\xff is not valid text" in result.stderr
        assert b"Traceback" not in result.stderr and b"\xff" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        [b"bases", b"--base", b"Gao\xff"],
        [b"casualties", b"--country", b"Gao\xff"],
        [b"contributors", b"--country", b"Gao\xff"],
        [b"cite", b"res-2100", b"Gao\xff"],
        [b"show", b"Gao\xff"],
    ],
)
def test_a_name_or_id_that_is_not_utf8_is_a_usage_error_not_a_name_not_found(args: list[bytes]) -> None:
    """It was exit 1, "not found" (bases even offered "did you mean: base-gao"); the guide's exit code for an
    argument that is not valid text is 2, as for search."""
    result = _run_bytes(*args)
    assert result.returncode == 2, result.stderr
    assert result.stdout == b""
    assert b"the argument Gao\\xff is not valid text" in result.stderr
    assert b"did you mean" not in result.stderr and b"\xff" not in result.stderr


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    (tmp_path / os.fsdecode(b"caf\xe9.json")).write_bytes((REPO / "data" / "minusma.json").read_bytes())
    checked = _run_bytes(b"validate", b"caf\xe9.json", b"--json", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout) == {
        "file": "caf\\xe9.json", "valid": True, "errors": 0, "warnings": 0, "problems": []
    }  # fmt: skip
    assert _run_bytes(b"validate", b"caf\xe9.json", cwd=tmp_path).stdout == b"caf\\xe9.json: valid (0 warnings)\n"
    loaded = _run_bytes(b"about", b"--json", b"--data", b"caf\xe9.json", cwd=tmp_path)
    assert loaded.returncode == 0 and json.loads(loaded.stdout)["abbreviation"] == "MINUSMA"
    missing = _run_bytes(b"about", b"--data", b"nope\xe9.json", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (1, b"")
    assert missing.stderr.startswith(b"minusma: nope\\xe9.json: no such file")
    report = _run_bytes(b"validate", b"nope\xe9.json", b"--json", cwd=tmp_path)
    assert report.returncode == 1 and json.loads(report.stdout)["file"] == "nope\\xe9.json"


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
def test_csv_and_json_are_utf8_whatever_the_output_encoding(encoding: str) -> None:
    for args in (["sources", "--csv"], ["dutch", "--csv", "--lang", "fr"], ["about", "--json"]):
        normal = subprocess.run([sys.executable, "-m", "minusma", *args], capture_output=True, check=False)
        narrow = subprocess.run(
            [sys.executable, "-m", "minusma", *args], capture_output=True, check=False,
            env={**os.environ, "PYTHONIOENCODING": encoding},
        )  # fmt: skip
        assert (narrow.returncode, narrow.stderr) == (0, b"")
        assert narrow.stdout == normal.stdout
        assert not narrow.stdout.isascii()  # the letters are there, in UTF-8
        narrow.stdout.decode("utf-8")


def test_a_table_in_ascii_replaces_what_it_cannot_show() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "dutch", "--lang", "fr"], capture_output=True, check=False,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.isascii()
    assert b"contribue au recueil" in result.stdout  # an accented letter as its base letter


def test_an_ascii_table_keeps_french_figures_and_marks_readable() -> None:
    """French groups digits with a narrow no-break space: in ASCII a space, not '12?640'; the computed
    mark Σ is '=', and its note says so; a letter with no ASCII base letter is still '?'."""
    environment = {**os.environ, "PYTHONIOENCODING": "ascii", "COLUMNS": "100"}
    troops = subprocess.run(
        [sys.executable, "-m", "minusma", "troops", "--lang", "fr"], capture_output=True, check=False, env=environment
    )
    assert (troops.returncode, troops.stderr) == (0, b"")
    assert troops.stdout.isascii() and b"12 640" in troops.stdout and b"12?640" not in troops.stdout
    contributors = subprocess.run(
        [sys.executable, "-m", "minusma", "contributors"], capture_output=True, check=False, env=environment
    )
    assert contributors.stdout.isascii()
    assert b"=335" in contributors.stdout and b"= a figure this tool computed" in contributors.stdout
    assert b"?335" not in contributors.stdout


# --------------------------------------------------------------------------- a full disk


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize(
    "args",
    [["timeline", "--json"], ["timeline", "--csv"], ["timeline"], ["validate", "--json"], ["--version"], ["at", "-h"]],
    ids=" ".join,
)
def test_a_full_disk_is_exit_4_with_one_line_naming_the_cause(args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "minusma", *args], stdout=full, stderr=subprocess.PIPE, text=True, check=False
        )
    assert result.returncode == 4
    assert result.stderr == "minusma: could not write the output (No space left on device); nothing more was written\n"


# --------------------------------------------------------------------------- pipes as fact bases


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "facts.fifo"
    os.mkfifo(path)
    return path


def test_a_fifo_with_no_writer_is_reported_not_waited_on(fifo: Path) -> None:
    message = f"minusma: {fifo}: is a pipe with nothing writing to it; start the writer first, or give a regular file\n"
    loaded = minusma("about", "--data", str(fifo), timeout=20)
    assert (loaded.returncode, loaded.stdout, loaded.stderr) == (1, "", message)
    from_environment = minusma("timeline", "--json", env={"MINUSMA_DATA": str(fifo)}, timeout=20)
    assert (from_environment.returncode, from_environment.stderr) == (1, message)
    checked = minusma("validate", str(fifo), "--json", timeout=20)
    assert checked.returncode == 1
    assert [problem["message"] for problem in json.loads(checked.stdout)["problems"]] == [
        "is a pipe with nothing writing to it; start the writer first, or give a regular file"
    ]


def test_version_and_help_never_read_the_fact_base(fifo: Path) -> None:
    for args in (["--version"], ["about", "-h"], ["schema"]):
        result = minusma(*args, env={"MINUSMA_DATA": str(fifo)}, timeout=20)
        assert (result.returncode, result.stderr) == (0, ""), args


def test_a_fifo_whose_writer_is_waiting_is_read(fifo: Path) -> None:
    data = (REPO / "data" / "minusma.json").read_bytes()

    def write() -> None:
        with fifo.open("wb") as writer:  # blocks until minusma opens the other end
            writer.write(data)

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    result = minusma("about", "--json", "--data", str(fifo), timeout=20)
    writer.join(timeout=20)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["abbreviation"] == "MINUSMA"


def test_process_substitution_and_standard_input_are_read() -> None:
    data = REPO / "data" / "minusma.json"
    for line in (
        f"{sys.executable} -m minusma about --json --data <(cat {data})",
        f"{sys.executable} -m minusma validate <(cat {data}) --json",
        f"cat {data} | {sys.executable} -m minusma timeline --json --data -",
        f"{sys.executable} -m minusma validate - --json < {data}",
    ):
        result = subprocess.run(["bash", "-c", line], capture_output=True, text=True, check=False, timeout=20)
        assert (result.returncode, result.stderr) == (0, ""), line
        document = json.loads(result.stdout)
        assert document.get("abbreviation") == "MINUSMA" or document.get("valid") or document.get("events")
    empty = minusma("about", "--data", "-", input="", timeout=20)
    assert (empty.returncode, empty.stderr) == (
        1,
        "minusma: <stdin>: is empty; a fact base is a JSON object (see 'minusma schema')\n",
    )


# --------------------------------------------------------------------------- unreadable files


def _without_root_powers() -> list[str]:
    """A prefix that runs a command unable to read what its mode forbids, even as root; skip where none exists."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root reads any file, and setpriv is not there to drop that power")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


def test_an_unreadable_file_is_the_tools_own_message(tmp_path: Path) -> None:
    locked = tmp_path / "locked.json"
    locked.write_bytes((REPO / "data" / "minusma.json").read_bytes())
    locked.chmod(0)
    hidden = tmp_path / "shut"
    hidden.mkdir()
    (hidden / "facts.json").write_bytes(b"{}")
    hidden.chmod(0)
    prefix = _without_root_powers()
    denied = "permission denied; make the file readable or copy it somewhere readable"
    try:
        for path in (locked, hidden / "facts.json"):
            run = [*prefix, sys.executable, "-m", "minusma"]
            loaded = subprocess.run([*run, "about", "--data", str(path)], capture_output=True, text=True, check=False)
            assert (loaded.returncode, loaded.stdout) == (1, "")
            assert loaded.stderr == f"minusma: {path}: {denied}\n"
            checked = subprocess.run(
                [*run, "validate", str(path), "--json"], capture_output=True, text=True, check=False
            )
            assert checked.returncode == 1, checked.stderr
            assert [problem["message"] for problem in json.loads(checked.stdout)["problems"]] == [denied]
    finally:
        hidden.chmod(0o700)


# --------------------------------------------------------------------------- CSV


CSV_COMMANDS = [
    ["about"], ["timeline"], ["troops"], ["troops", "--compare"], ["mandate"], ["dutch"], ["leaders"],
    ["casualties"], ["errata"], ["sources"], ["sources", "un-press-2690"], ["search", "Gao"], ["at", "2016-07-01"],
    ["validate"],
]  # fmt: skip


def _break_lines(value: Any) -> None:
    """Every text of the fact base across lines, with a tab: what a paragraph may hold."""
    if isinstance(value, dict):
        if set(value) == set(LANGS):
            for lang in value:
                value[lang] = value[lang].replace(" ", "\n", 1).replace(" ", "\t", 1)
        for child in value.values():
            _break_lines(child)
    elif isinstance(value, list):
        for child in value:
            _break_lines(child)


def test_every_csv_round_trips_through_a_csv_reader(tmp_path: Path) -> None:
    import csv
    import io

    broken = _fact_base(tmp_path, _break_lines, "lines.json")
    for command in CSV_COMMANDS:
        plain = minusma(*command, "--csv")
        spread = minusma(*command, "--csv", "--data", str(broken))
        assert (plain.returncode, spread.returncode, spread.stderr) == (0, 0, ""), command
        expected = list(csv.reader(io.StringIO(plain.stdout, newline="")))
        rows = list(csv.reader(io.StringIO(spread.stdout, newline="")))
        assert len(rows) == len(expected), command
        assert {len(row) for row in rows} == {len(rows[0])}, command
        if command[0] != "validate":  # its report names the file
            assert [[" ".join(cell.split()) for cell in row] for row in rows] == [
                [" ".join(cell.split()) for cell in row] for row in expected
            ]
        if command[0] in ("timeline", "mandate", "dutch"):
            assert spread.stdout.count("\n") > plain.stdout.count("\n")  # the newlines are inside cells


FORMULAS = ["=cmd|' /C calc'!A0", "+1+2", "@SUM(A1)", "-2+3", '=HYPERLINK("http://example.org")']


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe(tmp_path: Path) -> None:
    import csv
    import io

    planted = {lang: FORMULAS[min(index, 2)] for index, lang in enumerate(LANGS)}  # en, nl, fr: the first three

    def plant(data: dict[str, Any]) -> None:
        data["events"][0]["text"] = planted
        data["sources"][0].update(title=FORMULAS[3], publisher=FORMULAS[4])
        data["leaders"][0].update(name=FORMULAS[2])

    path = _fact_base(tmp_path, plant)
    cells: set[str] = set()
    for command in (
        ["timeline"],
        ["timeline", "--lang", "nl"],
        ["timeline", "--lang", "fr"],
        ["sources"],
        ["leaders"],
        ["search", "calc"],
    ):
        result = minusma(*command, "--csv", "--data", str(path))
        assert result.returncode == 0, result.stderr
        cells |= {cell for row in csv.reader(io.StringIO(result.stdout, newline="")) for cell in row}
    assert {"'" + formula for formula in FORMULAS} <= cells
    assert not {cell for cell in cells if cell[:1] in ("=", "+", "@") or (cell[:1] == "-" and cell != "-")}
    shown = json.loads(minusma("timeline", "--json", "--data", str(path)).stdout)["events"][0]["text"]
    assert shown == planted  # JSON and tables keep the text
    assert "+1+2" in minusma("timeline", "--lang", "nl", "--data", str(path)).stdout.splitlines()[3]


# --------------------------------------------------------------------------- Ctrl-C


INTERPRETER_START = 0.1
"""Seconds after which the interpreter's own start-up is surely over and minusma's handler is in place."""


@pytest.mark.parametrize("launcher", ["script", "module"])
def test_ctrl_c_at_any_moment_exits_130_quietly(medium: Path, launcher: str) -> None:
    """Ctrl-C from start-up to the end of the output: exit 130 (or 0 if the run was done), no traceback.

    The first few tens of milliseconds belong to Python's own start-up (site, and the wrapper that
    pip writes for the script), before any line of minusma runs: a Ctrl-C there gets Python's own
    reaction, which the test tolerates only if no minusma frame is in it.
    """
    script = Path(sys.executable).parent / "minusma"
    command = [str(script)] if launcher == "script" else [sys.executable, "-m", "minusma"]
    for delay in (0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3):
        process = subprocess.Popen(
            [*command, "timeline", "--data", str(medium)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        time.sleep(delay)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
        if delay >= INTERPRETER_START or not stderr:
            assert (process.returncode, stderr) in ((130, ""), (0, ""), (-signal.SIGINT, "")), (delay, stderr)
        else:  # interrupted in Python's start-up or its import of minusma, before the handler
            assert _before_the_handler(stderr), (delay, stderr)


def _before_the_handler(traceback: str) -> bool:
    """Whether every minusma line in a traceback is an import: entry.py's handler is the first thing it runs."""
    lines = traceback.splitlines()
    return all(
        lines[index + 1].strip().startswith(("from ", "import "))
        for index, line in enumerate(lines[:-1])
        if line.strip().startswith("File ") and "/minusma/" in line
    )


# --------------------------------------------------------------------------- smaller things


def test_with_stderr_closed_a_usage_error_still_exits_2_and_prints_nothing() -> None:
    for line in ("at bogus", "--bogus", "about --lang xx", "timeline --json --csv", "search ''"):
        result = subprocess.run(
            ["bash", "-c", f"{sys.executable} -m minusma {line} 2>&-"], capture_output=True, text=True, check=False
        )
        assert (result.returncode, result.stdout, result.stderr) == (2, "", ""), line


def test_an_empty_data_path_is_named_as_empty() -> None:
    message = "minusma: '': no file named: the path is empty; give the path of a fact base .json file\n"
    for args in (["about", "--data", ""], ["timeline", "--json", "--data="]):
        result = minusma(*args)
        assert (result.returncode, result.stdout, result.stderr) == (1, "", message)
    checked = minusma("validate", "", "--json")
    assert checked.returncode == 1
    assert json.loads(checked.stdout)["problems"][0]["message"].startswith("no file named: the path is empty")
    unset = minusma("about", "--json", env={"MINUSMA_DATA": ""})  # set but empty: the shipped fact base
    assert (unset.returncode, unset.stderr) == (0, "")


def test_a_missing_shipped_fact_base_says_to_reinstall(tmp_path: Path) -> None:
    program = (
        "import pathlib, sys\n"
        "import minusma.load\n"
        f"minusma.load.default_path = lambda: pathlib.Path({str(tmp_path / 'gone.json')!r})\n"
        "from minusma.entry import main\n"
        "sys.argv[0] = 'minusma'\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", program, "about"], capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.endswith("gone.json: the fact base shipped with minusma is missing; reinstall minusma\n")
    assert "--data" not in result.stderr


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"header": "\\ud800"}', 1),
        ('{"header": "\\ud800x"}', 1),
        ('{"header": "\\udbff\\n"}', 1),
        ('{\n  "header":\n  "é\\ud800"\n}', 3),
        ('{"header": "\\ud800\\u0041"}', 1),
        ('{"header": "\\udc00"}', 1),
    ],
    ids=ascii,
)
def test_a_lone_surrogate_escape_is_called_so(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "surrogate.json"
    path.write_text(text, encoding="utf-8")
    result = minusma("about", "--data", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"minusma: {path}:{line}: is not valid JSON: a lone surrogate escape (\\ud800 to \\udfff) that is no character"
    ), result.stderr
    checked = json.loads(minusma("validate", str(path), "--json").stdout)["problems"]
    assert [(problem["path"], problem["line"]) for problem in checked] == [("", line)]
    assert "lone surrogate" in checked[0]["message"]


def test_in_a_whole_fact_base_a_pair_is_a_character_and_a_lone_half_is_named() -> None:
    """A document with every top-level key takes the one-pass path, whose errors come another way."""
    shipped = (REPO / "data" / "minusma.json").read_text(encoding="utf-8")
    for escape, valid in (("\\ud83d\\ude00", True), ("\\ud800", False), ("\\udbff\\n", False)):
        data = shipped.replace('"Mali', f'"{escape}Mali', 1)
        result = subprocess.run(
            [sys.executable, "-m", "minusma", "validate", "-", "--json"], input=data, capture_output=True, text=True,
            check=False,
        )  # fmt: skip
        problems = json.loads(result.stdout)["problems"]
        assert (result.returncode == 0) is valid, problems
        assert valid or "a lone surrogate escape" in problems[0]["message"]


def test_install_completion_writes_the_script_and_a_line_in_the_start_up_file(tmp_path: Path) -> None:
    result = minusma("--install-completion", env={"HOME": str(tmp_path), "SHELL": "/bin/bash"}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = sorted(str(path.relative_to(tmp_path)) for path in tmp_path.rglob("*") if path.is_file())
    assert written == [".bash_completions/minusma.sh", ".bashrc"]
    assert f"source '{tmp_path}/.bash_completions/minusma.sh'" in (tmp_path / ".bashrc").read_text()
    assert (
        "complete -o default -F _minusma_completion minusma"
        in (tmp_path / ".bash_completions" / "minusma.sh").read_text()
    )


def test_the_completion_options_are_listed_once_and_only_at_the_top() -> None:
    assert minusma("--help").stdout.count("--install-completion") == 1
    assert "--install-completion" not in minusma("about", "--help").stdout


# --------------------------------------------------------------------------- every format through a real pipe


def _parse_back(output_format: str, text: str) -> None:
    """Read a format back with a parser that is not minusma's own."""
    import csv
    import io
    from html.parser import HTMLParser

    if output_format in ("json", "csl-json", "timelinejs"):
        json.loads(text)
    elif output_format == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len({len(row) for row in rows}) == 1
    elif output_format == "md":
        from markdown_it import MarkdownIt

        assert "table" in {token.tag for token in MarkdownIt("commonmark").enable(["table"]).parse(text)}
    elif output_format == "html":
        HTMLParser().feed(text)
        assert text.startswith("<!DOCTYPE html>")
    elif output_format == "bibtex":
        import bibtexparser

        assert bibtexparser.parse_string(text).entries
    elif output_format == "ris":
        import rispy

        assert rispy.loads(text)
    else:
        assert text.strip()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("args", "output_format"),
    [
        (["troops", "--compare"], "json"), (["troops", "--compare"], "csv"), (["leaders"], "md"),
        (["at", "2016-07-06"], "html"), (["timeline"], "timelinejs"), (["cite", "res-2100"], "csl-json"),
        (["cite", "res-2100"], "bibtex"), (["cite", "res-2100"], "ris"), (["contributors"], "table"),
    ],
)  # fmt: skip
def test_every_format_through_a_real_pipe_in_every_language(args: list[str], output_format: str, lang: str) -> None:
    """The installed command writing into a pipe, read back by an independent parser; nothing live for a terminal."""
    result = subprocess.run(
        [sys.executable, "-m", "minusma", *args, "--format", output_format, "--lang", lang],
        capture_output=True, check=False,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, b""), result.stderr
    text = result.stdout.decode("utf-8")
    assert "\x1b" not in text and "\x9b" not in text
    _parse_back(output_format, text)


# --------------------------------------------------------------------------- issue 21 items 11, 26, 27


def test_an_unknown_minusma_lang_is_a_usage_error() -> None:
    result = minusma("about", env={"MINUSMA_LANG": "xx"})
    assert result.returncode == 2
    assert "MINUSMA_LANG=xx is not a language minusma speaks" in result.stderr and result.stdout == ""
    assert minusma("about", env={"MINUSMA_LANG": ""}).returncode == 0  # set but empty counts as unset
    assert minusma("about", "--lang", "nl", env={"MINUSMA_LANG": "xx"}).returncode == 0  # --lang decides
    assert "MINUSMA in het kort" in minusma("about", env={"MINUSMA_LANG": "nl"}).stdout


@pytest.mark.parametrize("how", ["--data", "MINUSMA_DATA", "a link"])
def test_output_onto_the_fact_base_being_read_is_refused(tmp_path: Path, how: str) -> None:
    facts = tmp_path / "facts.json"
    facts.write_bytes((REPO / "data" / "minusma.json").read_bytes())
    target = facts
    if how == "a link":
        target = tmp_path / "link.json"
        target.symlink_to(facts)
    args = ["about", "--output", str(target)]
    if how == "MINUSMA_DATA":
        result = minusma(*args, env={"MINUSMA_DATA": str(facts)})
    else:
        result = minusma(*args, "--data", str(facts))
    assert result.returncode == 2
    assert "is the fact base being read" in result.stderr
    assert facts.read_bytes() == (REPO / "data" / "minusma.json").read_bytes()
    elsewhere = minusma("about", "--data", str(facts), "--output", str(tmp_path / "answer.txt"))
    assert elsewhere.returncode == 0 and (tmp_path / "answer.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_validate_output_onto_the_file_it_validates_is_refused(tmp_path: Path, extra: list[str]) -> None:
    """`validate facts.json --output facts.json` replaced the facts with the one-line report, exit 0."""
    facts = tmp_path / "facts.json"
    original = (REPO / "data" / "minusma.json").read_bytes()
    facts.write_bytes(original)
    result = minusma("validate", str(facts), *extra, "--output", str(facts))
    assert result.returncode == 2 and "is the fact base being read" in result.stderr
    assert facts.read_bytes() == original
    report = tmp_path / "report.txt"
    elsewhere = minusma("validate", str(facts), *extra, "--output", str(report))
    assert elsewhere.returncode == 0 and report.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [["--data", "-", "about"], ["validate", "-"]])
def test_output_onto_the_file_redirected_as_stdin_is_refused(tmp_path: Path, args: list[str]) -> None:
    """`--data - --output x.json < x.json` replaced the facts with the answer (exit 0)."""
    facts = tmp_path / "facts.json"
    original = (REPO / "data" / "minusma.json").read_bytes()
    facts.write_bytes(original)
    with facts.open("rb") as stdin:
        result = minusma(*args, "--output", str(facts), stdin=stdin)
    assert result.returncode == 2 and "is the fact base being read" in result.stderr
    assert facts.read_bytes() == original
    with facts.open("rb") as stdin:  # another file is written as asked
        elsewhere = minusma(*args, "--output", str(tmp_path / "answer.txt"), stdin=stdin)
    assert elsewhere.returncode == 0 and (tmp_path / "answer.txt").stat().st_size > 0


def test_export_into_the_folder_holding_the_fact_base_under_a_package_name_is_refused(tmp_path: Path) -> None:
    """`export pkg --force --data pkg/datapackage.json` replaced the facts with the package's descriptor."""
    folder = tmp_path / "pkg"
    folder.mkdir()
    original = (REPO / "data" / "minusma.json").read_bytes()
    (folder / "datapackage.json").write_bytes(original)
    result = minusma("export", str(folder), "--force", "--data", str(folder / "datapackage.json"))
    assert result.returncode == 2 and "holds the fact base being read as datapackage.json" in result.stderr
    assert sorted(path.name for path in folder.iterdir()) == ["datapackage.json"]
    assert (folder / "datapackage.json").read_bytes() == original
    (folder / "facts.json").write_bytes(original)  # under a name the package does not use: it stays
    beside = minusma("export", str(folder), "--force", "--data", str(folder / "facts.json"))
    assert beside.returncode == 0, beside.stderr
    assert (folder / "facts.json").read_bytes() == original


def test_output_onto_the_shipped_fact_base_is_refused() -> None:
    from minusma.load import default_path

    shipped = default_path()
    before = shipped.read_bytes()
    try:
        result = minusma("about", "--output", str(shipped), env={"MINUSMA_DATA": None})
        assert result.returncode == 2 and shipped.read_bytes() == before
    finally:  # a regression must not leave the checkout's fact base replaced
        if shipped.read_bytes() != before:
            shipped.write_bytes(before)


BUG = """
import sys
from minusma import entry, query
def broken(*args, **kwargs):
    raise RuntimeError("planted")
query.about = broken
sys.argv = ["minusma", *sys.argv[1:]]
entry.main()
"""


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "internal error"), ("nl", "interne fout"), ("fr", "erreur interne")]
)
def test_the_internal_error_message_is_in_the_users_language(lang: str, words: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BUG, "about", "--lang", lang], capture_output=True, text=True, check=False
    )
    assert result.returncode == 3
    assert words in result.stderr.lower() and "RuntimeError: planted" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "command", ["timeline", "troops", "troops --compare", "at 2016-06-29", "dutch --lang nl", "mandate --lang fr"]
)
def test_no_piped_table_line_ends_in_a_space(command: str) -> None:
    """Rich pads every table row to the table's width; a pipe gets the text without that padding."""
    pipeline = f"set -o pipefail; {sys.executable} -m minusma {command} | cat"
    result = subprocess.run(["bash", "-c", pipeline], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert len(lines) > 20
    assert [line for line in lines if line.endswith(" ")] == []
    assert any("  " in line.strip() for line in lines)  # the spaces between columns stay


def test_a_number_typed_without_separators_is_found_by_the_installed_command() -> None:
    found = minusma("search", "15209", "--json")
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)["hits"]
    assert {hit["id"] for hit in hits} >= {"err-defenceweb-ceiling", "err-defenceweb-total"}
    assert all("15,209" in hit["text"]["en"] for hit in hits)
