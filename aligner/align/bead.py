"""The result of alignment: beads with a confidence score, and a whole-document diagnosis."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: Beads whose score is below this are marked low-confidence. A score is the estimated
#: probability that the bead is right (:mod:`aligner.align.confidence`); for a null bead
#: (1-0, 0-1), that its sentence really has no counterpart.
LOW_CONFIDENCE = 0.3


@dataclass(frozen=True)
class Bead:
    """French sentence indices ``fr`` aligned with English sentence indices ``en``.

    >>> Bead((0,), (0, 1), 0.8).kind, Bead((0,), (0, 1), 0.8).low_confidence
    ('1-2', False)
    >>> Bead((3,), (), 0.1).low_confidence
    True
    """

    fr: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.fr)}-{len(self.en)}"

    @property
    def is_pair(self) -> bool:
        """True when both sides are non-empty (a translation unit)."""
        return bool(self.fr) and bool(self.en)

    @property
    def low_confidence(self) -> bool:
        return self.score < LOW_CONFIDENCE


@dataclass(frozen=True)
class Diagnosis:
    """How trustworthy an alignment looks as a whole."""

    pairs: int
    low: int
    mean_score: float
    #: True when the two sides do not look like translations of each other.
    unrelated: bool

    @property
    def low_fraction(self) -> float:
        return self.low / self.pairs if self.pairs else 1.0


#: Below this mean score over pair beads, the documents are reported as unrelated.
UNRELATED_MEAN = 0.75
#: ... or when more than this fraction of pair beads is low-confidence. Measured on the
#: TransRead books (scores of :mod:`aligner.align.confidence`): aligned translations score
#: 0.83–0.96 on average with at most 5 % low beads; the first 400 sentences of a book aligned
#: with another book score 0.53–0.67 with 5–19 % low beads.
UNRELATED_LOW_FRACTION = 0.35


def diagnose(beads: Sequence[Bead]) -> Diagnosis:
    """Summarise an alignment; ``unrelated`` flags two documents that are not translations.

    >>> diagnose([Bead((0,), (0,), 0.9), Bead((1,), (1,), 0.8)]).unrelated
    False
    >>> diagnose([Bead((0,), (0,), 0.05), Bead((1,), (1,), 0.1)]).unrelated
    True
    """
    pairs = [b for b in beads if b.is_pair]
    low = sum(1 for b in pairs if b.low_confidence)
    mean = sum(b.score for b in pairs) / len(pairs) if pairs else 0.0
    unrelated = (
        not pairs or mean < UNRELATED_MEAN or low / len(pairs) > UNRELATED_LOW_FRACTION
    )
    return Diagnosis(len(pairs), low, round(mean, 4), unrelated)
