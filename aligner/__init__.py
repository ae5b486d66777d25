"""aligner: clean PDF-extracted UN text, split it into sentences, align French with English.

A pure library: no printing, no command-line parsing, no ``sys.exit``. Errors are raised
as the named exceptions of :mod:`aligner.errors`.
"""

from aligner.document import Document, Footnote, Paragraph, Sentence
from aligner.errors import AlignerError, AlignmentError, InputError

__all__ = [
    "AlignerError",
    "AlignmentError",
    "Document",
    "Footnote",
    "InputError",
    "Paragraph",
    "Sentence",
]
