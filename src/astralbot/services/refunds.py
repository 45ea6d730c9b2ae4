"""Refunds through the provider that took the money; used by failed deliveries and by operators."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram import Bot
from telegram.error import TelegramError

from astralbot.services.orders import OrderService, OrderView

if TYPE_CHECKING:
    from astralbot.payments.yookassa_gateway import YooKassaGateway

log = logging.getLogger("astralbot.refunds")


class Refunds:
    def __init__(self, orders: OrderService, bot: Bot, yookassa: YooKassaGateway | None) -> None:
        self._orders = orders
        self._bot = bot
        self._yookassa = yookassa

    async def __call__(self, order: OrderView) -> bool:
        """Give the money back, then mark the order refunded (once); False if nothing was refunded."""
        found = await self._orders.payment_for(order.id)
        if found is None:
            return False
        provider, payment_id = found
        try:
            if provider == "stars":
                await self._bot.refund_star_payment(order.user_id, payment_id)
            elif provider == "yookassa" and self._yookassa is not None:
                await self._yookassa.refund(payment_id, order.amount, idempotence_key=f"refund-{order.id}")
            else:
                return False
        except TelegramError as exc:
            # A refund repeated after a crash: the money is already back, so record it.
            if "ALREADY_REFUNDED" not in str(exc).upper():
                log.error("refund of order %s failed: %s", order.id, exc)
                return False
        except Exception:
            log.exception("refund of order %s failed", order.id)
            return False
        return await self._orders.record_refund(
            order.id, f"refund:{order.id}", order.last_error or "refunded"
        )
