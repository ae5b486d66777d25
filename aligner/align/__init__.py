"""Sentence alignment of a French text with its English translation.

>>> fr = ["Le Conseil s'est réuni le 19 avril 2021.", "Il a adopté la résolution 2570 (2021).",
...       "La séance est levée à 13 heures."]
>>> en = ["The Council met on 19 April 2021.", "It adopted resolution 2570 (2021).",
...       "The meeting rose at 1 p.m."]
>>> [(b.fr, b.en) for b in align(fr, en)]
[((0,), (0,)), ((1,), (1,)), ((2,), (2,))]

Beads are 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-4, 4-1, 2-3, 3-2, 1-5 to 1-7, 5-1 to 7-1, 1-0 and
0-1; every sentence of both sides is in exactly one bead, in order. A bead's ``score`` is the estimated probability
that it is right (:mod:`aligner.align.confidence`). See :mod:`aligner.align.search` for the cost of a bead,
:mod:`aligner.align.lengths` for the length model and :mod:`aligner.align.band` for how the
search stays close to linear in time and memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from aligner.align.bead import LOW_CONFIDENCE, Bead, Diagnosis, diagnose
from aligner.align.driver import align_features
from aligner.errors import AlignmentError

__all__ = ["LOW_CONFIDENCE", "Bead", "Diagnosis", "align", "diagnose"]


def align(
    fr: Sequence[str],
    en: Sequence[str],
    *,
    fr_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
    anchors: Sequence[tuple[int, int]] | None = None,
    terms: Sequence[tuple[str, str]] | None = None,
    scorer: Callable[[str, str], float] | None = None,
    embedder: Callable[[list[str]], object] | None = None,
    width: int = 24,
    lexicon: dict[str, frozenset[str]] | None = None,
) -> list[Bead]:
    """Align French sentences ``fr`` with English sentences ``en``.

    ``fr_paragraphs``/``en_paragraphs``: the paragraph number of every sentence (hints: a bead
    that crosses a paragraph boundary on one side only costs more). ``anchors``: pairs of
    sentence indices ``(i_fr, j_en)`` known to correspond, used to guide the search band.
    ``terms``: ``(fr, en)`` term pairs (for example a termbase's ``OTSC``/``CSTO``): a
    sentence pair where both forms occur counts as sharing a rare key. ``scorer``: an extra
    similarity ``scorer(fr_sentence, en_sentence)`` in [0, 1], added to the lexical overlap
    of every sentence pair the search considers. ``embedder``: a callable returning
    L2-normalised sentence vectors for a list of sentences (see
    :func:`aligner.align.embed.load_embedder`). ``width``: the initial half-width of the
    search band in sentences (it doubles automatically when the best path reaches its edge).
    ``lexicon``: a word table ``{folded French word: {folded English words}}`` to use instead
    of the shipped one (:func:`aligner.align.lexicon.load`).

    Raises :class:`~aligner.errors.AlignmentError` when a side is empty or when the paragraph
    lists do not match the sentence lists.
    """
    if not fr or not en:
        side = "French" if not fr else "English"
        raise AlignmentError(f"cannot align: the {side} side has no sentences")
    for name, paras, sents in (("French", fr_paragraphs, fr), ("English", en_paragraphs, en)):
        if paras is not None and len(paras) != len(sents):
            raise AlignmentError(
                f"{name} paragraph ids: {len(paras)} given for {len(sents)} sentences"
            )
    return align_features(
        list(fr),
        list(en),
        fr_paragraphs=fr_paragraphs,
        en_paragraphs=en_paragraphs,
        anchors=anchors or (),
        terms=terms or (),
        scorer=scorer,
        embedder=embedder,
        width=width,
        lexicon=lexicon,
    )
