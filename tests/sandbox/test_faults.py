"""Injected faults (429 with retry_after, 5xx, slow answers) and the call log."""

from __future__ import annotations

import datetime as dt
import time

import httpx
import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from fakes.telegram import FakeTelegramServer


@pytest.fixture
async def chat_id(server: FakeTelegramServer) -> int:
    await server.user(301).send("hi")
    return 301


async def test_429_raises_retry_after_then_recovers(
    server: FakeTelegramServer, bot: Bot, chat_id: int
) -> None:
    await server.add_fault("sendMessage", "429", count=2, retry_after=3)
    for _ in range(2):
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(chat_id, "hello")
        assert caught.value.retry_after == dt.timedelta(seconds=3)
    assert (await bot.send_message(chat_id, "hello")).text == "hello"
    statuses = [call["status"] for call in await server.calls("sendMessage")]
    assert statuses == [429, 429, 200]
    async with httpx.AsyncClient() as client:
        await server.add_fault("*", "429", retry_after=7)
        raw = await client.post(f"{server.method_url}getMe")
    assert raw.status_code == 429
    assert raw.json() == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }


async def test_5xx_are_network_errors_and_the_call_is_not_executed(
    server: FakeTelegramServer, bot: Bot, chat_id: int
) -> None:
    await server.add_fault("sendMessage", "500")
    await server.add_fault("sendMessage", "502")
    for _ in range(2):
        with pytest.raises(NetworkError):
            await bot.send_message(chat_id, "lost")
    assert await server.user(chat_id).bot_messages() == []
    await bot.send_message(chat_id, "delivered")
    assert [m.text for m in await server.user(chat_id).bot_messages()] == ["delivered"]


async def test_slow_and_timeout(server: FakeTelegramServer, bot: Bot, chat_id: int) -> None:
    await server.add_fault("sendChatAction", "slow", delay=0.4)
    started = time.monotonic()
    assert await bot.send_chat_action(chat_id, "typing")
    assert time.monotonic() - started >= 0.4
    await server.add_fault("getMe", "timeout", delay=2)
    with pytest.raises(TimedOut):
        await bot.get_me(read_timeout=0.3)


async def test_call_log_records_parameters(server: FakeTelegramServer, bot: Bot, chat_id: int) -> None:
    await bot.send_message(chat_id, "logged", disable_notification=True)
    (call,) = await server.calls("sendMessage")
    assert call["params"]["text"] == "logged"
    assert str(call["params"]["chat_id"]) == str(chat_id)
    assert call["status"] == 200 and call["time"] > 0
