"""Punkt parameters shipped with termalign: load, dump, and build a tokenizer from them.

The parameters are trained by :mod:`aligner.segment.train` on shipped UN text and stored as
plain JSON (``aligner/data/punkt_fr.json``, ``punkt_en.json``); the abbreviations we curate by
hand live next to them (``abbreviations_fr.txt``, ``abbreviations_en.txt``). Nothing is
downloaded: the tokenizer is built from these files alone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from aligner.errors import AlignerError
from ioguard.atomic import write_text

DATA = Path(__file__).resolve().parent.parent / "data"
LANGS = ("fr", "en")


@cache
def language_vars_class() -> type:
    """Punkt's language variables, adapted to UN French and English typography (nltk is
    imported here, on first segmentation, not when the module is imported).

    A word never starts with an apostrophe or an opening quote, so that in ``l’art.`` the
    token Punkt looks up is ``art.`` (a known abbreviation) and not ``’art.``.

    >>> language_vars_class()().word_tokenize("selon l’art. 5, « Il dit. »")
    ['selon', 'l', '’', 'art.', '5', ',', '«', 'Il', 'dit.', '»']
    """
    from nltk.tokenize.punkt import PunktLanguageVars

    class UNLanguageVars(PunktLanguageVars):
        _re_word_start = r"[^\(\"\`{\[:;&\#\*@\)}\]\-,’'‘«»“”„]"

    return UNLanguageVars


def __getattr__(name: str):
    """``UNLanguageVars``: the class of :func:`language_vars_class`, built on first use."""
    if name == "UNLanguageVars":
        return language_vars_class()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def params_path(lang: str) -> Path:
    """Where the trained parameters for ``lang`` are stored."""
    return DATA / f"punkt_{check_lang(lang)}.json"


def abbreviations_path(lang: str) -> Path:
    """Where the curated abbreviation list for ``lang`` is stored."""
    return DATA / f"abbreviations_{check_lang(lang)}.txt"


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is ``fr`` or ``en``; raise :class:`AlignerError` otherwise."""
    if lang not in LANGS:
        raise AlignerError(f"unsupported language {lang!r} (expected 'fr' or 'en')")
    return lang


def params_to_dict(params) -> dict:
    """Plain, sorted data for JSON (stable across runs, diff-friendly)."""
    return {
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {k: v for k, v in sorted(params.ortho_context.items()) if v},
    }


def params_from_dict(data: dict):
    """Build nltk's ``PunktParameters`` from :func:`params_to_dict` data."""
    from nltk.tokenize.punkt import PunktParameters

    params = PunktParameters()
    params.abbrev_types = set(data.get("abbrev_types", ()))
    params.collocations = {(a, b) for a, b in data.get("collocations", ())}
    params.sent_starters = set(data.get("sent_starters", ()))
    for typ, flag in data.get("ortho_context", {}).items():
        params.ortho_context[typ] = int(flag)
    return params


def dump_params(data: dict, path: Path) -> None:
    """Write parameter data as JSON, atomically."""
    write_text(Path(path), json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n")


def load_params(path: Path) -> dict:
    """Read parameter data written by :func:`dump_params`."""
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError) as exc:
        raise AlignerError(f"cannot read Punkt parameters {path}: {exc}") from exc


@dataclass(frozen=True)
class Abbreviations:
    """A curated abbreviation list, as Punkt types (lower case, no final period).

    ``added`` are abbreviations; ``removed`` are types Punkt learned by mistake; ``bound``
    (a subset of ``added``) never end a sentence, whatever follows (``M.``, ``e.g.``, ``No.``);
    ``final`` (a subset too) often end one: a capitalised word after them starts a sentence
    (``at 3 p.m. The``, ``etc. Les``).
    """

    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    bound: frozenset[str] = frozenset()
    final: frozenset[str] = frozenset()


def parse_abbreviations(text: str) -> Abbreviations:
    """Read a curated list: one entry per line as printed, ``#`` starts a comment.

    Each space-separated word of an entry becomes a lower-case type without its final period
    (``op. cit.`` gives ``op`` and ``cit``). A line starting with ``!`` removes a type Punkt
    learned by mistake; one starting with ``+`` is an abbreviation that never ends a sentence,
    one starting with ``=`` an abbreviation that often does.

    >>> abbr = parse_abbreviations("+M.\\nop. cit.  # opere citato\\n=p.m.\\n!lao\\n")
    >>> sorted(abbr.added), sorted(abbr.removed), sorted(abbr.bound), sorted(abbr.final)
    (['cit', 'm', 'op', 'p.m'], ['lao'], ['m'], ['p.m'])
    """
    added: set[str] = set()
    removed: set[str] = set()
    bound: set[str] = set()
    final: set[str] = set()
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        prefix = entry[:1]
        if prefix in ("!", "+", "="):
            entry = entry[1:]
        types = {w.rstrip(".").lower() for w in entry.split()} - {""}
        if prefix == "!":
            removed |= types
        else:
            added |= types
            if prefix == "+":
                bound |= types
            elif prefix == "=":
                final |= types
    return Abbreviations(*(frozenset(t) for t in (added, removed, bound, final)))


@cache
def curated_abbreviations(lang: str) -> Abbreviations:
    """The hand-curated abbreviations for ``lang``."""
    path = abbreviations_path(lang)
    try:
        return parse_abbreviations(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise AlignerError(f"cannot read abbreviation list {path}: {exc}") from exc


@cache
def tokenizer(lang: str):
    """The Punkt tokenizer for ``lang``: trained parameters plus curated abbreviations,
    loaded on the first segmentation in that language."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    params = params_from_dict(load_params(params_path(lang)))
    abbr = curated_abbreviations(lang)
    params.abbrev_types = (params.abbrev_types - abbr.removed) | abbr.added
    return PunktSentenceTokenizer(params, lang_vars=language_vars_class()())
