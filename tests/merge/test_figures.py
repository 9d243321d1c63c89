"""The reconciliation rule: exact over vague, revisions followed, conflicts kept (merge/figures.py)."""

from __future__ import annotations

from eventwire.merge.figures import RULE, reconcile
from eventwire.records import Attribution, FigureReport, SourceRef


def _report(best, published, article_id, *links, low=None, high=None, vague=False):
    attribution = Attribution((SourceRef("outlet", "outlet"), *(SourceRef(n, k) for n, k in links)))
    return FigureReport("killed", best if low is None else low, best, best if high is None else high, None,
                        published, attribution.display, attribution, article_id, f"{article_id}#incident", (),
                        vague=vague)


OFFICIAL = ("interior ministry", "official")
AGENCY = ("state media", "agency")


def test_official_downward_revision_is_followed_and_shown():
    result = reconcile("killed", (_report(103, "2024-01-03T19:30", "a", AGENCY),
                                  _report(84, "2024-01-04T18:00", "b", OFFICIAL)))
    assert (result.low, result.best, result.high) == (84, 84, 84)
    assert "revised down" in result.conflicts[0] and result.rule == RULE


def test_outlet_repeating_an_old_lower_toll_is_a_conflict_not_followed():
    result = reconcile("killed", (_report(139, "2024-03-26T12:00", "a", OFFICIAL),
                                  _report(40, "2024-03-27T09:00", "b")))
    assert result.best == 139 and "not followed" in result.conflicts[0]


def test_rising_toll_follows_the_latest_attributed_figure():
    reports = tuple(_report(n, f"2024-03-2{day}T10:00", f"r{day}", OFFICIAL) for day, n in
                    enumerate([40, 60, 93, 133], start=2))
    assert reconcile("killed", reports).best == 133


def test_vague_figures_count_only_without_exact_ones():
    dozens = _report(12, "2024-03-22T23:00", "a", AGENCY, low=12, high=99, vague=True)
    exact = _report(40, "2024-03-22T23:30", "b", OFFICIAL, high=None)
    assert reconcile("killed", (dozens, exact)).best == 40
    only_vague = reconcile("killed", (dozens,))
    assert (only_vague.low, only_vague.best, only_vague.high) == (12, 12, 99)


def test_at_least_40_gives_low_40():
    open_ended = FigureReport("killed", 40, 40, None, "at least", "2024-03-22", "outlet ← FSB",
                              Attribution((SourceRef("outlet", "outlet"), SourceRef("FSB", "official"))),
                              "a", "a#incident", ())
    result = reconcile("killed", (open_ended,))
    assert (result.low, result.best, result.high) == (40, 40, 40)


def test_one_article_counts_once_with_its_highest_figure():
    result = reconcile("injured", (_report(145, "2024-03-23T01:30", "a", OFFICIAL, ),
                                   _report(115, "2024-03-23T01:30", "a", OFFICIAL)))
    assert result.best == 145 and result.conflicts == () and result.n_reports == 2


def test_credible_conflicting_source_widens_low_and_high():
    result = reconcile("killed", (_report(20, "2024-05-01T10:00", "a", OFFICIAL),
                                  _report(35, "2024-05-01T11:00", "b"),       # outlet alone: not followed
                                  _report(18, "2024-05-01T12:00", "c", ("witness", "witness"))))
    assert result.best == 20
    assert result.low == 18 and result.high == 20  # the unattributed 35 is shown but not credible
    assert len(result.conflicts) == 2
