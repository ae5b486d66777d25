"""Tokens and matching keys for the consistency checks.

Text is cut into word tokens (letters and digits); apostrophes, hyphens, line breaks and
punctuation only separate tokens, so ``l’Union``, ``l'Union`` and ``L'Union`` give the same
tokens, and so do ``Viet-Nam`` and ``Viet Nam``. Each token gets two keys:

* the *name key*, used for full names: accents removed, lower case, French and English
  articles dropped (``le``, ``la``, ``les``, ``l``, ``the``), ``d``/``du``/``des`` read as
  ``de`` and ``au``/``aux`` as ``a``, and a light plural strip (``unies`` → ``unie``,
  ``régionaux`` → ``regional``);
* the *acronym key*: accents removed, case kept (``CEEAC`` never matches ``ceeac``).

Both sides of a match (the termbase and the text) go through the same function, so the
folding only has to be consistent, not linguistically exact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

_WORD = re.compile(r"[^\W_]+")
_GLUED_NOTE = re.compile(r"^([^\W\d_]*[a-z])\d{1,3}$")
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u00ad")
_HYPHEN = re.compile("[" + "".join(sorted(_HYPHENS)) + "]")
#: Characters that make folding and lower-casing a text differ from doing it word by word:
#: combining accents (removed, so the words around them join), and the capital sigma
#: (lower-cased by its neighbours).
_NOT_BY_WORD = re.compile("[\u0300-\u036f\u03a3]")

#: Every character ``str.isdigit`` accepts: ``\d`` and the superscript, subscript and
#: circled digits. A segment without one has no figure, date, time or symbol: only
#: numbers in words and Roman numerals are looked for.
DIGIT = re.compile("[\\d\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089"
                   "\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff"
                   "\u2776-\u277e\u2780-\u2788\u278a-\u2792\U00010a40-\U00010a43"
                   "\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a]")
#: Name-key tokens that are dropped (articles).
_DROPPED = frozenset({"le", "la", "les", "l", "the"})
#: Name-key tokens that are merged with another one.
_MERGED = {"d": "de", "du": "de", "des": "de", "au": "a", "aux": "a"}
#: Prefixes written with or without a hyphen (co-operation, cooperation).
_PREFIXES = frozenset({"co", "re", "pre", "non", "sub", "inter", "anti", "post", "multi", "semi"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its span in the text and its raw form."""

    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """The word tokens of ``text``.

    >>> [t.text for t in tokenize("l’Union africaine, Viet-Nam")]
    ['l', 'Union', 'africaine', 'Viet', 'Nam']
    """
    return [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def words_of(text: str) -> list[str]:
    """The words of ``text`` without their offsets (faster than :func:`tokenize`).

    >>> words_of("d’Afrique centrale")
    ['d', 'Afrique', 'centrale']
    """
    return _WORD.findall(text)


#: Texts longer than this are not kept by the caches below (bounded memory in a server).
KEPT_TEXT = 4000
#: Words longer than this are not kept by the word caches.
KEPT_WORD = 60


def text_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` as a tuple, kept for the last texts (each side of a pair is
    read by several checks).

    >>> text_words("l’OTSC, 2015")
    ('l', 'OTSC', '2015')
    """
    return _read_words(text)[0] if len(text) <= KEPT_TEXT else tuple(_WORD.findall(text))


#: The words of a text with the text between them (``_SPLIT.split``: separator, word, ...,
#: separator): one pass of the regex gives both the words and their offsets.
_SPLIT = re.compile(r"([^\W_]+)")


@lru_cache(maxsize=64)
def _read_words(text: str) -> tuple[tuple[str, ...], list[tuple[int, int]]]:
    """The words of ``text`` and their spans, read in one pass (each side of a pair needs
    both: the words to key it, the spans to locate its hits)."""
    parts = _SPLIT.split(text)
    ends = list(accumulate(map(len, parts)))  # (word i is part 2i + 1)
    # (the last separator has no word after it)
    return tuple(parts[1::2]), list(zip(ends[::2], ends[1::2], strict=False))


def folded_words(text: str) -> tuple[str, ...]:
    """The words of ``text`` folded (no accents) and in lower case: the same as
    ``words_of(fold_text(text).lower())``, made word by word from a cache (and kept for
    the last few thousand texts: the consistency check reads every side again).

    >>> folded_words("Soixante-quinzième SÉANCE")
    ('soixante', 'quinzieme', 'seance')
    """
    return _folded_words(text) if len(text) <= KEPT_TEXT else _fold_words(text)


@lru_cache(maxsize=4096)
def _folded_words(text: str) -> tuple[str, ...]:
    return _fold_words(text)


def _fold_words(text: str) -> tuple[str, ...]:
    if text.isascii():
        return tuple(_WORD.findall(text.lower()))
    if _NOT_BY_WORD.search(text) is None:
        parts = tuple(map(_FOLDED.__getitem__, text_words(text)))
        if None not in parts:
            return parts
    return tuple(_WORD.findall(fold_text(text).lower()))


class _Folded(dict):
    """Raw word → folded lower-case word (None when folding cuts it in two, as ``ŀ``)."""

    def __missing__(self, word: str) -> str | None:
        folded = fold_text(word).lower()
        value = folded if _WORD.fullmatch(folded) else None
        if len(word) > KEPT_WORD:
            return value
        if len(self) >= 200_000:
            self.clear()
        self[word] = value
        return value


_FOLDED = _Folded()


def word_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the words of ``text`` (the words of :func:`words_of`), kept
    for the last few texts (each side of a pair is read by several checks; do not change
    the list).

    >>> word_spans("l’Union africaine, 2015")
    [(0, 1), (2, 7), (8, 17), (19, 23)]
    """
    if len(text) <= KEPT_TEXT:
        return _read_words(text)[1]
    return list(map(_SPAN, _WORD.finditer(text)))


_SPAN = re.Match.span


def fold_text(text: str) -> str:
    """A whole text without the diacritics of Latin letters (not cached, unlike
    :func:`strip_accents`; a translation table, so fast on long texts).

    >>> fold_text("Soixante-quinzième séance, Côte d’Ivoire")
    'Soixante-quinzieme seance, Cote d’Ivoire'
    """
    if text.isascii():
        return text
    return text.translate(_fold_table())


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {cp: None for cp in range(0x300, 0x370)}  # combining
    for cp in range(0xC0, 0x250):
        decomposed = unicodedata.normalize("NFKD", chr(cp))
        base = "".join(c for c in decomposed if not unicodedata.combining(c))
        if base != chr(cp):
            table[cp] = base
    return table


@lru_cache(maxsize=200_000)
def strip_accents(word: str) -> str:
    """``word`` without diacritics (ligatures kept as their letters).

    >>> strip_accents("Communauté économique des États")
    'Communaute economique des Etats'
    """
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def name_key(word: str) -> str:
    """The name key of one token; an empty string for a dropped article.

    >>> [name_key(w) for w in ["L", "Unies", "régionaux", "des", "the", "Communities", "Crime1"]]
    ['', 'unie', 'regional', 'de', '', 'community', 'crime']
    """
    key = strip_accents(word).lower()
    glued = _GLUED_NOTE.match(key)
    if glued:  # a footnote number glued to a word: Crime1
        key = glued.group(1)
    if key in _DROPPED or key == "s":  # articles; the "s" of a possessive (Children's)
        return ""
    key = _MERGED.get(key, key)
    if len(key) > 3 and not key.isdigit():
        if key.endswith("aux"):
            key = key[:-3] + "al"
        elif key.endswith("ies") and len(key) > 5:
            key = key[:-3] + "y"
        elif key.endswith(("s", "x")) and not key.endswith(("ss", "us")):
            key = key[:-1]
    return key


def _plural_acronym(word: str) -> str:
    """An acronym without its plural ``s``.

    >>> _plural_acronym("NGOs"), _plural_acronym("HFCs"), _plural_acronym("Mrs")
    ('NGO', 'HFC', 'Mrs')
    """
    if len(word) > 3 and word[-1] == "s" and word[:-1].isupper():
        return word[:-1]
    return word


def acronym_key(word: str) -> str:
    """The acronym key of one token: accents removed, case kept.

    >>> acronym_key("CEEAC"), acronym_key("ONU")
    ('CEEAC', 'ONU')
    """
    return strip_accents(word)


def is_acronym_text(text: str) -> bool:
    """True for a designation written like an acronym: one or two tokens, mostly capitals.

    >>> is_acronym_text("OTSC"), is_acronym_text("ONU-Femmes"), is_acronym_text("Union africaine")
    (True, True, False)
    """
    words = _WORD.findall(text)
    if not words or len(words) > 2:
        return False
    head = words[0]
    return len(head) >= 2 and sum(c.isupper() for c in head) >= max(2, len(head) - 1)


@dataclass(slots=True)
class KeyedText:
    """A text as a key string ``" k1 k2 … "`` with a map back to the words.

    ``starts[pos]`` is the index of the key whose leading space is at ``pos`` in ``keys``;
    :meth:`span` gives the characters of keys ``first`` to ``last`` in the text.
    """

    text: str
    keys: str
    starts: dict[int, int]
    #: For each key, the index of its first and of its last word in the text.
    first: list[int]
    last: list[int]
    _spans: list[tuple[int, int]] | None = None

    def __len__(self) -> int:
        return len(self.first)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of keys ``first`` to ``last`` (inclusive)."""
        if self._spans is None:
            self._spans = [m.span() for m in _WORD.finditer(self.text)]
        return self._spans[self.first[first]][0], self._spans[self.last[last]][1]


@lru_cache(maxsize=64)
def keyed(text: str, acronyms: bool = False) -> KeyedText:
    """Build the key string of ``text`` with name keys (or acronym keys).

    >>> keyed("la Commission de l'Union africaine").keys
    ' commission de union africaine '
    >>> keyed("Co-operation in Europe").keys == keyed("cooperation in Europe").keys
    True
    >>> keyed("l'OTSC et la CEEAC", acronyms=True).keys
    ' l OTSC et la CEEAC '
    """
    return build_keys(text, acronyms)


def build_keys(text: str, acronyms: bool = False, read: bool = False) -> KeyedText:
    """:func:`keyed` without the cache (for building automata over many designations);
    ``read``: a side of a pair, whose name keys are made from its words and spans as read
    once for every check (:func:`text_words`, :func:`word_spans`)."""
    if read and not acronyms and len(text) <= KEPT_TEXT:
        words, spans = _read_words(text)
        k = _build_keys(text, False, words)
        k._spans = spans
        return k
    return _build_keys(text, acronyms, None)


def _build_keys(text: str, acronyms: bool, words: tuple[str, ...] | None) -> KeyedText:
    if acronyms:  # every word is kept: fold the whole text at once
        parts = _WORD.findall(fold_text(text))
        if not text.isascii() and len(parts) != len(_WORD.findall(text)):
            parts = [strip_accents(w) for w in _WORD.findall(text)]
        parts = [_plural_acronym(w) if w[-1] == "s" else w for w in parts]
        first = list(range(len(parts)))
        last = first
    else:
        keys = list(map(name_key, _WORD.findall(text) if words is None else words))
        first = [i for i, key in enumerate(keys) if key]
        parts = [keys[i] for i in first]
        if any(" " in key for key in parts):  # a compatibility letter keyed as words (ﷺ)
            first = [i for i in first for _ in keys[i].split()]
            parts = [part for key in parts for part in key.split()]
        last = first
        if _HYPHEN.search(text):
            first, last = list(first), list(first)
            _glue_prefixes(text, parts, first, last)
    # the position of each key's leading space (the last position is one past the end)
    positions = accumulate((len(k) + 1 for k in parts), initial=0)
    starts = dict(zip(positions, range(len(parts)), strict=False))
    return KeyedText(text, " " + " ".join(parts) + " ", starts, first, last)


def _glue_prefixes(text: str, parts: list[str], first: list[int], last: list[int]) -> None:
    """Join a hyphenated prefix to its word, in place: "co-operation" reads "cooperation"."""
    n, ends = 0, None
    while n < len(parts) - 1:
        if parts[n] in _PREFIXES:
            if ends is None:  # the end of each word, read once
                ends = [m.end() for m in _WORD.finditer(text)]
            if text[ends[last[n]] : ends[last[n]] + 1] in _HYPHENS:
                parts[n : n + 2] = [parts[n] + parts[n + 1]]
                first[n : n + 2] = [first[n]]
                last[n : n + 2] = [last[n + 1]]
        n += 1


def pattern(text: str, acronyms: bool = False) -> tuple[str, int]:
    """The key pattern of a designation and its number of tokens.

    >>> pattern("Communauté économique des États de l’Afrique centrale")
    (' communaute economique de etat de afrique centrale ', 7)
    """
    k = build_keys(text, acronyms)
    return k.keys, len(k)


def starts_capitalised(text: str) -> bool:
    """True when the first letter of ``text`` is a capital (proper names).

    >>> starts_capitalised("Union africaine"), starts_capitalised("maintien de la paix")
    (True, False)
    """
    for char in text:
        if char.isalpha():
            return char.isupper()
    return False


def normalise_space(text: str) -> str:
    """Collapse runs of white space (line breaks inside a name included).

    >>> normalise_space("Union\\n africaine  ")
    'Union africaine'
    """
    return " ".join(text.split())
