"""End-to-end fixtures: the real `astralbot serve` process against the fake Telegram Bot API.

- ``stack``: one fake server + one service per combination of (polling | webhook) x (sqlite |
  postgres), shared by the session; every test talks as its own Telegram user (``stack.user()``).
- ``launch``: a function-scoped service for tests that stop, kill or restart it.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import pytest_asyncio

from astralbot.sandbox import FakeTelegram
from conftest_db import postgres_database as shared_postgres_database
from fakes.telegram import FakeTelegramServer, TelegramUser

from .service import ServiceProcess

_E2E_DIR = Path(__file__).parent
_user_ids = itertools.count(700_001)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _E2E_DIR in Path(item.path).parents:
            item.add_marker(pytest.mark.e2e)


def next_user_id() -> int:
    return next(_user_ids)


@asynccontextmanager
async def postgres_database() -> AsyncIterator[str]:
    """A fresh PostgreSQL database for one service, dropped afterwards (skip if no server)."""
    async with shared_postgres_database("astral_e2e") as url:
        yield url


@dataclass
class Stack:
    mode: str
    dialect: str
    fake: FakeTelegramServer
    service: ServiceProcess
    database_url: str
    users: list[TelegramUser] = field(default_factory=list)

    def user(self, language_code: str | None = "ru", first_name: str = "Анна") -> TelegramUser:
        return self.fake.user(next_user_id(), language_code=language_code, first_name=first_name)


COMBOS = [
    pytest.param(("polling", "sqlite"), id="polling-sqlite"),
    pytest.param(("webhook", "sqlite"), id="webhook-sqlite"),
    pytest.param(("polling", "postgres"), id="polling-postgres", marks=pytest.mark.postgres),
    pytest.param(("webhook", "postgres"), id="webhook-postgres", marks=pytest.mark.postgres),
]


def fake_telegram() -> FakeTelegramServer:
    # Short webhook retry delays: a re-sent update (503 while stopping) arrives quickly in tests.
    return FakeTelegramServer(FakeTelegram(webhook_retry_delays=(0.2, 0.5, 1.0, 2.0, 4.0)))


@pytest_asyncio.fixture(scope="session", params=COMBOS)
async def stack(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Stack]:
    mode, dialect = request.param
    workdir = tmp_path_factory.mktemp(f"e2e-{mode}-{dialect}")
    async with AsyncExitStack() as resources:
        if dialect == "sqlite":
            url = f"sqlite+aiosqlite:///{workdir / 'astral.db'}"
        else:
            url = await resources.enter_async_context(postgres_database())
        fake = await resources.enter_async_context(fake_telegram())
        service = ServiceProcess.for_fake(fake, workdir, mode=mode, database_url=url)
        await service.start()
        try:
            yield Stack(mode, dialect, fake, service, url)
        finally:
            code = await service.terminate()
        print(f"\n[{mode}-{dialect}] service log: {service.log_path}")
        service.assert_clean_stop(code)


Launch = Callable[..., Awaitable[ServiceProcess]]


@pytest_asyncio.fixture
async def launch(tmp_path: Path) -> AsyncIterator[Launch]:
    """Start a service of one's own: ``await launch(fake, mode=..., database_url=..., name=...)``.
    Teardown stops any still running and checks every one's log."""
    started: list[ServiceProcess] = []

    async def _launch(
        fake: FakeTelegramServer | None,
        *,
        mode: str = "polling",
        database_url: str | None = None,
        name: str = "service",
        extra: dict[str, str] | None = None,
    ) -> ServiceProcess:
        url = database_url or f"sqlite+aiosqlite:///{tmp_path / 'astral.db'}"
        service = ServiceProcess.for_fake(fake, tmp_path, mode=mode, database_url=url, name=name, extra=extra)
        started.append(service)
        await service.start()
        return service

    yield _launch
    for service in started:
        if service.running:
            await service.terminate()
    for service in started:
        problems = service.log_problems()
        assert not problems, f"{problems}:\n{service.log_tail(120)}"


@pytest_asyncio.fixture
async def own_fake() -> AsyncIterator[FakeTelegramServer]:
    async with fake_telegram() as server:
        yield server
