"""SIGKILL in the middle of a paid delivery, then a restart on the same database: the order is resumed and
delivered exactly once. Polling mode, SQLite and PostgreSQL."""

from __future__ import annotations

import time

from e2e.conftest import Launch
from fakes.telegram import FakeTelegramServer

from .conftest import FAST_ORDERS
from .flow import (
    calls_to,
    crash,
    only_order,
    quiet,
    received_after,
    stars_invoice,
    wait_for_status,
    wait_until,
)


async def test_sigkill_mid_delivery_then_restart_delivers_once(
    db_url: str, own_fake: FakeTelegramServer, launch: Launch
) -> None:  # the database first: it is dropped last, after the services stopped
    first = await launch(own_fake, mode="polling", database_url=db_url, name="first", extra=FAST_ORDERS)
    user = own_fake.user(700_900, first_name="Вероника")
    invoice = await stars_invoice(user)

    # The kill point: the wheel is on its way, held by the fake, which will answer 504 WITHOUT sending it.
    # So Telegram never accepted the photo when the process dies, and the assertion below can be strict:
    # one photo, one PDF. (Had the fake accepted a part just before the kill, that one part could
    # legitimately arrive twice: the Bot API has no idempotency key.)
    await own_fake.add_fault("sendPhoto", "timeout", count=1, delay=4.0)
    paid_at = time.time()
    assert (await user.pay(invoice))["status"] == "paid"

    async def photo_in_flight() -> bool:
        return bool(await calls_to(own_fake, "sendPhoto", user.user_id, ok_only=False, since=paid_at))

    await wait_until(photo_in_flight, 60, "the wheel was never sent")
    crash(first)
    interrupted = await only_order(db_url, user.user_id)
    assert interrupted.status == "generating" and interrupted.delivered_parts == 0, interrupted

    async def photo_refused() -> bool:
        calls = await calls_to(own_fake, "sendPhoto", user.user_id, ok_only=False, since=paid_at)
        return calls[0]["status"] == 504  # a call in flight is logged as 200 until it ends

    await wait_until(photo_refused, 10, "the held photo was not answered 504")
    assert (await received_after(user, invoice.message_id)).photos == []

    await launch(own_fake, mode="polling", database_url=db_url, name="second", extra=FAST_ORDERS)
    await user.wait_for(lambda view: view.document is not None, timeout=60)
    order = await wait_for_status(db_url, user.user_id, "delivered", timeout=20)
    assert order.attempts == 2, "the restarted service resumed the interrupted run"
    await quiet(3.0)

    got = await received_after(user, invoice.message_id)
    assert len(got.photos) == 1 and len(got.documents) == 1
    texts = [view.text for view in got.texts]
    assert len(texts) == len(set(texts)), "a part of the reading was sent twice"
    assert len(await calls_to(own_fake, "sendDocument", user.user_id)) == 1
    assert len(await calls_to(own_fake, "sendPhoto", user.user_id, since=paid_at)) == 1
    # The progress line is the same message, edited by both runs, not a second one.
    progress = [c for c in await calls_to(own_fake, "sendMessage", user.user_id, since=paid_at)
                if "Оплата получена" in c["params"]["text"]]  # fmt: skip
    assert len(progress) == 1


async def test_two_instances_on_one_database_deliver_a_long_run_once(
    postgres_url: str, own_fake: FakeTelegramServer, launch: Launch
) -> None:
    """Several instances share PostgreSQL. A run that outlives ORDER_LEASE_SECONDS (here 8 s of slow
    sends against a 3 s lease) must keep its lease, or the other instance's sweep takes the order over
    and the reading is sent twice."""
    await launch(own_fake, mode="webhook", database_url=postgres_url, name="a", extra=FAST_ORDERS)
    # The webhook now points at B; A only sweeps for resumable orders, every second.
    await launch(own_fake, mode="webhook", database_url=postgres_url, name="b", extra=FAST_ORDERS)
    user = own_fake.user(700_901)
    invoice = await stars_invoice(user)
    # Each call stays well within PTB's 5 s read timeout (a timed-out call that Telegram did carry out
    # would be re-sent: that window is the Bot API's, not the lease's), together they outlast the lease.
    for method in ("sendPhoto", "sendMessage", "sendMessage", "sendDocument"):
        await own_fake.add_fault(method, "slow", count=1, delay=2.0)
    paid_at = time.time()
    assert (await user.pay(invoice))["status"] == "paid"

    await user.wait_for(lambda view: view.document is not None, timeout=60)
    order = await wait_for_status(postgres_url, user.user_id, "delivered", timeout=20)
    await quiet(4.0)
    assert len(await calls_to(own_fake, "sendPhoto", user.user_id, since=paid_at)) == 1
    assert len(await calls_to(own_fake, "sendDocument", user.user_id)) == 1
    got = await received_after(user, invoice.message_id)
    assert len(got.photos) == 1 and len(got.documents) == 1
    assert order.attempts == 1, "one run did it all"
