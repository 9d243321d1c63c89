"""Bytes -> clean text: BOMs, UTF-8, legacy code pages, mixed files, binary files, control characters.

Analysts' files come from everywhere: Windows exports in cp1251 or cp1252,
pages saved with a BOM, logs where one tool appended UTF-8 lines to a
cp1251 file. We decode what can be decoded and say which encoding we used
(`Decoded.encoding`, kept in `Article.extra`), and refuse with a DecodeError
what is not text at all, naming the file and what to do.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from eventwire.errors import DecodeError

# Signatures of the binary files analysts most often drop in a folder of articles,
# with the step that turns each into text.
_MAGIC = (
    (b"%PDF", "a PDF document: convert it to text first (e.g. `pdftotext file.pdf`)"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX/XLSX/ODT): unpack it or export the document as .txt"),
    (b"\x89PNG", "a PNG image: there is no text to read"),
    (b"\xff\xd8\xff", "a JPEG image: there is no text to read"),
    (b"GIF8", "a GIF image: there is no text to read"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (DOC/XLS): save it as .txt"),
    (b"\x7fELF", "an executable: there is no text to read"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes 0x00-0x1F other than tab, newline, form feed, carriage return and escape.
_CONTROL_BYTES = frozenset(range(32)) - {9, 10, 12, 13, 27}
# A text sample where more than this share of bytes are control bytes is binary;
# real text files (even with stray control characters) stay far below 1%.
_MAX_CONTROL_SHARE = 0.05
_SAMPLE = 65536
# Control characters that carry no text: C0 (except tab/newline), DEL, C1, lone surrogates,
# and the replacement character's cousins that break databases (NUL).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
# When more than this share of a decoded text is control characters, it is garbage, not text.
_MAX_CONTROL_CHARS_SHARE = 0.10
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, the encoding used, and how many control characters were dropped."""

    text: str
    encoding: str
    n_removed_controls: int = 0


def check_binary(data: bytes, *, path: str) -> None:
    """Raise DecodeError if `data` is a known binary format or mostly control bytes."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file, {what}", path=path)
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return
    sample = data[:_SAMPLE]
    if not sample:
        return
    n_control = sum(1 for byte in sample if byte in _CONTROL_BYTES)
    if n_control / len(sample) > _MAX_CONTROL_SHARE:
        raise DecodeError(
            f"binary file ({n_control} control bytes in the first {len(sample)}): "
            "give a text, HTML, JSONL, CSV, feed or WARC file, or remove it from the folder",
            path=path,
        )


def decode_bytes(data: bytes, *, path: str, declared: str | None = None) -> Decoded:
    """Decode `data` as text; `declared` is a charset the file names itself (HTML meta, XML prolog).

    Order: BOM, strict UTF-8, the declared charset, then per line UTF-8 or the legacy
    code page that fits (cp1251 for Cyrillic, else cp1252/latin-1), so a file mixing
    UTF-8 and cp1251 lines is read line by line ("mixed").
    """
    check_binary(data, path=path)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data.decode(codec), encoding=codec.replace("-sig", "") + "+bom", path=path)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {codec} byte-order mark but is not {codec} at byte "
                                  f"{exc.start}: re-save it as UTF-8", path=path, offset=exc.start) from exc
    try:
        return clean_text(data.decode("utf-8"), encoding="utf-8", path=path)
    except UnicodeDecodeError:
        pass
    if declared and _known_codec(declared) and _known_codec(declared) != "utf-8":
        try:
            return clean_text(data.decode(declared), encoding=_known_codec(declared), path=path)
        except UnicodeDecodeError:
            pass
    return _decode_per_line(data, path=path)


def _decode_per_line(data: bytes, *, path: str) -> Decoded:
    """Lines that are UTF-8 stay UTF-8; the others take the legacy code page that fits them all."""
    lines = data.splitlines(keepends=True)
    legacy_bytes = b"".join(line for line in lines if not _is_utf8(line))
    legacy = _guess_legacy(legacy_bytes)
    n_utf8_non_ascii = sum(1 for line in lines if not line.isascii() and _is_utf8(line))
    parts = [line.decode("utf-8") if _is_utf8(line) else _decode_legacy(line, legacy) for line in lines]
    encoding = f"mixed utf-8+{legacy}" if n_utf8_non_ascii else legacy
    return clean_text("".join(parts), encoding=encoding, path=path)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _guess_legacy(data: bytes) -> str:
    """cp1251 when reading the bytes so gives Cyrillic words, else cp1252 (Western European).

    Western text read as cp1251 turns "café" into "cafй": Cyrillic letters inside
    Latin words. Russian text read so gives whole Cyrillic words.
    """
    as_cyrillic = data.decode("cp1251", errors="replace")
    words = re.findall(r"\w+", as_cyrillic)
    pure = sum(1 for word in words if _CYRILLIC.search(word) and not _LATIN_LETTER.search(word))
    mixed = sum(1 for word in words if _CYRILLIC.search(word) and _LATIN_LETTER.search(word))
    return "cp1251" if pure > mixed else "cp1252"


def _decode_legacy(line: bytes, codec: str) -> str:
    # cp1252 leaves five bytes undefined (0x81, 0x8d, 0x8f, 0x90, 0x9d); latin-1 maps every
    # byte, so a line cp1252 refuses is read as latin-1 rather than lost.
    try:
        return line.decode(codec)
    except UnicodeDecodeError:
        return line.decode("latin-1")


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def clean_text(text: str, *, encoding: str = "utf-8", path: str = "-", line: int | None = None,
               offset: int | None = None) -> Decoded:
    """Drop control characters (keeping tab and newline), normalise newlines and NFC.

    Raise DecodeError when control characters are more than a tenth of the text:
    that is a binary file read as text, not an article with a stray byte.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    n_controls = len(_CONTROL_CHARS.findall(text))
    if text and n_controls / len(text) > _MAX_CONTROL_CHARS_SHARE:
        raise DecodeError(
            f"{n_controls} of {len(text)} characters are control characters: this is not text; "
            "give the article as plain text, or remove it",
            path=path, line=line, offset=offset,
        )
    if n_controls:
        text = _CONTROL_CHARS.sub("", text)
    return Decoded(unicodedata.normalize("NFC", text), encoding, n_controls)
