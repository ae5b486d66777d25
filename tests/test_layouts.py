"""UN documents in six layouts (1994 to 2021; New York, Geneva, Vienna, Nairobi), French and
English, as PDF: real pypdf extraction, nothing of the body lost or invented, structure
(preamble, operative paragraphs, sub-items, annexes, signatures, footnotes in every style).

The documents are ``tests/data/layouts/{dev,test}/*.pdf`` written by
``benchmarks/make_layouts.py`` from UNPC pairs; the ``.txt`` next to each PDF is its pypdf
extraction, the ``.gold.json`` the alignment known from the construction. Accuracy targets
are checked here on the ``dev`` documents only; the ``test`` documents are held out for
``benchmarks/bench_e2e.py``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from aligner.clean import clean_text
from aligner.readers import read_text
from aligner.segment import segment_document

LAYOUTS = Path(__file__).parent / "data" / "layouts"
NAMES = ["ny1994_resolution", "ge2009_hrc_report", "ny2021_letter", "vi2015_cnd_report",
         "nb2015_unep_report", "ny1998_report"]
ALL = [(split, name, lang) for split in ("dev", "test") for name in NAMES for lang in ("fr", "en")]
#: The documents checked here; the held-out ``test`` ones are only read (extraction, gold).
DOCS = [doc for doc in ALL if doc[0] == "dev"]


def _id(doc) -> str:
    return "-".join(doc)


@pytest.fixture(scope="module")
def cleaned():
    cache = {}

    def get(split, name, lang):
        key = (split, name, lang)
        if key not in cache:
            text = (LAYOUTS / split / f"{name}.{lang}.txt").read_text(encoding="utf-8")
            cache[key] = (text, clean_text(text, lang))
        return cache[key]

    return get


def _gold(split: str, name: str) -> list:
    return json.loads((LAYOUTS / split / f"{name}.gold.json").read_text(encoding="utf-8"))["beads"]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("doc", ALL[::5], ids=_id)
def test_the_text_is_pypdf_extraction_of_the_pdf(doc):
    split, name, lang = doc
    folder = LAYOUTS / split
    assert read_text(folder / f"{name}.{lang}.pdf") == (folder / f"{name}.{lang}.txt").read_text(
        encoding="utf-8")


# Lines that are page furniture, masthead or table of contents in these layouts (by hand,
# from the layouts' definitions): what the cleaner may drop.
_DROPPABLE = re.compile(
    r"^(?:(?:GE\.|V\.)?\d{2}-\d{5}.*|\d{1,3}/\d{1,3} (?:V\.)?\d{2}-\d{5}|K\d{7}.*|\*\d+\*|_{5,}|"
    r"[Pp]age \d+|/\.\.\.|\d{1,3}|(?:A|S|E|UNEP)/[A-Z0-9./]+|Français|English|FRANCAIS|"
    r".*\.{4,} \d+ - \d+ \d+|Paragraph(?:e)?s Page)$"
)


@pytest.mark.parametrize("doc", DOCS, ids=_id)
def test_nothing_of_the_body_is_lost_or_invented(cleaned, doc):
    source, cleaned_doc = cleaned(*doc)
    body = _squeeze(" ".join(p.text for p in cleaned_doc.body()))
    # every gold sentence is in the body, whole (hyphens and spaces aside)
    side = 0 if doc[2] == "fr" else 1
    for bead in _gold(doc[0], doc[1]):
        for sentence in bead[side]:
            assert _squeeze(sentence) in body, sentence
    # every word of the source is kept somewhere (body, footnotes, header, detached marks)
    blob = _squeeze(" ".join([p.text for p in cleaned_doc.paragraphs] + cleaned_doc.header
                             + [" ".join(p.notes) for p in cleaned_doc.paragraphs]))
    lines = [re.sub(r"^Page \d+ ", "", line) for line in source.split("\n")]  # glued heads
    kept_lines = [line for line in lines if not _DROPPABLE.match(line.strip())]
    notes = "|".join(re.escape(n.number) for n in cleaned_doc.footnotes if n.number != "*")
    glued = re.compile(rf"(?:{notes})$") if notes else None
    for token, count in Counter(re.findall(r"\w+", "\n".join(kept_lines))).items():
        stripped = glued.sub("", token) if glued else token
        assert max(blob.count(token), blob.count(stripped)) >= min(count, 1), token
    # nothing invented
    squeezed_source = _squeeze(source)
    for token in re.findall(r"\w+", " ".join(p.text for p in cleaned_doc.paragraphs)):
        assert token in squeezed_source, f"{token!r} was invented"


@pytest.mark.parametrize("doc", DOCS, ids=_id)
def test_no_masthead_or_furniture_in_the_sentences(cleaned, doc):
    _source, cleaned_doc = cleaned(*doc)
    for sentence in segment_document(cleaned_doc):
        text = sentence.text
        assert not re.match(r"(?i)distr\.|original\s*:|(?:GE\.|V\.)?\d{2}-\d{5}|page \d", text), text
        assert not re.search(r"NATIONSNATIONS|UNIESUNIES|\.{6}| \d+/[,.;]|/\.\.\.", text), text
        assert not re.fullmatch(r"(?:\d{1,3}\.\s*)+", text), text  # no "2. 8." fragments


@pytest.mark.parametrize("split", ["dev"])
def test_resolution_structure(cleaned, split):
    for lang, adopting in (("fr", "L’Assemblée générale,"), ("en", "The General Assembly,")):
        _source, doc = cleaned(split, "ny1994_resolution", lang)
        kinds = [p.kind for p in doc.body()]
        texts = [p.text for p in doc.body()]
        assert texts[:4][3] == adopting
        assert kinds.count("preamble") == 12, lang
        numbered = [p.marker for p in doc.body() if p.kind == "numbered"]
        assert numbered == [f"{n}." for n in range(1, 15)], lang
        assert texts[-1] in ("85e séance plénière", "85th plenary meeting")
        assert [p.text[:9] for p in doc.body()][:2] == [
            "RESOLUTIO", "[sur le r" if lang == "fr" else "[on the r"]
        preambles = [p for p in doc.body() if p.kind == "preamble"]
        assert all(p.text.endswith(",") and not re.search(r"\d/", p.text) for p in preambles)
        assert doc.footnotes and all(n.number.isdigit() for n in doc.footnotes)
        marked = [n for p in doc.paragraphs for n in p.notes]
        assert sorted(marked, key=int) == [n.number for n in doc.footnotes]


@pytest.mark.parametrize("doc", [d for d in DOCS if "report" in d[1]], ids=_id)
def test_reports_headings_items_and_star_notes(cleaned, doc):
    _source, cleaned_doc = cleaned(*doc)
    body = cleaned_doc.body()
    headings = [p.text for p in body if p.kind == "heading"]
    assert sum(bool(re.match(r"(?:I|II|III|IV)\. ", h)) for h in headings) >= 3
    assert any(p.kind == "lettered" for p in body) or doc[1] != "vi2015_cnd_report"
    assert cleaned_doc.footnotes[0].number == "*" and cleaned_doc.footnotes[0].text in (
        "Soumis en retard.", "Late submission.")
    numbers = [n.number for n in cleaned_doc.footnotes[1:]]
    assert numbers == [str(k) for k in range(1, len(numbers) + 1)]
    assert not any(p.text.endswith("*") for p in body)
    if doc[1] == "ny1998_report":
        assert ("heading", "Annexe" if doc[2] == "fr" else "Annex") in [(p.kind, p.text) for p in body]


@pytest.mark.parametrize("split", ["dev"])
def test_letter_signature_and_annex(cleaned, split):
    for lang in ("fr", "en"):
        _source, doc = cleaned(split, "ny2021_letter", lang)
        kinds = {p.text: p.kind for p in doc.body()}
        signed = "(Signé) Dang Dinh Quy" if lang == "fr" else "(Signed) Dang Dinh Quy"
        assert kinds[signed] == "signature"
        annex = [t for t in kinds if t.startswith(("Annexe à la lettre", "Annex to the letter"))]
        assert len(annex) == 1 and kinds[annex[0]] == "heading"
        assert doc.symbol == "S/2021/297"


def _e2e_f1(split: str) -> float:
    from benchmarks.bench_e2e import counts, f1, gold_keys, termalign_e2e, unit_keys

    total = [0, 0, 0, 0]
    for name in NAMES:
        folder = LAYOUTS / split
        fr = (folder / f"{name}.fr.txt").read_text(encoding="utf-8")
        en = (folder / f"{name}.en.txt").read_text(encoding="utf-8")
        c = counts(unit_keys(*termalign_e2e(fr, en)), gold_keys(_gold(split, name)))
        total = [a + b for a, b in zip(total, c, strict=True)]
    return f1(total)


def test_end_to_end_on_the_development_layouts():
    assert _e2e_f1("dev") >= 0.97


def test_held_out_gold_is_large_enough_and_read():
    beads = [b for name in NAMES for b in _gold("test", name)]
    assert len(beads) >= 300
    assert all(f and e for f, e in beads)
    # the gold comes from the construction: French on the left, English on the right
    assert sum(("’" in " ".join(f)) for f, _e in beads) > sum(("’" in " ".join(e)) for _f, e in beads)
