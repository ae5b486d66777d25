"""Saved reviews of alignments, kept in the termbase file (table ``review``, schema step
``_V_REVIEW``), and the evidence a review adds to the termbase. All the SQL of reviews.

A :class:`Review` is an alignment as a reviewer left it: the two documents' sentences and the
beads over them (merged, split or with sentences moved between neighbours), each approved,
rejected or still pending. :func:`validate` checks that the beads still cover every sentence
of each side exactly once, in order, so that a saved review can always be exported.

>>> from termbase.store import Termbase
>>> with Termbase.open(":memory:") as tb:
...     review = Review("a" * 32, ["Un.", "Deux."], ["One.", "Two."],
...                     [ReviewBead([0], [0], 0.9, "approved"), ReviewBead([1], [1], 0.2)])
...     save(tb, review) == load(tb, "a" * 32).id
...     [b.status for b in load(tb, "a" * 32).beads]
True
['approved', 'pending']
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import asdict, dataclass, field

from termbase.errors import NotFoundError, TermbaseError
from termbase.model import Evidence

STATUSES = ("pending", "approved", "rejected")
SOURCES = ("fr", "en")


class ReviewError(TermbaseError):
    """A review that cannot be saved as it is (beads not covering the sentences...)."""


@dataclass
class ReviewBead:
    """French sentences ``fr`` ↔ English sentences ``en`` (0-based indexes).

    ``score`` is the aligner's confidence, ``None`` once the reviewer changed the bead.
    """

    fr: list[int]
    en: list[int]
    score: float | None = None
    status: str = "pending"
    low: bool = False


@dataclass
class Review:
    """One alignment under review (``alignment``: the id of the alignment result)."""

    alignment: str
    fr: list[str]
    en: list[str]
    beads: list[ReviewBead] = field(default_factory=list)
    fr_name: str = ""
    en_name: str = ""
    source: str = "fr"
    id: int | None = None
    created: str = ""
    modified: str = ""

    def pairs(self, status: str | None = None) -> list[tuple[str, str, ReviewBead]]:
        """``(French, English, bead)`` of every bead with both sides (of one status)."""
        return [(" ".join(self.fr[i] for i in b.fr), " ".join(self.en[j] for j in b.en), b)
                for b in self.beads
                if b.fr and b.en and (status is None or b.status == status)]

    def counts(self) -> dict[str, int]:
        """Beads by status."""
        out = dict.fromkeys(STATUSES, 0)
        for bead in self.beads:
            out[bead.status] += 1
        return out


def validate(review: Review) -> None:
    """Raise :class:`ReviewError` unless the beads cover each side's sentences once, in order.

    >>> validate(Review("x", ["Un.", "Deux."], ["One."], [ReviewBead([1, 0], [0])]))
    Traceback (most recent call last):
    ...
    termbase.reviews.ReviewError: the French sentences of the beads are not 1 to 2 in order
    """
    for bead in review.beads:
        if bead.status not in STATUSES:
            raise ReviewError(f"unknown bead status {bead.status!r}")
        if not bead.fr and not bead.en:
            raise ReviewError("a bead has no sentence")
    if review.source not in SOURCES:
        raise ReviewError(f"unknown source language {review.source!r}")
    for lang, sentences in (("French", review.fr), ("English", review.en)):
        order = [i for b in review.beads for i in (b.fr if lang == "French" else b.en)]
        if order != list(range(len(sentences))):
            raise ReviewError(f"the {lang} sentences of the beads are not 1 to "
                              f"{len(sentences)} in order")


def _now() -> str:
    return _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds")


def save(tb, review: Review) -> int:
    """Insert or replace the review of ``review.alignment``; return its id."""
    validate(review)
    beads = json.dumps([asdict(b) for b in review.beads], ensure_ascii=False)
    sentences = json.dumps({"fr": review.fr, "en": review.en}, ensure_ascii=False)
    now = _now()
    with tb.transaction():
        tb.conn.execute(
            "INSERT INTO review (alignment, fr_name, en_name, source, sentences, beads, created,"
            " modified) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alignment) DO UPDATE SET"
            " beads = excluded.beads, source = excluded.source, modified = excluded.modified",
            (review.alignment, review.fr_name, review.en_name, review.source, sentences, beads,
             now, now),
        )
        row = tb.conn.execute("SELECT id FROM review WHERE alignment = ?",
                              (review.alignment,)).fetchone()
    review.id, review.modified = row[0], now
    return row[0]


def _review(row) -> Review:
    id_, alignment, fr_name, en_name, source, sentences, beads, created, modified = row
    texts = json.loads(sentences)
    return Review(alignment, texts["fr"], texts["en"],
                  [ReviewBead(**b) for b in json.loads(beads)], fr_name, en_name, source, id_,
                  created, modified)


_COLUMNS = "id, alignment, fr_name, en_name, source, sentences, beads, created, modified"


def find(tb, alignment: str) -> Review | None:
    """The saved review of an alignment, or None."""
    row = tb.conn.execute(f"SELECT {_COLUMNS} FROM review WHERE alignment = ?",
                          (alignment,)).fetchone()
    return _review(row) if row else None


def load(tb, alignment: str) -> Review:
    """The saved review of an alignment; :class:`NotFoundError` when there is none."""
    review = find(tb, alignment)
    if review is None:
        raise NotFoundError(f"no saved review of alignment {alignment}")
    return review


def list_reviews(tb, limit: int = 200) -> list[Review]:
    """The saved reviews, most recently changed first (their beads, not their sentences)."""
    columns = _COLUMNS.replace("sentences", """'{"fr": [], "en": []}'""")
    rows = tb.conn.execute(f"SELECT {columns} FROM review ORDER BY modified DESC, id DESC "
                           "LIMIT ?", (limit,)).fetchall()
    return [_review(row) for row in rows]


def add_evidence(tb, concept_id: int, evidence: Evidence) -> bool:
    """Attach ``evidence`` to a concept unless the same sentence pair is already there.

    Returns True when it was added. Call it inside ``tb.transaction()``.
    """
    seen = tb.conn.execute(
        "SELECT 1 FROM evidence WHERE concept_id = ? AND context_fr = ? AND context_en = ?",
        (concept_id, evidence.context_fr, evidence.context_en),
    ).fetchone()
    if seen:
        return False
    tb.conn.execute(
        "INSERT INTO evidence (concept_id, source, symbol, context_fr, context_en, method, "
        "confidence) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (concept_id, evidence.source, evidence.symbol, evidence.context_fr, evidence.context_en,
         evidence.method, evidence.confidence),
    )
    return True
