"""An offline, in-process fake of the Telegram Bot API with a user side and a web chat (the sandbox)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.types import ASGIApp

from astralbot.sandbox.fake_telegram import create_fake_telegram_app
from astralbot.sandbox.page import sandbox_router
from astralbot.sandbox.state import FakeTelegram

__all__ = ["FakeTelegram", "create_fake_telegram_app", "mount_sandbox", "sandbox_router"]


def mount_sandbox(token: str, api_prefix: str) -> tuple[FakeTelegram, dict[str, ASGIApp], list[APIRouter]]:
    """The fake Bot API mounted at `api_prefix` (the bot talks to it over loopback HTTP) and the web
    chat at /sandbox. The caller closes the returned state on shutdown: mounted apps get no lifespan."""
    state = FakeTelegram(token, bot_username="astral_sandbox_bot", bot_first_name="Astral")
    return state, {api_prefix: create_fake_telegram_app(state)}, [sandbox_router(state)]
