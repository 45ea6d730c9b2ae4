"""Orders and payments: the full reading is sold once and delivered once per paid order.

Every payment signal (Telegram `successful_payment`, a YooKassa notification confirmed through the
API) is recorded under a UNIQUE event key in the same transaction that moves the order from
`created` to `paid`. A re-sent signal finds its key taken and changes nothing.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from astralbot.services.profiles import ProfileService, ProfileView, TelegramUserInfo
from astralbot.services.unit_of_work import update_transaction
from astralbot.store.database import Database
from astralbot.store.models import Order, OrderStatus
from astralbot.store.repositories import (
    EventRepository,
    OrderRepository,
    PaymentEventRepository,
    PaymentRepository,
)

log = logging.getLogger("astralbot.orders")

Provider = Literal["stars", "yookassa"]
PAYLOAD_PREFIX = "order:"


@dataclass(frozen=True, slots=True)
class OrderView:
    id: uuid.UUID
    user_id: int
    chat_id: int
    status: str
    provider: str | None
    amount: int
    currency: str
    birth: dict[str, Any]
    locale: str
    attempts: int
    progress_message_id: int | None
    delivered_parts: int
    created_at: datetime
    last_error: str | None

    @property
    def payload(self) -> str:
        """The invoice payload that names this order (well under Telegram's 128 bytes)."""
        return f"{PAYLOAD_PREFIX}{self.id}"


@dataclass(frozen=True, slots=True)
class NewOrder:
    kind: Literal["created", "incomplete"]
    profile: ProfileView
    order: OrderView | None = None


@dataclass(frozen=True, slots=True)
class PaymentOutcome:
    kind: Literal["paid", "duplicate", "not_payable", "unknown_order", "mismatch"]
    order: OrderView | None = None


def order_id_from_payload(payload: str) -> uuid.UUID | None:
    if not payload.startswith(PAYLOAD_PREFIX):
        return None
    try:
        return uuid.UUID(payload.removeprefix(PAYLOAD_PREFIX))
    except ValueError:
        return None


class OrderService:
    def __init__(
        self,
        db: Database,
        profiles: ProfileService | None,
        price_stars: int,
        price_kopecks: int,
    ) -> None:
        """`profiles` may be None where no order is created (the operator's command line)."""
        self._db = db
        self._profiles = profiles
        self.price_stars = price_stars
        self.price_kopecks = price_kopecks

    @staticmethod
    def view_of(order: Order, chat_id: int | None = None, locale: str | None = None) -> OrderView:
        birth = order.birth or {}
        return OrderView(
            id=order.id,
            user_id=order.user_id,
            chat_id=chat_id if chat_id is not None else int(birth.get("chat_id", order.user_id)),
            status=order.status,
            provider=order.provider,
            amount=order.amount,
            currency=order.currency,
            birth=birth,
            locale=locale or str(birth.get("locale", "ru")),
            attempts=order.attempts,
            progress_message_id=order.progress_message_id,
            delivered_parts=order.delivered_parts,
            created_at=order.created_at,
            last_error=order.last_error,
        )

    async def create(self, update_id: int | None, tg: TelegramUserInfo, provider: Provider) -> NewOrder:
        """An order for the full reading of the profile as it is now (a snapshot: later edits do not
        change what was bought)."""
        from astralbot.jobs.tasks import job_data
        from astralbot.services.charts import job_for

        if self._profiles is None:
            raise RuntimeError("this OrderService was built without profiles and cannot create orders")
        profiles = self._profiles
        async with update_transaction(self._db, update_id) as session:
            user = await profiles.ensure_user(session, tg)
            profile = profiles.view_of(user)
            if not profile.complete:
                user.pending_input = profile.missing[0]
                return NewOrder("incomplete", profiles.view_of(user))
            birth = job_data(job_for(profile)) | {"chat_id": profile.chat_id, "locale": profile.locale}
            amount, currency = (
                (self.price_stars, "XTR") if provider == "stars" else (self.price_kopecks, "RUB")
            )
            order = await OrderRepository(session).create(user.id, amount, currency, birth, provider)
            await EventRepository(session).add("order_created", user.id, {"provider": provider})
            return NewOrder("created", profile, self.view_of(order, profile.chat_id, profile.locale))

    async def get(self, order_id: uuid.UUID) -> OrderView | None:
        async with self._db.session() as session:
            order = await OrderRepository(session).get(order_id)
            return self.view_of(order) if order else None

    async def recent(self, limit: int = 20) -> list[OrderView]:
        async with self._db.session() as session:
            return [self.view_of(o) for o in await OrderRepository(session).list_recent(limit)]

    async def check_pre_checkout(
        self, update_id: int | None, user_id: int, payload: str, total_amount: int, currency: str
    ) -> str | None:
        """None when the order can be paid now, otherwise the i18n key of the reason."""
        order_id = order_id_from_payload(payload)
        async with update_transaction(self._db, update_id) as session:
            order = await OrderRepository(session).get(order_id) if order_id else None
            if order is None or order.user_id != user_id:
                return "pay-error-unknown-order"
            if order.status != OrderStatus.CREATED.value:
                return "pay-error-stale-order"
            if order.amount != total_amount or order.currency != currency:
                return "pay-error-price-changed"
            await EventRepository(session).add("pre_checkout_ok", user_id)
            return None

    async def record_payment(
        self,
        update_id: int | None,
        *,
        provider: Provider,
        provider_payment_id: str,
        order_id: uuid.UUID | None,
        amount: int,
        currency: str,
        event_key: str,
        raw: dict[str, Any] | None = None,
    ) -> PaymentOutcome:
        """Record a confirmed payment and mark its order paid, exactly once per `event_key`."""
        async with update_transaction(self._db, update_id) as session:
            if not await PaymentEventRepository(session).claim(event_key, provider):
                return PaymentOutcome("duplicate")
            orders = OrderRepository(session)
            order = await orders.get_for_update(order_id) if order_id else None
            if order is None:
                log.error("payment %s names no known order", event_key)
                return PaymentOutcome("unknown_order")
            payments = PaymentRepository(session)
            payment = await payments.get_by_provider_payment_id(provider_payment_id)
            if payment is None:
                payment = await payments.add(
                    order.id, provider, provider_payment_id, "succeeded", amount, currency, raw or {}
                )
            else:
                payment.status = "succeeded"
            if order.amount != amount or order.currency != currency:
                # Paid, but not what was priced: keep the money visible to the operator, deliver nothing.
                order.last_error = f"paid {amount} {currency}, expected {order.amount} {order.currency}"
                return PaymentOutcome("mismatch", self.view_of(order))
            if not await orders.transition(order, [OrderStatus.CREATED.value], OrderStatus.PAID.value):
                log.warning("order %s was %s when payment %s arrived", order.id, order.status, event_key)
                return PaymentOutcome("not_payable", self.view_of(order))
            order.provider = provider
            await EventRepository(session).add("paid", order.user_id, {"provider": provider})
            return PaymentOutcome("paid", self.view_of(order))

    async def record_yookassa_payment_created(
        self, order_id: uuid.UUID, payment_id: str, amount: int
    ) -> None:
        async with self._db.session() as session, session.begin():
            payments = PaymentRepository(session)
            if await payments.get_by_provider_payment_id(payment_id) is None:
                await payments.add(order_id, "yookassa", payment_id, "pending", amount, "RUB", {})

    async def record_cancellation(self, provider_payment_id: str, event_key: str) -> OrderView | None:
        """A payment that will not happen: the order stays `created`, so the user may pay again."""
        async with self._db.session() as session, session.begin():
            if not await PaymentEventRepository(session).claim(event_key, "yookassa"):
                return None
            payment = await PaymentRepository(session).get_by_provider_payment_id(provider_payment_id)
            if payment is None:
                return None
            payment.status = "canceled"
            order = await OrderRepository(session).get(payment.order_id)
            if order is not None:
                await EventRepository(session).add("payment_canceled", order.user_id)
            return self.view_of(order) if order else None

    async def record_refund(self, order_id: uuid.UUID, event_key: str, reason: str) -> bool:
        """Mark a failed (or operator-refunded) order refunded, once."""
        async with self._db.session() as session, session.begin():
            if not await PaymentEventRepository(session).claim(event_key, "refund"):
                return False
            orders = OrderRepository(session)
            changed = await orders.transition(
                order_id,
                [s.value for s in OrderStatus if s != OrderStatus.REFUNDED],
                OrderStatus.REFUNDED.value,
                last_error=reason[:500],
            )
            order = await orders.get(order_id)
            if changed and order is not None:
                await EventRepository(session).add("refunded", order.user_id)
            return changed

    async def payment_for(self, order_id: uuid.UUID) -> tuple[str, str] | None:
        """(provider, provider payment id) of the order's successful payment, for refunds."""
        async with self._db.session() as session:
            for payment in await PaymentRepository(session).list_for_order(order_id):
                if payment.status in ("succeeded", "refunded"):
                    return payment.provider, payment.provider_payment_id
        return None
