"""Shared fixtures for the whole suite."""

pytest_plugins = ["tests.pg"]  # pg_admin_url, pg_url, db_url: real PostgreSQL and SQLite (tests/pg.py)


import pytest


@pytest.fixture(scope="session")
def ew():
    """The loaded pipeline (spaCy model, gazetteer, patterns), built once per test session."""
    from eventwire.pipeline import load

    return load()
