"""A cheap test before a regex scan: does the text hold any word a match must start with?

Most cue patterns are alternations of words ("bomb|explo|blast..."). Every match starts
with one of their leading literals, so a text (lower-cased once) that contains none of
them cannot match, and a substring test costs far less than a scan with a long
case-insensitive alternation. Patterns whose alternatives do not all start with a
literal of three or more characters are always scanned.
"""

from __future__ import annotations

import itertools
import re
import re._constants as _sre
import re._parser as _sre_parser
from functools import cache


def may_match(pattern: re.Pattern, lowered_text: str) -> bool:
    """False only when `pattern` cannot match the text whose lower-cased form is `lowered_text`."""
    prefixes = literal_prefixes(pattern)
    return prefixes is None or any(prefix in lowered_text for prefix in prefixes)


@cache
def literal_prefixes(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words of which every match starts with one; None when that cannot be said."""
    return _leading_literals(list(_sre_parser.parse(pattern.pattern, pattern.flags)))


def _leading_literals(items: list) -> tuple[str, ...] | None:
    while items and items[0][0] is _sre.AT:
        items = items[1:]
    if not items:
        return None
    op, arg = items[0]
    if op is _sre.LITERAL:
        literal = "".join(chr(a) for o, a in itertools.takewhile(lambda item: item[0] is _sre.LITERAL, items))
        return (literal.lower(),) if len(literal) >= 3 else None
    if op is _sre.SUBPATTERN:
        return _leading_literals(list(arg[-1]) + items[1:]) if len(arg[-1]) else None
    if op is _sre.BRANCH:
        found: list[str] = []
        for alternative in arg[1]:
            literals = _leading_literals(list(alternative))
            if literals is None:
                return None
            found.extend(literals)
        return tuple(found)
    return None
