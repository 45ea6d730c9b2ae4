"""The main menu, help, about, /cancel and /language, in every mode and on every database."""

from __future__ import annotations

import asyncio

from fakes.telegram import TelegramUser

from .conftest import Stack
from .dialog import callback_data, contains, edit, has_button, press, reply_to, start

MENU_DATA = ["p", "c", "h", "a"]


async def answered_ids(user: TelegramUser) -> set[str]:
    return {a["callback_query_id"] for a in await user.callback_answers()}


async def test_start_greets_in_russian_with_the_main_menu(stack: Stack) -> None:
    user = stack.user(language_code="ru", first_name="Анна")
    menu = await start(user)
    assert "Здравствуйте, Анна" in menu.text
    assert callback_data(menu) == MENU_DATA
    assert menu.button_texts == ["👤 Мой профиль", "🌌 Натальная карта", "❓ Помощь", "ℹ️ О боте"]


async def test_unknown_language_falls_back_to_russian(stack: Stack) -> None:
    user = stack.user(language_code="de", first_name="Jonas")
    menu = await start(user)
    assert "Здравствуйте, Jonas" in menu.text


async def test_start_in_english_for_language_code_en(stack: Stack) -> None:
    user = stack.user(language_code="en", first_name="Ann")
    menu = await start(user)
    assert "Hello, Ann" in menu.text
    assert menu.button_texts == ["👤 My profile", "🌌 Natal chart", "❓ Help", "ℹ️ About"]


async def test_help_about_and_back_edit_the_menu_in_place(stack: Stack) -> None:
    user = stack.user(language_code="en")
    menu = await start(user)

    for data, words in (
        ("h", "How it works"),
        ("m", "Main menu"),
        ("a", "Swiss Ephemeris"),
        ("m", "Main menu"),
    ):
        await user.press(data)
        view = await user.wait_for(contains(words))
        assert view.message_id == menu.message_id and view.edited, "the menu message is edited in place"
    # Only the /start answer exists: nothing was sent as a new message.
    assert [m.message_id for m in await user.bot_messages()] == [menu.message_id]


async def test_every_callback_query_is_answered(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    ids = []
    for data, until in (("h", has_button("m")), ("m", has_button("p")), ("p", has_button("e:date"))):
        query = await user.press_data((await user.last_message()).message_id, data)  # type: ignore[union-attr]
        ids.append(query["id"])
        await user.wait_for(until)
    for _ in range(50):
        if set(ids) <= await answered_ids(user):
            break
        await asyncio.sleep(0.1)
    assert set(ids) <= await answered_ids(user)
    calls = await stack.fake.calls("answerCallbackQuery")
    answered = {c["params"].get("callback_query_id") for c in calls if c.get("status", 200) in (200, None)}
    assert set(ids) <= answered


async def test_cancel_while_editing_and_with_nothing_to_cancel(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    nothing = await reply_to(user, "/cancel")
    assert "Отменять нечего" in nothing.text
    assert has_button("p")(nothing)

    await user.send("/profile")
    await user.wait_for(has_button("e:date"))
    await press(user, "e:date", contains("ДД.ММ.ГГГГ"))
    cancelled = await reply_to(user, "/cancel")
    assert "Ввод отменён" in cancelled.text
    # Not editing any more: a date now is not taken as the birth date.
    after = await reply_to(user, "15.05.1990")
    assert "откройте «Мой профиль»" in after.text
    card = await reply_to(user, "/profile")
    assert "Дата рождения: —" in card.text

    # The Cancel button does the same as /cancel, editing the prompt in place.
    await press(user, "e:time", contains("ЧЧ:ММ"))
    done = await press(user, "x", contains("Ввод отменён"))
    assert done.edited


async def test_language_switch_to_english(stack: Stack) -> None:
    user = stack.user(language_code="ru")
    await start(user)
    choose = await reply_to(user, "/language")
    assert "Choose your language" in choose.text
    switched = await press(user, "l:en", contains("Language switched to English"))
    assert switched.button_texts[:2] == ["👤 My profile", "🌌 Natal chart"]
    # The choice is stored: later answers are in English although Telegram says "ru".
    card = await reply_to(user, "/profile")
    assert "Birth date: —" in card.text
    prompt = await edit(user, "date", "31.02.1990")
    assert "That date does not exist" in prompt.text
    back = await reply_to(user, "/start")
    assert "Hello, Анна" in back.text
