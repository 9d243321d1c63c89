"""The Store: one object over an engine, saving and reading articles, records and incidents.

Ingestion is idempotent by content hash, and each article (or each batch given to
`save_articles`) is written in one transaction: a process killed mid-batch leaves
every committed article whole and nothing half-written, and a re-run stores the
rest without duplicates.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, Self

from sqlalchemy import Connection, Engine, func, select

from eventwire.errors import StoreError
from eventwire.records import Article, Incident, Origin, Record, StatementKind, from_json
from eventwire.store import incidents as incident_store
from eventwire.store import queries, schema, search
from eventwire.store.bulk import insert_new_row, insert_rows
from eventwire.store.engine import redact, translate_errors, write_transaction
from eventwire.store.migrate import current_revision
from eventwire.store.rows import article_rows

# Rows fetched per round trip by `load_records`, and ids per IN (...) list.
_PAGE = 1000
_STATEMENT_KINDS = set(StatementKind.__args__)  # type: ignore[attr-defined]


class Store:
    """Articles, records and merged incidents in SQLite or PostgreSQL; build it with `open_store`."""

    def __init__(self, engine: Engine, url: str, *, page_size: int = _PAGE):
        self.engine = engine
        self.url = url
        self.page_size = page_size  # rows per round trip of load_records

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    # --- writing ---

    def save_article(self, article: Article, records: Iterable[Record]) -> bool:
        """Store an article with its records in one transaction; False when its text is already stored."""
        return self.save_articles([(article, records)])[0]

    def save_articles(self, items: Iterable[tuple[Article, Iterable[Record]]]) -> list[bool]:
        """Store several articles with their records in one transaction, all or none; per article,
        False when its text was already stored. One commit for a batch instead of one per article:
        on SQLite the commit costs more than the inserts (`eventwire extract` saves 16 at a time)."""
        batch = [(article, list(records)) for article, records in items]
        for article, records in batch:
            _check_belongs(article, records)
        all_rows = [article_rows(article, records) for article, records in batch]
        doing = f"saving article {batch[0][0].id}" if len(batch) == 1 else f"saving {len(batch)} articles"
        tables: dict[str, list[dict[str, Any]]] = defaultdict(list)
        with translate_errors(self.url, doing), write_transaction(self.engine) as conn:
            saved = [self._insert_article(conn, rows.article) for rows in all_rows]
            for rows, is_new in zip(all_rows, saved):
                for table_name, table_rows in rows.tables.items() if is_new else ():
                    tables[table_name].extend(table_rows)
            for table_name, table_rows in tables.items():
                table = schema.search_index if table_name == "search_index" else schema.metadata.tables[table_name]
                insert_rows(conn, table, table_rows)
        return saved

    def _insert_article(self, conn: Connection, row: dict[str, Any]) -> bool:
        """Insert the article row unless its hash (or id) is there; raise if the id holds another text."""
        if insert_new_row(conn, schema.articles, row, "article_id") is not None:
            return True
        stored_hash = conn.scalar(
            select(schema.articles.c.content_hash).where(schema.articles.c.article_id == row["article_id"]))
        if stored_hash in (None, row["content_hash"]):
            return False  # the same text under another id, or a concurrent writer stored it first
        raise StoreError(
            f"{redact(self.url)}: article id {row['article_id']!r} is already stored with another text "
            f"(hash {stored_hash}, new {row['content_hash']}); give the new version its own id"
        )

    def save_incidents(self, incidents: Iterable[Incident], *, replace_all: bool = True) -> int:
        """Store merged incidents in one transaction (replacing all by default); returns how many."""
        incidents = list(incidents)
        with translate_errors(self.url, "saving incidents"), write_transaction(self.engine) as conn:
            incident_store.save_incidents(conn, incidents, replace_all=replace_all)
        return len(incidents)

    # --- reading ---

    def has_article(self, content_hash: str) -> bool:
        """Whether an article with this text (by `records.content_hash`) is stored."""
        query = select(schema.articles.c.article_id).where(schema.articles.c.content_hash == content_hash)
        with translate_errors(self.url, "looking up an article"), self.engine.connect() as conn:
            return conn.execute(query.limit(1)).first() is not None

    def get_article(self, article_id: str) -> Article | None:
        """The stored article, or None when no article has this id."""
        query = select(schema.articles).where(schema.articles.c.article_id == article_id)
        with translate_errors(self.url, f"reading article {article_id}"), self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return _article_from_row(row) if row else None

    def load_records(self, kind: str | Iterable[str] | None = None,
                     article_ids: Iterable[str] | None = None) -> Iterator[Record]:
        """Typed records in the order they were stored, fetched a page at a time.

        `kind` is a record kind ('article', 'incident', 'claim', ...), 'statement' for
        every statement kind, or several of these.
        """
        conditions = []
        if kind is not None:
            conditions.append(schema.records.c.kind.in_(_expand_kinds(kind)))
        if article_ids is None:
            yield from self._paged_records(conditions)
            return
        ids = list(dict.fromkeys(article_ids))
        for start in range(0, len(ids), self.page_size):
            chunk = [*conditions, schema.records.c.article_id.in_(ids[start:start + self.page_size])]
            yield from self._paged_records(chunk)

    def _paged_records(self, conditions: list) -> Iterator[Record]:
        """Keyset pages over records.id, so no connection stays open while the caller works."""
        last_id = 0
        while True:
            query = (select(schema.records.c.id, schema.records.c.data)
                     .where(schema.records.c.id > last_id, *conditions)
                     .order_by(schema.records.c.id).limit(self.page_size))
            with translate_errors(self.url, "reading records"), self.engine.connect() as conn:
                page = conn.execute(query).all()
            for row in page:
                yield from_json(row.data)
            if len(page) < self.page_size:
                return
            last_id = page[-1].id

    def load_incidents(self) -> list[Incident]:
        """Every stored merged incident, as built by the merge stage."""
        with translate_errors(self.url, "reading incidents"), self.engine.connect() as conn:
            return incident_store.load_incidents(conn)

    def get_incident(self, incident_id: str) -> Incident | None:
        """One merged incident, or None when no incident has this id."""
        with translate_errors(self.url, f"reading incident {incident_id}"), self.engine.connect() as conn:
            found = incident_store.load_incidents(conn, incident_ids=[incident_id])
        return found[0] if found else None

    def search(self, q: str, limit: int = 20) -> list[search.SearchHit]:
        """Articles whose title, text or evidence match `q`, best first."""
        with translate_errors(self.url, f"searching {q!r}"), self.engine.connect() as conn:
            return search.search_articles(conn, q, limit)

    def list_incidents(self, filters: queries.IncidentFilters | dict | None = None
                       ) -> tuple[list[dict[str, Any]], int]:
        """(one page of incident rows, total matching) for the API's list endpoint."""
        with translate_errors(self.url, "listing incidents"), self.engine.connect() as conn:
            return queries.list_incidents(conn, filters)

    def stats(self) -> dict[str, Any]:
        """Engine, URL (password hidden), schema revision and row counts per table."""
        with translate_errors(self.url, "counting rows"), self.engine.connect() as conn:
            counts = {name: conn.scalar(select(func.count()).select_from(table))
                      for name, table in schema.metadata.tables.items()}
            by_kind = dict(conn.execute(select(schema.records.c.kind, func.count())
                                        .group_by(schema.records.c.kind)).all())
        return {"engine": self.dialect, "url": redact(self.url), "revision": current_revision(self.engine),
                "tables": counts, "records_by_kind": by_kind}

    def close(self) -> None:
        """Release the connections; the Store cannot be used afterwards."""
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


def _check_belongs(article: Article, records: list[Record]) -> None:
    strays = sorted({record.article_id for record in records} - {article.id})
    if strays:
        raise StoreError(f"article {article.id}: records of other articles {strays} given with it; "
                         "save each article with its own records")


def _expand_kinds(kind: str | Iterable[str]) -> list[str]:
    kinds = [kind] if isinstance(kind, str) else list(kind)
    if "statement" in kinds:
        kinds = [k for k in kinds if k != "statement"] + sorted(_STATEMENT_KINDS)
    return kinds


def _article_from_row(row) -> Article:
    return Article(
        id=row["article_id"],
        text=row["text"],
        published=datetime.fromisoformat(row["published"]) if row["published"] else None,
        source=row["source"],
        title=row["title"],
        url=row["url"],
        lang=row["lang"],
        origin=Origin(path=row["origin_path"] or "-", line=row["origin_line"], offset=row["origin_offset"],
                      format=row["origin_format"] or "text"),
        extra=row["extra"] or {},
    )
