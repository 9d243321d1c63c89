"""The incident-list cache never serves a page older than the database."""

from __future__ import annotations

from fastapi.testclient import TestClient

from eventwire.config import load_settings
from eventwire.serve.api import create_app
from eventwire.store import open_store
from tests.store.samples import sample_article, sample_incident, sample_records


def _store_incidents(url: str, ids: list[str]) -> None:
    store = open_store(url)  # another connection, as a second process would have
    articles = [sample_article(n) for n in range(len(ids))]
    for article in articles:
        store.save_article(article, sample_records(article))
    store.save_incidents([sample_incident(i, articles) for i in ids], replace_all=False)
    store.close()


def test_list_follows_a_write_made_by_another_connection(tmp_path):
    url = f"sqlite:///{tmp_path}/cache.db"
    _store_incidents(url, ["a"])
    client = TestClient(create_app(load_settings(db=url)))
    assert client.get("/api/incidents").json()["total"] == 1
    assert client.get("/api/incidents").json()["total"] == 1  # served again, from the cache
    _store_incidents(url, ["b", "c"])
    assert client.get("/api/incidents").json()["total"] == 3


def test_postgresql_is_never_cached(pg_url):
    _store_incidents(pg_url, ["a"])
    app = create_app(load_settings(db=pg_url))
    assert not app.state.list_cache.enabled
