"""Places: every toponym an article names, geocoded offline, and the one where the incident happened.

Mentions come from spaCy's GPE/LOC/FAC entities, demonyms (NORP: "Afghan forces"),
toponyms nested in organisation names ("Moscow court", "Kerman's emergency
services") and capitalised names after "in/at/near" that the model missed. Each
mention's gazetteer candidates are scored by population, by the countries and
regions the article names elsewhere, by an explicit container ("Kerman, Iran",
"the Iranian city of Kerman", "X village (Y, Z)") and by nearness to the other
places; see `_score`. `choose_incident_location` then picks the place named where
the text tells the event, turning a named venue into precision "venue".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from eventwire.extract.gazetteer import PRECISION_OF_KIND, Gazetteer, distance_km, normalize_name
from eventwire.extract.patterns import load_table
from eventwire.records import Place

EXTRACTOR = "locations.v2"
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Names NER sometimes tags GPE that are never the place meant (months, weekdays, pronoun-like words).
_NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "un", "eu", "god", "city", "state", "capital", "west", "east", "north", "south", "republic",
}
# Below this population a town reached only by an alternate name, or a capitalised word that NER
# did not tag, is too likely a coincidence ("Police", Poland; "Watson", Saskatchewan).
_MIN_POP_UNTAGGED = 5_000
_MIN_POP_NESTED = 50_000
_MIN_POP_ABROAD = 100_000
_PRECISION_RANK = {"venue": 5, "neighbourhood": 4, "town": 3, "district": 2, "region": 1, "country": 0, "unknown": -1}
_LOWER_PRECISION = {"venue": "town", "neighbourhood": "town", "town": "district", "district": "region",
                    "region": "region", "country": "country"}


def _cues(kind: str) -> tuple[str, ...]:
    return tuple(cue for cue_kind, cue in load_table("location_cues.tsv") if cue_kind == kind)


def _alternation(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_INCIDENT_RE = re.compile(r"\b(?:" + _alternation(_cues("incident")) + r")\b", re.IGNORECASE)
_NEAR_BEFORE_RE = re.compile(r"\b(?:" + _alternation(_cues("near")) + r")\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_VENUE_NOUNS = {cue for cue in _cues("venue") if " " not in cue}
_SETTLEMENT = _alternation(_cues("settlement"))
# What may stand between a name and its container: "X, Y", "X village, Y", "X (Y, Z)", "X in Y province".
_CONTAINER_GAP_RE = re.compile(r"^(?:\s+(?:" + _SETTLEMENT + r"))?\s*(?:,|\(|\bin\b)\s*(?:the\s+)?$", re.IGNORECASE)
_OF_KIND_BEFORE_RE = re.compile(
    r"\b([A-Z][\w-]+)\s+(?:city|town|village|province|region|capital|port|district|state)\s+of\s+$")
_LOCATIVE_BEFORE_RE = re.compile(r"\b(?:in|at|inside|on|across)\s+(?:the\s+)?$", re.IGNORECASE)
# A destination or origin is not where the event happened: "tried to escape towards Ukraine".
_DIRECTION_BEFORE_RE = re.compile(r"\b(?:to|towards?|into|from|for|via)\s+(?:the\s+)?$", re.IGNORECASE)
_DIVISION_AFTER_RE = re.compile(
    r"^\s+(?:province|region|oblast|governorate|state|district|county|prefecture|department|parish)\b", re.IGNORECASE)
_MONTH_RE = re.compile(r"^\s*(?:,\s*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d", re.IGNORECASE)

# An address chain as coders and wire copy write it: "Mansura neighborhood, Shaykh Uthman, Adan, Yemen",
# "Tieba (Bankass, Mopti)". Each segment is a capitalised name (connectors like "al", "of" and
# district numbers allowed inside), optionally followed by a settlement word.
_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*"
_SEGMENT = (_WORD + r"(?:[ -](?:" + _WORD + r"|\d{1,2}(?=\W)|(?:al|el|ad|ash|as|ar|an|at|az|de|del|"
            r"la|e|i|bin|ibn|do|da|di|du|des)(?=[ -][A-Z])))*")
_GENERIC_TAIL = r"(?:\s+(?:" + _SETTLEMENT + r")(?:\s+\d{1,3}\b)?)?"
_SEGMENT_RE = re.compile(r"(" + _SEGMENT + r")" + _GENERIC_TAIL)
# A chain starts at the start of a word: trying every capital inside one is slow on all-capitals copy.
_CHAIN_RE = re.compile(r"(?<![\w'’.-])" + _SEGMENT + _GENERIC_TAIL
                       + r"(?:\s*(?:,|\()\s*(?:the\s+)?" + _SEGMENT + _GENERIC_TAIL + r")+")
# "Police District 5", "Ward 3": a name before a numbered subdivision word names that subdivision.
_NUMBERED_AFTER_RE = re.compile(r"^\s+(?:district|precinct|sector|zone|ward|block|phase)\s+\d", re.IGNORECASE)
_CHAIN_SEP_RE = re.compile(r"\s*(?:,|\()\s*(?:the\s+)?")


@dataclass
class _Mention:
    """A span that names (or implies) a place, with its gazetteer candidates."""

    start: int
    end: int
    name: str
    source: str  # "entity", "demonym", "nested", "pattern", "chain", "modifier" ("Saudi-led")
    candidates: list[int] = field(default_factory=list)
    alternate: set[int] = field(default_factory=set)
    division_after: bool = False
    is_container: bool = False
    container: _Mention | None = None
    container_country: str | None = None
    chosen: int | None = None
    score: float = 0.0
    numbered: bool = False  # "Police District 5": only a place of a country the article names


def extract_places(ctx) -> list[Place]:
    """Every toponym the article names, geocoded, in text order (one Place per mention)."""
    gazetteer: Gazetteer = ctx.resources.gazetteer
    chains: list[tuple[int, int]] = []
    mentions = _find_mentions(ctx, gazetteer, chains)
    _link_containers(ctx.text, mentions, gazetteer, chains)
    _resolve(mentions, gazetteer)
    places = []
    for mention in mentions:
        if mention.chosen is not None:
            places.append(_place(ctx, gazetteer, mention))
    return places


# --- finding mentions ----------------------------------------------------------------------


# "Haifa city", "Ghazni province": the generic word is not part of the gazetteer's name.
_GENERIC_SUFFIX = re.compile(r"\s+(?:city|town|village|district|province|governorate|region|municipality|"
                             r"county|area|prefecture|oblast|department|division)$", re.IGNORECASE)


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = re.sub(r"['’]s$", "", text).strip(" ,.;:()")
    stripped = _GENERIC_SUFFIX.sub("", text)
    return stripped if stripped else text


def _find_mentions(ctx, gazetteer: Gazetteer, chains: list[tuple[int, int]] | None = None) -> list[_Mention]:
    mentions: list[_Mention] = []
    for ent in ctx.doc.ents:
        if ent.label_ in _PLACE_LABELS:
            mentions += _entity_mentions(ent, gazetteer)
        elif ent.label_ == "NORP":
            mentions += _demonym_mentions(ent, gazetteer)
        elif ent.label_ == "ORG":
            mentions += _nested_mentions(ent, gazetteer, ctx.text)
    mentions += _pattern_mentions(ctx, gazetteer, mentions)
    mentions += _chain_mentions(ctx.text, gazetteer, chains if chains is not None else [])
    for mention in mentions:
        if _COMPOUND_AFTER_RE.match(ctx.text, mention.end):
            mention.source = "modifier"
    mentions.sort(key=lambda m: (m.start, _SOURCE_RANK.get(m.source, 0)))
    return _drop_overlaps(mentions)


# "Saudi-led coalition", "Iranian-backed militia", "Kabul-based reporter", "the US dollar": the name qualifies an
# actor, not the place of the event, and must not vote for the article's country either: such a
# mention stays a toponym (source "modifier") but gives no context and is a poor incident place.
_COMPOUND_AFTER_RE = re.compile(r"[-‐‑](?:led|backed|based|brokered|sponsored|funded|supported|allied|aligned|"
                                r"controlled|trained|armed|made|owned|run|linked|affiliated)\b|\s+dollars?\b", re.IGNORECASE)


def _entity_mentions(ent, gazetteer: Gazetteer) -> list[_Mention]:
    """A GPE/LOC/FAC entity as one mention, or its parts when it is "Kerman, Iran"."""
    text = ent.text
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", text)] if "," in text else [(0, text)]
    found = []
    for offset, part in parts:
        name = _clean_name(part)
        if not name:
            continue
        start = ent.start_char + offset + part.index(name)
        mention = _lookup_mention(gazetteer, name, start, "entity")
        if mention is None and gazetteer.demonym(name):
            mention = _country_mention(gazetteer, gazetteer.demonym(name), name, start)
        if mention is None and ent.label_ in ("GPE", "LOC") and normalize_name(name) not in _NOT_PLACES:
            mention = _Mention(start, start + len(name), name, "unresolved")
        if mention is not None:
            found.append(mention)
    return found


def _lookup_mention(gazetteer: Gazetteer, name: str, start: int, source: str,
                    min_population: int = 0) -> _Mention | None:
    norm = normalize_name(name)
    if norm in _NOT_PLACES or len(norm) < 2 or name.islower():
        return None
    candidates, alternate = [], set()
    for entry, is_alternate in gazetteer.lookup(name):
        if gazetteer.kind[entry] == "town" and gazetteer.population[entry] < min_population:
            continue
        if is_alternate and gazetteer.kind[entry] == "town" and gazetteer.population[entry] < _MIN_POP_UNTAGGED:
            continue
        candidates.append(entry)
        if is_alternate:
            alternate.add(entry)
    if not candidates:
        return None
    return _Mention(start, start + len(name), name, source, candidates, alternate)


def _country_mention(gazetteer: Gazetteer, code: str | None, name: str, start: int) -> _Mention | None:
    entry = gazetteer.country_entry.get(code or "")
    if entry is None:
        return None
    return _Mention(start, start + len(name), name, "demonym", [entry])


def _demonym_mentions(ent, gazetteer: Gazetteer) -> list[_Mention]:
    """'Afghan' -> Afghanistan; a NORP that is itself a country name ('Tajikistan') too."""
    name = _clean_name(ent.text)
    start = ent.start_char + ent.text.find(name)
    code = gazetteer.demonym(name)
    if code is None and len(ent) > 1:
        code = gazetteer.demonym(ent[0].text)
        name = ent[0].text
        start = ent[0].idx
    if code is not None:
        mention = _country_mention(gazetteer, code, name, start)
        return [mention] if mention else []
    mention = _lookup_mention(gazetteer, name, start, "entity")
    if mention and all(gazetteer.kind[e] == "country" for e in mention.candidates[:1]):
        return [mention]
    return []


def _nested_mentions(ent, gazetteer: Gazetteer, text: str) -> list[_Mention]:
    """Toponyms inside an organisation name: "The Moscow Health Department", "Kerman's ...".

    Only names that are countries, regions or towns of 50,000+ people: "Crocus City" or
    "Federal Security Service" must not become places.
    """
    tokens = [t for t in ent if (t.text[:1].isupper() and t.text.lower() not in {"the"}) or _inner_hyphen(t)]
    found = []
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            window = tokens[i:i + size]
            if window[-1].i - window[0].i != size - 1 or any(_covers(m, window[0].idx) for m in found) \
                    or _cuts_hyphenated(window[0], window[-1], text):
                continue
            name = text[window[0].idx:window[-1].idx + len(window[-1])]
            code = gazetteer.demonym(name)
            mention = (_country_mention(gazetteer, code, name, window[0].idx) if code
                       else _lookup_mention(gazetteer, name, window[0].idx, "nested", _MIN_POP_NESTED))
            if mention is not None and not mention.alternate.issuperset(mention.candidates):
                mention.source = "demonym" if code else "nested"
                found.append(mention)
    return found


def _inner_hyphen(token) -> bool:
    """The "-" of "KwaZulu-Natal": no space on either side."""
    return token.text in "-‐‑" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def _cuts_hyphenated(first, last, text: str) -> bool:
    """A window that starts or ends inside a hyphenated name: "Natal" of "KwaZulu-Natal" is no place."""
    start, end = first.idx, last.idx + len(last)
    return (_inner_hyphen(first) or _inner_hyphen(last) or (start > 0 and text[start - 1] in "-‐‑")
            or text[end:end + 1] in ("-", "‐", "‑"))


def _covers(mention: _Mention, char: int) -> bool:
    return mention.start <= char < mention.end


_PATTERN_TRIGGERS = frozenset({"in", "at", "near", "outside", "of", ",", "("})
_PATTERN_BLOCKERS = _PLACE_LABELS | {"PERSON", "NORP"}


def _pattern_mentions(ctx, gazetteer: Gazetteer, known: list[_Mention]) -> list[_Mention]:
    """Capitalised names after "in/at/near ..." that NER did not tag (not inside a PERSON or place entity)."""
    doc, text = ctx.doc, ctx.text
    # ORG is not excluded: the model often tags a small town as ORG ("the town of Monguno").
    taken = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _PATTERN_BLOCKERS]
    sentence_starts = {sentence.start for sentence in ctx.sentences}
    found = []
    tokens = list(doc)  # indexing a list is cheaper than indexing the Doc (this loop is the hot one)
    for token in tokens[:-1]:
        if token.lower_ not in _PATTERN_TRIGGERS or not tokens[token.i + 1].is_title:
            continue
        # After a comma or bracket ("near Opytne, Donetsk", "(Kismaayo, Lower Juba)") only places
        # of some size count: a capitalised word there is often a name of something else.
        min_population = 5000 if token.text in {",", "("} else 0
        span_tokens = []
        for nxt in tokens[token.i + 1:token.i + 5]:
            if not nxt.text[:1].isupper() or nxt.i in sentence_starts:
                break
            span_tokens.append(nxt)
        full_end = span_tokens[-1].idx + len(span_tokens[-1]) if span_tokens else 0
        while span_tokens:
            start, end = span_tokens[0].idx, span_tokens[-1].idx + len(span_tokens[-1])
            if any(s < end and start < e for s, e in taken):
                break
            mention = _lookup_mention(gazetteer, text[start:end], start, "pattern", min_population)
            if mention is not None:
                found.append(mention)
                break
            span_tokens.pop()
            if not span_tokens and not min_population and _CONTAINER_GAP_RE.match(text[full_end:full_end + 12].split(" ")[0] or " "):
                name = text[token.idx + len(token) + 1:full_end]
                found.append(_Mention(token.idx + len(token) + 1, full_end, name, "unresolved"))
    return found


_SOURCE_RANK = {"modifier": 0, "entity": 0, "demonym": 0, "nested": 1, "pattern": 2, "chain": 3, "unresolved": 4}


def _chain_mentions(text: str, gazetteer: Gazetteer, chains: list[tuple[int, int]]) -> list[_Mention]:
    """Every segment of an address chain ("X neighborhood, Y, Region, Country") as a mention.

    A chain counts only when a segment after the first names a country or a first- or
    second-level division: then its other segments are places too, even the ones NER tagged
    as people or missed ("Lashkar Gah, Helmand"), and unknown ones stay as unresolved links
    of the chain so that the segment before them is still read inside the right container.
    `chains` receives the (start, end) of each chain found.
    """
    found: list[_Mention] = []
    for match in _CHAIN_RE.finditer(text):
        segments = _chain_segments(text, match)
        mentions = [_lookup_mention(gazetteer, name, start, "chain")
                    or _Mention(start, start + len(name), name, "unresolved") for start, name in segments]
        if not any(any(gazetteer.kind[e] != "town" for e in m.candidates[:5]) for m in mentions[1:]):
            continue
        chains.append((match.start(), match.end()))
        found += [m for m in mentions if normalize_name(m.name) not in _NOT_PLACES]
    return found


def _chain_segments(text: str, match: re.Match) -> list[tuple[int, str]]:
    """(start, name) of each segment of a chain match, generic words ("province") left out."""
    segments = []
    position = match.start()
    while position < match.end():
        segment = _SEGMENT_RE.match(text, position)
        if segment is None:
            break
        name = _clean_name(segment.group(1))
        first_word = name.split(" ")[0].lower()
        if name and first_word not in _NOT_PLACES:
            segments.append((segment.start(1) + segment.group(1).find(name), name))
        separator = _CHAIN_SEP_RE.match(text, segment.end())
        if separator is None or separator.end() == segment.end():
            break
        position = separator.end()
    return segments


def _drop_overlaps(mentions: list[_Mention]) -> list[_Mention]:
    kept: list[_Mention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if (mention.end - mention.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


# --- context and disambiguation -----------------------------------------------------------


def _link_containers(text: str, mentions: list[_Mention], gazetteer: Gazetteer,
                     chains: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
    """Mark "X, Y" / "X village (Y" / "X in Y" containers, "the Iranian city of X", "X province".

    Inside an address chain every next segment contains the one before, a town too
    ("Tieba (Bankass, Mopti)"); elsewhere only a name that may be a division or a country does.
    """
    for mention, following in zip(mentions, mentions[1:] + [None]):
        after = text[mention.end:mention.end + 40]
        mention.division_after = bool(_DIVISION_AFTER_RE.match(after))
        mention.numbered = bool(_NUMBERED_AFTER_RE.match(after))
        if following is not None and _CONTAINER_GAP_RE.match(text[mention.end:following.start]) \
                and (_can_contain(following, gazetteer) or _same_chain(chains, mention, following)):
            mention.container = following
            following.is_container = True
        before = text[max(0, mention.start - 40):mention.start]
        kind_of = _OF_KIND_BEFORE_RE.search(before)
        if kind_of:
            mention.container_country = gazetteer.demonym(kind_of.group(1)) or _country_code(gazetteer, kind_of.group(1))


def _same_chain(chains, mention: _Mention, following: _Mention) -> bool:
    return any(start <= mention.start and following.end <= end for start, end in chains)


def _can_contain(mention: _Mention, gazetteer: Gazetteer) -> bool:
    """An unknown name ("Injil District") or one that may be a division or country, not a demonym."""
    if mention.source == "unresolved":
        return True
    return mention.source != "demonym" and any(gazetteer.kind[e] != "town" for e in mention.candidates)


def _country_code(gazetteer: Gazetteer, name: str) -> str | None:
    for entry, _alt in gazetteer.lookup(name)[:3]:
        if gazetteer.kind[entry] == "country":
            return gazetteer.country[entry]
    return None


def _article_context(mentions: list[_Mention], gazetteer: Gazetteer) -> list[tuple[str | None, str | None]]:
    """Per mention, the (country, "CC|admin1" region) it names without ambiguity, or Nones."""
    found: list[tuple[str | None, str | None]] = []
    for mention in mentions:
        code = region = None
        if mention.candidates and mention.source != "modifier":
            top = mention.candidates[0]
            kind = gazetteer.kind[top]
            if kind == "country" or (mention.chosen is not None):
                chosen = mention.chosen if mention.chosen is not None else top
                code = gazetteer.country[chosen]
                if gazetteer.kind[chosen] in ("admin1", "admin2", "town"):
                    region = f"{code}|{gazetteer.admin1[chosen]}"
            elif kind == "admin1" and top not in mention.alternate:
                region = f"{gazetteer.country[top]}|{gazetteer.admin1[top]}"
        found.append((code, region))
    return found


def _others_context(context: list[tuple[str | None, str | None]], skip: int,
                    totals: tuple[dict[str, int], set[str]]) -> tuple[dict[str, int], set[str]]:
    """Countries (with counts) named by every mention but `skip`, and all regions named.

    A place's own guess is no evidence for its country ("Ouest" guessed in Haiti must not
    vote Haiti for "Ouest"). Its own region stays: it only ranks the namesakes inside that
    region (Kandahar District over Kandahar province for "Police District 5, Kandahar").
    `totals` is `_context_totals(context)`, so each call costs one dict copy at most.
    """
    countries, regions = totals
    own = context[skip][0]
    if not own:
        return countries, regions
    countries = dict(countries)
    countries[own] -= 1
    if not countries[own]:
        del countries[own]
    return countries, regions


def _context_totals(context: list[tuple[str | None, str | None]]) -> tuple[dict[str, int], set[str]]:
    countries: dict[str, int] = {}
    for code, _region in context:
        if code:
            countries[code] = countries.get(code, 0) + 1
    return countries, {region for _code, region in context if region}


# A name whose candidates spread over more countries than this says nothing about the country.
_MAX_SUPPORT_COUNTRIES = 3


def _candidate_support(mentions: list[_Mention], gazetteer: Gazetteer) -> list[frozenset[str]]:
    """Per mention, the countries its candidates could lie in, when they are few.

    Coder notes rarely name the country ("Bafoussam town (Mifi, Ouest)"): the names that
    could each be in Cameroon agree on Cameroon, though "Ouest" alone is likelier Haiti.
    """
    found = []
    for mention in mentions:
        names_country = bool(mention.candidates) and gazetteer.kind[mention.candidates[0]] == "country"
        if mention.source in ("demonym", "modifier") or names_country:
            found.append(frozenset())  # a named country already counts in the article's countries
            continue
        codes = {gazetteer.country[e] for e in mention.candidates[:20] if e not in mention.alternate}
        found.append(frozenset(codes) if 0 < len(codes) <= _MAX_SUPPORT_COUNTRIES else frozenset())
    return found


def _resolve(mentions: list[_Mention], gazetteer: Gazetteer) -> None:
    """Two passes: first by population, containers and named countries; then also by nearness."""
    context = _article_context(mentions, gazetteer)
    totals = _context_totals(context)
    # Computed once: pass one only adds spelling variants inside an already chosen container.
    support = _candidate_support(mentions, gazetteer)
    agreeing = _support_totals(support)
    for index in reversed(range(len(mentions))):  # containers ("..., Iran") first
        countries, regions = _others_context(context, index, totals)
        _choose(mentions[index], gazetteer, countries, regions, [], (agreeing, support[index]))
    for mention in mentions:
        if not mention.candidates:
            _fuzzy_candidates(mention, gazetteer)
    context = _article_context(mentions, gazetteer)
    totals = _context_totals(context)
    for index, mention in enumerate(mentions):
        points = [(gazetteer.lat[m.chosen], gazetteer.lon[m.chosen]) for m in mentions
                  if m is not mention and m.chosen is not None and gazetteer.kind[m.chosen] != "country"]
        countries, regions = _others_context(context, index, totals)
        _choose(mention, gazetteer, countries, regions, points, (agreeing, support[index]))


def _support_totals(support: list[frozenset[str]]) -> dict[str, int]:
    """How many mentions could lie in each country (see `_candidate_support`)."""
    totals: dict[str, int] = {}
    for codes in support:
        for code in codes:
            totals[code] = totals.get(code, 0) + 1
    return totals


def _fuzzy_candidates(mention: _Mention, gazetteer: Gazetteer) -> None:
    """Towns spelled differently ("Beir al-Abd") found by skeleton inside the mention's resolved container."""
    holder = _resolved_container(mention)
    if holder is None:
        return
    kind, code = gazetteer.kind[holder], gazetteer.country[holder]
    admin1 = gazetteer.admin1[holder] if kind != "country" else None
    found = gazetteer.fuzzy_towns(mention.name, code, admin1)
    if not found and admin1 is not None:
        found = gazetteer.fuzzy_towns(mention.name, code)
    mention.candidates = found[:10]
    mention.source = "fuzzy" if found else mention.source


def _resolved_container(mention: _Mention) -> int | None:
    container, steps = mention.container, 0
    while container is not None and steps < 4:
        if container.chosen is not None:
            return container.chosen
        container, steps = container.container, steps + 1
    return None


def _choose(mention: _Mention, gazetteer: Gazetteer, countries: dict[str, int], regions: set[str],
            points: list[tuple[float, float]],
            support: tuple[dict[str, int], frozenset[str]] = ({}, frozenset())) -> None:
    """Pick the mention's best candidate; `support` is (mentions per country that could lie in it,
    this mention's own such countries), so that only the other mentions' agreement counts."""
    candidates = _inside_container(mention, gazetteer)
    if not candidates:
        mention.chosen = None
        return
    totals, own = support
    scored = [(_score(mention, entry, gazetteer, countries, regions, points)
               + _AGREEMENT_WEIGHT * min(_others(totals, own, gazetteer.country[entry]), 3), entry)
              for entry in candidates[:40]]
    mention.score, mention.chosen = max(scored)
    chosen = mention.chosen
    if countries and gazetteer.country[chosen] not in countries and gazetteer.kind[chosen] == "town" \
            and gazetteer.population[chosen] < _MIN_POP_ABROAD and mention.source != "entity":
        mention.chosen = None  # "Police District 4, Kabul": a small town abroad is a coincidence
    elif mention.numbered and gazetteer.country[chosen] not in countries:
        mention.chosen = None
    elif mention.source == "pattern" and gazetteer.population[chosen] < _MIN_POP_UNTAGGED \
            and gazetteer.country[chosen] not in countries and _container_bonus(mention, chosen, gazetteer) <= 0:
        mention.chosen = None  # an untagged capitalised word naming a hamlet, with nothing to confirm it


_AGREEMENT_WEIGHT = 0.4  # per other mention that could lie in the candidate's country, at most 3


def _others(totals: dict[str, int], own: frozenset[str], code: str) -> int:
    return totals.get(code, 0) - (code in own) if totals else 0


def _inside_container(mention: _Mention, gazetteer: Gazetteer) -> list[int]:
    """The candidates that lie inside the mention's resolved container; all of them when it has none.

    A named container outranks every prior: "Mansura neighborhood, Shaykh Uthman, Adan, Yemen" is
    not Mansura, Louisiana, however the population weighs. When no candidate fits, the name is
    looked for by spelling inside the container (`_fuzzy_candidates`), and otherwise left unresolved
    so the incident falls back to the container itself.
    """
    holder = _resolved_container(mention)
    if holder is None or not mention.candidates:
        return mention.candidates
    inside = [e for e in mention.candidates if _within(gazetteer, holder, e)]
    if not inside and mention.source != "fuzzy":
        _fuzzy_candidates(mention, gazetteer)
        inside = [e for e in mention.candidates if _within(gazetteer, holder, e)]
    if not inside and gazetteer.kind[holder] != "country":
        # Coders' divisions differ from GeoNames' near borders (Abu Ghraib: "Al Anbar" vs Baghdad):
        # a sizeable town of the container's country is still trusted.
        inside = [e for e in mention.candidates if gazetteer.country[e] == gazetteer.country[holder]
                  and gazetteer.kind[e] == "town" and (gazetteer.population[e] >= _MIN_POP_NESTED
                                                      or _near_division(gazetteer, holder, e, mention))]
    return inside


# How far outside its named admin1 a town spelled exactly as written may lie (GeoNames' and
# coders' borders disagree: "Tarmiyah, Saladin" is in GeoNames' Baghdad, 60 km from Saladin's).
_BORDER_SLACK_KM = 150


def _near_division(gazetteer: Gazetteer, holder: int, entry: int, mention: _Mention) -> bool:
    if gazetteer.kind[holder] != "admin1" or entry in mention.alternate:
        return False
    return distance_km(gazetteer.lat[holder], gazetteer.lon[holder],
                       gazetteer.lat[entry], gazetteer.lon[entry]) < _BORDER_SLACK_KM


def _within(gazetteer: Gazetteer, holder: int, entry: int) -> bool:
    """True when `entry` may lie inside `holder`: its division, or within 100 km of a town named as one."""
    if gazetteer.kind[holder] == "town":
        return gazetteer.country[holder] == gazetteer.country[entry] and (
            gazetteer.admin1[holder] == gazetteer.admin1[entry]
            or distance_km(gazetteer.lat[holder], gazetteer.lon[holder], gazetteer.lat[entry], gazetteer.lon[entry]) < 100)
    if gazetteer.kind[holder] == "admin2" and gazetteer.kind[entry] == "town":
        return gazetteer.country[holder] == gazetteer.country[entry] and gazetteer.admin1[holder] == gazetteer.admin1[entry]
    return _contains(gazetteer, holder, entry)


def _score(mention: _Mention, entry: int, gazetteer: Gazetteer, countries: dict[str, int], regions: set[str],
           points: list[tuple[float, float]]) -> float:
    """How likely `entry` is the place `mention` means; the weights are round numbers set by hand
    on our own sentences (tests/extract/test_locations.py), ordered: container > named country
    or region > population."""
    kind, code = gazetteer.kind[entry], gazetteer.country[entry]
    score = math.log10(gazetteer.population[entry] + 10) / 7
    score += {"country": 1.0, "admin1": 0.3, "admin2": 0.0, "town": 0.2}[kind]
    score += 1.0 if entry in gazetteer.capitals else 0.0  # world capitals outrank namesakes abroad (Moscow, Idaho)
    if entry in mention.alternate and not (mention.division_after and kind in ("admin1", "admin2")):
        score -= 0.6
    if countries.get(code):
        score += 0.8 + 0.1 * min(countries[code], 3)
    elif countries and kind != "country":
        score -= 1.0  # a town abroad when the article names its countries: "Police District 1, Farah"
    if mention.is_container:
        score += 1.0 if kind in ("admin1", "admin2") else -0.3
    if f"{code}|{gazetteer.admin1[entry]}" in regions and kind != "admin1":
        score += 0.8
    score += _container_bonus(mention, entry, gazetteer)
    if mention.division_after:
        score += 1.5 if kind in ("admin1", "admin2") else -1.0
        score += 0.3 if normalize_name(gazetteer.name[entry]) != normalize_name(mention.name) else 0.0
    elif kind == "admin1" and _has_capital_namesake(mention, entry, gazetteer):
        score -= 0.8  # "Kerman" alone is the city, not Kerman province
    if points and kind != "country":
        nearest = min(distance_km(gazetteer.lat[entry], gazetteer.lon[entry], lat, lon) for lat, lon in points)
        score += 0.5 if nearest < 150 else (0.2 if nearest < 500 else 0.0)
    return score


def _container_bonus(mention: _Mention, entry: int, gazetteer: Gazetteer) -> float:
    bonus = 0.0
    if mention.container_country:
        bonus += 3.0 if gazetteer.country[entry] == mention.container_country else -1.0
    container = mention.container
    while container is not None and not container.candidates and container.container is not None:
        container = container.container  # "X, <unknown district>, Herat, Afghanistan"
    if container is not None and container.candidates:
        holders = [c for c in container.candidates[:20] if gazetteer.kind[c] != "town"]
        if container.chosen is not None and gazetteer.kind[container.chosen] != "town":
            holders = [container.chosen]
        if any(_contains(gazetteer, holder, entry) for holder in holders):
            bonus += 3.0
        elif any(gazetteer.country[h] == gazetteer.country[entry] for h in holders):
            bonus += 1.0
    return bonus


def _contains(gazetteer: Gazetteer, holder: int, entry: int) -> bool:
    if gazetteer.country[holder] != gazetteer.country[entry] or holder == entry:
        return False
    kind = gazetteer.kind[holder]
    if kind == "country":
        return True
    if kind == "admin1":
        return gazetteer.admin1[holder] == gazetteer.admin1[entry] and gazetteer.kind[entry] != "admin1"
    return gazetteer.admin2[holder] == gazetteer.admin2[entry] and gazetteer.kind[entry] == "town"


def _has_capital_namesake(mention: _Mention, admin1: int, gazetteer: Gazetteer) -> bool:
    return any(gazetteer.kind[e] == "town" and gazetteer.country[e] == gazetteer.country[admin1]
               and gazetteer.admin1[e] == gazetteer.admin1[admin1] for e in mention.candidates[:10])


# --- building places -----------------------------------------------------------------------


def _place(ctx, gazetteer: Gazetteer, mention: _Mention) -> Place:
    entry = mention.chosen
    kind = gazetteer.kind[entry]
    code = gazetteer.country[entry]
    return Place(
        name=gazetteer.name[entry],
        admin1=gazetteer.admin1[entry] or None,
        country=code,
        lat=gazetteer.lat[entry],
        lon=gazetteer.lon[entry],
        precision=PRECISION_OF_KIND[kind],  # type: ignore[arg-type]
        evidence=(ctx.article.span(mention.start, mention.end),),
        extractor=EXTRACTOR,
        admin2=gazetteer.admin2[entry] or None,
        country_name=gazetteer.country_name(code),
        locality=gazetteer.name[entry] if kind == "town" else None,
        geonames_id=gazetteer.geonames_id[entry] or None,
        feature=f"{kind}:{mention.source}",
        score=round(mention.score, 3),
    )


# --- the incident's place ------------------------------------------------------------------

_HYPOTHETICAL_RE = re.compile(r"\b(?:" + _alternation(_cues("hypothetical")) + r")\b", re.IGNORECASE)
_AFTERMATH_RE = re.compile(r"\b(?:" + _alternation(_cues("aftermath")) + r")\b", re.IGNORECASE)
# A venue takes its town's point; over a region or a country it keeps that precision.
_VENUE_PRECISE = {"town", "neighbourhood", "district"}


def choose_incident_location(ctx, places: list[Place]) -> Place | None:
    """Where the incident happened: the best-placed toponym of the sentences that tell the event.

    A toponym scores for standing in such a sentence (attack, blast, killed, opened fire ...,
    not a warning or plan), after "in/at", in a dateline, and for being specific; a named
    venue in that sentence makes it precision "venue" at its town's point; "near/outskirts
    of X" keeps X's point one precision level lower (see `_near`).
    """
    candidates = [place for place in places if place.evidence]
    if not candidates:
        return None
    venues = _venues(ctx)
    candidates = [_near(ctx, place) for place in candidates]
    scored = [(_incident_score(ctx, place, venues), -index, place) for index, place in enumerate(candidates)]
    best_score, _, best = max(scored, key=lambda item: item[:2])
    best = _most_specific(ctx, best, best_score, scored)
    venue = _venue_for(ctx, best, venues)
    if venue is None:
        return best
    precision = "venue" if best.precision in _VENUE_PRECISE else best.precision
    return replace(best, venue=venue[2], precision=precision, name=venue[2],  # type: ignore[arg-type]
                   evidence=(ctx.article.span(venue[0], venue[1]), *best.evidence))


def _most_specific(ctx, best: Place, best_score: float, scored: list) -> Place:
    """A more specific place of the same country in the best place's sentence, if it scored nearly as
    well: "the deadliest attack in Russia ... on the outskirts of Moscow" is Moscow's outskirts."""
    sentence = ctx.sentence_index(best.evidence[0].start)
    rank = _PRECISION_RANK.get(best.precision, 0)
    finer = [(_PRECISION_RANK.get(p.precision, 0), score, p) for score, _i, p in scored
             if ctx.sentence_index(p.evidence[0].start) == sentence and p.country == best.country
             and _PRECISION_RANK.get(p.precision, 0) > rank and score >= best_score - 2.5]
    return max(finer, key=lambda item: item[:2])[2] if finer else best


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


def _incident_score(ctx, place: Place, venues: list[tuple[int, int, str]]) -> float:
    """Weights set by hand on our own sentences, ordered: event sentence > "in X" > specific > early."""
    span = place.evidence[0]
    sentence = _sentence_of(ctx, span.start)
    before = ctx.text[sentence.start_char:span.start]
    score = _sentence_weight(sentence)
    score += 1.2 if _LOCATIVE_BEFORE_RE.search(before[-30:]) else 0.0
    score -= 1.0 if _DIRECTION_BEFORE_RE.search(before[-30:]) else 0.0
    score += 0.5 * max(_PRECISION_RANK.get(place.precision, 0), 0)
    score += 0.8 if _is_dateline(ctx, span.start, span.end) else 0.0
    score += 1.5 if any(sentence.start_char <= start < sentence.end_char for start, _end, _ in venues) else 0.0
    score -= {"demonym": 2.0, "nested": 1.0, "modifier": 4.0}.get((place.feature or ":").split(":")[1], 0.0)
    return score - 0.02 * ctx.sentence_index(span.start)


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
    for ent in ctx.doc.ents:
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
    in_sentence = [v for v in venues if sentence.start_char <= v[0] < sentence.end_char]
    if in_sentence:
        return in_sentence[0]
    for venue in venues:
        if _is_incident_sentence(_sentence_of(ctx, venue[0])):
            return venue
    return None
