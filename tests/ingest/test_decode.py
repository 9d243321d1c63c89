"""Bytes -> text: BOMs, legacy code pages, mixed files, binary files, control characters."""

from pathlib import Path

import pytest

from eventwire.errors import DecodeError
from eventwire.ingest.decode import check_binary, clean_text, decode_bytes

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


@pytest.mark.parametrize(("name", "encoding", "expected"), [
    ("cp1251-ru.txt", "cp1251", "Взрыв на вокзале в Берёзовске"),
    ("latin1-fr.txt", "cp1252", "le marché de Saint-Élouan"),
    ("bom-utf8.txt", "utf-8+bom", "Police said a car bomb"),
    ("bom-utf16.txt", "utf-16+bom", "Police said a car bomb"),
    ("mixed-utf8-cp1251.txt", "mixed utf-8+cp1251", "Свидетели сообщили"),
])
def test_decode_reads_each_encoding_and_names_it(name, encoding, expected):
    decoded = decode_bytes((FIXTURES / name).read_bytes(), path=name)
    assert decoded.encoding == encoding
    assert expected in decoded.text
    assert "\ufeff" not in decoded.text and "\ufffd" not in decoded.text


def test_decode_keeps_utf8_lines_of_a_mixed_file_as_utf8():
    text = decode_bytes((FIXTURES / "mixed-utf8-cp1251.txt").read_bytes(), path="m").text
    assert "Várkony" in text and "régional" in text


def test_decode_prefers_the_declared_charset_when_utf8_fails():
    data = "Ataque en Cañada".encode("latin-1")
    assert decode_bytes(data, path="p", declared="iso-8859-1").encoding == "iso8859-1"


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file, a PDF document: convert it to text first"),
    (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive (or DOCX/XLSX/ODT)"),
    (bytes(range(256)) * 4, "binary file (" ),
])
def test_check_binary_names_the_file_and_what_to_do(data, message):
    with pytest.raises(DecodeError) as caught:
        check_binary(data, path="dump/x.bin")
    assert str(caught.value).startswith("dump/x.bin: ")
    assert message in str(caught.value)


def test_clean_text_drops_stray_control_characters_and_counts_them():
    decoded = clean_text("Two\x00 people\x07 were\x1b killed\r\nin \x85Kestrel, the police said.\ud800")
    assert decoded.text == "Two people were killed\nin Kestrel, the police said."
    assert decoded.n_removed_controls == 5


def test_clean_text_refuses_text_that_is_mostly_control_characters():
    with pytest.raises(DecodeError, match="not text"):
        clean_text("\x01\x02\x03\x04 ab", path="f.txt")
