"""Scoring the extractors against hand-made gold lists (used by the tests and benchmarks).

Gold files are tab-separated with ``#`` comment lines and a header row:

- acronym–definition gold: ``document acronym definition``;
- French→English acronym gold: ``fr en``.

A predicted definition is right when it equals the gold one after folding (case, accents,
apostrophe style, spaces).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.text import fold


@dataclass
class Score:
    """Precision and recall of a set of predictions against a gold set."""

    true_positives: int
    predicted: int
    gold: int
    #: Predictions not in the gold, and gold items not predicted (for reports).
    wrong: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def normalise(text: str) -> str:
    """The form definitions are compared in.

    >>> normalise("Communauté d ’États  indépendants") == normalise("communaute d'Etats independants")
    True
    """
    text = re.sub(r"\s*[’'`]\s*", "'", text)
    return " ".join(fold(text).split())


def read_gold(path: str | Path, columns: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Rows of a gold file, checked against the expected header."""
    lines = [line for line in Path(path).read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    if not lines or tuple(lines[0].split("\t")) != columns:
        raise FormatError(f"{path}: expected the header {' '.join(columns)}")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = tuple(c.strip() for c in line.split("\t"))
        if len(cells) != len(columns) or not all(cells):
            raise FormatError(f"{path}: row {number}: expected {len(columns)} non-empty cells")
        rows.append(cells)
    return rows


def gold_splits(rows: list) -> dict[str, list]:
    """The split of a gold list fixed before any tuning: odd rows (the 1st, 3rd...) are the
    development rows, even rows are held out.

    >>> gold_splits(["a", "b", "c"])
    {'dev': ['a', 'c'], 'held-out': ['b']}
    """
    return {"dev": rows[0::2], "held-out": rows[1::2]}


def score_definitions(predicted: set[tuple[str, str, str]],
                      gold: list[tuple[str, str, str]]) -> Score:
    """Score (document, acronym, definition) triples; one prediction per document and acronym
    is counted (the set removes duplicates)."""
    gold_set = {(d, a, normalise(x)) for d, a, x in gold}
    pred_set = {(d, a, normalise(x)) for d, a, x in predicted}
    hits = gold_set & pred_set
    return Score(len(hits), len(pred_set), len(gold_set),
                 wrong=sorted(pred_set - gold_set), missed=sorted(gold_set - pred_set))


def score_links(predicted: set[tuple[str, str]], gold: list[tuple[str, str]]) -> Score:
    """Score French→English acronym links. Precision is judged on the links whose French
    acronym is in the gold (the gold lists every French acronym seen at least twice);
    ``wrong`` also lists those links, ``missed`` the gold links not found."""
    gold_set = set(gold)
    gold_fr = {fr for fr, _ in gold}
    judged = {(fr, en) for fr, en in predicted if fr in gold_fr}
    hits = judged & gold_set
    return Score(len(hits), len(judged), len(gold_set),
                 wrong=sorted(judged - gold_set), missed=sorted(gold_set - judged))


@dataclass
class Answers:
    """First answers of a termbase to gold lookups: right, wrong (another English), French
    only (an entry without English, e.g. an acronym defined in a French document), acronym
    only (an entry whose English is only an acronym: it gives no English full form, and the
    lookup says so, see :func:`termbase.lookup.acronym_only`), or none (no exact entry: the
    lookup's first result was a prefix, word, infix or fuzzy match)."""

    right: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    french_only: list = field(default_factory=list)
    none: list = field(default_factory=list)
    acronym_only: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return (len(self.right) + len(self.wrong) + len(self.french_only) + len(self.none)
                + len(self.acronym_only))

    @property
    def accuracy(self) -> float:
        return len(self.right) / self.total if self.total else 0.0


def _en_form(text: str) -> str:
    """English forms compared without article, case, accents or hyphen/space differences.

    >>> _en_form("the Counter-Terrorism Committee") == _en_form("Counter Terrorism Committee")
    True
    """
    text = re.sub(r"^the\s+", "", normalise(text))
    return re.sub(r"[\s\-‐]+", " ", text)


def first_answers(termbase, gold: list[tuple[str, ...]]) -> Answers:
    """Look up each French gold term (``fr``, ``en`` alternatives separated by `` | ``) and
    judge the first result: right when it is an answer of the lookup (every label of
    :data:`termbase.lookup.ANSWERS`: exact, acronym, accent-insensitive, number) whose
    concept holds one of the English forms (for a ``number`` match, an entry in the other
    number, the English forms in either number); a first result found any other way (prefix,
    words, infix, fuzzy) counts as no answer. A first answer whose English forms are all
    acronyms while the gold English is a full form is no English answer (the entry is
    incomplete and labelled so), neither right nor wrong: it is counted apart
    (``acronym_only``), like an entry without English."""
    from termbase.inflection import number_variants
    from termbase.lookup import acronym_only, is_answer, lookup

    out = Answers()
    for row in gold:
        fr, en = row[0], row[1]
        wanted = {_en_form(e) for e in en.split(" | ")}
        results = lookup(termbase, fr, limit=5)
        if not results or not is_answer(results[0].match):
            out.none.append((fr, en, results[0].match if results else ""))
            continue
        concept = results[0].concept
        english = [t.text for t in concept.terms_in("en")]
        if results[0].match == "number":  # the entry is in the other number: so its English
            wanted |= {v for w in wanted for v in number_variants(w)}
        if wanted & {_en_form(t) for t in english}:
            out.right.append((fr, en))
        elif not english:
            out.french_only.append((fr, en))
        elif acronym_only(concept):
            out.acronym_only.append((fr, en, " / ".join(english[:3])))
        else:
            out.wrong.append((fr, en, " / ".join(english[:3]) or "(no English)"))
    return out
