"""Event types from the whole article: GTD attack types and ACLED event/sub-event types.

Cue words (`patterns/event_cues.py`) are scored over every sentence that is not
a warning or background; the opening sentences weigh double, as news puts the
event first. GTD types above half the best score are kept and ordered by GTD's
own hierarchy (assassination > hijacking > kidnapping > barricade > bombing >
armed assault > unarmed assault > facility attack). ACLED types take the best
score, then ACLED's rule for who was attacked: violence by an armed group on
armed forces is a battle; on civilians, violence against civilians.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from eventwire.extract.context import Context
from eventwire.extract.patterns import event_cues as cues
from eventwire.extract.prefilter import finditer_any_case, may_match
from eventwire.records import AcledType, EventTypes

EXTRACTOR = "event_types.v2"

_LEAD_SENTENCES = 2
# A sentence about a hypothetical or past event does not type this one: a warning of an attack,
# plans to attack. "Protested against plans to privatise the mine" and "warning shots" are events.
_SKIP_SENTENCE = re.compile(
    r"\b(?:warn(?:ed|ing|s)? (?:of|that|about|against|residents|citizens|people)|"
    r"plan(?:s|ned|ning)? to (?:attack|bomb|strike|target|kill|assassinate|kidnap|abduct|storm|carry out)|"
    r"imminent|intelligence reports|could (?:target|attack|strike)|possible (?:attacks?|strikes?|bombings?)|"
    r"last year|previous attack)\b", re.IGNORECASE)
_ARMED_TARGETS = {"military", "police", "militia"}
# A violent or demonstration type scoring this much (one weak cue in the lead, or a decisive one) is an
# event; strategic developments beside it keep this share of their score. Chosen on the ACLED dev notes.
_EVENT_CUE_FLOOR = 2.0
_STRATEGIC_DISCOUNT = 0.35
_DISRUPTED = ("Strategic developments", "Disrupted weapons use", cues.SD)
_CLASH = ("Battles", "Armed clash", cues.PV)
_REMOTE_ANSWERABLE = {("Explosions/Remote violence", "Shelling/artillery/missile attack", cues.PV),
                      ("Explosions/Remote violence", "Grenade", cues.PV)}
_PEACEFUL = ("Protests", "Peaceful protest", cues.DEM)
_INTERVENTION = ("Protests", "Protest with intervention", cues.DEM)
_EXCESSIVE_FORCE = ("Protests", "Excessive force against protesters", cues.DEM)
_VIOLENT_DEMONSTRATION = ("Riots", "Violent demonstration", cues.DEM)
_MOB = ("Riots", "Mob violence", cues.PV)
# What a crowd does not do: kidnap, rape, take or lose territory.
_ARMED_ONLY = {("Violence against civilians", "Abduction/forced disappearance", cues.PV),
               ("Violence against civilians", "Sexual violence", cues.PV),
               ("Battles", "Government regains territory", cues.PV),
               ("Battles", "Non-state actor overtakes territory", cues.PV)}
_CROWD_SIZE_TAG = re.compile(r"\[size=[^\]]*\]")
_SHOOTING_TYPES = {("Violence against civilians", "Attack"), ("Battles", "Armed clash")}
_HARMED = {"killed", "injured"}
# An assault on people, not a police action ("fired tear gas to disperse protesters"): GTD's
# no-means rule needs one of these.
_GTD_ATTACK_WORDS = re.compile(r"\b(?:attack\w*|raid\w*|assault\w*|killed|injured|wounded|killing|wounding)\b",
                               re.IGNORECASE)

_ACROSS_ATTACKS = re.compile(r"\bacross (?:all |both |the |these |those |\w+ )*(?:attacks|incidents|raids)\b",
                             re.IGNORECASE)
# An attack on a district, not on people in it: "attacked Obe district", "the centre of Qaysar district".
_DISTRICT_ASSAULT = re.compile(r"\b(?:attacked|attack targeting|attempted to (?:attack|overrun|capture|seize)) (?:the )?"
                               r"(?:(?:district )?(?:cent(?:er|re)|compound|headquarters) (?:of|in) )?"
                               r"(?:(?-i:[A-Z][\w'-]*) ){1,3}district\b|\battacked the district (?:cent(?:er|re)|"
                               r"compound|headquarters)\b", re.IGNORECASE)
# GTD's explosives that may belong to an armed assault: thrown ones and projectiles.
_THROWN_EXPLOSIVE = re.compile(r"grenades?|mortars?|rockets?|projectiles?|shell(?:s|ed|ing)?|RPGs?", re.IGNORECASE)
_THROWING = re.compile(r"\b(?:threw|thrown|throwing|lobbed|hurled|tossed|rocket-propelled)\b", re.IGNORECASE)
_BEATING_WORDS = re.compile(r"assault|beat|punch|kick|lynch|slap", re.IGNORECASE)
_FIRE_WORDS = re.compile(r"fire|ablaze|burn|torch|arson|incendiar|petrol|gasoline|molotov", re.IGNORECASE)

# An attack on a place or on people, as the lead puts it, and the words that say it harmed no one.
_ASSAULT_VERB = re.compile(r"\b(?:attacked|raided|stormed|ambushed)\b", re.IGNORECASE)
_NO_CASUALTIES = re.compile(r"\bno (?:reported |known )?(?:casualties|injuries|one was (?:hurt|injured|harmed))\b|"
                            r"\bno casualties (?:were|have been) reported\b|\bno one was (?:hurt|injured|harmed)\b",
                            re.IGNORECASE)


@lru_cache(maxsize=1)
def _compiled():
    gtd = [(name, re.compile(regex, re.IGNORECASE), weight) for name, regex, weight in cues.GTD_CUES]
    acled = [((event, sub, disorder), re.compile(regex, re.IGNORECASE), weight)
             for event, sub, disorder, regex, weight in cues.ACLED_CUES]
    return gtd, acled


@lru_cache(maxsize=1)
def _engagement() -> re.Pattern:
    return re.compile(cues.ACLED_ENGAGEMENT, re.IGNORECASE)


@lru_cache(maxsize=1)
def _crowd() -> re.Pattern:
    return re.compile(cues.ACLED_CROWD, re.IGNORECASE)


def classify_event_types(ctx: Context, found) -> EventTypes:
    """GTD and ACLED types, most likely first, with the cue spans that decided them."""
    gtd_cues, acled_cues = _compiled()
    skipped = _skipped_sentences(ctx)
    acled_scores, acled_spans = _acled_scores(ctx, found, acled_cues, skipped)
    gtd_scores, gtd_spans = _score(ctx, gtd_cues, skipped)
    gtd = _gtd_types(ctx, found, gtd_scores, gtd_spans, violent=bool(acled_scores))
    acled = _rank_acled(acled_scores)
    offsets = list(gtd_spans.get(gtd[0], ())[:3]) if gtd else []
    if acled:
        key = (acled[0].event_type, acled[0].sub_event_type, acled[0].disorder_type)
        offsets += [o for o in acled_spans.get(key, ())[:3] if o not in offsets]
    evidence = tuple(ctx.article.span(start, end) for start, end in offsets)
    scores = {f"gtd:{k}": round(v, 2) for k, v in gtd_scores.items()}
    scores.update({f"acled:{k[0]}/{k[1]}": round(v, 2) for k, v in acled_scores.items()})
    return EventTypes(tuple(gtd), tuple(acled), evidence, EXTRACTOR, scores)


def _acled_scores(ctx: Context, found, compiled, skipped: set[int]) -> tuple[dict, dict]:
    """Cue scores moved and weighed by ACLED's codebook rules, in the order they apply."""
    scores, spans = _score(ctx, compiled, skipped)
    _apply_target_rule(scores, spans, found)
    _apply_engagement_rule(scores, spans, ctx.text)
    _apply_crowd_rule(scores, spans, ctx.text)
    _apply_crowd_size_rule(scores, spans, ctx.text)
    _apply_protest_rule(scores)
    _apply_strategic_rule(scores)
    return scores, spans


def _gtd_types(ctx: Context, found, scores: dict, spans: dict, *, violent: bool) -> list[str]:
    """GTD's types from the ranked cues and its codebook's exceptions; with no means named, from the target."""
    ranked = _firearms_with_thrown_explosives(_rank_gtd(scores), spans, ctx)
    ranked = _fire_arms_the_assault(ranked, spans, ctx.text)
    return _assault_before_arson(ctx, ranked, spans, found) or _gtd_without_means(ctx, spans, found, violent)


def _skipped_sentences(ctx: Context) -> set[int]:
    """The sentences about a hypothetical or past event (`_SKIP_SENTENCE`), found in one scan."""
    return {ctx.sentence_index(match.start()) for match in _SKIP_SENTENCE.finditer(ctx.text)}


def _score(ctx: Context, compiled, skipped: set[int]) -> tuple[dict, dict]:
    """Cue weights summed per type over the article but its `skipped` sentences (one pass of each
    cue over the whole text: per-sentence passes cost several times more in call overhead). Spans are
    kept as offsets; only the few that become evidence are built."""
    scores: dict = defaultdict(float)
    spans: dict = defaultdict(list)
    lowered = ctx.text.lower()
    for key, pattern, weight in compiled:
        if not may_match(pattern, lowered):
            continue
        for match in finditer_any_case(pattern, ctx.text, lowered):
            index = ctx.sentence_index(match.start())
            if index in skipped:
                continue
            scores[key] += weight * (2.0 if index < _LEAD_SENTENCES else 1.0)
            spans[key].append(match.span())
    return scores, spans


def _apply_target_rule(scores: dict, spans: dict, found) -> None:
    """ACLED: shooting at armed forces is a battle; at civilians, violence against civilians.

    The cue spans move with the score, so a battle keeps the words that decided it as evidence."""
    labels = {target.label for target in getattr(found, "targets", ())[:2]}
    attack = ("Violence against civilians", "Attack", cues.PV)
    clash = ("Battles", "Armed clash", cues.PV)
    if labels & _ARMED_TARGETS and scores.get(attack):
        scores[clash] = scores.get(clash, 0.0) + scores.pop(attack)
        spans[clash] = [*spans.get(clash, ()), *spans.pop(attack, ())]


def _apply_protest_rule(scores: dict) -> None:
    """ACLED's order within a demonstration: excessive force > violent demonstration > intervention >
    peaceful protest. A note tells of a protest with many words and of what changed it with few, so the
    change decides once any protest is there.

    In a protest note an arrest, a lockdown or a decision is usually what is protested ("against the
    arrest of ...", "against lockdown restrictions"): strategic developments weigh little. Protesters
    arrested are an intervention, which has cues of its own."""
    protest = scores.get(_PEACEFUL, 0.0)
    if protest < 1.5:
        return
    for key in scores:
        if key[0] == "Strategic developments":
            scores[key] *= 0.3
    floor = protest
    for key in (_INTERVENTION, _VIOLENT_DEMONSTRATION, _EXCESSIVE_FORCE):
        if scores.get(key, 0.0) >= 3.0:
            floor = scores[key] = max(scores[key], floor) + 0.5


def _apply_engagement_rule(scores: dict, spans: dict, text: str) -> None:
    """Shelling or a grenade that the other side answers with fire, or heavy weapons fired with small
    arms, is a battle: ACLED codes remote violence only where the target cannot fire back."""
    remote = [key for key in scores if key in _REMOTE_ANSWERABLE]
    if not remote or not _engagement().search(text):
        return
    for key in remote:
        _move_score(scores, spans, key, _CLASH)


def _apply_crowd_rule(scores: dict, spans: dict, text: str) -> None:
    """A crowd's violence (stones, fire, vandalism) with no demonstration and no riot named is mob
    violence, not a violent demonstration: ACLED keeps the latter for demonstrators turning violent.
    With no crowd named at all it is no riot: arson by unknown individuals is property destruction."""
    if not scores.get(_VIOLENT_DEMONSTRATION) or scores.get(_PEACEFUL, 0.0) >= 1.5:
        return
    if any(text[start:end].lower().startswith("riot") for start, end in spans.get(_VIOLENT_DEMONSTRATION, ())):
        return
    if _crowd().search(text):
        _move_score(scores, spans, _VIOLENT_DEMONSTRATION, _MOB)
    else:
        scores.pop(_VIOLENT_DEMONSTRATION)
        spans.pop(_VIOLENT_DEMONSTRATION, None)


def _apply_crowd_size_rule(scores: dict, spans: dict, text: str) -> None:
    """ACLED notes give a crowd's size ("[size=no report]") only for demonstrations and riots, so in
    such a note fighting or an attack is a crowd's: mob violence, not a battle or an armed group's attack."""
    tag = _CROWD_SIZE_TAG.search(text)
    if tag is None:
        return
    for key in [k for k in scores if k[0] in ("Battles", "Violence against civilians") and k not in _ARMED_ONLY]:
        _move_score(scores, spans, key, _MOB)
    if not any(key[0] in ("Protests", "Riots") for key in scores):
        scores[_PEACEFUL] = 1.0
        spans[_PEACEFUL] = [tag.span()]


def _move_score(scores: dict, spans: dict, source: tuple, target: tuple) -> None:
    """Add `source`'s score and cue spans to `target`'s (the evidence moves with the decision)."""
    scores[target] = scores.get(target, 0.0) + scores.pop(source)
    spans[target] = [*spans.get(target, ()), *spans.pop(source, ())]


def _rank_gtd(scores: dict) -> list[str]:
    if not scores:
        return []
    best = max(scores.values())
    kept = [name for name, score in scores.items() if score >= 0.5 * best and score >= 1.0]
    return sorted(kept, key=cues.GTD_HIERARCHY.index)


def _assault_before_arson(ctx: Context, gtd: list[str], spans: dict, found) -> list[str]:
    """Armed Assault first when a fire was set in an attack on people, with no other means named.

    GTD's facility attack aims at property; raiders who burn homes and kill villagers made an
    assault on people, the fire its damage (a toll shared with other attacks may be theirs). So did raiders who "attacked a village" and burned
    houses while the text does not say that no one was hurt. The casualty figure, or the
    opening's attack verb, becomes the evidence."""
    if gtd[:1] != [cues.GTD_FACILITY] or len(gtd) > 1:
        return gtd
    harmed = [figure for figure in getattr(found, "figures", ()) if _harmed_here(ctx, figure)]
    if harmed:
        spans[cues.GTD_ARMED] = [(span.start, span.end) for span in harmed[0].evidence[:1]]
        return [cues.GTD_ARMED, *gtd]
    opening = _opening_assault(ctx)
    if opening is None:
        return gtd
    spans[cues.GTD_ARMED] = [opening]
    return [cues.GTD_ARMED, *gtd]


def _harmed_here(ctx: Context, figure) -> bool:
    """People killed or hurt in this incident: not background, not a total shared with other attacks
    ("killed across all of the attacks")."""
    if figure.category not in _HARMED or not (figure.best or figure.low or 0) > 0:
        return False
    if any(flag == "background" or flag.startswith("shared_by") for flag in figure.flags):
        return False
    return not any(_ACROSS_ATTACKS.search(ctx.sentences[ctx.sentence_index(span.start)].text)
                   for span in figure.evidence[:1])


def _opening_assault(ctx: Context) -> tuple[int, int] | None:
    """The span of "attacked" (raided, stormed) in the lead, unless the text says no one was hurt."""
    if _NO_CASUALTIES.search(ctx.text):
        return None
    for sentence in ctx.sentences[:_LEAD_SENTENCES]:
        match = _ASSAULT_VERB.search(sentence.text)
        if match:
            return sentence.start_char + match.start(), sentence.start_char + match.end()
    return None


def _firearms_with_thrown_explosives(gtd: list[str], spans: dict, ctx: Context) -> list[str]:
    """Armed Assault, not Bombing, when firearms were used with grenades, mortars or rockets only.

    GTD's codebook counts thrown explosives and projectiles used alongside firearms as part of an
    armed assault; a planted bomb, an IED or a suicide bomber stays a bombing."""
    if gtd[:1] != [cues.GTD_BOMBING] or not spans.get(cues.GTD_ARMED):
        return gtd
    if not all(_is_thrown_explosive(ctx, start, end) for start, end in spans.get(cues.GTD_BOMBING, ())):
        return gtd
    return [cues.GTD_ARMED, *(name for name in gtd if name != cues.GTD_ARMED)]


def _is_thrown_explosive(ctx: Context, start: int, end: int) -> bool:
    if _THROWN_EXPLOSIVE.fullmatch(ctx.text, start, end):
        return True
    sentence = ctx.sentences[ctx.sentence_index(start)]
    return bool(_THROWING.search(sentence.text))


def _fire_arms_the_assault(gtd: list[str], spans: dict, text: str) -> list[str]:
    """Armed Assault, not Unarmed, when the assailants beat people and also set a fire.

    GTD's unarmed assault is harm without a weapon; fire is one of Armed Assault's means (with
    firearms and blades), so people beaten while their trucks are burned suffered an armed assault.
    Stones thrown by rioters who also burn cars stay an unarmed assault (no one was laid hands on).
    The fire's words become the evidence."""
    if gtd[:1] != [cues.GTD_UNARMED] or cues.GTD_FACILITY not in gtd:
        return gtd
    if not any(_BEATING_WORDS.search(text, start, end) for start, end in spans.get(cues.GTD_UNARMED, ())):
        return gtd
    fires = [(start, end) for start, end in spans.get(cues.GTD_FACILITY, ()) if _FIRE_WORDS.search(text, start, end)]
    if not fires:
        return gtd
    spans[cues.GTD_ARMED] = fires
    return [cues.GTD_ARMED, *(name for name in gtd if name != cues.GTD_UNARMED)]


def _gtd_without_means(ctx: Context, spans: dict, found, violent: bool) -> list[str]:
    """GTD's type for an attack whose means no cue names, from who was attacked.

    People and property that do not shoot back were attacked by armed men (Armed Assault; the
    target's words become the evidence); an attack on armed forces stays Unknown, as GTD codes it,
    and so does an assault on a whole district or its centre (an offensive on ground that forces hold).
    """
    first = next(iter(getattr(found, "targets", ())), None)
    if ctx.sentences and _DISTRICT_ASSAULT.search(" ".join(s.text for s in ctx.sentences[:_LEAD_SENTENCES])):
        return [cues.GTD_UNKNOWN]
    attacked = first is not None and bool(_GTD_ATTACK_WORDS.search(ctx.text))
    for labels, attack_type in ((cues.GTD_UNARMED_TARGET_LABELS, cues.GTD_ARMED),
                                (cues.GTD_BEATEN_TARGET_LABELS, cues.GTD_UNARMED),
                                (cues.GTD_INFRASTRUCTURE_TARGET_LABELS, cues.GTD_FACILITY)):
        if attacked and first.label in labels:
            spans[attack_type] = [(span.start, span.end) for span in first.evidence[:2]]
            return [attack_type]
    return [cues.GTD_UNKNOWN] if violent or first is not None else []


def _apply_strategic_rule(scores: dict) -> None:
    """ACLED codes a strategic development only where no violence or demonstration took place: an
    arrest, a seizure or a withdrawal in a note of fighting is part of the battle, so strategic
    scores weigh little beside a clear violent or demonstration cue. A device defused is the one
    exception: the explosive words name the weapon kept from use, not an explosion."""
    others = [(score, key) for key, score in scores.items() if key[0] != "Strategic developments"]
    best, best_key = max(others, default=(0.0, None))
    if best < _EVENT_CUE_FLOOR:
        return
    for key in scores:
        if key[0] != "Strategic developments":
            continue
        if key == _DISRUPTED and best_key[0] == "Explosions/Remote violence":
            continue
        scores[key] *= _STRATEGIC_DISCOUNT


def _rank_acled(scores: dict) -> list[AcledType]:
    ranked = sorted(((score, key) for key, score in scores.items() if score >= 1.0), reverse=True)
    return [AcledType(event, sub, disorder) for _score_value, (event, sub, disorder) in ranked[:3]]
