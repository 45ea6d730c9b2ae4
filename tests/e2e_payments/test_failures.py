"""Delivery against a failing Bot API: passing failures are retried (delivered once), a permanent one
fails the order and refunds the Stars."""

from __future__ import annotations

import time

from .conftest import Shop
from .flow import MY_CHARTS, calls_to, only_order, quiet, received_after, stars_invoice, wait_for_status


async def test_bot_api_failures_during_delivery_are_retried_and_delivered_once(shop: Shop) -> None:
    user = shop.user()
    invoice = await stars_invoice(user)
    # Faults are counted per method across the fake; nothing else talks to it during this test.
    await shop.fake.add_fault("sendMessage", "429", count=2, retry_after=1)
    # 500 with a JSON body: a plain-text 502 works as well, but PTB then logs a traceback at ERROR level.
    await shop.fake.add_fault("sendPhoto", "500", count=1)
    await shop.fake.add_fault("sendMessage", "500", count=2)
    await shop.fake.add_fault("sendDocument", "500", count=3)

    paid_at = time.time()
    assert (await user.pay(invoice))["status"] == "paid"
    await user.wait_for(lambda view: view.document is not None, timeout=90)
    order = await wait_for_status(shop.database_url, user.user_id, "delivered", timeout=20)
    await quiet(2.0)

    failed_documents = [c for c in await calls_to(shop.fake, "sendDocument", user.user_id, ok_only=False)
                        if c["status"] != 200]  # fmt: skip
    assert len(failed_documents) == 3, "the injected failures did hit the delivery"
    assert any(
        c["status"] == 429 for c in await calls_to(shop.fake, "sendMessage", user.user_id, ok_only=False)
    )
    assert len(await calls_to(shop.fake, "sendDocument", user.user_id)) == 1
    assert len(await calls_to(shop.fake, "sendPhoto", user.user_id, since=paid_at)) == 1
    got = await received_after(user, invoice.message_id)
    assert len(got.photos) == 1 and len(got.documents) == 1
    texts = [view.text for view in got.texts]
    assert len(texts) == len(set(texts)), "a part of the reading was sent twice"
    assert order.attempts == 1, "retried within the run, not by a new run"


async def test_permanent_failure_refunds_the_stars_and_tells_the_user(shop: Shop) -> None:
    user = shop.user()
    invoice = await stars_invoice(user)
    await shop.fake.add_fault("sendPhoto", "500", count=10_000)

    paid = await user.pay(invoice)
    charge_id = paid["telegram_payment_charge_id"]
    # DELIVERY_MAX_RUNS=2: two runs of retried sendPhoto calls, then failed → refunded.
    told = await user.wait_for(lambda view: "Оплата возвращена" in view.text, timeout=90)
    order = await wait_for_status(shop.database_url, user.user_id, "refunded", timeout=10)
    shop.fake.state.faults.clear()
    assert order.attempts == 2
    await quiet(2.0)

    refunds = await shop.fake.calls("refundStarPayment")
    mine = [c for c in refunds if str(c["params"].get("user_id")) == str(user.user_id)]
    assert len(mine) == 1 and mine[0]["status"] == 200
    assert mine[0]["params"]["telegram_payment_charge_id"] == charge_id
    assert shop.fake.state.charges[charge_id].refunded
    assert (await only_order(shop.database_url, user.user_id)).status == "refunded"
    got = await received_after(user, invoice.message_id)
    assert got.photos == [] and got.documents == []
    assert told.buttons, "the apology leads back to the menu"

    # The money went back, so the reading (made before the sending failed) is not in "My charts".
    await user.press(MY_CHARTS)
    charts = await user.wait_for(lambda view: "Мои карты" in view.text or "пока нет" in view.text)
    assert "У вас пока нет оплаченных разборов" in charts.text, charts.text
