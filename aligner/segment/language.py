"""A light French/English language check, from the frequency of function words."""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+")

#: Frequent function words of one language that are rare in the other (``a``, ``on``, ``en``
#: are left out: they are common in both).
STOPWORDS = {
    "fr": frozenset(
        ["le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui", "sur", "au", "aux", "par", "ne", "pas", "ce", "cette", "il", "elle", "ils", "nous", "sont", "été", "ont", "avec", "leur", "leurs", "ses", "ou", "mais", "entre", "selon"]
    ),
    "en": frozenset(
        ["the", "of", "and", "to", "in", "is", "that", "for", "with", "by", "are", "was", "be", "this", "it", "as", "an", "from", "has", "have", "which", "its", "their", "were", "been", "or", "not", "at", "shall", "should"]
    ),
}


def guess_language(text: str, min_words: int = 3) -> str | None:
    """``"fr"`` or ``"en"``, or ``None`` when the text is too short or too mixed to tell.

    >>> guess_language("Le Conseil de sécurité a adopté la résolution à l’unanimité.")
    'fr'
    >>> guess_language("The Security Council adopted the resolution by consensus and it was noted.")
    'en'
    >>> guess_language("S/2021/297") is None
    True
    """
    counts = {"fr": 0, "en": 0}
    for match in _WORD.finditer(text[:200_000]):
        word = match.group().lower()
        for lang, words in STOPWORDS.items():
            if word in words:
                counts[lang] += 1
    fr, en = counts["fr"], counts["en"]
    if fr + en < min_words:
        return None
    if fr >= 2 * en:
        return "fr"
    if en >= 2 * fr:
        return "en"
    return None


def language_warning(text: str, lang: str) -> str | None:
    """A one-line warning when ``text`` given as ``lang`` looks like the other language.

    >>> language_warning("The Council adopted the resolution and the statement of the President.", "fr")
    'the text was given as French (fr) but looks English (en)'
    >>> language_warning("The Council adopted the resolution and the statement of the President.", "en") is None
    True
    """
    guess = guess_language(text)
    if guess is None or guess == lang:
        return None
    names = {"fr": "French", "en": "English"}
    return f"the text was given as {names[lang]} ({lang}) but looks {names[guess]} ({guess})"
