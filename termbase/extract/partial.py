"""Links that translate only part of a phrase (issue 11: a wrong first answer is worse than
none).

The association links a French candidate to an English span of the same pair, but either
side may be cut from a longer phrase that the other side translates whole:

- the **English is cut**: a content word of the French term has no rendering in the English
  span, but one just next to it (*mesures d'austérité* / *austerity* in *austerity
  measures*; *embargo sur les armes* / *embargo* in *arms embargo*);
- the **French is cut**: a French content word just next to the term is rendered inside the
  English span, and no word of the term renders it (*Pacte international relatif aux droits
  civils* [*et politiques*] / *International Covenant on Civil and Political Rights*;
  *Émirats arabes* [*unis*] / *United Arab Emirates*).

"Just next to" skips up to two function words; a rendering is a word match
(:func:`termbase.extract.explain.word_lexicon`: one-word links of the same corpus, or a
cognate). An English compound that renders a French head and its modifier in one word
(*espace aérien* / *airspace*, *lignes directrices* / *guidelines*) is not cut: the missing
word's rendering must be written beside the span. A link is dropped when most of its
evidence pairs are cut (:func:`whole_links`). Nothing here reads files or SQL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from termbase.extract.explain import cognate, word_lexicon
from termbase.extract.spans import FUNCTION_WORDS as EN_FUNCTION
from termbase.extract.terms_fr import FUNCTION_WORDS as FR_FUNCTION
from termbase.extract.text import fold

_WORD = re.compile(r"[^\W\d_]+")
#: Function words skipped between a span and the word beside it.
MAX_SKIP = 2
#: Links of more one-word links than this teach the word matcher (the strong ones).
STRONG = 2

Match = Callable[[str, str], bool]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Folded words with offsets; other punctuation than a hyphen or an apostrophe gives a
    ``|`` token (a phrase does not reach over it).

    >>> [w for w, _, _ in _tokens("l'embargo (sur) les armes")]
    ['l', 'embargo', '|', 'sur', '|', 'les', 'armes']
    """
    out: list[tuple[str, int, int]] = []
    last = 0
    for m in _WORD.finditer(text):
        if out and re.search(r"[^\s\-'’]", text[last:m.start()]):
            out.append(("|", last, m.start()))
        out.append((fold(m.group()), m.start(), m.end()))
        last = m.end()
    return out


def _fr_content(w: str) -> bool:
    return len(w) > 1 and w != "|" and w not in FR_FUNCTION and w not in EN_FUNCTION


def _en_content(w: str) -> bool:
    return len(w) > 1 and w != "|" and w not in EN_FUNCTION


def _beside(tokens: list[tuple[str, int, int]], first: int, last: int, content) -> list[str]:
    """The content words just before token ``first`` and just after token ``last``,
    over up to :data:`MAX_SKIP` function words, not over punctuation."""
    out = []
    for start, step in ((first - 1, -1), (last + 1, 1)):
        k, skipped = start, 0
        while 0 <= k < len(tokens) and skipped <= MAX_SKIP and tokens[k][0] != "|":
            if content(tokens[k][0]):
                out.append(tokens[k][0])
                break
            k, skipped = k + step, skipped + 1
    return out


def _inside(tokens: list[tuple[str, int, int]], span: tuple[int, int]) -> list[int]:
    return [i for i, (w, s, e) in enumerate(tokens) if s >= span[0] and e <= span[1] and w != "|"]


def cut(fr: str, fr_span: tuple[int, int], en: str, en_span: tuple[int, int],
        match: Match) -> str:
    """How the link of ``fr[fr_span]`` to ``en[en_span]`` is cut (``"en:WORD"``: the
    English lacks the rendering of the French WORD, written beside it; ``"fr:WORD"``: the
    English renders the French WORD beside the term), or "" when it is whole.

    >>> m = lambda f, e: (f, e) in {("mesures", "measures"), ("armes", "arms"),
    ...                             ("unis", "united"), ("arabes", "arab")} or cognate(f, e)
    >>> cut("Les mesures d'austérité.", (4, 23), "Austerity measures.", (0, 9), m)
    'en:mesures'
    >>> cut("Les Émirats arabes unis.", (4, 18), "The United Arab Emirates.", (4, 24), m)
    'fr:unis'
    >>> cut("L'espace aérien libanais.", (2, 15), "Lebanese airspace.", (9, 17), m)
    ''
    """
    ft, et = _tokens(fr), _tokens(en)
    fa, ea = _inside(ft, fr_span), _inside(et, en_span)
    if not fa or not ea:
        return ""
    words = [ft[i][0] for i in fa if _fr_content(ft[i][0])]
    english = [et[i][0] for i in ea if _en_content(et[i][0])]

    def rendered(f: str, among) -> bool:
        return any(match(f, e) or cognate(f, e) for e in among)

    beside_en = _beside(et, ea[0], ea[-1], _en_content)
    for w in words:
        if not rendered(w, english) and rendered(w, beside_en):
            return f"en:{w}"
    for v in _beside(ft, fa[0], fa[-1], _fr_content):
        for e in english:
            if match(v, e) and not any(match(w, e) or cognate(w, e) for w in words):
                return f"fr:{v}"
    return ""


def link_matcher(links: Sequence) -> Match:
    """The word matcher of a corpus's links: its strong one-word links and cognates
    (:func:`termbase.extract.explain.word_lexicon`)."""
    return word_lexicon([(link.fr_key, link.en_key) for link in links if link.links > STRONG])


def whole_links(links: list, fr_sentences: Sequence[str], en_sentences: Sequence[str],
                match: Match | None = None) -> list:
    """The ``links`` (:class:`termbase.extract.association.TermLink`) of which at most half
    the evidence pairs are cut (:func:`cut`); ``fr_sentences[i]`` and ``en_sentences[i]``
    are the sides of pair *i* of the evidence."""
    match = link_matcher(links) if match is None else match
    out = []
    for link in links:
        cuts = sum(bool(cut(fr_sentences[ev.pair], ev.fr, en_sentences[ev.pair], ev.en, match))
                   for ev in link.evidence)
        if not link.evidence or 2 * cuts <= len(link.evidence):
            out.append(link)
    return out
