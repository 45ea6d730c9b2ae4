"""POST /webhook/yookassa in a small app on loopback, fed by the fake YooKassa's notifier.

The app trusts 127.0.0.1 as its reverse proxy, so the fake's X-Forwarded-For plays the source IP.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import pytest
import pytest_asyncio

from astralbot.payments.yookassa_gateway import PaymentInfo, YooKassaGateway
from astralbot.web.app import create_web_app
from astralbot.web.yookassa_webhook import PermanentNotificationError, yookassa_webhook_router
from fakes.yookassa import STRANGER_IP, FakeYooKassa, serve_on_loopback

TRUST_LOOPBACK = ["127.0.0.1/32"]


@dataclass
class RecordingHandler:
    """Records every call; applies each (payment, event) effect once, as the real service does."""

    calls: list[tuple[PaymentInfo, str]] = field(default_factory=list)
    effects: list[str] = field(default_factory=list)
    fail_with: Exception | None = None
    _claimed: set[str] = field(default_factory=set)

    async def __call__(self, info: PaymentInfo, event: str) -> None:
        self.calls.append((info, event))
        if self.fail_with is not None:
            raise self.fail_with
        await asyncio.sleep(0.01)  # a DB round trip: lets concurrent duplicates interleave
        claim = f"yookassa:{info.id}:{event}"
        if claim not in self._claimed:
            self._claimed.add(claim)
            self.effects.append(claim)


@dataclass
class Service:
    url: str
    handler: RecordingHandler


@pytest_asyncio.fixture
async def service(kassa: FakeYooKassa, gateway: YooKassaGateway) -> AsyncIterator[Service]:
    handler = RecordingHandler()
    app = create_web_app([yookassa_webhook_router(gateway, handler, TRUST_LOOPBACK)])
    async with serve_on_loopback(app) as server:
        yield Service(f"{server.url}/webhook/yookassa", handler)


async def new_payment(gateway: YooKassaGateway, order_id: str = "order-1") -> str:
    created = await gateway.create_payment(
        order_id=order_id,
        amount_kopecks=49000,
        description="Natal chart",
        return_url="https://t.me/astral_bot",
    )
    return created.id


async def test_good_notification_reaches_the_handler_with_the_apis_view(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service
) -> None:
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    assert await kassa.notify(payment_id, "payment.succeeded", url=service.url) == [200]
    ((info, event),) = service.handler.calls
    assert event == "payment.succeeded"
    assert (info.id, info.status, info.paid, info.order_id, info.amount_kopecks) == (
        payment_id,
        "succeeded",
        True,
        "order-1",
        49000,
    )
    assert [r.path for r in kassa.requests if r.method == "GET"] == [f"/v3/payments/{payment_id}"]


async def test_forged_success_is_ignored(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service, caplog: pytest.LogCaptureFixture
) -> None:
    payment_id = await new_payment(gateway)
    with caplog.at_level(logging.WARNING, logger="astralbot.web.yookassa"):
        assert await kassa.forge_succeeded(payment_id, service.url) == 200
    assert service.handler.calls == []
    assert "forged or early notification" in caplog.text


async def test_the_api_wins_over_the_body(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service
) -> None:
    """A "canceled" notice for a payment the API says succeeded is acted on as succeeded."""
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    body = {
        "type": "notification",
        "event": "payment.canceled",
        "object": {"id": payment_id, "status": "canceled"},
    }
    assert await kassa.send_notification(body, url=service.url) == [200]
    assert [event for _, event in service.handler.calls] == ["payment.succeeded"]


async def test_cancellation_and_refund(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service
) -> None:
    canceled = await new_payment(gateway, "order-canceled")
    kassa.cancel(canceled)
    assert await kassa.notify(canceled, "payment.canceled", url=service.url) == [200]

    refunded = await new_payment(gateway, "order-refunded")
    kassa.pay(refunded)
    await gateway.refund(refunded, 49000, idempotence_key="refund-1")
    assert await kassa.notify(refunded, "refund.succeeded", url=service.url) == [200]

    (c_info, c_event), (r_info, r_event) = service.handler.calls
    assert (c_event, c_info.status, c_info.cancellation_reason) == (
        "payment.canceled",
        "canceled",
        "expired_on_confirmation",
    )
    assert (r_event, r_info.id, r_info.refunded_kopecks) == ("refund.succeeded", refunded, 49000)


async def test_wrong_source_ip_is_forbidden(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service
) -> None:
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    assert await kassa.notify(payment_id, url=service.url, source_ip=STRANGER_IP) == [403]
    assert await kassa.notify(payment_id, url=service.url, source_ip=None) == [
        403
    ]  # the loopback peer itself
    assert service.handler.calls == []
    assert not [r for r in kassa.requests if r.method == "GET"]  # refused before touching the API


async def test_forwarded_for_counts_only_from_trusted_proxies(
    kassa: FakeYooKassa, gateway: YooKassaGateway
) -> None:
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    handler = RecordingHandler()
    app = create_web_app([yookassa_webhook_router(gateway, handler, trusted_proxies=[])])
    async with serve_on_loopback(app) as server:
        # A YooKassa address in the header, but 127.0.0.1 is nobody's proxy here: the peer counts.
        assert await kassa.notify(payment_id, url=f"{server.url}/webhook/yookassa") == [403]
    assert handler.calls == []


async def test_ten_concurrent_duplicates_make_one_effect(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service
) -> None:
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    statuses = await kassa.notify(payment_id, url=service.url, times=10, concurrent=True)
    assert statuses == [200] * 10
    assert len(service.handler.calls) == 10  # deduplication is the handler's job...
    assert service.handler.effects == [f"yookassa:{payment_id}:payment.succeeded"]  # ...and it does it


@pytest.mark.parametrize(
    "body",
    [
        b"not json",
        b"\xff\xfe",
        b"[]",
        json.dumps({"type": "notification", "event": "payment.succeeded"}).encode(),
        json.dumps({"type": "notification", "event": "payment.stolen", "object": {"id": "abc"}}).encode(),
        json.dumps({"type": "lol", "event": "payment.succeeded", "object": {"id": "abc"}}).encode(),
        json.dumps(
            {"type": "notification", "event": "payment.succeeded", "object": {"id": "../refunds/x"}}
        ).encode(),
        json.dumps({"type": "notification", "event": "payment.succeeded", "object": {"id": 42}}).encode(),
        b"[" * 100_000,
    ],
)
async def test_garbage_is_a_bad_request(kassa: FakeYooKassa, service: Service, body: bytes) -> None:
    assert await kassa.send_notification(body, url=service.url) == [400]
    assert service.handler.calls == []


async def test_unknown_payment_is_answered_and_ignored(kassa: FakeYooKassa, service: Service) -> None:
    body = {
        "type": "notification",
        "event": "payment.succeeded",
        "object": {"id": "2419a771-000f-5000-9000-1edaf29243f2"},
    }
    assert await kassa.send_notification(body, url=service.url) == [200]
    assert service.handler.calls == []


async def test_api_failure_asks_for_a_retry(
    kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service
) -> None:
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    kassa.fail_next("GET", 500)
    assert await kassa.notify(payment_id, url=service.url) == [500]
    assert service.handler.calls == []
    assert await kassa.notify(payment_id, url=service.url) == [200]  # YooKassa's retry
    assert len(service.handler.effects) == 1


async def test_handler_failures(kassa: FakeYooKassa, gateway: YooKassaGateway, service: Service) -> None:
    payment_id = await new_payment(gateway)
    kassa.pay(payment_id)
    service.handler.fail_with = ConnectionError("database is restarting")
    assert await kassa.notify(payment_id, url=service.url) == [500]
    service.handler.fail_with = PermanentNotificationError("no such order")
    assert await kassa.notify(payment_id, url=service.url) == [200]
