"""A small French→English word-translation table, derived from the UN Parallel Corpus.

The shipped table ``aligner/data/lexicon_fr_en.tsv`` (columns ``fr``, ``en``, ``dice``) was
derived from the 8,000 official sentence pairs in ``seeds/unpc/UNv1.0.{dev,test}set.{fr,en}``
by :func:`derive`: words are folded (lower case, no accents); for every French word *f* and
English word *e* the Dice coefficient ``2·c(f,e) / (c(f) + c(e))`` is computed over sentence
pairs (``c`` counts pairs, not occurrences); a pair is kept when it occurs in at least
``min_count`` pairs, its Dice is at least ``min_dice``, and it is among the ``top`` best English
words for *f*. Regenerate it with::

    python -c "from aligner.align.lexicon import rebuild; rebuild()"
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from aligner.align.tokens import fold, words

DATA = Path(__file__).resolve().parent.parent / "data" / "lexicon_fr_en.tsv"


def derive(
    pairs: Iterable[tuple[str, str]], *, min_count: int = 3, min_dice: float = 0.3, top: int = 3
) -> list[tuple[str, str, float]]:
    """Word-translation pairs ``(fr, en, dice)`` from aligned sentence pairs.

    >>> pairs = [("le chat dort", "the cat sleeps"), ("le chien dort", "the dog sleeps"),
    ...          ("un chat", "a cat")] * 3
    >>> [(f, e) for f, e, _ in derive(pairs, top=1) if f == "chat"]
    [('chat', 'cat')]
    """
    count_fr: Counter[str] = Counter()
    count_en: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    for text_fr, text_en in pairs:
        set_fr = {fold(w) for w in words(text_fr)}
        set_en = {fold(w) for w in words(text_en)}
        count_fr.update(set_fr)
        count_en.update(set_en)
        joint.update((f, e) for f in set_fr for e in set_en)
    best: dict[str, list[tuple[float, str]]] = {}
    for (f, e), c in joint.items():
        if c < min_count:
            continue
        dice = 2 * c / (count_fr[f] + count_en[e])
        if dice >= min_dice:
            best.setdefault(f, []).append((dice, e))
    table = []
    for f in sorted(best):
        for dice, e in sorted(best[f], reverse=True)[:top]:
            table.append((f, e, round(dice, 3)))
    return table


def rebuild(path: Path = DATA) -> Path:
    """Derive the table from the bundled UNPC pairs and write it atomically to ``path``."""
    import seeds

    pairs: list[tuple[str, str]] = []
    for part in ("devset", "testset"):
        lines_fr = (seeds.ROOT / "unpc" / f"UNv1.0.{part}.fr").read_text("utf-8").splitlines()
        lines_en = (seeds.ROOT / "unpc" / f"UNv1.0.{part}.en").read_text("utf-8").splitlines()
        pairs.extend(zip(lines_fr, lines_en, strict=True))
    table = derive(pairs)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("fr\ten\tdice\n")
        handle.writelines(f"{f}\t{e}\t{d}\n" for f, e, d in table)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path


@lru_cache(maxsize=1)
def load(path: Path = DATA) -> dict[str, frozenset[str]]:
    """The shipped table as ``{folded French word: {folded English words}}``."""
    table: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            f, e, _dice = line.rstrip("\n").split("\t")
            table.setdefault(f, set()).add(e)
    return {f: frozenset(es) for f, es in table.items()}
