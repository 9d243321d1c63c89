"""Places: every toponym an article names, geocoded offline, in text order.

Mentions come from spaCy's GPE/LOC/FAC entities, demonyms (NORP: "Afghan forces"),
toponyms nested in organisation names ("Moscow court", "Kerman's emergency
services"), capitalised names after "in/at/near" that the model missed, and address
chains ("X village (Y, Z)"). Which gazetteer entry each mention means is decided in
`place_resolution` (it reads all the article's mentions at once); which place is the
incident's, in `incident_location`. This module only finds the mentions and builds
one `Place` per resolved mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from eventwire.extract.gazetteer import PRECISION_OF_KIND, Gazetteer, normalize_name
from eventwire.extract.patterns import load_table
from eventwire.extract.place_cues import (
    CONTAINER_GAP_RE,
    MIN_POP_NESTED,
    MIN_POP_UNTAGGED,
    PARTY_STATE_RE,
    QUARTER_HEADS,
    SETTLEMENT,
    alternation,
    confirm_abbreviations,
    cues,
)
from eventwire.extract.place_priors import actor_countries
from eventwire.extract.place_resolution import link_containers, resolve_mentions
from eventwire.records import Place

EXTRACTOR = "locations.v2"
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Names NER sometimes tags GPE that are never the place meant (months, weekdays, pronoun-like words).
_NOT_PLACES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "un", "eu", "god", "city", "state", "capital", "west", "east", "north", "south", "republic",
    # institutions that are also towns somewhere ("hurled rocks at Police forces" is not Police, Poland)
    "police", "congress", "court", "council", "church", "hospital", "university", "airport", "station",
    "market", "bank", "homeland",
}
# An Arabic article cut from its name: "Al" of "Al Sham Corps" is not Ål, Norway.
_BARE_ARTICLES = frozenset({"al", "el", "ad", "ash", "az", "ez", "ed", "es", "as", "at", "an"})
# World regions: the gazetteer holds no such entry (it has the continents), only namesake towns and
# spellings (West Africa -> a town in Mahdia), so they are not looked up at all.
_WORLD_REGIONS = {
    "latin america", "central america", "middle east", "far east", "sub saharan africa", "west africa", "east africa",
    "north africa", "southern africa", "central asia", "south asia", "southeast asia", "east asia",
    "western europe", "eastern europe", "central europe", "horn of africa",
}
_NOT_PLACES |= _WORLD_REGIONS

# An address chain as coders and wire copy write it: "Mansura neighborhood, Shaykh Uthman, Adan, Yemen",
# "Tieba (Bankass, Mopti)". Each segment is a capitalised name (connectors like "al", "of" and
# district numbers allowed inside), optionally followed by a settlement word.
_WORD = r"[A-Z](?:[\w'’-]|[.&](?=\w))*"
_SEGMENT = (_WORD + r"(?:[ -](?:" + _WORD + r"|\d{1,2}(?=\W)|(?:al|el|ad|ash|as|ar|an|at|az|de|del|"
            r"ez|es|er|ed|ul|ud|um|la|e|i|bin|ibn|do|da|di|du|des)(?=[ -][A-Z])))*")
_GENERIC_TAIL = r"(?:\s+(?:" + SETTLEMENT + r")(?:\s+\d{1,3}\b)?)?"
_SEGMENT_RE = re.compile(r"(" + _SEGMENT + r")" + _GENERIC_TAIL)
# A chain starts at the start of a word: trying every capital inside one is slow on all-capitals copy.
_CHAIN_RE = re.compile(r"(?<![\w'’.-])" + _SEGMENT + _GENERIC_TAIL
                       + r"(?:\s*(?:,|\()\s*(?:the\s+)?" + _SEGMENT + _GENERIC_TAIL + r")+")
_CHAIN_SEP_RE = re.compile(r"\s*(?:,|\()\s*(?:the\s+)?")
_RUN_RE = re.compile(r"(?<![\w'’.-])" + _SEGMENT)
_SEPARATOR_AFTER_RE = re.compile(_GENERIC_TAIL + r"\s*(?:,|\()")


@dataclass
class PlaceMention:
    """A span that names (or implies) a place, with its gazetteer candidates."""

    start: int
    end: int
    name: str
    # "entity", "demonym", "nested", "compound", "facility", "pattern", "road", "chain", "modifier" ("Saudi-led"),
    # "mission", "actor"; resolution may set "fuzzy" (skeleton in a known area) or "spelling" (transliteration key, worldwide);
    # after it come "repeat" (a resolved name said again) and "confirmed" (a big city of a country named)
    source: str
    candidates: list[int] = field(default_factory=list)
    alternate: set[int] = field(default_factory=set)
    division_after: str = ""  # the division word right after the name, lower case ("province")
    is_container: bool = False
    contained: PlaceMention | None = None  # the mention this one is the container of
    container: PlaceMention | None = None
    container_country: str | None = None
    chosen: int | None = None
    score: float = 0.0
    numbered: bool = False  # "Police District 5": only a place of a country the article names
    quarter: bool = False  # "Bangu neighborhood": only a place among (or near) those the article names
    # towns too small to be read inside an organisation's name on their own ("Newark Live Bait" in
    # Newark, Ohio): candidates only among or near the article's other places
    small_namesakes: list[int] = field(default_factory=list)
    areas: tuple[str, ...] = ()  # "CC|admin1" regions a mission works in: namesakes there are meant


def extract_places(ctx) -> list[Place]:
    """Every toponym the article names, geocoded, in text order (one Place per mention)."""
    gazetteer: Gazetteer = ctx.resources.gazetteer
    chains: list[tuple[int, int]] = []
    mentions = _find_mentions(ctx, gazetteer, chains)
    link_containers(ctx.text, mentions, gazetteer, chains)
    resolve_mentions(mentions, gazetteer)
    _place_streets(mentions, gazetteer)
    mentions = _with_repeats(ctx, mentions)
    mentions = _with_confirmed_cities(ctx, gazetteer, mentions)
    # A container whose contained name resolved is context ("Salamiyah, Hamah"): marked so that the
    # incident's place is the contained one, however coarse or fine each entry is.
    holding = {id(m.container) for m in mentions if m.container is not None and m.chosen is not None}
    places = []
    for mention in mentions:
        if mention.chosen is not None:
            places.append(_place(ctx, gazetteer, mention, id(mention) in holding))
    return places


# --- finding mentions ----------------------------------------------------------------------


# "Haifa city", "Ghazni province": the generic word is not part of the gazetteer's name.
_GENERIC_SUFFIX = re.compile(r"\s+(?:city|town|village|district|province|governorate|region|municipality|"
                             r"county|area|prefecture|oblast|department|division|countryside|outskirts|"
                             r"suburbs?|environs|lga|commune|upazila|tehsil|township)$", re.IGNORECASE)
# A neighbourhood's kind word opening its name ("Colonia Pemex"): cut to that word alone it would name
# another place (Colonia, Uruguay). Compass words likewise open longer names ("Western Maliha",
# "North Waziristan"): alone they would name a region somewhere else (Western, Ghana).
_NEIGHBOURHOOD_HEADS = QUARTER_HEADS | {"western", "eastern", "northern", "southern", "central", "upper", "lower"}


def _clean_name(text: str) -> str:
    text = re.sub(r"^(?:the|The|THE)\s+", "", text.strip())
    text = re.sub(r"['’]s$", "", text).strip(" ,.;:()")
    stripped = _GENERIC_SUFFIX.sub("", text)
    return stripped if stripped else text


def _find_mentions(ctx, gazetteer: Gazetteer, chains: list[tuple[int, int]] | None = None) -> list[PlaceMention]:
    # Counties first: where the model tagged the same words, the county reading is kept (see `_drop_overlaps`).
    mentions: list[PlaceMention] = _county_mentions(ctx.text, gazetteer)
    for ent in ctx.ents:
        if ent.label_ in _PLACE_LABELS:
            mentions += _entity_mentions(ent, gazetteer, ctx.text) or _facility_mentions(ent, gazetteer, ctx.text)
        elif ent.label_ == "NORP":
            mentions += _demonym_mentions(ent, gazetteer, ctx.text)
        elif ent.label_ == "ORG":
            mentions += _nested_mentions(ent, gazetteer, ctx.text)
        elif ent.label_ == "PERSON":
            mentions += _country_tagged_as_person(ent, gazetteer)
    mentions += _pattern_mentions(ctx, gazetteer, mentions)
    mentions += _chain_mentions(ctx.text, gazetteer, chains if chains is not None else [])
    mentions += _mission_mentions(ctx.text, gazetteer)
    mentions += _dateline_mentions(ctx.text, gazetteer)
    mentions += _townsfolk_mentions(ctx, gazetteer)
    mentions += _party_state_mentions(ctx.text, gazetteer)
    mentions += _road_mentions(ctx.text, gazetteer)
    mentions += _hyphen_compound_mentions(ctx.text, gazetteer)
    mentions += _address_town_mentions(ctx.text, gazetteer)
    mentions += _street_mentions(ctx.text)
    mentions = [mention for mention in mentions if not _CURRENCY_AFTER_RE.match(ctx.text, mention.end)]
    mentions = confirm_abbreviations(ctx.text, mentions, gazetteer)
    for mention in mentions:
        if _COMPOUND_AFTER_RE.match(ctx.text, mention.end):
            mention.source = "modifier"
    mentions.sort(key=lambda m: (m.start, _SOURCE_RANK.get(m.source, 0)))
    return _drop_overlaps(mentions)


# "Saudi-led coalition", "Iranian-backed militia", "Kabul-based reporter": the name qualifies an
# actor, not the place of the event, and must not vote for the article's country either: such a
# mention stays a toponym (source "modifier") but gives no context and is a poor incident place.
_COMPOUND_AFTER_RE = re.compile(r"[-‐‑](?:led|backed|based|brokered|sponsored|funded|supported|allied|aligned|"
                                r"controlled|trained|armed|made|owned|run|linked|affiliated)\b", re.IGNORECASE)
# "the US dollar exchange rate", "the Lebanese pound", "Iraqi dinars": a currency's country is no place
# of the text at all (not even context: Lebanese protests against the US dollar are not in the US).
# Words that are also common English verbs or adjectives ("won", "real") are left out.
_CURRENCY_AFTER_RE = re.compile(
    r"\s+(?:dollars?|euros?|dinars?|pounds?|liras?|rials?|riyals?|roubles?|rubles?|yuan|renminbi|rupees?|"
    r"afghanis?|nairas?|francs?|yen|rand|shillings?|pesos?|bolivars?|hryvnias?|takas?|cedis?|kwachas?|birr|"
    r"dirhams?|lari|manats?|tenge|somoni|kyats?|rupiahs?|ringgits?|baht|zlotys?|forints?|lev|leva|kunas?|"
    r"koruna|kronas?|kronor|kroner|krone|leus?|lei|denars?|dinar|guarani|soles|quetzals?|cordobas?|colons?|"
    r"lempiras?|gourdes?|leones?|dalasis?|ouguiyas?|ariary|kwanzas?|meticais|metical|pula|loti|emalangeni|"
    r"nakfa|ngultrum|afghani|currency|exchange\s+rate)\b", re.IGNORECASE)


# "Tall al Ahmar", "Deir ez Zor", "Kut e Abdollah": lower-case words between two capitalised parts of a name.
_SPACED_LINKS = frozenset({"al", "el", "ez", "ed", "es", "ash", "az", "ar", "ad", "e"})


# The rest of a name the model cut at its first hyphen or link ("Ivano" of "Ivano-Frankivsk", "Kut" of
# "Kut e Abdollah").
_HYPHENATED_REST = re.compile(r"(?:[-‐‑][A-Za-z][\w']*|\s(?:" + "|".join(sorted(_SPACED_LINKS))
                              + r")\s[A-Z][\w']*)+")


# "Port" + "of Spain", "Kohgiluyeh" + "and Boyer-Ahmad": a name the model cut at "of" or "and".
_JOINED_REST = re.compile(r"\s(?:of|and)\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}")


def _joined_rest(name: str, article_text: str, end: int, gazetteer: Gazetteer) -> str:
    """The words after `end` that make `name` a longer name the gazetteer spells exactly, or ""."""
    rest = _JOINED_REST.match(article_text, end)
    words = rest.group().split(" ") if rest else []
    while len(words) > 2:
        joined = " ".join(words)
        if any(not alternate for _entry, alternate in gazetteer.lookup(name + joined)):
            return joined
        words.pop()
    return ""


def _entity_mentions(ent, gazetteer: Gazetteer, article_text: str) -> list[PlaceMention]:
    """A GPE/LOC/FAC entity as one mention, or its parts when it is "Kerman, Iran"."""
    text = ent.text
    if PARTY_STATE_RE.match(text):
        return []  # "D-Ill.": the state alone is the place (see `_find_mentions`)
    rest = _HYPHENATED_REST.match(article_text, ent.end_char)
    if rest and "," not in text and gazetteer.lookup(text + rest.group()):
        text += rest.group()
    elif "," not in text:
        text += _joined_rest(text, article_text, ent.end_char, gazetteer)
    parts = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", text)] if "," in text else [(0, text)]
    found = []
    for offset, part in parts:
        name = _city_named_so(part, gazetteer) or _clean_name(part)
        if not name or _opens_longer_name(name, ent):
            continue
        start = ent.start_char + offset + part.index(name)
        mention = _lookup_mention(gazetteer, name, start, "entity")
        if mention is None and gazetteer.demonym(name):
            mention = _country_mention(gazetteer, gazetteer.demonym(name), name, start)
        if mention is None and normalize_name(name) not in _NOT_PLACES:
            mention = _compass_part_mention(gazetteer, name, start)
        if mention is None and ent.label_ in ("GPE", "LOC") and normalize_name(name) not in _NOT_PLACES:
            mention = PlaceMention(start, start + len(name), name, "unresolved")
        if mention is not None:
            found.append(mention)
    return found


# "Northeast Georgia", "North Texas": a part word (`_PART_WORDS`, or these) before a name the gazetteer
# knows only without it.
_COMPASS_PAIRS = frozenset({"northeast", "northwest", "southeast", "southwest"})


def _country_tagged_as_person(ent, gazetteer: Gazetteer) -> list[PlaceMention]:
    """"Sri Lanka's former president", the model's person: a country's whole name of two or more
    words is that country (a one-word name may be a person's: Jordan, Chad, Georgia)."""
    name = _clean_name(ent.text)
    if " " not in name:
        return []
    mention = _lookup_mention(gazetteer, name, ent.start_char + ent.text.find(name), "entity")
    if mention is None:
        return []
    mention.candidates = [e for e in mention.candidates if gazetteer.kind[e] == "country" and e not in mention.alternate]
    return [mention] if mention.candidates else []


def _compass_part_mention(gazetteer: Gazetteer, name: str, start: int) -> PlaceMention | None:
    """The place a compass-word part names ("Northeast Georgia", "Far North Queensland" -> Georgia,
    Queensland), at the place's own span."""
    head, _space, rest = name.partition(" ")
    if head.lower() == "far" and rest:
        return _compass_part_mention(gazetteer, rest, start + len(head) + 1)
    if not rest or (head.lower() not in _PART_WORDS and head.lower() not in _COMPASS_PAIRS):
        return None
    return _lookup_mention(gazetteer, rest, start + len(head) + 1, "entity")


def _city_named_so(part: str, gazetteer: Gazetteer) -> str | None:
    """"Kansas City", "Jersey City": a town whose own name ends in "City" keeps the word, which
    `_clean_name` would cut as generic (leaving Kansas, a state, or Jersey, an island)."""
    text = re.sub(r"^(?:the|The|THE)\s+", "", part.strip()).strip(" ,.;:()")
    if not text.endswith(" City"):
        return None
    return text if any(gazetteer.kind[entry] == "town" for entry, alternate in gazetteer.lookup(text)
                       if not alternate) else None


def _opens_longer_name(name: str, ent) -> bool:
    """"Colonia" of "Colonia Centenario" when the model tagged only the head word."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (name.lower() in _NEIGHBOURHOOD_HEADS and following is not None
            and following.text[:1].isupper() and following.i == ent.end)


def _lookup_mention(gazetteer: Gazetteer, name: str, start: int, source: str,
                    min_population: int = 0) -> PlaceMention | None:
    norm = normalize_name(name)
    if norm in _NOT_PLACES or norm in _BARE_ARTICLES or len(norm) < 2 or name.islower():
        return None
    candidates, alternate, small = [], set(), []
    for entry, is_alternate in gazetteer.lookup(name):
        if gazetteer.kind[entry] == "town" and gazetteer.population[entry] < min_population:
            if not is_alternate:
                small.append(entry)
            continue
        if is_alternate and gazetteer.kind[entry] == "town" and gazetteer.population[entry] < MIN_POP_UNTAGGED:
            continue
        candidates.append(entry)
        if is_alternate:
            alternate.add(entry)
    if not candidates:
        return None
    return PlaceMention(start, start + len(name), name, source, candidates, alternate,
                        small_namesakes=small if source == "nested" else [])


def _country_mention(gazetteer: Gazetteer, code: str | None, name: str, start: int) -> PlaceMention | None:
    entry = gazetteer.country_entry.get(code or "")
    if entry is None:
        return None
    return PlaceMention(start, start + len(name), name, "demonym", [entry])


# The whole NORP only: "African-American" or "Asian Americans" name no continent.
_CONTINENT_DEMONYMS = {"european": "Europe", "europeans": "Europe", "african": "Africa", "africans": "Africa",
                       "asian": "Asia", "asians": "Asia", "north american": "North America",
                       "south american": "South America"}


# "Somali region", "Afar zone": a people's name before a division word names the division.
# ("Palestinian state", "Islamic State", "Iranian state media" are no divisions.)
_DIVISION_NEXT_RE = re.compile(r"\s+(?:region|province|zone)\b", re.IGNORECASE)


def _demonym_mentions(ent, gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    """'Afghan' -> Afghanistan; a NORP that is itself a country name ('Tajikistan') too; a people's
    name before a division word ('Somali region' of Ethiopia) the division."""
    name = _clean_name(ent.text)
    start = ent.start_char + ent.text.find(name)
    if _DIVISION_NEXT_RE.match(text, ent.end_char):
        division = _lookup_mention(gazetteer, name, start, "entity")
        if division is not None:
            division.candidates = [e for e in division.candidates
                                   if gazetteer.kind[e] in ("admin1", "admin2") and e not in division.alternate]
            if division.candidates:
                return [division]
    code = gazetteer.demonym(name)
    if code is None and len(ent) > 1:
        code = gazetteer.demonym(ent[0].text)
        name = ent[0].text
        start = ent[0].idx
    if code is not None:
        mention = _country_mention(gazetteer, code, name, start)
        return [mention] if mention else []
    continent = _CONTINENT_DEMONYMS.get(normalize_name(ent.text))
    if continent is not None:
        entries = [e for e, _alt in gazetteer.lookup(continent) if gazetteer.kind[e] == "continent"]
        return [PlaceMention(ent.start_char, ent.end_char, ent.text, "demonym", entries[:1])] if entries else []
    mention = _lookup_mention(gazetteer, name, start, "entity")
    if mention and all(gazetteer.kind[e] == "country" for e in mention.candidates[:1]):
        return [mention]
    return []


def _nested_mentions(ent, gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    """Toponyms inside an organisation name: "The Moscow Health Department", "Kerman's ...".

    Only names that are countries, regions or towns of 50,000+ people: "Crocus City" or
    "Federal Security Service" must not become places.
    """
    tokens = [t for t in ent if (t.text[:1].isupper() and t.text.lower() not in {"the"}) or _inner_hyphen(t)]
    found = []
    small_towns: list[PlaceMention] = []  # names too small to count here, whose words name nothing else
    for size in (3, 2, 1):
        for i in range(len(tokens) - size + 1):
            window = tokens[i:i + size]
            if window[-1].i - window[0].i != size - 1 or any(_covers(m, window[0].idx) for m in found) \
                    or any(_covers(m, window[0].idx) or _covers(m, window[-1].idx) for m in small_towns) \
                    or _cuts_hyphenated(window[0], window[-1], text) \
                    or (size == 1 and window[0].lower_ in _NEIGHBOURHOOD_HEADS and window[0].i + 1 < ent.end):
                continue
            name = text[window[0].idx:window[-1].idx + len(window[-1])]
            code = gazetteer.demonym(name)
            mention = (_country_mention(gazetteer, code, name, window[0].idx) if code
                       else _lookup_mention(gazetteer, name, window[0].idx, "nested", _nested_min_population(text, window)))
            if mention is not None and size > 1 and _council_word_last(text, window):
                mention = _towns_only(mention, gazetteer)
            if mention is not None and not mention.alternate.issuperset(mention.candidates):
                mention.source = "demonym" if code else "nested"
                found.append(mention)
            elif size > 1 and mention is None and not code:
                # "the South Charleston Mound", "St. Paris Court": a small town's whole name is no
                # Charleston or Paris
                small = _lookup_mention(gazetteer, name, window[0].idx, "nested")
                if small is not None and any(gazetteer.kind[e] == "town" for e in small.candidates
                                             if e not in small.alternate):
                    small_towns.append(small)
    return found


# A road or a square named after a town leads to it or honours it, and lies elsewhere ("Sanaa Street",
# "Bolivar Avenue", "the Ibadan-Ijebu Ode Road").
_ROUTE_WORDS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "highway", "motorway", "expressway",
                          "boulevard", "lane", "roundabout", "square", "bridge", "junction", "intersection",
                          "crossing", "corridor", "route"})


def _facility_mentions(ent, gazetteer: Gazetteer, text: str) -> list[PlaceMention]:
    """"Donetsk Airport", "Kabul Polytechnic": a place the gazetteer does not hold lies in the town its
    name opens with (source "facility": kept only where the article's toponyms agree on the country)."""
    words = [token for token in ent if token.lower_ != "the"]
    following = ent.doc[ent.end:ent.end + 1]  # "Ghazni Amanullah roundabout": the kind word outside the entity
    if not words or any(token.lower_ in _ROUTE_WORDS for token in (*ent, *following)):
        return []
    found = [m for m in _nested_mentions(ent, gazetteer, text) if m.start == words[0].idx and m.source == "nested"]
    for mention in found:
        mention.source = "facility"
    return found


# "Athens Police Department", "Dublin City Council" (patterns/location_cues.tsv, kind local_body): a
# local institution's name opens with its town, which may be small; other organisation names only
# hold a toponym of some size ("Crocus City Hall" aside, "Federal Security Service" is no place).
_LOCAL_BODY_AFTER_RE = re.compile(r"\s+(?:(?:City|Town|County|Village|Township)\s+)?(?:"
                                  + alternation(cues("local_body")) + r")(?![\w-])")


def _council_word_last(text: str, tokens) -> bool:
    """True when the name's last word opens a local body's name: "Dublin City" of "Dublin City Council"."""
    return bool(_LOCAL_BODY_AFTER_RE.match(text, tokens[-2].idx + len(tokens[-2])))


def _towns_only(mention: PlaceMention, gazetteer: Gazetteer) -> PlaceMention | None:
    """Unless a town is so named ("Jersey City Council"), "Dublin City" of "Dublin City Council" is
    Dublin and its council, not the division Dublin City: None, so that the shorter name is tried."""
    return _without_alternates(mention, lambda entry: gazetteer.kind[entry] == "town")


def _nested_min_population(text: str, window) -> int:
    return 0 if _LOCAL_BODY_AFTER_RE.match(text, window[-1].idx + len(window[-1])) else MIN_POP_NESTED


def _inner_hyphen(token) -> bool:
    """The "-" of "KwaZulu-Natal": no space on either side."""
    return token.text in "-‐‑" and not token.whitespace_ and token.i > 0 and not token.nbor(-1).whitespace_


def _cuts_hyphenated(first, last, text: str) -> bool:
    """A window that starts or ends inside a hyphenated name: "Natal" of "KwaZulu-Natal" is no place."""
    start, end = first.idx, last.idx + len(last)
    return (_inner_hyphen(first) or _inner_hyphen(last) or (start > 0 and text[start - 1] in "-‐‑")
            or text[end:end + 1] in ("-", "‐", "‑"))


def _covers(mention: PlaceMention, char: int) -> bool:
    return mention.start <= char < mention.end


_PATTERN_TRIGGERS = frozenset({"in", "at", "near", "outside", "of", ",", "("})
_PATTERN_BLOCKERS = _PLACE_LABELS | {"PERSON", "NORP"}


def _pattern_mentions(ctx, gazetteer: Gazetteer, known: list[PlaceMention]) -> list[PlaceMention]:
    """Capitalised names after "in/at/near ..." that NER did not tag (not inside a PERSON or place entity)."""
    text = ctx.text
    # ORG is not excluded: the model often tags a small town as ORG ("the town of Monguno").
    taken = [(e.start_char, e.end_char) for e in ctx.ents if e.label_ in _PATTERN_BLOCKERS]
    mislabelled = {(e.start_char, e.end_char) for e in ctx.ents if _may_be_mislabelled_place(e, gazetteer)}
    # "in Halba" tagged NORP, "in Quissanga" tagged ORG: a whole name so tagged after a locative stays a
    # place to resolve (see `place_resolution._fuzzy_candidates`) when no spelling in the gazetteer fits.
    whole_names = {(e.start_char, e.end_char) for e in ctx.ents if e.label_ in ("ORG", "NORP") and len(e) <= 3
                   and gazetteer.demonym(e.text) is None}
    sentence_starts = {sentence.start for sentence in ctx.sentences}
    found = []
    tokens = ctx.tokens  # indexing a list is cheaper than indexing the Doc (this loop is the hot one)
    for token in tokens[:-1]:
        if token.lower_ not in _PATTERN_TRIGGERS:
            continue
        first = _first_name_token(tokens, token.i + 1)
        if first is None:
            continue
        # After a comma or bracket ("near Opytne, Donetsk", "(Kismaayo, Lower Juba)") only places
        # of some size count: a capitalised word there is often a name of something else.
        min_population = 5000 if token.text in {",", "("} else 0
        span_tokens, words = [], 0
        for nxt in tokens[first:first + 8]:  # up to four words, not counting the links of "Rostov-on-Don"
            link = _inner_hyphen(nxt) or (nxt.i > first and _name_link(tokens, nxt.i))
            words += not link
            opening_article = nxt.i == first and _opens_with_article(tokens, first)
            if words > 4 or not (nxt.text[:1].isupper() or link or opening_article) or nxt.i in sentence_starts:
                break
            span_tokens.append(nxt)
        full_end = span_tokens[-1].idx + len(span_tokens[-1]) if span_tokens else 0
        name_start = tokens[first].idx
        while span_tokens:
            if len(span_tokens) == 1 and full_end > span_tokens[0].idx + len(span_tokens[0]) \
                    and span_tokens[0].lower_ in _NEIGHBOURHOOD_HEADS:
                break
            start, end = span_tokens[0].idx, span_tokens[-1].idx + len(span_tokens[-1])
            if any(s < end and start < e for s, e in taken) and not (
                    _reads_as_place(token, text, end) and _only_mislabelled(start, end, taken, mislabelled)):
                break
            # "As-Sweida": no part cut at a hyphen is looked up ("As" alone is a town in Czechia), nor one
            # ending in a link ("Tall al")
            cut = text[end:end + 1] in ("-", "‐", "‑") or text[end - 1] in "-‐‑" or span_tokens[-1].is_lower
            mention = None if cut else _lookup_mention(gazetteer, text[start:end], start, "pattern", min_population)
            if mention is not None and end < full_end:
                mention = _without_alternates(mention)  # "Tal Samn" cut to "Tal" is no At Tall
            if mention is not None and len(span_tokens) > 1 and _council_word_last(text, span_tokens):
                mention = _towns_only(mention, gazetteer)
            if mention is not None:
                found.append(mention)
                break
            span_tokens.pop()
            if not span_tokens and not min_population and (
                    CONTAINER_GAP_RE.match(text[full_end:full_end + 12].split(" ")[0] or " ")
                    or (token.lower_ in _LOCATIVE_TRIGGERS and (name_start, full_end) in whole_names)):
                found.append(PlaceMention(name_start, full_end, text[name_start:full_end], "unresolved"))
    return found


def _only_mislabelled(start: int, end: int, taken: list[tuple[int, int]], mislabelled: set[tuple[int, int]]) -> bool:
    """True when every entity the span overlaps may be a mislabelled place ("Rostov-on-Don" with "Rostov"
    tagged as a person)."""
    return all(span in mislabelled for span in taken if span[0] < end and start < span[1])


def _without_alternates(mention: PlaceMention, keep: Callable[[int], bool] = lambda entry: True) -> PlaceMention | None:
    """The mention with only the candidates its name spells exactly (and `keep` accepts); None when
    none is left."""
    mention.candidates = [e for e in mention.candidates if e not in mention.alternate and keep(e)]
    mention.alternate = set()
    return mention if mention.candidates else None


# "in northern Lattakia countryside", "in the eastern Ghouta": words for a part of a place before its name.
_PART_WORDS = frozenset({"northern", "southern", "eastern", "western", "central", "rural", "northeastern",
                         "northwestern", "southeastern", "southwestern", "north", "south", "east", "west"})


# "in al-Hasakeh", "near el-Arish": a lower-case Arabic article hyphenated to the name opens it.
_HYPHENATED_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed"})


# "in el Hermel", "in al Mina": the two articles that stand apart from the name and are no English word.
_SPACED_ARTICLES = frozenset({"al", "el"})


def _opens_with_article(tokens: list, index: int) -> bool:
    token = tokens[index]
    if not token.is_lower or index + 2 >= len(tokens):
        return False
    if token.lower_ in _SPACED_ARTICLES and token.whitespace_:
        return tokens[index + 1].is_title
    return token.lower_ in _HYPHENATED_ARTICLES and _inner_hyphen(tokens[index + 1]) and tokens[index + 2].is_title


# "Rostov-on-Don", "Boulogne-sur-Mer", "Stratford-upon-Avon": lower-case links inside a hyphenated name.
_HYPHENATED_CONNECTORS = frozenset({"on", "upon", "sur", "en", "le", "la", "les", "de", "du", "des", "am", "an",
                                    "der", "di", "del", "da", "do", "dos", "das", "y", "i"})


def _name_link(tokens: list, index: int) -> bool:
    """A lower-case word inside a name: "on" of "Rostov-on-Don", "al" of "Tall al Ahmar"."""
    token = tokens[index]
    if not token.is_lower or index + 1 >= len(tokens) or index == 0:
        return False
    if token.lower_ in _HYPHENATED_CONNECTORS and not token.whitespace_:
        return _inner_hyphen(tokens[index - 1]) and _inner_hyphen(tokens[index + 1])
    return token.lower_ in _SPACED_LINKS and token.whitespace_ and tokens[index - 1].whitespace_ \
        and tokens[index - 1].is_title and tokens[index + 1].is_title


def _first_name_token(tokens: list, index: int) -> int | None:
    """The index of the capitalised name a trigger word introduces, past "the northern" and the like."""
    if tokens[index].is_title or _opens_with_article(tokens, index):
        return index
    if tokens[index].lower_ == "the" and index + 1 < len(tokens) and tokens[index + 1].lower_ in _PART_WORDS:
        index += 1
    while index < len(tokens) - 1 and tokens[index].lower_ in _PART_WORDS and tokens[index].is_lower:
        index += 1
        if tokens[index].is_title:
            return index
    return None


# A wire or local-paper dateline: "TORRINGTON — ...", "MOUNT GILEAD (AP) -- ...", "ATLANTA, Ga. - ...",
# "March 24, 2009 MANSFIELD -- ...": the town the story is filed from, in capitals, at the start of the
# text or after its headline or byline date. The model tags few of them (it reads capitals as
# acronyms), yet a dateline names a place, however small.
_DATELINE_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\d{4}\s))([A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]*){0,3})"
                          r"(?=(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?(?:\s*\([A-Za-z ]+\))?\s*(?:-{1,3}|–|—))")
_DATELINE_WINDOW = 600  # characters: a headline and a byline may come first
# A digest's datelines open its items: "... that time. BEIRUT: The body of ...". A colon also ends
# "UPDATE:" or "NOTE:", so only a place of some size counts.
_ITEM_DATELINE_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][A-Z'’.-]{3,}(?:\s[A-Z][A-Z'’.-]*){0,2}):\s")


def _dateline_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The dateline's town and the digest items' ones, looked up like tagged places (source "entity")."""
    found = []
    match = _DATELINE_RE.search(text, 0, _DATELINE_WINDOW)
    if match is not None and len(match.group(1)) >= 3:
        found.append(_lookup_mention(gazetteer, match.group(1), match.start(1), "entity"))
    for item in _ITEM_DATELINE_RE.finditer(text):
        mention = _lookup_mention(gazetteer, item.group(1), item.start(1), "entity", MIN_POP_UNTAGGED)
        if mention is not None and not mention.alternate.issuperset(mention.candidates):
            found.append(mention)
    return [mention for mention in found if mention is not None]


# "the OSCE SMM observed ... near X": a mission with one host country names that country, like a
# demonym (patterns/mission_countries.tsv); case-sensitive, since the names are acronyms.
_MISSIONS = {row[0]: (row[1], tuple(f"{row[1]}|{admin1}" for admin1 in row[2].split("|")) if len(row) > 2 else ())
             for row in load_table("mission_countries.tsv")}
_MISSION_RE = re.compile(r"(?<![\w-])(?:" + alternation(tuple(_MISSIONS)) + r")(?![\w-])")


def _mission_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The country of each single-country mission (source "mission") or country-bound actor ("actor")
    the text names (`place_priors`): votes for that country (and a mission for the regions it works
    in), and a last-resort incident place."""
    found = []
    named = [(m.start(), m.group(), _MISSIONS[m.group()][0], "mission") for m in _MISSION_RE.finditer(text)]
    for start, name, code, source in named + [(*actor, "actor") for actor in actor_countries(text)]:
        mention = _country_mention(gazetteer, code, name, start)
        if mention is not None:
            mention.source = source
            mention.areas = _MISSIONS[name][1] if source == "mission" else ()
            found.append(mention)
    return found


# "Anderson County Sheriff ...", "the Walker County Fair": a name with the division word is a place
# wherever it stands, and the model tags it inside people, events and organisations.
_COUNTY_RE = re.compile(r"\b((?:(?:St\.|[A-Z][\w'’-]+)\s){1,3})(?:County|Parish)\b")


def _county_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Every "<Name> County/Parish" the gazetteer holds as a second-level division (source "entity")."""
    found = []
    for match in _COUNTY_RE.finditer(text) if "County" in text or "Parish" in text else ():
        # the longest name first: "Prince George's County", then "George's County"
        for word in re.finditer(r"\S+", match.group(1)):
            start = match.start(1) + word.start()
            mention = _lookup_mention(gazetteer, text[start:match.end()], start, "entity")
            if mention is not None:
                mention.candidates = [e for e in mention.candidates if gazetteer.kind[e] == "admin2"]
                if mention.candidates:
                    found.append(mention)
                    break
    return found + _county_list_mentions(text, gazetteer)


# "Douglas, Sarpy and Lancaster counties", "Nassau and Baker counties in Florida": each name of the
# list is a county. Found from the plural back, as road and street names are.
_LOOKBACK = 120  # characters read back from "counties", a road or a street word: four names and separators
_COUNTY_NAME = r"(?:St\. )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?"
_COUNTIES_RE = re.compile(r"\b(?:counties|parishes|Counties|Parishes)\b")
_COUNTY_LIST_BEFORE_RE = re.compile(rf"\b({_COUNTY_NAME}(?:(?:,| and|, and) {_COUNTY_NAME})+)\s+$")
_COUNTY_LIST_SPLIT_RE = re.compile(r",? and |, ")


def _county_list_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Each county of a list closed by "counties" or "parishes" (source "entity")."""
    found = []
    for plural in _COUNTIES_RE.finditer(text):
        names = _COUNTY_LIST_BEFORE_RE.search(text, max(0, plural.start() - _LOOKBACK), plural.start())
        if names is None:
            continue
        word = " Parish" if plural.group().lower().startswith("parish") else " County"
        offset = names.start(1)
        for name in _COUNTY_LIST_SPLIT_RE.split(names.group(1)):
            start = text.index(name, offset)
            offset = start + len(name)
            mention = _lookup_mention(gazetteer, name + word, start, "entity")
            if mention is None:
                continue
            mention.end, mention.name = start + len(name), name
            mention.candidates = [e for e in mention.candidates if gazetteer.kind[e] == "admin2"]
            if mention.candidates:
                found.append(mention)
    return found


# "the Maiduguri-Damboa road", "the Zahle roundabout", "on the Kabul–Kandahar Highway": the towns a
# road runs between, or a junction is named after. The model seldom tags them. A capitalised road word
# may close a street's own name ("Hyland-Croy Road"), so there only towns of some size count, and only
# between hyphens.
_ROAD_WORDS = alternation(cues("road"))
_ROAD_NAME = r"[A-Z][\w'’]+(?: (?:ez|el|al|ad|ar)?[-‐‑]?[A-Z][\w'’]+)?"
# Found from the road word back (a scan for the names themselves would start at every capital).
_ROAD_WORD_RE = re.compile(rf"\b(?:{_ROAD_WORDS})s?\b", re.IGNORECASE)
_ROAD_NAMES_BEFORE_RE = re.compile(rf"(?:\bthe\s+({_ROAD_NAME})|\b({_ROAD_NAME}(?:\s?[-–]\s?{_ROAD_NAME}){{1,3}}))\s+$")
_ROAD_SEGMENT_SPLIT = re.compile(r"\s?[-–]\s?(?=[A-Z])")


def _road_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The towns a road or junction is named after (source "road": resolved as an untagged name, so
    that a hamlet needs the article's country; a poor incident place, as the road leaves the town)."""
    found = []
    for word in _ROAD_WORD_RE.finditer(text):
        names = _ROAD_NAMES_BEFORE_RE.search(text, max(0, word.start() - _LOOKBACK), word.start())
        if names is None or (names.group(1) and not word.group().islower()):
            continue
        group = 1 if names.group(1) else 2
        min_population = 0 if word.group().islower() else MIN_POP_UNTAGGED
        offset = names.start(group)
        for segment in _ROAD_SEGMENT_SPLIT.split(names.group(group)):
            start = text.index(segment, offset)
            offset = start + len(segment)
            mention = _lookup_mention(gazetteer, segment, start, "road", min_population)
            if mention is not None:
                found.append(mention)
    return found


# "the NATO-Russia Council", "an EU-Israel summit", "the University of Nebraska-Lincoln", "the U.S.-Mexico
# border": a country or a state joined by a hyphen to another name. The model tags the compound as one
# organisation or not at all, and a lookup of the whole finds nothing.
_HYPHEN_COMPOUND_RE = re.compile(r"(?<![\w'’.-])((?:[A-Z][\w.]*)(?: [A-Z][a-z]+)?)[-–]([A-Z][\w.]*(?: [A-Z][a-z]+)?)"
                                 r"(?![\w'’-])")
_COMPOUND_KINDS = frozenset({"country", "admin1"})
_SETTLEMENT_AFTER_RE = re.compile(r"\s+(?:" + SETTLEMENT + r")\b", re.IGNORECASE)


def _hyphen_compound_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The countries, first-level divisions and demonyms named as parts of hyphenated compounds (source
    "compound", weighed like a name inside an organisation's, or "demonym")."""
    found = []
    for match in _HYPHEN_COMPOUND_RE.finditer(text):
        if gazetteer.lookup(match.group()) or _SETTLEMENT_AFTER_RE.match(text, match.end()):
            continue  # a name of its own: "Guinea-Bissau", "Baden-Württemberg", "Ehime-Mbano district"
        before, after = match.group(1), match.group(2)
        last, first = before.split(" ")[-1], after.split(" ")[0]
        # demonyms count in pairs of nations ("Russian-American crew"), not in "African-American"
        demonyms = bool(gazetteer.demonym(last)) and bool(gazetteer.demonym(first))
        # each side with its second word ("Saudi Arabia-Yemen", "U.S.-South Korea"), then only the word
        # next to the hyphen ("NATO-Russia Council")
        for readings in (((before, match.start(1)), (last, match.end(1) - len(last))),
                         ((after, match.start(2)), (first, match.start(2)))):
            for name, start in dict.fromkeys(readings):
                mention = _compound_part(gazetteer, name, start, demonyms)
                if mention is not None:
                    found.append(mention)
                    break
    return found


def _compound_part(gazetteer: Gazetteer, name: str, start: int, demonyms: bool) -> PlaceMention | None:
    """A country, a state, or a country's demonym ("a Russian-American crew", "Israeli-Egyptian peace")."""
    mention = _lookup_mention(gazetteer, name, start, "compound")
    if mention is not None:
        mention.candidates = [e for e in mention.candidates
                              if gazetteer.kind[e] in _COMPOUND_KINDS and e not in mention.alternate]
        if mention.candidates:
            return mention
    code = gazetteer.demonym(name) if demonyms else None
    return _country_mention(gazetteer, code, name, start) if code else None


# "Main Street", "E. Broad St.", "Hyland-Croy Road", "Highway 19", "Interstate 395": a street or a
# numbered road, named as a place of its own in local news. The gazetteer holds none, so a street takes
# the point of the town the article places it in (`_place_streets`).
_STREET_WORD_RE = re.compile(r"(?<=[\w'’.] )(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Drive|Dr\.(?!\s[A-Z])|Lane|Boulevard|"
                             r"Blvd\.|Parkway|Pkwy\.|Pike|Terrace|Circle)(?![\w-])")
# Found from the street word back, as road names are (a scan for the names would start at every capital).
_STREET_NAME_BEFORE_RE = re.compile(r"(?:(?:[NSEW]\.|North|South|East|West)\s)?(?:[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?\s){1,3}$")
_NUMBERED_ROAD_RE = re.compile(r"\b(?:Highway|Route|Interstate|State Route|U\.S\.\sRoute)\s\d{1,3}\b")
# Words that open a sentence or a title rather than a street's name.
_STREET_OPENERS = frozenset({"the", "on", "in", "at", "along", "of", "and", "a", "from", "to", "near"})


def _street_mentions(text: str) -> list[PlaceMention]:
    """Every street or numbered road (source "street", no candidates until `_place_streets`)."""
    spans = [match.span() for match in _NUMBERED_ROAD_RE.finditer(text)]
    for word in _STREET_WORD_RE.finditer(text):
        name = _STREET_NAME_BEFORE_RE.search(text, max(0, word.start() - _LOOKBACK), word.start())
        if name is not None:
            spans.append((name.start(), word.end()))
    found = []
    for start, end in sorted(spans):
        name = text[start:end]
        first, _, rest = name.partition(" ")
        while first.lower() in _STREET_OPENERS and rest:
            start += len(first) + 1
            name = rest
            first, _, rest = name.partition(" ")
        if " " in name:
            found.append(PlaceMention(start, start + len(name), name, "street"))
    return found


_STREET_TOWN_KINDS = frozenset({"town", "admin2"})
_STREET_TOWN_SOURCES = frozenset({"entity", "pattern", "chain", "dateline", "nested", "facility", "fuzzy"})


def _place_streets(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """Each street in the town (or county) the text names nearest to it: "on Main Street in Gainesville",
    or the paper's own town named elsewhere in the story."""
    towns = [m for m in mentions if m.chosen is not None and m.source in _STREET_TOWN_SOURCES
             and gazetteer.kind[m.chosen] in _STREET_TOWN_KINDS]
    for street in (m for m in mentions if m.source == "street"):
        nearest = min(towns, key=lambda town: abs(town.start - street.start), default=None)
        if nearest is not None:
            street.chosen, street.score = nearest.chosen, nearest.score


# "of 1935 Orchard St., Alexandria, was arrested": the town after a street address, however the model
# tags it (local papers give every address so, and the model often reads the town as a person). After a
# house number more street words are safe than in `_STREET_WORD_RE` ("Way", "Court", "Place").
_ADDRESS_TOWN_RE = re.compile(
    r"\b\d{1,6}\s(?:[NSEW]\.?\s)?(?:[A-Z][\w'’]*\.?\s){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Blvd|"
    r"Boulevard|Way|Ct|Court|Pl|Place|Cir|Circle|Hwy|Highway|Pkwy|Parkway|Ter|Terrace)\.?,\s"
    r"([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b")


def _address_town_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The town of each street address (source "pattern": a hamlet needs the article's country)."""
    found = (_lookup_mention(gazetteer, match.group(1), match.start(1), "pattern")
             for match in _ADDRESS_TOWN_RE.finditer(text))
    return [mention for mention in found if mention is not None]


# "Rep. Wendell Gilliard, D-Charleston", "Carrie Webster, D-Kanawha": a state lawmaker's party and home
# town or county, as state papers write them (a state is matched by PARTY_STATE_RE first).
_PARTY_HOME_RE = re.compile(r"(?<![\w-])(?:D|R|I|DFL)-([A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=[,;)]|\s[-–—]|\.\s)")


def _party_state_mentions(text: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The state of each "D-N.Y." or "R-Ill." after a lawmaker's name (source "entity"), and the home of
    each "D-Charleston" (source "pattern": a hamlet needs the article's country)."""
    found = [_lookup_mention(gazetteer, match.group(1), match.start(1), "entity")
             for match in PARTY_STATE_RE.finditer(text)]
    states = {mention.start for mention in found if mention is not None}
    found += [_lookup_mention(gazetteer, match.group(1), match.start(1), "pattern")
              for match in _PARTY_HOME_RE.finditer(text) if match.start(1) not in states]
    return [mention for mention in found if mention is not None]


# "a Bicester teenager", "the Laconia police", "a Saratoga native": after an article, a capitalised
# name followed by a lowercase word for a local person or body (patterns/location_cues.tsv, kind
# townsfolk) is the town they belong to; local news writes so and the model rarely tags the name.
_TOWNSFOLK_RE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(?:"
                           + alternation(cues("townsfolk")) + r")\b")


def _townsfolk_mentions(ctx, gazetteer: Gazetteer) -> list[PlaceMention]:
    """The town of "a <Town> resident", when no person or place entity covers the name (source "pattern")."""
    taken = [(e.start_char, e.end_char) for e in ctx.ents if e.label_ in _PATTERN_BLOCKERS]
    found = []
    for match in _TOWNSFOLK_RE.finditer(ctx.text):
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        mention = _lookup_mention(gazetteer, match.group(1), start, "pattern", MIN_POP_UNTAGGED)
        if mention is not None:
            found.append(mention)
    return found


# After these words a name the model tagged as a person or a group is still read as a place
# ("protested in Cavite" tagged NORP, "in Ciudad de Mexico" tagged PERSON).
_LOCATIVE_TRIGGERS = frozenset({"in", "at", "near", "outside"})


_KIND_WORD_AFTER_RE = re.compile(r"\s+(?:city|town|village|province|district|governorate|county|municipality)\b",
                                 re.IGNORECASE)


# "the countryside of X", "the town of X", "the outskirts of X": a word for a place or an area before
# "of" makes the name after it a place, as "in" does ("countryside of Aleppo" is tagged NORP).
_AREA_WORD_BEFORE_OF_RE = re.compile(
    r"\b(?:countryside|outskirts|suburbs?|vicinity|environs|city|town|village|hamlet|province|governorate|"
    r"district|region|county|municipality|prefecture|department|state|areas?|parts?)\s+$",
    re.IGNORECASE)


def _reads_as_place(trigger, text: str, end: int) -> bool:
    """"in X", "near X", "of X city" or "the countryside of X": wording that makes the name a place
    whatever the model's label."""
    if trigger.lower_ in _LOCATIVE_TRIGGERS:
        return True
    return trigger.lower_ == "of" and bool(_KIND_WORD_AFTER_RE.match(text, end)
                                           or _AREA_WORD_BEFORE_OF_RE.search(text, max(trigger.idx - 20, 0), trigger.idx))


def _may_be_mislabelled_place(ent, gazetteer: Gazetteer) -> bool:
    """A PERSON or a NORP that is no demonym: the model's label for many a small town it does not know."""
    if ent.label_ == "NORP":
        return gazetteer.demonym(ent.text) is None and gazetteer.demonym(ent[0].text) is None
    return ent.label_ == "PERSON"


_SOURCE_RANK = {"modifier": 0, "mission": 0, "entity": 0, "demonym": 0, "nested": 1, "compound": 1, "street": 1,
                "facility": 1, "pattern": 2, "road": 2,
                "chain": 3, "unresolved": 4}


def _chain_mentions(text: str, gazetteer: Gazetteer, chains: list[tuple[int, int]]) -> list[PlaceMention]:
    """Every segment of an address chain ("X neighborhood, Y, Region, Country") as a mention.

    A chain counts only when a segment after the first names a country or a first- or
    second-level division: then its other segments are places too, even the ones NER tagged
    as people or missed ("Lashkar Gah, Helmand"), and unknown ones stay as unresolved links
    of the chain so that the segment before them is still read inside the right container.
    `chains` receives the (start, end) of each chain found.
    """
    found: list[PlaceMention] = []
    for match in _chain_matches(text):
        segments = _chain_segments(text, match)
        mentions = [_lookup_mention(gazetteer, name, start, "chain")
                    or PlaceMention(start, start + len(name), name, "unresolved") for start, name in segments]
        if not any(any(gazetteer.kind[e] != "town" for e in m.candidates[:5]) for m in mentions[1:]) \
                and not _is_bracketed_address(text, match, mentions, gazetteer):
            continue
        chains.append((match.start(), match.end()))
        found += [m for m in mentions if normalize_name(m.name) not in _NOT_PLACES]
    return found


def _chain_matches(text: str) -> Iterator[re.Match]:
    """`_CHAIN_RE.finditer(text)`, tried only where a run of capitalised words ends in a comma or a
    bracket: a chain starts where such a run does, and scanning from every capital costs 5x more."""
    position = 0
    for run in _RUN_RE.finditer(text):
        if run.start() < position or not _SEPARATOR_AFTER_RE.match(text, run.end()):
            continue
        match = _CHAIN_RE.match(text, run.start())
        if match is not None:
            position = match.end()
            yield match


def _is_bracketed_address(text: str, match: re.Match, mentions: list[PlaceMention], gazetteer: Gazetteer) -> bool:
    """"Kokorowe (Bobo-Dioulasso, Houet)": the coders' "village (district, region)" form, whose bracket
    names a known town of some size even when the region is missing from the gazetteer."""
    if "(" not in text[match.start():match.end()]:
        return False
    return any(gazetteer.kind[e] == "town" and gazetteer.population[e] >= MIN_POP_UNTAGGED
               and (e not in m.alternate or gazetteer.population[e] >= MIN_POP_NESTED)
               for m in mentions[1:] for e in m.candidates[:1])


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
        if name and first_word not in _NOT_PLACES and not _bracketed_acronym(text, segment.start(1), name):
            segments.append((segment.start(1) + segment.group(1).find(name), name))
        separator = _CHAIN_SEP_RE.match(text, segment.end())
        if separator is None or separator.end() == segment.end():
            break
        position = separator.end()
    return segments


def _bracketed_acronym(text: str, start: int, name: str) -> bool:
    """"... the Ulster Defense Association (UDA)": capitals in brackets after a name abbreviate it."""
    return name.isupper() and len(name) <= 5 and text[start - 1:start] == "("


def _drop_overlaps(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """One mention per stretch of text: the longer one, but a known place over the unknown name holding it."""
    kept: list[PlaceMention] = []
    for mention in mentions:
        if kept and mention.start < kept[-1].end:
            if _known_inside_unknown(mention, kept[-1]) or (
                    mention.end - mention.start > kept[-1].end - kept[-1].start
                    and not _known_inside_unknown(kept[-1], mention)):
                kept[-1] = mention
            continue
        kept.append(mention)
    return kept


def _known_inside_unknown(inner: PlaceMention, outer: PlaceMention) -> bool:
    """"Titus County" in "Titus County Sheriff's Office", "Mexico" in "U.S.-Mexico", which the model
    tagged a place and the gazetteer does not know: the county, or the country, is the place named."""
    return (outer.source == "unresolved" and bool(inner.candidates) and outer.start <= inner.start
            and inner.end <= outer.end and (inner.source == "compound" or bool(_COUNTY_RE.fullmatch(inner.name))))


# Mentions whose name may be said again untagged and still mean the same place: the model tags a
# town once and misses it inside "Rodeo Gainesville" or "Gainesville Police" three lines down.
_REPEATABLE_SOURCES = frozenset({"entity", "chain", "dateline", "nested", "pattern"})
# Readings the model did not tag as places: a name inside an organisation's or a title ("Stevens &
# Wilkinson", "Bell Helicopter") is more often not that place than it is.
_UNTAGGED_SOURCES = frozenset({"nested", "pattern"})
_OTHER_NAMES = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LOC"})
_MIN_REPEAT_NAME = 4


def _with_repeats(ctx, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions plus every other occurrence of a resolved toponym's name, read the same way.

    One sense per discourse: a local paper that names Gainesville means the same Gainesville each
    time. Only names written exactly as first read, outside person names and outside other mentions;
    a reading the model did not tag (a pattern's, a name inside an organisation's) is not repeated
    inside another name. A repeat takes its reading from the mention it repeats (source "repeat"),
    and is added after resolution so that it never votes on the reading itself.
    """
    # full names only: a lone "Gainesville" tagged as a person is the model's slip, not a person
    persons = [ent for ent in ctx.ents if ent.label_ == "PERSON" and len(ent.text.split()) > 1]
    surnames = {ent.text.split()[-1] for ent in persons}
    readings: dict[str, PlaceMention] = {}
    for mention in mentions:
        name = ctx.text[mention.start:mention.end]
        # a name also met ending a person's name ("Pastor Andrew Brunson") was a surname tagged as a place
        if mention.chosen is not None and mention.source in _REPEATABLE_SOURCES and name not in surnames \
                and not mention.division_after \
                and len(name) >= _MIN_REPEAT_NAME and name[0].isupper():
            # a dateline's "TORRINGTON" is the "Torrington" of the story
            for spelling in (name, name.title()) if name.isupper() else (name,):
                best = readings.get(spelling)
                if best is None or mention.score > best.score:
                    readings[spelling] = mention
    if not readings:
        return mentions
    for mention in mentions:  # a name inside an organisation's, read alone, yields to the tagged reading
        reading = readings.get(ctx.text[mention.start:mention.end])
        if reading is not None and mention.source == "nested" and reading.source not in _UNTAGGED_SOURCES:
            mention.chosen, mention.score = reading.chosen, reading.score
    taken = [(m.start, m.end) for m in mentions]
    # "Sri Lanka" tagged as a person where the article also names it as a place is that place
    taken += [(ent.start_char, ent.end_char) for ent in persons if _clean_name(ent.text) not in readings]
    names = [(ent.start_char, ent.end_char) for ent in ctx.ents if ent.label_ in _OTHER_NAMES]
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(readings, key=len, reverse=True)))
                         + r")(?![\w-])")
    repeats = []
    for match in pattern.finditer(ctx.text):
        start, end = match.span()
        if any(start < t_end and t_start < end for t_start, t_end in taken) \
                or _COMPOUND_AFTER_RE.match(ctx.text, end) or _CURRENCY_AFTER_RE.match(ctx.text, end):
            continue
        original = readings[match.group()]
        if original.source in _UNTAGGED_SOURCES and any(start < t_end and t_start < end for t_start, t_end in names):
            continue  # an untagged reading is too weak to claim a name the model put inside another's
        repeats.append(PlaceMention(start, end, original.name, "repeat", original.candidates, original.alternate,
                                    chosen=original.chosen, score=original.score))
    return sorted(mentions + repeats, key=lambda m: m.start) if repeats else mentions


# A big city (`Gazetteer.big_cities`) written in a story that names its country is that city, though
# the model left it untagged ("the ceasefire for eastern Aleppo" in a story about Syria).
_CITY_BLOCKERS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})


def _with_confirmed_cities(ctx, gazetteer: Gazetteer, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions plus untagged names of big cities in the countries the article's places lie in
    (source "confirmed"); like repeats, added after resolution and never the incident place."""
    countries = {gazetteer.country[m.chosen] for m in mentions if m.chosen is not None and m.source != "modifier"}
    if not countries:
        return mentions
    cities, first_words = gazetteer.big_cities()
    taken = [(m.start, m.end) for m in mentions]
    taken += [(ent.start_char, ent.end_char) for ent in ctx.ents if ent.label_ in _CITY_BLOCKERS
              and not _capital_said_for_its_government(ent, cities, countries, gazetteer)]
    found = []
    tokens = ctx.tokens
    for index, token in enumerate(tokens):
        if not token.is_title or token.lower_ not in first_words or (found and token.idx < found[-1].end):
            continue
        for size in (3, 2, 1):
            window = tokens[index:index + size]
            if len(window) < size or not all(t.is_title for t in window):
                continue
            start, end = window[0].idx, window[-1].idx + len(window[-1])
            entries = [e for e in cities.get(normalize_name(ctx.text[start:end]), ())
                       if gazetteer.country[e] in countries]
            if entries and not any(start < t_end and t_start < end for t_start, t_end in taken):
                city = max(entries, key=lambda e: gazetteer.population[e])
                found.append(PlaceMention(start, end, ctx.text[start:end], "confirmed", [city], set(), chosen=city))
                break
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _capital_said_for_its_government(ent, cities: dict, countries: set[str], gazetteer: Gazetteer) -> bool:
    """"Tbilisi says ...", "Moscow denied": a capital standing for its government, which the model tags
    as a person or an organisation; only the capital of a country the article's places lie in."""
    return ent.label_ in ("PERSON", "ORG", "NORP") and any(
        entry in gazetteer.capitals and gazetteer.country[entry] in countries
        for entry in cities.get(normalize_name(ent.text), ()))


# --- building places -----------------------------------------------------------------------


def _place(ctx, gazetteer: Gazetteer, mention: PlaceMention, holds_another: bool = False) -> Place:
    if mention.source == "street":
        return _street_place(ctx, gazetteer, mention)
    entry = mention.chosen
    kind = gazetteer.kind[entry]
    code = gazetteer.country[entry]
    return Place(
        name=gazetteer.name[entry],
        admin1=gazetteer.admin1[entry] or None,
        country=code or None,  # a continent has none
        lat=gazetteer.lat[entry],
        lon=gazetteer.lon[entry],
        precision=PRECISION_OF_KIND[kind],  # type: ignore[arg-type]
        evidence=(ctx.article.span(mention.start, mention.end),),
        extractor=EXTRACTOR,
        admin2=gazetteer.admin2[entry] or None,
        country_name=gazetteer.country_name(code),
        locality=gazetteer.name[entry] if kind == "town" else None,
        geonames_id=gazetteer.geonames_id[entry] or None,
        feature=f"{kind}:{mention.source}" + (":container" if holds_another else ""),
        score=round(mention.score, 3),
    )


def _street_place(ctx, gazetteer: Gazetteer, mention: PlaceMention) -> Place:
    """A street at its town's point: precision "venue", the town as its locality, no GeoNames id."""
    entry = mention.chosen
    code = gazetteer.country[entry]
    town = gazetteer.name[entry] if gazetteer.kind[entry] == "town" else None
    return Place(
        name=mention.name, admin1=gazetteer.admin1[entry] or None, country=code or None,
        lat=gazetteer.lat[entry], lon=gazetteer.lon[entry], precision="venue",
        evidence=(ctx.article.span(mention.start, mention.end),), extractor=EXTRACTOR,
        admin2=gazetteer.admin2[entry] or None, country_name=gazetteer.country_name(code), venue=mention.name,
        locality=town, feature=gazetteer.kind[entry] + ":street", score=round(mention.score, 3))
