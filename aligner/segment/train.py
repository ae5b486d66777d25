"""Train the Punkt parameters shipped in ``aligner/data`` from shipped UN text.

Reproducible: the inputs are the French seed documents and the UN Parallel Corpus dev and
test sets in ``seeds/``; ``benchmarks/train_punkt.py`` runs :func:`train_all`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

from aligner.segment.params import (
    UNLanguageVars,
    check_lang,
    dump_params,
    params_path,
    params_to_dict,
)

#: Training inputs per language, relative to the ``seeds`` folder.
TRAINING_FILES = {
    "fr": ["unpc/UNv1.0.devset.fr", "unpc/UNv1.0.testset.fr"],
    "en": ["unpc/UNv1.0.devset.en", "unpc/UNv1.0.testset.en"],
}

_FOOTNOTE_GLUE = re.compile(r"(?<=[^\W\d])\d{1,2}(?=[\s,.;:])")


def training_texts(seeds_root: Path, lang: str) -> list[str]:
    """The shipped texts used to train ``lang``: UNPC and (French) the seed documents.

    The UDHR is left out, to keep it as held-out test text.

    Footnote numbers glued to words in the PDF extractions (``dollars1``) are removed so that
    they do not pollute the word types.
    """
    check_lang(lang)
    names = list(TRAINING_FILES[lang])
    if lang == "fr":
        names += sorted(p.name for p in seeds_root.glob("*.fr.txt"))
    texts = []
    for name in names:
        text = (seeds_root / name).read_text(encoding="utf-8-sig")
        texts.append(_FOOTNOTE_GLUE.sub("", text))
    return texts


def train(texts: Iterable[str]) -> dict:
    """Train Punkt on ``texts`` and return the parameters as plain data.

    Collocations that start with a number (``##number##`` + ``decides``) are dropped: Punkt
    learns them from numbered paragraphs (``2. Decides``, ``12. At its session``), which the
    marker rule handles already, and they would hide real breaks such as ``in 2015. At``.
    """
    trainer = PunktTrainer(lang_vars=UNLanguageVars())
    for text in texts:
        trainer.train(text, finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    params.collocations = {c for c in params.collocations if c[0] != "##number##"}
    return params_to_dict(params)


def train_all(seeds_root: Path, langs: Iterable[str] = ("fr", "en")) -> list[Path]:
    """Train every language and write ``aligner/data/punkt_<lang>.json``."""
    written = []
    for lang in langs:
        inputs = TRAINING_FILES[lang] + (["*.fr.txt"] if lang == "fr" else [])
        data = {"lang": lang, "trained_on": inputs}
        data.update(train(training_texts(seeds_root, lang)))
        path = params_path(lang)
        dump_params(data, path)
        written.append(path)
    return written
