"""Bounded loopback load test of the incident list: N req/s for T seconds against stored incidents.

    .venv/bin/python bench/api_load.py                       # 10,000 incidents, 200 req/s, 30 s, SQLite
    .venv/bin/python bench/api_load.py --rate 50 --seconds 5 --incidents 1000   # a quick look

Writes synthetic incidents through the store (`Store.save_incidents`), starts `eventwire serve`
on a free loopback port, and sends list queries (filters, sorts and pages rotated) on an
open-loop schedule: request i is due at start + i/rate whatever the earlier ones did, and its
latency counts from when it was due, so a slow server cannot hide its queue (no coordinated
omission). Prints p50/p90/p99/max and errors on stderr, a JSON summary on stdout; exits 1 when
any request failed or p99 is over --p99-budget-ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.serve.running

from eventwire.records import (
    AcledType,
    Actor,
    Attribution,
    EventDate,
    EventTypes,
    FigureReport,
    Incident,
    MergeDecision,
    Place,
    ReconciledFigure,
    SourceRef,
    Span,
)

# (town, admin1, country, lat, lon): a spread over several continents, jittered per incident.
TOWNS = [("Krasnogorsk", "Moscow Oblast", "RU", 55.82, 37.33), ("Kerman", "Kerman", "IR", 30.28, 57.08),
         ("Peshawar", "Khyber Pakhtunkhwa", "PK", 34.01, 71.58), ("Maiduguri", "Borno", "NG", 11.85, 13.16),
         ("Mogadishu", "Banaadir", "SO", 2.04, 45.34), ("Kabul", "Kabul", "AF", 34.53, 69.17),
         ("Bogota", "Bogota D.C.", "CO", 4.71, -74.07), ("Marawi", "Lanao del Sur", "PH", 8.0, 124.29)]
TYPES = [("Armed Assault", "Violence against civilians", "Attack"),
         ("Bombing/Explosion", "Explosions/Remote violence", "Suicide bomb"),
         ("Hostage Taking (Kidnapping)", "Violence against civilians", "Abduction/forced disappearance")]
ACTORS = ["Islamic State", "Boko Haram", "al-Shabaab", "unidentified gunmen", "Tehrik-i-Taliban Pakistan"]
QUERIES = [{}, {"country": "NG"}, {"min_killed": 50}, {"sort": "-killed"}, {"date_from": "2023-01-01"},
           {"date_from": "2022-03-01", "date_to": "2022-06-30"}, {"bbox": "60,25,75,40"}, {"offset": 500},
           {"event_type": "Bombing/Explosion", "sort": "-injured"}, {"actor": "shabaab"}, {"admin1": "Borno"},
           {"country": "PK", "min_killed": 10, "sort": "event_date"}]


def synthetic_incident(n: int, rng: random.Random) -> Incident:
    """Incident number n: a jittered town, a date in 2020-2024, one to three killed reports."""
    town, admin1, country, lat, lon = TOWNS[n % len(TOWNS)]
    gtd, acled_type, sub_type = TYPES[n % len(TYPES)]
    day = f"{2020 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d}"
    text = f"{town}: {n} people were killed"
    span = Span(0, len(text), text)
    place = Place(town, admin1, country, round(lat + rng.uniform(-0.5, 0.5), 4), round(lon + rng.uniform(-0.5, 0.5), 4),
                  "town", (span,), "synthetic.v1")
    chain = Attribution((SourceRef("wire report", "outlet"), SourceRef("police", "official")))
    killed = [rng.randint(0, 150) for _ in range(1 + n % 3)]
    reports = tuple(FigureReport("killed", value, value, value, None, f"{day}T{10 + i}:00:00+00:00", "wire report",
                                 chain, f"syn-{n}-{i}", f"syn-{n}-{i}#i0", (span,)) for i, value in enumerate(killed))
    return Incident(
        incident_id=f"syn-{n:06d}", location=place, date=EventDate(day, "day", (span,), "synthetic.v1"),
        event_types=EventTypes((gtd,), (AcledType(acled_type, sub_type),), (span,), "synthetic.v1"),
        article_ids=tuple(report.article_id for report in reports),
        record_ids=tuple(report.record_id for report in reports),
        figures=(ReconciledFigure("killed", killed[-1], killed[-1], killed[-1], "latest", len(killed)),
                 ReconciledFigure("injured", 2 * killed[-1], 2 * killed[-1], 2 * killed[-1], "latest", 1)),
        history={"killed": reports}, statements=(),
        decisions=tuple(MergeDecision(report.record_id, report.article_id, f"syn-{n:06d}",
                                      "founded" if i == 0 else "joined", 1.0, {"place": 1.0}, "synthetic")
                        for i, report in enumerate(reports)),
        actors=(Actor(ACTORS[n % len(ACTORS)], "perpetrator", (span,), "synthetic.v1"),),
    )


def prepare_database(url: str, n_incidents: int) -> None:
    from eventwire.store import open_store

    with open_store(url) as store:
        stored = store.stats()["tables"]["incidents"]
        if stored == n_incidents:
            print(f"{url}: {stored} incidents already stored", file=sys.stderr)
            return
        started = time.perf_counter()
        rng = random.Random(7)
        store.save_incidents([synthetic_incident(n, rng) for n in range(n_incidents)])
        print(f"{url}: stored {n_incidents} synthetic incidents in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)


def request_params(i: int, distinct: bool) -> dict:
    """The i-th request's query; with `distinct`, an offset no other request uses, so none is cached."""
    params = QUERIES[i % len(QUERIES)]
    return {**params, "offset": i % 9_000} if distinct else params


async def run_load(base: str, rate: float, seconds: float, distinct: bool = False) -> tuple[list[float], list[str]]:
    """Latencies (s, from when each request was due) and error descriptions."""
    import httpx

    latencies: list[float] = []
    errors: list[str] = []
    limits = httpx.Limits(max_connections=256, max_keepalive_connections=256)
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:
        for params in QUERIES:  # warm-up: connections, SQLite page cache
            await client.get("/api/incidents", params=params)

        async def one(due: float, params: dict) -> None:
            try:
                response = await client.get("/api/incidents", params=params)
                if response.status_code != 200 or "items" not in response.json():
                    errors.append(f"{params}: HTTP {response.status_code}")
            except httpx.HTTPError as exc:
                errors.append(f"{params}: {type(exc).__name__} {exc}")
            latencies.append(time.perf_counter() - due)

        start = time.perf_counter()
        tasks = []
        for i in range(int(rate * seconds)):
            due = start + i / rate
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            tasks.append(asyncio.create_task(one(due, request_params(i, distinct))))
        await asyncio.gather(*tasks)
    return latencies, errors


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default=None, help="database URL (default: a SQLite file in a temporary folder)")
    parser.add_argument("--incidents", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=200.0, help="requests per second")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--p99-budget-ms", type=float, default=100.0)
    parser.add_argument("--distinct", action="store_true",
                        help="every request a different page, so the server's response cache never answers")
    args = parser.parse_args()
    from tests.serve.running import RunningServer

    with tempfile.TemporaryDirectory(prefix="eventwire-load-") as folder:
        url = args.db or f"sqlite:///{folder}/load.db"
        prepare_database(url, args.incidents)
        server = RunningServer(url)
        try:
            started = time.perf_counter()
            latencies, errors = asyncio.run(run_load(server.base, args.rate, args.seconds, args.distinct))
            elapsed = time.perf_counter() - started
        finally:
            server.stop()
    summary = {"incidents": args.incidents, "rate_target": args.rate, "seconds": args.seconds,
               "distinct": args.distinct,
               "requests": len(latencies), "achieved_rate": round(len(latencies) / elapsed, 1), "errors": len(errors),
               **{f"p{int(q * 100)}_ms": round(percentile(latencies, q) * 1000, 1) for q in (0.5, 0.9, 0.99)},
               "max_ms": round(max(latencies) * 1000, 1) if latencies else None}
    for error in errors[:10]:
        print(f"error: {error}", file=sys.stderr)
    print(f"{summary['requests']} requests at {summary['achieved_rate']} req/s over {args.incidents} incidents: "
          f"p50 {summary['p50_ms']} ms, p90 {summary['p90_ms']} ms, p99 {summary['p99_ms']} ms, "
          f"max {summary['max_ms']} ms, {len(errors)} errors", file=sys.stderr)
    print(json.dumps(summary))
    return 1 if errors or summary["p99_ms"] > args.p99_budget_ms else 0


if __name__ == "__main__":
    sys.exit(main())
