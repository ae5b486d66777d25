"""Sentence pairs of the French–English corpora beyond the UN pairs, as :class:`AlignedPair`.

Used at development time only (``benchmarks/derive_corpora.py``), over the corpora listed in
``shared/corpus/SOURCES.md``; the names learnt from them are shipped in ``seeds/terms/``, so
nothing here is read at run time. Each pair's ``source`` names its corpus and its place in
it, as the entry page shows it:

- :func:`hansard_pairs`: the Canadian Hansard (ISI aligned release, 36th Parliament), line
  *i* of ``*.e.utf8.txt`` ↔ line *i* of ``*.f.utf8.txt``;
- :func:`law_pairs`: a Canadian Act or Regulation in its English and French XML (Justice
  Canada), paired by element path (section, subsection, paragraph labels; definitions by
  their defined term), which both versions share;
- :func:`udhr_pairs`: the Universal Declaration of Human Rights (OHCHR XML), by title,
  preamble and article.
"""

from __future__ import annotations

import re
from pathlib import Path

from termbase.errors import FormatError
from termbase.extract.cooccur import AlignedPair
from termbase.safexml import parse_file

#: Corpus labels, as the evidence names them.
HANSARD = "Canadian Hansard"
LAWS = "Justice Canada"
UDHR = "Universal Declaration of Human Rights"
UNPC = "UN Parallel Corpus"
#: The UDHR's document symbol (General Assembly resolution 217 A (III)).
UDHR_SYMBOL = "A/RES/217(III)"
_SKIP = {"HistoricalNote", "Label", "DefinedTermEn", "DefinedTermFr", "Repealed",
         "AmendmentCitation", "AmendmentDate", "Identification", "RegulationMakerOrder"}


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def corpus_of(source: str) -> str:
    """The corpus a pair's ``source`` belongs to.

    >>> corpus_of("Canadian Hansard 36.1, debates 205, line 3"), corpus_of("UNv1.0.devset.fr:2")
    ('Canadian Hansard', 'UN Parallel Corpus')
    """
    for label in (HANSARD, LAWS, UDHR):
        if source.startswith(label):
            return label
    return UNPC


def hansard_pairs(folder: str | Path) -> list[AlignedPair]:
    """The line pairs of every sitting in ``folder`` (empty lines left out)."""
    pairs = []
    for en_path in sorted(Path(folder).glob("*.e.utf8.txt")):
        fr_path = en_path.with_name(en_path.name.replace(".e.utf8.txt", ".f.utf8.txt"))
        m = re.search(r"(\d+)\.(\d+)\.house\.debates\.(\d+)", en_path.name)
        if not fr_path.exists() or not m:
            raise FormatError(f"{en_path}: no French counterpart or unknown name")
        lines_en = en_path.read_text(encoding="utf-8").splitlines()
        lines_fr = fr_path.read_text(encoding="utf-8").splitlines()
        if len(lines_en) != len(lines_fr):
            raise FormatError(f"{en_path}: {len(lines_en)} lines, French {len(lines_fr)}")
        where = f"{HANSARD} {m[1]}.{m[2]}, debates {m[3]}"
        for i, (en, fr) in enumerate(zip(lines_en, lines_fr, strict=True), 1):
            if en.strip() and fr.strip():
                pairs.append(AlignedPair(_tidy(fr), _tidy(en), f"{where}, line {i}"))
    return pairs


def _texts(element, path: tuple[str, ...], out: dict[tuple[str, ...], str]) -> None:
    """Every ``Text`` (and title) of ``element`` by its element path."""
    ordinals: dict[str, int] = {}
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag or tag in _SKIP:
            continue
        label = child.find("Label")
        if tag == "Definition":
            term = child.find(".//DefinedTermEn")
            key = f"Definition={_tidy(''.join(term.itertext()))}" if term is not None else ""
        elif label is not None:
            key = f"{tag}={_tidy(''.join(label.itertext()))}"
        else:
            ordinals[tag] = ordinals.get(tag, 0) + 1
            key = f"{tag}#{ordinals[tag]}"
        if not key:
            continue
        if tag in ("Text", "TitleText", "MarginalNote", "ShortTitle", "LongTitle"):
            text = _tidy("".join(child.itertext()))
            if text:
                out[(*path, key)] = text
        else:
            _texts(child, (*path, key), out)


def _label(path: tuple[str, ...]) -> str:
    """A readable place: ``s. 3(2)(a)`` from the labels of a path."""
    labels = [part.split("=", 1)[1] for part in path
              if "=" in part and not part.startswith("Definition")]
    defined = [part.split("=", 1)[1] for part in path if part.startswith("Definition=")]
    place = f"s. {''.join(labels)}" if labels else "title"
    return f"{place}, “{defined[0]}”" if defined else place


def law_pairs(en_path: str | Path, fr_path: str | Path) -> list[AlignedPair]:
    """The text pairs of one Act or Regulation whose element paths agree."""
    en_root, fr_root = parse_file(en_path), parse_file(fr_path)
    number = en_root.findtext(".//InstrumentNumber") or en_root.findtext(
        ".//ConsolidatedNumber") or Path(en_path).stem
    texts_en: dict[tuple[str, ...], str] = {}
    texts_fr: dict[tuple[str, ...], str] = {}
    _texts(en_root, (), texts_en)
    _texts(fr_root, (), texts_fr)
    return [AlignedPair(texts_fr[key], text, f"{LAWS} {_tidy(number)}, {_label(key)}")
            for key, text in texts_en.items() if key in texts_fr]


def udhr_pairs(en_path: str | Path, fr_path: str | Path) -> list[AlignedPair]:
    """The title, the preamble and each article of the Declaration in both languages."""
    def parts(path) -> dict[str, str]:
        root = parse_file(path)
        ns = {"u": root.nsmap.get(None, "")} if root.nsmap.get(None) else {}
        q = "u:" if ns else ""
        out = {"title": _tidy(root.findtext(f"{q}title", namespaces=ns) or "")}
        preamble = root.find(f"{q}preamble", namespaces=ns)
        if preamble is not None:
            out["preamble"] = _tidy(" ".join(preamble.itertext()))
        for article in root.findall(f"{q}article", namespaces=ns):
            out[f"article {article.get('number')}"] = _tidy(" ".join(article.itertext()))
        return out

    en, fr = parts(en_path), parts(fr_path)
    return [AlignedPair(fr[key], en[key], f"{UDHR}, {key}", UDHR_SYMBOL)
            for key in en if key in fr and en[key] and fr[key]]
