"""Whether a name of an original is one the translation must render, and whether the
translation keeps a trace of it (see :mod:`checks.names`).

* :func:`another_body`: an English name inside another body's name ("the national Security
  Council", "the OPANAL Secretary-General", "UNU-IAS"), or a rank followed by another body
  in either language ("Deputy Secretary-General of UNCTAD"): not the UN body;
* :func:`trace`: a word of the name in the translation ("le Conseil", "Program" for
  "Programme"); without one, the name was left to a pronoun ("elle a décidé" for "the
  General Assembly decided") or omitted, which the check cannot tell apart: a warning;
* :func:`author_pronoun`: a resolution paragraph whose translation names its author by a
  pronoun or a possessive ("de lui faire rapport", "ses résolutions"): a warning;
* :func:`back_reference`, :func:`defined_elsewhere`: a shortened name ("le Conseil", "the
  DRC") and the document context that accepts it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from checks.countries import DEFINED_ABBREVIATIONS
from checks.matcher import Hit
from checks.tokens import KEPT_TEXT

if TYPE_CHECKING:
    from checks.names import Context

#: A one-word English name inside a longer one: after a capitalised word, before "for X".
CAPITAL_BEFORE = re.compile(r"\b(?!The )[A-Z][a-z]+ $")
NAME_AFTER = re.compile(r" (?:for|of|on) (?:the )?[A-Z]")
#: A qualifier that makes a UN body's name a national one ("the national Security Council").
_NATIONAL_BEFORE = re.compile(r"\b(?:national|regional|provincial|local|interim|"
                              r"transitional|[Nn]ational) $")
#: An acronym continued by another one: a subsidiary body (UNU-IAS, UNU-EHS).
_ACRONYM_AFTER = re.compile(r"-[A-Z]{2,}\b")
#: Another body's acronym before a title: "the OPANAL Secretary-General".
_ACRONYM_BEFORE = re.compile(r"\b(?!UN )[A-Z]{3,}(?:['’]s)? $")


#: A rank followed by the body it belongs to when that body is not the United Nations:
#: "Deputy Secretary-General of the United Nations Conference on Trade and Development",
#: "Secrétaire général adjoint de la CNUCED" are UNCTAD's, not the UN's ranks.
_RANK = {"en": "Secretary-General", "fr": "Secrétaire général"}
_OTHER_BODY_AFTER = {
    "en": re.compile(r",?\s+of\s+(?:the\s+)?(?!United Nations\b(?!\s+[A-Z]))(?=[A-Z])"),
    "fr": re.compile(r",?\s+(?:de\s+la\s+|de\s+l['’]\s?|du\s+|des\s+|de\s+)"
                     r"(?!(?:Organisation\s+des\s+)?Nations\s+Unies\b(?!\s+(?:pour|sur|[A-Z]))|ONU\b)"
                     r"(?=[A-ZÀ-Ý])"),
}


def other_body_rank(src: str, hit: Hit, lang: str) -> bool:
    """True when a rank of the original is another body's, named right after it.

    >>> from checks.matcher import Hit
    >>> text = "Deputy Secretary-General of the United Nations Conference on Trade"
    >>> other_body_rank(text, Hit(None, 0, 24, "Deputy Secretary-General"), "en")
    True
    >>> text = "Deputy Secretary-General of the United Nations, Amina Mohammed"
    >>> other_body_rank(text, Hit(None, 0, 24, "Deputy Secretary-General"), "en")
    False
    >>> text = "Secrétaire général adjoint de la CNUCED"
    >>> other_body_rank(text, Hit(None, 0, 26, "Secrétaire général adjoint"), "fr")
    True
    >>> text = "Secrétaire général adjoint aux affaires politiques"
    >>> other_body_rank(text, Hit(None, 0, 26, "Secrétaire général adjoint"), "fr")
    False
    """
    return _RANK[lang] in hit.text and bool(_OTHER_BODY_AFTER[lang].match(src, hit.end))


def another_body(src: str, hit: Hit, lang: str = "en") -> bool:
    """True when a name of the original (in ``lang``) is part of another body's name: "the
    national Security Council", "the Geneva United Nations Charter on Sustainable Housing",
    "UNU-IAS" (English), or a rank of another body, in either language (:func:`other_body_rank`)."""
    if other_body_rank(src, hit, lang):
        return True
    if lang != "en":
        return False
    if _NATIONAL_BEFORE.search(src, max(0, hit.start - 14), hit.start):
        return True
    if not hit.entry.acronym and _ACRONYM_BEFORE.search(src, max(0, hit.start - 12), hit.start):
        return True
    if hit.entry.acronym:
        return bool(_ACRONYM_AFTER.match(src, hit.end))
    return bool(CAPITAL_BEFORE.search(src, max(0, hit.start - 30), hit.start)
                and NAME_AFTER.match(src, hit.end))


#: Words of a name that do not show it is there.
_COMMON_WORDS = frozenset({
    "pour", "with", "dans", "from", "contre", "against", "entre", "international",
    "internationale", "internationales", "internationaux", "national", "nationale",
})  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w-]*")
#: A head noun with its own qualifier and body: "Conseil exécutif de l'OIAC", "OPCW
#: Executive Council".
_OTHER_HEAD = {
    # (led by the set of the first letter, the boundary looked behind: see names._BACK_REFERENCE)
    "fr": re.compile(r"[A-ZÀ-Ý](?<=\b[A-ZÀ-Ý])[a-zà-ÿ]+(?= [a-zà-ÿ]{4,} (?:de|du|des|de la|de l['’]|d['’])"
                     r"\s?[A-ZÀ-Ý])"),
    "en": re.compile(r"[A-Z](?<=\b[A-Z])[A-Z]{2,} [A-Z][a-z]+ [A-Z][a-z]+\b"),
}


def trace(ctx: Context, concepts: set[int]) -> bool:
    """True when the translation has a word of the concepts' names in the target language
    ("Program" for "Programme" has "Development"; "le Conseil" has "Conseil"): a variant
    or a shortened name rather than a pronoun or an omission."""
    words, stems = _name_words(ctx.tgt, ctx.target)
    for index in concepts:
        for d in ctx.checker.forms(index):
            if d.lang == ctx.target and not d.acronym:
                name_words = {w.lower() for w in _WORD.findall(d.text) if len(w) > 3}
                for name_word in name_words - _COMMON_WORDS:
                    if name_word[:5] in stems and any(_same_word(name_word, w) for w in words):
                        return True
    return False


def _name_words(tgt: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of the translation ``tgt`` that may be part of a name (lower case), and
    their first five letters; kept for the last translations (:func:`trace` reads one for
    each name its original misses)."""
    return _kept_name_words(tgt, lang) if len(tgt) <= KEPT_TEXT else _read_name_words(tgt, lang)


def _read_name_words(tgt: str, lang: str) -> tuple[frozenset[str], frozenset[str]]:
    # a head noun of another body's name is no trace: "le Conseil exécutif de l'OIAC"
    tokens = _WORD.findall(_OTHER_HEAD[lang].sub(" ", tgt))
    # a word counts when it is part of a name: capitalised or next to a capitalised word
    # ("Conférence générale"), not in running text ("le débat général")
    upper = [i for i, w in enumerate(tokens) if w[0].isupper()]  # (most words are not)
    kept = set(upper)
    for i in upper:
        if len(tokens[i]) > 3:  # (not "Le", "The")
            kept.update((i - 1, i + 1))
    kept.discard(-1)
    kept.discard(len(tokens))
    words = frozenset(tokens[i].lower() for i in kept)
    return words, frozenset(w[:5] for w in words)


_kept_name_words = lru_cache(maxsize=8)(_read_name_words)


def _same_word(a: str, b: str) -> bool:
    """The same word give or take an ending of up to two letters or one letter changed.

    >>> _same_word("nations", "nation"), _same_word("organization", "organisation")
    (True, True)
    >>> _same_word("nations", "nationaux")
    False
    """
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2


#: An operative paragraph of a resolution: its number, then the author's verb ("52. Note",
#: "4. Prie", "29. Notes with concern", "3. Requests").
_OPERATIVE = {
    "fr": re.compile(r"^\W*\d+\.\s+(?:(?:Se|S['’]|En|Y|Lui)\s?)?(?:Prie|Note|Notes?|Décide|"
                     r"Demande|Invite|Engage|Souligne|Réaffirme|Rappelle|Encourage|Exhorte|"
                     r"Approuve|Accueille|Exprime|Considère|Salue|Constate|Estime|Affirme|"
                     r"Condamne|Déplore|Regrette|Autorise|Charge|Recommande|Attend|Prend|"
                     r"Insiste|Souscrit|Reconnaît|Félicite|Sait|Appelle|Rend|Souhaite)\b"),
    "en": re.compile(r"^\W*\d+\.\s+(?:Also |Further |Again |Once again |Strongly )?"
                     r"[A-Z][a-z]+s\b"),
}
#: The author of a resolution named by a pronoun or a possessive in its own paragraph.
_AUTHOR_PRONOUN = {
    "fr": re.compile(r"\blui (?:faire|présenter|rendre|soumettre|communiquer|adresser|fait|"
                     r"présente|soumet|rend)\b|\bses (?:propres )?résolutions\b|"
                     r"\b[àa] sa [\w-]+ session\b"),
    "en": re.compile(r"\bto it\b|\bits (?:own )?resolutions\b|\bat its [\w-]+ session\b"),
}
#: The bodies that adopt resolutions, by the head noun of their name in the target.
AUTHOR_HEADS = {"fr": frozenset({"Assemblée", "Conseil"}),
                "en": frozenset({"Assembly", "Council"})}


def author_pronoun(ctx: Context, heads) -> bool:
    """True when the translation of a resolution paragraph names the body with these head
    nouns, if it is one that adopts resolutions, by a pronoun or possessive: "prie le
    Secrétaire général de lui faire rapport à sa soixante-dixième session" for "to report
    thereon to the General Assembly at its seventieth session"."""
    t = ctx.target
    return (bool(AUTHOR_HEADS[t] & set(heads)) and bool(_OPERATIVE[t].match(ctx.tgt))
            and bool(_AUTHOR_PRONOUN[t].search(ctx.tgt)))


def back_reference(ctx: Context, index: int, heads, tgt_refs) -> str:
    """How a bare head noun of the name in the translation ("le Conseil" for "le Conseil
    de sécurité", "the Office" for UNODC) stands for it: "accepted" after the full name in
    an earlier segment of the document; "unknown" in a pair checked out of its document
    (a UN translation shortens a name its document gave before: at most a warning);
    "dropped" when the document did not name it before (the name is missing); "" when
    the translation has no bare head of the name."""
    if not any(tgt_refs[h] for h in heads):
        return ""
    if index in ctx.named_before:
        return "accepted"
    return "dropped" if ctx.in_document else "unknown"


def defined_elsewhere(ctx: Context, found: str) -> bool:
    """True for an abbreviation UN documents define for a country ("the DRC") in a pair
    checked out of its document: it may have been defined before (a warning)."""
    return not ctx.in_document and found in DEFINED_ABBREVIATIONS
