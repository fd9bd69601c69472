"""The console script's first module: light, so Ctrl-C at any moment (even during the imports) exits quietly.

Everything the tool does at start and at exit happens here, once: the interrupt handler,
the garbage collector, and the exit that skips tearing down a large fact base.
"""

import _signal  # type: ignore[import-not-found]  # the C module: ``signal`` builds enum classes first, 7 ms in which Ctrl-C would print a traceback
import gc
import os
import sys


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C, SIGTERM or SIGHUP: leave at once with 128 + the signal's number (130 for Ctrl-C), as
    shells expect, and no traceback, nor half a --output file, nor half a copy in the cache."""
    for module, name in (("minusma.output.stream", "discard_partial"), ("minusma.load", "discard_staged")):
        discard = getattr(sys.modules.get(module), name, None)
        if discard is not None:  # None too while that module is still being imported
            try:
                discard()
            except Exception:  # noqa: BLE001  # leaving on Ctrl-C must not fail
                pass
    _leave(128 + signum)


def main() -> None:
    """The ``minusma`` command and ``python -m minusma``."""
    for stop in (_signal.SIGINT, _signal.SIGTERM, _signal.SIGHUP):
        _signal.signal(stop, _interrupted)  # before the heavy imports below
    if sys.stdout is None and _writes_a_file(sys.argv[1:]):  # closed, and not needed: as `> FILE` would
        try:
            descriptor = os.open(os.devnull, os.O_WRONLY)
            if descriptor != 1:
                os.dup2(descriptor, 1)
                os.close(descriptor)
            sys.stdout = os.fdopen(1, "w", encoding="utf-8", errors="backslashreplace")
        except OSError:  # no /dev/null: refused below as any closed standard output is
            pass
    if sys.stdout is None:  # started with standard output closed
        if sys.stderr is not None:
            from minusma.messages import say
            from minusma.typer_adapt import run_lang  # --lang, MINUSMA_LANG or the locale

            _write_stderr(f"minusma: {say('stdout_closed', run_lang(sys.argv[1:]))}\n")
        _leave(1)
    # A run lasts well under a second and builds no reference cycles worth collecting;
    # cyclic GC passes over 100,000 freshly parsed records only cost time.
    gc.disable()
    try:
        from minusma.cli import run

        code = run()
    except Exception as error:  # a bug: one line unless asked for the traceback
        if os.environ.get("MINUSMA_DEBUG"):
            raise
        _write_stderr(f"minusma: {_internal(f'{type(error).__name__}: {error}')}\n")
        code = 3
    _leave(code)


_STANDARD_OUTPUT = ("-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")
"""``--output`` values that are standard output itself (an empty one is a usage error, said as such)."""


def _writes_a_file(args: list[str]) -> bool:
    """Whether the answer goes to an ``--output`` file (the last one given, as Click reads them), not to
    standard output: then a closed standard output does not matter. Help and the version are printed;
    arguments after ``--`` are words, not options."""
    target: str | None = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        if arg in ("--help", "-h", "--version"):
            return False
        if arg == "--output":
            target = args[index + 1] if index + 1 < len(args) else None
        elif arg.startswith("--output="):
            target = arg.removeprefix("--output=")
    return target is not None and target not in _STANDARD_OUTPUT


def _internal(details: str) -> str:
    """The message about a bug, in the run's language (its --lang, MINUSMA_LANG or locale); in
    English if even that cannot be worked out, since the bug may lie there."""
    from minusma.messages import say

    try:
        from minusma.typer_adapt import run_lang

        return say("internal", run_lang(sys.argv[1:]), error=details)
    except Exception:  # noqa: BLE001  # a message about a bug must not fail on another
        return say("internal", "en", error=details)


def _write_stderr(text: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(text)
    except (OSError, ValueError):
        pass


def _leave(code: int) -> None:
    """Flush and exit without freeing every object of a large fact base one by one.

    Freeing 100,000 parsed events at interpreter exit took 60-120 ms. Nothing of minusma
    needs the teardown: every byte of output has already been written by output.stream
    (whose errors became the exit code), and no file is open for writing.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except BrokenPipeError:
            pass  # the reader left early; that is not an error
        except (OSError, ValueError):
            if code == 0 and stream is sys.stdout:
                code = 4
    os._exit(code)
