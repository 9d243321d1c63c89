"""The incident's place: among an article's places, the one named where the text tells the event.

A toponym scores for standing in a sentence that tells the event (not a plan or an
aftermath), after "in/at", in a dateline, and for being specific; a named venue turns
the place into precision "venue", and "near/outskirts of X" keeps X's point one
precision level lower. Apart from `locations` because it reads the sentences and cue
words around places already resolved, not gazetteer candidates: it only picks and
adjusts Places that `locations` built (their extractor name stays theirs).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from eventwire.extract.gazetteer import Gazetteer
from eventwire.extract.place_cues import alternation, cues
from eventwire.records import Place

_PRECISION_RANK = {"venue": 5, "neighbourhood": 4, "town": 3, "district": 2, "region": 1, "country": 0,
                   "continent": -1, "unknown": -1}
_LOWER_PRECISION = {"venue": "town", "neighbourhood": "town", "town": "district", "district": "region",
                    "region": "region", "country": "country", "continent": "continent"}
_INCIDENT_RE = re.compile(r"\b(?:" + alternation(cues("incident")) + r")\b", re.IGNORECASE)
_NEAR_BEFORE_RE = re.compile(r"\b(?:" + alternation(cues("near")) + r")\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_VENUE_NOUNS = {cue for cue in cues("venue") if " " not in cue}
_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|inside|on|across)\s+(?:the\s+)?$", re.IGNORECASE)
# The attackers' own whereabouts, said before what they did: "Assailants in Afghanistan fired rockets into ...".
_ORIGIN_BEFORE_RE = re.compile(r"\b(?:assailants?|attackers?|gunmen|militants?|insurgents?|fighters?)\s+"
                               r"(?:based\s+)?in\s+(?:the\s+)?$", re.IGNORECASE)
# What an attack answered, said after it: "in retaliation for Saudi airstrikes in Yemen" names another event's place.
_CAUSE_BEFORE_RE = re.compile(r"\b(?:in retaliation for|in response to|in revenge for)\b[^.;]*$", re.IGNORECASE)
# A destination or origin is not where the event happened: "tried to escape towards Ukraine".
_DIRECTION_BEFORE_RE = re.compile(r"\b(?:to|towards?|into|from|for|via)\s+(?:the\s+)?$", re.IGNORECASE)
_MONTH_RE = re.compile(r"^\s*(?:,\s*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.IGNORECASE)
_HYPOTHETICAL_RE = re.compile(r"\b(?:" + alternation(cues("hypothetical")) + r")\b", re.IGNORECASE)
_AFTERMATH_RE = re.compile(r"\b(?:" + alternation(cues("aftermath")) + r")\b", re.IGNORECASE)
# A venue takes its town's point; over a region or a country it keeps that precision.
_VENUE_PRECISE = {"town", "neighbourhood", "district"}


def choose_incident_location(ctx, places: list[Place]) -> Place | None:
    """Where the incident happened: the best-placed toponym of the sentences that tell the event.

    A toponym scores for standing in such a sentence (attack, blast, killed, opened fire ...,
    not a warning or plan), after "in/at", in a dateline, and for being specific; a named
    venue in that sentence makes it precision "venue" at its town's point; "near/outskirts
    of X" keeps X's point one precision level lower (see `_near`).
    """
    # A repeat or a confirmed city (see `locations._with_repeats`, `_with_confirmed_cities`) is a place
    # the model did not tag where it stands: context, not the incident's place; a street only borrows
    # its town's point, so the town is the place.
    candidates = [place for place in places if place.evidence
                  and not (place.feature or "").endswith((":repeat", ":confirmed"))
                  and _source_of(place) != "street"]
    if not candidates:
        return None
    venues = _venues(ctx)
    candidates = [_near(ctx, place) for place in candidates]
    year = _current_year(ctx)
    scored = [(_incident_score(ctx, place, venues, year), -index, place) for index, place in enumerate(candidates)]
    best_score, _, best = max(scored, key=lambda item: item[:2])
    best = _most_specific(ctx, best, best_score, scored)
    venue = _venue_for(ctx, best, venues)
    if venue is None:
        return best
    precision = "venue" if best.precision in _VENUE_PRECISE else best.precision
    return replace(best, venue=venue[2], precision=precision, name=venue[2],  # type: ignore[arg-type]
                   evidence=(ctx.article.span(venue[0], venue[1]), *best.evidence))


def _most_specific(ctx, best: Place, best_score: float, scored: list) -> Place:
    """A more specific place of the same country in the best place's sentence, or named before it inside
    the best place when that is a region, if it scored nearly as well: "the deadliest attack in Russia ...
    on the outskirts of Moscow" is Moscow's outskirts; "bombs defused in Arghandab district, Kandahar ...
    three attacks in Kandahar" is Arghandab (the lead named it; later sentences name the province)."""
    sentence = ctx.sentence_index(best.evidence[0].start)
    rank = _PRECISION_RANK.get(best.precision, 0)
    finer = []
    for score, _i, place in scored:
        same_sentence = ctx.sentence_index(place.evidence[0].start) == sentence
        named_before = place.evidence[0].start < best.evidence[0].start and _lies_inside(place, best)
        place_rank = _PRECISION_RANK.get(place.precision, 0)
        if (same_sentence or named_before) and place.country == best.country and not _is_container(place) \
                and not _names_a_road(place) and place_rank > rank and score >= best_score - 2.5:
            finer.append((same_sentence, place_rank, score, place))
    return max(finer, key=lambda item: item[:3])[3] if finer else best


def _names_a_road(place: Place) -> bool:
    """A town a road is named after ("along the Yei-Juba road in Kinda"): the road leaves it, so it
    is no finer a place for the incident than the area named with it."""
    return _source_of(place) == "road"


def _source_of(place: Place) -> str:
    """How `locations` found the place: the second part of its feature ("town:road" -> "road")."""
    return (place.feature or ":").split(":")[1]


def _lies_inside(place: Place, area: Place) -> bool:
    """True when `area` is a first-level division that holds `place`."""
    return area.precision == "region" and bool(area.admin1) and place.admin1 == area.admin1


def _sentence_of(ctx, char: int):
    return ctx.sentences[ctx.sentence_index(char)]


def _is_incident_sentence(sentence) -> bool:
    return bool(_INCIDENT_RE.search(sentence.text))


def _sentence_weight(sentence) -> float:
    """2.5-3.5 for a sentence telling the event (more cues, more weight: "opened fire ... killed"
    outweighs "after the attack"), one less when it also tells a plan or an aftermath."""
    return _text_weight(sentence.text)


@lru_cache(maxsize=4096)
def _text_weight(text: str) -> float:
    n_cues = len(_INCIDENT_RE.findall(text))
    penalty = (1.0 if _HYPOTHETICAL_RE.search(text) else 0.0) + (1.0 if _AFTERMATH_RE.search(text) else 0.0)
    return (2.0 + 0.5 * min(n_cues, 3) if n_cues else 0.0) - penalty


def _incident_score(ctx, place: Place, venues: list[tuple[int, int, str]], year: int | None = None) -> float:
    """Weights set by hand on our own sentences, ordered: event sentence > "in X" > specific > early.
    A sentence dated to a year before `year` tells background ("the third attack on him in Odessa on
    24 May 2018"), not the incident."""
    span = place.evidence[0]
    sentence = _sentence_of(ctx, span.start)
    before = ctx.text[sentence.start_char:span.start]
    score = _sentence_weight(sentence)
    score -= 2.0 if year and any(int(found) < year for found in _YEAR_RE.findall(sentence.text)) else 0.0
    score -= 2.0 if _CAUSE_BEFORE_RE.search(before) else 0.0
    if _ORIGIN_BEFORE_RE.search(before[-40:]):
        score -= 1.0  # "Assailants in Afghanistan fired rockets into Gilai, Pakistan": where they came from
    else:
        score += 1.2 if _LOCATIVE_BEFORE_RE.search(before[-30:]) else 0.0
        score -= 1.0 if _DIRECTION_BEFORE_RE.search(before[-30:]) else 0.0
    score += 0.5 * max(_PRECISION_RANK.get(place.precision, 0), 0)
    score -= 1.0 if place.precision == "continent" else 0.0
    score += 0.8 if _is_dateline(ctx, span.start, span.end) else 0.0
    score += 1.5 if any(sentence.start_char <= start < sentence.end_char for start, _end, _ in venues) else 0.0
    score -= {"demonym": 2.0, "mission": 2.0, "nested": 1.0, "compound": 1.0, "road": 2.0, "modifier": 4.0,
              "actor": 4.0}.get(_source_of(place), 0.0)
    score -= _CONTAINER_PENALTY if _is_container(place) else 0.0
    return score - 0.02 * ctx.sentence_index(span.start)


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def _current_year(ctx) -> int | None:
    """The article's year: its publication's, else the latest the text names."""
    if ctx.article.published is not None:
        return ctx.article.published.year
    return max((int(found) for found in _YEAR_RE.findall(ctx.text)), default=None)


# "in Tarin Kot, Uruzgan": the container only says where the named place lies. Enough to undo the
# precision bonus a town-named container ("Hamah") has over a district or a place "near" it.
_CONTAINER_PENALTY = 1.5


def _is_container(place: Place) -> bool:
    """A place named as the container of another resolved place (`locations` marks its feature)."""
    return (place.feature or "").endswith(":container") or ":container:" in (place.feature or "")


def _is_dateline(ctx, start: int, end: int) -> bool:
    """"MOSCOW, March 22 -" or "KABUL (Reuters) -": a place opening the text."""
    if ctx.text[:start].strip():
        return False
    after = ctx.text[end:end + 30]
    return bool(_MONTH_RE.match(after) or re.match(r"^\s*(?:\(|[-—–]|,\s*[A-Z])", after))


def _near(ctx, place: Place) -> Place:
    """"outskirts of / near / west of X": X's point, one precision level lower; a city that is its own
    admin1 (Moscow, Kyiv) takes the admin1 around it that carries its name (Moscow Oblast)."""
    span = place.evidence[0]
    before = ctx.text[max(0, span.start - 40):span.start]
    if not _NEAR_BEFORE_RE.search(before):
        return place
    admin1 = place.admin1
    gazetteer: Gazetteer = ctx.resources.gazetteer
    entry = _entry_of(gazetteer, place)
    if entry is not None:
        around = gazetteer.surrounding_admin1(entry)
        admin1 = gazetteer.name[around] if around is not None else admin1
    return replace(place, precision=_LOWER_PRECISION.get(place.precision, place.precision),  # type: ignore[arg-type]
                   admin1=admin1, locality=None, feature=f"{place.feature}:near")


def _entry_of(gazetteer: Gazetteer, place: Place) -> int | None:
    for entry, _alt in gazetteer.lookup(place.evidence[0].text):
        if gazetteer.geonames_id[entry] == (place.geonames_id or -1) and gazetteer.kind[entry] == "town":
            return entry
    return None


def _venues(ctx) -> list[tuple[int, int, str]]:
    """Named venues: FAC entities, and names ending in (or followed by) a venue noun: "Crocus City Hall",
    "the Crocus City concert hall", "Kabul airport". (start, end, name) in text order."""
    found = []
    for ent in ctx.ents:
        if ent.label_ not in {"FAC", "ORG", "GPE", "LOC"}:
            continue
        tail = [t for t in ctx.doc[ent.end:ent.end + 2]]
        extra = 0
        for size in (2, 1):
            words = tail[:size]
            if len(words) == size and words[-1].lower_ in _VENUE_NOUNS and all(w.is_lower for w in words):
                extra = size
                break
        if ent.label_ != "FAC" and not extra and ent[-1].lower_ not in _VENUE_NOUNS:
            continue
        start = ent.start_char + (len(ent[0].text_with_ws) if ent[0].lower_ == "the" and len(ent) > 1 else 0)
        end = ctx.doc[ent.end + extra - 1].idx + len(ctx.doc[ent.end + extra - 1]) if extra else ent.end_char
        found.append((start, end, ctx.text[start:end]))
    return found


def _venue_for(ctx, place: Place, venues: list[tuple[int, int, str]]) -> tuple[int, int, str] | None:
    """The venue named in the incident's sentence (or, lacking one, in the first event sentence)."""
    sentence = _sentence_of(ctx, place.evidence[0].start)
    # "Port" of "Port of Spain" is the place's own name, no venue in it
    venues = [v for v in venues if not any(span.start <= v[0] and v[1] < span.end for span in place.evidence)]
    in_sentence = [v for v in venues if sentence.start_char <= v[0] < sentence.end_char]
    if in_sentence:
        return in_sentence[0]
    for venue in venues:
        if _is_incident_sentence(_sentence_of(ctx, venue[0])):
            return venue
    return None
