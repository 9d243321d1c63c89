"""Every error the API returns is JSON: `{"error": "<one line saying what to do>", "detail": ...}`.

422 bad parameters or body (FastAPI's validation, with each bad field named), 4xx from
the routes as raised, 422 for an `InputError`, 503 for a `StoreError` (the database
cannot be read or written: the message names it, password hidden). Anything else is a
bug: 500 with a generic message, and the traceback in the server log.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from eventwire.errors import InputError, StoreError

log = logging.getLogger("eventwire.serve")


def install_error_handlers(app: FastAPI) -> None:
    """Register the JSON error handlers on `app`."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(InputError, _input_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(Exception, _unexpected_error)


def _where(error: dict) -> str:
    """'articles.0.text' for a body field, 'limit' for a query parameter, 'body' for the body as a whole."""
    loc = [str(part) for part in error.get("loc", ())]
    return ".".join(loc[1:] if len(loc) > 1 and loc[0] in ("query", "path", "body", "header") else loc)


async def _validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    summary = "; ".join(f"{_where(error) or 'request'}: {error.get('msg')}" for error in errors[:5])
    # `input` can echo a huge body back; keep the location, message and type only.
    detail = [{key: error.get(key) for key in ("loc", "msg", "type")} for error in errors]
    return JSONResponse({"error": f"invalid request: {summary}", "detail": jsonable_encoder(detail)}, status_code=422)


async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)


async def _input_error(_request: Request, exc: InputError) -> JSONResponse:
    return JSONResponse({"error": str(exc)}, status_code=422)


async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
    log.error("database error: %s", exc)
    return JSONResponse({"error": str(exc)}, status_code=503)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"error": "internal error: this is a bug in eventwire; the server log has the traceback"},
                        status_code=500)
