"""The planted-error sets (tests/data/planted_*.tsv, made by benchmarks/make_planted.py):
well formed, twins taken verbatim from the UN Parallel Corpus, and the devset cases (the
ones the rules were tuned on) found by the checks against the curated seeds."""

from __future__ import annotations

from collections import Counter

import pytest

import seeds
from benchmarks.bench_planted import ACCEPTED, _warnings, run_termalign
from benchmarks.make_planted import KINDS, read
from checks import Checker
from termalign.building import seed_curated


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(seed_curated())


@pytest.mark.parametrize("part", ["devset", "testset"])
def test_sets_are_well_formed(part):
    cases = read(part)
    counts = Counter((c["source"], c["kind"]) for c in cases)
    assert set(KINDS) == set(ACCEPTED)
    assert all(counts[(s, k)] >= 25 for s in ("fr", "en") for k in KINDS), counts
    fr = seeds.path("unpc", f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
    en = seeds.path("unpc", f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines()
    for case in cases:
        line = int(case["line"])
        assert (case["fr"], case["en"]) == (fr[line - 1], en[line - 1])  # the official twin
        target = case["en"] if case["source"] == "fr" else case["fr"]
        assert case["planted"] != target


def test_devset_recall_and_false_alarms(checker):
    found, alarms = run_termalign(checker, read("devset"))
    recall = {key: f / n for key, (f, n) in found.items()}
    # each pair alone: a bare head ("the Council") for a dropped name is only a warning
    assert min(r for (s, k), r in recall.items() if k != "name-dropped") >= 0.85, recall
    for source, (fa, n) in alarms.items():
        assert fa / n <= 0.03, (source, fa, n)
    found, _ = run_termalign(checker, read("devset"), count=_warnings)
    assert min(f / n for f, n in found.values()) >= 0.85, found
    # each pair as a whole document: the name was never given before, the drop is an error
    found, _ = run_termalign(checker, [c for c in read("devset") if c["kind"] == "name-dropped"],
                             document=True)
    assert min(f / n for f, n in found.values()) >= 0.85, found


@pytest.mark.parametrize("part", ["devset", "testset"])
def test_the_judged_pairs_are_well_formed(part):
    from benchmarks.bench_planted import judged

    verdicts = judged(part)
    lines = seeds.path("unpc", f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
    assert len(verdicts) >= 90
    for (source, line), (verdict, kind) in verdicts.items():
        assert source in ("fr", "en") and 1 <= line <= len(lines)
        assert verdict in ("real", "alarm") and kind
