"""The sandbox web chat: ``GET /sandbox`` plus the user API under ``/sandbox/_user`` on the same origin.

The page is one self-contained document (no CDN). It never renders bot HTML: the fake has already parsed
the bot's text into Telegram entities, and the page builds DOM nodes from text + entities, so anything
that is not a Telegram entity is shown as plain text.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from astralbot.sandbox.page_html import PAGE_TEMPLATE
from astralbot.sandbox.state import FakeTelegram
from astralbot.sandbox.user_api import user_api_router


def _config_json(config: Mapping[str, object]) -> str:
    # Safe inside <script type="application/json">: no "</script>" or "<!--" can be formed.
    return json.dumps(config, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def render_page(state: FakeTelegram, api_base: str, nonce: str) -> str:
    config = {"apiBase": api_base, "botName": state.bot_first_name, "botUsername": state.bot_username}
    return PAGE_TEMPLATE.replace("__NONCE__", nonce).replace("__CONFIG_JSON__", _config_json(config))


def sandbox_router(state: FakeTelegram, *, path: str = "/sandbox") -> APIRouter:
    """Serves the page at ``path`` and the user API at ``{path}/_user/...``; works at any mount prefix
    because the page gets its API base from the request's ``root_path``."""
    router = APIRouter()

    @router.get(path, response_class=HTMLResponse, include_in_schema=False)
    async def page(request: Request) -> HTMLResponse:
        nonce = secrets.token_urlsafe(16)
        api_base = f"{request.scope.get('root_path', '').rstrip('/')}{path}"
        policy = (
            "default-src 'none'; connect-src 'self'; img-src 'self' data: blob:; "
            f"style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; base-uri 'none'; form-action 'none'"
        )
        return HTMLResponse(
            render_page(state, api_base, nonce),
            headers={
                "Content-Security-Policy": policy,
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",
            },
        )

    router.include_router(user_api_router(state), prefix=path)
    return router
