"""Plain, frozen snapshots of rows, for handing data to handlers and templates (no ORM, no session)."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from astralbot.store.models import Chart, LoginCode, Order, Payment, User


@dataclass(frozen=True, slots=True)
class UserProfile:
    id: int
    chat_id: int
    first_name: str
    language: str | None
    telegram_language: str | None
    display_name: str | None
    birth_date: date | None
    birth_time: time | None
    birth_time_known: bool | None
    place_name: str | None
    place_country: str | None
    place_admin1: str | None
    lat: float | None
    lon: float | None
    timezone: str | None
    geoname_id: int | None
    house_system: str
    pending_input: str | None
    pending_data: Any
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, user: User) -> UserProfile:
        return cls(
            id=user.id,
            chat_id=user.chat_id,
            first_name=user.first_name,
            language=user.language,
            telegram_language=user.telegram_language,
            display_name=user.display_name,
            birth_date=user.birth_date,
            birth_time=user.birth_time,
            birth_time_known=user.birth_time_known,
            place_name=user.place_name,
            place_country=user.place_country,
            place_admin1=user.place_admin1,
            lat=user.lat,
            lon=user.lon,
            timezone=user.timezone,
            geoname_id=user.geoname_id,
            house_system=user.house_system,
            pending_input=user.pending_input,
            pending_data=copy.deepcopy(user.pending_data),
            created_at=user.created_at,
            updated_at=user.updated_at,
        )

    @property
    def name(self) -> str:
        """The name to put on the chart."""
        return self.display_name or self.first_name

    @property
    def has_place(self) -> bool:
        return self.lat is not None and self.lon is not None and self.timezone is not None

    @property
    def missing(self) -> tuple[str, ...]:
        """Profile fields still needed for a chart, as field codes: "date", "time", "place"."""
        missing: list[str] = []
        if self.birth_date is None:
            missing.append("date")
        if self.birth_time_known is None or (self.birth_time_known and self.birth_time is None):
            missing.append("time")
        if not self.has_place:
            missing.append("place")
        return tuple(missing)

    @property
    def is_complete(self) -> bool:
        return not self.missing

    def locale(self, supported: tuple[str, ...], default: str) -> str:
        """The chosen language, else Telegram's (``"en-US"`` → ``"en"``) if supported, else ``default``."""
        if self.language in supported:
            return self.language
        telegram = (self.telegram_language or "").split("-")[0].lower()
        return telegram if telegram in supported else default


@dataclass(frozen=True, slots=True)
class OrderInfo:
    id: uuid.UUID
    user_id: int
    kind: str
    status: str
    provider: str | None
    amount: int
    currency: str
    birth: dict[str, Any]
    lease_until: datetime | None
    attempts: int
    progress_message_id: int | None
    delivered_at: datetime | None
    last_error: str | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, order: Order) -> OrderInfo:
        return cls(
            id=order.id,
            user_id=order.user_id,
            kind=order.kind,
            status=order.status,
            provider=order.provider,
            amount=order.amount,
            currency=order.currency,
            birth=copy.deepcopy(order.birth),
            lease_until=order.lease_until,
            attempts=order.attempts,
            progress_message_id=order.progress_message_id,
            delivered_at=order.delivered_at,
            last_error=order.last_error,
            created_at=order.created_at,
            updated_at=order.updated_at,
        )


@dataclass(frozen=True, slots=True)
class PaymentInfo:
    id: uuid.UUID
    order_id: uuid.UUID
    provider: str
    provider_payment_id: str
    status: str
    amount: int
    currency: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def from_model(cls, payment: Payment) -> PaymentInfo:
        return cls(
            id=payment.id,
            order_id=payment.order_id,
            provider=payment.provider,
            provider_payment_id=payment.provider_payment_id,
            status=payment.status,
            amount=payment.amount,
            currency=payment.currency,
            created_at=payment.created_at,
            updated_at=payment.updated_at,
        )


@dataclass(frozen=True, slots=True)
class ChartInfo:
    """A chart without its files; ``has_pdf``/``has_png`` say whether they can be downloaded."""

    id: uuid.UUID
    user_id: int
    order_id: uuid.UUID | None
    reading_locale: str
    chart_json: dict[str, Any]
    has_pdf: bool
    has_png: bool
    created_at: datetime

    @classmethod
    def from_model(cls, chart: Chart) -> ChartInfo:
        return cls(
            id=chart.id,
            user_id=chart.user_id,
            order_id=chart.order_id,
            reading_locale=chart.reading_locale,
            chart_json=copy.deepcopy(chart.chart_json),
            has_pdf=chart.pdf is not None,
            has_png=chart.png is not None,
            created_at=chart.created_at,
        )


@dataclass(frozen=True, slots=True)
class LoginCodeInfo:
    id: int
    user_id: int | None
    kind: str
    expires_at: datetime
    used_at: datetime | None
    confirmed_at: datetime | None
    created_at: datetime

    @classmethod
    def from_model(cls, code: LoginCode) -> LoginCodeInfo:
        return cls(
            id=code.id,
            user_id=code.user_id,
            kind=code.kind,
            expires_at=code.expires_at,
            used_at=code.used_at,
            confirmed_at=code.confirmed_at,
            created_at=code.created_at,
        )
