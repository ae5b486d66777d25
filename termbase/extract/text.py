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


def bounded_runs(words: list[str], is_function, is_inner, max_words: int):
    """``(first, last, content words)`` of every run of ``words`` that could be a term: it
    starts on a content word (not a digit), may hold the function words ``is_inner`` allows
    inside, and stops at a sentence break ``"|"`` or any other function word.

    >>> words = ["le", "maintien", "de", "la", "paix", "|", "enfin"]
    >>> function = lambda w: w in {"le", "de", "la"}
    >>> [(i, j) for i, j, _ in bounded_runs(words, function, lambda w: w != "le", 5)]
    [(1, 1), (1, 4), (4, 4), (6, 6)]
    """
    for i, first in enumerate(words):
        if first == "|" or is_function(first) or first.isdigit():
            continue
        content = 0
        for j in range(i, min(len(words), i + max_words)):
            word = words[j]
            if word == "|":
                break
            function = is_function(word)
            if function and not is_inner(word):
                break
            if not function:
                content += 1
                yield i, j, content


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


def span_relation(a: tuple[int, int], b: tuple[int, int]) -> str:
    """How span ``a`` lies to span ``b`` (``(start, end)``, end excluded): ``disjoint``,
    ``same``, ``inside`` (a in b), ``holds`` (b in a) or ``cross``.

    >>> span_relation((0, 2), (2, 4)), span_relation((1, 2), (0, 4)), span_relation((0, 3), (2, 5))
    ('disjoint', 'inside', 'cross')
    """
    if a[1] <= b[0] or b[1] <= a[0]:
        return "disjoint"
    if a == b:
        return "same"
    if b[0] <= a[0] and a[1] <= b[1]:
        return "inside"
    if a[0] <= b[0] and b[1] <= a[1]:
        return "holds"
    return "cross"
