"""The only file I/O: a path, or the packaged fact base, becomes a checked ``FactBase``.

A fact base loads only when it is valid JSON of the schema and keeps every rule in
``model.check_fact_base``; otherwise :class:`FactBaseError` carries every problem.
A file that passed before is read from the cache of validated files (:func:`cache_dir`),
the only thing minusma writes that the user did not ask for.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import stat
import sys
import time
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any, cast

from pydantic_core import ErrorDetails, PydanticSerializationError, SchemaValidator, ValidationError, from_json, to_json

from minusma.errors import FactBaseError
from minusma.messages import LANGS, LanguageName, Listed, Message, Number, catalogue, os_reason
from minusma.model import (
    COUNTRY_KEY_PATTERN,
    COUNTRY_PATTERN,
    DATE_PATTERN,
    DAY_PATTERN,
    FISCAL_YEAR_PATTERN,
    FORMULA_PATTERN,
    ID_PATTERN,
    LANGUAGE_PATTERN,
    LINE_PATTERN,
    PARAGRAPH_PATTERN,
    SYMBOL_PATTERN,
    TOP_LEVEL_KEYS,
    UN_CASUALTY_PATTERN,
    URL_PATTERN,
    DateError,
    FactBase,
    Problem,
    check_fact_base,
    parse_partial_date,
)
from minusma.verified import SHIPPED_SHA256, SHIPPED_SIZE

MAX_BYTES = 512 * 1024 * 1024
"""The largest fact base read: 1,000,000 events take 323 MB (bench/), and a file this size about 4 GB of memory."""
_BOM = b"\xef\xbb\xbf"
_SOURCE_CHECKOUT = Path(__file__).resolve().parents[2] / "data" / "minusma.json"


def default_path() -> Path:
    """The fact base in the installed package, or ``data/`` of a source checkout.

    A wheel carries the file as ``minusma/data/minusma.json`` (hatch force-include);
    an editable install does not, so it reads the checkout's ``data/`` folder. A plain
    path beside this module, not ``importlib.resources``: minusma is never run from a
    zip, and the path costs no import.
    """
    packaged = Path(__file__).resolve().parent / "data" / "minusma.json"
    return packaged if packaged.is_file() else _SOURCE_CHECKOUT


STDIN = "-"
"""``--data -`` reads the fact base from standard input."""


def read_bytes(path: Path | None, *, shipped: bool = False) -> bytes:
    """Read a fact base file, turning every way a read can fail into one clear problem.

    A FIFO is opened without waiting for a writer: one with nothing writing to it is
    reported rather than waited on forever. ``shipped`` says the path is the packaged
    default, whose absence means a broken install, not a mistyped ``--data``.
    """
    name = "<stdin>" if path is None else os.fsdecode(path)
    try:
        if path is None:
            if sys.stdin is None:  # standard input closed (`<&-`): nothing to read
                raise _fail(name, Message("read.stdin_closed"))
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            data = _read_file(path, name)
    except FactBaseError:
        raise
    except FileNotFoundError:
        raise _fail(name, Message("read.missing_shipped" if shipped else "read.missing")) from None
    except ValueError:  # a NUL byte in the path: no file can have that name
        raise _fail(name, Message("read.missing")) from None
    except PermissionError:
        raise _fail(name, Message("read.permission")) from None
    except IsADirectoryError:
        raise _fail(name, Message("read.folder")) from None
    except OSError as error:
        raise _fail(name, Message("read.failed", {"reason": os_reason(error)})) from None
    if len(data) > MAX_BYTES:
        raise _fail(name, Message("read.too_big_stream", {"limit": Number(MAX_BYTES)}))
    return data


def _read_file(path: Path, name: str) -> bytes:
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise _fail(name, Message("read.folder"))
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise _fail(name, Message("read.too_big", {"size": Number(info.st_size), "limit": Number(MAX_BYTES)}))
    if not stat.S_ISFIFO(info.st_mode):
        with path.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # opening a FIFO waits for a writer; this does not
    with os.fdopen(descriptor, "rb") as handle:
        os.set_blocking(descriptor, True)  # now wait for the writer's data, or EOF at once if there is none
        data = handle.read(MAX_BYTES + 1)
    if not data:
        raise _fail(name, Message("read.no_writer"))
    return data


def _fail(file: str, message: Message, path: str = "", line: int | None = None) -> FactBaseError:
    return FactBaseError(file, [Problem("error", path, message, line)])


def _not_utf8(name: str, data: bytes) -> FactBaseError | None:
    """Where a file stops being UTF-8: asked only once the parser has refused the file, which it
    does for any byte that is not UTF-8, so a valid file is never decoded twice."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return _fail(name, Message("read.not_utf8", {"offset": error.start}), line=line)
    return None


def _schema_problems(error: ValidationError, data: bytes) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        if detail["type"] == "json_invalid":
            reason = detail["msg"].removeprefix("Invalid JSON: ")
            problems.append(Problem("error", "", _not_json(reason, data), _line_of(reason)))
        else:
            problems.append(Problem("error", json_path(detail["loc"]), _schema_message(detail)))
    return problems


# Pydantic's own words are replaced by the tool's, in every language, for the errors a fact base can have.
_SCHEMA_KEYS = {
    "missing", "extra_forbidden", "int_type", "string_type", "bool_type", "list_type", "dict_type",
    "literal_error", "string_pattern_mismatch", "greater_than_equal", "less_than_equal", "too_short",
    "string_too_short", "string_too_long",
}  # fmt: skip
_CONTROL_PATTERNS = {LINE_PATTERN, PARAGRAPH_PATTERN}
_FORMS = {
    FISCAL_YEAR_PATTERN: "schema.fiscal_year",
    ID_PATTERN: "schema.id_form",
    COUNTRY_PATTERN: "schema.country_form",
    COUNTRY_KEY_PATTERN: "schema.country_key_form",
    UN_CASUALTY_PATTERN: "schema.un_id_form",
    LANGUAGE_PATTERN: "schema.language_form",
    FORMULA_PATTERN: "schema.formula_form",
    SYMBOL_PATTERN: "schema.symbol_form",
}
"""Each form the schema's patterns ask for, told in words: the regular expression says nothing to a reader."""


class _Context(dict[str, Any]):
    """An error's context for a template; a value pydantic did not give shows as '?'."""

    def __missing__(self, key: str) -> str:
        return "?"


_BOUNDS = {"greater_than_equal", "less_than_equal", "greater_than", "less_than", "finite_number"}


def _schema_message(detail: ErrorDetails) -> Message:
    context = detail.get("ctx") or {}
    kind = detail["type"]
    given = detail.get("input")
    if kind in _BOUNDS and isinstance(given, float) and not math.isfinite(given):  # NaN, Infinity, -Infinity
        written = "NaN" if math.isnan(given) else "Infinity" if given > 0 else "-Infinity"  # as JSON writes it
        return Message("schema.not_finite", {"value": written})
    if kind == "string_pattern_mismatch" and context.get("pattern") == DATE_PATTERN:
        return _date_message(detail.get("input"))
    if kind == "string_pattern_mismatch" and context.get("pattern") in (*_CONTROL_PATTERNS, URL_PATTERN):
        found = _control_character(
            detail.get("input"), allowed="\n\t" if context["pattern"] == PARAGRAPH_PATTERN else ""
        )
        if found is not None:
            return Message("schema.control_character", {"character": f"U+{ord(found):04X}"})
        if context["pattern"] == URL_PATTERN:
            return Message("schema.url")
    if kind == "string_pattern_mismatch" and context.get("pattern") == DAY_PATTERN:
        calendar = _date_message(detail.get("input"))  # 2026-02-30 is told what the calendar says
        return calendar if calendar.key != "schema.date_form" else Message("schema.day_form")
    if kind == "string_pattern_mismatch" and context.get("pattern") in _FORMS:
        return Message(_FORMS[context["pattern"]])
    if not detail["loc"] and kind.endswith("_type"):
        return Message("schema.not_object")
    if kind == "typed_dict_type":
        kind = "dict_type"
    if kind == "missing" and detail["loc"] and detail["loc"][-1] in LANGS:
        missing = LanguageName(str(detail["loc"][-1]))
        return Message("schema.missing_language", {"language": missing, "languages": Listed(list(LANGS), "and")})
    if kind in _SCHEMA_KEYS:
        return Message(f"schema.{kind}", _Context({key: str(value) for key, value in context.items()}))
    return Message("schema.other", {"detail": detail["msg"]})


def _date_message(text: object) -> Message:
    """Why a date was refused: its form, or the calendar (``2015-02-30``, year 0000)."""
    if isinstance(text, str):
        try:
            parse_partial_date(text)
        except DateError as error:
            if error.message.key != "date.shape":
                return error.message
    return Message("schema.date_form")


_LINE_CHARACTER = re.compile(LINE_PATTERN.replace("+$", "$"))


def _control_character(text: object, allowed: str) -> str | None:
    """The first character of ``text`` that a text of the fact base may not hold (one a terminal would act on)."""
    if isinstance(text, str):
        for character in text:
            if character not in allowed and not _LINE_CHARACTER.match(character):
                return character
    return None


def _not_json(reason: str, data: bytes = b"") -> Message:
    """Where the JSON breaks, in the tool's words where the parser's reason is a known one."""
    what, _, place = reason.partition(" at line ")
    line, _, column = place.partition(" column ")
    if what == "unexpected end of hex escape" and _high_surrogate_before(data, line, column):
        what = "lone leading surrogate in hex escape"  # "\ud800" with no low half after it
    described: object = Message(f"json.{what}") if f"json.{what}" in catalogue("en") else what
    if column == "0":  # the parser's column at the very start of a line (a file ending after a newline)
        column = "1"  # columns count from 1, as everywhere else
    if line and column:
        described = Message("json.at", {"what": described, "line": line, "column": column})
    return Message("schema.not_json", {"reason": described})


_HIGH_SURROGATE = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}")


def _high_surrogate_before(data: bytes, line: str, column: str) -> bool:
    """Whether the parser stopped just after a ``\\ud800``-``\\udbff`` escape (its column counts bytes)."""
    if not (line.isdigit() and column.isdigit()):
        return False
    start = 0
    for _ in range(int(line) - 1):
        start = data.find(b"\n", start) + 1
        if not start:
            return False
    at = start + int(column) - 1
    return _HIGH_SURROGATE.search(data, max(start, at - 8), at + 1) is not None


def _line_of(message: str) -> int | None:
    words = message.split()
    if "line" in words:
        after = words[words.index("line") + 1]
        return int(after) if after.isdigit() else None
    return None


def json_path(location: tuple[int | str, ...]) -> str:
    """``('events', 3, 'date')`` -> ``events[3].date``; the whole document is ``$``."""
    path = ""
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "$"


@cache
def fact_base_validator() -> SchemaValidator:
    """The validator of a fact base, built from the stored schema (``model.core_schema``), with no pydantic import."""
    from minusma.core_schema import CORE_SCHEMA

    return SchemaValidator(json.loads(CORE_SCHEMA))


def parse(data: bytes, name: str) -> tuple[FactBase | None, list[Problem]]:
    """Validate in one pass, then check the cross-field rules. Returns warnings too."""
    data = data.removeprefix(_BOM)
    if data.isspace() or not data:  # isspace stops at the first other byte; strip() would copy the file
        return None, _fail(name, Message("read.empty")).problems
    validator = fact_base_validator()  # the command line runs with gc off (entry.py): no cycles here to collect
    try:
        fact_base = cast(FactBase, validator.validate_json(data))
    except ValidationError as error:
        text_error = _not_utf8(name, data)
        if text_error is not None:
            return None, text_error.problems
        problems = _schema_problems(error, data)
        if not any(problem.message.key == "schema.not_json" for problem in problems):
            problems = _missing_keys(from_json(data)) + problems  # a second parse, only for a broken file
            problems.sort(key=_in_field_order)  # a missing key in its place, as pydantic reports one
        return None, problems
    missing = _missing_keys(fact_base)
    if missing:
        return None, missing
    return fact_base, check_fact_base(fact_base)


_FIELD_ORDER = {
    ("$schema" if key == "schema_ref" else key): place for place, key in enumerate(FactBase.__annotations__)
}


def _in_field_order(problem: Problem) -> int:
    """Where a problem's top-level key stands in the model; keys the model does not have come last."""
    return _FIELD_ORDER.get(re.split(r"[.\[]", problem.path, maxsplit=1)[0], len(_FIELD_ORDER))


def _missing_keys(document: object) -> list[Problem]:
    """The top-level keys a fact base lacks (the validator leaves them to this: see ``fact_base_adapter``)."""
    if not isinstance(document, dict):
        return []  # the validator has said it is not an object
    return [Problem("error", key, Message("schema.missing")) for key in TOP_LEVEL_KEYS if key not in document]


def _read(path: str | Path | None) -> tuple[str, bytes]:
    """The name to report and the bytes: ``None`` is the shipped file, ``-`` standard input.

    ``path`` may be the text the user gave: ``Path("")`` would be the current folder.
    """
    if path is None:
        shipped = default_path()
        return str(shipped), read_bytes(shipped, shipped=True)
    if not os.fspath(path):
        raise _fail("''", Message("read.empty_path"))
    if os.fspath(path) == STDIN:
        return "<stdin>", read_bytes(None)
    return os.fsdecode(path), read_bytes(Path(path))


def load(path: str | Path | None = None) -> FactBase:
    """The checked fact base at ``path`` (default: the packaged one; ``-``: standard input).

    A file byte-for-byte equal to the shipped fact base, which the test suite validates
    (``verified.SHIPPED_SHA256``), is read without validating it again: that spares
    building the validator, most of the start-up time of a command. Any other file,
    or a shipped file that was edited, is validated in full. Raises FactBaseError.
    """
    name, data = _read(path)
    digest = hashlib.sha256(data).hexdigest()
    if len(data) == SHIPPED_SIZE and digest == SHIPPED_SHA256:
        document = from_json(data)
        if "$schema" in document:  # validation renames the key to the model's field name
            document["schema_ref"] = document.pop("$schema")
        return cast(FactBase, document)
    remembered = _remembered(digest)
    if remembered is not None:
        return remembered
    fact_base, problems = parse(data, name)
    errors = [problem for problem in problems if problem.severity == "error"]
    if fact_base is None or errors:
        raise FactBaseError(name, errors)
    _remember(digest, fact_base)
    return fact_base


CACHE_LIMIT = 4
"""How many validated files the cache keeps; the least recently used are forgotten first."""


def cache_dir() -> Path | None:
    """Where ``load`` keeps the files it has validated, or ``None`` with MINUSMA_NO_CACHE set.

    ``$XDG_CACHE_HOME/minusma/validated`` (an absolute XDG_CACHE_HOME only, as the XDG
    specification says), else ``~/.cache/minusma/validated``; ``None`` too where there is no
    home to speak of: HOME empty (``expanduser`` would make that ``/``) or relative (a folder
    of wherever minusma is run), or unset for a user the system does not know.
    """
    if os.environ.get("MINUSMA_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):
        home = os.environ["HOME"] if "HOME" in os.environ else os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "minusma" / "validated"


@cache
def _validator_tag() -> bytes:
    """A digest of the code that decides whether a file is valid: a change to it forgets every file.

    That code is minusma's and pydantic-core's (its JSON parser and validator; two environments with
    the same minusma and another pydantic-core share one cache) and Python's (``re``, ``datetime``).
    """
    from pydantic_core import __version__ as validator_version

    from minusma import __version__

    tag = hashlib.sha256(f"{__version__}\n{validator_version}\n{sys.version}\n".encode())
    here = Path(__file__).resolve().parent
    for part in [here / "load.py", here / "core_schema.py", *sorted((here / "model").glob("*.py"))]:
        tag.update(part.read_bytes())
    return tag.digest()


def _entry(digest: str) -> Path | None:
    """The cache entry of a file's digest, named by the digest and the validator's tag."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return folder / hashlib.sha256(_validator_tag() + bytes.fromhex(digest)).hexdigest()
    except OSError:  # the package's own files unreadable: no cache
        return None


def _remembered(digest: str) -> FactBase | None:
    """The fact base as validation returned it, if these exact bytes passed validation by this code before.

    An entry is the SHA-256 of the validated fact base, a newline, and the fact base as compact
    JSON (its keys in the model's order, as validation leaves them); an entry whose content does
    not match its digest is ignored.
    """
    entry = _entry(digest)
    if entry is None or not _private(entry.parent):
        return None
    content = _read_entry(entry)
    if content is None:
        return None
    check, stored = content
    if check != hashlib.sha256(stored).hexdigest().encode() + b"\n":
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # used now: the last to be forgotten
    try:
        document = from_json(stored, cache_strings="keys")  # the fastest here: values vary more than keys
    except ValueError:  # a matching digest over text that is not JSON: written by hand, not by minusma
        return None
    if not isinstance(document, dict) or any(key not in document for key in TOP_LEVEL_KEYS):
        return None  # not what _remember writes: validate, and the entry is written anew
    return cast(FactBase, document)


def _own(info: os.stat_result) -> bool:
    """Whether the user running minusma owns the file (where the system has owners)."""
    return not hasattr(os, "geteuid") or info.st_uid == os.geteuid()


def _private(folder: Path) -> bool:
    """Whether the cache folder is the user's alone: owned by them, and no one else may write in it.

    Anyone who can write there could plant an entry with a matching digest and any facts in it,
    which every later run would believe: an ``XDG_CACHE_HOME`` in a shared ``/tmp``, or a folder
    another user made. Such a cache is neither read nor written.
    """
    try:
        info = os.stat(folder)  # following a link: ~/.cache is often one, to a larger disk
    except OSError:
        return False
    if not hasattr(os, "geteuid"):
        return stat.S_ISDIR(info.st_mode)  # no owners, and modes that say nothing of them
    return stat.S_ISDIR(info.st_mode) and _own(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_entry(entry: Path) -> tuple[bytes, bytes] | None:
    """An entry's digest line and JSON, or ``None`` unless it is a regular file of a size a fact base's entry can have.

    Nothing here can wait or grow without end: a FIFO is opened without waiting for a writer,
    a symbolic link (to ``/dev/zero``, ``/dev/urandom``) is not followed, and a file is read
    only up to the size it had when opened.
    """
    try:
        descriptor = os.open(entry, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError:  # none yet, a symbolic link, or a cache that cannot be read: validate
        return None
    try:
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode) or info.st_size > 65 + MAX_BYTES or not _own(info):
                return None
            check = file.read(65)  # the digest's 64 hex digits and a newline, then the JSON
            return check, file.read(max(info.st_size - 65, 0))
    except OSError:
        return None


def _remember(digest: str, fact_base: FactBase) -> None:
    """Keep a validated fact base; quietly nothing where the cache cannot be written."""
    entry = _entry(digest)
    if entry is None:
        return
    staged = entry.with_name(f".{entry.name}.{os.getpid()}")
    _staged.append(staged)
    try:
        folder = entry.parent
        for step in (folder.parent.parent, folder.parent, folder):  # not a missing home, nor what holds it
            with contextlib.suppress(FileExistsError):
                step.mkdir(mode=0o700)
        if not _private(folder):
            return  # before the work of writing a copy that would never be read
        stored = to_json(fact_base)  # compact, keys in the validated order
        if len(stored) > MAX_BYTES:
            return  # an entry that _read_entry would not read
        with contextlib.suppress(FileNotFoundError):
            os.unlink(staged)  # left by a killed run that had this process id
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)  # never through a planted link
        with os.fdopen(os.open(staged, flags, 0o600), "wb") as file:
            file.write(hashlib.sha256(stored).hexdigest().encode() + b"\n")
            file.write(stored)
        os.replace(staged, entry)
        _forget_beyond_limit(entry.parent)
    except (OSError, PydanticSerializationError):  # read-only home, full disk, a lone surrogate: validate next time
        with contextlib.suppress(OSError):
            os.unlink(staged)
    finally:
        _staged.clear()


_staged: list[Path] = []
"""The copy ``_remember`` is writing, for :func:`discard_staged`."""


def discard_staged() -> None:
    """Remove a copy of a fact base not yet renamed into the cache (at Ctrl-C): it may be hundreds of MB."""
    while _staged:
        with contextlib.suppress(OSError):
            os.unlink(_staged.pop())


_ENTRY_NAME = re.compile(r"[0-9a-f]{64}")
_STAGED_NAME = re.compile(r"\.[0-9a-f]{64}\.[0-9]+")
STALE_STAGED_SECONDS = 3600
"""A staged file this old was left by a run that was killed while writing it; a younger one may be another run's."""


def _forget_beyond_limit(folder: Path) -> None:
    """Delete all but the CACHE_LIMIT entries used last, and staged files left by killed runs.

    Only files named as this module names them are touched: the folder may be a link to a
    folder of the user's own, whose files are not the cache's to delete. A staged file that
    another run is writing now is neither counted nor deleted.
    """
    entries: list[tuple[int, str]] = []
    stale = time.time() - STALE_STAGED_SECONDS
    with os.scandir(folder) as listing:
        for found in listing:
            try:
                if not found.is_file(follow_symlinks=False):
                    continue  # minusma writes nothing else
                if _ENTRY_NAME.fullmatch(found.name):
                    entries.append((found.stat(follow_symlinks=False).st_mtime_ns, found.path))
                elif _STAGED_NAME.fullmatch(found.name) and found.stat(follow_symlinks=False).st_mtime < stale:
                    os.unlink(found.path)
            except OSError:  # deleted meanwhile by another run: leave it
                continue
    entries.sort()
    for _, path in entries[: max(len(entries) - CACHE_LIMIT, 0)]:
        with contextlib.suppress(OSError):
            os.unlink(path)


def validate(path: str | Path | None = None) -> tuple[str, list[Problem]]:
    """Every problem in a fact base, warnings included, and duplicate JSON keys."""
    try:
        name, data = _read(path)
    except FactBaseError as error:
        return error.file, error.problems
    fact_base, problems = parse(data, name)
    parsed = fact_base is not None
    del fact_base  # freed before the duplicate-key pass: validate never holds two copies of a large file
    if parsed or not any(problem.message.key == "schema.not_json" for problem in problems):
        problems = _duplicate_keys(data.removeprefix(_BOM)) + problems
    return name, problems


class _Object(dict[str, Any]):
    """A parsed JSON object that remembers which of its keys appeared more than once."""

    duplicates: list[str]


def _duplicate_keys(data: bytes) -> list[Problem]:
    """A second parse, for ``validate`` only: JSON parsers keep the last of duplicate keys."""

    seen_any: list[bool] = []

    def probe(pairs: list[tuple[str, Any]]) -> None:
        """First pass: only whether any object repeats a key. Every object becomes None, so no second
        copy of the fact base is built: validate's peak memory stays near a single parse."""
        if len({key for key, _ in pairs}) < len(pairs):
            seen_any.append(True)

    try:
        json.loads(data, object_pairs_hook=probe)
    except (ValueError, RecursionError):
        return []  # the schema pass has already reported the broken JSON
    if not seen_any:
        return []

    def hook(pairs: list[tuple[str, Any]]) -> _Object:
        parsed = _Object(pairs)
        parsed.duplicates = [key for key, count in Counter(key for key, _ in pairs).items() if count > 1]
        return parsed

    document = json.loads(data, object_pairs_hook=hook)  # a second pass, to place each repeated key
    found: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Object):
            found += [
                Problem(
                    "error",
                    f"{path}.{key}" if path else key,
                    Message("schema.duplicate_key", {"key": key}),
                )  # fmt: skip
                for key in value.duplicates
            ]
            stack += [(f"{path}.{key}" if path else key, child) for key, child in value.items()]
        elif isinstance(value, list):
            stack += [(f"{path}[{index}]", child) for index, child in enumerate(value)]
    return sorted(found, key=lambda problem: problem.path)
