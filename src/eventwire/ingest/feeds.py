"""RSS and Atom feed files -> one Article per entry, with the entry's own date.

feedparser reads both formats and is lenient with broken XML; an entry's
HTML content is reduced to text (paragraphs become lines). `Origin.offset`
is the entry's index in the feed, so an error points at the entry.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from eventwire.errors import EmptyArticle, InputError
from eventwire.ingest.dates import parse_time
from eventwire.ingest.decode import clean_text
from eventwire.records import Article, Origin, content_hash

# Inline elements whose text joins its neighbours; every other element ends a line.
_INLINE = {"a", "b", "i", "em", "strong", "span", "abbr", "cite", "q", "small", "sub", "sup", "u", "time"}


def read_feed(data: bytes, *, path: str) -> Iterator[Article | InputError]:
    """Every entry of an RSS or Atom document; one InputError when it is not a feed at all."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        problem = f" ({parsed.bozo_exception})" if parsed.get("bozo") else ""
        yield EmptyArticle(f"no feed entries found{problem}: give an RSS or Atom file with <item> or "
                           "<entry> elements", path=path)
        return
    fmt = parsed.get("version") or "feed"
    outlet = parsed.feed.get("title")
    lang = parsed.feed.get("language")
    for index, entry in enumerate(parsed.entries):
        origin = Origin(path=path, offset=index, format=fmt)
        try:
            yield _entry_article(entry, origin=origin, outlet=outlet, lang=lang)
        except InputError as exc:
            yield exc


def _entry_article(entry, *, origin: Origin, outlet: str | None, lang: str | None) -> Article:
    where = {"path": origin.path, "offset": origin.offset}
    html = _entry_html(entry)
    text = clean_text(html_to_text(html), **where).text.strip() if html else ""
    if not text:
        raise EmptyArticle(f"feed entry {entry.get('title', '')!r} has no text (no content or summary): "
                           "give the full articles (HTML pages or JSONL) instead", **where)
    entry_lang = (entry.get("content") or [{}])[0].get("language") or lang
    return Article(
        id=str(entry.get("id") or "") or content_hash(text), text=text,
        published=_entry_time(entry, where), source=outlet,
        title=entry.get("title"), url=entry.get("link"),
        lang=entry_lang.split("-")[0].lower() if entry_lang else None, origin=origin,
        extra={"feed_entry_id": entry["id"]} if entry.get("id") else {},
    )


def _entry_html(entry) -> str:
    contents = entry.get("content") or []
    longest = max((content.get("value", "") for content in contents), key=len, default="")
    return longest or entry.get("summary", "") or ""


def _entry_time(entry, where: dict) -> datetime | None:
    """The entry's published (else updated) time; its raw text if feedparser could not parse it."""
    for key in ("published", "updated", "created"):
        # keys(), not get(): feedparser answers a missing `updated` with `published` and a warning
        raw = entry[key] if key in entry.keys() else None  # noqa: SIM118
        if not raw:
            continue
        parsed = entry[f"{key}_parsed"] if f"{key}_parsed" in entry.keys() else None  # noqa: SIM118
        if parsed is None:
            return parse_time(raw, field=key, **where)
        try:
            return parse_time(raw, field=key, **where)  # keeps the feed's own UTC offset
        except InputError:
            # A form feedparser knows and we don't ("2024-03-22 21:00 EST"); it gives UTC.
            return parse_time(datetime(*parsed[:6], tzinfo=UTC), field=key, **where)
    return None


def html_to_text(html: str) -> str:
    """Text of an HTML fragment, one line per block element."""
    import lxml.html
    from lxml import etree

    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):
        return html
    lines: list[str] = []
    current: list[str] = []
    _collect(root, lines, current)
    _flush(lines, current)
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def _collect(element, lines: list[str], current: list[str]) -> None:
    if element.text:
        current.append(element.text)
    for child in element:
        if not isinstance(child.tag, str):
            pass  # comments and processing instructions carry no text
        elif child.tag in _INLINE:
            current.append(child.text_content())
        else:
            _flush(lines, current)
            _collect(child, lines, current)
            _flush(lines, current)
        if child.tail:
            current.append(child.tail)


def _flush(lines: list[str], current: list[str]) -> None:
    if current:
        lines.append("".join(current))
        current.clear()
