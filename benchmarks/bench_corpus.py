"""Corpus scale: throughput of ``align-corpus`` on the process pool and on Dask, memory per
worker, the merged TMX, the streamed co-occurrence counts of ``build --from-tmx``, and what
the whole UN Parallel Corpus (en–fr) would take. Writes the "corpus" section of BENCHMARKS.md.

The corpus is built from the shipped data only: the 8,000 UN Parallel Corpus dev/test sentence
pairs cut into documents of ``--per-doc`` sentences (one sentence per line, ``--segmented``:
that is how the UN Parallel Corpus is distributed), and the Universal Declaration of Human
Rights cut into parts and copied (raw text: cleaning and segmentation included).

    python benchmarks/bench_corpus.py [--per-doc 230] [--udhr-copies 4]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.corpora import udhr_parts
from benchmarks.report import ROOT, table, write_section
from termalign.batch import pair_by_name, run_corpus
from termalign.batch.backends import DaskBackend, PoolBackend, Window
from termalign.batch.merge import write_merged
from termalign.batch.tmx_terms import build_from_tmx, tmx_pairs

#: The UN Parallel Corpus v1.0 en–fr, as its paper describes it (Ziemski et al., LREC 2016).
UNPC_PAIRS = 20_000_000
UNPC_DOCUMENTS = 86_000
#: Documents per task (``--chunk``) assumed for the 10-node Dask cluster estimate.
CLUSTER_CHUNK = 16


def unpc_corpus(folder: Path, per_doc: int) -> int:
    """Cut the UNPC dev and test sets into segmented documents; return how many."""
    unpc = ROOT / "seeds" / "unpc"
    sides = {lang: [] for lang in ("fr", "en")}
    for name in ("devset", "testset"):
        for lang in sides:
            sides[lang] += (unpc / f"UNv1.0.{name}.{lang}").read_text(encoding="utf-8").splitlines()
    count = 0
    for lang, lines in sides.items():
        (folder / lang).mkdir(parents=True)
        for count, start in enumerate(range(0, len(lines), per_doc), 1):
            text = "\n".join(lines[start:start + per_doc]) + "\n"
            (folder / lang / f"unpc-{count:04d}.txt").write_text(text, encoding="utf-8")
    return count


def udhr_corpus(folder: Path, copies: int, per_part: int = 6) -> int:
    """The UDHR in parts of ``per_part`` articles, ``copies`` times; raw text."""
    count = 0
    for lang in ("fr", "en"):
        (folder / lang).mkdir(parents=True)
        parts = udhr_parts(ROOT / "seeds", lang, per_part)
        for copy in range(copies):
            for index, part in enumerate(parts):
                (folder / lang / f"udhr-{copy}-{index}.txt").write_text(part, encoding="utf-8")
        count = copies * len(parts)
    return count


def run(corpus: Path, out: Path, **options):
    shutil.rmtree(out, ignore_errors=True)
    summary, _ = run_corpus(pair_by_name(corpus / "fr", corpus / "en"), out, **options)
    assert summary.failed == 0, summary.failures
    details = json.loads((out / "summary.json").read_text(encoding="utf-8"))["pairs_detail"]
    # Per-document rate: the median leaves out the first document of each worker, which
    # also pays for importing the aligner.
    summary.steady_rate = statistics.median(d["units"] / max(d["cpu_seconds"], 1e-4) for d in details)
    return summary


def _row(label: str, s) -> list:
    return [label, s.pairs, s.units, f"{s.wall_seconds:.2f}", f"{s.units / s.wall_seconds:.0f}",
            f"{s.units / s.cpu_seconds:.0f}", f"{s.steady_rate:.0f}",
            f"{s.peak_rss_kb / 1024:.0f}"]


def _noop(value: int) -> int:
    return value


def task_overhead(backend, tasks: int, window: int = 64) -> float:
    """Seconds per task for ``tasks`` no-op tasks through the runner's loop (:class:`Window`)."""
    flight = Window(backend, _noop, window)
    start = time.perf_counter()
    for number in range(tasks):
        if flight.full:
            flight.next_done()
        flight.submit(number)
    while flight.pending:
        flight.next_done()
    return (time.perf_counter() - start) / tasks


def streamed_counts(tmx_path: Path, work: Path) -> tuple[float, float, int, int, float]:
    """CPU seconds to count the merged TMX into a counts file, and to run the in-memory
    builder on the same pairs; pairs, links, counts file size (bytes per pair)."""
    from termalign.building import read_tmx
    from termbase.extract.cooccur import align_acronyms
    from termbase.extract.cooccur_stream import CooccurCounts

    start = time.process_time()
    with CooccurCounts.open(work / "bench.cooccur") as counts:
        pairs = counts.add_source("bench", tmx_pairs(tmx_path))
        links = counts.links()
    streamed = time.process_time() - start
    size = (work / "bench.cooccur").stat().st_size
    start = time.process_time()
    reference = align_acronyms(read_tmx(tmx_path))
    in_memory = time.process_time() - start
    assert reference == links, "streamed links differ from the in-memory builder"
    return streamed, in_memory, pairs, len(links), size / pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-doc", type=int, default=230,
                        help="UNPC sentences per document (the real corpus: ~230)")
    parser.add_argument("--udhr-copies", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of each set-up, interleaved; the fastest is reported")
    parser.add_argument("--probe-tasks", type=int, default=300,
                        help="no-op tasks used to measure the per-task overhead")
    args = parser.parse_args()
    import distributed

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = Path(tmp)
        docs = unpc_corpus(work / "unpc", args.per_doc)
        start = time.perf_counter()
        with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                      dashboard_address=None, silence_logs=40) as cluster:
            cluster_start = time.perf_counter() - start
            runs: dict[str, list] = {"p1": [], "p2": [], "d2": []}
            for _ in range(args.repeat):
                runs["p1"].append(run(work / "unpc", work / "p1", workers=1, segmented=True))
                runs["p2"].append(run(work / "unpc", work / "p2", workers=2, segmented=True))
                runs["d2"].append(run(work / "unpc", work / "d2", workers=2, segmented=True,
                                      dask=cluster.scheduler_address))
            dask_backend = DaskBackend(cluster.scheduler_address, 2)
            dask_task = task_overhead(dask_backend, args.probe_tasks)
            dask_backend.close()
        pool_backend = PoolBackend(2)
        task_overhead(pool_backend, 8)  # start the processes
        pool_task = task_overhead(pool_backend, args.probe_tasks)
        pool_backend.close()
        pool1, pool2, dask2 = (min(r, key=lambda s: s.wall_seconds) for r in runs.values())
        same = all((work / "d2" / p.name).read_bytes() == p.read_bytes()
                   for p in (work / "p2").glob("*.tmx"))
        udhr_docs = udhr_corpus(work / "udhr", args.udhr_copies)
        raw1 = run(work / "udhr", work / "r1", workers=1)
        start = time.process_time()
        merged_units = write_merged(sorted((work / "p2").glob("*.tmx")), work / "merged.tmx")
        merge_seconds = time.process_time() - start
        tmx_bytes = sum(p.stat().st_size for p in (work / "p2").glob("*.tmx"))
        streamed, in_memory, counted, links, counts_bytes = streamed_counts(
            work / "merged.tmx", work)
        # The per-pair TMX files counted in 2 worker processes: the parent only adds the
        # counts to the file, in order; its CPU time is the part that does not parallelise.
        start, start_cpu = time.perf_counter(), time.process_time()
        build_from_tmx(work / "tb.sqlite3", [work / "p2"], workers=2)
        parallel_wall = time.perf_counter() - start
        parent_cpu = time.process_time() - start_cpu

    rate = pool1.steady_rate
    raw_rate = raw1.steady_rate
    speedup = pool1.wall_seconds / pool2.wall_seconds
    # Per-core efficiency with two workers side by side (cache and memory contention), from
    # CPU time: the wall-clock speed-up on this shared machine measures the other jobs too.
    efficiency = min(1.0, pool2.steady_rate / pool1.steady_rate)
    dask_ratio = dask2.wall_seconds / pool2.wall_seconds
    overhead = max(0.0, dask_task - pool_task)
    count_rate = counted / streamed
    parent_rate = counted / parent_cpu
    t_count64 = max(UNPC_PAIRS / (count_rate * 64 * efficiency), UNPC_PAIRS / parent_rate)
    merge_rate = merged_units / merge_seconds
    bytes_per_unit = tmx_bytes / pool2.units
    per_doc = UNPC_PAIRS / UNPC_DOCUMENTS

    def hours(seconds: float) -> str:
        if seconds >= 3600:
            return f"{seconds / 3600:.1f} h"
        return f"{seconds / 60:.0f} min" if seconds >= 120 else f"{seconds:.0f} s"

    cpu_total = UNPC_PAIRS / rate
    t64 = cpu_total / (64 * efficiency)
    t64_ideal = cpu_total / 64
    dask_workers = 10 * 32
    # The scheduler works while the workers do: the slower of the two sets the pace.
    t_dask_work = cpu_total / (dask_workers * efficiency)
    t_dask = max(t_dask_work, UNPC_DOCUMENTS * dask_task)
    t_dask_chunked = max(t_dask_work, UNPC_DOCUMENTS / CLUSTER_CHUNK * dask_task)
    raw64 = UNPC_PAIRS / raw_rate / (64 * efficiency)

    body = f"""\
Corpus: the 8,000 UN Parallel Corpus dev/test sentence pairs cut into {docs} documents of
{args.per_doc} sentences (`--segmented`, as the UNPC is distributed), and the UDHR cut into
parts and copied {args.udhr_copies} times ({udhr_docs} raw-text documents: cleaning and
segmentation included). Fresh output folder for every run. "Units per CPU-s" is translation
units per CPU-second of the workers (user + system time, measured inside each worker): it does
not depend on how busy the shared machine is, unlike the wall-clock figures. "Median per
document" is the same rate document by document: it leaves out the first document of each
worker, which also pays for importing the aligner (about a second), and is the steady-state
rate used for the estimates below.

{table(["run", "pairs", "units", "wall s", "units/s (wall)", "units per CPU-s",
        "median per document", "peak RSS/worker MiB"], [
    _row("UNPC, process pool, 1 worker", pool1),
    _row("UNPC, process pool, 2 workers", pool2),
    _row("UNPC, Dask LocalCluster, 2 workers", dask2),
    _row("UDHR raw text, process pool, 1 worker", raw1),
])}

Wall-clock figures are the fastest of {args.repeat} interleaved runs of each set-up.

- Speed-up from 1 to 2 workers (process pool, wall clock): **{speedup:.2f}×**, on 2 cores
  shared with the other jobs of this machine (load average about {os.getloadavg()[1]:.0f}), so
  it says more about them than about `align-corpus`. CPU time does not have that problem: a
  worker aligns {pool2.steady_rate:.0f} units per CPU-second when two run side by side,
  against {pool1.steady_rate:.0f} alone, a per-core efficiency of
  **{100 * efficiency:.0f}%** (capped at 100%: above it, the difference is noise); the
  estimates below use it. A 64-core machine also loses some speed per core to lower turbo
  clocks and shared memory bandwidth, which 2 cores cannot show: count 20–30% more time.
- Dask against the process pool, same 2 workers, byte-identical TMX output
  ({"yes" if same else "NO"}): **{dask_ratio:.2f}×** the pool's wall time (same caveat) and
  {dask2.steady_rate:.0f} against {pool2.steady_rate:.0f} units per CPU-second in the workers
  (the Dask worker process itself costs {dask2.peak_rss_kb / 1024 - pool2.peak_rss_kb / 1024:.0f} MiB
  more memory). Per-task cost
  measured with {args.probe_tasks} no-op tasks through the runner's loop, 64 in flight:
  {1000 * dask_task:.1f} ms on Dask, {1000 * pool_task:.2f} ms on the process pool
  (Dask costs {1000 * overhead:.1f} ms more per document, negligible next to the
  {1000 * pool1.cpu_seconds / pool1.pairs:.0f} ms of CPU a {args.per_doc}-sentence document
  takes). Starting the LocalCluster took {cluster_start:.1f} s (not included).
- Merged TMX, streamed: {merged_units} units in {merge_seconds:.2f} CPU-s
  ({merge_rate:.0f} units/s); per-pair TMX output is {bytes_per_unit:.0f} bytes per unit.
- `build --from-tmx` counting in one process (SQLite counts file): {counted} pairs in
  {streamed:.2f} CPU-s ({count_rate:.0f} pairs/s), {links} acronym links, identical to the
  in-memory builder (`align_acronyms`, {in_memory:.2f} CPU-s: the streamed path is
  {streamed / in_memory:.1f}× slower and its memory does not grow with the corpus); counts
  file {counts_bytes:.0f} bytes per pair here (it grows with the distinct acronyms and
  acronym pairs, not with the sentences, so less than linearly). With the {docs} per-pair TMX
  files read and counted by 2 worker processes (the default: one per core), the whole build
  took {parallel_wall:.2f} s and the parent, which adds each file's counts in order, spent
  {parent_cpu:.2f} CPU-s ({parent_rate:.0f} pairs per CPU-second): that part does not
  parallelise.

**The whole UN Parallel Corpus en–fr on paper.** Assumptions: {UNPC_PAIRS:,} sentence pairs
in {UNPC_DOCUMENTS:,} documents per language (≈{per_doc:.0f} sentences per document, which is why
the benchmark documents have {args.per_doc}), already one sentence per line (`--segmented`;
extracting the sentences from the UNPC XML is not counted); the alignment cost per sentence
measured here ({rate:.0f} units per CPU-second, steady state) holds for the real documents (the search band
keeps alignment close to linear); each core keeps the per-core efficiency measured with two
workers ({100 * efficiency:.0f}%), and the pool adds nothing else that grows with the cores;
inputs and outputs on local or shared disks fast enough
(~{UNPC_PAIRS * bytes_per_unit / 1e9:.0f} GB of per-pair TMX, as much again for the merged one).

| set-up | estimate |
|---|---|
| CPU time, all pairs | {hours(cpu_total)} |
| 64-core machine, process pool (`--workers 64`) | **{hours(t64)}** ({hours(t64_ideal)} at 100% efficiency); peak memory ≈ 64 × {pool2.peak_rss_kb / 1024:.0f} MiB = {64 * pool2.peak_rss_kb / 1024 / 1024:.1f} GiB |
| 10-node Dask cluster, 32 cores per node (`--dask tcp://...`, 320 workers), `--chunk 1` | **{hours(t_dask)}**: the slower of the work ({hours(t_dask_work)}) and of scheduling {UNPC_DOCUMENTS:,} tasks at the {1000 * dask_task:.1f} ms per task measured here (with 64 tasks in flight and the scheduler sharing a loaded 2-core machine with the client and the workers: pessimistic) |
| the same cluster with `--chunk {CLUSTER_CHUNK}` ({UNPC_DOCUMENTS // CLUSTER_CHUNK:,} tasks) | **{hours(t_dask_chunked)}** |
| the same corpus as raw text (clean + segment + align), 64 cores | {hours(raw64)} (at the {raw_rate:.0f} units per CPU-second of the UDHR parts, short documents) |
| merged TMX of 20 M units (one process, streamed) | {hours(UNPC_PAIRS / merge_rate)} |
| `build --from-tmx` over the per-pair TMX of 20 M pairs, one process | {hours(UNPC_PAIRS / count_rate)}; counts file at most ≈ {UNPC_PAIRS * counts_bytes / 1e9:.1f} GB |
| the same on 64 cores | **{hours(t_count64)}**: the slower of counting in 64 workers and of adding the counts in the parent |
"""
    body += f"\nLoad average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.\n"
    write_section("corpus", "Corpus scale: align-corpus (process pool, Dask) and build --from-tmx",
                  body)
    print(body)


if __name__ == "__main__":
    main()
