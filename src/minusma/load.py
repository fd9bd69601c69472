"""The only file I/O: a path, or the packaged fact base, becomes a checked ``FactBase``.

A fact base loads only when it is valid JSON of the schema and keeps every rule in
``model.check_fact_base``; otherwise :class:`FactBaseError` carries every problem.
"""

from __future__ import annotations

import gc
import hashlib
import json
import stat
from collections import Counter
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails, from_json

from minusma.errors import FactBaseError
from minusma.model import DateError, FactBase, Problem, Text, check_fact_base, fact_base_adapter
from minusma.verified import SHIPPED_SHA256, SHIPPED_SIZE

MAX_BYTES = 256 * 1024 * 1024
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


def read_bytes(path: Path) -> bytes:
    """Read a fact base file, turning every way a read can fail into one clear problem."""
    name = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _fail(name, *_FOLDER)
        if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
            raise _fail(
                name,
                f"is {info.st_size:,} bytes, more than the {MAX_BYTES:,} a fact base may be",
                f"is {info.st_size:,} bytes, meer dan de {MAX_BYTES:,} die een feitenbestand mag zijn",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FactBaseError:
        raise
    except FileNotFoundError:
        raise _fail(
            name,
            "no such file; check the path given with --data or MINUSMA_DATA",
            "bestand bestaat niet; controleer het pad bij --data of MINUSMA_DATA",
        ) from None
    except PermissionError:
        raise _fail(
            name,
            "permission denied; make the file readable or copy it somewhere readable",
            "geen leesrecht; maak het bestand leesbaar of kopieer het naar een leesbare plek",
        ) from None
    except IsADirectoryError:
        raise _fail(name, *_FOLDER) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise _fail(
            name,
            f"cannot be read ({reason}); check the file",
            f"kan niet worden gelezen ({reason}); controleer het bestand",
        ) from None
    if len(data) > MAX_BYTES:
        raise _fail(
            name,
            f"is more than the {MAX_BYTES:,} bytes a fact base may be",
            f"is meer dan de {MAX_BYTES:,} bytes die een feitenbestand mag zijn",
        )
    return data


_FOLDER = (
    "is a folder, not a file; give the path of a fact base .json file",
    "is een map, geen bestand; geef het pad van een .json-feitenbestand",
)


def _fail(file: str, en: str, nl: str, path: str = "", line: int | None = None) -> FactBaseError:
    return FactBaseError(file, [Problem("error", path, Text(en=en, nl=nl), line)])


def _text_problem(name: str, data: bytes) -> FactBaseError | None:
    if not data.strip():
        return _fail(
            name,
            "is empty; a fact base is a JSON object (see 'minusma schema')",
            "is leeg; een feitenbestand is een JSON-object (zie 'minusma schema')",
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return _fail(
            name,
            f"is not UTF-8 text (bad byte at offset {error.start}); save it as UTF-8 JSON",
            f"is geen UTF-8-tekst (foute byte op positie {error.start}); sla het op als UTF-8-JSON",
            line=line,
        )
    return None


def _schema_problems(error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False, include_input=False):
        line = None
        if detail["type"] == "json_invalid":
            line = _line_of(detail["msg"])
        problems.append(Problem("error", json_path(detail["loc"]), _schema_message(detail), line))
    return problems


# Pydantic says what is wrong; these say what to do, and give the Dutch for the errors a fact base can have.
_ADVICE: dict[str, tuple[str, str]] = {
    "missing": ("add it (see 'minusma schema')", "veld ontbreekt; voeg het toe (zie 'minusma schema')"),
    "extra_forbidden": ("remove the field or correct its name", "onbekend veld; verwijder het of verbeter de naam"),
    "int_type": ("write a whole number without quotes", "moet een geheel getal zijn, zonder aanhalingstekens"),
    "string_type": ("write text in double quotes", "moet tekst tussen dubbele aanhalingstekens zijn"),
    "bool_type": ("write true or false", "moet true of false zijn"),
    "list_type": ("write a list: [...]", "moet een lijst zijn: [...]"),
    "dict_type": ("write an object: {...}", "moet een object zijn: {{...}}"),
    "typed_dict_type": ("write an object: {...}", "moet een object zijn: {{...}}"),
    "literal_error": ("use one of the values named", "moet een van deze waarden zijn: {expected}"),
    "string_pattern_mismatch": ("correct its form", "heeft niet de vereiste vorm ({pattern})"),
    "greater_than_equal": ("correct the number", "moet ten minste {ge} zijn"),
    "less_than_equal": ("correct the number", "mag hoogstens {le} zijn"),
    "too_short": ("add at least one", "moet ten minste {min_length} element(en) hebben"),
    "string_too_short": ("write some text", "mag niet leeg zijn"),
    "string_too_long": ("shorten it", "mag hoogstens {max_length} tekens lang zijn"),
}
_DATE_PATTERN = r"^\d{4}(-\d{2}){0,2}$"


class _Context(dict[str, Any]):
    """An error's context for a template; a value pydantic did not give shows as '?'."""

    def __missing__(self, key: str) -> str:
        return "?"


def _schema_message(detail: ErrorDetails) -> Text:
    english = detail["msg"]
    context = detail.get("ctx") or {}
    error = context.get("error")
    if isinstance(error, DateError):
        return error.said
    if detail["type"] == "json_invalid":
        return _not_json(english.removeprefix("Invalid JSON: "))
    if detail["type"] == "string_pattern_mismatch" and context.get("pattern") == _DATE_PATTERN:
        return Text(
            en="is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD (such as 2013, 2013-07, 2013-07-01)",
            nl="is geen datum van de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD (zoals 2013, 2013-07, 2013-07-01)",
        )
    advice = _ADVICE.get(detail["type"])
    if advice is not None:
        english = f"{english}; {advice[0]}"
    dutch = advice[1].format_map(_Context(context)) if advice else english
    if not detail["loc"] and detail["type"].endswith("_type"):
        return Text(
            en=f"is not a fact base: the top level must be a JSON object ({detail['msg']})",
            nl="is geen feitenbestand: het bovenste niveau moet een JSON-object zijn",
        )
    return Text(en=english, nl=dutch)


def _not_json(reason: str) -> Text:
    """The parser's own words for where the JSON breaks, and what to do."""
    return Text(
        en=f"is not valid JSON: {reason}; fix the text there",
        nl=f"is geen geldige JSON: {reason}; herstel de tekst daar",
    )


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


def parse(data: bytes, name: str) -> tuple[FactBase | None, list[Problem]]:
    """Validate in one pass, then check the cross-field rules. Returns warnings too."""
    data = data.removeprefix(_BOM)
    text_error = _text_problem(name, data)
    if text_error is not None:
        return None, text_error.problems
    adapter = fact_base_adapter()
    collecting = gc.isenabled()
    gc.disable()  # validation makes a dict per record and no cycles: collection passes only cost time
    try:
        if all(key in data for key in _TOP_LEVEL_KEYS):
            fact_base = adapter.validate_json(data)
        else:
            fact_base = adapter.validate_python(_parse_json(data))
    except _BrokenJSON as error:
        return None, [error.problem]
    except ValidationError as error:
        return None, _schema_problems(error)
    finally:
        if collecting:
            gc.enable()
    return fact_base, check_fact_base(fact_base)


_TOP_LEVEL_KEYS = tuple(f'"{key}"'.encode() for key in FactBase.__required_keys__)


class _BrokenJSON(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def _parse_json(data: bytes) -> object:
    """Parse first, then validate, for a document that lacks a top-level key.

    pydantic-core copies the whole JSON input into every "field required" error it
    raises in JSON mode: a 50 MB file missing eleven keys took 20 s. Validating the
    parsed objects shares them instead. A document that has every key takes the
    single-pass ``validate_json`` path.
    """
    try:
        return from_json(data)
    except ValueError as error:
        reason = str(error)
        raise _BrokenJSON(Problem("error", "", _not_json(reason), _line_of(reason))) from None


def load(path: Path | None = None) -> FactBase:
    """The checked fact base at ``path`` (default: the packaged one); raises FactBaseError.

    A file byte-for-byte equal to the shipped fact base, which the test suite validates
    (``verified.SHIPPED_SHA256``), is read without validating it again: that spares
    building the validator, most of the start-up time of a command. Any other file,
    or a shipped file that was edited, is validated in full.
    """
    path = path if path is not None else default_path()
    data = read_bytes(path)
    if len(data) == SHIPPED_SIZE and hashlib.sha256(data).hexdigest() == SHIPPED_SHA256:
        document = from_json(data)
        if "$schema" in document:  # validation renames the key to the model's field name
            document["schema_ref"] = document.pop("$schema")
        return cast(FactBase, document)
    fact_base, problems = parse(data, str(path))
    errors = [problem for problem in problems if problem.severity == "error"]
    if fact_base is None or errors:
        raise FactBaseError(str(path), errors)
    return fact_base


def validate(path: Path | None = None) -> tuple[str, list[Problem]]:
    """Every problem in a fact base, warnings included, and duplicate JSON keys."""
    path = path if path is not None else default_path()
    name = str(path)
    try:
        data = read_bytes(path)
    except FactBaseError as error:
        return name, error.problems
    fact_base, problems = parse(data, name)
    if fact_base is not None or not any(p.message["en"].startswith("is not valid JSON") for p in problems):
        problems = _duplicate_keys(data.removeprefix(_BOM)) + problems
    return name, problems


class _Object(dict[str, Any]):
    """A parsed JSON object that remembers which of its keys appeared more than once."""

    duplicates: list[str]


def _duplicate_keys(data: bytes) -> list[Problem]:
    """A second parse, for ``validate`` only: JSON parsers keep the last of duplicate keys."""

    seen_any: list[bool] = []

    def hook(pairs: list[tuple[str, Any]]) -> _Object:
        parsed = _Object(pairs)
        parsed.duplicates = [key for key, count in Counter(key for key, _ in pairs).items() if count > 1]
        if parsed.duplicates:
            seen_any.append(True)
        return parsed

    try:
        document = json.loads(data, object_pairs_hook=hook)
    except (ValueError, RecursionError):
        return []  # the schema pass has already reported the broken JSON
    if not seen_any:
        return []  # walk the tree for paths only when there is something to place
    found: list[Problem] = []
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, _Object):
            found += [
                Problem(
                    "error",
                    f"{path}.{key}" if path else key,
                    Text(
                        en=f"key '{key}' appears more than once in this object; only the last value would be "
                        "read, so keep one",
                        nl=f"sleutel '{key}' staat meer dan eens in dit object; alleen de laatste waarde zou "
                        "worden gelezen, houd er één",
                    ),
                )  # fmt: skip
                for key in value.duplicates
            ]
            stack += [(f"{path}.{key}" if path else key, child) for key, child in value.items()]
        elif isinstance(value, list):
            stack += [(f"{path}[{index}]", child) for index, child in enumerate(value)]
    return sorted(found, key=lambda problem: problem.path)
