"""Cleaning PDF-extracted text: damage left, paragraph structure, speed and memory.

There is no packaged peer tool for cleaning UN PDF extractions, so the reference is a naive
baseline run in the same process on the same inputs: paragraphs are runs of non-blank lines,
lines joined with a space, runs of spaces collapsed (what a script usually does).

Measures, on the five French seed documents:

1. damage left in the running text: running headers and job numbers, footnote rules,
   ``undocs.org`` lines, ``l ’ONU``-style spaces, ``ci -jointe`` hyphens, space before
   ``.``/``,``, doubled spaces, ``**`` emphasis, footnote numbers glued to words;
2. numbered paragraphs found in sequence (``1.`` .. ``n.`` without gaps);
3. speed (characters per second, wall clock and CPU) on the seeds repeated to about 1.5
   million characters, and peak Python memory (tracemalloc) on one large document.

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
    """Million characters per second, wall clock and CPU, over ``texts`` repeated to
    about ``target`` characters (no tracing, which slows Python down)."""
    corpus = []
    size = 0
    while size < target:
        for text in texts:
            corpus.append(text)
            size += len(text)
    wall, cpu = time.perf_counter(), time.process_time()
    for text in corpus:
        tool(text)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return size / wall / 1e6, size / cpu / 1e6


def peak_memory(tool, text: str) -> float:
    """Peak MiB allocated by Python (tracemalloc) while processing ``text`` once."""
    tracemalloc.start()
    tool(text)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print, do not write")
    args = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in seeds.french_documents()]
    tools = {"termalign clean": ours, "baseline (blank-line blocks)": baseline}
    rows_damage, rows_numbered, rows_speed = [], [], []
    raw = damage(texts)
    big = "\n".join([texts[2]] * 14)  # A/75/345 repeated: one document of about 1 million chars
    results = {name: [tool(text) for text in texts] for name, tool in tools.items()}
    for kind in DAMAGE:
        rows_damage.append(
            [kind, raw[kind]]
            + [damage([p for doc in results[name] for p in doc])[kind] for name in tools]
        )
    for name in tools:
        found = sum(numbered_in_sequence(doc) for doc in results[name])
        rows_numbered.append([name, found])
        wall, cpu = speed(tools[name], texts)
        peak = peak_memory(tools[name], big)
        rows_speed.append([name, f"{wall:.2f}", f"{cpu:.2f}", f"{peak:.0f}"])
    ratio = float(rows_speed[1][2]) / float(rows_speed[0][2])
    expected = sum(numbered_in_sequence(re.findall(r"^ ?(\d{1,3}\. )", t, re.M)) for t in texts)
    body = "\n\n".join(
        [
            "Damage left in the running text of the five French seeds (occurrences):",
            table(["damage", "raw text", *tools], rows_damage),
            f"Numbered paragraphs found at paragraph starts, in sequence "
            f"(the seeds print {expected}):",
            table(["tool", "numbered paragraphs"], rows_numbered),
            "Speed on the seeds repeated to about 1.5 million characters (this machine is "
            "shared, so CPU time is the steadier figure); peak memory while cleaning one "
            f"document of {len(big) / 1e6:.1f} million characters (A/75/345 repeated):",
            table(
                ["tool", "M chars/s (wall)", "M chars/s (CPU)", "peak MiB (tracemalloc)"],
                rows_speed,
            ),
            f"termalign clean takes {ratio:.0f}x the CPU time of the naive baseline, which "
            "repairs nothing.",
        ]
    )
    print(body)
    if not args.no_write:
        write_section("clean", "Cleaning PDF-extracted text", body)


if __name__ == "__main__":
    main()
