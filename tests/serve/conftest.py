"""Fixtures for the serve tests: the example bundle stored in SQLite and PostgreSQL, an in-process
client over it, and `eventwire serve` running on a free port.

The bundle is extracted once per session with the real pipeline (`ew`) and stored once per
engine; tests that write get an empty database of their own (`db_url`).
"""

from __future__ import annotations

import warnings

import pytest

from eventwire.config import Settings
from tests.serve.bundle import EXAMPLES, bundle_database, extract_bundle
from tests.serve.running import RunningServer

TOKEN = "test-token-7f3a"

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note that httpx2 exists; TestClient is httpx-based
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def bundle_extracted(ew):
    if not EXAMPLES.exists():
        pytest.skip(f"{EXAMPLES} not found (the example bundle in ../shared/examples)")
    return extract_bundle(ew)


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bundle_url(request, tmp_path_factory, bundle_extracted):
    """A database holding the example bundle, merged: once on SQLite, once on PostgreSQL."""
    yield from bundle_database(request, tmp_path_factory, bundle_extracted, "bundle")


@pytest.fixture(scope="session")
def client(bundle_url):
    """An in-process HTTP client (httpx, via ASGI) on the app over the bundle database."""
    from eventwire.serve.api import create_app

    with TestClient(create_app(Settings(db=bundle_url)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def write_client(db_url, ew):
    """A client on an empty database that accepts writes with TOKEN (sharing the session's pipeline)."""
    from eventwire.serve.api import create_app

    app = create_app(Settings(db=db_url, token=TOKEN), pipeline=ew)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(bundle_url):
    """`eventwire serve` over the bundle database on a free port, for the whole session."""
    server = RunningServer(bundle_url)
    yield server
    server.stop()
