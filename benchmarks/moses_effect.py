"""Does Moses tokenization (sacremoses) help the aligner's lexical features?

The aligner's lexical keys (aligner/align/tokens.py) come from its own word pattern. This
script runs the TransRead benchmark of ``bench_align.py`` twice in the same process: as
shipped, and with the words of every sentence taken from ``sacremoses.MosesTokenizer`` (the
language's own rules: French elisions ``l'``, ``qu'``; English clitics) instead, keeping the
tokens that are words. The development books decide; the held-out figure is reported.
Writes the "interop-moses" section of BENCHMARKS.md.

    python benchmarks/moses_effect.py [--no-write]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_align import f1_of, run_ours, transread  # noqa: E402
from benchmarks.report import write_section  # noqa: E402

_WORDLIKE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*'?", re.U)


def moses_system():
    """``run_ours`` with the lexical words taken from sacremoses' tokenizer."""
    from sacremoses import MosesTokenizer

    from aligner.align import features, tokens

    tokenizers = {"fr": MosesTokenizer(lang="fr"), "en": MosesTokenizer(lang="en")}
    original = features.surface_keys
    own_words = tokens.words

    def surface_keys(text: str, lang: str):
        moses = tokenizers[lang]
        tokens.words = lambda t: [w.strip("'’") for w in moses.tokenize(t, escape=False)
                                  if _WORDLIKE.fullmatch(w) and w.strip("'’")]
        try:
            return original(text, lang)
        finally:
            tokens.words = own_words

    def run(fr, en):
        features.surface_keys = surface_keys
        try:
            return run_ours(fr, en)
        finally:
            features.surface_keys = original

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    systems = {"termalign (own words)": run_ours, "termalign + Moses tokens": moses_system()}
    body, totals, splits = transread(systems)
    names = list(systems)
    dev = [f1_of(splits["development"][n]) for n in names]
    held = [f1_of(splits["held-out"][n]) for n in names]
    times = [totals[n]["time"] for n in names]
    summary = (
        f"\n\nMoses tokens vs the aligner's own words: development micro strict F1 "
        f"{dev[1]:.4f} vs {dev[0]:.4f} ({dev[1] - dev[0]:+.4f}), held-out {held[1]:.4f} vs "
        f"{held[0]:.4f} ({held[1] - held[0]:+.4f}); time {times[1]:.1f} s vs {times[0]:.1f} s "
        f"({times[1] / times[0]:.2f}×).\n"
    )
    print(body + summary)
    if not args.no_write:
        write_section("interop-moses", "Interop: sacremoses tokens in the aligner's lexical "
                      "features", body + summary)


if __name__ == "__main__":
    main()
