"""A second pass with the document's own word table (like hunalign's ``-realign``).

The general table (:func:`aligner.align.lexicon.load_general`) is learnt from UN and
parliamentary text: a novel's everyday and book-specific words (*chapeau*, *barque*, a
character's title) are often missing, or present with another sense. After a first alignment,
the confident 1-1 beads are taken as a small parallel corpus of the document itself; IBM model 1
(:func:`aligner.align.ibm.translation_table`) learns word associations from them; the
associations found often enough are added to the general table *for this document only*, and
the document is aligned again with the enlarged table.

Off by default (``align(..., realign=True)`` turns it on). Measured (micro strict F1, classical):
TransRead development books 0.9567 -> 0.9603, held-out books 0.9317 -> 0.9316, UNPC devset
tasks 0.9920 -> 0.9917, testset tasks 0.9921 -> 0.9918: the development gain does not carry
over to the held-out books.
"""

from __future__ import annotations

from collections.abc import Sequence

from aligner.align.bead import Bead
from aligner.align.ibm import translation_table

#: A first-pass 1-1 bead is used to learn the document's words when its score reaches this.
MIN_SCORE = 0.5
#: A learnt word pair must co-occur in at least this many of those beads ...
MIN_COUNT = 3
#: ... and have at least this IBM-1 probability ``t(en | fr)``.
MIN_PROB = 0.1
#: At most this many English words per French word.
TOP = 3
#: IBM model 1 iterations over the confident beads.
ITERATIONS = 5
#: Fewer confident beads than this: nothing is learnt (too little evidence).
MIN_BEADS = 20
#: Documents with more sentences than this on a side are aligned once (time and memory: on
#: the 10,020 × 10,041 scale pair of ``bench_align.py`` IBM model 1 over its 8,817 sure beads
#: takes 6.6 s; the two passes 10.3 s and 364 MB, one pass 1.8 s).
MAX_SENTENCES = 5_000


def confident_pairs(
    fr: Sequence[str], en: Sequence[str], beads: Sequence[Bead], min_score: float = MIN_SCORE
) -> list[tuple[str, str]]:
    """The sentence pairs of the 1-1 beads of ``beads`` whose score is at least ``min_score``.

    >>> confident_pairs(["a", "b", "c"], ["x", "y"],
    ...                 [Bead((0,), (0,), 0.9), Bead((1,), (), 0.9), Bead((2,), (1,), 0.1)])
    [('a', 'x')]
    """
    return [(fr[b.fr[0]], en[b.en[0]]) for b in beads
            if len(b.fr) == 1 and len(b.en) == 1 and b.score >= min_score]


def document_lexicon(
    pairs: Sequence[tuple[str, str]], *, min_count: int = MIN_COUNT,
    min_prob: float = MIN_PROB, top: int = TOP, iterations: int = ITERATIONS,
    min_beads: int = MIN_BEADS,
) -> dict[str, frozenset[str]]:
    """``{folded French word: {folded English words}}`` learnt by IBM model 1 from ``pairs``
    (a document's confident beads): the ``top`` most probable English words of every French
    word with ``t(en | fr) >= min_prob`` that co-occur in at least ``min_count`` pairs.

    Fewer than ``min_beads`` pairs teach nothing (an empty table).

    >>> pairs = [("la barque coule", "the boat sinks"), ("la barque flotte", "the boat floats"),
    ...          ("une barque vide", "an empty boat")] * 8
    >>> sorted(document_lexicon(pairs, top=1)["barque"])
    ['boat']
    >>> document_lexicon(pairs[:3])
    {}
    """
    if len(pairs) < min_beads:
        return {}
    vocab_fr, vocab_en, f_ids, e_ids, t, cooccur = translation_table(
        pairs, iterations=iterations)
    keep = (f_ids > 0) & (t >= min_prob) & (cooccur >= min_count)
    best: dict[str, list[tuple[float, str]]] = {}
    for a, b, p in zip(f_ids[keep].tolist(), e_ids[keep].tolist(), t[keep].tolist(),
                       strict=True):
        best.setdefault(vocab_fr[a], []).append((p, vocab_en[b]))
    return {f: frozenset(e for _, e in sorted(cands, key=lambda x: (-x[0], x[1]))[:top])
            for f, cands in best.items()}


def merge(table: dict[str, frozenset[str]], extra: dict[str, frozenset[str]]
          ) -> dict[str, frozenset[str]]:
    """``table`` with the English words of ``extra`` added to each French word's (a new dict;
    ``table`` is not changed).

    >>> table = merge({"chat": frozenset({"cat"})}, {"chat": frozenset({"puss"}),
    ...                                              "mer": frozenset({"sea"})})
    >>> {f: sorted(es) for f, es in table.items()}
    {'chat': ['cat', 'puss'], 'mer': ['sea']}
    """
    out = dict(table)
    for f, es in extra.items():
        out[f] = out[f] | es if f in out else es
    return out
