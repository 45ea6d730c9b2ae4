"""Idempotency claims: once per key, in the caller's transaction, and safe under concurrency."""

from __future__ import annotations

import asyncio

import pytest

from astralbot.store.database import Database
from astralbot.store.migrate import upgrade
from astralbot.store.repositories import PaymentEventRepository, ProcessedUpdateRepository


class Boom(Exception):
    pass


async def _claim_update(db: Database, update_id: int) -> bool:
    async with db.transaction() as session:
        claimed = await ProcessedUpdateRepository(session).claim(update_id)
        await asyncio.sleep(0.01)  # hold the transaction so that the claimers overlap
        return claimed


async def test_update_claimed_once(db: Database) -> None:
    assert await _claim_update(db, 1001) is True
    assert await _claim_update(db, 1001) is False
    assert await _claim_update(db, 1002) is True


async def test_rolled_back_claim_is_released(db: Database) -> None:
    with pytest.raises(Boom):
        async with db.transaction() as session:
            assert await ProcessedUpdateRepository(session).claim(7) is True
            raise Boom  # the effect failed: the update must be handled again when Telegram re-sends it
    assert await _claim_update(db, 7) is True


async def test_twenty_concurrent_claims_of_one_update_yield_one_winner(db: Database) -> None:
    results = await asyncio.gather(*(_claim_update(db, 424242) for _ in range(20)))
    assert results.count(True) == 1
    assert results.count(False) == 19


async def test_concurrent_claims_of_different_updates_all_win(db: Database) -> None:
    results = await asyncio.gather(*(_claim_update(db, 5000 + i) for i in range(20)))
    assert all(results)


async def test_claims_from_separate_engines_on_one_sqlite_file(sqlite_url: str) -> None:
    # One engine keeps one SQLite connection; separate engines (or processes) meet at the file lock.
    engines = [Database(sqlite_url) for _ in range(5)]
    try:
        await upgrade(engines[0])
        results = await asyncio.gather(*(_claim_update(db, 99) for db in engines for _ in range(4)))
        assert results.count(True) == 1
    finally:
        for db in engines:
            await db.dispose()


async def test_payment_event_claimed_once_under_concurrency(db: Database) -> None:
    key = "yookassa:2d8d1a3b-000f-5000-9000-1b3c4d5e6f70:payment.succeeded"

    async def claim() -> bool:
        async with db.transaction() as session:
            claimed = await PaymentEventRepository(session).claim(key, "yookassa")
            await asyncio.sleep(0.01)
            return claimed

    results = await asyncio.gather(*(claim() for _ in range(20)))
    assert results.count(True) == 1
    async with db.transaction() as session:
        assert await PaymentEventRepository(session).claim("stars:charge-1", "stars") is True
        assert await PaymentEventRepository(session).claim(key, "yookassa") is False


async def test_prune_forgets_old_updates(db: Database) -> None:
    from datetime import timedelta

    from astralbot.store.types import utcnow

    await _claim_update(db, 1)
    async with db.transaction() as session:
        assert await ProcessedUpdateRepository(session).prune(utcnow() - timedelta(hours=1)) == 0
        assert await ProcessedUpdateRepository(session).prune(utcnow() + timedelta(seconds=1)) == 1
    assert await _claim_update(db, 1) is True
