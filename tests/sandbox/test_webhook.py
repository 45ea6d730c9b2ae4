"""Webhook delivery: the secret header, retries with backoff, per-chat order, getWebhookInfo errors."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from telegram import Bot
from telegram.error import BadRequest

from astralbot.sandbox import FakeTelegram
from fakes.telegram import FakeTelegramServer, LoopbackServer


class Receiver:
    """A tiny webhook endpoint that answers with scripted status codes and records what it got."""

    def __init__(self, statuses: list[int] | None = None, delay: float = 0.0) -> None:
        self.statuses = list(statuses or [])
        self.delay = delay
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.app = Starlette(routes=[Route("/hook", self.hook, methods=["POST"])])

    async def hook(self, request: Request) -> Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(self.delay)
            self.received.append(
                (request.headers.get("x-telegram-bot-api-secret-token"), await request.json())
            )
            status = self.statuses.pop(0) if self.statuses else 200
            return JSONResponse({}, status_code=status)
        finally:
            self.in_flight -= 1


async def eventually(condition: Any, timeout: float = 10.0) -> None:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not reached in time")


async def test_delivery_with_secret_and_retries() -> None:
    state = FakeTelegram(webhook_retry_delays=(0.1, 0.2, 0.4))
    receiver = Receiver(statuses=[500, 503])
    async with LoopbackServer(receiver.app) as hook, FakeTelegramServer(state) as server:
        async with Bot(server.token, base_url=server.base_url) as bot:
            with pytest.raises(BadRequest, match="(?i)secret token contains unallowed characters"):
                await bot.set_webhook(f"{hook.url}/hook", secret_token="not allowed!")
            await bot.set_webhook(f"{hook.url}/hook", secret_token="s3cret_-token")
            await server.user(21).send("/start")
            await eventually(lambda: len(receiver.received) == 3)
            assert [secret for secret, _ in receiver.received] == ["s3cret_-token"] * 3
            assert len({body["update_id"] for _, body in receiver.received}) == 1
            assert receiver.received[-1][1]["message"]["text"] == "/start"
            info = await bot.get_webhook_info()
            assert info.url == f"{hook.url}/hook"
            assert info.pending_update_count == 0
            assert info.last_error_message == "Wrong response from the webhook: 503 Service Unavailable"
            assert info.last_error_date is not None


async def test_failing_webhook_gives_up_and_reports_connection_errors() -> None:
    state = FakeTelegram(webhook_retry_delays=(0.05, 0.05))
    async with FakeTelegramServer(state) as server, Bot(server.token, base_url=server.base_url) as bot:
        await bot.set_webhook("http://127.0.0.1:9/hook")  # discard port: nothing listens
        await server.user(22).send("hello")
        info = await bot.get_webhook_info()
        assert info.pending_update_count == 1
        await eventually(lambda: not state.pending)
        info = await bot.get_webhook_info()
        assert info.last_error_message == "Connection refused"


async def test_order_per_chat_and_bounded_concurrency() -> None:
    receiver = Receiver(delay=0.05)
    async with LoopbackServer(receiver.app) as hook, FakeTelegramServer() as server:
        async with Bot(server.token, base_url=server.base_url) as bot:
            await bot.set_webhook(f"{hook.url}/hook", max_connections=3)
            users = [server.user(100 + n) for n in range(6)]
            for round_number in range(4):
                for user in users:
                    await user.send(f"m{round_number}")
            await eventually(lambda: len(receiver.received) == 24)
    assert receiver.max_in_flight == 3
    for user in users:
        texts = [
            body["message"]["text"]
            for _, body in receiver.received
            if body["message"]["chat"]["id"] == user.user_id
        ]
        assert texts == ["m0", "m1", "m2", "m3"]


async def test_drop_pending_updates_and_delete_webhook(server: FakeTelegramServer, bot: Bot) -> None:
    await server.user(23).send("old")
    await bot.set_webhook("http://127.0.0.1:9/hook", drop_pending_updates=True)
    assert (await bot.get_webhook_info()).pending_update_count == 0
    await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""
    await server.user(23).send("new")
    assert [u.message.text for u in await bot.get_updates()] == ["new"]
