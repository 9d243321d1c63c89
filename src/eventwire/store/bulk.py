"""Bulk inserts that skip SQLAlchemy's per-statement work but keep its SQL and type handling.

Storing an article runs about eight small inserts; through `conn.execute(insert(t), rows)`
SQLAlchemy builds a cache key, looks the statement up and processes every parameter on
each call, which cost more than SQLite's own work (see docs/performance.md). Here each
(dialect, table, columns) statement is compiled once, its bind processors (JSON to text,
datetimes to SQLite's format) are applied by hand, and the driver's `executemany` runs it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql.expression import Executable


class _Compiled:
    """One compiled INSERT: its SQL text, parameter order (positional styles) and bind processors."""

    def __init__(self, dialect: Dialect, statement: Executable, keys: tuple[str, ...]):
        compiled = statement.compile(dialect=dialect, column_keys=list(keys))
        self.sql: str = compiled.string
        self.order: tuple[str, ...] | None = tuple(compiled.positiontup) if compiled.positional else None
        processors = compiled._bind_processors
        self.processors: dict[str, Callable[[Any], Any]] = {k: processors[k] for k in keys if k in processors}

    def parameters(self, rows: Sequence[dict[str, Any]]) -> list:
        processed = [self._process(row) for row in rows] if self.processors else list(rows)
        if self.order is None:
            return processed
        return [tuple(row[key] for key in self.order) for row in processed]

    def _process(self, row: dict[str, Any]) -> dict[str, Any]:
        row = dict(row)
        for key, process in self.processors.items():
            value = row[key]
            row[key] = None if value is None else process(value)
        return row


@lru_cache(maxsize=256)
def _compiled(dialect: Dialect, table: Table, keys: tuple[str, ...]) -> _Compiled:
    return _Compiled(dialect, insert(table), keys)


@lru_cache(maxsize=16)
def _compiled_new_only(dialect: Dialect, table: Table, keys: tuple[str, ...], returning: str) -> _Compiled:
    dialect_insert = postgresql.insert if dialect.name == "postgresql" else sqlite.insert
    statement = dialect_insert(table).on_conflict_do_nothing().returning(table.c[returning])
    return _Compiled(dialect, statement, keys)


def insert_new_row(conn: Connection, table: Table, row: dict[str, Any], returning: str) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING `returning`: the value, or None when the row was there.

    RETURNING, not rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT."""
    compiled = _compiled_new_only(conn.dialect, table, tuple(row), returning)
    return conn.exec_driver_sql(compiled.sql, compiled.parameters([row])[0]).scalar()


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT every row into `table` with one executemany per distinct set of columns."""
    by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        by_keys.setdefault(tuple(row), []).append(row)
    for keys, group in by_keys.items():
        compiled = _compiled(conn.dialect, table, keys)
        conn.exec_driver_sql(compiled.sql, compiled.parameters(group))
