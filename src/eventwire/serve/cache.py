"""Recent incident-list responses, reused while the SQLite database is unchanged.

The map and the list ask the same few queries over and over; a page is only
recomputed when the database changed. Change is read from SQLite's own
`PRAGMA data_version`, which moves whenever any other connection, in this
process or another (an `eventwire extract` running beside the server), commits.
PostgreSQL has no such cheap signal: there every request goes to the database.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from eventwire.store import Store


class ResponseCache:
    """An LRU of response bodies keyed by query, cleared when the database changes."""

    def __init__(self, store: Store, size: int = 512):
        self._size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()
        self._watch = _version_connection(store)
        self._version: int | None = None

    @property
    def enabled(self) -> bool:
        return self._watch is not None

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            if not self._fresh():
                return None
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            if not self._fresh():
                return
            self._items[key] = value
            if len(self._items) > self._size:
                self._items.popitem(last=False)

    def _fresh(self) -> bool:
        """True while the database is as it was when the cached pages were made; clears them if not."""
        if self._watch is None:
            return False
        version = self._watch.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._items.clear()
            self._version = version
        return True


def _version_connection(store: Store) -> sqlite3.Connection | None:
    """A connection of its own that only reads data_version (the value is per connection);
    it lives as long as the app and closes with it."""
    url = store.engine.url
    if store.dialect != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return sqlite3.connect(url.database, check_same_thread=False)
