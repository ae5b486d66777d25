"""Words of names across French and English: a word-translation table with cognates, the test
that two names explain each other word by word, and feminine titles of persons.

Used by :mod:`termbase.extract.corpora_names`.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from termbase.extract.text import fold, wordset

#: French words that link the words of a name (*Secrétaire général | de | l'Organisation*).
_LINKS = wordset("de d du des la l le les a au aux et pour en sur contre")


class Lexicon:
    """Folded French word → folded English words; words also match as cognates.

    >>> lex = Lexicon({"paix": {"peace"}})
    >>> lex.match("paix", "peace"), lex.match("ligue", "league"), lex.match("paix", "war")
    (True, True, False)
    """

    def __init__(self, table: dict[str, set[str]] | None = None):
        self.table = {k: set(v) for k, v in (table or {}).items()}
        #: The table before :meth:`add` widened it (None: not widened).
        self.strict: Lexicon | None = None

        for words in self.table.values():  # the parts of hyphenated words (high-level)
            words.update(p for w in list(words) if "-" in w for p in w.split("-") if p)

    def add(self, fr: str, en: str) -> None:
        if self.strict is None:
            self.strict = Lexicon(self.table)
        self.table.setdefault(fr, set()).update({en, *(p for p in en.split("-") if p)})

    def match(self, fr: str, en: str) -> bool:
        base = fr.rstrip("sx")
        for f in (fr, base, base + "e", base[:-1] if base.endswith("e") else base):
            words = self.table.get(f, ())
            if en in words or en.rstrip("s") in words:
                return True
        return cognate(fr, en)


def cognate(fr: str, en: str) -> bool:
    """Same word, same first five letters, or the same first letter and mostly the same
    letters (``traite``/``treaty``, ``islamique``/``islamic``).

    >>> cognate("islamique", "islamic"), cognate("mondial", "world"), cognate("a", "a")
    (True, False, True)
    """
    if fr == en:
        return True
    n = min(5, len(fr), len(en))
    if n >= 4 and fr[:n] == en[:n]:
        return True
    return (min(len(fr), len(en)) >= 4 and fr[0] == en[0]
            and SequenceMatcher(None, fr, en).ratio() >= 0.7)


def explained(fr_words: list[str], en_words: list[str], lexicon: Lexicon) -> bool:
    """Every word explained on both sides, and a one-to-one matching that covers the shorter
    side (at most one word more on the longer one) and the first and last word of each.

    >>> lex = Lexicon({"securite": {"security"}, "conseil": {"council"}})
    >>> explained(["conseil", "securite"], ["security", "council"], lex)
    True
    >>> explained(["conseil", "securite"], ["security", "council", "affairs"], lex)
    False
    """
    if not fr_words or not en_words or abs(len(fr_words) - len(en_words)) > 1:
        return False
    n_fr, n_en = len(fr_words), len(en_words)

    def edges_first(n: int) -> list[int]:
        return sorted(range(n), key=lambda k: (0 < k < n - 1, k))

    links = [[j for j in edges_first(n_en) if lexicon.match(fr_words[i], en_words[j])]
             for i in range(n_fr)]
    if not all(links) or not all(any(j in ls for ls in links) for j in range(n_en)):
        return False
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in links[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    matched_fr = {i for i in edges_first(n_fr) if augment(i, set())}
    if len(owner) < min(n_fr, n_en):
        return False
    return {0, n_fr - 1} <= matched_fr and {0, n_en - 1} <= set(owner)


#: Titles of persons and their feminine forms (folded; invariable ones map to themselves).
_TITLES = {"secretaire": "", "representant": "e", "envoye": "e", "conseiller": "e",
           "president": "e", "commissaire": "", "coordonnateur": "-trice",
           "directeur": "-trice", "administrateur": "-trice", "observateur": "-trice",
           "mediateur": "-trice", "rapporteur": "-euse", "chef": ""}


def _feminine_word(word: str, ending: str | None = None) -> str:
    if ending == "":
        return word
    if ending and ending.startswith("-"):
        stem = word[:-len("teur")] if ending == "-trice" else word[:-len("eur")]
        return stem + ending[1:]
    lower = word.lower()
    if lower.endswith("e"):
        return word
    if lower.endswith("er"):
        return word[:-2] + "ère"
    if lower.endswith("if"):
        return word[:-1] + "ve"
    if lower.endswith(("el", "en")):
        return word + word[-1] + "e"
    return word + "e"


def feminine(name: str) -> str:
    """The feminine form of a French title of a person (its noun and the adjectives right
    after it), or "" when the name is no such title.

    >>> feminine("Secrétaire général adjoint"), feminine("Vice-Secrétaire général")
    ('Secrétaire générale adjointe', 'Vice-Secrétaire générale')
    >>> feminine("Représentant spécial du Secrétaire général"), feminine("Conseil de sécurité")
    ('Représentante spéciale du Secrétaire général', '')
    >>> feminine("Directeur exécutif"), feminine("Rapporteur spécial")
    ('Directrice exécutive', 'Rapporteuse spéciale')

    A title after *Haut* takes *Haute* (*Haut-Commissaire*, *Haut Représentant*):

    >>> feminine("Haut-Commissaire des Nations Unies aux droits de l'homme")
    "Haute-Commissaire des Nations Unies aux droits de l'homme"
    >>> feminine("Haut Représentant pour les affaires de désarmement"), feminine("Haut Conseil")
    ('Haute Représentante pour les affaires de désarmement', '')

    *-er* takes *-ère*; a title followed by a person's name has no feminine form:

    >>> feminine("Conseiller spécial pour l'Afrique"), feminine("Président Obama")
    ("Conseillère spéciale pour l'Afrique", '')
    """
    words = name.split()
    high = len(words) > 1 and fold(words[0]) == "haut"
    if high:  # *Haut Représentant*: the title is the second word
        words = [f"{words[0]}-{words[1]}", *words[2:]]
    if not words:
        return ""
    head = words[0].split("-")
    ending = _TITLES.get(fold(head[-1]))
    if ending is None:
        return ""
    head[-1] = _feminine_word(head[-1], ending)
    head[:-1] = ["Haute" if fold(h) == "haut" else h for h in head[:-1]]
    out = [" ".join(head) if high else "-".join(head)]
    for k, word in enumerate(words[1:], 1):
        if not word[:1].islower() and "'" not in word and "’" not in word:
            return ""  # a person's name after the title (*Président Obama*)
        if fold(word) in _LINKS or "'" in word or "’" in word:
            out.extend(words[k:])
            break
        out.append(_feminine_word(word))
    result = " ".join(out)
    return result if result != name else ""
