"""Candidate key terms of the document glossary (checks/keyterms.py) against a naive peer.

Held-out documents (the extractor's word lists were written while reading
seeds/S-2021-297.fr.txt, seeds/A-75-345-S-2020-898.fr.txt and seeds/udhr/udhr_eng.txt only):
the two Security Council letters below. Every candidate either extractor gives on them was
judged by reading the document (benchmarks/keyterms_judged.tsv: document, candidate, 1 when
a translator would put it in the job's glossary as a term, else 0). The peer is the obvious
baseline: every lowercase 2-3-word n-gram not crossing punctuation, not starting or ending
with a function word of aligner.segment.language.STOPWORDS, occurring twice or more.

    python benchmarks/bench_keyterms.py
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.pipeline import sentences_from_text  # noqa: E402
from aligner.segment.language import STOPWORDS  # noqa: E402
from checks.keyterms import key_terms  # noqa: E402

DOCUMENTS = ("seeds/2016-10-14-Federation-de-Russie-lettre.fr.txt",
             "seeds/2021-10-19-Mexique-lettre.fr.txt")
JUDGED = ROOT / "benchmarks" / "keyterms_judged.tsv"
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def peer(sentences: list[str], lang: str) -> list[str]:
    """Frequent lowercase n-grams (2-3 words) bounded by stopwords."""
    counts: Counter[str] = Counter()
    for sentence in sentences:
        for chunk in re.split(r"[^\w\s'’-]+", sentence):
            words = _WORD.findall(chunk)
            for n in (2, 3):
                for i in range(len(words) - n + 1):
                    gram = words[i:i + n]
                    if any(w != w.lower() for w in gram):
                        continue
                    if gram[0] in STOPWORDS[lang] or gram[-1] in STOPWORDS[lang]:
                        continue
                    counts[" ".join(gram).replace("'", "’")] += 1
    return [gram for gram, n in counts.items() if n >= 2]


def main() -> int:
    judged = {(row[0], row[1]): row[2] == "1"
              for row in csv.reader(JUDGED.open(encoding="utf-8"), delimiter="\t")
              if row and not row[0].startswith("#")}
    totals = {"termalign": [0, 0], "peer": [0, 0]}
    unjudged = []
    for document in DOCUMENTS:
        text = (ROOT / document).read_text(encoding="utf-8")
        sentences = sentences_from_text(text, "fr")[0]
        runs = {"termalign": [t.text for t in key_terms(sentences, "fr")],
                "peer": peer(sentences, "fr")}
        for name, candidates in runs.items():
            for candidate in candidates:
                verdict = judged.get((Path(document).name, candidate))
                if verdict is None:
                    unjudged.append((name, Path(document).name, candidate))
                    continue
                totals[name][0] += verdict
                totals[name][1] += 1
            good = sum(judged.get((Path(document).name, c), False) for c in candidates)
            print(f"{name:9} {Path(document).name}: {len(candidates)} candidates, {good} terms")
    for name, (good, total) in totals.items():
        print(f"{name:9} precision {good}/{total} = {good / max(total, 1):.2f}")
    if totals["peer"][0]:
        print(f"terms found: termalign {totals['termalign'][0]} vs peer {totals['peer'][0]} "
              f"({totals['termalign'][0] / totals['peer'][0]:.2f}×); precision ratio "
              f"{(totals['termalign'][0] / max(totals['termalign'][1], 1)) / (totals['peer'][0] / max(totals['peer'][1], 1)):.2f}×")
    for name, document, candidate in unjudged:
        print(f"unjudged ({name}) {document}\t{candidate}")
    return 1 if unjudged else 0


if __name__ == "__main__":
    sys.exit(main())
