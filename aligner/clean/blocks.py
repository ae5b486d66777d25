"""Group running-text lines into paragraphs and tell their kind.

A new paragraph starts at a marker (``12.``, ``a)``, ``-``) that continues the numbering, at
a line indented by two spaces or more, at a line indented by one space after a line that ends
a sentence, after a blank line, and at a signature (``(Signé)``, ``(Signed)``). Page
furniture between two lines (headers, footnotes, references) is not a paragraph break: the
paragraph continues on the next page unless the next line starts a paragraph by itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aligner.clean.lexicon import Lexicon
from aligner.clean.lines import ORIGINAL_LINE, Line
from aligner.clean.traced import Traced

NUMBERED = re.compile(r"^(\d{1,3})\.(?:\s+|$)")
LETTERED = re.compile(r"^\(?([a-z]|[ivx]{1,5})\)(?:\s+|$)")
BULLET = re.compile(r"^([-•–—▪◦])\s+")
ROMAN = re.compile(r"^([IVXL]{1,6}|[A-H])\.\s+")
SIGNED = re.compile(r"^\(\s*(?:Signé|Signée|Signed|Firmado)\b", re.IGNORECASE)
#: Titles of a signatory, printed above (French) or below (English) the signature.
SIGNATORY = re.compile(
    r"^(?:L[’']Ambassadeur|L[’']Ambassadrice|Le Représentant|La Représentante|"
    r"Le Chargé d[’']affaires|La Chargée d[’']affaires|Ambassador|Permanent Representative|"
    r"Chargé d[’']affaires|Représentant permanent|Représentante permanente)",
    re.IGNORECASE,
)
#: The words that open a preambular paragraph of a resolution (``Rappelant ...,``); a
#: participle or an adjective agreeing with the body (``Consciente``, ``Deeply concerned``).
PREAMBLE = re.compile(
    r"^(?:(?:Rappelant|Notant|Considérant|Réaffirmant|Soulignant|Prenant|Accueillant|Saluant|"
    r"Ayant|Reconnaissant|Se félicitant|Tenant|Gardant|Sachant|Constatant|Déplorant|Affirmant|"
    r"Insistant|Exprimant|Condamnant|Estimant|Réitérant|Se déclarant|Profondément|Vivement|"
    r"Gravement|Sérieusement|Également|Rappelant|Compte tenu|Consciente?s?|Convaincue?s?|"
    r"Préoccupée?s?|Inquiète|Alarmée?s?|Résolue?s?|Guidée?s?|Désireuse|Encouragée?s?|"
    r"Déterminée?s?|Attachée?s?|Persuadée?s?|Satisfaite?s?)|[A-ZÉ][a-zéèêîô]+ant)\b"
    r"|^(?:Recalling|Noting|Considering|Reaffirming|Emphasizing|Stressing|Underlining|"
    r"Taking|Welcoming|Having|Recognizing|Bearing|Expressing|Acknowledging|Reiterating|"
    r"Affirming|Conscious|Convinced|Concerned|Aware|Mindful|Alarmed|Determined|Guided|"
    r"Desirous|Deeply|Gravely|Seriously|Further|Encouraged|Cognizant|Believing|Appreciating|"
    r"Commending|Deploring|Condemning|Regretting|Observing|Underscoring|Highlighting|"
    r"Seeking|Acting|Reaffirming|Also|Noting|[A-Z][a-z]+ing)\b"
)
#: The body a resolution speaks for, before its preamble: ``L’Assemblée générale,``.
ADOPTING = re.compile(
    r"^(?:L[’']Assemblée générale|Le Conseil de sécurité|Le Conseil économique et social|"
    r"Le Conseil des droits de l[’']homme|La Commission[^,]{0,60}|The General Assembly|"
    r"The Security Council|The Economic and Social Council|The Human Rights Council|"
    r"The Commission[^,]{0,60}),$"
)
#: An annex heading alone on its line.
ANNEX = re.compile(r"^(?:Annex(?:e|es)?|Appendix|Appendices|Appendice|Pièce jointe|Enclosure)"
                   r"(?:\s+(?:[IVX]{1,5}|\d{1,2}))?$")
#: The meeting that adopted a resolution, under its last paragraph.
PLENARY = re.compile(r"^\d{1,4}(?:e|re|th|st|nd|rd) (?:séance plénière|plenary meeting|séance|meeting)$")
#: A resolution number before its title: ``48/161. Mariage et rapports familiaux``.
RESOLUTION_NUMBER = re.compile(r"^(\d{1,3}/\d{1,3}(?:\s*[A-Z])?)\.\s+(?=\S)")
#: Characters that end a sentence (or a lead-in) at the end of a line.
TERMINAL = ".:;!?»)”…]"
_ROMAN_ORDER = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]


@dataclass
class Block:
    """Lines forming one paragraph, before their text is joined and repaired."""

    lines: list[Line] = field(default_factory=list)
    kind: str = "body"
    marker: str = ""
    #: Set on a ``(Signé) ...`` / ``(Signed) ...`` block.
    signed: bool = False
    #: The block follows a blank line.
    after_blank: bool = False

    def flat(self) -> str:
        return " ".join(line.content for line in self.lines)


def ends_sentence(text: str) -> bool:
    """The line ends with sentence-final (or lead-in) punctuation.

    >>> ends_sentence("armés. "), ends_sentence("**les erreurs**"), ends_sentence("à :")
    (True, False, True)
    """
    text = text.rstrip().rstrip("*").rstrip()
    text = re.sub(r"\d+$", "", text) if re.search(r"[.)»]\d{1,2}$", text) else text
    return bool(text) and text[-1] in TERMINAL


class _Numbering:
    """Paragraph numbers and item letters seen so far, to accept only their successors."""

    def __init__(self) -> None:
        self.number = 0
        self.letter = ""

    def accepts_number(self, n: int) -> bool:
        return n == 1 or self.number == 0 or self.number < n <= self.number + 2

    def accepts_letter(self, letter: str) -> bool:
        if letter in ("a", "i"):
            return True
        if letter in _ROMAN_ORDER and self.letter in _ROMAN_ORDER:
            return _ROMAN_ORDER.index(letter) == _ROMAN_ORDER.index(self.letter) + 1
        return len(letter) == 1 and bool(self.letter) and ord(letter) == ord(self.letter[-1]) + 1


def group_blocks(lines: list[Line], interleaved: bool) -> list[Block]:
    """Group ``text`` and ``masthead`` lines into blocks (masthead: one block per column)."""
    blocks: list[Block] = []
    numbering = _Numbering()
    current: Block | None = None
    prev: Line | None = None
    pause = "none"  # what lies between ``prev`` and the line at hand: none, blank or page
    empties = 0
    width = 0 if interleaved else wrap_width(lines)
    resolution = False  # an ``L’Assemblée générale,`` line was seen: preambular paragraphs
    for line in lines:
        if line.role == "empty":
            empties += 1
            if empties >= 2 and pause == "none":
                pause = "blank"
            continue
        empties = 0
        if line.role == "blank":
            if pause == "none":
                pause = "blank"
            continue
        if line.role == "masthead":
            current = None
            blocks.append(Block([line], kind="masthead"))
            prev, pause = None, "blank"
            continue
        if line.role == "toc":
            current, pause = None, "blank"
            continue
        if line.role != "text":
            pause = "page"
            continue
        marker = _marker(line, prev, pause, numbering, current, width)
        resolution = resolution or bool(ADOPTING.match(line.content))
        if (
            current is None
            or prev is None
            or _starts_paragraph(line, prev, pause, marker, current, width, resolution)
        ):
            current = Block([line], after_blank=pause == "blank")
            if marker:
                current.kind, current.marker = marker
                _advance(numbering, current)
            blocks.append(current)
        else:
            current.lines.append(line)
        prev, pause = line, "none"
    for index, block in enumerate(blocks):
        _classify(block, blocks[index - 1] if index else None, _next(blocks, index))
    return blocks


def _next(blocks: list[Block], index: int) -> Block | None:
    return blocks[index + 1] if index + 1 < len(blocks) else None


def _marker(
    line: Line,
    prev: Line | None,
    pause: str,
    numbering: _Numbering,
    current: Block | None,
    width: int = 0,
) -> tuple[str, str] | None:
    """``(kind, marker)`` when the line opens a numbered, lettered or bulleted paragraph."""
    content = line.content
    at_start = prev is None or pause != "none" or ends_sentence(prev.content) or line.indent > 0
    if prev is not None and prev.content.endswith(",") and content.startswith("1. "):
        at_start = True  # the first operative paragraph, after the preamble
    if prev is not None and width >= 40 and len(prev.content) < 0.7 * width:
        at_start = at_start or not prev.content.endswith(("-", ","))  # after a heading line
    if not at_start and prev is not None and (match := NUMBERED.match(content)):
        # the next paragraph number after a heading that fills its line
        at_start = int(match.group(1)) == numbering.number + 1 and not _cites_number(prev.content)
    if not at_start:
        return None
    if match := RESOLUTION_NUMBER.match(content):
        return "heading", match.group(1) + "."
    if match := NUMBERED.match(content):
        if numbering.accepts_number(int(match.group(1))):
            return "numbered", match.group(1) + "."
        return None
    if (match := LETTERED.match(content)) and numbering.accepts_letter(match.group(1)):
        return "lettered", match.group(0).strip()
    after_item = current is not None and current.kind == "bullet"
    if (match := BULLET.match(content)) and (
        pause != "none" or ends_sentence(prev.content if prev else ".") or after_item
    ):
        return "bullet", match.group(1)
    set_apart = pause != "none" or line.indent > 0 or prev is None
    if not set_apart and width >= 40 and len(content) < 0.75 * width:
        set_apart = _is_caps(content) or not ends_sentence(content)  # a one-line heading
    if not set_apart and prev is not None and ends_sentence(prev.content):
        set_apart = bool(re.match(r"[IVX]{1,5}\.\s+[A-ZÀ-Ý]", content))  # a Roman-numbered heading, up to 30
    if set_apart and (match := ROMAN.match(content)):
        return "heading", match.group(1) + "."
    return None


_CITING = re.compile(
    r"(?:\b(?:paragraphes?|paragraphs?|par|para|paras|articles?|art|sections?|chapitres?|"
    r"chapters?|pages?|p|pp|points?|items?|annexes?|annex|résolutions?|resolutions?|règles?|"
    r"rules?|no|nos|n°|et|and|à|au|aux|to|of|de|des|du|le|la|les|the|in|en|et|or|ou)|[\d,(])$",
    re.IGNORECASE,
)


def _cites_number(text: str) -> bool:
    """The line ends where a number would continue the sentence (``au paragraphe``).

    >>> _cites_number("comme indiqué au paragraphe"), _cites_number("Développement durable")
    (True, False)
    """
    return bool(_CITING.search(text.rstrip()))


def _advance(numbering: _Numbering, block: Block) -> None:
    if block.kind == "numbered":
        numbering.number = int(block.marker[:-1])
        numbering.letter = ""
    elif block.kind == "lettered":
        numbering.letter = block.marker.strip("()")


def wrap_width(lines: list[Line]) -> int:
    """The width the text was wrapped at: the 80th percentile of text line lengths
    (0 when lines are too few to tell).

    >>> from aligner.clean.lines import split_lines
    >>> wrap_width(split_lines("\\n".join(["x" * n for n in (70, 80, 80, 75, 30)])))
    80
    """
    lengths = sorted(len(line.content) for line in lines if line.role == "text")
    return lengths[int(0.8 * (len(lengths) - 1))] if len(lengths) >= 3 else 0


def _starts_paragraph(
    line: Line,
    prev: Line,
    pause: str,
    marker: tuple[str, str] | None,
    current: Block,
    width: int,
    resolution: bool = False,
) -> bool:
    if marker is not None or SIGNED.match(line.content) or SIGNED.match(prev.content):
        return True
    if ORIGINAL_LINE.match(line.content) or ORIGINAL_LINE.match(prev.content):
        return True
    if pause == "blank":
        return True
    if line.indent >= 2:
        return True
    if line.indent == 1:
        short = len(prev.content) <= 40 and len(prev.content.split()) <= 5
        if len(current.lines) == 1 and prev.indent >= 1 and short:
            return True  # after a one-line heading: " Résumé" / " La coopération ..."
        return ends_sentence(prev.content) or pause == "page" and line.content[:1].isupper()
    worded = all(sum(c.isalpha() for c in t) >= 4 for t in (prev.content, line.content))
    if worded and _is_caps(prev.content) != _is_caps(line.content):
        return True  # a heading in capitals ends where the capitals end
    if ADOPTING.match(prev.content) or ADOPTING.match(line.content) or PLENARY.match(line.content):
        return True
    if ANNEX.match(line.content) or ANNEX.match(prev.content):
        return True
    if resolution and prev.content.endswith(",") and _opens_preamble(line.content):
        return True  # a preambular paragraph ends with a comma
    # Without indentation or blank lines, a line ending well short of the wrap width ends
    # its paragraph (or heading) when the next line opens a sentence.
    early = width >= 40 and len(prev.content) < 0.7 * width
    open_end = prev.content.rstrip("*")[-1:] in ",-–"
    opens = line.content[:1] in _OPENERS or (line.content[:1].isdigit() and prev.content[-1:] in ".;")
    return early and not open_end and opens


_OPENERS = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÉÈÊÎÔÛÇ«“"([')


def _opens_preamble(text: str) -> bool:
    """The line opens a preambular paragraph (its first word may be split by the extraction:
    ``Empha sizing``).

    >>> _opens_preamble("Rappelant sa résolution"), _opens_preamble("Empha sizing the need")
    (True, True)
    """
    return bool(PREAMBLE.match(text) or PREAMBLE.match(text.replace(" ", "", 1)))


def _is_caps(text: str) -> bool:
    """A line in capitals (``RESOLUTION ADOPTEE PAR L’ASSEMBLEE GENERALE``).

    >>> _is_caps("I. CODE DE CONDUITE"), _is_caps("Code de conduite"), _is_caps("ONU.")
    (True, False, False)
    """
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and all(c.isupper() for c in letters)


def _classify(block: Block, before: Block | None, after: Block | None) -> None:
    """Set the kind of a block that has no marker: masthead, signature, heading or body."""
    text = block.flat()
    if block.kind == "heading" and block.marker:
        if len(text) > 400 or text.rstrip("* ").endswith("."):
            block.kind = "body"
        return
    if block.kind != "body":
        return
    if ORIGINAL_LINE.match(text):
        block.kind = "masthead"
    elif text.endswith(",") and _opens_preamble(text) and before is not None and (
        before.kind == "preamble" or ADOPTING.match(before.flat())
    ):
        block.kind = "preamble"
    elif SIGNED.match(text):
        block.kind = "signature"
        block.signed = True
    elif _signature_title(block, before, after):
        block.kind = "signature"
    elif len(text) <= (500 if block.lines[0].indent >= 2 else 300) and (
        text.rstrip("* ")[-1:] not in ".;:!?,…"
    ):
        block.kind = "heading"


def _signature_title(block: Block, before: Block | None, after: Block | None) -> bool:
    text = block.flat()
    if len(text) > 250 or text.rstrip("* ").endswith("."):
        return False
    if block.lines[0].indent >= 2:
        return False
    if SIGNATORY.match(text):
        return any(other is not None and SIGNED.match(other.flat()) for other in (before, after))
    if re.match(r"(?:Annexe?|Pièce jointe|Enclosure|Appendi)", text):
        return False
    return before is not None and before.signed and not block.after_blank and len(block.lines) <= 3


def join_lines(lines: list[Line], source: str, lexicon: Lexicon) -> Traced:
    """The lines' text joined by spaces; a line-final hyphen joins the next line directly
    (and is dropped only when the word without it is known and a piece is not a word)."""
    result = Traced()
    for line in lines:
        raw = line.raw
        left = max(len(raw) - len(raw.lstrip()), line.skip)
        left += len(raw[left:]) - len(raw[left:].lstrip())
        right = len(raw.rstrip())
        piece = Traced.from_source(source, line.start + left, line.start + right)
        piece = piece.sub("\f", "")
        if not piece.text:
            continue
        result = _join(result, piece, lexicon) if result.text else piece
    return result


def _join(left: Traced, right: Traced, lexicon: Lexicon) -> Traced:
    head, tail = left.text, right.text
    if head.endswith("\u00ad"):  # a soft hyphen: the word goes on, without a hyphen
        return left.delete(len(head) - 1, len(head)) + right
    if head.endswith("-") and len(head) > 1 and tail[:1].isalpha():
        before = re.search(r"(?<![^\W\d_])([^\W\d_]+)-$", head)  # no O(n²) rescans
        after = re.match(r"[^\W\d_]+", tail)
        if before and after and lexicon.should_join(before.group(1), after.group(0)):
            return left.delete(len(head) - 1, len(head)) + right
        return left + right
    joined = Traced(left.text, list(left.offsets))
    joined.append(" ", left.offsets[-1] + 1)
    return joined + right
