"""Links cut from a longer phrase (termbase.extract.partial, issue 11)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from termbase.extract.association import TermEvidence, TermLink
from termbase.extract.explain import cognate
from termbase.extract.partial import cut, whole_links

WORDS = {("mesures", "measures"), ("armes", "arms"), ("unis", "united"), ("arabes", "arab"),
         ("politiques", "political"), ("civils", "civil"), ("droits", "rights"),
         ("pacte", "covenant"), ("espace", "space"), ("aerien", "air"), ("paix", "peace"),
         ("maintien", "maintenance"), ("operations", "operations"), ("securite", "security"),
         ("conseil", "council")}


def match(f: str, e: str) -> bool:
    return (f, e) in WORDS or cognate(f, e)


def spans(fr: str, term: str, en: str, english: str) -> tuple:
    return (fr.index(term), fr.index(term) + len(term)), (en.index(english),
                                                          en.index(english) + len(english))


@pytest.mark.parametrize("fr, term, en, english, expected", [
    # the English lacks a word that it writes beside the span
    ("Les mesures d'austérité ont été levées.", "mesures d'austérité",
     "The austerity measures were lifted.", "austerity", "en:mesures"),
    ("Il viole l'embargo sur les armes.", "embargo sur les armes",
     "It violates the arms embargo.", "embargo", "en:armes"),
    # the French lacks a word beside it that the English renders
    ("Les Émirats arabes unis ont voté.", "Émirats arabes",
     "The United Arab Emirates voted.", "United Arab Emirates", "fr:unis"),
    ("Le Pacte international relatif aux droits civils et politiques.",
     "Pacte international relatif aux droits civils",
     "The International Covenant on Civil and Political Rights.",
     "International Covenant on Civil and Political Rights", "fr:politiques"),
    # whole links: one English compound for two French words, or a word for word rendering
    ("Il a violé l'espace aérien libanais.", "espace aérien", "It violated Lebanese airspace.",
     "airspace", ""),
    ("Le maintien de la paix et les opérations.", "maintien de la paix",
     "Peacekeeping and operations.", "Peacekeeping", ""),
    ("Le Conseil de sécurité se réunit.", "Conseil de sécurité",
     "The Security Council meets.", "Security Council", ""),
    # punctuation stops the search beside the span
    ("Les mesures (d'austérité).", "d'austérité", "The measures (austerity).", "austerity", ""),
])
def test_cut(fr, term, en, english, expected):
    fr_span, en_span = spans(fr, term, en, english)
    assert cut(fr, fr_span, en, en_span, match) == expected


def _link(fr_key: str, en_key: str, evidence: list[TermEvidence]) -> TermLink:
    return TermLink(fr_key, en_key, Counter({fr_key: 3}), Counter({en_key: 3}), 3, 3, 3, 3,
                    1.0, evidence=evidence)


def test_whole_links_drops_a_link_cut_in_most_pairs():
    fr = ["Les mesures d'austérité ont été levées.", "Des mesures d'austérité sévères.",
          "Les Émirats arabes unis ont voté."]
    en = ["The austerity measures were lifted.", "Severe austerity measures.",
          "The United Arab Emirates voted."]

    def ev(i: int, term: str, english: str) -> TermEvidence:
        return TermEvidence(i, *spans(fr[i], term, en[i], english))

    austerity = _link("mesures d'austerite", "austerity",
                      [ev(0, "mesures d'austérité", "austerity"),
                       ev(1, "mesures d'austérité", "austerity measures")])
    emirates = _link("emirats arabes", "united arab emirates",
                     [ev(2, "Émirats arabes", "United Arab Emirates")])
    kept = whole_links([austerity, emirates], fr, en, match)
    # one pair of two cut: at most half, kept; the only pair cut: dropped
    assert kept == [austerity]


def test_shipped_link_file_has_no_cut_link():
    """The shipped link file holds none of the links dropped as cut (bench_terms.py
    --drop-partial), and every dropped one was judged by reading."""
    import seeds
    from termalign.building import SHIPPED_TERMS, seed_aligned
    from termbase.extract.evaluate import read_gold
    from termbase.extract.term_concepts import load_links

    links = load_links(seeds.path(*SHIPPED_TERMS), seed_aligned())
    census = read_gold(Path(__file__).parent / "data" / "terms_precision_partial.tsv",
                       ("right", "fr", "en", "links", "cut", "context_fr", "context_en"))
    assert len(census) >= 50 and {r[0] for r in census} <= {"yes", "no"}
    shipped = {(link.fr_text(), link.en_text()) for link in links}
    assert not shipped & {(r[1], r[2]) for r in census}
