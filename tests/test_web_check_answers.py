"""``POST /api/check`` answers the very same body sent again from the answers it kept
(:func:`web.cache.kept_answer`): the same bytes, without checking again, and only while the
termbase is unchanged; never an error, never another application's answer."""

from __future__ import annotations

import pytest
from webdata import build_termbase

import web.check
from web import create_app

BODY = {"fr": "L'OTSC a signé le 3 mai 2015.", "en": "The OTSC signed on 3 May 2015."}


@pytest.fixture()
def db(tmp_path):
    return build_termbase(tmp_path / "tb.sqlite3")


@pytest.fixture()
def checks(monkeypatch) -> list[int]:
    """One item per check the application really runs."""
    made: list[int] = []
    run = web.check.run_check

    def counted(*args, **kwargs):
        made.append(1)
        return run(*args, **kwargs)

    monkeypatch.setattr(web.check, "run_check", counted)
    return made


def _client(db, tmp_path, **config):
    return create_app({"TERMALIGN_DB": str(db), "RESULTS_DIR": str(tmp_path / "results"),
                       **config}).test_client()


def test_the_same_body_again_is_the_same_answer_checked_once(db, tmp_path, checks):
    client = _client(db, tmp_path)
    first = client.post("/api/check", json=BODY)
    again = client.post("/api/check", json=BODY)
    assert first.status_code == again.status_code == 200
    assert [i["kind"] for i in first.get_json()["issues"]] == ["untranslated-acronym"]
    assert again.get_data() == first.get_data() and again.mimetype == "application/json"
    assert len(checks) == 1
    client.post("/api/check", json=dict(BODY, source="en"))  # another body: checked
    assert len(checks) == 2


def test_a_write_to_the_termbase_checks_again(db, tmp_path, checks):
    from termbase.model import Concept, Term
    from termbase.store import Termbase

    client = _client(db, tmp_path)
    body = {"fr": "Le Bureau des affaires spatiales a signé.", "en": "The office signed."}
    before = client.post("/api/check", json=body).get_json()
    with Termbase.open(db) as tb:
        tb.add_concept(Concept("title", [
            Term("fr", "Bureau des affaires spatiales", "fullForm"),
            Term("en", "Office for Outer Space Affairs", "fullForm")], curated=True))
    after = client.post("/api/check", json=body).get_json()
    assert len(checks) == 2
    assert not before["issues"] and [i["kind"] for i in after["issues"]] == ["missing-title"]


def test_none_kept_when_switched_off_and_at_most_the_number_kept(db, tmp_path, checks):
    off = _client(db, tmp_path, CHECK_ANSWERS=0)
    for _ in range(3):
        off.post("/api/check", json=BODY)
    assert len(checks) == 3
    two = _client(db, tmp_path, CHECK_ANSWERS=2)
    bodies = [dict(BODY, en=f"The OTSC signed {n} times.") for n in range(3)]
    for body in bodies + bodies[1:]:  # the first is forgotten, the two last are kept
        two.post("/api/check", json=body)
    assert len(checks) == 3 + 3
    two.post("/api/check", json=bodies[0])
    assert len(checks) == 3 + 4


def test_an_error_is_not_kept_nor_another_applications_answer(db, tmp_path, checks):
    client = _client(db, tmp_path)
    for _ in range(2):
        assert client.post("/api/check", json={"fr": 3}).status_code == 400
    assert client.post("/api/check", json=BODY).status_code == 200
    spent = _client(db, tmp_path, REQUEST_BUDGET=-1)  # the same termbase, another app
    assert spent.post("/api/check", json=BODY).status_code == 422
    assert len(checks) == 2


def test_the_same_bytes_as_another_content_type_are_not_the_kept_answer(db, tmp_path, checks):
    import json

    client, raw = _client(db, tmp_path), json.dumps(BODY)
    assert client.post("/api/check", data=raw, content_type="application/json").status_code == 200
    again = client.post("/api/check", data=raw, content_type="text/plain")
    assert again.status_code == 400  # not a JSON body: refused, not answered from the kept one
