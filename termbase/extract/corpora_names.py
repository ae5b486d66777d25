"""Names of bodies and instruments in one French–English sentence pair, explained word by word.

Two methods, both inside one aligned pair (so a name seen once is enough):

- ``acronym-pair``: an acronym defined on both sides (``Organisation du Traité de sécurité
  collective (OTSC)`` ↔ ``Collective Security Treaty Organization (CSTO)``); the two
  definitions are paired when their content words explain each other;
- ``name-pair``: a capitalised French name (``Centre régional des Nations Unies pour la
  diplomatie préventive en Asie centrale``) and a title-case English one (``United Nations
  Regional Centre for Preventive Diplomacy for Central Asia``) with no acronym.

A name pair is *explained* when every content word on each side is the translation of a
content word on the other (a :class:`Lexicon` entry or a cognate) and a one-to-one matching
covers the shorter side; in each pair the longest explained names are kept, never two that
overlap on either side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from termbase.extract.acronyms import find_definitions
from termbase.extract.corpora_words import Lexicon, explained
from termbase.extract.text import fold, span_relation, wordset

#: French words that may sit inside a name (``Ligue des États arabes``, ``Bureau de lutte
#: contre le terrorisme``); a name neither starts nor ends with one.
FR_INNER = wordset("de d du des la l le les a au aux et pour en sur contre charge chargee "
                   "charges chargees aupres")
#: French words that end a name (folded; besides punctuation): function words, verbs.
FR_BREAK = wordset(
    "ce ces cet cette dans elle entre il ils je leur leurs lui mais me meme ne ni nous on ou "
    "par pas qu que qui s sa se ses si son ta te tes toi ton tu un une vos votre vous y ainsi "
    "afin apres avant selon sous sans lors dont ete etre est sont ont avait avaient sera "
    "seront fait faire peut peuvent doit doivent notamment egalement aussi tres deja encore "
    "comme chez vers depuis pendant tandis cela celle celles celui ceux ici autre chaque "
    "plusieurs certains certaines aucun aucune avec"
)
#: Endings of French adjectives and participles: a name followed by one is cut short
#: (*Fonds général d'affectation | spéciale*).
_ADJECTIVE = re.compile(r"(?:ale?s?|aux|iques?|ielle?s?|aires?|ienne?s?|aise?s?|elle?s?|ifs?|"
                        r"ives?|aine?s?)$")
#: English words that may sit inside a title-case name (``Office for the Coordination of
#: Humanitarian Affairs``).
EN_INNER = wordset("of for on the and in to against")
#: A name starts on a capitalised word that is not one of these.
_NOT_NAME_START = wordset(
    "Le La Les L Un Une Des Du De D Dans Pour En Sur Au Aux À Et Ce Cette Ces Il Elle Ils "
    "Nous Vous On Selon Par Avec Lors Depuis Après Avant Comme Si Mais The A An In On Of For "
    "To And This That These Those It We They He She As At By With From Since Following "
    "Article Articles Annexe Annex Chapitre Chapter Section Mr Mrs Ms M Mme Madame Monsieur "
    "Résolution Resolution Décision Decision Mesdames Messieurs Honorable Hon"
)
#: Month names: a name holds none (*Alep en janvier*, *May 2015*).
MONTHS = wordset(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre "
    "january february march april may june july august september october november december"
)
MAX_NAME_WORDS = 16
MIN_CONTENT = 2
_TOKEN = re.compile(r"[^\W\d_]+(?:[-‐][^\W\d_]+)*(?:[’'])?|\d+|\S")
_ELISION = r"(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)[’']"
_ELIDED = re.compile(rf"^{_ELISION}$", re.I)
#: UN naming conventions: ``Organisation des Nations Unies`` is ``United Nations`` in
#: English; a ``Haut-Commissariat`` is the ``Office of the High Commissioner``; the verb of
#: ``chargé d'étudier`` / ``chargé de suivre`` is an English preposition (*Panel on*).
_CONVENTIONS = ((re.compile(r"\borganisation des nations unies\b"), "nations unies"),
                (re.compile(r"\bhaut-commissariat\b"), "office haut commissaire"),
                (re.compile(r"\b(chargee?s? (?:d' ?|de ))\w+(?:er|ir|re)\b"), r"\1"))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass
class NamePair:
    """A French name and its English equivalent found in one sentence pair."""

    fr: str
    en: str
    method: str  # "acronym-pair" or "name-pair"
    fr_span: tuple[int, int]
    en_span: tuple[int, int]
    fr_acronym: str = ""
    en_acronym: str = ""


def tokens(text: str) -> list[Token]:
    """Word, number and punctuation tokens; a French elision is a token of its own.

    >>> [t.text for t in tokens("l’Organisation (OTSC),")]
    ['l’', 'Organisation', '(', 'OTSC', ')', ',']
    """
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group()
        elided = re.match(rf"^({_ELISION})(.+)$", word, re.I)
        if elided:
            cut = m.start() + len(elided.group(1))
            out.append(Token(elided.group(1), m.start(), cut))
            out.append(Token(elided.group(2), cut, m.end()))
        else:
            out.append(Token(word, m.start(), m.end()))
    return out


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _content(words: list[str], lang: str) -> list[str]:
    """The folded content words of a name, hyphenated words split; a French elision is no
    content word, an English possessive is its noun (*Peoples'*).

    >>> _content(["African", "Commission", "on", "Human", "and", "Peoples'", "Rights"], "en")
    ['african', 'commission', 'human', 'peoples', 'rights']
    >>> _content(["Commission", "de", "l'", "Union", "africaine"], "fr")
    ['commission', 'union', 'africaine']
    """
    inner = FR_INNER if lang == "fr" else EN_INNER
    text = " ".join(fold(w).replace("’", "'") for w in words)
    if lang == "fr":
        for pattern, replacement in _CONVENTIONS:
            text = pattern.sub(replacement, text)
    out = []
    for word in text.split():
        if lang == "en" and word.endswith("s'"):
            word = word[:-1]
        if word.endswith("'") or word in inner:
            continue
        out.extend(p for p in re.split(r"[-‐]", word) if p)
    return out


def _sentence_start(toks: list[Token]) -> int:
    """Index of the first word of a sentence (after numbering like ``13.`` or ``(a)``)."""
    for i, t in enumerate(toks):
        if t.text[0].isalpha() and not (i + 1 < len(toks) and toks[i + 1].text == ")"):
            return i
    return len(toks)


def _spans(toks: list[Token], lang: str) -> list[tuple[int, int, list[str]]]:
    """``(first, last, words)`` token ranges that may be a name: a capitalised first word,
    inner words allowed inside, content words (French: any; English: capitalised) after.
    A French ``et`` must be followed by a lower-case content word (``Conseil économique et
    social``, not ``Bâle et de Stockholm``); an English name is not the part of a longer
    capitalised run (no capitalised word just before or after it)."""
    inner = FR_INNER if lang == "fr" else EN_INNER
    first_word = _sentence_start(toks)
    out = []

    def capital_at(k: int) -> bool:
        return (0 <= k < len(toks) and _capitalised(toks[k].text) and toks[k].text[0].isalpha()
                and toks[k].text not in _NOT_NAME_START)

    for i, first in enumerate(toks):
        if not _capitalised(first.text) or first.text in _NOT_NAME_START \
                or fold(first.text) in MONTHS \
                or not first.text[0].isalpha() or (first.text.isupper() and len(first.text) > 1):
            continue
        if capital_at(i - 1) or (lang == "fr" and any(
                part in FR_BREAK or _ELIDED.match(part)
                for part in fold(first.text).split("-")[1:])):
            continue
        words = [first.text]
        if lang == "fr" or not capital_at(i + 1):
            out.append((i, i, list(words)))
        for j in range(i + 1, min(len(toks), i + MAX_NAME_WORDS)):
            word = toks[j].text
            folded = fold(word).replace("’", "'")
            if not word[0].isalnum() or folded in MONTHS or word in _NOT_NAME_START or (
                    lang == "fr" and word == "a") or (
                    lang == "fr" and word == "à" and capital_at(j + 1)) or (lang == "fr" and (
                    folded in FR_BREAK or any(part in FR_BREAK or _ELIDED.match(part)
                                              for part in folded.split("-")[1:]))):
                break
            if lang == "fr" and folded == "et":
                after = next((t.text for t in toks[j + 1:j + 4]
                              if fold(t.text).replace("’", "'") not in FR_INNER
                              and not _ELIDED.match(t.text)), "")
                if not after[:1].islower():
                    break
            if folded in inner or _ELIDED.match(word):
                words.append(word)
                continue
            if lang == "en" and not (_capitalised(word) or word[0].isdigit()):
                break
            if lang == "fr" and word[0].isdigit() and len(word) != 4:
                break
            words.append(word)
            if capital_at(j + 1) or (lang == "en" and _and_capital(toks, j + 1)):
                continue  # the name goes on (*Nations | Unies*, *Human | and Peoples' Rights*)
            out.append((i, j, list(words)))
        if lang == "fr" and i == first_word:
            # A sentence's first word is capitalised anyway (*Encourage le Secrétaire
            # général*): a name there must be the whole sentence (a heading).
            end = len(toks) - 1
            while end > i and not toks[end].text[0].isalnum():
                end -= 1
            out = [s for s in out if s[0] != i or s[1] == end]
    return out


#: Lower-case French nouns that head a name (*ministre des | Affaires étrangères*).
FR_HEADS = wordset("ministre ministere secretaire depute president bureau departement "
                   "direction division service")


def _inside_name(toks: list[Token], i: int, inner: frozenset[str], heads: frozenset[str]
                 ) -> bool:
    """Whether token ``i`` follows inner words (*de la*, *of the*) that follow a capitalised
    word or a head noun: the name starting there is the end of a longer one.

    >>> toks = tokens("la Communauté d'États indépendants")
    >>> _inside_name(toks, 3, FR_INNER, FR_HEADS), _inside_name(toks, 1, FR_INNER, FR_HEADS)
    (True, False)
    """
    k = i - 1
    while k >= 0 and (fold(toks[k].text).replace("’", "'") in inner - {"et", "and"}
                      or _ELIDED.match(toks[k].text)):
        k -= 1
    if k >= 0 and fold(toks[k].text) in ("et", "and"):
        return False  # a coordination, not a longer name
    if k == i - 1 or k < 0:
        return False
    word = toks[k].text
    return (word[:1].isupper() and word[0].isalpha() and word not in _NOT_NAME_START) \
        or fold(word) in heads


def _and_capital(toks: list[Token], k: int) -> bool:
    """Whether tokens ``k``... are ``and`` (``the``) and a capitalised word."""
    if k >= len(toks) or toks[k].text != "and":
        return False
    k += 1 + (k + 1 < len(toks) and toks[k + 1].text == "the")
    return k < len(toks) and _capitalised(toks[k].text) and toks[k].text[0].isalpha()


def _identical(fr_words: list[str], en_words: list[str], lexicon: Lexicon,
               capitalised: bool) -> bool:
    """A pair that teaches nothing or names a person: the same words on both sides (unless
    numbered: *Habitat III*, *Agenda 2063*), or only capitalised French words none of which
    the lexicon translates (*Gevork Manuelian* / *Gevork Manvelyan*)."""
    if fr_words == en_words:
        return not any(w.isdigit() or re.fullmatch(r"[ivx]+", w) for w in fr_words)
    return capitalised and not any(en in lexicon.table.get(fr, ())
                                   for fr in fr_words for en in en_words)


def _text(sentence: str, toks: list[Token], i: int, j: int) -> str:
    return sentence[toks[i].start:toks[j].end]


def name_pairs(fr: str, en: str, lexicon: Lexicon,
               countries: frozenset[str] = frozenset()) -> list[NamePair]:
    """The names of one sentence pair: acronym definitions paired across the languages,
    then capitalised names explained word by word, longest first, none overlapping.
    ``countries``: folded French country names; a French name does not start with one and go
    on (*Chine au Conseil de sécurité* is not a name).

    >>> lex = Lexicon({"ligue": {"league"}, "etats": {"states"}, "arabes": {"arab"}})
    >>> [(p.fr, p.en) for p in name_pairs(
    ...     "Le rapport de la Ligue des États arabes est arrivé.",
    ...     "The report of the League of Arab States has arrived.", lex)]
    [('Ligue des États arabes', 'League of Arab States'), ('États arabes', 'Arab States')]
    """
    found: list[NamePair] = []
    taken_fr: list[tuple[int, int]] = []
    taken_en: list[tuple[int, int]] = []

    def free(span, taken) -> bool:
        return all(span[1] <= a or b <= span[0] for a, b in taken)

    if "(" in fr and "(" in en:
        defs_fr, defs_en = find_definitions(fr, "fr"), find_definitions(en, "en")
        for d_fr in defs_fr:
            words_fr = _content(d_fr.definition.split(), "fr")
            for d_en in defs_en:
                span_fr, span_en = (d_fr.start, d_fr.end), (d_en.start, d_en.end)
                if not (free(span_fr, taken_fr) and free(span_en, taken_en)):
                    continue
                words_en = _content(d_en.definition.split(), "en")
                if words_fr == words_en:
                    continue  # a name left untranslated teaches nothing (and keeps its
                    # acronym from other bodies': IAI, Istituto Affari Internazionali)
                if explained(words_fr, words_en, lexicon):
                    found.append(NamePair(d_fr.definition, d_en.definition, "acronym-pair",
                                          span_fr, span_en, d_fr.acronym, d_en.acronym))
                    taken_fr.append(span_fr)
                    taken_en.append(span_en)
                    break
    toks_fr, toks_en = tokens(fr), tokens(en)
    spans_en = [(i, j, _content(w, "en"), w.count("and")) for i, j, w in _spans(toks_en, "en")]
    spans_en = [s for s in spans_en if len(s[2]) >= MIN_CONTENT]
    options = []
    for i, j, words in _spans(toks_fr, "fr"):
        if _ELIDED.match(toks_fr[j].text) or fold(toks_fr[j].text) in FR_INNER \
                or _truncated(toks_fr, j) or _country_first(words, countries) \
                or (j + 1 < len(toks_fr) and toks_fr[j + 1].text[:1].islower()
                    and _ADJECTIVE.search(fold(toks_fr[j + 1].text))):
            continue
        if words[-1].isdigit() and fold(words[-2]) == "en":
            continue  # a date, not a name (*Bruxelles en 2013*)
        content_fr = _content(words, "fr")
        if len(content_fr) < MIN_CONTENT:
            continue
        capitalised = all(w[:1].isupper() for w in words
                          if fold(w).replace("’", "'") not in FR_INNER and not _ELIDED.match(w))
        ands = words.count("et")
        # proper names (all French words capitalised) need the base table or cognates: the
        # wider table pairs names that merely co-occur (*Ahtem Chiygoz* / *Crimean Tatar*)
        table = lexicon.strict if capitalised and lexicon.strict else lexicon
        for k, m, content_en, and_count in spans_en:
            if and_count == ands and explained(content_fr, content_en, table) and \
                    not _identical(content_fr, content_en, lexicon, capitalised):
                size = len(content_fr) + len(content_en)
                options.append((size, -i, j - i, -k, (i, j), (k, m)))
    options.sort(reverse=True)
    taken = list(zip(taken_fr, taken_en, strict=True))
    for *_, (i, j), (k, m) in options:
        span_fr = (toks_fr[i].start, toks_fr[j].end)
        span_en = (toks_en[k].start, toks_en[m].end)
        nested = any(f[0] <= span_fr[0] and span_fr[1] <= f[1] for f, _ in taken)
        # (a name nested at the start of a longer one is mostly that name cut short:
        # *Mission d'assistance des Nations Unies | en Afghanistan*); a name of its own is
        # not the end of a longer one (*Bureau des | Nations Unies pour les affaires de
        # désarmement*, *Office for | Disarmament Affairs*)
        if _consistent(span_fr, span_en, taken) and not any(
                span_fr[0] == f[0] and span_fr != f for f, _ in taken) and (
                nested or not (_inside_name(toks_fr, i, FR_INNER, FR_HEADS)
                               or _inside_name(toks_en, k, EN_INNER, frozenset()))):
            taken.append((span_fr, span_en))
            found.append(NamePair(_text(fr, toks_fr, i, j), _text(en, toks_en, k, m),
                                  "name-pair", span_fr, span_en))
    return found


def _consistent(span_fr: tuple[int, int], span_en: tuple[int, int],
                taken: list[tuple[tuple[int, int], tuple[int, int]]]) -> bool:
    """Whether a new name pair agrees with those kept: disjoint from each on both sides, or
    nested inside it on both sides (*Ligue des États arabes* in *Ligue des États arabes pour
    la Syrie*, *League of Arab States* in *League of Arab States for Syria*).

    >>> _consistent((0, 5), (0, 5), [((0, 9), (0, 9))]), _consistent((0, 5), (6, 9), [((0, 9), (0, 5))])
    (True, False)
    """
    for f, e in taken:
        rf, re_ = span_relation(span_fr, f), span_relation(span_en, e)
        if rf != re_ or rf in ("same", "cross", "holds"):
            return False
    return True


def _country_first(words: list[str], countries: frozenset[str]) -> bool:
    """Whether the words start with a country name and go on.

    >>> _country_first(["Chine", "au", "Conseil"], frozenset({"chine"}))
    True
    """
    folded = [fold(w).replace("’", "'") for w in words]
    return any(" ".join(folded[:n]) in countries for n in range(1, min(5, len(words))))


def _truncated(toks: list[Token], j: int) -> bool:
    """Whether a French name ending on token ``j`` goes on with ``de`` and a lower-case word
    (*Traité sur les mesures | de réduction*): the name is cut short.

    >>> toks = tokens("le Comité de la consolidation de la paix")
    >>> _truncated(toks, 4), _truncated(toks, 7)
    (True, False)
    """
    k = j + 1
    if k >= len(toks) or fold(toks[k].text).replace("’", "'") not in ("de", "d'", "du", "des"):
        return False
    k += 1
    while k < len(toks) and fold(toks[k].text).replace("’", "'") in ("la", "l'", "le", "les"):
        k += 1
    return k < len(toks) and toks[k].text[:1].islower() and toks[k].text[:1].isalpha()
