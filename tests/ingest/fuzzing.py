"""Hypothesis strategies and properties shared by the fuzz tests and scripts/fuzz_ingest.py.

The properties: reading any bytes under any name yields only Articles and
InputErrors (no exception escapes the reader), and piping those articles
through the pipeline yields an ArticleResult for each, whose every Span
still points into the article's text.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from eventwire.errors import InputError
from eventwire.ingest import read_inputs
from eventwire.records import Article, Span

SUFFIXES = (".txt", ".html", ".jsonl", ".json", ".csv", ".tsv", ".rss", ".atom", ".warc", ".txt.gz",
            ".jsonl.gz", ".dat")
# Words that wake the extractors up (numbers, casualty verbs, places, sources), mixed with noise.
WORDS = ("killed", "injured", "at least", "dozens", "more than", "100", "3", "seven", "1,200", "police",
         "said", "according to", "TASS", "Moscow", "Kerman", "Crocus City Hall", "Friday", "on Monday",
         "March 22", "2024", "bomb", "gunmen", "attack", "Islamic State", "claimed", "denied", "wounded",
         "arrested", "\n", ".", ",", "\"", "'", "(", ")", "-", "—", "«", "»", "Ω", "é", "Москва", "\u200b",
         "\x00", "\x07", "\ufeff", "\ud800", "🙂", "<p>", "</p>", "&amp;", "{", "}", "[", "]", "\t", "\r\n")

words = st.lists(st.sampled_from(WORDS) | st.text(max_size=12), max_size=60).map(" ".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1251", "latin-1", "cp1252"])


@st.composite
def encoded_text(draw) -> bytes:
    return draw(words).encode(draw(encodings), errors="replace")


@st.composite
def jsonl_bytes(draw) -> bytes:
    keys = st.sampled_from(["id", "text", "published", "source", "title", "lang", "url", "extra"])
    values = words | st.integers() | st.none() | st.lists(st.integers(), max_size=3) | st.sampled_from(
        ["2024-02-30", "2024-03-22T23:30:00+03:00", "0000-00-00", "Fri, 22 Mar 2024 20:00:00 GMT", "9999"])
    lines = draw(st.lists(st.dictionaries(keys, values, max_size=6).map(json.dumps) | words, max_size=6))
    return "\n".join(lines).encode(draw(encodings), errors="replace")


@st.composite
def html_bytes(draw) -> bytes:
    tags = st.sampled_from(["p", "div", "article", "nav", "h1", "title", "script", "time", "table", "td"])
    parts = draw(st.lists(st.tuples(tags, words, st.booleans()), max_size=12))
    meta = draw(st.sampled_from(["", '<meta property="article:published_time" content="2024-02-30">',
                                 '<meta property="og:title" content="T">',
                                 ('<script type="application/ld+json">{"@type": "NewsArticle", '
                                 '"datePublished": [1, {}], "publisher": 3}</script>')]))
    body = "".join(f"<{tag}>{text}" + (f"</{tag}>" if close else "") for tag, text, close in parts)
    return f"<html><head>{meta}</head><body>{body}</body></html>".encode(draw(encodings), errors="replace")


@st.composite
def feed_bytes(draw) -> bytes:
    items = draw(st.lists(st.tuples(words, words, st.sampled_from(
        ["Fri, 22 Mar 2024 20:00:00 GMT", "Sat, 31 Apr 2024 16:20:00 +0000", "", "yesterday"])), max_size=4))
    entries = "".join(f"<item><title>{t}</title><description>{d}</description><pubDate>{p}</pubDate></item>"
                      for t, d, p in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{entries}</channel></rss>'.encode(
        "utf-8", errors="replace")


any_input = st.one_of(st.binary(max_size=2000), encoded_text(), jsonl_bytes(), html_bytes(), feed_bytes())


def read_fuzzed(folder: Path, data: bytes, suffix: str) -> list[Article | InputError]:
    """Write `data` under a name ending in `suffix`, read it, and check what came out."""
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_inputs([str(path)]))
    for item in items:
        assert isinstance(item, (Article, InputError)), item
        if isinstance(item, Article):
            assert item.text.strip() and item.text == item.text.rstrip()
            assert "\x00" not in item.text and isinstance(item.id, str) and item.id
            assert item.origin.path == str(path)
        else:
            assert str(item).startswith(str(path)), item
    return items


def iter_spans(value: Any) -> Iterator[Span]:
    """Every Span inside a record, however deeply nested."""
    if isinstance(value, Span):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from iter_spans(getattr(value, field.name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from iter_spans(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from iter_spans(item)


def check_pipeline(ew, articles: list[Article]) -> None:
    """Every article gives one result (an error is a result, not an exception); spans point into the text."""
    results = list(ew.pipe(articles))
    assert [result.article.id for result in results] == [article.id for article in articles]
    for result in results:
        text = result.article.text
        for record in result.records:
            for span in iter_spans(record):
                assert 0 <= span.start <= span.end <= len(text), (span, len(text))
                assert text[span.start:span.end] == span.text, (span, text[span.start:span.end])
