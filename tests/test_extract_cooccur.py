"""French→English acronym links by co-occurrence over aligned sentence pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from termbase.errors import FormatError
from termbase.extract.cooccur import (
    AlignedPair,
    acronyms_in,
    align_acronyms,
    link_to_concept,
    read_aligned,
    symbol_from_ids,
)
from termbase.extract.evaluate import read_gold, score_links

GOLD = Path(__file__).parent / "data" / "unpc_acronym_pairs_gold.tsv"
#: Measured on the UNPC dev+test sets: precision 0.99, recall 0.96.
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.90


@pytest.fixture(scope="module")
def unpc_pairs():
    from termalign.building import seed_aligned

    return seed_aligned()


@pytest.fixture(scope="module")
def unpc_links(unpc_pairs):
    return align_acronyms(unpc_pairs)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("La CEEAC et la CEDEAO.", {"CEEAC", "CEDEAO"}),
        ("the HFCs and UN-Women", {"HFC", "UN-Women"}),
        ("LRA-affected areas, WFP-supplied food", {"LRA", "WFP"}),
        ("chapitre VII ; ONU ; SharePoint ; (S/2015/1)", set()),
    ],
)
def test_acronyms_in(sentence, expected):
    assert acronyms_in(sentence) == expected


def test_competitive_linking_prefers_the_consistent_partner():
    pairs = [AlignedPair("Le PNUD et le FNUAP.", "UNDP and UNFPA."),
             AlignedPair("Le PNUD agit.", "UNDP acts."),
             AlignedPair("Le FNUAP agit.", "UNFPA acts."),
             AlignedPair("Le PNUD, encore.", "UNDP again.")]
    links = {(link.fr, link.en) for link in align_acronyms(pairs)}
    assert links == {("PNUD", "UNDP"), ("FNUAP", "UNFPA")}


def test_identical_acronym_seen_once_is_not_a_link():
    assert align_acronyms([AlignedPair("Le DDT.", "DDT.")]) == []


def test_link_becomes_concept_with_full_forms_and_evidence():
    pairs = [AlignedPair("La Communauté économique des États de l’Afrique centrale (CEEAC) agit.",
                         "The Economic Community of Central African States (ECCAS) acts.",
                         "corpus:1", "S/2015/1"),
             AlignedPair("La CEEAC coopère.", "ECCAS cooperates.", "corpus:2", "S/2015/2")]
    [link] = align_acronyms(pairs)
    concept = link_to_concept(link)
    assert [(t.lang, t.type, t.text) for t in concept.terms] == [
        ("fr", "fullForm", "Communauté économique des États de l’Afrique centrale"),
        ("fr", "acronym", "CEEAC"),
        ("en", "fullForm", "Economic Community of Central African States"),
        ("en", "acronym", "ECCAS"),
    ]
    assert not concept.curated and concept.origin == "aligned"
    assert [e.symbol for e in concept.evidence] == ["S/2015/1", "S/2015/2"]
    assert all(e.method == "aligned" and e.context_en for e in concept.evidence)


def test_read_aligned_rejects_unequal_files(tmp_path):
    (tmp_path / "a.fr").write_text("un\ndeux\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("one\n", encoding="utf-8")
    with pytest.raises(FormatError, match="not a line-aligned pair"):
        read_aligned(tmp_path / "a.fr", tmp_path / "a.en")


@pytest.mark.parametrize(("line", "symbol"), [
    ("2015/s/2014/958 ar:84:1 en:87:1", "S/2014/958"),
    ("2015/a/70/95 en:1:1", "A/70/95"),
])
def test_symbol_from_ids(line, symbol):
    assert symbol_from_ids(line) == symbol


def test_unpc_links_against_hand_checked_gold(unpc_links):
    gold = read_gold(GOLD, ("fr", "en"))
    score = score_links({(link.fr, link.en) for link in unpc_links}, gold)
    assert score.precision >= PRECISION_FLOOR, score.wrong
    assert score.recall >= RECALL_FLOOR, score.missed


def test_unpc_english_definitions(unpc_links):
    by_fr = {link.fr: link for link in unpc_links}
    assert by_fr["CEEAC"].en == "ECCAS"
    assert by_fr["CEDEAO"].en_definition == "Economic Community of West African States"
    assert by_fr["AIEA"].fr_definition == "Agence internationale de l'énergie atomique"
