"""The `eventwire` command group: thin wrappers over library functions.

stdout carries data (pipe it); progress, summaries and errors go to stderr.
Exit codes: 0 success, 3 done with skipped or failed articles, 1 failure.
"""

from __future__ import annotations

import json
import sys
from functools import wraps

import click

from eventwire.errors import EventwireError

EXIT_OK, EXIT_FAILURE, EXIT_SKIPS = 0, 1, 3


def db_option(func):
    """--db URL, shared by every command that touches the store."""
    return click.option(
        "--db", "db", default=None, metavar="URL",
        help="Database URL (default: sqlite:///eventwire.db or $EVENTWIRE_DB).",
    )(func)


def settings_from(ctx_obj: dict, **overrides):
    from eventwire.config import load_settings

    return load_settings(ctx_obj.get("config"), **overrides)


def friendly_errors(func):
    """Expected errors print one line (no traceback unless --debug) and exit 1."""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except EventwireError as exc:
            if click.get_current_context().find_root().obj.get("debug"):
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(EXIT_FAILURE)

    return wrapper


@click.group()
@click.option("--config", type=click.Path(dir_okay=False), default=None, help="Settings file (eventwire.toml).")
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.version_option(package_name="eventwire")
@click.pass_context
def main(ctx: click.Context, config: str | None, debug: bool) -> None:
    """eventwire: structured, attributed records of political violence from news text."""
    ctx.ensure_object(dict)
    ctx.obj.update(config=config, debug=debug)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", default=None, help="Publication time (ISO) for plain-text inputs.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("--source", default=None, help="Outlet name for plain-text inputs.")
@click.option("--n-process", type=int, default=None, help="Worker processes (default 1).")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False), default=None,
              help="Write every input error as JSONL to this file.")
@click.option("--no-store", is_flag=True, help="Print only; do not write to the database.")
@click.option("--keep-going", is_flag=True, default=None,
              help="An extractor bug on one article is recorded (with its traceback) and the batch goes on.")
@db_option
@click.pass_obj
@friendly_errors
def extract(obj, paths, published, fmt, source, n_process, errors_path, no_store, keep_going, db):
    """Extract records from articles (files, folders, '-' for stdin) and store them."""
    from eventwire.run import run_extract

    settings = settings_from(obj, db=db, n_process=n_process, keep_going=keep_going)
    summary = run_extract(
        settings, paths, published=published, source=source, fmt=fmt,
        store=not no_store, errors_path=errors_path, out=sys.stdout,
    )
    sys.exit(summary.exit_code)


@main.command()
def schema():
    """Print the JSON Schema of one `extract --format jsonl` line."""
    from eventwire.records import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


@main.group()
def config():
    """Show settings."""


@config.command("show")
@click.pass_obj
def config_show(obj):
    """Print every setting with its value and help."""
    from dataclasses import asdict

    from eventwire.config import describe_settings

    values = asdict(settings_from(obj))
    for name, _default, help_text in describe_settings():
        click.echo(f"{name} = {values[name]!r}    # {help_text}")


# Commands of the later stages (merge, db, eval, export, serve, spark) are added below,
# each a thin wrapper over its stage's library function.


@main.command("eval")
@click.argument("suite", type=click.Choice(["gtd", "acled", "muc4", "wikievents", "rams", "geoparsing"]))
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--limit", type=int, default=None, help="Score only the first N rows (articles).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None,
              help="Write the figures and the error analysis as JSON to this file.")
@click.option("--errors", "n_errors", type=int, default=0, show_default=True,
              help="Also print up to N wrong rows per common error pattern (gold, predicted, evidence).")
@click.option("--n-process", type=int, default=2, show_default=True, help="Worker processes.")
@click.pass_obj
@friendly_errors
def eval_command(obj, suite, path, limit, report_path, n_errors, n_process):
    """Score the pipeline against a human-coded dataset (see ../shared/eval/README.md)."""
    from eventwire.eval.runner import format_errors, format_table, run_eval

    settings = settings_from(obj, n_process=n_process)
    report = run_eval(suite, path, limit=limit, n_process=n_process, settings=settings,
                      n_examples=max(5, n_errors))
    report.command = "eventwire " + " ".join(sys.argv[1:])
    click.echo(format_table(report))
    if n_errors:
        click.echo(format_errors(report, n_errors))
    if report_path:
        with open(report_path, "w", encoding="utf-8") as handle:
            json.dump(report.to_json(), handle, indent=1, ensure_ascii=False, default=str)
    click.echo(f"{report.n_cases} rows scored, {len(report.skipped)} skipped, {report.n_failed} failed "
               f"in {report.seconds:.1f} s", err=True)
    sys.exit(EXIT_SKIPS if report.n_failed else EXIT_OK)


@main.group()
def db():
    """Create, upgrade and inspect the database."""


@db.command("upgrade")
@db_option
@click.pass_obj
@friendly_errors
def db_upgrade(obj, db):
    """Create the schema, or upgrade it to this eventwire's version (safe to repeat)."""
    from eventwire.store import redact, upgrade_database

    settings = settings_from(obj, db=db)
    revision = upgrade_database(settings.db)
    click.echo(f"{redact(settings.db)}: schema at revision {revision}", err=True)


@db.command("stats")
@db_option
@click.pass_obj
@friendly_errors
def db_stats(obj, db):
    """Print the schema revision and row counts per table as JSON."""
    from eventwire.store import database_stats

    settings = settings_from(obj, db=db)
    click.echo(json.dumps(database_stats(settings.db), indent=2))


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@click.option("--no-store", is_flag=True, help="Print only; do not write incidents to the database.")
@db_option
@click.pass_obj
@friendly_errors
def merge(obj, paths, fmt, no_store, db):
    """Merge reports into incidents: articles (extracted and stored on the way), extracted JSONL,
    or, with no INPUT, every record already stored in the database."""
    from eventwire.merge.run import run_merge

    settings = settings_from(obj, db=db)
    summary = run_merge(settings, paths, fmt=fmt, store=not no_store, out=sys.stdout, err=sys.stderr)
    sys.exit(summary.exit_code)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.pass_obj
@friendly_errors
def serve(obj, db, host, port):
    """Serve the REST API and the web UI (writes need EVENTWIRE_TOKEN)."""
    from eventwire.serve import run_server

    settings = settings_from(obj, db=db)
    run_server(settings, host=host, port=port)


# Kept literal so `eventwire --help` does not import pyarrow; tests/export checks it equals export.FORMATS.
EXPORT_FORMATS = ["acled-csv", "gtd-csv", "geojson", "parquet", "jsonl"]


@main.command()
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), required=True, help="File to write.")
@click.option("--since", default=None, metavar="DAY", help="Only incidents on or after this ISO day.")
@click.option("--until", default=None, metavar="DAY", help="Only incidents on or before this ISO day.")
@click.option("--country", default=None, help="Only incidents in this country (ISO code or name).")
@db_option
@click.pass_obj
@friendly_errors
def export(obj, fmt, output, since, until, country, db):
    """Write merged incidents as ACLED or GTD CSV, GeoJSON, Parquet or JSONL (re-importable)."""
    from eventwire.export import ExportFilters, run_export

    settings = settings_from(obj, db=db)
    summary = run_export(settings, fmt, output, ExportFilters(since=since, until=until, country=country))
    click.echo(summary.line(), err=True)


@main.command("import")
@click.argument("path", type=click.Path(dir_okay=False))
@db_option
@click.pass_obj
@friendly_errors
def import_command(obj, path, db):
    """Load an `eventwire export --format jsonl` file into the database (articles, records, incidents)."""
    from eventwire.export.jsonl import run_import

    settings = settings_from(obj, db=db)
    summary = run_import(settings, path)
    for error in summary.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(summary.line(), err=True)
    sys.exit(EXIT_SKIPS if summary.errors else EXIT_OK)


@main.group()
def spark():
    """Run extraction and merging on Spark, for archives too big for one process."""


@spark.command("extract")
@click.option("--input", "input_path", required=True,
              help="JSONL archive: a file, a folder or a glob (gzip read through).")
@click.option("--output", "output_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for records/, incidents/, errors/ and summary.json.")
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
@click.option("--partitions", type=int, default=None,
              help="Extraction partitions (default: twice the default parallelism).")
@click.pass_obj
@friendly_errors
def spark_extract(obj, input_path, output_dir, master, partitions):
    """Extract records from a JSONL archive with Spark, write Parquet by year/country, merge incidents."""
    from eventwire.spark import run_spark_extract

    settings = settings_from(obj)
    summary = run_spark_extract(settings, input_path, output_dir, master=master, partitions=partitions,
                                err=sys.stderr)
    sys.exit(EXIT_SKIPS if summary.n_errors else EXIT_OK)
