"""Punctuation evidence of a sentence's place in a bead: dialogue, questions, clauses, case.

Literary translators keep the shape of a text more than its words. Five marks of it are
cheap to read and say something the lexical keys do not (:mod:`aligner.align.costs` uses them):

* a sentence that **opens an utterance**: French opens a line of dialogue with a dash
  (``--``, ``—``, ``–``) or a quotation with ``«``; English opens both with a quotation mark.
  English sentence splitters often leave the opening quotation mark at the end of the
  sentence before (``... fixed their eyes upon him. "`` / ``Faith, comrade, " said one``),
  so an English sentence also opens one when the sentence before ends with a quotation mark;
* a sentence that **ends with a question mark** (closing quotes aside): a translated
  question stays a question;
* the **clauses** of a sentence: the strong marks inside it (``;``, ``:``, ``?`` and ``!``
  followed by more text, a dialogue dash) where a translator who splits the sentence into
  several of the other language splits it. In the development books, a French sentence
  without such a mark is the whole of a 1-2 bead 1.7 % of the time, with one 22 %; and
  **where** each clause ends (a fraction of the sentence's length), since the pieces of a
  split sentence keep the lengths of its clauses;
* a sentence that **closes an utterance** opened before it (it ends with a quotation mark
  and opens none: ``" But you must have found it very damp and dirty.`` / ``I wish you may
  not catch cold. "``): a translator often keeps a line of dialogue in one sentence; in the
  development books such an English sentence is a later sentence of its bead 33 % of the
  time, any other 11 %;
* a sentence that **starts in lower case** (not a list item such as ``b)``): the rest of a
  sentence that the splitter cut after an inner ``!`` or ``?``, which belongs with the
  sentence before it in the same bead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

#: A dialogue dash or an opening quotation mark at the start of a sentence.
_OPENS = re.compile(r"\s*(?:--|- |[\u2014\u2013\u2012\u2015\u2212«\"\u201c\u2018'])")
#: A quotation mark at the end of a sentence (the next one may open with it).
_ENDS_QUOTE = re.compile(r"[\"\u201c\u201d«»'\u2018\u2019]\s*$")
#: What may follow a sentence's last mark: closing quotes, brackets, dashes, spaces.
_TRAIL = re.compile(r"[\s\"\u201c\u201d«»'\u2019\u2018)\]_\-\u2014]+$")
#: A sentence that starts in lower case (not a list item such as ``b)``): the splitter cut a
#: sentence after an inner ``?`` or ``!`` (``Qui va là ? cria-t-elle.``).
_CONTINUES = re.compile(r"[\s\"«\u201c_\-\u2014\u2013\u2212]*(?![a-z]{1,4}\))[a-zà-ÿœæ]")
#: A strong mark inside a sentence, followed by more of it.
_CLAUSE = re.compile(r"[;:?!](?=\s+\S)|\s(?:--|[\u2014\u2013])\s*(?=\S)")


@dataclass
class Marks:
    """The marks of every sentence of one side."""

    opens: np.ndarray  # bool: opens an utterance
    asks: np.ndarray  # bool: ends with a question mark
    clauses: np.ndarray  # int: strong marks inside the sentence
    continues: np.ndarray  # bool: starts in lower case, the rest of a sentence cut short
    #: float (sentences × POSITIONS): where the clauses end, as fractions of the sentence's
    #: length (NaN beyond its clauses)
    positions: np.ndarray
    #: bool: ends an utterance opened before it (:func:`closes_utterance`)
    closes: np.ndarray


def opens_utterance(text: str) -> bool:
    """Whether a sentence starts with a dialogue dash or an opening quotation mark.

    >>> opens_utterance("--Non, dit l'un de ces messieurs."), opens_utterance('" Maybe so, " he said.')
    (True, True)
    >>> opens_utterance("Candide, tout transi, se traîna."), opens_utterance('Alas! " said he.')
    (False, False)
    """
    return _OPENS.match(text) is not None


def ends_question(text: str) -> bool:
    """Whether a sentence ends with a question mark (closing quotes and dashes aside).

    >>> ends_question("Qu'entends-je ?"), ends_question('" What do I hear? "'), ends_question("Oui.")
    (True, True, False)
    """
    return _TRAIL.sub("", text).endswith("?")


def clauses(text: str) -> int:
    """The strong marks inside a sentence (not its final one).

    >>> clauses("Il ne devait de compte à personne : Frank en effet ; il avait pris le nom.")
    2
    >>> clauses("Qu'entends-je ? vous, mon cher maître !"), clauses('" What do I hear? "')
    (1, 0)
    """
    return len(_CLAUSE.findall(_TRAIL.sub("", text)))


#: The clause ends a sentence's positions keep (the first ones): the inner boundaries of the
#: widest 1-n bead (:data:`aligner.align.search.PRIORS`).
POSITIONS = 6


def clause_positions(text: str) -> list[float]:
    """Where each clause of a sentence ends (after its strong mark), as a fraction of the
    sentence's length without spaces (the length model's count).

    >>> clause_positions("Oui ; non.")
    [0.5]
    """
    body = _TRAIL.sub("", text)
    total = max(len(text) - text.count(" "), 1)
    out = []
    for match in _CLAUSE.finditer(body):
        head = body[: match.end()]
        out.append((len(head) - head.count(" ")) / total)
    return out


def continues(text: str) -> bool:
    """Whether a sentence starts in lower case, not as a list item.

    >>> continues("cria -t -elle."), continues("-- Qu’entendez -vous par succès ?")
    (True, False)
    >>> continues("b) de prier le Secrétaire général"), continues("ah Martin!")
    (False, True)
    """
    return _CONTINUES.match(text) is not None


def sentence_marks(sentences: Sequence[str], lang: str) -> Marks:
    """The marks of the sentences of one side (``lang`` is ``"fr"`` or ``"en"``).

    >>> m = sentence_marks(['He fixed his eyes upon him. "', 'Faith, " said one.'], "en")
    >>> m.opens.tolist(), m.asks.tolist(), m.clauses.tolist(), m.continues.tolist()
    ([False, True], [False, False], [0, 0], [False, False])
    """
    opens = np.array([opens_utterance(s) for s in sentences], dtype=bool)
    ends_quote = np.array([_ENDS_QUOTE.search(s) is not None for s in sentences], dtype=bool)
    found = [clause_positions(s) for s in sentences]  # (as many as clauses() counts)
    if lang == "en":
        opens[1:] |= ends_quote[:-1]
    return Marks(
        opens,
        np.array([ends_question(s) for s in sentences], dtype=bool),
        np.array([len(ends) for ends in found], dtype=np.int64),
        np.array([continues(s) for s in sentences], dtype=bool),
        _positions(found),
        # closes_utterance(s, the sentence before in English): the opening read above
        ~opens & ends_quote,
    )


def closes_utterance(text: str, before: str = "") -> bool:
    """Whether a sentence ends an utterance opened before it: it ends with a quotation mark
    and does not open one (:func:`opens_utterance`; in English, nor does the sentence
    ``before`` end with a quotation mark). Its translation is often in the bead of the
    sentence that opened the utterance. (An opening mark that the splitter left at the end of
    a sentence, ``he burst into tears. "``, reads as a closing one.)

    >>> closes_utterance('I wish you may not catch cold. "', '" But you must have found it damp.')
    True
    >>> closes_utterance('" Faith, comrade, " said one. "'), closes_utterance("Candide obéit.")
    (False, False)
    """
    return (not opens_utterance(text) and _ENDS_QUOTE.search(before) is None
            and _ENDS_QUOTE.search(text) is not None)


def _positions(found: Sequence[list[float]]) -> np.ndarray:
    out = np.full((len(found), POSITIONS), np.nan)
    for k, ends in enumerate(found):
        out[k, : min(len(ends), POSITIONS)] = ends[:POSITIONS]
    return out
