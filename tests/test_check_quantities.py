"""Numbers, dates, times and symbols: French and English formats that must agree."""

from __future__ import annotations

import pytest

from checks.quantities import missing, quantities

AGREE = [
    ("19,44 milliards de dollars", "$19.44 billion"),
    ("488 000 personnes", "488,000 people"),
    ("488\u202f000 personnes", "488,000 people"),
    ("1 234,5 tonnes", "1,234.5 tonnes"),
    ("le 19 avril 2021", "on 19 April 2021"),
    ("le 19 avril 2021", "on April 19, 2021"),
    ("le 1er janvier", "on 1 January"),
    ("le 1er janvier 2019", "on 1st January 2019"),
    ("(voir S/2015/446-A/70/95)", "(see S/2015/446-A/70/95)"),
    ("résolution 72/262 C", "resolution 72/262 C"),
    ("la résolution 2071 (2012)", "resolution 2071 (2012)"),
    ("35 %", "35 per cent"),
    ("0,7 %", "0.7 per cent"),
    ("2 Parties", "two parties"),
    ("deux Parties", "2 parties"),
    ("sa soixante-quinzième session", "its seventy-fifth session"),
    ("sa soixante-quinzième session", "its 75th session"),
    ("sa soixante et onzième session", "its seventy-first session"),
    ("à 15 heures", "at 3 p.m."),
    ("à 10 h 30", "at 10.30 a.m."),
    ("pendant 24 heures", "for 24 hours"),
    ("l’exercice biennal 2014-2015", "the biennium 2014/15"),
    ("1,5 million d’euros", "Euro1.5 million"),
    ("12. Le Conseil se réunit.", "The Council meets."),
    ("article 6.11 du Code", "article 6.11 of the Code"),
    ("la loi n° 18.561", "Act No. 18561"),
    ("dans son rapport22,", "in its report,22"),
]
DISAGREE = [
    ("19,44 milliards de dollars", "$19.4 billion", "19,44"),
    ("488 000 personnes", "448,000 people", "488 000"),
    ("le 19 avril 2021", "on 19 March 2021", "19 avril 2021"),
    ("le 1er janvier 2019", "on 1 June 2019", "1er janvier 2019"),
    ("(voir S/2015/446-A/70/95)", "(see S/2015/446)", "A/70/95"),
    ("35 %", "30 per cent", "35"),
    ("sa soixante-quinzième session", "its seventy-fourth session", "soixante-quinzième"),
    ("à 15 heures", "at 5 p.m.", "15 heures"),
    ("seuls 21 pays", "only 22 countries", "21"),
    ("la résolution 2071 (2012)", "resolution 2017 (2012)", "2071"),
]


@pytest.mark.parametrize(("fr", "en"), AGREE)
def test_formats_agree(fr, en):
    assert missing(fr, en) == []


@pytest.mark.parametrize(("fr", "en", "text"), DISAGREE)
def test_differences_are_found(fr, en, text):
    assert [m.text for m in missing(fr, en)] == [text]


def test_spelled_cardinals_are_not_required():
    assert missing("Tous les deux ans", "Every year") == []


def test_mention_kinds():
    kinds = [(m.kind, m.text) for m in quantities("Le 3 mai 2015 (S/2015/1), 12 %", "fr")]
    assert kinds == [("symbol", "S/2015/1"), ("date", "3 mai 2015"), ("number", "12")]
