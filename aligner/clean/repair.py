"""Repair the damage PDF extraction does inside a paragraph.

Each repair is a small regular-expression edit on a :class:`~aligner.clean.traced.Traced`,
so every character keeps its source offset. Nothing is invented: repairs only remove
spaces, Markdown emphasis and stray characters, or join pieces of one word.
"""

from __future__ import annotations

import re

from aligner.clean.lexicon import Lexicon
from aligner.clean.traced import Traced

_SPACES = "[ \t\u00a0\u202f]"
_LETTER = r"[^\W\d_]"
#: French elided words: ``l ’ONU`` is ``l’ONU``.
_ELISION = re.compile(
    rf"(?<!{_LETTER})((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu))"
    rf"(?:{_SPACES}+([’'])|([’']){_SPACES}+)(?={_LETTER})",
    re.IGNORECASE,
)
#: English clitics: ``Nations ' s`` is ``Nations’s``, ``don ' t`` is ``don't``.
_CLITIC = re.compile(
    rf"({_LETTER})(?:{_SPACES}+([’'])({_SPACES}*)|([’']){_SPACES}+)(s|t|re|ve|ll|d|m)\b"
)
#: ``ci -jointe``, ``pourrait -il``: a space before a word-internal hyphen.
_HYPHEN = re.compile(rf"(?<={_LETTER}){_SPACES}+-(?={_LETTER})")
#: ``1 er janvier``: a superscript ordinal set apart by the extraction.
_ORDINAL = re.compile(rf"(?<![\d,.]\d)(?<=\b1){_SPACES}(ers?|res?)\b")
_BEFORE_STOP = re.compile(rf"(?<=\S){_SPACES}+([.,](?!\d))(?=\s|$|[»”)\]])")
_BEFORE_CLOSE = re.compile(rf"(?<=\S){_SPACES}+([)\]])")
_AFTER_OPEN = re.compile(rf"([(\[]){_SPACES}+(?=\S)")
_OPEN_GUILLEMET = re.compile(rf"«{_SPACES}*(?=\S)")
_CLOSE_GUILLEMET = re.compile(rf"(?<=\S){_SPACES}*»")
_EN_PUNCT = re.compile(rf"(?<=[^\W_]){_SPACES}+([;:!?])")
_MANY_SPACES = re.compile(r"\t|[ \t\u00a0\u202f]{2,}")
#: Invisible characters: soft hyphen, zero-width space and joiners, byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
#: Typographic ligatures that PDF extraction leaves in words (``conﬂits``).
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_LIGATURE = re.compile("[" + "".join(_LIGATURES) + "]")
_EMPHASIS = re.compile(r"\*\*")
_WORD = re.compile(rf"{_LETTER}+")


def repair(text: Traced, lang: str, lexicon: Lexicon) -> Traced:
    """All the repairs, in a fixed order.

    >>> from aligner.clean.lexicon import Lexicon
    >>> lex = Lexicon("", base=frozenset({"conflits", "relations", "lits"}))
    >>> repair(Traced.from_source("les conf lits armés . l ’ONU , ci -jointe", 0, 41), "fr", lex).text
    'les conflits armés. l’ONU, ci-jointe'
    """
    text = text.sub(_EMPHASIS, "")
    text = text.sub(_INVISIBLE, "")
    text = text.sub(_LIGATURE, lambda m: _LIGATURES[m.group(0)])
    text = text.sub(_MANY_SPACES, " ")
    text = text.sub(_ELISION, lambda m: m.group(1) + (m.group(2) or m.group(3)))
    if lang == "en":
        text = text.sub(_CLITIC, lambda m: m.group(1) + (m.group(2) or m.group(4)) + m.group(5))
    text = text.sub(_HYPHEN, "-")
    if lang == "fr":
        text = text.sub(_ORDINAL, r"\1")
    text = join_split_words(text, lexicon)
    text = text.sub(_BEFORE_STOP, r"\1")
    text = text.sub(_BEFORE_CLOSE, r"\1")
    text = text.sub(_AFTER_OPEN, r"\1")
    text = text.sub(_OPEN_GUILLEMET, "« ")
    text = text.sub(_CLOSE_GUILLEMET, " »")
    if lang == "en":
        text = text.sub(_EN_PUNCT, r"\1")
    return text.strip()


def join_split_words(text: Traced, lexicon: Lexicon) -> Traced:
    """Join ``conf lits`` into ``conflits`` when the lexicon says so (see
    :meth:`Lexicon.should_join`), in one pass over the words.

    >>> lex = Lexicon("", base=frozenset({"relations", "re", "conflits", "les"}))
    >>> t = join_split_words(Traced.from_source("aux re lations, les conf lits", 0, 29), lex)
    >>> t.text, t.offsets[4:7]  # "r", "e", then "l" from offset 7: the space is gone
    ('aux relations, les conflits', [4, 5, 7])
    """
    spaces: list[int] = []  # positions of the spaces to delete
    left = None
    previous = None
    for match in _WORD.finditer(text.text):
        word = match.group(0)
        adjacent = previous is not None and previous.end() + 1 == match.start()
        if adjacent and text.text[previous.end()] == " " and lexicon.should_join(left, word):
            spaces.append(previous.end())
            left += word
        else:
            left = word
        previous = match
    if not spaces:
        return text
    drop = set(spaces)
    keep = [i for i in range(len(text.text)) if i not in drop]
    return Traced("".join(text.text[i] for i in keep), [text.offsets[i] for i in keep])
