"""The first answers of another commit of termalign (code and shipped evidence), for the
before → after of ``bench_terms.py`` in one run: the commit is extracted with ``git archive``
into a temporary folder and built there in a subprocess, curated data on and off, on the gold
lists of this tree (a gold list the commit did not have is read all the same)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from termbase.extract.evaluate import Answers

ROOT = Path(__file__).resolve().parent.parent

#: Run inside the extracted commit: argv = gold spec (JSON), output path.
_SCRIPT = r"""
import json, sys, tempfile, time
from pathlib import Path
from termalign.building import (read_document, seed_aligned, seed_curated, seed_documents,
                                shipped_concepts)
from termbase.build import build
from termbase.extract.evaluate import first_answers, gold_splits, read_gold
from termbase.store import Termbase

spec = json.loads(sys.argv[1])
pairs = seed_aligned()
concepts = shipped_concepts(pairs)
documents = [read_document(p, "fr") for p in seed_documents()]
out = {}
with tempfile.TemporaryDirectory() as tmp:
    for curated in (True, False):
        db = Path(tmp) / f"tb{curated}.sqlite3"
        start = time.perf_counter()
        build(db, documents=documents, aligned=pairs,
              curated=seed_curated() if curated else [], rebuild=True, term_pairs=[],
              extracted=concepts)
        seconds = time.perf_counter() - start
        answers = {}
        with Termbase.open(db) as tb:
            n = tb.count()
            for name, (path, dev2) in spec.items():
                gold = read_gold(path, ("fr", "en", "from"))
                splits = {"all": gold, **gold_splits(gold)}
                if dev2:
                    splits["dev2"] = read_gold(dev2, ("fr", "en", "from"))
                for split, rows in splits.items():
                    a = first_answers(tb, rows)
                    answers[f"{name}|{split}"] = {k: [list(r) for r in getattr(a, k)] for k in
                        ("right", "wrong", "french_only", "none", "acronym_only")}
        out[str(curated)] = [seconds, db.stat().st_size / 1e6, answers, n]
Path(sys.argv[2]).write_text(json.dumps(out), encoding="utf-8")
print(len(concepts))
"""


def results_at(commit: str, gold: dict[str, Path], dev2: dict[str, Path]) -> tuple[dict, int]:
    """``({curated: (seconds, MB, {(name, split): Answers}, concepts)}, precomputed concepts)``
    of ``commit``, as :func:`bench_terms.evaluate` gives for this tree."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        spec = {name: (str(path), str(dev2[name]) if name in dev2 else "")
                for name, path in gold.items()}
        out_path = Path(tmp) / "answers.json"
        done = subprocess.run([sys.executable, "-c", _SCRIPT, json.dumps(spec), str(out_path)],
                              cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin",
                                             "HOME": tmp},
                              capture_output=True, text=True, check=True)
        raw = json.loads(out_path.read_text(encoding="utf-8"))
    results = {}
    for curated in (True, False):
        seconds, size, answers, n = raw[str(curated)]
        table = {}
        for key, kinds in answers.items():
            name, split = key.split("|")
            table[name, split] = Answers(**{k: [tuple(r) for r in v] for k, v in kinds.items()})
        results[curated] = (seconds, size, table, n)
    return results, int(done.stdout.split()[-1])
