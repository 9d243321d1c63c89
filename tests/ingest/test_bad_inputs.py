"""One test per bad input of issue 8: the error names the file, line or offset and what to do,
and every good article of the same batch is stored (real pipeline, real SQLite store)."""

import io
import json
import shutil
from pathlib import Path

import pytest

from eventwire.config import Settings
from eventwire.records import content_hash
from eventwire.run import run_extract
from eventwire.store import open_store

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
GOOD = [
    "Police said a roadside bomb killed two soldiers near Sarnow on Monday.",
    "Gunmen wounded four guards at a checkpoint outside Dornholm, officials said.",
    "Three people were arrested after an arson attack on a town hall in Elbrin.",
]


@pytest.fixture
def store(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        yield store


@pytest.fixture
def batch(tmp_path):
    """A folder holding the three good articles (one .txt each); tests add their bad input to it."""
    folder = tmp_path / "batch"
    folder.mkdir()
    for index, text in enumerate(GOOD):
        (folder / f"good-{index}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(ew, store, *paths):
    err = io.StringIO()
    summary = run_extract(Settings(), [str(path) for path in paths], store=store, pipeline=ew, fmt="jsonl",
                          out=io.StringIO(), err=err)
    return summary, err.getvalue()


def _assert_good_stored(store, summary, n_more=0):
    assert all(store.has_article(content_hash(text)) for text in GOOD)
    assert store.stats()["tables"]["articles"] == len(GOOD) + n_more
    assert summary.n_read == len(GOOD) + n_more


def _only_error(summary) -> str:
    assert summary.n_failed == 1, summary.errors
    assert summary.exit_code == 3
    return summary.errors[0]["error"]


def test_binary_file(ew, store, batch):
    (batch / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    summary, err = _run(ew, store, batch)
    assert _only_error(summary) == (f"{batch / 'scan.txt'}: binary file, a PDF document: convert it to text "
                                    "first (e.g. `pdftotext file.pdf`)")
    assert f"error: {batch / 'scan.txt'}: binary file" in err
    _assert_good_stored(store, summary)


def test_binary_file_without_a_known_signature(ew, store, batch):
    (batch / "blob.html").write_bytes(bytes(range(32)) * 64)
    summary, _ = _run(ew, store, batch)
    assert _only_error(summary) == (f"{batch / 'blob.html'}: binary file (1728 control bytes in the first 2048): "
                                    "give a text, HTML, JSONL, CSV, feed or WARC file, or remove it from the folder")
    _assert_good_stored(store, summary)


def test_empty_file(ew, store, batch):
    (batch / "empty.txt").write_bytes(b"")
    summary, _ = _run(ew, store, batch)
    assert _only_error(summary) == (f"{batch / 'empty.txt'}: empty input (no text at all): remove it or save "
                                    "the article again")
    _assert_good_stored(store, summary)


def test_fifty_megabyte_text(ew, store, batch):
    line = b"A sentence of a log that is not an article.\n"
    with (batch / "dump.txt").open("wb") as out:
        out.write((line * (50 * 1024 * 1024 // len(line) + 1))[: 50 * 1024 * 1024])
    summary, _ = _run(ew, store, batch)
    assert _only_error(summary) == (f"{batch / 'dump.txt'}: file is 52.4 MB, over the 10 MB one article may "
                                    "have: split it into articles (one per file, or one per JSONL line)")
    _assert_good_stored(store, summary)


def test_broken_html_without_text_fails_and_truncated_html_is_still_read(ew, store, batch):
    (batch / "broken.html").write_text("<html><body><div class='nav'><a href='/'>Home</a><table><tr><td>")
    page = (FIXTURES / "northern-ledger.html").read_text()
    (batch / "truncated.html").write_text(page[: page.index("The defence ministry")])
    summary, _ = _run(ew, store, batch)
    assert _only_error(summary) == (f"{batch / 'broken.html'}: no main text found in the page (empty or broken "
                                    "HTML): save the complete page, or give the article text as a .txt file")
    _assert_good_stored(store, summary, n_more=1)
    [truncated] = [a for a in (store.get_article(r.article_id) for r in store.load_records("article"))
                   if a.origin.path.endswith("truncated.html")]
    assert truncated.title == "Protesters killed as troops fire on crowd in Kestrel Bay"


@pytest.mark.parametrize(("name", "expected"), [
    ("cp1251-ru.txt", "Взрыв на вокзале в Берёзовске: погибли три человека"),
    ("latin1-fr.txt", "Une explosion a frappé le marché de Saint-Élouan samedi"),
    ("bom-utf8.txt", "Police said a car bomb wounded four people"),
    ("bom-utf16.txt", "Police said a car bomb wounded four people"),
    ("mixed-utf8-cp1251.txt", "near Várkony, killing three passengers, police said.\nСвидетели сообщили"),
])
def test_legacy_encodings_boms_and_mixed_files_are_stored_decoded(ew, store, batch, name, expected):
    shutil.copy(FIXTURES / name, batch / name)
    summary, _ = _run(ew, store, batch)
    assert summary.n_failed == 0
    _assert_good_stored(store, summary, n_more=1)
    [stored] = [a for a in (store.get_article(r.article_id) for r in store.load_records("article"))
                if a.origin.path.endswith(name)]
    assert expected in stored.text


def test_non_english_articles_are_stored_and_listed_as_not_extracted(ew, store, batch):
    shutil.copy(FIXTURES / "cp1251-ru.txt", batch / "ru.txt")
    summary, _ = _run(ew, store, batch)
    assert (summary.n_extracted, summary.n_skipped, summary.exit_code) == (3, 1, 3)
    [record] = [r for r in store.load_records("article") if not r.extracted]
    assert record.lang == "ru"
    assert "language 'ru' is not read by the extractors" in record.errors[0]


def _jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_malformed_jsonl_lines_fail_alone(ew, store, batch):
    _jsonl(batch / "feed.jsonl", ['{"id": "j-1", "text": "A grenade attack wounded a policeman in Tavor."}',
                                  '{"id": "j-2", "text": "unterminated',
                                  '["a", "list"]',
                                  '{"id": "j-4", "text": "Two bombs exploded at a market in Lindqvist."}'])
    summary, _ = _run(ew, store, batch)
    assert [e["error"] for e in summary.errors] == [
        (f"{batch / 'feed.jsonl'}:2: not valid JSON at column 23 (Unterminated string starting at): "
        "fix the line or remove it, then run again"),
        f"{batch / 'feed.jsonl'}:3: expected an object with a 'text' key, got list: write one JSON object per line",
    ]
    assert [e["line"] for e in summary.errors] == [2, 3]
    _assert_good_stored(store, summary, n_more=2)
    assert store.get_article("j-1") and store.get_article("j-4").origin.line == 4


def test_jsonl_line_without_text(ew, store, batch):
    _jsonl(batch / "feed.jsonl", ['{"id": "j-1", "title": "Headline only", "url": "https://x.example/1"}',
                                  '{"id": "j-2", "text": "   "}',
                                  '{"id": "j-3", "text": "A car bomb killed one person in Sarnow."}'])
    summary, _ = _run(ew, store, batch)
    assert [e["error"] for e in summary.errors] == [
        f"{batch / 'feed.jsonl'}:1: no 'text' field (fields: id, title, url): add the article text as 'text'",
        f"{batch / 'feed.jsonl'}:2: 'text' is empty: add the article text or remove the line",
    ]
    _assert_good_stored(store, summary, n_more=1)


def test_impossible_dates(ew, store, batch):
    _jsonl(batch / "feed.jsonl", [json.dumps({"id": "d-1", "published": "2024-02-30T10:00:00Z", "text": "One."}),
                                  json.dumps({"id": "d-2", "published": "9999-01-01", "text": "Two."})])
    summary, _ = _run(ew, store, batch)
    assert [e["error"] for e in summary.errors] == [
        (f"{batch / 'feed.jsonl'}:1: published '2024-02-30T10:00:00Z' is not a possible date: fix it (ISO 8601, "
        "e.g. 2024-03-22T23:30:00+03:00) or remove it, then run again (articles already stored are skipped)"),
        (f"{batch / 'feed.jsonl'}:2: published '9999-01-01' is outside 1800 .. today: fix it or remove it, "
        "then run again (articles already stored are skipped)"),
    ]
    _assert_good_stored(store, summary)


def test_control_characters_are_dropped_and_a_control_character_soup_fails(ew, store, batch):
    (batch / "stray.txt").write_bytes(b"Gunmen\x00 attacked\x07 a bus\x1b near Kestrel Bay, police said.\x0c")
    (batch / "soup.txt").write_text("ab\x01\x02\x03\x04\x05\x06\x07\x08cd" * 50 + "x" * 300)
    # in JSON the control characters arrive escaped, past the byte-level check
    _jsonl(batch / "escaped.jsonl", [json.dumps({"id": "e-1", "text": "\x01\x02\x03 ok" * 20})])
    summary, _ = _run(ew, store, batch)
    assert [e["error"] for e in summary.errors] == [
        (f"{batch / 'escaped.jsonl'}:1: 60 of 120 characters are control characters: this is not text; "
        "give the article as plain text, or remove it"),
        (f"{batch / 'soup.txt'}: binary file (400 control bytes in the first 900): give a text, HTML, JSONL, CSV, "
        "feed or WARC file, or remove it from the folder"),
    ]
    _assert_good_stored(store, summary, n_more=1)
    assert store.has_article(content_hash("Gunmen attacked a bus near Kestrel Bay, police said."))
