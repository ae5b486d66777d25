"""Turning inputs into the two sentence lists ``align`` takes (no file access here)."""

from __future__ import annotations

from collections.abc import Sequence

from aligner.document import Sentence


def parse_segmented(text: str) -> tuple[list[str], list[int]]:
    """Sentences of a one-sentence-per-line text and their paragraph numbers.

    A blank line ends a paragraph; indices count sentence lines only (blank lines are not
    sentences), as hunalign and vecalign count them when there are no blank lines.

    >>> parse_segmented("Un.\\nDeux.\\n\\nTrois.\\n")
    (['Un.', 'Deux.', 'Trois.'], [0, 0, 1])
    """
    sentences: list[str] = []
    paragraphs: list[int] = []
    paragraph = 0
    pending_break = False
    for line in text.splitlines():
        line = line.strip()
        if not line:
            pending_break = bool(sentences)
            continue
        if pending_break:
            paragraph += 1
            pending_break = False
        sentences.append(line)
        paragraphs.append(paragraph)
    return sentences, paragraphs


def from_sentences(units: Sequence[Sentence]) -> tuple[list[str], list[int]]:
    """Texts and paragraph numbers of segmented :class:`~aligner.document.Sentence` objects.

    >>> from_sentences([Sentence("A.", 0), Sentence("B.", 2)])
    (['A.', 'B.'], [0, 2])
    """
    return [s.text for s in units], [s.paragraph for s in units]


def paragraph_count(paragraphs: Sequence[int]) -> int:
    """How many distinct paragraphs hold sentences.

    >>> paragraph_count([0, 0, 1, 3])
    3
    """
    return len(set(paragraphs))
