"""English equivalents of French term candidates over aligned sentence pairs.

For each French candidate key *f* and English span key *e* the pairs holding both are
counted; the association is the Dice coefficient ``2·c(f, e) / (c(f) + c(e))``. Only the
``TOP`` best English keys of each French key (with a length constraint: content words within
``±2``) compete in a pair. In each pair the links are then chosen by *competitive linking*:
best Dice first, each French and each English span used once, and a link must be consistent
with those already taken (nested French spans to nested English spans, disjoint to disjoint,
no crossing), and the English span must sit near the French one's relative position.

A French key becomes a :class:`TermLink` when it was linked at least ``min_links`` times and
its most frequent English key takes at least ``min_share`` of its pairs; the link keeps its
surface forms and the evidence pairs with the English span of each.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from termbase.extract.explain import (
    EN_FUNCTION,
    FR_FUNCTION,
    content_words,
    explained_links,
    headless,
    link_explained,
    mismatched,
    word_lexicon,
)
from termbase.extract.spans import FUNCTION_WORDS as SPAN_FUNCTION
from termbase.extract.spans import INNER_WORDS as SPAN_INNER
from termbase.extract.spans import Span, sentence_spans
from termbase.extract.terms_fr import Candidate
from termbase.extract.text import fold, span_relation

TOP = 6
MAX_POSITION_GAP = 0.4
#: Share of its occurrences an English span may spend inside one longer span by one word.
MAX_EXTENDED = 0.8


@dataclass
class TermEvidence:
    """One pair where the link was made: its index and the French and English offsets."""

    pair: int
    fr: tuple[int, int]
    en: tuple[int, int]


@dataclass
class TermLink:
    """A French term and its English equivalent over a corpus."""

    fr_key: str
    en_key: str
    fr_forms: Counter
    en_forms: Counter
    links: int
    count_fr: int
    count_en: int
    joint: int
    dice: float
    #: Share of capitalised French occurrences (a name rather than a common noun phrase).
    capitalised: float = 0.0
    evidence: list[TermEvidence] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """Dice times the share of the French occurrences linked this way, discounted
        for few links.

        >>> TermLink("a", "b", Counter(), Counter(), 4, 4, 4, 4, 1.0).confidence
        0.8
        """
        share = self.links / self.count_fr if self.count_fr else 0.0
        return round(min(1.0, self.dice * share) * self.links / (self.links + 1), 2)

    def fr_text(self) -> str:
        return self.fr_forms.most_common(1)[0][0]

    def en_text(self) -> str:
        return self.en_forms.most_common(1)[0][0]


def _consistent(fr: tuple[int, int], en: tuple[int, int],
                taken: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    for f, e in taken:
        rf, re_ = span_relation(fr, f), span_relation(en, e)
        if rf in ("same", "cross") or re_ in ("same", "cross") or rf != re_:
            return False
    return True


def _extensions(spans: list[Span]) -> set[tuple[str, str, bool]]:
    """(shorter, longer, direct) keys of the spans that extend another on the right or on
    the left, in one sentence; ``direct`` when the word next to the shorter span is a content
    word (*Harry Azhar* of *Harry Azhar Azis*), not a function word (*joint statement* of
    *joint statement on the situation*)."""
    out = set()
    by_start: dict[int, list[Span]] = defaultdict(list)
    by_end: dict[int, list[Span]] = defaultdict(list)
    for s in spans:
        by_start[s.start].append(s)
        by_end[s.end].append(s)
    for right, groups in ((True, by_start.values()), (False, by_end.values())):
        for group in groups:
            group.sort(key=lambda s: s.end - s.start)
            for shorter, longer in zip(group, group[1:], strict=False):
                added = (longer.text[shorter.end - longer.start:] if right
                         else longer.text[:shorter.start - longer.start]).split()
                word = added[0] if right else added[-1]
                out.add((shorter.key, longer.key, fold(word) not in SPAN_FUNCTION))
    return out


def _compound(key: str) -> bool:
    """Whether an English span key is a compound noun phrase: two words or more, no function
    word inside, not ending in a participle (*recommendations approved*).

    >>> _compound("joint statement"), _compound("possibility of the use")
    (True, False)
    >>> _compound("european union participating"), _compound("peace")
    (False, False)
    """
    words = key.split()
    return len(words) >= 2 and not any(w in SPAN_INNER for w in words) \
        and not words[-1].endswith(("ed", "ing"))


def _rare_name(text: str) -> bool:
    """Whether a French form seen once may be linked: a capitalised name of two words or more,
    with no digit (a footnote mark) and no coordination (*Portugal et Kazakhstan* is two
    names).

    >>> _rare_name("Université pour la paix"), _rare_name("Union africaine et Burundi")
    (True, False)
    >>> _rare_name("Mission des Nations Unies au Soudan1"), _rare_name("sécurité humaine")
    (False, False)
    """
    words = text.split()
    return (text[:1].isupper() and len(words) >= 2 and not re.search(r"\d", text)
            and "et" not in words)


def link_terms(
    fr_candidates: Sequence[Sequence[Candidate]],
    en_sentences: Sequence[str],
    fr_lengths: Sequence[int],
    min_links: int = 2,
    min_share: float = 0.3,
    min_dice: float = 0.2,
    max_evidence: int = 3,
    progress: Callable[[int], None] | None = None,
    documents: Sequence[str] | None = None,
    max_content_gap: int = 1,
    weak: int = 2,
    explain_rare: bool = False,
    explain_phrases: bool = False,
) -> list[TermLink]:
    """Link the French candidates of each pair to English spans of its English sentence.

    ``fr_candidates[i]`` are the candidates of the French sentence of pair *i*,
    ``en_sentences[i]`` its English sentence and ``fr_lengths[i]`` the length of the French
    sentence in characters (for the position constraint). ``documents[i]``, when given, names
    the document of pair *i*: a link must then be made in two documents at least (a phrase
    repeated in one document's boilerplate is no evidence of a translation). The English span
    has at most ``max_content_gap`` content words more or fewer than the French candidate.
    A link made ``weak`` times or fewer must also be explained word by word (see
    :func:`termbase.extract.explain.explained_links`). With ``explain_rare``, the link of a capitalised name made in one
    document only, or once, is kept when it is explained word by word: a name the corpus holds
    once (*Communauté des Caraïbes* / *Caribbean Community*) is no longer lost. Rare keys link
    after all others in a pair and take nothing from them. With ``explain_phrases``, the
    phrases still unlinked then take the English span that explains them word by word in
    each pair (:func:`termbase.extract.explain.link_explained`: *sécurité humaine* seen once,
    *criminalité organisée* seen mostly inside *Convention contre la criminalité organisée*).

    >>> from termbase.extract.terms_fr import sentence_ngrams
    >>> fr = ["Le maintien de la paix progresse.", "Le maintien de la paix coûte cher.",
    ...       "Les États Membres et le maintien de la paix."]
    >>> en = ["Peacekeeping progresses.", "Peacekeeping is costly.",
    ...       "Member States and peacekeeping."]
    >>> links = link_terms([sentence_ngrams(s) for s in fr], en, [len(s) for s in fr])
    >>> [(link.fr_text(), link.en_text(), link.links) for link in links]
    [('maintien de la paix', 'Peacekeeping', 3)]
    """
    spans: list[list[Span]] = []
    count_en: Counter = Counter()
    count_fr: Counter = Counter()
    extended: Counter = Counter()
    #: Spans extended somewhere by a content word next to them.
    direct: set[str] = set()
    for i, sentence in enumerate(en_sentences):
        found = sentence_spans(sentence)
        spans.append(found)
        count_en.update({s.key for s in found})
        count_fr.update({c.key for c in fr_candidates[i]})
        found_ext = _extensions(found)
        extended.update({(inner, outer) for inner, outer, _ in found_ext})
        direct.update(inner for inner, _, is_direct in found_ext if is_direct)
        if progress and i % 500 == 499:
            progress(250)
    # An English span nearly always followed or preceded by the same word is the truncation
    # of a longer one (*weapons of mass* of *weapons of mass destruction*): it is no candidate.
    # Once is no evidence (a span seen once is always followed by the same word): a compound
    # seen once (*joint statement*, *preventive diplomacy*) stays a candidate unless a content
    # word sits next to it (*Harry Azhar* of *Harry Azhar Azis*, *Space Centre* of *Guiana
    # Space Centre*).
    truncated = {inner for (inner, _outer), n in extended.items()
                 if n >= MAX_EXTENDED * count_en[inner]
                 and (count_en[inner] >= 2 or inner in direct or not _compound(inner))}
    spans = [[s for s in found if s.key not in truncated] for found in spans]
    # Joint counts, one French key at a time (memory stays small).
    where: dict[str, list[int]] = defaultdict(list)
    content_of: dict[str, int] = {}
    for i, cands in enumerate(fr_candidates):
        for key in {c.key for c in cands}:
            where[key].append(i)
        for c in cands:
            content_of[c.key] = c.content
    best: dict[str, dict[str, float]] = {}
    #: Keys seen fewer than min_links times: they link only after every other key.
    rare: set[str] = set()
    for key, pair_ids in where.items():
        # A key seen fewer than min_links times competes only when explain_rare allows it.
        seen = min(len(pair_ids), min_links) if explain_rare else min_links
        if len(pair_ids) < seen:
            continue
        if len(pair_ids) < min_links:
            rare.add(key)
        n = content_of[key]
        joint: Counter = Counter()
        for i in pair_ids:
            joint.update({s.key for s in spans[i] if abs(s.content - n) <= max_content_gap})
        fr_words = content_words(key, FR_FUNCTION)
        cut = headless(fr_words, (e for e, c in joint.items() if c >= seen))
        scored = sorted(((2 * c / (len(pair_ids) + count_en[e]), e) for e, c in joint.items()
                         if c >= seen and e not in cut
                         and not mismatched(fr_words, content_words(e, EN_FUNCTION))),
                        reverse=True)[:TOP]
        best[key] = {e: d for d, e in scored if d >= min_dice}
    if progress:
        progress(len(en_sentences) // 4)
    # Competitive linking in each pair.
    made: dict[str, Counter] = defaultdict(Counter)
    forms_fr: dict[str, Counter] = defaultdict(Counter)
    forms_en: dict[tuple[str, str], Counter] = defaultdict(Counter)
    caps: Counter = Counter()
    #: Pairs where the French key occurs outside every longer link.
    free: Counter = Counter()
    docs: dict[tuple[str, str], set] = defaultdict(set)
    evidence: dict[tuple[str, str], list[TermEvidence]] = defaultdict(list)
    #: The links chosen in each pair (for explain_phrases).
    taken_in: list[list[tuple[str, tuple[int, int], tuple[int, int]]]] = []
    for i, cands in enumerate(fr_candidates):
        options = []
        en_len = max(len(en_sentences[i]), 1)
        fr_len = max(fr_lengths[i], 1)
        for c in cands:
            wanted = best.get(c.key)
            if not wanted:
                continue
            f_mid = (c.start + c.end) / 2 / fr_len
            for s in spans[i]:
                dice = wanted.get(s.key)
                if dice is None:
                    continue
                if abs((s.start + s.end) / 2 / en_len - f_mid) > MAX_POSITION_GAP:
                    continue
                options.append((dice, c.end - c.start, c, s))
        # Ties (spans always seen together) go to the longer English span; rare keys last.
        options.sort(key=lambda o: (o[2].key in rare, -o[0], -o[1], o[2].start,
                                    o[3].start - o[3].end))
        taken: list[tuple[tuple[int, int], tuple[int, int]]] = []
        chosen = []
        for _dice, _len, c, s in options:
            if _consistent((c.start, c.end), (s.start, s.end), taken):
                taken.append(((c.start, c.end), (s.start, s.end)))
                chosen.append((c, s))
        if explain_phrases:
            taken_in.append([(c.key, (c.start, c.end), (s.start, s.end)) for c, s in chosen])
        free_keys = set()
        for c in cands:
            # (a rare key's link around it does not count: it is no evidence yet)
            if not any(o.start <= c.start and c.end <= o.end and o.key not in rare
                       and (o.start, o.end) != (c.start, c.end) for o, _ in chosen):
                free_keys.add(c.key)
        free.update(free_keys)
        for c, s in chosen:
            # A link made only inside a longer one (*homme* in *droits de l'homme*) does not
            # count: the word is then part of a term, not a term of its own.
            if c.key not in free_keys:
                continue
            made[c.key][s.key] += 1
            docs[c.key, s.key].add(documents[i] if documents else i)
            forms_fr[c.key][c.text] += 1
            forms_en[c.key, s.key][s.text] += 1
            if c.text[:1].isupper() and c.start > 0:
                caps[c.key] += 1
            if len(evidence[c.key, s.key]) < max_evidence:
                evidence[c.key, s.key].append(
                    TermEvidence(i, (c.start, c.end), (s.start, s.end)))
        if progress and i % 500 == 499:
            progress(250)
    links = []
    single: set[str] = set()
    for key, targets in made.items():
        en_key, n = targets.most_common(1)[0]
        if n < min_share * free[key]:
            continue
        if n < min_links or len(docs[key, en_key]) < min_links:
            # Only capitalised names of two words or more: rare common phrases are mostly
            # free translations, not terms.
            if not explain_rare or not _rare_name(forms_fr[key].most_common(1)[0][0]):
                continue
            single.add(key)
        dice = best[key][en_key]
        fr_forms = forms_fr[key]
        links.append(TermLink(key, en_key, fr_forms, forms_en[key, en_key], n, count_fr[key],
                              count_en[en_key], 0, round(dice, 3),
                              round(caps[key] / sum(fr_forms.values()), 2),
                              evidence[key, en_key]))
    for link in links:
        link.joint = round(link.dice * (link.count_fr + link.count_en) / 2)
    links = explained_links(links, weak, frozenset(single))
    # One French term per English term (competitive linking over the types): the French key
    # linked most often keeps the English one.
    links.sort(key=lambda link: (-link.links, -link.dice, link.fr_key))
    used_en: set[str] = set()
    kept = []
    for link in links:
        if link.en_key not in used_en:
            used_en.add(link.en_key)
            kept.append(link)
    if explain_phrases:
        kept += _phrase_links(kept, fr_candidates, spans, taken_in,
                              [(fr_lengths[i], len(en_sentences[i]))
                               for i in range(len(en_sentences))],
                              count_fr, count_en, weak, single, max_evidence, min_share)
    return kept


def _phrase_links(links, fr_candidates, spans, taken_in, lengths, count_fr, count_en, weak,
                  single, max_evidence, min_share) -> list[TermLink]:
    match = word_lexicon([(link.fr_key, link.en_key) for link in links
                          if link.links > weak and link.fr_key not in single])
    linked = {link.fr_key for link in links}
    # The spans of the links kept stay taken; those of rejected links are free again.
    taken = [[(f, e) for key, f, e in chosen if key in linked] for chosen in taken_in]
    found = link_explained(fr_candidates, spans, taken, lengths, linked, match, _consistent,
                           min_share)
    out = []
    for key, (chosen, forms_fr, forms_en, evidence, caps) in found.items():
        en_key, n = chosen.most_common(1)[0]
        dice = 2 * n / (count_fr[key] + count_en[en_key])
        out.append(TermLink(key, en_key, forms_fr, forms_en, n, count_fr[key],
                            count_en[en_key], n, round(dice, 3), round(caps, 2),
                            [TermEvidence(i, f, e) for i, f, e in evidence[:max_evidence]]))
    out.sort(key=lambda link: (-link.links, -link.dice, link.fr_key))
    return out
