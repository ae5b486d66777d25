"""Properties of cleaning on arbitrary text: no crash, offsets always point into the source."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from aligner.clean import clean_text
from aligner.errors import InputError

# Characters that drive the cleaner: words, digits, markers, furniture, French punctuation.
PIECES = st.sampled_from(
    ["Le", "conf", "lits", "ONU", "l", "’", "'", "d", "-", "–", " ", "  ", "\n", "\n\n", " \n",
     "12.", "a)", "(a)", "1", "2", "0001", "488", ",", ".", ";", ":", "?", "«", "»", "**",
     "__________", "S/2021/297", "21-04084 2/5", "*2104084*", "https://undocs.org/fr/S/2015/730",
     "(Signé)", "Nations Unies", "Original : anglais", "\f", "\t", "é", "États", "\u00ad", "ﬁ"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=60).map("".join), st.sampled_from(["fr", "en"]))
@example("__________\n**", "fr")  # a star under a rule is no note whose body is a star
def test_cleaning_never_fails_and_keeps_offsets(text, lang):
    try:
        doc = clean_text(text, lang)
    except InputError:
        assert not text.strip()
        return
    for para in doc.paragraphs:
        assert para.text and para.text == para.text.strip()
        assert len(para.offsets) == len(para.text)
        for ch, at in zip(para.text, para.offsets, strict=True):
            if ch.isalnum() and ch.isascii():
                assert doc.source[at] == ch or doc.source[at] in "ﬁ"
    for note in doc.footnotes:  # numbered notes, or starred ones (*, **, ***) with a body
        assert note.number.isdigit() or set(note.number) == {"*"}
        assert note.text.strip("* \n")
