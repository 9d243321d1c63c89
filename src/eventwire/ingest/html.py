"""Saved news pages -> Article: main text from trafilatura, metadata from the page's own tags.

trafilatura removes navigation, related links and comments, but its date
finder (htmldate) keeps only the day, and a publication *time* decides which
"Friday" an article means. So title, time, outlet, URL and language are read
here, first from what the outlet declares for machines (Open Graph / article:
meta tags, JSON-LD NewsArticle, <time datetime>), then from what readers see
(<h1>, <title>), and trafilatura's guesses come last.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html
from lxml import etree

from eventwire.errors import EmptyArticle, InputError
from eventwire.ingest.dates import parse_time
from eventwire.ingest.decode import clean_text, decode_bytes
from eventwire.records import Article, Origin, content_hash

_NEWS_TYPES = {"newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle",
               "backgroundnewsarticle", "liveblogposting", "webpage", "report"}
# Meta tags that carry the publication time, most specific first.
_TIME_META = ("article:published_time", "og:article:published_time", "datepublished", "pubdate",
              "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "dc.date",
              "sailthru.date", "parsely-pub-date", "date")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


@dataclass
class PageMeta:
    """What a page declares about itself; every field may be missing."""

    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    found: dict[str, str] = field(default_factory=dict)


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its first 4 KB (<meta charset> or http-equiv)."""
    match = _CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def read_html_bytes(data: bytes, *, origin: Origin, url: str | None = None,
                    charset: str | None = None) -> Article:
    """The Article of a page's bytes; `charset` is what an HTTP header declared, if anything."""
    decoded = decode_bytes(data, path=origin.path, declared=charset or declared_charset(data))
    article = read_html(decoded.text, origin=origin, url=url)
    return replace(article, extra={**article.extra, "encoding": decoded.encoding})


def read_html(html: str, *, origin: Origin, url: str | None = None) -> Article:
    """The Article of one page; InputError when no main text can be found."""
    where = {"path": origin.path, "line": origin.line, "offset": origin.offset}
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"not readable as HTML ({exc}): save the complete page again", **where) from exc
    meta = read_page_meta(tree)
    extracted = _extract_main_text(html, url or meta.url)
    text = clean_text(extracted.text if extracted and extracted.text else "", **where).text.strip()
    if not text:
        raise EmptyArticle("no main text found in the page (empty or broken HTML): save the complete page, "
                           "or give the article text as a .txt file", **where)
    published = parse_time(meta.published or (extracted.date if extracted else None), **where)
    title = meta.title or (extracted.title if extracted else None)
    return Article(
        id=content_hash(text), text=text, published=published,
        source=meta.outlet or (extracted.sitename if extracted else None), title=title,
        url=url or meta.url, lang=meta.lang, origin=origin,
        extra={"html_meta": meta.found} if meta.found else {},
    )


# Below this many characters trafilatura's own extractor may have missed the story, and
# its fallbacks (readability, jusText) are worth their cost: ~20 ms a page against ~3 ms.
_SHORT_TEXT = 500


def _extract_main_text(html: str, url: str | None):
    import trafilatura

    # trafilatura logs "discarding data" and "empty HTML tree" per page; with no handler
    # Python prints them on stderr. Our EmptyArticle says the same once, with the file.
    quiet = logging.getLogger("trafilatura")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())

    # Comments and tables are not the article; precision over recall keeps teasers
    # and "read more" boxes out of the text the extractors count casualties in.
    options = {"url": url, "include_comments": False, "include_tables": False, "with_metadata": True,
               "favor_precision": True}
    quick = trafilatura.bare_extraction(html, fast=True, **options)
    if quick is not None and quick.text and len(quick.text) >= _SHORT_TEXT:
        return quick
    return trafilatura.bare_extraction(html, **options) or quick


def read_page_meta(tree) -> PageMeta:
    """Title, publication time, outlet, URL and language the page declares."""
    tags = _meta_tags(tree)
    ld = next(_news_objects(tree), {})
    meta = PageMeta()
    meta.title = _first(tags.get("og:title"), _text(ld.get("headline")), tags.get("twitter:title"),
                        _xpath_text(tree, "//h1"), _strip_site(_xpath_text(tree, "//title"),
                                                              tags.get("og:site_name")))
    meta.published = _with_time_first(
        tags.get("article:published_time"), _text(ld.get("datePublished")),
        *(tags.get(name) for name in _TIME_META),
        _xpath_attr(tree, "//*[@itemprop='datePublished']/@datetime"), _xpath_attr(tree, "//time/@datetime"))
    meta.outlet = _first(tags.get("og:site_name"), _publisher_name(ld), tags.get("application-name"))
    meta.url = _first(_xpath_attr(tree, "//link[@rel='canonical']/@href"), tags.get("og:url"),
                      _text(ld.get("url")))
    meta.lang = _language_code(_first(tree.get("lang"), tags.get("content-language"),
                                      _text(ld.get("inLanguage")), tags.get("og:locale")))
    meta.found = {key: value for key, value in vars(meta).items() if isinstance(value, str)}
    return meta


def _meta_tags(tree) -> dict[str, str]:
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or element.get(
            "http-equiv")
        content = element.get("content")
        if key and content and content.strip():
            tags.setdefault(key.strip().lower(), content.strip())
    return tags


def _news_objects(tree) -> Iterator[dict[str, Any]]:
    """JSON-LD objects of a news type, from every ld+json script (malformed ones are skipped)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue  # a page's broken JSON-LD leaves the other metadata sources
        for obj in _flatten(data):
            types = obj.get("@type")
            names = types if isinstance(types, list) else [types]
            if any(isinstance(name, str) and name.lower() in _NEWS_TYPES for name in names):
                yield obj


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        yield from _flatten(data.get("@graph", []))


def _publisher_name(ld: dict[str, Any]) -> str | None:
    publisher = ld.get("publisher")
    if isinstance(publisher, list) and publisher:
        publisher = publisher[0]
    return _text(publisher.get("name")) if isinstance(publisher, dict) else _text(publisher)


def _strip_site(title: str | None, outlet: str | None) -> str | None:
    """'Attack on hall | Daily Planet' -> 'Attack on hall' (the outlet goes in `source`)."""
    if not title:
        return None
    parts = re.split(r"\s+[|\u2013\u2014-]\s+", title)
    if len(parts) > 1 and (outlet is None or parts[-1].strip().lower() == outlet.strip().lower()):
        return " - ".join(parts[:-1]).strip() or title
    return title


def _language_code(value: str | None) -> str | None:
    """'en-GB', 'en_US', 'EN' -> 'en'."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip())[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


def _xpath_text(tree, path: str) -> str | None:
    found = tree.xpath(path)
    return _text(found[0].text_content()) if found else None


def _xpath_attr(tree, path: str) -> str | None:
    found = tree.xpath(path)
    return _text(found[0]) if found else None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _with_time_first(*values: str | None) -> str | None:
    """The first value with a time of day, else the first value: a day-only `pubdate` meta
    must not hide the `<time datetime>` that says when on that day (which "tonight" means)."""
    present = [value for value in values if value]
    return next((value for value in present if re.search(r"\d:\d\d", value)), _first(*present))


def _first(*values: str | None) -> str | None:
    return next((value for value in values if value), None)
