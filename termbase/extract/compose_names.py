"""Names composed word by word and checked by their English acronym.

A French name defined with an acronym (*Organisation du Traité de sécurité collective
(OTSC)*) is often written nowhere in full in English UN text, while its English acronym is
known: linked to the French acronym by the aligned pairs (CEEAC → ECCAS), or written in the
English of a pair whose French holds the name (*... l'Organisation du Traité de sécurité
collective* / *... the CSTO*). A composition of the French name by the structure rules of
:mod:`termbase.extract.compose` is then kept without whole-phrase attestation when the
initials of its content words (the UN way: *of*, *the*, *and*, *for*, *on*, *in*, *to*, *at*
give no letter; each part of a hyphenated word gives one) spell that English acronym:
two independent signals, the word renderings and the acronym letters, instead of one.

Two rules apply to names only: every word keeps its French number where the renderings
allow it (*États* → *States*, *paix* → *peace*, not *peaces*), and a place name before its
head takes its adjective (*États de l'Afrique centrale* → *Central African States*), an
English adjective of the place's rendering that the English text writes (*Africa* →
*African*), never as the last word of the name. Among several spellings the one with the
most attested word pairs and triples wins, then the likeliest renderings.
Nothing here reads files or SQL; :mod:`termbase.extract.compose_names_io` makes concepts.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termbase.extract.acronyms import acronym_letters
from termbase.extract.compose import (
    Attestation,
    WordRenderings,
    compositions,
    plural_en,
    plural_fr,
    united_nations_first,
)
from termbase.extract.cooccur import AlignedPair, acronyms_in
from termbase.extract.explain import french_stems
from termbase.extract.text import fold, wordset

#: English words no letter of an acronym comes from.
SKIPPED = wordset("of the and for on in to at")
#: Shortest English acronym trusted as a check (two letters spell too many phrases).
MIN_LETTERS = 3
_SUFFIXES = ("n", "an", "ian")


def initials(words: Iterable[str]) -> str:
    """The letters a name's words give its acronym the UN way (folded).

    >>> initials(["collective", "security", "treaty", "organization"])
    'csto'
    >>> initials(["office", "of", "counter", "terrorism"]), initials(["inter american"])
    ('oct', 'ia')
    """
    return "".join(part[0] for w in words for part in re.split(r"[\s\-]+", w)
                   if part and part not in SKIPPED)


def letter_options(words: Sequence[str]) -> set[str]:
    """The letters ``words`` may give an acronym: :func:`initials`, or with the letter of
    some function words too (*Economic Community Of West African States*, ECOWAS).

    >>> sorted(letter_options(["community", "of", "states"]))
    ['cos', 'cs']
    """
    out = {""}
    for w in words:
        for part in re.split(r"[\s\-]+", w):
            if part:
                out = {o + part[0] for o in out} | (out if part in SKIPPED else set())
    return out


def spells(words: Sequence[str], acronym: str) -> bool:
    """Whether the letters of ``words`` can be the letters of ``acronym``.

    >>> spells(["economic", "community", "of", "central", "african", "states"], "ECCAS")
    True
    >>> spells(["economic", "community", "of", "west", "african", "states"], "ECOWAS")
    True
    """
    return acronym_letters(acronym) in letter_options(words)


class NameRenderings:
    """Word renderings for a name: the renderings of the French number first, then the
    others, then the plurals made for a French plural (*Unies* → *united* before *uniteds*;
    *paix* → *peace* only); and for the place names (``proper``: the folded words
    capitalised in the name) their adjectives that ``vocabulary`` holds (*Africa* →
    *African*)."""

    def __init__(self, render: WordRenderings, proper: Iterable[str], vocabulary: set[str]):
        self.render = render
        self.proper = set(proper)
        self.vocabulary = vocabulary
        #: Place renderings that have an adjective, and the adjectives.
        self.places: set[str] = set()
        self.adjectives: set[str] = set()

    def plural(self, word: str) -> bool:
        """Whether the French word is plural in the name: the number of its likeliest
        rendering (*Fonds* → *Fund*), else its French form."""
        raw = self.render(word, plurals=False)
        return plural_en(raw[0]) if raw and " " not in raw[0] else plural_fr(word)

    def __call__(self, word: str, cognates: bool = False) -> list[str]:
        known = {e for stem in french_stems(word) for e in self.render.table.get(stem, ())}
        # a "cognate" written like the French word is the French word left untranslated
        raw = [e for e in self.render(word, cognates, plurals=False) if e != word or e in known]
        number = self.plural(word)
        found = [e for e in raw if " " in e or plural_en(e) == number]
        found += [e for e in raw if e not in found]
        if number:
            found += [m for m in self.render(word, cognates) if m not in found
                      and (m != word or m in known)]
        if word in self.proper:
            for e in list(found):
                forms = [e + s for s in _SUFFIXES] + ([e[:-1] + "ian"] if e.endswith("y") else [])
                extra = [f for f in forms if f in self.vocabulary and f not in found]
                if extra:
                    self.places.add(e)
                    self.adjectives.update(extra)
                    found += extra
        return found

    def well_formed(self, words: Sequence[str]) -> bool:
        """A place adjective only before another word, a place before a noun only as its
        adjective (*Central African States*, not *Central Africa States*, nor *of Central
        African*)."""
        if words[-1] in self.adjectives:
            return False
        return not any(w in self.places and words[i + 1] not in SKIPPED
                       for i, w in enumerate(words[:-1]))


@dataclass
class NameComposition:
    """A French name's English composed by its words and spelt by its English acronym."""

    fr: str
    en: str
    acronym: str
    parts: list[tuple[str, str]]
    #: How much of the name the English text writes (:func:`_attested`).
    attested: float


def surface(words: Sequence[str]) -> str:
    """The English name as written: content words capitalised, *counter* joined by a hyphen.

    >>> surface(["office", "of", "counter", "terrorism"])
    'Office of Counter-Terrorism'
    >>> surface(["economic", "community", "of", "central", "african", "states"])
    'Economic Community of Central African States'
    """
    out: list[str] = []
    for i, w in enumerate(words):
        word = w if (w in SKIPPED and i) else "-".join(
            p[:1].upper() + p[1:] for p in w.split("-"))
        word = " ".join(p[:1].upper() + p[1:] if p not in SKIPPED else p
                        for p in word.split(" "))
        if out and out[-1].endswith("Counter"):
            out[-1] += "-" + word
        else:
            out.append(word)
    return " ".join(out)


def _proper(name: str) -> set[str]:
    words = re.sub(r"\b([dlDL])['’]\s*", r"\1' ", name).split()[1:]
    return {fold(w) for w in words if w[:1].isupper()}


def _attested(words: Sequence[str], text: Attestation) -> float:
    """How much of a composed name the English text writes: the log counts of its word
    pairs and triples."""
    flat = [p for w in words for p in w.split()]
    return round(sum(math.log1p(len(text.find(flat[i:i + n]))) for n in (2, 3)
                     for i in range(len(flat) - n + 1)), 3)


def compose_name(name: str, acronym: str, render: WordRenderings,
                 text: Attestation) -> NameComposition | None:
    """The English of the French ``name`` composed by the rules whose letters spell the
    English ``acronym`` (of three letters or more), or None. A name whose head is followed
    by *des Nations Unies* is composed without it, *United Nations* first."""
    letters = acronym_letters(acronym)
    if len(letters) < MIN_LETTERS:
        return None
    prefix: list[str] = []
    full = name
    rest = united_nations_first(name)
    if rest:
        prefix, name = ["united", "nations"], rest
    names = NameRenderings(render, _proper(name), text.vocabulary())

    def ok(words: Sequence[str]) -> bool:
        return any(o in letters for o in letter_options(words))

    found = []
    for words, parts in compositions(name, names, ok, names.plural):
        words = [*prefix, *words]
        if spells(words, acronym) and names.well_formed(words):
            found.append((words, parts))
    if not found:
        return None

    def rank(item):
        words, parts = item
        order = sum(names(fr).index(en) if en in names(fr) else 0 for fr, en in parts)
        return (-_attested(words, text), order)

    words, parts = min(found, key=rank)
    words = articles(words, text)
    return NameComposition(full, surface(words), acronym, parts, _attested(words, text))


def articles(words: Sequence[str], text: Attestation) -> list[str]:
    """The name with *the* after a preposition where the English text writes the rest of
    the name that way and never without it (*for the Prohibition of Chemical Weapons*;
    *of Central African States* stays).

    >>> text = Attestation(["the Organisation for the Prohibition of Chemical Weapons",
    ...                     "the Central African States and the Central African Republic"])
    >>> articles(["organization", "for", "prohibition", "of", "chemical", "weapons"], text)
    ['organization', 'for', 'the', 'prohibition', 'of', 'chemical', 'weapons']
    >>> articles(["community", "of", "central", "african", "states"], text)
    ['community', 'of', 'central', 'african', 'states']
    """
    out = list(words)
    i = 1
    while i < len(out) - 1:
        if out[i] in SKIPPED and out[i] != "the" and out[i + 1] not in SKIPPED:
            rest = [p for w in out[i + 1:] for p in w.split()]
            if text.find([out[i], "the", *rest]) and not text.find([out[i], *rest]):
                out.insert(i + 1, "the")
        i += 1
    return out


def _phrase(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", fold(text)))


class AcronymSources:
    """Where the English acronym of a French name may be read: the English acronyms
    ``linked`` to its French acronym (by the aligned pairs: French acronym → [(English
    acronym, the pair that shows it)]), and the English acronyms of the ``pairs`` whose
    French holds the name or its French acronym."""

    def __init__(self, pairs: Sequence[AlignedPair],
                 linked: dict[str, list[tuple[str, AlignedPair]]]):
        self.pairs = list(pairs)
        self.linked = linked
        self.phrases = [f" {_phrase(p.fr)} " for p in self.pairs]
        self.fr_acronyms = [acronyms_in(p.fr) for p in self.pairs]

    def __call__(self, name: str, acronym_fr: str = "") -> list[tuple[str, AlignedPair]]:
        """The candidate English acronyms of ``name``, each with a pair that shows it: the
        linked ones first, then by the number of pairs that hold them with the name."""
        out = list(self.linked.get(acronym_fr, [])) if acronym_fr else []
        key = f" {_phrase(name)} "
        seen: dict[str, list[AlignedPair]] = {}
        for pair, phrase, acronyms in zip(self.pairs, self.phrases, self.fr_acronyms,
                                          strict=True):
            if key in phrase or (acronym_fr and acronym_fr in acronyms):
                for en in sorted(acronyms_in(pair.en)):
                    seen.setdefault(en, []).append(pair)
        out += [(en, found[0]) for en, found in
                sorted(seen.items(), key=lambda item: -len(item[1]))]
        keep: dict[str, AlignedPair] = {}
        for en, pair in out:
            keep.setdefault(en, pair)
        return list(keep.items())


@dataclass
class FrenchName:
    """A French name to compose, its French acronym and where it was seen."""

    text: str
    acronym: str
    context: str
    source: str
    symbol: str = ""


def compose_names(names: Iterable[FrenchName], sources: AcronymSources,
                  render: WordRenderings, text: Attestation
                  ) -> list[tuple[FrenchName, NameComposition, AlignedPair]]:
    """The acronym-spelt composition of each French name (one per folded name, in the
    order of ``names``), with the pair that shows its English acronym: the first candidate
    English acronym (:class:`AcronymSources`) that a composition spells."""
    done: set[str] = set()
    out = []
    for name in names:
        key = _phrase(name.text)
        if key in done:
            continue
        done.add(key)
        for acronym, pair in sources(name.text, name.acronym):
            found = compose_name(name.text, acronym, render, text)
            if found:
                out.append((name, found, pair))
                break
    return out
