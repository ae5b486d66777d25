"""Record what ``POST /api/check`` answers to real UNPC pairs, for the same-output test.

    PYTHONPATH=TREE python benchmarks/record_web_check.py OUT.json "NOTE"

The requests are windows of the UNPC devset (``seeds/unpc``), about 2 KB a side: the
benchmark's single-line pair, texts of one sentence per line with as many lines on each side,
texts whose line counts differ (one English line left out, two French lines on one line: the
texts are aligned first), an English original and a ``pairs`` list. Every request is sent to
the application of the code on ``PYTHONPATH`` (``TREE``: a ``git archive`` of the revision to
record, such as main), serving a termbase built from the seeds by that code; ``OUT.json``
keeps each request body with the status and JSON answer, the termbase's counts and ``NOTE``
(which code answered).
``tests/test_web_check_same.py`` replays the bodies against the current code.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNPC = ROOT / "seeds" / "unpc"


def devset() -> tuple[list[str], list[str]]:
    sides = []
    for lang in ("fr", "en"):
        with open(UNPC / f"UNv1.0.devset.{lang}", encoding="utf-8") as handle:
            sides.append([line.strip() for line in handle])
    return sides[0], sides[1]


def window(start: int, size: int = 2000) -> tuple[list[str], list[str]]:
    """Consecutive devset pairs from line ``start`` until the French side holds ``size``
    characters."""
    fr, en = devset()
    end = start
    while sum(len(line) for line in fr[start:end]) < size:
        end += 1
    return fr[start:end], en[start:end]


def cases() -> list[dict]:
    """The named request bodies (see the module's docstring)."""
    from benchmarks.bench_web_check import check_body

    out = [{"name": "one line a side (the benchmark's body)", "body": json.loads(check_body())}]
    for start in (200, 600, 1000, 1400):
        fr, en = window(start)
        out.append({"name": f"devset lines from {start}, one a line",
                    "body": {"fr": "\n".join(fr), "en": "\n".join(en)}})
    for start in (1800, 2200):
        fr, en = window(start)
        middle = len(en) // 2
        out.append({"name": f"devset lines from {start}, English line {middle} left out",
                    "body": {"fr": "\n".join(fr), "en": "\n".join(en[:middle] + en[middle + 1:])}})
    for start in (2600, 3000):
        fr, en = window(start)
        merged = fr[:2] + [fr[2] + " " + fr[3]] + fr[4:]
        out.append({"name": f"devset lines from {start}, French lines 2 and 3 on one line",
                    "body": {"fr": "\n".join(merged), "en": "\n".join(en)}})
    fr, en = window(3400)
    out.append({"name": "devset lines from 3400, English original",
                "body": {"fr": "\n".join(fr), "en": "\n".join(en), "source": "en"}})
    fr, en = window(3700)
    out.append({"name": "devset lines from 3700, as pairs",
                "body": {"pairs": [[f, e] for f, e in zip(fr, en, strict=True)]}})
    return out


def answers(db: Path, bodies: list[dict]) -> list[dict]:
    """``[{"status", "json"}]`` of ``POST /api/check`` for each body, from the app on ``db``."""
    from web import create_app

    with tempfile.TemporaryDirectory() as results:
        client = create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": results}).test_client()
        out = []
        for body in bodies:
            response = client.post("/api/check", json=body)
            out.append({"status": response.status_code, "json": response.get_json()})
        return out


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit('usage: record_web_check.py OUT.json "NOTE"')
    sys.path.append(str(ROOT))  # the benchmarks package, after the code under test
    from termalign.building import build_from_seeds

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "seeds.sqlite3"
        stats = build_from_seeds(db).stats
        recorded = cases()
        for case, answer in zip(recorded, answers(db, [c["body"] for c in recorded]),
                                strict=True):
            case.update(answer)
    data = {"produced_by": sys.argv[2],
            "termbase": {"concepts": stats["concepts"], "terms": stats["terms"]},
            "cases": recorded}
    Path(sys.argv[1]).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                 encoding="utf-8")


if __name__ == "__main__":
    main()
