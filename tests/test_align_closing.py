"""A bead that starts with the end of an utterance opened before it
(:func:`aligner.align.marks.closes_utterance`, ``CLOSING_PENALTY``): the English sentence that
closes a quotation belongs, more often than any other, in the bead of the sentence that opened
it.

The passage is Voltaire's *Candide*, chapter XV (Candide kills the baron), with its English
translation, as the TransRead gold (``../shared/corpus/transread_gold_sentence_alignment``, a
development book, sentences 499-505 / 589-599) segments and aligns them; both texts are in
the public domain.
"""

from __future__ import annotations

import pytest

from aligner.align import align, search
from aligner.align.marks import closes_utterance, sentence_marks

FR = [
    "Candide, pétrifié d'un tel discours, lui répondit :",
    "Mon révérend père, tous les quartiers du monde n'y font rien ; j'ai tiré votre soeur des "
    "bras d'un Juif et d'un inquisiteur ; elle m'a assez d'obligations, elle veut m'épouser.",
    "Maître Pangloss m'a toujours dit que les hommes sont égaux ; et assurément je l'épouserai.",
    "C'est ce que nous verrons, coquin ! dit le jésuite baron de Thunder-ten-tronckh ; et en "
    "même temps il lui donna un grand coup du plat de son épée sur le visage.",
    "Candide dans l'instant tire la sienne, et l'enfonce jusqu'à la garde dans le ventre du "
    "baron jésuite ; mais en la retirant toute fumante, il se mit à pleurer : Hélas ! mon Dieu "
    "! dit-il, j'ai tué mon ancien maître, mon ami, mon beau-frère ; je suis le meilleur homme "
    "du monde, et voilà déjà trois hommes que je tue ; et dans ces trois il y a deux prêtres.",
    "Cacambo, qui fesait sentinelle à la porte de la feuillée, accourut.",
    "Il ne nous reste qu'à vendre cher notre vie, lui dit son maître ; on va, sans doute, entrer "
    "dans la feuillée ; il faut mourir les armes à la main.",
]
EN = [
    "Candide, thunderstruck at the oddness of this speech, answered:",
    '" Reverend Father, all the quarterings in the world are of no signification.',
    "I have delivered your sister from a Jew and an Inquisitor; she is under many obligations to "
    "me, and she is resolved to give me her hand.",
    "My master, Pangloss, always told me that mankind are by nature equal.",
    'Therefore, you may depend upon it that I will marry your sister. "',
    '" We shall see to that, villain! " said the Jesuit, Baron of Thunder-ten-tronckh, and '
    "struck him across the face with the flat side of his sword.",
    "Candide in an instant drew his rapier and plunged it up to the hilt in the Jesuit's body; "
    'but in pulling it out reeking hot, he burst into tears. "',
    'Good God! " cried he, " I have killed my old master, my friend, my brother-in-law.',
    "I am the best man in the world, and yet I have already killed three men, and of these "
    'three, two were priests. "',
    "Cacambo, who was standing sentry near the door of the arbor, instantly ran up.",
    '" Nothing remains, " said his master, " but to sell our lives as dearly as possible; they '
    'will undoubtedly look into the arbor; we must die sword in hand. "',
]
#: The TransRead gold beads of the passage (renumbered from 0).
GOLD = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3, 4)), ((3,), (5,)), ((4,), (6, 7, 8)),
        ((5,), (9,)), ((6,), (10,))]


@pytest.mark.parametrize("text, before, expected", [
    ('Therefore, you may depend upon it that I will marry your sister. "',
     "My master, Pangloss, always told me that mankind are by nature equal.", True),
    ("I wish you may not catch cold. \"", '" But you must have found it very damp and dirty.',
     True),
    # it opens an utterance: the sentence before left its quotation mark at its end
    ('Good God! " cried he, " I have killed my old master, my friend, my brother-in-law.',
     'but in pulling it out reeking hot, he burst into tears. "', False),
    # it opens one with its own mark
    ('" Nothing remains, " said his master, " we must die sword in hand. "',
     "Cacambo, who was standing sentry near the door of the arbor, instantly ran up.", False),
    ("Cacambo, who was standing sentry near the door of the arbor, instantly ran up.",
     'three, two were priests. "', False),
    ("The General Assembly adopted resolution 70/1.", "", False),
])
def test_closes_utterance(text, before, expected):
    assert closes_utterance(text, before) is expected


def test_english_sentences_that_close_an_utterance():
    # sentence 6 ends with the opening mark of the next utterance, which the splitter left
    # there: the rule cannot tell it from a closing mark (the cost it adds there is small)
    assert sentence_marks(EN, "en").closes.tolist() == [
        False, False, False, False, True, False, True, False, True, False, False]
    # French opens by its own mark only: the sentence before is not read
    assert sentence_marks(['Il dit : " non.', 'Oui. "'], "fr").closes.tolist() == [False, True]


def test_the_closing_mark_finds_the_gold_beads_of_a_real_passage(monkeypatch):
    found = {(tuple(b.fr), tuple(b.en)) for b in align(FR, EN)}
    assert set(GOLD) <= found
    monkeypatch.setattr(search, "CLOSING_PENALTY", 0.0)
    before = {(tuple(b.fr), tuple(b.en)) for b in align(FR, EN)}
    # without it, "Therefore, ... marry your sister. \"" went with the baron's reply
    assert ((2,), (3,)) in before and ((3,), (4, 5)) in before
