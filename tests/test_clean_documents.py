"""Cleaning whole documents: the five French seeds, the UDHR in English, an English letter."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from aligner.clean import clean_file, clean_text
from aligner.clean.lexicon import build_word_list, corpus_files, shipped_words
from aligner.document import PARAGRAPH_KINDS


def _pairs(doc):
    return [(p.kind, p.text) for p in doc.paragraphs if p.kind != "footnote"]


_FURNITURE = re.compile(
    r"^\s*(?:\d{2}-\d{5}.*|\d+/\d+\s+\d{2}-\d{5}|\*\d+\*|_{5,}|https?://\S+|mailto:\S+|"
    r"[AS]/\d+/\d+)\s*$"
)


def _raw_tokens(source: str) -> list[str]:
    kept = [line for line in source.replace("**", "").split("\n") if not _FURNITURE.match(line)]
    return re.findall(r"\w+", "\n".join(kept))


def _cleaned_blob(doc) -> str:
    parts = [p.text for p in doc.paragraphs] + [n.text for n in doc.footnotes]
    parts += [" ".join(p.notes + p.refs) for p in doc.paragraphs] + doc.header
    return re.sub(r"\s+", "", " ".join(parts))


def _documents(seeds_root):
    import seeds

    return [*seeds.french_documents(), seeds_root / "udhr" / "udhr_eng.txt"]


@pytest.fixture(scope="module")
def cleaned(seeds_root):
    return {path.name: (path.read_text(encoding="utf-8"), clean_file(path))
            for path in _documents(seeds_root)}


def test_every_word_survives_and_none_is_invented(cleaned):
    for name, (source, doc) in cleaned.items():
        blob = _cleaned_blob(doc)
        glued = re.compile("(?:" + "|".join(n.number for n in doc.footnotes) + ")$")
        for token, count in Counter(_raw_tokens(source)).items():
            # a detached note number: "dollars2" is "dollars", "0001" is "000"
            stripped = glued.sub("", token) if doc.footnotes else token
            found = max(blob.count(token), blob.count(stripped))
            assert found >= count, f"{name}: {token!r} {count}x in the source, {found}x cleaned"
        squeezed_source = re.sub(r"\s+", "", source.replace("**", ""))
        for token in re.findall(r"\w+", " ".join(p.text for p in doc.paragraphs)):
            assert token in squeezed_source, f"{name}: {token!r} was invented"


def test_offsets_point_into_the_source(cleaned):
    for name, (source, doc) in cleaned.items():
        for para in doc.paragraphs:
            assert len(para.offsets) == len(para.text), name
            for ch, at in zip(para.text, para.offsets, strict=True):
                if ch.isalnum():
                    assert source[at] == ch, f"{name}: {ch!r} at {at} is {source[at]!r}"
            assert para.start <= para.offsets[0] and para.offsets[-1] < para.end


def test_kinds_are_known_and_nothing_is_empty(cleaned):
    for name, (_source, doc) in cleaned.items():
        assert doc.paragraphs, name
        for para in doc.paragraphs:
            assert para.kind in PARAGRAPH_KINDS and para.text.strip() == para.text != "", name
            assert "  " not in para.text and "**" not in para.text, (name, para.text)


def test_s_2021_297(cleaned):
    _source, doc = cleaned["S-2021-297.fr.txt"]
    assert doc.symbol == "S/2021/297"
    assert doc.header == ["Nations Unies", "S/2021/297", "Conseil de sécurité", "Distr. générale",
                          "26 mars 2021", "Français", "Original : anglais"]
    numbered = [p for p in doc.paragraphs if p.kind == "numbered"]
    assert [p.marker for p in numbered] == [f"{n}." for n in range(1, 17)]
    assert numbered[0].notes == ["1", "2"] and "488 000. Ce constat" in numbered[0].text
    assert "éviter les erreurs d’appréciation et d’entretenir" in numbered[3].text
    assert "re lations" not in numbered[4].text and "aux relations interétatiques" in numbered[4].text
    assert [n.number for n in doc.footnotes] == ["1", "2"]
    assert numbered[13].refs == ["mailto:dppa-scsb3@un.org"]
    kinds = Counter(p.kind for p in doc.paragraphs)
    assert kinds["lettered"] == 9 and kinds["signature"] == 2 and kinds["heading"] == 7 and kinds["footnote"] == 2
    assert all("21-04084" not in p.text for p in doc.paragraphs)


def test_a_75_345(cleaned):
    _source, doc = cleaned["A-75-345-S-2020-898.fr.txt"]
    assert doc.symbol == "A/75/345-S/2020/898"
    numbered = [p for p in doc.paragraphs if p.kind == "numbered"]
    assert [p.marker for p in numbered] == [f"{n}." for n in range(1, 109)]
    assert numbered[49].notes == ["1"] and numbered[49].text.endswith("institutionnelle.")
    assert numbered[49].refs == ["https://undocs.org/fr/A/RES/72/262"]
    assert "soixante-quinzième anniversaire" in numbered[107].text
    headings = [p.text for p in doc.paragraphs if p.kind == "heading"]
    assert "Résumé" in headings and "IV. Observations et recommandations" in headings


def test_udhr_english(cleaned):
    _source, doc = cleaned["udhr_eng.txt"]
    assert doc.lang == "en" and len(doc.header) == 4
    assert [p.text for p in doc.paragraphs if p.kind == "heading"].count("Article 1") == 1
    assert sum(p.text.startswith("Article ") for p in doc.paragraphs if p.kind == "heading") == 30


def test_other_letters(cleaned):
    for name in ("2021-10-19-Mexique-lettre.fr.txt", "2016-10-14-Federation-de-Russie-lettre.fr.txt",
                 "2003-04-25-Mexique-lettre.fr.txt"):
        doc = cleaned[name][1]
        kinds = [p.kind for p in doc.paragraphs]
        assert "signature" in kinds and "heading" in kinds, name
        assert any(p.text.startswith("(Signé)") for p in doc.paragraphs), name


def test_language_warning():
    text = "The Security Council and the Secretary-General of the United Nations. " * 10
    doc = clean_text(text, "fr")
    assert doc.warnings and "English" in doc.warnings[0]
    assert clean_text(text, None).lang == "en"


def test_shipped_word_list_is_rebuilt_from_the_seeds(seeds_root):
    assert set(build_word_list(corpus_files(seeds_root))) == shipped_words()


ENGLISH_LETTER_LINES = """
 United Nations  S/2021/297

Security Council  Distr.: General

26 March 2021

Original: English

21-04084 (E)    310321

*2104084*

  Letter dated 25 March 2021 from the Permanent Representative of

Viet Nam to the United Nations addressed to the Secretary-General
~

 Viet Nam will hold the presidency of the Security Council in April 2021. In

that capacity, it intends to organize an open debate on the theme “Enhancing

cooperation between the United Nations and regional organizations” .

 I should be grateful if you would have the present letter circulated as a

document of the Security Council.
~

(Signed) Dang Dinh Quy

Ambassador Extraordinary and Plenipotentiary

Permanent Representative of Viet Nam to the United Nations

  Concept note
~

1. Since 2015, conflicts have claimed more than 488,0001 lives. The United

Nations ' s role in con flict prevention , however, remains essential in order

__________________

 1 Uppsala Conflict Data Program, 2021; see also the report of the Secretary-

General (S/2015/730).

https://undocs.org/en/S/2015/730

S/2021/297
~

21-04084 2/5

~

to avoid miscalculations.2

2. Regional organizations have comparative advantages.
"""
# Every printed line ends with a space and "~" is a line of one space, as in the seeds.
ENGLISH_LETTER = "\n".join(
    " " if line == "~" else line + " " if line else "" for line in ENGLISH_LETTER_LINES.split("\n")
)


def test_english_letter():
    doc = clean_text(ENGLISH_LETTER, None)
    assert doc.lang == "en" and doc.symbol == "S/2021/297" and not doc.warnings
    assert doc.header == ["United Nations", "S/2021/297", "Security Council", "Distr.: General",
                          "26 March 2021", "Original: English"]
    assert _pairs(doc)[6:] == [
        ("heading", "Letter dated 25 March 2021 from the Permanent Representative of Viet Nam to "
                    "the United Nations addressed to the Secretary-General"),
        ("body", "Viet Nam will hold the presidency of the Security Council in April 2021. In that "
                 "capacity, it intends to organize an open debate on the theme “Enhancing "
                 "cooperation between the United Nations and regional organizations”."),
        ("body", "I should be grateful if you would have the present letter circulated as a "
                 "document of the Security Council."),
        ("signature", "(Signed) Dang Dinh Quy"),
        ("signature", "Ambassador Extraordinary and Plenipotentiary Permanent Representative of "
                      "Viet Nam to the United Nations"),
        ("heading", "Concept note"),
        ("numbered", "1. Since 2015, conflicts have claimed more than 488,000 lives. The United "
                     "Nations's role in conflict prevention, however, remains essential in order "
                     "to avoid miscalculations.2"),
        ("numbered", "2. Regional organizations have comparative advantages."),
    ]
    first = doc.paragraphs[-3]
    assert first.notes == ["1"] and first.refs == ["https://undocs.org/en/S/2015/730"]
    assert [(n.number, n.text) for n in doc.footnotes] == [
        ("1", "Uppsala Conflict Data Program, 2021; see also the report of the Secretary-General "
              "(S/2015/730).")]
