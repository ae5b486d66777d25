"""Inline codes in the format layer: ``aligner.formats.tmx.load`` (``build --tmx``, ``eval``)
and the streaming reader (``build --from-tmx``) keep TMX codes out of the text, as the checks do."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from aligner.formats import inline, tmx, tmx_stream
from aligner.formats.model import Alignment, Unit

ROOT = Path(__file__).resolve().parent.parent

HEADER = ('<tmx version="1.4"><header srclang="fr" segtype="sentence" datatype="plaintext" '
          'adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>')


def _tmx(tmp_path, fr_seg: str, en_seg: str, props: str = "") -> Path:
    path = tmp_path / "codes.tmx"
    path.write_text(f'{HEADER}<tu tuid="1">{props}<tuv xml:lang="fr-FR"><seg>{fr_seg}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>{en_seg}</seg></tuv></tu></body></tmx>',
                    encoding="utf-8")
    return path


@pytest.mark.parametrize(("seg", "text"), [
    ('Le gros <bpt i="1">&lt;u></bpt>chat<ept i="1">&lt;/u></ept> noir.', "Le gros chat noir."),
    ('Le <ph x="1">&lt;br/></ph> Conseil.', "Le Conseil."),
    ('<it pos="begin">&lt;a></it>Le Conseil.', "Le Conseil."),
    ('Le Conseil<ut>{\\f1}</ut>.', "Le Conseil."),
    ('Le <hi type="term">Conseil</hi> de sécurité.', "Le Conseil de sécurité."),
    ('Voir <ph x="2">&lt;img alt="<sub>Une image</sub>"/></ph> ici.', "Voir ici."),
    ('Le <bpt i="5" type="bold"/>Conseil<ept i="5">&lt;/b></ept> siège. <ph/>', "Le Conseil siège."),
    ("Deux  espaces\net une ligne.", "Deux  espaces\net une ligne."),  # no code: as written
])
def test_tmx_load_keeps_inline_codes_out(tmp_path, seg, text):
    path = _tmx(tmp_path, seg, "The Council.")
    (unit,) = tmx.load(path).units
    assert unit.fr == text and unit.en == "The Council."
    assert [s.unit for s in tmx_stream.iter_units(path)] == [unit]  # the streaming reader agrees


def test_round_trip_with_inline_codes(tmp_path):
    path = _tmx(tmp_path, 'Le <bpt i="1">&lt;b></bpt>Conseil<ept i="1">&lt;/b></ept> a voté.',
                'The <bpt i="1">&lt;b></bpt>Council<ept i="1">&lt;/b></ept> voted<ph x="2"/>.',
                '<prop type="x-score">0.8125</prop><prop type="x-fr-sentences">3</prop>'
                '<prop type="x-en-sentences">3 4</prop>')
    first = tmx.load(path)
    assert first.units == [Unit("Le Conseil a voté.", "The Council voted.", 0.8125, False,
                                (3,), (3, 4))]
    again = tmp_path / "again.tmx"
    tmx.dump(first, again)
    assert "bpt" not in again.read_text(encoding="utf-8")
    assert tmx.load(again).units == first.units


def test_round_trip_without_codes_is_unchanged(tmp_path):
    units = [Unit("Le  Conseil\nsiège.", "The Council sits. ", 0.5, True, (0,), (0,))]
    path = tmp_path / "plain.tmx"
    tmx.dump(Alignment(units, "a.fr.txt", "a.en.txt"), path)
    assert tmx.load(path).units == units


def test_real_omegat_tmx_through_the_aligner_reader(shared):
    path = shared / "interop/omegat__ImportTest2A.tmx"  # UTF-16LE, bpt/ept/ph/it from OmegaT
    units = tmx.load(path).units
    assert (units[0].fr, units[0].en) == ("Le gros chat noir dors.", "The big black cat sleeps.")
    assert [s.unit for s in tmx_stream.iter_units(path)] == units
    from checks import inputs

    checked = inputs.load_input(path).segments
    assert [(u.fr, u.en) for u in units] == [(s.fr, s.en) for s in checked]
    assert not any("</" in u.fr or "</" in u.en for u in units)


def test_checks_reuse_the_format_layer():
    from checks.inputs import inline as checks_inline

    assert checks_inline.flatten is inline.flatten and checks_inline.Code is inline.Code


def test_aligner_does_not_import_checks():
    for source in (ROOT / "aligner").rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n == "checks" or n.startswith("checks.") for n in names), source
