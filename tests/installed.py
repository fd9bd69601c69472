"""The installed command as users run it, shared by the tests that start it in a real process."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path


def minusma_command() -> list[str]:
    """The console script installed beside this Python (.ci/run does not put it on PATH), else ``-m``."""
    script = shutil.which("minusma", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "minusma"]


IN_ENGLISH = {"LANG": "en_GB.UTF-8", "NO_COLOR": "1", "COLUMNS": "100"}
NOT_SET = ("LC_ALL", "LC_MESSAGES", "MINUSMA_LANG", "MINUSMA_DATA")


def in_english(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command in English at 100 columns, no colour, the shipped fact base."""
    environment = {name: value for name, value in os.environ.items() if name not in NOT_SET} | IN_ENGLISH
    return subprocess.run(
        [*minusma_command(), *args], capture_output=True, text=True, env=environment, check=False, timeout=120
    )


def in_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Run minusma with a pseudo-terminal as standard output (and input and errors)."""
    pid, descriptor = pty.fork()
    if pid == 0:  # the child
        os.chdir(cwd)
        os.execv(minusma_command()[0], [*minusma_command(), *args])
    output = b""
    while True:
        try:
            chunk = os.read(descriptor, 65536)
        except OSError:  # the child is gone
            break
        if not chunk:
            break
        output += chunk
    _, status = os.waitpid(pid, 0)
    os.close(descriptor)
    return os.waitstatus_to_exitcode(status), output.decode("utf-8", "replace")
