"""The code lines of a text: each side of a segment keyed once for every automaton.

A :class:`Codes` object is the code space of the token keys of a checker's designations
(:func:`checks.tokens.name_key` for full names, the acronym key for acronyms): each distinct
key has three characters (:func:`code`), and every :class:`~checks.matcher.Matcher` of a
checker shares one, so a side of a segment is turned into its code line once and every
automaton reads the same line.

The line of a text is made word by word from small caches (raw word → code), which is the
same as keying the whole text with :func:`checks.tokens.build_keys` and coding each key,
except where a word's keying depends on its neighbours; those texts are keyed by
:func:`~checks.tokens.build_keys` itself:

* a hyphenated prefix (``co-operation``: two words read as one key);
* in acronym keys, a combining accent between letters (folding removes it and joins the
  words around it) or a letter that folds to two words (``ŀ``);
* in name keys, a letter whose key holds a space (a few compatibility forms).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress

from checks.tokens import (
    _HYPHEN,
    _HYPHENS,
    _PREFIXES,
    _WORD,
    KEPT_TEXT,
    KEPT_WORD,
    _plural_acronym,
    build_keys,
    fold_text,
    name_key,
    text_words,
    word_spans,
)

#: The code of a text token that no designation uses.
UNKNOWN = "\0\0\0"
#: The mark of a word keyed with its neighbours (outside the alphabets of :func:`code`).
_WHOLE = "\ue080"
#: Raw words kept in each word cache before it is emptied (a long-running web process).
WORD_CACHE = 200_000
#: Texts whose lines are kept (the two sides of the pair being checked, and a few more;
#: not a text over :data:`checks.tokens.KEPT_TEXT` characters).
LINE_CACHE = 32
_COMBINING = re.compile("[\u0300-\u036f]")


def code(number: int) -> str:
    """The three characters coding the token key number ``number``: its base-64 digits
    from three disjoint alphabets, so a pattern can only match from a token's first
    character, and every node of the automaton has at most 64 children (pyahocorasick
    looks children up one by one).

    >>> [hex(ord(c)) for c in code(0)], [hex(ord(c)) for c in code(64 * 64 + 65)]
    (['0x1', '0xe000', '0xe040'], ['0x2', '0xe001', '0xe041'])
    """
    return chr(1 + (number >> 12)) + chr(0xE000 + ((number >> 6) & 63)) + chr(0xE040 + (number & 63))


class Line:
    """A text as a string of codes (three characters per key) and the way back from a key
    to the characters of its words."""

    __slots__ = ("text", "codes", "whole", "_parts", "_first", "_last", "_spans")

    def __init__(self, text: str, codes: str, parts: list | None = None,
                 first: list[int] | None = None, last: list[int] | None = None,
                 whole: bool = False):
        self.text = text
        self.codes = codes
        #: Keyed as a whole by build_keys (a key need not be made of whole words).
        self.whole = whole
        #: The code of each word ("" for a dropped one), when the line was made word by word.
        self._parts = parts
        self._first = first
        self._last = last
        self._spans: list[tuple[int, int]] | None = None

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of keys ``first`` to ``last`` (inclusive)."""
        spans, firsts, lasts = self.key_words()
        return spans[firsts[first]][0], spans[lasts[last]][1]

    def key_words(self) -> tuple[list[tuple[int, int]], Sequence[int], Sequence[int]]:
        """The spans of the text's words, and the first and the last word of each key (for
        a loop over many hits: key ``k`` spans ``spans[first[k]][0]`` to
        ``spans[last[k]][1]``)."""
        if self._first is None:
            parts = self._parts
            if all(parts):  # no word dropped: a key is its word
                self._first = self._last = range(len(parts))
            else:
                self._first = self._last = list(compress(range(len(parts)), parts))
        if self._spans is None:
            self._spans = word_spans(self.text)
        return self._spans, self._first, self._last


class Codes:
    """The code space of token keys shared by the matchers of one checker."""

    def __init__(self) -> None:
        #: key -> code, for name keys (False) and acronym keys (True).
        self.keys: dict[bool, dict[str, str]] = {False: {}, True: {}}
        self._reset()

    def __getstate__(self) -> dict:
        return {"keys": self.keys}

    def __setstate__(self, state: dict) -> None:
        self.keys = state["keys"]
        self._reset()

    def _reset(self) -> None:
        #: raw word -> its code ("" for a dropped article, _WHOLE for a word keyed with its
        #: neighbours), for name keys (False) and acronym keys (True)
        self._words: dict[bool, dict[str, str]] = {False: {}, True: {}}
        #: the raw words whose name key is a prefix build_keys may join to the next word
        self._prefixes: set[str] = set()
        self._lines: dict[tuple[str, bool], Line] = {}

    def _code_word(self, word: str, acronym: bool) -> str:
        if acronym:
            if word.isascii():  # a word of letters and digits: folding leaves it whole
                return self.keys[True].get(_plural_acronym(word), UNKNOWN)
            folded = fold_text(word)
            if _WORD.fullmatch(folded) is None:  # folding cuts it in two (ŀ)
                return _WHOLE
            return self.keys[True].get(_plural_acronym(folded), UNKNOWN)
        key = name_key(word)
        if not key:
            return ""
        if key.split() != [key]:  # a compatibility letter whose key has a space
            return _WHOLE
        if key in _PREFIXES:
            self._prefixes.add(word)
        return self.keys[False].get(key, UNKNOWN)

    def add(self, parts: list[str], acronym: bool) -> str:
        """The pattern of a designation's keys, coding the new ones."""
        keys = self.keys[acronym]
        if any(p not in keys for p in parts):
            for p in parts:
                if p not in keys:
                    keys[p] = code(len(keys))
            self._reset()  # the word caches may hold UNKNOWN for a new key
        return "".join([keys[p] for p in parts])

    def line(self, text: str, acronym: bool) -> Line:
        """The code line of ``text`` in name keys (or acronym keys), kept for the next
        matcher that reads the same text."""
        found = self._lines.get((text, acronym))
        if found is None:
            found = self._make(text, acronym)
            if len(self._lines) >= LINE_CACHE:
                self._lines.clear()
            if len(text) <= KEPT_TEXT:
                self._lines[(text, acronym)] = found
        return found

    def _make(self, text: str, acronym: bool) -> Line:
        words = text_words(text)
        cache = self._words[acronym]
        parts = list(map(cache.get, words))
        try:
            line = "".join(parts)
        except TypeError:  # words not seen yet (None)
            new = set(words).difference(cache)
            if len(cache) + len(new) > WORD_CACHE:
                cache.clear()
                new = set(words)
            long = {}
            for word in new:
                (cache if len(word) <= KEPT_WORD else long)[word] = self._code_word(word,
                                                                                   acronym)
            if long:
                parts = [cache[w] if len(w) <= KEPT_WORD else long[w] for w in words]
            else:
                parts = list(map(cache.__getitem__, words))
            line = "".join(parts)
        if acronym:
            whole = not text.isascii() and _COMBINING.search(text) is not None
        else:  # a prefix before a hyphen: build_keys may join two words
            whole = _HYPHEN.search(text) is not None and not self._prefixes.isdisjoint(words)
        if not whole and _WHOLE not in line:
            return Line(text, line, parts)
        if not acronym and _WHOLE not in line:
            return self._glued(text, words, parts)
        k = build_keys(text, acronym)
        keys = self.keys[acronym]
        line = "".join([keys.get(p, UNKNOWN) for p in k.keys.split()])
        return Line(text, line, first=k.first, last=k.last, whole=True)

    def _glued(self, text: str, words: tuple[str, ...], parts: list[str]) -> Line:
        """The name line of a text where a prefix may be joined to the next word by a
        hyphen, made from the codes of its words as :func:`~checks.tokens.build_keys` keys
        it ("co-operation" reads "cooperation").

        Only the keys of the prefix words are looked at (found by ``tuple.index``), in text
        order: a prefix followed by a hyphen is joined to the next key, which is then not
        looked at itself."""
        keyed = list(compress(range(len(parts)), parts))  # the words that have a key
        codes = list(filter(None, parts))
        first, last = list(keyed), list(keyed)
        at = []  # the words whose key is a prefix
        for word in self._prefixes.intersection(words):
            i = -1
            try:
                while True:
                    i = words.index(word, i + 1)
                    at.append(i)
            except ValueError:
                pass
        keys, spans = self.keys[False], word_spans(text)
        joined, after = 0, -1  # keys joined so far; the key after the last one joined
        for i in sorted(at):
            n = bisect_left(keyed, i)  # (the number of the word's key)
            if n >= len(keyed) - 1 or n == after:
                continue
            end = spans[i][1]
            if text[end : end + 1] in _HYPHENS:
                key = name_key(words[i]) + name_key(words[keyed[n + 1]])
                m = n - joined
                codes[m : m + 2] = [keys.get(key, UNKNOWN)]
                first[m : m + 2] = [first[m]]
                last[m : m + 2] = [last[m + 1]]
                joined, after = joined + 1, n + 1
        return Line(text, "".join(codes), first=first, last=last)
