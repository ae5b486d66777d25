"""Small real corpora made from the shipped seeds, for benchmarks and tests."""

from __future__ import annotations

import re
from pathlib import Path

ARTICLE = re.compile(r"\s*Article (premier|\d+)\s*$")
UDHR_FILES = {"fr": "udhr_fra.txt", "en": "udhr_eng.txt"}


def udhr_parts(seeds_root: Path, lang: str, per_part: int = 6) -> list[str]:
    """The UDHR text in ``lang`` cut into documents of ``per_part`` articles (the first part
    also holds the header and the preamble): real document pairs, paired by position."""
    text = (Path(seeds_root) / "udhr" / UDHR_FILES[lang]).read_text(encoding="utf-8")
    parts: list[list[str]] = [[]]
    seen = 0
    for line in text.splitlines(True):
        if ARTICLE.match(line):
            seen += 1
            if seen > 1 and (seen - 1) % per_part == 0:
                parts.append([])
        parts[-1].append(line)
    return ["".join(part) for part in parts]
