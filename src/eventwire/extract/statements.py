"""Statements: warnings, claims, denials, condemnations, arrests and security measures, as records.

Each is found from cue phrases in a sentence and keeps its speaker (the phrase
before the cue, or the sentence's source), its subject (the group claimed,
warned about or cleared), its date and its spans. Consecutive sentences of the
same kind form one statement: a warning is usually told over several.
"""

from __future__ import annotations

import re

from eventwire.extract import actors as actor_rules
from eventwire.extract.context import Context
from eventwire.extract.prefilter import may_match
from eventwire.extract.sources import normalise_source, phrase_before
from eventwire.records import Actor, IncidentRecord, Span, StatementRecord, Target

EXTRACTOR = "statements.v1"

CUES = {
    # "warned that the toll could rise" is no warning: the cue must be about an attack or a threat.
    "warning": re.compile(r"\b(?:warn\w*[^.]{0,80}\b(?:attack|threat|terror\w*|extremist|target|plot|"
                          r"gatherings|avoid)\w*|duty to warn|imminent plans?|plans? to (?:target|attack)|"
                          r"shared information|threat of (?:an )?attack|advis\w+ (?:\w+ )?(?:citizens )?to avoid|"
                          r"security alert)\b", re.IGNORECASE),
    "claim": actor_rules.CLAIM_CUES,
    "denial": actor_rules.DENIAL_CUES,
    "condemnation": re.compile(r"\b(?:condemn\w*|denounc\w+|deplor\w+|described the (?:incident|attack) as|"
                               r"called (?:it|the attack) (?:a|an)|condolences|barbaric|vowed? (?:to )?"
                               r"punish\w*)\b", re.IGNORECASE),
    "arrest": re.compile(r"\b(?:arrest\w*|detain\w*|apprehend\w*|taken into custody|pre-trial detention|"
                         r"charged with|caught)\b", re.IGNORECASE),
    "security_measure": re.compile(r"\b(?:tightened (?:its )?security|security (?:measures|was tightened|"
                                   r"was stepped up)|heightened security|curfew|state of emergency|"
                                   r"stepped up security|high alert|checkpoints were set up|lockdown)\b", re.IGNORECASE),
}
_FIRST_WORDS = re.compile(r"^\W*(?:after|in turn|notably|meanwhile|however|also|earlier|later),?\s*", re.IGNORECASE)


def extract_statements(ctx: Context, found, incident: IncidentRecord | None) -> list[StatementRecord]:
    """Statement records in text order; consecutive sentences of one kind are one statement."""
    grouped: list[tuple[str, list]] = []
    lowered = ctx.text.lower()
    cues = {kind: cue for kind, cue in CUES.items() if may_match(cue, lowered)}  # most articles hold few kinds
    for sentence in ctx.sentences:
        for kind in _kinds_of(sentence.text, cues) if cues else ():
            if grouped and grouped[-1][0] == kind and grouped[-1][1][-1].end == sentence.start:
                grouped[-1][1].append(sentence)
            else:
                grouped.append((kind, [sentence]))
    return [_statement(ctx, found, incident, kind, sentences, n)
            for n, (kind, sentences) in enumerate(_one_warning(grouped))]


def _one_warning(grouped: list[tuple[str, list]]) -> list[tuple[str, list]]:
    """An article tells one warning, often over sentences apart: gather them into the first."""
    warnings = [sentence for kind, sentences in grouped if kind == "warning" for sentence in sentences]
    merged, placed = [], False
    for kind, sentences in grouped:
        if kind != "warning":
            merged.append((kind, sentences))
        elif not placed:
            merged.append((kind, warnings))
            placed = True
    return merged


def _kinds_of(text: str, cues: dict[str, re.Pattern]) -> list[str]:
    kinds = [kind for kind, cue in cues.items() if cue.search(text)]
    if "claim" in kinds and actor_rules.NEGATED_CLAIM.search(text):
        kinds.remove("claim")
    if "claim" in kinds and "denial" in kinds:
        kinds.remove("claim")  # "denied claims that ..." is a denial
    if "warning" in kinds and "claim" in kinds:
        kinds.remove("warning")
    return kinds


def _statement(ctx: Context, found, incident, kind: str, sentences: list, n: int) -> StatementRecord:
    first = sentences[0]
    evidence = tuple(ctx.article.span(s.start_char, s.end_char) for s in sentences)
    date = next((m.date for m in found.dates if m.sentence in {ctx.sentence_index(s.start_char)
                                                               for s in sentences}), None)
    subject = _subject(ctx, kind, sentences)
    figures = tuple(f for f in found.figures if f.category in {"arrested", "perpetrators_arrested"}
                    and any(s.start_char <= f.evidence[0].start < s.end_char for s in sentences))
    return StatementRecord(
        article_id=ctx.article.id,
        record_id=f"{ctx.article.id}:{kind}:{n}",
        kind=kind,
        speaker=_speaker(ctx, kind, sentences),
        subject=subject,
        evidence=evidence,
        attribution=ctx.attribution_at(first.start_char),
        extractor=EXTRACTOR,
        date=date,
        published=ctx.article.published.isoformat() if ctx.article.published else None,
        about=incident.record_id if incident and kind != "warning" else None,
        figures=figures,
        targets=_warning_targets(ctx, sentences) if kind == "warning" else (),
        precedes_incident=kind == "warning",
        summary=_summary(evidence),
    )


def _speaker(ctx: Context, kind: str, sentences: list) -> Actor | None:
    """Who made the statement: for claims, denials and condemnations the phrase before the cue; else
    the last link of the sentence's chain; else (an unattributed "The embassy warned", "Police
    arrested") the phrase before the cue."""
    if kind in {"denial", "condemnation", "claim"}:
        speaker = _phrase_speaker(ctx, kind, sentences)
        if speaker is not None:
            return speaker
    chain = ctx.attribution_at(sentences[-1].start_char).chain
    deepest = max((ctx.attribution_at(s.start_char).chain for s in sentences), key=len)
    source = (deepest if len(deepest) > len(chain) else chain)[-1]
    if source.kind == "outlet":
        return _phrase_speaker(ctx, kind, sentences)
    return Actor(source.name, "official", source.evidence, EXTRACTOR)


def _phrase_speaker(ctx: Context, kind: str, sentences: list) -> Actor | None:
    """The noun phrase just before the first cue of `kind` ("The Taliban denied ..."), if any."""
    for sentence in sentences:
        match = CUES[kind].search(sentence.text)
        token = next((t for t in sentence if t.idx >= sentence.start_char + match.start()), None) if match else None
        end = token.i if token is not None else None
        while end is not None and end > sentence.start and sentence.doc[end - 1].pos_ == "AUX":
            end -= 1  # "Russia has tightened ...": the speaker stands before the auxiliary
        phrase = phrase_before(sentence, end) if end is not None else None
        if phrase is not None:
            name, _ = normalise_source(_FIRST_WORDS.sub("", phrase.text))
            span = ctx.article.span(phrase.start_char, phrase.end_char)
            return Actor(actor_rules.normalise_group(name), "official", (span,), EXTRACTOR)
    return None


def _subject(ctx: Context, kind: str, sentences: list) -> Actor | None:
    """The group claimed, warned about or denied; for denials, the party cleared."""
    for sentence in sentences:
        for mention in actor_rules.find_groups(sentence.text):
            span = ctx.article.span(sentence.start_char + mention.start, sentence.start_char + mention.end)
            stance = {"claim": "claimed", "denial": "denied"}.get(kind)
            return Actor(mention.canonical, "perpetrator" if stance else "other", (span,), EXTRACTOR, stance,
                         "group")
        if kind == "denial":
            denied = actor_rules._denied_parties(ctx, sentence, ctx.attribution_at(sentence.start_char))
            if denied:
                return denied[0]
    return None


_GATHERINGS = re.compile(r"\b(?:large gatherings|gatherings|crowds|concerts?|music concerts|"
                         r"shopping (?:centres|malls)|places of worship|synagogues|churches|mosques|"
                         r"public events|stadiums?)\b", re.IGNORECASE)


def _warning_targets(ctx: Context, sentences: list) -> tuple[Target, ...]:
    spans: list[Span] = []
    for sentence in sentences:
        for match in _GATHERINGS.finditer(sentence.text):
            start = sentence.start_char + match.start()
            spans.append(ctx.article.span(start, start + len(match.group(0))))
    if not spans:
        return ()
    return (Target("large gatherings", "Private Citizens & Property", tuple(spans), EXTRACTOR),)


def _summary(evidence: tuple[Span, ...]) -> str:
    text = " ".join(span.text.strip() for span in evidence)
    return text if len(text) <= 240 else text[:237] + "..."
