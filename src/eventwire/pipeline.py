"""Assembles the stages; the one place that knows their order.

    ew = eventwire.load()
    records = ew.extract(text, published="2024-03-22T23:30:00+03:00")
    for result in ew.pipe(articles, n_process=2): ...
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime

from eventwire.config import Settings, load_settings
from eventwire.errors import EventwireError, InputError
from eventwire.records import Article, ArticleRecord, Origin, Record, content_hash


@dataclass
class ArticleResult:
    """What one article gave: its records, or the error that stopped it."""

    article: Article
    records: list[Record] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def parse_published(value: str | datetime | None, *, where: str = "--published") -> datetime | None:
    """A publication time from ISO text ('2024-03-22', '2024-03-22T23:30:00+03:00')."""
    if value is None or isinstance(value, datetime):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError as exc:
        raise InputError(f"publication time {text!r} is not an ISO date: give e.g. 2024-03-22T23:30:00+03:00",
                         path=where) from exc


def make_article(
    text: str,
    *,
    published: str | datetime | None = None,
    article_id: str | None = None,
    source: str | None = None,
    title: str | None = None,
    url: str | None = None,
    lang: str | None = None,
    origin: Origin | None = None,
) -> Article:
    """An Article from text and metadata; the id defaults to the content hash.

    Lone surrogates (from a bad decode upstream) become U+FFFD: one character for one,
    so offsets stay valid and spaCy's tokenizer never meets them.
    """
    text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(text) else text
    return Article(
        id=article_id or content_hash(text),
        text=text,
        published=parse_published(published),
        source=source,
        title=title,
        url=url,
        lang=lang,
        origin=origin or Origin(),
    )


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


class Pipeline:
    """The loaded model and indexes; build once, then `extract` or `pipe` many articles."""

    def __init__(self, settings: Settings, nlp, resources):
        self.settings = settings
        self.nlp = nlp
        self.resources = resources

    def extract(self, text: str | Article, **metadata) -> list[Record]:
        """Records for one article (text plus metadata, or an Article)."""
        article = text if isinstance(text, Article) else make_article(text, **metadata)
        result = next(self.pipe([article]))
        if result.error:
            raise EventwireError(result.error)
        return result.records

    def pipe(self, articles: Iterable[Article], *, n_process: int | None = None,
             batch_size: int | None = None) -> Iterator[ArticleResult]:
        """Stream ArticleResults in input order; one bad article never stops the stream."""
        n_process = n_process or self.settings.n_process
        batch_size = batch_size or self.settings.batch_size
        if n_process > 1:
            from eventwire.parallel import pipe_parallel

            yield from pipe_parallel(self.settings, articles, n_process=n_process, batch_size=batch_size)
            return
        yield from self._pipe_serial(articles, batch_size)

    def _pipe_serial(self, articles: Iterable[Article], batch_size: int) -> Iterator[ArticleResult]:
        from eventwire.extract.article import extract_records

        pairs = ((text, article) for text, article in map(self._prepare, articles))
        for doc, article in self.nlp.pipe(pairs, batch_size=batch_size, as_tuples=True):
            if not self._readable(article):
                yield ArticleResult(article, [unread_article_record(article)])
                continue
            started = time.perf_counter()
            try:
                records = extract_records(doc, _cut(article, self.settings.max_chars), self.resources)
            except EventwireError as exc:
                yield ArticleResult(article, [unread_article_record(article, str(exc))], error=str(exc))
                continue
            except Exception as exc:  # a bug: loud in tests, kept going past with --keep-going
                if not self.settings.keep_going:
                    raise
                message = f"extractor bug on article {article.id}: {exc!r}\n{traceback.format_exc()}"
                yield ArticleResult(article, [unread_article_record(article, message)], error=message)
                continue
            yield ArticleResult(article, records, seconds=time.perf_counter() - started)

    def _prepare(self, article: Article) -> tuple[str, Article]:
        """(text for spaCy, article with its language); unread articles send an empty text."""
        from eventwire.ingest.language import detect_language

        if not article.lang:
            article = replace(article, lang=detect_language(article.text))
        if not self._readable(article):
            return "", article
        return _cut(article, self.settings.max_chars).text, article

    def _readable(self, article: Article) -> bool:
        return article.lang in self.settings.languages and bool(article.text.strip())


def _cut(article: Article, max_chars: int) -> Article:
    """The article cut to `max_chars` (the cut is kept in `extra`)."""
    if len(article.text) <= max_chars:
        return article
    return replace(article, text=article.text[:max_chars], extra={**article.extra, "cut_at": max_chars})


def unread_article_record(article: Article, error: str | None = None) -> ArticleRecord:
    """The article record for a text the extractors do not read (language) or failed on."""
    reason = error or (
        f"language {article.lang!r} is not read by the extractors yet; stored, not extracted"
        if article.text.strip() else "empty text"
    )
    return ArticleRecord(
        article_id=article.id,
        lang=article.lang,
        published=article.published.isoformat() if article.published else None,
        source=article.source,
        title=article.title,
        url=article.url,
        content_hash=article.content_hash,
        n_chars=len(article.text),
        extracted=False,
        origin=article.origin,
        errors=(reason,),
    )


def load(settings: Settings | None = None, **overrides) -> Pipeline:
    """Build the pipeline once: the spaCy model, the gazetteer and the pattern tables."""
    from eventwire.extract.article import load_resources
    from eventwire.nlp import load_nlp

    settings = settings or load_settings(**overrides)
    return Pipeline(settings, load_nlp(settings.model), load_resources(settings))
