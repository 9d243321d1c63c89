"""RAMS: five-sentence news excerpts as JSON lines, one annotated event each.

Each line has `doc_key`, `sentences` (lists of tokens), `evt_triggers`
([start, end, [[type, p]]]) and `gold_evt_links` ([[trigger], [arg start, arg end],
"evtNNNargNNrole"]), token offsets inclusive over the whole excerpt. The text is the
tokens joined by spaces, one sentence a line. Only excerpts whose event is an attack,
death or injury are cases; see `arguments` for the role mapping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.eval.arguments import add_argument, gold_roles, in_scope, score_argument_case
from eventwire.eval.cases import EvalCase, eval_article

score_case = score_argument_case
_ROLE = re.compile(r"arg\d+(.+)$")


def read_cases(path: Path) -> Iterator[EvalCase | InputError]:
    """One case per in-scope excerpt; a malformed line yields an InputError."""
    with path.open(encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                tokens = [token for sentence in data["sentences"] for token in sentence]
                event_type = data["evt_triggers"][0][2][0][0]
                fillers: dict[str, dict[str, list[str]]] = {}
                for _trigger, (start, end), role_label in data["gold_evt_links"]:
                    match = _ROLE.search(role_label)
                    add_argument(fillers, match.group(1) if match else role_label, " ".join(tokens[start:end + 1]))
                text = "\n".join(" ".join(sentence) for sentence in data["sentences"])
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                yield InputError(f"expected a RAMS object with 'sentences', 'evt_triggers' and 'gold_evt_links' "
                                 f"({exc})", path=str(path), line=line_no)
                continue
            if not in_scope(event_type):
                continue
            case_id = f"rams:{data.get('doc_key') or line_no}"
            yield EvalCase(case_id, eval_article(case_id, text, path=path, line=line_no, fmt="rams-jsonl"),
                           gold_roles(fillers))
