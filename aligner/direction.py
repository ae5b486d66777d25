"""Which side of a French–English document pair is the original: ``"fr"`` or ``"en"``.

UN documents say so on their first page: ``Original : anglais`` (French version),
``Original: French`` (English version), ``ORIGINAL: ANGLAIS`` (older documents), often in
brackets for an annex (``[Original : anglais]``). :func:`detect_source` reads the first such
line of each document (the document's own, not an annex's); when neither names French or
English, French is the source (the historical default). A line only counts in a document
that the language guesser (:func:`aligner.segment.language.guess_language`) does not take
for the other language (an English annex quoted in a French file proves nothing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aligner.segment.language import guess_language

SOURCES = ("fr", "en")
#: How far into a document the ``Original`` line is looked for (the first page).
HEAD_CHARS = 6000

_ORIGINAL = re.compile(r"^[\s\[(]*original\s*:\s*([^\W\d_]+)", re.I | re.M)
_LANGUAGES = {
    "anglais": "en", "english": "en", "ingles": "en", "inglés": "en",
    "francais": "fr", "français": "fr", "french": "fr", "frances": "fr", "francés": "fr",
}  # fmt: skip


@dataclass(frozen=True)
class Direction:
    """The source language of a pair and why it was chosen (for messages)."""

    source: str
    reason: str

    @property
    def target(self) -> str:
        return "en" if self.source == "fr" else "fr"


def original_language(text: str) -> str | None:
    """The language named by the first ``Original`` line of ``text``: ``"fr"``, ``"en"``,
    ``"other"`` (Spanish, Russian…), or ``None`` when there is no such line.

    >>> original_language("S/2021/297\\nConseil de sécurité\\nOriginal : anglais\\n")
    'en'
    >>> original_language("A/75/345\\nORIGINAL: FRENCH")
    'fr'
    >>> original_language("Original: espagnol\\n...\\n[Original : anglais]")
    'other'
    >>> original_language("Le Conseil a adopté la résolution.") is None
    True
    """
    match = _ORIGINAL.search(text[:HEAD_CHARS])
    if match is None:
        return None
    return _LANGUAGES.get(match.group(1).lower(), "other")


def detect_source(fr_text: str, en_text: str) -> Direction:
    """The original side of a French document and its English counterpart.

    >>> detect_source("Original : anglais\\nLe Conseil...", "Original: English\\nThe Council").source
    'en'
    >>> detect_source("Le Conseil de sécurité a décidé.", "The Security Council decided.").reason
    'no Original line: French source by default'
    """
    for text, lang, side in ((fr_text, "fr", "French"), (en_text, "en", "English")):
        found = original_language(text)
        guess = guess_language(text[:HEAD_CHARS])
        if found in SOURCES and guess in (None, lang):
            return Direction(found, f"'Original' line of the {side} document")
    return Direction("fr", "no Original line: French source by default")


def check_source(source: str) -> str:
    """``source`` when it is ``fr`` or ``en``, else :class:`ValueError`.

    >>> check_source("EN")
    'en'
    """
    lowered = source.strip().lower()
    if lowered not in SOURCES:
        raise ValueError(f"unknown source language {source!r}: use fr or en")
    return lowered
