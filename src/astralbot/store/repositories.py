"""Repositories: queries over one AsyncSession. They flush when they must, but NEVER commit.

The service that opened the session owns the transaction, so an idempotency claim and the effect it
guards commit together, and a rollback un-claims.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from astralbot.store.dto import ChartInfo
from astralbot.store.models import (
    Chart,
    Event,
    LoginCode,
    Order,
    OrderStatus,
    Payment,
    PaymentEvent,
    ProcessedUpdate,
    User,
)
from astralbot.store.types import utcnow

# The profile columns a service may set through UserRepository.update().
USER_FIELDS = frozenset(
    {
        "chat_id",
        "first_name",
        "language",
        "telegram_language",
        "display_name",
        "birth_date",
        "birth_time",
        "birth_time_known",
        "place_name",
        "place_country",
        "place_admin1",
        "lat",
        "lon",
        "timezone",
        "geoname_id",
        "house_system",
        "pending_input",
        "pending_data",
    }
)


def _insert(session: AsyncSession, model: type[Any]) -> Any:
    """The dialect's INSERT, which has ON CONFLICT DO NOTHING (both SQLite and PostgreSQL spell it alike)."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(model)
    if dialect == "sqlite":
        return sqlite.insert(model)
    raise NotImplementedError(f"unsupported database dialect: {dialect}")


class _Repository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session


class UserRepository(_Repository):
    async def get(self, user_id: int) -> User | None:
        return await self.session.get(User, user_id)

    async def get_or_create(
        self, user_id: int, chat_id: int, first_name: str, language_code: str | None
    ) -> tuple[User, bool]:
        """The user, and whether this call created it. Safe when two updates of a new user race.

        An existing user's chat id, first name and Telegram language are refreshed from the update.
        """
        now = utcnow()
        inserted = await self.session.execute(
            _insert(self.session, User)
            .values(
                id=user_id,
                chat_id=chat_id,
                first_name=first_name,
                telegram_language=language_code,
                created_at=now,
                updated_at=now,
            )
            .on_conflict_do_nothing(index_elements=[User.id])
            .returning(User.id)
        )
        created = inserted.scalar_one_or_none() is not None
        user = await self.session.get(User, user_id, populate_existing=True)
        assert user is not None
        if not created:
            if user.chat_id != chat_id:
                user.chat_id = chat_id
            if user.first_name != first_name:
                user.first_name = first_name
            if language_code and user.telegram_language != language_code:
                user.telegram_language = language_code
        return user, created

    async def update(self, user_id: int, **fields: Any) -> bool:
        """Set profile fields (names from USER_FIELDS); False if there is no such user."""
        unknown = set(fields) - USER_FIELDS
        if unknown:
            raise ValueError(f"not user profile fields: {sorted(unknown)}")
        result = await self.session.execute(
            update(User)
            .where(User.id == user_id)
            .values(updated_at=utcnow(), **fields)
            .returning(User.id)
            .execution_options(synchronize_session="fetch")
        )
        return result.scalar_one_or_none() is not None


class EventRepository(_Repository):
    async def add(self, name: str, user_id: int | None = None, props: dict[str, Any] | None = None) -> Event:
        event = Event(name=name, user_id=user_id, props=props, created_at=utcnow())
        self.session.add(event)
        return event

    async def funnel(
        self, names: Sequence[str] | None = None, since: datetime | None = None
    ) -> dict[str, int]:
        """Distinct users per event name. With ``names``: exactly those keys, in that order, zeros kept."""
        query = select(Event.name, func.count(func.distinct(Event.user_id))).where(Event.user_id.is_not(None))
        if names is not None:
            query = query.where(Event.name.in_(names))
        if since is not None:
            query = query.where(Event.created_at >= since)
        rows = (await self.session.execute(query.group_by(Event.name).order_by(Event.name))).all()
        counts = {name: count for name, count in rows}
        if names is None:
            return counts
        return {name: counts.get(name, 0) for name in names}


class ProcessedUpdateRepository(_Repository):
    async def claim(self, update_id: int) -> bool:
        """Record a Telegram update as handled: True the first time, False for a duplicate.

        Concurrent claimers of one id wait for the first transaction; it rolling back un-claims.
        """
        result = await self.session.execute(
            _insert(self.session, ProcessedUpdate)
            .values(update_id=update_id, processed_at=utcnow())
            .on_conflict_do_nothing(index_elements=[ProcessedUpdate.update_id])
            .returning(ProcessedUpdate.update_id)
        )
        return result.scalar_one_or_none() is not None

    async def prune(self, older_than: datetime) -> int:
        """Forget ids handled before ``older_than`` (Telegram re-sends for minutes, not days)."""
        result = await self.session.execute(
            delete(ProcessedUpdate)
            .where(ProcessedUpdate.processed_at < older_than)
            .returning(ProcessedUpdate.update_id)
        )
        return len(result.all())


class PaymentEventRepository(_Repository):
    async def claim(self, event_key: str, provider: str, payment_id: uuid.UUID | None = None) -> bool:
        """Record a provider event ("stars:<charge_id>", "yookassa:<id>:payment.succeeded"): True once."""
        result = await self.session.execute(
            _insert(self.session, PaymentEvent)
            .values(event_key=event_key, provider=provider, payment_id=payment_id, created_at=utcnow())
            .on_conflict_do_nothing(index_elements=[PaymentEvent.event_key])
            .returning(PaymentEvent.id)
        )
        return result.scalar_one_or_none() is not None


class PaymentRepository(_Repository):
    async def add(
        self,
        order_id: uuid.UUID,
        provider: str,
        provider_payment_id: str,
        status: str,
        amount: int,
        currency: str,
        raw: dict[str, Any] | None = None,
    ) -> Payment:
        payment = Payment(
            order_id=order_id,
            provider=provider,
            provider_payment_id=provider_payment_id,
            status=status,
            amount=amount,
            currency=currency,
            raw=raw,
        )
        self.session.add(payment)
        await self.session.flush()
        return payment

    async def get(self, payment_id: uuid.UUID) -> Payment | None:
        return await self.session.get(Payment, payment_id)

    async def get_by_provider_payment_id(self, provider_payment_id: str) -> Payment | None:
        query = select(Payment).where(Payment.provider_payment_id == provider_payment_id)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def list_for_order(self, order_id: uuid.UUID) -> list[Payment]:
        query = select(Payment).where(Payment.order_id == order_id).order_by(Payment.created_at)
        return list((await self.session.execute(query)).scalars())

    async def list_pending(
        self, provider: str, created_before: datetime, created_after: datetime, limit: int = 100
    ) -> list[Payment]:
        """Payments still waiting for the provider's word, created within a window (oldest first)."""
        query = (
            select(Payment)
            .where(
                Payment.provider == provider,
                Payment.status == "pending",
                Payment.created_at < created_before,
                Payment.created_at > created_after,
            )
            .order_by(Payment.created_at)
            .limit(limit)
        )
        return list((await self.session.execute(query)).scalars())


class OrderRepository(_Repository):
    async def create(
        self,
        user_id: int,
        amount: int,
        currency: str,
        birth: dict[str, Any],
        provider: str | None = None,
        kind: str = "full_reading",
    ) -> Order:
        order = Order(
            user_id=user_id,
            kind=kind,
            status=OrderStatus.CREATED.value,
            provider=provider,
            amount=amount,
            currency=currency,
            birth=birth,
            attempts=0,
        )
        self.session.add(order)
        await self.session.flush()
        return order

    async def get(self, order_id: uuid.UUID) -> Order | None:
        return await self.session.get(Order, order_id)

    async def get_for_update(self, order_id: uuid.UUID) -> Order | None:
        """Read and lock the row until the transaction ends.

        PostgreSQL: SELECT ... FOR UPDATE. SQLite has no row locks; there every transaction already
        holds the database's write lock (see Database: BEGIN IMMEDIATE), which is stronger.
        """
        query = select(Order).where(Order.id == order_id).with_for_update()
        result = await self.session.execute(query.execution_options(populate_existing=True))
        return result.scalar_one_or_none()

    async def list_recent(
        self, limit: int = 20, user_id: int | None = None, statuses: Iterable[str] | None = None
    ) -> list[Order]:
        query = select(Order)
        if user_id is not None:
            query = query.where(Order.user_id == user_id)
        if statuses is not None:
            query = query.where(Order.status.in_(list(statuses)))
        query = query.order_by(Order.created_at.desc(), Order.id).limit(limit)
        return list((await self.session.execute(query)).scalars())

    async def transition(
        self,
        order: Order | uuid.UUID,
        from_states: Iterable[str],
        to_state: str,
        *,
        run: int | None = None,
        **values: Any,
    ) -> bool:
        """Move the order to ``to_state`` only if it is in one of ``from_states``: the exactly-once gate.

        A conditional UPDATE, so of concurrent callers exactly one gets True. ``values`` sets other
        columns in the same statement (e.g. ``delivered_at=now``, ``attempts=Order.attempts + 1``).
        ``run`` fences a delivery run: the update applies only while ``attempts`` still equals the
        number the run got from ``acquire_lease``, so a run whose order was taken over writes nothing.
        On success the Order in this session, if loaded, is refreshed from the row.
        """
        order_id = order.id if isinstance(order, Order) else order
        condition: ColumnElement[bool] = Order.status.in_(list(from_states))
        if run is not None:
            condition = and_(condition, Order.attempts == run)
        return await self._update_where(order_id, condition, status=to_state, **values)

    async def acquire_lease(self, order_id: uuid.UUID, now: datetime, lease: timedelta) -> bool:
        """Take a paid order, or one whose generation lease expired (its worker died), for generating.

        Sets status "generating", ``lease_until = now + lease`` and counts the attempt.
        """
        takeable = or_(
            Order.status == OrderStatus.PAID.value,
            and_(
                Order.status == OrderStatus.GENERATING.value,
                or_(Order.lease_until.is_(None), Order.lease_until < now),
            ),
        )
        return await self._update_where(
            order_id,
            takeable,
            status=OrderStatus.GENERATING.value,
            lease_until=now + lease,
            attempts=Order.attempts + 1,
        )

    async def list_resumable(self, now: datetime, limit: int = 100) -> list[Order]:
        """Orders that need a worker: paid but not started, or generating with an expired lease."""
        query = (
            select(Order)
            .where(
                or_(
                    Order.status == OrderStatus.PAID.value,
                    and_(
                        Order.status == OrderStatus.GENERATING.value,
                        or_(Order.lease_until.is_(None), Order.lease_until < now),
                    ),
                )
            )
            .order_by(Order.created_at)
            .limit(limit)
        )
        return list((await self.session.execute(query)).scalars())

    async def _update_where(self, order_id: uuid.UUID, condition: ColumnElement[bool], **values: Any) -> bool:
        statement = (
            update(Order)
            .where(Order.id == order_id, condition)
            .values(updated_at=utcnow(), **values)
            .returning(Order)
            # RETURNING refreshes the loaded Order only if the row really changed; Python-side
            # evaluation of the WHERE against a possibly stale object could claim a change that wasn't.
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        result = await self.session.execute(statement)
        return result.scalar_one_or_none() is not None


class ChartRepository(_Repository):
    async def add(
        self,
        user_id: int,
        chart_json: dict[str, Any],
        reading_locale: str,
        order_id: uuid.UUID | None = None,
        png: bytes | None = None,
        pdf: bytes | None = None,
    ) -> Chart:
        chart = Chart(
            user_id=user_id,
            order_id=order_id,
            chart_json=chart_json,
            reading_locale=reading_locale,
            png=png,
            pdf=pdf,
            created_at=utcnow(),
        )
        self.session.add(chart)
        await self.session.flush()
        return chart

    async def get(self, chart_id: uuid.UUID, user_id: int | None = None) -> Chart | None:
        """The chart with its files. With ``user_id``, None unless it belongs to that user."""
        query = select(Chart).where(Chart.id == chart_id)
        if user_id is not None:
            query = query.where(Chart.user_id == user_id)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def get_for_order(self, order_id: uuid.UUID) -> Chart | None:
        return (
            await self.session.execute(select(Chart).where(Chart.order_id == order_id))
        ).scalar_one_or_none()

    async def list_for_user(self, user_id: int, limit: int = 50) -> list[ChartInfo]:
        """Newest first, without loading the PDF and PNG bytes."""
        query: Select[Any] = (
            select(
                Chart.id,
                Chart.user_id,
                Chart.order_id,
                Chart.reading_locale,
                Chart.chart_json,
                Chart.pdf.is_not(None),
                Chart.png.is_not(None),
                Chart.created_at,
            )
            .where(Chart.user_id == user_id)
            .order_by(Chart.created_at.desc(), Chart.id)
            .limit(limit)
        )
        return [
            ChartInfo(
                id=row[0],
                user_id=row[1],
                order_id=row[2],
                reading_locale=row[3],
                chart_json=row[4],
                has_pdf=bool(row[5]),
                has_png=bool(row[6]),
                created_at=row[7],
            )
            for row in (await self.session.execute(query)).all()
        ]


class LoginCodeRepository(_Repository):
    async def add(
        self, code_hash: str, kind: str, expires_at: datetime, user_id: int | None = None
    ) -> LoginCode:
        code = LoginCode(
            code_hash=code_hash, kind=kind, expires_at=expires_at, user_id=user_id, created_at=utcnow()
        )
        self.session.add(code)
        await self.session.flush()
        return code

    async def get_by_hash(self, code_hash: str) -> LoginCode | None:
        query = select(LoginCode).where(LoginCode.code_hash == code_hash)
        return (await self.session.execute(query)).scalar_one_or_none()

    async def confirm(self, code_hash: str, user_id: int, now: datetime) -> bool:
        """Bind a browser nonce to the user who confirmed it in the bot: once, and only before expiry."""
        return await self._update_where(
            code_hash,
            and_(
                LoginCode.kind == "nonce",
                LoginCode.confirmed_at.is_(None),
                LoginCode.used_at.is_(None),
                LoginCode.expires_at > now,
            ),
            user_id=user_id,
            confirmed_at=now,
        )

    async def mark_used(self, code_hash: str, now: datetime) -> bool:
        """Spend a code or confirmed nonce: True for exactly one caller, and only if unexpired and bound."""
        return await self._update_where(
            code_hash,
            and_(LoginCode.used_at.is_(None), LoginCode.expires_at > now, LoginCode.user_id.is_not(None)),
            used_at=now,
        )

    async def delete_expired(self, before: datetime) -> int:
        result = await self.session.execute(
            delete(LoginCode).where(LoginCode.expires_at < before).returning(LoginCode.id)
        )
        return len(result.all())

    async def _update_where(self, code_hash: str, condition: ColumnElement[bool], **values: Any) -> bool:
        statement = (
            update(LoginCode)
            .where(LoginCode.code_hash == code_hash, condition)
            .values(**values)
            .returning(LoginCode)
            .execution_options(synchronize_session=False, populate_existing=True)
        )
        return (await self.session.execute(statement)).scalar_one_or_none() is not None
