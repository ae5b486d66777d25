"""United Nations document symbols as written, and their ``undocs.org`` address.

The UN Parallel Corpus names its documents by file path, with the symbol's punctuation
turned into underscores (``S/RES/2210__2015_``, ``A/69/102/ADD_2``, ``A/CONF_224/PC_III_/1``);
:func:`clean_symbol` gives back the symbol a translator reads and types
(``S/RES/2210 (2015)``, ``A/69/102/Add.2``, ``A/CONF.224/PC(III)/1``). Symbols already as
written are returned unchanged.
"""

from __future__ import annotations

import re
from urllib.parse import quote

#: The official document system's permanent links: this prefix + the symbol.
UNDOCS = "https://undocs.org/"
#: Symbol parts written with a capital and lower case (``Add.1``, ``Corr.2``, ``Rev.1``).
_TITLED = {"add", "corr", "rev", "amend", "part", "summary"}
_ROMAN = re.compile(r"^[ivxlcdm]+$")
_YEAR = re.compile(r"^(\d+)__(\d{4})_$")
_BRACKETED_WORDS = re.compile(r"^(.+?)__(.+)_$")
_BRACKETED = re.compile(r"^([a-z]+)_([a-z0-9]+)_$")
_RANGE = re.compile(r"^(\d+)_(\d+)$")
_DOTTED = re.compile(r"^([a-z]+)_([a-z0-9]+)$")
#: Longest text treated as a symbol (anything longer is shown as it is).
MAX_SYMBOL = 120


def _word(word: str) -> str:
    if _ROMAN.match(word):
        return word.upper()
    return word.capitalize() if word in _TITLED else word.upper()


def _part(part: str) -> str:
    """One ``/``-separated part of a corpus file name, as written in the symbol."""
    low = part.lower()
    if match := _YEAR.match(low):
        return f"{match[1]} ({match[2]})"
    if match := _BRACKETED_WORDS.match(low):
        inner = " ".join(_word(w) for w in match[2].split("_") if w)
        return f"{_part(match[1])} ({inner})"
    if match := _BRACKETED.match(low):
        return f"{match[1].upper()}({match[2].upper()})"
    if match := _RANGE.match(low):
        return f"{match[1]}-{match[2]}"
    if match := _DOTTED.match(low):
        return f"{_word(match[1])}.{match[2].upper()}"
    return part.upper() if "_" in part else part


def clean_symbol(symbol: str) -> str:
    """The document symbol as written.

    >>> clean_symbol("S/RES/2210__2015_")
    'S/RES/2210 (2015)'
    >>> clean_symbol("A/69/102/ADD_2"), clean_symbol("A/69/176/CORR_1")
    ('A/69/102/Add.2', 'A/69/176/Corr.1')
    >>> clean_symbol("A/69/308__PART_II_")
    'A/69/308 (Part II)'
    >>> clean_symbol("A/CONF_224/PC_III_/L_1")
    'A/CONF.224/PC(III)/L.1'
    >>> clean_symbol("CEDAW/C/ECU/CO/8_9"), clean_symbol("E/CN_7/2015/13")
    ('CEDAW/C/ECU/CO/8-9', 'E/CN.7/2015/13')
    >>> clean_symbol("S/2021/297"), clean_symbol(""), clean_symbol("doc.fr.txt")
    ('S/2021/297', '', 'doc.fr.txt')
    """
    symbol = symbol.strip()
    if "_" not in symbol or len(symbol) > MAX_SYMBOL or " " in symbol:
        return symbol
    return "/".join(_part(p) for p in symbol.split("/"))


def symbol_url(symbol: str) -> str:
    """The ``undocs.org`` address of a document symbol (``""`` when there is none).

    undocs.org writes the bracket of a year or part without the space before it.

    >>> symbol_url("S/RES/2210__2015_")
    'https://undocs.org/S/RES/2210(2015)'
    >>> symbol_url("A/69/308 (Part II)")
    'https://undocs.org/A/69/308(Part%20II)'
    >>> symbol_url(""), symbol_url("doc.fr.txt")
    ('', '')
    """
    written = clean_symbol(symbol)
    if not looks_like_symbol(written):
        return ""
    return UNDOCS + quote(written.replace(" (", "("), safe="/().-")


def looks_like_symbol(text: str) -> bool:
    """A UN document symbol: an upper-case series, then ``/``-separated parts.

    >>> looks_like_symbol("S/2021/297"), looks_like_symbol("A/75/345-S/2020/898")
    (True, True)
    >>> looks_like_symbol("UNTERM"), looks_like_symbol("doc.fr.txt"), looks_like_symbol("")
    (False, False, False)
    """
    return bool(re.match(r"^[A-Z]{1,8}/[A-Za-z0-9./()\- ]+$", text)) and len(text) <= MAX_SYMBOL
