"""Declarative models. Generic types only, so SQLite and PostgreSQL run the same schema.

The migrations in ``store/migrations/versions`` are the source of truth for the schema;
``tests/store`` checks that these models and the migrated database agree.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Time,
    Uuid,
)
from sqlalchemy import Date as SaDate
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from astralbot.store.types import AutoIncrementId, UtcDateTime, utcnow

# Deterministic constraint names: migrations can refer to (and drop) them on every dialect.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UtcDateTime(),
        dict[str, Any]: JSON(),
        Any: JSON(),
    }


class TimestampMixin:
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, onupdate=utcnow)


# ---- 0001_initial ---------------------------------------------------------------------------------


class User(TimestampMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)  # Telegram user id
    chat_id: Mapped[int] = mapped_column(BigInteger)
    first_name: Mapped[str] = mapped_column(String(256), default="")
    # Chosen interface language; None means "not chosen", so the Telegram language applies.
    language: Mapped[str | None] = mapped_column(String(2))
    # Last `language_code` Telegram reported, kept so jobs without an update know the user's language.
    telegram_language: Mapped[str | None] = mapped_column(String(16))
    display_name: Mapped[str | None] = mapped_column(String(64))
    birth_date: Mapped[date | None] = mapped_column(SaDate)
    birth_time: Mapped[time | None] = mapped_column(Time)
    # None: not answered yet; False: the user does not know the time.
    birth_time_known: Mapped[bool | None] = mapped_column(Boolean)
    place_name: Mapped[str | None] = mapped_column(String(200))
    place_country: Mapped[str | None] = mapped_column(String(100))
    place_admin1: Mapped[str | None] = mapped_column(String(200))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    timezone: Mapped[str | None] = mapped_column(String(64))
    geoname_id: Mapped[int | None] = mapped_column(Integer)
    house_system: Mapped[str] = mapped_column(String(16), default="placidus", server_default="placidus")
    # Which profile field the bot awaits as text ("name" | "date" | "time" | "place"), and its context.
    pending_input: Mapped[str | None] = mapped_column(String(16))
    pending_data: Mapped[Any | None] = mapped_column(JSON)


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    name: Mapped[str] = mapped_column(String(48), index=True)
    props: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow, index=True)


class ProcessedUpdate(Base):
    __tablename__ = "processed_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    processed_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


# ---- 0002_orders_payments -------------------------------------------------------------------------


class OrderStatus(StrEnum):
    CREATED = "created"
    PAID = "paid"
    GENERATING = "generating"
    DELIVERED = "delivered"
    FAILED = "failed"
    REFUNDED = "refunded"


class Order(TimestampMixin, Base):
    __tablename__ = "orders"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32), default="full_reading")
    status: Mapped[str] = mapped_column(String(16), default=OrderStatus.CREATED.value, index=True)
    provider: Mapped[str | None] = mapped_column(String(16))  # stars | yookassa
    amount: Mapped[int] = mapped_column(Integer)  # Stars, or kopecks
    currency: Mapped[str] = mapped_column(String(3))  # XTR | RUB
    birth: Mapped[dict[str, Any]] = mapped_column(JSON)  # snapshot of the profile the chart is for
    lease_until: Mapped[datetime | None] = mapped_column(UtcDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    progress_message_id: Mapped[int | None] = mapped_column(BigInteger)
    # Messages of the delivery Telegram has accepted (0004): a resumed run continues after them.
    delivered_parts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(String)


class Payment(TimestampMixin, Base):
    __tablename__ = "payments"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    order_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("orders.id"), index=True)
    provider: Mapped[str] = mapped_column(String(16))
    # telegram_payment_charge_id, or the YooKassa payment id
    provider_payment_id: Mapped[str] = mapped_column(String(128), unique=True)
    status: Mapped[str] = mapped_column(String(32))
    amount: Mapped[int] = mapped_column(Integer)
    currency: Mapped[str] = mapped_column(String(3))
    raw: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class PaymentEvent(Base):
    __tablename__ = "payment_events"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    provider: Mapped[str] = mapped_column(String(16))
    # e.g. "yookassa:<payment_id>:payment.succeeded" or "stars:<charge_id>"
    event_key: Mapped[str] = mapped_column(String(200), unique=True)
    payment_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("payments.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


class Chart(Base):
    __tablename__ = "charts"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    user_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("users.id"), index=True)
    order_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, ForeignKey("orders.id"), unique=True)
    chart_json: Mapped[dict[str, Any]] = mapped_column(JSON)
    reading_locale: Mapped[str] = mapped_column(String(2))
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    png: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)


# ---- 0003_login -----------------------------------------------------------------------------------


class LoginCode(Base):
    __tablename__ = "login_codes"

    id: Mapped[int] = mapped_column(AutoIncrementId, primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)  # hex SHA-256 of the code or nonce
    # Nullable: a browser-bound nonce exists before any user confirms it.
    user_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    kind: Mapped[str] = mapped_column(String(8))  # code | nonce
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime(), default=utcnow)
