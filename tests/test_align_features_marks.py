"""The punctuation evidence of the aligner (:mod:`aligner.align.marks`): what it reads in real
sentences, that the block costs add exactly the term :mod:`aligner.align.search` describes,
and that it finds gold beads of a real literary passage that the aligner missed without it.

The passage is Voltaire's *Candide*, chapter VII's end and VIII's start, with its English
translation, as the TransRead gold (``../shared/corpus/transread_gold_sentence_alignment``,
a development book) segments and aligns them; both texts are in the public domain.
"""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align import align, band, costs, search
from aligner.align.banded import band_overlap
from aligner.align.features import build_sides, self_weight
from aligner.align.lengths import char_length
from aligner.align.marks import (
    POSITIONS,
    clause_positions,
    clauses,
    continues,
    ends_question,
    opens_utterance,
    sentence_marks,
)

TERMS = ("DIALOGUE_PENALTY", "QUESTION_PENALTY", "CLAUSE_BONUS", "CONTINUATION_PENALTY",
         "SPLIT_WEIGHT", "CLOSING_PENALTY")

FR = [
    "et comment avez-vous su que j'y étais ? et par quelle étrange aventure m'avez-vous fait "
    "conduire dans cette maison ?",
    "--Je vous dirai tout cela, répliqua la dame ; mais il faut auparavant que vous m'appreniez "
    "tout ce qui vous est arrivé depuis le baiser innocent que vous me donnâtes, et les coups de "
    "pied que vous reçûtes.",
    "Candide lui obéit avec un profond respect ; et quoiqu'il fût interdit, quoique sa voix fût "
    "faible et tremblante, quoique l'échine lui fît encore un peu mal, il lui raconta de la "
    "manière la plus naïve tout ce qu'il avait éprouvé depuis le moment de leur séparation.",
    "Cunégonde levait les yeux au ciel : elle donna des larmes à la mort du bon anabaptiste et de "
    "Pangloss ; après quoi elle parla en ces termes à Candide, qui ne perdait pas une parole, et "
    "qui la dévorait des yeux.",
    "CHAPITRE VIII.",
    "Histoire de Cunégoride.",
    "J'étais dans mon lit et je dormais profondément, quand il plut au ciel d'envoyer les "
    "Bulgares dans notre beau château de Thunder-ten-tronckh ; ils égorgèrent mon père et mon "
    "frère, et coupèrent ma mère par morceaux.",
    "Un grand Bulgare, haut de six pieds, voyant qu'à ce spectacle j'avais perdu connaissance, se "
    "mit à me violer ; cela me fit revenir, je repris mes sens, je criai, je me débattis, je "
    "mordis, j'égratignai, je voulais arracher les yeux à ce grand Bulgare, ne sachant pas que "
    "tout ce qui arrivait dans le château de mon père était une chose d'usage : le brutal me "
    "donna un coup de couteau dans le flanc gauche dont je porte encore la marque.",
]
EN = [
    "And how did you know of my being here?",
    "And by what strange adventure did you contrive to have me brought into this house?",
    'And how- "',
    '" I will tell you all, " replied the lady, " but first you must acquaint me with all that '
    'has befallen you since the innocent kiss you gave me, and the rude kicking you received in '
    'consequence of it. "',
    "Candide, with the greatest submission, prepared to obey the commands of his fair mistress; "
    "and though he was still filled with amazement, though his voice was low and tremulous, "
    "though his back pained him, yet he gave her a most ingenuous account of everything that had "
    "befallen him, since the moment of their separation.",
    "Cunegund, with her eyes uplifted to heaven, shed tears when he related the death of the good "
    "Anabaptist, James, and of Pangloss; after which she thus related her adventures to Candide, "
    "who lost not one syllable she uttered, and seemed to devour her with his eyes all the time "
    "she was speaking.",
    "CHAPTER 8 Cunegund's Story",
    "I was in bed, and fast asleep, when it pleased Heaven to send the Bulgarians to our "
    "delightful castle of Thunder-ten-tronckh, where they murdered my father and brother, and "
    "cut my mother in pieces.",
    "A tall Bulgarian soldier, six feet high, perceiving that I had fainted away at this sight, "
    "attempted to ravish me; the operation brought me to my senses.",
    "I cried, I struggled, I bit, I scratched, I would have torn the tall Bulgarian's eyes out, "
    "not knowing that what had happened at my father's castle was a customary thing.",
    "The brutal soldier, enraged at my resistance, gave me a wound in my left leg with his "
    'hanger, the mark of which I still carry. "',
]
#: The TransRead gold beads of the passage (Candide 206-213 / 246-256, renumbered from 0).
GOLD = [((0,), (0, 1)), ((), (2,)), ((1,), (3,)), ((2,), (4,)), ((3,), (5,)), ((4, 5), (6,)),
        ((6,), (7,)), ((7,), (8, 9, 10))]


@pytest.mark.parametrize("text, expected", [
    ("--Je vous dirai tout cela, répliqua la dame ; mais il faut auparavant", True),
    ("— Mettez -vous à la place des gens, on n’aime pas ces réponses-là.", True),
    ("-- Il m’est impossible, papa, de partager votre avis", True),
    ("« Monsieur, dit le commandant, vous avez de la pression ?", True),
    ('" I will tell you all, " replied the lady, " but first', True),
    ("“The General Assembly decides to convene the Conference in 2024”", True),
    ("Candide lui obéit avec un profond respect ; et quoiqu'il fût interdit", False),
    ('Alas! " said the one wretch to the other, " don\'t you know dear Pangloss? "', False),
    ("L'Assemblée générale a adopté la résolution 70/1.", False),
])
def test_opens_utterance(text, expected):
    assert opens_utterance(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("et comment avez-vous su que j'y étais ? et par quelle étrange aventure m'avez-vous fait "
     "conduire dans cette maison ?", True),
    ('We ask you whether you have not a great affection for the King of the Bulgarians? "', True),
    ("Qu'entends-je ?", True),
    ("--Point du tout, dit-il, car je ne l'ai jamais vu.", False),
    ("Dieu le veuille !", False),
])
def test_ends_question(text, expected):
    assert ends_question(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Le pays était cultivé pour le plaisir comme pour le besoin ; partout l'utile était "
     "agréable : les chemins étaient couverts", 2),
    ("Qu'entends-je ? vous, mon cher maître ! vous, dans cet état horrible ! quel malheur vous "
     "est-il donc arrivé ?", 3),
    ("Sorrow came -- a gentle sorrow -- but not at all in the shape of any disagreeable "
     "consciousness.", 2),
    ("La Teuse ne put tenir davantage.", 0),
    ('" What do I hear? "', 0),
    ("Le Conseil de sécurité, rappelant ses résolutions antérieures : 1. Exige que", 1),
])
def test_clauses(text, expected):
    assert clauses(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("cria -t -elle, je parie que c'est encore pour la messe.", True),
    ("demanda la femme.", True),
    ("et comment avez-vous su que j'y étais ?", True),
    ("ah Martin!", True),
    ("-- Qu’entendez -vous par succès ?", False),
    ("Candide lui obéit avec un profond respect.", False),
    ("b) de prier le Secrétaire général de lui faire rapport", False),
    ("iii) les mesures prises pour appliquer la présente résolution ;", False),
    ("(a) To request the Secretary-General to report", False),
])
def test_continues(text, expected):
    assert continues(text) is expected


def test_an_english_quotation_mark_left_on_the_sentence_before_opens_the_next():
    marks = sentence_marks(EN, "en")
    assert marks.opens.tolist()[:4] == [False, False, False, True]
    assert marks.opens[3]  # its own quotation mark
    lines = ["He had not been long there before two men dressed in blue fixed their eyes "
             'steadfastly upon him. "', 'Faith, comrade, " said one of them to the other.']
    assert sentence_marks(lines, "en").opens.tolist() == [False, True]
    assert sentence_marks(lines, "fr").opens.tolist() == [False, False]  # French: own mark only


def _problem(fr, en, with_marks: bool):
    side_fr, side_en, weights = build_sides(fr, en)
    own_fr, own_en = self_weight(side_fr, weights), self_weight(side_en, weights)
    centres = band.path_centres(side_fr.lengths, side_en.lengths,
                                band.rare_anchors(side_fr, side_en, weights))
    lo, hi = band.band_limits(centres, len(en), 6)
    matches = band_overlap(side_fr, side_en, weights,
                           *search.match_ranges(lo, hi, len(fr), len(en)))
    marks = (side_fr.marks, side_en.marks) if with_marks else (None, None)
    return search.Problem(side_fr.lengths, side_en.lengths, lo, hi, matches, own_fr, own_en,
                          marks_fr=marks[0], marks_en=marks[1])


def reference_marks(fr_marks, en_marks, i, a, b, j) -> float:
    """The punctuation term of the a-b bead ending at (i, j), from the search's description."""
    w = search
    cost = 0.0
    if fr_marks.opens[i - a] and not en_marks.opens[j - b]:
        cost += w.DIALOGUE_PENALTY
    if fr_marks.asks[i - 1] != en_marks.asks[j - 1]:
        cost += w.QUESTION_PENALTY
    if a == 1 and b > 1:
        cost -= w.CLAUSE_BONUS * min(fr_marks.clauses[i - 1], b - 1)
    if b == 1 and a > 1:
        cost -= w.CLAUSE_BONUS * min(en_marks.clauses[j - 1], a - 1)
    if fr_marks.continues[i - a] != en_marks.continues[j - b]:
        cost += w.CONTINUATION_PENALTY
    if en_marks.closes[j - b]:
        cost += w.CLOSING_PENALTY
    return cost


def reference_split(fr, en, i, a, b, j) -> float:
    """The split term of the a-b bead ending at (i, j), from the search's description: for
    a 1-n (n-1) bead, the distance of every inner boundary of the many side (its share of the
    bead's length) from the nearest clause end of the single sentence, capped."""
    if (a == 1) == (b == 1):
        return 0.0
    single, many = (fr[i - 1], en[j - b : j]) if a == 1 else (en[j - 1], fr[i - a : i])
    positions = clause_positions(single)[:POSITIONS]
    lengths = [char_length(s) for s in many]
    total = 0.0
    for t in range(1, len(many)):
        share = sum(lengths[:t]) / sum(lengths)
        total += min([abs(share - p) for p in positions] + [search.SPLIT_CAP])
    return search.SPLIT_WEIGHT * total


def test_block_costs_add_the_punctuation_term():
    fr, en = FR * 3, EN * 3  # (a longer band, the same sentences)
    with_marks, without = _problem(fr, en, True), _problem(fr, en, False)
    weights = search.current_weights()
    shapes = [(a, b) for a, b in search.TYPES if a]
    width = int((with_marks.hi - with_marks.lo).max())
    rows = np.arange(0, len(fr) + 1)
    on = costs.block(costs.Tables(with_marks, weights), weights, shapes, rows, width, search.SLOTS)
    off = costs.block(costs.Tables(without, weights), weights, shapes, rows, width, search.SLOTS)
    fr_marks, en_marks = with_marks.marks_fr, with_marks.marks_en
    # English-only beads carry the closing term only (column 0 holds no such bead)
    closing = [[search.CLOSING_PENALTY * bool(en_marks.closes[int(with_marks.lo[i]) + c - 1])
                if c and int(with_marks.lo[i]) + c <= len(en) else 0.0 for c in range(width)]
               for i in rows.tolist()]
    assert np.asarray(closing).any()
    np.testing.assert_allclose(on[2] - off[2], closing, atol=1e-12)
    checked = nonzero = 0
    for i in rows.tolist():
        for s, (a, b) in enumerate(shapes):
            for c in range(width):
                if off[0][i, s, c] == np.inf:
                    assert on[0][i, s, c] == np.inf
                    continue
                j = int(with_marks.lo[i]) + c
                expected = 0.0
                if b:
                    expected = (reference_marks(fr_marks, en_marks, i, a, b, j)
                                + reference_split(fr, en, i, a, b, j))
                assert on[0][i, s, c] - off[0][i, s, c] == pytest.approx(expected, abs=1e-9)
                checked += 1
                nonzero += expected != 0.0
    assert checked > 500 and nonzero > 100


def test_the_marks_find_the_gold_beads_of_a_real_passage(monkeypatch):
    found = {(tuple(b.fr), tuple(b.en)) for b in align(FR, EN)}
    assert set(GOLD) <= found
    for name in TERMS:
        monkeypatch.setattr(search, name, 0.0)
    before = {(tuple(b.fr), tuple(b.en)) for b in align(FR, EN)}
    # without the evidence, the English-only "And how- " joined the question it interrupts and
    # the French question lost its second English half
    assert ((0,), (0, 1)) not in before and ((), (2,)) not in before


def test_zero_weights_leave_the_costs_of_a_un_text_unchanged(monkeypatch):
    fr = ["Le Conseil de sécurité,", "Rappelant ses résolutions antérieures ;",
          "1. Exige que toutes les parties respectent le cessez-le-feu ?"]
    en = ["The Security Council,", "Recalling its previous resolutions;",
          "1. Demands that all parties respect the ceasefire?"]
    for name in TERMS:
        monkeypatch.setattr(search, name, 0.0)
    weights = search.current_weights()
    shapes = [(a, b) for a, b in search.TYPES if a]
    results = []
    for with_marks in (True, False):
        problem = _problem(fr, en, with_marks)
        width = int((problem.hi - problem.lo).max())
        results.append(costs.block(costs.Tables(problem, weights), weights, shapes,
                                   np.arange(len(fr) + 1), width, search.SLOTS)[0])
    np.testing.assert_array_equal(results[0], results[1])


#: Zola, *La Faute de l'abbé Mouret* (I, 3) and its English translation, as the TransRead gold
#: segments them (a development book, sentences 68-77 / 62-69): the French splitter cut
#: ``- Eh ! ce n'est pas un péché`` after the exclamation mark.
ZOLA_FR = [
    "Elle sera meilleure que la dernière fois.",
    "Et pendant que le prêtre glissait un corporal dans la bourse, et qu'il posait sur le voile "
    "la bourse, ornée d'une croix d'or sur un fond d'or, elle reprit vivement :",
    "- A propos, j'oubliais !",
    "ce galopin de Vincent n'est pas venu.",
    "Voulez -vous que je serve la messe, monsieur le curé ?",
    "Le jeune prêtre la regarda sévèrement.",
    "- Eh !",
    "ce n'est pas un péché, continua -t -elle avec son bon sourire.",
    "Je l'ai servie une fois, la messe, du temps de monsieur Caffin.",
    "Je la sers mieux que des polissons qui rient comme des païens pour une mouche volant dans "
    "l'église...",
]
ZOLA_EN = [
    "Better than the last. '",
    "Then while the priest slipped a corporal into the burse and laid the latter on the veil, she "
    "went on quickly:",
    "' By-the-bye, I forgot! that gadabout Vincent hasn't come.",
    "Do you wish me to serve your mass, your reverence? '",
    "The young priest eyed her sternly.",
    "' Well, it isn't a sin, ' she continued, with her genial smile.",
    "' I did serve a mass once, in Monsieur Caffin's time.",
    "I serve it better, too, than ragamuffins who laugh like heathens at seeing a fly buzzing "
    "about the church.",
]
ZOLA_GOLD = [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,)),
             ((6, 7), (5,)), ((8,), (6,)), ((9,), (7,))]


def test_a_sentence_starting_in_lower_case_stays_with_the_one_before(monkeypatch):
    found = {(tuple(b.fr), tuple(b.en)) for b in align(ZOLA_FR, ZOLA_EN)}
    assert set(ZOLA_GOLD) <= found
    monkeypatch.setattr(search, "CONTINUATION_PENALTY", 0.0)
    before = {(tuple(b.fr), tuple(b.en)) for b in align(ZOLA_FR, ZOLA_EN)}
    assert ((6, 7), (5,)) not in before
