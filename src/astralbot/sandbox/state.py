"""FakeTelegram: the in-memory world behind the fake Bot API (bot side, user side, control side).

Everything runs on the event loop that serves the fake's HTTP app; there are no threads and no locks.
"""

from __future__ import annotations

import asyncio
import bisect
import re
import secrets
import time
from collections import deque
from collections.abc import Sequence
from typing import Any

from astralbot.sandbox.errors import BotApiError, UserSideError, bad_request
from astralbot.sandbox.model import (
    CallbackQueryRecord,
    CallRecord,
    Charge,
    Chat,
    FakeUser,
    Fault,
    Json,
    PendingUpdate,
    PreCheckoutRecord,
    Sender,
    StoredFile,
    StoredMessage,
    WebhookConfig,
)
from astralbot.sandbox.signals import Signal
from astralbot.sandbox.webhook import WebhookDispatcher

_KEEP_RECORDS = 20_000
# Telegram sends these only when asked for explicitly in allowed_updates.
_OPT_IN_UPDATES = {"chat_member", "message_reaction", "message_reaction_count"}
_COMMAND = re.compile(r"^/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?")
CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_OTHER_POLL = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
)


def _now() -> int:
    return int(time.time())


class FakeTelegram:
    """State of one fake bot. Create it, serve it with ``create_fake_telegram_app``, ``await aclose()``."""

    def __init__(
        self,
        token: str = "123456789:FAKE-sandbox-token",  # noqa: S107 - a fake bot's token
        *,
        bot_username: str = "astral_sandbox_bot",
        bot_first_name: str = "Astral",
        callback_query_timeout: float = 15.0,
        pre_checkout_timeout: float = 10.0,
        webhook_retry_delays: Sequence[float] = (0.5, 1.0, 2.0, 4.0, 8.0),
        webhook_request_timeout: float = 10.0,
        first_update_id: int = 100_000,
    ) -> None:
        bot_id, _, secret = token.partition(":")
        if not bot_id.isdigit() or not secret:
            raise ValueError("a bot token looks like '<digits>:<secret>'")
        self.token = token
        self.bot_id = int(bot_id)
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.callback_query_timeout = callback_query_timeout
        self.pre_checkout_timeout = pre_checkout_timeout
        self.updates_changed = Signal()
        self.events_changed = Signal()
        self.closed = False
        self.webhook_dispatcher = WebhookDispatcher(
            self, tuple(webhook_retry_delays), webhook_request_timeout
        )
        self._first_update_id = first_update_id
        self._init_world()

    def _init_world(self) -> None:
        self.users: dict[int, FakeUser] = {}
        self.chats: dict[int, Chat] = {}
        self.files: dict[str, StoredFile] = {}
        self.callback_queries: dict[str, CallbackQueryRecord] = {}
        self.pre_checkouts: dict[str, PreCheckoutRecord] = {}
        self.charges: dict[str, Charge] = {}
        self.commands: dict[tuple[str, str], list[Json]] = {}
        self.webhook = WebhookConfig()
        self.faults: list[Fault] = []
        # Bounded so that a long-running sandbox does not grow without limit.
        self.calls: deque[CallRecord] = deque(maxlen=_KEEP_RECORDS)
        self.pending: list[PendingUpdate] = []
        self.history: dict[int, Json] = {}
        self.allowed_updates: list[str] = []
        self._next_update_id = self._first_update_id
        self._event_seq = 0
        self._poll_generation = 0
        self._file_seq = 0

    # ----- lifecycle -------------------------------------------------------------------------------

    async def aclose(self) -> None:
        """Wake every long poll, fail pending pre-checkouts, stop webhook delivery. Idempotent."""
        self.closed = True
        self.updates_changed.fire()
        self.events_changed.fire()
        for record in self.pre_checkouts.values():
            if not record.answer.done():
                record.answer.cancel()
        await self.webhook_dispatcher.aclose()

    async def reset(self) -> None:
        """Forget everything except the bot's identity (control API ``POST /_control/reset``)."""
        await self.webhook_dispatcher.stop()
        for record in self.pre_checkouts.values():
            if not record.answer.done():
                record.answer.cancel()
        self._init_world()
        self.updates_changed.fire()
        self.events_changed.fire()

    async def __aenter__(self) -> FakeTelegram:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    # ----- identity --------------------------------------------------------------------------------

    def bot_user(self) -> Json:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    @property
    def event_seq(self) -> int:
        """Sequence number of the latest user-visible event; user actions report it as their mark."""
        return self._event_seq

    def get_me(self) -> Json:
        return {
            **self.bot_user(),
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }

    # ----- faults and the call log -------------------------------------------------------------------

    def add_fault(self, fault: Fault) -> None:
        self.faults.append(fault)

    def take_fault(self, method: str) -> Fault | None:
        for fault in self.faults:
            if fault.matches(method):
                fault.remaining -= 1
                return fault
        return None

    def record_call(self, record: CallRecord) -> None:
        self.calls.append(record)

    def calls_of(self, method: str | None = None) -> list[CallRecord]:
        if not method:
            return list(self.calls)
        return [call for call in self.calls if call.method.lower() == method.lower()]

    # ----- updates -----------------------------------------------------------------------------------

    def _is_allowed(self, kind: str) -> bool:
        allowed = self.webhook.allowed_updates if self.webhook.url else self.allowed_updates
        if allowed:
            return kind in allowed
        return kind not in _OPT_IN_UPDATES

    def push_update(self, kind: str, payload: Json, chat_key: int | str) -> Json:
        update_id = self._next_update_id
        self._next_update_id += 1
        update: Json = {"update_id": update_id, kind: payload}
        self.history[update_id] = update
        if len(self.history) > _KEEP_RECORDS:
            del self.history[next(iter(self.history))]
        if self._is_allowed(kind):
            self.pending.append(PendingUpdate(update=update, chat_key=str(chat_key)))
            self._updates_changed()
        return update

    def resend(self, update_id: int) -> Json:
        """Deliver an already known update again, as Telegram does when it believes delivery failed."""
        update = self.history.get(update_id)
        if update is None:
            raise UserSideError(404, f"update {update_id} is unknown")
        chat_key = _chat_key_of(update)
        item = PendingUpdate(update=update, chat_key=chat_key, forced=True)
        bisect.insort(self.pending, item, key=lambda pending: pending.update_id)
        self._updates_changed()
        return update

    def inject_update(self, update: Json) -> Json:
        """Queue a hand-made update (control API); assigns an update_id when it has none."""
        kinds = [key for key in update if key != "update_id"]
        if len(kinds) != 1:
            raise UserSideError(400, "an update carries exactly one kind")
        kind = kinds[0]
        if "update_id" in update:
            update_id = int(update["update_id"])
            self._next_update_id = max(self._next_update_id, update_id + 1)
            self.history[update_id] = update
            bisect.insort(
                self.pending,
                PendingUpdate(update=update, chat_key=_chat_key_of(update), forced=True),
                key=lambda pending: pending.update_id,
            )
            self._updates_changed()
            return update
        return self.push_update(kind, update[kind], _chat_key_of({kind: update[kind]}))

    def _updates_changed(self) -> None:
        self.updates_changed.fire()
        self.webhook_dispatcher.kick()

    def _confirm(self, offset: int | None) -> None:
        if offset is None or offset == 0:
            return
        if offset < 0:
            # A negative offset keeps only the last |offset| updates; all earlier ones are forgotten.
            keep = self.pending[offset:]
            self.pending = keep
            return
        self.pending = [item for item in self.pending if item.update_id >= offset or item.forced]

    async def get_updates(
        self, offset: int | None, limit: int, poll_seconds: float, allowed_updates: list[str] | None
    ) -> list[Json]:
        if self.webhook.url:
            raise BotApiError(409, CONFLICT_WEBHOOK)
        if allowed_updates is not None:
            self.allowed_updates = list(allowed_updates)
        self._poll_generation += 1
        generation = self._poll_generation
        self._confirm(offset)
        self.updates_changed.fire()  # an older poll must notice it was superseded

        def ready() -> bool:
            return (
                self.closed
                or generation != self._poll_generation
                or bool(self.webhook.url)
                or bool(self.pending)
            )

        await self.updates_changed.wait_until(ready, poll_seconds)
        if generation != self._poll_generation:
            raise BotApiError(409, CONFLICT_OTHER_POLL)
        if self.webhook.url:
            raise BotApiError(409, CONFLICT_WEBHOOK)
        batch = self.pending[: max(1, min(limit, 100))]
        for item in batch:
            item.forced = False
        return [item.update for item in batch]

    def drop_pending_updates(self) -> None:
        self.pending = []

    def set_webhook(self, config: WebhookConfig, *, drop_pending: bool) -> None:
        if drop_pending:
            self.drop_pending_updates()
        self.webhook = config
        self._updates_changed()

    def delete_webhook(self, *, drop_pending: bool) -> None:
        if drop_pending:
            self.drop_pending_updates()
        self.webhook = WebhookConfig()
        self._updates_changed()

    def webhook_info(self) -> Json:
        info: Json = {
            "url": self.webhook.url,
            "has_custom_certificate": False,
            "pending_update_count": len(self.pending),
        }
        if self.webhook.url:
            info["max_connections"] = self.webhook.max_connections
            info["ip_address"] = "127.0.0.1"
            if self.webhook.allowed_updates:
                info["allowed_updates"] = self.webhook.allowed_updates
        if self.webhook.last_error_date is not None:
            info["last_error_date"] = self.webhook.last_error_date
            info["last_error_message"] = self.webhook.last_error_message
        return info

    # ----- users and chats ---------------------------------------------------------------------------

    def ensure_user(
        self,
        user_id: int,
        *,
        first_name: str | None = None,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> FakeUser:
        user = self.users.get(user_id)
        if user is None:
            user = FakeUser(id=user_id, first_name=first_name or f"User {user_id}")
            self.users[user_id] = user
        if first_name:
            user.first_name = first_name
        if last_name is not None:
            user.last_name = last_name or None
        if username is not None:
            user.username = username or None
        if language_code is not None:
            user.language_code = language_code or None
        return user

    def chat_for_bot(self, chat_id: int | str | None) -> Chat:
        """The chat a bot method addresses; like Telegram, only users who wrote to the bot exist."""
        if isinstance(chat_id, str) and chat_id.startswith("@"):
            for candidate in self.chats.values():
                if candidate.user.username and candidate.user.username.lower() == chat_id[1:].lower():
                    return candidate
            raise bad_request("chat not found")
        try:
            key = int(chat_id) if chat_id is not None else None
        except ValueError:
            raise bad_request("chat not found") from None
        chat = self.chats.get(key) if key is not None else None
        if chat is None:
            raise bad_request("chat not found")
        return chat

    def _chat_of_user(self, user: FakeUser) -> Chat:
        chat = self.chats.get(user.id)
        if chat is None:
            chat = Chat(user=user)
            self.chats[user.id] = chat
        return chat

    def add_message(
        self, chat: Chat, content: Json, sender: Sender, *, invoice_payload: str | None = None
    ) -> StoredMessage:
        message_id = chat.next_message_id
        chat.next_message_id += 1
        author = self.bot_user() if sender == "bot" else chat.user.to_api()
        data: Json = {"message_id": message_id, "from": author, "chat": chat.user.chat_api(), "date": _now()}
        data.update({key: value for key, value in content.items() if value not in (None, [], "")})
        stored = StoredMessage(data=data, sender=sender, invoice_payload=invoice_payload)
        chat.messages[message_id] = stored
        self.emit(chat, "message", message=self.message_view(stored))
        return stored

    def message_of_bot(self, chat: Chat, message_id: int | None, *, action: str = "edit") -> StoredMessage:
        stored = chat.messages.get(message_id) if message_id is not None else None
        if stored is None or stored.deleted:
            raise bad_request(f"message to {action} not found")
        if stored.sender != "bot":
            raise bad_request("message can't be edited" if action == "edit" else "message can't be deleted")
        return stored

    def apply_edit(self, chat: Chat, stored: StoredMessage, changes: Json) -> Json:
        for key, value in changes.items():
            if value in (None, []):
                stored.data.pop(key, None)
            else:
                stored.data[key] = value
        stored.data["edit_date"] = _now()
        self.emit(chat, "edit", message=self.message_view(stored))
        return stored.data

    def delete_message(self, chat: Chat, stored: StoredMessage) -> None:
        stored.deleted = True
        self.emit(chat, "delete", message_id=stored.data["message_id"])

    # ----- files -------------------------------------------------------------------------------------

    def store_file(
        self,
        data: bytes,
        *,
        folder: str,
        extension: str,
        mime_type: str,
        file_name: str | None = None,
        width: int | None = None,
        height: int | None = None,
    ) -> StoredFile:
        self._file_seq += 1
        stored = StoredFile(
            file_id=f"AgAC{secrets.token_urlsafe(24)}",
            file_unique_id=f"AQAD{secrets.token_urlsafe(8)}",
            file_path=f"{folder}/file_{self._file_seq}.{extension}",
            data=data,
            mime_type=mime_type,
            file_name=file_name,
            width=width,
            height=height,
        )
        self.files[stored.file_id] = stored
        return stored

    def file_by_path(self, file_path: str) -> StoredFile | None:
        return next((stored for stored in self.files.values() if stored.file_path == file_path), None)

    # ----- what the user sees ------------------------------------------------------------------------

    def emit(self, chat: Chat, kind: str, **data: Any) -> None:
        self._event_seq += 1
        chat.events.append({"seq": self._event_seq, "type": kind, **data})
        self.events_changed.fire()

    def message_view(self, stored: StoredMessage) -> Json:
        view: Json = {**stored.data, "sender": stored.sender}
        if "photo" in stored.data:
            view["file_url"] = f"_user/files/{stored.data['photo'][-1]['file_id']}"
        elif "document" in stored.data:
            view["file_url"] = f"_user/files/{stored.data['document']['file_id']}"
        return view

    def transcript(self, user_id: int, since: int = 0) -> Json:
        chat = self.chats.get(user_id)
        if chat is None:
            return {"messages": [], "callback_answers": [], "seq": self._event_seq}
        messages = [
            self.message_view(stored)
            for message_id, stored in sorted(chat.messages.items())
            if message_id > since and not stored.deleted
        ]
        return {"messages": messages, "callback_answers": list(chat.callback_answers), "seq": self._event_seq}

    async def wait_events(self, user_id: int, after: int, wait_seconds: float) -> Json:
        def new_events() -> list[Json]:
            chat = self.chats.get(user_id)
            if chat is None:
                return []
            return [event for event in chat.events if event["seq"] > after]

        await self.events_changed.wait_until(lambda: self.closed or bool(new_events()), wait_seconds)
        return {"events": new_events(), "seq": self._event_seq}

    # ----- user actions ------------------------------------------------------------------------------

    def user_send(
        self, user_id: int, text: str, *, language_code: str | None = None, first_name: str | None = None
    ) -> Json:
        if not text.strip():
            raise UserSideError(400, "text is empty")
        user = self.ensure_user(user_id, first_name=first_name, language_code=language_code)
        chat = self._chat_of_user(user)
        content: Json = {"text": text}
        command = _COMMAND.match(text)
        if command:
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command.group(0))}]
        stored = self.add_message(chat, content, "user")
        self.push_update("message", stored.data, user.id)
        return stored.data

    def user_press(self, user_id: int, message_id: int, callback_data: str) -> Json:
        chat = self.chats.get(user_id)
        stored = chat.messages.get(message_id) if chat else None
        if chat is None or stored is None or stored.deleted or stored.sender != "bot":
            raise UserSideError(400, "no such message from the bot")
        rows = (stored.data.get("reply_markup") or {}).get("inline_keyboard", [])
        if not any(button.get("callback_data") == callback_data for row in rows for button in row):
            raise UserSideError(400, "this message has no button with that callback_data")
        query_id = str(secrets.randbits(63))
        query: Json = {
            "id": query_id,
            "from": chat.user.to_api(),
            "message": stored.data,
            "chat_instance": str(hash((self.bot_id, user_id)) & 0x7FFFFFFFFFFFFFFF),
            "data": callback_data,
        }
        if len(self.callback_queries) >= _KEEP_RECORDS:
            del self.callback_queries[next(iter(self.callback_queries))]
        self.callback_queries[query_id] = CallbackQueryRecord(
            id=query_id,
            user_id=user_id,
            message_id=message_id,
            data=callback_data,
            created=time.monotonic(),
        )
        self.push_update("callback_query", query, user_id)
        return query

    def answer_callback_query(self, query_id: str, answer: Json) -> None:
        record = self.callback_queries.get(query_id)
        too_old = record is None or time.monotonic() - record.created > self.callback_query_timeout
        if record is None or too_old or record.answered:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        record.answered = True
        record.answer = answer
        chat = self.chats[record.user_id]
        shown = {"callback_query_id": query_id, "message_id": record.message_id, **answer}
        chat.callback_answers.append(shown)
        self.emit(chat, "callback_answer", answer=shown)

    async def user_pay(self, user_id: int, message_id: int) -> Json:
        chat = self.chats.get(user_id)
        stored = chat.messages.get(message_id) if chat else None
        if chat is None or stored is None or stored.deleted or "invoice" not in stored.data:
            raise UserSideError(400, "no such invoice message")
        invoice = stored.data["invoice"]
        record = PreCheckoutRecord(
            id=str(secrets.randbits(63)),
            user_id=user_id,
            message_id=message_id,
            currency=invoice["currency"],
            total_amount=invoice["total_amount"],
            invoice_payload=stored.invoice_payload or "",
            created=time.monotonic(),
            answer=asyncio.get_running_loop().create_future(),
        )
        self.pre_checkouts[record.id] = record
        self.push_update(
            "pre_checkout_query",
            {
                "id": record.id,
                "from": chat.user.to_api(),
                "currency": record.currency,
                "total_amount": record.total_amount,
                "invoice_payload": record.invoice_payload,
            },
            user_id,
        )
        try:
            answer = await asyncio.wait_for(asyncio.shield(record.answer), self.pre_checkout_timeout)
        except TimeoutError:
            self.emit(chat, "payment_failed", message_id=message_id, reason="timeout")
            return {"status": "timeout", "pre_checkout_query_id": record.id}
        if not answer["ok"]:
            self.emit(
                chat,
                "payment_failed",
                message_id=message_id,
                reason="rejected",
                error_message=answer.get("error_message"),
            )
            return {
                "status": "rejected",
                "pre_checkout_query_id": record.id,
                "error_message": answer.get("error_message"),
            }
        charge = Charge(
            telegram_payment_charge_id=f"stxfake{secrets.token_hex(16)}",
            user_id=user_id,
            currency=record.currency,
            total_amount=record.total_amount,
            invoice_payload=record.invoice_payload,
        )
        self.charges[charge.telegram_payment_charge_id] = charge
        payment = {
            "currency": charge.currency,
            "total_amount": charge.total_amount,
            "invoice_payload": charge.invoice_payload,
            "telegram_payment_charge_id": charge.telegram_payment_charge_id,
            "provider_payment_charge_id": f"fakeprov{secrets.token_hex(8)}",
        }
        paid = self.add_message(chat, {"successful_payment": payment}, "user")
        self.push_update("message", paid.data, user_id)
        return {
            "status": "paid",
            "pre_checkout_query_id": record.id,
            "message_id": paid.data["message_id"],
            "telegram_payment_charge_id": charge.telegram_payment_charge_id,
            "currency": charge.currency,
            "total_amount": charge.total_amount,
        }

    def answer_pre_checkout(self, query_id: str, ok: bool, error_message: str | None) -> None:
        record = self.pre_checkouts.get(query_id)
        if record is None:
            raise bad_request("QUERY_ID_INVALID")
        expired = time.monotonic() - record.created > self.pre_checkout_timeout
        if record.answer.done() or expired:
            raise bad_request("query is too old and response timeout expired or query ID is invalid")
        record.answer.set_result({"ok": ok, "error_message": error_message})

    def refund(self, user_id: int, charge_id: str) -> None:
        charge = self.charges.get(charge_id)
        if charge is None or charge.user_id != user_id:
            raise bad_request("CHARGE_NOT_FOUND")
        if charge.refunded:
            raise bad_request("CHARGE_ALREADY_REFUNDED")
        charge.refunded = True
        chat = self.chats[user_id]
        refunded = {
            "currency": charge.currency,
            "total_amount": charge.total_amount,
            "invoice_payload": charge.invoice_payload,
            "telegram_payment_charge_id": charge_id,
        }
        stored = self.add_message(chat, {"refunded_payment": refunded}, "service")
        stored.data["from"] = chat.user.to_api()
        self.push_update("message", stored.data, user_id)


def _chat_key_of(update: Json) -> str:
    for kind, payload in update.items():
        if kind == "update_id" or not isinstance(payload, dict):
            continue
        chat = payload.get("chat") or (payload.get("message") or {}).get("chat")
        if chat:
            return str(chat["id"])
        sender = payload.get("from")
        if sender:
            return str(sender["id"])
    return f"update:{update.get('update_id')}"
