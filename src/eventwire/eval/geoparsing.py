"""Geoparsing corpora (LGL, TR-News): XML articles with every toponym's span and coordinates.

`<articles><article docid=..><text>..</text><dltime>..</dltime><toponyms><toponym>
<start/><end/><phrase/><gaztag geonameid=..><lat/><lon/>...` A toponym without a
gaztag names a place the gazetteer lacks (a street, a lake): it counts for detection,
not for geocoding. Some TR-News offsets drift a few characters from their phrase;
such a span is moved to the nearest occurrence of the phrase within `REALIGN_WINDOW`.

Scored end to end from raw text: toponym detection precision and recall (spans
overlapping), the share of gold toponyms geocoded within 161 km (a missed toponym is
a miss), and, as diagnostics, the same share over the toponyms that were detected and
how often a detected toponym got the annotated GeoNames entry.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from eventwire.errors import InputError
from eventwire.eval import predicted as pred
from eventwire.eval.cases import EvalCase, eval_article, iso_day, known_float
from eventwire.eval.scoring import Scorecard
from eventwire.records import Place, Record

REALIGN_WINDOW = 60
CONTEXT_CHARS = 80


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym: its span, phrase and, when the gazetteer had it, its point."""

    start: int
    end: int
    phrase: str
    point: tuple[float, float] | None
    geonames_id: str | None = None


def _realign(text: str, start: int, end: int, phrase: str) -> tuple[int, int]:
    """The span of `phrase` nearest to `start` (the given span when it already matches or none is near)."""
    if text[start:end] == phrase:
        return start, end
    lo = max(0, start - REALIGN_WINDOW)
    candidates = []
    at = text.find(phrase, lo)
    while at != -1 and at <= start + REALIGN_WINDOW:
        candidates.append(at)
        at = text.find(phrase, at + 1)
    if not candidates:
        return start, end
    best = min(candidates, key=lambda c: abs(c - start))
    return best, best + len(phrase)


def _toponym(element: ET.Element, text: str) -> GoldToponym:
    phrase = (element.findtext("phrase") or "").strip()
    start, end = _realign(text, int(element.findtext("start")), int(element.findtext("end")), phrase)
    gaztag = element.find("gaztag")
    point = None
    if gaztag is not None:
        lat, lon = known_float(gaztag.findtext("lat")), known_float(gaztag.findtext("lon"))
        point = (lat, lon) if lat is not None and lon is not None else None
    return GoldToponym(start, end, phrase, point, gaztag.get("geonameid") if gaztag is not None else None)


def read_cases(path: Path) -> Iterator[EvalCase | InputError]:
    """One case per article; an article without text or with unreadable spans yields an InputError."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(f"not a geoparsing XML file ({exc})", path=str(path)) from exc
    for index, element in enumerate(root.iter("article"), 1):
        doc_id = element.get("docid") or str(index)
        text = element.findtext("text") or ""
        try:
            toponyms = tuple(_toponym(t, text) for t in element.iter("toponym"))
        except (TypeError, ValueError) as exc:
            yield InputError(f"article {doc_id}: toponym without a numeric start/end ({exc})", path=str(path),
                             offset=index)
            continue
        if not text.strip():
            yield InputError(f"article {doc_id}: no text", path=str(path), offset=index)
            continue
        case_id = f"{path.stem}:{doc_id}"
        published = iso_day(element.findtext("dltime"))
        title = (element.findtext("title") or "").strip() or None
        yield EvalCase(case_id, eval_article(case_id, text, path=path, line=index, fmt="geoparsing-xml",
                                             published=published, title=title), toponyms)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _context(text: str, start: int, end: int) -> str:
    return text[max(0, start - CONTEXT_CHARS):end + CONTEXT_CHARS]


def score_case(card: Scorecard, case: EvalCase, records: list[Record], **_) -> None:
    """Score one article's toponyms: detection, then geocoding end to end and given detection."""
    gold: tuple[GoldToponym, ...] = case.gold
    article = pred.article_record(records)
    found = [(span, place) for place in (article.places if article else ()) for span in place.evidence]
    text = case.article.text
    right = 0
    for span, place in found:
        if any(_overlaps(span.start, span.end, g.start, g.end) for g in gold):
            right += 1
        else:
            card.wrong("toponyms", case, "spurious toponym", None, _describe(place), (span.text,),
                       _context(text, span.start, span.end))
    n_found = 0
    for toponym in gold:
        place = next((p for s, p in found if _overlaps(s.start, s.end, toponym.start, toponym.end)), None)
        n_found += place is not None
        if place is None:
            card.wrong("toponyms", case, "missed toponym", toponym.phrase, None, (),
                       _context(text, toponym.start, toponym.end))
        if toponym.point is not None:
            _score_point(card, case, toponym, place)
    card.detections("toponyms", len(found), right, len(gold), n_found)


def _score_point(card: Scorecard, case: EvalCase, toponym: GoldToponym, place: Place | None) -> None:
    point = (place.lat, place.lon) if place and place.lat is not None and place.lon is not None else None
    context = _context(case.article.text, toponym.start, toponym.end)
    card.distance("toponym_point", case, toponym.point, point, (toponym.phrase,), _describe(place), context)
    if place is not None:
        card.distance("toponym_point_detected", case, toponym.point, point, (toponym.phrase,),
                      _describe(place), context)
    if place is not None and toponym.geonames_id:
        # Diagnostic: the same GeoNames entry, whatever centroid each gazetteer gives a country or state.
        predicted_id = str(place.geonames_id) if place.geonames_id else None
        card.match("toponym_geonames_id", case, predicted_id == toponym.geonames_id, toponym.geonames_id,
                   predicted_id, (toponym.phrase,), "no GeoNames id" if predicted_id is None else "other entry",
                   context)


def _describe(place: Place | None) -> str | None:
    if place is None:
        return None
    return f"{place.name} / {place.admin1} / {place.country} ({place.precision})"
