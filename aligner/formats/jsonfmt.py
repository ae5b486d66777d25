"""JSON: the document names, warnings, and every bead with indices, texts, score and flag.

``{"fr_document": ..., "en_document": ..., "warnings": [...], "beads": [{"fr": [0],
"en": [0, 1], "fr_text": ..., "en_text": ..., "score": 0.81, "low": false}, ...]}``
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from aligner.errors import InputError
from aligner.formats.model import Alignment, Unit, write_atomic


def to_dict(alignment: Alignment) -> dict:
    return {
        "fr_document": alignment.fr_name,
        "en_document": alignment.en_name,
        "warnings": list(alignment.warnings),
        "beads": [
            {
                "fr": list(u.fr_ids),
                "en": list(u.en_ids),
                "fr_text": u.fr,
                "en_text": u.en,
                "score": u.score,
                "low": u.low,
            }
            for u in alignment.units
        ],
    }


def dumps(alignment: Alignment) -> str:
    return json.dumps(to_dict(alignment), ensure_ascii=False, indent=1) + "\n"


def dump(alignment: Alignment, path: str | os.PathLike) -> None:
    write_atomic(path, dumps(alignment).encode("utf-8"))


def load(path: str | os.PathLike) -> Alignment:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        units = [
            Unit(
                b.get("fr_text", ""),
                b.get("en_text", ""),
                float(b["score"]),
                bool(b.get("low", False)),
                tuple(int(i) for i in b["fr"]),
                tuple(int(j) for j in b["en"]),
            )
            for b in data["beads"]
        ]
        return Alignment(units, data.get("fr_document", ""), data.get("en_document", ""),
                         data.get("warnings", []))
    except (ValueError, KeyError, TypeError, AttributeError, OverflowError) as exc:
        raise InputError(f"{path}: not an alignment JSON file ({exc})") from None
