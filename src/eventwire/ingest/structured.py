"""One article a line or row: JSONL, JSON arrays and CSV/TSV with a text column.

Each line or row is its own article: a malformed one yields an InputError
naming the file and line, and the others still go in. Fields beyond the
known ones (`id, url, source, published, title, text, lang`) are kept in
`Article.extra`, so nothing an analyst exported is dropped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from eventwire.errors import EmptyArticle, InputError
from eventwire.ingest.dates import parse_time
from eventwire.ingest.decode import clean_text, decode_bytes
from eventwire.records import Article, Origin, content_hash

KNOWN_FIELDS = ("id", "url", "source", "published", "title", "text", "lang")
# CSV exports name the article column differently; the first present wins.
TEXT_COLUMNS = ("text", "body", "content", "article")
# Python's csv refuses fields over 128 KB by default; a long article is bigger than that.
_CSV_FIELD_LIMIT = 64 * 1024 * 1024


def article_from_mapping(data: Any, *, origin: Origin, text_key: str = "text") -> Article:
    """An Article from one JSON object or CSV row; InputError saying what is wrong with it."""
    where = {"path": origin.path, "line": origin.line, "offset": origin.offset}
    if not isinstance(data, dict):
        raise InputError(f"expected an object with a 'text' key, got {type(data).__name__}: "
                         "write one JSON object per line", **where)
    raw_text = data.get(text_key)
    if raw_text is None:
        raise EmptyArticle(f"no '{text_key}' field (fields: {', '.join(map(str, data)) or 'none'}): "
                           f"add the article text as '{text_key}'", **where)
    if not isinstance(raw_text, str):
        raise InputError(f"'{text_key}' is a {type(raw_text).__name__}, not a string: "
                         "give the article text as one string", **where)
    decoded = clean_text(raw_text, **where)
    text = decoded.text.strip()
    if not text:
        raise EmptyArticle(f"'{text_key}' is empty: add the article text or remove the line", **where)
    extra = {key: value for key, value in data.items() if key not in KNOWN_FIELDS and key != text_key}
    if decoded.n_removed_controls:
        extra["removed_control_chars"] = decoded.n_removed_controls
    return Article(
        id=_str(data.get("id")) or content_hash(text), text=text,
        published=parse_time(data.get("published"), **where),
        source=_str(data.get("source")), title=_str(data.get("title")), url=_str(data.get("url")),
        lang=_str(data.get("lang")), origin=origin, extra=extra,
    )


def _str(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_jsonl_line(line: bytes, *, path: str, line_no: int, fmt: str = "jsonl") -> Article | InputError:
    """The article of one JSONL line, decoded on its own (a cp1251 line among UTF-8 ones is read)."""
    try:
        text = decode_bytes(line, path=path).text
    except InputError as exc:
        return InputError(f"{exc.reason}", path=path, line=line_no)
    try:
        # strict=False: raw tabs inside strings are common in exports and harmless.
        data = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        return InputError(f"not valid JSON at column {exc.colno} ({exc.msg}): fix the line or remove it, "
                          "then run again", path=path, line=line_no)
    except RecursionError:
        return InputError("JSON nested too deeply to be an article: fix the line or remove it",
                          path=path, line=line_no)
    return _article_or_error(data, Origin(path=path, line=line_no, format=fmt))


def read_json(text: str, *, path: str, fmt: str = "json") -> Iterator[Article | InputError]:
    """A JSON array of article objects (offset = index in the array), or one object."""
    try:
        data = json.loads(text, strict=False)
    except (ValueError, RecursionError) as exc:
        yield InputError(f"not valid JSON ({exc}): fix it, or write one object per line as .jsonl", path=path)
        return
    items = data if isinstance(data, list) else [data]
    for index, item in enumerate(items):
        yield _article_or_error(item, Origin(path=path, offset=index if isinstance(data, list) else None,
                                             format=fmt))


def read_csv(text: str, *, path: str, fmt: str = "csv") -> Iterator[Article | InputError]:
    """One article per row of a CSV/TSV with a header and a text column; line = the row's first line."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=_dialect(text, fmt))
    columns = [name for name in (reader.fieldnames or []) if name]
    text_key = next((name for name in columns if name.strip().lower() in TEXT_COLUMNS), None)
    if text_key is None:
        yield InputError(f"no text column (columns: {', '.join(columns) or 'none'}): name the column "
                         f"that holds the article text one of {', '.join(TEXT_COLUMNS)}", path=path, line=1)
        return
    line_no = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputError(f"malformed CSV ({exc}): fix the quoting of this row", path=path, line=line_no)
            return
        if None in row:
            yield InputError(f"{len(columns) + len(row[None])} fields for {len(columns)} columns: quote the "
                             "text (\"...\") so its delimiters are not read as column breaks",
                             path=path, line=line_no)
            line_no = reader.line_num + 1
            continue
        row = {key.strip().lower(): value for key, value in row.items()}
        yield _article_or_error(row, Origin(path=path, line=line_no, format=fmt),
                                text_key=text_key.strip().lower())
        line_no = reader.line_num + 1


def _dialect(text: str, fmt: str):
    """Tab for TSV; else the delimiter the header line uses most (',' ';' or tab).

    csv.Sniffer looks at whole rows and gives up on a text with unquoted
    semicolons; the header has no free text, so it tells the delimiter reliably.
    """
    if fmt.startswith("tsv"):
        return csv.excel_tab
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)

    class _Dialect(csv.excel):
        pass

    _Dialect.delimiter = delimiter if header.count(delimiter) else ","
    return _Dialect


def _article_or_error(data: Any, origin: Origin, *, text_key: str = "text") -> Article | InputError:
    try:
        return article_from_mapping(data, origin=origin, text_key=text_key)
    except InputError as exc:
        return exc
