"""Engines for SQLite and PostgreSQL, set up for many writers and no lost data.

SQLite: WAL (readers never block the writer), a busy timeout (a second writer waits
instead of failing), foreign keys on, and write transactions opened with
`BEGIN IMMEDIATE`: a deferred transaction that reads first and writes later can fail
with "database is locked" at once, without waiting, when another process wrote in
between; taking the write lock up front makes the busy timeout apply.
`synchronous=NORMAL` in WAL mode survives a killed process (the `kill -9` test); only
a power cut can lose the last commits, and a re-run stores them again (ingestion is
idempotent).

PostgreSQL: psycopg 3; `postgresql://` and `postgres://` are read as
`postgresql+psycopg://`.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from eventwire.errors import StoreError

# Long enough to outwait another process's biggest article transaction (milliseconds
# on this machine) many times over, short enough that a stuck lock is reported.
SQLITE_BUSY_TIMEOUT_S = 60
_WRITE = "eventwire_write"
URL_HELP = "give --db sqlite:///path/to/file.db or --db postgresql+psycopg://user:password@host:5432/dbname"


def parse_url(url: str) -> URL:
    """The SQLAlchemy URL for `url`, with `postgresql://` mapped to psycopg 3."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"{url!r} is not a database URL: {URL_HELP}") from exc
    if parsed.drivername in {"postgresql", "postgres"}:
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.drivername not in {"sqlite", "sqlite+pysqlite", "postgresql+psycopg"}:
        raise StoreError(f"{redact(url)}: unsupported database {parsed.drivername!r}: {URL_HELP}")
    return parsed


def redact(url: str | URL) -> str:
    """The URL with its password hidden, for messages and `db stats`."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unreadable database URL>"


def build_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL, a busy timeout and immediate write locks."""
    parsed = parse_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    return create_engine(parsed, pool_pre_ping=True, pool_size=2, max_overflow=2)


def _sqlite_engine(parsed: URL) -> Engine:
    database = parsed.database or ""
    in_memory = database in {"", ":memory:"}
    if not in_memory and not Path(database).parent.resolve().is_dir():
        raise StoreError(
            f"{redact(parsed)}: folder {Path(database).parent} does not exist; create it or choose another --db"
        )
    kwargs: dict = {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False}}
    if in_memory:
        kwargs["poolclass"] = StaticPool  # one shared connection, or each would see its own empty database
    engine = create_engine(parsed, **kwargs)
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def _sqlite_on_connect(dbapi_connection, _record) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN, so writes can ask for IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
    cursor.close()


def _switch_to_wal(cursor) -> None:
    """WAL mode, set once per database file. SQLite does not call its busy handler for the switch,
    so writers opening a new file together would fail at once with "database is locked": the mode
    is read first (it is usually set already) and the switch retried until the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_S
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _sqlite_on_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(_WRITE, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside one write transaction: committed on exit, rolled back on error."""
    with engine.connect() as connection:
        connection.execution_options(**{_WRITE: True})
        with connection.begin():
            yield connection


@contextmanager
def translate_errors(url: str, doing: str) -> Iterator[None]:
    """Turn a driver error into a StoreError naming the database and what to check."""
    try:
        yield
    except SQLAlchemyError as exc:
        raise StoreError(f"{redact(url)}: {doing} failed: {_first_line(exc)}; {_advice(exc)}") from exc


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _advice(exc: SQLAlchemyError) -> str:
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return "another process holds the database; retry, or give each writer its own SQLite file"
    if "connection" in text or "could not" in text or "password" in text:
        return "check that the server runs and that host, port, user and password in --db are right"
    if "no such table" in text or "does not exist" in text or "undefined" in text:
        return "run `eventwire db upgrade --db URL`"
    return "run with --debug for the full error"
