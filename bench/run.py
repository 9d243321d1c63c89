"""Benchmark eventwire against its floor (bare spaCy) and write docs/performance.md.

    python bench/run.py [--n N] [--quick] [--big]

Everything is measured in one run on the same texts: real GTD summaries, ACLED notes
and MUC-4 articles read from ../shared/eval at run time (never copied into the
repository), interleaved and cycled to the size needed. Why: the issue's targets
(end to end >= 0.75 of bare spaCy, 2-process scaling >= 1.7x, start-up < 3 s, flat
RSS) only mean something when both sides read the same texts on the same machine
in the same minute, so one script measures them all and writes the figures down.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
EXAMPLE = ROOT.parent / "shared" / "examples" / "shafaq-crocus.txt"
DOC = ROOT / "docs" / "performance.md"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))
csv.field_size_limit(10_000_000)


# --------------------------------------------------------------------------- texts

def _gtd() -> Iterator[tuple[str, str | None]]:
    with open(EVAL / "gtd" / "gtd-2021-jan-apr.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            day = f"{row['iyear']}-{int(row['imonth'] or 1) or 1:02d}-{int(row['iday'] or 1) or 1:02d}"
            if row["summary"].strip():
                yield row["summary"].strip(), day


def _acled() -> Iterator[tuple[str, str | None]]:
    with open(EVAL / "acled" / "acled-2020-global.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            try:
                day = dt.datetime.strptime(row["event_date"], "%d %B %Y").date().isoformat()
            except ValueError:
                day = None
            if row["notes"].strip():
                yield row["notes"].strip(), day


def _muc() -> Iterator[tuple[str, str | None]]:
    with open(EVAL / "muc4" / "muc34_dev.jsonl", encoding="utf-8") as handle:
        for line in handle:
            text = json.loads(line).get("text", "").strip()
            if text:
                yield text, None


def corpus() -> list[tuple[str, str | None]]:
    """Every distinct (text, published) pair, the three sources interleaved round-robin."""
    sources = [list(_gtd()), list(_acled()), list(_muc())]
    mixed = itertools.chain.from_iterable(itertools.zip_longest(*sources))
    return [pair for pair in mixed if pair is not None]


def texts(n: int, base: list[tuple[str, str | None]]) -> Iterator[tuple[str, str | None]]:
    """n texts cycled from `base`; repeats get a ' [k]' suffix so every text (and its hash) is new."""
    for i in range(n):
        text, day = base[i % len(base)]
        rounds = i // len(base)
        yield (f"{text} [{rounds}]" if rounds else text), day


def articles(n: int, base):
    from eventwire.pipeline import make_article

    for text, day in texts(n, base):
        yield make_article(text, published=day, source="bench")


def words(items) -> int:
    return sum(len(text.split()) for text, _ in items)


# --------------------------------------------------------------------------- throughput

def bare_spacy(nlp, items, batch_size: int, n_process: int) -> float:
    """Seconds for nlp.pipe over the texts (docs consumed, nothing kept)."""
    started = time.perf_counter()
    for _ in nlp.pipe((text for text, _ in items), batch_size=batch_size, n_process=n_process):
        pass
    return time.perf_counter() - started


def batches(iterable, size: int) -> Iterator[list]:
    """Lists of `size` items (the last one shorter): itertools.batched is Python 3.12+."""
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def end_to_end(ew, items, n_process: int) -> tuple[float, int, int]:
    """(seconds, records, errors): make_article + ew.pipe + save_articles into a fresh SQLite file,
    STORE_BATCH articles a transaction as `eventwire extract` stores them."""
    from eventwire.pipeline import make_article
    from eventwire.run import STORE_BATCH
    from eventwire.store import open_store

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        store = open_store(f"sqlite:///{tmp}/bench.db")
        stream = (make_article(text, published=day, source="bench") for text, day in items)
        n_records = n_errors = 0
        for batch in batches(ew.pipe(stream, n_process=n_process), STORE_BATCH):
            store.save_articles((result.article, result.records) for result in batch)
            n_records += sum(len(result.records) for result in batch)
            n_errors += sum(not result.ok for result in batch)
        store.close()
        return time.perf_counter() - started, n_records, n_errors


def throughput(nlp, ew, items, n_process: int) -> dict:
    n, n_words = len(items), words(items)
    bare = bare_spacy(nlp, items, ew.settings.batch_size, n_process)
    ours, n_records, n_errors = end_to_end(ew, items, n_process)
    row = {"n_process": n_process, "articles": n, "words": n_words,
           "bare_s": bare, "bare_aps": n / bare, "bare_wps": n_words / bare,
           "ew_s": ours, "ew_aps": n / ours, "ew_wps": n_words / ours,
           "ratio": bare / ours, "records": n_records, "errors": n_errors}
    print(f"  {n_process} process(es): bare spaCy {row['bare_aps']:.1f} art/s {row['bare_wps']:.0f} w/s | "
          f"eventwire {row['ew_aps']:.1f} art/s {row['ew_wps']:.0f} w/s | ratio {row['ratio']:.2f} "
          f"({n_records} records, {n_errors} errors)", flush=True)
    return row


# --------------------------------------------------------------------------- stages

EXTRACTORS = [
    ("sources", "extract_attributions"), ("locations", "extract_places"), ("figures", "extract_figures"),
    ("incident_location", "choose_incident_location"), ("dates", "extract_dates"), ("actors", "extract_actors"),
    ("weapons", "extract_weapons"), ("targets", "extract_targets"), ("event_types", "classify_event_types"),
    ("incidents", "assemble_incident"), ("statements", "extract_statements"),
]


@contextlib.contextmanager
def timed_attributes(targets: list[tuple[object, str, str]], totals: dict[str, float]):
    """Wrap module attributes so every call adds its seconds to totals[label]; restored on exit."""
    originals = [(module, name, getattr(module, name)) for module, name, _ in targets]

    def wrap(function, label):
        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[label] += time.perf_counter() - started
        return timed

    try:
        for (module, name, label), (_, _, function) in zip(targets, originals):
            setattr(module, name, wrap(function, label))
        yield totals
    finally:
        for module, name, function in originals:
            setattr(module, name, function)


def stage_targets() -> list[tuple[object, str, str]]:
    import importlib

    import eventwire.extract.article as article_module
    from eventwire import pipeline
    from eventwire.ingest import language

    targets = [(pipeline, "make_article", "ingest: make_article"),
               (language, "detect_language", "ingest: detect_language"),
               (article_module, "extract_records", "extract (all)")]
    for module_name, function in EXTRACTORS:
        module = importlib.import_module(f"eventwire.extract.{module_name}")
        targets.append((module, function, f"  extract: {module_name}.{function}"))
    return targets


def stages(ew, items) -> dict[str, float]:
    """Seconds per stage for these articles, serial; nlp = pipe time minus everything timed inside it."""
    from eventwire import pipeline
    from eventwire.merge import merge_records
    from eventwire.run import STORE_BATCH
    from eventwire.store import open_store

    totals: dict[str, float] = defaultdict(float)
    with timed_attributes(stage_targets(), totals), tempfile.TemporaryDirectory() as tmp:
        made = [pipeline.make_article(text, published=day, source="bench") for text, day in items]
        started = time.perf_counter()
        results = list(ew.pipe(made, n_process=1))
        piped = time.perf_counter() - started
        store = open_store(f"sqlite:///{tmp}/stages.db")
        started = time.perf_counter()
        for batch in batches(results, STORE_BATCH):
            store.save_articles((result.article, result.records) for result in batch)
        totals["store: save_articles"] = time.perf_counter() - started
        store.close()
    totals["nlp: spaCy (pipe minus extract, language)"] = (
        piped - totals["extract (all)"] - totals["ingest: detect_language"])
    started = time.perf_counter()
    merge_records([record for result in results for record in result.records])
    totals["merge: merge_records"] = time.perf_counter() - started
    return dict(totals)


# --------------------------------------------------------------------------- start-up, RSS, merge

def startup() -> dict:
    """Seconds from starting `eventwire extract` to its first stdout line, and to its exit."""
    exe = Path(sys.executable).with_name("eventwire")
    command = [str(exe) if exe.exists() else sys.executable, *([] if exe.exists() else ["-m", "eventwire"]),
               "extract", str(EXAMPLE), "--published", "2024-03-22T23:30:00+03:00",
               "--format", "jsonl", "--no-store"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first_line = process.stdout.readline()
    first = time.perf_counter() - started
    _, err = process.communicate()
    total = time.perf_counter() - started
    if not first_line:
        print(f"  start-up: no record printed (exit {process.returncode}): {err.strip()[-500:]}", file=sys.stderr)
    return {"first_record_s": first, "exit_s": total, "rc": process.returncode,
            "command": " ".join(["eventwire", *command[-7:]])}


def rss_child(n: int) -> None:
    """Child mode: stream n articles through ew.pipe + save_articles, print peak RSS as JSON."""
    from eventwire import pipeline
    from eventwire.run import STORE_BATCH
    from eventwire.store import open_store

    ew = pipeline.load()
    base = corpus()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{tmp}/rss.db")
        started, marks = time.perf_counter(), {}
        done = 0
        for batch in batches(ew.pipe(articles(n, base)), STORE_BATCH):
            store.save_articles((result.article, result.records) for result in batch)
            for i in range(done + 1, done + len(batch) + 1):
                if i in (n // 10, n // 2):
                    marks[i] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            done += len(batch)
        store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "peak_mb": peak, "marks_mb": marks, "seconds": time.perf_counter() - started,
                      "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}))


def rss(n: int) -> dict:
    done = subprocess.run([sys.executable, __file__, "--rss-child", str(n)], capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"bench/run.py: RSS run for {n} articles failed: {done.stderr.strip()[-800:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {n} articles: peak RSS {row['peak_mb']:.0f} MB "
          f"(at 10%/50%: {', '.join(f'{v:.0f}' for v in row['marks_mb'].values())} MB), {row['seconds']:.0f} s",
          flush=True)
    return row


def rss_from(path: str) -> dict:
    """The row of an earlier `--rss-child` run, dated (by the file's time if its JSON has none)."""
    try:
        row = json.loads(Path(path).read_text(encoding="utf-8").strip().splitlines()[-1])
    except (OSError, ValueError, IndexError) as exc:
        raise SystemExit(f"bench/run.py: --rss-from {path}: not the JSON line of an --rss-child run ({exc})") from exc
    mtime = dt.datetime.fromtimestamp(Path(path).stat().st_mtime, dt.UTC).isoformat(timespec="seconds")
    row["from"] = row.get("date") or mtime
    return row


def merge_times(sizes: list[int]) -> list[dict]:
    """merge_records on bench/merge.py's synthetic reports (real extracted reports are too few to reach 10,000)."""
    from eventwire.merge import merge_records

    try:
        from merge import generate
    except ImportError:
        print("  bench/merge.py has no generate(); merge timing skipped", file=sys.stderr)
        return []
    rows = []
    for size in sizes:
        records, _truth = generate(size)
        started = time.perf_counter()
        incidents = merge_records(records)
        seconds = time.perf_counter() - started
        rows.append({"reports": size, "records": len(records), "seconds": seconds, "incidents": len(incidents)})
        print(f"  {size} reports ({len(records)} records): {seconds:.2f} s, {len(incidents)} incidents", flush=True)
    return rows


# --------------------------------------------------------------------------- report

def machine() -> dict:
    import spacy

    with open("/proc/meminfo", encoding="ascii") as meminfo:
        mem_kb = next((int(line.split()[1]) for line in meminfo if line.startswith("MemTotal")), 0)
    return {"nproc": os.cpu_count(), "memory_gb": mem_kb / 1024 / 1024, "python": platform.python_version(),
            "spacy": spacy.__version__, "platform": platform.platform(),
            "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "load_before": os.getloadavg(), "command": "python bench/run.py " + " ".join(sys.argv[1:])}


def verdict(ok: bool) -> str:
    return "meets target" if ok else "**misses target**"


def render(info: dict, runs: list[dict], stage_rows: dict, n_stage: int, start: dict,
           rss_rows: list[dict], merge_rows: list[dict]) -> str:
    lines = [
        "# Performance", "",
        f"Generated by `{info['command']}` on {info['date']} (regenerate with `make bench`). "
        "Texts: GTD summaries, ACLED notes and MUC-4 dev articles read from ../shared/eval at run time, "
        "interleaved and cycled; repeats get a ' [k]' suffix so each stored text is new.", "",
        f"Machine: {info['nproc']} cores, {info['memory_gb']:.1f} GB memory, Python {info['python']}, "
        f"spaCy {info['spacy']}, {info['platform']}. The machine was shared with other agents during the run "
        f"(load average at start {info['load_before'][0]:.1f}, at end {info['load_after'][0]:.1f} on "
        f"{info['nproc']} cores), so absolute figures are pessimistic and noisy; ratios measured back to back "
        "are the figures to read.", "",
        "## Throughput: bare spaCy vs eventwire end to end", "",
        "Bare spaCy: `eventwire.nlp.load_nlp()` (same model and components), `nlp.pipe(texts, batch_size)`. "
        "Eventwire: `make_article` + `ew.pipe(articles)` + `open_store(sqlite).save_articles` in batches of "
        "`eventwire.run.STORE_BATCH`, as `eventwire extract` stores them.", "",
        "| processes | articles | words | bare spaCy art/s | bare w/s | eventwire art/s | eventwire w/s "
        "| ratio (target >= 0.75) |", "|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(f"| {r['n_process']} | {r['articles']} | {r['words']} | {r['bare_aps']:.1f} | "
                     f"{r['bare_wps']:.0f} | {r['ew_aps']:.1f} | {r['ew_wps']:.0f} | "
                     f"{r['ratio']:.2f} ({verdict(r['ratio'] >= 0.75)}) |")
    if len(runs) == 2:
        scale_ew, scale_bare = runs[1]["ew_aps"] / runs[0]["ew_aps"], runs[1]["bare_aps"] / runs[0]["bare_aps"]
        lines += ["", f"Scaling 2 vs 1 process: eventwire {scale_ew:.2f}x ({verdict(scale_ew >= 1.7)}, "
                      f"target >= 1.7x), bare spaCy {scale_bare:.2f}x. With 2 cores shared with other "
                      "agents, 2 workers cannot get 2 free cores."]
    lines += stage_section(stage_rows, n_stage)
    lines += ["", "## Start-up", "",
              f"`{start['command']}`: first record on stdout after **{start['first_record_s']:.2f} s** "
              f"({verdict(start['first_record_s'] < 3)}, target < 3 s), exit after {start['exit_s']:.2f} s "
              f"(exit status {start['rc']})."]
    lines += ["", "## Peak memory (extract + store, streamed, one subprocess per size)", "",
              "| articles | peak RSS MB | RSS at 10% / 50% MB | seconds |", "|---|---|---|---|"]
    for r in rss_rows:
        marks = " / ".join(f"{v:.0f}" for v in r["marks_mb"].values())
        note = f"; {r['note']}" if r.get("note") else ""
        separately = f" (run separately on {r['from']}{note})" if r.get("from") else ""
        lines.append(f"| {r['n']}{separately} | {r['peak_mb']:.0f} | {marks} | {r['seconds']:.0f} |")
    if any(r.get("from") for r in rss_rows):
        lines += ["", "A run marked \"separately\" is too long for every `make bench`: it was made with "
                  "`python bench/run.py --rss-child N > FILE` and read back with `--rss-from FILE` "
                  "(`make bench` reads every `bench/results/rss-*.json`)."]
    lines += ["", "## Merge (`merge_records` on bench/merge.py's synthetic reports)", "",
              "| reports | records | seconds | ms/report | incidents |", "|---|---|---|---|---|"]
    for r in merge_rows:
        lines.append(f"| {r['reports']} | {r['records']} | {r['seconds']:.2f} | "
                     f"{1000 * r['seconds'] / r['reports']:.2f} | {r['incidents']} |")
    return "\n".join(lines) + "\n"


def stage_section(stage_rows: dict, n: int) -> list[str]:
    order = ["ingest: make_article", "ingest: detect_language", "nlp: spaCy (pipe minus extract, language)",
             "extract (all)", *[f"  extract: {m}.{f}" for m, f in EXTRACTORS],
             "merge: merge_records", "store: save_articles"]
    total = sum(stage_rows.get(k, 0) for k in order if not k.startswith("  "))
    lines = ["", f"## Where the time goes ({n} articles, 1 process)", "",
             "Each function called by `extract_records` is wrapped with a timer inside the benchmark process only.", "",
             "| stage | seconds | ms/article | share |", "|---|---|---|---|"]
    for key in order:
        seconds = stage_rows.get(key, 0.0)
        lines.append(f"| {key.strip()}{' (part of extract)' if key.startswith('  ') else ''} | {seconds:.2f} | "
                     f"{1000 * seconds / n:.2f} | {100 * seconds / total:.1f}% |")
    lines.append(f"| total | {total:.2f} | {1000 * total / n:.2f} | 100% |")
    return lines


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=None, help="Articles for the throughput runs.")
    parser.add_argument("--quick", action="store_true", help="A smoke run with small sizes (~1-2 minutes on an idle machine).")
    parser.add_argument("--big", action="store_true", help="Add the 100,000-article RSS run (long).")
    parser.add_argument("--rss-child", type=int, default=None,
                        help="Only stream N articles through extract + store and print peak RSS as JSON.")
    parser.add_argument("--rss-from", action="append", default=[], metavar="FILE",
                        help="Add the RSS row of an earlier --rss-child run (its JSON output).")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.rss_child:
        rss_child(args.rss_child)
        return 0
    from eventwire.nlp import load_nlp
    from eventwire.pipeline import load

    info = machine()
    n = args.n or (100 if args.quick else 1000)
    n_stage = 100 if args.quick else 1000
    rss_sizes = [100, 300] if args.quick else [1000, 10000] + ([100000] if args.big else [])
    merge_sizes = [300, 1000] if args.quick else [1000, 10000]
    base = corpus()
    items = list(texts(n, base))
    print(f"{len(base)} distinct texts; throughput on {n} articles, {words(items)} words", flush=True)
    ew = load()
    nlp = load_nlp(ew.settings.model)
    # Warm-up, both sides: first batches allocate, and eventwire loads its language model on first use.
    list(nlp.pipe([text for text, _ in items[:20]]))
    list(ew.pipe(articles(20, base)))
    print("throughput:", flush=True)
    runs = [throughput(nlp, ew, items, 1), throughput(nlp, ew, items, 2)]
    print(f"stages ({n_stage} articles):", flush=True)
    stage_rows = stages(ew, list(texts(n_stage, base)))
    for key, seconds in stage_rows.items():
        print(f"  {key.strip():45s} {seconds:7.2f} s", flush=True)
    print("start-up:", flush=True)
    start = startup()
    print(f"  first record {start['first_record_s']:.2f} s, exit {start['exit_s']:.2f} s", flush=True)
    print("peak RSS:", flush=True)
    rss_rows = [rss(size) for size in rss_sizes] + [rss_from(path) for path in args.rss_from]
    print("merge:", flush=True)
    merge_rows = merge_times(merge_sizes)
    info["load_after"] = os.getloadavg()
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text(render(info, runs, stage_rows, n_stage, start, rss_rows, merge_rows), encoding="utf-8")
    print(f"wrote {DOC.relative_to(ROOT)}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
