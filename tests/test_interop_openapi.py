"""/api/openapi.json: a valid OpenAPI 3.1 document that describes the real responses; CORS."""

from __future__ import annotations

import html
import io
import json
import re

import jsonschema
import pytest
from openapi_spec_validator import validate
from webdata import EN_DOC, FR_DOC

from termbase.model import Concept, Evidence, Term
from termbase.store import Termbase
from web import create_app

COMMITTEES = ["Comité contre la torture", "Comité des droits de l'enfant",
              "Comité des droits de l'homme", "Comité des disparitions forcées",
              "Comité pour l'élimination de la discrimination raciale"]


@pytest.fixture()
def app(tmp_path):
    path = tmp_path / "tb.sqlite3"
    with Termbase.open(path) as tb:
        tb.add_concept(Concept(kind="title", curated=True, terms=[
            Term("fr", "Organisation du Traité de sécurité collective"), Term("fr", "OTSC", "acronym"),
            Term("en", "CSTO", "acronym")], evidence=[Evidence("S/2021/297", "l'OTSC", "the CSTO")]))
        for name in COMMITTEES:
            tb.add_concept(Concept(kind="title", curated=True, terms=[
                Term("fr", name), Term("en", name.replace("Comité", "Committee"))]))
    return create_app({"TERMALIGN_DB": str(path), "RESULTS_DIR": str(tmp_path / "results"),
                       "TESTING": True})


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
    xliff = ('<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file '
             'source-language="fr" target-language="en" datatype="plaintext" original="a"><body>'
             '<trans-unit id="a"><source>Un.</source><target state="final">One.</target>'
             '</trans-unit><trans-unit id="b"><source>Deux.</source><target state="new"/>'
             '</trans-unit></body></file></xliff>')
    uploaded = client.post("/api/check", data={"pairs": (io.BytesIO(xliff.encode()), "a.xlf")})
    _check(doc, "/api/check", "post", uploaded)
    assert uploaded.get_json()["untranslated"] == [{"segment": 2, "id": "b",
                                                    "reason": "no target"}]
    _check(doc, "/api/align", "post", client.post(
        "/api/align", json={"fr": ["Le Conseil se réunit.", "Il vote."],
                            "en": ["The Council meets.", "It votes."]}))
    glossary = client.post("/api/glossary", json={
        "text": "L'OTSC s'est réunie. Le Conseil de sécurité a pris note.", "source": "fr",
        "document": "lettre.txt"})
    assert glossary.status_code == 200, glossary.get_data(as_text=True)
    _check(doc, "/api/glossary", "post", glossary)
    _check(doc, "/api/glossary", "post", client.post("/api/glossary", json={"x": 1}))  # 400
    tbx = client.get("/api/export.tbx?version=2")
    assert tbx.status_code == 200
    assert tbx.mimetype in doc["paths"]["/api/export.tbx"]["get"]["responses"]["200"]["content"]


def test_lookup_pages_match_the_document(client):
    """Walk the real pages of a lookup by their ``next`` offsets: each one is valid, and
    together they hold every match once."""
    doc = client.get("/api/openapi.json").get_json()
    seen, offset, pages = [], 0, 0
    while offset is not None:
        response = client.get(f"/api/lookup?q=comité&mode=prefix&limit=2&offset={offset}")
        _check(doc, "/api/lookup", "get", response)
        page = response.get_json()
        assert (page["offset"], page["limit"], page["total"]) == (offset, 2, len(COMMITTEES))
        assert len(page["results"]) == min(2, page["total"] - offset)
        seen += [r["id"] for r in page["results"]]
        offset, pages = page["next"], pages + 1
    assert pages == 3 and len(set(seen)) == len(seen) == len(COMMITTEES)
    past = client.get("/api/lookup?q=comité&mode=prefix&offset=50")
    _check(doc, "/api/lookup", "get", past)
    assert past.get_json()["results"] == [] and past.get_json()["next"] is None
    _check(doc, "/api/lookup", "get", client.get("/api/lookup?q=comité&mode=nonsense"))  # 400
    modes = next(p for p in doc["paths"]["/api/lookup"]["get"]["parameters"]
                 if p["name"] == "mode")["schema"]["enum"]
    for mode in modes:  # every mode the document offers is one the server takes
        assert client.get(f"/api/lookup?q=comit&mode={mode}").status_code == 200


def test_schemas_are_strict_enough_to_fail(client):
    doc = client.get("/api/openapi.json").get_json()
    schema = _schema_of(doc, "/api/lookup", "get", "200")
    real = client.get("/api/lookup?q=comité&limit=2").get_json()
    jsonschema.validate(real, schema)
    for broken in ({**real, "results": [{"id": "one"}]}, {**real, "total": "many"},
                   {**real, "next": "2"}, {k: v for k, v in real.items() if k != "total"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)


def _csrf(client, url: str) -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)


def test_page_json_endpoints_match_the_document(client):
    doc = client.get("/api/openapi.json").get_json()
    _check(doc, "/api/", "get", client.get("/api/"))
    aligned = client.post("/align", data={
        "csrf_token": _csrf(client, "/align"),
        "fr_file": (io.BytesIO(FR_DOC.encode()), "lettre.fr.txt"),
        "en_file": (io.BytesIO(EN_DOC.encode()), "letter.en.txt")},
        content_type="multipart/form-data")
    result_id = aligned.headers["Location"].rsplit("/", 1)[1]
    page = client.get(f"/review/{result_id}").get_data(as_text=True)
    raw = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page,
                    re.S).group(1)
    beads = json.loads(html.unescape(raw) if raw.startswith("{&") else raw)["beads"]
    beads[0]["status"] = "approved"
    body = {"beads": beads}
    request_schema = doc["paths"]["/review/{result_id}"]["post"]["requestBody"]["content"]
    jsonschema.validate(body, {**request_schema["application/json"]["schema"],
                               "components": doc["components"]})
    saved = client.post(f"/review/{result_id}", json=body,
                        headers={"X-CSRF-Token": _csrf(client, "/align")})
    _check(doc, "/review/{result_id}", "post", saved)
    assert saved.get_json()["counts"]["approved"] == 1
    glossary = client.post("/glossary", data={"csrf_token": _csrf(client, "/glossary"),
                                              "text": FR_DOC, "lang": "fr"})
    gid = glossary.headers["Location"].rsplit("/", 1)[1]
    _check(doc, "/glossary/{result_id}.json", "get", client.get(f"/glossary/{gid}.json"))


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


def test_every_api_route_is_described(app, client):
    """Every route under /api/ of the application, with each of its methods, is in the
    document (path parameters compared by position, not by name)."""
    doc = client.get("/api/openapi.json").get_json()
    documented = {re.sub(r"\{\w+\}", "<>", path): item for path, item in doc["paths"].items()}
    routes = 0
    for rule in app.url_map.iter_rules():
        route = re.sub(r"<[^>]+>", "<>", rule.rule)
        if route.startswith("/api/"):
            routes += 1
            assert route in documented, f"{rule.rule} is not in /api/openapi.json"
            methods = {m.lower() for m in rule.methods} - {"head", "options"}
            assert methods <= set(documented[route]), rule.rule
    assert routes >= 7


def test_glossary_document_matches_its_schema(app):
    """What POST /api/glossary and GET /glossary/<id>.json return (web.glossary.make_glossary)
    has the Glossary schema."""
    from web.glossary import make_glossary
    from web.openapi import document

    with app.test_request_context():
        data = make_glossary(FR_DOC, "lettre.fr.txt", "fr")
        doc = document()
    assert data["entries"]  # a real glossary, not an empty one
    jsonschema.validate(data, {**doc["components"]["schemas"]["Glossary"],
                               "components": doc["components"]})
