"""The gateway drives the official SDK against the fake API over real HTTP."""

from __future__ import annotations

import asyncio
import time

import pytest

from astralbot.payments.yookassa_gateway import CreatedPayment, GatewayError, PaymentNotFound, YooKassaGateway
from fakes.yookassa import FakeYooKassa

RETURN_URL = "https://t.me/astral_bot"


async def create(
    gateway: YooKassaGateway, order_id: str = "order-1", customer_email: str | None = None
) -> CreatedPayment:
    return await gateway.create_payment(
        order_id=order_id,
        amount_kopecks=99000,
        description="Natal chart, order 1",
        return_url=RETURN_URL,
        customer_email=customer_email,
    )


async def test_create_payment_sends_what_yookassa_expects(
    kassa: FakeYooKassa, gateway: YooKassaGateway
) -> None:
    created = await gateway.create_payment(
        order_id="order-1", amount_kopecks=99050, description="Natal chart", return_url=RETURN_URL
    )
    assert created.status == "pending"
    assert created.confirmation_url.startswith(kassa.url) and created.id in created.confirmation_url
    (request,) = kassa.requests
    assert request.idempotence_key == "order-1"
    assert request.body["amount"] == {"value": "990.50", "currency": "RUB"}
    assert request.body["capture"] is True
    assert request.body["confirmation"] == {"type": "redirect", "return_url": RETURN_URL}
    assert request.body["metadata"]["order_id"] == "order-1"
    assert "receipt" not in request.body


async def test_same_order_gets_the_same_payment(kassa: FakeYooKassa, gateway: YooKassaGateway) -> None:
    first = await create(gateway)
    again = await create(gateway)
    other = await create(gateway, order_id="order-2")
    assert again == first
    assert other.id != first.id
    assert len(kassa.payments) == 2


async def test_receipt_when_configured(kassa: FakeYooKassa) -> None:
    gateway = YooKassaGateway(
        kassa.shop_id, kassa.secret_key, api_url=kassa.api_url, receipt_email="shop@example.com"
    )
    await create(gateway, order_id="with-shop-email")
    await create(gateway, order_id="with-customer-email", customer_email="user@example.com")
    receipts = [r.body["receipt"] for r in kassa.requests]
    assert [r["customer"]["email"] for r in receipts] == ["shop@example.com", "user@example.com"]
    (item,) = receipts[0]["items"]
    assert item["description"] == "Натальная карта: полный разбор"
    assert item["amount"] == {"value": "990.00", "currency": "RUB"}
    assert (item["vat_code"], item["payment_subject"], item["payment_mode"]) == (1, "service", "full_payment")
    assert all(r.status == 200 for r in kassa.requests)  # the fake checked the receipt's sum and fields


async def test_fetch_follows_the_payment_through_its_life(
    kassa: FakeYooKassa, gateway: YooKassaGateway
) -> None:
    created = await create(gateway)
    pending = await gateway.fetch_payment(created.id)
    assert (pending.status, pending.paid, pending.order_id) == ("pending", False, "order-1")
    assert (pending.amount_kopecks, pending.currency, pending.refunded_kopecks) == (99000, "RUB", 0)

    kassa.pay(pending.id)
    paid = await gateway.fetch_payment(pending.id)
    assert (paid.status, paid.paid) == ("succeeded", True)

    refund = await gateway.refund(paid.id, 99000, idempotence_key="refund-order-1")
    again = await gateway.refund(paid.id, 99000, idempotence_key="refund-order-1")
    assert again == refund and refund.status == "succeeded" and refund.payment_id == paid.id
    assert (await gateway.fetch_refund(refund.id)).amount_kopecks == 99000
    assert (await gateway.fetch_payment(paid.id)).refunded_kopecks == 99000


async def test_canceled_payment_carries_the_reason(kassa: FakeYooKassa, gateway: YooKassaGateway) -> None:
    created = await create(gateway)
    kassa.cancel(created.id, reason="insufficient_funds")
    info = await gateway.fetch_payment(created.id)
    assert (info.status, info.paid, info.cancellation_reason) == ("canceled", False, "insufficient_funds")


async def test_errors_say_whether_a_retry_can_help(kassa: FakeYooKassa, gateway: YooKassaGateway) -> None:
    with pytest.raises(PaymentNotFound):
        await gateway.fetch_payment("2419a771-000f-5000-9000-1edaf29243f2")

    kassa.fail_next("POST", 500)
    with pytest.raises(GatewayError) as server_error:
        await create(gateway)
    assert server_error.value.retryable and server_error.value.status == 500
    assert (await create(gateway)).status == "pending"

    kassa.fail_next("GET", 429)
    with pytest.raises(GatewayError) as throttled:
        await gateway.fetch_payment(next(iter(kassa.payments)))
    assert throttled.value.retryable

    wrong_key = YooKassaGateway(kassa.shop_id, "wrong", api_url=kassa.api_url)
    with pytest.raises(GatewayError) as unauthorized:
        await wrong_key.fetch_payment(next(iter(kassa.payments)))
    assert not unauthorized.value.retryable and unauthorized.value.status == 401


async def test_a_stalled_api_times_out_as_retryable(kassa: FakeYooKassa) -> None:
    gateway = YooKassaGateway(kassa.shop_id, kassa.secret_key, api_url=kassa.api_url, request_timeout=0.5)
    created = await create(gateway)
    kassa.stall_next("GET", 30)
    started = time.monotonic()
    with pytest.raises(GatewayError) as timed_out:
        await gateway.fetch_payment(created.id)
    assert timed_out.value.retryable
    assert time.monotonic() - started < 5


async def test_unreachable_api_is_retryable() -> None:
    gateway = YooKassaGateway("1", "x", api_url="http://127.0.0.1:9/v3", request_timeout=1.0)
    with pytest.raises(GatewayError) as refused:
        await gateway.fetch_payment("2419a771-000f-5000-9000-1edaf29243f2")
    assert refused.value.retryable


async def test_sdk_calls_leave_the_event_loop_free(kassa: FakeYooKassa, gateway: YooKassaGateway) -> None:
    """While the API stalls a second, the loop keeps ticking: the SDK runs in a worker thread."""
    created = await create(gateway)
    kassa.stall_next("GET", 1.0)
    ticks = 0

    async def tick() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    ticker = asyncio.create_task(tick())
    try:
        await gateway.fetch_payment(created.id)
    finally:
        ticker.cancel()
    assert ticks >= 30
