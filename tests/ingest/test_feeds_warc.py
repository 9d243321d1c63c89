"""RSS/Atom entries with their dates, and WARC crawls built here with warcio."""

import io
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.errors import EmptyArticle, InputError
from eventwire.ingest import read_inputs

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"


def test_rss_entries_are_articles_with_their_dates_links_and_the_feed_title():
    first, second = read_inputs([str(FIXTURES / "wire.rss")])
    assert (first.id, first.title, first.source) == ("cws-2025-0412", "Explosion at fuel depot near Sarnow",
                                                     "Coastal Wire Service")
    assert first.published == datetime(2025, 4, 12, 16, 20, tzinfo=UTC)
    # content:encoded wins over the teaser, its markup reduced to text
    assert first.text.endswith("Investigators were examining whether the blast was deliberate.")
    assert second.text.startswith("Four aid workers abducted in Tavor")
    assert (first.origin.offset, second.origin.offset, first.origin.format) == (0, 1, "rss20")
    assert first.lang == "en"


def test_atom_entries_keep_their_utc_offset_and_fall_back_to_updated():
    first, second = read_inputs([str(FIXTURES / "bulletins.atom")])
    assert first.published == datetime(2025, 6, 1, 18, 30, tzinfo=timezone(timedelta(hours=3)))
    assert second.published == datetime(2025, 6, 2, 9, 45, tzinfo=UTC)
    assert first.url == "https://ridgeway.example/0001"


def test_a_feed_entry_without_text_or_with_an_impossible_date_fails_alone(tmp_path):
    feed = (FIXTURES / "wire.rss").read_text()
    feed = feed.replace("Sat, 12 Apr 2025 16:20:00 +0000", "Sat, 31 Apr 2025 16:20:00 +0000")
    feed = feed.replace("<description>Four aid workers", "<description>Four aid workers")
    path = tmp_path / "bad.rss"
    path.write_text(feed.replace("</channel>", "<item><title>Only a title</title></item></channel>"))
    bad_date, good, no_text = read_inputs([str(path)])
    assert str(bad_date).startswith(f"{path}@0: published 'Sat, 31 Apr 2025 16:20:00 +0000' is not a possible")
    assert good.title == "Kidnapped aid workers released in Tavor"
    assert isinstance(no_text, EmptyArticle)
    assert str(no_text) == (f"{path}@2: feed entry 'Only a title' has no text (no content or summary): give the "
                            "full articles (HTML pages or JSONL) instead")


def test_an_xml_file_that_is_no_feed_says_so(tmp_path):
    path = tmp_path / "sitemap.xml"
    path.write_text("<?xml version='1.0'?><urlset><url><loc>https://x.example/</loc></url></urlset>")
    [error] = read_inputs([str(path)])
    assert str(error).startswith(f"{path}: no feed entries found")


def _warc(path: Path, pages: list[tuple[str, bytes, str]], *, gzip: bool) -> list[int]:
    """Write a WARC of (url, body, content type) responses plus a request record; offsets of responses."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, body, content_type in pages:
            offsets.append(out.tell())
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return offsets


def test_warc_responses_become_articles_with_url_and_record_offset(tmp_path):
    for gzip in (False, True):
        path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
        offsets = _warc(path, [
            ("https://harbour-courier.example/a", (FIXTURES / "harbour-courier.html").read_bytes(),
             "text/html; charset=utf-8"),
            ("https://harbour-courier.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
            ("https://vep.example/b", (FIXTURES / "valley-evening-post.html").read_bytes(), "text/html"),
        ], gzip=gzip)
        first, second = read_inputs([str(path)])
        assert first.url == "https://harbour-courier.example/a"
        assert first.title == "Bomb blast at Port Meridan ferry terminal kills seven"
        assert second.source == "Valley Evening Post"
        assert (first.origin.offset, second.origin.offset) == (offsets[0], offsets[2])
        assert first.origin.format == "warc"


def test_a_truncated_warc_keeps_the_records_before_the_break(tmp_path):
    path = tmp_path / "cut.warc"
    page = (FIXTURES / "harbour-courier.html").read_bytes()
    _warc(path, [("https://h.example/1", page, "text/html"), ("https://h.example/2", page, "text/html")],
          gzip=False)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 2000] + b"WARC/1.0\r\ngarbage\r\n\r\n")
    items = list(read_inputs([str(path)]))
    assert items[0].url == "https://h.example/1"
    assert isinstance(items[-1], InputError)
    assert str(items[-1]).endswith("the records before it were read; re-fetch or repair the file")
