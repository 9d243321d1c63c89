"""What the pipeline's records say, read the way each dataset codes it.

The extractors report what the text says (killed, perpetrators killed, the low and
best of each figure); the counting conventions of each dataset are applied here,
at the edge, as an export would apply them:

- GTD `nkill` counts the perpetrators' deaths too: killed best + perpetrators_killed best;
- ACLED `fatalities` is the most conservative figure: the lowest `low` among the
  killed figures, plus the perpetrators' (ACLED counts every reported death);
- GTD `nwound` counts the perpetrators' injuries too (its `nwoundte` is the part of them):
  injured best + perpetrators_injured best; `nhostkid` = kidnapped best.

Where an incident carries several figures of one category (a toll repeated or
updated within the article), GTD takes the largest best (the fullest toll the
article gives) and ACLED the smallest low.

A figure flagged `shared_by:N` is the total of N incidents ("killed across both
attacks", "fatalities split between 3 events"); each dataset codes a share of it
in each incident: GTD splits the total as evenly as it can, so the share nearest to
total/N (halves up) matches most of its rows; ACLED rounds down ("20 fatalities
split between 3 events" is coded 6), its conservative rule again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from eventwire.eval.scoring import Filler, normalise_filler
from eventwire.records import Actor, ArticleRecord, Figure, IncidentRecord, Record, Span, StatementRecord

NO_CLASS = "Unknown"

# Words that describe a perpetrator without naming a group ("unidentified gunmen"):
# such an actor is GTD's gname "Unknown". Taken from GTD's and ACLED's own
# wording for unnamed perpetrators.
_GENERIC_PERPETRATOR_WORDS = frozenset(["unknown", "unidentified", "armed", "gunmen", "gunman", "assailants", "assailant", "attackers", "attacker", "militants", "militant", "men", "man", "suspected", "suspects", "suspect", "individuals", "individual", "people", "persons", "person", "group", "groups", "insurgents", "insurgent", "terrorists", "terrorist", "rebels", "rebel", "bandits", "bandit", "extremists", "extremist", "fighters", "fighter", "perpetrators", "perpetrator", "members", "member", "some", "several", "two", "three", "four", "five", "masked", "motorcyclists", "a", "an", "the", "of", "and", "or", "unnamed", "alleged"])

_ORGANISATION_KINDS = ("group", "organisation", "organization", "org", "party", "military", "government",
                       "militia", "force", "state", "agency")


def first_incident(records: Iterable[Record]) -> IncidentRecord | None:
    """The article's main incident: its first incident record (the README's rule)."""
    return next((r for r in records if isinstance(r, IncidentRecord)), None)


def article_record(records: Iterable[Record]) -> ArticleRecord | None:
    """The article's own record (its places are what geoparsing scores)."""
    return next((r for r in records if isinstance(r, ArticleRecord)), None)


def span_texts(spans: Iterable[Span]) -> tuple[str, ...]:
    """The evidence text of each span."""
    return tuple(span.text for span in spans)


def figures_of(incident: IncidentRecord | None, category: str) -> list[Figure]:
    """The incident's figures of one category, leaving out those flagged as background (another event)."""
    return [f for f in (incident.figures if incident else ())
            if f.category == category and "background" not in f.flags]


_SHARED = "shared_by:"


def _n_sharing(figure: Figure) -> int:
    """How many incidents a figure is the total of (1 unless flagged `shared_by:N`)."""
    return next((int(flag.removeprefix(_SHARED)) for flag in figure.flags if flag.startswith(_SHARED)), 1)


def _gtd_share(value: int, n: int) -> int:
    """GTD's share of a total split between n incidents: the nearest even share, halves up."""
    return (value + n // 2) // n


def _acled_share(value: int, n: int) -> int:
    """ACLED's share of a total split between n events: rounded down."""
    return value // n


def _largest_best(figures: Sequence[Figure]) -> int | None:
    values = [(f.best if f.best is not None else f.low, _n_sharing(f)) for f in figures]
    values = [_gtd_share(v, n) for v, n in values if v is not None]
    return max(values) if values else None


def _smallest_low(figures: Sequence[Figure]) -> int | None:
    values = [(f.low if f.low is not None else f.best, _n_sharing(f)) for f in figures]
    values = [_acled_share(v, n) for v, n in values if v is not None]
    return min(values) if values else None


def _add(*values: int | None) -> int | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


def gtd_count(incident: IncidentRecord | None, column: str) -> tuple[int | None, tuple[str, ...]]:
    """GTD's nkill / nwound / nhostkid from the incident, with the evidence it came from."""
    categories = {"nkill": ("killed", "perpetrators_killed"), "nwound": ("injured", "perpetrators_injured"),
                  "nhostkid": ("kidnapped",)}[column]
    groups = [figures_of(incident, category) for category in categories]
    value = _add(*(_largest_best(group) for group in groups))
    return value, tuple(text for group in groups for f in group for text in span_texts(f.evidence))


def acled_fatalities(incident: IncidentRecord | None) -> tuple[int | None, tuple[str, ...]]:
    """ACLED's fatalities: the most conservative killed figure plus perpetrators killed; a count the
    coder states outright ("fatalities coded as 10") is taken as it is, and a toll ("10 fatalities",
    "the death toll rose to 12") already counts everyone, so nothing is added to it."""
    groups = [figures_of(incident, "killed"), figures_of(incident, "perpetrators_killed")]
    coded = [f for f in groups[0] if "coded" in f.flags]
    if coded:
        return _smallest_low(coded[:1]), span_texts(coded[0].evidence)
    totals = [f for f in groups[0] if "total" in f.flags]
    if totals:  # "10 fatalities": a toll counts everyone, the perpetrators too
        return _smallest_low(totals), tuple(text for f in totals for text in span_texts(f.evidence))
    value = _add(*(_smallest_low(group) for group in groups))
    return value, tuple(text for group in groups for f in group for text in span_texts(f.evidence))


def perpetrators(incident: IncidentRecord | None) -> list[Actor]:
    """Actors coded as perpetrators, denials left out (a denial is not an attribution)."""
    return [a for a in (incident.actors if incident else ()) if a.role == "perpetrator" and a.stance != "denied"]


def fold_name(name: str) -> str:
    """A name in lower case with spaces collapsed: the normaliser when no alias table exists."""
    return " ".join(name.lower().split())


def default_group_normaliser() -> Callable[[str], str]:
    """The actor extractor's alias table when it exposes one (`normalise_group`), else case folding."""
    try:
        from eventwire.extract.actors import normalise_group  # type: ignore[attr-defined]
    except (ImportError, AttributeError):
        return fold_name

    def normalise(name: str) -> str:
        canonical = normalise_group(name)
        return " ".join(str(canonical or name).lower().split())

    return normalise


_GROUP_WORDS = frozenset(["extremists", "extremist", "militants", "militant", "rebels", "rebel", "group", "movement", "faction", "fighters", "members", "insurgents"])


def _group_variants(name: str, normalise: Callable[[str], str]) -> set[str]:
    """The forms a group name is compared by: canonical, without parentheses, the parenthesised alias."""
    variants = {normalise(name)}
    outside = re.sub(r"\([^)]*\)", " ", name)
    inside = re.findall(r"\(([^)]*)\)", name)
    variants.update(normalise(v) for v in (outside, *inside) if v.strip())
    out = set()
    for variant in variants:
        words = [w.rstrip("s") if len(w) > 4 else w for w in normalise_filler(variant).split()
                 if w not in _GROUP_WORDS and w not in ("of", "and")]
        if words:
            out.add(" ".join(words))
    return out


def same_group(gold: str, predicted: str, normalise: Callable[[str], str]) -> bool:
    """True when two group names are one group: after the alias table, equal or one inside the other.

    "Houthi extremists (Ansar Allah)" matches "Houthis" and "Ansar Allah"; containment
    also lets "Islamic State" match ISIL's long name (and, leniently, its Khorasan chapter).
    """
    gold_forms, predicted_forms = _group_variants(gold, normalise), _group_variants(predicted, normalise)
    return any(g == p or f" {g} " in f" {p} " or f" {p} " in f" {g} " for g in gold_forms for p in predicted_forms)


def is_named_group(actor: Actor) -> bool:
    """True when the actor names a group or person rather than describing one ("unidentified gunmen")."""
    if actor.kind and actor.kind.lower() in ("unidentified", "unnamed", "description", "generic", "unknown"):
        return False
    words = actor.name.replace("-", " ").split()
    return any(word.lower().strip(".,()'\"") not in _GENERIC_PERPETRATOR_WORDS for word in words) and any(
        word[:1].isupper() for word in words)


def gtd_gname(incident: IncidentRecord | None) -> tuple[Actor | None, str]:
    """The perpetrator GTD would code (first named one) and its name; 'Unknown' when none is named."""
    actor = next((a for a in perpetrators(incident) if is_named_group(a)), None)
    return actor, actor.name if actor else NO_CLASS


def gtd_claimed(incident: IncidentRecord | None, records: Iterable[Record]) -> int:
    """1 when a perpetrator claimed the attack (in the incident or a claim record), else 0."""
    if any(a.stance == "claimed" for a in perpetrators(incident)):
        return 1
    return int(any(isinstance(r, StatementRecord) and r.kind == "claim" for r in records))


def gtd_guncertain(actor: Actor | None) -> int:
    """1 when the coded perpetrator is only suspected, else 0 (GTD's guncertain1).

    GTD codes "sources attributed the attack to X" as a firm attribution (guncertain1 0
    in 1,295 of 1,316 such 2021 rows) and "suspected" as uncertain, so an accused
    perpetrator counts as certain here.
    """
    return int(actor is not None and actor.stance == "suspected")


def actor_strings(actor: Actor) -> tuple[str, ...]:
    """The strings an actor may be matched by: its name, aliases and evidence."""
    return (actor.name, *actor.aliases, *span_texts(actor.evidence))


def is_organisation(actor: Actor) -> bool:
    """True for a group rather than a person (kind when the extractor says, else a named group)."""
    if actor.kind and actor.kind.lower() != "unidentified":
        return any(word in actor.kind.lower() for word in _ORGANISATION_KINDS)
    if actor.kind:
        return False
    return is_named_group(actor)


# Target words naming a thing, not people (MUC-4 splits physical from human targets).
_PHYSICAL_WORDS = frozenset(["building", "buildings", "bridge", "bridges", "office", "offices", "station", "stations", "vehicle", "vehicles", "car", "cars", "bus", "buses", "truck", "trucks", "tower", "towers", "pylon", "pylons", "embassy", "headquarters", "plant", "facility", "facilities", "home", "homes", "house", "houses", "school", "schools", "church", "churches", "mosque", "mosques", "temple", "hotel", "hospital", "bank", "banks", "store", "shop", "shops", "market", "airport", "aircraft", "plane", "helicopter", "ship", "vessel", "pipeline", "road", "highway", "railway", "train", "installation", "installations", "property", "properties", "camp", "base", "barracks", "checkpoint", "post", "line", "lines", "network", "substation", "residence", "restaurant", "company", "factory", "warehouse", "power", "hall", "ministry", "consulate", "court", "courthouse", "prison", "jail", "dam", "antenna", "mast", "farm", "farms", "shelter", "clinic", "university", "college"])


def is_physical(texts: Iterable[str]) -> bool:
    """True when a target's words name a thing (a building, a vehicle, a line) rather than people."""
    return any(word.strip(".,'\"").lower() in _PHYSICAL_WORDS for text in texts for word in text.split())


def role_fillers(incident: IncidentRecord | None, role: str) -> list[Filler]:
    """The incident's fillers for one argument role (see `ROLE_SOURCES` for where each comes from)."""
    if incident is None:
        return []
    return ROLE_SOURCES[role](incident)


def _actors_with(incident: IncidentRecord, roles: tuple[str, ...],
                 keep: Callable[[Actor], bool] = lambda actor: True) -> list[Filler]:
    """Fillers for actors in these roles; an unnamed one ("Unknown") is matched by its words in the text."""
    fillers = []
    for actor in incident.actors:
        if actor.role not in roles or not keep(actor) or actor.stance == "denied":
            continue
        strings = actor_strings(actor) if is_named_group(actor) else (*actor.aliases, *span_texts(actor.evidence))
        if strings:
            fillers.append(Filler(strings[0], strings))
    return fillers


def _evidence_or(label: str, spans: Sequence[Span]) -> tuple[str, ...]:
    """What a target or weapon is matched by: the text it was read from (its category label only when
    it has none), so a category name ("civilians") never stands in for the words of the text."""
    return span_texts(spans) or (label,)


def _targets(incident: IncidentRecord, physical: bool | None) -> list[Filler]:
    out = []
    for target in incident.targets:
        texts = _evidence_or(target.label, target.evidence)
        if physical is None or is_physical(texts) == physical:
            out.append(Filler(texts[0], texts))
    return out


def _weapons(incident: IncidentRecord) -> list[Filler]:
    """Named instruments: a weapon implied by the attack type (GTD codes it) names nothing in the text."""
    fillers = []
    for weapon in (w for w in incident.weapons if not w.implied):
        texts = _evidence_or(weapon.kind, weapon.evidence)
        fillers.append(Filler(texts[0], texts))
    return fillers


def _place(incident: IncidentRecord) -> list[Filler]:
    place = incident.location
    if place is None:
        return []
    names = [place.name, place.venue, place.locality, *span_texts(place.evidence)]
    return [Filler(place.name, tuple(n for n in names if n))]


ROLE_SOURCES: dict[str, Callable[[IncidentRecord], list[Filler]]] = {
    # MUC-4's perpetrator individual / organisation split follows the actor's kind.
    "perp_individual": lambda i: _actors_with(i, ("perpetrator",), lambda a: not is_organisation(a)),
    "perp_organization": lambda i: _actors_with(i, ("perpetrator",), is_organisation),
    "perpetrator": lambda i: _actors_with(i, ("perpetrator",)),
    "physical_target": lambda i: _targets(i, physical=True),
    "human_target": lambda i: _actors_with(i, ("victim", "target")) + _targets(i, physical=False),
    "target": lambda i: _targets(i, physical=None) + _actors_with(i, ("target",)),
    "victim": lambda i: _actors_with(i, ("victim",)) + _targets(i, physical=False),
    "instrument": _weapons,
    "place": _place,
}
