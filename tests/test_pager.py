"""The pager: long output on a terminal (a pseudo-terminal here) goes through MINUSMA_PAGER, PAGER or less."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

from minusma.output.pager import command

SRC = Path(__file__).resolve().parents[1] / "src"


def environment(**extra: str) -> dict[str, str]:
    base = {
        name: value
        for name, value in os.environ.items()
        if name not in ("LINES", "COLUMNS", "PAGER", "MINUSMA_PAGER", "LESS", "MINUSMA_LANG", "MINUSMA_DATA")
    }
    return {**base, "PYTHONPATH": str(SRC), "NO_COLOR": "1", "TERM": "dumb", **extra}


def on_terminal(args: list[str], env: dict[str, str], rows: int = 10) -> tuple[int, str]:
    """Run minusma with stdin, stdout and stderr on a pseudo-terminal of ``rows`` lines; what the terminal got."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "minusma", *args], stdin=follower, stdout=follower, stderr=follower, env=env
    )
    os.close(follower)
    received = b""
    while True:
        try:
            chunk = os.read(leader, 1 << 16)
        except OSError:  # EIO: every process has closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(leader)
    return process.wait(timeout=60), received.decode("utf-8", "replace").replace("\r\n", "\n")


@pytest.fixture
def recorder(tmp_path: Path) -> tuple[Path, Path]:
    """A pager that records what it is given and says that it ran."""
    record = tmp_path / "recorded.txt"
    script = tmp_path / "pager.sh"
    script.write_text(f'#!/bin/sh\ncat > "{record}"\necho "the pager ran"\n', encoding="utf-8")
    script.chmod(0o755)
    return script, record


def test_long_output_on_a_terminal_goes_through_the_pager(recorder: tuple[Path, Path]) -> None:
    script, record = recorder
    code, shown = on_terminal(["leaders"], environment(MINUSMA_PAGER=str(script)))
    assert code == 0, shown
    assert shown.strip() == "the pager ran"
    recorded = record.read_text(encoding="utf-8")
    assert recorded.startswith("Leaders\n") and "Bert Koenders" in recorded and "Fact base current to" in recorded


def test_the_pager_gets_every_format(recorder: tuple[Path, Path]) -> None:
    script, record = recorder
    code, shown = on_terminal(["timeline", "--format", "md"], environment(MINUSMA_PAGER=str(script)))
    assert code == 0 and shown.strip() == "the pager ran"
    assert record.read_text(encoding="utf-8").startswith("## Timeline\n")


def test_pager_is_used_when_minusma_pager_is_not_set(recorder: tuple[Path, Path]) -> None:
    script, record = recorder
    code, shown = on_terminal(["leaders"], environment(PAGER=str(script)))
    assert code == 0 and shown.strip() == "the pager ran" and record.exists()


def test_no_pager_prints_to_the_terminal(recorder: tuple[Path, Path]) -> None:
    script, record = recorder
    for args in (["leaders", "--no-pager"], ["--no-pager", "leaders"]):
        code, shown = on_terminal(args, environment(MINUSMA_PAGER=str(script)))
        assert code == 0
        assert "Bert Koenders" in shown and "the pager ran" not in shown
    assert not record.exists()


def test_output_that_fits_the_screen_is_printed(recorder: tuple[Path, Path]) -> None:
    script, record = recorder
    code, shown = on_terminal(["at", "2023-09-15"], environment(MINUSMA_PAGER=str(script)), rows=500)
    assert code == 0 and "MINUSMA on 2023-09-15" in shown
    assert not record.exists()


def test_a_pipe_is_never_paged(recorder: tuple[Path, Path]) -> None:
    script, record = recorder
    result = subprocess.run(
        [sys.executable, "-m", "minusma", "leaders"], capture_output=True, env=environment(MINUSMA_PAGER=str(script))
    )
    assert result.returncode == 0 and b"Bert Koenders" in result.stdout
    assert not record.exists()


def test_a_pager_that_cannot_start_falls_back_to_printing(tmp_path: Path) -> None:
    code, shown = on_terminal(["leaders"], environment(MINUSMA_PAGER=str(tmp_path / "no-such-pager")))
    assert code == 0 and "Bert Koenders" in shown and "Traceback" not in shown


def test_a_pager_that_fails_falls_back_to_printing() -> None:
    """`MINUSMA_PAGER=false` showed nothing and exited 0: the output was lost without a word."""
    code, shown = on_terminal(["leaders"], environment(MINUSMA_PAGER="false"))
    assert code == 0 and "Bert Koenders" in shown and "Traceback" not in shown


@pytest.mark.parametrize(
    ("environ", "expected"),
    [({}, ["less", "-FRX"]), ({"PAGER": "more"}, ["more"]), ({"PAGER": "more", "MINUSMA_PAGER": "less -R"}, ["less", "-R"]),
     ({"MINUSMA_PAGER": ""}, None), ({"PAGER": "cat"}, None), ({"PAGER": "less 'unbalanced"}, None),
     ({"MINUSMA_PAGER": "", "PAGER": "more"}, None)],
)  # fmt: skip
def test_which_pager(environ: dict[str, str], expected: list[str] | None) -> None:
    assert command(environ) == expected


def test_json_on_a_terminal_shows_controls_from_arguments_as_escapes() -> None:
    """JSON may hold C1 controls and bidi overrides raw; on a terminal they are written as \\u escapes."""
    query = "Gao\u202e\u009b31m"
    code, shown = on_terminal(["search", query, "--json", "--no-pager"], environment())
    assert code == 0, shown
    assert "\u202e" not in shown and "\u009b" not in shown
    assert json.loads(shown)["query"] == query  # the same text, escaped


@pytest.mark.parametrize(("name", "code"), [("SIGTERM", 143), ("SIGHUP", 129)])
def test_a_stop_signal_while_the_pager_is_open_stops_the_pager_too(tmp_path: Path, name: str, code: int) -> None:
    import signal
    import time

    started = tmp_path / "pager.pid"
    script = tmp_path / "pager.sh"
    script.write_text(f'#!/bin/sh\necho $$ > "{started}.tmp"; mv "{started}.tmp" "{started}"\nexec sleep 60\n')
    script.chmod(0o755)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 10, 100, 0, 0))
    process = subprocess.Popen(
        [sys.executable, "-m", "minusma", "leaders"], stdin=follower, stdout=follower, stderr=follower,
        env=environment(MINUSMA_PAGER=str(script)),
    )  # fmt: skip
    os.close(follower)
    try:
        for _ in range(600):
            if started.exists():
                break
            time.sleep(0.05)
        pager = int(started.read_text())
        process.send_signal(getattr(signal, name))
        assert process.wait(timeout=30) == code
        for _ in range(100):
            try:
                os.kill(pager, 0)
            except ProcessLookupError:
                break
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pager, os.WNOHANG)
            time.sleep(0.05)
        else:
            raise AssertionError("the pager outlived minusma")
    finally:
        os.close(leader)
        if process.poll() is None:
            process.kill()
