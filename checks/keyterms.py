"""Candidate key terms of one document: lowercase multiword noun phrases it repeats.

A simple extractor for the document glossary (:mod:`checks.glossary`), until the termbase's
own French/English term extraction can be called instead. A candidate is a run of two to
:data:`MAX_WORDS` words inside a sentence, not crossing punctuation, that:

* starts and ends with a content word (lowercase letters, not a function word, a common
  verb or an adverb of the language: see :data:`FUNCTION_WORDS`);
* has only content words inside, or the links of a noun to its complement (``de``, ``de la``,
  ``d’``, ``des``, ``à``, ``en``... in French; ``of`` in English: ``maintien de la paix``,
  ``rule of law``);
* does not follow a capitalised word (the end of a name: ``Secrétaire générale adjointe``);
* occurs at least :data:`MIN_OCCURRENCES` times in the document.

A phrase inside a longer candidate that occurs as often is left out (``maintien de la paix``
is kept, not ``maintien de la`` nor ``la paix``). The caller leaves out the text the termbase
already names (:func:`key_terms`'s ``taken`` spans).

>>> sentences = ["Les armes légères et les armes nucléaires tactiques.",
...              "Il condamne les armes nucléaires tactiques, dit-il."]
>>> [(t.text, t.occurrences) for t in key_terms(sentences, "fr")]
[('armes nucléaires tactiques', 2)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

#: Fewest occurrences of a candidate in the document.
MIN_OCCURRENCES = 2
#: Most words (links included) in a candidate.
MAX_WORDS = 6
#: Most candidates kept for one document (the most frequent, then in reading order).
MAX_TERMS = 200

_WORD = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu)['’]", re.I)

_FR_FUNCTION = (
    # articles, pronouns, prepositions, conjunctions
    "le la les l un une des du de d au aux à a en et ou ni mais donc or car que qu qui quoi "
    "dont où ce cet cette ces c ceci cela ça il elle ils elles on nous vous je tu me te se s "
    "lui leur leurs y son sa ses mon ma mes ton ta tes notre nos votre vos dans par pour sur "
    "sous avec sans entre vers chez contre depuis pendant avant après selon lors afin outre "
    "dès durant parmi malgré envers hors jusqu lorsqu puisqu quoiqu tout tous toute toutes "
    "même mêmes autre autres tel telle tels telles chaque plusieurs certains certaines aucun "
    "aucune quel quelle quels quelles lequel laquelle lesquels lesquelles auquel auxquels "
    "duquel desquels ne pas plus moins très trop bien aussi ainsi encore déjà toujours "
    "jamais souvent ici là non oui si comme alors puis enfin "
    # auxiliaries and the verbs and adverbs of UN prose
    "est sont été être était étaient sera seront serait soit soient fut ont avait avaient "
    "aura auront aurait ai as avons avez fait faire font peut peuvent pourrait doit doivent "
    "devrait devraient faut il y a "
    "décide prie demande invite engage souligne réaffirme rappelle note prend salue "
    "condamne exhorte encourage accueille considère estime reconnaît exprime affirme "
    "constate déplore remercie dit déclare indique ajoute notamment également instamment "
    "particulier compte égard cours fin suite vue sein lieu part fins matière manière façon "
    "continué organisé tenu mis mettre exige discuter échanger visant vise travaille "
    "collaboré entretenu "
    "deux trois quatre cinq six sept huit neuf dix premier première second seconde "
    "nombreux nombreuses grand grande grands grandes divers diverses différents différentes "
    "nouveau nouvelle nouveaux nouvelles"
)
_EN_FUNCTION = (
    "the a an of and or nor but so yet for to in on at by with from into onto upon about "
    "above below under over after before during since until among between against through "
    "within without towards toward via per as than that this these those there here which "
    "who whom whose what when where why how it its they them their theirs he him his she "
    "her hers we us our ours you your i me my not no yes all any both each every other "
    "others another such some same own only also further furthermore moreover however "
    "therefore thus very more most less least much many several well too again still even "
    "is are was were be been being am has have had having do does did will would shall "
    "should can could may might must "
    "decides requests calls urges reaffirms recalls notes takes welcomes condemns "
    "encourages considers expresses affirms stresses underlines emphasizes recognizes "
    "invites deplores thanks said says stated added including particular regard behalf "
    "accordance order respect view light part terms basis "
    "continued held organized organised worked aimed aiming set forth include includes "
    "including included "
    "one two three four five six seven eight nine ten first second many various new"
)
#: The words that never start, end or fill a candidate, by language.
FUNCTION_WORDS = {"fr": frozenset(_FR_FUNCTION.split()), "en": frozenset(_EN_FUNCTION.split())}
#: The links allowed inside a candidate, between its content words.
LINKS = {
    "fr": frozenset({("de",), ("de", "la"), ("de", "l’"), ("du",), ("des",), ("d’",), ("à",),
                     ("à", "la"), ("à", "l’"), ("au",), ("aux",), ("en",)}),
    "en": frozenset({("of",)}),
}


@dataclass
class KeyTerm:
    """A candidate key term: its first form, how often it occurs, where it first occurs."""

    text: str
    occurrences: int
    sentence: int  # from 1
    start: int
    end: int


def words(sentence: str) -> list[tuple[str, int, int]]:
    """The words of a sentence with their offsets; an elided article is a word of its own
    (``d’``, ``l’``, apostrophes as ``’``).

    >>> [w for w, _a, _b in words("Droits de l'homme, maintien-de-la-paix")]
    ['Droits', 'de', 'l’', 'homme', 'maintien-de-la-paix']
    """
    out = []
    for match in _WORD.finditer(sentence):
        text, start = match.group(), match.start()
        elided = _ELISION.match(text)
        if elided and elided.end() < len(text):
            out.append((text[:elided.end() - 1] + "’", start, start + elided.end()))
            text, start = text[elided.end():], start + elided.end()
        out.append((text, start, start + len(text)))
    return out


def _chunks(sentence: str) -> list[list[tuple[str, int, int]]]:
    """Runs of words separated by nothing but spaces (punctuation ends a run)."""
    chunks: list[list[tuple[str, int, int]]] = []
    previous_end = None
    for word in words(sentence):
        if previous_end is None or sentence[previous_end:word[1]].strip():
            chunks.append([])
        chunks[-1].append(word)
        previous_end = word[2]
    return chunks


#: English words in -ly that are not adverbs.
_LY_NOUNS = frozenset(["family", "assembly", "supply", "anomaly", "monopoly", "reply", "ally",
                       "italy", "rally"])


def _is_content(word: str, lang: str) -> bool:
    """A lowercase word of three letters or more that is not a function word (nor, in
    English, an adverb in -ly).

    >>> _is_content("paix", "fr"), _is_content("de", "fr"), _is_content("arbitrarily", "en")
    (True, False, False)
    >>> _is_content("assembly", "en"), _is_content("Conseil", "fr")
    (True, False)
    """
    if len(word) < 3 or word != word.lower() or word in FUNCTION_WORDS[lang]:
        return False
    return not (lang == "en" and word.endswith("ly") and word not in _LY_NOUNS)


def phrases(sentence: str, lang: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the candidate phrases of one sentence, all lengths.

    >>> s = "Les opérations de maintien de la paix, dit-il."
    >>> [s[a:b] for a, b in phrases(s, "fr")]
    ['opérations de maintien', 'opérations de maintien de la paix', 'maintien de la paix']
    >>> s = "They upheld the rule of law and human rights."
    >>> [s[a:b] for a, b in phrases(s, "en")]
    ['rule of law', 'human rights']
    """
    spans = []
    for chunk in _chunks(sentence):
        lowered = [w.lower() if w.lower().endswith("’") else w for w, _a, _b in chunk]
        for i, first in enumerate(lowered):
            if not _is_content(first, lang):
                continue
            before = lowered[i - 1] if i else ""
            if before[:1].isupper() and before.lower() not in FUNCTION_WORDS[lang]:
                continue
            link: list[str] = []
            for j in range(i + 1, min(len(chunk), i + MAX_WORDS)):
                word = lowered[j]
                if _is_content(word, lang):
                    if link and tuple(link) not in LINKS[lang]:
                        break
                    link = []
                    spans.append((chunk[i][1], chunk[j][2]))
                elif word.lower() in {w for ws in LINKS[lang] for w in ws} and len(link) < 2:
                    link.append(word.lower())
                else:
                    break
    return spans


def key_terms(sentences: Sequence[str], lang: str,
              taken: Sequence[Sequence[tuple[int, int]]] = ()) -> list[KeyTerm]:
    """The candidate key terms of a document given as its sentences, in reading order.

    ``taken``: per sentence, the spans already named (termbase designations, acronyms,
    capitalised names); a phrase overlapping one of them is not a candidate there.
    """
    found: dict[str, KeyTerm] = {}
    for number, sentence in enumerate(sentences, 1):
        busy = taken[number - 1] if number <= len(taken) else ()
        for start, end in phrases(sentence, lang):
            if any(a < end and start < b for a, b in busy):
                continue
            text = " ".join(sentence[start:end].replace("'", "’").split())
            key = text.casefold()
            if key in found:
                found[key].occurrences += 1
            else:
                found[key] = KeyTerm(text, 1, number, start, end)
    frequent = [t for t in found.values() if t.occurrences >= MIN_OCCURRENCES]
    kept = [t for t in frequent if not any(
        o is not t and o.occurrences >= t.occurrences and _inside(t.text, o.text)
        for o in frequent)]
    kept = sorted(kept, key=lambda t: -t.occurrences)[:MAX_TERMS]
    return sorted(kept, key=lambda t: (t.sentence, t.start))


def _inside(short: str, long: str) -> bool:
    """``short`` is a run of whole words of ``long``.

    >>> _inside("la paix", "maintien de la paix"), _inside("paix", "paix durable"), _inside("a b", "a b")
    (True, True, False)
    """
    return len(long) > len(short) and f" {short.casefold()} " in f" {long.casefold()} "
