from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
from PIL import Image
from telegram import Bot

from astralbot.sandbox import FakeTelegram
from fakes.telegram import FakeTelegramServer


@pytest.fixture(autouse=True)
def _ptb_timedelta(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22.x warns (an error under our filterwarnings) when RetryAfter.retry_after is read as int.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(
        FakeTelegram(callback_query_timeout=2.0, pre_checkout_timeout=3.0)
    ) as running:
        yield running


@pytest.fixture
async def bot(server: FakeTelegramServer) -> AsyncIterator[Bot]:
    async with Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url) as ptb_bot:
        yield ptb_bot


def png_bytes(width: int = 64, height: int = 48) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 30, 90)).save(buffer, format="PNG")
    return buffer.getvalue()
