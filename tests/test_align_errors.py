"""benchmarks.tune_align.shape_errors: the error breakdown by gold bead shape."""

from __future__ import annotations

from benchmarks.tune_align import shape_errors

FR = [
    "Le conseil a adopté la résolution sur le budget.",
    "La séance est levée à midi.",
    "Le président remercie les délégations.",
]
EN = [
    "The council adopted the resolution on the budget.",
    "The meeting rose at noon.",
    "The president thanked the delegations.",
]


def test_right_gold_counts_nothing_missed():
    gold = [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert shape_errors({"book": (FR, EN, gold)}) == {(1, 1): (0, 3)}


def test_wrong_gold_beads_are_missed_by_shape():
    # a gold that pairs the first two sentences as one 2-2 bead: the aligner's 1-1 beads miss it
    gold = [((0, 1), (0, 1)), ((2,), (2,))]
    assert shape_errors({"book": (FR, EN, gold)}) == {(1, 1): (0, 1), (2, 2): (1, 1)}
