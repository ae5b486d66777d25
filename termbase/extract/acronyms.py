"""Acronym–definition pairs in French and English running text.

Finds ``l’Organisation du Traité de sécurité collective (OTSC)`` (definition first) and
``OTSC (Organisation du Traité de sécurité collective)`` (acronym first). A candidate
definition is a run of words ending at the parenthesis; its letters are checked against the
acronym in three ways, best first:

1. *in order*: each word explains a prefix of the remaining letters (``Bureau régional des
   Nations Unies pour l’Afrique centrale`` = B·RE·N·U·A·C); articles and prepositions may
   explain letters or nothing, other words left unexplained cost a penalty;
2. *unordered*: the initials of the content words are the letters of the acronym in another
   order, as when the acronym follows the English name (``Association des nations de l’Asie
   du Sud-Est (ASEAN)``);
3. *name*: the letters follow another language altogether (``Communauté des Caraïbes
   (CARICOM)``, ``Organisation des Nations Unies pour l’alimentation et l’agriculture (FAO)``);
   the definition is then the capitalised name that ends at the parenthesis, with a lower
   confidence.

The definition returned is always the text's own full form (the French one in French text).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from termbase.extract.text import clean_definition, fold, sentence_at, wordset

#: An acronym as written: ``OTSC``, ``ONU-Femmes``, ``UN-Women``, ``COVID-19``.
ACRONYM = r"[A-Z][A-Za-z0-9]*(?:[-\u2010\u2011][A-Za-z0-9]+)*"
_PAREN_AFTER = re.compile(rf"(?<![\w\-])\(\s*({ACRONYM})\s*\)")
_PAREN_BEFORE = re.compile(rf"(?<![\w\-])({ACRONYM})\s*\(([^()]{{3,250}})\)")
_WORD = re.compile(r"[^\W_]+")
_ROMAN = re.compile(r"^[IVXLCDM]+$")
#: Characters that end the run of words a definition can come from.
_HARD_STOP = re.compile(r"[,;:.!?«»()\[\]\"“”•*]|\n\s*\n")

#: Articles, prepositions and conjunctions (French and English): they may give a letter to
#: the acronym (CEDEAO: ``des`` gives DE) but cost nothing when they give none.
STOPWORDS = wordset(
    "de du des la le les l d au aux a en et pour sur par dans contre avec entre un une qu s "
    "of the for and on in to at against with by an"
)
#: The words that link a noun to its complement (``objectifs du Millénaire``).
_GENITIVE = wordset("de du des la l of the")
#: Words that may start a definition only as part of the name, never alone.
_COORDINATION = re.compile(
    r"\s(?:et|and)\s+(?:de\s+)?(?:la\s+|le\s+|les\s+|l’\s*|l'\s*|the\s+|du\s+|des\s+)(?=[A-ZÀ-Ý])"
)
#: Words that show a clause, not a name (a name is never taken across them).
CLAUSE_WORDS = wordset(
    "ont a est sont été n ne pas qui que dont has have had is are was were not which who that "
    "will"
)

#: Capitalised words that open a sentence or a clause, not a name.
NON_START = wordset(
    "grace sous lors comme selon depuis apres pendant afin outre ainsi dont ce cette ces il elle "
    "ils elles nous je on this that these those it its we our as since after during under "
    "nations unies"
)
#: Longest name taken when the letters do not follow the definition, in words.
MAX_NAME_WORDS = 18

CONF_ORDERED = 0.9
CONF_UNORDERED = 0.75
CONF_NAME = 0.5
#: Longest definition considered, in words.
MAX_WORDS = 22


@dataclass
class AcronymPair:
    """One acronym defined in a text."""

    acronym: str
    definition: str
    lang: str
    #: Character offsets of the definition-and-acronym span in the text.
    start: int = 0
    end: int = 0
    #: The sentence in which the pair was found.
    context: str = ""
    confidence: float = CONF_ORDERED
    #: ``ordered``, ``unordered`` or ``name`` (how the letters were checked).
    method: str = "ordered"


def is_acronym(token: str) -> bool:
    """Whether ``token`` looks like an acronym (two capitals in its first part, no numeral).

    >>> [is_acronym(t) for t in ("OTSC", "ONU-Femmes", "FemWise-Africa", "Guinée-Bissau", "IV")]
    [True, True, True, False, False]
    """
    first = re.split(r"[-\u2010\u2011]", token)[0]
    if not 2 <= len(token) <= 24 or sum(c.isupper() for c in first) < 2:
        return False
    return not _ROMAN.match(first)


def acronym_letters(acronym: str) -> str:
    """The letters an acronym's definition must explain (folded, digits dropped).

    >>> acronym_letters("ONU-Femmes"), acronym_letters("COVID-19")
    ('onufemmes', 'covid')
    """
    return "".join(c for c in fold(acronym) if c.isalpha())


def _letter_penalty(words: list[str], letters: str) -> int | None:
    """Least cost of explaining ``letters`` by prefixes of ``words`` in order, or None.

    A content word explaining nothing costs 1; one letter explained by no word costs 2
    (at most one such letter).

    >>> _letter_penalty(["organisation", "du", "traite", "de", "securite", "collective"], "otsc")
    0
    >>> _letter_penalty(["organisation", "internationale", "de", "police", "criminelle"], "interpol")
    2
    >>> _letter_penalty(["association", "des", "nations"], "asean") is None
    True
    """
    inf = 10**6
    m = len(letters)
    # best[j][miss]: least cost after the words seen so far, with j letters explained.
    best = [[inf, inf] for _ in range(m + 1)]
    best[0][0] = 0
    for word in words:
        skip_cost = 0 if word in STOPWORDS else 1
        nxt = [[inf, inf] for _ in range(m + 1)]
        for j in range(m + 1):
            for miss in (0, 1):
                cost = best[j][miss]
                if cost >= inf:
                    continue
                if cost + skip_cost < nxt[j][miss]:
                    nxt[j][miss] = cost + skip_cost
                k = 1
                while j + k <= m and k <= len(word) and word[k - 1] == letters[j + k - 1]:
                    if cost < nxt[j + k][miss]:
                        nxt[j + k][miss] = cost
                    k += 1
        # A letter explained by no word, between this word and the next.
        for j in range(1, m):
            if nxt[j][0] + 2 < nxt[j + 1][1]:
                nxt[j + 1][1] = nxt[j][0] + 2
        best = nxt
    result = min(best[m])
    return None if result >= inf else result


def _unordered(words: list[str], letters: str) -> bool:
    """Whether the initials of the content words are the letters in another order.

    >>> _unordered(["association", "des", "nations", "de", "l", "asie", "du", "sud", "est"], "asean")
    True
    """
    initials = Counter(w[0] for w in words if w not in STOPWORDS)
    return initials == Counter(letters)


def _words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _WORD.finditer(text)]


def _is_start(word: str) -> bool:
    return word[:1].isupper() and fold(word) not in STOPWORDS


def _best_span(words: list[tuple[str, int, int]], letters: str) -> tuple[int, int, str] | None:
    """Pick the start word of the definition: (index, penalty, method) or None."""
    folded = [fold(w) for w, _, _ in words]
    found = []
    for i in range(len(words)):
        if not _is_start(words[i][0]):
            continue
        span = folded[i:]
        n_content = sum(1 for w in span if w not in STOPWORDS)
        penalty = _letter_penalty(span, letters)
        if penalty is not None and penalty <= max(2, n_content // 2):
            first = span[0].startswith(letters[0])
            found.append((penalty, not first, -i, i, "ordered"))
        elif _unordered(span, letters):
            found.append((3, True, -i, i, "unordered"))
    if not found:
        return None
    found.sort()
    penalty, _, _, index, method = found[0]
    return index, penalty, method


def _common(a: str, b: str) -> int:
    """Length of the longest common subsequence of two short strings.

    >>> _common("unsmh", "minustah")
    3
    """
    row = [0] * (len(b) + 1)
    for ca in a:
        prev = 0
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], prev + 1 if ca == cb else max(row[j], row[j - 1])
    return row[-1]


def _name_start(window: str, words: list[tuple[str, int, int]], base: int, letters: str) -> int | None:
    """Index of the first word of the capitalised name that ends the window, or None.

    The name starts at a capitalised word among the last ``MAX_NAME_WORDS`` words, after the
    last clause word (``ont``, ``is``): the start whose content-word initials share most
    letters with the acronym, then the one where they make the largest share of the initials
    (``Réunion générale de la Communauté des Caraïbes (CARICOM)`` gives ``Communauté des
    Caraïbes``), then the leftmost. A start before a coordination (``... et la Ligue``) must
    share clearly more letters than the best one after it.
    """
    cut = 0
    for m in _COORDINATION.finditer(window):
        cut = m.end()
    first = max(0, len(words) - MAX_NAME_WORDS)
    for i, (w, _, _) in enumerate(words):
        if w.lower() in CLAUSE_WORDS:
            first = max(first, i + 1)
    folded = [fold(w) for w, _, _ in words]
    best: dict[bool, tuple] = {}
    for i in range(first, len(words)):
        if not _is_start(words[i][0]) or folded[i] in NON_START:
            continue
        if i > 0 and folded[i - 1] not in STOPWORDS:
            continue  # inside a run of capitalised words: the name starts further left
        j = i - 1
        while j >= 0 and folded[j] in _GENITIVE:
            j -= 1
        if (j < i - 1 and folded[j] not in STOPWORDS and words[j][0][:1].islower()
                and folded[j][:1] == letters[:1]):
            continue  # the name probably starts with that lower-case word (objectifs du ...)
        initials = "".join(f[0] for f in folded[i:] if f not in STOPWORDS)
        shared = _common(initials, letters)
        key = (len(initials) > 1, shared, shared / len(initials), -i)
        after = words[i][1] - base >= cut
        if after not in best or key > best[after][0]:
            best[after] = (key, i)
    if False in best and (True not in best or best[False][0][1] > best[True][0][1] + 1):
        return best[False][1]
    return best[True][1] if True in best else None


def _title_comma(text: str, pos: int) -> bool:
    """Whether the comma at ``pos`` lists capitalised words inside an English name
    (``United Nations Educational, Scientific and Cultural Organization``).

    >>> text = "Educational, Scientific and in Mali, the"
    >>> _title_comma(text, 11), _title_comma(text, text.index(", the"))
    (True, False)
    """
    if text[pos] != ",":
        return False
    before = re.search(r"(?<![\w’'])([A-Z][a-z]+)$", text[max(0, pos - 40) : pos])
    after = re.match(r"\s+([A-Z][a-z]+)\b", text[pos + 1 : pos + 40])
    return bool(before and after and fold(after.group(1)) not in STOPWORDS | NON_START)


def _run_start(text: str, words: list[tuple[str, int, int]], index: int) -> int:
    """The first word of the run of capitalised words that ``words[index]`` is part of
    (words joined by a space or a hyphen only).

    >>> t = "to the African-led International Support Mission in"
    >>> w = _words(t)
    >>> [x for x, _, _ in w][_run_start(t, w, 5)]
    'African'
    """
    while index > 0:
        prev, start = words[index - 1], words[index][1]
        if text[prev[2]:start] != " ":
            break
        if _is_start(prev[0]) and fold(prev[0]) not in NON_START:
            index -= 1
        elif (index > 1 and text[words[index - 2][2]:prev[1]] == "-"
              and _is_start(words[index - 2][0])):
            index -= 2  # African-led
        else:
            break
    return index


def _definition_first(text: str, lang: str) -> list[AcronymPair]:
    pairs = []
    for m in _PAREN_AFTER.finditer(text):
        acronym = m.group(1)
        if not is_acronym(acronym):
            continue
        letters = acronym_letters(acronym)
        lo = 0
        for stop in _HARD_STOP.finditer(text, max(0, m.start() - 400), m.start()):
            if not _title_comma(text, stop.start()):
                lo = stop.end()
        window = text[lo : m.start()]
        words = _words(window, lo)[-MAX_WORDS:]
        if not words:
            continue
        chosen = _best_span(words, letters)
        if chosen is not None:
            index, penalty, method = chosen
            conf = CONF_ORDERED if method == "ordered" else CONF_UNORDERED
            conf = round(conf - 0.03 * penalty, 2) if method == "ordered" else conf
            start_of_run = _run_start(text, words, index)
            if start_of_run < index:
                # The letters fit a tail of a longer capitalised name (MISCA in "African-led
                # International Support Mission in the Central African Republic"): the
                # definition is the whole name, with a lower confidence.
                index, conf = start_of_run, CONF_UNORDERED
        else:
            index = _name_start(window, words, lo, letters)
            if index is None:
                continue
            method, conf = "name", CONF_NAME
        start = words[index][1]
        definition = clean_definition(text[start : words[-1][2]])
        if fold(definition) == fold(acronym) or len(definition) < 4:
            continue
        pairs.append(
            AcronymPair(acronym, definition, lang, start, m.end(), sentence_at(text, m.start()),
                        conf, method)
        )
    return pairs


def _acronym_first(text: str, lang: str) -> list[AcronymPair]:
    pairs = []
    for m in _PAREN_BEFORE.finditer(text):
        acronym, inner = m.group(1), m.group(2)
        if not is_acronym(acronym) or is_acronym(inner.strip()):
            continue
        words = _words(inner, m.start(2))[:MAX_WORDS]
        if not words or not _is_start(words[0][0]):
            continue
        letters = acronym_letters(acronym)
        folded = [fold(w) for w, _, _ in words]
        penalty = _letter_penalty(folded, letters)
        n_content = sum(1 for w in folded if w not in STOPWORDS)
        if penalty is not None and penalty <= max(2, n_content // 2) and penalty <= 3:
            method, conf = "ordered", round(CONF_ORDERED - 0.03 * penalty, 2)
        elif _unordered(folded, letters):
            method, conf = "unordered", CONF_UNORDERED
        else:
            continue
        definition = clean_definition(text[words[0][1] : words[-1][2]])
        pairs.append(
            AcronymPair(acronym, definition, lang, m.start(), m.end(), sentence_at(text, m.start()),
                        conf, method)
        )
    return pairs


def find_definitions(text: str, lang: str) -> list[AcronymPair]:
    """Every acronym–definition pair in ``text`` (``fr`` or ``en``), in text order.

    >>> [(p.definition, p.acronym) for p in find_definitions(
    ...     "avec l’Organisation du Traité de sécurité collective (OTSC), la CEI", "fr")]
    [('Organisation du Traité de sécurité collective', 'OTSC')]
    >>> [(p.definition, p.acronym, p.method) for p in find_definitions(
    ...     "la Communauté des Caraïbes (CARICOM) et l’ONU", "fr")]
    [('Communauté des Caraïbes', 'CARICOM', 'name')]
    >>> [p.definition for p in find_definitions(
    ...     "the Economic Community of Central African States (ECCAS) and ...", "en")]
    ['Economic Community of Central African States']
    """
    pairs = _definition_first(text, lang) + _acronym_first(text, lang)
    pairs.sort(key=lambda p: p.start)
    return pairs


def find_uses(text: str, acronyms: set[str] | list[str]) -> dict[str, list[tuple[int, str]]]:
    """Where each acronym is used on its own: ``{acronym: [(offset, sentence), ...]}``.

    >>> find_uses("Le BRENUAC agit. La CEEAC et le BRENUAC coopèrent.", {"BRENUAC"})["BRENUAC"][1]
    (32, 'La CEEAC et le BRENUAC coopèrent.')
    """
    uses: dict[str, list[tuple[int, str]]] = {a: [] for a in acronyms}
    if not uses:
        return uses
    names = sorted(uses, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w\-])(" + "|".join(map(re.escape, names)) + r")(?![\w\-])")
    for m in pattern.finditer(text):
        if text[max(0, m.start() - 1) : m.start()] == "(":
            continue
        uses[m.group(1)].append((m.start(), sentence_at(text, m.start())))
    return uses
