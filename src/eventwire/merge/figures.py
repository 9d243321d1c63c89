"""Figure history and reconciled low/best/high per category, in the spirit of UCDP.

History: every figure reported for the incident (by its incident records and its
statements, e.g. the 11 detained of an arrest), in publication order with its
source chain, article, record and span. Nothing is dropped; only a figure read
twice from the same span of one article (by its incident and by its statement)
is listed once.

Reconciliation rule (RULE below, stored on every `ReconciledFigure`):

1. Exact figures decide; vague ones ("dozens") count only when a category has no
   exact figure at all.
2. One article is one report: of its figures in a category the highest is its
   count (the others stay in the history: "145 injured, 115 of them in hospital").
3. Reports are walked in publication order with a running best. A higher or equal
   figure replaces it (tolls climb as bodies are counted) when it is attributed to
   someone other than the outlet, or when the running best is not attributed either.
   A lower figure replaces it only when its source is at least as reliable as the
   running best's: an official downward revision (Kerman 103 -> 84) is followed,
   an outlet repeating an old toll is not. Reliability: an official or organisation
   at the end of the chain (2) > another named source: agency, person, witness (1)
   > the outlet alone (0).
4. best = the running best at the end. Reports not followed are conflicts, kept
   and shown; a followed downward revision is shown too.
5. low = the lowest low among best and the credible conflicts (attributed ones),
   high = the highest high among them; an open figure ("at least 40": low 40, no
   high) contributes its best as its high, since nothing higher was said.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from eventwire.merge.features import time_key
from eventwire.records import (
    Attribution,
    Figure,
    FigureReport,
    IncidentRecord,
    ReconciledFigure,
    StatementRecord,
)

RULE = (
    "UCDP-style: exact figures over vague ones; one report per article (its highest figure); in publication "
    "order a higher figure from an attributed source or a lower one from an equally or more reliable source "
    "(official > other named source > outlet alone) becomes best; low/high span best and the attributed "
    "reports not followed (conflicts)."
)
_OFFICIAL_KINDS = {"official", "organisation"}


def figure_reports(records: Iterable[IncidentRecord | StatementRecord]) -> dict[str, tuple[FigureReport, ...]]:
    """Every figure of `records`, by category, in publication order (then article, then offset)."""
    by_category: dict[str, list[FigureReport]] = defaultdict(list)
    seen: set[tuple] = set()
    for record in records:
        for figure in record.figures:
            # an arrest statement repeats the figure its article's incident record already has (same span)
            key = (record.article_id, figure.category, figure.low, figure.best, figure.high,
                   tuple((span.start, span.end) for span in figure.evidence))
            if figure.evidence and key in seen:
                continue
            seen.add(key)
            by_category[figure.category].append(_report(record, figure))
    return {category: tuple(sorted(reports, key=_report_order)) for category, reports in
            sorted(by_category.items())}


def _report(record: IncidentRecord | StatementRecord, figure: Figure) -> FigureReport:
    attribution = figure.attribution if figure.attribution.chain else record.attribution
    return FigureReport(
        category=figure.category,
        low=figure.low,
        best=figure.best,
        high=figure.high,
        qualifier=figure.qualifier,
        published=record.published,
        source=attribution.display or (getattr(record, "source", None) or "unknown"),
        attribution=attribution,
        article_id=record.article_id,
        record_id=record.record_id,
        evidence=figure.evidence,
        vague=figure.vague,
    )


def _report_order(report: FigureReport) -> tuple:
    start = report.evidence[0].start if report.evidence else 0
    return (time_key(report.published), report.article_id, report.record_id, start, report.best or 0)


def reliability(attribution: Attribution) -> int:
    """2 an official or organisation ends the chain, 1 another named source, 0 the outlet alone."""
    if len(attribution.chain) <= 1:
        return 0
    return 2 if attribution.chain[-1].kind in _OFFICIAL_KINDS else 1


def reconcile(category: str, reports: tuple[FigureReport, ...]) -> ReconciledFigure:
    """low/best/high of one category by RULE, with the conflicts it did not follow."""
    exact = [report for report in reports if not report.vague and report.best is not None]
    usable = exact or [report for report in reports if report.best is not None]
    if not usable:
        return ReconciledFigure(category, None, None, None, RULE, len(reports))
    best, conflicts, notes = _walk(_one_per_article(usable))
    credible = [best, *(report for report in conflicts if reliability(report.attribution) >= 1)]
    low = min((r.low if r.low is not None else r.best) for r in credible)
    high = max((r.high if r.high is not None else r.best) for r in credible)
    return ReconciledFigure(category, low, best.best, high, RULE, len(reports), tuple(notes))


def _one_per_article(reports: list[FigureReport]) -> list[FigureReport]:
    """The highest figure of each article, kept in publication order."""
    chosen: dict[str, FigureReport] = {}
    for report in reports:
        current = chosen.get(report.article_id)
        if current is None or report.best > current.best:
            chosen[report.article_id] = report
    return sorted(chosen.values(), key=_report_order)


def _walk(reports: list[FigureReport]) -> tuple[FigureReport, list[FigureReport], list[str]]:
    """(running best at the end, reports not followed, notes on conflicts and revisions)."""
    best, conflicts, notes = reports[0], [], []
    for report in reports[1:]:
        new, old = reliability(report.attribution), reliability(best.attribution)
        if report.best >= best.best and (new >= 1 or old == 0):
            best = report
        elif report.best < best.best and new >= old:
            notes.append(f"revised down: {best.best} ({_said(best)}) -> {report.best} ({_said(report)}); "
                         f"followed, both kept")
            best = report
        else:
            conflicts.append(report)
            direction = "higher" if report.best > best.best else "lower"
            notes.append(f"conflict: {report.best} ({_said(report)}) is {direction} than {best.best} "
                         f"({_said(best)}) from a less reliable source; not followed")
    return best, conflicts, notes


def _said(report: FigureReport) -> str:
    return f"{report.source}, {report.published or 'undated'}, {report.article_id}"


def reconcile_all(history: dict[str, tuple[FigureReport, ...]]) -> tuple[ReconciledFigure, ...]:
    return tuple(reconcile(category, reports) for category, reports in history.items())
