"""Which gazetteer entry each place mention means: context and disambiguation.

Each mention's gazetteer candidates are scored by population, by the countries and
regions the article names elsewhere, by an explicit container ("Kerman, Iran",
"the Iranian city of Kerman", "X village (Y, Z)") and by nearness to the other
places; see `_score`. Apart from `locations` (which finds the mentions) because the
choice reads every mention of the article together: containers first, then the
countries the others name, then nearness to the places already chosen.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventwire.extract.gazetteer import (
    WHOLE_COUNTRY_KINDS,
    Gazetteer,
    distance_km,
    normalize_name,
    one_letter_apart,
    plain_spelling,
    skeleton,
)
from eventwire.extract.place_cues import (
    CONTAINER_GAP_RE,
    MIN_POP_NESTED,
    MIN_POP_UNTAGGED,
    QUARTER_HEADS,
    alternation,
)

if TYPE_CHECKING:
    from eventwire.extract.locations import PlaceMention

_MIN_POP_ABROAD = 100_000
# A hamlet abroad is a coincidence even when the model tagged its name: "the OSCE SMM observed shelling
# near <village>" means Ukraine's village, not a Russian hamlet of that name that the gazetteer lacks in Ukraine.
_MAX_POP_HAMLET_ABROAD = 5_000
_OF_KIND_BEFORE_RE = re.compile(
    r"\b([A-Z][\w-]+)\s+(?:city|town|village|province|region|capital|port|district|state)\s+of\s+$")
# ... unless "of" follows: "the Indiana Department of Health" is an agency, not a department.
_DIVISION_AFTER_RE = re.compile(
    r"^\s+(province|region|oblast|governorate|state|district|county|prefecture|department|parish)\b(?!\s+of\b)",
    re.IGNORECASE)
# "Police District 5", "Ward 3": a name before a numbered subdivision word names that subdivision.
_NUMBERED_AFTER_RE = re.compile(r"^\s+(?:district|precinct|sector|zone|ward|block|phase)\s+\d", re.IGNORECASE)
# "Santa Maria neighborhood", "Saray neighbourhood of Kahramankazan": a quarter of a town the text names.
_QUARTER_AFTER_RE = re.compile(r"^\s+(?:neighbou?rhood|quarter|barrio|suburb)\b", re.IGNORECASE)
# "Colonia San Francisco", "Barangay Guibonon": a quarter's kind word opening its name.
_QUARTER_HEAD_RE = re.compile(r"^(?:" + alternation(tuple(QUARTER_HEADS)) + r")\s", re.IGNORECASE)


def link_containers(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer,
                    chains: list[tuple[int, int]] = ()) -> None:  # type: ignore[assignment]
    """Mark "X, Y" / "X village (Y" / "X in Y" containers, "the Iranian city of X", "X province".

    Inside an address chain every next segment contains the one before, a town too
    ("Tieba (Bankass, Mopti)"); elsewhere only a name that may be a division or a country does.
    """
    listed = _listed(text, mentions, gazetteer)
    for index, (mention, following) in enumerate(zip(mentions, mentions[1:] + [None])):
        after = text[mention.end:mention.end + 40]
        division = _DIVISION_AFTER_RE.match(after)
        mention.division_after = division.group(1).lower() if division else ""
        mention.numbered = bool(_NUMBERED_AFTER_RE.match(after))
        mention.quarter = bool(_QUARTER_AFTER_RE.match(after) or _QUARTER_HEAD_RE.match(mention.name))
        if following is not None and CONTAINER_GAP_RE.match(text[mention.end:following.start]) \
                and _may_hold(mentions, index, listed, chains, gazetteer):
            mention.container = following
            following.is_container = True
            following.contained = mention
        before = text[max(0, mention.start - 40):mention.start]
        kind_of = _OF_KIND_BEFORE_RE.search(before)
        if kind_of:
            mention.container_country = gazetteer.demonym(kind_of.group(1)) or _country_code(gazetteer, kind_of.group(1))


def _may_hold(mentions: list[PlaceMention], index: int, listed: dict[int, int], chains, gazetteer: Gazetteer) -> bool:
    """Whether the mention after `index` may hold it: a name that may be a division or a country, or the
    next segment of an address chain; never for a country-only name, a county beside a county, or the
    next item of a list."""
    mention, following = mentions[index], mentions[index + 1]
    if not (_can_contain(following, gazetteer) or _same_chain(chains, mention, following)):
        return False
    if _country_only(mention, gazetteer) or (_county_only(mention, gazetteer) and _county_only(following, gazetteer)):
        return False
    return not _siblings(mentions, index, listed, gazetteer)


# A generic word the mention's name left out may stand before the separator: "Quebec City and Halifax".
_LEFT_OUT = r"(?:\s+(?:city|town|village|district|province|region|state|county))?"
_LIST_COMMA_RE = re.compile(_LEFT_OUT + r"\s*,\s*$", re.IGNORECASE)
_LIST_END_RE = re.compile(_LEFT_OUT + r"\s*,?\s+(?:and|or)\s+$", re.IGNORECASE)


def _listed(text: str, mentions: list[PlaceMention], gazetteer: Gazetteer) -> dict[int, int]:
    """Index of each mention in a list closed by "and"/"or" -> the index of the list's last mention.
    "Jammu and Kashmir" is one name, not a list's end."""
    found: dict[int, int] = {}
    run = [0] if mentions else []
    for index in range(1, len(mentions)):
        gap = text[mentions[index - 1].end:mentions[index].start]
        if _LIST_END_RE.match(gap) and not gazetteer.lookup(text[mentions[index - 1].start:mentions[index].end]):
            found.update((member, index) for member in run + [index])
            run = [index]
        elif _LIST_COMMA_RE.match(gap):
            run.append(index)
        else:
            run = [index]
    return found


def _siblings(mentions: list[PlaceMention], index: int, listed: dict[int, int], gazetteer: Gazetteer) -> bool:
    """Mention `index` and the next are items of one list ("Kabul, Kandahar and Herat"; "Honduras, El
    Salvador, Canada and Guatemala"), neither the container of the other. A list that ends with a
    country is an address that names it ("Burqa, West Bank, West Bank and Gaza Strip"): only countries
    there are siblings."""
    last = listed.get(index)
    if last is None or listed.get(index + 1) != last:
        return False
    if _names_a_country(mentions[index], gazetteer) and _names_a_country(mentions[index + 1], gazetteer):
        return True
    return not _names_a_country(mentions[last], gazetteer)


def _county_only(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """A mention that can only be a county: one county holds no other ("Douglas, Sarpy and Lancaster counties")."""
    return bool(mention.candidates) and all(gazetteer.kind[e] == "admin2" for e in mention.candidates)


def _country_only(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """A name that can only be a country lies in no other place ("from Ethiopia, Sudan and Syria")."""
    named = [e for e in mention.candidates if e not in mention.alternate]
    return bool(named) and all(gazetteer.kind[e] == "country" for e in named)


def _names_a_country(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """A name one of whose readings is a country ("El Salvador" is also a town in Mexico)."""
    return any(gazetteer.kind[e] == "country" and e not in mention.alternate for e in mention.candidates)


def _same_chain(chains, mention: PlaceMention, following: PlaceMention) -> bool:
    return any(start <= mention.start and following.end <= end for start, end in chains)


def _can_contain(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """An unknown name ("Injil District") or one that may be a division or country, not a demonym."""
    if mention.source == "unresolved":
        return True
    return mention.source != "demonym" and any(gazetteer.kind[e] not in ("town", "continent") for e in mention.candidates)


def _country_code(gazetteer: Gazetteer, name: str) -> str | None:
    for entry, _alt in gazetteer.lookup(name)[:3]:
        if gazetteer.kind[entry] == "country":
            return gazetteer.country[entry]
    return None


def _article_context(mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[tuple[str | None, str | None]]:
    """Per mention, the (country, "CC|admin1" region) it names without ambiguity, or Nones."""
    found: list[tuple[str | None, str | None]] = []
    for mention in mentions:
        code = region = None
        if mention.candidates and mention.source != "modifier":
            top = mention.candidates[0]
            kind = gazetteer.kind[top]
            if kind == "country" or (mention.chosen is not None and not _is_weak(mention, gazetteer)):
                chosen = mention.chosen if mention.chosen is not None else top
                code = gazetteer.country[chosen]
                if gazetteer.kind[chosen] in ("admin1", "admin2", "town"):
                    region = f"{code}|{gazetteer.admin1[chosen]}"
            elif kind == "admin1" and top not in mention.alternate:
                region = f"{gazetteer.country[top]}|{gazetteer.admin1[top]}"
        found.append((code, region))
    return found


def _is_weak(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """A town reached only by an alternate spelling of an untagged name ("Seno" -> Ban Xénô, Laos): a
    guess that must neither vote for its country nor contain the names before it."""
    chosen = mention.chosen
    if chosen is None or gazetteer.kind[chosen] != "town":
        return False
    return (chosen in mention.alternate and mention.source not in ("entity", "demonym", "mission")) \
        or (mention.source == "road" and gazetteer.population[chosen] < MIN_POP_UNTAGGED)


def _others_context(context: list[tuple[str | None, str | None]], skip: int,
                    totals: tuple[dict[str, int], dict[str, int]],
                    own_names: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
                    repeats: Iterable[int] = (),
                    ) -> tuple[dict[str, int], set[str]]:
    """Countries (with counts) named by every mention but `skip` and its `repeats`, and the regions
    named by the others.

    A place's own guess is no evidence for its country ("Ouest" guessed in Haiti must not
    vote Haiti for "Ouest"), nor are the guesses for the same name elsewhere in the article, for
    its country or its region (four "Paris" read alone as France must not outvote the Tennessee
    county the article names). Its own region stays: it only ranks the namesakes inside that region (Kandahar District over
    Kandahar province for "Police District 5, Kandahar"), unless it is the region of the mention's
    own admin1 namesake and the others name another of the mention's candidate countries, not the
    region's: then the name would vote for itself across borders (Libya's Tripoli district lifting
    Libya's Tripoli over Lebanon's in a Lebanese story).
    `own_names` is (the mention's candidate countries, its admin1 candidates' "CC|admin1" keys).
    `totals` is `_context_totals(context)`, so each call costs one dict copy at most.
    """
    countries, region_counts = totals
    own, own_region = context[skip]
    guesses = [code for code in (own, *(context[i][0] for i in repeats)) if code]
    if guesses:
        countries = dict(countries)
        for code in guesses:
            countries[code] -= 1
            if not countries[code]:
                del countries[code]
    regions = set(region_counts)
    for region in {context[i][1] for i in repeats} - {None, own_region}:
        if region_counts[region] <= sum(context[i][1] == region for i in repeats):
            regions.discard(region)  # named only by this name's other readings
    candidate_countries, namesake_regions = own_names
    if own_region in namesake_regions and region_counts[own_region] == 1 \
            and own_region.split("|", 1)[0] not in countries and not countries.keys().isdisjoint(candidate_countries):
        regions.discard(own_region)
    return countries, regions


def _own_names(mention: PlaceMention, gazetteer: Gazetteer) -> tuple[frozenset[str], frozenset[str]]:
    """A mention's candidate countries and its admin1 candidates' regions (see `_others_context`)."""
    candidates = mention.candidates[:40]
    return (frozenset(gazetteer.country[e] for e in candidates),
            frozenset(f"{gazetteer.country[e]}|{gazetteer.admin1[e]}" for e in candidates if gazetteer.kind[e] == "admin1"))


def _context_totals(context: list[tuple[str | None, str | None]]) -> tuple[dict[str, int], dict[str, int]]:
    """Mentions per named country and per named region."""
    countries: dict[str, int] = {}
    regions: dict[str, int] = {}
    for code, region in context:
        if code:
            countries[code] = countries.get(code, 0) + 1
        if region:
            regions[region] = regions.get(region, 0) + 1
    return countries, regions


# A name whose candidates spread over more countries than this says nothing about the country.
_MAX_SUPPORT_COUNTRIES = 3


def _candidate_support(mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[frozenset[str]]:
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
        exact = [e for e in mention.candidates[:20] if e not in mention.alternate]
        codes = {gazetteer.country[e] for e in exact}
        if len(codes) > _MAX_SUPPORT_COUNTRIES:
            codes = _dominant_countries(exact, gazetteer)
        found.append(frozenset(codes) if 0 < len(codes) <= _MAX_SUPPORT_COUNTRIES else frozenset())
    return found


# Namesakes with under 1/20 of the largest one's people: Freetown (800,000 people) could lie in Sierra Leone
# only, not in the Bahamas, Antigua or Massachusetts.
_DWARFED = 20


def _dominant_countries(entries: list[int], gazetteer: Gazetteer) -> set[str]:
    largest = max(gazetteer.population[e] for e in entries)
    return {gazetteer.country[e] for e in entries if gazetteer.population[e] * _DWARFED >= largest}


def resolve_mentions(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """Set each mention's `chosen` entry (None when unresolved) and `score`.

    Two passes: first by population, containers and named countries; then also by nearness.
    """
    context = _article_context(mentions, gazetteer)
    totals = _context_totals(context)
    # Computed once: pass one only adds spelling variants inside an already chosen container.
    support = _candidate_support(mentions, gazetteer)
    agreeing = _support_totals(support)
    counties = _county_agreement(mentions, gazetteer)
    own_names = [_own_names(m, gazetteer) for m in mentions]
    repeats = _repeats(mentions)
    areas = {area for m in mentions for area in m.areas}
    for index in reversed(range(len(mentions))):  # containers ("..., Iran") first
        countries, regions = _others_context(context, index, totals, own_names[index], repeats[index])
        _choose(mentions[index], gazetteer, countries, regions | areas, [], (agreeing, support[index]),
                counties[index])
    unknown = [mention for mention in mentions if not mention.candidates]
    named_regions = _named_regions(mentions, gazetteer) | areas if unknown else set()
    for mention in unknown:
        _fuzzy_candidates(mention, gazetteer, named_regions)
    context = _article_context(mentions, gazetteer)
    totals = _context_totals(context)
    for index, mention in enumerate(mentions):
        # the same name said elsewhere is no neighbour: its reading would only confirm itself
        same_name = {id(mentions[i]) for i in repeats[index]}
        points = [(gazetteer.lat[m.chosen], gazetteer.lon[m.chosen]) for m in mentions
                  if m is not mention and id(m) not in same_name and m.chosen is not None
                  and gazetteer.kind[m.chosen] not in WHOLE_COUNTRY_KINDS]
        countries, regions = _others_context(context, index, totals, own_names[index], repeats[index])
        own_region = context[index][1]
        _choose(mention, gazetteer, countries, regions | areas, points, (agreeing, support[index]), counties[index],
                _placed_countries(mentions, context, index, repeats[index]),
                own_region if own_region and totals[1].get(own_region) == 1 else None)
    _agree_repeated_names(mentions, gazetteer)
    _drop_namesakes_abroad(mentions, gazetteer)
    _drop_stray_spellings(mentions, gazetteer)


def _repeats(mentions: list[PlaceMention]) -> list[list[int]]:
    """Per mention, the indexes of the other mentions of the same name."""
    by_name: dict[str, list[int]] = {}
    for index, mention in enumerate(mentions):
        by_name.setdefault(normalize_name(mention.name), []).append(index)
    return [[i for i in by_name[normalize_name(m.name)] if i != index] for index, m in enumerate(mentions)]


# A spelling guess with no other place to confirm it must be a sizeable place one letter away.
_MIN_POP_LONE_SPELLING = 50_000
# Mentions that imply a country without naming a place in it ("an Italian embassy vehicle"), or guess one.
_NOT_TOPONYMS = ("fuzzy", "spelling", "facility", "modifier", "demonym", "mission", "actor")


# An unknown name looked for by skeleton in a whole region needs four consonants: three match by chance.
_MIN_REGION_SKELETON = 4


def _towns_in_regions(name: str, regions: Iterable[str], gazetteer: Gazetteer) -> list[int]:
    """Towns spelled like `name` up to its consonant skeleton in the "CC|admin1" regions given."""
    if len(skeleton(name)) < _MIN_REGION_SKELETON:
        return []
    return [entry for region in sorted(regions) for entry in gazetteer.fuzzy_towns(name, *region.split("|"))]


def _named_regions(mentions: list[PlaceMention], gazetteer: Gazetteer) -> set[str]:
    """The "CC|admin1" regions the article's resolved toponyms lie in or name."""
    return {f"{gazetteer.country[m.chosen]}|{gazetteer.admin1[m.chosen]}" for m in mentions
            if m.chosen is not None and gazetteer.kind[m.chosen] not in WHOLE_COUNTRY_KINDS
            and m.source not in _NOT_TOPONYMS and not _is_weak(m, gazetteer)}


def _drop_stray_spellings(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """A name placed only by its spelling key stays where the article's other toponyms agree on its
    country; where they name no place at all, only when it is a region or a city of 50,000+ people one
    letter from the name ("Quamishli", "Ain Oussara"): keys are shared by chance across countries
    (Garabulli and Garoua Boulaï); there a people named says its country as well ("Qalqiliyah ...
    Palestinian residents"). A facility's town ("Miraflores" of a Chilean estate) likewise stays only
    where the other toponyms agree, or where there are none."""
    sure = {gazetteer.country[m.chosen] for m in mentions
            if m.chosen is not None and m.source not in _NOT_TOPONYMS and not _is_weak(m, gazetteer)}
    peoples = {gazetteer.country[m.chosen] for m in mentions if m.chosen is not None and m.source == "demonym"}
    for mention in mentions:
        chosen = mention.chosen
        if mention.source not in ("spelling", "facility") or chosen is None:
            continue
        if sure:
            keep = gazetteer.country[chosen] in sure
        else:
            keep = mention.source == "facility" or _close_sizeable_spelling(mention.name, chosen, gazetteer)
        keep = keep or (not sure and mention.source == "spelling" and gazetteer.country[chosen] in peoples)
        if not keep:
            mention.chosen = None


def _close_sizeable_spelling(name: str, entry: int, gazetteer: Gazetteer) -> bool:
    """A region or a city of 50,000+ people whose name is one letter from `name`."""
    sizeable = gazetteer.kind[entry] == "admin1" or gazetteer.population[entry] >= _MIN_POP_LONE_SPELLING
    return sizeable and one_letter_apart(plain_spelling(name), plain_spelling(gazetteer.name[entry]))


def _agree_repeated_names(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """A name the article repeats means one place throughout: the reading its container gave it once.

    An article says "Athens, Ga." once and "Athens" after; the bare repeats, read alone, would go
    to Greece. Only a mention placed by a container speaks for the others: a bare reading is no
    better evidence than theirs. A repeat with a resolved container of its own keeps its own
    reading ("Kerman" the city and "Kerman province" are told apart by `division_after`).
    Without a container, a mention read among all the namesakes speaks for one whose small
    namesakes were left out ("the Paris Public Library" is read among big cities only, so it
    follows "Paris Library to offer Illinois workshop").
    """
    groups: dict[tuple[str, bool], list[PlaceMention]] = {}
    for mention in mentions:
        if mention.candidates and mention.source not in ("modifier", "demonym", "mission"):
            groups.setdefault((normalize_name(mention.name), mention.division_after), []).append(mention)
    for group in groups.values():
        if len(group) < 2:
            continue
        placed = [m for m in group if m.chosen is not None
                  and (m.container_country or _resolved_container(m, gazetteer) is not None)]
        if placed:
            best = max(placed, key=lambda m: m.score)
            followers = [m for m in group if best.chosen in m.candidates]
        else:
            best = max((m for m in group if m.chosen is not None), key=lambda m: len(m.candidates), default=None)
            if best is None:
                continue
            followers = [m for m in group if set(m.candidates) < set(best.candidates)]
        for mention in followers:
            if mention.chosen != best.chosen and _resolved_container(mention, gazetteer) is None:
                mention.chosen, mention.score = best.chosen, best.score


def _drop_namesakes_abroad(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """"Palma, Cabo Delgado, Mozambique" found no Palma in Cabo Delgado: the bare "Palma"s of the same
    article are that unknown town too, not Palma de Mallorca; a bare reading in another country is dropped."""
    unknown: dict[str, set[str]] = {}
    for mention in mentions:
        holder = _resolved_container(mention, gazetteer) if mention.chosen is None else None
        if holder is not None:
            unknown.setdefault(normalize_name(mention.name), set()).add(gazetteer.country[holder])
    if not unknown:
        return
    for mention in mentions:
        countries = unknown.get(normalize_name(mention.name))
        if countries and mention.chosen is not None and _resolved_container(mention, gazetteer) is None \
                and gazetteer.kind[mention.chosen] == "town" and gazetteer.country[mention.chosen] not in countries:
            mention.chosen = None


# A town that lies in a county the article names elsewhere, or a county that holds a town the
# article names: local news names the town and its county apart ("Huntsville ... Walker County
# Sheriff"), and of the many Huntsvilles and Walker Counties the pair that fits is meant.
_COUNTY_AGREEMENT_WEIGHT = 1.5
_COUNTY_WORD_RE = re.compile(r"\b(?:County|Parish|Borough)\b")


def _county_agreement(mentions: list[PlaceMention], gazetteer: Gazetteer) -> list[dict[int, float]]:
    """Per mention, a bonus for each candidate town in a county another mention may name, and for
    each candidate county that holds a town another mention may name."""
    def key(entry: int) -> tuple[str, str, str]:
        return gazetteer.country[entry], gazetteer.admin1[entry], gazetteer.admin2[entry]

    counties, towns = [], []
    for mention in mentions:
        if mention.source in ("modifier", "demonym", "mission"):
            counties.append(set())
            towns.append(set())
            continue
        # "Henry" before "County" reaches Henry County by the name without its division word
        names_county = bool(_COUNTY_WORD_RE.search(mention.name)) or mention.division_after in ("county", "parish")
        candidates = mention.candidates[:20]
        counties.append({key(e) for e in candidates if gazetteer.kind[e] == "admin2"} if names_county else set())
        towns.append({key(e) for e in candidates if gazetteer.kind[e] == "town" and e not in mention.alternate}
                     if not names_county else set())
    found = []
    for index, mention in enumerate(mentions):
        other_counties = set().union(*(c for i, c in enumerate(counties) if i != index and c))
        other_towns = set().union(*(t for i, t in enumerate(towns) if i != index and t)) if counties[index] else set()
        found.append({entry: _COUNTY_AGREEMENT_WEIGHT for entry in mention.candidates[:40]
                      if key(entry) in (other_counties if gazetteer.kind[entry] == "town" else
                                        other_towns if gazetteer.kind[entry] == "admin2" else ())})
    return found


def _support_totals(support: list[frozenset[str]]) -> dict[str, int]:
    """How many mentions could lie in each country (see `_candidate_support`)."""
    totals: dict[str, int] = {}
    for codes in support:
        for code in codes:
            totals[code] = totals.get(code, 0) + 1
    return totals


def _fuzzy_candidates(mention: PlaceMention, gazetteer: Gazetteer, named_regions: Iterable[str] = ()) -> None:
    """Towns spelled differently ("Beir al-Abd") found by skeleton inside the mention's resolved container;
    without one, an unknown name's towns by skeleton in the regions the article names or its mission works
    in ("near Trudovskiye" with the OSCE SMM: Trudivskyi, Donetsk), else its sizeable namesakes worldwide
    up to transliteration ("Lattakia" -> Latakia, source "spelling", checked by `_drop_stray_spellings`)."""
    holder = _resolved_container(mention, gazetteer)
    if holder is None:
        if mention.source != "unresolved":
            return
        found = _towns_in_regions(mention.name, named_regions, gazetteer)
        if found:
            mention.candidates, mention.alternate, mention.source = found[:10], set(found[:10]), "fuzzy"
            return
        found = gazetteer.spelling_variants(mention.name)
        mention.candidates, mention.alternate = found[:10], set(found[:10])
        mention.source = "spelling" if found else mention.source
        return
    kind, code = gazetteer.kind[holder], gazetteer.country[holder]
    admin1 = gazetteer.admin1[holder] if kind != "country" else None
    # a hamlet's alternate spelling, too rare to trust alone, is trusted inside its named container
    found = [entry for entry, _alt in gazetteer.lookup(mention.name)
             if gazetteer.kind[entry] in ("town", "admin2") and _within(gazetteer, holder, entry)]
    found = found or gazetteer.fuzzy_towns(mention.name, code, admin1)
    if not found and admin1 is not None:
        found = gazetteer.fuzzy_towns(mention.name, code)
    mention.candidates = found[:10]
    mention.source = "fuzzy" if found else mention.source


def _resolved_container(mention: PlaceMention, gazetteer: Gazetteer) -> int | None:
    container, steps = mention.container, 0
    while container is not None and steps < 4:
        if container.chosen is not None and not _is_weak(container, gazetteer) \
                and gazetteer.kind[container.chosen] != "continent":  # "..., Africa" holds no one country
            return container.chosen
        container, steps = container.container, steps + 1
    return None


# Mentions that name a people or an actor, not a place: "Israeli airstrikes", "Saudi-led", "Houthi".
_PEOPLE_SOURCES = frozenset({"demonym", "modifier", "actor"})


def _placed_countries(mentions: list[PlaceMention], context: list[tuple[str | None, str | None]], index: int,
                      repeats: Iterable[int]) -> set[str]:
    """The countries the other mentions name by naming a place in them, not a people."""
    skip = {index, *repeats}
    return {code for i, (code, _region) in enumerate(context)
            if code and i not in skip and mentions[i].source not in _PEOPLE_SOURCES}


def _choose(mention: PlaceMention, gazetteer: Gazetteer, countries: dict[str, int], regions: set[str],
            points: list[tuple[float, float]],
            support: tuple[dict[str, int], frozenset[str]] = ({}, frozenset()),
            county_bonus: dict[int, float] | None = None, placed: set[str] | None = None,
            own_region: str | None = None) -> None:
    """Pick the mention's best candidate; `support` is (mentions per country that could lie in it,
    this mention's own such countries), so that only the other mentions' agreement counts;
    `county_bonus` is per candidate, from `_county_agreement`; `placed` is `_placed_countries` (None: all
    of `countries`); `own_region` is the region in `regions` that only this mention names."""
    candidates = _inside_container(mention, gazetteer)
    if mention.small_namesakes and _resolved_container(mention, gazetteer) is None:
        candidates = candidates + _small_namesakes_among_others(mention, gazetteer, regions, points)
    if not candidates:
        mention.chosen = None
        return
    totals, own = support
    county_bonus = county_bonus or {}
    scored = [(_score(mention, entry, gazetteer, countries, regions, points)
               + _AGREEMENT_WEIGHT * min(_others(totals, own, gazetteer.country[entry]), 3)
               + county_bonus.get(entry, 0.0), entry)
              for entry in candidates[:40]]
    mention.score, mention.chosen = max(scored)
    chosen = mention.chosen
    country = _country_named_outright(mention, gazetteer, candidates)
    if country is not None and gazetteer.kind[chosen] == "town" and mention.container_country is None \
            and _resolved_container(mention, gazetteer) is None \
            and not _among_the_others(chosen, gazetteer, regions, points):
        # "Russia" is the country, not Russia, Ohio: a namesake town needs its container, or
        # the article's other places around it ("Palestine" among the towns of Anderson County, Texas)
        mention.chosen, mention.score = country, next(score for score, entry in scored if entry == country)
        return
    if countries and gazetteer.country[chosen] not in countries and gazetteer.kind[chosen] == "town" \
            and gazetteer.population[chosen] < _MIN_POP_ABROAD \
            and (mention.source != "entity" or gazetteer.population[chosen] < _MAX_POP_HAMLET_ABROAD
                 or chosen in mention.alternate) \
            and (placed is None or placed or gazetteer.population[chosen] < _MAX_POP_HAMLET_ABROAD):
        # "Police District 4, Kabul": a small town abroad is a coincidence, and so is a town abroad
        # reached by one of its foreign spellings ("Kirni sector, Poonch" is not Kearny, New Jersey);
        # the peoples a text names are no place ("Israeli airstrikes on Iranian militias in Dar'a")
        mention.chosen = None
    elif mention.numbered and gazetteer.country[chosen] not in countries:
        mention.chosen = None
    elif mention.quarter and (regions or points) \
            and not _among_the_others(chosen, gazetteer, regions - {own_region}, points):
        mention.chosen = None  # a quarter's namesake town far from the places the text names
    elif mention.source in ("pattern", "road") and _unconfirmed_hamlet(mention, chosen, gazetteer, countries) \
            and (countries or len(candidates) > 1):
        # an untagged capitalised word naming a hamlet, with nothing to confirm it, is read as the
        # best-scoring sizeable place of that name ("demonstrated in Cavite": the province, not the
        # hamlet of 2,400); the one place of that name in a text that names no country at all
        # ("blocked the main road in Halba") stands
        mention.score, mention.chosen = max(
            ((score, entry) for score, entry in scored
             if not _unconfirmed_hamlet(mention, entry, gazetteer, countries)), default=(0.0, None))


def _unconfirmed_hamlet(mention: PlaceMention, entry: int, gazetteer: Gazetteer, countries: dict[str, int]) -> bool:
    """A place under 5,000 people outside the countries the article names and outside the mention's container."""
    return gazetteer.population[entry] < MIN_POP_UNTAGGED \
        and gazetteer.country[entry] not in countries and _container_bonus(mention, entry, gazetteer) <= 0


def _small_namesakes_among_others(mention: PlaceMention, gazetteer: Gazetteer, regions: set[str],
                                  points: list[tuple[float, float]]) -> list[int]:
    """The mention's small namesakes (`PlaceMention.small_namesakes`) in a region another place names
    or near another place; the region of the mention's own first reading is no evidence for them."""
    if mention.chosen is not None:
        regions = regions - {f"{gazetteer.country[mention.chosen]}|{gazetteer.admin1[mention.chosen]}"}
    return [e for e in mention.small_namesakes if _among_the_others(e, gazetteer, regions, points)]


def _among_the_others(entry: int, gazetteer: Gazetteer, regions: set[str], points: list[tuple[float, float]]) -> bool:
    """True when the entry lies in a region the article names or near a place it chose."""
    if f"{gazetteer.country[entry]}|{gazetteer.admin1[entry]}" in regions:
        return True
    return any(distance_km(gazetteer.lat[entry], gazetteer.lon[entry], lat, lon) < _NEAR_KM for lat, lon in points)


def _country_named_outright(mention: PlaceMention, gazetteer: Gazetteer, candidates: list[int]) -> int | None:
    """The country entry the mention's name spells exactly (not by an alternate spelling), if any."""
    return next((e for e in candidates[:40] if gazetteer.kind[e] == "country" and e not in mention.alternate), None)


_NEAR_KM = 150
_AGREEMENT_WEIGHT = 0.4  # per other mention that could lie in the candidate's country, at most 3


def _others(totals: dict[str, int], own: frozenset[str], code: str) -> int:
    return totals.get(code, 0) - (code in own) if totals else 0


def _inside_container(mention: PlaceMention, gazetteer: Gazetteer) -> list[int]:
    """The candidates that lie inside the mention's resolved container; all of them when it has none.

    A named container outranks every prior: "Mansura neighborhood, Shaykh Uthman, Adan, Yemen" is
    not Mansura, Louisiana, however the population weighs. When no candidate fits, the name is
    looked for by spelling inside the container (`_fuzzy_candidates`), and otherwise left unresolved
    so the incident falls back to the container itself.
    """
    holder = _resolved_container(mention, gazetteer)
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
                  and gazetteer.kind[e] == "town" and (_sizeable_and_near(gazetteer, holder, e)
                                                      or _near_division(gazetteer, holder, e, mention))]
    return inside


# How far outside its named admin1 a town spelled exactly as written may lie (GeoNames' and
# coders' borders disagree: "Tarmiyah, Saladin" is in GeoNames' Baghdad, 60 km from Saladin's).
_BORDER_SLACK_KM = 150


def _sizeable_and_near(gazetteer: Gazetteer, holder: int, entry: int) -> bool:
    """A sizeable town not too far from the container: "Shahpur sector (Poonch district, J&K)" is no
    Shahpur of another state, nor "Ilorin (Borgu LGA, Niger)" the Ilorin of Kwara."""
    return gazetteer.population[entry] >= MIN_POP_NESTED and distance_km(
        gazetteer.lat[holder], gazetteer.lon[holder], gazetteer.lat[entry], gazetteer.lon[entry]) < _SIZEABLE_SLACK_KM


_SIZEABLE_SLACK_KM = 300


def _near_division(gazetteer: Gazetteer, holder: int, entry: int, mention: PlaceMention) -> bool:
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


def _score(mention: PlaceMention, entry: int, gazetteer: Gazetteer, countries: dict[str, int], regions: set[str],
           points: list[tuple[float, float]]) -> float:
    """How likely `entry` is the place `mention` means; the weights are round numbers set by hand
    on our own sentences (tests/extract/test_locations.py), ordered: container > named country
    or region > population."""
    kind, code = gazetteer.kind[entry], gazetteer.country[entry]
    score = math.log10(gazetteer.population[entry] + 10) / 7
    score += {"continent": 1.0, "country": 1.0, "admin1": 0.3, "admin2": 0.0, "town": 0.2}[kind]
    score += 1.0 if entry in gazetteer.capitals else 0.0  # world capitals outrank namesakes abroad (Moscow, Idaho)
    if entry in mention.alternate and not (mention.division_after and kind in ("admin1", "admin2")):
        score -= 0.6
    if countries.get(code):
        score += 0.8 + 0.1 * min(countries[code], 3)
    elif countries and kind not in WHOLE_COUNTRY_KINDS:
        score -= 1.0  # a town abroad when the article names its countries: "Police District 1, Farah"
    if mention.is_container and not _holds_city_quarter(mention, gazetteer):
        score += 1.0 if kind in ("admin1", "admin2") else -0.3
        score += _HOLDS_CONTAINED_BONUS if _holds_contained(mention, entry, gazetteer) else 0.0
    if f"{code}|{gazetteer.admin1[entry]}" in regions and kind != "admin1":
        score += 0.8
    score += _container_bonus(mention, entry, gazetteer)
    if mention.division_after:
        score += 1.5 if kind in ("admin1", "admin2") else -1.0
        score += 0.3 if normalize_name(gazetteer.name[entry]) != normalize_name(mention.name) else 0.0
    elif kind == "admin1" and _has_capital_namesake(mention, entry, gazetteer):
        score -= 0.8  # "Kerman" alone is the city, not Kerman province
    if points and kind not in WHOLE_COUNTRY_KINDS:
        here_lat, here_lon = gazetteer.lat[entry], gazetteer.lon[entry]
        # a point 4.5 degrees of latitude away is over 500 km away: no distance to compute
        nearest = min((distance_km(here_lat, here_lon, lat, lon) for lat, lon in points if abs(lat - here_lat) < 4.5),
                      default=math.inf)
        score += 0.5 if nearest < _NEAR_KM else (0.2 if nearest < 500 else 0.0)
    return score


# "Cartagena, Bolivar department": of the three Bolívars the one that holds a Cartagena (Colombia's)
# is meant; about as strong as a named country.
_HOLDS_CONTAINED_BONUS = 1.0


# A city this big has quarters the gazetteer does not know ("Sarjikhana neighborhood, Mosul").
_MIN_POP_CITY_OF_QUARTERS = 100_000


def _holds_city_quarter(mention: PlaceMention, gazetteer: Gazetteer) -> bool:
    """True when the container holds an unknown name and may be a city big enough to have quarters:
    then the city, not its namesake district, is the container ("Old City area, Mosul, Nineveh")."""
    if mention.contained is None or mention.contained.candidates:
        return False
    return any(gazetteer.kind[e] == "town" and gazetteer.population[e] >= _MIN_POP_CITY_OF_QUARTERS
               and e not in mention.alternate for e in mention.candidates[:10])


def _holds_contained(mention: PlaceMention, entry: int, gazetteer: Gazetteer) -> bool:
    """True when `entry` contains one of the candidates of the name this container follows."""
    contained = mention.contained
    if contained is None or gazetteer.kind[entry] == "town":
        return False
    return any(_contains(gazetteer, entry, candidate) for candidate in contained.candidates[:20]
               if candidate not in contained.alternate)


def _container_bonus(mention: PlaceMention, entry: int, gazetteer: Gazetteer) -> float:
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


def _has_capital_namesake(mention: PlaceMention, admin1: int, gazetteer: Gazetteer) -> bool:
    return any(gazetteer.kind[e] == "town" and gazetteer.country[e] == gazetteer.country[admin1]
               and gazetteer.admin1[e] == gazetteer.admin1[admin1] for e in mention.candidates[:10])

