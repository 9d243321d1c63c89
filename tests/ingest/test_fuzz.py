"""Fuzz the readers and the pipeline behind them (bounded here; scripts/fuzz_ingest.py runs longer)."""

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import DecodeError
from eventwire.ingest.decode import clean_text
from eventwire.records import Article
from tests.ingest.fuzzing import SUFFIXES, any_input, check_pipeline, read_fuzzed, words

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(data=any_input, suffix=st.sampled_from(SUFFIXES))
def test_no_exception_escapes_the_readers(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        read_fuzzed(Path(folder), data, suffix)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=any_input, suffix=st.sampled_from(SUFFIXES), extra=st.lists(words, max_size=3))
def test_no_exception_escapes_the_pipeline_and_spans_point_into_the_text(ew, data, suffix, extra):
    with tempfile.TemporaryDirectory() as folder:
        items = read_fuzzed(Path(folder), data, suffix)
    articles = [item for item in items if isinstance(item, Article)]
    # texts given straight to the pipeline, cleaned as every reader cleans them (a lone surrogate
    # would crash spaCy's tokenizer: readers drop them, see ingest/decode.py)
    cleaned = []
    for text in extra:
        try:
            cleaned.append(clean_text(text).text.strip())
        except DecodeError:
            continue  # mostly control characters: readers refuse these, so does this test
    articles += [Article(id=f"extra-{n}", text=text, lang="en") for n, text in enumerate(cleaned) if text]
    check_pipeline(ew, articles)
