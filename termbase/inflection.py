"""The other grammatical number of a folded query, French and English, for lookup.

A termbase entry holds the forms its sources wrote: *déplacements forcés* when the documents
speak of them in the plural. Singular and plural are one concept (the brief of issue 11), so a
query in the other number, *déplacement forcé*, finds the entry through
:func:`number_variants`: the French head noun group (the words before the first preposition)
and the English head noun (the word before the first preposition, else the last) put in the
other number. The rules are the regular ones of each language; a form they get wrong finds
nothing, since a variant is only ever compared for equality with the termbase's own forms.
They make real words, unlike :func:`termbase.extract.terms_fr.singular`, which makes grouping
keys (*bureaux* → *bureal*) and would miss the stored *bureau*.
"""

from __future__ import annotations

import re

#: Folded French words that end a head noun group: prepositions, articles, conjunctions.
FR_STOPS = frozenset({"de", "du", "des", "a", "au", "aux", "en", "pour", "sur", "contre",
                      "dans", "par", "avec", "entre", "sans", "sous", "et", "ou", "le", "la",
                      "les", "un", "une"})
#: English words after the head noun.
EN_STOPS = frozenset({"of", "for", "on", "in", "to", "against", "with", "and", "at", "by",
                      "from"})
#: French words ending in *s* or *x* in the singular too (folded).
FR_INVARIABLE = frozenset({"paix", "fois", "pays", "prix", "voix", "choix", "corps", "mois",
                           "processus", "acces", "progres", "succes", "recours", "cas", "bras",
                           "dos", "poids", "avis"})
#: French nouns in *-eux* whose singular is *-eu* (adjectives in *-eux* are invariable).
FR_EU_X = frozenset({"lieux", "milieux", "jeux", "enjeux", "feux", "voeux"})
#: French words in *-al* whose plural is *-als*.
FR_AL_S = frozenset({"final", "fatal", "naval", "bancal", "festival", "carnaval", "chacal",
                     "recital"})
#: English plurals not made by the rules, and their singulars (*news* is both).
EN_PLURALS = {"child": "children", "man": "men", "woman": "women"}
EN_SINGULARS = {plural: singular for singular, plural in EN_PLURALS.items()} | {"news": "news"}
#: At most this many words in a query that gets variants.
MAX_WORDS = 12


def fr_plural(word: str) -> str:
    """A folded French word in the plural.

    >>> [fr_plural(w) for w in ("etat", "regional", "bureau", "final", "paix", "travail")]
    ['etats', 'regionaux', 'bureaux', 'finals', 'paix', 'travaux']
    """
    if word.endswith(("s", "x", "z")):
        return word
    if word == "travail":
        return "travaux"
    if word.endswith("al") and len(word) > 3 and word not in FR_AL_S:
        return word[:-2] + "aux"
    if word.endswith(("eau", "eu")) and word not in ("pneu", "bleu"):
        return word + "x"
    return word + "s"


def fr_singular(word: str) -> str:
    """A folded French word in the singular.

    >>> [fr_singular(w) for w in ("etats", "regionaux", "bureaux", "enjeux", "nombreux", "acces")]
    ['etat', 'regional', 'bureau', 'enjeu', 'nombreux', 'acces']
    """
    if len(word) <= 3 or word in FR_INVARIABLE:
        return word
    if word == "travaux":
        return "travail"
    if word.endswith("eaux") or word in FR_EU_X:
        return word[:-1]
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + "al"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def en_plural(word: str) -> str:
    """An English word in the plural.

    >>> [en_plural(w) for w in ("state", "body", "process", "day", "child")]
    ['states', 'bodies', 'processes', 'days', 'children']
    """
    if word in EN_PLURALS:
        return EN_PLURALS[word]
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def en_singular(word: str) -> str:
    """An English word in the singular.

    >>> [en_singular(w) for w in ("states", "bodies", "processes", "children", "news")]
    ['state', 'body', 'process', 'child', 'news']
    """
    if word in EN_SINGULARS:
        return EN_SINGULARS[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if re.search(r"(ss|x|z|ch|sh)es$", word):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _fr_variants(words: list[str]) -> list[list[str]]:
    end = next((i for i, w in enumerate(words)
                if w in FR_STOPS or re.match(r"[dl]'", w)), len(words))
    if end == 0:
        return []
    head, rest = words[:end], words[end:]
    return [[f(w) for w in head] + rest for f in (fr_singular, fr_plural)]


def _en_variants(words: list[str]) -> list[list[str]]:
    at = next((i - 1 for i, w in enumerate(words) if w in EN_STOPS and i > 0), len(words) - 1)
    return [words[:at] + [f(words[at])] + words[at + 1:] for f in (en_singular, en_plural)]


def number_variants(folded: str) -> list[str]:
    """The query ``folded`` (a folded term, see :func:`termbase.fold.fold_term`) in the other
    number, French and English rules: the forms to compare with the termbase's, the query
    itself left out.

    >>> number_variants("deplacement force")
    ['deplacements forces', 'deplacement forces']
    >>> number_variants("petits etats insulaires en developpement")[0]
    'petit etat insulaire en developpement'
    >>> "laws of the sea" in number_variants("law of the sea")
    True
    >>> number_variants("2030"), number_variants("")
    ([], [])
    """
    words = folded.split()
    if not words or len(words) > MAX_WORDS or not re.search(r"[^\W\d_]{2}", folded):
        return []
    out: dict[str, None] = {}
    for variant in _fr_variants(words) + _en_variants(words):
        text = " ".join(variant)
        if text != folded:
            out.setdefault(text, None)
    return list(out)
