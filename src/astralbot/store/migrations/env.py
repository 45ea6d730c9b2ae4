"""Alembic environment.

In the application, ``astralbot.store.migrate`` passes an open connection through
``config.attributes["connection"]`` and everything runs in the caller's event loop. Standalone
(``alembic -c src/astralbot/store/alembic.ini upgrade head``) it connects to ``DATABASE_URL``.
"""

from __future__ import annotations

import asyncio
import os

from alembic import context
from sqlalchemy.engine import Connection

from astralbot.store.database import DEFAULT_DATABASE_URL, Database
from astralbot.store.models import Base

target_metadata = Base.metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite can only ALTER by copying the table; batch mode does that
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_standalone(url: str) -> None:
    db = Database(url)
    try:
        async with db.engine.begin() as conn:
            await conn.run_sync(_configure_and_run)
    finally:
        await db.dispose()


def _standalone_url() -> str:
    return (
        os.environ.get("DATABASE_URL")
        or context.config.get_main_option("sqlalchemy.url")
        or (DEFAULT_DATABASE_URL)
    )


if context.is_offline_mode():
    context.configure(url=_standalone_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
    else:
        # Only the alembic command-line tool gets here: it is its own process with no loop running.
        asyncio.run(_run_standalone(_standalone_url()))
