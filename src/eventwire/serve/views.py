"""The JSON the API returns for one incident and one article: records as stored, plus what the UI draws.

`highlights` is the evidence view's input: every span of every extracted field of an
article's records, flattened, each with the field it supports, a short label and the
citation chain in force where it sits. It is found by walking the records' JSON
rather than by naming fields one by one, so a field added to `records.py` later is
highlighted without a change here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from eventwire.records import Article, Incident, Record, to_json
from eventwire.store.incidents import incident_to_json

# JSON keys of lists whose items are one field each ("figures" -> "figure").
_SINGULAR = {"figures": "figure", "places": "place", "actors": "actor", "weapons": "weapon",
             "targets": "target", "chain": "source", "event_types": "event_type"}


def incident_view(incident: Incident, articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The incident's JSON plus `articles` (title, source, time of each report's article) and `best`."""
    data = incident_to_json(incident)
    data["best"] = {figure.category: {"low": figure.low, "best": figure.best, "high": figure.high,
                                      "rule": figure.rule, "n_reports": figure.n_reports}
                    for figure in incident.figures}
    data["articles"] = [articles.get(article_id, {"article_id": article_id, "missing": True})
                        for article_id in dict.fromkeys(incident.article_ids)]
    return data


def article_view(article: Article, records: list[Record], incident_ids: list[str]) -> dict[str, Any]:
    """An article's text and metadata, its records, every highlight, and the incidents it reports."""
    records_json = [to_json(record) for record in records]
    return {
        "article": {
            "article_id": article.id, "title": article.title, "source": article.source, "url": article.url,
            "published": article.published.isoformat() if article.published else None, "lang": article.lang,
            "origin": {"path": article.origin.path, "line": article.origin.line, "format": article.origin.format},
            "text": article.text,
        },
        "records": records_json,
        "highlights": collect_highlights(article.text, records_json),
        "incident_ids": incident_ids,
    }


def collect_highlights(text: str, records_json: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every evidence span in the records, in text order; `matches` says the offsets still fit the text."""
    highlights = []
    for record in records_json:
        root = {"record_id": record.get("record_id") or record.get("article_id"), "record_kind": record.get("kind")}
        for path, node, chain in _walk(record, (), ()):
            for span in node.get("evidence") or ():
                start, end = span.get("start"), span.get("end")
                if not isinstance(start, int) or not isinstance(end, int):
                    continue
                field = _field_name(path, record.get("kind"))
                highlights.append({
                    **root, "path": _path_text(path), "field": field,
                    "label": _label(field, node) if path else _record_label(record),
                    "start": start, "end": end, "text": span.get("text", ""),
                    "matches": text[start:end] == span.get("text"), "chain": list(chain),
                    "inferred": bool(node.get("inferred", False)),
                })
    highlights.sort(key=lambda item: (item["start"], -item["end"]))
    for number, highlight in enumerate(highlights):
        highlight["id"] = number
    return highlights


def _walk(node: Any, path: tuple, chain: tuple[str, ...]) -> Iterator[tuple[tuple, dict, tuple[str, ...]]]:
    """(path, dict with evidence, citation chain in force) for every dict under `node`."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*path, index), chain)
        return
    if not isinstance(node, dict):
        return
    chain = _chain_of(node) or chain
    if "evidence" in node:
        yield path, node, chain
    for key, value in node.items():
        if key != "evidence" and isinstance(value, (dict, list)):
            yield from _walk(value, (*path, key), chain)


def _chain_of(node: dict) -> tuple[str, ...]:
    """The outlet-first chain of names of a node's `attribution` (or an actor's `stated_by`)."""
    attribution = node.get("attribution") or node.get("stated_by")
    if not isinstance(attribution, dict):
        return ()
    return tuple(ref.get("name", "?") for ref in attribution.get("chain") or () if isinstance(ref, dict))


def _field_name(path: tuple, kind: str | None) -> str:
    names = [part for part in path if isinstance(part, str)]
    if not names:
        return kind or "record"
    return _SINGULAR.get(names[-1], names[-1])


def _path_text(path: tuple) -> str:
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path).lstrip(".") or "record"


def _record_label(record: dict) -> str:
    """'claim: the two bombings in Kerman', or the kind alone for a record with nothing to add."""
    detail = record.get("summary") or record.get("about")
    return f"{record.get('kind')}: {detail}" if detail else str(record.get("kind"))


def _label(field: str, node: dict) -> str:
    """A few words saying what the span supports: 'killed 40 (at least)', 'Kerman, IR', 'claim'."""
    if field == "figure":
        value = node.get("best") if node.get("best") is not None else node.get("low")
        if node.get("low") is not None and node.get("high") not in (None, node.get("low")):
            value = f"{node.get('low')}-{node.get('high')}"
        qualifier = f" ({node['qualifier']})" if node.get("qualifier") else ""
        return f"{node.get('category')} {value}{qualifier}"
    if field in {"location", "place"}:
        return ", ".join(str(part) for part in (node.get("name"), node.get("admin1"), node.get("country")) if part)
    if field == "date":
        return f"{node.get('value')} ({node.get('precision')})"
    if field == "event_types":
        return ", ".join(node.get("gtd") or ()) or "event type"
    if "name" in node:
        extra = ", ".join(str(node[key]) for key in ("role", "stance", "kind") if node.get(key))
        return f"{node['name']} ({extra})" if extra else str(node["name"])
    for key in ("label", "kind", "summary", "about"):
        if node.get(key):
            return str(node[key])
    return field
