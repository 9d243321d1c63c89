"""Alembic environment: runs inside the connection and transaction `store.migrate` opens.

`eventwire db upgrade` (and `open_store`) pass a connection that already holds the
schema lock (BEGIN IMMEDIATE on SQLite, an advisory lock on PostgreSQL), so two
processes opening a fresh database at once migrate it once. Run by hand
(`alembic -x url=... upgrade head` with a config naming this folder), it opens its own.
"""

from __future__ import annotations

from alembic import context

from eventwire.store.engine import build_engine, write_transaction
from eventwire.store.schema import metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or context.config.get_main_option("sqlalchemy.url")
    engine = build_engine(url)
    try:
        with write_transaction(engine) as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("eventwire migrations run online only: use `eventwire db upgrade --db URL`")
run_migrations_online()
