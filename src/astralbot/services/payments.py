"""Selling the full reading: Telegram Stars and YooKassa behind one interface, and refunds.

Handlers call this; it records orders and payments through `OrderService` and hands paid orders
to the `DeliveryWorker`. Providers differ only in how a payment is started and confirmed.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Literal

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Bot, LabeledPrice
from telegram.error import TelegramError

from astralbot.i18n import translator
from astralbot.jobs.delivery import DeliveryWorker
from astralbot.services.orders import NewOrder, OrderService, OrderView, order_id_from_payload
from astralbot.services.profiles import TelegramUserInfo
from astralbot.store.database import Database
from astralbot.store.models import OrderStatus
from astralbot.store.repositories import ChartRepository, OrderRepository, PaymentRepository
from astralbot.store.types import utcnow

if TYPE_CHECKING:
    from astralbot.payments.yookassa_gateway import PaymentInfo, YooKassaGateway

log = logging.getLogger("astralbot.payments")


@dataclass(frozen=True, slots=True)
class YooKassaStart:
    kind: Literal["link", "incomplete", "unavailable"]
    order: NewOrder
    url: str | None = None


@dataclass(frozen=True, slots=True)
class StoredChart:
    png: bytes | None
    reading_html: str
    pdf: bytes | None


class PaymentService:
    def __init__(
        self,
        db: Database,
        orders: OrderService,
        delivery: DeliveryWorker,
        bot: Bot,
        yookassa: YooKassaGateway | None,
        return_url: str,
    ) -> None:
        self._db = db
        self.orders = orders
        self._delivery = delivery
        self._bot = bot
        self._yookassa = yookassa
        self._return_url = return_url

    @property
    def yookassa_enabled(self) -> bool:
        return self._yookassa is not None

    # -- Telegram Stars ----------------------------------------------------------------------------
    async def start_stars(self, update_id: int | None, tg: TelegramUserInfo) -> NewOrder:
        """Create the order and send its invoice (XTR, empty provider token, one price)."""
        new = await self.orders.create(update_id, tg, "stars")
        if new.order is not None:
            t = translator(new.profile.locale)
            await self._bot.send_invoice(
                chat_id=tg.chat_id,
                title=t("invoice-title"),
                description=t("invoice-description"),
                payload=new.order.payload,
                provider_token="",  # Telegram Stars: digital goods are paid in XTR without a provider
                currency="XTR",
                prices=[LabeledPrice(t("invoice-label"), new.order.amount)],
            )
        return new

    async def pre_checkout(
        self, update_id: int | None, user_id: int, payload: str, total_amount: int, currency: str
    ) -> str | None:
        return await self.orders.check_pre_checkout(update_id, user_id, payload, total_amount, currency)

    async def stars_paid(
        self, update_id: int | None, payload: str, charge_id: str, total_amount: int, currency: str
    ) -> str:
        outcome = await self.orders.record_payment(
            update_id,
            provider="stars",
            provider_payment_id=charge_id,
            order_id=order_id_from_payload(payload),
            amount=total_amount,
            currency=currency,
            event_key=f"stars:{charge_id}",
        )
        if outcome.kind == "paid" and outcome.order is not None:
            self._delivery.kick(outcome.order.id)
        return outcome.kind

    # -- YooKassa -------------------------------------------------------------------------------
    async def start_yookassa(self, update_id: int | None, tg: TelegramUserInfo) -> YooKassaStart:
        new = await self.orders.create(update_id, tg, "yookassa")
        if new.order is None:
            return YooKassaStart("incomplete", new)
        if self._yookassa is None:
            return YooKassaStart("unavailable", new)
        t = translator(new.profile.locale)
        created = await self._yookassa.create_payment(
            order_id=str(new.order.id),
            amount_kopecks=new.order.amount,
            description=t("invoice-title"),
            return_url=self._return_url,
        )
        await self.orders.record_yookassa_payment_created(new.order.id, created.id, new.order.amount)
        return YooKassaStart("link", new, created.confirmation_url)

    async def on_yookassa(self, info: PaymentInfo, event: str) -> None:
        """A notification, already confirmed by re-fetching the payment from the API."""
        if info.status == "succeeded" and info.paid:
            order_id = _uuid(info.order_id)
            outcome = await self.orders.record_payment(
                None,
                provider="yookassa",
                provider_payment_id=info.id,
                order_id=order_id,
                amount=info.amount_kopecks,
                currency=info.currency,
                event_key=f"yookassa:{info.id}:payment.succeeded",
            )
            if outcome.kind == "paid" and outcome.order is not None:
                self._delivery.kick(outcome.order.id)
        elif info.status == "canceled":
            order = await self.orders.record_cancellation(info.id, f"yookassa:{info.id}:payment.canceled")
            if order is not None:
                await self._tell(order, "pay-canceled")

    async def poll_pending_yookassa(self) -> int:
        """Ask the API about card payments still pending after a minute (up to two days old).

        A notification can arrive before the API shows the payment succeeded (we answer 200 and act
        on nothing), or never arrive; this sweep is what still delivers those orders."""
        if self._yookassa is None:
            return 0
        now = utcnow()
        async with self._db.session() as session:
            pending = await PaymentRepository(session).list_pending(
                "yookassa", now - timedelta(minutes=1), now - timedelta(days=2)
            )
        for payment in pending:
            try:
                info = await self._yookassa.fetch_payment(payment.provider_payment_id)
            except Exception:
                log.warning("could not poll YooKassa payment %s", payment.provider_payment_id, exc_info=True)
                continue
            if info.status in ("succeeded", "canceled"):
                await self.on_yookassa(info, f"payment.{info.status}")
        return len(pending)

    async def poll_forever(self, interval: float) -> None:
        while True:
            try:
                await self.poll_pending_yookassa()
            except Exception:
                log.exception("YooKassa poll failed; retrying at the next interval")
            await asyncio.sleep(interval)

    # -- re-downloads -----------------------------------------------------------------
    async def stored_chart(self, user_id: int, chart_id: uuid.UUID) -> StoredChart | None:
        """A delivered reading, for a free re-download; None unless it belongs to `user_id`."""
        async with self._db.session() as session:
            chart = await ChartRepository(session).get(chart_id, user_id=user_id)
            if chart is None or chart.order_id is None or await _refunded(session, chart.order_id):
                return None
            return StoredChart(chart.png, str(chart.chart_json.get("full_reading_html", "")), chart.pdf)

    async def paid_charts(self, user_id: int) -> list[tuple[uuid.UUID, str]]:
        """(chart id, label) of the user's paid readings, newest first."""
        async with self._db.session() as session:
            infos = await ChartRepository(session).list_for_user(user_id)
            # A reading whose money went back (made, then not delivered) is not the user's to keep.
            infos = [i for i in infos if i.order_id is not None and not await _refunded(session, i.order_id)]
        out = []
        for info in infos:
            if not info.has_pdf:
                continue
            birth = info.chart_json.get("birth", {})
            label = f"{birth.get('name') or ''} {birth.get('date', '')}".strip()
            out.append((info.id, label or info.created_at.strftime("%Y-%m-%d")))
        return out

    async def _tell(self, order: OrderView, key: str) -> None:
        try:
            await self._bot.send_message(order.chat_id, translator(order.locale)(key))
        except TelegramError:
            log.warning("could not tell the user about order %s", order.id, exc_info=True)


async def _refunded(session: AsyncSession, order_id: uuid.UUID) -> bool:
    order = await OrderRepository(session).get(order_id)
    return order is None or order.status == OrderStatus.REFUNDED.value


def _uuid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if value else None
    except ValueError:
        return None
