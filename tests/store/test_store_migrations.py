"""Migrations apply on both dialects, go down to nothing and up again, and match the models."""

from __future__ import annotations

import asyncio

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from astralbot.store import migrate
from astralbot.store.database import SQLITE_BUSY_TIMEOUT_MS, Database
from astralbot.store.models import Base

ALL_TABLES = {
    "users",
    "events",
    "processed_updates",
    "orders",
    "payments",
    "payment_events",
    "charts",
    "login_codes",
}


async def _tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        names = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    return set(names) - {"alembic_version"}


def _schema_diff(conn: Connection) -> list[object]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_head_is_the_last_numbered_migration() -> None:
    assert migrate.head_revision() == "0003_login"


async def test_upgrade_creates_every_table_and_matches_the_models(db: Database) -> None:
    assert await migrate.current_revision(db) == "0003_login"
    assert await _tables(db) == ALL_TABLES
    async with db.engine.connect() as conn:
        assert await conn.run_sync(_schema_diff) == []


async def test_downgrade_to_base_and_upgrade_again(db: Database) -> None:
    await migrate.downgrade(db, "0001_initial")
    assert await _tables(db) == {"users", "events", "processed_updates"}
    await migrate.downgrade(db, "base")
    assert await migrate.current_revision(db) is None
    assert await _tables(db) == set()
    await migrate.upgrade(db)
    assert await migrate.current_revision(db) == "0003_login"
    assert await _tables(db) == ALL_TABLES


async def test_upgrade_is_idempotent(db: Database) -> None:
    await migrate.upgrade(db)
    assert await migrate.current_revision(db) == "0003_login"


async def test_upgrade_step_by_step(db_url: str) -> None:
    database = Database(db_url)
    try:
        for revision in ("0001_initial", "0002_orders_payments", "0003_login"):
            await migrate.upgrade(database, revision)
            assert await migrate.current_revision(database) == revision
    finally:
        await database.dispose()


async def test_instances_starting_together_migrate_once(db_url: str) -> None:
    instances = [Database(db_url) for _ in range(3)]
    try:
        await asyncio.gather(*(migrate.upgrade(database) for database in instances))
        assert await migrate.current_revision(instances[0]) == "0003_login"
        assert await _tables(instances[0]) == ALL_TABLES
    finally:
        for database in instances:
            await database.dispose()


async def test_sqlite_file_directory_is_created_and_pragmas_apply(tmp_path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'nested' / 'dir' / 'x.db'}")
    try:
        assert (tmp_path / "nested" / "dir").is_dir()
        assert await database.ping()
        async with database.engine.connect() as conn:
            assert (await conn.exec_driver_sql("PRAGMA journal_mode")).scalar() == "wal"
            assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1
            assert (await conn.exec_driver_sql("PRAGMA busy_timeout")).scalar() == SQLITE_BUSY_TIMEOUT_MS
    finally:
        await database.dispose()


@pytest.mark.postgres
async def test_ping_is_false_when_the_server_is_unreachable() -> None:
    database = Database("postgresql+asyncpg://postgres@127.0.0.1:1/nothing")
    try:
        assert await database.ping() is False
    finally:
        await database.dispose()
