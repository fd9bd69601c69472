"""Every byte minusma writes to standard output goes through here, and arrives whole or not at all.

``os.write`` may write less than it was given: a pipe is full, or standard output is
non-blocking (Node's child_process, some CI runners and terminal multiplexers set
O_NONBLOCK), where a write can fail with EAGAIN. Each chunk is written until it is all
out, waiting for the reader when it must. A reader that leaves (``| head``) ends the run
quietly; a write that fails (a full disk, an I/O error) is an :class:`OutputError`.
"""

from __future__ import annotations

import errno
import io
import os
import select
import sys

from minusma.errors import OutputError
from minusma.messages import Message


class ReaderGone(Exception):
    """The reader closed the pipe: stop writing, exit 0."""


def _descriptor() -> int | None:
    try:
        return sys.stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):  # a test runner's buffer
        return None


def write_bytes(data: bytes) -> None:
    """Write ``data`` to standard output completely, or raise."""
    descriptor = _descriptor()
    if descriptor is None:
        sys.stdout.buffer.write(data)
        return
    try:
        sys.stdout.flush()  # anything Python buffered must go first
    except (BrokenPipeError, ValueError):
        pass
    view = memoryview(data)
    while view:
        try:
            written = os.write(descriptor, view[: 1 << 20])
        except BlockingIOError:
            select.select([], [descriptor], [])  # non-blocking output: wait until the reader makes room
            continue
        except InterruptedError:
            continue
        except BrokenPipeError:
            raise ReaderGone from None
        except OSError as error:
            if error.errno == errno.EPIPE:
                raise ReaderGone from None
            raise OutputError(Message("output_failed", {"reason": error.strerror or str(error)})) from None
        view = view[written:]


def write_text(text: str) -> None:
    """Words for people (help, the version) in standard output's encoding; a letter it cannot hold becomes '?'."""
    write_bytes(text.encode(getattr(sys.stdout, "encoding", None) or "utf-8", errors="replace"))


class TextOutput(io.TextIOBase):
    """A text stream for Rich that sends its text through :func:`write_bytes` in large pieces.

    A letter the terminal's encoding cannot show becomes '?' (tables only; JSON and CSV are
    always UTF-8).
    """

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._parts: list[str] = []
        self._size = 0

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only here: Rich reads it to choose box characters
        return self._encoding

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size > 1 << 16:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            data = "".join(self._parts).encode(self._encoding, errors="replace")
            self._parts, self._size = [], 0
            write_bytes(data)

    def isatty(self) -> bool:
        try:
            return sys.stdout.isatty()
        except (AttributeError, ValueError):
            return False

    def fileno(self) -> int:
        descriptor = _descriptor()
        if descriptor is None:
            raise io.UnsupportedOperation("fileno")
        return descriptor
