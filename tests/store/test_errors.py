"""Store errors name the database (password hidden) and say what to do."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.errors import StoreError
from eventwire.store import open_store


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_unreachable_server_hides_the_password_and_says_what_to_check():
    url = f"postgresql://ana:s3cret@127.0.0.1:{_closed_port()}/events"
    with pytest.raises(StoreError) as raised:
        open_store(url)
    message = str(raised.value)
    assert "s3cret" not in message
    assert "ana:***@127.0.0.1" in message
    assert "check that the server runs" in message


@pytest.mark.parametrize(("url", "says"), [
    ("mysql://u:p@host/db", "unsupported database 'mysql'"),
    ("not a url", "is not a database URL"),
    ("sqlite:////no/such/folder/eventwire.db", "folder /no/such/folder does not exist"),
])
def test_bad_urls_are_explained(url, says):
    with pytest.raises(StoreError, match=says):
        open_store(url)


def test_cli_prints_one_line_and_exits_1(tmp_path):
    result = CliRunner().invoke(main, ["db", "stats", "--db", f"sqlite:///{tmp_path / 'missing.db'}"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error:") and "no database file there" in result.output
    assert not (tmp_path / "missing.db").exists()
