"""Generate the planted-error sets of the check benchmark from official UN sentence pairs.

For each UN Parallel Corpus set (``devset``: cases to tune the rules on; ``testset``: cases
to report on) and each direction (``fr``: French original, the English is checked; ``en``:
English original, the French is checked), one error is planted in the translation of an
official pair; the official pair is the case's clean twin. Seven kinds:

* ``name-variant``: one word of an official name changed into a plausible wrong variant
  (Organization → Organisation, Programme → Program, Conseil → Comité…), or the name
  replaced by its deprecated form when the curated data has one;
* ``acronym``: the target acronym replaced by the source one (CSTO → OTSC; PNUD → UNDP);
* ``number``, ``date``, ``symbol``: a figure, a day or the last digit of a resolution
  symbol ("resolution 2161 (2014)": the corpus sentences carry no document symbols) changed;
* ``country``: a UNTERM country name replaced by a common non-UNTERM name (Russian
  Federation → Russia; Fédération de Russie → Russie);
* ``name-dropped``: an official name replaced by its bare head noun (the Security Council
  → the Council; le Conseil de sécurité → le Conseil), planted only where the name is not
  given before in its real document: no form of the concept (either language, any form,
  acronyms included) in either side of the pairs the corpus has from the same document at
  an earlier position (:func:`benchmarks.planted_context.preceding`), nor elsewhere in the
  translation. A UN translator accepts the short form of a name the document gave before,
  so a drop there is no error.

The candidates are found by plain string search of the curated names (seeds/curated and
the UNTERM country list, written by hand, independent of the pairs), in both sides of the
pair, never by running the checker. At most 3 cases per name and kind, at most 60 cases per
set, direction and kind, in corpus order.

    python benchmarks/make_planted.py   # writes tests/data/planted_{devset,testset}.tsv
    python benchmarks/make_planted.py --only name-dropped   # those cases only, the rest kept

The name-dropped cases were last made with ``--only name-dropped`` (issue 12, the rule on
the names given before in the document); the other kinds' rows are those of an earlier full
run (the curated names have grown since: a full run now picks a few other name-variant and
country cases).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import seeds  # noqa: E402
from benchmarks import planted_context  # noqa: E402
from checks.countries import NON_UNTERM_EN, NON_UNTERM_FR, clean_name  # noqa: E402
from termalign.building import seed_curated  # noqa: E402

OUT = ROOT / "tests" / "data"
KINDS = ("name-variant", "acronym", "number", "date", "symbol", "country", "name-dropped")
PER_KIND = 60
PER_NAME = 3
COLUMNS = ("id", "set", "line", "source", "kind", "fr", "en", "planted")

_VARIANTS = {
    "en": [("Organization", "Organisation"), ("Programme", "Program"), ("Centre", "Center"),
           ("Office", "Bureau"), ("Council", "Board"), ("Commission", "Committee"),
           ("Committee", "Commission"), ("Fund", "Foundation"), ("Development", "Developing"),
           ("Department", "Division"), ("Mission", "Office"), ("Assembly", "Conference"),
           ("Union", "Community"), ("Rights", "Right"), ("Nations", "Nation")],
    "fr": [("Organisation", "Organization"), ("Programme", "Bureau"), ("Conseil", "Comité"),
           ("Comité", "Conseil"), ("Commission", "Comité"), ("Fonds", "Fondation"),
           ("Bureau", "Office"), ("Haut-Commissariat", "Haut-Commissaire"),
           ("Département", "Division"), ("Mission", "Opération"), ("Assemblée", "Conférence"),
           ("Union", "Communauté"), ("développement", "développements"),
           ("droits", "droit"), ("Nations Unies", "Nations unies")],
}  # fmt: skip
_HEAD_EN = re.compile(r"\b(Council|Assembly|Commission|Committee|Office|Programme|Fund|"
                      r"Organization|Mission|Court|Union|Conference|Department|Agency)$")
_HEAD_FR = re.compile(r"^(Conseil|Assemblée|Commission|Comité|Bureau|Office|Programme|Fonds|"
                      r"Organisation|Mission|Cour|Union|Conférence|Département|Agence)\b")
#: "the Organization" / "l’Organisation" is how the UN names itself: not a dropped name.
_OWN_NAME = {"United Nations", "Organisation des Nations Unies"}
_NUMBER = re.compile(r"(?<![\w/.,])(\d{1,3}(?:[ ,]\d{3})+|\d{2,4})(?![\w/]|[.,]\d)")
_DATE = {"en": re.compile(r"(?<![\w.])(\d{1,2})( (?:January|February|March|April|May|June|"
                          r"July|August|September|October|November|December)(?: (?:19|20)\d\d)?)"),
         "fr": re.compile(r"(?<![\w.])(\d{1,2})( (?:janvier|février|mars|avril|mai|juin|"
                          r"juillet|août|septembre|octobre|novembre|décembre)(?: (?:19|20)\d\d)?)")}
#: The corpus sentences carry no document symbols (S/2015/446): a resolution symbol as the
#: UN cites it, "resolution 2161 (2014)" (S/RES/2161 (2014)), stands for them.
_SYMBOL = re.compile(r"\b(?:[Rr]esolutions?|[Rr]ésolutions?) (\d{2,3})(\d) \((?:19|20)\d\d\)")


def _names(concepts):
    """(kind, concept key, lang, text, type, status) of every curated form."""
    rows = []
    for n, concept in enumerate(concepts):
        for term in concept.terms:
            text = clean_name(term.text) if concept.kind == "country" else term.text
            rows.append((concept.kind, n, term.lang, text, term.type, term.status))
    return rows


def _find(text: str, form: str) -> re.Match | None:
    return re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)


class Planter:
    def __init__(self, concepts):
        self.rows = _names(concepts)
        self.by_concept: dict[int, list] = {}
        for row in self.rows:
            self.by_concept.setdefault(row[1], []).append(row)
        self.per_name: Counter = Counter()

    def forms(self, concept: int, lang: str, types=None, usable=True):
        return [r for r in self.by_concept[concept] if r[2] == lang
                and (types is None or r[4] in types)
                and (not usable or r[5] in ("preferred", "admitted"))]  # fmt: skip

    def _named(self, src, tgt, s, t, kinds=("title",), types=("fullForm", "variant"), shortest=8):
        """Concepts whose usable full name is in the target and some form in the source."""
        for kind, c, lang, text, type_, status in self.rows:
            if kind not in kinds or lang != t or type_ not in types or len(text) < shortest:
                continue
            if status not in ("preferred", "admitted"):
                continue
            m = _find(tgt, text)
            if m and any(_find(src, r[3]) for r in self.forms(c, s)):
                yield c, text, m

    def given(self, concept: int, before) -> bool:
        """True when a form of ``concept`` (any language, type or status) is in a side of
        one of the pairs ``before``."""
        return any(_find(side, r[3]) for r in self.by_concept[concept] for pair in before
                   for side in pair)  # fmt: skip

    def plant(self, kind: str, src: str, tgt: str, s: str, t: str, before=(), spent=()):
        """The target with one error of ``kind``, and the name planted on, or None.
        ``before``: the (French, English) pairs before this one in its document; ``spent``:
        the names that have all their cases (name-dropped tries the pair's next name)."""
        if kind == "name-variant":
            for c, text, m in self._named(src, tgt, s, t):
                wrong = [r[3] for r in self.by_concept[c] if r[2] == t
                         and r[5] == "deprecated" and r[4] != "acronym"]  # fmt: skip
                if wrong and not _find(tgt, wrong[0]):
                    return tgt[: m.start()] + wrong[0] + tgt[m.end():], text
                for a, b in _VARIANTS[t]:
                    if re.search(rf"\b{re.escape(a)}\b", text):
                        changed = re.sub(rf"\b{re.escape(a)}\b", b, text, count=1)
                        return tgt[: m.start()] + changed + tgt[m.end():], text
        elif kind == "acronym":
            for c, text, m in self._named(src, tgt, s, t, types=("acronym",), shortest=2):
                theirs = [r[3] for r in self.forms(c, s, ("acronym",))]
                if theirs and theirs[0] != text:
                    return tgt[: m.start()] + theirs[0] + tgt[m.end():], text
        elif kind == "name-dropped":
            for c, text, m in self._named(src, tgt, s, t):
                if text in spent:
                    continue
                if any(_find(tgt[m.end():], r[3]) or _find(tgt[: m.start()], r[3])
                       for r in self.forms(c, t)):
                    continue  # named twice: dropping one is no error
                if self.given(c, before):
                    continue  # named before in the document: the short form is right
                head = (_HEAD_EN if t == "en" else _HEAD_FR).search(text)
                if head and text not in _OWN_NAME:
                    return tgt[: m.start()] + head.group(1) + tgt[m.end():], text
        elif kind == "country":
            wrong_names = NON_UNTERM_EN if t == "en" else NON_UNTERM_FR
            for c, text, m in self._named(src, tgt, s, t, kinds=("country",),
                                          types=("shortForm",), shortest=4):
                right = {r[3] for r in self.by_concept[c] if r[2] == t}
                for wrong, official in wrong_names.items():
                    if clean_name(official) in right and "." not in wrong and len(wrong) > 3:
                        return tgt[: m.start()] + wrong + tgt[m.end():], text
        elif kind == "number":
            dates = [d.span() for d in _DATE[t].finditer(tgt)]
            for m in _NUMBER.finditer(tgt):
                if any(a <= m.start() < b for a, b in dates):
                    continue  # a day: the date kind's business
                digits = re.sub(r"\D", "", m.group(1))
                if digits[:2] in ("19", "20") and len(digits) == 4:
                    continue  # years are dates' business
                if not re.search(rf"(?<![\d.,]){digits[0]}[\d ,]*{digits[-1]}", src):
                    continue
                last = m.end(1) - 1
                new = str((int(tgt[last]) + 3) % 10)
                return tgt[:last] + new + tgt[last + 1:], m.group(1)
        elif kind == "date":
            m = _DATE[t].search(tgt)
            if m and m.group(1) in src:
                day = int(m.group(1))
                new = str(day + 1 if day < 28 else day - 1)
                return tgt[: m.start(1)] + new + tgt[m.end(1):], m.group()
        elif kind == "symbol":
            m = _SYMBOL.search(tgt)
            if m and f"{m.group(1)}{m.group(2)} (" in src:
                new = str((int(m.group(2)) + 1) % 10)
                return tgt[: m.start(2)] + new + tgt[m.end(2):], m.group()
        return None


def generate(kinds=KINDS) -> dict[str, list[tuple]]:
    planter = Planter(seed_curated())
    out: dict[str, list[tuple]] = {}
    for part in ("devset", "testset"):
        fr = seeds.path("unpc", f"UNv1.0.{part}.fr").read_text(encoding="utf-8").splitlines()
        en = seeds.path("unpc", f"UNv1.0.{part}.en").read_text(encoding="utf-8").splitlines()
        preceding = planted_context.preceding(part)
        rows = []
        for source in ("fr", "en"):
            target = "en" if source == "fr" else "fr"
            for kind in kinds:
                taken, per_name = 0, Counter()
                for line, (f, e) in enumerate(zip(fr, en, strict=True), 1):
                    src, tgt = (f, e) if source == "fr" else (e, f)
                    before = [(fr[n - 1], en[n - 1]) for n in preceding[line]]
                    limit = PER_NAME * (3 if kind in ("acronym", "country") else 1)
                    spent = {n for n, k in per_name.items() if k >= limit}
                    found = planter.plant(kind, src, tgt, source, target, before, spent)
                    if found is None or found[0] == tgt or per_name[found[1]] >= limit:
                        continue
                    per_name[found[1]] += 1
                    taken += 1
                    rows.append((f"{part}-{line}-{source}-{kind}", part, line, source, kind,
                                 f, e, found[0]))
                    if taken >= PER_KIND:
                        break
        out[part] = rows
    return out


def write(sets: dict[str, list[tuple]]) -> None:
    for part, rows in sets.items():
        lines = ["# Planted errors (column planted: the translation with one error) and their "
                 "clean twins (the official fr/en pair), UN Parallel Corpus v1.0 " + part + ".",
                 "# Generated by benchmarks/make_planted.py; source = the original side.",
                 "\t".join(COLUMNS)]
        lines += ["\t".join(str(c).replace("\t", " ") for c in row) for row in rows]
        (OUT / f"planted_{part}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def read(part: str) -> list[dict]:
    """The cases of one set as dictionaries (see :data:`COLUMNS`)."""
    rows = []
    for line in (OUT / f"planted_{part}.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("id\t"):
            continue
        rows.append(dict(zip(COLUMNS, line.split("\t"), strict=True)))
    return rows


def regenerate(kinds) -> dict[str, list[tuple]]:
    """The sets with the cases of ``kinds`` made again and the others' rows kept as they
    are in the files (in the files' order: original side, kind, corpus line)."""
    sets = generate(kinds)
    for part, rows in sets.items():
        kept = [tuple(r[c] for c in COLUMNS) for r in read(part) if r["kind"] not in kinds]
        rows += kept
        rows.sort(key=lambda r: (("fr", "en").index(r[3]), KINDS.index(r[4]), int(r[2])))
    return sets


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=KINDS, metavar="KIND",
                        help="make only these kinds again, keep the other rows of the files")
    args = parser.parse_args()
    sets = regenerate(tuple(args.only)) if args.only else generate()
    write(sets)
    for part, rows in sets.items():
        print(part, Counter((r[3], r[4]) for r in rows))
