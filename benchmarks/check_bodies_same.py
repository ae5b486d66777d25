"""The reports of ``bench_web_check.py``'s bodies, here and at an earlier revision (issue 16).

    python -m benchmarks.check_bodies_same TERMBASE REV

The gate of a round that speeds the checker up: the 101 bodies of the web benchmark (the one
body, the 50 distinct bodies, the 50 bodies of a sentence a line, with the English line the
aligned row leaves out put back so that both sides pair up) and 30 shorter windows (600
characters a side), each checked in both directions with messages in both languages as one
pair, and as a document of its sentence pairs (the lines of the body, or its sentences cut at
". ") checked in document and as isolated pairs. Each tree checks in a fresh process from its
own copy of the termbase (its own on-disk checker); the reports must be the same JSON, every
field, in order. Prints one line per group of reports and exits 1 on any difference.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_WORKER = r'''
import json, sys
sys.path.insert(0, sys.argv[1])
from benchmarks.bench_web_check import check_body, rotating_bodies
from benchmarks.record_web_check import devset
from checks.cache import load_checker
from checks.model import Segment

checker = load_checker(sys.argv[2])
groups = {"one body": [check_body()], "50 bodies": rotating_bodies(),
          "50 bodies of a line a sentence": rotating_bodies(aligned=True),
          "30 windows of 600 characters": rotating_bodies(30, 600)}
fr_all, en_all = devset()
out = {}
for name, bodies in groups.items():
    reports = []
    for body in map(json.loads, bodies):
        fr, en = body["fr"], body["en"]
        if "\n" in fr:  # the English line left out for the aligned row is put back
            lines = fr.split("\n")
            start = fr_all.index(lines[0])
            pairs = list(zip(lines, en_all[start : start + len(lines)], strict=True))
            fr, en = " ".join(lines), " ".join(e for _f, e in pairs)
        else:
            pairs = list(zip(fr.split(". "), en.split(". "), strict=False))
        segments = [Segment(n, f, e) for n, (f, e) in enumerate(pairs, 1)]
        for source in ("fr", "en"):
            for lang in ("en", "fr"):
                reports.append(checker.check([Segment(1, fr, en)], source=source,
                                             lang=lang).to_dict())
                reports.append(checker.check(segments, source=source, lang=lang).to_dict())
                reports.append(checker.check(segments, source=source, lang=lang,
                                             isolated=True).to_dict())
    out[name] = reports
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
'''


def reports(tree: Path, db: Path) -> dict[str, list[dict]]:
    """The reports of every group, checked by the code of ``tree`` against ``db``."""
    done = subprocess.run([sys.executable, "-c", _WORKER, str(tree), str(db)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def compare(db: Path, rev: str) -> tuple[bool, str]:
    """(all identical, one line per group) for this tree against revision ``rev``."""
    from benchmarks.check_scan import extract

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        before_db, after_db = tmp / f"before-{db.name}", tmp / f"after-{db.name}"
        shutil.copy(db, before_db)
        shutil.copy(db, after_db)
        before = reports(extract(rev, tmp / "before"), before_db)
        after = reports(ROOT, after_db)
    lines, same = [], True
    for name, want in before.items():
        got = after[name]
        issues = sum(len(r["issues"]) for r in want)
        differ = sum(a != b for a, b in zip(want, got, strict=True))
        same &= differ == 0 and len(want) == len(got)
        verdict = "identical" if not differ else f"DIFFERENT in {differ} reports"
        lines.append(f"- {name}: {len(want):,} reports, {issues:,} issues at `{rev}`: {verdict}")
    return same, "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: python -m benchmarks.check_bodies_same TERMBASE REV")
    identical, text = compare(Path(sys.argv[1]), sys.argv[2])
    print(text)
    sys.exit(0 if identical else 1)
