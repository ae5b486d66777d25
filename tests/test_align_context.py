"""The bead confidence reads a bead's neighbours on the path (:func:`aligner.align.confidence.
with_context`): on real TransRead development text, a pair bead beside a null bead is where
the boundary is most often wrong, and its score says so."""

from __future__ import annotations

import pytest

from aligner.align import align, driver
from aligner.align.confidence import NAMES, with_context
from aligner.evaluate import bead_labels, roc_auc
from aligner.formats import beads as bead_format

BOOKS = "corpus/transread_gold_sentence_alignment/vecalign_format"


@pytest.fixture(scope="module")
def candide(shared):
    """*Candide* (a development book: the confidence was fitted on it), aligned."""
    folder = shared / BOOKS / "Candide"
    fr = (folder / "fr.txt").read_text("utf-8").splitlines()
    en = (folder / "en.txt").read_text("utf-8").splitlines()
    gold = [(b.fr, b.en) for b in bead_format.load(folder / "gold.fren").beads()]
    return fr, en, gold, align(fr, en)


def test_pair_bead_beside_a_null_bead_is_doubted(candide):
    """*L'autre moitié jetait des cris ...; les voiles étaient déchirées, les mâts brisés, le
    vaisseau entr'ouvert.* is one French sentence for two English ones (... *brought by the
    board.* / *The vessel was a total wreck.*); the aligner pairs it with the first and leaves
    the second English-only. Without its neighbours the bead scored 0.955, above the book's
    median."""
    fr, en, gold, found = candide
    assert fr[133].startswith("L'autre moitié jetait des cris")
    at = {(b.fr, b.en): k for k, b in enumerate(found)}
    k = at[((133,), (151,))]
    assert found[k + 1].fr == () and found[k + 1].en == (152,)
    assert ((133,), (151, 152)) in gold
    right_before = [b.score for b in found[k - 3 : k]]
    assert found[k].score < 0.9 < min(right_before)


def test_context_features_rank_candide_beads(candide):
    """Pair-bead ROC AUC on *Candide*: 0.688 with the features of the bead alone (before),
    0.762 with its neighbours'."""
    _fr, _en, gold, found = candide
    pairs = [b for b in found if b.is_pair]
    labels = bead_labels(pairs, gold)
    assert labels.count(False) >= 30
    assert roc_auc([b.score for b in pairs], labels) >= 0.74


def test_context_rows_of_a_real_path(candide):
    """The rows the driver scores carry the three neighbour features before ``semantic``."""
    fr, en, _gold, found = candide
    from aligner.align.features import build_sides, self_weight
    from tests.test_null_beads import _problem_stub

    path, i, j = [], 0, 0
    for bead in found:
        path.append((range(i, i + len(bead.fr)), range(j, j + len(bead.en))))
        i, j = i + len(bead.fr), j + len(bead.en)
    side_fr, side_en, weights = build_sides(fr, en)
    rows = driver.path_features(path, side_fr, side_en, weights, self_weight(side_fr, weights),
                                self_weight(side_en, weights), (0.1, 0.25),
                                _problem_stub(fr, en))
    k = path.index((range(133, 134), range(151, 152)))
    assert rows[k + 1] == rows[k + 1][:1]  # the null bead: its evidence only
    null_beside = NAMES.index("null_beside")
    assert [rows[t][null_beside] for t in (k - 1, k, k + 2)] == [0.0, 1.0, 1.0]
    assert all(len(rows[t]) == len(NAMES) for t in (k - 1, k, k + 2))
    alone = [rows[k - 1][:6] + rows[k - 1][9:]]
    assert with_context(path[k - 1 : k], alone) == [rows[k - 1][:6] + [0.0, 1.0, 0.0]
                                                    + rows[k - 1][9:]]
