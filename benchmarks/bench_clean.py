"""Cleaning PDF-extracted text: damage left, paragraph structure, speed and memory.

There is no packaged peer tool for cleaning UN PDF extractions, so the reference is a naive
baseline run in the same process on the same inputs: paragraphs are runs of non-blank lines,
lines joined with a space, runs of spaces collapsed (what a script usually does).

Measures, on the five French seed documents:

1. damage left in the running text: running headers and job numbers, footnote rules,
   ``undocs.org`` lines, ``l ’ONU``-style spaces, ``ci -jointe`` hyphens, space before
   ``.``/``,``, doubled spaces, ``**`` emphasis, footnote numbers glued to words;
2. numbered paragraphs found in sequence (``1.`` .. ``n.`` without gaps);
3. speed (characters per second) and peak Python memory (tracemalloc), on the seeds
   repeated to about 1.5 million characters.

Usage: ``python benchmarks/bench_clean.py`` (writes the "clean" section of BENCHMARKS.md;
``--no-write`` only prints).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import seeds  # noqa: E402
from aligner.clean import clean_text  # noqa: E402
from benchmarks.report import table, write_section  # noqa: E402

DAMAGE = {
    "running header / job number": re.compile(r"\d{2}-\d{5}|\*\d{7}\*|\b[AS]/\d+/\d+ \d+/\d+"),
    "footnote rule / undocs line": re.compile(r"_{5,}|https://undocs|mailto:"),
    "space in elision (l ’ONU)": re.compile(r"\b[ldjnsc] ’", re.I),
    "space before hyphen (ci -jointe)": re.compile(r"\w -\w"),
    "space before . or ,": re.compile(r"\w [.,](?!\d)"),
    "doubled space": re.compile(r"\S  +\S"),
    "Markdown **": re.compile(r"\*\*"),
    "note number glued (dollars2.)": re.compile(r"[a-zé]{3}\d\.|\d{3} \d{4}\b"),
}


def baseline(text: str) -> list[str]:
    """Blank-line separated blocks, lines joined, spaces collapsed."""
    blocks = re.split(r"\n\s*\n", text)
    return [" ".join(block.split()) for block in blocks if block.strip()]


def ours(text: str) -> list[str]:
    return [p.text for p in clean_text(text, "fr").paragraphs if p.kind != "footnote"]


def damage(paragraphs: list[str]) -> dict[str, int]:
    joined = "\n".join(paragraphs)
    return {name: len(pattern.findall(joined)) for name, pattern in DAMAGE.items()}


def numbered_in_sequence(paragraphs: list[str]) -> int:
    """Length of the longest run 1., 2., ... found at paragraph starts, summed over runs."""
    total, expected = 0, 1
    for text in paragraphs:
        match = re.match(r"(\d{1,3})\. ", text)
        if match and int(match.group(1)) == expected:
            total, expected = total + 1, expected + 1
        elif match and match.group(1) == "1":
            total, expected = total + 1, 2
    return total


def speed(tool, texts: list[str], target: int = 1_500_000) -> tuple[float, float]:
    """Characters per second and peak MiB over ``texts`` repeated to ``target`` characters."""
    corpus = []
    size = 0
    while size < target:
        for text in texts:
            corpus.append(text)
            size += len(text)
    tracemalloc.start()
    start = time.perf_counter()
    for text in corpus:
        tool(text)
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return size / elapsed, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print, do not write")
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in seeds.french_documents()]
    tools = {"termalign clean": ours, "baseline (blank-line blocks)": baseline}
    rows_damage, rows_numbered, rows_speed = [], [], []
    raw = damage(texts)
    results = {name: [tool(text) for text in texts] for name, tool in tools.items()}
    for kind in DAMAGE:
        rows_damage.append(
            [kind, raw[kind]]
            + [damage([p for doc in results[name] for p in doc])[kind] for name in tools]
        )
    for name in tools:
        found = sum(numbered_in_sequence(doc) for doc in results[name])
        rows_numbered.append([name, found])
        chars, peak = speed(tools[name], texts)
        rows_speed.append([name, f"{chars / 1e6:.2f}", f"{peak:.0f}"])
    ratio = float(rows_speed[1][1]) / float(rows_speed[0][1])
    expected = sum(numbered_in_sequence(re.findall(r"^ ?(\d{1,3}\. )", t, re.M)) for t in texts)
    body = "\n\n".join(
        [
            "Damage left in the running text of the five French seeds (occurrences):",
            table(["damage", "raw text", *tools], rows_damage),
            f"Numbered paragraphs found at paragraph starts, in sequence "
            f"(the seeds print {expected}):",
            table(["tool", "numbered paragraphs"], rows_numbered),
            "Speed on the seeds repeated to about 1.5 million characters:",
            table(["tool", "million chars/s", "peak MiB (tracemalloc)"], rows_speed),
            f"termalign clean is {ratio:.0f}x slower than the naive baseline, which does not "
            "repair anything.",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("clean", "Cleaning PDF-extracted text", body)


if __name__ == "__main__":
    main()
