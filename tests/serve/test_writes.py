"""`POST /api/articles`: token required (401 without, never 500), bad bodies 422, good ones extracted,
stored and merged. Each test gets an empty database of its own, on SQLite and on PostgreSQL."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from eventwire.config import Settings
from tests.serve.bundle import EXAMPLES
from tests.serve.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _reports(*ids):
    if not EXAMPLES.exists():
        pytest.skip(f"{EXAMPLES} not found")
    lines = [json.loads(line) for line in (EXAMPLES / "crocus-reports.jsonl").read_text(encoding="utf-8").splitlines()]
    return [{key: line[key] for key in ("id", "text", "published", "source", "title", "lang")}
            for line in lines if line["id"] in ids]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN + "x"},
                                     {"Authorization": "Bearer \xe4".encode("latin-1")}])
def test_post_without_the_right_token_is_401(write_client, headers):
    response = write_client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=headers)
    assert response.status_code == 401 and "token" in response.json()["error"]


def test_post_is_401_when_the_server_has_no_token(db_url):
    from eventwire.serve.api import create_app

    with TestClient(create_app(Settings(db=db_url, token=""))) as client:
        response = client.post("/api/articles", json={"articles": [{"text": "x"}]}, headers=AUTH)
    assert response.status_code == 401 and "EVENTWIRE_TOKEN" in response.json()["error"]


@pytest.mark.parametrize("body, where", [
    ({}, "articles"),
    ({"articles": []}, "articles"),
    ({"articles": [{"title": "no text"}]}, "text"),
    ({"articles": [{"text": "   "}]}, "text"),
    ({"articles": [{"text": "a\u0000b"}]}, "text"),
    ({"articles": [{"text": "ok", "published": "last Friday"}]}, "published"),
    ({"articles": [{"text": "ok", "published": 5}]}, "published"),
    ([{"text": "a list, not an object"}], "body"),
])
def test_post_bad_bodies_are_422_naming_the_field(write_client, body, where):
    response = write_client.post("/api/articles", json=body, headers=AUTH)
    assert response.status_code == 422, response.text
    assert where in response.json()["error"]


def test_post_lone_surrogate_is_422(write_client):
    raw = b'{"articles": [{"text": "bad \\ud800 text"}]}'
    response = write_client.post("/api/articles", content=raw, headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422 and "articles.0.text" in response.json()["error"]


def test_post_not_json_is_422(write_client):
    response = write_client.post("/api/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert response.status_code == 422 and response.json()["error"]


def test_post_extracts_stores_and_merges(write_client):
    articles = _reports("kerman-01", "kerman-02")
    response = write_client.post("/api/articles", json={"articles": articles}, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert [result["article_id"] for result in body["results"]] == ["kerman-01", "kerman-02"]
    assert body["n_stored"] == 2 and len(body["incident_ids"]) == 1
    incident = write_client.get(f"/api/incidents/{body['incident_ids'][0]}").json()
    assert sorted(incident["article_ids"]) == ["kerman-01", "kerman-02"]
    assert [report["best"] for report in incident["history"]["killed"]] == [103, 84]
    assert write_client.get("/api/articles/kerman-02").json()["highlights"]

    again = write_client.post("/api/articles", json={"articles": articles[:1]}, headers=AUTH).json()
    assert again["n_stored"] == 0 and "already stored" in again["results"][0]["note"]


def test_post_reused_id_fails_that_article_only(write_client):
    first = {"id": "same-id", "text": "Gunmen killed 3 people in Kerman on Monday, police said."}
    write_client.post("/api/articles", json={"articles": [first]}, headers=AUTH)
    clash = {"id": "same-id", "text": "A bomb killed 5 people in Peshawar on Tuesday, officials said."}
    other = {"text": "Two people were injured in a shooting in Kerman on Wednesday, state media said."}
    body = write_client.post("/api/articles", json={"articles": [clash, other]}, headers=AUTH).json()
    assert body["results"][0]["stored"] is False and "same-id" in body["results"][0]["error"]
    assert body["results"][1]["stored"] is True


def test_posted_markup_comes_back_as_plain_text(write_client):
    text = 'Police said <script>window.__pwned = 1</script> 4 people were killed in Kerman on Monday.'
    body = write_client.post("/api/articles", json={"articles": [{"id": "xss", "text": text}]}, headers=AUTH).json()
    assert body["results"][0]["stored"]
    assert write_client.get("/api/articles/xss").json()["article"]["text"] == text
