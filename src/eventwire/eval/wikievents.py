"""WikiEvents: real news articles as JSON lines of tokens, sentences and KAIROS event mentions.

Each line has `doc_id`, `sentences` ([[token, start, end], ...], sentence text) and
`event_mentions` (`event_type`, `arguments`: role and text). The text is rebuilt from
the sentences at their offsets, one newline between sentences (the corpus's `text`
field runs sentences together without a space). Only articles with an attack, death
or injury event are cases; see `arguments` for the role mapping.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from eventwire.errors import InputError
from eventwire.eval.arguments import add_argument, gold_roles, in_scope, score_argument_case
from eventwire.eval.cases import EvalCase, eval_article

score_case = score_argument_case


def rebuild_text(sentences: list) -> str:
    """The article text with every token at its annotated offset, sentences split by a newline."""
    text = ""
    for tokens, sentence_text in sentences:
        start = tokens[0][1] if tokens else len(text)
        if start > len(text):
            text += "\n" + " " * (start - len(text) - 1)
        elif text:
            text += "\n"
        text += sentence_text
    return text


def read_cases(path: Path) -> Iterator[EvalCase | InputError]:
    """One case per article with an in-scope event; a malformed line yields an InputError."""
    with path.open(encoding="utf-8") as lines:
        for line_no, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                text = rebuild_text(data["sentences"])
                events = [e for e in data["event_mentions"] if in_scope(e["event_type"])]
                fillers: dict[str, dict[str, list[str]]] = {}
                for event in events:
                    for argument in event.get("arguments", []):
                        add_argument(fillers, argument["role"], argument["text"])
            except (ValueError, KeyError, TypeError, IndexError) as exc:
                yield InputError(f"expected a WikiEvents object with 'sentences' and 'event_mentions' ({exc})",
                                 path=str(path), line=line_no)
                continue
            if not events:
                continue
            case_id = f"wikievents:{data.get('doc_id') or line_no}"
            article = eval_article(case_id, text, path=path, line=line_no, fmt="wikievents-jsonl")
            yield EvalCase(case_id, article, gold_roles(fillers))
