"""The FastAPI application: one HTTP entry for Telegram, health, metrics and (in the sandbox) the fake API."""

from __future__ import annotations

import logging

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

log = logging.getLogger("astralbot.web")


def create_web_app(routers: list[APIRouter], mounts: dict[str, ASGIApp] | None = None) -> FastAPI:
    app = FastAPI(title="Astral", version="0.1.0", docs_url="/docs", redoc_url=None)
    for router in routers:
        app.include_router(router)
    for path, sub in (mounts or {}).items():
        app.mount(path, sub)

    # Errors are JSON with a message, never a traceback.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = [".".join(str(p) for p in e["loc"][1:]) or "body" for e in exc.errors()]
        return JSONResponse({"error": "invalid request", "fields": fields}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"error": "internal error"}, status_code=500)

    return app
