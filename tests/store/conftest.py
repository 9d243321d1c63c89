"""The `store` fixture: one open Store per test, on SQLite and on PostgreSQL (via `db_url`)."""

from __future__ import annotations

import pytest

from eventwire.store import open_store


@pytest.fixture
def store(db_url):
    opened = open_store(db_url)
    yield opened
    opened.close()
