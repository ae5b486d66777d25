"""Split text and documents into sentences."""

from __future__ import annotations

from aligner.document import Document, Sentence
from aligner.segment.params import check_lang, curated_abbreviations, tokenizer
from aligner.segment.rules import (
    BreakFilter,
    final_abbreviation_breaks,
    label_breaks,
    realign,
    sentence_end,
)
from ioguard import budget

#: Paragraph kinds that are one unit each, never split (a preambular paragraph of a
#: resolution is one clause ending with a comma).
WHOLE_KINDS = ("heading", "signature", "preamble")


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``.

    >>> t = "M. Dupont (S/2015/446-A/70/95) a parlé. « C’est clair. » Il part."
    >>> [t[a:b] for a, b in split_sentences(t, "fr")]
    ['M. Dupont (S/2015/446-A/70/95) a parlé.', '« C’est clair. »', 'Il part.']
    """
    check_lang(lang)
    start = len(text) - len(text.lstrip())
    stop = len(text.rstrip())
    if start >= stop:
        return []
    abbreviations = curated_abbreviations(lang)
    rules = BreakFilter(text, abbreviations.bound)
    candidates = {a for a, _b in tokenizer(lang).span_tokenize(text, realign_boundaries=False)}
    candidates |= final_abbreviation_breaks(text, abbreviations.final) | label_breaks(text)
    breaks = []
    for candidate in sorted(candidates):
        if candidate <= start:
            continue
        pos = realign(text, candidate)
        last = breaks[-1] if breaks else start
        if pos < stop and pos > last and rules.keep(pos, last):
            breaks.append(pos)
    spans = []
    for pos in breaks:
        spans.append((start, sentence_end(text, pos)))
        start = pos
    spans.append((start, stop))
    return spans


def sentences(text: str, lang: str) -> list[str]:
    """The sentences of ``text``.

    >>> sentences("Selon l’art. 5, le montant est de 1 234,5 dollars. Il est payé.", "fr")
    ['Selon l’art. 5, le montant est de 1 234,5 dollars.', 'Il est payé.']
    """
    return [text[a:b] for a, b in split_sentences(text, lang)]


def segment_document(doc: Document) -> list[Sentence]:
    """The sentences of the body of ``doc``, each within one paragraph.

    Every paragraph starts a new sentence; headings and signature lines are one unit each.
    ``start``/``end`` are offsets into ``doc.source`` (through ``Paragraph.offsets`` when the
    cleaner provides them).
    """
    lang = check_lang(doc.lang)
    result = []
    for index, para in enumerate(doc.paragraphs):
        budget.check()  # (a web request's time budget)
        if para.kind in ("masthead", "footnote") or not para.text.strip():
            continue
        if para.kind in WHOLE_KINDS:
            a = len(para.text) - len(para.text.lstrip())
            spans = [(a, len(para.text.rstrip()))]
        else:
            spans = split_sentences(para.text, lang)
        for a, b in spans:
            start, end = _source_span(doc, index, a, b)
            result.append(Sentence(para.text[a:b], index, start, end))
    return result


def _source_span(doc: Document, index: int, a: int, b: int) -> tuple[int, int]:
    para = doc.paragraphs[index]
    offsets = para.offsets
    if offsets and len(offsets) == len(para.text):
        return offsets[a], offsets[b - 1] + 1
    if doc.source[para.start : para.end] == para.text:
        return para.start + a, para.start + b
    return para.start, para.end
