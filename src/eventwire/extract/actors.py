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
from eventwire.extract.prefilter import finditer_any_case, may_match
from eventwire.extract.targets import victim_phrases
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
# Killing and attack verbs of wire copy that ATTACK_CUES leaves out; they only let an unnamed
# attacker be kept, never make a named group a perpetrator.
UNNAMED_ACTION_CUES = re.compile(r"\b(?:murder\w*|assassinat\w+|dynamit\w+|set (?:fire|ablaze)|"
                                 r"burn(?:ed|t)|machine-?gunn\w+|fired (?:at|on|shots)|hurled|threw|"
                                 r"wound\w*|injur\w+|massacr\w+|abduct\w+|seiz\w+|hijack\w+)\b", re.IGNORECASE)
# A description of attackers: a bare noun that only an attacker is called ("guerrillas",
# "terrorists"), or a neutral one ("men", "individuals") with a word that marks it as an
# attacker ("hooded men", "heavily armed individuals", "a group of persons").
_ATTACKER_MODIFIER = (r"(?:unknown|unidentified|masked|hooded|armed|heavily|well|uniformed|suspected|alleged|"
                      r"several|some|a number of|a group of|groups? of|a band of|a gang of|a|an|urban|rural|"
                      r"two|three|four|five|six|seven|eight|nine|ten|dozens of|\d+)")
# "men in camouflage", "men wearing military uniforms": the dress marks them as attackers.
_DRESSED_REQUIRED = r" (?:in|wearing|dressed in) (?:\w+ )?(?:camouflage|uniforms?|civilian clothes|fatigues|hoods|masks)"
_DRESSED = rf"(?:{_DRESSED_REQUIRED})?"
_ATTACKER_NOUN = (rf"(?:gunm[ae]n|assailants?|attackers?|(?:suicide )?bombers?|militants|terrorists|"
                  r"guerrillas|rebels|insurgents|subversives|commandos?|(?:hired )?assassins?|hit ?men|"
                  r"killers|murderers|kidnappers|abductors|bandits|extremists|criminals|narcoterrorists|"
                  r"(?:drug |narcotics? )?traffickers|death squads?|paramilitar(?:y men|ies)|snipers?|"
                  rf"arsonists|armed men{_DRESSED}|men{_DRESSED_REQUIRED}|"
                  rf"(?:unknown|unidentified|masked|hooded|armed|uniformed) (?:men|individuals|persons|people){_DRESSED}|"
                  rf"(?:several|two|three|four|five|six|seven|eight|nine|ten|\d+) (?:men|individuals|persons){_DRESSED})")
# Described people who suffered the act, not committed it ("19 guerrillas were killed").
_SUFFERED_AFTER = re.compile(r"\s+(?:\w+\s+){0,2}?(?:were|was|have been|had been|are|being|who were|who died)\s+"
                             r"(?:\w+\s+)?(?:killed|captured|arrested|detained|wounded|injured|dead|shot|"
                             r"kidnapped|abducted|murdered|executed|tried|sentenced|released)\b", re.IGNORECASE)
_SUFFERED_BEFORE = re.compile(r"\b(?:killed|captured|arrested|detained|wounded|against|"
                              r"fighting|clashes? with|surrender\w*)\s+(?:the\s+)?$", re.IGNORECASE)
_ATTACKER_HEAD = re.compile(rf"\b{_ATTACKER_NOUN}\b", re.IGNORECASE)
_MODIFIERS_BEFORE = re.compile(rf"\b(?:{_ATTACKER_MODIFIER}\s+)+$", re.IGNORECASE)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def find_unnamed_attackers(text: str) -> list[tuple[int, int]]:
    """(start, end) of each description of attackers, its modifiers included ("a group of armed men").

    The noun is found first and its modifiers read backwards: a pattern that starts with the
    optional modifiers would be tried at every word of every text."""
    lowered = text.lower()
    if not may_match(_ATTACKER_HEAD, lowered):
        return []
    spans = []
    for head in finditer_any_case(_ATTACKER_HEAD, text, lowered):
        before = _MODIFIERS_BEFORE.search(text, max(0, head.start() - 40), head.start())
        spans.append((before.start() if before else head.start(), head.end()))
    return spans
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
    return sorted(named, key=_stance_rank) + unnamed[:1] + _victims(ctx)


def _victims(ctx: Context) -> list[Actor]:
    """The people the text says were killed, hurt or kidnapped, in its own words (role "victim")."""
    victims = []
    for start, end in victim_phrases(ctx.text):
        span = ctx.article.span(start, end)
        victims.append(Actor(span.text, "victim", (span,), EXTRACTOR, None, "person", ctx.attribution_at(start),
                             (span.text,)))
    return victims


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
        stance = _stance_of_mention(ctx, sentence, mention)
        if stance is None:
            continue
        span = ctx.article.span(sentence.start_char + mention.start, sentence.start_char + mention.end)
        found.append(Actor(mention.canonical, "perpetrator", (span,), EXTRACTOR, stance, "group",
                           attribution, (span.text,)))
    found.extend(_denied_parties(ctx, sentence, attribution))
    found.extend(_unnamed_attackers(ctx, sentence, attribution, names_a_group=bool(found)))
    return found


def _unnamed_attackers(ctx: Context, sentence, attribution: Attribution, names_a_group: bool) -> list[Actor]:
    """Attackers described, not named ("urban guerrillas", "heavily armed men"), in a statement about
    an attack; kept beside a named group too, since reports give both ("FMLN urban guerrillas"),
    except "the attackers" there, which only points back to that group."""
    spans = []
    for match_start, match_end in find_unnamed_attackers(sentence.text):
        start, end = sentence.start_char + match_start, sentence.start_char + match_end
        if names_a_group and _THE_BEFORE.search(sentence.text, max(0, match_start - 4), match_start):
            continue
        if _tells_an_attack(_full_stop_clause(ctx.text, start, end)) and not _suffered(ctx.text, start, end):
            spans.append(ctx.article.span(start, end))
    if not spans:
        return []
    return [Actor("Unknown", "perpetrator", tuple(spans), EXTRACTOR, "unknown", "unidentified", attribution,
                  tuple(span.text for span in spans))]


def _full_stop_clause(text: str, start: int, end: int) -> str:
    """The words from the last full stop before text[start:end] to the next one: the sentence
    splitter breaks upper-case wire copy at line ends, so a parsed sentence may be half of one."""
    left, right = _full_stop_bounds(text, start, end)
    return text[left:right]


def _full_stop_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(".", max(0, start - 300), start), text.rfind("\n\n", max(0, start - 300), start))
    right = min((i for i in (text.find(".", end, end + 300), text.find("\n\n", end, end + 300)) if i >= 0),
                default=min(len(text), end + 300))
    return (left + 1 if left >= 0 else max(0, start - 300)), right


def _tells_an_attack(clause: str) -> bool:
    return not WARNING_CUES.search(clause) and bool(ATTACK_CUES.search(clause) or UNNAMED_ACTION_CUES.search(clause))


def _suffered(text: str, start: int, end: int) -> bool:
    """The described people are the ones killed or caught ("19 guerrillas were killed")."""
    return bool(_SUFFERED_AFTER.match(text, end) or _SUFFERED_BEFORE.search(text[max(0, start - 30):start]))


_WHOLE_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s*$")


def _stance_of_mention(ctx: Context, sentence, mention: GroupMention) -> str | None:
    """The stance of a group mention, read over the whole sentence even where the parser cut it
    at a line end (upper-case wire copy), so "THE FMLN\nCLAIMED RESPONSIBILITY" is one claim."""
    if _WHOLE_SENTENCE_END.search(sentence.text):
        return stance_in_sentence(sentence.text, mention.start, mention.end)
    start, end = sentence.start_char + mention.start, sentence.start_char + mention.end
    left, right = _full_stop_bounds(ctx.text, start, end)
    left = min(left, sentence.start_char)
    return stance_in_sentence(ctx.text[left:right], start - left, end - left)


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
