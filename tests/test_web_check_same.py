"""``POST /api/check`` answers real UNPC pairs exactly as the request path did before its
shortcuts (anchors prepared once, no query while the termbase is unchanged), which change
nothing.

``data/web_check_main.json`` was produced by the code before those shortcuts, not by this
tree: this tree with the four request-path files of 823d05f (``aligner/align/driver.py``,
``aligner/align/inputs.py``, ``web/cache.py``, ``web/security.py``), and that commit's
``aligner/align/confidence.py``, whose features its ``driver.py`` gives::

    git archive HEAD | tar -x -C TREE
    for f in aligner/align/driver.py aligner/align/inputs.py aligner/align/confidence.py \
             web/cache.py web/security.py; do
        git show 823d05f:$f > TREE/$f; done
    # 823d05f's web/cache.py keeps no answer: give it the two names web/api.py now asks for
    printf 'def kept_answer(body):\n    return None\n\n\ndef keep_answer(body, made_by, answer):\n    return None\n' >> TREE/web/cache.py
    PYTHONPATH=TREE python benchmarks/record_web_check.py tests/data/web_check_main.json NOTE

(windows of the UNPC devset in ``seeds/unpc``: one line a side, one sentence a line, line
counts that differ so that the texts are aligned first, an English original, a pairs list).
When the seeds' termbase or the checks change, record again the same way.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from web import create_app

RECORDED = json.loads((Path(__file__).parent / "data" / "web_check_main.json")
                      .read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory) -> Path:
    from termalign.building import build_from_seeds

    db = tmp_path_factory.mktemp("seeds") / "seeds.sqlite3"
    stats = build_from_seeds(db).stats
    # the recording's termbase: if the seeds' build changed, record again (see above)
    assert {k: stats[k] for k in ("concepts", "terms")} == RECORDED["termbase"]
    return db


@pytest.fixture(scope="module")
def client(seeds_db, tmp_path_factory):
    app = create_app({"TERMALIGN_DB": str(seeds_db),
                      "RESULTS_DIR": str(tmp_path_factory.mktemp("results"))})
    return app.test_client()


@pytest.mark.parametrize("case", RECORDED["cases"], ids=lambda case: case["name"])
def test_check_answers_as_main_did(client, case):
    response = client.post("/api/check", json=case["body"])
    assert (response.status_code, response.get_json()) == (case["status"], case["json"])
    again = client.post("/api/check", json=case["body"])  # from the answers kept
    assert (again.status_code, again.get_data()) == (response.status_code, response.get_data())


def test_the_cases_cover_the_aligned_path():
    """Some recorded texts have different line counts (aligned before the check), some not."""
    def lines(text: str) -> int:
        return len([line for line in text.splitlines() if line.strip()])

    texts = [c["body"] for c in RECORDED["cases"] if "fr" in c["body"]]
    differ = [lines(b["fr"]) != lines(b["en"]) for b in texts]
    assert any(differ) and not all(differ)
    assert all(c["status"] == 200 and c["json"]["issues"] for c in RECORDED["cases"][5:9])


@pytest.mark.parametrize("start", [1800, 2600, 3000])
def test_prepared_anchors_align_as_the_plain_pairs(client, start):
    """The same beads with the termbase's pairs as a plain list and as ``TermAnchors``."""
    from aligner.pipeline import align_sentences
    from benchmarks.record_web_check import window
    from web.cache import anchor_terms

    fr, en = window(start)
    en = en[:3] + en[4:]  # a sentence left out: not a 1-1 alignment
    with client.application.app_context():
        anchors = anchor_terms()
    plain = list(anchors)
    assert len(anchors.present(fr, en)) < len(plain) / 10
    prepared = align_sentences(fr, en, terms=anchors)
    listed = align_sentences(fr, en, terms=plain)
    assert [(b.fr, b.en, b.score) for b in prepared.beads] == \
        [(b.fr, b.en, b.score) for b in listed.beads]
    assert any(len(b.fr) != 1 or len(b.en) != 1 for b in listed.beads)


def test_no_query_while_the_termbase_is_unchanged(client, seeds_db, monkeypatch):
    """Once the files have been still for ``SETTLED_NS``, a check asks the termbase nothing;
    an edit is seen by the next check."""
    from termbase.model import Concept, Term
    from termbase.store import Termbase
    from web import cache

    old = time.time_ns() - 2 * cache.SETTLED_NS
    for name in (seeds_db, Path(f"{seeds_db}-wal")):
        if name.exists():
            os.utime(name, ns=(old, old))
    body = {"fr": "Le Conseil de sécurité a examiné le rapport du Groupe de Zorglub.",
            "en": "The Security Council considered the report of the Group."}
    first = client.post("/api/check", json=body).get_json()  # a trusted reading
    calls = []
    real = Termbase.data_version
    monkeypatch.setattr(Termbase, "data_version", lambda tb: calls.append(1) or real(tb))
    for _ in range(3):
        assert client.post("/api/check", json=body).get_json() == first
    assert calls == []
    assert not any("Zorglub" in issue["source_term"] for issue in first["issues"])
    with Termbase.open(seeds_db) as tb:
        tb.add_concept(Concept("title", [Term("fr", "Groupe de Zorglub"),
                                         Term("en", "Zorglub Group")]))
    again = client.post("/api/check", json=body).get_json()
    assert calls and any(issue["source_term"] == "Groupe de Zorglub"
                         for issue in again["issues"])
