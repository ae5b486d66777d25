"""The word list used to repair words split or hyphenated by PDF extraction.

``aligner/data/words_fr_en.txt.gz`` holds the lower-cased words of the French and English
sides of the UN Parallel Corpus dev and test sets shipped in ``seeds/unpc``, one per line.
Rebuild it with::

    python -c "from aligner.clean.lexicon import write_word_list; write_word_list()"
"""

from __future__ import annotations

import gzip
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
WORD_LIST = DATA / "words_fr_en.txt.gz"
#: Letters only: digits, apostrophes and hyphens separate words.
WORD = re.compile(r"[^\W\d_]+")


def words(text: str) -> list[str]:
    """The lower-cased words of ``text``.

    >>> words("L’ONU a 193 États-Membres")
    ['l', 'onu', 'a', 'états', 'membres']
    """
    return [w.lower() for w in WORD.findall(text)]


def corpus_files(root: Path | None = None) -> list[Path]:
    """The UN Parallel Corpus files the word list is built from."""
    if root is None:
        import seeds

        root = seeds.ROOT
    unpc = Path(root) / "unpc"
    return sorted(unpc.glob("UNv1.0.*.fr")) + sorted(unpc.glob("UNv1.0.*.en"))


def build_word_list(paths: Iterable[Path]) -> list[str]:
    """Sorted distinct words of the given UTF-8 text files."""
    vocabulary: set[str] = set()
    for path in paths:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                vocabulary.update(words(line))
    return sorted(vocabulary)


def write_word_list(out: Path = WORD_LIST, paths: Iterable[Path] | None = None) -> int:
    """Write the word list (gzip, one word a line, reproducible bytes); returns its size."""
    vocabulary = build_word_list(paths if paths is not None else corpus_files())
    data = ("\n".join(vocabulary) + "\n").encode("utf-8")
    tmp = Path(out).with_suffix(".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as handle:
        handle.write(data)
    tmp.replace(out)
    return len(vocabulary)


@lru_cache(maxsize=1)
def shipped_words() -> frozenset[str]:
    """The shipped word list (empty if the data file is missing)."""
    try:
        with gzip.open(WORD_LIST, "rt", encoding="utf-8") as handle:
            return frozenset(line.strip() for line in handle if line.strip())
    except OSError:
        return frozenset()


class Lexicon:
    """Known words: the shipped list plus the words of the document being cleaned.

    >>> lex = Lexicon("les conflits armés", base=frozenset({"relations"}))
    >>> lex.knows("conflits"), lex.knows("relations"), lex.knows("conf")
    (True, True, False)
    """

    def __init__(self, document: str = "", base: frozenset[str] | None = None):
        self.base = shipped_words() if base is None else base
        self.counts = Counter(words(document))

    def knows(self, word: str) -> bool:
        """``word`` is in the word list or occurs in the document."""
        word = word.lower()
        return word in self.base or self.counts[word] > 0

    def is_word(self, piece: str) -> bool:
        """``piece`` is a word in its own right: listed, or seen twice in the document
        (a piece of a split word occurs once, where the word was split)."""
        piece = piece.lower()
        return piece in self.base or self.counts[piece] > 1

    def should_join(self, left: str, right: str) -> bool:
        """Join two pieces when the joined word is known and one piece is not a word.

        >>> lex = Lexicon("", base=frozenset({"conflits", "lits", "en", "fin", "enfin"}))
        >>> lex.should_join("conf", "lits"), lex.should_join("en", "fin")
        (True, False)
        """
        if not self.knows(left + right):
            return False
        return not (self.is_word(left) and self.is_word(right))
