"""End-to-end fixtures for the paid full reading: the real service, the fake Telegram and the fake YooKassa.

- ``shop``: one webhook-mode service per database (SQLite, PostgreSQL), shared by the session, with
  YooKassa pointed at the fake, 127.0.0.1 trusted as the reverse proxy, a short order lease and a fast
  recovery sweep. Every test buys as its own Telegram user.
- ``launch``/``own_fake`` (from tests/e2e): a service of one's own, for tests that kill or restart it.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from e2e.conftest import fake_telegram, launch, next_user_id, own_fake, postgres_database
from e2e.service import ServiceProcess
from fakes.telegram import FakeTelegramServer, TelegramUser
from fakes.yookassa import FakeYooKassa

__all__ = ["launch", "own_fake"]  # fixtures re-exported from tests/e2e

_HERE = Path(__file__).parent
PRICE_STARS = 7
PRICE_RUB = 390
RECEIPT_EMAIL = "receipts@astral.example"
# Short leases and a fast sweep keep resumed and failed orders within a test's patience.
FAST_ORDERS = {
    "PRICE_STARS": str(PRICE_STARS),
    "PRICE_RUB": str(PRICE_RUB),
    "ORDER_LEASE_SECONDS": "3",
    "RECOVERY_INTERVAL_SECONDS": "1",
    "DELIVERY_MAX_RUNS": "2",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


@dataclass
class Shop:
    dialect: str
    fake: FakeTelegramServer
    kassa: FakeYooKassa
    service: ServiceProcess
    database_url: str

    def user(self, first_name: str = "Вероника", language_code: str | None = "ru") -> TelegramUser:
        return self.fake.user(next_user_id(), language_code=language_code, first_name=first_name)

    @property
    def yookassa_webhook(self) -> str:
        return f"{self.service.url}/webhook/yookassa"


def yookassa_env(kassa: FakeYooKassa, *, trusted_proxies: str = "127.0.0.1/32") -> dict[str, str]:
    env = {
        "YOOKASSA_SHOP_ID": kassa.shop_id,
        "YOOKASSA_SECRET_KEY": kassa.secret_key,
        "YOOKASSA_API_URL": kassa.api_url,
        "YOOKASSA_RECEIPT_EMAIL": RECEIPT_EMAIL,
    }
    if trusted_proxies:
        env["TRUSTED_PROXIES"] = trusted_proxies
    return env


DIALECTS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest_asyncio.fixture(scope="session", params=DIALECTS)
async def shop(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Shop]:
    dialect: str = request.param
    workdir = tmp_path_factory.mktemp(f"shop-{dialect}")
    async with AsyncExitStack() as resources:
        if dialect == "sqlite":
            url = f"sqlite+aiosqlite:///{workdir / 'astral.db'}"
        else:
            url = await resources.enter_async_context(postgres_database())
        fake = await resources.enter_async_context(fake_telegram())
        kassa = await resources.enter_async_context(FakeYooKassa())
        service = ServiceProcess.for_fake(
            fake, workdir, mode="webhook", database_url=url, extra=FAST_ORDERS | yookassa_env(kassa)
        )
        await service.start()
        try:
            yield Shop(dialect, fake, kassa, service, url)
        finally:
            code = await service.terminate()
        print(f"\n[shop-{dialect}] service log: {service.log_path}")
        service.assert_clean_stop(code)


@pytest.fixture(autouse=True)
def _no_leftover_faults(request: pytest.FixtureRequest) -> None:
    """A test's Bot API faults end with it (the fake Telegram is shared by the session)."""
    if "shop" not in request.fixturenames:
        return
    shop: Shop = request.getfixturevalue("shop")
    request.addfinalizer(shop.fake.state.faults.clear)
