"""Cues the three place modules share: the word lists of patterns/location_cues.tsv, and what they build.

`locations` (finding mentions), `place_resolution` (which entry a mention means) and
`incident_location` (which place is the incident's) each read some of these; the ones
only one of them reads stay in that module, so each table has a single home.
"""

from __future__ import annotations

import re

from eventwire.extract.patterns import load_table

# Below this population a town reached only by an alternate name, or a capitalised word that NER
# did not tag, is too likely a coincidence ("Police", Poland; "Watson", Saskatchewan).
MIN_POP_UNTAGGED = 5_000
MIN_POP_NESTED = 50_000


# "Colonia Pemex", "Barangay Kapitan Pepe": a neighbourhood's kind word opening its name.
QUARTER_HEADS = frozenset({"colonia", "barrio", "barangay", "fraccionamiento", "kampung", "kelurahan", "mohalla",
                           "mahalla", "quartier", "bairro", "vila", "sitio", "purok"})


def cues(kind: str) -> tuple[str, ...]:
    """The cues of one kind in patterns/location_cues.tsv ("incident", "near", "venue", "settlement" ...)."""
    return tuple(cue for cue_kind, cue in load_table("location_cues.tsv") if cue_kind == kind)


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of `words`, longest first so that the longest cue wins."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


SETTLEMENT = alternation(cues("settlement"))
# What may stand between a name and its container: "X, Y", "X village, Y", "X (Y, Z)", "X in Y province".
CONTAINER_GAP_RE = re.compile(r"^(?:\s+(?:" + SETTLEMENT + r")){0,2}\s*(?:,|\(|\bin\b)\s*(?:the\s+)?$", re.IGNORECASE)


# --- dotted state abbreviations ("Erie, Pa.", "W.Va.") ----------------------------------------
# The admin1 aliases written with a dot (patterns/admin1_aliases.tsv) are the newspaper abbreviations
# of US states and Canadian provinces. Names are indexed without dots, so "PA" (the Palestinian
# Authority) or "Pa" would find Pennsylvania too: an abbreviation counts only as written, dot and case
# included. Those that are also words ("Mass.", "Ill.", "300 B.C.") count only in "Town, Abbr." form.
_DOTTED_ALIASES = tuple((alias, f"{country}|{admin1}") for alias, country, admin1 in load_table("admin1_aliases.tsv")
                        if alias.endswith("."))
_WORDLIKE_ABBREVIATIONS = frozenset({"Del.", "Ill.", "Ind.", "La.", "Mass.", "Miss.", "Mo.", "Ore.", "Penn.", "Wash.",
                                     "Man."})  # "a Man."
# "300 B.C.", "the fifth century B.C.": the era, not British Columbia.
_ERA_BEFORE_RE = re.compile(r"(?:\d|centur(?:y|ies)|millenni(?:um|a))\s*$", re.IGNORECASE)
_TOWN_COMMA_BEFORE_RE = re.compile(r"[A-Z][\w'’.-]*,\s*$")
_STATE_ENTRIES: dict[int, tuple] = {}  # id -> (gazetteer, {abbreviation: its state's entries})


def confirm_abbreviations(text: str, mentions: list, gazetteer) -> list:
    """`mentions` with each state abbreviation kept only where the text writes it as one.

    A written abbreviation names the state alone ("Erie, Pa." is not Pa, Burkina Faso); an
    unwritten one loses the state (and the mention, when nothing else is left).
    """
    from eventwire.extract.gazetteer import normalize_name

    cached = _STATE_ENTRIES.get(id(gazetteer))
    states = cached[1] if cached is not None and cached[0] is gazetteer else None
    if states is None:
        states = {}
        _STATE_ENTRIES[id(gazetteer)] = (gazetteer, states)
        for alias, key in _DOTTED_ALIASES:
            if key in gazetteer.admin1_entry:
                states.setdefault(normalize_name(alias), set()).add(gazetteer.admin1_entry[key])
    kept = []
    for mention in mentions:
        entries = states.get(normalize_name(mention.name))
        if entries and mention.candidates:
            if _written_abbreviation(text, mention.start, mention.end):
                mention.candidates = [e for e in mention.candidates if e in entries]
            else:
                mention.candidates = [e for e in mention.candidates if e not in entries]
            if not mention.candidates:
                continue
        kept.append(mention)
    return kept


def _written_abbreviation(text: str, start: int, end: int) -> bool:
    written = text[start:end] if text[end - 1:end] == "." else text[start:end + 1]
    if written == "B.C." and _ERA_BEFORE_RE.search(text, max(0, start - 20), start):
        return False
    return any(alias == written and (alias not in _WORDLIKE_ABBREVIATIONS
                                     or _TOWN_COMMA_BEFORE_RE.search(text, max(0, start - 40), start)
                                     or _PARTY_BEFORE_RE.search(text, max(0, start - 3), start))
               for alias, _key in _DOTTED_ALIASES)


# "Sen. Byron Dorgan, D-N.D.", "Rep. Jo Ann Davis, R-Va.": a lawmaker's party and state.
_PARTY_BEFORE_RE = re.compile(r"(?<![\w-])[DRI]-$")
PARTY_STATE_RE = re.compile(r"(?<![\w-])[DRI]-(" + alternation(tuple(alias for alias, _key in _DOTTED_ALIASES))
                            + r")(?![\w])")
