"""Roman numerals a segment offers as numbers (see :mod:`checks.quantities`): a Roman
numeral of two letters or more (``Chapitre VII``, ``XXIe``), and a single letter after a
label (``Figure I`` for ``figure 1``, ``annexe V``; alone, ``I`` is the English pronoun).
"""

from __future__ import annotations

import re

from checks import cues

ROMAN = re.compile(r"(?=[IVX])\b(?=[IVX]{2,6}\b)X{0,3}(?:IX|IV|V?I{0,3})\b")
LABELLED_ROMAN = re.compile(
    r"(?=[FfTtAaCcPpSsVv])\b(?:[Ff]igures?|[Tt]ables?|[Tt]ableaux?|[Aa]nnex(?:es?)?|"
    r"[Cc]hap(?:ter|itre)s?|[Pp]arts?|[Pp]arties?|[Ss]ections?|[Vv]olumes?)\s+([IVX])\b")
#: The longest label of :data:`LABELLED_ROMAN` ("Chapitres").
_LABEL_LONGEST = 9


def roman_value(text: str) -> int:
    """The value of a Roman numeral (I to XXXIX).

    >>> roman_value("XIV"), roman_value("II")
    (14, 2)
    """
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for char, following in zip(text, text[1:] + " ", strict=True):
        value = values[char]
        total += -value if values.get(following, 0) > value else value
    return total


def roman_values(text: str) -> list[int]:
    """The values of the Roman numerals of ``text``.

    >>> roman_values("Figure I and chapter VII; I agree")
    [7, 1]
    """
    found = [roman_value(m.group()) for m in ROMAN.finditer(text)] if cues.ROMAN.search(
        text) else []
    if " I" in text or " V" in text or " X" in text:
        # (tried just before each I, V or X after white space: every match ends so)
        found += [roman_value(m.group(1)) for m in cues.spaced_matches(
            LABELLED_ROMAN, text, "IVX", _LABEL_LONGEST, 1)]
    return found
