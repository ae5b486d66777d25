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
#: A cue led by a character set (a search the regex engine runs in C, without trying the
#: pattern at every character): two Roman digits.
ROMAN = re.compile("[IVX][IVX]")


def has_month(text: str, lang: str) -> bool:
    """False when ``text`` holds no month name of ``lang``: no date can be found there.

    >>> has_month("le 1er JANVIER", "fr"), has_month("on 3 Mai", "en")
    (True, False)
    """
    return any_cue(text, *MONTHS[lang])


_DIGIT_RUN = re.compile(r"\d+")
#: What lies between the runs of digits: a run of digits starts where one of these ends (a
#: long run of one class is matched in one go; ``\d+`` is tried at every character).
_NON_DIGITS = re.compile(r"\D+")


def digit_runs(text: str) -> list[int]:
    """Where each run of digits (``\\d``) of ``text`` starts (kept for the last texts).

    >>> digit_runs("le 15 mai 2021, 3e")
    [3, 10, 16]
    """
    if len(text) > KEPT_TEXT:
        return _find_runs(text)
    runs = _RUNS.get(text)
    if runs is None:
        runs = _find_runs(text)
        _keep_runs(text, runs)
    return runs


def _find_runs(text: str) -> list[int]:
    """The starts of the runs of digits: the ends of the runs of other characters (and 0
    when the text starts with a digit; not the end of the text).

    >>> _find_runs("12 ab 3"), _find_runs("ab 3 c"), _find_runs("ab"), _find_runs("")
    ([0, 6], [3], [], [])
    """
    starts = [m.end() for m in _NON_DIGITS.finditer(text)]
    if starts and starts[-1] == len(text):
        starts.pop()
    if _DIGIT_RUN.match(text):
        starts.insert(0, 0)
    return starts


#: The runs of digits of the last texts (:func:`digit_runs`), and how many are kept.
_RUNS: dict[str, list[int]] = {}
RUNS_KEPT = 16


def _keep_runs(text: str, runs: list[int]) -> None:
    if len(_RUNS) >= RUNS_KEPT:
        _RUNS.clear()
    _RUNS[text] = runs


def mask(text: str, start: int, end: int) -> str:
    """``text`` with the characters from ``start`` to ``end`` replaced by spaces; when the
    runs of digits of ``text`` are kept, those of the result are made from them (the runs
    that start in the span are gone, and a run the span cut starts again at its end).

    >>> text = "le 15 mai 2021, 3e"
    >>> digit_runs(text), mask(text, 9, 12), digit_runs(mask(text, 9, 12))
    ([3, 10, 16], 'le 15 mai   21, 3e', [3, 12, 16])
    """
    masked = text[:start] + " " * (end - start) + text[end:]
    runs = _RUNS.get(text) if len(masked) <= KEPT_TEXT else None
    if runs is not None and masked not in _RUNS:
        cut = ([end] if start < end < len(text) and end not in runs
               and _DIGIT_RUN.match(text, end) else [])
        _keep_runs(masked, [r for r in runs if r < start] + cut
                   + [r for r in runs if r >= end])
    return masked


def digit_run_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the runs of digits of ``text``.

    >>> digit_run_spans("le 15 mai 2021, 3e")
    [(3, 5), (10, 14), (16, 17)]
    """
    return [(start, _DIGIT_RUN.match(text, start).end()) for start in digit_runs(text)]


def digit_matches(regex: re.Pattern, text: str) -> list[re.Match]:
    """``list(regex.finditer(text))`` for a pattern whose every match starts with a digit
    that follows no digit (its first character is ``\\d`` and a lookbehind rules out a digit
    before it): the pattern is only tried where a run of digits starts, not at every
    character (a 2 KB segment has a few runs of digits and 2,000 characters).

    >>> [m.group() for m in digit_matches(re.compile(r"(?<!\\d)\\d{4}"), "en 2015 et 12345")]
    ['2015', '1234']
    """
    out: list[re.Match] = []
    end = 0
    for start in digit_runs(text):
        if start >= end:  # (the next match is searched from the end of the last)
            m = regex.match(text, start)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def digit_sub(regex: re.Pattern, repl, text: str) -> str:
    """``regex.sub(repl, text)`` for a pattern as :func:`digit_matches` takes; ``repl``: a
    plain string (no group references) or a function of the match.

    >>> digit_sub(re.compile(r"(?<=[a-z])\\d{1,2}\\b"), "", "rapport22 de 2015")
    'rapport de 2015'
    """
    matches = digit_matches(regex, text)
    if not matches:
        return text
    parts, last = [], 0
    for m in matches:
        parts += [text[last : m.start()], repl(m) if callable(repl) else repl]
        last = m.end()
    parts.append(text[last:])
    return "".join(parts)


def month_matches(regex: re.Pattern, text: str, lang: str) -> list[re.Match]:
    """``list(regex.finditer(text))`` for a case-insensitive pattern whose every match starts
    with a month name of ``lang`` (:data:`MONTHS` in English): the pattern is only tried where
    a month name is (found by ``str.find`` in the lower-cased text).

    >>> [m.group() for m in month_matches(re.compile(r"(?i)(?:may|june) \\d+"), "May 3, June 4", "en")]
    ['May 3', 'June 4']
    """
    low = lowered(text)
    if low is None:  # (a letter lower-cased apart from re.I: searched everywhere)
        return list(regex.finditer(text))
    starts: set[int] = set()
    for month in MONTHS[lang]:
        at = low.find(month)
        while at >= 0:
            starts.add(at)
            at = low.find(month, at + 1)
    out: list[re.Match] = []
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = regex.match(text, start)
            if m is not None:
                out.append(m)
                end = m.end()
    return out


def spaced_matches(regex: re.Pattern, text: str, last: str, reach: int,
                   ahead: int) -> list[re.Match]:
    """``list(regex.finditer(text))`` for a pattern whose every match ends with one of the
    characters ``last`` after white space, and starts at most ``reach`` characters before
    that white space; the pattern reads at most ``ahead`` characters after a match. The
    pattern is only tried just before each of those characters (not at every character).

    >>> rx = re.compile(r"\\b(?:article|annexe)\\s+([IV1])\\b")
    >>> [m.group() for m in spaced_matches(rx, "annexe  V, article 1, l'article I", "IV1", 7, 1)]
    ['annexe  V', 'article 1', 'article I']
    """
    out: list[re.Match] = []
    end = 0
    for char in _chars(last).finditer(text):
        at = char.start()
        start = at
        while start > end and text[start - 1].isspace():
            start -= 1
        if start == at:
            continue
        for m in regex.finditer(text, max(end, start - reach), at + 1 + ahead):
            if m.end() == at + 1:
                out.append(m)
                end = m.end()
    return out


@lru_cache(maxsize=8)
def _chars(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")  # (led by a set: a fast scan)


#: What a UN symbol may hold before its first slash (its first parts: S, A/C.5).
SYMBOL_HEAD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.")


def slash_matches(regex: re.Pattern, text: str) -> list[re.Match]:
    """``list(regex.finditer(text))`` for a pattern whose every match starts with a capital
    A-Z followed by characters of :data:`SYMBOL_HEAD` up to a slash (a UN symbol:
    S/2015/446), tried only before each slash (not at every capital of the text).

    >>> rx = re.compile(r"(?<![\\w/])[A-Z][A-Za-z0-9.]*/[\\w/.]+")
    >>> [m.group() for m in slash_matches(rx, "documents S/2015/446 et A/C.5/70/L.1, x/y")]
    ['S/2015/446', 'A/C.5/70/L.1']
    """
    out: list[re.Match] = []
    end = 0
    slash = text.find("/")
    while slash >= 0:
        head = slash
        while head > end and text[head - 1] in SYMBOL_HEAD:
            head -= 1
        for start in range(head, slash):  # (the leftmost start that matches, as a search)
            if "A" <= text[start] <= "Z":
                m = regex.match(text, start)
                if m is not None:
                    out.append(m)
                    end = m.end()
                    break
        slash = text.find("/", max(slash + 1, end))
    return out
