"""Folding of terms for matching: accents, case, apostrophes, hyphens, spaces, articles.

The same folding is applied to stored terms (the ``term.folded`` column) and to queries, so
``Communaute economique des Etats de l'Afrique centrale`` finds the official spelling.
"""

from __future__ import annotations

import re
import unicodedata

#: Apostrophe look-alikes found in UN documents and PDFs.
_APOSTROPHES = "\u2019\u2018\u02bc\u02b9\u0060\u00b4\u2032\uff07"
#: Hyphen and dash look-alikes; folded to a space so ``Guinée-Bissau`` = ``Guinée Bissau``.
_HYPHENS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
_TRANSLATE = str.maketrans(
    {**{c: "'" for c in _APOSTROPHES}, **{c: " " for c in _HYPHENS}, "œ": "oe", "æ": "ae", "Œ": "OE", "Æ": "AE"}
)
_SPACES = re.compile(r"\s+")
_APOSTROPHE_SPACE = re.compile(r"'\s+")
#: Leading articles dropped from folded text (French elided or not, English ``the``).
_ARTICLE = re.compile(r"^(?:l'|d'|(?:le|la|les|the) )(?=\S)")


def strip_accents(text: str) -> str:
    """Remove combining marks (accents, cedillas) after canonical decomposition.

    >>> strip_accents("Communauté économique des États")
    'Communaute economique des Etats'
    >>> strip_accents("Côte d’Ivoire ç")
    'Cote d’Ivoire c'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def normalise_punctuation(text: str) -> str:
    """Unify apostrophes, turn hyphens into spaces, collapse white space (incl. NBSP).

    >>> normalise_punctuation("Côte d’Ivoire")
    "Côte d'Ivoire"
    >>> normalise_punctuation("Guinée\u2011Bissau\u00a0 ")
    'Guinée Bissau'
    >>> normalise_punctuation("l' Organisation")
    "l'Organisation"
    """
    text = text.translate(_TRANSLATE)
    text = _SPACES.sub(" ", text).strip()
    return _APOSTROPHE_SPACE.sub("'", text)


def strip_article(folded: str) -> str:
    """Drop one leading article (``l'``, ``d'``, ``le``, ``la``, ``les``, ``the``).

    The text must already be folded (lower case, normalised apostrophes). A lone article
    is kept, so the result is never empty when the input is not.

    >>> strip_article("l'organisation des nations unies")
    'organisation des nations unies'
    >>> strip_article("the united nations")
    'united nations'
    >>> strip_article("les")
    'les'
    >>> strip_article("lesotho")
    'lesotho'
    """
    return _ARTICLE.sub("", folded, count=1)


def fold(text: str) -> str:
    """Accent- and case-folded text with normalised punctuation (articles kept).

    >>> fold("  Organisation du Traité de sécurité collective ")
    'organisation du traite de securite collective'
    >>> fold("ŒUVRE")
    'oeuvre'
    """
    return strip_accents(normalise_punctuation(text)).casefold()


def fold_term(text: str) -> str:
    """The matching key of a term or a query: :func:`fold` then :func:`strip_article`.

    >>> fold_term("Communauté économique des États de l’Afrique centrale")
    "communaute economique des etats de l'afrique centrale"
    >>> fold_term("L'Organisation des Nations Unies") == fold_term("Organisation des Nations unies")
    True
    >>> fold_term("The Gambia")
    'gambia'
    """
    return strip_article(fold(text))


def trigrams(folded: str) -> list[str]:
    """Distinct character trigrams of a folded string, in order of first appearance.

    >>> trigrams("otsc")
    ['ots', 'tsc']
    >>> trigrams("ab")
    []
    """
    seen: dict[str, None] = {}
    for i in range(len(folded) - 2):
        seen.setdefault(folded[i : i + 3], None)
    return list(seen)
