"""Aligner: null beads and per-bead confidence (issue 13), against peers in the same run.

Sets (fixed before any tuning; see ``benchmarks/make_tasks.py`` and ``benchmarks/tune_align.py``):

* **UNPC testset tasks** (held out): the UNPC v1.0 testset pairs regrouped by document,
  33 tasks of about 120 pairs with merged (1-2, 2-1, 1-3, 3-1) and dropped (1-0, 0-1)
  sentences. termalign uses the word table derived from the *devset only*.
* **UNPC devset tasks** (development: the tuning saw them), the same construction.
* **TransRead held-out** (6 books) and **TransRead development** (5 books): human gold.

Systems: termalign classical, termalign ``--embed`` (USE multilingual v3), PyPI ``sentalign``
(vecalign's algorithm) with the same USE embeddings, PyPI ``galechurch``, nltk
``gale_church``. Per set: micro strict and lax F1 over all beads (vecalign's convention: null
beads are not scored), align time, and the ROC AUC of the per-bead scores for telling right
beads (identical to a gold bead) from wrong ones. sentalign's outputs and all embeddings are
cached in ``/tmp/termalign-bench-cache`` (the time reported for sentalign is that of its first
run, embedding included); galechurch and nltk run in the same run as termalign. Scale: ``benchmarks/bench_align.py --worker`` on 10,000 × 10,000
sentences, a fresh process per run.

Usage: ``python benchmarks/bench_nulls.py [--no-embed] [--peers-only]``; writes the section
"Aligner: null beads and bead confidence (issue 13)" of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import align_peers  # noqa: E402
from benchmarks.report import table, write_section  # noqa: E402


def sets() -> dict[str, tuple[list, object]]:
    """``{set name: ([(name, fr, en, gold)], lexicon or None)}``."""
    from benchmarks.make_tasks import devset_lexicon, tasks
    from benchmarks.tune_align import BOOKS, load_book, split

    out: dict[str, tuple[list, object]] = {}
    lexicon = devset_lexicon()
    out["UNPC testset tasks (held out)"] = (
        [(t.name, t.fr, t.en, t.gold) for t in tasks("testset")], lexicon)
    if BOOKS.is_dir():
        dev, held = split()
        out["TransRead held-out (6 books)"] = ([(b, *load_book(b)) for b in held], None)
        out["TransRead development (5 books)"] = ([(b, *load_book(b)) for b in dev], None)
    out["UNPC devset tasks (development)"] = (
        [(t.name, t.fr, t.en, t.gold) for t in tasks("devset")], lexicon)
    return out


#: The embedding systems (USE multilingual v3 in pure numpy: sentalign embeds 4 overlap
#: layers of every document) run on these subsets only, fixed before any run: the first 11
#: UNPC testset tasks and the three shortest held-out books; termalign classical is also
#: reported on the same subsets.
EMBED_SUBSETS = {
    "UNPC testset tasks (held out)": 11,
    "TransRead held-out (6 books)": ("JaneEyre", "LesConfessions", "TheLastOfTheMohicans"),
}


def embed_subset(set_name: str, items: list) -> list:
    chosen = EMBED_SUBSETS.get(set_name)
    if chosen is None:
        return []
    if isinstance(chosen, int):
        return items[:chosen]
    return [item for item in items if item[0] in chosen]


def cached_peer(name: str, runner, fr, en):
    """A peer's beads and time, from the cache or by running it (then cached)."""
    path = align_peers.CACHE / f"{name}-{align_peers.key(fr, en)}.json"
    if path.exists():
        data = json.loads(path.read_text("utf-8"))
        return [(tuple(f), tuple(e), s) for f, e, s in data["beads"]], data["time"]
    start = time.perf_counter()
    beads = runner(fr, en)
    elapsed = time.perf_counter() - start
    align_peers.CACHE.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"beads": [[list(f), list(e), s] for f, e, s in beads],
                                "time": elapsed}), "utf-8")
    return beads, elapsed


def systems(with_embed: bool, encoder) -> dict:
    from aligner.align import align

    def ours(embedder):
        def run(fr, en, lexicon=None):
            return [(b.fr, b.en, b.score) for b in align(fr, en, embedder=embedder,
                                                         lexicon=lexicon)]
        return run

    out = {"termalign": (ours(None), False, False)}
    if with_embed:
        out["termalign --embed"] = (ours(encoder), False, True)
        out["sentalign + USE"] = (
            lambda fr, en: align_peers.run_sentalign(fr, en, encoder), True, True)
    out["galechurch (PyPI)"] = (align_peers.run_galechurch, True, False)
    out["nltk gale_church"] = (align_peers.run_nltk, True, False)
    return out


SUBSET_NAME = "termalign (embedding subset)"
#: Peers whose output (and first-run time) is cached across runs: only sentalign, whose
#: embedding of 4 overlap layers takes tens of minutes here; the others run in this run.
CACHED = ("sentalign + USE",)


class Tally:
    """Micro counts, time and (score, right) of the beads of one system on one set."""

    def __init__(self):
        self.strict = [0, 0, 0, 0]
        self.lax = [0, 0, 0, 0]
        self.seconds = 0.0
        self.scored: list[tuple[float, bool]] = []
        self.items = 0

    def add(self, beads, gold, seconds: float) -> None:
        from aligner.evaluate import bead_labels, lax, strict

        pairs = [(f, e) for f, e, _ in beads]
        for total, scores in ((self.strict, strict(pairs, gold)), (self.lax, lax(pairs, gold))):
            for k in range(4):
                total[k] += scores.counts[k]
        self.seconds += seconds
        for (f, e, s), right in zip(beads, bead_labels(pairs, gold), strict=True):
            if s is not None and f and e:
                self.scored.append((s, right))

    def merge(self, other: Tally) -> None:
        for k in range(4):
            self.strict[k] += other.strict[k]
            self.lax[k] += other.lax[k]
        self.seconds += other.seconds
        self.scored += other.scored

    @staticmethod
    def f1(counts) -> float:
        hit_p, n_p, hit_g, n_g = counts
        p, r = hit_p / max(n_p, 1), hit_g / max(n_g, 1)
        return 2 * p * r / (p + r) if p + r else 0.0

    def auc(self) -> str:
        from aligner.errors import AlignmentError
        from aligner.evaluate import roc_auc

        if not self.scored:
            return "no scores"
        try:
            return f"{roc_auc([s for s, _ in self.scored], [y for _, y in self.scored]):.3f}"
        except AlignmentError:
            return "one class"


def evaluate(all_sets: dict, all_systems: dict, peers_only: bool):
    results: dict[str, dict[str, Tally]] = {}
    for set_name, (items, lexicon) in all_sets.items():
        results[set_name] = {}
        subset = embed_subset(set_name, items)
        runs = []
        for name, (runner, is_peer, embedded) in all_systems.items():
            if peers_only and not is_peer:
                continue
            runs.append((name, runner, is_peer, subset if embedded else items))
            if name == "termalign" and subset and not peers_only:
                runs.append((SUBSET_NAME, runner, False, subset))
        for name, runner, is_peer, chosen in runs:
            if not chosen:
                continue
            tally = Tally()
            for _item, fr, en, gold in chosen:
                if name in CACHED:
                    beads, seconds = cached_peer(name.split()[0], runner, fr, en)
                else:
                    start = time.perf_counter()
                    beads = runner(fr, en) if is_peer else runner(fr, en, lexicon)
                    seconds = time.perf_counter() - start
                tally.add(beads, gold, seconds)
            tally.items = len(chosen)
            results[set_name][name] = tally
            print(f"{set_name} | {name}: strict {tally.f1(tally.strict):.4f} lax "
                  f"{tally.f1(tally.lax):.4f} AUC {tally.auc()} {tally.seconds:.1f}s", flush=True)
    return results


def scale_rows() -> tuple[list[list[str]], dict]:
    rows = []
    raw: dict = {}
    for system in ("termalign", "galechurch"):
        done = subprocess.run(
            [sys.executable, str(ROOT / "benchmarks" / "bench_align.py"), "--worker", system,
             "10000"], capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            rows.append([system, "failed: " + done.stderr.strip()[-120:], "", "", ""])
            continue
        r = json.loads(done.stdout.strip().splitlines()[-1])
        raw[system] = r
        rows.append([f"{system} ({r['fr']:,} × {r['en']:,})", f"{r['time']:.2f}",
                     f"{r['cpu']:.2f}", f"{r['peak_mb']:.0f}", f"{r['strict']:.4f}"])
        print(rows[-1], flush=True)
    return rows, raw


NOTES = """\
How it was kept honest. The UNPC tasks (benchmarks/make_tasks.py: documents regrouped from
`UNv1.0.<part>.ids`, 5 % merges, 1 % triple merges, 4 % drops, seed 13) and the TransRead
split were fixed before any tuning. The search weights (the null-bead evidence
`COVER_WEIGHT/COVER_FRACTION/COVER_SMOOTH` and the null prior; the other weights were
re-checked and kept) were set by `python benchmarks/tune_align.py` on the development books and
the UNPC *devset* tasks only; the confidence weights by `python benchmarks/tune_align.py
--confidence` (and `--embed --confidence`) on the beads of the same development material. On
UNPC tasks termalign uses a word table derived from the devset pairs and the Canadian Hansard
alone (`make_tasks.devset_lexicon`, IBM model 1 as the shipped table; the shipped
`aligner/data/lexicon_general_fr_en.tsv` was derived from devset + testset + Hansard, so it is
not used for testset figures). TransRead uses the shipped table (no TransRead book was used
to derive it). The held-out rows are the figures to quote; development rows are
for comparison.

The bead ROC AUC is over pair beads only (null beads are scored too, but vecalign's F1 leaves
them out); "right" = identical to a gold bead. A score is the estimated probability that the
bead is right (logistic regression on the development beads), times the probability that the
two documents are translations at all (from the median bead evidence), so that unrelated
documents get scores near 0. sentalign's score is its bead cost (negated); galechurch and nltk
give no per-bead score.

The embedding systems (termalign `--embed`, sentalign) ran on the fixed subsets named in
`EMBED_SUBSETS` (the first 11 UNPC testset tasks; JaneEyre, LesConfessions and
TheLastOfTheMohicans), because USE in pure numpy on this shared 2-core machine embeds about
50 texts per second and sentalign embeds 4 overlap layers of every document; the row
"termalign (embedding subset)" is termalign classical on exactly those documents, for a
like-for-like comparison. `sentalign` ran with `alignment_max_size=4` (vecalign's default).
The `--embed` search weights were tuned before issue 13 on the development books; they were not
re-tuned with the null-bead evidence.

Timing caveat: the machine is shared (the load average is given above), so wall times may be
several times the quiet-machine figures; compare the ratios within this run, and the CPU time of the scale runs (which counts child processes too). The speed of
the aligner at scale, before and after the block-cost search, is measured back to back in
the section "Aligner at scale" (`python benchmarks/bench_scale.py`).

Before issue 13 (commit dc2a49c, the same tasks and lexicons): UNPC testset tasks 0.9876 strict,
TransRead held-out 0.9116. Why 0.95 on the held-out books is still missed: most of the
remaining errors there are 1-1 beads of free literary translation that the word table
(UN text and parliamentary debates) covers poorly, and 2-2/2-3 beads; the null-bead evidence helps UN text (drops absorbed
into neighbours were most of its error) more than novels, where an untranslated sentence
often shares names or words with its neighbour's translation, and the development books
(Emma: an abridged translation) set the balance between finding nulls and inventing them.

The bead ROC AUC rests on few wrong beads on the UNPC tasks (3 to 4 wrong pair beads of
1,239 for `--embed` on its 11 testset tasks), so one bead moves it a lot. With the split
and closing terms of issue 13's fourth round, `--embed` on those tasks went from 0.975 to
0.778 and strict F1 0.9976 to 0.9968: its 4 wrong pair beads include 2 new ones scored
0.98–0.995, both where the task merged the French of a heading with a neighbouring sentence
(*Nomination à des sièges devenus vacants après élection 1. M. Kirill Gevorgian ...*,
gold 1-2 with the heading *Filling of casual vacancies in the Commission*) and the aligner
now pairs the French with the paragraph alone and leaves the heading as a 0-1 bead; the
classical aligner's fewer wrong beads (testset 26 → 18) are likewise the harder ones
(0.992 → 0.974). The `--embed` weights were not re-tuned with the new terms.
With the 1-5 to 1-7 (and 5-1 to 7-1) beads of the fifth round, the books' bead ROC AUC fell
a little (development 0.789 → 0.776, held-out 0.767 → 0.764; the UNPC tasks the same): the
confidence features (`aligner/align/confidence.py`) were fitted on beads of at most four
sentences a side and were not refitted.
Sixth round (2026-12-04, branch *align6*): a plain refit of those features on the development
beads did not help (development books 0.777 -> 0.769, devset tasks 0.944 -> 0.946); what did
is three features of a bead's neighbours on the path (`confidence.with_context`: a null bead
beside it, the weakest neighbouring pair bead's `weakest`, a merged neighbour), because a
wrong bead is mostly a boundary in the wrong place next to a null or merged bead. Refitted by
`tune_align.py --confidence` and `--embed --confidence` on the development material only,
chosen there (development books 0.777 -> 0.849, devset tasks 0.944 -> 0.988; `--embed` on its
fitting subset, books 0.802 -> 0.905, tasks 0.961 -> 0.980; a null neighbour alone 0.833 /
0.990, the bead's size `a + b − 2` added nothing), then measured once on the held-out sets:
books 0.764 -> 0.802, testset tasks 0.974 -> 0.978; `--embed` books 0.763 -> 0.823, testset
tasks 0.778 -> 0.956; but classical on the 11-task embedding subset 0.977 -> 0.952 (a handful
of wrong beads: one moves it a lot). No bead moved (the scores do not enter the search).
"""

FULL = ("termalign", "galechurch (PyPI)", "nltk gale_church")
ON_SUBSET = (SUBSET_NAME, "termalign --embed", "sentalign + USE")


def verdict(results: dict, raw: dict) -> str:
    """The issue's targets against this run's figures."""
    def f1(set_name, name="termalign"):
        t = results[set_name][name]
        return t.f1(t.strict)

    lines = []
    unpc = f1("UNPC testset tasks (held out)")
    lines.append(f"- strict F1 ≥ 0.97 on UNPC held-out tasks with merges and drops: {unpc:.4f} "
                 f"({'met' if unpc >= 0.97 else 'missed'})")
    if "TransRead held-out (6 books)" in results:
        books = f1("TransRead held-out (6 books)")
        lines.append(f"- TransRead held-out books ≥ 0.95 classical: {books:.4f} "
                     f"({'met' if books >= 0.95 else f'missed by {0.95 - books:.4f}'})")
    behind = []
    for set_name, by_system in results.items():
        for ours, peers in (("termalign", FULL[1:]), (SUBSET_NAME, ON_SUBSET[2:])):
            for peer in peers:
                if ours in by_system and peer in by_system and f1(set_name, peer) >= f1(
                        set_name, ours):
                    behind.append(f"{peer} on {set_name}")
    lines.append("- ahead of every peer on every set: "
                 + ("yes" if not behind else "no (" + "; ".join(behind) + ")"))
    if "termalign" in raw:
        r = raw["termalign"]
        lines.append(f"- 10,000 × 10,000 under 10 s and 500 MB: {r['time']:.1f} s wall on the "
                     f"loaded machine ({r['cpu']:.1f} s of CPU), {r['peak_mb']:.0f} MB peak RSS")
    return "Targets of issue 13 in this run:\n\n" + "\n".join(lines)


def report(results: dict, scale: list[list[str]], embed_seconds: float) -> str:
    rows = []
    for set_name, by_system in results.items():
        for name, t in by_system.items():
            rows.append([set_name, name, t.items, f"{t.f1(t.strict):.4f}", f"{t.f1(t.lax):.4f}",
                         t.auc(), f"{t.seconds:.1f}"])
    held = [s for s in results if "development" not in s]
    for label, chosen, names in (("all held-out sets", held, FULL),
                                 ("all held-out subsets", held, ON_SUBSET),
                                 ("all sets", list(results), FULL)):
        for name in names:
            t = Tally()
            for s in chosen:
                if name in results[s]:
                    t.merge(results[s][name])
                    t.items += results[s][name].items
            if t.items:
                rows.append([f"**{label}**", name, t.items, f"{t.f1(t.strict):.4f}",
                             f"{t.f1(t.lax):.4f}", t.auc(), f"{t.seconds:.1f}"])
    body = table(["set", "aligner", "documents", "strict F1", "lax F1", "bead ROC AUC",
                  "time (s)"], rows)
    ratios = []
    for set_name, by_system in results.items():
        for ours_name, peers in (("termalign", FULL[1:]), (SUBSET_NAME, ON_SUBSET[2:])):
            if ours_name not in by_system:
                continue
            ours = by_system[ours_name]
            for peer_name in peers:
                if peer_name not in by_system:
                    continue
                peer = by_system[peer_name]
                speed = (f"time {peer.seconds / max(ours.seconds, 1e-9):.1f}× termalign's"
                         if peer_name not in CACHED else
                         "time not compared: sentalign's is its first run, embedding included")
                ratios.append(
                    f"- {set_name}, {ours_name} vs {peer_name}: strict F1 "
                    f"{ours.f1(ours.strict):.4f} vs {peer.f1(peer.strict):.4f} (ratio "
                    f"{ours.f1(ours.strict) / max(peer.f1(peer.strict), 1e-9):.2f}); {speed}")
    body += "\n\n" + "\n".join(ratios)
    if embed_seconds:
        body += (f"\n\nEmbedding time of texts not yet cached in this run: {embed_seconds:.0f} s "
                 "(USE multilingual v3, pure numpy, 1 thread); the `--embed` and sentalign "
                 "times above include their own first-run embedding only when not cached.")
    body += "\n\n" + NOTES.rstrip("\n")
    body += ("\n\n### Scale: 10,000 × 10,000 sentences\n\nSame construction as the "
             "Alignment section (UNPC pairs and TransRead gold beads in shuffled blocks); a fresh "
             "process per run, peak RSS = `VmHWM`. Target: < 10 s and < 500 MB.\n\n"
             + table(["aligner", "wall time (s)", "CPU time (s)", "peak RSS (MB)", "strict F1"],
                     scale))
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--no-embed", action="store_true", help="skip the embedding systems")
    parser.add_argument("--peers-only", action="store_true",
                        help="only run the peers (and cache sentalign); write nothing")
    args = parser.parse_args()
    from aligner.align import embed

    with_embed = not args.no_embed and embed.available()
    encoder = align_peers.CachedEncoder() if with_embed else None
    try:
        results = evaluate(sets(), systems(with_embed, encoder), args.peers_only)
    finally:
        if encoder is not None:
            encoder.save()
    if args.peers_only:
        return
    scale, raw = scale_rows()
    body = verdict(results, raw) + "\n\n" + report(results, scale,
                                                      encoder.seconds if encoder else 0.0)
    write_section("align-nulls", "Aligner: null beads and bead confidence (issue 13)", body)


if __name__ == "__main__":
    main()
