"""Records -> incidents: many reports of one attack become one `Incident`.

    incidents = merge_records(records)            # a batch
    merger = Merger(); merger.add(record) ...      # or one report at a time
    merger.incidents(); merger.unattached()

Why the result does not depend on input order: incident records are linked by
pairwise decisions (`signals.compare_incidents`) that read only the two records and
their articles' toponyms; candidates come from an index whose look-up is symmetric
(`index.py`); incidents are the connected components of the links (union-find).
Statements and unread reports are then attached to those components, each by its
own best match. Adding a record recomputes only its own links (and those of the
records of its article, when an article record arrives): re-clustering touches the
affected buckets, the rest is kept.

Statements never found an incident: a claim, denial or arrest with no incident to
speak of stays in `unattached()`, as does a report the extractors could not read
(another language) whose title names no incident. Nothing is dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta

from eventwire.merge import figures as figure_rules
from eventwire.merge.features import (
    RecordFeatures,
    incident_features,
    parse_day,
    statement_features,
    time_key,
)
from eventwire.merge.index import CandidateIndex, bucket_of
from eventwire.merge.signals import (
    STATEMENT_WINDOW_DAYS,
    WARNING_WINDOW_DAYS,
    Comparison,
    compare_incidents,
    compare_statement,
    compare_unread,
    compare_warning,
)
from eventwire.records import (
    ArticleRecord,
    Incident,
    IncidentRecord,
    MergeDecision,
    Record,
    StatementRecord,
    content_hash,
)

MERGER = "merge.v1"
_PRECISION_RANK = {"venue": 0, "neighbourhood": 1, "town": 2, "district": 3, "region": 4, "country": 5, "continent": 6}


@dataclass(frozen=True)
class Attachment:
    """A statement or unread report placed on an incident, and why."""

    record_id: str
    article_id: str
    action: str
    comparison: Comparison


class Merger:
    """Incremental merge: `add` records in any order; `incidents()` is the same as a batch merge."""

    def __init__(self) -> None:
        self._incident_records: dict[str, IncidentRecord] = {}
        self._statements: dict[str, StatementRecord] = {}
        self._articles: dict[str, ArticleRecord] = {}
        self._features: dict[str, RecordFeatures] = {}
        self._by_article: dict[str, set[str]] = defaultdict(set)
        self._index = CandidateIndex()
        self._links: dict[str, dict[str, Comparison]] = defaultdict(dict)
        self._dirty: set[str] = set()

    def add(self, record: Record) -> None:
        """Take one record (article, incident or statement); a repeated record_id replaces the earlier."""
        if isinstance(record, IncidentRecord):
            self._incident_records[record.record_id] = record
            self._by_article[record.article_id].add(record.record_id)
            self._dirty.add(record.record_id)
        elif isinstance(record, StatementRecord):
            self._statements[record.record_id] = record
        elif isinstance(record, ArticleRecord):
            self._articles[record.article_id] = record
            self._dirty.update(self._by_article.get(record.article_id, ()))
        else:
            raise TypeError(f"merge takes article, incident and statement records, not {type(record).__name__}")

    def add_all(self, records: Iterable[Record]) -> None:
        for record in records:
            self.add(record)

    def incidents(self) -> list[Incident]:
        """Every incident so far, ordered by event date, publication and article."""
        clusters = self._clusters()
        cluster_of = {record_id: n for n, members in enumerate(clusters) for record_id in members}
        attached, _ = self._place_statements(cluster_of)
        unread, _ = self._place_unread(cluster_of)
        return [self._build(members, attached.get(n, []) + unread.get(n, [])) for n, members in
                enumerate(clusters)]

    def unattached(self) -> list[Record]:
        """Statements that speak of no known incident, and unread reports that name none."""
        cluster_of = {record_id: n for n, members in enumerate(self._clusters()) for record_id in members}
        _, statements = self._place_statements(cluster_of)
        _, articles = self._place_unread(cluster_of)
        return [*statements, *articles]

    # --- linking incident records ---------------------------------------------------------------

    def _refresh(self) -> None:
        """Recompute features, index keys and links of the records changed since the last call."""
        dirty = sorted(self._dirty)
        self._dirty.clear()
        for record_id in dirty:
            record = self._incident_records[record_id]
            features = incident_features(record, self._articles.get(record.article_id))
            self._features[record_id] = features
            self._index.add(features)
            for other in self._links.pop(record_id, {}):
                self._links[other].pop(record_id, None)
        for record_id in dirty:
            features = self._features[record_id]
            for other in self._index.candidates(features):
                if other in self._links[record_id]:
                    continue
                left, right = sorted((record_id, other))
                comparison = compare_incidents(self._features[left], self._features[right])
                if comparison.linked:
                    self._links[record_id][other] = comparison
                    self._links[other][record_id] = comparison

    def _clusters(self) -> list[list[str]]:
        """Connected components of the links, members and clusters in canonical order."""
        self._refresh()
        parent = {record_id: record_id for record_id in self._features}

        def root(node: str) -> str:
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        for record_id, others in self._links.items():
            for other in others:
                parent[root(record_id)] = root(other)
        groups: dict[str, list[str]] = defaultdict(list)
        for record_id in self._features:
            groups[root(record_id)].append(record_id)
        clusters = [sorted(members, key=lambda rid: self._features[rid].sort_key) for members in groups.values()]
        return sorted(clusters, key=lambda members: self._features[members[0]].sort_key)

    # --- statements and unread reports --------------------------------------------------------

    def _place_statements(self, cluster_of: dict[str, int]):
        """({cluster: attachments}, unattached statements), each statement placed on its own merits."""
        placed: dict[int, list[Attachment]] = defaultdict(list)
        left_over: list[StatementRecord] = []
        for record_id in sorted(self._statements):
            statement = self._statements[record_id]
            found = self._statement_home(statement, cluster_of)
            if found is None:
                left_over.append(statement)
            else:
                placed[found[0]].append(Attachment(record_id, statement.article_id, found[1], found[2]))
        return placed, left_over

    def _statement_home(self, statement: StatementRecord, cluster_of: dict[str, int]):
        """(cluster, action, comparison) for one statement, or None."""
        features = statement_features(statement, self._articles.get(statement.article_id))
        is_warning = statement.kind == "warning" or statement.precedes_incident
        own = sorted((rid for rid in self._by_article.get(statement.article_id, ()) if rid in cluster_of),
                     key=lambda rid: self._features[rid].sort_key)
        if own and not is_warning:
            same = Comparison(1.0, {"same_article": 1.0}, True, "stated in an article that reports this incident")
            return cluster_of[own[0]], "attached", same
        if features.day is None:
            return None
        if is_warning:
            weeks = range(bucket_of(features.day), bucket_of(features.day + timedelta(WARNING_WINDOW_DAYS)) + 1)
            compare, action = compare_warning, "linked_before"
        else:
            weeks = range(bucket_of(features.day - timedelta(STATEMENT_WINDOW_DAYS)), bucket_of(features.day) + 2)
            compare, action = compare_statement, "attached"
        candidates = set(self._index.candidates(features, weeks)) | set(own)
        best = None
        for record_id in sorted(candidates, key=lambda rid: self._features[rid].sort_key):
            comparison = compare(features, self._features[record_id])
            if not comparison.linked:
                continue
            if record_id in own:
                comparison = replace(comparison, signals={**comparison.signals, "same_article": 1.0})
            rank = _statement_rank(comparison, record_id in own, is_warning)
            if best is None or rank > best[0]:
                best = (rank, cluster_of[record_id], comparison)
        return None if best is None else (best[1], action, best[2])

    def _place_unread(self, cluster_of: dict[str, int]):
        """({cluster: attachments}, unread articles naming no incident)."""
        placed: dict[int, list[Attachment]] = defaultdict(list)
        left_over: list[ArticleRecord] = []
        for article_id in sorted(self._articles):
            article = self._articles[article_id]
            if article.extracted or self._by_article.get(article_id):
                continue
            found = self._unread_home(article, cluster_of)
            if found is None:
                left_over.append(article)
            else:
                placed[found[0]].append(Attachment(f"{article_id}#article", article_id, "attached", found[1]))
        return placed, left_over

    def _unread_home(self, article: ArticleRecord, cluster_of: dict[str, int]):
        day = parse_day(article.published)
        if day is None or not article.title:
            return None
        probe = RecordFeatures(f"{article.article_id}#article", article.article_id, day, True, article.published,
                               None, (), None, frozenset(), frozenset(), frozenset(), (), article.title)
        weeks = range(bucket_of(day - timedelta(STATEMENT_WINDOW_DAYS)), bucket_of(day) + 1)
        best = None
        for record_id in sorted(self._index.candidates(probe, weeks), key=lambda rid: self._features[rid].sort_key):
            comparison = compare_unread(article.title, day, self._features[record_id])
            if comparison.linked and (best is None or comparison.score > best[1].score):
                note = f"not extracted ({'; '.join(article.errors) or 'unread'}); {comparison.reason}"
                best = (cluster_of[record_id], replace(comparison, reason=note))
        return best

    # --- building the incident ---------------------------------------------------------------

    def _build(self, members: list[str], attachments: list[Attachment]) -> Incident:
        records = [self._incident_records[record_id] for record_id in members]
        incident_id = f"inc-{content_hash(members[0])}"
        attachments = sorted(attachments, key=self._attachment_order)
        statements = [self._statements[a.record_id] for a in attachments if a.record_id in self._statements]
        counted = records + [s for s, a in zip(statements, attachments) if a.action == "attached"]
        history = figure_rules.figure_reports(counted)
        decisions = [*self._member_decisions(members, incident_id),
                     *(MergeDecision(a.record_id, a.article_id, incident_id, a.action, a.comparison.score,
                                     a.comparison.signals, a.comparison.reason) for a in attachments)]
        return Incident(
            incident_id=incident_id,
            location=_choose_location(records),
            date=_choose_date(records),
            event_types=_merge_event_types(records),
            article_ids=tuple(sorted({r.article_id for r in records} | {a.article_id for a in attachments})),
            record_ids=tuple(members) + tuple(s.record_id for s in statements),
            figures=figure_rules.reconcile_all(history),
            history=history,
            statements=tuple(statements),
            decisions=tuple(decisions),
            actors=_unique(actor for record in records for actor in record.actors),
            weapons=_unique(weapon for record in records for weapon in record.weapons),
            targets=_unique(target for record in records for target in record.targets),
        )

    def _attachment_order(self, attachment: Attachment) -> tuple:
        statement = self._statements.get(attachment.record_id)
        published = statement.published if statement else self._articles[attachment.article_id].published
        return (time_key(published), attachment.article_id, attachment.record_id)

    def _member_decisions(self, members: list[str], incident_id: str) -> list[MergeDecision]:
        """'founded' for the first report; 'joined' with its strongest link to an earlier one for the rest."""
        position = {record_id: n for n, record_id in enumerate(members)}
        first = self._incident_records[members[0]]
        decisions = [MergeDecision(first.record_id, first.article_id, incident_id, "founded", 1.0, {},
                                   "first report of this incident (by event date, publication, article)")]
        for record_id in members[1:]:
            links = self._links[record_id]
            earlier = [other for other in links if position.get(other, len(members)) < position[record_id]]
            pool = earlier or [other for other in links if other in position]
            other = max(pool, key=lambda rid: (links[rid].score, -position[rid]))
            comparison = links[other]
            record = self._incident_records[record_id]
            decisions.append(MergeDecision(record_id, record.article_id, incident_id, "joined", comparison.score,
                                           comparison.signals, f"{comparison.reason}; linked to {other}"))
        return decisions


def _statement_rank(comparison: Comparison, same_article: bool, is_warning: bool) -> tuple:
    """Higher is better: same article first; a warning then prefers the nearest incident after it."""
    if is_warning:
        return (same_article, -comparison.signals.get("lead_days", 0.0), comparison.score)
    return (same_article, comparison.score)


def _choose_location(records: list[IncidentRecord]):
    """The most precise location, then the one most reports give, then the earliest report's."""
    places = [record.location for record in records if record.location is not None]
    if not places:
        return None
    votes = Counter((place.name, place.precision) for place in places)
    return min(places, key=lambda p: (_PRECISION_RANK.get(p.precision, 7), -votes[(p.name, p.precision)]))


def _choose_date(records: list[IncidentRecord]):
    """The event date most reports give (day precision first), ties to the earliest."""
    dates = [record.date for record in records if record.date is not None and record.date.value]
    if not dates:
        return None
    votes = Counter(date.value for date in dates)
    return min(dates, key=lambda d: (d.precision != "day", -votes[d.value], d.value))


def _merge_event_types(records: list[IncidentRecord]):
    """Types ranked by how many reports give them; evidence is that of the first report giving the top type."""
    gtd = Counter(name for record in records for name in record.event_types.gtd)
    acled = Counter(kind for record in records for kind in record.event_types.acled)
    ranked_gtd = tuple(sorted(gtd, key=lambda name: (-gtd[name], name)))
    ranked_acled = tuple(sorted(acled, key=lambda kind: (-acled[kind], kind.event_type, kind.sub_event_type)))
    base = next((r.event_types for r in records if ranked_gtd and ranked_gtd[0] in r.event_types.gtd),
                records[0].event_types)
    scores = {name: round(count / len(records), 3) for name, count in gtd.items()}
    return replace(base, gtd=ranked_gtd, acled=ranked_acled, scores=scores, extractor=MERGER)


def _unique(items: Iterable) -> tuple:
    seen: dict = {}
    for item in items:
        key = (type(item).__name__, getattr(item, "name", None) or getattr(item, "kind", None) or
               getattr(item, "label", None), getattr(item, "role", None), getattr(item, "stance", None))
        seen.setdefault(key, item)
    return tuple(seen.values())


def merge_records(records: Iterable[Record]) -> list[Incident]:
    """Merge a batch: the same incidents as adding each record to a `Merger`, in any order."""
    merger = Merger()
    merger.add_all(records)
    return merger.incidents()
