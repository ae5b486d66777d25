"""The data model shared by cleaning, segmentation and alignment.

Offsets (``start``/``end``) are character offsets into :attr:`Document.source`, the decoded
text of the input file, so that every later stage can point back to the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: The kinds of paragraph the cleaner recognises.
PARAGRAPH_KINDS = (
    "masthead",  # Nations Unies / Conseil de sécurité / Distr. générale / date / languages
    "heading",  # titles, section headings ("I. Introduction", "Contexte")
    "numbered",  # numbered paragraph: "12. ..."
    "lettered",  # lettered item: "a) ..."
    "preamble",  # preambular paragraph of a resolution: "Rappelant ...," (operative: numbered)
    "bullet",  # "- ..." or "• ..."
    "body",  # ordinary running text
    "signature",  # signature block: "(Signé) Dang Dinh Quy", titles of the signatory
    "footnote",  # a footnote body, moved out of the running text
)


@dataclass
class Footnote:
    """A footnote body, detached from the page where it was printed."""

    number: str
    text: str
    start: int = 0
    end: int = 0


@dataclass
class Paragraph:
    """One paragraph of cleaned text.

    ``text`` keeps the paragraph marker (``12.``, ``a)``, ``-``) at its start, as printed;
    ``marker`` repeats it on its own. ``notes`` are the footnote numbers that were glued to
    words of this paragraph and detached from them; ``refs`` are the ``https://undocs.org/...``
    and ``mailto:`` references printed under the paragraph's page.
    """

    kind: str
    text: str
    start: int = 0
    end: int = 0
    marker: str = ""
    notes: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    #: Source offset of every character of ``text`` (same length as ``text``), when known.
    offsets: list[int] | None = field(default=None, repr=False, compare=False)


@dataclass
class Sentence:
    """One sentence; ``paragraph`` is its paragraph's index in :attr:`Document.paragraphs`."""

    text: str
    paragraph: int = 0
    start: int = 0
    end: int = 0


@dataclass
class Document:
    """A cleaned document: ordered paragraphs, detached footnotes and the removed header."""

    lang: str
    source: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    #: Masthead lines kept as the document header (never glued into the body).
    header: list[str] = field(default_factory=list)
    #: The document symbol when the text gives one (``S/2021/297``).
    symbol: str | None = None
    #: Non-fatal remarks for the user (for example a language that looks wrong).
    warnings: list[str] = field(default_factory=list)

    def body(self) -> list[Paragraph]:
        """The paragraphs of running text: everything but the masthead and footnotes."""
        return [p for p in self.paragraphs if p.kind not in ("masthead", "footnote")]
