"""read_inputs: every format, folders, gzip and stdin, ids and origins, in input order."""

import gzip
import io
import json
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from eventwire.errors import EmptyArticle, InputError, UnsupportedInput
from eventwire.ingest import read_inputs
from eventwire.ingest.readers import sniff_format
from eventwire.records import Article, content_hash

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


def _read(*paths, **options):
    return list(read_inputs([str(path) for path in paths], **options))


def test_plain_text_takes_published_and_source_and_its_content_hash_as_id(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text("Gunmen killed two guards at the Sarnow depot on Friday.\n", encoding="utf-8")
    [article] = _read(path, published="2025-04-12T16:20:00+00:00", source="Coastal Wire")
    assert article.id == content_hash("Gunmen killed two guards at the Sarnow depot on Friday.")
    assert article.published == datetime(2025, 4, 12, 16, 20, tzinfo=UTC)
    assert article.source == "Coastal Wire"
    assert (article.origin.path, article.origin.format) == (str(path), "text")


def test_an_impossible_published_option_stops_before_reading_anything(tmp_path):
    with pytest.raises(InputError, match="--published: --published '2025-02-30' is not a possible date"):
        read_inputs([str(tmp_path)], published="2025-02-30")


def test_jsonl_keeps_known_fields_extra_fields_and_line_numbers(tmp_path):
    path = tmp_path / "batch.jsonl"
    rows = [{"id": "a-1", "url": "https://x.example/1", "source": "Wire", "published": "2025-03-22",
             "title": "T", "text": "Police said four people died.", "lang": "en", "desk": "world", "n": 3},
            {"text": "No id here, so the content hash is the id."}]
    path.write_text("\n".join(json.dumps(row) for row in rows[:1]) + "\n\n" + json.dumps(rows[1]) + "\n")
    first, second = _read(path)
    assert (first.id, first.url, first.source, first.title, first.lang) == ("a-1", "https://x.example/1",
                                                                          "Wire", "T", "en")
    assert first.extra == {"desk": "world", "n": 3}
    assert (first.origin.line, second.origin.line) == (1, 3)
    assert second.id == content_hash(rows[1]["text"])


def test_json_array_gives_one_article_per_element_with_its_index(tmp_path):
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": "j1", "text": "First report."}, {"text": "Second report."}]))
    first, second = _read(path)
    assert (first.id, first.origin.offset, second.origin.offset) == ("j1", 0, 1)


def test_csv_reads_a_text_column_multiline_rows_and_keeps_extra_columns():
    first, second = _read(FIXTURES / "reports.csv")
    assert (first.id, first.source, first.extra) == ("csv-1", "Coastal Wire Service",
                                                     {"desk": "regional", "tags": "blast;fuel"})
    assert second.text == "Gunmen ambushed a supply convoy in the Elbrin valley.\nThe army said six drivers were wounded."
    assert (first.origin.line, second.origin.line) == (2, 3)


def test_csv_without_a_text_column_says_which_columns_it_has(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("id,headline\n1,Blast\n")
    [error] = _read(path)
    assert str(error) == (f"{path}:1: no text column (columns: id, headline): name the column that holds "
                          "the article text one of text, body, content, article")


def test_tsv_and_semicolon_csv_are_read(tmp_path):
    (tmp_path / "a.tsv").write_text("id\ttext\nt1\tA bomb went off.\n")
    (tmp_path / "b.csv").write_text('id;text\ns1;"Two were hurt; police said."\ns2;Unquoted; broken.\n')
    tsv, csv_row, error = _read(tmp_path)
    assert [(a.id, a.text) for a in (tsv, csv_row)] == [("t1", "A bomb went off."),
                                                        ("s1", "Two were hurt; police said.")]
    assert str(error) == (f"{tmp_path / 'b.csv'}:3: 3 fields for 2 columns: quote the text (\"...\") so its "
                          "delimiters are not read as column breaks")


def test_gzip_of_any_format_is_read_through(tmp_path):
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(b'{"id": "g1", "text": "Gzipped line."}\n'))
    (tmp_path / "b.html.gz").write_bytes(gzip.compress((FIXTURES / "harbour-courier.html").read_bytes()))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"Gzipped plain text."))
    jsonl, html, text = _read(tmp_path)
    assert (jsonl.id, jsonl.origin.format) == ("g1", "jsonl+gzip")
    assert html.title == "Bomb blast at Port Meridan ferry terminal kills seven"
    assert (text.text, text.origin.format) == ("Gzipped plain text.", "text+gzip")


def test_a_truncated_gzip_is_an_error_for_that_file_only(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Whole file." * 100)[:30])
    (tmp_path / "b.txt").write_text("The good one.")
    error, article = _read(tmp_path)
    assert isinstance(error, InputError) and "not truncated" in str(error)
    assert article.text == "The good one."


def test_directories_are_read_recursively_in_order_skipping_hidden_files(tmp_path):
    for name in ("b/2.txt", "a/1.txt", "a/deeper/3.md", ".git/x.txt", "a/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(f"Article {name}")
    assert [a.text for a in _read(tmp_path)] == ["Article a/1.txt", "Article a/deeper/3.md", "Article b/2.txt"]


def test_unknown_extensions_in_a_folder_are_reported_not_dropped(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    [error] = _read(tmp_path)
    assert isinstance(error, UnsupportedInput)
    assert str(error).startswith(f"{tmp_path / 'scan.pdf'}: not a format eventwire reads (.pdf): convert it to")


def test_a_file_named_explicitly_is_sniffed_whatever_its_extension(tmp_path):
    path = tmp_path / "download.dat"
    shutil.copy(FIXTURES / "wire.rss", path)
    assert [a.origin.format for a in _read(path)] == ["rss20", "rss20"]


def test_standard_input_is_sniffed(tmp_path):
    stdin = io.BytesIO(b'{"id": "s1", "text": "From a pipe."}\n{"id": "s2", "text": "Another."}\n')
    assert [(a.id, a.origin.path) for a in read_inputs(["-"], stdin=stdin)] == [("s1", "-"), ("s2", "-")]


@pytest.mark.parametrize(("head", "fmt"), [
    (b"WARC/1.1\r\n", "warc"), (b'\xef\xbb\xbf{"text": 1}', "jsonl"), (b"[{}]", "json"),
    (b"<?xml version='1.0'?><rss>", "feed"), (b"<feed xmlns=", "feed"), (b"<!DOCTYPE html><html>", "html"),
    (b"Plain words.", "text"),
])
def test_sniff_format(head, fmt):
    assert sniff_format(head) == fmt


def test_a_missing_path_is_an_error_and_the_rest_is_read(tmp_path):
    (tmp_path / "ok.txt").write_text("Still read.")
    error, article = _read(tmp_path / "missing.txt", tmp_path / "ok.txt")
    assert str(error) == f"{tmp_path / 'missing.txt'}: no such file or folder: check the path"
    assert article.text == "Still read."


def test_ids_are_stable_across_reads_and_folders(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("Same words.")
    (tmp_path / "b.txt").write_text("Same words.")
    first, second = _read(tmp_path)
    assert first.id == second.id == content_hash("Same words.")
    assert first.origin.path != second.origin.path


@pytest.mark.parametrize(("published", "reason"), [
    ("2025-02-30", "'2025-02-30' is not a possible date"),
    ("2025-13-01T00:00:00Z", "is not a possible date"),
    ("0024-03-22", "is outside 1800 .. today"),
    ((datetime.now(UTC) + timedelta(days=400)).date().isoformat(), "is outside 1800 .. today"),
])
def test_impossible_dates_in_a_jsonl_line_name_the_line_and_what_to_do(tmp_path, published, reason):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "A text.", "published": published}) + "\n")
    [error] = _read(path)
    assert str(error).startswith(f"{path}:1: published ")
    assert reason in str(error)
    assert str(error).endswith("fix it or remove it, then run again (articles already stored are skipped)") or \
        "fix it (ISO 8601" in str(error)


def test_fifty_megabytes_of_text_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.write(b"word " * (10 * 1024 * 1024))
    [error] = _read(path)
    assert str(error) == (f"{path}: file is 52.4 MB, over the 10 MB one article may have: "
                          "split it into articles (one per file, or one per JSONL line)")


def test_empty_and_whitespace_files_are_empty_articles(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.html").write_bytes(b"  \n\t ")
    errors = _read(tmp_path)
    assert all(isinstance(error, EmptyArticle) for error in errors)
    assert [str(e) for e in errors] == [f"{tmp_path / n}: empty input (no text at all): remove it or save the "
                                        "article again" for n in ("a.txt", "b.html")]


def test_reading_is_lazy_so_a_long_batch_streams(tmp_path):
    (tmp_path / "a.txt").write_text("One.")
    items = read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "not-yet.txt")])
    assert isinstance(next(items), Article)
    (tmp_path / "not-yet.txt").write_text("Created while the batch ran.")
    assert next(items).text == "Created while the batch ran."


def test_text_takes_its_metadata_from_a_sidecar_json(tmp_path):
    from eventwire.ingest import read_inputs

    (tmp_path / "report.txt").write_text("Gunmen killed two people in Kano.", encoding="utf-8")
    (tmp_path / "report.json").write_text('{"id": "r-1", "source": "Daily Wire", '
                                          '"published": "2021-02-03T10:00:00+01:00", "text_file": "report.txt"}')
    (article,) = list(read_inputs([str(tmp_path)]))  # the .json is metadata, not an input of its own
    assert (article.id, article.source, article.published.isoformat()) == (
        "r-1", "Daily Wire", "2021-02-03T10:00:00+01:00")
    (overridden,) = list(read_inputs([str(tmp_path / "report.txt")], source="Given"))
    assert overridden.source == "Given"
