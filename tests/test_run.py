"""The batch runner: a mixed folder of 1,000 good articles and 100 bad files in one run,
the summary, --errors FILE, progress on stderr, exit codes, and resuming without duplicates."""

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.config import Settings
from eventwire.run import run_extract
from eventwire.store import open_store

HTML_PAGE = ("<html><head><title>{title} | Test Courier</title>"
             "<meta property='article:published_time' content='2025-03-0{day}T10:00:00+00:00'></head>"
             "<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1><p>{text}</p></article></body></html>")
TOWNS = ("Sarnow", "Dornholm", "Elbrin", "Tavor", "Kestrel Bay", "Lindqvist", "Port Meridan", "Varkony")


def _good_text(index: int) -> str:
    """A tiny, unique English report (the runner's cost, not the extractors', is under test)."""
    return f"Police said {index % 9 + 2} people were hurt in a blast in {TOWNS[index % len(TOWNS)]} (report {index})."


def _write_mixed_folder(root: Path) -> tuple[list[str], int]:
    """1,000 good articles in every format and 100 bad files, each giving exactly one error."""
    good = [_good_text(index) for index in range(1000)]
    texts = iter(good)
    for index in range(600):
        folder = root / f"desk-{index % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story-{index}.txt").write_text(next(texts), encoding="utf-8")
    for index in range(100):
        text = next(texts)
        (root / f"page-{index}.html").write_text(HTML_PAGE.format(title=f"Report {index}", day=index % 9 + 1,
                                                                  text=text))
    for part in range(4):
        lines = [json.dumps({"id": f"wire-{part}-{n}", "text": next(texts), "source": "Wire"}) for n in range(50)]
        (root / f"wire-{part}.jsonl.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    rows = ["id,text,desk"] + [f'csv-{n},"{next(texts)}",world' for n in range(100)]
    (root / "export.csv").write_text("\n".join(rows) + "\n")
    bad = root / "bad"
    bad.mkdir()
    for index in range(20):
        (bad / f"scan-{index}.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
        (bad / f"empty-{index}.txt").write_bytes(b"")
        (bad / f"broken-{index}.html").write_text("<html><body><div><table><tr><td><a href='/'>x")
        (bad / f"malformed-{index}.jsonl").write_text('{"id": "m", "text": "no closing brace"\n')
    for index in range(10):
        (bad / f"notes-{index}.docx").write_bytes(b"PK\x03\x04")
        (bad / f"dated-{index}.jsonl").write_text(json.dumps({"text": f"Dated {index}.", "published": "2025-02-30"}))
    assert next(texts, None) is None
    return good, 100


@pytest.mark.slow
def test_a_folder_of_1000_good_articles_and_100_bad_files_in_one_run(ew, tmp_path):
    good, n_bad = _write_mixed_folder(tmp_path / "inbox")
    errors_path = tmp_path / "errors.jsonl"
    err = io.StringIO()
    with open_store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        summary = run_extract(Settings(), [str(tmp_path / "inbox")], store=store, pipeline=ew, fmt="jsonl",
                              out=io.StringIO(), err=err, errors_path=str(errors_path))
        assert store.stats()["tables"]["articles"] == 1000
        stored_ids = {record.article_id for record in store.load_records("article")}
        stored_texts = "\n".join(store.get_article(article_id).text for article_id in stored_ids)
    assert [text for text in good if text not in stored_texts] == []  # HTML pages add their <h1>
    assert (summary.n_read, summary.n_failed, summary.exit_code) == (1000, n_bad, 3)
    assert summary.n_extracted + summary.n_skipped == 1000
    assert {f"wire-{part}-{n}" for part in range(4) for n in range(50)} <= stored_ids
    errors = [json.loads(line) for line in errors_path.read_text().splitlines()]
    assert len(errors) == n_bad and all(error["kind"] == "input" for error in errors)
    assert all(error["path"].startswith(str(tmp_path / "inbox" / "bad")) for error in errors)
    assert sorted(e["line"] for e in errors if e["path"].endswith(".jsonl")) == [1] * 30
    assert err.getvalue().splitlines()[-1].startswith("1000 read, ")


def _folder(tmp_path: Path, n: int, *, start: int = 0) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for index in range(start, start + n):
        (folder / f"{index:03}.txt").write_text(_good_text(index))
    return folder


def test_summary_counts_and_exit_code_zero_when_all_is_well(ew, tmp_path):
    folder = _folder(tmp_path, 3)
    err = io.StringIO()
    with open_store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        summary = run_extract(Settings(), [str(folder)], store=store, pipeline=ew, fmt="jsonl", out=io.StringIO(),
                              err=err)
    assert (summary.n_read, summary.n_extracted, summary.n_skipped, summary.n_failed) == (3, 3, 0, 0)
    assert summary.exit_code == 0
    assert err.getvalue().splitlines()[-1].startswith("3 read, 3 extracted, 0 skipped, 0 failed; ")


def test_progress_shows_articles_per_second_and_errors_so_far(ew, tmp_path):
    folder = _folder(tmp_path, 4)
    (folder / "empty.txt").write_text("")
    err = io.StringIO()
    run_extract(Settings(), [str(folder)], store=False, pipeline=ew, fmt="jsonl", out=io.StringIO(), err=err,
                progress_interval=0)
    progress = [line for line in err.getvalue().splitlines() if "articles/s" in line and "errors so far" in line]
    assert progress[-1].startswith("4 articles, ")
    assert progress[-1].endswith(", 1 errors so far")


def test_records_go_to_stdout_as_jsonl_and_errors_to_stderr(ew, tmp_path):
    folder = _folder(tmp_path, 2)
    (folder / "empty.txt").write_text("")
    out, err = io.StringIO(), io.StringIO()
    run_extract(Settings(), [str(folder)], store=False, pipeline=ew, fmt="jsonl", out=out, err=err)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {record["kind"] for record in records} >= {"article"}
    assert "empty input" not in out.getvalue()
    assert f"error: {folder / 'empty.txt'}: empty input" in err.getvalue()


class _InterruptAfter:
    """A pipeline whose `pipe` raises KeyboardInterrupt (as Ctrl-C would) after `n` articles' results."""

    def __init__(self, pipeline, n: int):
        self.pipeline, self.n = pipeline, n

    def pipe(self, articles):
        for done, result in enumerate(self.pipeline.pipe(articles)):
            if done == self.n:
                raise KeyboardInterrupt
            yield result


def test_an_interrupted_run_stores_what_it_extracted_and_resumes_without_duplicates(ew, tmp_path):
    folder = _folder(tmp_path, 10)
    url = f"sqlite:///{tmp_path / 'ew.db'}"
    err, out = io.StringIO(), io.StringIO()
    with open_store(url) as store:
        first = run_extract(Settings(), [str(folder)], store=store, pipeline=_InterruptAfter(ew, 4), fmt="jsonl",
                            out=out, err=err)
        n_stored = store.stats()["tables"]["articles"]
    assert first.interrupted and first.exit_code == 1
    assert n_stored == 4 and out.getvalue().count('"kind": "article"') == 4
    assert "interrupted: run the same command again to resume" in err.getvalue()
    _folder(tmp_path, 2, start=10)
    with open_store(url) as store:
        second = run_extract(Settings(), [str(folder)], store=store, pipeline=ew, fmt="jsonl", out=io.StringIO(),
                             err=io.StringIO())
        assert store.stats()["tables"]["articles"] == 12
        again = run_extract(Settings(), [str(folder)], store=store, pipeline=ew, fmt="jsonl", out=io.StringIO(),
                            err=io.StringIO())
        assert store.stats()["tables"]["articles"] == 12
    assert (second.n_read, second.n_already_stored, second.n_extracted) == (12, n_stored, 12 - n_stored)
    assert (again.n_already_stored, again.n_extracted, again.exit_code) == (12, 0, 0)


def test_the_same_text_twice_in_one_batch_is_stored_once(ew, tmp_path):
    folder = _folder(tmp_path, 1)
    (folder / "copy.txt").write_text(_good_text(0))
    with open_store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        summary = run_extract(Settings(), [str(folder)], store=store, pipeline=ew, fmt="jsonl", out=io.StringIO(),
                              err=io.StringIO())
        assert store.stats()["tables"]["articles"] == 1
    assert (summary.n_read, summary.n_already_stored) == (2, 1)


def test_an_id_reused_for_another_text_fails_that_article_only(ew, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "First version."}) + "\n"
                    + json.dumps({"id": "x", "text": "A different text under the same id."}) + "\n"
                    + json.dumps({"id": "y", "text": "Unrelated."}) + "\n")
    with open_store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        summary = run_extract(Settings(), [str(path)], store=store, pipeline=ew, fmt="jsonl", out=io.StringIO(),
                              err=io.StringIO())
        assert store.stats()["tables"]["articles"] == 2
    [error] = summary.errors
    assert error["kind"] == "store" and error["line"] == 2
    assert error["error"].startswith(f"{path}:2 (article x): ")
    assert "give the new version its own id" in error["error"]


def test_an_impossible_published_option_fails_the_run_before_reading(ew, tmp_path):
    from eventwire.errors import InputError

    with pytest.raises(InputError, match="--published"):
        run_extract(Settings(), [str(_folder(tmp_path, 1))], published="2025-02-30", store=False, pipeline=ew)


def test_cli_extract_reads_stdin_writes_errors_file_and_exits_3(tmp_path, monkeypatch):
    from eventwire.cli import main

    monkeypatch.chdir(tmp_path)
    stdin = (json.dumps({"id": "s-1", "text": _good_text(1)}) + "\n{broken\n").encode()
    result = CliRunner().invoke(main, ["extract", "-", "--format", "jsonl", "--db", f"sqlite:///{tmp_path / 'ew.db'}",
                                       "--errors", str(tmp_path / "errors.jsonl")], input=stdin)
    assert result.exit_code == 3, result.output
    [error] = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert (error["path"], error["line"], error["kind"]) == ("-", 2, "input")
    assert '"article_id": "s-1"' in result.stdout
    with open_store(f"sqlite:///{tmp_path / 'ew.db'}") as store:
        assert store.get_article("s-1").origin.path == "-"
