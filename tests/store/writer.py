"""A real writer process for the crash and concurrency tests: `python -m tests.store.writer URL FIRST LAST`.

Stores sample articles FIRST..LAST-1 (shuffled with --seed) and prints one line per
article, flushed: `stored ID` or `skipped ID`, then `done stored=N skipped=M`.
With --wait-for-go it prints `ready` and waits for a line on stdin, so several
writers start together. With --pause-after K it stops inside the transaction of the
article after the K-th stored one (after its rows are sent, before the commit),
prints `inside ID` and sleeps, for the test to `kill -9` it there.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

from sqlalchemy import event

from eventwire.store import open_store
from tests.store.samples import sample_article, sample_records


def _pause_before_commit(store, article_id_of_current: list[str]) -> None:
    def before_commit(connection) -> None:
        print(f"inside {article_id_of_current[0]}", flush=True)
        time.sleep(120)

    event.listen(store.engine, "commit", before_commit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("first", type=int)
    parser.add_argument("last", type=int)
    parser.add_argument("--extra", default=None, metavar="FIRST:LAST", help="also store articles FIRST..LAST-1")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--wait-for-go", action="store_true")
    parser.add_argument("--pause-after", type=int, default=None)
    args = parser.parse_args(argv)
    numbers = list(range(args.first, args.last))
    if args.extra:
        extra_first, extra_last = map(int, args.extra.split(":"))
        numbers += range(extra_first, extra_last)
    if args.seed is not None:
        random.Random(args.seed).shuffle(numbers)
    store = open_store(args.url)
    if args.wait_for_go:
        print("ready", flush=True)
        sys.stdin.readline()
    current: list[str] = [""]
    n_stored = n_skipped = 0
    for n in numbers:
        article = sample_article(n)
        current[0] = article.id
        if args.pause_after is not None and n_stored == args.pause_after:
            _pause_before_commit(store, current)
        if store.save_article(article, sample_records(article)):
            n_stored += 1
            print(f"stored {article.id}", flush=True)
        else:
            n_skipped += 1
            print(f"skipped {article.id}", flush=True)
    store.close()
    print(f"done stored={n_stored} skipped={n_skipped}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
