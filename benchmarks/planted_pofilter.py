"""translate-toolkit's ``pofilter`` on the planted cases of ``bench_planted.py``: its
``StandardChecker`` (what ``pofilter`` runs) with the target language set, on each case and
its clean twin; a case is found when a test fails on the planted pair and not on its twin."""

from __future__ import annotations

#: pofilter's tests that look at the same things (the others: punctuation, spacing, case…).
POFILTER_RELEVANT = {"numbers", "acronyms", "untranslated", "unchanged", "brackets"}


def run_pofilter(cases):
    from translate.filters import checks
    from translate.storage.pypo import pounit

    checkers = {t: checks.StandardChecker(checkerconfig=checks.CheckerConfig(targetlanguage=t))
                for t in ("fr", "en")}  # fmt: skip

    def failures(source: str, target: str, lang: str) -> set[str]:
        unit = pounit(source)
        unit.target = target
        return set(checkers[lang].run_filters(unit))

    found: dict[tuple[str, str], list[int]] = {}
    alarms: dict[str, list[int]] = {}
    for case in cases:
        s, kind = case["source"], case["kind"]
        t = "en" if s == "fr" else "fr"
        src = case[s]
        clean, planted = case[t], case["planted"]
        before, after = failures(src, clean, t), failures(src, planted, t)
        row = found.setdefault((s, kind), [0, 0, 0])
        row[0] += bool(after - before)
        row[1] += bool((after - before) & POFILTER_RELEVANT)
        row[2] += 1
        fa = alarms.setdefault(s, [0, 0, 0])
        fa[0] += bool(before)
        fa[1] += bool(before & POFILTER_RELEVANT)
        fa[2] += 1
    return found, alarms
