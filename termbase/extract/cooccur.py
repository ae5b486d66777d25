"""French–English equivalents from aligned sentence pairs, by co-occurrence statistics.

Acronyms are counted in each French and each English sentence of a parallel corpus (the UN
Parallel Corpus sets, an aligned document pair, a TMX); a French acronym is linked to the
English acronym it co-occurs with best by the Dice coefficient
``2·c(fr, en) / (c(fr) + c(en))``, one to one (competitive linking: the best-scoring links are
taken first and each acronym is used once). Acronym–definition pairs found on either side
(``Communauté économique des États de l’Afrique centrale (CEEAC)`` /
``Economic Community of Central African States (ECCAS)``) give the full forms, and the
sentence pairs where both acronyms occur are kept as evidence.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.acronyms import ACRONYM, find_definitions, is_acronym
from termbase.extract.text import fold, wordset
from termbase.model import Concept, Evidence, Term

_TOKEN = re.compile(rf"(?<![\w\-/])({ACRONYM})(?![\w\-/])")
#: All-capital words that are not acronyms of a body (Roman numerals are dropped apart).
NOT_ACRONYMS = wordset("ONU UN NU OK AM PM TV II")


@dataclass
class AlignedPair:
    """One French sentence and its English translation."""

    fr: str
    en: str
    #: Where the pair comes from (``UNv1.0.devset.fr:12``).
    source: str = ""
    #: The UN document symbol of the pair, when known (``S/2014/958``).
    symbol: str = ""


@dataclass
class AcronymLink:
    """A French acronym and its English equivalent, with their statistics and full forms."""

    fr: str
    en: str
    joint: int
    count_fr: int
    count_en: int
    dice: float
    fr_definition: str = ""
    en_definition: str = ""
    evidence: list[AlignedPair] = field(default_factory=list)

    @property
    def confidence(self) -> float:
        """Dice, discounted when the pair was seen few times (1 → ×0.5, 3 → ×0.75).

        >>> AcronymLink("CEEAC", "ECCAS", 5, 5, 5, 1.0).confidence
        0.83
        """
        return round(self.dice * self.joint / (self.joint + 1), 2)


def normalise_acronym(token: str) -> str:
    """Drop an English plural ``s`` and a lower-case word hyphenated to an acronym.

    >>> [normalise_acronym(t) for t in ("HFCs", "LRA-affected", "ONU-Femmes", "REDD-plus")]
    ['HFC', 'LRA', 'ONU-Femmes', 'REDD-plus']
    """
    token = re.sub(r"-[a-z]{5,}$", "", token)
    if re.fullmatch(r"[A-Z]{2,}s", token):
        token = token[:-1]
    return token


def _shaped(token: str) -> bool:
    # Most letters of the first part are capitals: not ``SharePoint`` or ``McLay``.
    first = re.split(r"[-\u2010\u2011]", token)[0]
    letters = [c for c in first if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def acronyms_in(sentence: str) -> set[str]:
    """The acronyms written in a sentence.

    >>> sorted(acronyms_in("La CEEAC et ONU-Femmes (voir S/2015/1) ; chapitre VII ; ONU ; HFCs"))
    ['CEEAC', 'HFC', 'ONU-Femmes']
    """
    found = set()
    for m in _TOKEN.finditer(sentence):
        token = normalise_acronym(m.group(1))
        if is_acronym(token) and _shaped(token) and token not in NOT_ACRONYMS:
            found.add(token)
    return found


def letters_agree(fr: str, en: str) -> bool:
    """Whether two acronyms could name the same thing on the strength of one sentence pair:
    the same numbers, and most letters of the shorter one in the other (``PNUD``/``UNDP``,
    ``OTAN``/``NATO``, but not the post grades ``SM-4``/``FS-4``).

    >>> letters_agree("PNUD", "UNDP"), letters_agree("CEEAC", "ECCAS"), letters_agree("SM-4", "FS-4")
    (True, True, False)
    """
    if re.findall(r"\d+", fr) != re.findall(r"\d+", en):
        return False
    a, b = Counter(c for c in fr.upper() if c.isalpha()), Counter(c for c in en.upper() if c.isalpha())
    shorter = min(sum(a.values()), sum(b.values()))
    return shorter > 0 and sum((a & b).values()) * 3 >= shorter * 2 + 1


def symbol_from_ids(line: str) -> str:
    """The document symbol in a UN Parallel Corpus ``.ids`` line.

    >>> symbol_from_ids("2015/s/2014/958 ar:84:1 en:87:1 fr:86:1")
    'S/2014/958'
    """
    first = line.split()[0] if line.split() else ""
    parts = first.split("/")
    if len(parts) > 1 and parts[0].isdigit() and len(parts[0]) == 4:
        parts = parts[1:]
    return "/".join(parts).upper()


def read_aligned(fr_path: str | Path, en_path: str | Path,
                 ids_path: str | Path | None = None) -> list[AlignedPair]:
    """Read a line-aligned corpus: line *i* of ``fr_path`` translates line *i* of ``en_path``."""
    fr_lines = Path(fr_path).read_text(encoding="utf-8").splitlines()
    en_lines = Path(en_path).read_text(encoding="utf-8").splitlines()
    if len(fr_lines) != len(en_lines):
        raise FormatError(
            f"{fr_path}: {len(fr_lines)} lines but {en_path} has {len(en_lines)}; "
            "not a line-aligned pair"
        )
    ids = Path(ids_path).read_text(encoding="utf-8").splitlines() if ids_path else []
    name = Path(fr_path).name
    return [
        AlignedPair(fr, en, f"{name}:{i + 1}", symbol_from_ids(ids[i]) if i < len(ids) else "")
        for i, (fr, en) in enumerate(zip(fr_lines, en_lines, strict=True))
    ]


def _best_definitions(texts: Iterable[str], lang: str) -> dict[str, str]:
    """For each acronym defined in ``texts``, its most frequent definition (letter-checked
    definitions preferred over bare names)."""
    seen: dict[str, Counter] = defaultdict(Counter)
    for text in texts:
        if "(" not in text:
            continue
        for pair in find_definitions(text, lang):
            seen[pair.acronym][pair.definition] += 2 if pair.method != "name" else 1
    return {acr: counts.most_common(1)[0][0] for acr, counts in seen.items()}


def align_acronyms(
    pairs: list[AlignedPair],
    min_joint: int = 2,
    min_dice: float = 0.5,
    max_evidence: int = 3,
    progress: Callable[[int], None] | None = None,
) -> list[AcronymLink]:
    """Link French acronyms to English ones over aligned sentence pairs.

    A link needs ``min_joint`` co-occurrences and a Dice of at least ``min_dice``; two
    different acronyms seen once are kept when they are the only acronym on both sides of
    their sentence pair.
    ``progress`` is called with the number of sentence pairs processed since the last call.

    >>> links = align_acronyms([
    ...     AlignedPair("La CEEAC a agi.", "ECCAS acted."),
    ...     AlignedPair("Le Conseil et la CEEAC.", "The Council and ECCAS."),
    ...     AlignedPair("Le PNUD.", "UNDP.")])
    >>> [(link.fr, link.en, link.joint, link.dice) for link in links]
    [('CEEAC', 'ECCAS', 2, 1.0), ('PNUD', 'UNDP', 1, 1.0)]
    """
    count_fr: Counter = Counter()
    count_en: Counter = Counter()
    joint: Counter = Counter()
    sole: set[tuple[str, str]] = set()
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, pair in enumerate(pairs):
        fr_set, en_set = acronyms_in(pair.fr), acronyms_in(pair.en)
        count_fr.update(fr_set)
        count_en.update(en_set)
        for f in fr_set:
            for e in en_set:
                joint[f, e] += 1
                if len(where[f, e]) < max_evidence:
                    where[f, e].append(index)
        if len(fr_set) == 1 and len(en_set) == 1:
            sole.add((next(iter(fr_set)), next(iter(en_set))))
        if progress and index % 500 == 499:
            progress(500)
    if progress:
        progress(len(pairs) % 500)
    scored = []
    for (f, e), c in joint.items():
        dice = 2 * c / (count_fr[f] + count_en[e])
        if dice < min_dice or (c < min_joint and (f == e or dice < 1.0 or (f, e) not in sole
                                                  or not letters_agree(f, e))):
            continue  # identical acronyms seen once teach nothing
        scored.append((dice, c, f == e, f, e))
    scored.sort(key=lambda s: (-s[0], -s[1], not s[2], s[3], s[4]))
    used_fr: set[str] = set()
    used_en: set[str] = set()
    links = []
    for dice, c, _, f, e in scored:
        if f in used_fr or e in used_en:
            continue
        used_fr.add(f)
        used_en.add(e)
        evidence = [pairs[i] for i in where[f, e]]
        links.append(AcronymLink(f, e, c, count_fr[f], count_en[e], round(dice, 3),
                                 evidence=evidence))
    _add_definitions(links, pairs)
    return links


def _add_definitions(links: list[AcronymLink], pairs: list[AlignedPair]) -> None:
    fr_def = _best_definitions((p.fr for p in pairs), "fr")
    en_def = _best_definitions((p.en for p in pairs), "en")
    for link in links:
        link.fr_definition = fr_def.get(link.fr, "")
        link.en_definition = en_def.get(link.en, "")


def link_to_concept(link: AcronymLink) -> Concept:
    """A non-curated concept for one link: both acronyms, the full forms seen, the evidence.

    >>> c = link_to_concept(AcronymLink("CEEAC", "ECCAS", 2, 2, 2, 1.0,
    ...     "Communauté économique des États de l’Afrique centrale", ""))
    >>> [(t.lang, t.type, t.text) for t in c.terms]
    [('fr', 'fullForm', 'Communauté économique des États de l’Afrique centrale'), \
('fr', 'acronym', 'CEEAC'), ('en', 'acronym', 'ECCAS')]
    """
    terms = []
    for lang, acronym, definition in (("fr", link.fr, link.fr_definition),
                                      ("en", link.en, link.en_definition)):
        if definition and fold(definition) != fold(acronym):
            terms.append(Term(lang, definition, "fullForm", "preferred"))
        terms.append(Term(lang, acronym, "acronym", "preferred"))
    confidence = link.confidence
    evidence = [
        Evidence(source=p.source or "aligned", context_fr=p.fr, context_en=p.en,
                 symbol=p.symbol, method="aligned", confidence=confidence)
        for p in link.evidence
    ]
    return Concept(kind="title", terms=terms, evidence=evidence, curated=False,
                   confidence=confidence, origin="aligned")
