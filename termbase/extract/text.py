"""Small text helpers shared by the extractors: folding, tidying, sentences, word sets."""

from __future__ import annotations

import re
import unicodedata

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[A-ZÀ-Ý])|\n\s*\n")


def wordset(words: str) -> frozenset[str]:
    """A frozen set of the blank-separated words of ``words``.

    >>> sorted(wordset("de du"))
    ['de', 'du']
    """
    return frozenset(words.split())


def fold(text: str) -> str:
    """Lower case without accents.

    >>> fold("Économique")
    'economique'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def clean_definition(text: str) -> str:
    """Tidy a definition taken from running text (line breaks, PDF spaces, emphasis).

    >>> clean_definition("Communauté d ’États\\n indépendants")
    'Communauté d’États indépendants'
    >>> clean_definition("Guinée- Bissau")
    'Guinée-Bissau'
    """
    text = text.replace("**", " ")
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+(?=[’'])|(?<=[’'])\s+", "", text)
    return re.sub(r"(?<=\w)- (?=\w)", "-", text)


def sentence_at(text: str, pos: int, limit: int = 600) -> str:
    """The sentence of ``text`` around character ``pos``, on one line.

    >>> sentence_at("Un. La Communauté d’États indépendants (CEI) agit. Fin.", 20)
    'La Communauté d’États indépendants (CEI) agit.'
    """
    lo = max(0, pos - limit)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, min(len(text), pos + 2)):
        if m.end() <= pos:
            start = m.end()
    m = _SENTENCE_END.search(text, pos, min(len(text), pos + limit))
    end = m.start() if m else min(len(text), pos + limit)
    return clean_definition(text[start:end])
