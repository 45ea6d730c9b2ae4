"""Making and delivering the paid full reading: exactly one delivery per paid order.

The orders table is the truth and this worker only the trigger:
- a run first takes the order with a conditional UPDATE (`paid`, or `generating` with an expired
  lease → `generating` with a new lease), so two triggers never work on one order;
- every message sent is counted in `orders.delivered_parts` in its own commit, so a run resumed after
  a crash continues after the last part Telegram accepted instead of starting again;
- CPU work runs in the process pool; Bot API calls that fail for a passing reason (5xx, time-outs;
  429 is already waited out by the rate limiter) are retried with backoff;
- after `max_runs` failed runs the order is failed and refunded, and the user is told;
- every write of a run is fenced by its run number (`attempts` as set when it took the order): a run
  that lost the order, to another instance after a lease ran out or to an operator's refund, finds its
  writes refused and stops sending.

The window that remains is a crash after Telegram accepted a message and before its count was
committed: that one message may be sent twice. The Bot API has no idempotency key to close it.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, TypeVar

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError

from astralbot.i18n import translator
from astralbot.jobs.pool import ChartPool
from astralbot.jobs.tasks import compute_facts, draw_wheel, job_from_birth, write_full_reading
from astralbot.services.orders import OrderService, OrderView
from astralbot.store.database import Database
from astralbot.store.models import OrderStatus
from astralbot.store.repositories import ChartRepository, EventRepository, OrderRepository
from astralbot.store.types import utcnow
from astralbot.telegram_limits import CAPTION_LIMIT, split_text

log = logging.getLogger("astralbot.delivery")
T = TypeVar("T")

# Refunds a failed order through its payment provider; returns True when the money went back.
Refunder = Callable[[OrderView], Awaitable[bool]]


class PermanentFailure(Exception):
    """Retrying will not help (bad stored data, the user blocked the bot)."""


class LostOwnership(Exception):
    """The order is no longer this run's (taken over after a lost lease, refunded by an operator)."""


@dataclass(frozen=True, slots=True)
class DeliverySettings:
    lease: timedelta = timedelta(minutes=2)
    max_runs: int = 3
    send_retries: int = 5
    backoff_base: float = 0.5
    recovery_interval: float = 30.0


@dataclass(frozen=True, slots=True)
class Product:
    png: bytes
    reading_html: str
    pdf: bytes
    chart_id: uuid.UUID


class DeliveryWorker:
    def __init__(
        self,
        db: Database,
        pool: ChartPool,
        orders: OrderService,
        bot: Bot,
        settings: DeliverySettings | None = None,
    ) -> None:
        self._db = db
        self._pool = pool
        self._orders = orders
        self._bot = bot
        # Set by the composition root: the payment service refunds, and it needs this worker first.
        self.refund: Refunder | None = None
        self._settings = settings or DeliverySettings()
        self._tasks: set[asyncio.Task[None]] = set()
        self._running: set[uuid.UUID] = set()

    # -- triggering ----------------------------------------------------------------------------
    def kick(self, order_id: uuid.UUID) -> None:
        """Start delivering an order in the background (no-op if this process already is)."""
        if order_id in self._running:
            return
        self._running.add(order_id)
        task = asyncio.create_task(self._run(order_id), name=f"deliver-{order_id}")
        self._tasks.add(task)
        task.add_done_callback(lambda t: self._forget(t, order_id))

    def _forget(self, task: asyncio.Task[None], order_id: uuid.UUID) -> None:
        self._tasks.discard(task)
        self._running.discard(order_id)

    async def resume_unfinished(self) -> int:
        """Kick every order that is paid but undelivered, or whose worker's lease ran out."""
        async with self._db.session() as session:
            orders = await OrderRepository(session).list_resumable(utcnow())
        for order in orders:
            self.kick(order.id)
        if orders:
            log.info("resuming %d unfinished order(s)", len(orders))
        return len(orders)

    async def recover_forever(self) -> None:
        """Runs until cancelled: the periodic sweep for orders whose run died with its process."""
        while True:
            try:
                await self.resume_unfinished()
            except Exception:
                log.exception("recovery sweep failed; retrying at the next interval")
            await asyncio.sleep(self._settings.recovery_interval)

    async def drain(self) -> None:
        """Let running deliveries finish (shutdown): their orders must not be left half-sent."""
        if self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    # -- one run -------------------------------------------------------------------------------
    async def _run(self, order_id: uuid.UUID) -> None:
        if not await self._take(order_id):
            return
        order = await self._orders.get(order_id)
        assert order is not None
        try:
            async with self._lease_kept(order):
                await self._deliver(order)
        except LostOwnership:
            log.info("order %s is no longer run %d's; stopping", order_id, order.attempts)
        except PermanentFailure as exc:
            await self._fail(order, str(exc))
        except Exception as exc:
            log.warning("delivery of order %s failed (run %d): %r", order_id, order.attempts, exc)
            if order.attempts >= self._settings.max_runs:
                await self._fail(order, repr(exc))
            else:
                await self._release(order, repr(exc))

    @contextlib.asynccontextmanager
    async def _lease_kept(self, order: OrderView) -> AsyncIterator[None]:
        """Renew the lease while this run is alive: a run may outlast one lease (a queue in the pool,
        slow or rate-limited sends), and another instance's sweep must not take a living order over.
        Only a dead process stops renewing, and then its order is resumed once the lease runs out."""
        stop = asyncio.Event()
        renewer = asyncio.create_task(self._renew_lease(order, stop), name=f"lease-{order.id}")
        try:
            yield
        finally:
            stop.set()  # not cancelled: a renewal in the middle of its transaction finishes cleanly
            await renewer

    async def _renew_lease(self, order: OrderView, stop: asyncio.Event) -> None:
        period = max(self._settings.lease.total_seconds() / 3, 0.2)
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), period)
                return
            try:
                if not await self._own(order, lease_until=utcnow() + self._settings.lease):
                    return  # taken over: the run's next write is refused and it stops
            except Exception as exc:
                log.warning("could not renew the lease of order %s: %r", order.id, exc)

    async def _take(self, order_id: uuid.UUID) -> bool:
        async with self._db.session() as session, session.begin():
            return await OrderRepository(session).acquire_lease(order_id, utcnow(), self._settings.lease)

    async def _release(self, order: OrderView, error: str) -> None:
        """Give the order back for a later run (the recovery sweep), keeping the error for operators."""
        await self._own(order, lease_until=utcnow(), last_error=error[:500])

    async def _own(
        self, order: OrderView, to_state: OrderStatus = OrderStatus.GENERATING, **values: Any
    ) -> bool:
        """A write of this run: applied only while the order is still generating under its run number."""
        async with self._db.session() as session, session.begin():
            return await OrderRepository(session).transition(
                order.id, [OrderStatus.GENERATING.value], to_state.value, run=order.attempts, **values
            )

    async def _deliver(self, order: OrderView) -> None:
        t = translator(order.locale)
        progress = await self._progress(order, "pay-progress-received", None)
        product = await self._product(order, progress)
        parts: list[Callable[[], Awaitable[Any]]] = [
            lambda: self._bot.send_photo(
                order.chat_id,
                product.png,
                caption=t("full-caption")[:CAPTION_LIMIT],
                parse_mode=ParseMode.HTML,
            )
        ]
        for text in split_text(product.reading_html):
            parts.append(
                functools.partial(self._bot.send_message, order.chat_id, text, parse_mode=ParseMode.HTML)
            )
        parts.append(
            lambda: self._bot.send_document(
                order.chat_id, product.pdf, filename=t("full-pdf-filename"), caption=t("full-pdf-caption")
            )
        )
        for index in range(order.delivered_parts, len(parts)):
            await self._send(parts[index])
            if not await self._own(order, delivered_parts=index + 1):
                raise LostOwnership
        await self._finish(order, progress)

    async def _product(self, order: OrderView, progress: int | None) -> Product:
        """Make (or, on a resumed run, load) the chart; one chart row per order (UNIQUE order_id)."""
        async with self._db.session() as session:
            existing = await ChartRepository(session).get_for_order(order.id)
            if existing is not None and existing.png and existing.pdf:
                html = str(existing.chart_json.get("full_reading_html", ""))
                return Product(existing.png, html, existing.pdf, existing.id)
        job = job_from_birth(order.birth, order.locale)
        try:
            await self._progress(order, "pay-progress-calculating", progress)
            facts = await self._pool.run(compute_facts, job)
            await self._progress(order, "pay-progress-drawing", progress)
            png = await self._pool.run(draw_wheel, job)
            await self._progress(order, "pay-progress-writing", progress)
            reading_html, pdf = await self._pool.run(write_full_reading, job)
        except (ValueError, KeyError, TypeError) as exc:
            raise PermanentFailure(f"cannot compute the chart: {exc!r}") from exc
        data = {"birth": order.birth, "chart": facts, "full_reading_html": reading_html}
        async with self._db.session() as session, session.begin():
            chart = await ChartRepository(session).add(order.user_id, data, order.locale, order.id, png, pdf)
            return Product(png, reading_html, pdf, chart.id)

    async def _progress(self, order: OrderView, key: str, message_id: int | None) -> int | None:
        """One message shows the progress, edited step by step; its id is kept with the order."""
        text = translator(order.locale)(key)
        message_id = message_id or order.progress_message_id
        try:
            if message_id is None:
                sent: Message = await self._send(lambda: self._bot.send_message(order.chat_id, text))
                await self._own(order, progress_message_id=sent.message_id)
                return sent.message_id
            await self._send(lambda: self._bot.edit_message_text(text, order.chat_id, message_id))
        except BadRequest as exc:
            # A progress line that cannot be edited (deleted, or unchanged after a resume) is cosmetic.
            log.info("progress update for order %s skipped: %s", order.id, exc)
        return message_id

    async def _send(self, call: Callable[[], Awaitable[T]]) -> T:
        """A Bot API call, retried with backoff on passing failures (5xx, time-outs, network)."""
        delay = self._settings.backoff_base
        for attempt in range(1, self._settings.send_retries + 1):
            try:
                return await call()
            except Forbidden as exc:
                raise PermanentFailure(f"the user blocked the bot: {exc}") from exc
            except RetryAfter as exc:
                if attempt == self._settings.send_retries:
                    raise
                await asyncio.sleep(_seconds(exc.retry_after))
            except BadRequest:
                raise
            except NetworkError:  # includes TimedOut and the 5xx answers
                if attempt == self._settings.send_retries:
                    raise
                await asyncio.sleep(delay)
                delay *= 2
        raise AssertionError("unreachable")

    async def _finish(self, order: OrderView, progress: int | None) -> None:
        async with self._db.session() as session, session.begin():
            done = await OrderRepository(session).transition(
                order.id, [OrderStatus.GENERATING.value], OrderStatus.DELIVERED.value, run=order.attempts,
                delivered_at=utcnow(), lease_until=None, last_error=None,
            )  # fmt: skip
            if done:
                await EventRepository(session).add("delivered", order.user_id)
        if done:
            await self._progress(order, "pay-progress-done", progress)

    async def _fail(self, order: OrderView, reason: str) -> None:
        log.error("order %s failed for good: %s", order.id, reason)
        async with self._db.session() as session, session.begin():
            failed = await OrderRepository(session).transition(
                order.id, [OrderStatus.GENERATING.value], OrderStatus.FAILED.value, run=order.attempts,
                lease_until=None, last_error=reason[:500],
            )  # fmt: skip
            if failed:
                await EventRepository(session).add("failed", order.user_id)
        if not failed:
            return
        current = await self._orders.get(order.id)
        refunded = await self.refund(current or order) if self.refund is not None else False
        t = translator(order.locale)
        text = t("pay-failed-refunded") if refunded else t("pay-failed-support")
        with contextlib.suppress(TelegramError):
            await self._bot.send_message(
                order.chat_id,
                text,
                reply_markup=InlineKeyboardMarkup([[InlineKeyboardButton(t("btn-menu"), callback_data="m")]]),
            )


def _seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
