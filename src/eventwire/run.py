"""The batch runner behind `eventwire extract`: read, extract, store, print, summarise.

One bad input never stops a batch: readers yield an InputError in its place,
the pipeline turns an extractor's failure into an `ArticleResult.error`, and
a store refusal (an id reused for another text) fails that article only.
Every failure is counted, shown on stderr and, with `errors_path`, written
as one JSON line each.

Resuming: articles whose content hash is already stored are skipped before
extraction, and articles are stored a small batch per transaction (all or
none; on Ctrl-C the batch in hand is stored), so a run stopped at any point
(Ctrl-C, a killed process) is resumed by running the same command again,
without duplicates.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from eventwire.config import Settings
from eventwire.errors import InputError, StoreError
from eventwire.records import Article, to_json

EXIT_OK, EXIT_FAILURE, EXIT_SKIPS = 0, 1, 3
# Errors shown one per line on stderr before the runner only counts them (all go to --errors FILE).
MAX_ERRORS_SHOWN = 50
# Articles stored per transaction, and how long a batch may wait for more: one commit for 16
# articles instead of 16 (see docs/performance.md), at most half a second of records held back.
STORE_BATCH, STORE_BATCH_SECONDS = 16, 0.5


@dataclass
class RunSummary:
    """What a run did; `n_already_stored` articles were skipped as stored by an earlier run."""

    n_read: int = 0
    n_extracted: int = 0
    n_skipped: int = 0
    n_failed: int = 0
    n_records: int = 0
    n_already_stored: int = 0
    interrupted: bool = False
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 all done; 3 done, with articles skipped or failed; 1 stopped before the end."""
        if self.interrupted:
            return EXIT_FAILURE
        return EXIT_SKIPS if (self.n_failed or self.n_skipped) else EXIT_OK

    def line(self) -> str:
        rate = self.n_read / self.seconds if self.seconds else 0.0
        resumed = f", {self.n_already_stored} already stored" if self.n_already_stored else ""
        return (f"{self.n_read} read, {self.n_extracted} extracted, {self.n_skipped} skipped, "
                f"{self.n_failed} failed{resumed}; {self.n_records} records in {self.seconds:.1f} s "
                f"({rate:.1f} articles/s)")


class Progress:
    """A progress line on stderr: articles, articles/s, errors so far; at most one per `interval` s.

    On a terminal the line is rewritten in place every second; in a log (not a TTY)
    a new line every ten seconds keeps an hour-long run to a few hundred lines.
    """

    def __init__(self, stream: IO[str], interval: float | None = None):
        self.is_tty = bool(getattr(stream, "isatty", lambda: False)())
        self.stream = stream
        self.interval = interval if interval is not None else (1.0 if self.is_tty else 10.0)
        self.started = self.last = time.monotonic()
        self.shown = False

    def update(self, summary: RunSummary, *, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        text = (f"{summary.n_read} articles, {summary.n_read / elapsed:.1f} articles/s, "
                f"{summary.n_failed} errors so far")
        self.stream.write(f"\r{text}\x1b[K" if self.is_tty else text + "\n")
        self.stream.flush()
        self.shown = True

    def end_line(self) -> None:
        """Leave the TTY progress line before printing anything else."""
        if self.is_tty and self.shown:
            self.stream.write("\n")
            self.shown = False


def run_extract(settings: Settings, paths: Iterable[str], *, published=None, source=None, fmt="table",
                store: Any = True, errors_path=None, out: IO[str] = sys.stdout, err: IO[str] = sys.stderr,
                pipeline=None, stdin=None, progress_interval: float | None = None) -> RunSummary:
    """Extract every readable article of `paths`, store and print its records, and summarise.

    `store` is True (open `settings.db`), False (print only) or an open Store;
    `pipeline` is a loaded `eventwire.pipeline.Pipeline` (loaded from `settings` when None).
    Raises InputError before reading anything when `published` is not a date.
    """
    from eventwire.ingest import read_inputs

    inputs = read_inputs(paths, published=published, source=source, stdin=stdin)
    if pipeline is None:
        from eventwire.pipeline import load

        pipeline = load(settings)
    run = _Run(_open_store(store, settings), Progress(err, progress_interval), err, errors_path)
    run.owns_store = store is True
    try:
        run.process(pipeline.pipe(run.new_articles(inputs)), out=out, fmt=fmt)
    except KeyboardInterrupt:
        run.summary.interrupted = True
    finally:
        run.close()
    return run.summary


def _open_store(store: Any, settings: Settings):
    if store is True:
        from eventwire.store import open_store

        return open_store(settings.db)
    return store or None


class _Run:
    """The state of one run: counts, the store, the error log and the progress line."""

    def __init__(self, store, progress: Progress, err: IO[str], errors_path: str | None):
        self.store, self.progress, self.err = store, progress, err
        self.summary = RunSummary()
        self.started = time.monotonic()
        # held open for the whole run (each error is flushed as it happens), closed in close()
        self.error_log = open(errors_path, "w", encoding="utf-8") if errors_path else None  # noqa: SIM115
        self.hashes_seen: set[str] = set()
        self.owns_store = False

    def new_articles(self, inputs: Iterable[Article | InputError]) -> Iterator[Article]:
        """Articles to extract: input errors are reported, articles stored earlier are passed over."""
        for item in inputs:
            if isinstance(item, InputError):
                self.fail("input", str(item), path=item.path, line=item.line, offset=item.offset,
                          reason=item.reason)
                continue
            self.summary.n_read += 1
            self.progress.update(self.summary)
            if self._already_stored(item):
                self.summary.n_already_stored += 1
                continue
            yield item

    def _already_stored(self, article: Article) -> bool:
        content_hash = article.content_hash
        if content_hash in self.hashes_seen:
            return True
        self.hashes_seen.add(content_hash)
        return self.store is not None and self.store.has_article(content_hash)

    def process(self, results, *, out: IO[str], fmt: str) -> None:
        """Count, store and print each result; stored a batch at a time (one transaction each), at most
        STORE_BATCH articles or STORE_BATCH_SECONDS old, and what is pending when stopped is stored too."""
        pending: list = []
        opened = 0.0
        try:
            for result in results:
                if not pending:
                    opened = time.monotonic()
                pending.append(result)
                if len(pending) >= STORE_BATCH or time.monotonic() - opened >= STORE_BATCH_SECONDS:
                    batch, pending = pending, []
                    self.finish(batch, out=out, fmt=fmt)
        finally:
            self.finish(pending, out=out, fmt=fmt)

    def finish(self, results: list, *, out: IO[str], fmt: str) -> None:
        for result, saved in zip(results, self.save_all(results)):
            self.count(result)
            if not saved:
                continue
            self.summary.n_records += len(result.records)
            _write_records(out, fmt, result)
            self.progress.update(self.summary)

    def save_all(self, results: list) -> list[bool]:
        """Store the batch in one transaction; if the store refuses it, each article alone, so only
        the refused one fails."""
        if self.store is None or not results:
            return [True] * len(results)
        try:
            saved = self.store.save_articles([(result.article, result.records) for result in results])
        except StoreError:
            return [self.save(result) for result in results]
        self.summary.n_already_stored += saved.count(False)
        return saved

    def count(self, result) -> None:
        article = result.article
        if result.error:
            self.fail("extraction", f"{_where(article)}: {result.error}", path=article.origin.path,
                      line=article.origin.line, offset=article.origin.offset, reason=result.error,
                      article_id=article.id)
        elif result.records and getattr(result.records[0], "extracted", True):
            self.summary.n_extracted += 1
        else:
            self.summary.n_skipped += 1

    def save(self, result) -> bool:
        """Store one article; a refusal fails this article only."""
        article = result.article
        try:
            saved = self.store.save_article(article, result.records)
        except StoreError as exc:
            self.fail("store", f"{_where(article)}: {exc}", path=article.origin.path, line=article.origin.line,
                      offset=article.origin.offset, reason=str(exc), article_id=article.id)
            return False
        if not saved:
            self.summary.n_already_stored += 1
        return saved

    def fail(self, kind: str, message: str, **details: Any) -> None:
        self.summary.n_failed += 1
        error = {"kind": kind, "error": message, **details}
        self.summary.errors.append(error)
        if self.error_log:
            self.error_log.write(json.dumps(error, ensure_ascii=False, default=str) + "\n")
            self.error_log.flush()
        if self.summary.n_failed <= MAX_ERRORS_SHOWN:
            self.progress.end_line()
            self.err.write(f"error: {message}\n")
        elif self.summary.n_failed == MAX_ERRORS_SHOWN + 1:
            self.err.write("error: further errors are counted, not shown; write them all with --errors FILE\n")
        self.progress.update(self.summary)

    def close(self) -> None:
        self.summary.seconds = time.monotonic() - self.started
        if self.error_log:
            self.error_log.close()
        self.progress.end_line()
        self.err.write(self.summary.line() + "\n")
        if self.summary.interrupted:
            self.err.write("interrupted: run the same command again to resume; "
                           "articles already stored are skipped\n")
        if self.owns_store:
            self.store.close()


def _where(article: Article) -> str:
    origin = article.origin
    return (origin.path + (f":{origin.line}" if origin.line is not None else "")
            + (f"@{origin.offset}" if origin.offset is not None else "") + f" (article {article.id})")


def _write_records(out: IO[str], fmt: str, result) -> None:
    if fmt == "jsonl":
        for record in result.records:
            out.write(json.dumps(to_json(record), ensure_ascii=False) + "\n")
    elif fmt == "table":
        from eventwire.show import format_table

        out.write(format_table(result.article, result.records) + "\n")
