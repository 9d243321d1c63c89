"""`eventwire serve`: the API and the UI on one uvicorn server."""

from __future__ import annotations

import sys
from typing import IO

from eventwire.config import Settings


def run_server(settings: Settings, *, host: str = "127.0.0.1", port: int = 8000, err: IO[str] = sys.stderr) -> None:
    """Serve until interrupted. Opens (and creates or upgrades) `settings.db` before listening,
    so a bad URL fails at once with a StoreError instead of on the first request."""
    import uvicorn

    from eventwire.serve.api import create_app
    from eventwire.store import redact

    app = create_app(settings)
    writes = "writes need the token" if settings.token else "read-only (set EVENTWIRE_TOKEN to allow POST)"
    err.write(f"eventwire: serving {redact(settings.db)} on http://{host}:{port}/ ({writes}); Ctrl-C stops\n")
    err.flush()
    # No access log: one line per request costs more than the request itself under load.
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
