"""MUC-4: real wire articles (1988-90, upper case) with answer-key templates, as JSON lines.

Each line is `{"doc_id", "text", "templates": [...]}`; a template maps slot names
("PERP: ORGANIZATION ID", "HUM TGT: EFFECT OF INCIDENT"...) to lists of entries.
A template whose INCIDENT: TYPE is "*" says the article has no relevant incident.

Scored, as the README says: role fillers per role over all relevant templates of the
article (document level, the usual MUC-4 role-filler measure), the first relevant
template's incident type and perpetrator confidence, and, as issue 3 asks, the
human targets' effects (death, injury) and the number killed and injured.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from eventwire.errors import InputError
from eventwire.eval import predicted as pred
from eventwire.eval.cases import EvalCase, eval_article
from eventwire.eval.scoring import Scorecard
from eventwire.records import Record

ROLE_SLOTS = {
    "perp_individual": ("PERP: INDIVIDUAL ID",),
    "perp_organization": ("PERP: ORGANIZATION ID",),
    "physical_target": ("PHYS TGT: ID",),
    "human_target": ("HUM TGT: NAME", "HUM TGT: DESCRIPTION"),
    "instrument": ("INCIDENT: INSTRUMENT ID",),
}
# GTD attack type (eventwire's first) -> the MUC-4 incident type it corresponds to.
GTD_TO_MUC_TYPE = {
    "Armed Assault": "ATTACK", "Unarmed Assault": "ATTACK", "Assassination": "ATTACK",
    "Bombing/Explosion": "BOMBING", "Hostage Taking (Kidnapping)": "KIDNAPPING",
    "Hostage Taking (Barricade Incident)": "KIDNAPPING", "Hijacking": "KIDNAPPING",
    "Facility/Infrastructure Attack": "ARSON",
}
STANCE_TO_CONFIDENCE = {
    "claimed": "CLAIMED OR ADMITTED", "suspected": "SUSPECTED OR ACCUSED",
    "accused": "SUSPECTED OR ACCUSED BY AUTHORITIES", "unknown": "REPORTED AS FACT", None: "REPORTED AS FACT",
}
NO_PERPETRATOR = "(no perpetrator)"
_EMPTY = {"", "-", "*"}
# A quoted filler; answer keys escape quotes inside one: "\"SANTO TOMAS\" PRESIDENTIAL FARM".
_QUOTED = re.compile(r'"((?:\\.|[^"\\])+)"')
_DATELINE = re.compile(r"^[^\n]{0,80}?(\d{1,2}) ([A-Z]{3}) (\d{2})\b")


@dataclass(frozen=True)
class Muc4Gold:
    """An article's answer key reduced to what is scored."""

    relevant: bool
    fillers: dict[str, list[list[str]]]
    incident_type: str | None
    confidence: str | None
    death: bool
    injury: bool
    n_killed: int | None
    n_injured: int | None


def _entries(template: dict, slot: str) -> list[str]:
    return [entry.strip() for entry in template.get(slot, []) if entry.strip() not in _EMPTY]


def filler_alternatives(entry: str) -> list[str]:
    """The quoted strings of one slot entry before any cross-reference (`"MAYOR": "PEDRO"` -> MAYOR)."""
    head = entry.split('": ', 1)[0] + '"' if '": ' in entry else entry
    return quoted(head)


def quoted(entry: str) -> list[str]:
    """The quoted strings of a slot entry, escaped quotes inside them kept as quotes."""
    return [text.replace('\\"', '"').strip() for text in _QUOTED.findall(entry) if text.strip()]


def _first_value(entry: str) -> str:
    """A set-fill value without its '?' doubt mark, alternatives or cross-reference: '? DEATH: "X"' -> DEATH."""
    value = entry.lstrip("?( ").split(":", 1)[0]
    return value.split("/")[0].strip(" ()?")


def _targets_by_effect(template: dict) -> tuple[dict[str, str], dict[str, int | None]]:
    """Per human-target description: its effect and its number (None when not a plain number)."""
    effects, numbers = {}, {}
    for entry in _entries(template, "HUM TGT: EFFECT OF INCIDENT"):
        for name in quoted(entry):
            effects[name] = _first_value(entry)
    for entry in _entries(template, "HUM TGT: NUMBER"):
        value = _first_value(entry)
        for name in quoted(entry):
            numbers[name] = int(value) if value.isdigit() else None
    return effects, numbers


def _count_with_effect(template: dict, effect: str) -> int | None:
    """How many human targets the template gives this effect.

    None when the template codes no effects at all, or a number is not plain ("PLURAL").
    """
    effects, numbers = _targets_by_effect(template)
    if not effects:
        return None
    names = [name for name, found in effects.items() if found == effect]
    values = [numbers.get(name) for name in names]
    return None if any(v is None for v in values) else sum(values)  # type: ignore[arg-type]


def muc4_gold(templates: list[dict]) -> Muc4Gold:
    """The answer key of one article, from its templates."""
    relevant = [t for t in templates if _first_value((t.get("INCIDENT: TYPE") or ["*"])[0]) not in _EMPTY]
    fillers: dict[str, list[list[str]]] = {}
    for role, slots in ROLE_SLOTS.items():
        entities: dict[str, list[str]] = {}
        for template in relevant:
            for slot in slots:
                for entry in _entries(template, slot):
                    alternatives = filler_alternatives(entry)
                    if alternatives:
                        entities.setdefault(alternatives[0].lower(), alternatives)
        fillers[role] = list(entities.values())
    first = relevant[0] if relevant else {}
    confidences = _entries(first, "PERP: ORGANIZATION CONFIDENCE")
    effects = {_first_value(e) for t in relevant for e in _entries(t, "HUM TGT: EFFECT OF INCIDENT")}
    return Muc4Gold(
        relevant=bool(relevant),
        fillers=fillers,
        incident_type=_first_value(first["INCIDENT: TYPE"][0]) if relevant else None,
        confidence=_first_value(confidences[0]) if confidences else None,
        death="DEATH" in effects,
        injury="INJURY" in effects,
        n_killed=_count_with_effect(first, "DEATH") if relevant else None,
        n_injured=_count_with_effect(first, "INJURY") if relevant else None,
    )


def dateline_date(text: str) -> str | None:
    """The dateline's date ("SAN SALVADOR, 3 JAN 90 --"), the article's own publication date."""
    match = _DATELINE.match(text)
    if not match:
        return None
    try:
        return datetime.strptime(" ".join(match.groups()), "%d %b %y").date().isoformat()
    except ValueError:
        return None


def read_cases(path: Path) -> Iterator[EvalCase | InputError]:
    """One case per article line; a line that is not an article with templates yields an InputError."""
    with path.open(encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                text, templates = data["text"], data.get("templates", [])
                case_id = f"muc4:{data.get('doc_id') or line_no}"
            except (ValueError, KeyError, TypeError) as exc:
                yield InputError(f"expected a JSON object with 'text' and 'templates' ({exc})", path=str(path),
                                 line=line_no)
                continue
            article = eval_article(case_id, text, path=path, line=line_no, fmt="muc4-jsonl",
                                   published=dateline_date(text))
            yield EvalCase(case_id, article, muc4_gold(templates))


def score_case(card: Scorecard, case: EvalCase, records: list[Record], **_) -> None:
    """Score one MUC-4 article: role fillers, type, confidence, effects and numbers."""
    gold: Muc4Gold = case.gold
    incident = pred.first_incident(records)
    found = incident is not None
    card.detections("incident_found", int(found), int(found and gold.relevant), int(gold.relevant),
                    int(found and gold.relevant))
    if found != gold.relevant:
        card.wrong("incident_found", case, "missed incident" if gold.relevant else "incident in an irrelevant article",
                   gold.relevant, found)
    for role in ROLE_SLOTS:
        card.fillers(role, case, gold.fillers[role], pred.role_fillers(incident, role))
    if not gold.relevant:
        return
    types = incident.event_types if incident else None
    gtd_type = types.gtd[0] if types and types.gtd else None
    card.classes("incident_type", case, gold.incident_type, GTD_TO_MUC_TYPE.get(gtd_type, pred.NO_CLASS),
                 pred.span_texts(types.evidence) if types else ())
    if gold.confidence:
        actors = pred.perpetrators(incident)
        actor = next((a for a in actors if pred.is_organisation(a)), actors[0] if actors else None)
        predicted = STANCE_TO_CONFIDENCE.get(actor.stance, actor.stance) if actor else NO_PERPETRATOR
        card.classes("perp_confidence", case, gold.confidence, predicted,
                     pred.span_texts(actor.evidence) if actor else ())
    _score_effects(card, case, gold, incident)


def _score_effects(card: Scorecard, case: EvalCase, gold: Muc4Gold, incident) -> None:
    for effect, category, said, count in (("death", "killed", gold.death, gold.n_killed),
                                          ("injury", "injured", gold.injury, gold.n_injured)):
        figures = pred.figures_of(incident, category)
        value = max((f.best if f.best is not None else f.low or 0 for f in figures), default=None)
        evidence = tuple(text for f in figures for text in pred.span_texts(f.evidence))
        found = bool(value)
        card.detections(f"effect_{effect}", int(found), int(found and said), int(said), int(found and said))
        if found != said:
            card.wrong(f"effect_{effect}", case, "missed" if said else "spurious", said, value, evidence)
        if count is not None:
            card.count(f"n_{category}", case, count, value, evidence)
