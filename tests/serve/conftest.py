"""Fixtures for the serve tests: the example bundle stored in SQLite and PostgreSQL, an in-process
client over it, and `eventwire serve` running on a free port.

The bundle is extracted once per session with the real pipeline (`ew`) and stored once per
engine; tests that write get an empty database of their own (`db_url`).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import httpx
import pytest

from eventwire.config import Settings
from tests.pg import create_database, drop_database
from tests.serve.bundle import EXAMPLES, extract_bundle, store_bundle

TOKEN = "test-token-7f3a"
EVENTWIRE = Path(sys.executable).parent / "eventwire"

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's note that httpx2 exists; TestClient is httpx-based
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def bundle_extracted(ew):
    if not EXAMPLES.exists():
        pytest.skip(f"{EXAMPLES} not found (the example bundle in ../shared/examples)")
    return extract_bundle(ew)


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def bundle_url(request, tmp_path_factory, bundle_extracted):
    """A database holding the example bundle, merged: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('bundle') / 'bundle.db'}"
        store_bundle(url, bundle_extracted)
        yield url
        return
    admin_url = request.getfixturevalue("pg_admin_url")
    url = create_database(admin_url)
    store_bundle(url, bundle_extracted)
    yield url
    drop_database(admin_url, url)


@pytest.fixture(scope="session")
def client(bundle_url):
    """An in-process HTTP client (httpx, via ASGI) on the app over the bundle database."""
    from eventwire.serve.api import create_app

    with TestClient(create_app(Settings(db=bundle_url)), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def write_client(db_url, ew):
    """A client on an empty database that accepts writes with TOKEN (sharing the session's pipeline)."""
    from eventwire.serve.api import create_app

    app = create_app(Settings(db=db_url, token=TOKEN), pipeline=ew)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RunningServer:
    """`eventwire serve` in a subprocess; `base` is its URL. Stopped (and waited for) on exit."""

    def __init__(self, db: str, *, token: str | None = None, timeout: float = 60):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "EVENTWIRE_TOKEN": token or ""}
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"eventwire-serve-{self.port}.log"
        self._log_handle = self.log.open("w")
        self.process = subprocess.Popen([str(EVENTWIRE), "serve", "--db", db, "--port", str(self.port)],
                                        stdout=self._log_handle, stderr=subprocess.STDOUT, env=env)
        self._wait(timeout)

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"eventwire serve exited {self.process.returncode}: {self.output()}")
            try:
                if httpx.get(f"{self.base}/api/health", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"eventwire serve did not answer within {timeout} s: {self.output()}")

    def output(self) -> str:
        self._log_handle.flush()
        return self.log.read_text(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log_handle.close()
        self.log.unlink(missing_ok=True)


@pytest.fixture(scope="session")
def live_server(bundle_url):
    """`eventwire serve` over the bundle database on a free port, for the whole session."""
    server = RunningServer(bundle_url)
    yield server
    server.stop()
