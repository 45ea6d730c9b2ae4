"""POST /webhook/yookassa: a notification is only a hint to look; the API's answer is what counts.

1. The source address must be YooKassa's (``X-Forwarded-For`` counts only from ``trusted_proxies``;
   uvicorn must run with ``proxy_headers=False`` so it does not rewrite the peer before we look).
2. The body must be a well-formed notification, or 400 (never 5xx: a retry cannot fix it).
3. The payment (for refunds: the refund, then its payment) is re-fetched from the API and the
   handler is told what the API says. A "succeeded" the API does not confirm is ignored.
4. 200 means "done or nothing to do" (duplicates included: the handler deduplicates). 500 asks
   YooKassa to retry, and is answered only when the API or the handler failed in a way a later
   attempt may fix.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Protocol

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from astralbot.payments.ip_ranges import client_ip, is_yookassa_ip, parse_networks
from astralbot.payments.yookassa_gateway import GatewayError, PaymentInfo, PaymentNotFound, YooKassaGateway

log = logging.getLogger("astralbot.web.yookassa")

PAYMENT_EVENTS = frozenset({"payment.succeeded", "payment.canceled", "payment.waiting_for_capture"})
REFUND_SUCCEEDED = "refund.succeeded"
EVENTS = PAYMENT_EVENTS | {REFUND_SUCCEEDED}
# What the API's status means, whatever the notification claimed. "pending" means nothing happened yet.
_EVENT_OF_STATUS = {
    "succeeded": "payment.succeeded",
    "canceled": "payment.canceled",
    "waiting_for_capture": "payment.waiting_for_capture",
}
# YooKassa ids are uuid-like; anything else never reaches the API's URL path.
_OBJECT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


class NotificationHandler(Protocol):
    """The payments service's side. Must be idempotent: it is called again for every duplicate."""

    async def __call__(self, info: PaymentInfo, event: str) -> None: ...


class PermanentNotificationError(Exception):
    """Raised by a handler when no retry can help (e.g. no such order): answered 200 and logged."""


@dataclass(frozen=True, slots=True)
class Notification:
    event: str
    object_id: str


def parse_notification(body: bytes) -> Notification:
    """The notification's event and object id, or ValueError."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError("body is not JSON") from exc
    if not isinstance(data, dict) or data.get("type") != "notification":
        raise ValueError("not a notification")
    event = data.get("event")
    if event not in EVENTS:
        raise ValueError("unknown event")
    obj = data.get("object")
    object_id = obj.get("id") if isinstance(obj, dict) else None
    if not isinstance(object_id, str) or not _OBJECT_ID.fullmatch(object_id):
        raise ValueError("bad object id")
    return Notification(event=str(event), object_id=object_id)


def _ok(result: str) -> JSONResponse:
    return JSONResponse({"ok": True, "result": result})


def _retry_later() -> JSONResponse:
    return JSONResponse({"error": "temporary failure, retry later"}, status_code=500)


def yookassa_webhook_router(
    gateway: YooKassaGateway, handler: NotificationHandler, trusted_proxies: list[str]
) -> APIRouter:
    proxies = parse_networks(trusted_proxies)
    router = APIRouter()

    async def api_view(notice: Notification) -> tuple[PaymentInfo, str] | None:
        """(payment, event) per the API, or None when the API says there is nothing to act on."""
        if notice.event == REFUND_SUCCEEDED:
            refund = await gateway.fetch_refund(notice.object_id)
            if refund.status != "succeeded":
                log.warning("refund %s notified as succeeded but the API says %s", refund.id, refund.status)
                return None
            return await gateway.fetch_payment(refund.payment_id), REFUND_SUCCEEDED
        info = await gateway.fetch_payment(notice.object_id)
        event = _EVENT_OF_STATUS.get(info.status)
        if event is None:
            log.warning(
                "forged or early notification: %s for payment %s, the API says %s",
                notice.event,
                info.id,
                info.status,
            )
            return None
        if event != notice.event:
            log.warning("payment %s notified as %s, acting on the API's %s", info.id, notice.event, event)
        return info, event

    @router.post("/webhook/yookassa", include_in_schema=False)
    async def yookassa_notification(request: Request) -> JSONResponse:
        peer = request.client.host if request.client else None
        forwarded = ",".join(request.headers.getlist("x-forwarded-for")) or None
        try:
            source = client_ip(peer, forwarded, proxies) if peer else None
        except ValueError:
            source = None
        if source is None or not is_yookassa_ip(source):
            log.warning("yookassa notification refused from %s (peer %s)", source, peer)
            raise HTTPException(status_code=403, detail="forbidden")

        try:
            notice = parse_notification(await request.body())
        except ValueError as exc:
            log.warning("bad yookassa notification from %s: %s", source, exc)
            raise HTTPException(status_code=400, detail="bad notification") from None

        try:
            view = await api_view(notice)
        except PaymentNotFound:
            log.warning(
                "notification %s for an object the API does not know: %s", notice.event, notice.object_id
            )
            return _ok("ignored")
        except GatewayError as exc:
            # Not-retryable API errors (401/403: our credentials) also get a 500, so that the
            # notification is not lost while an operator fixes the configuration.
            level = logging.WARNING if exc.retryable else logging.ERROR
            log.log(level, "could not check %s %s with the API: %s", notice.event, notice.object_id, exc)
            return _retry_later()
        if view is None:
            return _ok("ignored")

        info, event = view
        try:
            await handler(info, event)
        except PermanentNotificationError as exc:
            log.error("yookassa %s for payment %s not applied: %s", event, info.id, exc)
            return _ok("rejected")
        except Exception:
            log.exception("yookassa %s for payment %s failed; YooKassa will retry", event, info.id)
            return _retry_later()
        return _ok("handled")

    return router
