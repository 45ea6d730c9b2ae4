"""POST /webhook/telegram: verified, then handled before the answer, so a 2xx means it was handled.

Handling inside the request (rather than queueing and answering 200 at once) is what makes a
crash visible to Telegram: it gets no 2xx and re-sends the update, and the update_id claim makes
the re-send harmless if the first attempt had in fact completed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from telegram import Update
from telegram.ext import Application

log = logging.getLogger("astralbot.web")


class WebhookGate:
    """Admits webhook updates while open and counts those in flight, for an ordered shutdown."""

    def __init__(self) -> None:
        self.open = False
        self._in_flight = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> bool:
        if not self.open:
            return False
        self._in_flight += 1
        self._idle.clear()
        return True

    def leave(self) -> None:
        self._in_flight -= 1
        if self._in_flight == 0:
            self._idle.set()

    async def close_and_drain(self, grace: float) -> None:
        self.open = False
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), grace)


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name, not a secret


def telegram_webhook_router(application: Application, secret: str, gate: WebhookGate) -> APIRouter:
    router = APIRouter()

    async def verify_secret(
        token: Annotated[str | None, Header(alias=SECRET_HEADER)] = None,
    ) -> None:
        # async: a plain `def` dependency would cost a worker-thread hop on every update.
        if token is None or not secrets.compare_digest(token.encode(), secret.encode()):
            raise HTTPException(status_code=403, detail="forbidden")

    @router.post("/webhook/telegram", dependencies=[Depends(verify_secret)], include_in_schema=False)
    async def receive(request: Request) -> Response:
        try:
            payload: Any = await request.json()
            update = Update.de_json(payload, application.bot)
        except Exception:
            raise HTTPException(status_code=400, detail="not a Telegram update") from None
        if update is None:
            raise HTTPException(status_code=400, detail="not a Telegram update")
        if not gate.enter():
            # Starting or stopping: no 2xx, so Telegram re-sends it to a running instance.
            raise HTTPException(status_code=503, detail="not ready")
        try:
            await application.process_update(update)
        finally:
            gate.leave()
        return Response(status_code=200)

    return router
