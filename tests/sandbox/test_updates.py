"""getUpdates semantics (offsets, long polling, conflicts) and a real PTB Application in polling mode."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Conflict
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from fakes.telegram import FakeTelegramServer


async def test_offset_confirms_updates(server: FakeTelegramServer, bot: Bot) -> None:
    user = server.user(7)
    for text in ("/start", "one", "two"):
        await user.send(text)
    first = await bot.get_updates()
    assert [u.message.text for u in first] == ["/start", "one", "two"]
    assert first[0].message.entities[0].type == "bot_command"
    assert [u.update_id for u in first] == sorted(u.update_id for u in first)
    again = await bot.get_updates()  # not confirmed yet: the same updates come back
    assert [u.update_id for u in again] == [u.update_id for u in first]
    rest = await bot.get_updates(offset=first[1].update_id + 1)
    assert [u.message.text for u in rest] == ["two"]
    assert await bot.get_updates(offset=rest[-1].update_id + 1) == ()
    limited = await bot.get_updates(limit=1)
    assert limited == ()


async def test_long_poll_returns_when_an_update_arrives(server: FakeTelegramServer, bot: Bot) -> None:
    user = server.user(8)

    async def later() -> None:
        await asyncio.sleep(0.3)
        await user.send("ping")

    sender = asyncio.create_task(later())
    started = time.monotonic()
    updates = await bot.get_updates(timeout=5, read_timeout=10)
    elapsed = time.monotonic() - started
    await sender
    assert [u.message.text for u in updates] == ["ping"]
    assert 0.25 < elapsed < 2.0
    started = time.monotonic()
    assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0.5) == ()
    assert time.monotonic() - started >= 0.45


async def test_second_poller_terminates_the_first(server: FakeTelegramServer, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5, read_timeout=10))
    await asyncio.sleep(0.2)
    async with Bot(server.token, base_url=server.base_url) as other_instance:
        second = asyncio.create_task(other_instance.get_updates(timeout=0.3))
        with pytest.raises(Conflict, match="terminated by other getUpdates request"):
            await first
        assert await second == ()


async def test_get_updates_conflicts_with_webhook(bot: Bot) -> None:
    await bot.set_webhook("http://127.0.0.1:9/hook")
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    assert await bot.get_updates() == ()


async def test_resend_redelivers_a_confirmed_update(server: FakeTelegramServer, bot: Bot) -> None:
    await server.user(9).send("once")
    (update,) = await bot.get_updates()
    assert await bot.get_updates(offset=update.update_id + 1) == ()
    await server.resend(update.update_id)
    (again,) = await bot.get_updates(offset=update.update_id + 1)
    assert again.update_id == update.update_id and again.message.text == "once"
    assert await bot.get_updates(offset=update.update_id + 1) == ()


async def test_ptb_application_conversation_in_polling_mode(server: FakeTelegramServer) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Help", callback_data="help")]])
        await context.bot.send_message(
            update.effective_chat.id, "<b>Menu</b>", parse_mode="HTML", reply_markup=keyboard
        )

    async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("Opening help")
        await query.edit_message_text("Help text")

    application = (
        Application.builder()
        .token(server.token)
        .base_url(server.base_url)
        .base_file_url(server.base_file_url)
        .build()
    )
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(on_button))
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=1)
        try:
            user = server.user(10, language_code="en")
            await user.send("/start")
            menu = await user.wait_for(lambda m: m.button_texts == ["Help"])
            assert menu.text == "Menu" and menu["entities"][0]["type"] == "bold"
            await user.press("Help")
            edited = await user.wait_for(lambda m: m.edited)
            assert edited.message_id == menu.message_id and edited.text == "Help text"
            assert edited.buttons == []
            answers = await user.callback_answers()
            assert answers[0]["text"] == "Opening help"
        finally:
            await application.updater.stop()
            await application.stop()
