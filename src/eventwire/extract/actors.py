"""Actors: who did it, with the stance the text gives (claimed, suspected, accused, denied, unknown).

Named groups are found through an alias table (`patterns/groups.tsv`: ISIS-K,
ISKP and Islamic State Khorasan Province are one group). The stance is read
from the sentence: "claimed responsibility" -> claimed, "suspected"/"blamed" ->
suspected or accused, "denied" -> denied. A group named only in a warning or
as background ("plans to target", "an offshoot of ...") is not a perpetrator.
Unnamed attackers ("four men in camouflage", "gunmen") are kept as one
unidentified perpetrator, so "no named perpetrator" is a finding, not a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from eventwire.extract.context import Context
from eventwire.extract.patterns import load_table
from eventwire.records import Actor, Attribution

EXTRACTOR = "actors.v1"

CLAIM_CUES = re.compile(r"\b(?:claim(?:ed|s|ing)? (?:of )?responsibility|claimed (?:the|credit|that)|"
                        r"claim(?:ed)? the (?:attack|bombing|killing)|took responsibility|"
                        r"responsibility (?:was|has been) claimed|said (?:it|they) (?:had )?carried out|"
                        r"claimed by)\b", re.IGNORECASE)
DENIAL_CUES = re.compile(r"\b(?:denie[sd]|deny|denying|rejected|refuted|dismissed) (?:any |all )?"
                         r"(?:involvement|responsibility|role|suggestion|claims?|accusations?|link|part)|"
                         r"\b(?:had|has|have) (?:'?absolutely )?nothing to do with|\bdistanc\w+ (?:itself|themselves)|"
                         r"\bdenie[sd]\b[^.]{0,60}\banything to do with",
                         re.IGNORECASE)
ACCUSE_CUES = re.compile(r"\b(?:accus\w+|blam\w+|held \w+ responsible|pointed the finger|attributed)\b", re.IGNORECASE)
SUSPECT_CUES = re.compile(r"\b(?:suspect\w*|believed to be|thought to be|presumed|alleged\w*|likely|"
                          r"probably|possibly|linked to|affiliated)\b", re.IGNORECASE)
NEGATED_CLAIM = re.compile(r"\b(?:no (?:group|one|organi[sz]ation)|nobody|not (?:yet |immediately )?"
                           r"(?:been )?claimed|yet to claim|did not claim|has not claimed|have not claimed)\b",
                           re.IGNORECASE)
WARNING_CUES = re.compile(r"\b(?:warn\w*|plans? to|planning|imminent|intelligence|could target|threat\w*|"
                          r"potential|possible (?:terrorist )?attack)\b", re.IGNORECASE)
ATTACK_CUES = re.compile(r"\b(?:attack\w*|kill\w*|bomb\w*|explo\w+|shot|shoot\w*|opened fire|stormed|"
                         r"ambush\w*|abduct\w*|kidnap\w*|raid\w*|assault\w*|massacre\w*|behead\w*|"
                         r"detonat\w+|carried out|struck|targeted|militants|fighters|insurgents|gunmen)\b", re.IGNORECASE)
UNNAMED_ATTACKERS = re.compile(
    r"\b(?:(?:unknown|unidentified|masked|armed|suspected|several|four|three|two|a group of|a|an)\s+)*"
    r"(?:gunm[ae]n|assailants?|attackers?|(?:suicide )?bombers?|militants|terrorists|men in camouflage|"
    r"armed men|kidnappers|abductors|bandits|insurgents)\b", re.IGNORECASE)
_DEMONYM_STATES = re.compile(r"\b(?P<name>Ukrain(?:e|ian)|Russia|Iran|Israel|Pakistan|India|Afghanistan|"
                             r"the United States|Washington|Kyiv|Moscow|Tehran)\b")


@dataclass(frozen=True, slots=True)
class GroupMention:
    canonical: str
    start: int
    end: int


def extract_actors(ctx: Context) -> list[Actor]:
    """Perpetrators (named or not) with stance and who says so; one actor per group, strongest stance."""
    actors: dict[str, Actor] = {}
    for sentence in ctx.sentences:
        for actor in _actors_in_sentence(ctx, sentence):
            actors[actor.name] = _stronger(actors.get(actor.name), actor)
    named = [a for a in actors.values() if a.kind != "unidentified"]
    unnamed = [a for a in actors.values() if a.kind == "unidentified"]
    return sorted(named, key=_stance_rank) + unnamed[:1]


_STANCE_ORDER = {"claimed": 0, "accused": 1, "suspected": 2, "unknown": 3, "denied": 4}


def _stance_rank(actor: Actor) -> int:
    return _STANCE_ORDER.get(actor.stance or "unknown", 5)


def _stronger(old: Actor | None, new: Actor) -> Actor:
    """Keep the strongest stance for a group, gathering the evidence of both mentions."""
    if old is None:
        return new
    keep, other = (old, new) if _stance_rank(old) <= _stance_rank(new) else (new, old)
    return Actor(keep.name, keep.role, keep.evidence + other.evidence, keep.extractor, keep.stance, keep.kind,
                 keep.stated_by, keep.aliases)


def _actors_in_sentence(ctx: Context, sentence) -> list[Actor]:
    text = sentence.text
    attribution = ctx.attribution_at(sentence.start_char)
    found = []
    listed = find_groups(text)
    for mention in listed + find_unlisted_groups(text, listed):
        stance = stance_in_sentence(text, mention.start, mention.end)
        if stance is None:
            continue
        span = ctx.article.span(sentence.start_char + mention.start, sentence.start_char + mention.end)
        found.append(Actor(mention.canonical, "perpetrator", (span,), EXTRACTOR, stance, "group",
                           attribution, (span.text,)))
    found.extend(_denied_parties(ctx, sentence, attribution))
    if not found and ATTACK_CUES.search(text) and not WARNING_CUES.search(text):
        match = UNNAMED_ATTACKERS.search(text)
        if match:
            span = ctx.article.span(sentence.start_char + match.start(), sentence.start_char + match.end())
            found.append(Actor("Unknown", "perpetrator", (span,), EXTRACTOR, "unknown", "unidentified",
                               attribution, (span.text,)))
    return found


def stance_in_sentence(text: str, start: int, end: int) -> str | None:
    """The stance the sentence gives a group named at text[start:end]; None if it is no perpetrator."""
    if _claims(text, start, end):
        return "claimed"
    if DENIAL_CUES.search(text) and _near(DENIAL_CUES, text, start, end):
        return "denied"
    if WARNING_CUES.search(text) and not re.search(r"\b(?:killed|died|wounded)\b", text):
        return None
    if ACCUSE_CUES.search(text):
        return "accused"
    if SUSPECT_CUES.search(text) and _near(SUSPECT_CUES, text, start, end, window=60):
        return "suspected"
    if ATTACK_CUES.search(text):
        return "unknown"
    return None


def _claims(text: str, start: int, end: int) -> bool:
    """The group at text[start:end] is the one claiming: the claim's subject ("X claimed
    responsibility", within a few words before the cue) or its agent ("claimed by X")."""
    if NEGATED_CLAIM.search(text):
        return False
    for cue in CLAIM_CUES.finditer(text):
        gap = text[end:cue.start()]
        if 0 <= cue.start() - end <= 60 and not re.search(r"[.;]|\b(?:and|but|while|however)\b", gap):
            return True
        if cue.group(0).lower().endswith("by") and 0 <= start - cue.end() <= 5:
            return True
    return False


def _near(pattern: re.Pattern, text: str, start: int, end: int, window: int = 80) -> bool:
    return bool(pattern.search(text[max(0, start - window):end + window]))


def _denied_parties(ctx: Context, sentence, attribution: Attribution) -> list[Actor]:
    """States named as denying involvement ("Ukraine denied any involvement") or cleared by others."""
    text = sentence.text
    if not DENIAL_CUES.search(text):
        return []
    parties = []
    for match in _DEMONYM_STATES.finditer(text):
        name = _state_name(match.group("name"))
        span = ctx.article.span(sentence.start_char + match.start(), sentence.start_char + match.end())
        parties.append(Actor(name, "perpetrator", (span,), EXTRACTOR, "denied", "state", attribution))
        break
    return parties


def _state_name(word: str) -> str:
    return {"Ukrainian": "Ukraine", "Kyiv": "Ukraine", "Washington": "United States",
            "the United States": "United States", "Moscow": "Russia", "Tehran": "Iran"}.get(word, word)


@lru_cache(maxsize=2)
def _group_regex(all_caps: bool) -> tuple[re.Pattern, dict[str, str]]:
    """One regex over every alias (longest first), and alias -> canonical name."""
    canonical_of: dict[str, str] = {}
    for row in load_table("groups.tsv"):
        for alias in row[1].split("|"):
            canonical_of[alias] = row[0]
    aliases = sorted(canonical_of, key=len, reverse=True)
    parts = []
    for alias in aliases:
        acronym = alias.isupper() and " " not in alias
        if acronym and all_caps and len(alias) <= 3:
            continue  # in an all-capitals text "IS" and "HM" are words, not groups
        body = re.escape(alias)
        parts.append(body if acronym and not all_caps else f"(?i:{body})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])"), canonical_of


# Group names the alias table does not know, from the phrases that name a perpetrator:
# "sources attributed the attack to X", "sources suspected X", "X claimed responsibility".
_NAME = r"(?P<name>(?:the )?[A-Z][\w'’.-]*(?:\s+(?:of|al|el|de|the|and|for|[A-Z(][\w'’().-]*)){0,9})"
UNLISTED_GROUP_PATTERNS = (
    re.compile(rf"\b(?:attributed|blamed) (?:the (?:attack|incident|attacks|bombing)|it) (?:to|on) {_NAME}"),
    re.compile(r"\b(?:sources|officials|authorities|police) (?:suspected|believed|said) (?:that )?"
               r"(?P<name>(?:the )?[\w'’-]+(?:[ -][\w'’()-]+){0,6}?) (?:were|was|are|is|had|of)\b"),
    re.compile(rf"{_NAME} (?:claimed|took) responsibility"),
)
_NOT_GROUP = re.compile(r"^(?:the )?(?:no|police|security|officials?|authorities|sources?|it|they|he|she|"
                        r"assailants?|gunmen|militants|the group|group|unknown|local|some|several)\b", re.IGNORECASE)


_UNLISTED_CUE = re.compile(r"responsib|attributed|blamed|suspected|believed", re.IGNORECASE)


def find_unlisted_groups(text: str, known: list[GroupMention]) -> list[GroupMention]:
    """Groups named as perpetrators but absent from the alias table, keeping their own wording."""
    if not _UNLISTED_CUE.search(text):
        return []  # none of the phrases that name a perpetrator
    found = []
    for pattern in UNLISTED_GROUP_PATTERNS:
        for match in pattern.finditer(text):
            name = re.sub(r"^the\s+", "", match.group("name"), flags=re.IGNORECASE).strip(" .,'’")
            start = match.start("name") + match.group("name").find(name)
            end = start + len(name)
            if not name or _NOT_GROUP.match(name) or any(m.start < end and start < m.end for m in known + found):
                continue
            found.append(GroupMention(name[0].upper() + name[1:], start, end))
    return found


_WORD = re.compile(r"[\w']+")


def find_groups(text: str) -> list[GroupMention]:
    """Every named group in `text`, by alias, with its canonical name."""
    if _first_words().isdisjoint(_WORD.findall(text.lower())):
        return []  # no alias can start here: skip the long alternation
    n_letters = sum(map(str.isalpha, text))
    all_caps = bool(n_letters) and sum(map(str.isupper, text)) > 0.8 * n_letters
    pattern, canonical_of = _group_regex(all_caps)
    lowered = _lowered_aliases()
    return [GroupMention(canonical_of.get(m.group(0)) or lowered[m.group(0).lower()], m.start(), m.end())
            for m in pattern.finditer(text)]


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The first word of every alias, lower-cased: a text with none of them names no listed group."""
    return frozenset(next(word for word in _WORD.findall(alias.lower()) if word != "the" or alias.lower() == "the")
                     for alias in _group_regex(False)[1] if _WORD.search(alias))


@lru_cache(maxsize=1)
def _lowered_aliases() -> dict[str, str]:
    return {alias.lower(): name for alias, name in _group_regex(False)[1].items()}


def normalise_group(name: str) -> str:
    """The canonical name of a group name or alias (unknown names come back unchanged)."""
    found = find_groups(name)
    return found[0].canonical if found else name.strip()
