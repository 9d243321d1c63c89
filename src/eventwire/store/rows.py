"""Rows for one article and its records: pure functions, no database.

`article_rows` returns every row one article writes, table by table, so the writer
can insert them in one transaction with one `executemany` per table.

Child rows are keyed `(article_id, record_id, field, item)`: "the 2nd figure of
record X" is `field='figure', item=1`. An `ArticleRecord` has no record id of its own;
it is stored under the article id (one per article).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from eventwire.records import (
    Actor,
    Article,
    ArticleRecord,
    Attribution,
    EventDate,
    EventTypes,
    Figure,
    IncidentRecord,
    Place,
    Record,
    Span,
    StatementRecord,
    to_json,
)


@dataclass
class ArticleRows:
    """Every row one article writes, by table name, plus its search-index row."""

    article: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    evidence_texts: list[str] = field(default_factory=list)

    def add(self, table: str, row: dict[str, Any]) -> None:
        self.tables[table].append(row)


def record_key(record: Record) -> str:
    """The record id stored for a record; the article id for the one `ArticleRecord`."""
    return record.article_id if isinstance(record, ArticleRecord) else record.record_id


def article_rows(article: Article, records: Iterable[Record]) -> ArticleRows:
    """All rows for `article` and `records` (already checked to belong to it)."""
    rows = ArticleRows(article=_article_row(article))
    for seq, record in enumerate(records):
        _add_record(rows, article, seq, record)
    rows.add("search_index", {
        "article_id": article.id,
        "title": article.title or "",
        "body": article.text,
        "evidence": "\n".join(dict.fromkeys(rows.evidence_texts)),
    })
    return rows


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.id,
        "content_hash": article.content_hash,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "lang": article.lang,
        "n_chars": len(article.text),
        "text": article.text,
        "origin_path": article.origin.path,
        "origin_line": article.origin.line,
        "origin_offset": article.origin.offset,
        "origin_format": article.origin.format,
        "extra": article.extra or None,
        "stored_at": datetime.now(UTC),
    }


def _add_record(rows: ArticleRows, article: Article, seq: int, record: Record) -> None:
    key = record_key(record)
    published = getattr(record, "published", None) or rows.article["published"]
    row: dict[str, Any] = {
        "article_id": article.id, "record_id": key, "seq": seq, "kind": record.kind,
        "published": published, "source": getattr(record, "source", None) or article.source,
        "confidence": getattr(record, "confidence", None), "data": to_json(record),
        **type_columns(getattr(record, "date", None), getattr(record, "event_types", None),
                       getattr(record, "figures", ())),
        **place_columns(getattr(record, "location", None)),
    }
    rows.add("records", row)
    child = _Children(rows, article.id, key)
    if isinstance(record, ArticleRecord):
        child.places(record.places)
    elif isinstance(record, IncidentRecord):
        child.incident(record)
    elif isinstance(record, StatementRecord):
        child.statement(record)


@dataclass
class _Children:
    """Adds the figure, evidence, source, actor and statement rows of one record."""

    rows: ArticleRows
    article_id: str
    record_id: str

    def places(self, places: Iterable[Place]) -> None:
        for item, place in enumerate(places):
            self.spans("place", item, place.evidence)

    def incident(self, record: IncidentRecord) -> None:
        self.common(record.figures, record.date, record.evidence, record.attribution)
        if record.location:
            self.spans("location", 0, record.location.evidence)
        self.spans("event_type", 0, record.event_types.evidence)
        self.actors(record.actors)
        for item, weapon in enumerate(record.weapons):
            self.spans("weapon", item, weapon.evidence)
        for item, target in enumerate(record.targets):
            self.spans("target", item, target.evidence)

    def statement(self, record: StatementRecord) -> None:
        self.common(record.figures, record.date, record.evidence, record.attribution)
        self.actors([actor for actor in (record.speaker, record.subject) if actor])
        for item, target in enumerate(record.targets):
            self.spans("target", item, target.evidence)
        self.rows.add("statements", {
            "article_id": self.article_id, "record_id": self.record_id, "kind": record.kind,
            "speaker": record.speaker.name if record.speaker else None,
            "subject": record.subject.name if record.subject else None,
            "about": record.about, "event_date": _date_value(record.date), "published": record.published,
            "precedes_incident": record.precedes_incident, "summary": record.summary,
            "attribution": record.attribution.display or None,
        })

    def common(self, figures: Iterable[Figure], date: EventDate | None, spans: tuple[Span, ...],
               attribution: Attribution) -> None:
        self.spans("record", 0, spans)
        self.chain("record", 0, attribution)
        if date:
            self.spans("date", 0, date.evidence)
        for item, figure in enumerate(figures):
            self.figure(item, figure)

    def figure(self, item: int, figure: Figure) -> None:
        self.rows.add("figures", {
            "article_id": self.article_id, "record_id": self.record_id, "seq": item,
            "category": figure.category, "low": figure.low, "best": figure.best, "high": figure.high,
            "qualifier": figure.qualifier, "vague": figure.vague, "flags": list(figure.flags) or None,
            "attribution": figure.attribution.display or None, "extractor": figure.extractor,
        })
        self.spans("figure", item, figure.evidence)
        self.chain("figure", item, figure.attribution)

    def actors(self, actors: Iterable[Actor]) -> None:
        for item, actor in enumerate(actors):
            self.rows.add("actors", {
                "article_id": self.article_id, "record_id": self.record_id, "seq": item, "name": actor.name,
                "role": actor.role, "stance": actor.stance, "kind": actor.kind,
            })
            self.spans("actor", item, actor.evidence)
            if actor.stated_by:
                self.chain("actor", item, actor.stated_by)

    def spans(self, field_name: str, item: int, spans: Iterable[Span]) -> None:
        for span in spans:
            self.rows.add("evidence", {
                "article_id": self.article_id, "record_id": self.record_id, "field": field_name, "item": item,
                "start_char": span.start, "end_char": span.end, "text": span.text,
            })
            self.rows.evidence_texts.append(span.text)

    def chain(self, field_name: str, item: int, attribution: Attribution) -> None:
        for link, ref in enumerate(attribution.chain):
            self.rows.add("sources", {
                "article_id": self.article_id, "record_id": self.record_id, "field": field_name, "item": item,
                "link": link, "name": ref.name, "kind": ref.kind,
            })


def type_columns(date: EventDate | None, event_types: EventTypes | None,
                 figures: Iterable[Any]) -> dict[str, Any]:
    """Event date, first ACLED/GTD type and the headline killed/injured figures, as plain columns.

    Works for a record's `Figure`s and an incident's `ReconciledFigure`s alike. When an
    article gives several killed figures ("dozens", then "at least 40"), the largest best
    is kept: these columns serve "at least N killed" filters; every figure stays in `figures`.
    """
    acled = event_types.acled[0] if event_types and event_types.acled else None
    killed = _largest(figures, "killed")
    injured = _largest(figures, "injured")
    return {
        "event_date": _date_value(date),
        "date_precision": date.precision if date else None,
        "event_type": acled.event_type if acled else None,
        "sub_event_type": acled.sub_event_type if acled else None,
        "gtd_attack_type": event_types.gtd[0] if event_types and event_types.gtd else None,
        "killed_low": killed.low if killed else None,
        "killed_best": killed.best if killed else None,
        "killed_high": killed.high if killed else None,
        "injured_best": injured.best if injured else None,
    }


def place_columns(place: Place | None) -> dict[str, Any]:
    """The plain location columns of a record or incident."""
    if place is None:
        return {"location": None, "admin1": None, "country": None, "lat": None, "lon": None,
                "geo_precision": None}
    return {"location": place.name, "admin1": place.admin1, "country": place.country, "lat": place.lat,
            "lon": place.lon, "geo_precision": place.precision}


def _largest(figures: Iterable[Any], category: str) -> Any:
    found = [figure for figure in figures if figure.category == category]
    if not found:
        return None
    return max(found, key=lambda figure: figure.best if figure.best is not None else -1)


def _date_value(date: EventDate | None) -> str | None:
    return date.value[:10] if date and date.value else None
