"""Which French file goes with which English file: by name, or by a manifest CSV.

By name, a file's *stem* is its name without the extension and without language tags
(``fr``, ``fra``, ``fre``, ``french``, ``francais`` / ``en``, ``eng``, ``english``) separated by
``.``, ``_`` or ``-``: ``X.fr.txt`` and ``X.en.txt`` pair, and so do ``fr/X.txt`` and
``en/X.txt``, or ``udhr_fra.txt`` and ``udhr_eng.txt``. A file tagged with the other language
is ignored (so both languages may live in one folder).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from aligner.errors import InputError

TAGS = {
    "fr": frozenset({"fr", "fra", "fre", "french", "francais", "français"}),
    "en": frozenset({"en", "eng", "english"}),
}
_SEPARATORS = re.compile(r"([._\-])")
#: Characters kept in an output file name; anything else becomes ``_``.
_UNSAFE = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class DocumentPair:
    """A French document and its English translation; ``name`` names the output files."""

    name: str
    fr: Path
    en: Path


@dataclass
class Pairing:
    """The pairs found, and the files that could not be paired (with the reason)."""

    pairs: list[DocumentPair] = field(default_factory=list)
    unpaired: list[tuple[str, str]] = field(default_factory=list)


def split_name(name: str) -> tuple[str, str | None]:
    """The stem of a file name and the language its tags say (``None`` when untagged).

    >>> split_name("S-2021-297.fr.txt")
    ('S-2021-297', 'fr')
    >>> split_name("udhr_eng.txt"), split_name("report.txt"), split_name("EN_A-75-345.docx")
    (('udhr', 'en'), ('report', None), ('A-75-345', 'en'))
    """
    base = name.rsplit(".", 1)[0] if "." in name.lstrip(".") else name
    parts = _SEPARATORS.split(base)
    words, seps = parts[0::2], parts[1::2]
    lang = None
    kept: list[str] = []
    for index, word in enumerate(words):
        tagged = next((code for code, tags in TAGS.items() if word.lower() in tags), None)
        if tagged and len(words) > 1:
            lang = lang or tagged
            continue
        if kept:
            kept.append(seps[index - 1])
        kept.append(word)
    stem = "".join(kept).strip("._-") or base
    return stem, lang


def safe_name(stem: str) -> str:
    """A file-name-safe version of a pair name.

    >>> safe_name("S/2021/297 annex")
    'S_2021_297_annex'
    """
    return _UNSAFE.sub("_", stem).strip("_") or "pair"


def _files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder")
    return sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))


def pair_by_name(fr_dir: str | Path, en_dir: str | Path) -> Pairing:
    """Pair the files of ``fr_dir`` with those of ``en_dir`` by their stem."""
    sides: dict[str, dict[str, list[Path]]] = {"fr": defaultdict(list), "en": defaultdict(list)}
    for lang, folder in (("fr", Path(fr_dir)), ("en", Path(en_dir))):
        for path in _files(folder):
            stem, tagged = split_name(path.name)
            if tagged is None or tagged == lang:
                sides[lang][stem].append(path)
    result = Pairing()
    names: set[str] = set()
    for stem in sorted(set(sides["fr"]) | set(sides["en"])):
        fr, en = sides["fr"].get(stem, []), sides["en"].get(stem, [])
        if len(fr) == 1 and len(en) == 1:
            name = _unique(safe_name(stem), names)
            result.pairs.append(DocumentPair(name, fr[0], en[0]))
        elif not fr or not en:
            missing = "English" if not en else "French"
            for path in fr or en:
                result.unpaired.append((str(path), f"no {missing} file with stem {stem!r}"))
        else:
            for path in fr + en:
                result.unpaired.append((str(path), f"several files share the stem {stem!r}"))
    return result


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate.lower())
    return candidate


def read_manifest(path: str | Path, base: str | Path | None = None,
                  name: str | None = None) -> Pairing:
    """Pairs from a CSV with the columns ``fr`` and ``en`` (and an optional ``name``).

    Relative paths are relative to ``base``, by default the manifest's folder (a manifest
    read from standard input: the current folder); ``name`` is how the summary names the
    manifest (``-`` for standard input; by default its path). Raises
    :class:`~aligner.errors.InputError` when the columns are missing.
    """
    path = Path(path)
    base = path.parent if base is None else Path(base)
    result = Pairing()
    names: set[str] = set()
    try:
        return _read_manifest(path, base, result, names, name or str(path))
    except csv.Error as exc:  # a field over csv's limit (128 KiB), a NUL byte...
        raise InputError(f"{path}: not a manifest CSV ({exc})") from None


def _read_manifest(path: Path, base: Path, result: Pairing, names: set[str],
                   name: str) -> Pairing:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = {c.strip().lower(): c for c in reader.fieldnames or []}
        if "fr" not in columns or "en" not in columns:
            raise InputError(f"{path}: a manifest needs the columns fr and en")
        for row in reader:
            fr_text = (row.get(columns["fr"]) or "").strip()
            en_text = (row.get(columns["en"]) or "").strip()
            if not fr_text and not en_text:
                continue
            if not fr_text or not en_text:
                where = f"{name}:{reader.line_num}"
                result.unpaired.append((where, "the row lacks a French or an English path"))
                continue
            fr, en = base / fr_text, base / en_text
            given = (row.get(columns["name"]) or "").strip() if "name" in columns else ""
            stem = given or split_name(fr.name)[0]
            result.pairs.append(DocumentPair(_unique(safe_name(stem), names), fr, en))
    return result
