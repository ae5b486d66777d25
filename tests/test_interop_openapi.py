"""/api/openapi.json: a valid OpenAPI 3.1 document that describes the real responses; CORS."""

from __future__ import annotations

import jsonschema
import pytest
from openapi_spec_validator import validate

from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase
from web import create_app


@pytest.fixture()
def app(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as tb:
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Organisation du Traité de sécurité collective"), Term("fr", "OTSC", "acronym"),
            Term("en", "CSTO", "acronym")], evidence=[Evidence("S/2021/297", "l'OTSC", "the CSTO")]))
    return create_app({"TERMALIGN_DB": str(path), "TESTING": True})


@pytest.fixture()
def client(app):
    return app.test_client()


def _schema_of(doc: dict, path: str, method: str, status: str) -> dict:
    response = doc["paths"][path][method]["responses"][status]
    schema = response["content"]["application/json"]["schema"]
    return {**schema, "components": doc["components"]}


def _check(doc, path, method, response):
    status = str(response.status_code)
    assert response.mimetype == "application/json"
    jsonschema.validate(response.get_json(), _schema_of(doc, path, method, status))


def test_document_is_valid_openapi(client):
    doc = client.get("/api/openapi.json").get_json()
    validate(doc)
    assert doc["openapi"].startswith("3.")
    names = [p["name"] for p in doc["paths"]["/api/lookup"]["get"]["parameters"]]
    assert names == ["q", "lang", "mode", "kind", "status", "subject", "limit", "offset"]


def test_real_responses_match_the_document(client):
    doc = client.get("/api/openapi.json").get_json()
    _check(doc, "/api/lookup", "get", client.get("/api/lookup?q=otsc"))
    _check(doc, "/api/lookup", "get", client.get("/api/lookup?q=zzzz&lang=en&limit=5"))
    _check(doc, "/api/lookup", "get", client.get("/api/lookup"))  # 400
    _check(doc, "/api/entries/{id}", "get", client.get("/api/entries/1"))
    _check(doc, "/api/entries/{id}", "get", client.get("/api/entries/99"))  # 404
    _check(doc, "/api/check", "post", client.post(
        "/api/check", json={"fr": "L'OTSC compte 6 membres.", "en": "The OTSC has 7 members."}))
    _check(doc, "/api/check", "post", client.post("/api/check", json={"pairs": [["Un.", "One."]]}))
    _check(doc, "/api/check", "post", client.post("/api/check", json={"x": 1}))  # 400
    _check(doc, "/api/align", "post", client.post(
        "/api/align", json={"fr": ["Le Conseil se réunit.", "Il vote."],
                            "en": ["The Council meets.", "It votes."]}))
    tbx = client.get("/api/export.tbx?version=2")
    assert tbx.status_code == 200
    assert tbx.mimetype in doc["paths"]["/api/export.tbx"]["get"]["responses"]["200"]["content"]


def test_schemas_are_strict_enough_to_fail():
    from web.openapi import document

    schema = {**document()["components"]["schemas"]["Lookup"],
              "components": document()["components"]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"query": "x", "results": [{"id": "one"}]}, schema)
    # the paginated form of the search work (next: the offset of the next page)
    jsonschema.validate({"query": "x", "total": 41, "offset": 20, "limit": 20, "next": 40,
                         "results": []}, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"query": "x", "total": "many", "results": []}, schema)


def test_no_cors_by_default(client):
    response = client.get("/api/lookup?q=otsc", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in response.headers


def test_cors_opt_in(app):
    cors_app = create_app({"TERMALIGN_DB": app.config["TERMALIGN_DB"], "TESTING": True,
                           "CORS_ORIGIN": "https://example.org"})
    client = cors_app.test_client()
    ok = client.get("/api/lookup?q=otsc", headers={"Origin": "https://example.org"})
    assert ok.headers["Access-Control-Allow-Origin"] == "https://example.org"
    assert "Origin" in ok.headers["Vary"]
    other = client.get("/api/lookup?q=otsc", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in other.headers
    preflight = client.options("/api/check", headers={
        "Origin": "https://example.org", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type"})
    assert preflight.status_code == 200
    assert "POST" in preflight.headers["Access-Control-Allow-Methods"]
    page = client.get("/", headers={"Origin": "https://example.org"})
    assert "Access-Control-Allow-Origin" not in page.headers  # the API only
