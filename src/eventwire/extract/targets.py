"""Targets: who or what was attacked, as GTD target types (`patterns/targets.tsv`).

Only sentences that describe the attack count (a cue such as attacked, killed,
opened fire, blast), so "Russia tightened security at airports" names no target.
"""

from __future__ import annotations

import re
from functools import lru_cache

from eventwire.extract.context import Context
from eventwire.extract.patterns import load_table
from eventwire.records import Target

EXTRACTOR = "targets.v1"

_ATTACK_SENTENCE = re.compile(r"\b(?:attack\w*|kill\w*|shot|shoot\w*|opened fire|stormed|bomb\w*|explo\w+|"
                              r"blast|wound\w*|injur\w*|abduct\w*|kidnap\w*|ambush\w*|raid\w*|targeted|torched|"
                              r"set fire|burn\w*|died|dead|massacre\w*|struck|hit|stabb\w*|hacked|rammed|fired|"
                              r"shell(?:ed|ing)|behead\w*|to death|gunned down|lynch\w*|assault\w*)\b", re.IGNORECASE)
_NOT_ATTACK = re.compile(r"\b(?:warn\w*|plans? to|threat\w*|intelligence|tightened|security measures)\b", re.IGNORECASE)


# A subject followed by an attack verb did the attacking ("Militants torched a church"), unless a
# preposition puts it in a phrase about the place ("a blast at a police station killed five").
_AGENT_VERB = re.compile(r"\s+(?:\w+ly\s+)?(?:attacked|killed|opened fire|stormed|torched|shot|ambushed|"
                         r"abducted|kidnapped|raided|fired|burned|set fire|bombed|detonated|hacked|stabbed|"
                         r"seized|threw|shelled|rammed|clashed)\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"\b(?:at|on|in|near|of|against|outside|inside|into|to|from|by|towards?)\s+"
                                 r"(?:[\w'-]+\s+)?$", re.IGNORECASE)


def _is_agent_or_speaker(ctx: Context, text: str, match: re.Match, start: int) -> bool:
    """True for the attackers ("Soldiers killed 20 militants") and for the sentence's source ("Police said")."""
    if _AGENT_VERB.match(text, match.end()) and not _PREPOSITION_BEFORE.search(text[:match.start()]):
        return True
    end = start + len(match.group(0))
    return any(span.start < end and start < span.end
               for ref in ctx.attribution_at(start).chain for span in ref.evidence)


@lru_cache(maxsize=1)
def _target_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    return tuple((label, gtd, re.compile(regex, re.IGNORECASE)) for label, gtd, regex in load_table("targets.tsv"))


@lru_cache(maxsize=1)
def _any_target() -> re.Pattern:
    """All target words in one pattern: a sentence without any skips the per-type passes."""
    return re.compile("|".join(f"(?:{regex})" for _label, _gtd, regex in load_table("targets.tsv")), re.IGNORECASE)


def extract_targets(ctx: Context) -> list[Target]:
    """Target types named in attack sentences, the most mentioned first (table order breaks ties)."""
    found: dict[str, list] = {}
    for sentence in ctx.sentences:
        if not _ATTACK_SENTENCE.search(sentence.text) or _NOT_ATTACK.search(sentence.text):
            continue
        if not _any_target().search(sentence.text):
            continue
        for label, _gtd, pattern in _target_patterns():
            for match in pattern.finditer(sentence.text):
                start = sentence.start_char + match.start()
                if _is_agent_or_speaker(ctx, sentence.text, match, start):
                    continue
                found.setdefault(label, []).append(ctx.article.span(start, start + len(match.group(0))))
    gtd_of = {label: gtd for label, gtd, _ in _target_patterns()}
    order = [label for label, _, _ in _target_patterns()]
    ranked = sorted(found, key=lambda label: (-len(found[label]), order.index(label)))
    return [Target(label, gtd_of[label], tuple(found[label]), EXTRACTOR) for label in ranked]
