"""Find designations of a termbase in text with Aho–Corasick automata.

One automaton holds the full names (name keys, see :mod:`checks.tokens`), another
the acronyms (case kept). Each distinct token key of the designations is coded as three
characters (:mod:`checks.keying`), and a pattern is the string of its tokens' codes, so every hit
falls on token boundaries (``CEE`` is never found inside ``CEEAC``) and the automata have
three nodes per token instead of one per letter; a text token no designation uses is coded
``"\0\0\0"``. Overlapping hits are resolved
longest first, so ``Union africaine`` is not reported inside ``Commission de l’Union
africaine`` when both are designations.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from checks.keying import Codes
from checks.tokens import build_keys, is_acronym_text, starts_capitalised

_ARTICLE = re.compile(r"^(?:the|le|la|les)\s+|^l['’]\s*", re.I)
#: The flags of an entry.
_ACRONYM, _CAPITAL, _BLOCKED = 1, 2, 4


@dataclass(frozen=True, slots=True)
class Entry:
    """One designation known to a :class:`Matcher`: its concept, term and how to match it."""

    concept: int
    term: int
    tokens: int
    acronym: bool
    #: The text must start with a capital where it is found (proper names).
    capital: bool
    #: Not looked for in an original (a term marked no_check), only accepted in a translation.
    blocked: bool = False


@dataclass(slots=True)
class Hit:
    """One designation found in a text: its entry and its character span (not to be
    changed; not frozen, as one is made for every designation found, and a frozen class
    sets each field through ``object.__setattr__``)."""

    entry: Entry
    start: int
    end: int
    text: str


class Matcher:
    """An automaton over designations, each given as ``(concept, term, text, acronym[,
    blocked])``; ``codes``: the code space shared with the other matchers of a checker
    (a text is then keyed once for all of them).

    The automata hold integers (a pattern's number); the designations of each pattern are
    rows of flat arrays, so a matcher over 100,000 concepts holds no Python object per
    designation, and pickles and loads as a few byte strings."""

    def __init__(self, designations: Iterable[tuple], codes: Codes | None = None):
        self.codes = Codes() if codes is None else codes
        self.size = 0
        #: (acronym, pattern) -> entries, in the order they were added
        patterns: dict[tuple[bool, str], list[tuple]] = {}
        for row in designations:
            self._add(patterns, *row)
        self._names = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        self._acronyms = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        #: The entries of pattern n are rows _starts[n] to _starts[n + 1] of the arrays.
        self._starts = array("I", [0])
        self._concept, self._term = array("i"), array("i")
        self._tokens, self._flags = array("I"), array("B")
        for n, ((acronym, key), entries) in enumerate(patterns.items()):
            (self._acronyms if acronym else self._names).add_word(key, n)
            for concept, term, tokens, flags in entries:
                self._concept.append(concept)
                self._term.append(term)
                self._tokens.append(tokens)
                self._flags.append(flags)
            self._starts.append(len(self._concept))
        for automaton in (self._names, self._acronyms):
            if len(automaton):
                automaton.make_automaton()
        self._entries: dict[int, Entry] = {}

    def __getstate__(self) -> tuple:
        return (self.codes, self.size, self._names, self._acronyms, self._starts,
                self._concept, self._term, self._tokens, self._flags)

    def __setstate__(self, state: tuple) -> None:
        (self.codes, self.size, self._names, self._acronyms, self._starts, self._concept,
         self._term, self._tokens, self._flags) = state
        self._entries = {}

    def _add(self, patterns: dict, concept: int, term: int, text: str,
             acronym: bool | None = None, blocked: bool = False) -> None:
        if acronym is None:
            acronym = is_acronym_text(text)
        parts = build_keys(text, acronym).keys.split()
        if not parts:
            return
        key = self.codes.add(parts, acronym)
        bare = _ARTICLE.sub("", text)  # "the Organization" is a proper name too
        flags = (_ACRONYM * bool(acronym) | _CAPITAL * starts_capitalised(bare)
                 | _BLOCKED * bool(blocked))
        entry = (concept, term, len(parts), flags)
        found = patterns.setdefault((bool(acronym), key), [])
        if entry not in found:
            found.append(entry)
        self.size += 1

    def _entry(self, row: int) -> Entry:
        entry = self._entries.get(row)
        if entry is None:
            flags = self._flags[row]
            entry = self._entries[row] = Entry(
                self._concept[row], self._term[row], self._tokens[row], bool(flags & _ACRONYM),
                bool(flags & _CAPITAL), bool(flags & _BLOCKED))
        return entry

    def find_all(self, text: str, case: bool = True, acronyms: bool = True,
                 blocked: bool = True) -> list[Hit]:
        """Every designation in ``text``, overlaps included.

        With ``case`` (the default), a designation that starts with a capital is only
        found where the text has a capital too, so ``Conseil de sécurité`` is not found in
        ``conseil de sécurité national`` but is in ``CONSEIL DE SÉCURITÉ``. Without
        ``acronyms``, only full names are looked for; without ``blocked``, the designations
        marked blocked are left out.
        """
        hits: list[Hit] = []
        starts, flags, tokens, entries = self._starts, self._flags, self._tokens, self._entries
        for automaton, is_acronym in ((self._names, False), (self._acronyms, True)):
            if not len(automaton) or (is_acronym and not acronyms):
                continue
            line = self.codes.line(text, is_acronym)
            spans = None
            for end, n in automaton.iter(line.codes):
                if spans is None:  # (the words of the keys, read at the first hit)
                    spans, firsts, lasts = line.key_words()
                last = end // 3
                for row in range(starts[n], starts[n + 1]):
                    flag = flags[row]
                    if flag & _BLOCKED and not blocked:
                        continue
                    a = spans[firsts[last - tokens[row] + 1]][0]
                    if case and flag & _CAPITAL and not text[a].isupper():
                        continue
                    b = spans[lasts[last]][1]
                    entry = entries.get(row) or self._entry(row)
                    hits.append(Hit(entry, a, b, text[a:b]))
        return hits

    def find(self, text: str, case: bool = True, blocked: bool = True) -> list[Hit]:
        """The designations in ``text``, longest first where they overlap, in text order."""
        return longest(self.find_all(text, case, blocked=blocked))


class Unblocked:
    """A :class:`Matcher` seen without its blocked designations (what an original is
    searched for), sharing its automata."""

    def __init__(self, matcher: Matcher):
        self.matcher = matcher

    def find_all(self, text: str, case: bool = True, acronyms: bool = True) -> list[Hit]:
        return self.matcher.find_all(text, case, acronyms, blocked=False)

    def find(self, text: str, case: bool = True) -> list[Hit]:
        return self.matcher.find(text, case, blocked=False)


def longest(hits: list[Hit]) -> list[Hit]:
    """Keep the longest of overlapping hits (the earliest on ties), in text order.

    Hits of the same span (one designation shared by two concepts) are all kept.
    """
    if len(hits) < 2:  # nothing overlaps
        return list(hits)
    chosen: list[Hit] = []
    taken: set[tuple[int, int]] = set()
    covered = bytearray(max(h.end for h in hits))  # the characters of the spans taken
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        span = (hit.start, hit.end)
        # a hit overlaps a span taken when one of its characters is taken
        if span in taken or covered.find(1, hit.start, hit.end) < 0:
            chosen.append(hit)
            if span not in taken:
                taken.add(span)
                covered[hit.start : hit.end] = b"\1" * (hit.end - hit.start)
    return sorted(chosen, key=lambda h: (h.start, h.entry.concept, h.entry.term))
