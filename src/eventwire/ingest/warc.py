"""WARC files of crawled news -> one Article per HTML (or plain-text) response.

warcio reads plain and per-record gzipped WARCs. Requests, metadata and
non-text responses (images, scripts, style sheets) are not articles and are
passed over. `Origin.offset` is the record's byte offset in the file, so
`warcio extract FILE OFFSET` shows the record an error is about.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.decode import decode_bytes
from eventwire.ingest.html import read_html_bytes
from eventwire.records import Article, Origin, content_hash

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_warc(stream: BinaryIO, *, path: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Every text response of a WARC; a broken archive ends with an InputError at its offset."""
    from warcio.exceptions import ArchiveLoadFailed

    records = _quiet_iterator(stream)
    offset = 0
    try:
        for record in records:
            item = _record_article(record, records, path=path, max_bytes=max_bytes)
            offset = records.get_record_offset()  # known once the record is read
            if item is not None:
                yield item
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
        yield InputError(f"broken WARC after this record ({exc}): the records before it were read; "
                         "re-fetch or repair the file (e.g. `warcio recompress`)", path=path, offset=offset)


def _quiet_iterator(stream: BinaryIO):
    """warcio's ArchiveIterator without its stderr warning for a record not followed by a blank line.

    Library code never prints (the CLI owns stderr); a truly broken record still
    fails on its own, as a truncated record or an ArchiveLoadFailed.
    """
    from warcio.archiveiterator import ArchiveIterator

    class QuietArchiveIterator(ArchiveIterator):
        INC_RECORD = ""

    return QuietArchiveIterator(stream)


def _read_up_to(stream, limit: int) -> bytes:
    """Up to `limit` bytes: warcio's streams return one chunk a read, not all that was asked."""
    chunks, size = [], 0
    while size < limit:
        chunk = stream.read(min(65536, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _record_article(record, records, *, path: str, max_bytes: int) -> Article | InputError | None:
    if record.rec_type not in ("response", "resource", "conversion"):
        return None
    headers = record.http_headers if record.rec_type == "response" else record.rec_headers
    content_type = (headers.get_header("Content-Type") if headers else None) or ""
    if "html" not in content_type and not content_type.startswith("text/plain"):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    data = _read_up_to(record.content_stream(), max_bytes + 1)
    offset = records.get_record_offset()
    origin = Origin(path=path, offset=offset, format="warc")
    if len(data) > max_bytes:
        return InputError(f"record of {url} is over {max_bytes} bytes: not one article; "
                          "extract it and split it", path=path, offset=offset)
    missing = getattr(record.raw_stream, "limit", 0)  # bytes the header promised that never came
    if missing:
        return InputError(f"record of {url} is truncated ({missing} bytes missing): the records before it "
                          "were read; re-fetch or repair the file", path=path, offset=offset)
    charset = _CHARSET.search(content_type)
    try:
        if "html" in content_type:
            return read_html_bytes(data, origin=origin, url=url, charset=charset.group(1) if charset else None)
        text = decode_bytes(data, path=path).text.strip()
        if not text:
            return None
        return Article(id=content_hash(text), text=text, url=url, origin=origin)
    except InputError as exc:
        return InputError(f"record of {url}: {exc.reason}", path=path, offset=offset)
