"""Records kept by the fake server. Message/update payloads are plain dicts in Bot API JSON shape."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any, Literal

Json = dict[str, Any]
Sender = Literal["bot", "user", "service"]


@dataclass
class FakeUser:
    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None

    def to_api(self) -> Json:
        data: Json = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        for key in ("last_name", "username", "language_code"):
            value = getattr(self, key)
            if value:
                data[key] = value
        return data

    def chat_api(self) -> Json:
        data: Json = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        return data


@dataclass
class StoredMessage:
    data: Json  # the Message object, current state (edits applied)
    sender: Sender
    deleted: bool = False
    invoice_payload: str | None = None  # private to the bot, as in Telegram: not part of Message.invoice


@dataclass
class Chat:
    """The private chat of the bot with one user, plus what that user's client has seen."""

    user: FakeUser
    messages: dict[int, StoredMessage] = field(default_factory=dict)
    next_message_id: int = 1
    events: list[Json] = field(default_factory=list)
    callback_answers: list[Json] = field(default_factory=list)


@dataclass
class StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes
    mime_type: str
    file_name: str | None = None
    width: int | None = None
    height: int | None = None

    def to_api(self) -> Json:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
            "file_path": self.file_path,
        }


@dataclass
class CallbackQueryRecord:
    id: str
    user_id: int
    message_id: int
    data: str
    created: float  # monotonic
    answered: bool = False
    answer: Json | None = None

    def to_json(self) -> Json:
        return {
            "id": self.id,
            "user_id": self.user_id,
            "message_id": self.message_id,
            "data": self.data,
            "answered": self.answered,
            "answer": self.answer,
        }


@dataclass
class PreCheckoutRecord:
    id: str
    user_id: int
    message_id: int
    currency: str
    total_amount: int
    invoice_payload: str
    created: float
    answer: asyncio.Future[Json]


@dataclass
class Charge:
    telegram_payment_charge_id: str
    user_id: int
    currency: str
    total_amount: int
    invoice_payload: str
    refunded: bool = False

    def to_json(self) -> Json:
        return {
            "telegram_payment_charge_id": self.telegram_payment_charge_id,
            "user_id": self.user_id,
            "currency": self.currency,
            "total_amount": self.total_amount,
            "invoice_payload": self.invoice_payload,
            "refunded": self.refunded,
        }


@dataclass
class PendingUpdate:
    update: Json
    chat_key: str  # webhook delivery keeps updates of one chat in order
    forced: bool = False  # re-sent by the control API: survives one offset confirmation
    attempts: int = 0
    not_before: float = 0.0  # monotonic time of the next webhook attempt
    in_flight: bool = False

    @property
    def update_id(self) -> int:
        return int(self.update["update_id"])


@dataclass
class WebhookConfig:
    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


FaultKind = Literal["429", "500", "502", "slow", "timeout"]


@dataclass
class Fault:
    method: str  # a method name (case-insensitive) or "*"
    kind: FaultKind
    remaining: int = 1
    retry_after: int = 1
    delay: float = 0.0

    def matches(self, method: str) -> bool:
        return self.remaining > 0 and (self.method == "*" or self.method.lower() == method.lower())

    def to_json(self) -> Json:
        return {
            "method": self.method,
            "kind": self.kind,
            "count": self.remaining,
            "retry_after": self.retry_after,
            "delay": self.delay,
        }


@dataclass
class CallRecord:
    method: str
    params: Json
    time: float  # epoch seconds
    status: int = 200
    description: str | None = None

    def to_json(self) -> Json:
        return {
            "method": self.method,
            "params": self.params,
            "time": self.time,
            "status": self.status,
            "description": self.description,
        }
