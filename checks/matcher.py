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
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from checks.keying import Codes
from checks.tokens import build_keys, is_acronym_text, starts_capitalised

_ARTICLE = re.compile(r"^(?:the|le|la|les)\s+|^l['’]\s*", re.I)


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


@dataclass(frozen=True, slots=True)
class Hit:
    """One designation found in a text: its entry and its character span."""

    entry: Entry
    start: int
    end: int
    text: str


class Matcher:
    """An automaton over designations, each given as ``(concept, term, text, acronym[,
    blocked])``; ``codes``: the code space shared with the other matchers of a checker
    (a text is then keyed once for all of them)."""

    def __init__(self, designations: Iterable[tuple], codes: Codes | None = None):
        self._names = ahocorasick.Automaton()
        self._acronyms = ahocorasick.Automaton()
        self.codes = Codes() if codes is None else codes
        self.size = 0
        for row in designations:
            self.add(*row)
        for automaton in (self._names, self._acronyms):
            if len(automaton):
                automaton.make_automaton()

    def __getstate__(self) -> tuple:
        """The codes and the (key, entries) pairs of each automaton: a pickled Matcher
        rebuilds its automata on load (a second or two at 100,000 concepts), which needs
        far less memory than unpickling pyahocorasick's own dump."""
        words = tuple(list(a.items()) if len(a) else [] for a in (self._names, self._acronyms))
        return self.codes, self.size, words

    def __setstate__(self, state: tuple) -> None:
        self.codes, self.size, words = state
        self._names, self._acronyms = ahocorasick.Automaton(), ahocorasick.Automaton()
        for automaton, items in zip((self._names, self._acronyms), words, strict=True):
            for key, entries in items:
                automaton.add_word(key, entries)
            if len(automaton):
                automaton.make_automaton()

    def add(self, concept: int, term: int, text: str, acronym: bool | None = None,
            blocked: bool = False) -> None:
        """Add one designation (before the first search)."""
        if acronym is None:
            acronym = is_acronym_text(text)
        parts = build_keys(text, acronym).keys.split()
        if not parts:
            return
        key = self.codes.add(parts, acronym)
        bare = _ARTICLE.sub("", text)  # "the Organization" is a proper name too
        entry = Entry(concept, term, len(parts), acronym, starts_capitalised(bare), blocked)
        automaton = self._acronyms if acronym else self._names
        found = automaton.get(key, None)
        if found is None:
            automaton.add_word(key, [entry])
        elif entry not in found:
            found.append(entry)
        self.size += 1

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
        for automaton, is_acronym in ((self._names, False), (self._acronyms, True)):
            if not len(automaton) or (is_acronym and not acronyms):
                continue
            line = self.codes.line(text, is_acronym)
            for end, entries in automaton.iter(line.codes):
                last = end // 3
                for entry in entries:
                    if entry.blocked and not blocked:
                        continue
                    a, b = line.span(last - entry.tokens + 1, last)
                    if case and entry.capital and not text[a].isupper():
                        continue
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
    chosen: list[Hit] = []
    taken: list[tuple[int, int]] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        span = (hit.start, hit.end)
        if span in taken or not any(a < hit.end and hit.start < b for a, b in taken):
            chosen.append(hit)
            taken.append(span)
    return sorted(chosen, key=lambda h: (h.start, h.entry.concept, h.entry.term))
