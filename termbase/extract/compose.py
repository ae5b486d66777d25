"""Compositional translation of French terms, validated by English UN text.

A French term the pairs never link (*droit humanitaire*, *appui à la médiation*) is often
the sum of its words. Its English candidates are composed from the English of each content
word (a word lexicon, the one-word links of the pairs, cognates among the English words of
the attestation text) by the structure rules of UN terminology:

- a noun and its adjectives: the adjectives go before the noun, in either order
  (*droit humanitaire* → *humanitarian law*, *Cour pénale internationale* → *International
  Criminal Court*);
- a complement (*de*, *du*, *des*, *à la*, *pour*...; articles dropped) goes before its head
  (*soutien à la paix* → *peace support*) or after it with a preposition (*Département des
  opérations de paix* → *Department of Peace Operations*);
- *lutte contre le X* and *lutte anti-X* → *counter-X*, *countering X*, *combating X*.

A composed candidate is kept only when the whole English phrase, and every part of it, is
**attested** as a phrase of the English text (Morin & Daille's validation): composition
proposes, the English text decides. Among several attested candidates the most frequent is
kept. Nothing here reads files or SQL; :mod:`termbase.extract.compose_terms` makes concepts.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from termbase.extract.explain import cognate, french_stems
from termbase.extract.spans import FUNCTION_WORDS as EN_FUNCTION
from termbase.extract.terms_fr import FUNCTION_WORDS as FR_FUNCTION
from termbase.extract.terms_fr import singular
from termbase.extract.text import fold, wordset

#: French prepositions that introduce a complement, and their English renderings after the
#: head (a complement may also go before its head as a compound, except after *contre*).
_PREPOSITIONS = {"de": ("of", "on", "for"), "du": ("of", "on", "for"),
                 "des": ("of", "on", "for"), "d'": ("of", "on", "for"),
                 "a": ("to", "for", "on"), "au": ("to", "for", "on"), "aux": ("to", "for", "on"),
                 "pour": ("for",), "sur": ("on",), "en": ("in",), "contre": ("against",)}
_NO_COMPOUND = wordset("contre en")
_ARTICLES = wordset("le la les l'")
#: Words that make a phrase no term to compose (coordination, verbs, pronouns...).
_STOP = wordset("et ou ni qui que dont est sont ont ne pas se sa son ses leur leurs ce cette "
                "ces il elle nous vous par dans avec sans entre chez vers apres avant selon "
                "un une plus tres tout tous toute toutes")
#: French adjectives written before their noun (*haut niveau*, *cinquième réunion*).
_PRENOMINAL = re.compile(r"^(?:haut|grand|petit|nouveau|nouvel|nouvelle|bon|bonne|premier|"
                         r"premiere|meilleur|ancien|ancienne|jeune|prochain|prochaine|"
                         r"dernier|derniere|\w+ieme)(?:e?s|x)?$")
_COUNTER = ("counter", "countering", "combating", "fight against")
#: Most content words a composed term may have, and most English renderings kept per word.
MAX_CONTENT = 5
MAX_RENDERINGS = 12
MAX_COGNATES = 4
_EN_WORD = re.compile(r"[^\W_]+")
_EN_INNER = wordset("of and for on in to the")


def en_tokens(text: str) -> list[tuple[str, int, int]]:
    """Folded English words with offsets; a hyphen or an apostrophe separates words, other
    punctuation gives a ``|`` token (a phrase does not cross it).

    >>> [w for w, _, _ in en_tokens("Counter-Terrorism Office's (OCT), the")]
    ['counter', 'terrorism', 'office', 's', '|', 'oct', '|', 'the']
    """
    return phrase_tokens(text, _EN_WORD)


def phrase_tokens(text: str, word: re.Pattern) -> list[tuple[str, int, int]]:
    """The folded ``word`` matches of ``text`` with their offsets; whatever lies between two
    of them other than white space, a hyphen or an apostrophe gives a ``|`` token."""
    out: list[tuple[str, int, int]] = []
    last = 0
    for m in word.finditer(text):
        if out and re.search(r"[^\s\-'’]", text[last:m.start()]):
            out.append(("|", last, m.start()))
        out.append((fold(m.group()), m.start(), m.end()))
        last = m.end()
    return out


class Attestation:
    """Where each phrase of an English text occurs (sentences, word positions)."""

    def __init__(self, sentences: Sequence[str]):
        self.sentences = list(sentences)
        self.tokens = [en_tokens(s) for s in self.sentences]
        self.where: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for i, toks in enumerate(self.tokens):
            for j, (w, _, _) in enumerate(toks):
                self.where[w].append((i, j))
        self._cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def vocabulary(self) -> set[str]:
        return set(self.where)

    def find(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """``(sentence, first word)`` of each occurrence of the phrase ``words`` (folded)."""
        key = tuple(words)
        if key not in self._cache:
            hits = []
            for i, j in self.where.get(key[0], ()):
                toks = self.tokens[i]
                if all(j + k < len(toks) and toks[j + k][0] == w for k, w in enumerate(key)):
                    hits.append((i, j))
            self._cache[key] = hits
        return self._cache[key]

    def free(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """The occurrences of ``words`` not inside a longer name: written in capitals with a
        capitalised word just before it (not the first of the sentence) or after it, or after
        *of*, *and*, *for*... and a capitalised word (*Charter* of *United Nations Charter*,
        *Organization for Security* of *Organization for Security and Co-operation*)."""
        out = []
        n = len(words)
        for i, j in self.find(words):
            toks, text = self.tokens[i], self.sentences[i]

            def caps(k: int, toks=toks, text=text) -> bool:
                return 0 <= k < len(toks) and toks[k][0] != "|" and text[toks[k][1]].isupper()

            b = j - 1
            while b > j - 3 and b > 0 and toks[b][0] in _EN_INNER:
                b -= 1
            before = caps(j) and caps(b) and toks[b][0] not in EN_FUNCTION
            k = j + n
            while k < len(toks) and k < j + n + 2 and toks[k][0] in _EN_INNER:
                k += 1
            after = caps(j + n - 1) and caps(k)
            if not (before or after):
                out.append((i, j))
        return out

    def surface(self, words: Sequence[str], hit: tuple[int, int]) -> tuple[str, int, int]:
        """The phrase as written at ``hit``, with its character offsets."""
        i, j = hit
        toks = self.tokens[i]
        start, end = toks[j][1], toks[j + len(words) - 1][2]
        return self.sentences[i][start:end], start, end


@dataclass
class Composed:
    """A French term's attested English: the surface form, how it was composed, where seen."""

    fr: str
    en: str
    parts: list[tuple[str, str]]
    count: int
    sentence: int
    span: tuple[int, int]


class WordRenderings:
    """The English renderings of French words: lexicon rows, one-word links, cognates."""

    def __init__(self, pairs: Iterable[tuple[str, str]], vocabulary: set[str]):
        self.table: dict[str, list[str]] = defaultdict(list)
        for fr, en in pairs:
            f, e = fold(fr), fold(en)
            if e in EN_FUNCTION or f in FR_FUNCTION:
                continue
            if e not in self.table[f]:
                self.table[f].append(e)
        self.by_initial: dict[str, list[str]] = defaultdict(list)
        for w in sorted(vocabulary):
            if len(w) >= 3 and w.isalpha():
                self.by_initial[w[0]].append(w)

    def __call__(self, word: str, cognates: bool = False, plurals: bool = True) -> list[str]:
        """English words for the folded French ``word`` (lexicon first, then cognates, only
        for a word the lexicon lacks unless ``cognates``), each with its plural when the
        French is plural (unless not ``plurals``)."""
        found: list[str] = []
        for stem in french_stems(word):
            found += [e for e in self.table.get(stem, ()) if e not in found]
        if (cognates or not found) and len(word) >= 4:
            close = [e for e in self.by_initial.get(word[0], ())
                     if e not in EN_FUNCTION and _close(word, e)]
            close.sort(key=lambda e: -SequenceMatcher(None, word, e).ratio())
            found += [e for e in close[:MAX_COGNATES] if e not in found]
        out: list[str] = []
        plural = plurals and word.endswith(("s", "x")) and len(word) > 3
        for e in found[:MAX_RENDERINGS]:
            out += [e] + ([_plural(e)] if plural and " " not in e else [])
        return list(dict.fromkeys(out))


def _close(fr: str, en: str) -> bool:
    """A cognate close enough to compose with: the same letters but for the last three at
    most (``securite``/``security``, ``organes``/``organs``; not ``interinstitutionnelle``/
    ``international``), or nearly the same letters.

    >>> _close("securite", "security"), _close("securite", "scourge"), _close("organes", "organs")
    (True, False, True)
    >>> _close("interinstitutionnelle", "international")
    False
    """
    n = len(os.path.commonprefix([fr, en]))
    if n >= max(4, min(len(fr), len(en)) - 3):
        return True
    return cognate(fr, en) and SequenceMatcher(None, fr, en).ratio() >= 0.85


def plural_fr(word: str) -> bool:
    """Whether a folded French noun is plural (*organes*, *principaux*; not *paix*)."""
    return singular(word) != word


def plural_en(word: str) -> bool:
    """Whether a folded English noun is plural (*organs*, *bodies*; not *process*)."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word if word.endswith("s") else word + "s"


def segments(term: str) -> list[tuple[str, list[str]]] | None:
    """The French term as ``(preposition, content words)`` groups, articles dropped; None
    when it is no phrase to compose (a coordination, a verb, a number, a dangling word).

    >>> segments("opérations de soutien à la paix")
    [('', ['operations']), ('de', ['soutien']), ('a', ['paix'])]
    >>> segments("lutte contre le terrorisme"), segments("paix et sécurité")
    ([('', ['lutte']), ('contre', ['terrorisme'])], None)
    """
    text = re.sub(r"\b([dl])['’]\s*", r"\1' ", fold(term))
    words = text.replace("-", " - ").split()
    out: list[tuple[str, list[str]]] = [("", [])]
    for w in words:
        if w == "-":
            continue
        if w in _STOP or any(c.isdigit() for c in w) or not re.fullmatch(r"[a-z']+", w):
            return None
        if w in _PREPOSITIONS:
            if not out[-1][1]:
                return None
            out.append((w, []))
        elif w not in _ARTICLES:
            out[-1][1].append(w)
    if not out[-1][1] or sum(len(c) for _, c in out) > MAX_CONTENT:
        return None
    return out


def verbal(term: str, render: WordRenderings) -> bool:
    """Whether a French phrase starts with a participle (*créé l’équipe*, *adressée au*) or
    ends with a present participle (*efforts visant*): the English of its first word is
    only ever a participle, or its last word is an *-ant* form with an *-ing* English; the
    tagger takes those for adjectives or nouns."""
    words = [w for w in fold(term).replace("’", "'").split() if w[:1].isalpha()]
    first, last = term.split()[0], term.split()[-1]
    start = render(words[0]) if first[:1].islower() and re.search(r"ée?s?$", first) else []
    end = render(words[-1]) if last[:1].islower() and words[-1].endswith(("ant", "ants")) else []
    return any(e.endswith("ed") for e in start) or any(
        e.endswith("ing") for e in end)


def _orders(words: list[str]) -> list[list[str]]:
    """English word orders of a French noun group (head noun first): adjectives before the
    noun in French order or reversed, and the French order (*haut niveau* → *high level*)."""
    head, adjs = words[0], words[1:]
    out = [[*adjs, head], [*reversed(adjs), head]]
    if _PRENOMINAL.match(head):
        out.append(words)
    return [o for i, o in enumerate(out) if o not in out[:i]]


def compositions(term: str, render: WordRenderings, ok, number=plural_fr
                 ) -> list[tuple[list[str], list[tuple[str, str]]]]:
    """Every English of the French ``term`` composed by the rules whose partial phrases all
    pass ``ok`` (a phrase of folded English words → bool: attested in a text, or spelling part
    of an acronym), with the word renderings used; [] when the term is no phrase to compose.
    ``number`` tells whether a French head noun is plural (its English keeps the number)."""
    groups = segments(term)
    if groups is None or sum(len(c) for _, c in groups) < 2 or verbal(term, render):
        return []
    # Each result: (English words, parts used); every partial phrase must pass ``ok``.
    later: list[tuple[list[str], list[tuple[str, str]]]] = []
    for i in range(len(groups) - 1, -1, -1):
        prep, words = groups[i]
        if i == len(groups) - 1:
            later = _group(words, render, ok, i == 0, number)
            continue
        next_prep = groups[i + 1][0]
        if words == ["lutte"] and next_prep == "contre":
            group = [([], [("lutte contre", "counter-")])]
        else:
            group = _group(words, render, ok, i == 0, number)
        combined = []
        for head, head_parts in group:
            for rest, rest_parts in later:
                parts = head_parts + rest_parts
                if words == ["lutte"] and next_prep == "contre":
                    options = [[*c.split(), *rest] for c in _COUNTER]
                else:
                    options = [[*head, p, *rest] for p in _PREPOSITIONS[next_prep]]
                    if next_prep not in _NO_COMPOUND:
                        options.append([*rest, *head])
                combined += [(o, parts) for o in options if ok(o)]
        later = combined
        if not later:
            return []
    return later


#: A complement that UN English puts first (*Programme des Nations Unies pour
#: l'environnement* → *United Nations Environment Programme*).
_UN = re.compile(r"^(\S+(?:\s+[a-zà-ÿ][^\s’']*)*)\s+des\s+Nations\s+Unies\b\s*")


def united_nations_first(name: str) -> str | None:
    """The French name without the *des Nations Unies* that follows its head, when UN
    English would put *United Nations* first, else None.

    >>> united_nations_first("Programme des Nations Unies pour l’environnement")
    'Programme pour l’environnement'
    >>> united_nations_first("Stratégie antiterroriste mondiale des Nations Unies")
    'Stratégie antiterroriste mondiale'
    >>> united_nations_first("Organisation des Nations Unies"), united_nations_first("la paix")
    (None, None)
    """
    m = _UN.match(name)
    if not m or len(m.group(1).split()) + len(name[m.end():].split()) < 2:
        return None
    return f"{m.group(1)} {name[m.end():]}".strip()


def compose(term: str, render: WordRenderings, text: Attestation) -> Composed | None:
    """The most attested English of the French ``term`` composed by the rules, or None; a
    French term in lower case takes an English occurrence in lower case when there is one."""
    best = None
    for words, parts in compositions(term, render, text.find):
        hits = text.free(words)
        if hits and (best is None or len(hits) > best[0]):
            best = (len(hits), words, parts, hits[0])
    if best is None:
        return None
    count, words, parts, hit = best
    if term == term.lower():  # a common term: written in lower case somewhere, not only in names
        lower = [h for h in text.free(words) if text.surface(words, h)[0][:1].islower()]
        if not lower:
            return None
        hit = lower[0]
    surface, start, end = text.surface(words, hit)
    return Composed(term, surface, parts, count, hit[0], (start, end))


def _group(words: list[str], render: WordRenderings, ok, top: bool = False, number=plural_fr):
    """Attested English renderings of one noun group (``lutte anti-X`` → ``counter-X``);
    the ``top`` group's head noun keeps its number (*organes* → *organs*, not *organ*)."""
    if words[0] == "lutte" and len(words) == 2 and words[1].startswith("anti"):
        base = words[1][4:].lstrip("-")
        return [([c, e], [(words[1], f"counter-{e}")]) for e in render(base, True) for c in ("counter",)
                if ok([c, e])]
    options = {w: render(w) for w in words}
    if top:
        plural = number(words[0])
        options[words[0]] = [e for e in options[words[0]] if plural_en(e) == plural]
    if any(not options[w] for w in words):
        return []
    out = []
    for order in _orders(words):
        partial = [([], [])]
        for w in order:
            partial = [([*en, e], [*parts, (w, e)]) for en, parts in partial
                       for e in options[w] if ok([*en, e])]
            if not partial:
                break
        out += partial
    return out
