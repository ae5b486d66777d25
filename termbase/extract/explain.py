"""Word-by-word explanation of term links, and the links of phrases too rare for statistics.

A link is *explained* when every content word on each side is a cognate (:func:`cognate`) or
a one-word link learnt from the strong links of the corpus (:func:`word_lexicon`) of a word
on the other side. The association (:mod:`termbase.extract.association`) uses it twice:

- to keep or drop its weak links (:func:`explained_links`): few co-occurrences cannot tell
  *Union africaine en Somalie* from *African Union Mission in Somalia*; the word *Mission*
  can;
- to link the French phrases that statistics cannot (:func:`link_explained`): a phrase of
  two content words or more that the pairs hold once (*sécurité humaine*), or only inside
  longer terms, or in one document, takes in each of its pairs the English span that
  translates it word for word (as many content words, paired one for one, no number or
  honorific on one side only), among the spans left free by the strong links of that pair
  (*human security*). Nothing else is guessed: a phrase with no such span stays unlinked.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from difflib import SequenceMatcher

from termbase.extract.spans import FUNCTION_WORDS as EN_FUNCTION
from termbase.extract.spans import Span
from termbase.extract.terms_fr import FUNCTION_WORDS as FR_FUNCTION
from termbase.extract.terms_fr import Candidate
from termbase.extract.text import fold, wordset

#: Largest distance between the relative positions of the French and English spans.
MAX_POSITION_GAP = 0.4
#: English words of a longer rank (*Under-Secretary-General*), and their French marks.
_EN_EXTRA = wordset("under vice deputy assistant")
_FR_EXTRA = wordset("adjoint adjointe adjoints adjointes vice sous assistant")


def content_words(text: str, function_words: frozenset) -> list[str]:
    """The folded content words of ``text``; a hyphenated word gives all its parts.

    >>> content_words("l'état de droit", FR_FUNCTION), content_words("Under-Secretary", EN_FUNCTION)
    (['etat', 'droit'], ['under', 'secretary'])
    """
    out = []
    for token in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", fold(text)):
        parts = token.split("-")
        out += [w for w in parts if len(w) > 1 and (len(parts) > 1 or w not in function_words)]
    return out


def cognate(fr: str, en: str) -> bool:
    """Same first letters (``linguistique``/``linguistic``, ``Somalie``/``Somalia``), or the
    same first letter and mostly the same letters (``ligue``/``league``,
    ``traite``/``treaty``).

    >>> cognate("ligue", "league"), cognate("traite", "treaty"), cognate("paix", "peace")
    (True, True, False)
    """
    n = min(5, len(fr), len(en))
    if n >= 3 and fr[:n] == en[:n]:
        return True
    return n >= 4 and fr[0] == en[0] and SequenceMatcher(None, fr, en).ratio() >= 0.65


def french_stems(word: str) -> tuple[str, ...]:
    """A French word and its forms without plural or feminine marks (for the lexicon).

    >>> french_stems("conjointes")
    ('conjointes', 'conjointe', 'conjoint')
    """
    out = [word]
    for _ in range(2):
        if out[-1].endswith(("s", "x", "e")) and len(out[-1]) > 3:
            out.append(out[-1][:-1])
    return tuple(dict.fromkeys(out))


def word_lexicon(pairs: Sequence[tuple[str, str]]) -> Callable[[str, str], bool]:
    """A word matcher from one-word links (French key, English key, both folded): a French
    word matches an English one when one of its stems is linked to it, or they are
    cognates."""
    lexicon = set()
    words = [(content_words(fr, FR_FUNCTION), content_words(en, EN_FUNCTION))
             for fr, en in pairs]
    for f, e in words:
        if len(f) == 1 and len(e) == 1:
            lexicon.update((s, e[0]) for s in french_stems(f[0]))

    def match(f: str, e: str) -> bool:
        return cognate(f, e) or any((s, e) in lexicon for s in french_stems(f))

    # Longer links teach one word more: when all their words but one on each side match,
    # those two translate each other (*droit international* / *international law*: *droit*
    # is *law* too, not only *right*).
    for _ in range(2):
        learnt = set()
        for f, e in words:
            if len(f) < 2 or len(f) != len(e):
                continue
            left_f = [w for w in f if not any(match(w, x) for x in e)]
            left_e = [x for x in e if not any(match(w, x) for w in f)]
            if len(left_f) == 1 and len(left_e) == 1:
                learnt.update((s, left_e[0]) for s in french_stems(left_f[0]))
        lexicon |= learnt
    return match


def mismatched(fr: list[str], en: list[str]) -> bool:
    """Whether an English span cannot be the whole equivalent of a French phrase (content
    words of both): it names a longer rank (*Under-Secretary-General* for *secrétaire
    générale*), or it is shorter and only translates the modifiers, not the head noun
    (*subsidiary* for *organes subsidiaires*).

    >>> mismatched(["secretaire", "generale"], ["under", "secretary", "general"])
    True
    >>> mismatched(["organe", "subsidiaire"], ["subsidiary"])
    True
    >>> mismatched(["maintien", "paix"], ["peacekeeping"])
    False
    """
    if _EN_EXTRA & set(en) and not _FR_EXTRA & set(fr):
        return True
    return len(fr) >= 2 and 0 < len(en) < len(fr) and \
        not any(cognate(fr[0], e) for e in en) and \
        all(any(cognate(f, e) for f in fr[1:]) for e in en)


def headless(fr: list[str], en_keys) -> set[str]:
    """The English keys among ``en_keys`` that lack the head of the French phrase (its first
    content word, ``fr[0]``) which a key one word longer on the right has: *confidence
    building* beside *confidence building measure* for *mesures de confiance* (English puts
    the head last, so the shorter span is a truncation, whatever the counts say).

    >>> sorted(headless(["mesure", "confiance"], ["confidence building",
    ...                 "confidence building measure", "confidence"]))
    ['confidence building']
    >>> headless(["maintien", "paix"], ["peacekeeping", "peacekeeping operation"])
    set()
    """
    keys = set(en_keys)
    out = set()
    for key in keys:
        shorter, _, last = key.rpartition(" ")
        if shorter in keys and fr and cognate(fr[0], last):
            out.add(shorter)
    return out


def explains(fr: list[str], en: list[str], match: Callable[[str, str], bool]) -> bool:
    """Whether every content word on each side matches one on the other side.

    >>> explains(["securite", "humaine"], ["human", "security"], cognate)
    True
    >>> explains(["securite", "humaine"], ["human", "security", "threat"], cognate)
    False
    """
    return bool(fr and en) and all(any(match(f, e) for f in fr) for e in en) and \
        all(any(match(f, e) for e in en) for f in fr)


def word_for_word(fr: list[str], en: list[str], match: Callable[[str, str], bool]) -> bool:
    """Whether the content words translate one for one: as many on each side, and each
    French word paired with its own English word (a perfect matching).

    >>> word_for_word(["securite", "humaine"], ["human", "security"], cognate)
    True
    >>> word_for_word(["concrets", "concernant"], ["concrete"], cognate)
    False
    """
    if not fr or len(fr) != len(en):
        return False
    partner: dict[int, int] = {}

    def place(i: int, seen: set[int]) -> bool:
        for j, e in enumerate(en):
            if j not in seen and match(fr[i], e):
                seen.add(j)
                if j not in partner or place(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(fr)))


_HONORIFIC_FR = re.compile(r"\b(?:M|MM|Mme|Mmes|Mlle)\b")
_HONORIFIC_EN = re.compile(r"\b(?:Mr|Ms|Mrs|Messrs)\b")
_OTHER_FR = re.compile(r"\bautres?\b", re.IGNORECASE)
_OTHER_EN = re.compile(r"\bothers?\b", re.IGNORECASE)


def same_shape(fr_text: str, en_text: str) -> bool:
    """What word-by-word explanation cannot see: numbers, honorifics (a person's name is
    whole without them) and *autres* / *other* on one side only.

    >>> same_shape("Première session ordinaire", "First regular session 2015")
    False
    >>> same_shape("candidature de Mme", "candidature of Ms"), same_shape("autres donateurs", "donors")
    (False, False)
    >>> same_shape("base juridique", "legal basis")
    True
    """
    if re.search(r"\d", fr_text) or re.search(r"\d", en_text):
        return False
    if _HONORIFIC_FR.search(fr_text) or _HONORIFIC_EN.search(en_text):
        return False
    return bool(_OTHER_FR.search(fr_text)) == bool(_OTHER_EN.search(en_text))


def taught_words(phrases: Sequence[tuple[list[str], list[str]]],
                 match: Callable[[str, str], bool], min_phrases: int = 2) -> set[tuple[str, str]]:
    """Word pairs the lexicon lacks, taught by phrases: when every content word of a phrase
    pair but one on each side matches, those two words translate each other; taught by
    ``min_phrases`` different phrases, the pair is kept (*vice* = *deputy*, from *Vice-Premier
    Ministre* / *Deputy Prime Minister* and *Vice-Secrétaire général* / *Deputy
    Secretary-General*; one phrase alone would explain itself).

    >>> match = lambda f, e: cognate(f, e) or (f, e) == ("premier", "prime")
    >>> sorted(taught_words([(["vice", "premier", "ministre"], ["deputy", "prime", "minister"]),
    ...                      (["vice", "secretaire", "general"], ["deputy", "secretary", "general"]),
    ...                      (["note", "cadrage"], ["concept", "note"])], match))
    [('vice', 'deputy')]
    """
    teachers: dict[tuple[str, str], set] = defaultdict(set)
    for fr, en in phrases:
        if len(fr) < 2 or len(en) < 2:
            continue
        left_f = [w for w in fr if not any(match(w, x) for x in en)]
        left_e = [x for x in en if not any(match(w, x) for w in fr)]
        if len(left_f) == 1 and len(left_e) == 1:
            teachers[left_f[0], left_e[0]].add((tuple(fr), tuple(en)))
    return {pair for pair, seen in teachers.items() if len(seen) >= min_phrases}


def explained_links(links: list, weak: int, single: frozenset[str] = frozenset()) -> list:
    """Without the links made ``weak`` times or fewer (or made in one document only: French
    keys in ``single``) that are not explained word by word (see the module docstring), the
    lexicon of the strong links widened by the word pairs the weak links teach
    (:func:`taught_words`)."""
    match = word_lexicon([(link.fr_key, link.en_key) for link in links
                          if link.links > weak and link.fr_key not in single])
    words = {link.fr_key: (content_words(link.fr_text(), FR_FUNCTION),
                           content_words(link.en_text(), EN_FUNCTION)) for link in links}
    weak_words = [words[link.fr_key] for link in links
                  if link.links <= weak or link.fr_key in single]
    taught = taught_words(weak_words, match)

    def wider(f: str, e: str) -> bool:
        return match(f, e) or (f, e) in taught

    return [link for link in links
            if (link.links > weak and link.fr_key not in single)
            or explains(*words[link.fr_key], wider)]


def phrase_shaped(text: str) -> bool:
    """Whether a French candidate may be linked by explanation alone: two content words or
    more, no digit (a footnote mark) or stray punctuation, no coordination (two terms).

    >>> phrase_shaped("sécurité humaine"), phrase_shaped("paix et sécurité")
    (True, False)
    >>> phrase_shaped("droits1 humains"), phrase_shaped("principe physique>>."), phrase_shaped("paix")
    (False, False, False)
    """
    words = text.split()
    return len(content_words(text, FR_FUNCTION)) >= 2 and "et" not in words \
        and not re.search(r"[^\w\s'’-]|\d", text)


def link_explained(
    fr_candidates: Sequence[Sequence[Candidate]],
    spans: Sequence[Sequence[Span]],
    taken: Sequence[Sequence[tuple[tuple[int, int], tuple[int, int]]]],
    lengths: Sequence[tuple[int, int]],
    linked: set[str],
    match: Callable[[str, str], bool],
    consistent: Callable,
    min_share: float = 0.3,
) -> dict[str, tuple]:
    """The English of the French keys not in ``linked`` that are phrase-shaped: in each pair
    *i*, the span of ``spans[i]`` that explains the candidate word by word, is consistent
    with the links ``taken[i]`` of that pair and sits near the same relative position
    (``lengths[i]`` = French and English sentence lengths); the longest wins.

    Returns ``{French key: (English keys chosen, French forms, English forms of the best
    key, evidence (pair, French offsets, English offsets), share capitalised)}`` for the keys
    whose best English key was chosen in at least ``min_share`` of their pairs.
    """
    where: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    for i, cands in enumerate(fr_candidates):
        for c in cands:
            if c.key not in linked and c.content >= 2:
                where[c.key].append((i, c))
    out = {}
    for key, occurrences in where.items():
        if not phrase_shaped(occurrences[0][1].text):
            continue
        chosen: Counter = Counter()
        forms_fr: Counter = Counter()
        found = []
        caps = 0
        for i, c in occurrences:
            fr_words = content_words(c.text, FR_FUNCTION)
            fr_len, en_len = (max(n, 1) for n in lengths[i])
            f_mid = (c.start + c.end) / 2 / fr_len
            best = None
            for s in spans[i]:
                if abs(s.content - c.content) > 1:
                    continue
                gap = abs((s.start + s.end) / 2 / en_len - f_mid)
                if gap > MAX_POSITION_GAP:
                    continue
                en_words = content_words(s.text, EN_FUNCTION)
                if mismatched(fr_words, en_words) or not same_shape(c.text, s.text) \
                        or not word_for_word(fr_words, en_words, match):
                    continue
                if not consistent((c.start, c.end), (s.start, s.end), taken[i]):
                    continue
                rank = (len(en_words), -gap)
                if best is None or rank > best[0]:
                    best = (rank, s)
            if best is not None:
                s = best[1]
                chosen[s.key] += 1
                forms_fr[c.text] += 1
                found.append((i, (c.start, c.end), (s.start, s.end), s.key, s.text))
                caps += c.text[:1].isupper() and c.start > 0
        if not chosen:
            continue
        en_key, n = chosen.most_common(1)[0]
        if n < min_share * len(occurrences):
            continue
        forms_en = Counter(text for *_, k, text in found if k == en_key)
        evidence = [(i, f, e) for i, f, e, k, _ in found if k == en_key]
        out[key] = (chosen, forms_fr, forms_en, evidence, caps / sum(forms_fr.values()))
    return out
