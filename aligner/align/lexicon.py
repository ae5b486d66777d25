"""French→English word-translation tables: a UN one (Dice) and a general one (IBM model 1).

The shipped table ``aligner/data/lexicon_fr_en.tsv`` (columns ``fr``, ``en``, ``dice``) was
derived from the 8,000 official sentence pairs in ``seeds/unpc/UNv1.0.{dev,test}set.{fr,en}``
by :func:`derive`: words are folded (lower case, no accents); for every French word *f* and
English word *e* the Dice coefficient ``2·c(f,e) / (c(f) + c(e))`` is computed over sentence
pairs (``c`` counts pairs, not occurrences); a pair is kept when it occurs in at least
``min_count`` pairs, its Dice is at least ``min_dice``, and it is among the ``top`` best English
words for *f*. Regenerate it with::

    python -c "from aligner.align.lexicon import rebuild; rebuild()"

The aligner uses a second table, ``aligner/data/lexicon_general_fr_en.tsv`` (columns ``fr``,
``en``, ``t``; :func:`load_general`), derived by :func:`aligner.align.ibm.derive_ibm` (IBM
model 1) from the same 8,000 UNPC pairs and the 33,633 segment pairs of the Canadian Hansard
in ``../shared/corpus/hansard_isi_36`` (parliamentary debates: general language, not only
UN language). It knows 8,056 French words (the Dice table 3,251); on the TransRead development
books it finds the right English sentence of a 1-1 gold pair among its seven neighbours 0.944
of the time instead of 0.893 (the Dice table; both tables together: 0.939), micro strict F1
0.9539 instead of 0.9525 (``python benchmarks/tune_align.py --lexicons``). No TransRead
book was used to build it. Regenerate it with::

    python -c "from aligner.align.lexicon import rebuild_general; rebuild_general()"
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
GENERAL = DATA.with_name("lexicon_general_fr_en.tsv")
#: Where :func:`rebuild_general` reads the Canadian Hansard (``*.f.utf8.txt`` ↔ ``*.e.utf8.txt``).
HANSARD = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "hansard_isi_36"


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


def unpc_pairs(parts: Iterable[str] = ("devset", "testset")) -> list[tuple[str, str]]:
    """The bundled UNPC sentence pairs ``(fr, en)`` of ``parts``."""
    import seeds

    pairs: list[tuple[str, str]] = []
    for part in parts:
        lines_fr = (seeds.ROOT / "unpc" / f"UNv1.0.{part}.fr").read_text("utf-8").splitlines()
        lines_en = (seeds.ROOT / "unpc" / f"UNv1.0.{part}.en").read_text("utf-8").splitlines()
        pairs.extend(zip(lines_fr, lines_en, strict=True))
    return pairs


def hansard_pairs(folder: Path = HANSARD) -> list[tuple[str, str]]:
    """The aligned segment pairs ``(fr, en)`` of every Hansard sitting in ``folder``."""
    pairs: list[tuple[str, str]] = []
    for path_en in sorted(folder.glob("*.e.utf8.txt")):
        path_fr = path_en.with_name(path_en.name.replace(".e.utf8.txt", ".f.utf8.txt"))
        lines_en = path_en.read_text("utf-8").splitlines()
        lines_fr = path_fr.read_text("utf-8").splitlines()
        pairs.extend(zip(lines_fr, lines_en, strict=True))
    return pairs


def _write(table: list[tuple[str, str, float]], path: Path, column: str) -> Path:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(f"fr\ten\t{column}\n")
        handle.writelines(f"{f}\t{e}\t{d}\n" for f, e, d in table)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    return path


def rebuild(path: Path = DATA) -> Path:
    """Derive the table from the bundled UNPC pairs and write it atomically to ``path``."""
    return _write(derive(unpc_pairs()), path, "dice")


def rebuild_general(path: Path = GENERAL, hansard: Path = HANSARD) -> Path:
    """Derive the general table (UNPC + Hansard, IBM model 1) and write it to ``path``."""
    from aligner.align.ibm import derive_ibm

    return _write(derive_ibm(unpc_pairs() + hansard_pairs(hansard)), path, "t")


@lru_cache(maxsize=4)
def load(path: Path = DATA) -> dict[str, frozenset[str]]:
    """The shipped table as ``{folded French word: {folded English words}}``."""
    table: dict[str, set[str]] = {}
    with open(path, encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            f, e, _dice = line.rstrip("\n").split("\t")
            table.setdefault(f, set()).add(e)
    return {f: frozenset(es) for f, es in table.items()}


def load_general(path: Path = GENERAL) -> dict[str, frozenset[str]]:
    """The general table (what the aligner uses by default), like :func:`load`."""
    return load(path)
