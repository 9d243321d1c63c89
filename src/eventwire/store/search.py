"""Full-text search over article titles, texts and evidence: FTS5 on SQLite, tsvector on PostgreSQL.

Both engines read the same query language, close to a web search box: words must
all appear (stemmed: "killed" finds "kill"), "quoted phrases" match in order, `OR`
between words accepts either, and `-word` excludes. PostgreSQL parses it with
`websearch_to_tsquery`; for FTS5 it is rewritten here, every word quoted, so a stray
operator or bracket in user input cannot make the query fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

# Marks around matched words in snippets; plain text, so a UI escapes them like the rest.
HIT_START, HIT_END = "«", "»"
_SNIPPET_WORDS = 24
_TOKEN = re.compile(r'"([^"]*)"|(-?)([\w][\w\'-]*)', re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One matching article: a snippet of its text with hits marked, and a score (higher is better)."""

    article_id: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str
    score: float


def search_articles(conn: Connection, q: str, limit: int) -> list[SearchHit]:
    """The best `limit` articles matching `q`; an empty list when nothing matches or `q` has no words."""
    if conn.dialect.name == "postgresql":
        return _search_postgresql(conn, q, limit) if _TOKEN.search(q or "") else []
    match = fts5_query(q)
    return _search_sqlite(conn, match, limit) if match else []


def matching_article_ids_sql(dialect: str) -> str:
    """SQL selecting the article ids matching the bound parameter `:q` (for incident filters)."""
    if dialect == "postgresql":
        return "SELECT article_id FROM search_index WHERE tsv @@ websearch_to_tsquery('english', :q)"
    return "SELECT article_id FROM search_index WHERE search_index MATCH :q"


def fts5_query(q: str) -> str:
    """The FTS5 MATCH expression for a search-box query; empty when it has no words."""
    parts: list[str] = []
    pending_or = False
    for phrase, minus, word in _TOKEN.findall(q or ""):
        if word == "OR" and not minus:
            pending_or = bool(parts)
            continue
        term = '"' + (phrase or word).replace('"', "") + '"'
        if term == '""':
            continue
        if minus:
            if parts:  # FTS5's NOT is binary: an exclusion needs something to exclude from
                parts.append(f"NOT {term}")
            continue
        parts.append(f"OR {term}" if pending_or else term)
        pending_or = False
    return " ".join(parts)


def _search_sqlite(conn: Connection, match: str, limit: int) -> list[SearchHit]:
    rows = conn.execute(text(
        "SELECT s.article_id, a.title, a.source, a.published,"
        f" snippet(search_index, 2, :start, :end, '…', {_SNIPPET_WORDS}) AS body_snippet,"
        f" snippet(search_index, 3, :start, :end, '…', {_SNIPPET_WORDS}) AS evidence_snippet,"
        " bm25(search_index, 0.0, 3.0, 1.0, 2.0) AS rank"
        " FROM search_index AS s JOIN articles AS a ON a.article_id = s.article_id"
        " WHERE search_index MATCH :match ORDER BY rank LIMIT :limit"
    ), {"match": match, "limit": limit, "start": HIT_START, "end": HIT_END}).all()
    # bm25 is lower-is-better and negative; flip it so both engines say higher is better.
    return [SearchHit(row.article_id, row.title, row.source, row.published,
                      _best_snippet(row.body_snippet, row.evidence_snippet), -row.rank) for row in rows]


def _best_snippet(body: str, evidence: str) -> str:
    return body if HIT_START in (body or "") or not evidence else evidence


def _search_postgresql(conn: Connection, q: str, limit: int) -> list[SearchHit]:
    # Rank and cut first, then build headlines for the page only: ts_headline re-parses the text.
    rows = conn.execute(text(
        "WITH query AS (SELECT websearch_to_tsquery('english', :q) AS tsq),"
        " best AS (SELECT s.article_id, s.body, ts_rank(s.tsv, query.tsq) AS score, query.tsq"
        "   FROM search_index AS s, query WHERE s.tsv @@ query.tsq ORDER BY score DESC, s.article_id LIMIT :limit)"
        " SELECT best.article_id, a.title, a.source, a.published, best.score,"
        "  ts_headline('english', best.body, best.tsq, :options) AS snippet"
        " FROM best JOIN articles AS a ON a.article_id = best.article_id ORDER BY best.score DESC, best.article_id"
    ), {"q": q, "limit": limit,
        "options": f"StartSel={HIT_START}, StopSel={HIT_END}, MaxWords={_SNIPPET_WORDS}, MinWords=8"}).all()
    return [SearchHit(row.article_id, row.title, row.source, row.published, row.snippet, float(row.score))
            for row in rows]
