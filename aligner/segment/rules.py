"""Rules that correct Punkt's sentence breaks on UN text.

Punkt proposes breaks; these rules move a break past closing quotes and brackets, and veto
the breaks that UN typography makes wrong: inside a document symbol, after a paragraph
marker (``12.``, ``a)``) or an initial (``V. Churkin``), before a lower-case word, and inside
a quotation that does not end the sentence.
"""

from __future__ import annotations

import re

#: A United Nations document symbol: ``S/2015/446-A/70/95``, ``E/CN.6/2015/L.1``.
SYMBOL = re.compile(r"\b[A-Z]{1,6}(?:\.\d+)?/[A-Za-z0-9]+(?:[./\-][A-Za-z0-9]+)*")

#: A paragraph marker at the start of a paragraph: ``12.``, ``3.2``, ``IV.``, ``a)``, ``(b)``, ``-``.
MARKER = re.compile(
    r"\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.|[A-Z]\.|\(?[a-z]{1,4}\)|\(\d{1,3}\)|[-–•*])(?=\s)"
)

#: A would-be sentence that is only a marker (``44.`` after a break inside a paragraph).
MARKER_ONLY = re.compile(r"\s*(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.|\(?[a-z]{1,4}\)|\(\d{1,3}\))")

#: An initial before a name (``V. Churkin``, ``J.-M. Dupont``); ``I.`` is left out (a Roman one).
INITIAL = re.compile(r"(?:^|[\s(«“])(?:[A-HJ-Z]|[A-Z]\.-[A-Z]|[A-Z][a-z]?\.[A-Z])\.$")

#: Words after which a single capital letter is a label (``annexe B.``), not an initial.
LABEL_NOUNS = frozenset({
    "annexe", "annex", "appendice", "appendix", "article", "catégorie", "category", "chapitre",
    "chapter", "classe", "class", "figure", "groupe", "group", "option", "partie", "part",
    "phase", "point", "section", "secteur", "sector", "tableau", "table", "titre", "title",
    "type", "volume", "zone",
})

OPENING_QUOTES = {"«": "»", "“": "”"}
#: Characters that belong to the sentence before a break when they follow its final period.
CLOSING = "»”’\"')]}"
SENTENCE_END = ".!?…"


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that no sentence break may fall inside (document symbols).

    >>> t = "Voir S/2015/446-A/70/95 et E/CN.6/2015/L.1."
    >>> [t[a:b] for a, b in protected_spans(t)]
    ['S/2015/446-A/70/95', 'E/CN.6/2015/L.1']
    """
    return [m.span() for m in SYMBOL.finditer(text)]


def marker_end(text: str) -> int:
    """End of the paragraph marker at the start of ``text`` (0 when there is none).

    >>> marker_end("12. Le Conseil"), marker_end("a) Renforcer"), marker_end("Le Conseil")
    (3, 2, 0)
    """
    match = MARKER.match(text)
    return match.end() if match else 0


def quotations(text: str) -> list[tuple[int, int]]:
    """``(open, close)`` indices of the balanced « » and “ ” quotations of ``text``.

    >>> quotations("Il a dit « oui » puis “no”, « non")
    [(9, 15), (22, 25)]
    """
    pairs = []
    stack: list[tuple[str, int]] = []
    for i, char in enumerate(text):
        if char in OPENING_QUOTES:
            stack.append((OPENING_QUOTES[char], i))
        elif stack and char == stack[-1][0]:
            pairs.append((stack.pop()[1], i))
        elif char in "»”" and any(close == char for close, _ in stack):
            while stack and stack[-1][0] != char:
                stack.pop()
            pairs.append((stack.pop()[1], i))
    return sorted(pairs)


def quote_ends_sentence(text: str, open_: int, close: int) -> bool:
    """Whether the quotation ``text[open_:close + 1]`` ends its sentence.

    It does when nothing follows it, when a final stop follows it (``« ... ».``), or when it
    ends with its own stop and a capitalised word follows (``« ... . » Puis``).
    """
    rest = text[close + 1 :].lstrip()
    if not rest or rest[0] in SENTENCE_END:
        return True
    inner = text[open_ + 1 : close].rstrip()
    return bool(inner) and inner[-1] in SENTENCE_END and (rest[0].isupper() or rest[0] in "«“(")


def opens_mid_sentence(text: str, open_: int) -> bool:
    """Whether the quotation opening at ``open_`` starts inside a sentence (after ``dit :``).

    >>> opens_mid_sentence("Il a dit : « Oui. »", 11), opens_mid_sentence("Fin. « Oui. »", 5)
    (True, False)
    """
    before = text[:open_].rstrip()
    return bool(before) and before[-1] not in SENTENCE_END + CLOSING


def realign(text: str, pos: int) -> int:
    """Move a break at ``pos`` past the closing quotes and brackets that end the sentence.

    >>> t = "Il dit « non. » Puis il part."
    >>> t[realign(t, 14):]
    'Puis il part.'
    """
    n = len(text)
    while pos < n and text[pos] in CLOSING:
        pos += 1
        while pos < n and text[pos].isspace():
            pos += 1
    return pos


def sentence_end(text: str, pos: int) -> int:
    """Index just after the last non-space character before ``pos``."""
    end = pos
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def word_before(text: str, end: int) -> str:
    """The lower-case Punkt type of the word ending at ``end``, without elided article.

    >>> t = "selon l’art. 5"
    >>> word_before(t, 12)
    'art'
    """
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:end].lstrip("([«“\"'")
    for apostrophe in "’'":
        word = word.rsplit(apostrophe, 1)[-1]
    return word.rstrip(".").lower()


_ABBREVIATION_BEFORE_CAPITAL = re.compile(r"(?<!\S)(\S+)\.\s+(?=[^\W\d_])")


def is_label(text: str, end: int) -> bool:
    """Whether the capital letter ending at ``end`` labels a noun (``figure V.``, ``annex B.``).

    >>> is_label("comme l’indique la figure V.", 28), is_label("(Signé) V.", 10)
    (True, False)
    """
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return word_before(text, max(0, start - 1)) in LABEL_NOUNS


def final_abbreviation_breaks(text: str, final: frozenset[str]) -> set[int]:
    """Breaks after an abbreviation that often ends a sentence, before a capitalised word.

    Punkt keeps ``3 p.m. The`` together because ``p.m.`` is an abbreviation.

    >>> t = "At 3 p.m. The meeting, at 10 a.m. (local time), ended."
    >>> sorted(final_abbreviation_breaks(t, frozenset({"a.m", "p.m"})))
    [10]
    """
    breaks = set()
    for match in _ABBREVIATION_BEFORE_CAPITAL.finditer(text):
        if text[match.end()].isupper() and word_before(text, match.end(1) + 1) in final:
            breaks.add(match.end())
    return breaks


def label_breaks(text: str) -> set[int]:
    """Breaks after a labelled capital letter (``la figure V. Il``), which Punkt takes for an
    initial.

    >>> t = "Voir la figure V. Il y a l’annexe B. Ambassador V. Churkin."
    >>> sorted(label_breaks(t))
    [18, 37]
    """
    breaks = set()
    for match in _ABBREVIATION_BEFORE_CAPITAL.finditer(text):
        word = match.group(1)
        if (len(word) <= 4 and word.isupper() and text[match.end()].isupper()
                and is_label(text, match.end(1) + 1)):
            breaks.add(match.end())
    return breaks


class BreakFilter:
    """Decides, for one text, which of Punkt's proposed breaks to keep."""

    def __init__(self, text: str, bound: frozenset[str] = frozenset()):
        self.text = text
        self.bound = bound
        self.marker = marker_end(text)
        # blocked[i] is set when a sentence may not end at offset i (linear in the text)
        self.blocked = bytearray(len(text) + 1)
        for a, b in protected_spans(text):
            self.blocked[a + 1:b] = b"\x01" * (b - a - 1)
        for a, b in quotations(text):
            if opens_mid_sentence(text, a) or not quote_ends_sentence(text, a, b):
                self.blocked[a + 1:b + 1] = b"\x01" * (b - a)

    def keep(self, pos: int, last: int = 0) -> bool:
        """Whether a sentence may start at ``pos`` (after the whitespace of the break), the
        sentence before it having started at ``last``."""
        text = self.text
        if pos >= len(text) or not (text[pos].isupper() or text[pos].isdigit()
                                    or text[pos] in "«“\"'(["):
            return False
        end = sentence_end(text, pos)
        if end <= self.marker or MARKER_ONLY.fullmatch(text, last, end):
            return False
        if (INITIAL.search(text, max(0, end - 8), end) and text[pos].isupper()
                and not is_label(text, end)):
            return False
        if text[end - 1] == "." and word_before(text, end) in self.bound:
            return False
        return not self.blocked[end]
