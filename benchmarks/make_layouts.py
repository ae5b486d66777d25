"""Write the layout test documents: UN text in six UN layouts, French and English, as PDF.

Every document is built from sentence pairs of the UN Parallel Corpus shipped in
``seeds/unpc`` (``devset`` pairs for the ``dev`` documents, ``testset`` pairs for the
held-out ``test`` documents), laid out as a UN document of one period and duty station
(:mod:`benchmarks.layout_pages`), rendered to PDF with reportlab and extracted with pypdf
(:func:`aligner.readers.read_text`, what ``termalign`` reads). The gold alignment follows
from the construction: one bead per sentence pair (a few pairs merged into one English
sentence, as translators do), headings and signature lines included, masthead, running
heads and footnotes left out.

Usage: ``python benchmarks/make_layouts.py [--out tests/data/layouts]``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.layout_pages import Para, page_lines, render_pdf, render_text  # noqa: E402
from benchmarks.layout_styles import LAYOUTS  # noqa: E402

UNPC = ROOT / "seeds" / "unpc"
OUT = ROOT / "tests" / "data" / "layouts"

_MARKER = re.compile(r"^(?:\(?[a-z]{1,4}\)|\(?\d{1,3}\)|\d{1,3}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+")
_INNER_BREAK = re.compile(r"[.!?;:]\s+[A-ZÀ-Ý«“\"(]|\.\.\.|…|\t")
PREAMBLE_FR = re.compile(
    r"^(?:Rappelant|Notant|Considérant|Consciente?|Réaffirmant|Soulignant|Prenant note|"
    r"Accueillant|Saluant|Ayant examiné|Convaincue?|Profondément|Reconnaissant|Se félicitant|"
    r"Tenant compte|Gardant à l'esprit|Sachant|Préoccupée?|Constatant|Déplorant|Affirmant|"
    r"Insistant|Guidée?|Ayant à l'esprit|Alarmée?|Résolue?|Exprimant|Prenant acte)\b"
)
OPERATIVE_FR = re.compile(
    r"^(?:Prie|Demande|Invite|Engage|Décide|Souligne|Exhorte|Encourage|Se félicite|Réaffirme|"
    r"Note|Prend note|Salue|Condamne|Appelle|Recommande|Approuve|Accueille|Exprime|Reconnaît|"
    r"Remercie|Affirme|Considère|Insiste|Rappelle)\b"
)


def _fix(text: str, lang: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if lang == "fr":
        text = text.replace("<< ", "« ").replace(" >>", " »").replace("<<", "« ").replace(">>", " »")
        text = text.replace("'", "’")
    else:
        text = re.sub(r"<<\s*", "“", text)
        text = re.sub(r"\s*>>", "”", text)
    return text


@lru_cache(maxsize=2)
def pools(split: str) -> dict[str, list[tuple[str, str]]]:
    """The sentence pairs of one UNPC split, sorted into sentences, headings, preambular and
    operative paragraphs (markers removed)."""
    fr_lines = (UNPC / f"UNv1.0.{split}.fr").read_text(encoding="utf-8").splitlines()
    en_lines = (UNPC / f"UNv1.0.{split}.en").read_text(encoding="utf-8").splitlines()
    found: dict[str, list[tuple[str, str]]] = {"sentence": [], "heading": [], "preamble": [],
                                               "operative": [], "short": []}
    seen = set()
    for fr, en in zip(fr_lines, en_lines, strict=True):
        fr, en = _MARKER.sub("", _fix(fr, "fr")), _MARKER.sub("", _fix(en, "en"))
        if not fr or not en or fr in seen or not (fr[0].isupper() and en[0].isupper()):
            continue
        if "*" in fr + en or "--" in fr + en:  # footnote marks, dashes typed as two hyphens
            continue
        seen.add(fr)
        if not 0.5 <= len(fr) / len(en) <= 2.0 or "/" in fr[:3]:
            continue
        if PREAMBLE_FR.match(fr) and fr.endswith(",") and en.endswith(",") and len(fr) < 400:
            if not _INNER_BREAK.search(fr) and not _INNER_BREAK.search(en):
                found["preamble"].append((fr, en))
            continue
        ends = fr[-1:] + en[-1:]
        if ends in ("..", ";;", ";.") and 40 <= len(fr) <= 330:
            if _INNER_BREAK.search(fr[:-1]) or _INNER_BREAK.search(en[:-1]):
                continue
            if OPERATIVE_FR.match(fr):
                found["operative"].append((fr, en))
            elif ends == ".." and len(fr) <= 110:
                found["short"].append((fr, en))
            elif ends == "..":
                found["sentence"].append((fr, en))
        elif (12 <= len(fr) <= 90 and fr[-1].isalnum() and en[-1].isalnum()
              and not fr[0].isdigit() and fr != fr.upper() and not _INNER_BREAK.search(fr)):
            found["heading"].append((fr, en))
    return found


class Source:
    """Draws pairs from the pools without replacement."""

    def __init__(self, split: str, seed: int, merge: float = 0.06, drop: float = 0.0):
        self.rng = random.Random(seed)
        self.merge, self.drop = merge, drop
        self.pools = {k: self.rng.sample(v, len(v)) for k, v in pools(split).items()}

    def take(self, kind: str, n: int = 1) -> list[tuple[str, str]]:
        if len(self.pools[kind]) < n:
            kind = "sentence"
        if len(self.pools[kind]) < n:
            raise ValueError(f"the {kind} pool is exhausted")
        taken, self.pools[kind] = self.pools[kind][:n], self.pools[kind][n:]
        return taken


def para(kind: str, pairs: list[tuple[str, str]], marker: dict | None = None,
         source: Source | None = None, notes: dict | None = None, gold: bool = True) -> Para:
    """A paragraph of sentence pairs. With the rates of ``source``, two English sentences
    become one (joined by a semicolon: a 2-1 bead) or an English sentence is left out (a
    1-0 bead), as translators do."""
    rng = source.rng if source else None
    merge, drop = (source.merge, source.drop) if source else (0.0, 0.0)
    fr = [p[0] for p in pairs]
    en: list[str] = []
    beads = []
    i = 0
    while i < len(pairs):
        roll = rng.random() if rng else 1.0
        if roll < merge and i + 1 < len(pairs) and pairs[i][1].endswith("."):
            first, second = pairs[i][1], pairs[i + 1][1]
            if second.split(" ", 1)[0] in _LOWER_STARTS:
                second = second[0].lower() + second[1:]
            en.append(first[:-1] + "; " + second)
            beads.append(((i, i + 1), (len(en) - 1,)))
            i += 2
            continue
        if merge <= roll < merge + drop and len(pairs) > 1:
            beads.append(((i,), ()))
            i += 1
            continue
        en.append(pairs[i][1])
        beads.append(((i,), (len(en) - 1,)))
        i += 1
    return Para(kind, fr, en, beads, marker or {}, notes or {}, gold)


_LOWER_STARTS = frozenset(["The", "This", "These", "It", "In", "However", "Such", "That", "Its", "Their", "There", "A", "An"])


def gold_beads(paras: list[Para]) -> list[list[list[str]]]:
    """The gold: for every bead, its French and its English sentences (texts)."""
    beads = []
    for p in paras:
        if not p.gold:
            continue
        for f, e in p.beads:
            beads.append([[p.fr[i] for i in f], [p.en[j] for j in e]])
    return beads


def build(layout_name: str, split: str, seed: int, out: Path, pdf: bool = True) -> dict:
    """Compose, render and extract one document pair; returns its description."""
    layout, compose = LAYOUTS[layout_name]
    source = Source(split, seed)
    paras = compose(source, layout)
    out.mkdir(parents=True, exist_ok=True)
    stem = out / layout_name
    texts = {}
    for lang in ("fr", "en"):
        pages = page_lines(layout, paras, lang, seed + (lang == "en"))
        if pdf:
            from aligner.readers import read_text

            path = stem.with_suffix(f".{lang}.pdf")
            render_pdf(pages, layout, path)
            texts[lang] = read_text(path)
        else:
            texts[lang] = render_text(pages)
        stem.with_suffix(f".{lang}.txt").write_text(texts[lang], encoding="utf-8")
    gold = {"layout": layout_name, "split": split, "seed": seed, "beads": gold_beads(paras)}
    stem.with_suffix(".gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    total = 0
    for split, seed in (("dev", 11), ("test", 23)):
        unpc_split = "devset" if split == "dev" else "testset"
        for index, name in enumerate(LAYOUTS):
            gold = build(name, unpc_split, seed + index, args.out / split)
            total += len(gold["beads"]) if split == "test" else 0
            print(f"{split}/{name}: {len(gold['beads'])} gold beads")
    print(f"{total} held-out gold beads")


if __name__ == "__main__":
    main()
