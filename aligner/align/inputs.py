"""Turning inputs into the two sentence lists ``align`` takes (no file access here)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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


class TermAnchors(Sequence):
    """(French, English) term pairs for ``align(terms=...)``, prepared once for many
    alignments (a server aligns every pasted text against the same termbase).

    As a sequence it is the pairs themselves. :meth:`present` gives the pairs whose two forms
    both occur in the sentences (a term occurs when its folded form is in a folded sentence,
    as :func:`aligner.align.features.sentence_keys` tests it), found with one automaton scan
    per side instead of a test per term and sentence; only those pairs can make a key that
    both sides share, so aligning with them gives the same beads as with all the pairs.

    >>> anchors = TermAnchors([("OTSC", "CSTO"), ("Sécurité", "Security"), ("ONU", "UN")])
    >>> len(anchors), anchors[0]
    (3, ('OTSC', 'CSTO'))
    >>> anchors.present(["L'OTSC et la sécurité."], ["The CSTO and the UN."])
    [('OTSC', 'CSTO')]
    """

    def __init__(self, pairs: Iterable[tuple[str, str]]):
        self._pairs = list(pairs)
        self._fr = _TermScan(fr for fr, _en in self._pairs)
        self._en = _TermScan(en for _fr, en in self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)

    def __getitem__(self, index):
        return self._pairs[index]

    def present(self, fr: Sequence[str], en: Sequence[str]) -> list[tuple[str, str]]:
        """The pairs whose French form occurs in a sentence of ``fr`` and English form in one
        of ``en``, in their order."""
        found = self._fr.found(fr) & self._en.found(en)
        return [self._pairs[k] for k in sorted(found)]


#: Joins the folded sentences of a side for one scan (no folded term holds it: see _TermScan).
_JOIN = "\x00"


class _TermScan:
    """The positions of the terms (folded) that occur in some folded sentence of a side."""

    def __init__(self, terms: Iterable[str]):
        import ahocorasick

        from aligner.align.tokens import fold

        self._automaton = ahocorasick.Automaton()
        self._odd: list[tuple[int, str]] = []  # terms holding _JOIN: tested one by one
        by_form: dict[str, list[int]] = {}
        for k, term in enumerate(terms):
            folded = fold(term)
            if not folded:  # sentence_keys skips empty terms
                continue
            if _JOIN in folded:
                self._odd.append((k, folded))
            else:
                by_form.setdefault(folded, []).append(k)
        for form, positions in by_form.items():
            self._automaton.add_word(form, tuple(positions))
        if by_form:
            self._automaton.make_automaton()

    def found(self, sentences: Sequence[str]) -> set[int]:
        from aligner.align.tokens import fold

        folded = [fold(s) for s in sentences]
        out: set[int] = set()
        if len(self._automaton):
            for _end, positions in self._automaton.iter(_JOIN.join(folded)):
                out.update(positions)
        out.update(k for k, term in self._odd if any(term in s for s in folded))
        return out
