"""Run the Alembic migrations inside the caller's event loop, on the application's own engine."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection

from astralbot.store.database import Database

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK_KEY = 0x61737472616C  # any constant shared by all instances: "astral"


def alembic_config() -> Config:
    """An Alembic config built in code: no alembic.ini is needed at run time."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


async def upgrade(db: Database, revision: str = "head") -> None:
    """Migrate to ``revision`` in the running loop. Safe when several instances start at once."""
    await _run(db, lambda config: command.upgrade(config, revision))


async def downgrade(db: Database, revision: str) -> None:
    await _run(db, lambda config: command.downgrade(config, revision))


async def current_revision(db: Database) -> str | None:
    async with db.engine.connect() as conn:
        return await conn.run_sync(
            lambda sync_conn: MigrationContext.configure(sync_conn).get_current_revision()
        )


async def _run(db: Database, alembic_command: Callable[[Config], None]) -> None:
    def run_with(sync_connection: Connection) -> None:
        config = alembic_config()
        # env.py picks this up and migrates on it, instead of making an engine and a loop of its own.
        config.attributes["connection"] = sync_connection
        alembic_command(config)

    # One transaction: both dialects have transactional DDL, so a failed migration leaves nothing behind.
    async with db.engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            # SQLite's way to change a schema: batch migrations rebuild tables (copy, drop, rename), and
            # dropping a parent table with enforced foreign keys deletes or refuses its children's rows.
            # The pragma is a no-op inside a transaction, so it is set before BEGIN and checked before
            # COMMIT. BEGIN IMMEDIATE then serialises concurrent upgrades.
            await _set_sqlite_foreign_keys(conn, enabled=False)
        try:
            async with conn.begin():
                if conn.dialect.name == "postgresql":
                    # Instances starting together migrate one after the other; the later ones find the
                    # head. This matters inside one process too: Alembic's `context`/`op` are
                    # module-level proxies, so two migrations must never interleave.
                    await conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
                    )
                await conn.run_sync(run_with)
                if conn.dialect.name == "sqlite":
                    violations = (await conn.exec_driver_sql("PRAGMA foreign_key_check")).all()
                    if violations:
                        raise RuntimeError(f"migration left rows with broken foreign keys: {violations[:5]}")
        finally:
            if conn.dialect.name == "sqlite":
                await _set_sqlite_foreign_keys(conn, enabled=True)


async def _set_sqlite_foreign_keys(conn: AsyncConnection, enabled: bool) -> None:
    # On the driver connection, not through SQLAlchemy, which would BEGIN first.
    driver_connection = (await conn.get_raw_connection()).driver_connection
    assert driver_connection is not None
    cursor = await driver_connection.execute(f"PRAGMA foreign_keys={'ON' if enabled else 'OFF'}")
    await cursor.close()
