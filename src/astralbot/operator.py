"""`astralbot orders`: what an operator can do from the command line.

- list recent orders with their states;
- `resend ID`: put a delivered (or failed) order back to `paid` with nothing delivered yet; the running
  service's recovery sweep then delivers it again (the stored chart is reused, not recomputed);
- `refund ID`: refund through the provider that was paid, and mark the order refunded.
"""

from __future__ import annotations

import sys
import uuid

from telegram import Bot

from astralbot.config import Settings
from astralbot.store.database import Database
from astralbot.store.models import OrderStatus
from astralbot.store.repositories import OrderRepository


async def run_orders_command(
    settings: Settings, command: str | None, order_id: str | None, limit: int
) -> int:
    db = Database(settings.database_url)
    try:
        if command is None:
            return await _list(db, limit)
        try:
            oid = uuid.UUID(order_id or "")
        except ValueError:
            print(f"not an order id: {order_id!r}", file=sys.stderr)
            return 2
        if command == "resend":
            return await _resend(db, oid, settings)
        return await _refund(db, oid, settings)
    finally:
        await db.dispose()


async def _list(db: Database, limit: int) -> int:
    async with db.session() as session:
        orders = await OrderRepository(session).list_recent(limit)
    print(
        f"{'order id':<36}  {'created (UTC)':<16}  {'user':>12}  {'status':<10}  {'amount':>10}  {'runs':>4}  last error"
    )
    for o in orders:
        amount = f"{o.amount} XTR" if o.currency == "XTR" else f"{o.amount / 100:.2f} RUB"
        error = (o.last_error or "")[:60]
        print(
            f"{o.id!s:<36}  {o.created_at:%Y-%m-%d %H:%M}  {o.user_id:>12}  {o.status:<10}  {amount:>10}  "
            f"{o.attempts:>4}  {error}"
        )
    if not orders:
        print("no orders yet")
    return 0


async def _resend(db: Database, order_id: uuid.UUID, settings: Settings) -> int:
    async with db.session() as session, session.begin():
        changed = await OrderRepository(session).transition(
            order_id,
            [OrderStatus.DELIVERED.value, OrderStatus.FAILED.value],
            OrderStatus.PAID.value,
            delivered_parts=0,
            attempts=0,
            progress_message_id=None,
            lease_until=None,
        )
    if not changed:
        print("only a delivered or failed order can be re-sent", file=sys.stderr)
        return 2
    print(
        f"order {order_id} queued; the running service delivers it within {settings.recovery_interval_seconds:g} s"
    )
    return 0


async def _refund(db: Database, order_id: uuid.UUID, settings: Settings) -> int:
    from astralbot.app import yookassa_gateway_for
    from astralbot.services.orders import OrderService
    from astralbot.services.refunds import Refunds

    if settings.bot_token is None:
        print("refunds need BOT_TOKEN (the sandbox has no real payments)", file=sys.stderr)
        return 2
    orders = OrderService(db, None, settings.price_stars, settings.price_rub * 100)
    order = await orders.get(order_id)
    if order is None:
        print(f"no order {order_id}", file=sys.stderr)
        return 2
    bot = Bot(
        settings.bot_token.get_secret_value(),
        base_url=f"{settings.telegram_api_base_url}/bot",
        base_file_url=f"{settings.telegram_api_base_url}/file/bot",
    )
    async with bot:
        refunded = await Refunds(orders, bot, yookassa_gateway_for(settings))(order)
    print(f"order {order_id} refunded" if refunded else f"order {order_id} was not refunded (see the log)")
    return 0 if refunded else 1
