"""Every word the tool shows, one catalogue per language, and numbers written the way each language writes them.

A catalogue is a Python module (``en.py``, ``nl.py``, ``fr.py``) holding one dict keyed by
message id; only the languages a run uses are imported. The README's developer notes say
why this rather than gettext. This package imports nothing else of minusma, so every
layer may use it.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Literal, NamedTuple, get_args

NARROW_NO_BREAK_SPACE = "\u202f"


def _one_other(count: int) -> str:
    return "one" if count == 1 else "other"


class Language(NamedTuple):
    """Everything a language needs besides its fact texts: leave a part out and mypy says so."""

    catalogue: str
    """The module of its messages (one dict, ``MESSAGES``, keyed by message id)."""
    name: str
    """Its name in itself, where a catalogue has no ``language.XX`` for it."""
    group: str
    """Between groups of thousands: 12,640 / 12.640 / 12 640."""
    decimal: str
    percent: str
    """What follows a percentage: ``%``, or a narrow no-break space and ``%`` in French."""
    plural: Callable[[int], str]
    """The catalogue's plural form for a count: ``KEY.one`` or ``KEY.other``."""


Lang = Literal["en", "nl", "fr"]

LANGS: dict[Lang, Language] = {
    "en": Language("minusma.messages.en", "English", ",", ".", "%", _one_other),
    "nl": Language("minusma.messages.nl", "Nederlands", ".", ",", "%", _one_other),
    "fr": Language(
        "minusma.messages.fr", "français", NARROW_NO_BREAK_SPACE, ",", NARROW_NO_BREAK_SPACE + "%", _one_other
    ),
}
"""The languages of the tool, the one list of them: ``--lang``, the help texts, the fact base's
texts (``model.Text`` and its schemas, checked against this by a test) and ``validate`` follow it."""

if set(LANGS) != set(get_args(Lang)):  # the type and the table name the same languages
    raise ImportError(f"minusma.messages: Lang {get_args(Lang)} and LANGS {tuple(LANGS)} differ")

_CATALOGUES: dict[str, Mapping[str, str]] = {}


def catalogue(lang: Lang) -> Mapping[str, str]:
    """The messages of ``lang``, imported on first use."""
    found = _CATALOGUES.get(lang)
    if found is None:
        found = _CATALOGUES[lang] = import_module(LANGS[lang].catalogue).MESSAGES
    return found


def language_name(named: str, lang: Lang) -> str:
    """The name of the language ``named`` in ``lang``: the catalogue's, else the language's own name."""
    found = catalogue(lang).get(f"language.{named}")
    known = LANGS.get(named)  # type: ignore[call-overload]
    return found if found is not None else known.name if known is not None else named


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


class Listed(NamedTuple):
    """Items listed the way a language lists them: ``en, nl or fr``, ``en, nl of fr``, ``en, nl ou fr``."""

    items: Sequence[object]
    joiner: Literal["or", "and"] = "or"

    def said(self, lang: Lang) -> str:
        shown = [str(_shown(item, lang)) for item in self.items]
        if len(shown) < 2:
            return "".join(shown)
        return say(f"list.{self.joiner}", lang, items=", ".join(shown[:-1]), last=shown[-1])


class LanguageName(NamedTuple):
    """A language's name, said in the reader's language (see :func:`language_name`)."""

    code: str

    def said(self, lang: Lang) -> str:
        return language_name(self.code, lang)


Precision = Literal["day", "month", "year"]


def precision(date: str) -> Precision:
    """How precise a date written the tool's way is: ``2015-03-01`` a day, ``2015-03`` a month; a year,
    a fiscal year (``2013/14``) or an open end (``…``) counts as a year."""
    separators = date.count("-")
    return "day" if separators == 2 else "month" if separators == 1 else "year"


class Bound(NamedTuple):
    """A date at one end of a span, with the words its language puts there for a date that precise.

    French chooses the preposition by each end's precision: "du 2015-03-01 au 2016-06-30" but
    "de 2015 à 2016", "de 2015-03 à 2016-06", "de 2015 au 2016-06-30"; "depuis le 2015-03-01" but
    "depuis 2015"; "jusqu’au 2016-06-30" but "jusqu’en 2016". The catalogue holds ``span.SIDE.PRECISION``
    (sides: ``from``, ``to``, ``since``, ``until``); where a language's words do not change with the
    precision (English, Dutch), its entries are the bare date and its templates keep the words."""

    date: str
    side: Literal["from", "to", "since", "until"]

    def said(self, lang: Lang) -> str:
        return say(f"span.{self.side}.{precision(self.date)}", lang, date=self.date)


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
    if isinstance(value, Message | Listed | LanguageName | Bound):
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
    return say(f"{key}.{LANGS[lang].plural(value)}", lang, count=number(value, lang))


# --------------------------------------------------------------------------- numbers


def number(value: int, lang: Lang) -> str:
    """12,640 in English, 12.640 in Dutch, 12 640 (a narrow no-break space) in French."""
    formatted = f"{value:,}"
    group = LANGS[lang].group
    return formatted if group == "," else formatted.replace(",", group)


def percent(value: float, lang: Lang) -> str:
    """78.2% in English, 78,2% in Dutch, 78,2 % in French."""
    return f"{value:.1f}".replace(".", LANGS[lang].decimal) + LANGS[lang].percent
