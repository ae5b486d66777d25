"""One document pair → one aligned TMX: read, clean, segment, align, diagnose.

:func:`align_document_pair` composes the library functions the way ``termalign align`` does
(``aligner.clean.clean_file``, ``aligner.segment.segment_document``,
``aligner.align.inputs``, ``aligner.align.align`` and ``diagnose``), so a TMX written by
``align-corpus`` is the one ``termalign align FR EN -o X.tmx`` writes. With ``segmented=True``
the inputs are already one sentence per line (a blank line ends a paragraph), like the output
of ``termalign segment`` or a UN Parallel Corpus document.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from aligner.align import align, diagnose
from aligner.align.inputs import from_sentences, parse_segmented
from aligner.errors import InputError
from aligner.formats.model import Alignment

#: Bump when the output for the same inputs changes: done pairs are then aligned again.
PIPELINE_VERSION = "1"


def read_side(path: str | Path, lang: str, segmented: bool) -> tuple[list[str], list[int]]:
    """The sentences of one document and the paragraph number of each."""
    from aligner.readers import read_text

    if segmented:
        return parse_segmented(read_text(path))
    from aligner.clean import clean_file
    from aligner.segment import segment_document

    return from_sentences(segment_document(clean_file(path, lang=lang)))


def align_document_pair(
    fr_path: str | Path, en_path: str | Path, *, segmented: bool = False
) -> Alignment:
    """Align a French document with its English translation.

    When the two sides do not look like translations of each other, the alignment carries a
    warning (the TMX header's ``x-warning``), as with ``termalign align``. Raises
    :class:`~aligner.errors.InputError` (unreadable, binary or empty input, a side without
    sentences).
    """
    sides = []
    for path, lang in ((fr_path, "fr"), (en_path, "en")):
        sentences, paragraphs = read_side(path, lang, segmented)
        if not sentences:
            name = "French" if lang == "fr" else "English"
            raise InputError(f"{path}: the {name} side has no sentences")
        sides.append((sentences, paragraphs))
    (fr, fr_paras), (en, en_paras) = sides
    beads = align(fr, en, fr_paragraphs=fr_paras, en_paragraphs=en_paras)
    diagnosis = diagnose(beads)
    flags = []
    if diagnosis.unrelated:
        flags.append(
            f"the documents do not look like translations of each other: mean bead score "
            f"{diagnosis.mean_score:.2f}, {diagnosis.low} of {diagnosis.pairs} pairs low-confidence"
        )
    return Alignment.from_beads(beads, fr, en, Path(fr_path).name, Path(en_path).name, flags)


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
