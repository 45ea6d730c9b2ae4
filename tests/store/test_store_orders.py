"""Orders: conditional transitions are the exactly-once gate; leases let a dead worker's order resume."""

from __future__ import annotations

import asyncio
import uuid
from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from astralbot.store.database import Database
from astralbot.store.models import Order, OrderStatus
from astralbot.store.repositories import (
    ChartRepository,
    OrderRepository,
    PaymentRepository,
    UserRepository,
)
from astralbot.store.types import utcnow

BIRTH = {"date": "1990-05-15", "time": "14:30", "lat": 55.75, "lon": 37.62, "timezone": "Europe/Moscow"}


async def _new_order(db: Database, user_id: int = 1) -> uuid.UUID:
    async with db.transaction() as session:
        await UserRepository(session).get_or_create(user_id, user_id, "Anna", "ru")
        order = await OrderRepository(session).create(user_id, 100, "XTR", BIRTH, provider="stars")
        return order.id


async def test_create_and_read_back(db: Database) -> None:
    order_id = await _new_order(db)
    async with db.session() as session:
        order = await OrderRepository(session).get(order_id)
        assert order is not None
        assert order.status == "created"
        assert order.attempts == 0
        assert order.birth == BIRTH
        assert order.created_at.tzinfo is not None


async def test_transition_only_from_the_given_states(db: Database) -> None:
    order_id = await _new_order(db)
    async with db.transaction() as session:
        repo = OrderRepository(session)
        order = await repo.get(order_id)
        assert order is not None
        assert await repo.transition(order, {"created"}, "paid") is True
        assert order.status == "paid"  # the loaded object follows the row
        assert await repo.transition(order, {"created"}, "paid") is False
        now = utcnow()
        assert await repo.transition(order_id, {"paid"}, "delivered", delivered_at=now) is True
        assert order.status == "delivered"
        assert order.delivered_at == now


async def test_failed_transition_leaves_a_stale_object_alone(db: Database) -> None:
    order_id = await _new_order(db)
    async with db.session() as session:
        stale = await OrderRepository(session).get(order_id)
    async with db.transaction() as session:
        assert await OrderRepository(session).transition(order_id, {"created"}, "failed")
    async with db.transaction() as session:
        session.add(stale)  # the stale object still says "created"
        assert stale is not None
        assert await OrderRepository(session).transition(stale, {"created"}, "paid") is False
        refreshed = await OrderRepository(session).get_for_update(order_id)
        assert refreshed is not None
        assert refreshed.status == "failed"


async def test_only_one_of_twenty_concurrent_transitions_wins(db: Database) -> None:
    order_id = await _new_order(db)

    async def pay() -> bool:
        async with db.transaction() as session:
            changed = await OrderRepository(session).transition(order_id, {"created"}, "paid")
            await asyncio.sleep(0.01)
            return changed

    results = await asyncio.gather(*(pay() for _ in range(20)))
    assert results.count(True) == 1


async def test_lease_is_taken_once_and_again_after_it_expires(db: Database) -> None:
    order_id = await _new_order(db)
    now = utcnow()
    async with db.transaction() as session:
        repo = OrderRepository(session)
        assert await repo.acquire_lease(order_id, now, timedelta(minutes=5)) is False  # not paid yet
        assert await repo.transition(order_id, {"created"}, "paid")
        assert [o.id for o in await repo.list_resumable(now)] == [order_id]

    async def take(at_minute: int) -> bool:
        async with db.transaction() as session:
            at = now + timedelta(minutes=at_minute)
            return await OrderRepository(session).acquire_lease(order_id, at, timedelta(minutes=5))

    assert (await asyncio.gather(*(take(0) for _ in range(10)))).count(True) == 1
    assert await take(4) is False  # lease still held
    async with db.session() as session:
        assert await OrderRepository(session).list_resumable(now + timedelta(minutes=4)) == []
        assert len(await OrderRepository(session).list_resumable(now + timedelta(minutes=6))) == 1
    assert await take(6) is True  # the worker died: someone else resumes
    async with db.session() as session:
        order = await OrderRepository(session).get(order_id)
        assert order is not None
        assert order.status == OrderStatus.GENERATING
        assert order.attempts == 2
        assert order.lease_until == now + timedelta(minutes=11)


async def test_list_recent_filters(db: Database) -> None:
    first = await _new_order(db, user_id=1)
    second = await _new_order(db, user_id=2)
    async with db.transaction() as session:
        repo = OrderRepository(session)
        await repo.transition(second, {"created"}, "paid")
        assert {o.id for o in await repo.list_recent()} == {first, second}
        assert [o.id for o in await repo.list_recent(user_id=1)] == [first]
        assert [o.id for o in await repo.list_recent(statuses=["paid"])] == [second]
        assert len(await repo.list_recent(limit=1)) == 1


async def test_order_needs_an_existing_user(db: Database) -> None:
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            await OrderRepository(session).create(999, 100, "XTR", BIRTH)


async def test_payments_unique_per_provider_payment_id(db: Database) -> None:
    order_id = await _new_order(db)
    async with db.transaction() as session:
        payment = await PaymentRepository(session).add(order_id, "stars", "charge-1", "succeeded", 100, "XTR")
        assert await PaymentRepository(session).get_by_provider_payment_id("charge-1") is payment
        assert [p.id for p in await PaymentRepository(session).list_for_order(order_id)] == [payment.id]
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            await PaymentRepository(session).add(order_id, "stars", "charge-1", "succeeded", 100, "XTR")


async def test_one_chart_per_order(db: Database) -> None:
    order_id = await _new_order(db)
    async with db.transaction() as session:
        chart = await ChartRepository(session).add(1, {"sun": "taurus"}, "ru", order_id=order_id, pdf=b"%PDF")
        assert (await ChartRepository(session).get_for_order(order_id)) is chart
    with pytest.raises(IntegrityError):
        async with db.transaction() as session:
            await ChartRepository(session).add(1, {"sun": "taurus"}, "ru", order_id=order_id)


async def test_order_model_default_status(db: Database) -> None:
    async with db.transaction() as session:
        await UserRepository(session).get_or_create(3, 3, "X", None)
        order = Order(user_id=3, amount=1, currency="XTR", birth={})
        session.add(order)
        await session.flush()
        assert order.status == "created"
        assert order.attempts == 0
