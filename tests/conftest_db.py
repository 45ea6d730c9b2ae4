"""Database fixtures, imported by tests/conftest.py.

- ``sqlite_url``: a fresh SQLite file under tmp_path (not migrated).
- ``postgres_url``: a fresh, uniquely named PostgreSQL database, dropped afterwards (not migrated).
  The server is ``ASTRAL_TEST_POSTGRES`` (default ``postgresql://postgres@127.0.0.1:5432/test``, the
  database the fixture connects to in order to create the new one). If it is unreachable the test is
  skipped, unless ``ASTRAL_REQUIRE_POSTGRES=1`` (set it in CI), which turns the skip into a failure.
- ``db_url``: both of the above, parametrised ("sqlite", "postgres"); for tests that start the service.
- ``db``: a migrated ``Database`` on both dialects, disposed afterwards.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
import pytest
import pytest_asyncio
from sqlalchemy.engine import make_url

from astralbot.store.database import Database
from astralbot.store.migrate import upgrade

POSTGRES_ADMIN_DSN = os.environ.get("ASTRAL_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
DIALECTS = [pytest.param("sqlite"), pytest.param("postgres", marks=pytest.mark.postgres)]


def _postgres_unavailable(reason: str) -> None:
    message = f"PostgreSQL at {make_url(POSTGRES_ADMIN_DSN).render_as_string()} is not reachable: {reason}"
    if os.environ.get("ASTRAL_REQUIRE_POSTGRES") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'db' / 'astral.db'}"


@asynccontextmanager
async def postgres_database(prefix: str = "astral_test") -> AsyncIterator[str]:
    """A fresh, uniquely named PostgreSQL database (its URL), dropped afterwards; skips if no server."""
    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    try:
        admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=5)
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        _postgres_unavailable(f"{type(error).__name__}: {error}")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    url = make_url(POSTGRES_ADMIN_DSN).set(drivername="postgresql+asyncpg", database=name)
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        admin = await asyncpg.connect(POSTGRES_ADMIN_DSN, timeout=5)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@pytest_asyncio.fixture
async def postgres_url() -> AsyncIterator[str]:
    async with postgres_database() as url:
        yield url


@pytest.fixture(params=DIALECTS)
def db_url(request: pytest.FixtureRequest) -> str:
    fixture = "sqlite_url" if request.param == "sqlite" else "postgres_url"
    url: str = request.getfixturevalue(fixture)
    return url


@pytest_asyncio.fixture
async def db(db_url: str) -> AsyncIterator[Database]:
    database = Database(db_url)
    try:
        await upgrade(database)
        yield database
    finally:
        await database.dispose()
