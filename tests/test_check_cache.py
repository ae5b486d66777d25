"""The on-disk checker cache: built once per termbase version, rebuilt after a write."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from checks.cache import cache_path, load_checker
from termalign.cli import cli
from termbase.model import Concept, Term
from termbase.store import Termbase


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as tb, tb.transaction():
        tb.add_concept(Concept("title", [Term("fr", "OTSC", "acronym"),
                                         Term("en", "CSTO", "acronym")], curated=True))
    return path


def _version(path) -> int:
    with Termbase.open(path) as tb:
        return tb.data_version()


def test_built_once_then_loaded(db):
    first = load_checker(db)
    path = cache_path(db, _version(db))
    assert path.is_file()
    stamp = path.stat().st_mtime_ns
    second = load_checker(db)
    assert path.stat().st_mtime_ns == stamp  # loaded, not rebuilt
    pair = ("L'OTSC a signé.", "The OTSC signed.")
    assert [i.kind for i in second.check_pair(*pair)] == [i.kind for i in first.check_pair(*pair)]


def test_rebuilt_after_a_write_and_old_file_removed(db):
    load_checker(db)
    old = cache_path(db, _version(db))
    with Termbase.open(db) as tb, tb.transaction():
        tb.add_concept(Concept("title", [Term("fr", "CEDEAO", "acronym"),
                                         Term("en", "ECOWAS", "acronym")], curated=True))
    checker = load_checker(db)
    assert not old.exists() and cache_path(db, _version(db)).is_file()
    assert [i.kind for i in checker.check_pair("La CEDEAO.", "The CEDEAO.")] == [
        "untranslated-acronym"]


def test_a_corrupt_cache_file_is_rebuilt(db):
    load_checker(db)
    path = cache_path(db, _version(db))
    path.write_bytes(b"not a pickle")
    checker = load_checker(db)
    assert checker.check_pair("L'OTSC a signé.", "The OTSC signed.")
    assert path.read_bytes() != b"not a pickle"


def test_check_cli_source_and_lang(db, tmp_path):
    tsv = tmp_path / "pairs.tsv"
    tsv.write_text("La CSTO a signé le 19 avril 2021.\tThe CSTO signed on 19 April 2021.\n",
                   encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["check", str(tsv), "--db", str(db), "--json", "--source",
                                 "en", "--lang", "fr"])
    assert result.exit_code == 1, result.output
    assert '"source": "en"' in result.output and "sigle « CSTO » non traduit" in result.output
    result = runner.invoke(cli, ["check", str(tsv), "--db", str(db), "--json"])
    assert result.exit_code == 0 and '"source": "fr"' in result.output
    result = runner.invoke(cli, ["check", str(tsv), "--db", str(db), "--source", "de"])
    assert result.exit_code == 2


def test_check_follows_the_tmx_srclang(db, tmp_path):
    tmx = tmp_path / "a.tmx"
    tmx.write_text('<?xml version="1.0"?><tmx version="1.4"><header creationtool="t" '
                   'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" '
                   'srclang="en" datatype="plaintext"/><body><tu><tuv xml:lang="en"><seg>'
                   'The CSTO signed.</seg></tuv><tuv xml:lang="fr"><seg>La CSTO a signé.</seg>'
                   '</tuv></tu></body></tmx>', encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmx), "--db", str(db), "--json"])
    assert result.exit_code == 1 and '"source": "en"' in result.output


def test_a_concurrent_write_is_not_cached(db, monkeypatch):
    original = Termbase.iter_concepts

    def iter_with_a_writer(self):
        with Termbase.open(db) as other, other.transaction():  # another writer commits
            other.add_concept(Concept("title", [Term("fr", "UA", "acronym"),
                                                Term("en", "AU", "acronym")], curated=True))
        yield from original(self)

    before = _version(db)
    monkeypatch.setattr(Termbase, "iter_concepts", iter_with_a_writer)
    load_checker(db)
    monkeypatch.undo()
    assert not list(db.parent.glob(f"{db.name}.matcher.*.pickle"))
    assert _version(db) != before
    load_checker(db)  # the next call saves the settled version
    assert cache_path(db, _version(db)).is_file()
