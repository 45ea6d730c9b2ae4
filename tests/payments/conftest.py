"""A fresh fake YooKassa per test, and the gateway (the official SDK) pointed at it."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio

from astralbot.payments.yookassa_gateway import YooKassaGateway
from fakes.yookassa import FakeYooKassa


@pytest_asyncio.fixture
async def kassa() -> AsyncIterator[FakeYooKassa]:
    async with FakeYooKassa() as fake:
        yield fake


@pytest_asyncio.fixture
async def gateway(kassa: FakeYooKassa) -> YooKassaGateway:
    return YooKassaGateway(kassa.shop_id, kassa.secret_key, api_url=kassa.api_url, request_timeout=2.0)
