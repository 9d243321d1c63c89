"""`POST /api/articles`: extract posted articles, store them, and merge the store's records again.

The merge stage recomputes every incident from all records (see `store/incidents.py`),
so after new articles are stored the whole set is merged again and replaced in one
transaction: readers see the old incidents or the new ones, never a mix. Writes are
serialised by a lock in this process; a second `eventwire serve` on the same
database would still be safe (each save is its own transaction) but could race on
the re-merge, so run one writer per database.

One bad article never stops the request: its error is reported in its result, and
the others are stored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, Field, field_validator

from eventwire.errors import InputError, StoreError
from eventwire.pipeline import make_article, parse_published

# Articles one request may carry: enough for a feed poll, small enough to answer in seconds.
MAX_ARTICLES_PER_REQUEST = 100
_TEXT_FIELDS = ("text", "id", "source", "title", "url", "lang", "published")


class ArticleIn(BaseModel):
    """One article to ingest; only `text` is required (the id defaults to its content hash)."""

    text: str = Field(min_length=1, max_length=1_000_000, description="The article's cleaned text.")
    id: str | None = Field(default=None, max_length=200, description="Your id; default: the content hash.")
    published: str | None = Field(default=None, max_length=40,
                                  description="Publication time, ISO 8601 (2024-03-22T23:30:00+03:00).")
    source: str | None = Field(default=None, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    lang: str | None = Field(default=None, max_length=16, description="ISO 639-1 code; detected when absent.")

    @field_validator(*_TEXT_FIELDS)
    @classmethod
    def _storable(cls, value: str | None) -> str | None:
        # NUL and lone surrogates (JSON allows "\ud800") cannot be stored by PostgreSQL or SQLite.
        if value is None:
            return value
        if "\x00" in value:
            raise ValueError("contains a NUL character; remove it")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise ValueError("is not valid Unicode (a lone surrogate); send UTF-8 text") from exc
        return value

    @field_validator("text")
    @classmethod
    def _has_words(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("is blank; send the article's text")
        return value

    @field_validator("published")
    @classmethod
    def _iso_time(cls, value: str | None) -> str | None:
        if value:
            try:
                parse_published(value, where="published")
            except InputError as exc:  # pydantic reports only ValueErrors as 422s
                raise ValueError(exc.reason) from exc
        return value


class ArticlesIn(BaseModel):
    """The body of `POST /api/articles`: `{"articles": [...]}`."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES_PER_REQUEST)


@dataclass
class IngestResult:
    """What one request did: a result per article and the incidents after the re-merge."""

    results: list[dict[str, Any]] = field(default_factory=list)
    n_incidents: int | None = None
    incident_ids: list[str] = field(default_factory=list)

    @property
    def n_stored(self) -> int:
        return sum(1 for result in self.results if result["stored"])

    def to_json(self) -> dict[str, Any]:
        return {"results": self.results, "n_stored": self.n_stored, "n_incidents": self.n_incidents,
                "incident_ids": self.incident_ids}


class Ingester:
    """Extracts, stores and merges; the pipeline is loaded on the first write (seconds), not at startup."""

    def __init__(self, store, load_pipeline: Callable[[], Any]):
        self.store = store
        self._load_pipeline = load_pipeline
        self._pipeline = None
        self._lock = threading.Lock()

    def ingest(self, items: list[ArticleIn]) -> IngestResult:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self._load_pipeline()
            articles = [make_article(item.text, published=item.published, article_id=item.id, source=item.source,
                                     title=item.title, url=item.url, lang=item.lang) for item in items]
            outcome = IngestResult()
            for result in self._pipeline.pipe(articles):
                outcome.results.append(self._save(result))
            if outcome.n_stored:
                self._merge_all(outcome, {article.id for article in articles})
            return outcome

    def _save(self, result) -> dict[str, Any]:
        article = result.article
        entry = {"article_id": article.id, "stored": False, "n_records": len(result.records),
                 "extracted": result.ok and all(getattr(r, "extracted", True) for r in result.records),
                 "error": result.error}
        try:
            entry["stored"] = self.store.save_article(article, result.records)
        except StoreError as exc:
            entry["error"] = str(exc)
            return entry
        if not entry["stored"] and not entry["error"]:
            entry["note"] = "this text is already stored; nothing changed"
        return entry

    def _merge_all(self, outcome: IngestResult, article_ids: set[str]) -> None:
        from eventwire.merge import merge_records

        incidents = merge_records(list(self.store.load_records()))
        outcome.n_incidents = self.store.save_incidents(incidents)
        outcome.incident_ids = [incident.incident_id for incident in incidents
                                if article_ids & set(incident.article_ids)]
