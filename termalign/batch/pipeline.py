"""One document pair → one aligned TMX: read, clean, segment, align, diagnose.

:func:`align_document_pair` is :func:`aligner.pipeline.align_files`, the pipeline of
``termalign align``, so a TMX written by ``align-corpus`` is the one
``termalign align FR EN -o X.tmx`` writes. With ``segmented=True``
the inputs are already one sentence per line (a blank line ends a paragraph), like the output
of ``termalign segment`` or a UN Parallel Corpus document.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from aligner.formats.model import Alignment
from aligner.pipeline import align_files

#: Bump when the output for the same inputs changes: done pairs are then aligned again.
PIPELINE_VERSION = "1"


def align_document_pair(
    fr_path: str | Path, en_path: str | Path, *, segmented: bool = False,
    source: str | None = None,
) -> Alignment:
    """Align a French document with its English translation.

    When the two sides do not look like translations of each other, the alignment carries a
    warning (the TMX header's ``x-warning``), as with ``termalign align``. Raises
    :class:`~aligner.errors.InputError` (unreadable, binary or empty input, a side without
    sentences). ``source``: the original side (``fr``/``en``), detected when ``None``.
    """
    return align_files(fr_path, en_path, segmented=segmented, source=source).alignment


def input_checksum(fr_path: str | Path, en_path: str | Path, settings: str = "") -> str:
    """SHA-256 of both inputs, the settings that shape the output and the termalign version
    (read in 1 MiB blocks)."""
    from termalign import __version__

    header = f"termalign-corpus {__version__} {PIPELINE_VERSION} {settings}\n"
    digest = hashlib.sha256(header.encode())
    for path in (fr_path, en_path):
        digest.update(b"\0")
        with open(os.fspath(path), "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()
