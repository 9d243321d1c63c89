"""Write throughput of the store: articles and records stored per second, on SQLite and PostgreSQL.

    .venv/bin/python bench/store.py                      # 500 articles on each engine
    .venv/bin/python bench/store.py --articles 2000 --engines sqlite
    .venv/bin/python bench/store.py --pg-url postgresql+psycopg://user@host/db   # an existing server
    .venv/bin/python bench/store.py --end-to-end ../shared/examples --repeat 5   # storage share of a real run

Articles are the hand-built samples of the store tests (tests/store/samples.py: an
article record, an incident with two attributed figures, a claim and a denial, about
25 evidence spans), padded to --chars characters of text, since news articles are
longer than the samples and the full-text index costs by length. Each article is one
`save_article` call, one transaction, as `eventwire extract` stores them. The second
pass stores the same articles again, to time the idempotent skip of a re-run.

Without --pg-url, PostgreSQL is a throwaway server started with tests/pg.py, with
durable settings (fsync and synchronous commit on), so the numbers are honest.
With --end-to-end PATH, real articles go through the loaded pipeline (`ew.pipe`, as
`eventwire extract` runs it) and the time spent extracting and storing each is summed
separately, giving storage's share of end-to-end time (the pipeline's load is left
out). --repeat N stores each article N times with a marker appended (new content
hashes), for more volume from a small folder.

Progress goes to stderr; the table (or --json) to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.store.samples and tests.pg

from tests.store.samples import sample_article, sample_records

from eventwire.store import open_store

FILLER = (" Emergency services said the fire had spread across the roof of the building, and rescue teams were "
          "still searching the ruins late into the night while relatives gathered outside the hospitals.")


def _workload(n_articles: int, n_chars: int, offset: int) -> list[tuple]:
    """(article, records) pairs; the text is padded after the sample, so every span stays valid."""
    pairs = []
    for n in range(offset, offset + n_articles):
        article = sample_article(n)
        padding = FILLER * max(0, (n_chars - len(article.text)) // len(FILLER) + 1)
        article = replace(article, text=(article.text + padding)[:max(n_chars, len(article.text))])
        records = [replace(record, content_hash=article.content_hash, n_chars=len(article.text))
                   if record.kind == "article" else record for record in sample_records(article)]
        pairs.append((article, records))
    return pairs


def bench_engine(name: str, url: str, pairs: list[tuple]) -> dict:
    """Time storing `pairs` once (new) and again (already stored) on `url`."""
    store = open_store(url)
    try:
        started = time.perf_counter()
        for i, (article, records) in enumerate(pairs, 1):
            store.save_article(article, records)
            if i % 100 == 0:
                print(f"  {name}: {i}/{len(pairs)} stored", file=sys.stderr)
        first = time.perf_counter() - started
        started = time.perf_counter()
        skipped = sum(not store.save_article(article, records) for article, records in pairs)
        second = time.perf_counter() - started
        n_records = store.stats()["tables"]["records"]
    finally:
        store.close()
    assert skipped == len(pairs), "the second pass stored something again"
    n = len(pairs)
    return {"engine": name, "articles": n, "records": n_records, "seconds": round(first, 3),
            "articles_per_s": round(n / first, 1), "records_per_s": round(n_records / first, 1),
            "ms_per_article": round(1000 * first / n, 2), "rerun_skips_per_s": round(n / second, 1)}


def bench_end_to_end(name: str, url: str, paths: list[str], repeat: int) -> dict:
    """Extraction and storage time of real articles, summed separately, on `url`."""
    from eventwire.errors import InputError
    from eventwire.ingest import read_inputs
    from eventwire.pipeline import load

    read = [item for item in read_inputs(paths) if not isinstance(item, InputError)]
    articles = [replace(article, id=f"{article.id}-{k}", text=f"{article.text}\n(copy {k})")
                for k in range(repeat) for article in read]
    pipeline = load()
    store = open_store(url)
    extract_s = store_s = 0.0
    n_records = 0
    try:
        results = pipeline.pipe(articles)
        while True:
            started = time.perf_counter()
            result = next(results, None)
            extracted = time.perf_counter()
            if result is None:
                break
            store.save_article(result.article, result.records)
            extract_s += extracted - started
            store_s += time.perf_counter() - extracted
            n_records += len(result.records)
    finally:
        store.close()
    n = len(articles)
    return {"engine": name, "articles": n, "records": n_records, "extract_s": round(extract_s, 3),
            "store_s": round(store_s, 3), "extract_ms_per_article": round(1000 * extract_s / n, 2),
            "store_ms_per_article": round(1000 * store_s / n, 2),
            "store_share_pct": round(100 * store_s / (extract_s + store_s), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--chars", type=int, default=4000, help="text length of each article")
    parser.add_argument("--engines", default="sqlite,postgresql")
    parser.add_argument("--pg-url", default=None, help="use this server instead of a throwaway one")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--end-to-end", nargs="+", default=None, metavar="PATH",
                        help="time extraction and storage of these inputs instead of the synthetic load")
    parser.add_argument("--repeat", type=int, default=1, help="with --end-to-end: store each article N times")
    args = parser.parse_args(argv)
    pairs = _workload(args.articles, args.chars, offset=0)
    results = []
    with ExitStack() as stack:
        for engine in args.engines.split(","):
            url = _url(engine, args, stack)
            if args.end_to_end:
                print(f"{engine}: extracting and storing {args.end_to_end} x{args.repeat}", file=sys.stderr)
                results.append(bench_end_to_end(engine, url, args.end_to_end, args.repeat))
                continue
            print(f"{engine}: storing {len(pairs)} articles", file=sys.stderr)
            results.append(bench_engine(engine, url, pairs))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        _print_table(results)
    return 0


def _url(engine: str, args: argparse.Namespace, stack: ExitStack) -> str:
    if engine == "sqlite":
        folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="eventwire-bench-"))
        return f"sqlite:///{folder}/bench.db"
    if args.pg_url:
        return args.pg_url
    from tests.pg import TemporaryPostgres, create_database, postgres_available

    missing = postgres_available()
    if missing:
        raise SystemExit(f"cannot start PostgreSQL: {missing}; give --pg-url or --engines sqlite")
    return create_database(stack.enter_context(TemporaryPostgres(durable=True)))


def _print_table(results: list[dict]) -> None:
    columns = list(results[0])
    print("  ".join(f"{column:>17}" for column in columns))
    for row in results:
        print("  ".join(f"{row[column]!s:>17}" for column in columns))


if __name__ == "__main__":
    sys.exit(main())
