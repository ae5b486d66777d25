"""Where a translator splits a sentence (:func:`aligner.align.costs._split`): the inner
boundaries of the many side of a 1-n or n-1 bead fall near the clause ends (``;`` ``:`` ``?``
``!`` or a dash) of the single sentence, in proportion to the lengths.

The passage is Voltaire's *Candide*, chapter XXVI (the six kings at supper in Venice), with
its English translation, as the TransRead gold (``../shared/corpus/
transread_gold_sentence_alignment``, a development book, sentences 1147-1154 / 1298-1305)
segments and aligns them; both texts are in the public domain.
"""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align import align, band, costs, search
from aligner.align.banded import band_overlap
from aligner.align.features import build_sides, self_weight
from aligner.align.marks import POSITIONS, clause_positions, sentence_marks

FR = [
    "Candide, partagé entre la joie et la douleur, charmé d'avoir revu son agent fidèle, étonné "
    "de le voir esclave, plein de l'idée de retrouver sa maîtresse, le coeur agité, l'esprit "
    "bouleversé, se mit à table avec Martin, qui voyait de sang froid toutes ces aventures, et "
    "avec six étrangers, qui étaient venus passer le carnaval à Venise.",
    "Cacambo, qui versait à boire à l'un de ces six étrangers, s'approcha de l'oreille de son "
    "maître, sur la fin du repas, et lui dit :",
    "Sire, votre majesté partira quand elle voudra, le vaisseau est prêt.",
    "Ayant dit ces mots, il sortit.",
    "Les convives étonnés se regardaient sans proférer une seule parole, lorsqu'un autre "
    "domestique s'approchant de son maître, lui dit : Sire, la chaise de votre majesté est à "
    "Padoue, et la barque est prête.",
    "Le maître fit un signe, et le domestique partit.",
    "Tous les convives se regardèrent encore, et la surprise commune redoubla.",
    "Un troisième valet s'approchant aussi d'un troisième étranger, lui dit : Sire, croyez-moi, "
    "votre majesté ne doit pas rester ici plus long-temps, je vais tout préparer ; et aussitôt "
    "il disparut.",
]
EN = [
    "Candide, divided between joy and grief, charmed to have thus met with his faithful agent "
    "again, and surprised to hear he was a slave, his heart palpitating, his senses confused, "
    "but full of the hopes of recovering his dear Cunegund, sat down to table with Martin, who "
    "beheld all these scenes with great unconcern, and with six strangers, who had come to "
    "spend the Carnival at Venice.",
    "Cacambo waited at table upon one of those strangers.",
    "When supper was nearly over, he drew near to his master, and whispered in his ear:",
    '" Sire, Your Majesty may go when you please; the ship is ready "; and so saying he left '
    "the room.",
    "The guests, surprised at what they had heard, looked at each other without speaking a "
    "word; when another servant drawing near to his master, in like manner said, \" Sire, Your "
    'Majesty\'s post-chaise is at Padua, and the bark is ready. "',
    "The master made him a sign, and he instantly withdrew.",
    "The company all stared at each other again, and the general astonishment was increased.",
    "A third servant then approached another of the strangers, and said, \" Sire, if Your "
    "Majesty will be advised by me, you will not make any longer stay in this place; I will go "
    'and get everything ready "; and instantly disappeared.',
]
#: The TransRead gold beads of the passage (renumbered from 0).
GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2, 3), (3,)), ((4,), (4,)), ((5,), (5,)),
        ((6,), (6,)), ((7,), (7,))]


@pytest.mark.parametrize("text, expected", [
    ("Oui ; non.", [0.5]),
    # of the 77 characters without spaces, "please;" ends at the 36th, "ready \";" at the 52nd
    ('" Sire, Your Majesty may go when you please; the ship is ready "; and so saying he left '
     "the room.", [36 / 77, 52 / 77]),
    ("Cacambo, qui versait à boire à l'un de ces six étrangers, s'approcha de l'oreille de son "
     "maître, sur la fin du repas, et lui dit :", []),  # the final mark is no clause end
    ("Sorrow came -- a gentle sorrow -- but not at all in the shape of any disagreeable "
     "consciousness.", [12 / 79, 27 / 79]),  # a dash ends a clause too
    ("L'Assemblée générale a adopté la résolution 70/1.", []),
])
def test_clause_positions(text, expected):
    assert clause_positions(text) == pytest.approx(expected)


def test_positions_keep_the_first_clause_ends_of_a_long_sentence():
    text = "Qu'entends-je ? vous ! vous ; quel malheur ? pourquoi : enfin ! voilà."
    marks = sentence_marks([text, "Non."], "fr")
    assert marks.positions.shape == (2, POSITIONS)
    np.testing.assert_allclose(marks.positions[0], clause_positions(text)[:POSITIONS])
    assert np.isnan(marks.positions[1]).all()


def test_the_split_finds_the_gold_beads_of_a_real_passage(monkeypatch):
    found = {(tuple(b.fr), tuple(b.en)) for b in align(FR, EN)}
    assert set(GOLD) <= found
    monkeypatch.setattr(search, "SPLIT_WEIGHT", 0.0)
    before = {(tuple(b.fr), tuple(b.en)) for b in align(FR, EN)}
    # without it, "Ayant dit ces mots, il sortit." went with the next French sentence, although
    # the English sentence's "; and so saying he left the room" is its translation
    assert ((2, 3), (3,)) not in before and ((3, 4), (4,)) in before


def _block(fr, en, clear_positions: bool):
    side_fr, side_en, weights = build_sides(fr, en)
    if clear_positions:
        side_fr.marks.positions[:] = np.nan
        side_en.marks.positions[:] = np.nan
    own_fr, own_en = self_weight(side_fr, weights), self_weight(side_en, weights)
    centres = band.path_centres(side_fr.lengths, side_en.lengths,
                                band.rare_anchors(side_fr, side_en, weights))
    lo, hi = band.band_limits(centres, len(en), 6)
    matches = band_overlap(side_fr, side_en, weights, *search.match_ranges(lo, hi, len(fr), len(en)))
    problem = search.Problem(side_fr.lengths, side_en.lengths, lo, hi, matches, own_fr, own_en,
                             marks_fr=side_fr.marks, marks_en=side_en.marks)
    current = search.current_weights()
    shapes = [(a, b) for a, b in search.TYPES if a]
    width = int((hi - lo).max())
    return costs.block(costs.Tables(problem, current), current, shapes, np.arange(len(fr) + 1),
                       width, search.SLOTS)[0]


def test_zero_weight_gives_the_costs_without_clause_positions(monkeypatch):
    # with the weight the clause ends change the costs of 1-n and n-1 beads ...
    assert not np.array_equal(_block(FR, EN, False), _block(FR, EN, True))
    # ... and with weight 0 the costs are those of sentences without any clause end
    monkeypatch.setattr(search, "SPLIT_WEIGHT", 0.0)
    np.testing.assert_array_equal(_block(FR, EN, False), _block(FR, EN, True))


UN_FR = ["Le Conseil de sécurité a adopté la résolution 2231 (2015).",
         "Il a prié le Secrétaire général de lui faire rapport.", "Il a décidé.",
         "La séance est levée à 13 heures."]
UN_EN = ["The Security Council adopted resolution 2231 (2015).",
         "It requested the Secretary-General to report to it.", "It decided.",
         "The meeting rose at 1 p.m."]


@pytest.mark.parametrize("n, m, expected", [
    (1, 1, [((0,), (0,))]),
    (2, 2, [((0,), (0,)), ((1,), (1,))]),
    (2, 1, [((0,), (0,)), ((1,), ())]),
    (1, 2, [((0,), (0,)), ((), (1,))]),
    (4, 1, [((0,), (0,)), ((1,), ()), ((2,), ()), ((3,), ())]),
    (1, 4, [((0,), (0,)), ((), (1,)), ((), (2,)), ((), (3,))]),
])
def test_documents_shorter_than_the_widest_bead(n, m, expected):
    # the first rows of the search cannot end an n-1 bead; the split term must not read past
    # the French side there (two-sentence documents failed with an IndexError)
    assert [(b.fr, b.en) for b in align(UN_FR[:n], UN_EN[:m])] == expected
