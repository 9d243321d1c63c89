"""pytest plugin: a real PostgreSQL for the tests, and a `db_url` fixture over both engines.

The session fixture `pg_admin_url` uses `EVENTWIRE_TEST_PG_URL` when set (a URL whose
user may CREATE DATABASE), else starts a throwaway server from Debian's `postgresql`
binaries (`initdb` + `pg_ctl`, /usr/lib/postgresql/15/bin or `EVENTWIRE_PG_BIN`) in a
temporary folder on 127.0.0.1 and a free port, and stops it at the end of the session.
initdb refuses to run as root, so as root the server runs as the `postgres` user in a
folder it owns. Without the binaries a local run says so and skips; on CI (`CI=true`)
that is a failure, since the PostgreSQL half of the suite must run there.

Each test that asks for `pg_url` gets a database of its own, dropped afterwards.

`TemporaryPostgres` is also used by bench/store.py.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("EVENTWIRE_PG_BIN", "/usr/lib/postgresql/15/bin"))
ON_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


class TemporaryPostgres:
    """A PostgreSQL server in a temporary folder; `with TemporaryPostgres() as admin_url: ...`."""

    def __init__(self, bin_dir: Path = PG_BIN, *, durable: bool = False):
        self.bin_dir = bin_dir
        self.durable = durable
        self.base = Path(tempfile.mkdtemp(prefix="eventwire-pg-"))
        self.data = self.base / "data"
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=False, capture_output=True, text=True, timeout=120)

    def start(self) -> str:
        """Initialise and start the server; returns the admin URL (user postgres, database postgres)."""
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chown(self.base, user.pw_uid, user.pw_gid)
        done = self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                         "--locale=C", "--no-sync", "--no-instructions")
        if done.returncode:
            raise RuntimeError(f"initdb failed: {done.stderr or done.stdout}")
        for _attempt in range(3):  # the free port can be taken between probing and binding
            port = _free_port()
            # fsync off for tests: they kill clients, never the server, and the test server's
            # disk durability is not what they check. The benchmark asks for durable=True.
            options = f"-c listen_addresses=127.0.0.1 -p {port} -k {self.base} -c max_connections=60"
            if not self.durable:
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            done = self._run("pg_ctl", "-D", str(self.data), "-l", str(self.base / "server.log"), "-w", "-t", "30",
                             "-o", options, "start")
            if done.returncode == 0:
                return f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        log = (self.base / "server.log").read_text(errors="replace")[-2000:]
        raise RuntimeError(f"pg_ctl start failed: {done.stderr or done.stdout}\n{log}")

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)

    def __enter__(self) -> str:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc_info) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def postgres_available() -> str | None:
    """None when a server can be started here, else why not."""
    if not (PG_BIN / "initdb").exists():
        return f"no PostgreSQL server binaries in {PG_BIN} (apt-get install postgresql, or set EVENTWIRE_TEST_PG_URL)"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser: initdb must run as the postgres user"
    return None


def _psycopg_url(url: str, database: str | None = None) -> str:
    from sqlalchemy.engine import make_url

    parsed = make_url(url).set(drivername="postgresql")
    if database:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def create_database(admin_url: str) -> str:
    """A new empty database on the admin URL's server; returns its SQLAlchemy URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = f"ew_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(_psycopg_url(admin_url), autocommit=True) as conn:
        # FILE_COPY (PostgreSQL 15+) copies the small template in ~20 ms; the default
        # WAL_LOG strategy takes ~10 times longer, which adds up over one database per test.
        strategy = " STRATEGY FILE_COPY" if conn.info.server_version >= 150000 else ""
        conn.execute(f'CREATE DATABASE "{name}"{strategy}')
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def drop_database(admin_url: str, url: str) -> None:
    import psycopg
    from sqlalchemy.engine import make_url

    name = make_url(url).database
    with psycopg.connect(_psycopg_url(admin_url), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_admin_url():
    """URL of a PostgreSQL server for the session (EVENTWIRE_TEST_PG_URL or a throwaway one)."""
    given = os.environ.get("EVENTWIRE_TEST_PG_URL")
    if given:
        yield given
        return
    missing = postgres_available()
    if missing:
        if ON_CI:
            pytest.fail(f"CI=true but PostgreSQL cannot be started: {missing}")
        pytest.skip(f"PostgreSQL tests skipped: {missing}")
    with TemporaryPostgres() as admin_url:
        yield admin_url


@pytest.fixture
def pg_url(pg_admin_url):
    """A fresh, empty PostgreSQL database for one test."""
    url = create_database(pg_admin_url)
    yield url
    drop_database(pg_admin_url, url)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """An empty database URL, once for SQLite (a file in tmp_path) and once for PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'eventwire.db'}"
    return request.getfixturevalue("pg_url")
