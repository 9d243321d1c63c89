"""Order independence on a crowded synthetic world (bench/merge.py's generator): hot-spot towns, shared weeks."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.merge import Merger, merge_records

_spec = importlib.util.spec_from_file_location("bench_merge", Path(__file__).parents[2] / "bench" / "merge.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)
RECORDS, TRUTH = bench.generate(150, seed=3)
BATCH = merge_records(RECORDS)


def test_synthetic_batch_finds_the_true_incidents():
    precision, recall = bench.pairwise_scores(BATCH, TRUTH)
    assert precision >= 0.95 and recall >= 0.95


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_order_and_midway_queries_give_the_batch(rng):
    order = list(RECORDS)
    rng.shuffle(order)
    merger = Merger()
    for n, record in enumerate(order):
        merger.add(record)
        if n % 97 == 0:
            merger.incidents()
    assert merger.incidents() == BATCH
    assert merger.unattached() == merge_unattached()


def merge_unattached():
    merger = Merger()
    merger.add_all(RECORDS)
    return merger.unattached()
