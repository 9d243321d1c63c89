"""Schema versions: create or upgrade a database with the Alembic migrations shipped in the package.

`open_store` calls `ensure_schema`, so a fresh file works without a separate step;
`eventwire db upgrade` calls `upgrade` explicitly. A database newer than this eventwire
(a revision the package does not know) is refused with `SchemaMismatch` rather than
written to with the wrong shape.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from eventwire.errors import SchemaMismatch
from eventwire.store.engine import redact, translate_errors, write_transaction

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# Any fixed number: PostgreSQL advisory locks are named by integers. "ew" in ASCII.
_SCHEMA_LOCK_KEY = 0x6577


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the package's migrations (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest revision this eventwire ships."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise SchemaMismatch(f"{MIGRATIONS_DIR}: no migrations found; reinstall eventwire")
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, url: str) -> str:
    """Bring the database to the newest revision (a no-op when it is there); returns it."""
    _check_known(engine, url)
    with translate_errors(url, "schema upgrade"), write_transaction(engine) as connection:
        if connection.dialect.name == "postgresql":
            # Two processes opening a fresh database at once: the second waits, then finds it done.
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_SCHEMA_LOCK_KEY})")
        command.upgrade(alembic_config(connection), "head")
    return head_revision()


def ensure_schema(engine: Engine, url: str) -> None:
    """Upgrade only when needed, so opening an up-to-date store costs one query."""
    with translate_errors(url, "reading the schema version"):
        revision = current_revision(engine)
    if revision != head_revision():
        upgrade(engine, url)


def _check_known(engine: Engine, url: str) -> None:
    with translate_errors(url, "reading the schema version"):
        revision = current_revision(engine)
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision is not None and revision not in known:
        raise SchemaMismatch(
            f"{redact(url)}: schema revision {revision!r} is newer than this eventwire knows "
            f"(newest {head_revision()!r}); upgrade eventwire, or use another --db"
        )
