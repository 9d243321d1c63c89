"""Nothing lost: a writer killed with `kill -9` mid-batch, and concurrent writer processes.

These run real processes (`tests/store/writer.py`) against the real engines and
then count: every committed article whole, nothing half-written, nothing duplicated.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventwire.store import open_store, schema
from tests.store.samples import expected_counts, sample_article, sample_records

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow
_PER_ARTICLE = expected_counts(sample_records(sample_article(0)))


def _writer(url: str, first: int, last: int, *options: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.Popen([sys.executable, "-m", "tests.store.writer", url, str(first), str(last), *options],
                            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _read_until(process: subprocess.Popen, prefix: str) -> list[str]:
    lines = []
    for line in process.stdout:
        lines.append(line.strip())
        if line.startswith(prefix):
            return lines
    raise AssertionError(f"writer ended before printing {prefix!r}: {lines[-5:]}, exit {process.wait()}, "
                         f"stderr: {process.stderr.read()[-3000:]}")


def _finish(process: subprocess.Popen, timeout: float = 120) -> list[str]:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, f"{out[-1000:]}\nstderr: {err[-3000:]}"
    return out.splitlines()


def assert_every_article_whole(url: str, n_expected: int) -> None:
    """Count check: n articles, each with exactly its records, figures, statements and search row."""
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            articles = conn.scalars(select(schema.articles.c.article_id)).all()
            assert len(articles) == len(set(articles)) == n_expected
            for table_name, per_article in _PER_ARTICLE.items():
                table = schema.metadata.tables[table_name]
                counts = dict(conn.execute(select(table.c.article_id, func.count()).group_by(table.c.article_id)).all())
                assert counts == {article_id: per_article for article_id in articles}, table_name
            n_search = conn.scalar(select(func.count()).select_from(schema.search_index))
            assert n_search == n_expected
    finally:
        store.close()


def test_kill_9_mid_article_leaves_committed_articles_whole_and_rerun_completes(db_url):
    open_store(db_url).close()
    writer = _writer(db_url, 0, 30, "--pause-after", "12")
    lines = _read_until(writer, "inside ")
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    for stream in (writer.stdin, writer.stdout, writer.stderr):
        stream.close()
    stored = [line.split()[1] for line in lines if line.startswith("stored ")]
    half_written = lines[-1].split()[1]
    assert len(stored) == 12 and half_written not in stored

    assert_every_article_whole(db_url, 12)
    store = open_store(db_url)
    assert store.get_article(half_written) is None
    store.close()

    rerun = _finish(_writer(db_url, 0, 30))
    assert rerun[-1] == "done stored=18 skipped=12"
    assert_every_article_whole(db_url, 30)


def test_concurrent_writers_lose_and_duplicate_nothing(db_url):
    """Two writers on one SQLite file, four on PostgreSQL, racing over 40 shared articles
    (each writer in its own order, starting together on a fresh database) plus 10 of their own."""
    n_writers = 2 if db_url.startswith("sqlite") else 4
    n_shared, n_own = 40, 10
    writers = [_writer(db_url, 0, n_shared, "--extra", f"{1000 + i * n_own}:{1000 + (i + 1) * n_own}",
                       "--seed", str(i), "--wait-for-go") for i in range(n_writers)]
    for writer in writers:
        _read_until(writer, "ready")
    for writer in writers:
        writer.stdin.write("go\n")
        writer.stdin.flush()
    outputs = [_finish(writer) for writer in writers]

    stored = [line.split()[1] for out in outputs for line in out if line.startswith("stored ")]
    assert len(stored) == len(set(stored)) == n_shared + n_writers * n_own
    assert sum(out.count(f"stored {sample_article(n).id}") for out in outputs for n in range(n_shared)) == n_shared
    assert_every_article_whole(db_url, n_shared + n_writers * n_own)
