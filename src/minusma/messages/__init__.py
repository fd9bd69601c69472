"""Every word the tool shows, one catalogue per language, and numbers written the way each language writes them.

A catalogue is a Python module (``en.py``, ``nl.py``, ``fr.py``) holding one dict keyed by
message id; only the languages a run uses are imported. The README's developer notes say
why this rather than gettext. This package imports nothing else of minusma, so every
layer may use it.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from importlib import import_module
from typing import Literal, NamedTuple

Lang = Literal["en", "nl", "fr"]
LANGS: tuple[Lang, ...] = ("en", "nl", "fr")

_CATALOGUES: dict[str, Mapping[str, str]] = {}


def catalogue(lang: Lang) -> Mapping[str, str]:
    """The messages of ``lang``, imported on first use."""
    found = _CATALOGUES.get(lang)
    if found is None:
        found = _CATALOGUES[lang] = import_module(f"minusma.messages.{lang}").MESSAGES
    return found


class Number(int):
    """A count or figure inside a message: written 12,640 / 12.640 / 12 640 by language."""


class Message(NamedTuple):
    """A message not yet in any language: its id and the values for its placeholders.

    The layers below the command line (model, load, query) speak in Messages; the
    language is chosen only when a person is shown one.
    """

    key: str
    values: Mapping[str, object] = {}

    def said(self, lang: Lang) -> str:
        return say(self.key, lang, **self.values)


_PLAIN: dict[tuple[str, str], str] = {}
"""Messages without placeholders, once formatted: a table of 100,000 rows asks for a few words 100,000 times."""


def say(key: str, lang: Lang, /, **values: object) -> str:
    """The message ``key`` in ``lang`` with its placeholders filled (Numbers and Messages in ``lang`` too)."""
    if not values:
        found = _PLAIN.get((key, lang))
        if found is None:
            found = _PLAIN[(key, lang)] = catalogue(lang)[key].format()
        return found
    template = catalogue(lang)[key]
    return template.format(**{name: _shown(value, lang) for name, value in values.items()})


def _shown(value: object, lang: Lang) -> object:
    if isinstance(value, Number):
        return number(value, lang)
    if isinstance(value, Message):
        return value.said(lang)
    if isinstance(value, dict):  # a text of the fact base: {"en": ..., "nl": ..., "fr": ...}
        return value[lang]
    return value


_OS_REASONS = frozenset(
    ("ENOSPC", "EDQUOT", "EACCES", "EPERM", "EROFS", "EIO", "ENOENT", "ENOTDIR", "EISDIR", "ENAMETOOLONG", "ELOOP",
     "EFBIG", "EMFILE", "EXDEV")
)  # fmt: skip


def os_reason(error: OSError) -> object:
    """Why the system refused a read or write, in the user's language for the usual reasons
    (a full disk, a denied permission…); any other in the system's own words."""
    name = errno.errorcode.get(error.errno) if error.errno is not None else None
    if name in _OS_REASONS:
        return Message(f"os.{name}")
    return error.strerror or str(error)


def texts(key: str, /, **values: object) -> dict[Lang, str]:
    """The message in every language: a generated text in the shape of the fact base's texts."""
    return {lang: say(key, lang, **values) for lang in LANGS}


def count(key: str, value: int, lang: Lang) -> str:
    """``1 error`` / ``2 errors``: the catalogue holds ``KEY.one`` and ``KEY.other``."""
    return say(f"{key}.{'one' if value == 1 else 'other'}", lang, count=number(value, lang))


# --------------------------------------------------------------------------- numbers

NARROW_NO_BREAK_SPACE = "\u202f"
_GROUP = {"en": ",", "nl": ".", "fr": NARROW_NO_BREAK_SPACE}
_DECIMAL = {"en": ".", "nl": ",", "fr": ","}
_PERCENT = {"en": "%", "nl": "%", "fr": NARROW_NO_BREAK_SPACE + "%"}


def number(value: int, lang: Lang) -> str:
    """12,640 in English, 12.640 in Dutch, 12 640 (a narrow no-break space) in French."""
    formatted = f"{value:,}"
    return formatted if lang == "en" else formatted.replace(",", _GROUP[lang])


def percent(value: float, lang: Lang) -> str:
    """78.2% in English, 78,2% in Dutch, 78,2 % in French."""
    return f"{value:.1f}".replace(".", _DECIMAL[lang]) + _PERCENT[lang]
