"""Sentence alignment: accuracy on human gold and speed at scale, against peer aligners.

In one run, on the same inputs:

* the 11 TransRead books (``../shared/corpus/transread_gold_sentence_alignment/vecalign_format``,
  French as source): strict and lax F1 (vecalign's convention) per book and micro-averaged
  over all beads, and the time, for termalign (classical, and with ``[embed]`` when the package
  is installed), nltk's ``gale_church.align_blocks`` and the PyPI package ``galechurch``;
* the UDHR from the raw seed texts: cleaning + segmentation + alignment, scored against the
  hand-checked gold in ``tests/data/udhr_gold.json``;
* a 10,000 and a 50,000 sentence document pair made of real text (UNPC pairs and TransRead
  gold beads, shuffled in blocks and repeated): time and peak memory (``ru_maxrss`` of a
  fresh subprocess per run), with strict F1 against the known construction.

Usage: ``python benchmarks/bench_align.py [--no-embed] [--no-nltk-scale]``; writes the
"alignment" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.align_peers import components  # noqa: E402
from benchmarks.report import SHARED, table, write_section  # noqa: E402
from benchmarks.transread_history import TRANSREAD_HISTORY  # noqa: E402

BOOKS = SHARED / "corpus" / "transread_gold_sentence_alignment" / "vecalign_format"
UNPC = ROOT / "seeds" / "unpc"


# --------------------------------------------------------------------------- peers


def run_nltk(fr: list[str], en: list[str]):
    from nltk.translate.gale_church import align_blocks

    lens_fr = [len(s) for s in fr]
    lens_en = [len(s) for s in en]
    return components(align_blocks(lens_fr, lens_en), len(fr), len(en))


def run_galechurch(fr: list[str], en: list[str]):
    import galechurch

    block = galechurch.align(fr, en, max_block_size=max(50_000_000, (len(fr) + 1) * (len(en) + 1)))
    return [
        (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
        for b in block.beads
    ]


def run_ours(fr, en, embedder=None, fr_paragraphs=None, en_paragraphs=None):
    from aligner.align import align

    beads = align(fr, en, embedder=embedder, fr_paragraphs=fr_paragraphs,
                  en_paragraphs=en_paragraphs)
    return [(b.fr, b.en) for b in beads]


# --------------------------------------------------------------------------- accuracy


def score(pred, gold):
    from aligner.evaluate import lax, strict

    return strict(pred, gold), lax(pred, gold)


def f1_of(counts) -> float:
    hit_p, n_p, hit_g, n_g = counts
    p = hit_p / n_p if n_p else 0.0
    r = hit_g / n_g if n_g else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def transread(systems: dict) -> str:
    from aligner.formats import beads as bead_format
    from benchmarks.tune_align import split

    books = sorted(d.name for d in BOOKS.iterdir() if d.is_dir())
    dev_books, _held_books = split()
    totals = {name: {"strict": [0] * 4, "lax": [0] * 4, "time": 0.0} for name in systems}
    splits = {
        part: {name: [0] * 4 for name in systems} for part in ("development", "held-out")
    }
    rows = []
    for book in books:
        fr = (BOOKS / book / "fr.txt").read_text("utf-8").splitlines()
        en = (BOOKS / book / "en.txt").read_text("utf-8").splitlines()
        gold = [(b.fr, b.en) for b in bead_format.load(BOOKS / book / "gold.fren").beads()]
        part = "development" if book in dev_books else "held-out"
        row = [f"{book} ({'dev' if part == 'development' else 'held-out'})",
               f"{len(fr)}/{len(en)}"]
        for name, system in systems.items():
            start = time.perf_counter()
            pred = system(fr, en)
            elapsed = time.perf_counter() - start
            s, lx = score(pred, gold)
            for k in range(4):
                totals[name]["strict"][k] += s.counts[k]
                totals[name]["lax"][k] += lx.counts[k]
                splits[part][name][k] += s.counts[k]
            totals[name]["time"] += elapsed
            row.append(f"{s.f1:.3f} / {lx.f1:.3f}")
        rows.append(row)
        print(book, row[2:], flush=True)
    for part, books_part in (("held-out", 6), ("development", 5)):
        rows.append([f"micro strict F1, {part} ({books_part} books)", ""]
                    + [f"{f1_of(splits[part][name]):.4f}" for name in systems])
    micro = ["**micro (all beads)**", ""]
    micro += [f"**{f1_of(t['strict']):.4f}** / {f1_of(t['lax']):.4f}" for t in totals.values()]
    rows.append(micro)
    rows.append(["time (s), 11 books", ""] + [f"{t['time']:.1f}" for t in totals.values()])
    header = ["book", "sentences fr/en"] + [f"{name}: strict / lax F1" for name in systems]
    return table(header, rows), totals, splits


def udhr(systems: dict) -> str:
    from aligner.clean import clean_file
    from aligner.evaluate import beads_from_texts
    from aligner.segment import segment_document

    start = time.perf_counter()
    fr = segment_document(clean_file(ROOT / "seeds" / "udhr" / "udhr_fra.txt", lang="fr"))
    en = segment_document(clean_file(ROOT / "seeds" / "udhr" / "udhr_eng.txt", lang="en"))
    prep = time.perf_counter() - start
    texts_fr, texts_en = [s.text for s in fr], [s.text for s in en]
    data = json.loads((ROOT / "tests" / "data" / "udhr_gold.json").read_text("utf-8"))
    gold = beads_from_texts([(b["fr"], b["en"]) for b in data["beads"]], texts_fr, texts_en)
    rows = []
    for name, system in systems.items():
        start = time.perf_counter()
        if name.startswith("termalign"):
            pred = system(texts_fr, texts_en, fr_paragraphs=[s.paragraph for s in fr],
                          en_paragraphs=[s.paragraph for s in en])
        else:
            pred = system(texts_fr, texts_en)
        elapsed = time.perf_counter() - start
        s, lx = score(pred, gold)
        rows.append([name, f"{s.f1:.3f}", f"{lx.f1:.3f}", f"{elapsed:.2f}"])
    body = (
        f"Cleaning + segmentation of both raw texts: {prep:.2f} s; {len(texts_fr)} French and "
        f"{len(texts_en)} English sentences; gold: {len(gold)} beads checked by hand.\n\n"
    )
    return body + table(["aligner", "strict F1", "lax F1", "align time (s)"], rows)


# --------------------------------------------------------------------------- scale


def scale_pair(target: int, seed: int = 0):
    """A document pair of at least ``target`` French sentences and its gold beads."""
    from aligner.formats import beads as bead_format

    blocks: list[list[tuple[list[str], list[str]]]] = []
    for part in ("devset", "testset"):
        fr = (UNPC / f"UNv1.0.{part}.fr").read_text("utf-8").splitlines()
        en = (UNPC / f"UNv1.0.{part}.en").read_text("utf-8").splitlines()
        pairs = [([f], [e]) for f, e in zip(fr, en, strict=True)]
        blocks += [pairs[k : k + 50] for k in range(0, len(pairs), 50)]
    if BOOKS.is_dir():
        for book in sorted(d for d in BOOKS.iterdir() if d.is_dir()):
            fr = (book / "fr.txt").read_text("utf-8").splitlines()
            en = (book / "en.txt").read_text("utf-8").splitlines()
            units = [([fr[i] for i in b.fr], [en[j] for j in b.en])
                     for b in bead_format.load(book / "gold.fren").beads()]
            blocks += [units[k : k + 50] for k in range(0, len(units), 50)]
    rng = random.Random(seed)
    fr_out: list[str] = []
    en_out: list[str] = []
    gold = []
    while len(fr_out) < target:
        order = blocks[:]
        rng.shuffle(order)
        for block in order:
            for f, e in block:
                gold.append((tuple(range(len(fr_out), len(fr_out) + len(f))),
                             tuple(range(len(en_out), len(en_out) + len(e)))))
                fr_out += f
                en_out += e
            if len(fr_out) >= target:
                break
    return fr_out, en_out, gold


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM, which, unlike ``ru_maxrss``, does not
    inherit the parent's peak across fork + exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(system: str, target: int) -> None:
    """Run one aligner on the scale pair in this (fresh) process; print JSON figures."""
    import os

    fr, en, gold = scale_pair(target)
    base = peak_rss_mb()
    start, before = time.perf_counter(), os.times()
    pred = {"termalign": run_ours, "galechurch": run_galechurch, "nltk": run_nltk}[system](fr, en)
    elapsed = time.perf_counter() - start
    after = os.times()
    # CPU of this process and of any child process it ran (and waited for)
    cpu = sum(after[:4]) - sum(before[:4])
    peak = peak_rss_mb()
    s, _ = score(pred, gold)
    print(json.dumps({"time": elapsed, "cpu": cpu, "peak_mb": peak, "input_mb": base,
                      "fr": len(fr), "en": len(en),
                      "strict": s.f1, "load": os.getloadavg()[0]}))


def scale(systems: list[str], sizes: list[int]) -> str:
    rows = []
    for size in sizes:
        for system in systems:
            if system == "nltk" and size > 2000:
                rows.append([f"{size:,}", system, "not run: pure-Python full n×m table "
                             f"(≈ {size * size:.0e} dict cells)", "", "", ""])
                continue
            if system == "galechurch" and size > 20_000:
                rows.append([f"{size:,}", system, "not run: full n×m backtrack table "
                             f"(≈ {size * size / 1e9:.1f} GB)", "", "", ""])
                continue
            done = subprocess.run(
                [sys.executable, __file__, "--worker", system, str(size)],
                capture_output=True, text=True, timeout=1800,
            )
            if done.returncode != 0:
                rows.append([f"{size:,}", system, "failed: " + done.stderr.strip()[-120:],
                             "", "", ""])
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append([f"{r['fr']:,} × {r['en']:,}", system, f"{r['time']:.1f}",
                         f"{r['peak_mb']:.0f}", f"{r['input_mb']:.0f}", f"{r['strict']:.4f}"])
            print(rows[-1], flush=True)
    return table(["sentences fr × en", "aligner", "time (s)", "peak RSS (MB)",
                  "RSS before aligning (MB)", "strict F1"], rows)


# --------------------------------------------------------------------------- main

TRANSREAD_NOTES = """\
How the figures are kept honest. The books are sorted by name; the five at odd positions
(Candide, Emma, LaFauteDeLAbbeMouret, LesTravailleursDeLaMer, VingtMilleLieuesSousLesMers)
are the *development* split, the six others are *held out*. Every weight of the cost
(aligner/align/search.py: bead priors, length, lexical and embedding weights) was set by
`python benchmarks/tune_align.py` (and `--embed`), a coordinate descent on the development
books' micro strict F1 only; feature changes were kept only when they helped on the
development books. The held-out row is the figure to quote; the all-books row is given for
comparison with earlier runs. The previous version of the aligner (8 bead shapes, weights
tuned on all 11 books) scored 0.9181 classical and 0.9344 `--embed` on all books, and 0.9029
and 0.9212 on these six held-out books, which it had been tuned on.

Why 0.95 is missed (error analysis of the classical run over all books). Of the 134 gold null
beads (1-0/0-1), about 100 are not found: a French or English sentence with no counterpart
(Emma's French is an abridged translation: 160 French sentences for 216 English ones) is
absorbed into a neighbouring 1-2/2-1 bead, which makes that bead and the gold 1-1 next to it
both wrong; a cheaper null prior finds more of them but invents more elsewhere, and the
tuning settled on the balance. 2-2, 2-3 and 3-2 beads (82 gold) are mostly missed: they need
a sentence boundary that falls inside a sentence of the other side, which the length and
word-overlap evidence rarely shows; the tuning drove the 2-3/3-2 prior down, because on the
development books these shapes, allowed more freely, replaced more correct beads than they
recovered. 1-4/4-1 beads (28 gold) are now found.
The remaining 1-1 errors are free literary translations. Since issue 13's last round the
aligner's word table is learnt by IBM model 1 from the UNPC pairs and the Canadian Hansard
(`aligner/align/ibm.py`; before: Dice over UNPC pairs only, which knows few everyday words), and
the length cost uses the documents' own length ratio (`aligner.align.lengths.document_ratio`;
the books run from 0.91 to 1.14 English characters per French one, UN text 0.89); with them the
null prior was retuned (0.0133 -> 0.0266). With `--embed` the cosine of multilingual sentence
vectors fixes some more 1-1 errors and merges.
nltk's `align_blocks` (length only, one block per book) loses the diagonal on Alice, Emma and
The Last of the Mohicans (strict F1 < 0.1)."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-embed", action="store_true", help="skip the [embed] mode")
    parser.add_argument("--worker", nargs=2, metavar=("SYSTEM", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker[0], int(args.worker[1]))
        return
    from aligner.align import embed

    systems = {"termalign": run_ours}
    with_embed = not args.no_embed and embed.available()
    if with_embed:
        embedder = embed.load_embedder()
        systems["termalign --embed"] = lambda fr, en, **kw: run_ours(fr, en, embedder, **kw)
    systems["nltk gale_church"] = run_nltk
    systems["galechurch (PyPI)"] = run_galechurch

    parts = []
    if BOOKS.is_dir():
        text, totals, splits = transread(systems)
        ours = f1_of(totals["termalign"]["strict"])
        held = f1_of(splits["held-out"]["termalign"])
        lines = [f"termalign classical: micro strict F1 **{ours:.4f}** all books, "
                 f"**{held:.4f}** held-out (target 0.95: "
                 f"{'met' if held >= 0.95 else f'missed by {0.95 - held:.4f}'})"]
        for name in systems:
            if name == "termalign":
                continue
            other = f1_of(totals[name]["strict"])
            if name.startswith("termalign"):
                other_held = f1_of(splits["held-out"][name])
                lines.append(f"{name}: **{other:.4f}** all books ({other - ours:+.4f} over "
                             f"classical), **{other_held:.4f}** held-out "
                             f"({other_held - held:+.4f})")
            else:
                speed = totals[name]["time"] / max(totals["termalign"]["time"], 1e-9)
                lines.append(f"{name}: {other:.4f} (termalign ahead by {ours - other:+.4f}; "
                             f"its time is {speed:.2f}× termalign's)")
        parts.append("### TransRead, 11 books (French source)\n\n" + text + "\n\n"
                     + ";  \n".join(lines) + ".\n\n" + TRANSREAD_NOTES)
        if with_embed:
            parts[-1] += (
                "\n\nThe `--embed` time includes embedding every sentence "
                "(USE multilingual v3, pure numpy, 1 thread)."
            )
        parts[-1] += "\n\n" + TRANSREAD_HISTORY
    else:
        parts.append("TransRead: ../shared is absent; not run.")
    parts.append("### UDHR from the raw seed texts (clean + segment + align)\n\n" + udhr(systems))
    parts.append(
        "### Scale: 10,000 and 50,000 sentences\n\nReal text (UNPC pairs and TransRead gold "
        "beads, in blocks of 50 beads, shuffled and repeated), so the gold is known. Each run "
        "is a fresh subprocess; peak RSS is the process's `VmHWM` (whole process: Python, "
        "numpy and the input lists included). Targets: 10,000 × 10,000 in < 10 s and < 500 MB; 50,000 in < 60 s.\n\n"
        + scale(["termalign", "galechurch", "nltk"], [10_000, 50_000])
    )
    write_section("alignment", "Alignment", "\n\n".join(parts))


if __name__ == "__main__":
    main()
