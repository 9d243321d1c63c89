"""Cheap ways to run cue regexes: a literal test before a scan, and scans of lower-cased text.

Most cue patterns are alternations of words ("bomb|explo|blast..."). Every match holds
one of their literals, so a text (lower-cased once) that contains none of them cannot
match, and a substring test costs far less than a scan with a long case-insensitive
alternation. The literals are those of the first part of the pattern that every match
must contain (an optional part, an anchor or a character class is passed over); a
pattern with no such part of three or more letters is always scanned.

A scan itself is faster (about 1.8x on the cue alternations) without IGNORECASE, on the
lower-cased text: `lowered_pattern` gives that form of a pattern without case-sensitive parts.
"""

from __future__ import annotations

import itertools
import re
import re._constants as _sre
import re._parser as _sre_parser
from functools import cache

_MIN_LITERAL = 3
_SKIPPED_OPS = {_sre.AT, _sre.IN, _sre.ANY, _sre.CATEGORY, _sre.ASSERT, _sre.ASSERT_NOT, _sre.NOT_LITERAL}


def may_match(pattern: re.Pattern, lowered_text: str) -> bool:
    """False only when `pattern` cannot match the text whose lower-cased form is `lowered_text`."""
    literals = literal_prefixes(pattern)
    return literals is None or any(literal in lowered_text for literal in literals)


@cache
def literal_prefixes(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which every match contains; None when that cannot be said."""
    return _required_literals(list(_sre_parser.parse(pattern.pattern, pattern.flags)))


def _required_literals(items: list) -> tuple[str, ...] | None:
    """The literals of the first element of this sequence that every match holds one of."""
    index = 0
    while index < len(items):
        op, arg = items[index]
        if op is _sre.LITERAL:
            run = list(itertools.takewhile(lambda item: item[0] is _sre.LITERAL, items[index:]))
            if len(run) >= _MIN_LITERAL:
                return ("".join(chr(a) for _o, a in run).lower(),)
            index += len(run)
            continue
        found = _element_literals(op, arg)
        if found is not None:
            return found
        index += 1
    return None


def _element_literals(op, arg) -> tuple[str, ...] | None:
    if op is _sre.SUBPATTERN:
        return _required_literals(list(arg[-1]))
    if op is _sre.BRANCH:
        found: list[str] = []
        for alternative in arg[1]:
            literals = _required_literals(list(alternative))
            if literals is None:
                return None
            found.extend(literals)
        return tuple(found)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
        return _required_literals(list(arg[2]))
    return None  # an optional part, an anchor, a class: not required, or no literal


# Upper-case letters to lower, leaving escapes (\S, \W) and group names ((?P<Day>...)) as they are.
_UPPER_LETTER = re.compile(r"\\.|\(\?P<\w+>|\(\?P=\w+\)|[A-Z]")


@cache
def lowered_pattern(pattern: re.Pattern) -> re.Pattern | None:
    """`pattern` for lower-cased text, without IGNORECASE; None when it has a case-sensitive part.

    Its matches on `text.lower()` are the pattern's on `text` where lowering keeps the length."""
    if "(?-i" in pattern.pattern or not pattern.flags & re.IGNORECASE:
        return None
    source = _UPPER_LETTER.sub(lambda m: m.group().lower() if len(m.group()) == 1 else m.group(), pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def search_any_case(pattern: re.Pattern, text: str, lowered: str) -> bool:
    """Whether a case-insensitive `pattern` matches `text`, scanning `lowered` where that is faster."""
    fast = lowered_pattern(pattern)
    return bool(fast.search(lowered) if fast is not None else pattern.search(text))


def finditer_any_case(pattern: re.Pattern, text: str, lowered: str):
    """`pattern.finditer(text)` (a case-insensitive pattern), scanning `lowered` where that is faster."""
    fast = lowered_pattern(pattern) if len(lowered) == len(text) else None
    return fast.finditer(lowered) if fast is not None else pattern.finditer(text)
