"""Conversation steps shared by the end-to-end tests. Buttons are pressed by callback_data, which does
not depend on the language: m menu, p profile, c chart, h help, a about, x cancel, tu time unknown,
e:<field> edit, pl:<id> place, l:<lang> language, buy full reading."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from fakes.telegram import TelegramUser, UserView

Predicate = Callable[[UserView], bool]


def callback_data(view: UserView) -> list[str]:
    return [str(b.get("callback_data")) for b in view.buttons if "callback_data" in b]


def has_button(data: str) -> Predicate:
    return lambda view: data in callback_data(view)


def has_button_prefix(prefix: str) -> Predicate:
    return lambda view: any(d.startswith(prefix) for d in callback_data(view))


def contains(*fragments: str) -> Predicate:
    return lambda view: all(fragment in view.text for fragment in fragments)


async def start(user: TelegramUser) -> UserView:
    await user.send("/start")
    return await user.wait_for(has_button("p"))


async def press(
    user: TelegramUser, data: str, until: Predicate | None = None, timeout: float = 10.0
) -> UserView:
    await user.press(data)
    return await user.wait_for(until, timeout=timeout)


async def reply_to(user: TelegramUser, text: str, timeout: float = 10.0) -> UserView:
    """Send a text and return the bot's next message."""
    await user.send(text)
    return await user.wait_for(timeout=timeout)


async def edit(user: TelegramUser, field: str, value: str) -> UserView:
    """Open the profile, press the field's edit button, send the value; the bot's answer."""
    await user.send("/profile")
    await user.wait_for(has_button(f"e:{field}"))
    await press(user, f"e:{field}", has_button("x"))
    return await reply_to(user, value)


async def fill_profile(
    user: TelegramUser, *, date: str = "15.05.1990", time: str = "14:30", place: str = "Новосибирск"
) -> UserView:
    """Fill date, time and an unambiguous place; returns the final profile card."""
    for field, value in (("date", date), ("time", time), ("place", place)):
        answer = await edit(user, field, value)
        assert has_button("e:date")(answer), f"{field}={value!r} was not saved: {answer.text}"
    return answer


async def quiet_for(user: TelegramUser, seconds: float) -> list[UserView]:
    """Bot messages that appear or change within `seconds` from now (a test expects none)."""
    before = {m.message_id: m.raw for m in await user.bot_messages()}
    await asyncio.sleep(seconds)
    return [m for m in await user.bot_messages() if before.get(m.message_id) != m.raw]
