"""Extraction in several processes: each worker loads the pipeline once, then takes batches.

Results come back in input order (`imap`), so output and storage stay deterministic.
The parent process never loads the model.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from eventwire.config import Settings
from eventwire.records import Article

_worker_pipeline = None


def _init_worker(settings: Settings) -> None:
    global _worker_pipeline  # one pipeline per worker process, built once
    from eventwire.pipeline import load

    _worker_pipeline = load(settings)


def _extract_batch(articles: list[Article]):
    return list(_worker_pipeline._pipe_serial(articles, len(articles)))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(islice(iterator, size)):
        yield batch


def pipe_parallel(settings: Settings, articles: Iterable[Article], *, n_process: int,
                  batch_size: int) -> Iterator:
    """ArticleResults from `n_process` workers, in input order."""
    context = multiprocessing.get_context("spawn" if multiprocessing.get_start_method() != "fork" else "fork")
    with context.Pool(n_process, initializer=_init_worker, initargs=(settings,)) as pool:
        for results in pool.imap(_extract_batch, _batches(articles, batch_size)):
            yield from results
