"""The store: SQLite by default (one file, many writers), PostgreSQL for teams.

    store = open_store("sqlite:///eventwire.db")     # or postgresql+psycopg://user@host/db
    store.save_article(article, records)              # False when that text is stored already
    for record in store.load_records(kind="incident"): ...

Modules: `schema` (the tables), `engine` (connections, SQLite pragmas, error
translation), `migrate` (Alembic, migrations in `migrations/`), `rows` (records to
rows), `database` (the Store), `incidents` (merged incidents), `search` (full text),
`queries` (incident filters for the API).
"""

from __future__ import annotations

from pathlib import Path

from eventwire.errors import SchemaMismatch, StoreError
from eventwire.store.database import Store
from eventwire.store.engine import build_engine, parse_url, redact, translate_errors
from eventwire.store.migrate import current_revision, ensure_schema, head_revision, upgrade
from eventwire.store.queries import SORT_KEYS, IncidentFilters
from eventwire.store.search import SearchHit


def open_store(url: str) -> Store:
    """A Store on `url`, creating or upgrading its schema as needed.

    Raises StoreError (with the URL, password hidden, and what to do) when the database
    cannot be reached or its schema is newer than this eventwire.
    """
    engine = build_engine(url)
    try:
        ensure_schema(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, url)


def upgrade_database(url: str) -> str:
    """Create or upgrade the schema at `url` (for `eventwire db upgrade`); returns the revision."""
    engine = build_engine(url)
    try:
        return upgrade(engine, url)
    finally:
        engine.dispose()


def database_stats(url: str) -> dict:
    """Row counts and schema revision at `url` (for `eventwire db stats`); never creates a database."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).exists():
        raise StoreError(f"{redact(url)}: no database file there; check --db, or create it with "
                         "`eventwire db upgrade` or `eventwire extract`")
    engine = build_engine(url)
    try:
        with translate_errors(url, "reading the schema version"):
            revision = current_revision(engine)
        if revision != head_revision():
            raise SchemaMismatch(f"{redact(url)}: schema revision {revision!r}, this eventwire expects "
                                 f"{head_revision()!r}; run `eventwire db upgrade --db URL`")
        return Store(engine, url).stats()
    finally:
        engine.dispose()


__all__ = [
    "SORT_KEYS",
    "IncidentFilters",
    "SchemaMismatch",
    "SearchHit",
    "Store",
    "StoreError",
    "database_stats",
    "open_store",
    "redact",
    "upgrade_database",
]
