"""A fake YooKassa API v3 on loopback, driven by tests, for the official SDK to talk to.

    async with FakeYooKassa() as kassa:
        gateway = YooKassaGateway(kassa.shop_id, kassa.secret_key, api_url=kassa.api_url)
        created = await gateway.create_payment(...)
        kassa.pay(created.id)
        await kassa.notify(created.id, "payment.succeeded", url=f"{service_url}/webhook/yookassa")

It serves what the SDK calls: ``POST /v3/payments`` (Basic auth, ``Idempotence-Key``, body
validation incl. the 54-FZ receipt), ``GET /v3/payments/{id}``, ``POST /v3/refunds`` and
``GET /v3/refunds/{id}``, with YooKassa's JSON shapes and error format.

Source addresses on loopback: every notification really comes from 127.0.0.1, which is not
YooKassa's. The fake therefore sends ``X-Forwarded-For: <source_ip>`` (a YooKassa address by
default), and the service under test must trust 127.0.0.1 as its proxy (``TRUSTED_PROXIES=
127.0.0.1/32``) for that header to count. ``source_ip="203.0.113.5"`` plays a stranger; without
``TRUSTED_PROXIES`` the header is ignored and the loopback peer itself is refused.
The service must also run uvicorn with ``proxy_headers=False``, else uvicorn rewrites the peer
from the header before the service can judge it (``serve_on_loopback`` here does that).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import copy
import json
import re
import secrets
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any, Self

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp

from fakes.telegram import LoopbackServer

YOOKASSA_IP = "185.71.76.1"
STRANGER_IP = "203.0.113.5"
_MONEY = re.compile(r"\d{1,10}\.\d{2}")


class _ApiFailure(Exception):
    def __init__(self, status: int, code: str, description: str, parameter: str | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.body: dict[str, Any] = {
            "type": "error",
            "id": str(uuid.uuid4()),
            "code": code,
            "description": description,
        }
        if parameter:
            self.body["parameter"] = parameter


def _invalid(parameter: str, description: str) -> _ApiFailure:
    return _ApiFailure(400, "invalid_request", description, parameter)


@dataclass
class Fault:
    """The next ``times`` requests with this method answer ``status`` (if set) after ``delay`` s."""

    method: str
    status: int | None = None
    delay: float = 0.0
    times: int = 1


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    idempotence_key: str | None
    body: Any
    status: int


@dataclass
class _Idempotent:
    body: Any
    object_id: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _object_id() -> str:
    # YooKassa ids look like "2419a771-000f-5000-9000-1edaf29243f2".
    raw = secrets.token_hex(10)
    return f"{raw[:8]}-000f-5000-{secrets.choice('89ab')}000-{raw[8:20]}"


def _money(value: Any, parameter: str) -> Decimal:
    if not isinstance(value, dict):
        raise _invalid(parameter, "amount must be an object")
    if value.get("currency") != "RUB":
        raise _invalid(f"{parameter}.currency", "only RUB is supported by this shop")
    raw = value.get("value")
    if not isinstance(raw, str) or not _MONEY.fullmatch(raw) or Decimal(raw) <= 0:
        raise _invalid(f"{parameter}.value", "value must be a positive string with two decimals")
    return Decimal(raw)


def _check_receipt(receipt: Any, total: Decimal) -> None:
    if not isinstance(receipt, dict):
        raise _invalid("receipt", "receipt must be an object")
    customer = receipt.get("customer")
    if not isinstance(customer, dict) or not (customer.get("email") or customer.get("phone")):
        raise _invalid("receipt.customer", "customer email or phone is required")
    items = receipt.get("items")
    if not isinstance(items, list) or not items:
        raise _invalid("receipt.items", "receipt needs items")
    items_total = Decimal(0)
    for i, item in enumerate(items):
        where = f"receipt.items[{i}]"
        if not isinstance(item, dict):
            raise _invalid(where, "item must be an object")
        description = item.get("description")
        if not isinstance(description, str) or not 0 < len(description) <= 128:
            raise _invalid(f"{where}.description", "description must be 1..128 characters")
        try:
            quantity = Decimal(str(item.get("quantity")))
        except InvalidOperation:
            raise _invalid(f"{where}.quantity", "quantity must be a number") from None
        if quantity <= 0:
            raise _invalid(f"{where}.quantity", "quantity must be positive")
        items_total += _money(item.get("amount"), f"{where}.amount") * quantity
        if item.get("vat_code") not in range(1, 13):
            raise _invalid(f"{where}.vat_code", "vat_code must be 1..12")
        for key in ("payment_subject", "payment_mode"):
            if not isinstance(item.get(key), str) or not item[key]:
                raise _invalid(f"{where}.{key}", f"{key} is required")
    if items_total != total:
        raise _invalid("receipt.items", "the items' sum differs from the payment amount")


@dataclass
class FakeYooKassa:
    """State and HTTP app of the fake; ``async with`` serves it on 127.0.0.1."""

    shop_id: str = "100500"
    secret_key: str = "test_SecretKey_for_the_fake"
    payments: dict[str, dict[str, Any]] = field(default_factory=dict)
    refunds: dict[str, dict[str, Any]] = field(default_factory=dict)
    requests: list[RecordedRequest] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._idempotent: dict[tuple[str, str], _Idempotent] = {}
        self._closing = asyncio.Event()
        self._server: LoopbackServer | None = None
        self._client: httpx.AsyncClient | None = None
        self.app = Starlette(
            routes=[
                Route("/v3/payments", self._create_payment, methods=["POST"]),
                Route("/v3/payments/{payment_id}", self._get_payment, methods=["GET"]),
                Route("/v3/refunds", self._create_refund, methods=["POST"]),
                Route("/v3/refunds/{refund_id}", self._get_refund, methods=["GET"]),
            ]
        )

    # --- serving -------------------------------------------------------------------------------

    async def __aenter__(self) -> Self:
        self._server = await LoopbackServer(self.app, lifespan="off").__aenter__()
        self._client = httpx.AsyncClient(timeout=30)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        self._closing.set()  # releases stalled requests
        if self._client is not None:
            await self._client.aclose()
        if self._server is not None:
            await self._server.__aexit__(*exc_info)

    @property
    def url(self) -> str:
        assert self._server is not None, "use `async with FakeYooKassa()`"
        return self._server.url

    @property
    def api_url(self) -> str:
        """What to give ``Configuration.configure(..., api_url=...)`` (YooKassaGateway's api_url)."""
        return f"{self.url}/v3"

    # --- test control --------------------------------------------------------------------------

    def fail_next(self, method: str, status: int = 500, *, times: int = 1) -> None:
        self.faults.append(Fault(method.upper(), status=status, times=times))

    def stall_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Answer normally, but only after ``seconds`` (for client timeouts)."""
        self.faults.append(Fault(method.upper(), delay=seconds, times=times))

    def payment(self, payment_id: str) -> dict[str, Any]:
        return self.payments[payment_id]

    def payments_of_order(self, order_id: str) -> list[dict[str, Any]]:
        return [p for p in self.payments.values() if p.get("metadata", {}).get("order_id") == order_id]

    def pay(self, payment_id: str) -> dict[str, Any]:
        """The user paid by card: the payment is captured (``capture: true``) and succeeded."""
        payment = self.payments[payment_id]
        if payment["status"] != "pending":
            raise ValueError(f"payment {payment_id} is {payment['status']}, not pending")
        fee = (Decimal(payment["amount"]["value"]) * Decimal("0.035")).quantize(Decimal("0.01"))
        payment.update(
            status="succeeded",
            paid=True,
            refundable=True,
            captured_at=_now(),
            income_amount={
                "value": str(Decimal(payment["amount"]["value"]) - fee),
                "currency": payment["amount"]["currency"],
            },
            refunded_amount={"value": "0.00", "currency": payment["amount"]["currency"]},
            payment_method={
                "type": "bank_card",
                "id": payment_id,
                "saved": False,
                "title": "Bank card *4444",
                "card": {
                    "first6": "555555",
                    "last4": "4444",
                    "expiry_month": "12",
                    "expiry_year": "2030",
                    "card_type": "MasterCard",
                    "issuer_country": "RU",
                },
            },
            authorization_details={"rrn": "603668680243", "auth_code": "000000"},
        )
        if "receipt" in payment["_request"]:
            payment["receipt_registration"] = "succeeded"
        return self._public(payment)

    def cancel(self, payment_id: str, reason: str = "expired_on_confirmation") -> dict[str, Any]:
        payment = self.payments[payment_id]
        if payment["status"] in ("succeeded", "canceled"):
            raise ValueError(f"payment {payment_id} is already {payment['status']}")
        payment.update(
            status="canceled",
            paid=False,
            cancellation_details={"party": "yoo_money", "reason": reason},
        )
        return self._public(payment)

    async def notify(
        self,
        payment_id: str,
        event: str = "payment.succeeded",
        *,
        url: str,
        times: int = 1,
        concurrent: bool = False,
        source_ip: str | None = YOOKASSA_IP,
    ) -> list[int]:
        """Send the notification YooKassa would send now (``times`` copies); the HTTP statuses.

        For ``refund.succeeded`` the object is the payment's latest refund.
        """
        if event.startswith("refund."):
            refunds = [r for r in self.refunds.values() if r["payment_id"] == payment_id]
            obj = copy.deepcopy(refunds[-1])
        else:
            obj = self._public(self.payments[payment_id])
        return await self.send_notification(
            {"type": "notification", "event": event, "object": obj},
            url=url,
            times=times,
            concurrent=concurrent,
            source_ip=source_ip,
        )

    async def forge_succeeded(self, payment_id: str, url: str, *, source_ip: str | None = YOOKASSA_IP) -> int:
        """A "payment.succeeded" whose body says paid while the API still says what it says."""
        obj = self._public(self.payments[payment_id])
        obj.update(status="succeeded", paid=True, captured_at=_now())
        body = {"type": "notification", "event": "payment.succeeded", "object": obj}
        (status,) = await self.send_notification(body, url=url, source_ip=source_ip)
        return status

    async def send_notification(
        self,
        body: dict[str, Any] | bytes | str,
        *,
        url: str,
        times: int = 1,
        concurrent: bool = False,
        source_ip: str | None = YOOKASSA_IP,
    ) -> list[int]:
        """POST any body (also garbage) to ``url`` as YooKassa's notifier would."""
        assert self._client is not None, "use `async with FakeYooKassa()`"
        content = body if isinstance(body, bytes | str) else json.dumps(body, ensure_ascii=False)
        headers = {"Content-Type": "application/json", "User-Agent": "YooKassa fake notifier"}
        if source_ip is not None:
            headers["X-Forwarded-For"] = source_ip
        client = self._client

        async def send() -> int:
            response = await client.post(url, content=content, headers=headers)
            return response.status_code

        if concurrent:
            return list(await asyncio.gather(*(send() for _ in range(times))))
        return [await send() for _ in range(times)]

    # --- the API -------------------------------------------------------------------------------

    async def _guard(self, request: Request) -> tuple[str | None, Any]:
        """Faults, auth and body parsing shared by every endpoint."""
        fault = next((f for f in self.faults if f.method == request.method), None)
        if fault is not None:
            fault.times -= 1
            if fault.times <= 0:
                self.faults.remove(fault)
            if fault.delay:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._closing.wait(), fault.delay)
            if fault.status is not None:
                code = {429: "too_many_requests", 500: "internal_server_error"}.get(fault.status, "error")
                raise _ApiFailure(fault.status, code, "injected failure")
        expected = "Basic " + base64.b64encode(f"{self.shop_id}:{self.secret_key}".encode()).decode()
        if not secrets.compare_digest(request.headers.get("authorization", ""), expected):
            raise _ApiFailure(401, "invalid_credentials", "Login or password are wrong")
        key = request.headers.get("idempotence-key")
        body: Any = None
        if request.method == "POST":
            if not key or len(key) > 64:
                raise _ApiFailure(400, "invalid_request", "Idempotence-Key header is required (<= 64 chars)")
            try:
                body = json.loads(await request.body())
            except (UnicodeDecodeError, json.JSONDecodeError):
                raise _ApiFailure(400, "invalid_request", "body is not JSON") from None
            if not isinstance(body, dict):
                raise _ApiFailure(400, "invalid_request", "body must be an object")
        return key, body

    async def _answer(self, request: Request, work: Any) -> JSONResponse:
        key: str | None = None
        body: Any = None
        try:
            key, body = await self._guard(request)
            status, payload = 200, work(key, body, request)
        except _ApiFailure as failure:
            status, payload = failure.status, failure.body
        self.requests.append(RecordedRequest(request.method, request.url.path, key, body, status))
        return JSONResponse(payload, status_code=status)

    def _replay(self, kind: str, key: str, body: Any, table: dict[str, dict[str, Any]]) -> dict | None:
        seen = self._idempotent.get((kind, key))
        if seen is None:
            return None
        if seen.body != body:
            raise _ApiFailure(400, "invalid_request", "Idempotence key duplicated with other parameters")
        return self._public(table[seen.object_id])

    @staticmethod
    def _public(obj: dict[str, Any]) -> dict[str, Any]:
        return {k: copy.deepcopy(v) for k, v in obj.items() if not k.startswith("_")}

    def _new_payment(self, key: str, body: dict[str, Any], _request: Request) -> dict[str, Any]:
        if (seen := self._replay("payment", key, body, self.payments)) is not None:
            return seen
        total = _money(body.get("amount"), "amount")
        confirmation = body.get("confirmation")
        if not isinstance(confirmation, dict) or confirmation.get("type") != "redirect":
            raise _invalid("confirmation.type", "only redirect confirmation is supported by this fake")
        return_url = confirmation.get("return_url")
        if not isinstance(return_url, str) or not return_url.startswith(("http://", "https://")):
            raise _invalid("confirmation.return_url", "return_url must be an http(s) URL")
        description = body.get("description")
        if description is not None and (not isinstance(description, str) or len(description) > 128):
            raise _invalid("description", "description must be a string of at most 128 characters")
        metadata = body.get("metadata") or {}
        if not isinstance(metadata, dict) or len(metadata) > 16:
            raise _invalid("metadata", "metadata must be an object of at most 16 keys")
        for name, value in metadata.items():
            if len(name) > 32 or not isinstance(value, str) or len(value) > 512:
                raise _invalid(f"metadata.{name}", "metadata keys <= 32 chars, values strings <= 512")
        if "receipt" in body:
            _check_receipt(body["receipt"], total)
        if body.get("capture") is not True:
            raise _invalid("capture", "this fake only does one-stage payments (capture: true)")

        payment_id = _object_id()
        payment: dict[str, Any] = {
            "id": payment_id,
            "status": "pending",
            "paid": False,
            "amount": dict(body["amount"]),
            "confirmation": {
                "type": "redirect",
                "return_url": return_url,
                "confirmation_url": f"{self.url}/checkout/payments/v2/contract?orderId={payment_id}",
            },
            "created_at": _now(),
            "metadata": metadata,
            "recipient": {"account_id": self.shop_id, "gateway_id": "100700"},
            "refundable": False,
            "test": True,
            "_request": body,
        }
        if description is not None:
            payment["description"] = description
        if "receipt" in body:
            payment["receipt_registration"] = "pending"
        self.payments[payment_id] = payment
        self._idempotent[("payment", key)] = _Idempotent(body, payment_id)
        return self._public(payment)

    def _find(self, table: dict[str, dict[str, Any]], object_id: str, what: str) -> dict[str, Any]:
        if object_id not in table:
            raise _ApiFailure(404, "not_found", f"{what} doesn't exist or access denied", f"{what}_id")
        return self._public(table[object_id])

    def _new_refund(self, key: str, body: dict[str, Any], _request: Request) -> dict[str, Any]:
        if (seen := self._replay("refund", key, body, self.refunds)) is not None:
            return seen
        payment = self.payments.get(str(body.get("payment_id")))
        if payment is None:
            raise _invalid("payment_id", "payment doesn't exist")
        if payment["status"] != "succeeded":
            raise _invalid("payment_id", "only succeeded payments can be refunded")
        amount = _money(body.get("amount"), "amount")
        refunded = Decimal(payment["refunded_amount"]["value"])
        if refunded + amount > Decimal(payment["amount"]["value"]):
            raise _invalid("amount.value", "refund exceeds the payment's remaining amount")
        if "receipt" in body:
            _check_receipt(body["receipt"], amount)
        refund_id = _object_id()
        refund = {
            "id": refund_id,
            "payment_id": payment["id"],
            "status": "succeeded",
            "created_at": _now(),
            "amount": dict(body["amount"]),
        }
        payment["refunded_amount"] = {"value": str(refunded + amount), "currency": "RUB"}
        if refunded + amount == Decimal(payment["amount"]["value"]):
            payment["refundable"] = False
        self.refunds[refund_id] = refund
        self._idempotent[("refund", key)] = _Idempotent(body, refund_id)
        return self._public(refund)

    async def _create_payment(self, request: Request) -> JSONResponse:
        return await self._answer(request, self._new_payment)

    async def _get_payment(self, request: Request) -> JSONResponse:
        payment_id = request.path_params["payment_id"]
        return await self._answer(request, lambda *_: self._find(self.payments, payment_id, "payment"))

    async def _create_refund(self, request: Request) -> JSONResponse:
        return await self._answer(request, self._new_refund)

    async def _get_refund(self, request: Request) -> JSONResponse:
        refund_id = request.path_params["refund_id"]
        return await self._answer(request, lambda *_: self._find(self.refunds, refund_id, "refund"))


@contextlib.asynccontextmanager
async def serve_on_loopback(app: ASGIApp) -> AsyncIterator[LoopbackServer]:
    async with LoopbackServer(app, lifespan="off") as server:
        yield server
