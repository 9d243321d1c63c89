"""The REST API over the example bundle (extracted with the real pipeline, merged, stored), in process.

Every test runs on SQLite and on PostgreSQL (`bundle_url`). Expected values come from the
example bundle's README (../shared/examples): two incidents, Crocus City Hall and Kerman.
"""

from __future__ import annotations

import pytest


def _incidents(client, **params):
    response = client.get("/api/incidents", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _names(page):
    return sorted(item["location"] for item in page["items"])


@pytest.fixture(scope="module")
def crocus_id(client):
    return next(item["incident_id"] for item in _incidents(client)["items"] if item["location"] == "Crocus City Hall")


def test_list_has_the_two_bundle_incidents_with_map_columns(client):
    page = _incidents(client)
    assert _names(page) == ["Crocus City Hall", "Kerman"] and page["total"] == 2
    for item in page["items"]:
        assert -90 <= item["lat"] <= 90 and -180 <= item["lon"] <= 180 and item["killed_best"] > 0


@pytest.mark.parametrize("params, expected", [
    ({"country": "ru"}, ["Crocus City Hall"]),
    ({"country": "IR"}, ["Kerman"]),
    ({"date_from": "2024-03-01"}, ["Crocus City Hall"]),
    ({"date_from": "2024-01-01", "date_to": "2024-01-31"}, ["Kerman"]),
    ({"min_killed": 100}, ["Crocus City Hall"]),
    ({"event_type": "Armed Assault"}, ["Crocus City Hall"]),
    ({"event_type": "Bombing/Explosion"}, ["Kerman"]),
    ({"bbox": "44,25,63,40"}, ["Kerman"]),
    ({"bbox": "30,50,45,60"}, ["Crocus City Hall"]),
    ({"q": "Soleimani"}, ["Kerman"]),
    ({"q": "Crocus"}, ["Crocus City Hall"]),
    ({"q": "zzzunheardofword"}, []),
    ({"admin1": "moscow oblast"}, ["Crocus City Hall"]),
])
def test_list_filters(client, params, expected):
    assert _names(_incidents(client, **params)) == expected


def test_list_filters_by_an_actor_of_the_incident(client):
    kerman = next(item for item in _incidents(client)["items"] if item["location"] == "Kerman")
    actors = client.get(f"/api/incidents/{kerman['incident_id']}").json()["actors"]
    if not actors:
        pytest.fail("upstream: the merged Kerman incident has no actors (Incident.actors empty)")
    name = actors[0]["name"]
    assert "Kerman" in _names(_incidents(client, actor=name[1:-1].lower()))


def test_list_sorts_and_pages_with_next_offset(client):
    ascending = [item["location"] for item in _incidents(client, sort="killed")["items"]]
    assert ascending == ["Kerman", "Crocus City Hall"]  # 84 before 139
    first = _incidents(client, sort="-killed", limit=1)
    assert [item["location"] for item in first["items"]] == ["Crocus City Hall"] and first["next_offset"] == 1
    second = _incidents(client, sort="-killed", limit=1, offset=first["next_offset"])
    assert [item["location"] for item in second["items"]] == ["Kerman"] and second["next_offset"] is None


def test_incident_has_history_in_order_decisions_and_articles(client, crocus_id):
    incident = client.get(f"/api/incidents/{crocus_id}").json()
    exact = [report["best"] for report in incident["history"]["killed"] if not report["vague"]]
    steps = [value for n, value in enumerate(exact) if n == 0 or value != exact[n - 1]]
    assert steps == [40, 60, 93, 133, 137, 139]
    assert incident["best"]["killed"]["best"] == 139
    assert {decision["action"] for decision in incident["decisions"]} >= {"founded", "joined"}
    titles = {article["article_id"]: article["title"] for article in incident["articles"]}
    assert "shafaq-crocus" in titles and titles["crocus-01"] == "Gunmen open fire at Moscow-area concert hall"
    assert any(statement["kind"] == "denial" for statement in incident["statements"])


def test_every_history_span_points_into_its_article(client, crocus_id):
    incident = client.get(f"/api/incidents/{crocus_id}").json()
    texts = {}
    for report in incident["history"]["killed"]:
        article_id = report["article_id"]
        if article_id not in texts:
            texts[article_id] = client.get(f"/api/articles/{article_id}").json()["article"]["text"]
        for span in report["evidence"]:
            assert texts[article_id][span["start"]:span["end"]] == span["text"]


def test_article_has_records_and_highlights_with_source_chains(client):
    data = client.get("/api/articles/shafaq-crocus").json()
    assert data["article"]["source"] == "Shafaq News" and data["incident_ids"]
    highlights = data["highlights"]
    assert highlights and all(item["matches"] for item in highlights)
    forty = [item for item in highlights if item["field"] == "figure" and item["text"] == "at least 40"]
    assert forty, "no figure highlight on 'at least 40'"
    assert any("TASS" in " ".join(item["chain"]) for item in forty)
    assert {"figure", "location", "date"} <= {item["field"] for item in highlights}
    assert [item["start"] for item in highlights] == sorted(item["start"] for item in highlights)


def test_statements_filter_by_kind_and_incident(client, crocus_id):
    denials = client.get("/api/statements", params={"kind": "denial"}).json()
    assert denials["total"] >= 1 and {item["kind"] for item in denials["items"]} == {"denial"}
    of_crocus = client.get("/api/statements", params={"incident_id": crocus_id, "limit": 1000}).json()
    incident = client.get(f"/api/incidents/{crocus_id}").json()
    assert {item["record_id"] for item in of_crocus["items"]} == {s["record_id"] for s in incident["statements"]}
    assert client.get("/api/statements", params={"incident_id": "no-such"}).json()["total"] == 0


@pytest.mark.parametrize("path, status", [
    ("/api/incidents/no-such-incident", 404),
    ("/api/articles/no-such-article", 404),
    ("/api/incidents?date_from=22-03-2024", 422),
    ("/api/incidents?date_from=2024-02-30", 422),
    ("/api/incidents?bbox=1,2,3", 422),
    ("/api/incidents?bbox=10,0,5,1", 422),
    ("/api/incidents?bbox=a,b,c,d", 422),
    ("/api/incidents?bbox=0,0,nan,1", 422),
    ("/api/incidents?sort=killed;drop table incidents", 422),
    ("/api/incidents?limit=0", 422),
    ("/api/incidents?limit=100000", 422),
    ("/api/incidents?offset=-1", 422),
    ("/api/incidents?offset=99999999999999999999", 422),
    ("/api/incidents?min_killed=many", 422),
    ("/api/incidents?country=R%00U", 422),
    ("/api/incidents?q=%00", 422),
    ("/api/incidents/abc%00", 422),
    ("/api/statements?kind=rumour", 422),
])
def test_errors_are_json_with_a_message(client, path, status):
    response = client.get(path)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["error"]


@pytest.mark.parametrize("q", ['"unbalanced', "a OR", "-only", "NEAR(a b)", "*", "(((", "a AND OR NOT b", "🙂"])
def test_odd_search_queries_never_fail(client, q):
    assert client.get("/api/incidents", params={"q": q}).status_code == 200


def test_docs_and_openapi_are_served(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/incidents", "/api/incidents/{incident_id}", "/api/articles/{article_id}",
            "/api/statements", "/api/articles"} <= set(schema["paths"])
    docs = client.get("/docs").text
    assert "swagger" in docs.lower() and "cdn." not in docs  # fastapi-offline serves Swagger itself
