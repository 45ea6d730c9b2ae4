"""The "user side" JSON API: what a Telegram client would do (send, press, pay) and see (transcript).

Mounted by the fake server at ``/_user`` and by the sandbox page under its own prefix, so the page can
use relative URLs on the same origin.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from astralbot.sandbox.errors import UserSideError
from astralbot.sandbox.state import FakeTelegram


def _error(exc: UserSideError) -> JSONResponse:
    return JSONResponse({"ok": False, "detail": exc.detail}, status_code=exc.status)


async def _body(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise UserSideError(400, "expected a JSON object body") from None
    if not isinstance(body, dict):
        raise UserSideError(400, "expected a JSON object body")
    return body


def _int(body: dict[str, Any], name: str) -> int:
    try:
        return int(body[name])
    except (KeyError, TypeError, ValueError):
        raise UserSideError(400, f"{name} must be an integer") from None


def user_api_router(state: FakeTelegram) -> APIRouter:
    router = APIRouter(prefix="/_user")

    @router.get("/users")
    async def list_users() -> dict[str, Any]:
        return {"ok": True, "users": [user.to_api() for user in state.users.values()]}

    @router.post("/users")
    async def create_user(request: Request) -> Response:
        try:
            body = await _body(request)
            user = state.ensure_user(
                _int(body, "id"),
                first_name=body.get("first_name"),
                last_name=body.get("last_name"),
                username=body.get("username"),
                language_code=body.get("language_code"),
            )
        except UserSideError as exc:
            return _error(exc)
        return JSONResponse({"ok": True, "user": user.to_api()})

    @router.post("/send")
    async def send(request: Request) -> Response:
        try:
            body = await _body(request)
            message = state.user_send(
                _int(body, "user_id"),
                str(body.get("text", "")),
                language_code=body.get("language_code"),
                first_name=body.get("first_name"),
            )
            seq = state.event_seq
        except UserSideError as exc:
            return _error(exc)
        return JSONResponse({"ok": True, "message": message, "seq": seq})

    @router.post("/press")
    async def press(request: Request) -> Response:
        try:
            body = await _body(request)
            query = state.user_press(
                _int(body, "user_id"), _int(body, "message_id"), str(body.get("callback_data", ""))
            )
            seq = state.event_seq
        except UserSideError as exc:
            return _error(exc)
        return JSONResponse({"ok": True, "callback_query": query, "seq": seq})

    @router.post("/pay")
    async def pay(request: Request) -> Response:
        try:
            body = await _body(request)
            outcome = await state.user_pay(_int(body, "user_id"), _int(body, "message_id"))
            seq = state.event_seq
        except UserSideError as exc:
            return _error(exc)
        return JSONResponse({"ok": True, **outcome, "seq": seq})

    @router.get("/commands")
    async def commands(language_code: str = "") -> dict[str, Any]:
        default_scope = "type=default"
        found = state.commands.get((default_scope, language_code)) or state.commands.get((default_scope, ""))
        return {"ok": True, "commands": found or []}

    @router.get("/files/{file_id}")
    async def file(file_id: str) -> Response:
        stored = state.files.get(file_id)
        if stored is None:
            return JSONResponse({"ok": False, "detail": "no such file"}, status_code=404)
        headers = {"Cache-Control": "private, max-age=3600"}
        if stored.file_name:
            headers["Content-Disposition"] = f'inline; filename="{stored.file_name}"'
        return Response(stored.data, media_type=stored.mime_type, headers=headers)

    @router.get("/{user_id}/messages")
    async def messages(user_id: int, since: int = 0) -> dict[str, Any]:
        return {"ok": True, **state.transcript(user_id, since)}

    @router.get("/{user_id}/events")
    async def events(
        user_id: int, after: int = 0, wait: Annotated[float, Query(alias="timeout")] = 25.0
    ) -> dict[str, Any]:
        found = await state.wait_events(user_id, after, max(0.0, min(wait, 60.0)))
        return {"ok": True, **found}

    return router
