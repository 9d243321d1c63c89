"""Counted groups listed under one outcome: who "X, Y and Z were killed" or "killed X and Y" counts.

Coder summaries and wire copy list the dead as coordinated noun phrases, mixing
numbered groups, single people and groups of unknown size:
"The judge, his wife, and his two sons were killed" (4), "One Somali soldier, one
Djiboutian soldier and three assailants were killed" (1 + 1 + 3 attackers), "shot and
killed a councillor and a guard" (2). This module splits such a list into its conjuncts
and reads each one as a `Group`; `figures.py` turns groups into figures.

Rules, each chosen because the other reading is rarer in news text:
- a conjunct that holds a verb, starts with a preposition or names no person ends the
  list ("Gunmen stormed the village and two people were killed" lists two people only);
- "X, a Y," after a name is an apposition, not another person ("Wadan, a spokesperson,
  and two colleagues" is 3);
- "N people, including A and B were killed" counts N: the parts after "including" are
  inside the total (an aside closed by a comma is skipped the same way);
- a plural without a number ("militia members", "the boys") or "an unknown number of"
  is a group of unknown size: it adds nothing but does not end the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.extract.numbers import QUANTITY, Quantity, quantity_from_match
from eventwire.extract.patterns import figure_words as words

# Between conjuncts: ", ", ", and ", " and ", " as well as ".
_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+", re.IGNORECASE)
_TRAILING_SEPARATOR = re.compile(rf"(?:{_SEPARATOR.pattern})(?:(?:the|his|her|their|its)\s+)?$", re.IGNORECASE)
# After a matched group, the rest of its noun phrase may come first ("killed a police[ officer] and ...").
_LEADING_SEPARATOR = re.compile(rf"\s*(?:[\w'-]+\s+){{0,3}}?[\w'-]*(?:{_SEPARATOR.pattern})", re.IGNORECASE)
# Where the subject of a passive outcome can start: a clause boundary, never a comma (lists hold commas).
_CLAUSE_START = re.compile(r"[.;:!?]|--|\b(?:while|when|whereas|but|after|because|as|that|which|who|whom|where|"
                           r"since|if|although|though|said|says|say|reported|according to|added|stated)\b",
                           re.IGNORECASE)
# Where an object list ends: a preposition, a clause word or punctuation other than a comma.
_OBJECT_END = re.compile(r"[.;:!?]|--|\s(?:in|at|on|near|during|while|after|before|with|from|inside|outside|as(?! well as)|"
                         r"when|who|whom|which|that|because|for|by|later|shortly|then|earlier|over|since|"
                         r"following|amid|under|along|across|between|within|into|onto|upon|around)\b",
                         re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^()]*\)")
_CLOSED_INCLUDING = re.compile(r",\s*including\b[^,;.]*,", re.IGNORECASE)
_OPEN_INCLUDING = re.compile(r"\s*,?\s*\bincluding\s+(?P<inner>(?:(?!\b(?:were|was|are|is|have|has|had)\b)[^,;.])*)$",
                             re.IGNORECASE)
# "left 3 fighters and 1 policeman dead": the verb before the first object shares the outcome.
_LEFT_VERB = re.compile(rf"\b(?:{words.LEFT_VERBS})\s+", re.IGNORECASE)
_NUMBERED = re.compile(rf"(?:(?:the|his|her|their|its|another)\s+)?(?P<quantity>{QUANTITY})\s+(?P<rest>.+)$",
                       re.IGNORECASE | re.DOTALL)
_UNKNOWN = re.compile(r"(?:an?\s+)?(?:unknown|undetermined|unspecified|undisclosed|unconfirmed)\s+number\b",
                      re.IGNORECASE)
_PERSON = re.compile(rf"^(?:\S+\s+){{0,6}}?(?:{words.PERSON_NOUNS}|{words.ROLE_NOUNS})\b", re.IGNORECASE)
_ANY_PERSON = re.compile(rf"\b(?:{words.PERSON_NOUNS}|{words.ROLE_NOUNS})\b", re.IGNORECASE)
_NOT_PEOPLE = re.compile(rf"\b(?:{words.NOT_PEOPLE_NOUNS})\b", re.IGNORECASE)
_PERPETRATOR = re.compile(rf"\b(?:{words.PERPETRATOR_NOUNS})\b", re.IGNORECASE)
_SINGULAR_START = re.compile(r"(?i:the|a|an|his|her|their|its|another|one other)\b|[A-Z]")
_DETERMINERS = re.compile(r"\s*(?:(?:the|his|her|their|its|both|also)\s*)*$", re.IGNORECASE)
# Nouns for a body of people of unknown size: "Police and two civilians were killed" counts two.
_COLLECTIVE = re.compile(r"\b(?:police|army|military|troops|forces|security|militia|personnel|staff|crew|"
                         r"family|families|government|authorities|group|team|unit|battalion|brigade|convoy|"
                         r"patrol|squad|platoon|household|community|people|public)\b", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|al|bin|ibn|de|da|van|von))*")
_NAME_ONLY = re.compile(r"(?:[A-Z][\w'.-]*\s+){1,4}[A-Z][\w'-]*")  # "Col. Hamidullah" is no description
# A count other than "a"/"an" (those start descriptions: "Wadan, a spokesperson").
_COUNT_START = re.compile(rf"(?:(?:the|his|her|their|its)\s+)?(?!an?\s)(?:{QUANTITY})\s", re.IGNORECASE)
_PLACE_PREPOSITION = re.compile(r"(?:in|at|near|on|from|of|outside|inside|around)\s", re.IGNORECASE)
# A piece with one of these is a clause, never an apposition: "Haqyar, the governor, was killed".
_CLAUSE_VERB = re.compile(r"\b(?:was|were|is|are|has|have|had|been|being|killed|died|injured|wounded)\b",
                          re.IGNORECASE)
_AND = re.compile(r"\b(?:and|as well as)\b", re.IGNORECASE)
# Heads that may hold victims and attackers alike: "48 people, including 20 soldiers and 28 assailants".
_NEUTRAL = re.compile(r"\b(?:people|persons|individuals|others|victims|casualties|dead|deaths)\b", re.IGNORECASE)
# The tagger calls many names places or groups ("Nazari" GPE); joined by "and" to a person, a
# capitalised word is a name unless it is a date or a number.
_NOT_A_NAME = frozenset(["DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"])
_NOT_A_START = frozenset(["ADP", "VERB", "AUX", "CCONJ", "SCONJ", "ADV", "PART", "PUNCT", "INTJ"])
_VERB_TAGS = frozenset(["VBD", "VBZ", "VBP", "VB", "MD"])


@dataclass(frozen=True, slots=True)
class Group:
    """One conjunct of a list: offsets into the sentence text; `quantity` None for an unknown number."""

    start: int
    end: int
    quantity: Quantity | None
    quantity_start: int
    quantity_end: int
    perpetrator: bool


def groups_before(ctx, sentence, end: int, own_perpetrator: bool = False) -> tuple[list[Group], Group | None]:
    """The groups coordinated before the group that starts at `end` ("The mayor and [his two sons]"),
    and the total it is part of when it stands inside an unclosed "N people, including ..." aside.

    `own_perpetrator` says whether that group counts attackers: "21 militants including 2 commanders
    and [4 soldiers]" cannot hold soldiers among militants, so there the head is a coordinated group."""
    text = sentence.text
    start = _clause_start(text, end)
    masked = _mask(text, start, end)
    including = _OPEN_INCLUDING.search(masked, start, end)
    if including:
        head = _groups_ending(ctx, sentence, masked, start, including.start(), and_seen=False)
        if not head or head[-1].quantity is None:
            return [], None
        if head[-1].perpetrator != own_perpetrator and not _NEUTRAL.search(text, head[-1].start, head[-1].end):
            return head, None
        return head[:-1], head[-1]
    separator = _TRAILING_SEPARATOR.search(masked, start, end)
    if separator is None or not _AND.search(separator.group()):
        return [], None  # "In Hermosillo, Sonora, [a man]": commas alone make no list
    return _groups_ending(ctx, sentence, masked, start, separator.start(), and_seen=True), None


def subject_groups(ctx, sentence, end: int) -> list[Group]:
    """The whole subject list that ends at `end` ("The driver and an assailant" before "were killed")."""
    text = sentence.text
    start = _clause_start(text, end)
    return _groups_ending(ctx, sentence, _mask(text, start, end), start, end, and_seen=False)


def object_groups(ctx, sentence, start: int, *, after_group: bool = False) -> list[Group]:
    """The object list from `start` ("killed [a councillor and a guard] in ..."); with `after_group`,
    only groups joined by a separator to a group that ends at `start` ("killing 3 soldiers[, and a boy]")."""
    text = sentence.text
    stop = _OBJECT_END.search(_mask(text, start, len(text)), start)
    end = stop.start() if stop else len(text)
    masked = _mask(text, start, end)
    lead_separator = ""
    if after_group:
        lead = _LEADING_SEPARATOR.match(masked, start)
        if lead is None:
            return []
        start, lead_separator = lead.end(), lead.group()
    pieces = _split(masked, start, end)
    pieces[0] = (pieces[0][0], pieces[0][1], lead_separator)
    if after_group and not _AND.search(lead_separator) and not _COUNT_START.match(text, pieces[0][0]):
        return []  # "killing two people, the campaign manager and his brother": an elaboration
    pieces, described = _without_appositions(text, pieces)
    pieces = _up_to_last_and(pieces, keep_first=not after_group)
    groups: list[Group] = []
    for piece_start, piece_end, _ in pieces:
        group = _read_conjunct(ctx, sentence, piece_start, piece_end, piece_start in described)
        if group is None:
            break
        groups.append(group)
    return groups


def _up_to_last_and(pieces: list, keep_first: bool) -> list:
    """The pieces of a list up to its last "and": "killed Ahmed, a teacher, in" lists Ahmed alone."""
    last = max((i for i, piece in enumerate(pieces) if _AND.search(piece[2])), default=None)
    if last is None:
        return pieces[:1] if keep_first else []
    return pieces[:last + 1]


def _groups_ending(ctx, sentence, masked: str, start: int, end: int, and_seen: bool) -> list[Group]:
    """Conjuncts read right to left from `end` until one is not a noun phrase about people; without
    an "and" before the last one (`and_seen` says one follows), only the last is the subject."""
    text = sentence.text
    pieces, described = _without_appositions(text, _split(masked, start, end))
    if not and_seen and not _AND.search(pieces[-1][2]):
        pieces = pieces[-1:]
    left = _LEFT_VERB.search(text, pieces[0][0], pieces[0][1])
    if left:  # "left [3 fighters] and 1 policeman dead"
        pieces[0] = (left.end(), pieces[0][1], pieces[0][2])
    groups: list[Group] = []
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        group = _read_conjunct(ctx, sentence, piece[0], piece[1], piece[0] in described)
        if group is None:
            break
        groups.insert(0, group)
    return groups


def _clause_start(text: str, end: int) -> int:
    starts = [m.end() for m in _CLAUSE_START.finditer(text, 0, end)]
    return starts[-1] if starts else 0


def _mask(text: str, start: int, end: int) -> str:
    """The text with parentheses and closed "including ..." asides blanked, offsets kept."""
    masked = text
    for pattern in (_PARENTHESES, _CLOSED_INCLUDING):
        for match in pattern.finditer(masked, start, end):
            keep_comma = pattern is _CLOSED_INCLUDING
            blank = " " * (match.end() - match.start() - keep_comma) + ("," if keep_comma else "")
            masked = masked[:match.start()] + blank + masked[match.end():]
    return masked


def _split(masked: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, separator before) of each conjunct between two offsets."""
    pieces, position, separator = [], start, ""
    for match in _SEPARATOR.finditer(masked, start, end):
        pieces.append((position, match.start(), separator))
        position, separator = match.end(), match.group()
    pieces.append((position, end, separator))
    return [(s + len(masked[s:e]) - len(masked[s:e].lstrip()), e, sep) for s, e, sep in pieces]


def _without_appositions(text: str, pieces: list) -> tuple[list, set[int]]:
    """The pieces less appositions, and the starts of the names they describe.

    "Faiz Fayez, a religious scholar and former head of the council, and his son": a bare-comma
    piece after a name describes it, and so do the pieces joined to it by a bare "and"."""
    kept, described, in_apposition, in_place = [], set(), False, False
    for piece in pieces:
        separator = piece[2].strip()
        if in_apposition and separator == "and":
            continue
        in_apposition = False
        # "in Salamanca, Guanajuato, a man": names after a preposition are places, not people described
        in_place = bool(_PLACE_PREPOSITION.match(text, piece[0])) or (in_place and separator == ",")
        if in_place and _NAME.fullmatch(text[piece[0]:piece[1]].strip()):
            kept.append((piece[0], piece[0], piece[2]))  # a place: an empty piece ends the list there
            continue
        phrase = text[piece[0]:piece[1]].strip()
        if kept and separator == "," and not in_place and _names_someone(text, kept[-1]) and not _NAME_ONLY.fullmatch(
                phrase) and not _COUNT_START.match(text, piece[0]) and not _CLAUSE_VERB.search(phrase):
            in_apposition = True
            described.add(kept[-1][0])
            continue
        kept.append(piece)
    return kept, described


def _names_someone(text: str, piece) -> bool:
    phrase = text[piece[0]:piece[1]]
    return bool(_NAME.match(phrase)) and not _SINGULAR_START.fullmatch(phrase.split()[0]) and not _NUMBERED.match(
        phrase)


def _read_conjunct(ctx, sentence, start: int, end: int, described: bool = False) -> Group | None:
    """One conjunct as a group; None when it is no noun phrase about people (the list ends there)."""
    text = sentence.text
    phrase = text[start:end].rstrip()
    end = start + len(phrase)
    if not phrase or len(phrase.split()) > 12 or _DETERMINERS.fullmatch(phrase):
        return None
    tokens = ctx.doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="expand")
    if tokens is None or any(t.tag_ in _VERB_TAGS for t in tokens) or any(
            t.tag_ == "VBG" and t.pos_ == "VERB" for t in tokens[:2]):
        return None
    perpetrator = bool(_PERPETRATOR.search(phrase))
    if _UNKNOWN.match(phrase):
        return Group(start, end, None, start, end, perpetrator)
    numbered = _NUMBERED.match(text, start, end)
    if numbered:  # "At least seven assailants" starts with a preposition but is a count
        if not _PERSON.match(numbered.group("rest")) or _NOT_PEOPLE.match(numbered.group("rest")):
            return None
        return Group(start, end, quantity_from_match(numbered), numbered.start("quantity"),
                     numbered.end("quantity"), perpetrator)
    if tokens[0].pos_ in _NOT_A_START or tokens[0].tag_ == "PRP":
        return None  # upper-case wire copy: "AND ANOTHER WOUNDED" starts with a capital too
    if described and _NAME.match(phrase):  # a name an apposition describes is a person
        return Group(start, end, Quantity(1, 1, 1, None), start, end, perpetrator)
    return _unnumbered(phrase, tokens, start, end, perpetrator)


def _unnumbered(phrase: str, tokens, start: int, end: int, perpetrator: bool) -> Group | None:
    """A person without a number (one), a plural or collective without one (unknown), or None."""
    # "a police officer and civilian", "killed provincial council member Sayed Rahimi"
    bare_noun = tokens[0].tag_ in ("NN", "JJ") and bool(_ANY_PERSON.search(phrase))
    if not (_SINGULAR_START.match(phrase) or bare_noun) or tokens[0].ent_type_ in _NOT_A_NAME:
        return None
    if _NOT_PEOPLE.search(phrase):
        return None
    if _COLLECTIVE.search(phrase) or any(t.tag_ in ("NNS", "NNPS") for t in tokens):
        if _ANY_PERSON.search(phrase) or any(t.pos_ == "PROPN" for t in tokens):
            return Group(start, end, None, start, end, perpetrator)  # "police", "militia members"
        return None
    names_person = bool(_ANY_PERSON.search(phrase)) or any(t.ent_type_ == "PERSON" for t in tokens)
    if names_person or _looks_like_a_name(phrase, tokens):
        return Group(start, end, Quantity(1, 1, 1, None), start, end, perpetrator)
    return None


def _looks_like_a_name(phrase: str, tokens) -> bool:
    """Capitalised words that are no place, organisation or date ("Tabish", "Al-Hermas"), which the
    tagger may read as an adjective or a nationality."""
    return bool(_NAME.fullmatch(phrase)) and not any(t.ent_type_ in _NOT_A_NAME for t in tokens)


# "abducted four boys ... The boys were killed shortly after": a plural told with "the" and no number
# counts the same people the text numbered before ("four boys"). Only the noun's last word is matched.
_BACK_REFERENCE = re.compile(r"\b[Tt]he\s+(?P<head>(?:[\w-]+\s+){0,2}?[\w-]+s)\s+(?:were|had been)\s+"
                             r"(?:later\s+|all\s+|reportedly\s+)?(?:(?:shot|abducted|kidnapped|stabbed|tortured)"
                             r" and\s+)?(?P<outcome>killed|shot dead|beheaded|executed|murdered|found dead)\b")


@dataclass(frozen=True)
class BackReference:
    """A numbered group told earlier (`quantity` at `quantity_span` in the text) that a later
    "the <people> were killed" (`span`, in the text too) refers back to."""

    quantity: Quantity
    quantity_span: tuple[int, int]
    span: tuple[int, int]
    perpetrator: bool


def back_references(text: str, sentence_start: int, sentence_end: int) -> list[BackReference]:
    """Each plural "the <people> were killed" in the sentence whose people the text numbered before it."""
    found = []
    for match in _BACK_REFERENCE.finditer(text, sentence_start, sentence_end):
        head = match.group("head").split()[-1]
        if not _ANY_PERSON.fullmatch(head):
            continue
        earlier = list(re.finditer(rf"\b(?P<quantity>{QUANTITY})\s+(?:[\w'-]+\s+){{0,3}}?{re.escape(head)}\b",
                                   text[:sentence_start], re.IGNORECASE))
        quantity = quantity_from_match(earlier[-1]) if earlier else None
        if quantity is None or quantity.best is None or quantity.vague:
            continue
        found.append(BackReference(quantity, earlier[-1].span("quantity"), match.span(),
                                   bool(_PERPETRATOR.search(head))))
    return found
