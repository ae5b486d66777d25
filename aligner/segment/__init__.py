"""Sentence segmentation for French and English UN text.

Punkt (nltk) with parameters trained on UN text and shipped in ``aligner/data``, a curated
list of UN abbreviations, and rules for document symbols, paragraph markers, initials and
quotations (:mod:`aligner.segment.rules`).
"""

from aligner.segment.language import guess_language, language_warning
from aligner.segment.split import segment_document, sentences, split_sentences

__all__ = [
    "guess_language",
    "language_warning",
    "segment_document",
    "sentences",
    "split_sentences",
]
