"""YooKassa through the official ``yookassa`` SDK, made safe for an asyncio service.

* The SDK is synchronous (``requests``): every call runs in ``asyncio.to_thread``, never on the loop.
* The SDK keeps its settings in the class-level ``Configuration`` (shop id, secret key, API URL):
  one process talks to one shop. The gateway configures it once, in ``__init__``; the API URL can
  point at the fake YooKassa in tests (``Configuration.configure(..., api_url=...)``).
* The SDK sends requests without a timeout, so a hung connection would hold a worker thread for
  ever. The gateway's SDK subclasses add one; a timeout becomes a retryable ``GatewayError``.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

import requests
from yookassa import Configuration, Payment, Refund
from yookassa.client import ApiClient
from yookassa.domain.exceptions import (
    ApiError,
    InternalServerError,
    NotFoundError,
    ResponseProcessingError,
    TooManyRequestsError,
)

# The 54-FZ receipt line. It is a fiscal document in Russian, not a translated UI text.
RECEIPT_ITEM = "Натальная карта: полный разбор"
VAT_NONE = 1  # "без НДС"
DESCRIPTION_LIMIT = 128  # YooKassa refuses longer descriptions

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class CreatedPayment:
    id: str
    confirmation_url: str
    status: str


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    """A payment as the YooKassa API reports it (the only view to act on)."""

    id: str
    status: str  # pending | waiting_for_capture | succeeded | canceled
    paid: bool
    amount_kopecks: int
    currency: str
    order_id: str | None
    refunded_kopecks: int
    cancellation_reason: str | None = None


@dataclass(frozen=True, slots=True)
class RefundInfo:
    id: str
    payment_id: str
    status: str  # pending | succeeded | canceled
    amount_kopecks: int


class GatewayError(Exception):
    """A YooKassa call failed. ``retryable``: the same call may succeed later (5xx, 429, network)."""

    def __init__(self, message: str, *, retryable: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.status = status


class PaymentNotFound(GatewayError):
    """The API does not know this payment (or refund) id."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False, status=404)


_RETRYABLE_API_ERRORS = (InternalServerError, TooManyRequestsError, ResponseProcessingError)


def _to_gateway_error(exc: Exception) -> GatewayError:
    if isinstance(exc, NotFoundError):
        return PaymentNotFound("YooKassa: not found")
    if isinstance(exc, ApiError):
        content = exc.content or {}
        detail = content.get("description") or content.get("code") or type(exc).__name__
        status = exc.HTTP_CODE or None
        # A bare ApiError is a status the SDK has no class for (502, 503, 504...): worth a retry.
        retryable = isinstance(exc, _RETRYABLE_API_ERRORS) or type(exc) is ApiError
        return GatewayError(
            f"YooKassa API error {status or '?'}: {detail}", retryable=retryable, status=status
        )
    # On a network failure the SDK trips over the missing response (AttributeError on None);
    # the requests exception is still there in the chain.
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, requests.RequestException):
            return GatewayError(f"YooKassa unreachable: {type(cause).__name__}", retryable=True)
        cause = cause.__cause__ or cause.__context__
    return GatewayError(f"YooKassa call failed: {type(exc).__name__}: {exc}", retryable=False)


def _kopecks(value: Any) -> int:
    return int((Decimal(str(value)) * 100).to_integral_value())


def _rubles(kopecks: int) -> str:
    return f"{kopecks // 100}.{kopecks % 100:02d}"


def _sdk_classes(request_timeout: float) -> tuple[type[Payment], type[Refund]]:
    """``Payment``/``Refund`` whose HTTP sessions time out after ``request_timeout`` seconds."""

    class TimedApiClient(ApiClient):
        def get_session(self) -> requests.Session:
            session = super().get_session()
            session.request = functools.partial(session.request, timeout=request_timeout)
            return session

    class TimedPayment(Payment):
        def __init__(self) -> None:
            self.client = TimedApiClient()

    class TimedRefund(Refund):
        def __init__(self) -> None:
            self.client = TimedApiClient()

    return TimedPayment, TimedRefund


class YooKassaGateway:
    def __init__(
        self,
        shop_id: str,
        secret_key: str,
        *,
        api_url: str | None = None,
        receipt_email: str | None = None,
        request_timeout: float = 15.0,
        receipt_item: str = RECEIPT_ITEM,
    ) -> None:
        if api_url:
            Configuration.configure(shop_id, secret_key, api_url=api_url.rstrip("/"))
        else:
            Configuration.configure(shop_id, secret_key)
        self._receipt_email = receipt_email
        self._receipt_item = receipt_item
        self._payment, self._refund = _sdk_classes(request_timeout)

    async def _call(self, fn: Callable[..., _T], *args: Any, **kwargs: Any) -> _T:
        try:
            return await asyncio.to_thread(fn, *args, **kwargs)
        except GatewayError:
            raise
        except Exception as exc:
            raise _to_gateway_error(exc) from exc

    async def create_payment(
        self,
        *,
        order_id: str,
        amount_kopecks: int,
        description: str,
        return_url: str,
        customer_email: str | None = None,
    ) -> CreatedPayment:
        """Create (or, for a repeated ``order_id``, get back) the order's payment.

        The order id is the idempotence key, so a retry after a timeout cannot charge twice.
        """
        if amount_kopecks <= 0:
            raise ValueError("amount must be positive")
        amount = {"value": _rubles(amount_kopecks), "currency": "RUB"}
        params: dict[str, Any] = {
            "amount": amount,
            "capture": True,
            "confirmation": {"type": "redirect", "return_url": return_url},
            "description": description[:DESCRIPTION_LIMIT],
            "metadata": {"order_id": order_id},
        }
        if self._receipt_email:
            params["receipt"] = self._receipt(amount, customer_email or self._receipt_email)
        response = await self._call(self._payment.create, params, order_id)
        confirmation = response.confirmation
        url = getattr(confirmation, "confirmation_url", None)
        if not url:
            raise GatewayError("YooKassa returned no confirmation_url", retryable=False)
        return CreatedPayment(id=str(response.id), confirmation_url=str(url), status=str(response.status))

    def _receipt(self, amount: dict[str, str], email: str) -> dict[str, Any]:
        """A 54-FZ receipt: one service line, paid in full, no VAT."""
        return {
            "customer": {"email": email},
            "items": [
                {
                    "description": self._receipt_item[:DESCRIPTION_LIMIT],
                    "quantity": "1.00",
                    "amount": amount,
                    "vat_code": VAT_NONE,
                    "payment_subject": "service",
                    "payment_mode": "full_payment",
                }
            ],
        }

    async def fetch_payment(self, payment_id: str) -> PaymentInfo:
        response = await self._call(self._payment.find_one, payment_id)
        metadata = response.metadata or {}
        order_id = metadata.get("order_id")
        refunded = response.refunded_amount
        cancellation = response.cancellation_details
        return PaymentInfo(
            id=str(response.id),
            status=str(response.status),
            paid=bool(response.paid),
            amount_kopecks=_kopecks(response.amount.value),
            currency=str(response.amount.currency),
            order_id=str(order_id) if order_id is not None else None,
            refunded_kopecks=_kopecks(refunded.value) if refunded is not None else 0,
            cancellation_reason=str(cancellation.reason) if cancellation is not None else None,
        )

    async def fetch_refund(self, refund_id: str) -> RefundInfo:
        response = await self._call(self._refund.find_one, refund_id)
        return RefundInfo(
            id=str(response.id),
            payment_id=str(response.payment_id),
            status=str(response.status),
            amount_kopecks=_kopecks(response.amount.value),
        )

    async def refund(
        self, payment_id: str, amount_kopecks: int, *, idempotence_key: str, customer_email: str | None = None
    ) -> RefundInfo:
        """Refund (part of) a succeeded payment. Reuse ``idempotence_key`` when retrying.

        With receipts on, 54-FZ wants a refund receipt too; it mirrors the payment's.
        """
        amount = {"value": _rubles(amount_kopecks), "currency": "RUB"}
        params: dict[str, Any] = {"payment_id": payment_id, "amount": amount}
        if self._receipt_email:
            params["receipt"] = self._receipt(amount, customer_email or self._receipt_email)
        response = await self._call(self._refund.create, params, idempotence_key)
        return RefundInfo(
            id=str(response.id),
            payment_id=str(response.payment_id),
            status=str(response.status),
            amount_kopecks=_kopecks(response.amount.value),
        )
