"""Fuzz the readers (and, with --pipeline, the extractors behind them) for a bounded time.

    .venv/bin/python scripts/fuzz_ingest.py --seconds 120 --pipeline

Runs the properties of tests/ingest/fuzzing.py in rounds of fresh random
examples until the time is up: reading any bytes under any name yields only
Articles and InputErrors, and every span the pipeline makes points into the
article text. Exits 1 with hypothesis' shrunk counterexample on the first
failure, 0 when the time ran out without one. Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.ingest.fuzzing

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.ingest.fuzzing import SUFFIXES, any_input, check_pipeline, read_fuzzed

from eventwire.records import Article

EXAMPLES_PER_ROUND = 200


def _property(ew):
    """The property one round checks; with a pipeline, the articles read also go through it."""

    @settings(max_examples=EXAMPLES_PER_ROUND, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(data=any_input, suffix=st.sampled_from(SUFFIXES))
    def fuzz(data, suffix):
        with tempfile.TemporaryDirectory() as folder:
            items = read_fuzzed(Path(folder), data, suffix)
        if ew is not None:
            check_pipeline(ew, [item for item in items if isinstance(item, Article)])

    return fuzz


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="time budget (default 60)")
    parser.add_argument("--pipeline", action="store_true", help="also run the articles through the extractors")
    args = parser.parse_args(argv)
    ew = None
    if args.pipeline:
        from eventwire.pipeline import load

        ew = load()
    fuzz = _property(ew)
    deadline = time.monotonic() + args.seconds
    n_rounds = 0
    while time.monotonic() < deadline:
        try:
            fuzz()
        except Exception as exc:  # noqa: BLE001  any escape is the finding: report it whatever its type
            print(f"fuzz_ingest: FAILED after {n_rounds} rounds: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        n_rounds += 1
        print(f"fuzz_ingest: {n_rounds * EXAMPLES_PER_ROUND} examples, no escape", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
