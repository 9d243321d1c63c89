"""`eventwire eval`: read a human-coded dataset, run the real pipeline on every text, score every field.

    report = run_eval("gtd", "../shared/eval/gtd/gtd-2021-jan-apr.csv", limit=500)
    print(format_table(report))

Each suite is a module with `read_cases(path)` (yielding `EvalCase`s, or `InputError`s
for rows it cannot read) and `score_case(card, case, records, normalise=...)`. The
articles go through `Pipeline.pipe(..., n_process=2)` as any batch does; an article the
pipeline fails on is scored with no records (every field wrong) and counted as failed.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from eventwire.errors import InputError
from eventwire.eval import acled, geoparsing, gtd, muc4, rams, wikievents
from eventwire.eval import predicted as pred
from eventwire.eval.cases import EvalCase
from eventwire.eval.scoring import Scorecard

SUITES: dict[str, ModuleType] = {
    "gtd": gtd, "acled": acled, "muc4": muc4, "wikievents": wikievents, "rams": rams, "geoparsing": geoparsing,
}
# Which figures the table shows for each kind of field (the report has them all).
TABLE_MEASURES = {
    "class": ("accuracy", "macro_f1", "weighted_f1"),
    "count": ("exact", "mae"),
    "match": ("accuracy",),
    "distance": ("within_25km", "within_161km", "median_km"),
    "fillers": ("precision", "recall", "f1"),
}
MAX_LISTED_PROBLEMS = 50


@dataclass
class EvalReport:
    """One suite's figures, the errors behind them, and how the run went."""

    suite: str
    path: str
    limit: int | None
    n_process: int
    n_cases: int = 0
    n_failed: int = 0
    seconds: float = 0.0
    started_at: str = ""
    skipped: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    command: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "suite": self.suite, "path": self.path, "limit": self.limit, "command": self.command,
            "date": self.started_at, "n_process": self.n_process, "n_cases": self.n_cases,
            "n_skipped": len(self.skipped), "n_failed": self.n_failed, "seconds": round(self.seconds, 1),
            "fields": self.figures, "errors": self.errors,
            "skipped": self.skipped[:MAX_LISTED_PROBLEMS], "failures": self.failures[:MAX_LISTED_PROBLEMS],
        }


def read_suite(suite: str, path: str | Path, limit: int | None = None) -> tuple[list[EvalCase], list[str]]:
    """The first `limit` readable cases of a dataset file, and a message for each row skipped."""
    module = _suite_module(suite)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no such file; give the {suite} dataset file (e.g. ../shared/eval/...)", path=str(path))
    cases, skipped = [], []
    for item in module.read_cases(path):
        if isinstance(item, InputError):
            skipped.append(str(item))
            continue
        cases.append(item)
        if limit is not None and len(cases) >= limit:
            break
    return cases, skipped


def run_eval(suite: str, path: str | Path, *, limit: int | None = None, n_process: int = 2, pipeline=None,
             settings=None, progress: bool = True, n_examples: int = 5) -> EvalReport:
    """Score the pipeline on a dataset file: every field's figures and its most common errors.

    `pipeline` is a loaded `eventwire.pipeline.Pipeline` (built from `settings` when None).
    """
    module = _suite_module(suite)
    report = EvalReport(suite, str(path), limit, n_process,
                        started_at=datetime.now(UTC).isoformat(timespec="seconds"))
    cases, report.skipped = read_suite(suite, path, limit)
    report.n_cases = len(cases)
    if pipeline is None:
        # An extractor bug on one text is scored as a failure of that row, not the end of the run.
        from eventwire.config import load_settings
        from eventwire.pipeline import load

        pipeline = load(replace(settings or load_settings(), keep_going=True))
    card = Scorecard(suite)
    normalise = pred.default_group_normaliser()
    started = time.perf_counter()
    by_id = {case.case_id: case for case in cases}
    for result in _progress(pipeline.pipe([c.article for c in cases], n_process=n_process), len(cases),
                            suite, progress):
        if result.error:
            report.n_failed += 1
            report.failures.append(f"{result.article.id}: {result.error}")
        module.score_case(card, by_id[result.article.id], result.records, normalise=normalise)
    report.seconds = time.perf_counter() - started
    report.figures = card.figures()
    report.errors = card.error_patterns(n_examples=n_examples)
    return report


def _suite_module(suite: str) -> ModuleType:
    if suite not in SUITES:
        raise InputError(f"unknown suite {suite!r}; choose one of {', '.join(SUITES)}", path="SUITE")
    return SUITES[suite]


def _progress(results, total: int, suite: str, enabled: bool):
    """The results with a tqdm bar on stderr (articles per second shown)."""
    from tqdm import tqdm

    return tqdm(results, total=total, desc=f"eval {suite}", unit="article", file=sys.stderr, disable=not enabled)


def _format_value(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1.0 else f"{value:.1f}"
    return str(value)


def format_table(report: EvalReport) -> str:
    """The figures as a plain-text table: one line per field and measure."""
    lines = [(f"eventwire eval {report.suite} {report.path}: {report.n_cases} rows scored, "
              f"{len(report.skipped)} skipped, {report.n_failed} failed, {report.seconds:.1f} s"),
             f"{'field':<24}{'measure':<16}{'value':>9}{'n':>8}"]
    for name, figures in report.figures.items():
        n = figures.get("n", figures.get("n_gold"))
        for index, measure in enumerate(m for m in TABLE_MEASURES[figures["kind"]] if m in figures):
            lines.append(f"{name if index == 0 else '':<24}{measure:<16}{_format_value(figures[measure]):>9}"
                         f"{str(n) if index == 0 else '':>8}")
    return "\n".join(lines)


def format_errors(report: EvalReport, n_examples: int, n_patterns: int = 3) -> str:
    """The most common error patterns per field, with up to `n_examples` rows each (gold, predicted, evidence)."""
    lines = []
    for name, patterns in report.errors.items():
        lines.append(f"\n## {name}: " + "; ".join(f"{p['pattern']} ({p['count']})" for p in patterns[:5]))
        for pattern in patterns[:n_patterns]:
            lines.append(f"  -- {pattern['pattern']} ({pattern['count']})")
            for example in pattern["examples"][:n_examples]:
                lines.append(f"     {example['case_id']}: gold={example['gold']!r} predicted={example['predicted']!r}")
                if example["evidence"]:
                    lines.append(f"       evidence: {' | '.join(example['evidence'])[:200]!r}")
                lines.append(f"       text: {' '.join(example['excerpt'].split())[:200]!r}")
    return "\n".join(lines)
