"""The planted cases in their real documents: each case and its clean twin checked after the
pairs that precede it in the UN document it was sampled from.

The UN Parallel Corpus dev and test sets are *samples*: at most 12 sentences of each of
about 730 documents, scattered over the file (``corpus/SOURCES.md``); the corpus line before
a case is most often another document's. The ``.ids`` file gives, for every line, its
document symbol and its position (line:sentence) in each language version of that
document, so the real preceding segments the corpus holds are the lines of the same
document at an earlier position, in document order: back to the document's start, with the
lines the corpus did not sample missing (a name a document gave only in those lines is not
known to the check).

The case is checked as the last segment of that document (``Checker.check``, which tracks
the names given before); its issues are counted on the case segment only. The context
segments are the same official pairs in the twin's document and in the planted one, and are
checked before the case, so their issues are the same in both (counted by
:func:`run_in_document`: ``context_differ``).
"""

from __future__ import annotations

from collections import Counter

import seeds


def positions(part: str) -> list[tuple[str, tuple[int, int], tuple[int, int]]]:
    """(document symbol, French position, English position) of each corpus line of ``part``,
    from ``UNv1.0.{part}.ids`` (``2015/s/2014/958 ar:84:1 en:87:1 ... fr:86:1``)."""
    out = []
    for row in seeds.path("unpc", f"UNv1.0.{part}.ids").read_text(encoding="utf-8").splitlines():
        symbol, *langs = row.split()
        where = {lang: tuple(map(int, rest.split(":"))) for lang, rest in
                 (cell.split(":", 1) for cell in langs)}  # fmt: skip
        out.append((symbol, where["fr"], where["en"]))
    return out


def preceding(part: str) -> dict[int, list[int]]:
    """Corpus line (from 1) -> the lines of the same document before it, in document order.

    A line is before another when it comes earlier in both language versions (they never
    disagree in the dev and test sets; a pair on which they would is left out).

    >>> before = preceding("devset")
    >>> before[1]  # A/69/767: the only line of it in the sample
    []
    >>> before[3]  # A/AC.182/L.139, line 15: its lines 6, 7, 9, 10, 11 (corpus line 2), 12, 14
    [2472, 3768, 1722, 917, 2, 3769, 2471]
    """
    rows = positions(part)
    by_document: dict[str, list[int]] = {}
    for line, (symbol, _fr, _en) in enumerate(rows, 1):
        by_document.setdefault(symbol, []).append(line)
    out: dict[int, list[int]] = {}
    for lines in by_document.values():
        ordered = sorted(lines, key=lambda n: rows[n - 1][1])
        for line in lines:
            fr, en = rows[line - 1][1:]
            out[line] = [n for n in ordered if rows[n - 1][1] < fr and rows[n - 1][2] < en]
    return out


def check_in_document(checker, before: list[tuple[str, str]], fr: str, en: str, source: str):
    """(issues of the case segment, issues of the context segments) of the pair ``fr``/``en``
    checked as the last segment of a document whose earlier segments are ``before``."""
    from checks.model import Segment

    segments = [Segment(n, f, e) for n, (f, e) in enumerate(before, 1)]
    segments.append(Segment(len(before) + 1, fr, en))
    issues = checker.check(segments, source=source).issues
    case = [i for i in issues if i.segment == len(segments)]
    return case, [i for i in issues if i.segment != len(segments)]


def corpus(part: str) -> list[tuple[str, str]]:
    """The (French, English) pairs of ``part``, corpus line n at index n - 1."""
    fr = seeds.path("unpc", f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
    en = seeds.path("unpc", f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines()
    return list(zip(fr, en, strict=True))


def errors(issues, kinds=None) -> Counter:
    """The errors among ``issues`` (of ``kinds`` if given), counted by kind."""
    return Counter(i.kind for i in issues if i.severity == "error"
                   and (kinds is None or i.kind in kinds))  # fmt: skip


def tally(found: dict, alarms: dict, case: tuple[str, str], before: Counter, after: Counter,
          alarm: bool) -> None:
    """Count one planted case of ``case`` (source, kind): found when its planted pair has
    more issues of some kind (``after``) than its clean twin (``before``); ``alarm``: the
    twin has an error.

    >>> found, alarms = {}, {}
    >>> tally(found, alarms, ("fr", "date"), Counter(), Counter(date=1), False)
    >>> found, alarms
    ({('fr', 'date'): [1, 1]}, {'fr': [0, 1]})
    """
    row = found.setdefault(case, [0, 0])
    row[0] += any(after[k] > before[k] for k in after)
    row[1] += 1
    fa = alarms.setdefault(case[0], [0, 0])
    fa[0] += alarm
    fa[1] += 1


def run_in_document(checker, cases, part: str, accepted: dict) -> dict:
    """Recall and clean-twin false alarms with each case in its real document.

    Returns ``found`` ((source, kind) -> [found, cases]), ``alarms`` (source -> [twins with
    an error on the case segment, cases]), ``twins`` (source -> corpus lines of those
    twins), ``context`` (cases with at least one preceding pair, all cases) and
    ``context_differ`` (cases whose context segments got different issues in the twin's
    and the planted document: 0 when the counting on the case segment loses nothing)."""
    pairs, before = corpus(part), preceding(part)
    found: dict[tuple[str, str], list[int]] = {}
    alarms: dict[str, list[int]] = {}
    twins: dict[str, list[int]] = {"fr": [], "en": []}
    with_context = differ = 0
    for case in cases:
        s, kind, line = case["source"], case["kind"], int(case["line"])
        context = [pairs[n - 1] for n in before[line]]
        with_context += bool(context)
        clean, clean_ctx = check_in_document(checker, context, case["fr"], case["en"], s)
        fr, en = (case["planted"], case["en"]) if s == "en" else (case["fr"], case["planted"])
        bad, bad_ctx = check_in_document(checker, context, fr, en, s)
        differ += [i.to_dict() for i in clean_ctx] != [i.to_dict() for i in bad_ctx]
        tally(found, alarms, (s, kind), errors(clean, accepted[kind]),
              errors(bad, accepted[kind]), bool(errors(clean)))
        if errors(clean):
            twins[s].append(line)
    return {"found": found, "alarms": alarms, "twins": twins,
            "context": (with_context, len(cases)), "context_differ": differ}


def mode_rows(test: dict, dev: dict) -> str:
    """The document mode before → after: each case as a document of one pair (no name given
    before it) → in its real document, from the summaries of ``bench_planted``."""
    from benchmarks.make_planted import KINDS
    from benchmarks.report import table

    def low(figures, s, mode, kinds=KINDS):
        return min(f / n for (side, k, *m), (f, n) in figures.items()
                   if side == s and k in kinds and m == [mode] and n)  # fmt: skip

    rows = []
    for part, figures in (("testset", test), ("devset", dev)):
        for s, label in (("fr", "fr→en"), ("en", "en→fr")):
            cells = {mode: (low(figures, s, mode), low(figures, s, mode, ("name-dropped",)),
                            figures[(s, "alarms", mode)], figures[(s, "false", mode)])
                     for mode in ("document", "real")}  # fmt: skip
            for i, (what, target) in enumerate((("recall, lowest kind", "≥ 90%"),
                                                ("name-dropped recall", "≥ 90%"),
                                                ("clean twins with an error (raw)", "≤ 1%"),
                                                ("clean twins with a false alarm (read)",
                                                 "≤ 1%"))):
                pair = []
                for mode in ("document", "real"):
                    v = cells[mode][i]
                    pair.append(f"{100 * v:.0f}%" if i < 2 else
                                f"{v[0]} ({100 * v[0] / v[1]:.1f}%)")
                rows.append([f"{what}, {label} ({part})", *pair, target])
    return table(["figure", "document of one pair", "pair in its real document", "target"],
                 rows)


def targets(test: dict, dev: dict) -> str:
    """Issue 12's planted-error targets judged on the pair in its real document (recall and
    false alarms in the same configuration), from the summaries of ``bench_planted``."""
    from benchmarks.make_planted import KINDS

    out = []
    for part, figures in (("testset", test), ("devset", dev)):
        cells = []
        for s, label in (("fr", "fr→en"), ("en", "en→fr")):
            recall = min(f / n for (side, k, *m), (f, n) in figures.items()
                         if side == s and k in KINDS and m == ["real"] and n)  # fmt: skip
            raw, n = figures[(s, "alarms", "real")]
            false, _ = figures[(s, "false", "real")]
            cells.append(f"{label}: lowest recall {100 * recall:.0f}% "
                         f"({'met' if recall >= 0.9 else '**not met**'}), clean twins with an "
                         f"error {100 * raw / n:.1f}% raw, {100 * false / n:.1f}% read false "
                         f"alarms ({'met' if false / n <= 0.01 else '**not met**'} read, "
                         f"{'met' if raw / n <= 0.01 else 'not met'} raw)")
        out.append(f"{part}: " + "; ".join(cells))
    return ("Targets (issue 12: recall ≥ 90% every kind, clean-twin false alarms ≤ 1%), each "
            "case in its real document: " + ". ".join(out) + ".")


def document_section(test: dict, dev: dict) -> str:
    """The BENCHMARKS text of the document mode: one-pair → real document, the targets, and
    what the remaining false alarms are (the readings of ``official_*_judged.tsv``)."""
    return "\n\n".join([
        "Same run, same code, same cases; only the segments checked before "
        "the case differ. The read false alarms count the twins with an error not read as a "
        "real discrepancy of the official pair (a twin counts once per case planted on it).",
        mode_rows(test, dev),
        targets(test, dev),
        "The real document removes the document-mode alarms whose name the sample has "
        "before the case (devset fr→en lines 1289 and 2172, *the DRC* defined earlier in the "
        "resolution; testset en→fr line 2901, *le Centre* after *ITC* in line 2276). What "
        "remains, read in `benchmarks/official_*_judged.tsv` (`python "
        "benchmarks/planted_alarms.py {devset,testset}` lists each with the pairs before "
        "it): a name the document gave in lines the corpus did not sample (the sample has "
        "none of the pairs before these: devset en→fr 290 and 2247, testset fr→en 191, en→fr "
        "186, three cases, and 324: *le Conseil*, *du Conseil*, *la Direction exécutive* for "
        "the Security Council, CTED and ECOSOC; the planted name-dropped case is the same "
        "text where the name was not given, so no rule tells them apart without the full "
        "document), and en→fr 232, *la résolution* for *resolution 1701 (2006)* cited "
        "before, an error the pair alone has too. Three rules were fixed after the testset "
        "twins were read (issue 12, the lead's *rules* round): UNCTAD's Deputy "
        "Secretary-General (*Secrétaire général adjoint de la CNUCED*, line 956) was taken "
        "for the UN's, *Figure I* did not answer *figure 1* (line 1243), and the message of "
        "line 232 expected *1 701*, a resolution number grouped as a quantity (now *1701*). "
        "The testset figures here are after those fixes, so they are no longer held out for "
        "these three lines; before them the same cases gave testset en→fr 2.9% raw / 1.8% "
        "read, fr→en 1.3% / 0.8%, in the real document. The devset figures did not change.",
    ])  # fmt: skip
