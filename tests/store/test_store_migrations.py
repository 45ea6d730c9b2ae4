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
from astralbot.store.repositories import ChartRepository, OrderRepository, PaymentRepository, UserRepository

ALL_TABLES = set(Base.metadata.tables)
HEAD = migrate.head_revision()


async def _tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        names = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
    return set(names) - {"alembic_version"}


def _schema_diff(conn: Connection) -> list[object]:
    context = MigrationContext.configure(conn, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def test_revisions_are_numbered_in_one_line() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    assert revisions[:3] == ["0001_initial", "0002_orders_payments", "0003_login"]
    assert [r[:4] for r in revisions] == [f"{n:04d}" for n in range(1, len(revisions) + 1)]
    assert len(script.get_heads()) == 1


async def test_upgrade_creates_every_table_and_matches_the_models(db: Database) -> None:
    assert await migrate.current_revision(db) == HEAD
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
    assert await migrate.current_revision(db) == HEAD
    assert await _tables(db) == ALL_TABLES


async def test_upgrade_is_idempotent(db: Database) -> None:
    await migrate.upgrade(db)
    assert await migrate.current_revision(db) == HEAD


async def test_upgrade_step_by_step(db_url: str) -> None:
    database = Database(db_url)
    try:
        from alembic.script import ScriptDirectory

        script = ScriptDirectory.from_config(migrate.alembic_config())
        for revision in [r.revision for r in reversed(list(script.walk_revisions()))]:
            await migrate.upgrade(database, revision)
            assert await migrate.current_revision(database) == revision
    finally:
        await database.dispose()


async def test_stepping_back_and_forth_keeps_the_data(db: Database) -> None:
    # On SQLite, batch migrations rebuild tables; with foreign keys enforced, dropping a parent table
    # that still has children would fail or lose rows.
    async with db.transaction() as session:
        await UserRepository(session).get_or_create(1, 1, "Anna", "ru")
        order = await OrderRepository(session).create(1, 100, "XTR", {"date": "1990-05-15"})
        await PaymentRepository(session).add(order.id, "stars", "charge-1", "succeeded", 100, "XTR")
        await ChartRepository(session).add(1, {"sun": "taurus"}, "ru", order_id=order.id)
    await migrate.downgrade(db, "0002_orders_payments")
    await migrate.upgrade(db)
    async with db.session() as session:
        restored = await OrderRepository(session).get(order.id)
        assert restored is not None
        assert restored.birth == {"date": "1990-05-15"}
        assert await PaymentRepository(session).get_by_provider_payment_id("charge-1") is not None
        assert await ChartRepository(session).get_for_order(order.id) is not None
    if db.is_sqlite:
        async with db.engine.connect() as conn:
            assert (await conn.exec_driver_sql("PRAGMA foreign_keys")).scalar() == 1  # back on


async def test_instances_starting_together_migrate_once(db_url: str) -> None:
    instances = [Database(db_url) for _ in range(3)]
    try:
        await asyncio.gather(*(migrate.upgrade(database) for database in instances))
        assert await migrate.current_revision(instances[0]) == HEAD
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
