"""French-target checks (English original, French translation), on real UN sentences
(UN Parallel Corpus devset, line numbers given) with one planted error each, against the
curated seeds. The clean French is the official translation."""

from __future__ import annotations

import pytest

from checks import Checker, Segment
from termalign.building import seed_curated

# (devset line, English original, official French, French with one error, expected kind)
CASES = [
    ("110-country", "D. Consideration of the further revised working paper submitted by "
     "Belarus and the Russian Federation", "D. Examen de la nouvelle version révisée du "
     "document de travail présenté par le Bélarus et la Fédération de Russie",
     "D. Examen de la nouvelle version révisée du document de travail présenté par le "
     "Bélarus et la Russie", "country-name"),
    ("106-country", "This is a decisive option of the Democratic People's Republic of Korea.",
     "Tels sont les choix décisifs que se réserve la République populaire démocratique de "
     "Corée.", "Tels sont les choix décisifs que se réserve la Corée du Nord.", "country-name"),
    ("356-thousands", "The population of Arba Minch has more than doubled in the past 20 "
     "years and today counts almost 100,000 inhabitants.", "La population d'Arba Minch a "
     "plus que doublé au cours des 20 dernières années et s'établit aujourd'hui à près de "
     "100 000 habitants.", "La population d'Arba Minch a plus que doublé au cours des 20 "
     "dernières années et s'établit aujourd'hui à près de 100,000 habitants.",
     "number-format"),
    ("478-number", "Over 2,000 men and 500 units of military equipment are taking part in the "
     "field exercises.", "Plus de 2 000 hommes équipés de 500 armes et autres matériels "
     "militaires participent à ces exercices.", "Plus de 3 000 hommes équipés de 500 armes "
     "et autres matériels militaires participent à ces exercices.", "number"),
    ("20-time", "To be held on Wednesday, 21 January 2015, at 11 a.m.", "Qui se tiendra le "
     "mercredi 21 janvier 2015, à 11 heures", "Qui se tiendra le mercredi 21 janvier 2015, à "
     "11 a.m.", "number-format"),
    ("20-date", "To be held on Wednesday, 21 January 2015, at 11 a.m.", "Qui se tiendra le "
     "mercredi 21 janvier 2015, à 11 heures", "Qui se tiendra le mercredi 12 janvier 2015, à "
     "11 heures", "date"),
    ("398-decimal", "The female unemployment rate which in 2004 was 16.3 per cent, fell to 5.3 "
     "per cent in 2013.", "Le taux de chômage des femmes, qui était de 16,3 % en 2004, est "
     "tombé à 5,3 % en 2013.", "Le taux de chômage des femmes, qui était de 16.3 % en 2004, "
     "est tombé à 5,3 % en 2013.", "number-format"),
    ("398-percent", "The female unemployment rate which in 2004 was 16.3 per cent, fell to 5.3 "
     "per cent in 2013.", "Le taux de chômage des femmes, qui était de 16,3 % en 2004, est "
     "tombé à 5,3 % en 2013.", "Le taux de chômage des femmes, qui était de 16,3% en 2004, "
     "est tombé à 5,3 % en 2013.", "number-format"),
    ("19-acronym", "Stressing the role of UNDP in the implementation of the programme.",
     "Soulignant le rôle du PNUD dans la mise en œuvre du programme.",
     "Soulignant le rôle du UNDP dans la mise en œuvre du programme.",
     "untranslated-acronym"),
    ("3381-avoid", "The League of Arab States welcomed the initiative.",
     "La Ligue des États arabes a accueilli favorablement l’initiative.",
     "La Ligue arabe a accueilli favorablement l’initiative.", "avoid-term"),
    ("cei-avoid", "the Commonwealth of Independent States (CIS)",
     "la Communauté d’États indépendants (CEI)",
     "la Communauté des États indépendants (CEI)", "avoid-term"),
    ("elision-missing", "the United Nations Development Programme and the Security Council",
     "le Programme des Nations Unies pour le développement et le Conseil de sécurité",
     "le Programme des Nations Unies et le Conseil de sécurité", "missing-title"),
    ("symbol", "the report of the Secretary-General (S/2015/446)",
     "le rapport du Secrétaire général (S/2015/446)",
     "le rapport du Secrétaire général (S/2015/464)", "symbol"),
]  # fmt: skip


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(seed_curated())


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_official_french_has_no_error(checker, case):
    _id, en, fr, _bad, _kind = case
    issues = checker.check_pair(fr, en, source="en")
    assert [i for i in issues if i.severity == "error"] == []


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_planted_french_error_is_one_issue(checker, case):
    _id, en, _fr, bad, kind = case
    issues = [i for i in checker.check_pair(bad, en, source="en") if i.severity == "error"]
    assert [i.kind for i in issues] == [kind], issues
    assert issues[0].message


def test_expected_in_french_style_and_messages_in_the_ui_language(checker):
    en = "Over 2,000 men and 500 units of military equipment took part."
    fr = "Plus de 3 000 hommes équipés de 500 armes ont participé."
    (issue,) = checker.check_pair(fr, en, source="en", lang="fr")
    assert issue.expected == ["2 000"] and issue.found == "3 000"
    assert "attendu « 2 000 »" in issue.message
    (issue,) = checker.check_pair(fr, en, source="en", lang="en")
    assert "expected '2 000'" in issue.message


def test_english_target_style(checker):
    (issue,) = checker.check_pair("le 16 novembre 2021", "on 16 October 2021")
    assert issue.expected == ["16 November 2021"]


def test_one_issue_for_arab_league(checker):
    issues = checker.check_pair("La Ligue des États arabes a accueilli l’initiative.",
                                "The Arab League welcomed the initiative.")
    assert [i.kind for i in issues] == ["avoid-term"]


@pytest.mark.parametrize(("fr", "en", "kind"), [
    ("le Programme des Nations Unies pour le développement (PNUD)",
     "the United Nations Development Programme (UNEP)", "wrong-acronym"),
    ("le Secrétaire général", "the Secretary General", "avoid-term"),
    ("l’article 2 de la Charte", "Article 3 of the Charter", "number"),
    ("l’article 1 de la Charte", "Article 3 of the Charter", "number"),
    ("les États-Unis d'Amérique", "the USA", "country-name"),
    ("la République démocratique du Congo", "the DR Congo", "country-name"),
    ("les Pays-Bas", "Holland", "country-name"),
    ("Le Conseil de sécurité a adopté la résolution; le Conseil a décidé de rester saisi.",
     "The Council adopted the resolution; the Council decided to remain seized.",
     "missing-title"),
])  # fmt: skip
def test_english_target_fixes(checker, fr, en, kind):
    # checked as a document: "the Council" with no "Security Council" before it is a drop
    issues = [i for i in checker.check([Segment(1, fr, en)]).issues if i.severity == "error"]
    assert kind in [i.kind for i in issues], issues


def test_bare_council_accepted_after_the_full_name_in_an_earlier_segment(checker):
    segments = [Segment(1, "Le Conseil de sécurité s’est réuni.", "The Security Council met."),
                Segment(2, "Le Conseil de sécurité a adopté la résolution.",
                        "The Council adopted the resolution.")]
    assert checker.check(segments).issues == []
    alone = checker.check_pair(segments[1].fr, segments[1].en)
    assert [i.kind for i in alone] == ["missing-title"]


def test_report_carries_the_source(checker):
    report = checker.check([Segment(1, "La CEDEAO.", "ECOWAS.")], source="en")
    assert report.to_dict()["source"] == "en" and '"source": "en"' in report.to_json()
    with pytest.raises(ValueError):
        checker.check([], source="de")


@pytest.mark.parametrize(("confidence", "severity"), [(0.8, "error"), (0.6, "warning")])
def test_builder_acronyms_are_errors_when_confident(confidence, severity):
    from termbase.model import Concept, Term

    cwc = Concept("title", [Term("fr", "CIAC", "acronym"), Term("en", "CWC", "acronym")],
                  curated=False, confidence=confidence)
    (issue,) = Checker([cwc]).check_pair("la CIAC", "the CIAC")
    assert (issue.kind, issue.severity) == ("untranslated-acronym", severity)
