"""Paying by card through YooKassa, end to end: the link, the payment the SDK created at the fake, and
notifications - genuine, duplicated and concurrent, forged, and from addresses that are not YooKassa's."""

from __future__ import annotations

import uuid
from typing import Any

from e2e.dialog import press
from fakes.telegram import TelegramUser, UserView
from fakes.yookassa import STRANGER_IP

from .conftest import PRICE_RUB, RECEIPT_EMAIL, Shop
from .flow import (
    PAY_CARD,
    PROGRESS_RU,
    calls_to,
    only_order,
    quiet,
    received_after,
    to_offer,
    wait_for_status,
)


async def card_link(shop: Shop, user: TelegramUser) -> tuple[UserView, dict[str, Any]]:
    """Offer → "Pay by card": the message with the URL button, and the payment the fake holds for it."""
    await to_offer(user)
    message = await press(user, PAY_CARD, lambda view: any("url" in b for b in view.buttons))
    order = await only_order(shop.database_url, user.user_id)
    (payment,) = shop.kassa.payments_of_order(str(uuid.UUID(order.id)))
    (url,) = [b["url"] for b in message.buttons if "url" in b]
    assert url == payment["confirmation"]["confirmation_url"]
    return message, payment


async def test_yookassa_purchase_from_link_to_delivery(shop: Shop) -> None:
    user = shop.user()
    message, payment = await card_link(shop, user)
    order = await only_order(shop.database_url, user.user_id)
    assert order.status == "created" and order.currency == "RUB" and order.amount == PRICE_RUB * 100

    # Created through the SDK: idempotence key = order id, metadata names the order, a 54-FZ receipt.
    (created,) = [r for r in shop.kassa.requests if r.method == "POST" and r.path == "/v3/payments"
                  and r.body["metadata"]["order_id"] == str(uuid.UUID(order.id))]  # fmt: skip
    assert created.status == 200 and created.idempotence_key == str(uuid.UUID(order.id))
    assert created.body["amount"] == {"value": f"{PRICE_RUB}.00", "currency": "RUB"}
    assert created.body["confirmation"]["type"] == "redirect"
    assert created.body["receipt"]["customer"]["email"] == RECEIPT_EMAIL
    assert created.body["receipt"]["items"][0]["amount"] == created.body["amount"]

    shop.kassa.pay(payment["id"])
    assert await shop.kassa.notify(payment["id"], url=shop.yookassa_webhook) == [200]
    await user.wait_for(lambda view: view.document is not None, timeout=60)
    await user.wait_for(lambda view: PROGRESS_RU[-1] in view.text, timeout=20)
    order = await wait_for_status(shop.database_url, user.user_id, "delivered", timeout=10)
    assert order.provider == "yookassa"
    # The service asked the API before acting (the notification itself proves nothing).
    assert any(r.method == "GET" and r.path == f"/v3/payments/{payment['id']}" for r in shop.kassa.requests)
    got = await received_after(user, message.message_id)
    assert len(got.photos) == 1 and len(got.documents) == 1


async def test_duplicate_and_concurrent_notifications_deliver_once(shop: Shop) -> None:
    user = shop.user()
    message, payment = await card_link(shop, user)
    shop.kassa.pay(payment["id"])

    statuses = await shop.kassa.notify(payment["id"], url=shop.yookassa_webhook, times=10, concurrent=True)
    assert statuses == [200] * 10
    await user.wait_for(lambda view: view.document is not None, timeout=60)
    await wait_for_status(shop.database_url, user.user_id, "delivered")
    # YooKassa keeps re-sending for a while: still nothing more.
    assert await shop.kassa.notify(payment["id"], url=shop.yookassa_webhook, times=3) == [200] * 3
    await quiet(3.0)
    assert len(await calls_to(shop.fake, "sendDocument", user.user_id)) == 1
    got = await received_after(user, message.message_id)
    assert len(got.photos) == 1 and len(got.documents) == 1
    assert (await only_order(shop.database_url, user.user_id)).attempts == 1


async def test_forged_notification_delivers_nothing(shop: Shop) -> None:
    user = shop.user()
    message, payment = await card_link(shop, user)

    # The body says "succeeded"; the API says the payment is still pending.
    assert await shop.kassa.forge_succeeded(payment["id"], shop.yookassa_webhook) == 200
    await quiet(2.5)
    assert (await only_order(shop.database_url, user.user_id)).status == "created"
    assert [view for view in await user.bot_messages() if view.message_id > message.message_id] == []
    assert await calls_to(shop.fake, "sendDocument", user.user_id) == []


async def test_notification_from_an_untrusted_address_is_refused(shop: Shop) -> None:
    user = shop.user()
    message, payment = await card_link(shop, user)
    shop.kassa.pay(payment["id"])
    gets_before = sum(r.method == "GET" for r in shop.kassa.requests)

    # A stranger forwarded by our trusted proxy; the loopback peer itself (no proxy header) is no YooKassa.
    assert await shop.kassa.notify(payment["id"], url=shop.yookassa_webhook, source_ip=STRANGER_IP) == [403]
    assert await shop.kassa.notify(payment["id"], url=shop.yookassa_webhook, source_ip=None) == [403]
    await quiet(1.5)
    assert sum(r.method == "GET" for r in shop.kassa.requests) == gets_before, "refused before asking the API"
    assert (await only_order(shop.database_url, user.user_id)).status == "created"
    assert [view for view in await user.bot_messages() if view.message_id > message.message_id] == []
