"""Schema creation and upgrades with the Alembic migrations shipped in the package; on both engines."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from sqlalchemy import text

from eventwire.cli import main
from eventwire.errors import SchemaMismatch
from eventwire.store import open_store, upgrade_database
from eventwire.store.engine import build_engine
from eventwire.store.migrate import current_revision, head_revision
from eventwire.store.schema import metadata


def _engine_specific(obj, name, type_, reflected, compare_to) -> bool:
    """The search index (and FTS5's shadow tables) is created by raw SQL, outside the metadata."""
    return not (type_ == "table" and name.startswith("search_index"))


def test_upgrade_from_empty_builds_exactly_the_declared_schema(db_url):
    assert upgrade_database(db_url) == head_revision()
    engine = build_engine(db_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"include_object": _engine_specific,
                                                             "compare_type": True})
            assert compare_metadata(context, metadata) == []
            conn.execute(text("SELECT count(*) FROM search_index")).scalar_one()
    finally:
        engine.dispose()


def test_upgrade_twice_is_a_no_op(db_url):
    upgrade_database(db_url)
    store = open_store(db_url)
    try:
        assert upgrade_database(db_url) == head_revision()
        assert current_revision(store.engine) == head_revision()
    finally:
        store.close()


def test_a_schema_newer_than_this_eventwire_is_refused(db_url):
    store = open_store(db_url)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    store.close()
    with pytest.raises(SchemaMismatch, match="newer than this eventwire knows"):
        open_store(db_url)


def test_cli_db_upgrade_then_stats(db_url):
    runner = CliRunner()
    upgraded = runner.invoke(main, ["db", "upgrade", "--db", db_url])
    assert upgraded.exit_code == 0, upgraded.output
    stats = runner.invoke(main, ["db", "stats", "--db", db_url])
    assert stats.exit_code == 0, stats.output
    data = json.loads(stats.stdout)
    assert data["revision"] == head_revision()
    assert data["tables"]["articles"] == 0
