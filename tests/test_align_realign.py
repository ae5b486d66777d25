"""The second alignment pass with the document's own word table (aligner.align.realign; opt-in:
``align(..., realign=True)``)."""

from __future__ import annotations

import pytest

from aligner.align import Bead, align, driver
from aligner.align import realign as realign_module
from aligner.align.lexicon import load_general, unpc_pairs
from aligner.evaluate import strict
from tests.test_align_transread import load


@pytest.fixture(scope="module")
def unpc_lexicon():
    """What IBM model 1 learns from the first 1,000 UNPC devset pairs taken as confident beads."""
    return realign_module.document_lexicon(unpc_pairs(("devset",))[:1000])


@pytest.mark.parametrize(
    ("french", "english"),
    [("conseil", "council"), ("securite", "security"), ("assemblee", "assembly"),
     ("developpement", "development"), ("droits", "rights")],
)
def test_document_lexicon_learns_real_pairs(unpc_lexicon, french, english):
    assert english in unpc_lexicon[french]


def test_document_lexicon_keeps_top_words(unpc_lexicon):
    assert max(len(es) for es in unpc_lexicon.values()) <= realign_module.TOP
    narrow = realign_module.document_lexicon(unpc_pairs(("devset",))[:1000], top=1)
    assert narrow["conseil"] == frozenset({"council"})


def test_document_lexicon_needs_enough_beads():
    pairs = unpc_pairs(("devset",))[: realign_module.MIN_BEADS - 1]
    assert realign_module.document_lexicon(pairs) == {}
    assert realign_module.document_lexicon([]) == {}


def test_confident_pairs_take_sure_one_to_one_beads_only():
    fr = ["Le Conseil s'est réuni.", "Il a adopté la résolution.", "La séance est levée.",
          "Merci."]
    en = ["The Council met.", "It adopted the resolution.", "The meeting rose."]
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (1, 2), 0.9), Bead((2,), (), 0.95),
             Bead((3,), (), 0.2)]
    assert realign_module.confident_pairs(fr, en, beads) == [(fr[0], en[0])]
    assert realign_module.confident_pairs(fr, en, [Bead((0,), (0,), 0.4)]) == []


def test_merge_adds_without_changing_the_general_table():
    general = load_general()
    before = general["conseil"]
    merged = realign_module.merge(general, {"conseil": frozenset({"board"}),
                                            "manuterge": frozenset({"finger-cloth"})})
    assert merged["conseil"] == before | {"board"}
    assert merged["manuterge"] == frozenset({"finger-cloth"})
    assert general["conseil"] == before and "manuterge" not in general


def test_large_documents_are_aligned_once(monkeypatch):
    fr, en = [p[0] for p in unpc_pairs(("devset",))[:60]], [p[1] for p in unpc_pairs(("devset",))[:60]]
    calls = []
    learn = realign_module.document_lexicon
    monkeypatch.setattr(realign_module, "document_lexicon",
                        lambda pairs, **kw: calls.append(len(pairs)) or learn(pairs, **kw))
    align(fr, en, realign=True)
    assert calls and calls[0] >= 50  # the second pass ran, on the sure 1-1 beads
    calls.clear()
    monkeypatch.setattr(realign_module, "MAX_SENTENCES", 59)
    twice = align(fr, en, realign=True)
    assert [(b.fr, b.en) for b in twice] == [(b.fr, b.en) for b in align(fr, en)]
    assert calls == []


@pytest.mark.parametrize("second", [True, False])
def test_features_out_describes_the_final_beads(second):
    pairs = unpc_pairs(("devset",))[:40]
    fr, en = [p[0] for p in pairs], [p[1] for p in pairs]
    rows: list = []
    beads = driver.align_features(fr, en, fr_paragraphs=None, en_paragraphs=None, anchors=(),
                                  terms=(), scorer=None, embedder=None, width=24,
                                  features_out=rows, realign=second)
    assert len(rows) == len(beads)
    assert all(len(row) == 7 for row, b in zip(rows, beads, strict=True) if b.is_pair)


def test_second_pass_on_a_development_book(shared):
    """LaFauteDeLAbbeMouret (development): strict F1 0.980 in one pass, 0.989 in two."""
    fr, en, gold = load(shared, "LaFauteDeLAbbeMouret")
    once = strict(align(fr, en), gold).f1
    twice = strict(align(fr, en, realign=True), gold).f1
    assert twice > once
    assert twice >= 0.985
