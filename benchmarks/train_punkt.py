"""Retrain the shipped Punkt parameters (``aligner/data/punkt_{fr,en}.json``).

Usage: ``python benchmarks/train_punkt.py``. Deterministic: same shipped inputs, same output.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import seeds
from aligner.segment.train import train_all


def main() -> None:
    started = time.perf_counter()
    for path in train_all(seeds.ROOT):
        print(f"wrote {path}")
    print(f"trained in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
