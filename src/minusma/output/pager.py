"""Long output on a terminal goes through a pager, as git's and man's do.

Only when standard output is a terminal and the output is taller than it: the output is
collected whole (see :func:`minusma.output.stream.held`), then handed to ``MINUSMA_PAGER``,
else ``PAGER``, else ``less -FRX`` (quit if it fits, keep colours, leave the screen as it
was). An empty value or ``cat`` means no pager. A pager that cannot be started (not
installed, a typo) is no error: the output is printed instead. While the pager runs,
Ctrl-C is the pager's (less stops a search with it), not a reason for minusma to leave
the terminal to a pager whose parent is gone.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from minusma.output.stream import Stopped, held, interrupts, stop, write_bytes

DEFAULT = "less -FRX"


def command(environ: Mapping[str, str] = os.environ) -> list[str] | None:
    """The pager to run as an argument list, or None for none."""
    chosen = environ.get("MINUSMA_PAGER")
    if chosen is None:
        chosen = environ.get("PAGER", DEFAULT)
    try:
        words = shlex.split(chosen)
    except ValueError:  # unbalanced quotes: not a command we can run
        return None
    return None if not words or words == ["cat"] else words


@contextmanager
def paged() -> Iterator[None]:
    """Hold what is written meanwhile; then page it if it is taller than the terminal, else print it."""
    with held() as parts:
        yield
    show(b"".join(parts))


def show(data: bytes) -> None:
    height = shutil.get_terminal_size().lines
    words = command()
    if words is None or data.count(b"\n") < height or not run(words, data):
        write_bytes(data)


def run(words: list[str], data: bytes) -> bool:
    """Show ``data`` in the pager; False when the pager could not be started or failed (exited with a
    status other than 0: ``MINUSMA_PAGER=false`` showed nothing and minusma exited 0), so that the
    output is printed instead. A reader that quits early (q in less) exits 0."""
    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")  # as git does: a plain PAGER=less still keeps colours and quits early
    try:
        process = subprocess.Popen(words, stdin=subprocess.PIPE, env=environment)
    except (OSError, ValueError):
        return False
    assert process.stdin is not None
    with interrupts(signal.SIG_IGN, ("SIGINT",)), interrupts(stop, ("SIGTERM", "SIGHUP")):
        try:
            try:
                process.stdin.write(data)
                process.stdin.close()
            except OSError:  # the reader quit before reading it all (q in less): fine
                pass
            process.wait()
        except Stopped:  # killed, or the terminal closed: the pager goes too, not left on the terminal
            process.terminate()
            process.wait()
            raise
    return process.returncode == 0
