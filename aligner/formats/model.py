"""The data the formats read and write: aligned units with their scores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from aligner.align.bead import LOW_CONFIDENCE, Bead
from ioguard.atomic import write_bytes as write_atomic  # noqa: F401 (the formats' writer)


@dataclass(frozen=True)
class Unit:
    """One bead with its text: French sentences ``fr_ids`` ↔ English sentences ``en_ids``.

    ``fr``/``en`` are the bead's sentences joined by one space (empty for a null side).
    """

    fr: str
    en: str
    score: float
    low: bool
    fr_ids: tuple[int, ...] = ()
    en_ids: tuple[int, ...] = ()

    @property
    def is_pair(self) -> bool:
        return bool(self.fr_ids or self.fr) and bool(self.en_ids or self.en)


@dataclass
class Alignment:
    """An aligned document pair; ``source`` says which side is the original (``fr``/``en``).

    Units always keep their French in ``fr`` and their English in ``en``; the formats use
    ``source`` for the order they write (TMX ``srclang`` and ``<tuv>`` order).
    """

    units: list[Unit]
    fr_name: str = ""
    en_name: str = ""
    #: Whole-document remarks (for example: the sides do not look like translations).
    warnings: list[str] = field(default_factory=list)
    source: str = "fr"

    @classmethod
    def from_beads(
        cls,
        beads: Sequence[Bead],
        fr: Sequence[str],
        en: Sequence[str],
        fr_name: str = "",
        en_name: str = "",
        warnings: Sequence[str] = (),
        source: str = "fr",
    ) -> Alignment:
        """Attach the sentence texts to beads.

        >>> a = Alignment.from_beads([Bead((0,), (0, 1), 0.9)], ["Oui."], ["Yes.", "Yes."])
        >>> a.units[0].en, a.units[0].low
        ('Yes. Yes.', False)
        """
        units = [
            Unit(
                " ".join(fr[i] for i in b.fr),
                " ".join(en[j] for j in b.en),
                b.score,
                b.low_confidence,
                tuple(b.fr),
                tuple(b.en),
            )
            for b in beads
        ]
        return cls(units, fr_name, en_name, list(warnings), source)

    def beads(self) -> list[Bead]:
        """The units as beads (indices and scores only)."""
        return [Bead(u.fr_ids, u.en_ids, u.score) for u in self.units]


def is_low(score: float) -> bool:
    """The documented low-confidence rule, for formats that store only the score."""
    return score < LOW_CONFIDENCE

