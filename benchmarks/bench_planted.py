"""Checks in both directions: planted errors, false alarms, and the speed of the checker.

* Planted errors (``tests/data/planted_{devset,testset}.tsv``, made by
  ``benchmarks/make_planted.py`` from the UN Parallel Corpus pairs): recall per kind and
  false alarms on the clean twins, for the French original (English checked) and the English
  original (French checked), each case checked alone, as a document of one pair, and in
  its real document (:mod:`benchmarks.planted_context`), with translate-toolkit's
  ``pofilter`` checks (the
  ``StandardChecker`` that ``pofilter`` runs) on the same cases. The rules were tuned on the
  devset cases; the figures reported are the testset's, checked against a termbase built
  from the seeds with the devset pairs only (the curated names are hand-made; the builder's
  candidates are the part that depends on the pairs).
* The 8,000 official pairs (dev + test) checked in both directions: pairs with an error.
* Speed (issue 16): ``check`` of 3,000 pairs against the termbase vs a bare pyahocorasick
  scan of both sides over the same terms, at the devset termbase and at 1k/10k/100k
  concepts (real + synthetic), CPU time and peak memory, each in a fresh process.

    python benchmarks/bench_planted.py [--quick]
    python benchmarks/bench_planted.py --speed-only [REV] [--quick]   # the speed table only
    python benchmarks/bench_planted.py --planted-only devset   # one set's planted table only
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
#: What the earlier rounds of the "checks-speed-scan" section changed and measured (their own
#: runs), appended to the section by ``--speed-only``.
SCAN_HISTORY = Path(__file__).with_name("check_scan_history.md")

from benchmarks import planted_context, planted_read  # noqa: E402
from benchmarks.check_before import against_baseline, same_issues  # noqa: E402
from benchmarks.check_scan import extract, speed  # noqa: E402
from benchmarks.make_planted import KINDS, read  # noqa: E402
from benchmarks.planted_context import errors as _errors  # noqa: E402
from benchmarks.planted_pofilter import run_pofilter  # noqa: E402
from benchmarks.planted_read import judged_path  # noqa: E402
from benchmarks.report import table, write_section  # noqa: E402

#: The issue kinds that count as finding a planted error of each kind.
ACCEPTED = {
    "name-variant": {"missing-title", "missing-term", "avoid-term", "name-variant"},
    "acronym": {"untranslated-acronym", "wrong-acronym"},
    "number": {"number", "number-format"},
    "date": {"date"},
    "symbol": {"symbol", "number"},
    "country": {"country-name", "country-form"},
    "name-dropped": {"missing-title", "missing-term"},
}


def devset_termbase(path: Path) -> None:
    """The seeds' termbase with the devset pairs only (never the testset)."""
    import seeds
    from termalign.building import read_document, seed_curated, seed_documents
    from termbase.build import build
    from termbase.extract.cooccur import read_aligned

    base = seeds.path("unpc", "UNv1.0.devset")
    documents = [read_document(p, "fr") for p in seed_documents()]
    aligned = read_aligned(f"{base}.fr", f"{base}.en", f"{base}.ids")
    build(path, documents=documents, aligned=aligned, curated=seed_curated(), rebuild=True)


def _check(checker, fr: str, en: str, source: str, document: bool):
    """The issues of one pair: alone (out of its document, as the corpus samples it), or
    as a whole document of one pair (no name given before it)."""
    if document:
        from checks.model import Segment

        return checker.check([Segment(1, fr, en)], source=source).issues
    return checker.check_pair(fr, en, source=source)


def _warnings(issues, kinds) -> Counter:
    return Counter(i.kind for i in issues if i.kind in kinds)


def run_termalign(checker, cases, document: bool = False, count=_errors):
    """Per (source, kind): [found, cases]; false alarms on clean twins per source.
    ``count``: which issues find a case (errors; :func:`_warnings`: errors or warnings)."""
    found: dict[tuple[str, str], list[int]] = {}
    alarms: dict[str, list[int]] = {}
    for case in cases:
        s, kind = case["source"], case["kind"]
        fr, en, planted = case["fr"], case["en"], case["planted"]
        clean = _check(checker, fr, en, s, document)
        bad = _check(checker, planted, en, s, document) if s == "en" else _check(
            checker, fr, planted, s, document)
        planted_context.tally(found, alarms, (s, kind), count(clean, ACCEPTED[kind]),
                              count(bad, ACCEPTED[kind]), bool(_errors(clean)))
    return found, alarms


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.0f}%" if b else "–"


def twin_alarms(checker, cases, document: bool = False) -> dict[str, list[int]]:
    """The corpus lines of the clean twins with an error, per original side (each pair
    alone, or as a document of one pair)."""
    out: dict[str, list[int]] = {"fr": [], "en": []}
    for case in cases:
        if _errors(_check(checker, case["fr"], case["en"], case["source"], document)):
            out[case["source"]].append(int(case["line"]))
    return out


def _cell(found: dict, key, three: bool = False) -> str:
    f, n = found.get(key, [0, 0])[:2] if not three else found.get(key, [0, 0, 0])[::2]
    return f"{f} ({_pct(f, n)})"


def planted_section(checker, part: str) -> tuple[str, dict]:
    cases = read(part)
    found, alarms = run_termalign(checker, cases)
    any_found, _ = run_termalign(checker, cases, count=_warnings)
    doc_found, doc_alarms = run_termalign(checker, cases, document=True)
    real = planted_context.run_in_document(checker, cases, part, ACCEPTED)
    real_found, real_alarms = real["found"], real["alarms"]
    pfound, palarms = run_pofilter(cases)
    rows, summary = [], {}
    for s, label in (("fr", "fr→en (English checked)"), ("en", "en→fr (French checked)")):
        for kind in KINDS:
            f, n = found.get((s, kind), [0, 0])
            pa, pr, pn = pfound.get((s, kind), [0, 0, 0])
            rows.append([label, kind, n, f"{f} ({_pct(f, n)})", _cell(any_found, (s, kind)),
                         _cell(doc_found, (s, kind)), f"**{_cell(real_found, (s, kind))}**",
                         f"{pa} ({_pct(pa, pn)})", f"{pr} ({_pct(pr, pn)})"])
            summary[(s, kind)] = (f, n)
            summary[(s, kind, "document")] = tuple(doc_found.get((s, kind), [0, 0]))
            summary[(s, kind, "real")] = tuple(real_found.get((s, kind), [0, 0]))
            summary[(s, kind, "any")] = tuple(any_found.get((s, kind), [0, 0]))
        fa, fn = alarms.get(s, [0, 0])
        da, _dn = doc_alarms.get(s, [0, 0])
        ra, _rn = real_alarms.get(s, [0, 0])
        pa, pr, pn = palarms.get(s, [0, 0, 0])
        rows.append([label, "**false alarms on the clean twins**", fn,
                     f"{fa} ({100 * fa / max(fn, 1):.1f}%)", "(warnings are no alarms)",
                     f"{da} ({100 * da / max(fn, 1):.1f}%)",
                     f"**{ra} ({100 * ra / max(fn, 1):.1f}%)**",
                     f"{pa} ({100 * pa / max(pn, 1):.1f}%)", f"{pr} ({100 * pr / max(pn, 1):.1f}%)"])
        summary[(s, "alarms")] = (fa, fn)
        summary[(s, "alarms", "document")] = (da, fn)
        summary[(s, "alarms", "real")] = (ra, fn)
    text = table(["direction", "kind", "cases", "termalign found: error, pair alone",
                  "error or warning, pair alone", "error, pair as a document of one pair",
                  "error, pair in its real document", "pofilter (any test)",
                  "pofilter (numbers, acronyms, untranslated, unchanged, brackets)"], rows)
    # the twins are official pairs: those read as a real discrepancy are no false alarms
    n = {s: alarms.get(s, [0, 1])[1] for s in ("fr", "en")}
    alone_note, false_alone = planted_read.read_note(part, twin_alarms(checker, cases), n)
    real_note, false_real = planted_read.read_note(part, real["twins"], n)
    _note, false_one = planted_read.read_note(part, twin_alarms(checker, cases, document=True), n)
    for s in ("fr", "en"):
        summary[(s, "false")] = false_alone[s]
        summary[(s, "false", "real")] = false_real[s]
        summary[(s, "false", "document")] = false_one[s]
    with_context, total = real["context"]
    text += (f"\n\nTwins, read (`benchmarks/{judged_path(part).name}`; a twin not read counts "
             f"as a false alarm), pair alone: {alone_note}. Pair in its real document: "
             f"{real_note}.\n\nReal documents: {with_context} of the {total} cases have at "
             "least one pair of their document before them in the corpus sample; the context "
             f"segments got different issues in the twin's and the planted document in "
             f"{real['context_differ']} cases.")
    return text, summary


def judged(part: str = "devset") -> dict[tuple[str, int], tuple[str, str]]:
    """(original, corpus line) -> (verdict, class) of the pairs of ``part`` read."""
    return planted_read.judged(part)


def _kept_speed() -> str:
    """The speed part of the section as it is in BENCHMARKS.md (kept by ``--no-speed``)."""
    from benchmarks.report import BENCHMARKS_MD

    text = BENCHMARKS_MD.read_text(encoding="utf-8")
    begin = text.find("<!-- begin:checks-both-directions -->")
    end = text.find("<!-- end:checks-both-directions -->")
    start = text.find("### Speed", begin, end)
    if begin < 0 or start < 0:
        return ""
    kept = text[start:end].rstrip().replace(_KEPT, "").rstrip()
    return "\n\n" + kept + _KEPT + "\n"


_KEPT = " *(kept from the last full run: this run had `--no-speed`)*"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip the 100k speed run")
    parser.add_argument("--no-speed", action="store_true",
                        help="skip the speed table (the one in BENCHMARKS.md is kept)")
    parser.add_argument("--before", default="823d05f",
                        help="git revision of the start of the false-alarm round")
    parser.add_argument("--baseline", default="dc2a49c",
                        help="git revision to compare the checking speed with")
    parser.add_argument("--speed-only", metavar="REV", nargs="?", const="2ba56ca",
                        help="only the speed table, with revision REV (default: 2ba56ca, "
                             "before the checker's speed work) measured in the same run; "
                             "written to its own section")
    parser.add_argument("--planted-only", choices=("devset", "testset"), metavar="PART",
                        help="only the planted-error table of one set, printed (BENCHMARKS.md "
                             "untouched): devset to tune on")
    args = parser.parse_args()
    if args.planted_only:
        return planted_only(args.planted_only)
    if args.speed_only:
        return speed_only(args.speed_only, (1_000, 10_000) if args.quick
                          else (1_000, 10_000, 100_000))
    from checks.checker import Checker
    from termbase.store import Termbase

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "devset.sqlite3"
        devset_termbase(db)
        with Termbase.open(db) as tb:
            concepts = list(tb.iter_concepts())
        checker = Checker(concepts)
        test_text, test = planted_section(checker, "testset")
        dev_text, dev = planted_section(checker, "devset")
        off_text, off = planted_read.official(checker)
        base_text = against_baseline(db, tmp, args.baseline)
        # this round must not slow the checker down: the same against its own start
        (tmp / "main").mkdir()
        base_text += "\n\n" + against_baseline(db, tmp / "main", args.before, runs=5)
        before = planted_read.round_before(concepts, tmp, args.before, ACCEPTED)
        speed_text = "" if args.no_speed else speed(
            db, tmp, (1_000, 10_000) if args.quick else (1_000, 10_000, 100_000))
    worst = min(f / n for (s, k, *mode), (f, n) in test.items()
                if k in KINDS and not mode and n)
    worst_other = min(f / n for (s, k, *mode), (f, n) in test.items()
                      if k in KINDS and k != "name-dropped" and not mode and n)
    worst_real = min(f / n for (s, k, *mode), (f, n) in test.items()
                     if k in KINDS and mode == ["real"] and n)
    body = "\n".join([
        f"Termbase: {len(concepts):,} concepts, built from the seeds with the UN Parallel "
        "Corpus **devset** pairs only (curated names, UNTERM countries, the builder's "
        "candidates from the seed documents and the devset).",
        "",
        "Planted errors: `benchmarks/make_planted.py` plants one error in the translation of "
        "an official pair (the clean twin) found by plain string search of the curated "
        "names, never by running the checker; a case is found when the planted pair has "
        "more errors of the accepted kinds than its twin. pofilter: translate-toolkit "
        "3.20's `StandardChecker` (what `pofilter` runs) with the target language set; a case "
        "is found when a test fails on the planted pair and not on its twin.",
        "",
        "Each case and its twin are checked three ways. **Pair alone**, as the corpus "
        "gives it (its document unknown: a bare head noun for a name, *le Conseil* for *le "
        "Conseil de sécurité*, is then a warning, since UN translations shorten a name "
        "their document gave before). **Document of one pair** (no name ever given before "
        "it: the bare head is a dropped name, an error; an artificial document). **Pair in "
        "its real document** (`benchmarks/planted_context.py`): after the pairs of the same "
        "UN document that the corpus holds at an earlier position, in document order, back "
        "to the document's start (the `.ids` file gives each line's document symbol and its "
        "position in each language version; the dev and test sets are samples of at most 12 "
        "sentences a document, scattered over the file, so the corpus line before a case is "
        "most often another document's, and the lines the corpus did not sample are "
        "missing), checked as one document by `Checker.check`, its issues counted on the "
        "case's segment only. The name-dropped cases are planted only where the name is not "
        "given before in that document (no form of the concept, in either language, "
        "acronyms included, in either side of the earlier pairs): a UN translator accepts "
        "the short form of a name given before. The false alarms count errors only.",
        "",
        "### Reported: testset cases (not tuned on)",
        "",
        test_text,
        "",
        f"Lowest recall of a kind (testset), errors, pair alone: {100 * worst:.0f}% "
        f"(without name-dropped: {100 * worst_other:.0f}%); pair in its real document: "
        f"{100 * worst_real:.0f}%.",
        "",
        "### Tuning set: devset cases",
        "",
        dev_text,
        "",
        "### Document mode: a document of one pair → the pair in its real document "
        "(issue 12, fa)",
        "",
        planted_context.document_section(test, dev),
        "",
        "### 8,000 official pairs (UNPC dev + test), both directions",
        "",
        off_text,
        "",
        base_text,
        "",
        "### Before → after the false-alarm round (issue 12, fa)",
        "",
        f"Before: the code at `{args.before}` (main at the start of this round), after: "
        "this branch; same run, same devset termbase, same sets, every official pair "
        "checked alone in both (the code before had no isolated mode: each pair went "
        "through `check_pair`), both counted against the same readings (the testset pairs "
        "only the code before flagged were not read: they count as its false alarms). The "
        "previous "
        "round's figures (1.20% / 1.95% official pairs with an error) checked the 8,000 "
        "pairs as one document, the names of a pair standing for the next five unrelated "
        "ones.",
        "",
        planted_read.before_after(test, dev, off, before),
        "",
        "What changed (tuned on the devset twins and the devset official pairs only; the "
        "testset pairs were read after the code was frozen at `c7e4c7b`): a bare head noun "
        "for a name (*le Conseil*, *the Office*, *la Mission*, *la Direction exécutive*) "
        "is a warning in a pair checked alone, accepted after the full name anywhere before "
        "in a document (`Checker.check`, which used to look five segments back), and an "
        "error when the document never gave it; in a pair alone, *the DRC* (an abbreviation "
        "UN documents define) and a resolution's author named by a pronoun or possessive "
        "(*de lui faire rapport*, *ses résolutions*) are warnings. The cost: the planted "
        "name-dropped cases replace a name by its bare head (*the Security Council* → *the "
        "Council*), which in a pair alone is exactly the shortening a UN translation makes "
        "for a name its document gave before: they are found as warnings there, as errors "
        "only in a document; no rule on the pair's own text tells the two apart.",
        "",
        *(["### Speed: check of 3,000 pairs vs a bare pyahocorasick scan (issue 16)", "",
           "Each figure is the best CPU time of 2 fresh processes (start-up and termbase "
           "read included); the check loads the compiled matcher from the on-disk cache "
           "(`checks.cache`, built once per termbase version). The bare scan: one "
           "pyahocorasick automaton over every term of the same termbase, lower-cased, run "
           "over both sides of every pair.", "", speed_text] if speed_text else []),
    ])  # fmt: skip
    if args.no_speed:
        body += _kept_speed()
    write_section("checks-both-directions", "Checks in both directions (issues 12, 16)", body)
    print(body)
    del dev, off


def planted_only(part: str) -> None:
    from checks.checker import Checker
    from termbase.store import Termbase

    with tempfile.TemporaryDirectory() as tmp_name:
        db = Path(tmp_name) / "devset.sqlite3"
        devset_termbase(db)
        with Termbase.open(db) as tb:
            checker = Checker(list(tb.iter_concepts()))
    print(planted_section(checker, part)[0])


def speed_only(rev: str, sizes) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = tmp / "devset.sqlite3"
        devset_termbase(db)
        before = extract(rev, tmp / "before")
        text = speed(db, tmp, sizes, before)
        from termalign.defaults import ensure_default_db

        same = "\n".join(same_issues(path, tmp, rev, before, label) for path, label in (
            (ensure_default_db(), "default termbase"), (db, "devset termbase")))
    body = "\n".join([
        f"Before: revision `{rev}`, extracted with `git archive` and run from its own tree on "
        "its own copy of each termbase (so each finds its own cached matcher), alternating "
        "with this tree's runs. Each figure is the best CPU time of 3 fresh processes "
        "(termbase read and cached matcher load included, the reading of the 3,000 pairs "
        "not); the bare scan: one pyahocorasick automaton over every term of the same "
        "termbase, lower-cased, run over both sides of every pair. The last column gives "
        "the issues each revision finds (`python -m benchmarks.check_before TERMBASE REV` "
        "compares their full lists).", "", text, "",
        f"The full issue lists of `{rev}` and this tree (every field, in order), each on "
        "its own copy of the termbase; this tree building its checker, then loading it "
        "from the cache file:", "", same])  # fmt: skip
    body += "\n\n" + SCAN_HISTORY.read_text(encoding="utf-8")  # (the earlier rounds' prose)
    write_section("checks-speed-scan", "Checks: check vs a bare scan, before → after (issue 16)",
                  body)
    print(body)


if __name__ == "__main__":
    main()
