"""Every byte minusma writes to standard output goes through here, and arrives whole or not at all.

``os.write`` may write less than it was given: a pipe is full, or standard output is
non-blocking (Node's child_process, some CI runners and terminal multiplexers set
O_NONBLOCK), where a write can fail with EAGAIN. Each chunk is written until it is all
out, waiting for the reader when it must. A reader that leaves (``| head``) ends the run
quietly; a write that fails (a full disk, an I/O error) is an :class:`OutputError`.

``--output FILE`` sends the same bytes to a file instead (:func:`to_file`): written beside
it under a temporary name and renamed over it once whole, so no reader ever sees half a
file and a failure leaves FILE as it was.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import select
import stat
import sys
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from minusma.errors import OutputError, UsageError
from minusma.messages import Message, os_reason


class ReaderGone(Exception):
    """The reader closed the pipe: stop writing, exit 0."""


_held: list[list[bytes]] = []
"""Where :func:`write_bytes` collects instead of writing, while :func:`held` is in force."""


@contextmanager
def held() -> Iterator[list[bytes]]:
    """Collect everything written meanwhile, for a caller that decides where it goes (the pager)."""
    parts: list[bytes] = []
    _held.append(parts)
    try:
        yield parts
    finally:
        _held.remove(parts)


_target: int | None = None
"""Where :func:`write_bytes` writes while :func:`to_file` runs; standard output otherwise."""

_partial: list[str] = []
"""Temporary files not yet renamed into place, for :func:`discard_partial`."""


def same_file(path: str | os.PathLike[str], other: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (a link, ``./x``, ``/dev/stdin`` redirected from it); not where
    either does not exist (yet) or cannot be looked at."""
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _descriptor() -> int | None:
    if _target is not None:
        return _target
    try:
        return sys.stdout.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):  # a test runner's buffer
        return None


def write_bytes(data: bytes | bytearray) -> None:
    """Write ``data`` to standard output completely, or raise."""
    if _held:
        _held[-1].append(bytes(data))
        return
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
            raise OutputError(Message("output_failed", {"reason": os_reason(error)})) from None
        view = view[written:]


def is_terminal() -> bool:
    """Whether the output goes to a terminal (standard output, or a FILE that is one)."""
    descriptor = _descriptor()
    if descriptor is not None:
        return os.isatty(descriptor)
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def encoding() -> str:
    """The encoding of text output: the terminal's or pipe's for standard output, UTF-8 for a file."""
    if _target is not None:
        return "utf-8"
    return getattr(sys.stdout, "encoding", None) or "utf-8"


NAME_MAX = 255
"""The longest file name most file systems take, in bytes; the temporary name must fit too."""


@contextmanager
def to_file(path: str) -> Iterator[None]:
    """Everything written inside goes to ``path``, whole or not at all.

    As with ``> path``: an existing file is replaced (keeping its permissions), a symbolic
    link is followed, and a file the user may not write is refused. Whatever is not a plain
    file is a stream written to in place, never replaced: a terminal, a pipe, a device
    (``/dev/null``), and ``/dev/stdout`` or ``/dev/fd/N`` even where they lead to a file
    (``>> log.txt`` keeps its log). Where a whole-file replacement cannot be made — the file's
    folder is not writable, or the file is a mount point of its own (a bind mount) — the file
    is written in place, as ``>`` would.
    """
    if not path:
        raise UsageError(Message("output.empty_path"))
    if path.endswith("/") and not os.path.isdir(path):
        raise _failed(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    target = os.path.realpath(path)
    try:
        found: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        found = None
    except OSError as error:
        raise _failed(path, error) from None
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise _failed(path, IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR)))
    if found is not None and (not stat.S_ISREG(found.st_mode) or _names_a_descriptor(path)):
        with _in_place(path, os.O_WRONLY | os.O_APPEND):
            yield
        return
    if found is not None and not os.access(target, os.W_OK):
        raise _failed(path, PermissionError(errno.EACCES, os.strerror(errno.EACCES)))
    folder, name = os.path.split(target)
    prefix = f".{name}." if len(os.fsencode(name)) + 16 <= NAME_MAX else ".minusma."
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=folder)
    except OSError as error:
        if found is None or error.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise _failed(path, error) from None
        with _in_place(path, os.O_WRONLY | os.O_TRUNC):  # a writable file in a folder we may not write
            yield
        return
    _partial.append(temporary)
    still_open = True
    try:
        with _writing_to(path, descriptor):
            yield
        try:
            os.fchmod(descriptor, stat.S_IMODE(found.st_mode) if found is not None else 0o666 & ~_umask())
            os.fsync(descriptor)  # the bytes are on disk before the name points at them
            still_open = False
            os.close(descriptor)
            try:
                os.replace(temporary, target)
            except OSError as error:
                if found is None or error.errno not in (errno.EBUSY, errno.EXDEV):
                    raise
                _copy_into(temporary, target)  # a bind-mounted file cannot be renamed over
        except OSError as error:
            raise _failed(path, error) from None
        if temporary in _partial:
            _partial.remove(temporary)
    finally:
        if still_open:
            os.close(descriptor)
        discard_partial()


def _names_a_descriptor(path: str) -> bool:
    """``/dev/stdout``, ``/dev/fd/1``, ``/proc/self/fd/1``: another name for an open stream."""
    return os.path.abspath(path).startswith(("/dev/", "/proc/"))


@contextmanager
def _in_place(path: str, flags: int) -> Iterator[None]:
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _failed(path, error) from None
    try:
        with _writing_to(path, descriptor):
            yield
    finally:
        os.close(descriptor)


@contextmanager
def _writing_to(path: str, descriptor: int) -> Iterator[None]:
    """Send :func:`write_bytes` to ``descriptor`` meanwhile; a failed write names ``path``."""
    global _target
    _target = descriptor
    try:
        yield
    except OutputError as error:
        reason = error.message.values.get("reason")
        raise OutputError(Message("output_file_failed", {"file": _shown(path), "reason": reason})) from None
    finally:
        _target = None


def _copy_into(source: str, target: str) -> None:
    with open(source, "rb") as whole, open(target, "r+b") as into:
        into.truncate(0)
        while chunk := whole.read(1 << 20):
            into.write(chunk)
        into.flush()
        os.fsync(into.fileno())
    os.unlink(source)


def discard_partial() -> None:
    """Remove temporary files not renamed into place (after a failure, or at Ctrl-C)."""
    while _partial:
        try:
            os.unlink(_partial.pop())
        except OSError:
            pass


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _shown(path: str) -> str:
    from minusma.output.cells import safe

    return safe(path, lines=False)


def _failed(path: str, error: OSError) -> OutputError:
    return OutputError(Message("output_file_failed", {"file": _shown(path), "reason": os_reason(error)}))


def write_text(text: str) -> None:
    """Words for people (help, the version) in standard output's encoding; a letter it cannot hold becomes '?'."""
    write_bytes(text.encode(encoding(), errors="replace"))


def _encodes(encoding: str, text: str) -> bool:
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _base_letters(error: UnicodeError) -> tuple[str, int]:
    """What an encoding cannot show, as the letters it can: "Début" as "Debut", "Côte" as "Cote";
    '?' for what has no such letters (a Chinese character, an emoji)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    shown = []
    for char in error.object[error.start : error.end]:
        letters = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
        shown.append(letters if letters and _encodes(error.encoding, letters) else "?")
    return "".join(shown), error.end


_BASE_LETTER = "minusma-base-letter"
codecs.register_error(_BASE_LETTER, _base_letters)


class TextOutput(io.TextIOBase):
    """A text stream for Rich that sends its text through :func:`write_bytes` in large pieces.

    A letter the terminal's encoding cannot show becomes its base letter ("e" for "é"), else "?"
    (tables only; JSON and CSV are always UTF-8).
    """

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._parts: list[str] = []
        self._size = 0
        # French groups digits with a narrow no-break space; where the encoding has none, a space
        # keeps "12 640" a number rather than "12?640".
        self._thin = "\u202f" if _encodes(encoding, "\u202f") else " "

    @property
    def encoding(self) -> str:  # type: ignore[override]  # read-only here: Rich reads it to choose box characters
        return self._encoding

    def write(self, text: str) -> int:
        if "\ue000" in text:  # the table writer's stand-in for a narrow no-break space (output/table.py KEEP)
            text = text.replace("\ue000", self._thin)
        self._parts.append(text)
        self._size += len(text)
        if self._size > 1 << 16:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._parts:
            data = "".join(self._parts).encode(self._encoding, errors=_BASE_LETTER)
            self._parts, self._size = [], 0
            write_bytes(data)

    def isatty(self) -> bool:
        return is_terminal()

    def fileno(self) -> int:
        descriptor = _descriptor()
        if descriptor is None:
            raise io.UnsupportedOperation("fileno")
        return descriptor


STOPS = ("SIGINT", "SIGTERM", "SIGHUP")
"""The signals that stop a run: Ctrl-C, ``kill``, and a terminal that closes."""


class Stopped(BaseException):
    """A stop signal arrived where a step must clear up first (export, the pager): exit 128 + its number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def stop(signum: int, frame: object) -> None:
    """A signal handler that lets ``finally`` blocks clear up before the run ends."""
    raise Stopped(signum)


@contextmanager
def interrupts(handler: Any, names: tuple[str, ...] = STOPS) -> Iterator[None]:
    """The signals ``names`` handled by ``handler`` meanwhile (:func:`stop` clears up, ``SIG_IGN``
    leaves Ctrl-C to a child such as the pager); the tool's own handlers come back after."""
    import signal

    previous: dict[int, Any] = {}
    try:
        for name in names:
            number = getattr(signal, name)
            previous[number] = signal.signal(number, handler)
    except ValueError:  # not the main thread: nothing to change
        pass
    try:
        yield
    finally:
        for number, was in previous.items():
            signal.signal(number, was)
