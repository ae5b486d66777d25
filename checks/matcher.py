"""Find designations of a termbase in text with Aho–Corasick automata.

One automaton holds the full names (name keys, see :mod:`checks.tokens`), another
the acronyms (case kept). Patterns are key strings framed by spaces, so every hit falls on
token boundaries: ``CEE`` is never found inside ``CEEAC``. Overlapping hits are resolved
longest first, so ``Union africaine`` is not reported inside ``Commission de l’Union
africaine`` when both are designations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from checks.tokens import is_acronym_text, keyed, pattern, starts_capitalised

_ARTICLE = re.compile(r"^(?:the|le|la|les)\s+|^l['’]\s*", re.I)


@dataclass(frozen=True, slots=True)
class Entry:
    """One designation known to a :class:`Matcher`: its concept, term and how to match it."""

    concept: int
    term: int
    tokens: int
    #: Length of the key pattern (spaces included).
    length: int
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
    blocked])``."""

    def __init__(self, designations: Iterable[tuple]):
        self._names = ahocorasick.Automaton()
        self._acronyms = ahocorasick.Automaton()
        self.size = 0
        for row in designations:
            self.add(*row)
        for automaton in (self._names, self._acronyms):
            if len(automaton):
                automaton.make_automaton()

    def add(self, concept: int, term: int, text: str, acronym: bool | None = None,
            blocked: bool = False) -> None:
        """Add one designation (before the first search)."""
        if acronym is None:
            acronym = is_acronym_text(text)
        key, count = pattern(text, acronyms=acronym)
        if not count:
            return
        bare = _ARTICLE.sub("", text)  # "the Organization" is a proper name too
        entry = Entry(concept, term, count, len(key), acronym, starts_capitalised(bare), blocked)
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
            k = keyed(text, is_acronym)
            for end, entries in automaton.iter(k.keys):
                for entry in entries:
                    if entry.blocked and not blocked:
                        continue
                    first = k.starts.get(end - entry.length + 1)
                    if first is None:
                        continue
                    a, b = k.span(first, first + entry.tokens - 1)
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
