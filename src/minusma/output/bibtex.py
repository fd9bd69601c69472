"""BibTeX for LaTeX users (BibTeX and biber alike), and for Zotero's File → Import.

Written here rather than by a library: bibtexparser 2's encoder was tried and failed the
round trip this project asks of every format (URLs with ``%`` cut short on reading back, ``^``
and ``"`` changed, a log line per Arabic letter). :func:`escape` turns LaTeX's special
characters ``\\ { } % & # _ $ ~ ^`` into commands (braces as ``\\textbraceleft{}``, since BibTeX
counts ``\\{`` as a brace and an unbalanced one would end the entry) and accented Latin letters into ``{\\'e}``,
``{\\c{c}}``; any other letter stays UTF-8, which biber, LaTeX and Zotero read. tests/test_cite.py
parses the output back with bibtexparser and decodes it with pylatexenc for every source.

Types: resolutions, press releases and reports are ``@techreport`` (standard BibTeX, which
biblatex reads as ``@report``) with ``type`` (Resolution, Press release, Report), the UN symbol as
``number`` and the issuer as ``institution``. News is ``@article`` in its outlet; anything else,
and an undated report or article (both need a year in every style), is ``@misc`` with its
publisher as ``howpublished``. Every entry has an ``author``, so pybtex's and BibTeX's styles format
it: the people the source names, else its corporate author braced whole (``{{Reuters}}``) so no
style splits it into first and last names. Titles are braced whole so no style changes their case.
``urldate`` is the day the record entered the fact base (tools/access_dates.py); ``langid`` names
the language as biblatex and babel do (``english``, ``french``), where ``language`` would print the
code. Where the URL is the official record, ``note`` names the copy read.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from minusma.messages import Lang
from minusma.output.cells import safe
from minusma.output.citation import Reference, references
from minusma.output.stream import write_bytes
from minusma.output.view import View

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\textbraceleft{}",  # not \{: BibTeX, biber and pybtex count it as a brace,
    "}": r"\textbraceright{}",  # so an unbalanced one would end the field or the entry
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "_": r"\_",
    "$": r"\$",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SYMBOL_ACCENTS = {
    "\u0300": "`",
    "\u0301": "'",
    "\u0302": "^",
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u0308": '"',
}
_LETTER_ACCENTS = {
    "\u0306": "u",
    "\u030a": "r",
    "\u030b": "H",
    "\u030c": "v",
    "\u0323": "d",
    "\u0327": "c",
    "\u0328": "k",
}
_LETTERS = {
    "ß": r"{\ss}", "æ": r"{\ae}", "Æ": r"{\AE}", "œ": r"{\oe}", "Œ": r"{\OE}",
    "ø": r"{\o}", "Ø": r"{\O}", "ł": r"{\l}", "Ł": r"{\L}", "ı": r"{\i}",
}  # fmt: skip


def _letter(char: str) -> str:
    if char.isascii():
        return _SPECIAL.get(char, char)
    if char in _LETTERS:
        return _LETTERS[char]
    decomposed = unicodedata.normalize("NFD", char)
    if len(decomposed) == 2 and decomposed[0].isascii() and decomposed[0].isalpha():
        base, mark = decomposed[0], decomposed[1]
        if mark in _SYMBOL_ACCENTS:
            return "{\\" + _SYMBOL_ACCENTS[mark] + base + "}"
        if mark in _LETTER_ACCENTS:
            return "{\\" + _LETTER_ACCENTS[mark] + "{" + base + "}}"
    return char


def escape(text: str) -> str:
    """``text`` as the value of a BibTeX field: LaTeX specials escaped, accents as commands; a control
    character, a line separator (U+2028, U+2029) or U+FFFF shown as its escape (``\\u2028``), as in every format."""
    return "".join(_letter(char) for char in unicodedata.normalize("NFC", safe(text, lines=False)))


def url(text: str) -> str:
    """A URL as biblatex reads it, verbatim; the only characters that could break the entry,
    braces and backslashes, are percent-encoded (the same address)."""
    return text.replace("\\", "%5C").replace("{", "%7B").replace("}", "%7D")


LANGUAGE_NAMES = {
    "ar": "arabic", "da": "danish", "de": "german", "en": "english", "es": "spanish", "fr": "french",
    "ha": "hausa", "it": "italian", "nl": "dutch", "pl": "polish", "pt": "portuguese", "ru": "russian",
    "no": "norsk", "sv": "swedish", "sw": "swahili", "tr": "turkish", "zh": "chinese",
}  # fmt: skip
"""ISO 639-1 codes as biblatex's ``langid`` names them (babel and polyglossia's language names)."""


def authors(source: Reference) -> str:
    """BibTeX's ``author``: people as ``Family, Given and ...``; an organisation braced whole, so no
    style splits 'United Nations Security Council' into a first and a last name."""
    if source.persons:
        return " and ".join(
            "{" + escape(family) + "}" + (", " + escape(given) if given else "") for family, given in source.persons
        )
    return "{" + escape(source.author) + "}"


def entry(source: Reference) -> str:
    fields: list[tuple[str, str]] = [("author", authors(source)), ("title", "{" + escape(source.title) + "}")]
    # @techreport and @article need a year in every style; an undated one is @misc, which does not
    if source.kind in ("resolution", "press_release", "report") and source.date:
        kind = "techreport"
        fields.append(("institution", escape(source.publisher)))
        if source.genre is not None:
            fields.append(("type", escape(source.genre)))
        if source.symbol is not None:
            fields.append(("number", escape(source.symbol)))
    elif source.kind == "news" and source.date:
        kind = "article"
        fields.append(("journal", escape(source.publisher)))
    else:
        kind = "misc"
        fields.append(("howpublished", escape(source.publisher)))
        if source.genre is not None:
            fields.append(("type", escape(source.genre)))
        if source.symbol is not None:
            fields.append(("number", escape(source.symbol)))
    if source.published is not None:
        fields += [("year", source.published[:4]), ("date", source.published)]
    fields.append(("url", url(source.url)))
    if source.accessed is not None:
        fields.append(("urldate", "-".join(f"{part:02d}" for part in source.accessed)))
    fields.append(("langid", LANGUAGE_NAMES.get(source.language, escape(source.language))))
    if source.copy_note is not None:
        fields.append(("note", escape(source.copy_note)))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@{kind}{{{source.id},\n{body}}}\n"


def write(view: View[Any], lang: Lang) -> None:
    write_bytes("\n".join(entry(source) for source in references(view, lang)).encode("utf-8"))
