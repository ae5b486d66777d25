"""One document pair, start to end: read, clean and segment both sides, align, diagnose.

Every front end (``termalign align``, ``termalign align-corpus``, ``termalign check FR EN``,
the web pages and API) aligns a French document with its English translation through these
functions, so they all produce the same beads, the same warnings and the same flags.

- :func:`sentences_from_text` / :func:`read_sentences`: one side's sentences and the
  paragraph number of each (cleaned and segmented, or one sentence per line with
  ``segmented=True``);
- :func:`align_sentences`: align two sentence lists and diagnose the result;
- :func:`align_texts` / :func:`align_files`: both steps for two texts or two files.

The result, :class:`PairAlignment`, carries the :class:`~aligner.formats.Alignment` to write
(its ``warnings`` are the flags written into the output: the two sides do not look like
translations) and every warning for the user (also: the paragraph counts differ).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from aligner.align import align, diagnose
from aligner.align.bead import Bead, Diagnosis
from aligner.align.inputs import from_sentences, paragraph_count, parse_segmented
from aligner.direction import detect_source
from aligner.errors import InputError
from aligner.formats.model import Alignment

_LANG_NAMES = {"fr": "French", "en": "English"}


def sentences_from_text(text: str, lang: str, segmented: bool = False) -> tuple[list[str], list[int]]:
    """The sentences of a document's text and the paragraph number of each.

    The text is cleaned (:func:`aligner.clean.clean_text`) and split into sentences, unless
    ``segmented``: then it already holds one sentence per line, a blank line ending a
    paragraph.

    >>> sentences_from_text("Un.\\nDeux.\\n\\nTrois.\\n", "fr", segmented=True)
    (['Un.', 'Deux.', 'Trois.'], [0, 0, 1])
    """
    if segmented:
        return parse_segmented(text)
    from aligner.clean import clean_text
    from aligner.segment import segment_document

    return from_sentences(segment_document(clean_text(text, lang)))


def read_sentences(path: str | Path, lang: str, segmented: bool = False) -> tuple[list[str], list[int]]:
    """The sentences of the document at ``path`` (any format :mod:`aligner.readers` reads)."""
    from aligner.readers import read_text

    return sentences_from_text(read_text(path), lang, segmented)


def unrelated_warning(diagnosis: Diagnosis) -> str:
    """The flag of two documents that do not look like translations of each other."""
    return (
        f"the documents do not look like translations of each other: mean bead score "
        f"{diagnosis.mean_score:.2f}, {diagnosis.low} of {diagnosis.pairs} pairs low-confidence"
    )


def paragraph_warning(fr_paragraphs: Sequence[int], en_paragraphs: Sequence[int]) -> str | None:
    """The warning when the two sides have different paragraph counts, else ``None``.

    >>> paragraph_warning([0, 1], [0, 0]) is None
    False
    >>> paragraph_warning([0, 1], [0, 3]) is None
    True
    """
    fr_count, en_count = paragraph_count(fr_paragraphs), paragraph_count(en_paragraphs)
    if fr_count == en_count:
        return None
    return (
        f"paragraph counts differ (French {fr_count}, English {en_count}): paragraph breaks "
        f"are used as hints only"
    )


@dataclass
class PairAlignment:
    """An aligned document pair, with its diagnosis and the warnings for the user."""

    fr: list[str]
    en: list[str]
    fr_paragraphs: list[int] | None
    en_paragraphs: list[int] | None
    beads: list[Bead]
    diagnosis: Diagnosis
    #: Every warning, in order: paragraph counts differ, then the output's flags.
    warnings: list[str]
    #: What the formats write; its ``warnings`` are the flags (documents unrelated).
    alignment: Alignment

    @property
    def unrelated(self) -> bool:
        """The two documents do not look like translations of each other."""
        return self.diagnosis.unrelated


def align_sentences(
    fr: Sequence[str],
    en: Sequence[str],
    fr_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
    *,
    terms: Sequence[tuple[str, str]] | None = None,
    embedder=None,
    fr_name: str = "",
    en_name: str = "",
    source: str = "fr",
) -> PairAlignment:
    """Align French sentences with English ones (:func:`aligner.align.align`) and diagnose.

    ``terms`` are (fr, en) term pairs used as anchors, ``embedder`` an optional sentence
    embedder (:func:`aligner.align.embed.load_embedder`), ``source`` the original side
    (``fr`` or ``en``: the TMX ``srclang`` and ``<tuv>`` order). Raises
    :class:`~aligner.errors.AlignmentError` when a side has no sentences.
    """
    fr, en = list(fr), list(en)
    fr_paras = None if fr_paragraphs is None else list(fr_paragraphs)
    en_paras = None if en_paragraphs is None else list(en_paragraphs)
    warnings = []
    if fr and en and fr_paras and en_paras:
        message = paragraph_warning(fr_paras, en_paras)
        if message:
            warnings.append(message)
    beads = align(fr, en, fr_paragraphs=fr_paras, en_paragraphs=en_paras, terms=terms,
                  embedder=embedder)
    diagnosis = diagnose(beads)
    flags = [unrelated_warning(diagnosis)] if diagnosis.unrelated else []
    alignment = Alignment.from_beads(beads, fr, en, fr_name, en_name, flags, source)
    return PairAlignment(fr, en, fr_paras, en_paras, list(beads), diagnosis, warnings + flags,
                         alignment)


def align_texts(
    fr_text: str,
    en_text: str,
    *,
    segmented: bool = False,
    terms: Sequence[tuple[str, str]] | None = None,
    embedder=None,
    fr_name: str = "",
    en_name: str = "",
    source: str | None = None,
) -> PairAlignment:
    """Clean, segment and align the text of a French document and of its translation.

    ``source`` (``fr``/``en``) is the original side; ``None`` detects it from the texts
    (:func:`aligner.direction.detect_source`).
    """
    if source is None:
        source = detect_source(fr_text, en_text).source
    fr, fr_paras = sentences_from_text(fr_text, "fr", segmented)
    en, en_paras = sentences_from_text(en_text, "en", segmented)
    return align_sentences(fr, en, fr_paras, en_paras, terms=terms, embedder=embedder,
                           fr_name=fr_name, en_name=en_name, source=source)


def align_files(
    fr_path: str | Path,
    en_path: str | Path,
    *,
    segmented: bool = False,
    terms: Sequence[tuple[str, str]] | None = None,
    embedder=None,
    source: str | None = None,
) -> PairAlignment:
    """Read, clean, segment and align a French document and its English translation.

    ``source`` as for :func:`align_texts` (``None``: detected from the documents' Original
    lines). The output names the files by their base names. Raises
    :class:`~aligner.errors.InputError` (unreadable, binary or empty input, a side without
    sentences, named by its path).
    """
    from aligner.readers import read_text

    sides, texts = [], []
    for path, lang in ((fr_path, "fr"), (en_path, "en")):
        text = read_text(path)
        sentences, paragraphs = sentences_from_text(text, lang, segmented)
        if not sentences:
            raise InputError(f"{path}: the {_LANG_NAMES[lang]} side has no sentences")
        sides.append((sentences, paragraphs))
        texts.append(text)
    if source is None:
        source = detect_source(*texts).source
    (fr, fr_paras), (en, en_paras) = sides
    return align_sentences(fr, en, fr_paras, en_paras, terms=terms, embedder=embedder,
                           fr_name=Path(fr_path).name, en_name=Path(en_path).name,
                           source=source)


__all__ = [
    "PairAlignment",
    "align_files",
    "align_sentences",
    "align_texts",
    "paragraph_warning",
    "read_sentences",
    "sentences_from_text",
    "unrelated_warning",
]
