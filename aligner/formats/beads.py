"""Vecalign bead files: one bead per line, ``[fr ids]:[en ids]``, 0-based.

Lines written here carry two more fields, as vecalign's own output carries the cost:
``[0]:[0, 1]:0.8123`` then ``:low`` for a low-confidence bead. :func:`load` reads both the
plain two-field form (vecalign gold files) and this one.

>>> format_line(Bead((0,), (0, 1), 0.8123))
'[0]:[0, 1]:0.8123'
>>> parse_line("[]:[7]:0.0000:low")
Bead(fr=(), en=(7,), score=0.0)
"""

from __future__ import annotations

import os
from pathlib import Path

from aligner.align.bead import Bead
from aligner.errors import InputError
from aligner.formats.model import Alignment, Unit, write_atomic


def format_line(bead: Bead, scores: bool = True) -> str:
    fr = "[" + ", ".join(str(i) for i in bead.fr) + "]"
    en = "[" + ", ".join(str(j) for j in bead.en) + "]"
    line = f"{fr}:{en}"
    if scores:
        line += f":{bead.score:.4f}" + (":low" if bead.low_confidence else "")
    return line


def _ids(text: str) -> tuple[int, ...]:
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        raise ValueError(text)
    return tuple(int(x) for x in text[1:-1].split(",") if x.strip())


def parse_line(line: str) -> Bead:
    fields = line.strip().split(":")
    if len(fields) < 2:
        raise ValueError(line)
    score = float(fields[2]) if len(fields) > 2 and fields[2] else 1.0
    return Bead(_ids(fields[0]), _ids(fields[1]), score)


def dumps(alignment: Alignment, scores: bool = True) -> str:
    return "".join(format_line(b, scores) + "\n" for b in alignment.beads())


def dump(alignment: Alignment, path: str | os.PathLike, scores: bool = True) -> None:
    write_atomic(path, dumps(alignment, scores).encode("utf-8"))


def load(path: str | os.PathLike) -> Alignment:
    """Read a bead file; raises :class:`~aligner.errors.InputError` on a malformed line."""
    return loads(Path(path).read_text(encoding="utf-8"), str(path))


def loads(text: str, name: str = "<beads>") -> Alignment:
    """Parse bead lines (see :func:`load`)."""
    units = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            bead = parse_line(line)
        except ValueError:
            raise InputError(f"{name}:{number}: not a bead line: {line.strip()[:60]!r}") from None
        low = line.strip().endswith(":low")
        units.append(Unit("", "", bead.score, low, bead.fr, bead.en))
    return Alignment(units)
