"""UNPC alignment tasks with merged and dropped sentences, and a devset-only lexicon.

The UN Parallel Corpus v1.0 dev and test sets (``seeds/unpc``, the same files as
``../shared/corpus/unpc_v1_testsets``) are 1-1 sentence pairs sampled from 2015 UN documents;
``UNv1.0.<part>.ids`` gives every pair's document symbol and its line in the English
document. :func:`documents` regroups the pairs by document, in English document order;
:func:`tasks` concatenates consecutive documents into tasks of about :data:`TASK_SIZE` pairs
and then edits them the way translation does, with a fixed seed and fixed rates (chosen before
any run, not tuned):

* a French **merge** (:data:`MERGE_RATE` of the pairs): two consecutive French sentences are
  joined into one, so the gold has a 1-2 bead; an English merge gives a 2-1 bead;
* a French **drop** (:data:`DROP_RATE`): the French sentence is deleted, so the gold has a
  0-1 bead (the English sentence has no counterpart); an English drop gives a 1-0 bead;
* a **triple merge** (:data:`TRIPLE_RATE`): three sentences joined on one side (1-3 / 3-1).

Edits never touch two neighbouring pairs, so every gold bead is known by construction (no
aligner is run to make it). The *devset* tasks are for tuning; the *testset* tasks are held
out. :func:`devset_lexicon` derives the aligner's word table from the devset pairs (and the
Canadian Hansard) only (:func:`aligner.align.ibm.derive_ibm`), so that figures on testset
tasks never use a lexicon that saw the testset (the shipped
``aligner/data/lexicon_general_fr_en.tsv`` was derived from both).

Usage: ``python benchmarks/make_tasks.py`` prints the size and bead shapes of both task sets.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNPC = ROOT / "seeds" / "unpc"
TASK_SIZE = 120
MERGE_RATE = 0.05
TRIPLE_RATE = 0.01
DROP_RATE = 0.04
SEED = 13

Pair = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Task:
    """One document pair to align and its gold beads (nulls included)."""

    name: str
    fr: list[str]
    en: list[str]
    gold: list[Pair]


def documents(part: str) -> list[tuple[str, list[str], list[str]]]:
    """``(symbol, French sentences, English sentences)`` per document of ``part``
    (``devset`` or ``testset``), documents in order of first appearance, sentences in
    English document order."""
    fr = (UNPC / f"UNv1.0.{part}.fr").read_text("utf-8").splitlines()
    en = (UNPC / f"UNv1.0.{part}.en").read_text("utf-8").splitlines()
    ids = (UNPC / f"UNv1.0.{part}.ids").read_text("utf-8").splitlines()
    groups: dict[str, list[tuple[tuple[int, int], int]]] = {}
    for k, line in enumerate(ids):
        fields = line.split()
        where = next(f for f in fields[1:] if f.startswith("en:")).split(":")
        groups.setdefault(fields[0], []).append(((int(where[1]), int(where[2])), k))
    out = []
    for symbol, rows in groups.items():
        rows.sort()
        out.append((symbol, [fr[k] for _, k in rows], [en[k] for _, k in rows]))
    return out


def _edit(pairs: list[tuple[str, str]], rng: random.Random, name: str) -> Task:
    fr: list[str] = []
    en: list[str] = []
    gold: list[Pair] = []
    k = 0
    while k < len(pairs):
        roll = rng.random()
        room = len(pairs) - k
        f, e = pairs[k]
        if roll < MERGE_RATE and room >= 2:
            side = rng.choice(("fr", "en"))
            f2, e2 = pairs[k + 1]
            if side == "fr":
                gold.append(((len(fr),), (len(en), len(en) + 1)))
                fr.append(f + " " + f2)
                en.extend([e, e2])
            else:
                gold.append(((len(fr), len(fr) + 1), (len(en),)))
                fr.extend([f, f2])
                en.append(e + " " + e2)
            k += 2
        elif roll < MERGE_RATE + TRIPLE_RATE and room >= 3:
            side = rng.choice(("fr", "en"))
            three_fr = [p[0] for p in pairs[k : k + 3]]
            three_en = [p[1] for p in pairs[k : k + 3]]
            if side == "fr":
                gold.append(((len(fr),), tuple(range(len(en), len(en) + 3))))
                fr.append(" ".join(three_fr))
                en.extend(three_en)
            else:
                gold.append((tuple(range(len(fr), len(fr) + 3)), (len(en),)))
                fr.extend(three_fr)
                en.append(" ".join(three_en))
            k += 3
        elif roll < MERGE_RATE + TRIPLE_RATE + DROP_RATE and 0 < k < len(pairs) - 1:
            if rng.random() < 0.5:
                gold.append(((), (len(en),)))
                en.append(e)
            else:
                gold.append(((len(fr),), ()))
                fr.append(f)
            k += 1
        else:
            gold.append(((len(fr),), (len(en),)))
            fr.append(f)
            en.append(e)
            k += 1
            continue
        # an unedited pair after every edit, so edits never meet
        if k < len(pairs):
            f, e = pairs[k]
            gold.append(((len(fr),), (len(en),)))
            fr.append(f)
            en.append(e)
            k += 1
    return Task(name, fr, en, gold)


@lru_cache(maxsize=4)
def tasks(part: str, size: int = TASK_SIZE, seed: int = SEED) -> tuple[Task, ...]:
    """The edited tasks of ``part``: consecutive documents concatenated up to ``size`` pairs."""
    rng = random.Random(f"{seed}:{part}")
    out: list[Task] = []
    batch: list[tuple[str, str]] = []
    first = ""
    for symbol, fr, en in documents(part):
        if not batch:
            first = symbol
        batch.extend(zip(fr, en, strict=True))
        if len(batch) >= size:
            out.append(_edit(batch, rng, f"{part}:{first}"))
            batch = []
    if batch:
        out.append(_edit(batch, rng, f"{part}:{first}"))
    return tuple(out)


@lru_cache(maxsize=1)
def devset_lexicon() -> dict[str, frozenset[str]]:
    """The aligner's general word table derived the same way as the shipped one
    (:func:`aligner.align.lexicon.rebuild_general`: IBM model 1 over UNPC pairs and the
    Canadian Hansard) but from the UNPC *devset* pairs only, as
    :func:`aligner.align.lexicon.load` returns it (about 40 s)."""
    from aligner.align.ibm import derive_ibm
    from aligner.align.lexicon import hansard_pairs, unpc_pairs

    table: dict[str, set[str]] = {}
    for f, e, _t in derive_ibm(unpc_pairs(["devset"]) + hansard_pairs()):
        table.setdefault(f, set()).add(e)
    return {f: frozenset(es) for f, es in table.items()}


def shapes(task_list) -> Counter:
    """How many gold beads of each shape (``"1-2"`` …) the tasks hold."""
    return Counter(f"{len(f)}-{len(e)}" for t in task_list for f, e in t.gold)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    for part in ("devset", "testset"):
        found = tasks(part)
        print(part, len(found), "tasks,", sum(len(t.fr) for t in found), "fr /",
              sum(len(t.en) for t in found), "en sentences;", dict(shapes(found)))


if __name__ == "__main__":
    main()
