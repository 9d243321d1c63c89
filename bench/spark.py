"""Throughput of `eventwire spark extract` on local[2] against the single-process `eventwire extract`.

    .venv/bin/python bench/spark.py [--n 5000] [--master local[2]] [--also-n-process 2] [--report FILE]

Builds an archive of N articles in a temporary folder at run time (never in the
repository): texts cycled from the GTD summaries and ACLED notes in ../shared/eval/,
each published the day after its coded event, spread over 8 files, half of them gzip.
Both commands read the same archive; the single-process run prints its records as JSONL
to /dev/null and stores nothing, so neither pays for a database. Reported: wall seconds
and articles/s of each (model loading included: it is part of what a user waits for),
and Spark's own stage timings from its summary.json (read, extract, write, merge, and
the summed model-load and pipe seconds of the extraction partitions).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from itertools import cycle, islice
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SOURCES = [(EVAL / "gtd" / "gtd-2021-jan-apr.csv", "summary"), (EVAL / "acled" / "acled-2020-global.csv", "notes")]
N_FILES = 8


def _texts() -> list[tuple[str, str | None]]:
    """(text, publication day) of every GTD summary and ACLED note, interleaved."""
    found: list[list[tuple[str, str | None]]] = []
    for path, column in SOURCES:
        if not path.exists():
            sys.exit(f"{path}: not found; the benchmark reads ../shared/eval at run time")
        with open(path, newline="", encoding="utf-8") as handle:
            found.append([(row[column].strip(), _day_after(row)) for row in csv.DictReader(handle)
                          if row.get(column, "").strip()])
    mixed = [item for pair in zip(*found) for item in pair]
    longest = max(found, key=len)
    return mixed + longest[min(map(len, found)):]


def _day_after(row: dict) -> str | None:
    try:
        if row.get("iyear"):
            day = date(int(row["iyear"]), int(row["imonth"]), max(1, int(row["iday"])))
        else:
            day = _acled_day(row["event_date"])
    except (KeyError, ValueError):
        return None
    return (day + timedelta(days=1)).isoformat() if day else None


def _acled_day(text: str) -> date:
    """ACLED's event_date: ISO in newer exports, '9-May-20' in older ones."""
    from datetime import datetime

    try:
        return date.fromisoformat(text)
    except ValueError:
        return datetime.strptime(text, "%d-%b-%y").date()


def build_archive(folder: Path, n: int) -> None:
    """N articles over N_FILES files (odd ones gzip); a text met again gets a number so it stays distinct."""
    texts = _texts()
    lines = []
    for index, (text, published) in enumerate(islice(cycle(texts), n)):
        lap = index // len(texts)
        lines.append(json.dumps({"id": f"bench-{index}", "source": "bench", "published": published,
                                 "text": text if lap == 0 else f"{text} [{lap}]"}))
    size = -(-n // N_FILES)
    for part in range(N_FILES):
        chunk = ("\n".join(lines[part * size:(part + 1) * size]) + "\n").encode("utf-8")
        name = f"part-{part:02d}.jsonl" + (".gz" if part % 2 else "")
        (folder / name).write_bytes(gzip.compress(chunk) if part % 2 else chunk)


def _run(command: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 3):
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return seconds, result.stderr


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="articles in the archive (default 5000)")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--partitions", type=int, default=None)
    parser.add_argument("--also-n-process", type=int, default=0,
                        help="also time `eventwire extract --n-process K` (0: skip)")
    parser.add_argument("--report", default=None, help="write the figures as JSON here")
    args = parser.parse_args()
    eventwire = str(Path(sys.executable).with_name("eventwire"))
    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        archive, output = Path(tmp) / "archive", Path(tmp) / "spark-out"
        archive.mkdir()
        build_archive(archive, args.n)
        print(f"archive: {args.n} articles in {N_FILES} files under {archive}", file=sys.stderr)
        figures: dict = {"n_articles": args.n, "cpus": os.cpu_count(), "load_average": os.getloadavg()}
        single_s, single_err = _run([eventwire, "extract", str(archive), "--no-store", "--format", "jsonl"])
        figures["single_process"] = {"seconds": round(single_s, 1), "articles_per_s": round(args.n / single_s, 1),
                                     "summary": single_err.strip().splitlines()[-1]}
        if args.also_n_process:
            seconds, _ = _run([eventwire, "extract", str(archive), "--no-store", "--format", "jsonl",
                                 "--n-process", str(args.also_n_process)])
            figures[f"n_process_{args.also_n_process}"] = {"seconds": round(seconds, 1),
                                                          "articles_per_s": round(args.n / seconds, 1)}
        command = [eventwire, "spark", "extract", "--input", str(archive), "--output", str(output),
                   "--master", args.master]
        if args.partitions:
            command += ["--partitions", str(args.partitions)]
        spark_s, _ = _run(command)
        summary = json.loads((output / "summary.json").read_text())
        figures["spark"] = {"master": args.master, "seconds": round(spark_s, 1),
                            "articles_per_s": round(args.n / spark_s, 1), "job": summary}
    figures["speedup"] = round(single_s / spark_s, 2)
    print(json.dumps(figures, indent=1))
    if args.report:
        Path(args.report).write_text(json.dumps(figures, indent=1) + "\n")


if __name__ == "__main__":
    main()
