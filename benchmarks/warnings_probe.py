"""Every issue the checks raise on the 8,000 official UN pairs, warnings included: the gate a
change of the termbase's content passes before it lands (issue 11).

``bench_planted.py`` counts the official pairs with an *error*; a change of the term links
shows first in the warnings (a key term "not rendered by" its English), which that count
misses. This script checks the official UNPC dev + test pairs in both directions, each pair
alone, against a termbase built from the seeds (or ``--db``), and writes every issue::

    python benchmarks/warnings_probe.py OUT.json [--db TERMBASE]
    python benchmarks/warnings_probe.py --compare BEFORE.json AFTER.json

``--compare`` prints the counts and every issue gone and new, to be read one by one.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_check import unpc_segments, where


def probe(db: Path) -> list[dict]:
    """The issues of every official pair, French and English source, as dicts."""
    from checks.cache import load_checker

    checker = load_checker(db, save=False)
    issues = []
    for segment in unpc_segments():
        for source in ("fr", "en"):
            for issue in checker.check_pair(segment.fr, segment.en, source=source):
                row = issue.to_dict()
                row.update(pair=where(segment.number), source=source)
                issues.append(row)
    return issues


def _key(row: dict) -> str:
    return json.dumps({k: row[k] for k in sorted(row) if k != "segment"}, ensure_ascii=False)


def compare(before: list[dict], after: list[dict]) -> str:
    """The issues gone and new between two runs (as multisets), one per line."""
    old, new = Counter(map(_key, before)), Counter(map(_key, after))
    gone, added = old - new, new - old
    lines = [f"before {len(before)}, after {len(after)}: "
             f"{sum(gone.values())} gone, {sum(added.values())} new"]
    for label, rows in (("GONE", gone), ("NEW", added)):
        for key, count in sorted(rows.items()):
            row = json.loads(key)
            lines.append(f"{label} x{count} {row['pair']} {row['source']}→ {row['kind']} "
                         f"{row['severity']}: {row['source_term']!r} expected "
                         f"{row['expected']} found {row['found']!r}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="where to write the issues (JSON)")
    parser.add_argument("--db", type=Path, help="termbase to check against (default: a build "
                        "of the seeds in a temporary folder)")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        before, after = (json.loads(p.read_text(encoding="utf-8")) for p in args.compare)
        print(compare(before, after))
        return
    if args.out is None:
        parser.error("give OUT.json or --compare BEFORE AFTER")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from termalign.building import build_from_seeds

            db = Path(tmp) / "seeds.sqlite3"
            build_from_seeds(db)
        issues = probe(db)
    args.out.write_text(json.dumps(issues, ensure_ascii=False, indent=0), encoding="utf-8")
    print(f"{len(issues)} issues written to {args.out}")


if __name__ == "__main__":
    main()
