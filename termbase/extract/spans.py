"""English candidate spans of a sentence: the phrases an aligned French term may translate.

A span is a run of up to :data:`MAX_WORDS` words that does not cross punctuation and neither
starts nor ends with an English function word (*peacekeeping*, *Member States*,
*confidence-building measures*, *maintenance of international peace and security*). Its key
is folded, with the plural mark of its last word removed, so that *Member State* and *Member
States* are counted together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termbase.extract.text import bounded_runs, fold, wordset

FUNCTION_WORDS = wordset(
    "a an the of in on at to for from by with and or as is are was were be been being has have "
    "had do does did not no this that these those it its their his her our your my we they he "
    "she you i which who whom whose what when where while also such than then there here into "
    "through over under between among within without about against during before after upon "
    "all any each both other others some more most many much very can could may might shall "
    "should will would must including well only so if but however thus us them him"
)
#: Function words allowed inside a span (``maintenance of international peace and security``).
INNER_WORDS = wordset("of and for in on the to against with")
MAX_WORDS = 8
_WORD = re.compile(r"[^\W_](?:[\w\-’']*\w)?")
_BREAK = re.compile(r"[,;:.!?()\"“”\[\]/–—•]")


@dataclass
class Span:
    """One English span: its key, text and character offsets in the sentence."""

    key: str
    text: str
    start: int
    end: int
    #: Number of content words.
    content: int


def span_key(text: str) -> str:
    """Folded, possessive and plural of the last word removed, hyphens read as spaces
    (*Deputy Secretary-General* and *Deputy Secretary General* are one span).

    >>> span_key("Member States") == span_key("member state"), span_key("the Charter's")
    (True, 'the charter')
    >>> span_key("Confidence Building Measures") == span_key("confidence-building measures")
    True
    >>> span_key("Peacekeeping Operations"), span_key("progress"), span_key("crisis")
    ('peacekeeping operation', 'progress', 'crisis')
    """
    words = re.sub(r"(?<=\w)[-‐](?=\w)", " ", fold(text).replace("’", "'")).split()
    if words:
        last = re.sub(r"'s?$", "", words[-1])
        if len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us", "is")):
            last = last[:-1]
        words[-1] = last
    return " ".join(words)


def _is_function(word: str) -> bool:
    return fold(word) in FUNCTION_WORDS


def sentence_spans(sentence: str, max_words: int = MAX_WORDS) -> list[Span]:
    """Every candidate span of an English sentence.

    >>> [s.text for s in sentence_spans("the Member States, and peace")]
    ['Member', 'Member States', 'States', 'peace']
    """
    tokens: list[tuple[str, int, int]] = []
    for m in re.finditer(r"\S+", sentence):
        chunk, base = m.group(), m.start()
        for w in _WORD.finditer(chunk):
            if _BREAK.search(chunk[:w.start()]) and tokens and tokens[-1][0] != "|":
                tokens.append(("|", 0, 0))
            tokens.append((w.group(), base + w.start(), base + w.end()))
        if _BREAK.search(chunk):
            tokens.append(("|", 0, 0))
    out = []
    words = [t[0] for t in tokens]
    for i, j, content in bounded_runs(words, _is_function,
                                      lambda w: fold(w) in INNER_WORDS, max_words):
        text = sentence[tokens[i][1]:tokens[j][2]]
        out.append(Span(span_key(text), text, tokens[i][1], tokens[j][2], content))
    return out
