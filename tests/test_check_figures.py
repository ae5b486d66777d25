"""Numbers official UN translations render in ways the reader of figures does not see
(checks.figures.leeway): each case is a real pair of the UN Parallel Corpus devset
(shortened), with no number error, and its twin with one number changed, still found."""

from __future__ import annotations

import pytest

from checks import Checker


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker([])


def _numbers(checker, fr, en, source):
    return [i.source_term for i in checker.check_pair(fr, en, source=source)
            if i.kind == "number"]  # fmt: skip


# (why, corpus line, French, English, original, the translation with a wrong number)
CASES = [
    ("military time", 793,
     "1. À 3 h 00, un groupe subversif azerbaidjanais a attaqué les positions arméniennes.",
     "1. At 0300, the subversive group from the Azerbaijani side attacked the combat position.",
     "en", "1. À 4 h 00, un groupe subversif azerbaidjanais a attaqué les positions arméniennes."),
    ("midnight", 3014,
     "à partir du 15 février 2015 à minuit heure (heure de Kiev).",
     "as from 0000 hours (Kyiv time) on 15 February 2015.", "en",
     "à partir du 15 février 2015 à 1 heure (heure de Kiev)."),
    ("military hours, noon", 3824,
     "Le 18 juin 2014, entre 11 heures et midi, plus de 25 travailleurs humanitaires ont été "
     "enlevés.",
     "151. Between 1100 and 1200 hours on 18 June 2014, over 25 humanitarian workers were "
     "abducted.", "en",
     "Le 18 juin 2014, entre 10 heures et midi, plus de 25 travailleurs humanitaires ont été "
     "enlevés."),
    ("isotope", 846,
     "L'Iran a déclaré que le but de l'enrichissement d'UF6 jusqu'à 5 % en 235U était la "
     "production de combustible.",
     "14. Iran has stated that the purpose of enriching UF6 up to 5% U-235 is the production "
     "of fuel.", "en",
     "L'Iran a déclaré que le but de l'enrichissement d'UF6 jusqu'à 5 % en 238U était la "
     "production de combustible."),
    ("code glued to a letter", 808, "2013-041A", "2013-041A", "en", "2013-042A"),
    ("number glued to the next word", 3699,
     "le pays compte au total 8 223enseignants, dont 7 513 en formation",
     "there are a total of 8,223 teachers in the country with 7,513 of them being trained",
     "en", "le pays compte au total 8 233enseignants, dont 7 513 en formation"),
    ("en dash lost in the corpus", 3596,
     "si les deux époux en vertu des articles 46 à 53 possèdent les mêmes droits au divorce",
     "while equal rights to divorce are given to both spouses by Articles 4653", "en",
     "si les deux époux en vertu des articles 46 à 54 possèdent les mêmes droits au divorce"),
    ("en dash lost in the corpus, French original", 3596,
     "si les deux époux en vertu des articles 46 à 53 possèdent les mêmes droits au divorce",
     "while equal rights to divorce are given to both spouses by Articles 4653", "fr",
     "while equal rights to divorce are given to both spouses by Articles 4654"),
    ("approximation", 1676,
     "Une quarantaine d'experts ont participé à l'atelier.",
     "2. About 40 experts participated in the workshop.", "en",
     "Une cinquantaine d'experts ont participé à l'atelier."),
    ("Roman century", 3576,
     "devrait être une caractéristique de l'éducation du XXIe siècle dans le monde entier.",
     "should be a hallmark of twenty-first-century education everywhere.", "en",
     "devrait être une caractéristique de l'éducation du XXe siècle dans le monde entier."),
    ("meeting number after an acronym", 3128,
     "Fiches présentées à la douzième réunion de la Conférence des Parties pour examen",
     "Waste stream fact sheets submitted to COP 12 for its consideration", "en",
     "Fiches présentées à la onzième réunion de la Conférence des Parties pour examen"),
    ("part 1 = première partie", 857,
     "Conformément à la première partie des Directives provisoires (assistance d'urgence)",
     "In accordance with part 1 of the interim guidelines (emergency assistance)", "en",
     "Conformément à la deuxième partie des Directives provisoires (assistance d'urgence)"),
    ("one million", 3438,
     "environ un million de personnes victimes d'insécurité alimentaire",
     "approximately 1 million food insecure people", "en",
     "environ deux millions de personnes victimes d'insécurité alimentaire"),
    ("half", 3738,
     "en partie parce que plus de la moitié d'entre elles ne savent pas qu'elles sont "
     "séropositives.",
     "in part because more than 50 per cent of people living with HIV do not know their "
     "serostatus.", "en",
     "en partie parce que plus du tiers d'entre elles ne savent pas qu'elles sont "
     "séropositives."),
    ("and a half", 424,
     "un fonctionnaire ayant travaillé à 50 % sur le projet pendant deux ans et demi",
     "one staff member working at 50 per cent on programme criticality for 2.5 years", "en",
     "un fonctionnaire ayant travaillé à 50 % sur le projet pendant trois ans et demi"),
    ("footnote after a closing quote", 1893,
     "Rapport du Secrétaire général intitulé « Réformes de la gestion des ressources "
     "humaines »",
     "Report of the Secretary-General entitled \"Overview of human resources management "
     "reform\"18", "en", None),
    ("footnote after a full stop", 2225,
     "16. Questions relatives à la monopolisation des activités menées dans la Zone, compte "
     "tenu du concept d'abus de position dominante.",
     "16. Issues related to monopolization of activities in the Area, taking into "
     "consideration the concept of abuse of a dominant position.2", "en", None),
    ("footnote glued to a year", 1134,
     "1. Note que le rapport sur l'exécution du budget pour l'exercice biennal 2014-20151 "
     "contient des informations",
     "1. Notes that the report on the implementation of the budget for the biennium "
     "2014-2015 provides information", "en",
     "1. Note que le rapport sur l'exécution du budget pour l'exercice biennal 2014-20161 "
     "contient des informations"),
    ("footnote opening a segment", 701,
     "6 Il est entendu que la Croatie remplira son engagement conformément à l'article 4 du "
     "Protocole de Kyoto.",
     "Croatia will fulfil this QELRC jointly, in accordance with Article 4 of the Kyoto "
     "Protocol.", "fr",
     "Croatia will fulfil this QELRC jointly, in accordance with Article 5 of the Kyoto "
     "Protocol."),
    ("footnote after a year's full stop", 2323,
     "Rais Khudaidad a été capturé par les forces de sécurité afghanes en septembre 201442.",
     "Ra'is Khudaidad was captured by Afghan security forces in September 2014.42", "fr",
     "Ra'is Khudaidad was captured by Afghan security forces in September 2015.42"),
    ("a list with a missing space", 2528,
     "Droit international humanitaire coutumier, règles 1 et 6, 2, 7,10 (protection d'objets "
     "civils), 11 et 103",
     "Customary international humanitarian law, rules 1 and 6, 2, 7, 10 (protection of "
     "civilian objects), 11 and 103", "fr",
     "Customary international humanitarian law, rules 1 and 6, 2, 7, 12 (protection of "
     "civilian objects), 11 and 103"),
    ("military hours in the translation", 3824,
     "Le 18 juin 2014, entre 11 heures et midi, plus de 25 travailleurs humanitaires ont été "
     "enlevés.",
     "151. Between 1100 and 1200 hours on 18 June 2014, over 25 humanitarian workers were "
     "abducted.", "fr",
     "151. Between 1000 and 1200 hours on 18 June 2014, over 25 humanitarian workers were "
     "abducted."),
    ("an ordinal with hundreds", 2783,
     "Que la cent trente et unième Assemblée de l'Union interparlementaire",
     "Endorsed by the 131st Assembly of the Inter-Parliamentary Union", "fr",
     "Endorsed by the 132nd Assembly of the Inter-Parliamentary Union"),
    ("a year and its footnote, English original", 2323,
     "Rais Khudaidad a été capturé par les forces de sécurité afghanes en septembre 201442.",
     "Ra'is Khudaidad was captured by Afghan security forces in September 2014.42", "en",
     "Rais Khudaidad a été capturé par les forces de sécurité afghanes en septembre 201542."),
    ("a list with a missing space in the translation", 2528,
     "Droit international humanitaire coutumier, règles 1 et 6, 2, 7,10 (protection d'objets "
     "civils), 11 et 103",
     "Customary international humanitarian law, rules 1 and 6, 2, 7, 10 (protection of "
     "civilian objects), 11 and 103", "en",
     "Droit international humanitaire coutumier, règles 1 et 6, 2, 7,12 (protection d'objets "
     "civils), 11 et 103"),
    ("paragraph 1 = premier paragraphe", 2617,
     "On a expliqué que le premier paragraphe du dispositif visait à instaurer un examen annuel.",
     "10. It was explained that operative paragraph 1 was intended to establish an annual "
     "evaluation.", "en",
     "On a expliqué que le deuxième paragraphe du dispositif visait à instaurer un examen "
     "annuel."),
    ("a period in one word", 2362,
     "l'objectif opérationnel 3 du plan-cadre stratégique décennal",
     "operational objective 3 of the 10-year strategic plan and framework", "en",
     "l'objectif opérationnel 3 du plan-cadre stratégique quinquennal"),
    ("a resolution cited again without its year", 555,
     "constitue une violation de la résolution 2118 (2013), et faisant observer également",
     "is a violation of resolution 2118, and further noting", "fr",
     "is a violation of resolution 2119, and further noting"),
    ("a one-digit minute", 1698,
     "Qui se tiendra le jeudi 8 janvier 2015, à 15 h 5",
     "To be held on Thursday, 8 January 2015, at 3.05 p.m.", "fr",
     "To be held on Thursday, 8 January 2015, at 3.07 p.m."),
    ("a one-digit minute in the translation", 1698,
     "Qui se tiendra le jeudi 8 janvier 2015, à 15 h 5",
     "To be held on Thursday, 8 January 2015, at 3.05 p.m.", "en",
     "Qui se tiendra le jeudi 8 janvier 2015, à 15 h 7"),
    ("a code word", 1101,
     "une procédure relative à des opérations entre entreprises et consommateurs",
     "more closely aligned with a B2C than a B2B procedure", "en", None),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_official_pair_has_no_number_error(checker, case):
    _why, _line, fr, en, source, _bad = case
    assert _numbers(checker, fr, en, source) == []


@pytest.mark.parametrize("case", [c for c in CASES if c[5]], ids=[c[0] for c in CASES if c[5]])
def test_a_wrong_number_is_still_found(checker, case):
    _why, _line, fr, en, source, bad = case
    fr, en = (fr, bad) if source == "fr" else (bad, en)
    assert _numbers(checker, fr, en, source)


def test_years_between_are_no_military_times(checker):
    english = "Between 2000 and 2005, the number of staff doubled."
    assert _numbers(checker, "Entre 2000 et 2006, le nombre a doublé.", english, "en") == \
        ["2005"]
