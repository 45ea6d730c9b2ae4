"""One transaction per update, claimed by its Telegram `update_id`.

Telegram re-sends an update until the webhook answers 2xx. The claim is a row under a UNIQUE
key inserted in the same transaction as the update's database effects, so a re-sent update
becomes a no-op, and a crash before commit releases the claim and the retry is handled.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession

from astralbot.store.database import Database
from astralbot.store.repositories import ProcessedUpdateRepository


class DuplicateUpdate(Exception):
    """The update was already handled; the caller stops without any effect."""

    def __init__(self, update_id: int) -> None:
        super().__init__(update_id)
        self.update_id = update_id


@asynccontextmanager
async def update_transaction(db: Database, update_id: int | None) -> AsyncIterator[AsyncSession]:
    """Open a transaction and claim `update_id` in it (None: not tied to an update, e.g. the web)."""
    async with db.session() as session, session.begin():
        if update_id is not None and not await ProcessedUpdateRepository(session).claim(update_id):
            raise DuplicateUpdate(update_id)
        yield session
