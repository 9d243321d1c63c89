"""The HTML reader on three outlet layouts: title, publication time, main text without the clutter."""

import time
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from eventwire.errors import EmptyArticle, InputError
from eventwire.ingest import read_inputs
from eventwire.ingest.html import read_html_bytes
from eventwire.records import Origin

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"

LAYOUTS = [
    # file, title, published, outlet, url, first and last sentences of the story
    ("harbour-courier.html", "Bomb blast at Port Meridan ferry terminal kills seven",
     datetime(2025, 5, 14, 8, 45, tzinfo=timezone(timedelta(hours=2))), "The Harbour Courier",
     "https://harbour-courier.example/news/2025/port-meridan-blast",
     "A bomb exploded at the main ferry terminal of Port Meridan on Tuesday morning",
     "four of the wounded were in a critical condition."),
    ("valley-evening-post.html", "Gunmen attack police post in Dornholm, three officers dead",
     datetime(2025, 9, 2, 21, 10, tzinfo=timezone(timedelta(hours=-4))), "Valley Evening Post",
     "https://vep.example/2025/09/02/dornholm-police-post",
     "Armed men attacked a police post on the edge of Dornholm late on Monday",
     "Schools in the district will remain closed on Tuesday as a precaution."),
    ("northern-ledger.html", "Protesters killed as troops fire on crowd in Kestrel Bay",
     datetime(2025, 1, 17, 14, 30, tzinfo=UTC), None, None,
     "Soldiers opened fire on a crowd of demonstrators in the centre of Kestrel Bay on Friday",
     "called for an independent investigation into the shooting."),
]
# Words of the navigation, sidebars, comments and footers of the three layouts.
CLUTTER = ("Sign up for our morning briefing", "Related stories", "Ferry fares", "comment", "Copyright",
           "Most read", "Subscribe", "Storm warning", "Share this story", "Classifieds", "Front page",
           "harbourwatcher", "Terms", "Advertise")


@pytest.mark.parametrize(("name", "title", "published", "outlet", "url", "first", "last"), LAYOUTS)
def test_html_reader_recovers_metadata_and_main_text(name, title, published, outlet, url, first, last):
    [article] = read_inputs([str(FIXTURES / name)])
    assert article.title == title
    assert article.published == published
    assert article.source == outlet
    assert article.url == url
    assert first in article.text and last in article.text
    assert not [word for word in CLUTTER if word.lower() in article.text.lower()]
    assert article.origin == Origin(path=str(FIXTURES / name), format="html")


def test_html_reader_reads_the_declared_language():
    [article] = read_inputs([str(FIXTURES / "harbour-courier.html")])
    assert article.lang == "en"


def test_html_in_a_declared_legacy_charset_is_decoded():
    page = ('<html><head><meta charset="windows-1251"><title>Взрыв</title></head><body><article>'
            + "<p>Взрыв на вокзале в Берёзовске: погибли три человека, ещё двенадцать ранены.</p>" * 5
            + "</article></body></html>")
    article = read_html_bytes(page.encode("cp1251"), origin=Origin(path="ru.html", format="html"))
    assert "погибли три человека" in article.text
    assert article.extra["encoding"] == "cp1251"


def test_broken_html_keeps_what_can_be_read():
    page = (FIXTURES / "valley-evening-post.html").read_bytes()
    truncated = page[: page.index(b"Residents said")]  # cut mid-page: unclosed tags everywhere
    article = read_html_bytes(truncated, origin=Origin(path="cut.html", format="html"))
    assert "Armed men attacked a police post" in article.text


def test_html_without_any_text_is_an_empty_article_naming_the_file():
    with pytest.raises(EmptyArticle) as caught:
        read_html_bytes(b"<html><body><div><script>var a=1;</script></div></body></html>",
                        origin=Origin(path="blank.html", format="html"))
    assert str(caught.value) == ("blank.html: no main text found in the page (empty or broken HTML): save the "
                                 "complete page, or give the article text as a .txt file")


def test_an_impossible_date_in_the_page_metadata_is_an_input_error():
    page = (FIXTURES / "harbour-courier.html").read_text().replace("2025-05-14T08:45", "2025-05-34T08:45")
    with pytest.raises(InputError, match="page.html: published '2025-05-34T08:45:00\\+02:00' is not a possible"):
        read_html_bytes(page.encode(), origin=Origin(path="page.html", format="html"))


def test_html_reader_time_per_page(capsys):
    """Measured, not a benchmark: the budget only catches a reader gone pathologically slow."""
    pages = [(FIXTURES / layout[0]).read_bytes() for layout in LAYOUTS]
    read_html_bytes(pages[0], origin=Origin(path="warm-up"))
    n_rounds = 20
    started = time.perf_counter()
    for _ in range(n_rounds):
        for page in pages:
            read_html_bytes(page, origin=Origin(path="timed"))
    per_page_ms = (time.perf_counter() - started) / (n_rounds * len(pages)) * 1000
    with capsys.disabled():
        print(f"\nHTML reader: {per_page_ms:.2f} ms per page ({n_rounds * len(pages)} pages)")
    assert per_page_ms < 200
