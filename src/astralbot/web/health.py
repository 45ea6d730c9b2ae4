"""Liveness, readiness and Prometheus metrics."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST

from astralbot.metrics import Metrics


def health_router(
    db_ping: Callable[[], Awaitable[bool]], bot_ready: Callable[[], bool], metrics: Metrics
) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @router.get("/readyz")
    async def readyz() -> JSONResponse:
        db_ok = await db_ping()
        bot_ok = bot_ready()
        status = 200 if db_ok and bot_ok else 503
        return JSONResponse({"database": db_ok, "bot": bot_ok}, status_code=status)

    @router.get("/metrics", include_in_schema=False)
    async def prometheus() -> Response:
        return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)

    return router
