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
word's rendering must be written beside the span.

A cut link is **repaired** where the evidence shows the whole phrase (:func:`repair`): the
English span is extended over the function words to the rendering written beside it
(*Beijing Platform for Action*), the French span to the French word that the English renders
(*maintien de la paix et de la sécurité internationales*), again until whole (at most
:data:`MAX_REPAIRS` steps). In the checks the cut link was the longest match covering a
shorter key term of the same pair, so dropping it would leave that term "not rendered"; the
repaired link covers it, right. A link most of whose evidence pairs are cut becomes the
repaired link of its pairs' majority repair (joining a link of the same keys), or is dropped
when they cannot be repaired alike (:func:`repaired_links`). Nothing here reads files or SQL.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

import ahocorasick

from termbase.extract.compose import phrase_tokens
from termbase.extract.explain import cognate, word_lexicon
from termbase.extract.spans import FUNCTION_WORDS as EN_FUNCTION
from termbase.extract.spans import span_key
from termbase.extract.terms_fr import FUNCTION_WORDS as FR_FUNCTION
from termbase.extract.terms_fr import term_key

_WORD = re.compile(r"[^\W\d_]+")
#: Function words skipped between a span and the word beside it.
MAX_SKIP = 2
#: Links of more one-word links than this teach the word matcher (the strong ones).
STRONG = 2
#: Extensions tried before a cut pair is given up as not repairable.
MAX_REPAIRS = 3
#: Pairs a repair needs (as a link needs, termbase.extract.association.link_terms).
MIN_LINKS = 2

Match = Callable[[str, str], bool]


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Folded words (letters only) with offsets; other punctuation than a hyphen or an
    apostrophe, and digits, give a ``|`` token (a phrase does not reach over it).

    >>> [w for w, _, _ in _tokens("l'embargo (sur) les armes")]
    ['l', 'embargo', '|', 'sur', '|', 'les', 'armes']
    """
    return phrase_tokens(text, _WORD)


def _fr_content(w: str) -> bool:
    return len(w) > 1 and w != "|" and w not in FR_FUNCTION and w not in EN_FUNCTION


def _en_content(w: str) -> bool:
    return len(w) > 1 and w != "|" and w not in EN_FUNCTION


def _beside_at(tokens: list[tuple[str, int, int]], first: int, last: int,
               content) -> list[int]:
    """The indices of the content words just before token ``first`` and just after token
    ``last``, over up to :data:`MAX_SKIP` function words, not over punctuation."""
    out = []
    for start, step in ((first - 1, -1), (last + 1, 1)):
        k, skipped = start, 0
        while 0 <= k < len(tokens) and skipped <= MAX_SKIP and tokens[k][0] != "|":
            if content(tokens[k][0]):
                out.append(k)
                break
            k, skipped = k + step, skipped + 1
    return out


def _beside(tokens: list[tuple[str, int, int]], first: int, last: int, content) -> list[str]:
    return [tokens[k][0] for k in _beside_at(tokens, first, last, content)]


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


def _extend(text: str, tokens: list[tuple[str, int, int]], span: tuple[int, int], k: int
            ) -> tuple[int, int]:
    """``span`` reaching over to token ``k`` (before or after it) and over the rest of a
    hyphenated word (*plans-cadres*, *Chypre-Nord*).

    >>> text = "les plans-cadres des Nations Unies"
    >>> _extend(text, _tokens(text), (17, 34), 2)
    (4, 34)
    """
    start, end = min(span[0], tokens[k][1]), max(span[1], tokens[k][2])
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i][1] == start and text[tokens[i - 1][2]:start] in ("-", "‐"):
            start = tokens[i - 1][1]
    for i in range(len(tokens) - 1):
        if tokens[i][2] == end and text[end:tokens[i + 1][1]] in ("-", "‐"):
            end = tokens[i + 1][2]
    return start, end


def repair(fr: str, fr_span: tuple[int, int], en: str, en_span: tuple[int, int],
           match: Match) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of the whole phrase of a pair :func:`cut` finds cut (``en:WORD``: the
    English span reaches over to WORD's rendering beside it; ``fr:WORD``: the French span
    over to WORD), repeated until whole; None when the phrase is not whole after
    :data:`MAX_REPAIRS` steps. A whole pair is returned as it is.

    >>> m = lambda f, e: (f, e) in {("armes", "arms"), ("unis", "united"),
    ...                             ("arabes", "arab"), ("programme", "platform")}
    >>> fr, en = "L'embargo sur les armes.", "The arms embargo."
    >>> f, e = repair(fr, (2, 23), en, (9, 16), m); fr[f[0]:f[1]], en[e[0]:e[1]]
    ('embargo sur les armes', 'arms embargo')
    >>> fr, en = "Les Émirats arabes unis.", "The United Arab Emirates."
    >>> f, e = repair(fr, (4, 18), en, (4, 24), m); fr[f[0]:f[1]], en[e[0]:e[1]]
    ('Émirats arabes unis', 'United Arab Emirates')
    >>> fr, en = "Le Programme d'action de Beijing.", "The Beijing Platform for Action."
    >>> f, e = repair(fr, (3, 32), en, (12, 31), m); fr[f[0]:f[1]], en[e[0]:e[1]]
    ("Programme d'action de Beijing", 'Beijing Platform for Action')
    >>> repair("Les mesures d'austérité.", (4, 23), "Austerity, measures.", (0, 9), m)
    ((4, 23), (0, 9))
    """
    ft, et = _tokens(fr), _tokens(en)
    for _ in range(MAX_REPAIRS + 1):
        how = cut(fr, fr_span, en, en_span, match)
        if not how:
            return fr_span, en_span
        side, word = how.split(":", 1)
        if side == "en":
            ea = _inside(et, en_span)
            reach = [k for k in _beside_at(et, ea[0], ea[-1], _en_content)
                     if match(word, et[k][0]) or cognate(word, et[k][0])]
            en_span = _extend(en, et, en_span, reach[0])
        else:
            fa = _inside(ft, fr_span)
            reach = [k for k in _beside_at(ft, fa[0], fa[-1], _fr_content) if ft[k][0] == word]
            fr_span = _extend(fr, ft, fr_span, reach[0])
    return None


def _cut_share(link, fr_sentences, en_sentences, match) -> bool:
    cuts = sum(bool(cut(fr_sentences[ev.pair], ev.fr, en_sentences[ev.pair], ev.en, match))
               for ev in link.evidence)
    return bool(link.evidence) and 2 * cuts > len(link.evidence)


def _find(text: str, forms: Sequence[str]) -> tuple[int, int] | None:
    """The first occurrence of the longest of ``forms`` found in ``text`` as whole words
    (the first part of a hyphenated word is one: a cut form may end at a hyphen; the
    last part is not, *non-prolifération* holds no *prolifération*).

    >>> _find("Les plans-cadres et le cadre.", ["cadre", "plans-cadres"])
    (4, 16)
    >>> _find("Des partenariats public-privé.", ["partenariats public"])
    (4, 23)
    >>> _find("Les cadres.", ["cadre"]), _find("la non-prolifération", ["prolifération"])
    (None, None)
    """
    for form in sorted(forms, key=len, reverse=True):
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if not (at and (text[at - 1].isalnum() or text[at - 1] in "-‐")
                    or end < len(text) and text[end].isalnum()):
                return at, end
            at = text.find(form, at + 1)
    return None


def _holding(links: Sequence, sentences: Sequence[str]) -> list[list[int]]:
    """For each of ``links``, the sentences that hold one of its French forms (as a
    substring: :func:`_find` reads the words), in order; one pass over the sentences with an
    Aho–Corasick automaton of every form, so the work grows with the text, not with the text
    times the links."""
    automaton = ahocorasick.Automaton()
    for n, link in enumerate(links):
        for form in link.fr_forms:
            if form:
                if form not in automaton:
                    automaton.add_word(form, set())
                automaton.get(form).add(n)
    held: list[list[int]] = [[] for _ in links]
    if not len(automaton):
        return held
    automaton.make_automaton()
    for i, text in enumerate(sentences):
        found = set()
        for _end, owners in automaton.iter(text):
            found |= owners
        for n in found:
            held[n].append(i)
    return held


def _uses(link, fr_sentences, en_sentences, holding: Sequence[int]) -> list:
    """The pairs where ``link`` may have been made: its evidence pairs, then every pair
    holding one of its French forms and one of its English forms (the first of each);
    ``holding``: the pairs whose French holds one of its forms (:func:`_holding`)."""
    from termbase.extract.association import TermEvidence

    out = list(link.evidence)
    seen = {ev.pair for ev in out}
    fr_forms, en_forms = list(link.fr_forms), list(link.en_forms)
    for i in holding:
        if i in seen:
            continue
        f = _find(fr_sentences[i], fr_forms)
        e = _find(en_sentences[i], en_forms) if f else None
        if e:
            out.append(TermEvidence(i, f, e))
    return out


def repaired_links(links: list, fr_sentences: Sequence[str], en_sentences: Sequence[str],
                   match: Match | None = None, max_evidence: int = 3
                   ) -> tuple[list, list, list]:
    """``(links, repaired, dropped)``: the ``links``
    (:class:`termbase.extract.association.TermLink`) with each link most of whose evidence
    pairs are cut (:func:`cut`) replaced by its repair, or left out when it has none;
    ``repaired`` lists the repairs as ``(cut link, repaired link)``, ``dropped`` the links
    left out (no repair made in :data:`MIN_LINKS` pairs, or in as many as the cut link's).

    The cut link is repaired in every pair where it may have been made (its evidence, and
    the pairs holding its French and English forms): the pairs cut in the same way give
    one repaired link, of the pair of keys the most pairs repair to (:func:`repair`; the
    parts of a hyphenated French word read as words, *plans-cadres* and *plan-cadre*), with
    those pairs as evidence (repaired spans; ``max_evidence`` kept) and their surface
    forms; it keeps the counts of the cut link (the checks trust it as they trusted the
    cut link: its pairs are the same, read whole). A repair whose keys are those of another link (a whole
    one, or another repair) joins it: evidence and forms added, the higher counts kept.
    Links keep their order; a repair takes the place of its cut link unless it joins an
    earlier one.
    """
    from termbase.extract.association import TermEvidence, TermLink

    match = link_matcher(links) if match is None else match
    out: list = []
    by_keys: dict[tuple[str, str], int] = {}
    repaired, dropped = [], []
    if len(fr_sentences) != len(en_sentences):
        raise ValueError("the French and English sentences of the pairs differ in number")
    is_cut = [_cut_share(link, fr_sentences, en_sentences, match) for link in links]
    held = iter(_holding([link for link, c in zip(links, is_cut, strict=True) if c], fr_sentences))
    for link, link_cut in zip(links, is_cut, strict=True):
        if not link_cut:
            by_keys.setdefault((link.fr_key, link.en_key), len(out))
            out.append(link)
            continue
        out.append(None)  # the place of the cut link
        fixes: dict[tuple[str, str], list] = {}
        whole = Counter()  # the English forms of the uses that are whole as they are
        for ev in _uses(link, fr_sentences, en_sentences, next(held)):
            fr, en = fr_sentences[ev.pair], en_sentences[ev.pair]
            spans = repair(fr, ev.fr, en, ev.en, match)
            if spans == (ev.fr, ev.en):
                whole[en[ev.en[0]:ev.en[1]]] += 1
            if spans is not None and spans != (ev.fr, ev.en):
                f, e = spans
                # grouped with the parts of a hyphenated word as words (plans-cadres)
                group = (term_key(fr[f[0]:f[1]].replace("-", " ")), span_key(en[e[0]:e[1]]))
                fixes.setdefault(group, []).append(TermEvidence(ev.pair, f, e))
        best = max(fixes.values(), key=len, default=None)
        if best is None or len(best) < min(MIN_LINKS, link.links):
            dropped.append(link)
            continue
        evidence = best
        fr_forms = Counter(fr_sentences[e.pair][e.fr[0]:e.fr[1]] for e in evidence)
        en_forms = Counter(en_sentences[e.pair][e.en[0]:e.en[1]] for e in evidence)
        keys = (term_key(fr_forms.most_common(1)[0][0]), span_key(en_forms.most_common(1)[0][0]))
        if keys[0] == link.fr_key and whole.total() < len(evidence):
            # the English alone was cut: where the pair writes the rest of the phrase
            # apart (the Beijing Declaration and Platform for Action), the English as
            # linked is a variant (never the preferred form)
            en_forms.update(whole)
        new = TermLink(keys[0], keys[1], fr_forms, en_forms, link.links, link.count_fr,
                       link.count_en, link.joint, link.dice, link.capitalised,
                       evidence[:max_evidence])
        repaired.append((link, new))
        if keys in by_keys:
            _join(out[by_keys[keys]], new)
        else:
            by_keys[keys] = len(out) - 1
            out[-1] = new
    return [link for link in out if link is not None], repaired, dropped


def _join(link, other) -> None:
    """Add the evidence and forms of ``other`` (same keys) to ``link``."""
    seen = {(ev.pair, ev.fr, ev.en) for ev in link.evidence}
    link.evidence += [ev for ev in other.evidence if (ev.pair, ev.fr, ev.en) not in seen]
    link.fr_forms.update(other.fr_forms)
    link.en_forms.update(other.en_forms)
    for name in ("links", "count_fr", "count_en", "joint", "dice"):
        setattr(link, name, max(getattr(link, name), getattr(other, name)))
