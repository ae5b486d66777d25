"""Cheap tests that a text may hold what a pattern looks for, so that the pattern is not run
over a long segment that cannot match it.

A regular expression without a literal start (a word boundary, a lookbehind, ``re.I``) is
tried at every character of a text: over a 2 KB segment each costs tens of microseconds, and
the number checks run dozens. Each test here is a necessary condition of a match (a word the
match must contain), found by a plain substring search: a pattern whose cue is absent finds
nothing, so skipping it changes no result.

Case-insensitive patterns (``re.I``) match what ``str.lower`` cannot show in three cases: a
pattern's ``i`` matches the dotless ``ı`` and the dotted ``İ`` (which lower-cases to two
characters), and its ``s`` the long ``ſ``; a text holding one of them is always searched.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checks.tokens import KEPT_TEXT

#: Letters that ``re.I`` matches to an ASCII letter of a pattern but ``str.lower`` does not
#: turn into that letter.
_ODD_CASES = ("\u0130", "\u0131", "\u017f")


def lowered(text: str) -> str | None:
    """``text`` in lower case, for case-insensitive cues; None when the text has one of the
    letters ``str.lower`` does not fold as ``re.I`` does (then every cue is there).

    >>> lowered("Une QUARANTAINE"), lowered("İstanbul")
    ('une quarantaine', None)
    """
    return _lowered(text) if len(text) <= KEPT_TEXT else _lower(text)


def _lower(text: str) -> str | None:
    if not text.isascii() and any(c in text for c in _ODD_CASES):
        return None
    return text.lower()


_lowered = lru_cache(maxsize=8)(_lower)


def any_cue(text: str, *cues: str) -> bool:
    """True unless ``text`` holds none of the lower-case ``cues``, in any case: a pattern
    compiled with ``re.I`` whose every match holds one of them may match.

    >>> any_cue("About HALF of them", "half"), any_cue("une dizaine", "million", "milliard")
    (True, False)
    >>> any_cue("ſeveral", "several")
    True
    """
    low = lowered(text)
    return low is None or any(cue in low for cue in cues)


#: What a date of each language must hold: a month name (the patterns are ``re.I``).
MONTHS = {
    "fr": ("janvier", "vrier", "mars", "avril", "mai", "juin", "juillet", "aoû", "aout",
           "septembre", "octobre", "novembre", "cembre"),
    "en": ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"),
}  # fmt: skip
#: Cues led by a character set (a search the regex engine runs in C, without trying the
#: pattern at every character): two Roman digits, two years run together, a year span.
ROMAN = re.compile("[IVX][IVX]")
JOINED_YEARS = re.compile(r"(?:19|20)\d\d(?:19|20)\d\d")
YEAR_SPAN = re.compile(r"(?:19|20)\d\d[/-]\d\d")
#: A closing mark before a digit (a footnote number after a quote or a full stop).
NOTE_AFTER = re.compile("[.\u201d\"\u2019\u00bb]\\d")


def has_month(text: str, lang: str) -> bool:
    """False when ``text`` holds no month name of ``lang``: no date can be found there.

    >>> has_month("le 1er JANVIER", "fr"), has_month("on 3 Mai", "en")
    (True, False)
    """
    return any_cue(text, *MONTHS[lang])
