"""Mark terms inside a sentence with ``<mark>``, ignoring case and accents, safely escaped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from markupsafe import Markup, escape

_APOSTROPHES = "\u2019\u2018\u02bc`\u00b4"


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[0].casefold()
    if char in _APOSTROPHES:
        return "'"
    if char in "\u00a0\u202f\u2009":
        return " "
    if char in "\u2010\u2011\u2013\u2014":
        return "-"
    return base[:1] if base else char


def fold_same_length(text: str) -> str:
    """Case- and accent-folded text with exactly one character per input character.

    >>> fold_same_length("Sécurité d’État")
    "securite d'etat"
    """
    return "".join(_fold_char(c) for c in text)


def find_spans(text: str, needles: Iterable[str]) -> list[tuple[int, int]]:
    """Non-overlapping ``(start, end)`` spans of the needles in ``text``, longest first.

    Matches must not start or end inside a word.

    >>> find_spans("L'OTSC et l'Organisation du Traité", ["OTSC", "organisation du traite"])
    [(2, 6), (12, 34)]
    >>> find_spans("COTSC", ["OTSC"])
    []
    """
    folded = fold_same_length(text)
    taken: list[tuple[int, int]] = []
    for needle in sorted({n for n in needles if n and n.strip()}, key=len, reverse=True):
        key = fold_same_length(needle.strip())
        pattern = re.compile(r"(?<!\w)" + re.escape(key) + r"(?!\w)")
        for match in pattern.finditer(folded):
            start, end = match.span()
            if all(end <= s or start >= e for s, e in taken):
                taken.append((start, end))
    return sorted(taken)


def highlight(text: str, needles: Iterable[str], css: str = "") -> Markup:
    """``text`` escaped, with every needle wrapped in ``<mark>``.

    >>> str(highlight("<b> OTSC", ["otsc"]))
    '&lt;b&gt; <mark>OTSC</mark>'
    """
    spans = find_spans(text, needles)
    attr = Markup(' class="{}"').format(css) if css else Markup("")
    out = Markup("")
    pos = 0
    for start, end in spans:
        out += escape(text[pos:start])
        out += Markup("<mark{}>{}</mark>").format(attr, text[start:end])
        pos = end
    return out + escape(text[pos:])
