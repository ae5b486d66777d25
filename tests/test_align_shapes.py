"""Beads of one sentence against five to seven (:data:`aligner.align.search.PRIORS`): a
translator who cuts a long sentence of clauses into one sentence per clause.

The passage is Voltaire's *Candide*, chapter XXVI (King Theodore's speech at supper in Venice),
with its English translation, as the TransRead gold (``../shared/corpus/
transread_gold_sentence_alignment``, a development book, sentences 1168-1172 / 1329-1337)
segments and aligns them: the French speech is one sentence of eight ``;`` clauses, the English
one six sentences. Both texts are in the public domain.
"""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align import align, band, costs, search
from aligner.align.banded import band_overlap
from aligner.align.features import build_sides, self_weight

FR = [
    "Il restait au sixième monarque à parler.",
    "Messieurs, dit-il, je ne suis pas si grand seigneur que vous ; mais enfin j'ai été roi tout "
    "comme un autre ; je suis Théodore ; on m'a élu roi en Corse ; on m'a appelé _ Votre Majesté "
    "_, et à présent à peine m'appelle-t-on _ Monsieur _ ; j'ai fait frapper de la monnaie, et je "
    "ne possède pas un denier ; j'ai eu deux secrétaires d'état, et j'ai à peine un valet ; je me "
    "suis vu sur un trône, et j'ai long-temps été à Londres en prison sur la paille ; j'ai bien "
    "peur d'être traité de même ici, quoique je sois venu, comme vos majestés, passer le carnaval "
    "à Venise.",
    "Les cinq autres rois écoutèrent ce discours avec une noble compassion.",
    "Chacun d'eux donna vingt sequins au roi Théodore pour avoir des habits et des chemises ; "
    "Candide lui fit présent d'un diamant de deux mille sequins.",
    "Quel est donc, disaient les cinq rois, cet homme qui est en état de donner cent fois autant "
    "que chacun de nous, et qui le donne ?",
]
EN = [
    'It now came to the sixth monarch\'s turn to speak. "',
    'Gentlemen, " said he, " I am not so great a prince as the rest of you, it is true, but I am, '
    "however, a crowned head.",
    "I am Theodore, elected King of Corsica.",
    "I have had the title of Majesty, and am now hardly treated with common civility.",
    "I have coined money, and am not now worth a single ducat.",
    "I have had two secretaries, and am now without a valet.",
    "I was once seated on a throne, and since that have lain upon a truss of straw, in a common "
    "jail in London, and I very much fear I shall meet with the same fate here in Venice, where I "
    'came, like Your Majesties, to divert myself at the Carnival. "',
    "The other five Kings listened to this speech with great attention; it excited their "
    "compassion; each of them made the unhappy Theodore a present of twenty sequins, and Candide "
    "gave him a diamond, worth just a hundred times that sum.",
    '" Who can this private person be, " said the five Kings to one another, " who is able to '
    'give, and has actually given, a hundred times as much as any of us? "',
]
GOLD = [((0,), (0,)), ((1,), (1, 2, 3, 4, 5, 6)), ((2, 3), (7,)), ((4,), (8,))]
LARGE = [(1, 5), (5, 1), (1, 6), (6, 1), (1, 7), (7, 1)]


def _without_large_shapes(monkeypatch) -> None:
    """The search of before: no bead takes more than four sentences from a side."""
    priors = {shape: p for shape, p in search.PRIORS.items() if shape not in LARGE}
    monkeypatch.setattr(search, "PRIORS", priors)
    monkeypatch.setattr(search, "TYPES", list(priors))
    monkeypatch.setattr(search, "MAX_SIDE", 4)
    monkeypatch.setattr(search, "SLOTS", 5)


def test_a_sentence_of_clauses_against_six_sentences():
    assert [(b.fr, b.en) for b in align(FR, EN)] == GOLD


def test_without_the_large_shapes_two_sentences_are_left_unpaired(monkeypatch):
    _without_large_shapes(monkeypatch)
    beads = [(b.fr, b.en) for b in align(FR, EN)]
    assert ((1,), (1, 2, 3, 4, 5, 6)) not in beads
    assert ((), (1,)) in beads and ((), (2,)) in beads


def _costs(shapes):
    side_fr, side_en, weights = build_sides(FR, EN)
    own_fr, own_en = self_weight(side_fr, weights), self_weight(side_en, weights)
    lo, hi = band.band_limits(band.path_centres(side_fr.lengths, side_en.lengths, []), len(EN), 8)
    matches = band_overlap(side_fr, side_en, weights,
                           *search.match_ranges(lo, hi, len(FR), len(EN)))
    problem = search.Problem(side_fr.lengths, side_en.lengths, lo, hi, matches, own_fr, own_en,
                             marks_fr=side_fr.marks, marks_en=side_en.marks)
    current = search.current_weights()
    width = int((hi - lo).max())
    return costs.block(costs.Tables(problem, current), current, shapes, np.arange(len(FR) + 1),
                       width, search.SLOTS)


def test_the_other_shapes_cost_what_they_cost_without_the_large_ones():
    small = [(a, b) for a, b in search.TYPES if a and (a, b) not in LARGE]
    every = [(a, b) for a, b in search.TYPES if a]
    cost_small, _source, step_small = _costs(small)
    cost_every, _source, step_every = _costs(every)
    kept = [every.index(shape) for shape in small]
    np.testing.assert_array_equal(cost_every[:, kept], cost_small)
    np.testing.assert_array_equal(step_every, step_small)
    # (and the large shapes do reach into the band: the 1-6 bead of the speech ends at row 2)
    assert np.isfinite(cost_every[2, every.index((1, 6))]).any()


@pytest.mark.parametrize("n, m", [(1, 8), (8, 1), (7, 7)])
def test_documents_shorter_than_the_widest_bead(n, m):
    fr = [f"Le paragraphe {k + 1} est adopté." for k in range(n)]
    en = [f"Paragraph {k + 1} was adopted." for k in range(m)]
    beads = align(fr, en)
    assert sorted(i for b in beads for i in b.fr) == list(range(n))
    assert sorted(j for b in beads for j in b.en) == list(range(m))
