"""Tab-separated pairs: ``fr``, ``en``, ``score``, ``low`` (``1`` for a low-confidence bead).

One line per bead after a header line; a null bead has an empty side. Tabs and newlines
inside a sentence are written as spaces.
"""

from __future__ import annotations

import os
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.model import Alignment, Unit, write_atomic

HEADER = "fr\ten\tscore\tlow"


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines())


def dumps(alignment: Alignment) -> str:
    lines = [HEADER]
    for u in alignment.units:
        lines.append(f"{_clean(u.fr)}\t{_clean(u.en)}\t{u.score:.4f}\t{1 if u.low else 0}")
    return "\n".join(lines) + "\n"


def dump(alignment: Alignment, path: str | os.PathLike) -> None:
    write_atomic(path, dumps(alignment).encode("utf-8"))


def load(path: str | os.PathLike) -> Alignment:
    units = []
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    start = 1 if lines and lines[0] == HEADER else 0
    for number, line in enumerate(lines[start:], start + 1):
        fields = line.split("\t")
        if len(fields) < 3:
            raise InputError(f"{path}:{number}: expected fr, en, score separated by tabs")
        try:
            score = float(fields[2])
        except ValueError:
            raise InputError(f"{path}:{number}: bad score {fields[2]!r}") from None
        low = fields[3].strip() == "1" if len(fields) > 3 else score < 0.3
        units.append(Unit(fields[0], fields[1], score, low))
    return Alignment(units)
