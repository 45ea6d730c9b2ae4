"""The user side: pressing buttons, callback answers, the transcript and live events."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest

from fakes.telegram import FakeTelegramServer, UserActionRejected


async def test_pressing_a_missing_button_is_rejected(server: FakeTelegramServer, bot: Bot) -> None:
    user = server.user(601)
    await user.send("/start")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Profile", callback_data="profile")]])
    menu = await bot.send_message(601, "Menu", reply_markup=keyboard)
    with pytest.raises(UserActionRejected) as caught:
        await user.press_data(menu.message_id, "chart")
    assert caught.value.status == 400
    with pytest.raises(UserActionRejected):
        await user.press_data(menu.message_id + 100, "profile")
    with pytest.raises(LookupError):
        await user.press("Nope")
    query = await user.press("Profile")
    assert query["data"] == "profile" and query["message"]["message_id"] == menu.message_id


async def test_callback_answers_expire_and_cannot_repeat(server: FakeTelegramServer, bot: Bot) -> None:
    server.state.callback_query_timeout = 0.3
    user = server.user(602)
    await user.send("/start")
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a")]])
    await bot.send_message(602, "Pick", reply_markup=keyboard)
    first = await user.press("A")
    assert await bot.answer_callback_query(first["id"], "Done", show_alert=True)
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query(first["id"])
    late = await user.press("A")
    await asyncio.sleep(0.35)
    with pytest.raises(BadRequest, match="(?i)query is too old"):
        await bot.answer_callback_query(late["id"])
    (answer,) = await user.callback_answers()
    assert answer["text"] == "Done" and answer["show_alert"] is True
    unanswered = [q for q in server.state.callback_queries.values() if not q.answered]
    assert [q.id for q in unanswered] == [late["id"]]


async def test_events_long_poll_sees_new_edited_and_deleted_messages(
    server: FakeTelegramServer, bot: Bot
) -> None:
    user = server.user(603)
    await user.send("/start")
    async with httpx.AsyncClient(base_url=server.url) as client:
        seq = (await client.get("/_user/603/messages")).json()["seq"]
        waiting = asyncio.create_task(client.get("/_user/603/events", params={"after": seq, "timeout": 5}))
        await asyncio.sleep(0.1)
        sent = await bot.send_message(603, "progress 1/3")
        events = (await waiting).json()["events"]
        assert [e["type"] for e in events] == ["message"]
        await bot.edit_message_text("progress 2/3", 603, sent.message_id)
        await bot.delete_message(603, sent.message_id)
        later = (await client.get("/_user/603/events", params={"after": events[-1]["seq"]})).json()["events"]
    assert [e["type"] for e in later] == ["edit", "delete"]
    assert later[0]["message"]["text"] == "progress 2/3"
    assert [m.text for m in await user.messages()] == ["/start"]
    with pytest.raises(BadRequest, match="(?i)message to delete not found"):
        await bot.delete_message(603, sent.message_id)


async def test_wait_for_only_sees_messages_after_the_last_action(
    server: FakeTelegramServer, bot: Bot
) -> None:
    user = server.user(604)
    await user.send("/start")
    await bot.send_message(604, "Welcome")
    assert (await user.wait_for(lambda m: "Welcome" in m.text)).text == "Welcome"
    await user.send("/help")
    with pytest.raises(TimeoutError):
        await user.wait_for(lambda m: "Welcome" in m.text, timeout=0.3)
