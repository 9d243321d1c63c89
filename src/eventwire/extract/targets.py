"""Targets: who or what was attacked, as GTD target types (`patterns/targets.tsv`).

The first target is the object of the attack ("opened fire on X", "a bomb detonated targeting X",
"attached to the vehicle of X"), read from the first sentence that has one: coders and reporters
name the attacked first, while the first word of some type anywhere in the text is as often the
responders ("security forces repelled the attack") or the place ("on the Kabul highway").
Only sentences that describe the attack count (a cue such as attacked, killed, opened fire,
blast), so "Russia tightened security at airports" names no target; a bomb found and defused
by security forces attacked no one, so that sentence names none either.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extract.context import Context
from eventwire.extract.patterns import load_table
from eventwire.extract.prefilter import finditer_any_case, may_match, search_any_case
from eventwire.records import Span, Target

EXTRACTOR = "targets.v3"

_ATTACK_SENTENCE = re.compile(r"\b(?:attack\w*|kill\w*|shot|shoot\w*|opened fire|stormed|bomb\w*|explo\w+|"
                              r"blast|wound\w*|injur\w*|abduct\w*|kidnap\w*|ambush\w*|raid\w*|target\w*|torched|"
                              r"set fire|burn\w*|died|dead|massacre\w*|struck|hit|stabb\w*|hacked|rammed|fired|"
                              r"shell(?:ed|ing)|behead\w*|to death|gunned down|lynch\w*|assault\w*|detonat\w*|"
                              r"grenades?|threw|thrown|hurled|lobbed|molotov|incendiary|rockets?|missiles?|mortars?|"
                              r"drones?)\b", re.IGNORECASE)
# "Intelligence reports" warn; an intelligence officer shot is a victim.
_NOT_ATTACK = re.compile(r"\b(?:warn\w*|plans? to|threat\w*|intelligence(?! (?:officers?|officials?|agents?|chief))|"
                         r"tightened|security measures|"
                         r"defused|dismantled|discovered|found and|safely detonated)\b", re.IGNORECASE)

# The words that put the attacked right after them. "in" is left out on purpose: "detonated in
# Kabul" names a place, not a target.
_OBJECT_CUE = re.compile(
    r"\b(?:targeting|targeted|intended to target|attacked|ambushed|stormed|raided|shelled|besieged|"
    r"opened fire (?:on|at|targeting|into)|fired (?:[\w-]+ ){0,3}?(?:at|on|into|towards?|targeting)|"
    r"threw (?:[\w-]+ ){0,3}?(?:at|into|inside|on|towards?)|"
    r"launched (?:[\w-]+ ){0,3}?(?:at|on|into|towards?|targeting)|"
    r"shot (?:and (?:killed|wounded|injured) |dead )?|gunned down|killed|stabbed (?:and killed )?|hacked|"
    r"beheaded|abducted|kidnapped|assassinated|set fire to|set ablaze|torched|burned(?: down)?|"
    r"(?:detonated|exploded|went off|blew (?:him|her)self up) (?:at|near|outside|inside|in front of|on|against|"
    r"close to|next to)|(?:attached to|planted (?:on|in|under|near|at|outside))|rammed (?:[\w-]+ ){0,2}into|"
    r"hit|struck)\s+", re.IGNORECASE)
# Where the object phrase ends: a clause break, the place ("in Kabul"), or what happened next.
_OBJECT_END = re.compile(r"[,.;:()]|\s(?:in|at|on|along|near|between|who|which|that|when|as|while|before|after|"
                         r"during|killing|wounding|injuring|and (?:killed|wounded|injured))\s[A-Z]?|"
                         r"\s(?:in|who|which|that|when|as|while|killing|wounding|injuring)\s", re.IGNORECASE)
_MAX_OBJECT_CHARS = 90
_NAMED = "named"
# A named person or place as the object, with no type word: GTD's "Private Citizens & Property"
# (named civilians, villages and towns), unless the article gives the person's role elsewhere.
_PROPER_NAME = re.compile(r"\b[A-Z][a-z'-]+")
# "the vehicle of X", "the home of X": the owner X is the target, the thing only its property.
_POSSESSED = re.compile(r"\b(?:vehicles?|cars?|trucks?|homes?|houses?|residences?|convoy|motorcade|office|"
                        r"compound)\s+(?:of|belonging to|carrying|transporting|used by)\s", re.IGNORECASE)
# A vehicle with no owner named says nothing of who was in it: the rest of the text does
# ("a bomb targeting a car ... two police officers were killed").
_BARE_VEHICLE = re.compile(r"(?:vehicles?|cars?|trucks?)$", re.IGNORECASE)

# Words that name an armed post or force without saying whose ("a security outpost").
_GENERIC_SECURITY = re.compile(r"(?:security|outposts?|checkposts?|convoys?)\b", re.IGNORECASE)
# A named object followed by its region ("attacked Tchanitchani, North Kivu, Congo") is a town or
# village, which GTD codes Private Citizens & Property; a person's name is followed by a role
# in lower case ("Nur, a deputy"). The soldiers who defended the town are not its type.
_PLACE_CHAIN = re.compile(r",\s+(?-i:[A-Z])[\w'-]+(?:\s+(?-i:[A-Z])[\w'-]+)*,\s+(?-i:[A-Z])")
_GENERIC_HEADS = frozenset({"civilians", "military"})
# "two people, including an intelligence official": the listed victim's role is the target's type.
_INCLUDING = re.compile(r",?\s+including\s+", re.IGNORECASE)

# A subject followed by an attack verb did the attacking ("Militants torched a church"), unless a
# preposition puts it in a phrase about the place ("a blast at a police station killed five").
_AGENT_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:attacked|killed|opened fire|stormed|torched|shot|ambushed|"
                         r"abducted|kidnapped|raided|fired|burned|set fire|bombed|detonated|hacked|stabbed|"
                         r"seized|threw|shelled|rammed|clashed|repelled|responded|intercepted|arrived|"
                         r"retaliated|pursued|rescued)\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|on|in|near|of|against|outside|inside|into|to|from|by|towards?)\s+"
                                 r"(?:[\w'-]+\s+)?$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _target_table() -> tuple[tuple[str, str], ...]:
    return tuple((label, gtd) for label, gtd, _regex in load_table("targets.tsv"))


@lru_cache(maxsize=1)
def _any_target() -> re.Pattern:
    """Every target word in one pattern, one named group per row: `lastgroup` says which row matched.

    At one position the table's order decides, so a more specific row listed earlier wins.
    """
    rows = load_table("targets.tsv")
    return re.compile("|".join(f"(?P<t{i}>{regex})" for i, (_l, _g, regex) in enumerate(rows)), re.IGNORECASE)


@lru_cache(maxsize=1)
def _row_patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """One pattern per row: many small scans run faster than one big alternation's finditer."""
    return tuple((label, re.compile(regex, re.IGNORECASE)) for label, _gtd, regex in load_table("targets.tsv"))


def _row_of(match: re.Match) -> tuple[str, str]:
    return _target_table()[int(match.lastgroup[1:])]


def _is_agent_or_speaker(ctx: Context, text: str, match: re.Match, start: int) -> bool:
    """True for the attackers ("Soldiers killed 20 militants") and for the sentence's source ("Police said")."""
    if _AGENT_VERB.match(text, match.end()) and not _PREPOSITION_BEFORE.search(text[:match.start()]):
        return True
    end = start + len(match.group(0))
    return any(span.start < end and start < span.end
               for ref in ctx.attribution_at(start).chain for span in ref.evidence)


def extract_targets(ctx: Context) -> list[Target]:
    """Target types in attack sentences: the attack's object first, then the most mentioned."""
    found: dict[str, list[Span]] = {}
    first_seen: dict[str, int] = {}
    attacked: tuple[str, list[Span]] | None = None
    for sentence in ctx.sentences:
        text = sentence.text
        lowered = sentence.lower
        if not search_any_case(_ATTACK_SENTENCE, text, lowered) or search_any_case(_NOT_ATTACK, text, lowered):
            continue
        if attacked is None:
            attacked = _attack_object(ctx, sentence)
        for label, pattern in _row_patterns():
            if not may_match(pattern, lowered):
                continue
            for match in finditer_any_case(pattern, text, lowered):
                start = sentence.start_char + match.start()
                if _is_agent_or_speaker(ctx, text, match, start):
                    continue
                first_seen.setdefault(label, len(first_seen))
                found.setdefault(label, []).append(ctx.article.span(start, start + len(match.group(0))))
    ranked = sorted(found, key=lambda label: (-len(found[label]), first_seen[label]))
    targets = [Target(label, dict(_target_table())[label], tuple(found[label]), EXTRACTOR) for label in ranked]
    return _police_behind_security_words(_put_first(targets, attacked))


def _police_behind_security_words(targets: list[Target]) -> list[Target]:
    """Police first when "security" words are all that make the attacked military and the victims are police.

    "A security outpost" or "security forces" say only that someone armed held the place; when
    the casualties are police officers and no soldier or army word appears, GTD codes Police."""
    if not targets or targets[0].label != "military":
        return targets
    if not all(_GENERIC_SECURITY.match(span.text) for span in targets[0].evidence):
        return targets
    police = next((t for t in targets if t.label == "police"), None)
    if police is None:
        return targets
    return [police, *[t for t in targets if t is not police]]


def _put_first(targets: list[Target], attacked: tuple[str, list[Span]] | None) -> list[Target]:
    """`targets` with the attack's object first (its own evidence first too)."""
    if attacked is None:
        return targets
    label, spans = attacked
    if label == _NAMED and targets:
        # A name or a bare vehicle: the role the text gives elsewhere ("Nur, a member of
        # parliament") beats the generic people words that every casualty sentence holds.
        roles = [t for t in targets if t.label != "civilians"]
        return [roles[0], *[t for t in targets if t is not roles[0]]] if roles else targets
    label = "civilians" if label == _NAMED else label
    rest = [t for t in targets if t.label != label]
    same = next((t for t in targets if t.label == label), None)
    evidence = tuple(spans) + tuple(s for s in (same.evidence if same else ()) if s not in spans)
    return [Target(label, dict(_target_table())[label], evidence, EXTRACTOR), *rest]


def _attack_object(ctx: Context, sentence) -> tuple[str, list[Span]] | None:
    """The type of the first thing this sentence says was attacked, with its span; None if it names none."""
    text = sentence.text
    for cue in _OBJECT_CUE.finditer(text):
        end = _OBJECT_END.search(text, cue.end() + 1)
        stop = min(end.start() if end else len(text), cue.end() + _MAX_OBJECT_CHARS)
        if stop <= cue.end():
            continue
        typed = _typed_object(text, cue.end(), stop)
        if typed is not None and typed[0] == "civilians":
            typed = _included_role(text, stop) or typed
        if typed is not None:
            label, start, end_char = typed
            base = sentence.start_char
            return label, [ctx.article.span(base + start, base + end_char)]
        name = _PROPER_NAME.search(text, cue.end(), stop)
        if name:  # a named person or town: a role named elsewhere in the text wins (see _put_first)
            base = sentence.start_char
            label = "civilians" if _PLACE_CHAIN.match(text, stop) else _NAMED
            return label, [ctx.article.span(base + name.start(), base + name.end())]
    return None


def _included_role(text: str, stop: int) -> tuple[str, int, int] | None:
    """The typed victim listed after "people, including ..." when it is more than a private person."""
    including = _INCLUDING.match(text, stop)
    if including is None:
        return None
    end = _OBJECT_END.search(text, including.end() + 1)
    typed = _typed_object(text, including.end(), min(end.start() if end else len(text),
                                                       including.end() + _MAX_OBJECT_CHARS))
    return typed if typed is not None and typed[0] not in ("civilians", _NAMED) else None


def _typed_object(text: str, start: int, stop: int) -> tuple[str, int, int] | None:
    """(label, start, end) of the target word that heads text[start:stop], skipping possessed things."""
    owner = _POSSESSED.search(text, start, stop)
    if owner and owner.start() - start < 40:
        match = _any_target().search(text, owner.end(), stop)
        if match:
            return _row_of(match)[0], match.start(), match.end()
        return _NAMED, owner.start(), owner.end()
    match = _any_target().search(text, start, stop)
    if match is None:
        return None
    if _row_of(match)[0] == "civilians":
        match = _more_specific_head(text, match, stop)
    if _BARE_VEHICLE.match(match.group(0)):
        return _NAMED, match.start(), match.end()
    return _row_of(match)[0], match.start(), match.end()


def _more_specific_head(text: str, match: re.Match, stop: int) -> re.Match:
    """A later, typed word of the same noun phrase, when the first was a generic people or place word:
    in "a former village councillor" the village only says which councillor. A convoy or a post
    after it ("a truck convoy") says how the people travelled or where, not who they were."""
    for later in _any_target().finditer(text, match.end(), stop):
        if _row_of(later)[0] not in _GENERIC_HEADS:
            return later
    return match


# Who was harmed, in the words of the text, for the victim role: "murdered Attorney General
# Roberto Garcia Alvarado", "the assassination of six Jesuit priests", "two peasants were killed".
# The type table above says what kind of target an attack had; these say whom.
_HARM = (r"(?:murder(?:ed)?|assassinat(?:ed|ion)|kill(?:ed|ing)|kidnapp(?:ed|ing)|abduct(?:ed|ion)|"
         r"shot(?: and (?:killed|wounded))?|wounded|injured|gunned down|executed|massacred?|slaying|death)")
_VICTIM_AFTER = re.compile(rf"\b{_HARM}(?:\s+of)?\s+(?P<phrase>[^\n]{{1,90}})", re.IGNORECASE)
_VICTIM_BEFORE = re.compile(rf"(?:was|were|had been|has been|have been)\s+(?:\w+\s+)?{_HARM}\b", re.IGNORECASE)
# Where a victim phrase ends: a clause break, a place or time, or the next event.
_PHRASE_END = re.compile(r"[,.;:()\[\]\"]|\s--|\s(?:in|at|on|near|by|with|while|when|who|whose|which|that|as|"
                         r"after|before|during|yesterday|today|tonight|last|this|early|late|outside|inside|"
                         r"from|for|because|to|and (?:killed|wounded|injured|kidnapped)|were|was|had|have|has)\b",
                         re.IGNORECASE)
_NOT_VICTIM = re.compile(r"^(?:the\s+)?(?:him|her|them|it|he|she|they|his|their|its|himself|themselves|"
                         r"responsibility|in|at|on|by|and|or|yesterday|today|last|this|"
                         r"attempt|attack|bomb|car|following|several times|\d+ (?:times|hours|days))\b",
                         re.IGNORECASE)
# "killing four": a count, said again by the figures, names no one.
_ONLY_A_NUMBER = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                            r"scores|hundreds|several|many|more|others?|all|both)(?:\s+(?:others?|more))?$",
                            re.IGNORECASE)
_MAX_VICTIM_WORDS = 8
MAX_VICTIMS = 6


def victim_phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of every phrase the text says was killed, hurt or kidnapped, in order, once each."""
    lowered = text.lower()
    spans = [span for match in finditer_any_case(_VICTIM_AFTER, text, lowered) if (span := _after_phrase(text, match))]
    spans += [span for match in finditer_any_case(_VICTIM_BEFORE, text, lowered)
              if (span := _before_phrase(text, match.start()))]
    seen, out = set(), []
    for start, end in sorted(spans):
        key = re.sub(r"\s+", " ", text[start:end].lower())
        if key not in seen:
            seen.add(key)
            out.append((start, end))
    return out[:MAX_VICTIMS]


def _after_phrase(text: str, match: re.Match) -> tuple[int, int] | None:
    """The object of a harm word: its words up to the next clause break."""
    start = match.start("phrase")
    stop = _PHRASE_END.search(text, start)
    end = stop.start() if stop else match.end()
    return _bounded(text, start, end)


def _before_phrase(text: str, cue_start: int) -> tuple[int, int] | None:
    """The subject of a passive harm ("six peasants were killed"), back to the last clause break."""
    window = text[max(0, cue_start - 90):cue_start]
    breaks = [m.end() for m in re.finditer(r"[,.;:()\[\]\"]|\n\s*\n|\b(?:and|that|when|after|said|of)\b",
                                           window, re.IGNORECASE)]
    start = cue_start - len(window) + (breaks[-1] if breaks else 0)
    return _bounded(text, start, cue_start)


def _bounded(text: str, start: int, end: int) -> tuple[int, int] | None:
    phrase = text[start:end].strip()
    if not phrase or _NOT_VICTIM.match(phrase) or len(phrase.split()) > _MAX_VICTIM_WORDS:
        return None
    if not any(ch.isalpha() for ch in phrase) or _ONLY_A_NUMBER.match(phrase):
        return None
    start += text[start:end].find(phrase)
    return start, start + len(phrase)
