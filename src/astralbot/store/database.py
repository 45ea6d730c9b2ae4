"""The engine and session factory for one database URL (SQLite via aiosqlite, PostgreSQL via asyncpg)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///./var/astral.db"
SQLITE_BUSY_TIMEOUT_MS = 15_000


class Database:
    """Owns the engine. Services open one session (one transaction) per update or request.

    ``async with db.session() as s, s.begin(): ...`` or, shorter, ``async with db.transaction() as s: ...``.
    """

    def __init__(self, url: str, echo: bool = False) -> None:
        self.url: URL = make_url(url)
        self.dialect: str = self.url.get_backend_name()  # "sqlite" | "postgresql"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.dialect == "sqlite":
            _ensure_sqlite_directory(self.url)
            # Every SQLite transaction holds the write lock (BEGIN IMMEDIATE below), so more connections
            # only add lock polling: with 20 concurrent transactions p99 was 750 ms on 5+10 connections.
            # One connection makes waiters queue in the event loop instead, first come first served.
            kwargs.update(pool_size=1, max_overflow=0)
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine)
        self._sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=True)

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def session(self) -> AsyncSession:
        """A new session; use it as ``async with db.session() as session:``."""
        return self._sessions()

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A session inside one transaction: commits on success, rolls back on an exception."""
        async with self._sessions() as session, session.begin():
            yield session

    async def ping(self) -> bool:
        try:
            async with self.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError):
            return False
        return True

    async def dispose(self) -> None:
        await self.engine.dispose()

    def __repr__(self) -> str:
        return f"Database({self.url.render_as_string(hide_password=True)!r})"


def _ensure_sqlite_directory(url: URL) -> None:
    database = url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _configure_sqlite(engine: AsyncEngine) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy emit BEGIN itself (below) instead of the driver's lazy, DML-only BEGIN.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")  # wait for the lock, don't fail
            cursor.execute("PRAGMA synchronous=NORMAL")  # durable enough with WAL, much faster commits
        finally:
            cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: Any) -> None:
        # IMMEDIATE takes the write lock up front. A deferred transaction that reads, then writes after
        # another connection committed, fails with SQLITE_BUSY_SNAPSHOT, which busy_timeout cannot wait
        # out. Serialising transactions is what "SELECT ... FOR UPDATE" means on a one-writer database.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
