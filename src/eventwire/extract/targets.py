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
                              r"blast|wounded|injured|abduct\w*|kidnap\w*|ambush\w*|raid\w*|targeted|torched|"
                              r"set fire|burn\w*|died|dead|massacre\w*|struck|hit)\b", re.I)
_NOT_ATTACK = re.compile(r"\b(?:warn\w*|plans? to|threat\w*|intelligence|tightened|security measures)\b", re.I)


@lru_cache(maxsize=1)
def _target_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    return tuple((label, gtd, re.compile(regex, re.I)) for label, gtd, regex in load_table("targets.tsv"))


def extract_targets(ctx: Context) -> list[Target]:
    """Target types named in attack sentences, the most mentioned first (table order breaks ties)."""
    found: dict[str, list] = {}
    for sentence in ctx.sentences:
        if not _ATTACK_SENTENCE.search(sentence.text) or _NOT_ATTACK.search(sentence.text):
            continue
        for label, _gtd, pattern in _target_patterns():
            for match in pattern.finditer(sentence.text):
                start = sentence.start_char + match.start()
                found.setdefault(label, []).append(ctx.article.span(start, start + len(match.group(0))))
    gtd_of = {label: gtd for label, gtd, _ in _target_patterns()}
    order = [label for label, _, _ in _target_patterns()]
    ranked = sorted(found, key=lambda label: (-len(found[label]), order.index(label)))
    return [Target(label, gtd_of[label], tuple(found[label]), EXTRACTOR) for label in ranked]
