"""Cleaning the artefacts of UN layouts from the 1990s to today, one snippet each (pypdf text:
no blank lines, no indentation)."""

from __future__ import annotations

import pytest

from aligner.clean import clean_text
from aligner.segment import segment_document

#: Full-width lines set the wrap width of a snippet.
_WRAP = ("Le Comité a examiné le rapport du Secrétaire général sur la question de la\n"
         "coopération entre l’Organisation des Nations Unies et les organisations régionales.")


def _body(text: str, lang: str = "fr") -> list[tuple[str, str]]:
    return [(p.kind, p.text) for p in clean_text(text, lang).body()]


# (id, source, lang, body paragraphs (kind, text))
CASES = [
    ("glued-page-head",
     "Le Comité se félicite des progrès accomplis dans l’application de la présente\n"
     "résolution et de ses annexes.\n\f\nA/RES/48/161\n"
     "Page 6 10. Note avec préoccupation que la situation humanitaire reste grave.", "fr",
     [("body", "Le Comité se félicite des progrès accomplis dans l’application de la présente "
               "résolution et de ses annexes."),
      ("numbered", "10. Note avec préoccupation que la situation humanitaire reste grave.")]),
    ("head-alone-and-continuation-mark",
     "1. Le Conseil a examiné la question de la coopération entre l’Organisation et les\n"
     "organisations régionales\n/...\n\f\nA/RES/48/161\nPage 2\n"
     "et sous-régionales lors de sa séance.", "fr",
     [("numbered", "1. Le Conseil a examiné la question de la coopération entre l’Organisation "
                   "et les organisations régionales et sous-régionales lors de sa séance.")]),
    ("geneva-job-numbers",
     "1. Le Rapporteur spécial a effectué une visite dans le pays du 3 au 10 mai 2009 et\n"
     "remercie le Gouvernement de sa coopération.\nGE.09-17088 (F) 111209 161209\n\f\n"
     "A/HRC/13/22\npage 2\n2. Il a rencontré des représentants de la société civile.\n"
     "GE.09-17088 5", "fr",
     [("numbered", "1. Le Rapporteur spécial a effectué une visite dans le pays du 3 au 10 mai "
                   "2009 et remercie le Gouvernement de sa coopération."),
      ("numbered", "2. Il a rencontré des représentants de la société civile.")]),
    ("vienna-and-nairobi-job-numbers",
     "1. The Commission on Narcotic Drugs adopted the resolution without a vote at its\n"
     "fifty-eighth session.\nV.15-00123 (E) 150115 160115\n*1500123*\n\f\nE/CN.7/2015/13\n"
     "2. The secretariat reported on the implementation of the plan of action.\n"
     "V.15-00123 2/10\n\f\nK1500123 120315", "en",
     [("numbered", "1. The Commission on Narcotic Drugs adopted the resolution without a vote "
                   "at its fifty-eighth session."),
      ("numbered", "2. The secretariat reported on the implementation of the plan of action.")]),
    ("doubled-masthead-and-capitals",
     "NATIONSNATIONS AA\nUNIESUNIES\nAssemblée générale\nDistr.\nGENERALE\nA/RES/48/161\n"
     "4 février 1994\nQuarante-huitième session\nPoint 172 de l’ordre du jour\n"
     "RESOLUTION ADOPTEE PAR L’ASSEMBLEE GENERALE\n"
     "[sur le rapport de la Cinquième Commission (A/48/811)]\n"
     "48/161. Mariage et rapports familiaux\nL’Assemblée générale,\n"
     "Rappelant sa résolution 47/1 sur la question et les rapports du Secrétaire\n"
     "général sur la situation des familles,\n"
     "Consciente du rôle que joue la famille dans la société,\n"
     "1. Prie le Secrétaire général de lui présenter un rapport sur la question;\n"
     "85e séance plénière", "fr",
     [("heading", "RESOLUTION ADOPTEE PAR L’ASSEMBLEE GENERALE"),
      ("heading", "[sur le rapport de la Cinquième Commission (A/48/811)]"),
      ("heading", "48/161. Mariage et rapports familiaux"),
      ("body", "L’Assemblée générale,"),
      ("preamble", "Rappelant sa résolution 47/1 sur la question et les rapports du Secrétaire "
                   "général sur la situation des familles,"),
      ("preamble", "Consciente du rôle que joue la famille dans la société,"),
      ("numbered", "1. Prie le Secrétaire général de lui présenter un rapport sur la question;"),
      ("heading", "85e séance plénière")]),
    ("geneva-masthead-in-capitals",
     "A/HRC/13/22\nNATIONS UNIES\nAssemblée générale\nDistr. GENERALE\n15 décembre 2009\n"
     "FRANCAIS\nOriginal : ANGLAIS\nCONSEIL DES DROITS DE L’HOMME\nTreizième session\n"
     "Point 3 de l’ordre du jour\nRAPPORT DU RAPPORTEUR SPECIAL\n"
     "1. Le présent rapport est soumis en application de la résolution 7/1 du Conseil.", "fr",
     [("heading", "RAPPORT DU RAPPORTEUR SPECIAL"),
      ("numbered", "1. Le présent rapport est soumis en application de la résolution 7/1 du "
                   "Conseil.")]),
    ("table-of-contents",
     "TABLE DES MATIERES\nParagraphes Page\nI. INTRODUCTION ............................ 1 - 5 3\n"
     "II. CONCLUSIONS ............................. 6 - 9 5\nI. INTRODUCTION\n"
     "1. Le présent rapport est soumis en application de la résolution 7/1 du Conseil.", "fr",
     [("heading", "TABLE DES MATIERES"), ("heading", "I. INTRODUCTION"),
      ("numbered", "1. Le présent rapport est soumis en application de la résolution 7/1 du "
                   "Conseil.")]),
    ("pypdf-spaces-in-words",
     "Les pays ont béné ficié de l’aide à compter du 1 er janvier 2015, dans le cadre du "
     "programme.", "fr",
     [("body", "Les pays ont bénéficié de l’aide à compter du 1er janvier 2015, dans le cadre "
               "du programme.")]),
    ("pypdf-spaces-in-english-words",
     "The Council met fift een times in 2015 and consi dered the report.", "en",
     [("body", "The Council met fifteen times in 2015 and considered the report.")]),
    ("heading-then-number-on-a-full-line",
     f"13. {_WRAP}\nIII. Examen de la gouvernance environnementale dans le système des Nations Unies\n"
     "14. Le Corps commun d’inspection a examiné la question.", "fr",
     [("numbered", "13. " + _WRAP.replace("\n", " ")),
      ("heading", "III. Examen de la gouvernance environnementale dans le système des Nations "
                  "Unies"),
      ("numbered", "14. Le Corps commun d’inspection a examiné la question.")]),
]


@pytest.mark.parametrize(("source", "lang", "expected"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_layout_snippets(source, lang, expected):
    assert _body(source, lang) == expected


# (id, source, lang, {paragraph prefix: its detached notes}, footnotes (number, text))
NOTE_CASES = [
    ("slash-notes-1990s",
     "1. Rappelle sa résolution 47/1 3/, et la déclaration du Président 4/.\n"
     "____________________\n3/ A/46/864-S/23501, annexe.\n4/ S/25344.\n", "fr",
     {"1.": ["3", "4"]}, [("3", "A/46/864-S/23501, annexe."), ("4", "S/25344.")]),
    ("star-note-on-a-title",
     "RAPPORT DU GROUPE DE TRAVAIL*\n1. Le Groupe a tenu sa session à Genève.\n"
     "____________________\n* Soumis en retard.\n", "fr",
     {"RAPPORT": ["*"]}, [("*", "Soumis en retard.")]),
    ("rule-then-blank-line",
     "1. Le montant atteint 31,6 milliards de dollars1.\n__________\n\n1 Voir le rapport.\n",
     "fr", {"1.": ["1"]}, [("1", "Voir le rapport.")]),
    ("english-note-after-the-stop",
     "1. The Council adopted the resolution on 1 January 2015.1 It met again “on Syria”.2\n"
     "__________\n1 See S/2015/1.\n2 See S/2015/2.\n", "en",
     {"1.": ["1", "2"]}, [("1", "See S/2015/1."), ("2", "See S/2015/2.")]),
    ("notes-under-a-drawn-rule",
     "1. Les compagnies locales assurent la liaison entre les trois îles1.\n"
     "2. Des transporteurs maritimes assurent des liaisons directes depuis les\n"
     "1 Il faut aussi recruter 20 autres agents pénitentiaires.\n5\n\f\nUNEP/EA.2/1\n"
     "Pays-Bas et les États-Unis.\n", "fr",
     {"1.": ["1"], "2.": []}, [("1", "Il faut aussi recruter 20 autres agents pénitentiaires.")]),
]


@pytest.mark.parametrize(("source", "lang", "notes", "footnotes"), [c[1:] for c in NOTE_CASES],
                         ids=[c[0] for c in NOTE_CASES])
def test_footnotes_in_every_style(source, lang, notes, footnotes):
    doc = clean_text(source, lang)
    for prefix, expected in notes.items():
        (para,) = [p for p in doc.body() if p.text.startswith(prefix)]
        assert para.notes == expected, para.text
        assert not para.text.endswith(("/.", "/,", "*", "1", "2")), para.text
    assert [(n.number, n.text) for n in doc.footnotes] == footnotes


def test_drawn_rule_notes_keep_the_paragraph_across_the_page():
    source = NOTE_CASES[-1][1]
    texts = [p.text for p in clean_text(source, "fr").body()]
    assert texts[-1].endswith("depuis les Pays-Bas et les États-Unis.")


def test_masthead_items_never_become_sentences():
    source = ("Nations Unies A/HRC/13/22\nDistr. GENERALE\nOriginal : ANGLAIS\nDistr. générale\n"
              "Original : anglais\n1. Le Conseil a adopté le rapport.")
    sentences = [s.text for s in segment_document(clean_text(source, "fr"))]
    assert sentences == ["1. Le Conseil a adopté le rapport."]


def test_a_preamble_is_one_unit_even_with_a_stop_inside():
    source = ("Le Conseil de sécurité,\nRappelant sa résolution 2140 (2014) et l’art. 5 du Pacte,\n"
              "Notant les progrès accomplis,\n1. Décide de rester saisi de la question.")
    doc = clean_text(source, "fr")
    sentences = [s.text for s in segment_document(doc)]
    assert sentences == ["Le Conseil de sécurité,",
                         "Rappelant sa résolution 2140 (2014) et l’art. 5 du Pacte,",
                         "Notant les progrès accomplis,",
                         "1. Décide de rester saisi de la question."]


def test_a_representative_is_not_a_preamble():
    doc = clean_text("L’Ambassadeur,\nReprésentant permanent du Mexique\n(Signé) J. R. de la Fuente",
                     "fr")
    assert [p.kind for p in doc.body()] == ["signature", "signature"]
