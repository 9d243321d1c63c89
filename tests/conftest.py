"""Shared fixtures for the whole suite."""

pytest_plugins = ["tests.pg"]  # pg_admin_url, pg_url, db_url: real PostgreSQL and SQLite (tests/pg.py)
