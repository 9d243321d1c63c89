"""serve stage: the REST API and the web UI in one process (`eventwire serve`).

`create_app(settings)` builds the FastAPI app (api.py); `run_server` serves it with
uvicorn. The UI is static files in web/ (plain JS, no build step) with its libraries
and basemap vendored in web/vendor/, so it works with the network unplugged.
"""

from eventwire.serve.server import run_server

__all__ = ["run_server"]
