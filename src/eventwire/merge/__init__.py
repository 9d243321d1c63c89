"""merge stage: records -> incidents, with the history of every figure and the reason for every link.

`merge_records(records)` merges a batch; `Merger` takes records one at a time in any
order and gives the same incidents. See `merger.py` (clustering), `signals.py` (the
same-incident decision), `figures.py` (history and the low/best/high rule).
"""

from eventwire.merge.figures import RULE, reconcile
from eventwire.merge.merger import Merger, merge_records

__all__ = ["RULE", "Merger", "merge_records", "reconcile"]
