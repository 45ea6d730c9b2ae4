"""Telegram's limits and error descriptions, checked through python-telegram-bot and raw HTTP."""

from __future__ import annotations

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.constants import ParseMode
from telegram.error import BadRequest, InvalidToken

from fakes.telegram import FakeTelegramServer

from .conftest import png_bytes


@pytest.fixture
async def chat_id(server: FakeTelegramServer) -> int:
    await server.user(501).send("hi")
    return 501


async def test_unknown_chat_is_rejected(bot: Bot) -> None:
    with pytest.raises(BadRequest, match="(?i)chat not found"):
        await bot.send_message(999, "hello")


async def test_text_length_is_counted_after_entity_parsing(bot: Bot, chat_id: int) -> None:
    sent = await bot.send_message(chat_id, "<b>" + "я" * 4096 + "</b>", parse_mode=ParseMode.HTML)
    assert len(sent.text) == 4096
    assert sent.entities[0].type == "bold"
    with pytest.raises(BadRequest, match="(?i)message is too long"):
        await bot.send_message(chat_id, "x" * 4097)
    with pytest.raises(BadRequest, match="(?i)message text is empty"):
        await bot.send_message(chat_id, " \n <b></b> ", parse_mode=ParseMode.HTML)


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<b>bold</i>", 'Unmatched end tag at byte offset 7, expected "</b>", found "</i>"'),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<span>x</span>", 'Tag "span" must have class "tg-spoiler"'),
    ],
)
async def test_bad_html_is_rejected(bot: Bot, chat_id: int, html: str, reason: str) -> None:
    with pytest.raises(BadRequest) as caught:
        await bot.send_message(chat_id, html, parse_mode=ParseMode.HTML)
    assert "parse entities" in caught.value.message
    assert reason.lower() in caught.value.message.lower()


async def test_supported_html_becomes_entities(bot: Bot, chat_id: int) -> None:
    html = (
        'Hi <i>there</i> &lt;3 <a href="https://example.org">link</a> '
        '<tg-spoiler>s</tg-spoiler> <pre><code class="language-python">x = 1</code></pre>'
    )
    sent = await bot.send_message(chat_id, html, parse_mode=ParseMode.HTML)
    assert sent.text == "Hi there <3 link s x = 1"
    kinds = [(e.type, e.offset, e.length) for e in sent.entities]
    assert kinds == [("italic", 3, 5), ("text_link", 12, 4), ("spoiler", 17, 1), ("pre", 19, 5)]
    assert sent.entities[-1].language == "python"


async def test_callback_data_is_limited_to_64_bytes(bot: Bot, chat_id: int) -> None:
    ok = InlineKeyboardMarkup([[InlineKeyboardButton("ok", callback_data="d" * 64)]])
    assert (await bot.send_message(chat_id, "fits", reply_markup=ok)).reply_markup == ok
    # 33 Cyrillic letters are 33 characters but 66 bytes: the limit is in bytes.
    too_long = InlineKeyboardMarkup([[InlineKeyboardButton("no", callback_data="ж" * 33)]])
    with pytest.raises(BadRequest, match="(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(chat_id, "too long", reply_markup=too_long)


async def test_caption_limit(bot: Bot, chat_id: int) -> None:
    with pytest.raises(BadRequest, match="(?i)message caption is too long"):
        await bot.send_photo(chat_id, png_bytes(), caption="c" * 1025)


async def test_edits(bot: Bot, chat_id: int, server: FakeTelegramServer) -> None:
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Back", callback_data="menu")]])
    sent = await bot.send_message(chat_id, "<b>Step 1</b>", parse_mode=ParseMode.HTML, reply_markup=keyboard)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_text(
            "<b>Step 1</b>", chat_id, sent.message_id, parse_mode=ParseMode.HTML, reply_markup=keyboard
        )
    edited = await bot.edit_message_text("Step 2", chat_id, sent.message_id)
    assert edited.text == "Step 2"
    assert edited.reply_markup is None  # like Telegram: no reply_markup in the edit removes the keyboard
    with pytest.raises(BadRequest, match="(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id, 9999)
    with pytest.raises(BadRequest, match="(?i)message is not modified"):
        await bot.edit_message_reply_markup(chat_id, sent.message_id, reply_markup=None)
    seen = await server.user(chat_id).last_message()
    assert seen is not None and seen.text == "Step 2" and seen.edited


async def test_photo_upload_is_a_real_image(bot: Bot, chat_id: int, server: FakeTelegramServer) -> None:
    image = png_bytes(120, 80)
    sent = await bot.send_photo(chat_id, image, caption="<i>wheel</i>", parse_mode=ParseMode.HTML)
    assert (sent.photo[-1].width, sent.photo[-1].height) == (120, 80)
    assert sent.caption == "wheel"
    file = await bot.get_file(sent.photo[-1].file_id)
    assert bytes(await file.download_as_bytearray()) == image
    resent = await bot.send_photo(chat_id, sent.photo[-1].file_id)
    assert resent.photo[-1].file_id == sent.photo[-1].file_id
    user = server.user(chat_id)
    assert await user.download((await user.bot_messages())[-1]) == image
    with pytest.raises(BadRequest, match="(?i)IMAGE_PROCESS_FAILED"):
        await bot.send_photo(chat_id, b"\x89PNG\r\n\x1a\n not really a png")


async def test_document_upload(bot: Bot, chat_id: int, server: FakeTelegramServer) -> None:
    sent = await bot.send_document(chat_id, b"%PDF-1.4 fake", filename="reading.pdf", caption="PDF")
    assert sent.document.file_name == "reading.pdf"
    assert sent.document.mime_type == "application/pdf"
    user = server.user(chat_id)
    assert await user.download((await user.bot_messages())[-1]) == b"%PDF-1.4 fake"


async def test_token_and_method_errors(server: FakeTelegramServer) -> None:
    async with httpx.AsyncClient() as client:
        wrong = await client.post(f"{server.base_url}1:wrong/getMe")
        assert wrong.status_code == 401
        assert wrong.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}
        unknown = await client.post(f"{server.method_url}sendTelepathy")
        assert unknown.status_code == 404
        assert unknown.json()["description"] == "Not Found"
        # JSON bodies and query strings are accepted as well as forms.
        me = await client.get(f"{server.method_url}getMe")
        assert me.json()["result"]["is_bot"] is True
    with pytest.raises(InvalidToken):
        async with Bot("1:wrong", base_url=server.base_url):
            pass


async def test_raw_json_body_and_commands(server: FakeTelegramServer, chat_id: int) -> None:
    async with httpx.AsyncClient() as client:
        sent = await client.post(
            f"{server.method_url}sendMessage",
            json={
                "chat_id": chat_id,
                "text": "hi",
                "reply_markup": {"inline_keyboard": [[{"text": "Site", "url": "https://example.org"}]]},
            },
        )
        assert sent.json()["ok"] is True
        bad_cmd = await client.post(
            f"{server.method_url}setMyCommands",
            json={"commands": [{"command": "Start!", "description": "x"}]},
        )
        assert bad_cmd.json()["description"] == "Bad Request: BOT_COMMAND_INVALID"
        commands = [{"command": "start", "description": "Начать"}]
        await client.post(
            f"{server.method_url}setMyCommands", json={"commands": commands, "language_code": "ru"}
        )
        got = await client.post(f"{server.method_url}getMyCommands", data={"language_code": "ru"})
        assert got.json()["result"] == commands
