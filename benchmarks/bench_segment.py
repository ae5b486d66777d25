"""Sentence segmentation: boundary precision/recall/F1 and speed, ours against two peers.

Peers, run in the same process on the same paragraphs:

- nltk Punkt untrained (``PunktSentenceTokenizer()``: no parameters, no abbreviations);
- the PyPI package ``sentence-splitter`` (Moses-style rules with per-language
  non-breaking prefixes), ``pip install sentence-splitter`` (the ``bench`` extra).

Measures:

1. the hand-checked gold in ``tests/data/segmentation_gold.{fr,en}.txt``;
2. a larger automatic check on the UN Parallel Corpus test set: runs of 5 consecutive lines
   that end with a stop, joined into one paragraph, each line counted as one sentence (not
   checked by hand: a line holding two sentences counts against every tool alike);
3. speed on about 100,000 UNPC sentences (dev + test lines, repeated), in paragraphs of 5.

Usage: ``python benchmarks/bench_segment.py`` (writes the "segmentation" section of
BENCHMARKS.md; ``--no-write`` only prints).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import seeds  # noqa: E402
from aligner.segment import split_sentences  # noqa: E402
from aligner.segment.evaluate import (  # noqa: E402
    GoldParagraph,
    Scores,
    load_gold,
    score,
    spans_to_starts,
    strings_to_starts,
)
from benchmarks.report import table, write_section  # noqa: E402

LANGS = ("fr", "en")
STOPS = (".", "!", "?", ".»", ". »", ".”", '."', ".)")


def tools(lang: str) -> dict:
    """name -> function(text) -> set of sentence start offsets."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer
    from sentence_splitter import SentenceSplitter

    punkt = PunktSentenceTokenizer()
    splitter = SentenceSplitter(language=lang)
    return {
        "termalign (trained Punkt + UN rules)":
            lambda text: spans_to_starts(text, split_sentences(text, lang)),
        "nltk Punkt, untrained":
            lambda text: spans_to_starts(text, punkt.span_tokenize(text)),
        "sentence-splitter":
            lambda text: strings_to_starts(text, splitter.split(text)),
    }


_MARKER = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[.)]\s")


def unpc_paragraphs(lang: str, split: str = "testset", size: int = 5) -> list[GoldParagraph]:
    """Runs of ``size`` consecutive UNPC lines that all end with a stop.

    A line that starts with a paragraph marker (``12.``, ``a)``) starts a paragraph in its
    document, so it breaks a run instead of being glued after another line.
    """
    lines = seeds.path("unpc", f"UNv1.0.{split}.{lang}").read_text(encoding="utf-8").splitlines()
    result, run = [], []
    for line in lines:
        line = " ".join(line.split())
        if line.endswith(STOPS) and len(line) > 1 and not _MARKER.match(line):
            run.append(line)
            if len(run) == size:
                result.append(GoldParagraph(run))
                run = []
        else:
            run = []
    return result


def speed_paragraphs(lang: str, target: int = 100_000) -> tuple[list[str], int]:
    lines = []
    for split in ("devset", "testset"):
        path = seeds.path("unpc", f"UNv1.0.{split}.{lang}")
        lines += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    repeated = (lines * (target // len(lines) + 1))[:target]
    return [" ".join(repeated[i:i + 5]) for i in range(0, len(repeated), 5)], len(repeated)


def fmt(s: Scores) -> list[str]:
    return [f"{s.precision:.3f}", f"{s.recall:.3f}", f"**{s.f1:.3f}**",
            f"{s.true_positives}/{s.false_positives}/{s.false_negatives}"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--sentences", type=int, default=100_000,
                        help="sentences per language for the speed run (default 100000)")
    args = parser.parse_args()

    header = ["lang", "tool", "precision", "recall", "F1", "TP/FP/FN"]
    gold_rows, unpc_rows, speed_rows, sizes, errors = [], [], [], [], []
    for lang in LANGS:
        gold = load_gold(ROOT / "tests" / "data" / f"segmentation_gold.{lang}.txt")
        unpc = unpc_paragraphs(lang)
        paragraphs, count = speed_paragraphs(lang, args.sentences)
        baseline = None
        for name, predict in tools(lang).items():
            result = score(gold, predict)
            gold_rows.append([lang, name, *fmt(result)])
            if name.startswith("termalign"):
                errors += [f"- {lang} {kind}: `{context}`" for kind, context in result.errors]
            unpc_rows.append([lang, name, *fmt(score(unpc, predict))])
            started = time.perf_counter()
            for text in paragraphs:
                predict(text)
            elapsed = time.perf_counter() - started
            baseline = baseline or elapsed
            speed_rows.append([lang, name, f"{elapsed:.2f}", f"{count / elapsed:,.0f}",
                               f"{elapsed / baseline:.2f}"])
        gold_size = sum(len(p.boundaries) for p in gold)
        unpc_size = sum(len(p.boundaries) for p in unpc)
        sizes.append(f"- {lang}: gold {len(gold)} paragraphs, {gold_size} boundaries; "
                     f"UNPC check {len(unpc)} paragraphs, {unpc_size} boundaries")

    body = "\n\n".join([
        "Boundaries inside paragraphs (a paragraph start is never counted). Gold: "
        "`tests/data/segmentation_gold.{fr,en}.txt`, checked by hand (seed letters and report "
        "A/75/345, UNPC test-set lines, UDHR). The gold was also used while writing the rules, "
        "so read it as a regression check more than as a blind test; the UNPC check below is "
        "larger but automatic, and UNPC dev+test text is also Punkt's (unsupervised) training "
        "text.",
        "### Hand-checked gold\n\n" + table(header, gold_rows),
        "### UNPC test set, 5 consecutive lines per paragraph (automatic)\n\n"
        + table(header, unpc_rows),
        f"### Speed, {args.sentences:,} UNPC sentences per language (paragraphs of 5)\n\n"
        + table(["lang", "tool", "seconds", "sentences/s", "time ratio to termalign"],
                speed_rows),
        "Sizes:\n\n" + "\n".join(sizes),
        "termalign's errors on the gold:\n\n" + "\n".join(errors or ["- none"]),
    ])
    print(body)
    if not args.no_write:
        write_section("segmentation", "Sentence segmentation (fr, en)", body)


if __name__ == "__main__":
    main()
