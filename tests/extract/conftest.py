"""Helpers for the extractor tests: a `Context` for a sentence of our own, and a span check.

Every sentence in tests/extract is written for these tests (wire copy, coder summaries, ACLED-style
notes), never copied from ../shared/eval. Docs come from the real spaCy model through the session
`ew` fixture (tests/conftest.py), so the extractors see what they see in production.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from eventwire.extract import sources
from eventwire.extract.article import extract_records
from eventwire.extract.context import Context
from eventwire.pipeline import make_article
from eventwire.records import Record, Span

# A Friday evening in Moscow (UTC+3): the weekday rule and relative dates are read against it.
PUBLISHED = "2024-03-22T23:30:00+03:00"
OUTLET = "Test Wire"


@pytest.fixture(scope="session")
def read_places(ew) -> Callable[[str], tuple]:
    """text -> (ctx, places, incident location): the place extractors alone, on a text of our own."""
    from eventwire.extract.incident_location import choose_incident_location
    from eventwire.extract.locations import extract_places

    def run(text: str):
        ctx = Context(ew.nlp(text), make_article(text), ew.resources)
        places = extract_places(ctx)
        return ctx, places, choose_incident_location(ctx, places)

    return run


@pytest.fixture(scope="session")
def context_for(ew) -> Callable[..., Context]:
    """text -> Context (doc, article, resources, per-sentence attributions), as extract/article.py
    builds it."""

    def build(text: str, published: str | None = PUBLISHED, source: str | None = OUTLET) -> Context:
        article = make_article(text, published=published, source=source)
        ctx = Context(ew.nlp(text), article, ew.resources)
        ctx.attributions = sources.extract_attributions(ctx)
        return ctx

    return build


@pytest.fixture(scope="session")
def records_for(ew, context_for) -> Callable[..., tuple[Context, list[Record]]]:
    """text -> (Context, every record extract_records gives), for tests of the assembled output."""

    def build(text: str, published: str | None = PUBLISHED, source: str | None = OUTLET):
        ctx = context_for(text, published=published, source=source)
        return ctx, extract_records(ctx.doc, ctx.article, ew.resources)

    return build


def _spans_in(value: Any) -> Iterator[Span]:
    if isinstance(value, Span):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _spans_in(getattr(value, field.name))
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            yield from _spans_in(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _spans_in(item)


@pytest.fixture(scope="session")
def check_spans() -> Callable[[str, Any], int]:
    """(text, any record or list of them) -> number of spans, asserting each is `text[start:end]`."""

    def check(text: str, value: Any) -> int:
        n_spans = 0
        for span in _spans_in(value):
            assert text[span.start:span.end] == span.text, f"span {span} is not text[{span.start}:{span.end}]"
            n_spans += 1
        return n_spans

    return check
