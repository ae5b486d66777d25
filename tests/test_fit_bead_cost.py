"""benchmarks.fit_bead_cost: a path's features, whose weighted sum is the path's cost."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.align import align, search
from benchmarks import fit_bead_cost
from tests.test_align_shapes import EN, FR, GOLD


@pytest.mark.parametrize("which", ["gold", "found"])
def test_the_weighted_features_are_the_search_cost(which):
    beads = GOLD if which == "gold" else [(b.fr, b.en) for b in align(FR, EN)]
    path = fit_bead_cost.as_path(beads)
    features = fit_bead_cost.path_features(FR, EN, path, None)
    problem = fit_bead_cost._problem(FR, EN, path, None)
    cost = fit_bead_cost._bead_costs(problem, path, search.current_weights()).sum()
    assert fit_bead_cost.get_theta() @ features == pytest.approx(cost, abs=1e-9)
    # the prior features count the beads of each shape group
    counts = features[len(fit_bead_cost.TERMS):]
    assert counts.sum() == len(path)


def test_the_found_path_is_no_dearer_than_the_gold_one():
    theta = fit_bead_cost.get_theta()
    found = fit_bead_cost.as_path((b.fr, b.en) for b in align(FR[:4], EN[:8]))
    gold = fit_bead_cost.as_path(GOLD[:3])
    assert (theta @ fit_bead_cost.path_features(FR[:4], EN[:8], found, None)
            <= theta @ fit_bead_cost.path_features(FR[:4], EN[:8], gold, None) + 1e-9)


def test_unreachable_shapes_are_left_out():
    path = fit_bead_cost.as_path([((0, 1), (0, 1, 2, 3)), ((2,), (4,))])
    assert fit_bead_cost.unreachable(path) == ({0, 1}, {0, 1, 2, 3})


def test_weights_written_back_are_read_the_same(monkeypatch):
    monkeypatch.setattr(search, "PRIORS", dict(search.PRIORS))
    for name in fit_bead_cost.TERMS:
        monkeypatch.setattr(search, name, getattr(search, name))
    theta = fit_bead_cost.get_theta()
    fit_bead_cost.put_theta(theta * 1.5)
    np.testing.assert_allclose(fit_bead_cost.get_theta(), theta * 1.5)
    assert search.LENGTH_WEIGHT == 0.75
    assert search.PRIORS[(2, 1)] == search.PRIORS[(1, 2)]


def test_the_margin_makes_every_bead_but_the_gold_ones_cheaper():
    from aligner.align import costs

    path = fit_bead_cost.as_path(GOLD)
    problem = fit_bead_cost._problem(FR, EN, path, None)
    weights = search.current_weights()
    shapes = [(a, b) for a, b in search.TYPES if a]
    width = int((problem.hi - problem.lo).max())
    rows = np.arange(len(FR) + 1)

    def block():
        return costs.block(costs.Tables(problem, weights), weights, shapes, rows, width,
                           search.SLOTS)

    original = costs.block
    plain, _source, plain_step = block()
    with fit_bead_cost.margin(path, 2.0):
        cost, _source, step = block()
    assert costs.block is original
    finite = np.isfinite(plain)
    difference = cost[finite] - plain[finite]
    # the four gold beads keep their cost; every other bead costs 2 less
    assert np.count_nonzero(difference == 0.0) == len(GOLD)
    assert np.allclose(difference[difference != 0.0], -2.0)
    np.testing.assert_allclose(step[:, 1:], plain_step[:, 1:] - 2.0)
    np.testing.assert_array_equal(fit_bead_cost._bead_costs(problem, path, weights),
                                  [plain[i, shapes.index((len(rf), len(re))), re.stop
                                         - problem.lo[i]] for rf, re in path
                                   for i in [rf.stop]])
