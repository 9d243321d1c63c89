"""Extraction inside one Spark partition: the pipeline loaded once, then `Pipeline.pipe` as in `eventwire extract`.

This runs on the executors. It uses the same `eventwire.pipeline` code as the
single-process path, so both give the same records for the same article.

One bad article never fails the job: an `EventwireError` is already turned into an
error result by the pipeline; any other exception (a bug met on odd input) fails only
its batch, which is then redone one article at a time so the exception is pinned on
the one article that raised it and kept, with its traceback's last line, in the error
output. This is the `--keep-going` behaviour the style guide allows a production run.
"""

from __future__ import annotations

import json
import time
import traceback
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.config import Settings
from eventwire.records import Article, to_json
from eventwire.spark.archive import error_row


def extract_partition(settings: Settings, articles: Iterable[Article], timings=None) -> Iterator[dict]:
    """One result dict per article: its records as JSON strings, or its error.

    `timings` is an optional Spark accumulator of (load seconds, extract seconds, partitions).
    """
    from eventwire.pipeline import load

    iterator = iter(articles)
    first = list(islice(iterator, 1))
    if not first:
        return
    started = time.perf_counter()
    pipeline = load(settings)
    loaded = time.perf_counter()
    batch = first + list(islice(iterator, settings.batch_size - 1))
    while batch:
        yield from _extract_batch(pipeline, batch)
        batch = list(islice(iterator, settings.batch_size))
    if timings is not None:
        timings.add((loaded - started, time.perf_counter() - loaded, 1))


def _extract_batch(pipeline, batch: list[Article]) -> list[dict]:
    try:
        return [_result(result) for result in pipeline.pipe(batch, n_process=1, batch_size=len(batch))]
    except Exception:  # noqa: BLE001 - a bug on one article must not fail the batch's other articles
        return [_extract_one(pipeline, article) for article in batch]


def _extract_one(pipeline, article: Article) -> dict:
    try:
        return _result(next(iter(pipeline.pipe([article], n_process=1, batch_size=1))))
    except Exception as exc:  # noqa: BLE001 - see the module docstring
        where = traceback.extract_tb(exc.__traceback__)[-1]
        message = f"{type(exc).__name__}: {exc} (at {where.filename}:{where.lineno}); please report it"
        return _failed(article, message)


def _result(result) -> dict:
    article = result.article
    return {
        "article_id": article.id,
        "path": article.origin.path,
        "line": article.origin.line,
        "records": [json.dumps(to_json(record), ensure_ascii=False) for record in result.records],
        "error": error_row("extract", result.error, article.origin.path, article.origin.line, article.id)
        if result.error else None,
        "seconds": result.seconds,
    }


def _failed(article: Article, message: str) -> dict:
    return {
        "article_id": article.id, "path": article.origin.path, "line": article.origin.line, "records": [],
        "error": error_row("extract", message, article.origin.path, article.origin.line, article.id),
        "seconds": 0.0,
    }
