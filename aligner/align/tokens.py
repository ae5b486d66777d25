"""Lexical keys of a sentence: the words and marks that survive translation.

Each sentence becomes a set of string *keys*. A French key and an English key are equal when
the two words are likely translations of each other: the same number written the French or
the English way, the same month, the same document symbol, the same name or acronym, the
same question mark, or a pair of the bilingual lexicon (French words are mapped to their
English translations before comparison).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

MONTHS_FR = (
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
)  # fmt: skip
MONTHS_EN = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTH_KEY = {name: f"#month:{k + 1}" for k, name in enumerate(MONTHS_FR)}
_MONTH_KEY.update({name: f"#month:{k + 1}" for k, name in enumerate(MONTHS_EN) if name != "may"})
_MONTH_KEY["fevrier"] = _MONTH_KEY["février"]
_MONTH_KEY["aout"] = _MONTH_KEY["août"]
_MONTH_KEY["decembre"] = _MONTH_KEY["décembre"]

#: A UN document symbol: S/2015/446, A/RES/70/1, E/CN.4/2005/L.10.
_SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*){2,}")
#: French numbers: 488 000 (any space kind) and 19,44.
_NUMBER_FR = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
#: English numbers: 488,000 and 19.44.
_NUMBER_EN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MARKS = {
    "?": "#?", "!": "#!", "«": "#quote", "»": "#quote", "“": "#quote", "”": "#quote",
    '"': "#quote", ":": "#colon", ";": "#semicolon", "(": "#paren", "%": "#percent",
    "$": "#dollar", "€": "#euro", "…": "#ellipsis",
}  # fmt: skip
#: A line of dialogue: a dash (or two hyphens) at the start of the sentence.
_DIALOGUE = re.compile(r"\s*(?:--|[\u2014\u2013\u2012\u2015])")
_MARK_RE = re.compile("[" + re.escape("".join(_MARKS)) + "]")


@lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Lower case without accents.

    >>> fold("Élysée")
    'elysee'
    """
    if word.isascii():  # (nothing to decompose)
        return word.lower()
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def number_key(text: str, lang: str) -> str:
    """The language-neutral form of a number.

    >>> number_key("488 000", "fr"), number_key("488,000", "en")
    ('#num:488000', '#num:488000')
    >>> number_key("19,44", "fr"), number_key("19.44", "en")
    ('#num:19.44', '#num:19.44')
    """
    if lang == "fr":
        value = re.sub(r"[ \u00a0\u202f\u2009]", "", text).replace(",", ".")
    else:
        value = text.replace(",", "")
    return "#num:" + value


_number_key = lru_cache(maxsize=100_000)(number_key)


def words(text: str) -> list[str]:
    """The words of a sentence, as printed (hyphenated words kept whole).

    >>> words("L'Assemblée générale a adopté la résolution 70/1.")
    ['L', 'Assemblée', 'générale', 'a', 'adopté', 'la', 'résolution']
    """
    return _WORD.findall(text)


def surface_keys(text: str, lang: str) -> tuple[set[str], list[str]]:
    """Keys that are the same in both languages, and the remaining (lower-cased) words.

    Returns ``(keys, words)``: ``keys`` holds numbers, months, document symbols, marks and
    ``=word`` keys for capitalised words and acronyms (names survive translation);
    ``words`` are the folded words left for the bilingual lexicon.

    >>> keys, rest = surface_keys("Le 19 avril 2021, l'OTSC a publié S/2021/297 ?", "fr")
    >>> sorted(keys)
    ['#?', '#month:4', '#num:19', '#num:2021', '#sym:S/2021/297', '=le', '=otsc']
    >>> sorted(surface_keys("-- Oui, dit-il.", "fr")[0])  # French dialogue, like English quotes
    ['#quote', '=oui']
    """
    keys: set[str] = set()
    if "/" in text:  # (every symbol has one)
        for match in _SYMBOL.finditer(text):
            keys.add("#sym:" + match.group(0))
        text = _SYMBOL.sub(" ", text)
    number_re = _NUMBER_FR if lang == "fr" else _NUMBER_EN
    for number in number_re.findall(text):
        keys.add(_number_key(number, lang))
    for mark in _MARK_RE.findall(text):
        keys.add(_MARKS[mark])
    if _DIALOGUE.match(text):
        keys.add("#quote")  # a French line of dialogue opens with a dash, English with quotes
    rest = []
    for word in _WORD.findall(text):
        key, folded = _word_key(word, lang)
        if key:
            keys.add(key)
        if folded is not None:
            rest.append(folded)
    return keys, rest


@lru_cache(maxsize=200_000)
def _word_key(word: str, lang: str) -> tuple[str | None, str | None]:
    """``(key, folded)`` of one word: a month's key and no folded word; or the ``=name``
    key of a capitalised word (None for others) and its folded form.

    >>> _word_key("avril", "fr"), _word_key("Genève", "fr"), _word_key("paix", "fr")
    (('#month:4', None), ('=geneve', 'geneve'), (None, 'paix'))
    """
    folded = fold(word)
    month = _MONTH_KEY.get(folded if lang == "fr" else word.lower())
    if month:
        return month, None
    if len(word) > 1 and word[0].isupper():
        return "=" + folded, folded
    return None, folded
