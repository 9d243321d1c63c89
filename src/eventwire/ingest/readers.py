"""Every input analysts have -> Articles in input order, each bad one an InputError in its place.

`read_inputs` takes files, folders (read recursively, by extension) and '-'
(standard input); gzip of any format is read through. It never raises for
one bad input: it yields the InputError (file, line or offset, what to do)
where the article would have been, and the batch goes on.

Formats, by extension (a file named explicitly, or stdin, is sniffed when
its extension says nothing):

    text   .txt .text .md          one article; --published/--source apply
    html   .html .htm .xhtml       one page (see ingest/html.py)
    jsonl  .jsonl .ndjson          one article a line
    json   .json                   an array of article objects
    csv    .csv .tsv               one article a row, with a text column
    feed   .rss .atom .xml         one article an entry
    warc   .warc .warc.gz .arc     one article an HTML response
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import EmptyArticle, InputError, UnsupportedInput
from eventwire.ingest.dates import parse_time
from eventwire.ingest.decode import check_binary, decode_bytes
from eventwire.records import Article, Origin, content_hash

# One article is at most this big. The longest news articles run to a few hundred
# kilobytes; ten megabytes of text is a book, a dump or a log, not an article, and
# would hold up a batch for minutes (the pipeline also cuts at Settings.max_chars).
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
FORMATS_BY_SUFFIX = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
    ".csv": "csv", ".tsv": "tsv",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".arc": "warc",
}
_GZIP_MAGIC = b"\x1f\x8b"


def read_inputs(paths: Iterable[str], *, published: str | datetime | None = None, source: str | None = None,
                stdin: BinaryIO | None = None,
                max_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | InputError]:
    """Articles from each path, in order; an unreadable one yields its InputError instead.

    `published` and `source` apply to plain-text inputs, which carry no metadata.
    Raises InputError at once (before reading anything) when `published` is not a date.
    """
    context = _Context(parse_time(published, field="--published", path="--published"), source, max_bytes)
    return _read_all(paths, context, stdin)


class _Context:
    def __init__(self, published: datetime | None, source: str | None, max_bytes: int):
        self.published, self.source, self.max_bytes = published, source, max_bytes


def _read_all(paths: Iterable[str], context: _Context, stdin: BinaryIO | None) -> Iterator[Article | InputError]:
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_bytes(stream.read(), "-", None, context)
        elif os.path.isdir(path):
            yield from _read_directory(Path(path), context)
        elif os.path.exists(path):
            yield from _read_file(Path(path), context, explicit=True)
        else:
            yield InputError("no such file or folder: check the path", path=path)


def format_of(name: str) -> tuple[str | None, bool]:
    """(format by extension or None, whether gzipped): 'a.jsonl.gz' -> ('jsonl', True)."""
    lowered = name.lower()
    gzipped = lowered.endswith(".gz")
    if gzipped:
        lowered = lowered[:-3]
    return FORMATS_BY_SUFFIX.get(os.path.splitext(lowered)[1]), gzipped


def _read_directory(root: Path, context: _Context) -> Iterator[Article | InputError]:
    """Every file under `root`, sorted, hidden files and folders left out; unknown formats reported."""
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if name.endswith(".json") and any((Path(folder) / (name[:-5] + ext)).is_file()
                                              for ext in (".txt", ".text", ".md")):
                continue  # a text's sidecar metadata, read with the text
            if format_of(name)[0] is None:
                yield UnsupportedInput(
                    f"not a format eventwire reads ({path.suffix or 'no extension'}): convert it to "
                    f"{', '.join(sorted(set(FORMATS_BY_SUFFIX)))}, or name the file on the command line "
                    "to read it as text", path=str(path))
                continue
            yield from _read_file(path, context, explicit=False)


def _read_file(path: Path, context: _Context, *, explicit: bool) -> Iterator[Article | InputError]:
    fmt, gzipped = format_of(path.name)
    name = str(path)
    try:
        if fmt == "warc":
            yield from _read_warc_file(path, context)
            return
        if fmt in ("text", "html") and not gzipped and path.stat().st_size > context.max_bytes:
            yield _too_big(name, path.stat().st_size, context.max_bytes)
            return
        data = _read_limited(path, gzipped, limit=context.max_bytes if fmt in ("text", "html") else None)
    except (OSError, EOFError, zlib.error) as exc:
        yield InputError(f"cannot read the file ({exc}): check that it is readable and not truncated", path=name)
        return
    if data is None:
        yield _too_big(name, None, context.max_bytes)
        return
    sidecar = _sidecar_metadata(path) if fmt == "text" and not gzipped else None
    for item in _read_bytes(data, name, fmt, context, gzipped=gzipped):
        yield _with_sidecar(item, sidecar, context) if sidecar and isinstance(item, Article) else item


def _sidecar_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _sidecar_metadata(path: Path) -> dict | None:
    """Metadata for X.txt from X.json beside it (id, source, published, title, url, lang), if any."""
    sidecar = _sidecar_path(path)
    if not sidecar.is_file():
        return None
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or "text" in data or data.get("text_file", path.name) != path.name:
        return None
    return data


def _with_sidecar(article: Article, meta: dict, context: _Context) -> Article | InputError:
    """The article with its sidecar's metadata; --published and --source given on the command line win."""
    try:
        published = context.published or parse_time(meta.get("published"),
                                                     path=str(_sidecar_path(Path(article.origin.path))))
    except InputError as exc:
        return exc
    return replace(article, id=str(meta.get("id") or article.id), source=context.source or meta.get("source"),
                   published=published, title=meta.get("title"), url=meta.get("url"),
                   lang=meta.get("lang"), extra={**article.extra, "metadata_file": str(
                       _sidecar_path(Path(article.origin.path)))})


def _read_limited(path: Path, gzipped: bool, *, limit: int | None) -> bytes | None:
    """The file's (decompressed) bytes; None when a single-article file is over `limit`."""
    opener = gzip.open if gzipped else open
    with opener(path, "rb") as stream:
        data = stream.read(-1 if limit is None else limit + 1)
    return None if limit is not None and len(data) > limit else data


def _read_warc_file(path: Path, context: _Context) -> Iterator[Article | InputError]:
    from eventwire.ingest.warc import read_warc

    with open(path, "rb") as stream:
        yield from read_warc(stream, path=str(path), max_bytes=context.max_bytes)


def _too_big(path: str, size: int | None, limit: int) -> InputError:
    size_text = f"{size / 1e6:.1f} MB" if size else "more than that"
    return InputError(f"file is {size_text}, over the {limit / 1e6:.0f} MB one article may have: "
                      "split it into articles (one per file, or one per JSONL line)", path=path)


def _read_bytes(data: bytes, path: str, fmt: str | None, context: _Context, *,
                gzipped: bool = False) -> Iterator[Article | InputError]:
    """Dispatch bytes to the reader of `fmt` (sniffed when None)."""
    if data.startswith(_GZIP_MAGIC) and not gzipped:
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            yield InputError(f"broken gzip data ({exc}): re-compress or re-download it", path=path)
            return
        gzipped = True
    if not data.strip():
        yield EmptyArticle("empty input (no text at all): remove it or save the article again", path=path)
        return
    fmt = fmt or sniff_format(data)
    if fmt != "warc":  # crawls hold images and other binary records among the pages
        try:
            check_binary(data, path=path)
        except InputError as exc:
            yield exc
            return
    yield from _READERS[fmt](data, path, fmt + ("+gzip" if gzipped else ""), context)


def sniff_format(data: bytes) -> str:
    """The format of bytes whose name says nothing (stdin, an odd extension)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith(b"{"):
        return "jsonl"
    if head.startswith(b"["):
        return "json"
    if head.startswith(b"<"):
        return "feed" if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")) else "html"
    return "text"


def _read_text(data: bytes, path: str, fmt: str, context: _Context) -> Iterator[Article | InputError]:
    try:
        decoded = decode_bytes(data, path=path)
    except InputError as exc:
        yield exc
        return
    # Only trailing whitespace goes: offsets must point into the file as it is, for anyone checking
    # spans against it, and a leading strip would shift them all.
    text = decoded.text.rstrip()
    if not text.strip():
        yield EmptyArticle("only whitespace or control characters, no text: remove the file", path=path)
        return
    extra: dict = {"encoding": decoded.encoding}
    if decoded.n_removed_controls:
        extra["removed_control_chars"] = decoded.n_removed_controls
    yield Article(id=content_hash(text), text=text, published=context.published, source=context.source,
                  origin=Origin(path=path, format=fmt), extra=extra)


def _read_html(data: bytes, path: str, fmt: str, context: _Context) -> Iterator[Article | InputError]:
    from eventwire.ingest.html import read_html_bytes

    try:
        yield read_html_bytes(data, origin=Origin(path=path, format=fmt))
    except InputError as exc:
        yield exc


def _read_lines(data: bytes, path: str, fmt: str, context: _Context) -> Iterator[Article | InputError]:
    """JSONL, decoded line by line: one line in another encoding does not spoil the rest."""
    from eventwire.ingest.structured import read_jsonl_line

    for line_no, line in enumerate(data.split(b"\n"), 1):
        if line.strip():
            yield _limit(read_jsonl_line(line, path=path, line_no=line_no, fmt=fmt), context)


def _read_decoded(data: bytes, path: str, fmt: str, context: _Context) -> Iterator[Article | InputError]:
    """JSON, CSV and feeds, decoded as one text."""
    from eventwire.ingest import feeds, structured

    if fmt.startswith("feed"):
        items = feeds.read_feed(data, path=path)
    else:
        try:
            text = decode_bytes(data, path=path).text
        except InputError as exc:
            yield exc
            return
        reader = structured.read_json if fmt.startswith("json") else structured.read_csv
        items = reader(text, path=path, fmt=fmt)
    for item in items:
        yield _limit(item, context)


def _read_warc_bytes(data: bytes, path: str, fmt: str, context: _Context) -> Iterator[Article | InputError]:
    import io

    from eventwire.ingest.warc import read_warc

    yield from read_warc(io.BytesIO(data), path=path, max_bytes=context.max_bytes)


def _limit(item: Article | InputError, context: _Context) -> Article | InputError:
    if isinstance(item, Article) and len(item.text) > context.max_bytes:
        origin = item.origin
        return InputError(f"article text of {len(item.text):,} characters is over the {context.max_bytes:,} "
                          "one article may have: split it", path=origin.path, line=origin.line,
                          offset=origin.offset)
    return item


_READERS = {
    "text": _read_text, "html": _read_html, "jsonl": _read_lines, "json": _read_decoded,
    "csv": _read_decoded, "tsv": _read_decoded, "feed": _read_decoded, "warc": _read_warc_bytes,
}
