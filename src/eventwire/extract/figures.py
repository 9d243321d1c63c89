"""Figures: killed, injured, missing, kidnapped, arrested, displaced, responders, as low/best/high.

Sentence-level patterns over the text (see `patterns/figure_words.py`):
number-then-outcome ("at least 40 people were killed"), outcome-then-number
("killing 103 people"), "left 5 dead", and toll phrases ("the death toll rose
to 60"). A figure about attackers ("two gunmen were killed") becomes
`perpetrators_<category>` so victims' counts stay apart. Figures in sentences
about other events ("since January", "last year's attack") are kept with the
flag `background`; hypothetical ones ("could rise") are dropped.
"""

from __future__ import annotations

import re

from eventwire.extract.context import Context
from eventwire.extract.numbers import QUANTITY, Quantity, quantity_from_match
from eventwire.extract.patterns import figure_words as words
from eventwire.records import Figure

EXTRACTOR = "figures.v1"

_Q = rf"(?P<quantity>{QUANTITY})"
_NOUN = rf"(?P<noun>(?:[\w'-]+\s+){{0,2}}?(?:{words.PERSON_NOUNS}))"
_AUX = r"(?:\s+(?:have|has|had|were|was|are|is|being|been|reportedly|also|all|so far|now|later|confirmed|" \
       r"believed|feared|were confirmed|to have been|who were|found))*"
_ASIDE = r"(?:\s*,[^,.;]{1,60},)?"


def _after_pattern(category: str) -> re.Pattern:
    """'<number> <noun> were <outcome>' and '<number> <outcome>'."""
    outcome = words.OUTCOME_AFTER[category]
    return re.compile(rf"\b{_Q}(?:\s+{_NOUN})?{_ASIDE}{_AUX}\s+(?P<outcome>{outcome})\b", re.I)


def _before_pattern(category: str) -> re.Pattern:
    """'<verb> <number> <noun>': killing 103 people, wounding three."""
    verbs = words.OUTCOME_BEFORE[category]
    return re.compile(rf"\b(?P<outcome>{verbs})\s+{_Q}(?:\s+{_NOUN})?", re.I)


_LEFT = re.compile(
    rf"\b(?:{words.LEFT_VERBS})\s+{_Q}(?:\s+{_NOUN})?\s+(?P<outcome>dead|killed|injured|wounded|missing|homeless)\b",
    re.I,
)
_TOLL = re.compile(
    rf"\b(?P<outcome>death toll|toll|number of (?:people |those |victims )?(?:killed|dead)|fatalities|"
    rf"number of (?:people |those )?(?:injured|wounded))\b[^.;]{{0,80}}?\b(?:rose|risen|rises|climbed|reached|"
    rf"increased|jumped|stands at|stood at|is|was|has risen to|revised (?:down|up)? ?to|to|at)\s+{_Q}",
    re.I,
)
_OF_NOUN = re.compile(
    rf"\b{_Q}\s+(?:of\s+)?(?P<outcome>fatalities|deaths|dead|casualties|injuries)\b", re.I,
)
_PATTERNS = [
    *((category, _after_pattern(category)) for category in words.OUTCOME_AFTER),
    *((category, _before_pattern(category)) for category in words.OUTCOME_BEFORE),
]
_BACKGROUND = re.compile(words.BACKGROUND, re.I)
_HYPOTHETICAL = re.compile(words.HYPOTHETICAL, re.I)
_PERPETRATOR = re.compile(rf"\b(?:{words.PERPETRATOR_NOUNS})\b", re.I)
_RESPONDER = re.compile(rf"\b(?:{words.RESPONDER_NOUNS})\b", re.I)
_OUTCOME_CATEGORY = [
    (re.compile(rf"^(?:{words.OUTCOME_AFTER[c]})$", re.I), c) for c in ("killed", "injured", "missing")
]


def extract_figures(ctx: Context) -> list[Figure]:
    """Every figure in the article, the incident's own first (see `order_figures`)."""
    found: dict[tuple[int, int], Figure] = {}
    for sentence in ctx.sentences:
        for figure in _figures_in_sentence(ctx, sentence):
            key = figure.evidence[0].start, figure.evidence[0].end
            found.setdefault(key, figure)
    return order_figures(list(found.values()))


def _figures_in_sentence(ctx: Context, sentence) -> list[Figure]:
    text = sentence.text
    background = bool(_BACKGROUND.search(text))
    figures = []
    for category, pattern in [*_PATTERNS, ("left", _LEFT), ("toll", _TOLL), ("noun", _OF_NOUN)]:
        for match in pattern.finditer(text):
            resolved = _category_of(category, match)
            quantity = quantity_from_match(match)
            if resolved is None or quantity is None or quantity.best is None or _is_hypothetical(text, match):
                continue
            if not _plausible(match, quantity):
                continue
            figures.append(_figure(ctx, sentence, match, resolved, quantity, background))
    return figures


def _category_of(category: str, match: re.Match) -> str | None:
    """The final category: outcome words decide for generic patterns; attackers make it perpetrators_."""
    outcome = match.group("outcome").lower()
    if category == "left":
        category = {"dead": "killed", "killed": "killed", "missing": "missing", "homeless": "displaced"}.get(
            outcome, "injured")
    elif category == "toll":
        category = "injured" if re.search(r"injured|wounded", outcome) else "killed"
    elif category == "noun":
        category = {"injuries": "injured", "casualties": "killed"}.get(outcome, "killed")
        if outcome == "casualties":
            return None  # killed and injured together: not a count of either
    noun = (match.groupdict().get("noun") or "").lower()
    if category == "responders" and not _RESPONDER.search(noun):
        return None
    if noun and category in {"killed", "injured", "arrested"} and _PERPETRATOR.search(noun):
        return f"perpetrators_{category}"
    return category


def _is_hypothetical(text: str, match: re.Match) -> bool:
    window = text[max(0, match.start() - 40):match.start()]
    return bool(_HYPOTHETICAL.search(window)) and "said" not in window


def _plausible(match: re.Match, quantity: Quantity) -> bool:
    """Reject numbers that are years, ages or times, not counts ("in 2019", "aged 25")."""
    raw = match.group("num") or ""
    if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not match.group("noun"):
        return False
    if quantity.best is not None and quantity.best > 1_000_000:
        return False
    # "a" and "an" count as one only with a noun: "a soldier was killed", never "a killed".
    return not (raw.lower() in {"a", "an", "no"} and not match.groupdict().get("noun"))


def _figure(ctx: Context, sentence, match: re.Match, category: str, quantity: Quantity,
            background: bool) -> Figure:
    base = sentence.start_char
    q_start, q_end = match.span("quantity")
    return Figure(
        category=category,
        low=quantity.low,
        best=quantity.best,
        high=quantity.high,
        qualifier=quantity.qualifier,
        evidence=(ctx.article.span(base + q_start, base + q_end),
                  ctx.article.span(base + match.start(), base + match.end())),
        attribution=ctx.attribution_at(base),
        extractor=EXTRACTOR,
        vague=quantity.vague,
        flags=("background",) if background else (),
    )


def order_figures(figures: list[Figure]) -> list[Figure]:
    """Figures with, for each category, the incident's chosen one first.

    The chosen figure is not background, exact before vague, then the largest
    best (partial counts such as "three of them children" are smaller), then
    the earliest in the text.
    """
    def rank(figure: Figure) -> tuple:
        return ("background" in figure.flags, figure.vague, -(figure.best or 0), figure.evidence[0].start)

    return sorted(figures, key=lambda f: (f.category, rank(f)))
