"""Corpus scale: pairing, the two back-ends (process pool, a real local Dask cluster), resume,
failure reporting, the merged TMX and the streaming TMX reader."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.errors import InputError
from aligner.formats import tmx
from aligner.formats.tmx_stream import iter_units, read_header
from benchmarks.corpora import udhr_parts
from termalign.batch import pair_by_name, read_manifest, run_corpus
from termalign.batch.errors import CorpusError
from termalign.batch.pairing import split_name
from termalign.batch.summary import JOURNAL
from termalign.cli import cli


def _split_udhr(seeds_root: Path, out: Path, per_part: int = 6) -> int:
    """Cut both UDHR texts into documents of ``per_part`` articles: real document pairs."""
    count = 0
    for lang in ("fr", "en"):
        parts = udhr_parts(seeds_root, lang, per_part)
        (out / lang).mkdir(parents=True, exist_ok=True)
        for i, part in enumerate(parts):
            (out / lang / f"udhr-{i}.{lang}.txt").write_text(part, encoding="utf-8")
        count = len(parts)
    return count


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds_root) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    assert _split_udhr(seeds_root, root) == 5
    return root


@pytest.fixture(scope="module")
def pool_output(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pool")
    summary, _table = run_corpus(pair_by_name(corpus / "fr", corpus / "en"), out, workers=2,
                                 merged=out.parent / "pool-merged.tmx")
    assert (summary.done, summary.failed) == (5, 0)
    return out


def _tmx_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.tmx"))}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("X.fr.txt", ("X", "fr")),
        ("X.en.txt", ("X", "en")),
        ("udhr_fra.txt", ("udhr", "fr")),
        ("A-75-345_english.docx", ("A-75-345", "en")),
        ("report.txt", ("report", None)),
        ("fr.txt", ("fr", None)),
    ],
)
def test_split_name(name, expected):
    assert split_name(name) == expected


def test_pair_by_name_in_one_folder_and_reports_unpaired(tmp_path):
    for name in ("a.fr.txt", "a.en.txt", "b_fra.txt", "b_eng.txt", "c.fr.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    pairing = pair_by_name(tmp_path, tmp_path)
    assert [(p.name, p.fr.name, p.en.name) for p in pairing.pairs] == [
        ("a", "a.fr.txt", "a.en.txt"), ("b", "b_fra.txt", "b_eng.txt")]
    assert pairing.unpaired == [(str(tmp_path / "c.fr.txt"), "no English file with stem 'c'")]


def test_manifest_relative_paths_and_missing_columns(tmp_path):
    (tmp_path / "m.csv").write_text("fr,en,name\nf/1.txt,e/1.txt,S/2021/297\n,e/2.txt,\n",
                                    encoding="utf-8")
    pairing = read_manifest(tmp_path / "m.csv")
    assert [(p.name, p.fr) for p in pairing.pairs] == [("S_2021_297", tmp_path / "f/1.txt")]
    assert len(pairing.unpaired) == 1
    (tmp_path / "bad.csv").write_text("french,english\na,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="columns fr and en"):
        read_manifest(tmp_path / "bad.csv")


def test_pool_output_is_the_single_pair_alignment(pool_output, corpus):
    """Each TMX is what ``termalign align FR EN -o X.tmx`` writes for that pair."""
    expected = corpus / "single.tmx"
    result = CliRunner().invoke(cli, ["align", str(corpus / "fr" / "udhr-2.fr.txt"),
                                      str(corpus / "en" / "udhr-2.en.txt"), "-o", str(expected)])
    assert result.exit_code == 0, result.output
    assert (pool_output / "udhr-2.tmx").read_bytes() == expected.read_bytes()
    summary = json.loads((pool_output / "summary.json").read_text(encoding="utf-8"))
    assert summary["units"] >= 95 and summary["low_share"] < 0.1
    assert [p["status"] for p in summary["pairs_detail"]] == ["done"] * 5


def test_dask_cluster_gives_identical_tmx(pool_output, corpus, tmp_path):
    distributed = pytest.importorskip("distributed")  # in the ``test`` extra: never skips in CI
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        summary, _ = run_corpus(pair_by_name(corpus / "fr", corpus / "en"), tmp_path,
                                dask=cluster.scheduler_address, workers=2, chunk=2,
                                merged=tmp_path / "merged.tmx")
    assert (summary.backend, summary.workers, summary.done) == ("dask", 2, 5)
    assert _tmx_files(tmp_path) == _tmx_files(pool_output) | {
        "merged.tmx": (tmp_path / "merged.tmx").read_bytes()}
    assert (tmp_path / "merged.tmx").read_bytes() == (
        pool_output.parent / "pool-merged.tmx").read_bytes()


def test_cli_dask_local(pool_output, corpus, tmp_path):
    """``--dask local`` starts its own LocalCluster (2 single-threaded worker processes)."""
    pytest.importorskip("distributed")
    manifest = tmp_path / "pairs.csv"
    manifest.write_text("fr,en\n" + "".join(
        f"{corpus}/fr/udhr-{i}.fr.txt,{corpus}/en/udhr-{i}.en.txt\n" for i in (1, 3)),
        encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["align-corpus", "--manifest", str(manifest), "-o",
                                      str(out), "--dask", "local", "--workers", "2", "-q"])
    assert result.exit_code == 0, result.output
    assert "2 aligned, 0 already done, 0 failed" in result.output
    for name in ("udhr-1.tmx", "udhr-3.tmx"):
        assert (out / name).read_bytes() == (pool_output / name).read_bytes()
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert (summary["backend"], summary["workers"]) == ("dask", 2)


def test_merged_tmx_holds_every_unit_in_pair_order(pool_output):
    merged = tmx.load(pool_output.parent / "pool-merged.tmx")
    per_pair = [tmx.load(p) for p in sorted(pool_output.glob("*.tmx"))]
    assert [u.fr for u in merged.units] == [u.fr for a in per_pair for u in a.units]
    assert read_header(pool_output.parent / "pool-merged.tmx")["x-documents"] == ["5"]


def test_streamed_units_equal_loaded_units(pool_output):
    path = pool_output / "udhr-0.tmx"
    streamed = list(iter_units(path))
    assert [s.unit for s in streamed] == tmx.load(path).units
    assert streamed[0].props["x-fr-document"] == "udhr-0.fr.txt"


def test_stream_reader_resolves_no_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    evil = tmp_path / "evil.tmx"
    evil.write_text(
        f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>&x;</seg></tuv>'
        '<tuv xml:lang="en"><seg>b</seg></tuv></tu></body></tmx>', encoding="utf-8")
    assert all("SECRET" not in s.unit.fr for s in iter_units(evil))
    (tmp_path / "broken.tmx").write_text("<tmx><body><tu>", encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed"):
        list(iter_units(tmp_path / "broken.tmx"))


def test_interrupted_run_resumes(corpus, pool_output, tmp_path):
    source = tmp_path / "source"
    shutil.copytree(corpus, source, ignore=shutil.ignore_patterns("*.tmx"))
    out = tmp_path / "out"
    pairing = pair_by_name(source / "fr", source / "en")

    def interrupt(finished, _total):
        if finished == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus(pairing, out, workers=1, progress=interrupt, window=1)
    journal = (out / JOURNAL).read_text(encoding="utf-8").splitlines()
    assert len(journal) == 2 and not (out / "summary.json").exists()
    with open(out / JOURNAL, "a", encoding="utf-8") as handle:
        handle.write('{"name": "udhr-4", "status": "do')  # killed while writing a line
    summary, _ = run_corpus(pairing, out, workers=1)
    assert (summary.skipped, summary.done, summary.failed) == (2, 3, 0)
    assert _tmx_files(out) == _tmx_files(pool_output)
    # A deleted TMX, or a changed input, is aligned again; the rest is skipped.
    (out / "udhr-3.tmx").unlink()
    summary, _ = run_corpus(pairing, out, workers=1)
    assert (summary.skipped, summary.done) == (4, 1)
    with open(source / "fr" / "udhr-1.fr.txt", "a", encoding="utf-8") as handle:
        handle.write("\nArticle 31\nUne phrase de plus.\n")
    summary, _ = run_corpus(pairing, out, workers=1)
    assert (summary.skipped, summary.done) == (4, 1)
    assert (out / "udhr-1.tmx").read_bytes() != (pool_output / "udhr-1.tmx").read_bytes()


def test_failures_are_reported_and_do_not_stop_the_run(corpus, tmp_path):
    fr, en = tmp_path / "fr", tmp_path / "en"
    fr.mkdir()
    en.mkdir()
    for name in ("udhr-0", "udhr-1"):
        for lang, folder in (("fr", fr), ("en", en)):
            (folder / f"{name}.{lang}.txt").write_bytes(
                (corpus / lang / f"{name}.{lang}.txt").read_bytes())
    (fr / "binary.fr.txt").write_bytes(bytes(range(256)) * 20)
    (en / "binary.en.txt").write_text("The General Assembly met.\n", encoding="utf-8")
    (fr / "empty.fr.txt").write_text("Le Conseil s’est réuni.\n", encoding="utf-8")
    (en / "empty.en.txt").write_text("  \n\n", encoding="utf-8")
    (fr / "orphan.fr.txt").write_text("Seul.\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "binary.tmx").write_text("left by an earlier run", encoding="utf-8")
    result = CliRunner().invoke(cli, ["align-corpus", str(fr), str(en), "-o", str(out),
                                      "--workers", "2", "--merged", str(tmp_path / "all.tmx")])
    assert result.exit_code == 1, result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    reasons = {f["name"]: f["reason"] for f in summary["failures"]}
    assert set(reasons) == {"binary", "empty"}
    assert "binary" in reasons["binary"] and "empty" in reasons["empty"]
    assert (summary["done"], summary["failed"]) == (2, 2)
    assert summary["unpaired"][0]["path"].endswith("orphan.fr.txt")
    assert sorted(p.name for p in out.glob("*.tmx")) == ["udhr-0.tmx", "udhr-1.tmx"]
    table = (out / "summary.txt").read_text(encoding="utf-8")
    assert "failures:" in table and "binary:" in table and table in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give FR_DIR and EN_DIR"),
        (["nowhere-fr", "nowhere-en"], "not a folder"),
        ([".", ".", "--merged", "{out}/all.tmx"], "outside OUT_DIR"),
        ([".", ".", "--chunk", "0"], "--chunk"),
    ],
)
def test_bad_invocations_are_one_line_errors(args, message, tmp_path):
    out = tmp_path / "o"
    args = [a.format(out=out) for a in args]
    result = CliRunner().invoke(cli, ["align-corpus", *args, "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_no_pairs_is_an_error(tmp_path):
    with pytest.raises(CorpusError, match="no document pairs"):
        run_corpus(pair_by_name(tmp_path, tmp_path), tmp_path / "out")


def test_segmented_inputs(tmp_path, seeds_root):
    """UN Parallel Corpus sentences, one per line, grouped by document id."""
    unpc = seeds_root / "unpc"
    ids, fr, en = ((unpc / f"UNv1.0.devset.{ext}").read_text(encoding="utf-8").splitlines()
                   for ext in ("ids", "fr", "en"))
    for folder in ("fr", "en"):
        (tmp_path / folder).mkdir()
    docs: dict[str, list[int]] = {}
    for i, line in enumerate(ids):
        docs.setdefault(line.split()[0].replace("/", "_"), []).append(i)
    big = dict(sorted((k, v) for k, v in docs.items() if len(v) >= 10)[:4])
    for name, rows in big.items():
        (tmp_path / "fr" / f"{name}.txt").write_text("\n".join(fr[i] for i in rows) + "\n",
                                                     encoding="utf-8")
        (tmp_path / "en" / f"{name}.txt").write_text("\n".join(en[i] for i in rows) + "\n",
                                                     encoding="utf-8")
    summary, _ = run_corpus(pair_by_name(tmp_path / "fr", tmp_path / "en"), tmp_path / "out",
                            workers=1, segmented=True)
    assert summary.done == len(big) == 4
    assert summary.fr_sentences == sum(len(v) for v in big.values())
    assert summary.units >= 0.9 * summary.fr_sentences


def _unpc_tmx(seeds_root: Path, folder: Path, parts: int = 3) -> list[Path]:
    """The UNPC dev set written as ``parts`` TMX files of 1-1 units."""
    from aligner.formats.model import Alignment, Unit

    unpc = seeds_root / "unpc"
    fr, en = ((unpc / f"UNv1.0.devset.{lang}").read_text(encoding="utf-8").splitlines()
              for lang in ("fr", "en"))
    size = -(-len(fr) // parts)
    paths = []
    for k in range(parts):
        rows = range(k * size, min(len(fr), (k + 1) * size))
        units = [Unit(fr[i], en[i], 1.0, False, (i,), (i,)) for i in rows]
        paths.append(folder / f"unpc-{k}.tmx")
        tmx.dump(Alignment(units, "UNv1.0.devset.fr", "UNv1.0.devset.en"), paths[-1])
    return paths


@pytest.mark.parametrize("batch_size", [1, 333, 5000])
def test_streamed_counts_give_the_in_memory_links(seeds_root, tmp_path, batch_size):
    from termalign.batch.tmx_terms import tmx_pairs
    from termalign.building import read_tmx
    from termbase.extract.cooccur import align_acronyms
    from termbase.extract.cooccur_stream import CooccurCounts

    paths = _unpc_tmx(seeds_root, tmp_path)
    expected = align_acronyms([p for path in paths for p in read_tmx(path)])
    with CooccurCounts.open(tmp_path / "counts") as counts:
        for path in paths:
            counts.add_source(path.name, tmx_pairs(path), batch_size=batch_size)
        assert counts.add_source(paths[0].name, tmx_pairs(paths[0])) == 0  # counted once
        assert counts.pairs == 4000
        assert counts.links() == expected
    assert len(expected) > 50 and any(link.fr_definition for link in expected)


def test_build_from_tmx_matches_the_builder_and_is_incremental(seeds_root, tmp_path):
    from termalign.batch.tmx_terms import COUNTED, KNOWN, build_from_tmx
    from termalign.building import read_tmx
    from termbase.build import build
    from termbase.store import Termbase

    paths = _unpc_tmx(seeds_root, tmp_path)

    def concepts(db):
        with Termbase.open(db) as tb:
            return sorted(
                (tuple((t.lang, t.text, t.type) for t in c.terms),
                 tuple((e.source, e.context_fr, e.context_en, e.method) for e in c.evidence))
                for c in tb.iter_concepts())

    build(tmp_path / "b.db", aligned=[pair for path in paths for pair in read_tmx(path)])
    build_from_tmx(tmp_path / "c.db", paths, workers=2)  # files counted in 2 processes
    build_from_tmx(tmp_path / "d.db", paths, workers=1)  # streamed in this process
    assert concepts(tmp_path / "c.db") == concepts(tmp_path / "b.db")
    assert concepts(tmp_path / "d.db") == concepts(tmp_path / "b.db")
    methods = {e[3] for _terms, evidence in concepts(tmp_path / "c.db") for e in evidence}
    assert methods == {"aligned"}
    # Incremental: the second file only is counted, and the links over both are merged.
    first = build_from_tmx(tmp_path / "a.db", paths[:1])
    assert first.candidates[COUNTED] == 1 and first.added > 0
    again = build_from_tmx(tmp_path / "a.db", [tmp_path])  # the folder: all three files
    assert (again.candidates[COUNTED], again.candidates[KNOWN]) == (2, 1)
    terms = {t for c in concepts(tmp_path / "a.db") for t in c[0]}
    assert terms >= {t for c in concepts(tmp_path / "b.db") for t in c[0]}
    same = build_from_tmx(tmp_path / "a.db", paths)
    assert same.added == same.merged == 0 and same.candidates[KNOWN] == 3


def test_cli_build_from_tmx(seeds_root, tmp_path):
    from termbase.store import Termbase

    paths = _unpc_tmx(seeds_root, tmp_path)
    db = tmp_path / "tb.sqlite3"
    args = ["build", "--db", str(db), "--no-curated", "--no-shipped-pairs", "--from-tmx",
            str(tmp_path)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "3 TMX files counted" in result.output and "4000 TMX pairs counted" in result.output
    assert (tmp_path / "tb.sqlite3.cooccur").is_file()
    with Termbase.open(db) as tb:
        stats = tb.stats()
    assert stats["concepts"] > 50 and set(stats["evidence_by_method"]) == {"aligned"}
    again = CliRunner().invoke(cli, [*args[:-2], "--from-tmx", str(paths[1])])  # known
    assert again.exit_code == 0, again.output
    assert "1 TMX files counted before" in again.output and " 0 added" in again.output
    missing = CliRunner().invoke(cli, [*args[:-2], "--from-tmx", str(tmp_path / "none.tmx")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_missing_dask_is_a_clear_error(monkeypatch):
    import sys

    from termalign.batch.backends import make_backend

    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(CorpusError, match=r"pip install 'termalign\[dask\]'"):
        make_backend(1, "local")
