"""`eventwire serve` as a subprocess on a free port, for the tests and bench/api_load.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

EVENTWIRE = Path(sys.executable).parent / "eventwire"


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
