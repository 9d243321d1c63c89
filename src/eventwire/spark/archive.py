"""JSONL archives for the Spark job: which files, and each line as an Article or an error row.

Lines are read the way `eventwire extract` reads a JSONL file (`ingest.structured.
read_jsonl_line`, lines numbered from 1, blank lines skipped but counted), so an
Article built here is the same Article, with the same `Origin`, as the single-process
path builds: the parity the tests check starts here.

Files are opened by the executors with Python, so on a cluster the archive must sit on
a file system every executor mounts at the same path (see docs/spark.md).
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.ingest.decode import check_binary
from eventwire.ingest.readers import MAX_ARTICLE_BYTES, format_of
from eventwire.ingest.structured import read_jsonl_line
from eventwire.records import Article

_GLOB_CHARS = set("*?[")
_GZIP_MAGIC = b"\x1f\x8b"


def list_archive(spec: str) -> list[str]:
    """The JSONL files of a file, a folder (recursive, hidden entries left out) or a glob, sorted.

    Raises InputError when nothing matches. Files of other formats in a folder are left out
    (an archive folder often holds a README or checksums); a file named explicitly is read.
    """
    if os.path.isdir(spec):
        paths = []
        for folder, folders, files in os.walk(Path(spec)):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            paths += [str(Path(folder) / name) for name in sorted(files)
                      if not name.startswith(".") and format_of(name)[0] == "jsonl"]
    elif _GLOB_CHARS & set(spec):
        paths = sorted(path for path in glob.glob(spec, recursive=True) if os.path.isfile(path))
    else:
        paths = [spec] if os.path.isfile(spec) else []
    if not paths:
        raise InputError("no JSONL archive files here (*.jsonl, *.ndjson, optionally .gz): check the path "
                         "or glob (quote it so the shell does not expand it)", path=spec)
    return paths


def read_lines(file_index: int, path: str) -> Iterator[tuple]:
    """(file_index, line_no, Article | error dict) for each non-blank line of one archive file.

    The file is read whole before its first line is given out, as `eventwire extract` reads
    it: a file that cannot be read, or a gzip cut short, gives one error row (line None) and
    no articles, on both paths. It never raises: one bad file never fails the job.
    """
    try:
        data, gzipped = _read_file(path)
        check_binary(data, path=path)
    except (OSError, EOFError, zlib.error) as exc:
        yield file_index, 0, error_row("read", str(InputError(
            f"cannot read the file ({exc}): check that it is readable and not truncated", path=path)), path, None)
        return
    except InputError as exc:
        yield file_index, 0, error_row("read", str(exc), path, None)
        return
    for line_no, line in enumerate(data.split(b"\n"), 1):
        if line.strip():
            yield file_index, line_no, parse_line(line, path, line_no, gzipped)


def _read_file(path: str) -> tuple[bytes, bool]:
    """(the file's decompressed bytes, whether it was gzip), by name or by its first two bytes."""
    gzipped = format_of(os.path.basename(path))[1]
    with open(path, "rb") as stream:
        data = stream.read()
    if gzipped or data.startswith(_GZIP_MAGIC):
        return gzip.decompress(data), True
    return data, False


def parse_line(line: bytes, path: str, line_no: int, gzipped: bool) -> Article | dict:
    """The Article of one line, or an error row naming the file and line."""
    item = read_jsonl_line(line, path=path, line_no=line_no,
                           fmt="jsonl+gzip" if gzipped else "jsonl")
    if isinstance(item, InputError):
        return error_row("read", str(item), path, line_no)
    if len(item.text) > MAX_ARTICLE_BYTES:
        return error_row("read", f"{path}:{line_no}: article text of {len(item.text):,} characters is over "
                         f"the {MAX_ARTICLE_BYTES:,} one article may have: split it", path, line_no)
    return item


def error_row(stage: str, error: str, path: str | None, line: int | None, article_id: str | None = None) -> dict:
    """One row of the error output: where (file, line), which article, what went wrong."""
    return {"stage": stage, "path": path, "line": line, "article_id": article_id, "error": error}
