"""Figures: killed, injured, missing, kidnapped, arrested, displaced, responders, as low/best/high.

Sentence-level patterns over the text (see `patterns/figure_words.py`):
number-then-outcome ("at least 40 people were killed"), outcome-then-number
("killing 103 people"), "left 5 dead", and toll phrases ("the death toll rose
to 60"). A figure about attackers ("two gunmen were killed") becomes
`perpetrators_<category>` so victims' counts stay apart. Figures in sentences
about other events ("since January", "last year's attack") are kept with the
flag `background`; hypothetical ones ("could rise") are dropped.

Victims listed without a number count one each ("the mayor and his driver were
killed" -> 2); a plural without a number ("the boys were killed") is no count.
A total told for several incidents ("killed across both attacks", "fatalities
split between 3 events") keeps its value and is flagged `shared_by:N`: how each
dataset shares it out is an export convention (`eval/predicted.py`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.extract.context import Context
from eventwire.extract.figure_groups import (
    Group,
    back_references,
    groups_before,
    object_groups,
    subject_groups,
)
from eventwire.extract.numbers import QUANTITY, Quantity, parse_number, quantity_from_match
from eventwire.extract.patterns import figure_words as words
from eventwire.extract.prefilter import search_any_case
from eventwire.records import Figure

EXTRACTOR = "figures.v3"

_Q = rf"(?P<quantity>{QUANTITY})"
# "13 soldiers and fighters were killed": a second noun joined by "and" with no number of its own is
# the same count ("13 soldiers and a policeman" or "and three civilians" are two groups).
_UNNUMBERED = (r"(?!(?:a|an|the|his|her|their|its|one|two|three|four|five|six|seven|eight|nine|ten|\d+|killed|"
               r"injured|wounded|killing|injuring|wounding|abducted|kidnapped|arrested|detained)\b)")
_PLURAL_END = r"(?:(?<=s)|(?<=men)|(?<=people)|(?<=police)|(?<=personnel)|(?<=staff)|(?<=children))"
# Up to four modifier words before the counted noun, never across "and"/"while" (another group).
# "by" starts the agent, never a modifier: "an airstrike by Afghan forces killed 16" counts no forces.
_NOUN = rf"(?P<noun>(?:(?!(?:and|or|while|but|were|was|by|ago|years?|months?|weeks?|days?|hours?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b)[A-Za-z'().-]+\s+){{0,4}}?(?:{words.PERSON_NOUNS})(?:\s+and\s+(?:{_UNNUMBERED}[A-Za-z'-]+\s+){{0,2}}?{_UNNUMBERED}(?:{words.PERSON_NOUNS}){_PLURAL_END})?)\b"
_AUX = r"(?:\s+(?:have|has|had|were|was|are|is|being|been|reportedly|reported|also|all|so far|now|later|confirmed|" \
       r"believed|feared|were confirmed|to have been|who were|found|remain|remained|still))*"
# A short aside, or a long "including ..." one that may hold commas itself:
# "At least five people, including Abdul Waris, a unit commander, were killed".
_ASIDE = r"(?:\s*,[^,.;]{1,60},|\s+--[^.;]{1,60}--|\s*[,\u2013-]\s*including\b[^.;]{1,160}?,)?"


def _any_of(table: dict[str, str]) -> str:
    return "|".join(f"(?:{regex})" for regex in table.values())


# One pattern for every category (the outcome word then says which): a pass per category
# cost several times more. '<number> <noun> were <outcome>', '<number> <outcome>':
_AFTER = re.compile(rf"\b{_Q}(?:\s+{_NOUN})?{_ASIDE}{_AUX}\s+(?P<outcome>{_any_of(words.OUTCOME_AFTER)})\b", re.IGNORECASE)
# '<verb> <number> <noun>': killing 103 people, wounding three.
_BEFORE = re.compile(rf"\b(?P<outcome>{_any_of(words.OUTCOME_BEFORE)})\s+{_Q}(?:\s+{_NOUN})?", re.IGNORECASE)
_CATEGORY_OF_OUTCOME = {
    "after": [(category, re.compile(rf"(?:{regex})", re.IGNORECASE)) for category, regex in words.OUTCOME_AFTER.items()],
    "before": [(category, re.compile(rf"(?:{regex})", re.IGNORECASE)) for category, regex in words.OUTCOME_BEFORE.items()],
}


_LEFT = re.compile(
    rf"\b(?:{words.LEFT_VERBS})\s+{_Q}(?:\s+{_NOUN})?\s+(?P<outcome>dead|killed|injured|wounded|missing|homeless)\b",
    re.IGNORECASE,
)
_TOLL = re.compile(
    rf"\b(?P<outcome>death toll|toll|number of (?:people |those |victims )?(?:killed|dead)|fatalities|"
    rf"number of (?:dead|victims|fatalities|deaths)|"
    rf"number of (?:people |those )?(?:injured|wounded))\b[^.;]{{0,80}}?\b(?:rose|risen|rises|climbed|reached|"
    rf"increased|jumped|stands at|stood at|is|was|has risen to|revised (?:down|up)? ?to|range[sd]? from|"
    rf"ranging from|to|at)\s+{_Q}",
    re.IGNORECASE,
)
# "took 20 passengers hostage": the outcome comes after the counted noun, the verb before the number.
_HOSTAGE = re.compile(
    rf"\b(?:took|taken|taking|takes|held|holding)\s+{_Q}(?:\s+{_NOUN})?\s+(?P<outcome>hostage|captive)\b", re.IGNORECASE,
)
_OF_NOUN = re.compile(
    rf"\b{_Q}\s+(?:of\s+)?(?P<outcome>fatalit(?:y|ies)|deaths|dead|casualties|injur(?:y|ies))\b", re.IGNORECASE,
)
_PATTERNS = [("after", _AFTER), ("before", _BEFORE)]
_BACKGROUND = re.compile(words.BACKGROUND, re.IGNORECASE)
_PROTEST_CAUSE = re.compile(words.PROTEST_CAUSE, re.IGNORECASE)
_EITHER_OR = re.compile(words.EITHER_OR, re.IGNORECASE)
_HYPOTHETICAL = re.compile(words.HYPOTHETICAL, re.IGNORECASE)
_PERPETRATOR = re.compile(rf"\b(?:{words.PERPETRATOR_NOUNS})\b", re.IGNORECASE)
_RESPONDER = re.compile(rf"\b(?:{words.RESPONDER_NOUNS})\b", re.IGNORECASE)


def extract_figures(ctx: Context) -> list[Figure]:
    """Every figure in the article, the incident's own first (see `order_figures`)."""
    found: dict[tuple[int, int], Figure] = {}
    for sentence in ctx.sentences:
        for figure in _shared_across_incidents(ctx, sentence, _figures_in_sentence(ctx, sentence)):
            key = figure.category, figure.evidence[0].start, figure.evidence[0].end
            found.setdefault(key, figure)
    return order_figures(_split_by_coder(ctx, list(found.values())))


_ACROSS = re.compile(words.ACROSS_INCIDENTS, re.IGNORECASE)
_ONE_OF = re.compile(words.ONE_OF_INCIDENTS, re.IGNORECASE)
_SPLIT = re.compile(words.SPLIT_BETWEEN, re.IGNORECASE)
_SHARED = "shared_by:"


def _n_incidents(word: str | None) -> int | None:
    """2 for "both", the number for a number word or digits, None for "all" or nothing."""
    if not word or word.lower() == "all":
        return None
    return 2 if word.lower() == "both" else parse_number(word)


def _shared_across_incidents(ctx: Context, sentence, figures: list[Figure]) -> list[Figure]:
    """Flag `shared_by:N` the figures of a sentence that totals N incidents ("killed across both
    attacks"; "This was one of five related attacks" gives N when the sentence does not)."""
    across = _ACROSS.search(sentence.text) if figures else None
    if across is None:
        return figures
    n = _n_incidents(next((g for g in across.group("n", "n2", "n3", "n4") if g), None))
    if n is None:
        one_of = _ONE_OF.search(ctx.text)
        n = _n_incidents(one_of.group("n")) if one_of else None
    return [_with_share(f, n) for f in figures] if n and n > 1 else figures


def _with_share(figure: Figure, n: int) -> Figure:
    if any(flag.startswith(_SHARED) for flag in figure.flags):
        return figure
    return replace(figure, flags=figure.flags + (f"{_SHARED}{n}",))


def _split_by_coder(ctx: Context, figures: list[Figure]) -> list[Figure]:
    """A coder's "fatalities split between 2 events (4)": every death figure is flagged `shared_by:2`,
    and a stated share ("(4)") becomes the coded figure."""
    split = _SPLIT.search(ctx.text)
    n = _n_incidents(split.group("n")) if split else None
    if not n or n < 2:
        return figures
    figures = [_with_share(f, n) if f.category in ("killed", "perpetrators_killed") else f for f in figures]
    if split.group("each"):
        value = int(split.group("each"))
        evidence = (ctx.article.span(split.start("each"), split.end("each")),
                    ctx.article.span(split.start(), split.end()))
        figures.append(Figure("killed", value, value, value, "coded", evidence,
                              ctx.attribution_at(split.start()), EXTRACTOR, flags=("coded", "share")))
    return figures


# Every figure pattern needs one of these stems: sentences without any are skipped at once.
_ANY_OUTCOME = re.compile(r"kill|dead|die[ds]|death|wound|injur|hurt|missing|unaccounted|kidnap|abduct|hostage|"
                          r"captiv|seiz|arrest|detain|apprehend|custody|rounded up|captur|displac|flee|fled|"
                          r"homeless|evacuat|toll|fatal|casualt|dispatch|deploy|sent to|rushed to|slain|murder|"
                          r"massacr|execut|behead|lynch|perish|lost their lives|shot|hospital|nabbed|maimed|"
                          r"bodies|body of|burned to death|assassinat|stabbed|succumbed", re.IGNORECASE)


# A coder's own count, as ACLED notes end: "Unknown fatalities coded as 10", "Fatalities coded as 0".
_CODED = re.compile(r"\b(?P<outcome>fatalities|deaths)(?: and injuries)?(?: \w+)? coded as (?P<num>\d+)\b",
                    re.IGNORECASE)


def _coded_figures(ctx: Context, sentence) -> list[Figure]:
    """The figure a coder states outright; it outranks every figure read from the prose."""
    found = []
    base = sentence.start_char
    for match in _CODED.finditer(sentence.text):
        value = int(match.group("num"))
        evidence = (ctx.article.span(base + match.start("num"), base + match.end("num")),
                    ctx.article.span(base + match.start(), base + match.end()))
        found.append(Figure("killed", value, value, value, "coded", evidence, ctx.attribution_at(base), EXTRACTOR,
                            flags=("coded",)))
    return found


# "In addition to the two assailants, 32 people were killed": the attackers died too.
_IN_ADDITION = re.compile(rf"\bin addition to (?:the )?(?:(?P<quantity>{QUANTITY})\s+)?(?P<noun>(?:suicide )?"
                          r"(?:assailants?|attackers?|bombers?|perpetrators?|gunm[ae]n|driver))\b", re.IGNORECASE)


def _in_addition_figures(ctx: Context, sentence) -> list[Figure]:
    """Perpetrators' deaths told as "in addition to the assailant(s), N were killed"."""
    found = []
    base = sentence.start_char
    for match in _IN_ADDITION.finditer(sentence.text):
        if not re.search(r"\b(?:killed|died|dead)\b", sentence.text[match.end():]):
            continue
        quantity = quantity_from_match(match) if match.group("quantity") else None
        count = quantity.best if quantity else (2 if match.group("noun").lower().endswith("s") else 1)
        found.append(Figure("perpetrators_killed", count, count, count, None,
                            (ctx.article.span(base + match.start("noun"), base + match.end("noun")),
                             ctx.article.span(base + match.start(), base + match.end())),
                            ctx.attribution_at(base), EXTRACTOR, flags=("additional",)))
    return found


def _figures_in_sentence(ctx: Context, sentence) -> list[Figure]:
    text = sentence.text
    coded = _coded_figures(ctx, sentence)
    if coded:
        return coded
    if not search_any_case(_ANY_OUTCOME, text, sentence.lower):
        return []
    background = search_any_case(_BACKGROUND, text, sentence.lower)
    figures = []
    for category, pattern in [*_PATTERNS, ("left", _LEFT), ("toll", _TOLL), ("noun", _OF_NOUN),
                              ("kidnapped", _HOSTAGE)]:
        for match in pattern.finditer(text):
            figures.extend(_figures_of_match(ctx, sentence, category, match, background))
    figures.extend(_in_addition_figures(ctx, sentence))
    if not _is_hypothetical(text, None):
        counted = {f.category.removeprefix("perpetrators_") for f in figures}
        listed = [f for f in _listed_victims(ctx, sentence, background)
                  if f.category.removeprefix("perpetrators_") not in counted]
        counted |= {f.category.removeprefix("perpetrators_") for f in listed}
        figures.extend(listed)
        figures.extend(f for f in _singular_victims(ctx, sentence, background)
                       if f.category.removeprefix("perpetrators_") not in counted)
        if "killed" not in counted:
            figures.extend(_back_referenced_victims(ctx, sentence, background))
    return _protest_causes_as_background(sentence, figures)


def _back_referenced_victims(ctx: Context, sentence, background: bool) -> list[Figure]:
    """"abducted four boys ... The boys were killed": the number counted before (see `figure_groups`)."""
    found = []
    for reference in back_references(ctx.text, sentence.start_char, sentence.end_char):
        quantity = reference.quantity
        category = "perpetrators_killed" if reference.perpetrator else "killed"
        evidence = (ctx.article.span(*reference.quantity_span), ctx.article.span(*reference.span))
        found.append(Figure(category, quantity.low, quantity.best, quantity.high, quantity.qualifier, evidence,
                            ctx.attribution_at(sentence.start_char), EXTRACTOR,
                            flags=("back_reference",) + (("background",) if background else ())))
    return found[:1]


def _protest_causes_as_background(sentence, figures: list[Figure]) -> list[Figure]:
    """Flag `background` the figures of a killing told as what a protest answered."""
    cause = _PROTEST_CAUSE.search(sentence.text) if figures else None
    if cause is None:
        return figures
    after = sentence.start_char + cause.end()
    return [replace(f, flags=f.flags + ("background",)) if f.evidence[-1].start >= after
            and "background" not in f.flags else f for f in figures]


def _figures_of_match(ctx: Context, sentence, category: str, match: re.Match, background: bool) -> list[Figure]:
    """The figure one pattern match gives, summed with the counted groups coordinated with it."""
    text = sentence.text
    resolved = _category_of(category, match)
    quantity = quantity_from_match(match)
    if resolved is None or quantity is None or quantity.best is None or _is_hypothetical(text, match):
        return []
    if category == "after" and _EITHER_OR.match(text, match.end()):
        return []  # "15 assailants were killed or injured": no count of either
    groups, total = _coordinated(ctx, sentence, match, category)
    outcome = match.group("outcome")
    parts = [_group_figure(ctx, sentence, group, part_category, background)
             for group in groups if group.quantity is not None and group.quantity.best is not None
             for part_category in [_category_of(category, match, outcome, text[group.start:group.end])]
             if part_category]
    if total is not None:
        # "48 people, including 20 soldiers and [28 assailants] were killed": the total counts everyone
        total_category = _category_of(category, match, outcome, text[total.start:total.end])
        return _join_parts(_group_figure(ctx, sentence, total, total_category, background, match.end()),
                           parts) if total_category else []
    if not _plausible(match, quantity):
        # "Four soldiers and an unknown number of attackers were killed": the counted group stands alone
        return _join_parts(parts[0], parts[1:]) if parts and _UNKNOWN_NUMBER.match(match.groupdict().get("noun") or "") else []
    return _join_parts(_figure(ctx, sentence, match, resolved, quantity, background), parts)


def _coordinated(ctx: Context, sentence, match: re.Match, category: str) -> tuple[list[Group], Group | None]:
    """Counted groups joined to a figure ("The mayor and 11 guards were killed", "killed two soldiers
    and a civilian"), and the total the figure is part of ("20 people, including 13 assailants")."""
    if category == "after" and match.start("quantity") == match.start():
        noun = match.groupdict().get("noun") or ""
        return groups_before(ctx, sentence, match.start(), own_perpetrator=bool(_PERPETRATOR.search(noun)))
    if category == "before":
        return object_groups(ctx, sentence, match.end(), after_group=True), None
    return [], None


def _group_figure(ctx: Context, sentence, group: Group, category: str, background: bool,
                  phrase_end: int | None = None) -> Figure:
    """The figure of one listed group; its phrase runs to `phrase_end` when given (the outcome word)."""
    base, quantity = sentence.start_char, group.quantity
    return Figure(category, quantity.low, quantity.best, quantity.high, quantity.qualifier,
                  (ctx.article.span(base + group.quantity_start, base + group.quantity_end),
                   ctx.article.span(base + group.start, base + (phrase_end or group.end))),
                  ctx.attribution_at(base), EXTRACTOR, quantity.vague,
                  (("background",) if background else ()) + _additional(sentence.text, group.start))


def _join_parts(figure: Figure, parts: list[Figure]) -> list[Figure]:
    """Parts of one category add up into one figure, the matched figure's own category into it;
    others stand apart (attackers apart from victims)."""
    joined = [_summed(figure, [p for p in parts if p.category == figure.category])]
    for category in dict.fromkeys(p.category for p in parts if p.category != figure.category):
        same = [p for p in parts if p.category == category]
        joined.append(_summed(same[0], same[1:]))
    return joined


def _summed(figure: Figure, same: list[Figure]) -> Figure:
    if not same:
        return figure
    return Figure(figure.category, _sum(figure.low, *[p.low for p in same]),
                  _sum(figure.best, *[p.best for p in same]), _sum(figure.high, *[p.high for p in same]),
                  figure.qualifier, figure.evidence + tuple(p.evidence[0] for p in same),
                  figure.attribution, EXTRACTOR, figure.vague, figure.flags + ("sum",))


def _sum(*values: int | None) -> int | None:
    return None if any(v is None for v in values) else sum(values)


_SINGULAR = re.compile(r"\b(?:was|has been|had been)\s+(?:reportedly\s+)?(?:(?:shot|stabbed) and\s+)?"
                       r"(?P<outcome>killed|shot dead|murdered|assassinated|beheaded|stabbed to death|lynched|"
                       r"executed|(?:beaten|hacked|burned|tortured) to death|"
                       r"fatally (?:shot|stabbed|assaulted|beaten|attacked|wounded|injured)|injured|wounded|hurt)\b",
                       re.IGNORECASE)
_KILLED_ONE = re.compile(r"\b(?P<outcome>shot and killed|killed|shot dead|assassinated|murdered|beheaded|"
                         r"stabbed to death|(?:shot|opened fire) and (?:injured|wounded))\s+"
                         r"(?:a|an|one|the(?!\s+\w+s\b))\s+"
                         r"(?!number|total|group|series|short|few|while|day|week|month|year|moment|little|time|hour)\w+",
                         re.IGNORECASE)
# "resulting in the death of the commander", "the body of a man was found", "later died of his injuries":
# one death told without a number.
_ONE_DEATH = re.compile(r"\b(?:(?P<outcome>death)\s+of\s+(?:the|a|an|one|his|her|their)\s+(?!number|total)"
                        r"(?P<noun>(?:[\w-]+\s+){0,3}?[\w-]+)\b(?!\s+of\s+(?:people|civilians|soldiers))|"
                        r"(?:the|a)\s+(?:[\w-]+\s+)?body\s+of\s+(?:a|an|one)\s+(?:[\w-]+\s+){0,2}?"
                        r"(?:man|woman|girl|boy|child|person|youth|teenager|soldier|officer|policeman|civilian)\b"
                        r"(?=[^.;]{0,80}\b(?:was|has been|had been)\s+(?:found|discovered|recovered|dumped))|"
                        r"\b(?:he|she|the \w+|and|(?-i:[A-Z][\w'-]+))\s+(?:later\s+)?(?:died|succumbed)\s+"
                        r"(?:of|from|to)\s+(?:his|her)\s+(?:injuries|wounds))", re.IGNORECASE)
_KILLED_NAMED = re.compile(r"\b(?P<outcome>(?:shot and )?killed|assassinated|murdered|beheaded|shot dead)\s+"
                           r"(?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*)")


_NEGATED_SUBJECT = re.compile(r"\b(?:no one|no-one|nobody|none(?: of [\w ]+)?|no \w+)\s*$", re.IGNORECASE)


def _singular_victims(ctx: Context, sentence, background: bool) -> list[Figure]:
    """One killed (or injured) for "X was killed" and "killed <named person>", where no number is given."""
    text = sentence.text
    persons = {ent.start_char for ent in sentence.ents if ent.label_ == "PERSON"}
    found: dict[str, Figure] = {}
    for pattern in (_SINGULAR, _KILLED_ONE, _KILLED_NAMED, _ONE_DEATH):
        for match in pattern.finditer(text):
            if pattern is _KILLED_NAMED and sentence.start_char + match.start("name") not in persons:
                continue
            subject = text[max(0, match.start() - 60):match.start()].split(",")[-1]
            if _NEGATED_SUBJECT.search(subject):
                continue  # "No one was killed", "nobody was hurt": no victim to count
            outcome = (match.group("outcome") or "").lower()
            harmed = re.search(r"injured|wounded|hurt", outcome) and not outcome.startswith("fatally")
            category = "injured" if harmed else "killed"
            if pattern is _SINGULAR and _PERPETRATOR.search(subject):
                category = f"perpetrators_{category}"
            elif pattern is _ONE_DEATH and _PERPETRATOR.search(match.group("noun") or subject):
                category = "perpetrators_killed"
            span = ctx.article.span(sentence.start_char + match.start(), sentence.start_char + match.end())
            flags = ("singular",) + (("background",) if background else ()) + _additional(text, match.start())
            found.setdefault(category, Figure(category, 1, 1, 1, None, (span,),
                                              ctx.attribution_at(sentence.start_char), EXTRACTOR, flags=flags))
    return list(found.values())


# Victims listed under one outcome word: "Nazari and his driver were killed", "killed the head of the
# council", "Two police officers and one NDS member were killed" (see `figure_groups`). A plural
# without a number is no count ("the boys were killed").
_LISTED_PASSIVE = re.compile(r"\s+(?:were|have been|had been)\s+(?:reportedly\s+|both\s+|later\s+|all\s+)?"
                             r"(?:(?:shot|abducted|kidnapped|stabbed|attacked|tortured|captured) and\s+)?"
                             r"(?P<outcome>killed|shot dead|murdered|assassinated|beheaded|executed|decapitated|"
                             r"(?:shot|stabbed|beaten|hacked|burned|tortured) to death|injured|wounded|hurt)\b",
                             re.IGNORECASE)
_LISTED_ACTIVE = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )\b(?P<outcome>killed|killing|assassinated|murdered|beheaded|executed|decapitated|"
                            r"shot dead|stabbed to death|injuring|wounding)\s+", re.IGNORECASE)
_INJURY_WORDS = frozenset(["injured", "wounded", "hurt", "injuring", "wounding"])


def _listed_victims(ctx: Context, sentence, background: bool) -> list[Figure]:
    """The people listed as subjects of a passive outcome (two or more) or objects of an active one."""
    found: dict[str, Figure] = {}
    for match in _LISTED_PASSIVE.finditer(sentence.text):
        if _EITHER_OR.match(sentence.text, match.end()):
            continue
        groups = subject_groups(ctx, sentence, match.start())
        if len(groups) >= 2 or (groups and groups[0].quantity_end != groups[0].end):
            # one unnumbered passive subject is `_SINGULAR`'s ("X was killed")
            _add_listed(ctx, sentence, found, match, groups, background)
    for match in _LISTED_ACTIVE.finditer(sentence.text):
        _add_listed(ctx, sentence, found, match, object_groups(ctx, sentence, match.end()), background)
    return list(found.values())


def _add_listed(ctx: Context, sentence, found: dict, match: re.Match, groups: list[Group],
                background: bool) -> None:
    """One figure per category (victims, perpetrators) summing the listed groups of known size."""
    counted = [g for g in groups if g.quantity is not None and g.quantity.best is not None]
    if not counted:
        return
    base, outcome = sentence.start_char, "injured" if match.group("outcome").lower() in _INJURY_WORDS else "killed"
    for perpetrator in (False, True):
        part = [g for g in counted if g.perpetrator == perpetrator]
        if not part:
            continue
        category = f"perpetrators_{outcome}" if perpetrator else outcome
        start, end = min(match.start(), groups[0].start), max(match.end(), groups[-1].end)
        low, best, high = (_sum(*[getattr(g.quantity, k) for g in part]) for k in ("low", "best", "high"))
        flags = ("listed",) + (("background",) if background else ()) + _additional(sentence.text, start)
        found.setdefault(category, Figure(category, low, best, high, part[0].quantity.qualifier,
                                          (ctx.article.span(base + part[0].start, base + part[-1].end),
                                           ctx.article.span(base + start, base + end)),
                                          ctx.attribution_at(base), EXTRACTOR, flags=flags))


def _category_of(category: str, match: re.Match, outcome: str | None = None, noun: str | None = None) -> str | None:
    """The final category: outcome words decide for generic patterns; attackers make it perpetrators_.
    `noun` is the counted phrase when it is not the match's own (a listed group)."""
    outcome = (outcome or match.group("outcome")).lower()
    if category in _CATEGORY_OF_OUTCOME:
        category = next((c for c, regex in _CATEGORY_OF_OUTCOME[category] if regex.fullmatch(outcome)), None)
        if category is None:
            return None
    elif category == "left":
        category = {"dead": "killed", "killed": "killed", "missing": "missing", "homeless": "displaced"}.get(
            outcome, "injured")
    elif category == "toll":
        category = "injured" if re.search(r"injured|wounded", outcome) else "killed"
    elif category == "noun":
        category = {"injuries": "injured", "injury": "injured", "casualties": "killed"}.get(outcome, "killed")
        if outcome == "casualties":
            return None  # killed and injured together: not a count of either
    noun = (noun if noun is not None else match.groupdict().get("noun") or "").lower()
    if re.match(r"(?:of them|of whom|of the victims)$", noun):
        return None  # "115 of them taken to hospital": a part of a count already given
    if category == "responders" and not _RESPONDER.search(noun):
        return None
    if noun and category in {"killed", "injured", "arrested"} and _PERPETRATOR.search(noun):
        return f"perpetrators_{category}"
    return category


def _is_hypothetical(text: str, match: re.Match | None) -> bool:
    """A modal before the number, also inside the match ("the toll could rise to 100")."""
    window = text[max(0, match.start() - 40):max(match.start(), match.start("quantity"))] if match else text
    return bool(_HYPOTHETICAL.search(window)) and "said" not in window


# "an unknown number of assailants" is no count of one; "killed 23 cows", "several hours later" no people.
_UNKNOWN_NUMBER = re.compile(r"(?:unknown|undetermined|unspecified|undisclosed|unconfirmed|uncertain|unclear)\s",
                             re.IGNORECASE)
_NOT_PEOPLE = re.compile(rf"\s+(?:[\w-]+\s+)?(?:{words.NOT_PEOPLE_NOUNS})\b", re.IGNORECASE)


def _plausible(match: re.Match, quantity: Quantity) -> bool:
    """Reject numbers that are years, ages or times, not counts ("in 2019", "aged 25")."""
    raw = match.group("num") or ""
    if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not match.groupdict().get("noun"):
        return False
    if quantity.best is not None and quantity.best > 1_000_000:
        return False
    if _UNKNOWN_NUMBER.match(match.groupdict().get("noun") or ""):
        return False
    if match.end("quantity") == match.end() and _NOT_PEOPLE.match(match.string, match.end()):
        return False  # the number ends the match: what follows is what it counts
    if raw.lower().split()[:1] == ["no"]:
        return False  # a negated count is no figure: "no one was hurt" (parsed as no + one)
    # "a" and "an" count as one only with a noun: "a soldier was killed", never "a killed".
    return not (raw.lower() in {"a", "an"} and not match.groupdict().get("noun"))


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
        flags=(("background",) if background else ()) + _additional(sentence.text, match.start())
        + (("total",) if match.re in (_TOLL, _OF_NOUN) else ()),
    )


_ADDITIONAL = re.compile(r"\b(?:also|other|another|in addition|additional(?:ly)?|as well)\b", re.IGNORECASE)


def _additional(text: str, start: int) -> tuple[str, ...]:
    """("additional",) when the figure adds to one told before ("A civilian was also killed")."""
    return ("additional",) if _ADDITIONAL.search(text[max(0, start - 25):start + 60]) else ()


def order_figures(figures: list[Figure]) -> list[Figure]:
    """Figures with, for each category, the incident's chosen one first.

    The chosen figure is not background, exact before vague, then the largest
    best (partial counts such as "three of them children" are smaller), then
    the earliest in the text.
    """
    def rank(figure: Figure) -> tuple:
        return ("coded" not in figure.flags, "background" in figure.flags, figure.vague, -(figure.best or 0),
                figure.evidence[0].start)

    ordered = sorted(figures, key=lambda f: (f.category, rank(f)))
    return _add_additional(ordered)


def _add_additional(ordered: list[Figure]) -> list[Figure]:
    """Put in front of each category's chosen figure the total with figures that add to it
    ("An officer was killed ... A civilian was also killed" -> 2), keeping the parts."""
    result: list[Figure] = []
    for category in dict.fromkeys(f.category for f in ordered):
        group = [f for f in ordered if f.category == category]
        head = group[0]
        extras = [f for f in group[1:] if "additional" in f.flags and "background" not in f.flags
                  and not f.vague and f.evidence[0].start != head.evidence[0].start]
        if extras and "background" not in head.flags and not head.vague:
            total = Figure(category, _sum(head.low, *[f.low for f in extras]),
                           _sum(head.best, *[f.best for f in extras]), _sum(head.high, *[f.high for f in extras]),
                           head.qualifier, head.evidence + tuple(e for f in extras for e in f.evidence),
                           head.attribution, EXTRACTOR, False, ("sum",))
            group = [total, *group]
        result.extend(group)
    return result
