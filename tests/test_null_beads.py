"""Null beads, per-bead confidence and the UNPC merge/drop tasks they are measured on."""

from __future__ import annotations

import pytest

from aligner.align import align, diagnose
from aligner.align.confidence import null_score, related
from aligner.evaluate import bead_labels, roc_auc, strict
from benchmarks.make_tasks import devset_lexicon, documents, tasks


@pytest.fixture(scope="module")
def dev_tasks():
    """The first eight UNPC devset tasks (development material: the tuning saw them)."""
    return tasks("devset")[:8]


@pytest.fixture(scope="module")
def aligned(dev_tasks):
    lexicon = devset_lexicon()
    return [(task, align(task.fr, task.en, lexicon=lexicon)) for task in dev_tasks]


@pytest.mark.parametrize("part", ["devset", "testset"])
def test_tasks_gold_covers_every_sentence_once_in_order(part):
    for task in tasks(part):
        assert [i for f, _ in task.gold for i in f] == list(range(len(task.fr)))
        assert [j for _, e in task.gold for j in e] == list(range(len(task.en)))


def test_tasks_hold_merges_and_drops_of_real_pairs():
    task_list = tasks("devset")
    shapes = {f"{len(f)}-{len(e)}" for t in task_list for f, e in t.gold}
    assert {"1-1", "1-2", "2-1", "1-3", "3-1", "1-0", "0-1"} <= shapes
    pairs = [(f, e) for _, fr, en in documents("devset") for f, e in zip(fr, en, strict=True)]
    fr_of = dict((e, f) for f, e in pairs)
    en_of = dict(pairs)
    merges = 0
    for task in task_list[:3]:
        for f_ids, e_ids in task.gold:
            if len(f_ids) == 1 and len(e_ids) > 1:  # a French merge of the pairs' French
                merges += 1
                assert task.fr[f_ids[0]] == " ".join(fr_of[task.en[j]] for j in e_ids)
            elif len(e_ids) == 1 and len(f_ids) > 1:
                merges += 1
                assert task.en[e_ids[0]] == " ".join(en_of[task.fr[i]] for i in f_ids)
            elif f_ids and e_ids:
                assert en_of[task.fr[f_ids[0]]] == task.en[e_ids[0]] or (
                    fr_of[task.en[e_ids[0]]] == task.fr[f_ids[0]])
    assert merges >= 5


def test_devset_and_testset_tasks_are_disjoint():
    dev = {s for t in tasks("devset") for s in t.fr}
    test = {s for t in tasks("testset") for s in t.fr}
    # boilerplate lines ("Additif", "Questions diverses") recur across the two sets
    assert len(dev & test) < 0.03 * len(test)


def test_devset_lexicon_never_saw_the_testset():
    from aligner.align.lexicon import hansard_pairs
    from aligner.align.tokens import fold, words

    lexicon = devset_lexicon()
    dev_words = {fold(w) for t in tasks("devset") for s in t.fr for w in words(s)}
    # (the lexicon also learnt from the Canadian Hansard: its words are not the testset's)
    dev_words |= {fold(w) for fr, _en in hansard_pairs() for w in words(fr)}
    test_only = set()
    for task in tasks("testset")[:5]:
        for sentence in task.fr:
            test_only |= {fold(w) for w in words(sentence)} - dev_words
    assert len(test_only) > 50 and not any(w in lexicon for w in test_only)


def test_dropped_sentences_become_null_beads(aligned):
    found = total = 0
    for task, beads in aligned:
        predicted = {(b.fr, b.en) for b in beads}
        for bead in task.gold:
            if not bead[0] or not bead[1]:
                total += 1
                found += bead in predicted
    assert total >= 20
    assert found / total >= 0.6


def test_strict_f1_on_development_tasks(aligned):
    counts = [0, 0, 0, 0]
    for task, beads in aligned:
        for k, value in enumerate(strict(beads, task.gold).counts):
            counts[k] += value
    hit_p, n_p, hit_g, n_g = counts
    precision, recall = hit_p / n_p, hit_g / n_g
    assert 2 * precision * recall / (precision + recall) >= 0.97


def test_bead_scores_rank_right_beads_above_wrong_ones(aligned):
    scores, labels = [], []
    for task, beads in aligned:
        pairs = [b for b in beads if b.is_pair]
        scores += [b.score for b in pairs]
        labels += bead_labels(pairs, task.gold)
    assert labels.count(False) >= 5
    # 0.965 before the neighbours' features (confidence.with_context), 0.989 with them
    assert roc_auc(scores, labels) >= 0.98


def test_an_absorbed_orphan_scores_below_its_neighbours():
    """A 1-2 bead whose second English sentence has nothing in the French is the bad bead."""
    fr = [
        "Le Conseil de sécurité s'est réuni le 19 avril 2021.",
        "Il a examiné le rapport du Secrétaire général (S/2021/297) sur la Somalie.",
        "Le budget s'élève à 488 000 dollars, soit 19,44 % de plus qu'en 2020.",
        "La séance est levée à 13 heures.",
    ]
    en = [
        "The Security Council met on 19 April 2021.",
        "It considered the report of the Secretary-General (S/2021/297) on Somalia.",
        "The budget amounts to $488,000, or 19.44 per cent more than in 2020.",
        "The meeting rose at 1 p.m.",
    ]
    beads = align(fr, en)
    assert [(b.fr, b.en) for b in beads] == [((k,), (k,)) for k in range(4)]
    good = min(b.score for b in beads)
    from aligner.align import driver
    from aligner.align.features import build_sides, self_weight

    side_fr, side_en, weights = build_sides(fr, en)
    rows = driver.path_features(
        [(range(1, 2), range(1, 3))], side_fr, side_en, weights,
        self_weight(side_fr, weights), self_weight(side_en, weights), (0.1, 0.25),
        _problem_stub(fr, en),
    )
    from aligner.align.confidence import pair_score

    assert pair_score(rows[0], False) < good


def _problem_stub(fr, en):
    import numpy as np

    from aligner.align.lengths import char_length

    class Stub:
        len_fr = np.array([char_length(s) for s in fr], dtype=float)
        len_en = np.array([char_length(s) for s in en], dtype=float)
        emb_fr = None

    return Stub()


def test_null_score_falls_with_evidence_of_a_counterpart():
    assert null_score(0.0) > null_score(0.5) > null_score(2.0)


def test_unrelated_documents_score_near_zero(seeds_root):
    fr = (seeds_root / "unpc" / "UNv1.0.devset.fr").read_text("utf-8").splitlines()[:120]
    en = (seeds_root / "unpc" / "UNv1.0.testset.en").read_text("utf-8").splitlines()[:120]
    beads = align(fr, en)
    assert diagnose(beads).unrelated
    assert max(b.score for b in beads) < 0.3
    assert related(0.0) < 0.01 < 0.99 < related(0.4)


def test_peer_links_become_ordered_beads():
    """nltk gives sentence links; the benchmark turns them into beads (with null beads)."""
    from benchmarks.align_peers import components

    links = [(0, 0), (1, 1), (1, 2), (3, 3)]
    assert components(links, 4, 4) == [
        ((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((3,), (3,))
    ]
