"""The fake Telegram Bot API as an ASGI app: bot routes, file downloads, the control API and the user API.

Routes (relative to wherever the app is served):
- ``POST|GET /bot{token}/{method}`` and ``GET /file/bot{token}/{file_path}``: the Bot API;
- ``/_control/...``: faults, the call log, reset, re-sending updates (for tests);
- ``/_user/...``: the user side (see ``user_api.py``).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp

from astralbot.sandbox.bot_methods import METHODS
from astralbot.sandbox.errors import BotApiError, UserSideError
from astralbot.sandbox.model import CallRecord, Fault
from astralbot.sandbox.params import Params, UploadedFile
from astralbot.sandbox.state import FakeTelegram
from astralbot.sandbox.user_api import user_api_router

_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
_FAULT_KINDS = {"429", "500", "502", "slow", "timeout"}
_UNAUTHORIZED = {"ok": False, "error_code": 401, "description": "Unauthorized"}
_NOT_FOUND = {"ok": False, "error_code": 404, "description": "Not Found"}


async def read_params(request: Request) -> Params:
    """Query string + JSON body, urlencoded form or multipart form, as the real server accepts."""
    values: dict[str, Any] = dict(request.query_params)
    files: dict[str, UploadedFile] = {}
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if request.method == "POST" and content_type == "application/json":
        body = await request.body()
        if body:
            try:
                decoded = json.loads(body)
            except json.JSONDecodeError:
                raise BotApiError(400, "Bad Request: can't parse JSON object") from None
            if not isinstance(decoded, dict):
                raise BotApiError(400, "Bad Request: can't parse JSON object")
            values.update(decoded)
    elif request.method == "POST" and content_type in _FORM_TYPES:
        async with request.form(max_files=100, max_fields=1000, max_part_size=16 * 1024 * 1024) as form:
            for key, value in form.multi_items():
                if isinstance(value, UploadFile):
                    files[key] = UploadedFile(
                        field_name=key,
                        filename=value.filename,
                        content_type=value.content_type,
                        data=await value.read(),
                    )
                else:
                    values[key] = value
    return Params(values=values, files=files)


async def _apply_fault(fault: Fault) -> Response | None:
    if fault.kind == "slow":
        await asyncio.sleep(fault.delay)
        return None
    if fault.kind == "timeout":
        # Hold the connection past any sane client timeout; the call is NOT executed.
        await asyncio.sleep(fault.delay or 60.0)
        return PlainTextResponse("504 Gateway Time-out", status_code=504)
    if fault.kind == "429":
        error = BotApiError(
            429, f"Too Many Requests: retry after {fault.retry_after}", {"retry_after": fault.retry_after}
        )
        return JSONResponse(error.to_json(), status_code=429)
    if fault.kind == "500":
        return JSONResponse(
            {"ok": False, "error_code": 500, "description": "Internal Server Error"}, status_code=500
        )
    return PlainTextResponse("502 Bad Gateway", status_code=502)


def _control_routes(app: FastAPI, state: FakeTelegram) -> None:
    @app.post("/_control/faults")
    async def add_fault(request: Request) -> Response:
        body = await request.json()
        kind = str(body.get("kind", ""))
        if kind not in _FAULT_KINDS:
            return JSONResponse({"ok": False, "detail": f"kind must be one of {sorted(_FAULT_KINDS)}"}, 400)
        fault = Fault(
            method=str(body.get("method", "*")),
            kind=kind,  # type: ignore[arg-type]
            remaining=int(body.get("count", 1)),
            retry_after=int(body.get("retry_after", 1)),
            delay=float(body.get("delay", 0.0)),
        )
        state.add_fault(fault)
        return JSONResponse({"ok": True, "fault": fault.to_json()})

    @app.get("/_control/faults")
    async def list_faults() -> dict[str, Any]:
        return {"ok": True, "faults": [fault.to_json() for fault in state.faults if fault.remaining > 0]}

    @app.get("/_control/calls")
    async def calls(method: str | None = None) -> dict[str, Any]:
        return {"ok": True, "calls": [call.to_json() for call in state.calls_of(method)]}

    @app.post("/_control/reset")
    async def reset() -> dict[str, Any]:
        await state.reset()
        return {"ok": True}

    @app.post("/_control/resend")
    async def resend(request: Request) -> Response:
        body = await request.json()
        try:
            update = state.resend(int(body["update_id"]))
        except UserSideError as exc:
            return JSONResponse({"ok": False, "detail": exc.detail}, status_code=exc.status)
        return JSONResponse({"ok": True, "update": update})

    @app.post("/_control/updates")
    async def inject(request: Request) -> Response:
        try:
            update = state.inject_update(await request.json())
        except UserSideError as exc:
            return JSONResponse({"ok": False, "detail": exc.detail}, status_code=exc.status)
        return JSONResponse({"ok": True, "update": update})

    @app.get("/_control/callback_queries")
    async def callback_queries() -> dict[str, Any]:
        return {"ok": True, "callback_queries": [q.to_json() for q in state.callback_queries.values()]}

    @app.get("/_control/charges")
    async def charges() -> dict[str, Any]:
        return {"ok": True, "charges": [charge.to_json() for charge in state.charges.values()]}

    @app.get("/_control/webhook")
    async def webhook() -> dict[str, Any]:
        return {"ok": True, "webhook": state.webhook_info()}


def create_fake_telegram_app(state: FakeTelegram) -> ASGIApp:
    """A standalone ASGI app for ``state``. Its lifespan closes the state; when you mount it inside
    another app instead, sub-app lifespans do not run, so ``await state.aclose()`` yourself."""

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await state.aclose()

    app = FastAPI(lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)

    @app.api_route("/bot{token}/{method_name}", methods=["GET", "POST"])
    async def bot_method(token: str, method_name: str, request: Request) -> Response:
        if token != state.token:
            return JSONResponse(_UNAUTHORIZED, status_code=401)
        entry = METHODS.get(method_name.lower())
        if entry is None:
            return JSONResponse(_NOT_FOUND, status_code=404)
        name, handler = entry
        record = CallRecord(method=name, params={}, time=time.time())
        state.record_call(record)
        try:
            params = await read_params(request)
            record.params = params.loggable()
            fault = state.take_fault(name)
            if fault is not None:
                faulty = await _apply_fault(fault)
                if faulty is not None:
                    record.status = faulty.status_code
                    record.description = f"injected {fault.kind}"
                    return faulty
            result = await handler(state, params)
        except BotApiError as exc:
            record.status = exc.error_code
            record.description = exc.description
            return JSONResponse(exc.to_json(), status_code=exc.error_code)
        return JSONResponse({"ok": True, "result": result})

    @app.get("/file/bot{token}/{file_path:path}")
    async def download(token: str, file_path: str) -> Response:
        if token != state.token:
            return JSONResponse(_UNAUTHORIZED, status_code=401)
        stored = state.file_by_path(file_path)
        if stored is None:
            return JSONResponse(_NOT_FOUND, status_code=404)
        return Response(stored.data, media_type=stored.mime_type)

    _control_routes(app, state)
    app.include_router(user_api_router(state))
    return app
