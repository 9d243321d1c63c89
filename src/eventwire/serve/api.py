"""The REST API and the web UI in one FastAPI app: `create_app(settings)`.

    GET  /api/incidents              filters, sort, limit + offset (`next_offset` is the cursor)
    GET  /api/incidents/{id}         reports, figure history, merge decisions, statements, evidence
    GET  /api/articles/{id}          text, records and every evidence span (the evidence view)
    GET  /api/statements             warnings, claims, denials ... with filters
    POST /api/articles               extract, store, merge (token: EVENTWIRE_TOKEN)
    GET  /api/health, /api/stats     liveness; row counts
    GET  /openapi.json, /docs        the schema and its offline docs page (fastapi-offline)
    GET  /                           the web UI (static files in web/, vendored libraries in web/vendor/)

Errors are JSON `{"error": "...", "detail": ...}`: 422 for bad parameters or bodies,
401 for a write without the token, 404 for an unknown id, 503 when the database
cannot be read. Reads are open; the UI only reads.
"""

from __future__ import annotations

import hmac
import math
from contextlib import asynccontextmanager
from dataclasses import astuple
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from sqlalchemy import event

from eventwire.config import Settings
from eventwire.serve import queries, views
from eventwire.serve.cache import ResponseCache
from eventwire.serve.errors import install_error_handlers
from eventwire.serve.ingest import ArticlesIn, Ingester
from eventwire.store import SORT_KEYS, IncidentFilters, Store, open_store

WEB_DIR = Path(__file__).parent / "web"
MAX_PAGE = 1000
# Offsets past this are refused (422) rather than sent to the database as huge integers.
MAX_OFFSET = 10_000_000
SortKey = Literal[(*SORT_KEYS, *(f"-{key}" for key in SORT_KEYS))]  # type: ignore[misc]
StatementKind = Literal["warning", "claim", "denial", "condemnation", "arrest", "security_measure"]
# Query strings are stored text: a NUL cannot be (PostgreSQL refuses it), so it is a 422, not a 500.
_NO_NUL = r"^[^\x00]*$"
Text = Annotated[str | None, Query(max_length=200, pattern=_NO_NUL)]
IdPath = Annotated[str, PathParam(max_length=200, pattern=_NO_NUL)]
Day = Annotated[date | None, Query(description="ISO day, inclusive (2024-03-22).")]


def create_app(settings: Settings, *, store: Store | None = None, pipeline: Any = None) -> FastAPI:
    """The app over `settings.db` (or an open `store`); `pipeline` is loaded on the first POST if not given."""
    owned = store is None
    store = store or open_store(settings.db)
    _tune_for_reads(store)

    def load_pipeline():
        from eventwire.pipeline import load

        return pipeline or load(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if owned:
            store.close()

    app = FastAPIOffline(title="eventwire", version=_version(), lifespan=lifespan,
                         description="Structured, attributed records of political violence from news text.")
    app.state.store = store
    app.state.list_cache = ResponseCache(store)
    app.state.ingester = Ingester(store, load_pipeline)
    app.state.token = settings.token
    install_error_handlers(app)
    _add_read_routes(app)
    _add_write_routes(app)
    _add_web_routes(app)
    return app


# A server reads the same pages over and over: map the SQLite file (256 MiB) and give each pooled
# connection a 64 MiB page cache, instead of SQLite's 2 MiB default and a read() per page. On 10,000
# incidents this made the list's full scans (sort by killed, bbox) 3-4x faster (bench/api_load.py).
_SQLITE_READ_PRAGMAS = ("PRAGMA mmap_size=268435456", "PRAGMA cache_size=-65536")


def _tune_for_reads(store: Store) -> None:
    if store.dialect != "sqlite":
        return

    def on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        for pragma in _SQLITE_READ_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    event.listen(store.engine, "connect", on_connect)
    if not str(store.engine.url).endswith((":memory:", "sqlite://")):
        store.engine.dispose()  # connections opened before the listener reconnect with it


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("eventwire")
    except PackageNotFoundError:
        return "0"


def _parse_bbox(bbox: str | None) -> tuple[float, float, float, float] | None:
    """(min_lon, min_lat, max_lon, max_lat) from 'a,b,c,d'; 422 with what is wrong otherwise."""
    if bbox is None:
        return None
    try:
        values = tuple(float(part) for part in bbox.split(","))
    except ValueError:
        values = ()
    if len(values) != 4 or not all(math.isfinite(value) for value in values):
        raise HTTPException(422, f"bbox {bbox!r}: give four numbers min_lon,min_lat,max_lon,max_lat (GeoJSON order)")
    min_lon, min_lat, max_lon, max_lat = values
    if min_lon > max_lon or min_lat > max_lat or not (-90 <= min_lat and max_lat <= 90):
        raise HTTPException(422, f"bbox {bbox!r}: need min <= max, latitudes within -90..90")
    return values  # type: ignore[return-value]


def incident_filters(
    date_from: Day = None, date_to: Day = None,
    country: Annotated[str | None, Query(max_length=64, pattern=_NO_NUL, description="ISO code, e.g. RU")] = None,
    admin1: Text = None,
    event_type: Annotated[str | None, Query(max_length=200, pattern=_NO_NUL,
                                            description="ACLED event or sub-event type, or GTD attack type")] = None,
    actor: Annotated[str | None, Query(max_length=200, pattern=_NO_NUL, description="part of an actor's name")] = None,
    min_killed: Annotated[int | None, Query(ge=0, le=10_000_000)] = None,
    bbox: Annotated[str | None, Query(max_length=200, pattern=_NO_NUL,
                                      description="min_lon,min_lat,max_lon,max_lat")] = None,
    q: Annotated[str | None, Query(max_length=500, pattern=_NO_NUL, description="full-text query")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    sort: SortKey = "-event_date",
) -> IncidentFilters:
    """The incident filters from query parameters, shared by the list and the UI's map."""
    return IncidentFilters(
        date_from=date_from.isoformat() if date_from else None, date_to=date_to.isoformat() if date_to else None,
        country=country, admin1=admin1, event_type=event_type, actor=actor, min_killed=min_killed,
        bbox=_parse_bbox(bbox), q=q, limit=limit, offset=offset, sort=sort,
    )


def _store(app: FastAPI) -> Store:
    return app.state.store


def _add_read_routes(app: FastAPI) -> None:
    @app.get("/api/health", tags=["meta"])
    def health() -> dict[str, str]:
        """Liveness: the server answers and knows its database engine."""
        return {"status": "ok", "engine": _store(app).dialect}

    @app.get("/api/stats", tags=["meta"])
    def stats() -> dict[str, Any]:
        """Schema revision and row counts per table."""
        return _store(app).stats()

    @app.get("/api/incidents", tags=["incidents"])
    def list_incidents(filters: Annotated[IncidentFilters, Depends(incident_filters)]) -> Response:
        """One page of incidents (map and list columns); `next_offset` is null on the last page."""
        key = astuple(filters)
        body = app.state.list_cache.get(key)
        if body is None:
            items, total = _store(app).list_incidents(filters)
            following = filters.offset + len(items)
            # Rows hold only str/int/float/None: rendered once here, not by FastAPI's per-field encoder.
            body = JSONResponse({"items": items, "total": total, "limit": filters.limit, "offset": filters.offset,
                                 "next_offset": following if following < total else None}).body
            app.state.list_cache.put(key, body)
        return Response(body, media_type="application/json")

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def get_incident(incident_id: IdPath) -> dict[str, Any]:
        """One merged incident: figures, their history, statements, merge decisions, and its articles."""
        incident = _store(app).get_incident(incident_id)
        if incident is None:
            raise HTTPException(404, f"no incident {incident_id!r}; list them at /api/incidents")
        return views.incident_view(incident, queries.article_summaries(_store(app), incident.article_ids))

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(article_id: IdPath) -> dict[str, Any]:
        """One article: its text, records and every evidence span, with the incidents it reports."""
        store = _store(app)
        article = store.get_article(article_id)
        if article is None:
            raise HTTPException(404, f"no article {article_id!r}")
        records = list(store.load_records(article_ids=[article_id]))
        return views.article_view(article, records, queries.incidents_of_article(store, article_id))

    @app.get("/api/statements", tags=["statements"])
    def list_statements(
        kind: StatementKind | None = None, article_id: Text = None, incident_id: Text = None,
        speaker: Text = None, date_from: Day = None, date_to: Day = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    ) -> dict[str, Any]:
        """Warnings, claims, denials, condemnations, arrests and security measures, oldest first."""
        filters = queries.StatementFilters(
            kind=kind, article_id=article_id, incident_id=incident_id, speaker=speaker,
            date_from=date_from.isoformat() if date_from else None,
            date_to=date_to.isoformat() if date_to else None, limit=limit, offset=offset)
        items, total = queries.list_statements(_store(app), filters)
        return {"items": items, "total": total, "limit": limit, "offset": offset}


def _add_write_routes(app: FastAPI) -> None:
    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        expected = app.state.token
        if not expected:
            raise HTTPException(401, "writes are disabled: start the server with EVENTWIRE_TOKEN set",
                                headers={"WWW-Authenticate": "Bearer"})
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8")):
            raise HTTPException(401, "missing or wrong token: send 'Authorization: Bearer <EVENTWIRE_TOKEN>'",
                                headers={"WWW-Authenticate": "Bearer"})

    @app.post("/api/articles", tags=["articles"], status_code=201, dependencies=[Depends(require_token)])
    def post_articles(body: ArticlesIn) -> dict[str, Any]:
        """Extract, store and merge `{"articles": [...]}`; each article gets its own result."""
        return app.state.ingester.ingest(body.articles).to_json()


# The UI's own policy: scripts from this server only, so even text that escaped escaping could not
# run; no requests to other hosts (the page must work offline). /docs (Swagger) keeps its own rules.
UI_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
             "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def _add_web_routes(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(WEB_DIR / "index.html", headers={"Content-Security-Policy": UI_POLICY,
                                                               "X-Content-Type-Options": "nosniff"})
