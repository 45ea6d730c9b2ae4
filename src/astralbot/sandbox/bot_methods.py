"""The Bot API methods the fake implements. Each takes the state and the request's Params and returns the
``result`` value, or raises BotApiError with the real server's description."""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from astralbot.sandbox.errors import NOT_MODIFIED, bad_request
from astralbot.sandbox.formatting import format_text
from astralbot.sandbox.markup import MAX_DOCUMENT_BYTES, inspect_image, validate_reply_markup
from astralbot.sandbox.model import Chat, Json, StoredFile, StoredMessage, WebhookConfig
from astralbot.sandbox.params import Params, UploadedFile
from astralbot.sandbox.state import FakeTelegram

Method = Callable[[FakeTelegram, Params], Awaitable[Any]]
METHODS: dict[str, tuple[str, Method]] = {}

MAX_TEXT = 4096
MAX_CAPTION = 1024
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_CHAT_ACTIONS = {
    "typing",
    "upload_photo",
    "record_video",
    "upload_video",
    "record_voice",
    "upload_voice",
    "upload_document",
    "choose_sticker",
    "find_location",
    "record_video_note",
    "upload_video_note",
}


def method(name: str) -> Callable[[Method], Method]:
    def register(func: Method) -> Method:
        METHODS[name.lower()] = (name, func)
        return func

    return register


def _formatted(
    params: Params, field: str, *, limit: int, too_long: str, empty: str | None
) -> tuple[str, list[Json]]:
    raw = params.str_(field) or ""
    entities = params.json_(f"{field}_entities" if field == "caption" else "entities")
    text, parsed = format_text(raw, params.str_("parse_mode"), entities)
    if not text and empty is not None:
        raise bad_request(empty)
    if len(text) > limit:
        raise bad_request(too_long)
    return text, parsed


def _text_content(params: Params) -> Json:
    text, entities = _formatted(
        params, "text", limit=MAX_TEXT, too_long="message is too long", empty="message text is empty"
    )
    return {"text": text, "entities": entities}


def _caption_content(params: Params) -> Json:
    caption, entities = _formatted(
        params, "caption", limit=MAX_CAPTION, too_long="message caption is too long", empty=None
    )
    return {"caption": caption or None, "caption_entities": entities}


def _reply_to(chat: Chat, params: Params) -> Json | None:
    reply = params.json_("reply_parameters")
    message_id = (reply or {}).get("message_id") if isinstance(reply, dict) else None
    if message_id is None:
        message_id = params.int_("reply_to_message_id")
    if message_id is None:
        return None
    stored = chat.messages.get(int(message_id))
    if stored is None or stored.deleted:
        allow = params.bool_("allow_sending_without_reply") or (
            isinstance(reply, dict) and reply.get("allow_sending_without_reply")
        )
        if allow:
            return None
        raise bad_request("message to be replied not found")
    return stored.data


def _send(state: FakeTelegram, chat: Chat, params: Params, content: Json, **extra: Any) -> StoredMessage:
    markup = validate_reply_markup(params.json_("reply_markup"))
    # Reply keyboards stay on the user's screen but are not part of the returned Message.
    message_markup = markup if markup and "inline_keyboard" in markup else None
    reply_to = _reply_to(chat, params)
    content = {**content, "reply_to_message": reply_to, "reply_markup": message_markup}
    stored = state.add_message(chat, content, "bot", **extra)
    if markup and "inline_keyboard" not in markup:
        state.emit(chat, "reply_keyboard", markup=markup)
    return stored


# ----- identity and updates ----------------------------------------------------------------------------


@method("getMe")
async def get_me(state: FakeTelegram, params: Params) -> Any:
    return state.get_me()


@method("logOut")
async def log_out(state: FakeTelegram, params: Params) -> Any:
    return True


@method("close")
async def close(state: FakeTelegram, params: Params) -> Any:
    return True


@method("getUpdates")
async def get_updates(state: FakeTelegram, params: Params) -> Any:
    allowed = params.json_("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed_updates JSON object")
    timeout = max(0.0, min(params.float_("timeout", default=0.0), 50.0))
    return await state.get_updates(
        params.int_("offset"), params.int_("limit", default=100) or 100, timeout, allowed
    )


@method("setWebhook")
async def set_webhook(state: FakeTelegram, params: Params) -> Any:
    url = params.str_("url", default="") or ""
    drop = params.bool_("drop_pending_updates")
    if not url:
        state.delete_webhook(drop_pending=drop)
        return True
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
    secret = params.str_("secret_token")
    if secret is not None and not _SECRET_TOKEN.match(secret):
        raise bad_request("bad webhook: secret token contains unallowed characters")
    max_connections = params.int_("max_connections", default=40) or 40
    if not 1 <= max_connections <= 100:
        raise bad_request("bad webhook: max_connections must be between 1 and 100")
    allowed = params.json_("allowed_updates")
    if allowed is not None and not isinstance(allowed, list):
        raise bad_request("can't parse allowed_updates JSON object")
    previous = state.webhook
    keep_allowed = allowed if allowed is not None else previous.allowed_updates
    state.set_webhook(
        WebhookConfig(
            url=url, secret_token=secret, max_connections=max_connections, allowed_updates=keep_allowed
        ),
        drop_pending=drop,
    )
    return True


@method("deleteWebhook")
async def delete_webhook(state: FakeTelegram, params: Params) -> Any:
    state.delete_webhook(drop_pending=params.bool_("drop_pending_updates"))
    return True


@method("getWebhookInfo")
async def get_webhook_info(state: FakeTelegram, params: Params) -> Any:
    return state.webhook_info()


# ----- messages ------------------------------------------------------------------------------------


@method("sendMessage")
async def send_message(state: FakeTelegram, params: Params) -> Any:
    chat = state.chat_for_bot(params.raw("chat_id"))
    return _send(state, chat, params, _text_content(params)).data


def _target(state: FakeTelegram, params: Params, *, action: str = "edit") -> tuple[Chat, StoredMessage]:
    if params.has("inline_message_id"):
        raise bad_request("MESSAGE_ID_INVALID")
    chat = state.chat_for_bot(params.raw("chat_id"))
    return chat, state.message_of_bot(chat, params.int_("message_id"), action=action)


def _edit(state: FakeTelegram, chat: Chat, stored: StoredMessage, changes: Json) -> Any:
    current = {key: stored.data.get(key) or None for key in changes}
    wanted = {key: value or None for key, value in changes.items()}
    if current == wanted:
        raise bad_request(NOT_MODIFIED)
    return state.apply_edit(chat, stored, changes)


@method("editMessageText")
async def edit_message_text(state: FakeTelegram, params: Params) -> Any:
    chat, stored = _target(state, params)
    if "text" not in stored.data:
        raise bad_request("there is no text in the message to edit")
    content = _text_content(params)
    # Like Telegram: an edit without reply_markup removes the inline keyboard.
    content["reply_markup"] = validate_reply_markup(params.json_("reply_markup"))
    return _edit(state, chat, stored, content)


@method("editMessageCaption")
async def edit_message_caption(state: FakeTelegram, params: Params) -> Any:
    chat, stored = _target(state, params)
    if not any(key in stored.data for key in ("photo", "document")):
        raise bad_request("there is no caption in the message to edit")
    content = _caption_content(params)
    content["reply_markup"] = validate_reply_markup(params.json_("reply_markup"))
    return _edit(state, chat, stored, content)


@method("editMessageReplyMarkup")
async def edit_message_reply_markup(state: FakeTelegram, params: Params) -> Any:
    chat, stored = _target(state, params)
    markup = validate_reply_markup(params.json_("reply_markup"))
    return _edit(state, chat, stored, {"reply_markup": markup})


@method("deleteMessage")
async def delete_message(state: FakeTelegram, params: Params) -> Any:
    chat = state.chat_for_bot(params.raw("chat_id"))
    stored = chat.messages.get(params.int_("message_id", required=True) or 0)
    if stored is None or stored.deleted:
        raise bad_request("message to delete not found")
    state.delete_message(chat, stored)
    return True


@method("sendChatAction")
async def send_chat_action(state: FakeTelegram, params: Params) -> Any:
    chat = state.chat_for_bot(params.raw("chat_id"))
    action = params.str_("action", default="") or ""
    if action not in _CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    state.emit(chat, "chat_action", action=action)
    return True


@method("answerCallbackQuery")
async def answer_callback_query(state: FakeTelegram, params: Params) -> Any:
    text = params.str_("text")
    if text is not None and len(text) > 200:
        raise bad_request("MESSAGE_TOO_LONG")
    answer: Json = {"text": text, "show_alert": params.bool_("show_alert"), "url": params.str_("url")}
    state.answer_callback_query(params.str_("callback_query_id", default="") or "", answer)
    return True


# ----- files ---------------------------------------------------------------------------------------


def _input_file(state: FakeTelegram, params: Params, field: str) -> UploadedFile | StoredFile:
    upload = params.files.get(field)
    reference = params.str_(field)
    if upload is None and reference and reference.startswith("attach://"):
        upload = params.files.get(reference.removeprefix("attach://"))
    if upload is not None:
        return upload
    if not reference:
        raise bad_request(f"there is no {field} in the request")
    known = state.files.get(reference)
    if known is None:
        # The fake never fetches URLs from the internet; a URL is as unusable as a bad file_id.
        raise bad_request("wrong file identifier/HTTP URL specified")
    return known


@method("sendPhoto")
async def send_photo(state: FakeTelegram, params: Params) -> Any:
    chat = state.chat_for_bot(params.raw("chat_id"))
    source = _input_file(state, params, "photo")
    caption = _caption_content(params)
    if isinstance(source, UploadedFile):
        extension, mime, width, height = inspect_image(source.data)
        stored_file = state.store_file(
            source.data, folder="photos", extension=extension, mime_type=mime, width=width, height=height
        )
    else:
        stored_file = source
        if stored_file.width is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
    photo = [
        {
            "file_id": stored_file.file_id,
            "file_unique_id": stored_file.file_unique_id,
            "file_size": len(stored_file.data),
            "width": stored_file.width,
            "height": stored_file.height,
        }
    ]
    return _send(state, chat, params, {"photo": photo, **caption}).data


@method("sendDocument")
async def send_document(state: FakeTelegram, params: Params) -> Any:
    chat = state.chat_for_bot(params.raw("chat_id"))
    source = _input_file(state, params, "document")
    caption = _caption_content(params)
    if isinstance(source, UploadedFile):
        if not source.data:
            raise bad_request("file must be non-empty")
        if len(source.data) > MAX_DOCUMENT_BYTES:
            raise bad_request("file is too big")
        name = source.filename or "document"
        mime = source.content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
        if mime == "application/octet-stream":
            mime = mimetypes.guess_type(name)[0] or mime
        extension = name.rsplit(".", 1)[-1] if "." in name else "bin"
        stored_file = state.store_file(
            source.data, folder="documents", extension=extension, mime_type=mime, file_name=name
        )
    else:
        stored_file = source
    document = {
        "file_id": stored_file.file_id,
        "file_unique_id": stored_file.file_unique_id,
        "file_name": stored_file.file_name or stored_file.file_path.rsplit("/", 1)[-1],
        "mime_type": stored_file.mime_type,
        "file_size": len(stored_file.data),
    }
    return _send(state, chat, params, {"document": document, **caption}).data


@method("getFile")
async def get_file(state: FakeTelegram, params: Params) -> Any:
    stored_file = state.files.get(params.str_("file_id", default="") or "")
    if stored_file is None:
        raise bad_request("invalid file_id")
    return stored_file.to_api()


# ----- commands and menu -----------------------------------------------------------------------------


def _commands_key(params: Params) -> tuple[str, str]:
    scope = params.json_("scope") or {"type": "default"}
    if not isinstance(scope, dict) or "type" not in scope:
        raise bad_request("can't parse BotCommandScope JSON object")
    scope_key = ",".join(f"{key}={scope[key]}" for key in sorted(scope))
    return scope_key, params.str_("language_code", default="") or ""


@method("setMyCommands")
async def set_my_commands(state: FakeTelegram, params: Params) -> Any:
    commands = params.json_("commands")
    if not isinstance(commands, list) or len(commands) > 100:
        raise bad_request("can't parse commands JSON object")
    cleaned: list[Json] = []
    for item in commands:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand JSON object")
        name = str(item.get("command", "")).removeprefix("/")
        description = str(item.get("description", ""))
        if not _COMMAND_NAME.match(name):
            raise bad_request("BOT_COMMAND_INVALID")
        if not 1 <= len(description) <= 256:
            raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        cleaned.append({"command": name, "description": description})
    state.commands[_commands_key(params)] = cleaned
    return True


@method("getMyCommands")
async def get_my_commands(state: FakeTelegram, params: Params) -> Any:
    scope_key, language = _commands_key(params)
    return state.commands.get((scope_key, language), [])


@method("deleteMyCommands")
async def delete_my_commands(state: FakeTelegram, params: Params) -> Any:
    state.commands.pop(_commands_key(params), None)
    return True


async def _accept(state: FakeTelegram, params: Params) -> Any:
    return True


for _name in (
    "setChatMenuButton",
    "setMyDescription",
    "setMyShortDescription",
    "setMyName",
    "setMyDefaultAdministratorRights",
):
    method(_name)(_accept)


@method("getChatMenuButton")
async def get_chat_menu_button(state: FakeTelegram, params: Params) -> Any:
    return {"type": "commands"}


# ----- payments ------------------------------------------------------------------------------------


@method("sendInvoice")
async def send_invoice(state: FakeTelegram, params: Params) -> Any:
    chat = state.chat_for_bot(params.raw("chat_id"))
    title = params.str_("title", default="") or ""
    description = params.str_("description", default="") or ""
    payload = params.str_("payload", default="") or ""
    currency = (params.str_("currency", default="") or "").upper()
    provider_token = params.str_("provider_token", default="") or ""
    prices = params.json_("prices")
    if not 1 <= len(title) <= 32:
        raise bad_request("INVOICE_TITLE_INVALID" if title else "title is empty")
    if not 1 <= len(description) <= 255:
        raise bad_request("INVOICE_DESCRIPTION_INVALID" if description else "description is empty")
    if not 1 <= len(payload.encode()) <= 128:
        raise bad_request("INVOICE_PAYLOAD_INVALID")
    if not re.fullmatch(r"[A-Z]{3}", currency):
        raise bad_request("CURRENCY_INVALID")
    if not isinstance(prices, list) or not prices:
        raise bad_request("can't parse prices JSON object")
    amounts: list[int] = []
    for price in prices:
        if not isinstance(price, dict) or not isinstance(price.get("amount"), int) or not price.get("label"):
            raise bad_request("can't parse LabeledPrice JSON object")
        amounts.append(price["amount"])
    if currency == "XTR":
        if provider_token:
            raise bad_request("PAYMENT_PROVIDER_INVALID")
        if len(prices) != 1:
            raise bad_request("STARS_INVOICE_INVALID")
    elif not provider_token:
        raise bad_request("PAYMENT_PROVIDER_INVALID")
    total = sum(amounts)
    if total <= 0:
        raise bad_request("CURRENCY_TOTAL_AMOUNT_INVALID")
    invoice = {
        "title": title,
        "description": description,
        "start_parameter": params.str_("start_parameter", default="") or "",
        "currency": currency,
        "total_amount": total,
    }
    return _send(state, chat, params, {"invoice": invoice}, invoice_payload=payload).data


@method("answerPreCheckoutQuery")
async def answer_pre_checkout_query(state: FakeTelegram, params: Params) -> Any:
    ok = params.bool_("ok")
    error_message = params.str_("error_message")
    if not ok and not error_message:
        raise bad_request("ERROR_MESSAGE_EMPTY")
    state.answer_pre_checkout(params.str_("pre_checkout_query_id", default="") or "", ok, error_message)
    return True


@method("refundStarPayment")
async def refund_star_payment(state: FakeTelegram, params: Params) -> Any:
    user_id = params.int_("user_id", required=True) or 0
    charge_id = params.str_("telegram_payment_charge_id", default="") or ""
    state.refund(user_id, charge_id)
    return True
