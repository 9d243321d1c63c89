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
from eventwire.extract.prefilter import may_match
from eventwire.records import AcledType, EventTypes

EXTRACTOR = "event_types.v1"

_LEAD_SENTENCES = 2
_SKIP_SENTENCE = re.compile(r"\b(?:warn\w*|plans? to|imminent|intelligence reports|could target|last year|"
                            r"previous attack)\b", re.IGNORECASE)
_ARMED_TARGETS = {"military", "police", "militia"}
_SHOOTING_TYPES = {("Violence against civilians", "Attack"), ("Battles", "Armed clash")}


@lru_cache(maxsize=1)
def _compiled():
    gtd = [(name, re.compile(regex, re.IGNORECASE), weight) for name, regex, weight in cues.GTD_CUES]
    acled = [((event, sub, disorder), re.compile(regex, re.IGNORECASE), weight)
             for event, sub, disorder, regex, weight in cues.ACLED_CUES]
    return gtd, acled


def classify_event_types(ctx: Context, found) -> EventTypes:
    """GTD and ACLED types, most likely first, with the cue spans that decided them."""
    gtd_cues, acled_cues = _compiled()
    gtd_scores, gtd_spans = _score(ctx, gtd_cues)
    acled_scores, acled_spans = _score(ctx, acled_cues)
    _apply_target_rule(acled_scores, acled_spans, found)
    _apply_protest_rule(acled_scores)
    gtd = _rank_gtd(gtd_scores) or ([cues.GTD_UNKNOWN] if acled_scores else [])
    acled = _rank_acled(acled_scores)
    offsets = list(gtd_spans.get(gtd[0], ())[:3]) if gtd else []
    if acled:
        key = (acled[0].event_type, acled[0].sub_event_type, acled[0].disorder_type)
        offsets += [o for o in acled_spans.get(key, ())[:3] if o not in offsets]
    evidence = tuple(ctx.article.span(start, end) for start, end in offsets)
    scores = {f"gtd:{k}": round(v, 2) for k, v in gtd_scores.items()}
    scores.update({f"acled:{k[0]}/{k[1]}": round(v, 2) for k, v in acled_scores.items()})
    return EventTypes(tuple(gtd), tuple(acled), evidence, EXTRACTOR, scores)


def _score(ctx: Context, compiled) -> tuple[dict, dict]:
    """Cue weights summed per type over the article (one pass of each cue over the whole text:
    per-sentence passes cost several times more in call overhead). Spans are kept as offsets;
    only the few that become evidence are built."""
    scores: dict = defaultdict(float)
    spans: dict = defaultdict(list)
    skipped = {i for i, sentence in enumerate(ctx.sentences) if _SKIP_SENTENCE.search(sentence.text)}
    lowered = ctx.text.lower()
    for key, pattern, weight in compiled:
        if not may_match(pattern, lowered):
            continue
        for match in pattern.finditer(ctx.text):
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
    """In a protest note, an arrest, a lockdown or a decision is usually what is protested ("against
    the arrest of ...", "against lockdown restrictions"): strategic developments then weigh little.
    Protesters arrested are a Protest with intervention, which has cues of its own."""
    protest = ("Protests", "Peaceful protest", cues.DEM)
    if scores.get(protest, 0.0) < 1.5:
        return
    for key in scores:
        if key[0] == "Strategic developments":
            scores[key] *= 0.3


def _rank_gtd(scores: dict) -> list[str]:
    if not scores:
        return []
    best = max(scores.values())
    kept = [name for name, score in scores.items() if score >= 0.5 * best and score >= 1.0]
    return sorted(kept, key=cues.GTD_HIERARCHY.index)


def _rank_acled(scores: dict) -> list[AcledType]:
    ranked = sorted(((score, key) for key, score in scores.items() if score >= 1.0), reverse=True)
    return [AcledType(event, sub, disorder) for _score_value, (event, sub, disorder) in ranked[:3]]
