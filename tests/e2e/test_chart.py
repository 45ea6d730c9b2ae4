"""The natal chart: a PNG wheel plus the short reading, the unknown birth time, an incomplete profile,
and a handler failure answered politely."""

from __future__ import annotations

import io

from PIL import Image

from .conftest import Stack
from .dialog import callback_data, contains, edit, fill_profile, has_button, press, start

CHART_TIMEOUT = 60.0  # a busy 2-core machine: the first chart also warms the worker's caches


async def test_chart_is_a_png_photo_with_the_short_reading(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    await fill_profile(user, date="15.05.1990", time="14:30", place="Новосибирск")
    await press(user, "c", lambda view: bool(view.photo), timeout=CHART_TIMEOUT)
    photo = next(m for m in reversed(await user.bot_messages()) if m.photo)
    assert "Натальная карта — Анна" in photo.text

    png = await user.download(photo)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG"
        assert min(image.size) >= 1000, image.size

    reading = await user.wait_for(has_button("buy"), timeout=CHART_TIMEOUT)
    for word in ("Солнце", "Луна", "Асцендент"):
        assert word in reading.text, word
    assert "без домов" not in reading.text
    assert "📜 Полное толкование" in reading.button_texts
    chat_actions = [
        c
        for c in await stack.fake.calls("sendChatAction")
        if c["params"].get("chat_id") in (user.user_id, str(user.user_id))
    ]
    assert chat_actions, "the user sees 'sending a photo' while the chart is computed"


async def test_unknown_birth_time_chart_has_no_houses(stack: Stack) -> None:
    user = stack.user(language_code="en", first_name="Ann")
    await start(user)
    await fill_profile(user, date="1990-05-15", time="unknown", place="Novosibirsk")
    card = await edit(user, "name", "Ann Lee")
    assert "Birth time: unknown" in card.text
    assert "Birth place: Novosibirsk" in card.text

    await user.send("/chart")
    photo = await user.wait_for(lambda view: bool(view.photo), timeout=CHART_TIMEOUT)
    assert "Natal chart — Ann Lee" in photo.text
    reading = await user.wait_for(has_button("buy"), timeout=CHART_TIMEOUT)
    assert "Birth time unknown" in reading.text
    assert "without houses or Ascendant" in reading.text
    assert "Sun" in reading.text and "Moon" in reading.text


async def test_incomplete_profile_asks_for_what_is_missing(stack: Stack) -> None:
    user = stack.user()
    menu = await start(user)
    await user.press("c")
    ask = await user.wait_for(contains("Для карты не хватает данных"))
    assert "дата рождения, время рождения, место рождения" in ask.text
    assert "ДД.ММ.ГГГГ" in ask.text, "it asks for the first missing field right away"
    assert ask.message_id == menu.message_id
    # The next text fills that field.
    await user.send("15.05.1990")
    saved = await user.wait_for(contains("Сохранено: дата рождения"))
    assert "Осталось указать: время рождения" in saved.text

    await user.send("/chart")
    still = await user.wait_for(contains("Для карты не хватает данных"))
    assert "время рождения, место рождения" in still.text
    assert callback_data(still) == ["tu", "x"]


async def test_handler_failure_gets_an_apology_and_a_private_traceback(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    # Birth data used by no other test, so the log check below means something.
    await fill_profile(user, date="23.11.1987", time="06:47", place="Владивосток")
    await stack.fake.add_fault("sendPhoto", "500", count=1)
    query = await user.press_data((await user.last_message()).message_id, "c")  # type: ignore[union-attr]
    apology = await user.wait_for(contains("Простите, что-то пошло не так"), timeout=CHART_TIMEOUT)
    assert callback_data(apology) == ["m"], "a way back to the menu"
    answered = {a["callback_query_id"] for a in await user.callback_answers()}
    assert query["id"] in answered

    photo_calls = await stack.fake.calls("sendPhoto")
    failed = [c for c in photo_calls if c.get("status") == 500]
    assert failed, "the injected fault was hit"

    update_id = update_id_of_press(stack, query["id"])
    stack.service.expected_failures.add(update_id)
    log = stack.service.log_text()
    assert f"handler chart failed on update {update_id}" in log
    assert "Traceback" in log
    for personal in ("Владивосток", "Vladivostok", "23.11.1987", "1987-11-23", "06:47"):
        assert personal not in log, f"{personal!r} leaked into the log"

    # The service is fine afterwards: the same button now delivers the chart.
    await press(user, "m", has_button("c"))
    await press(user, "c", lambda view: bool(view.photo), timeout=CHART_TIMEOUT)


def update_id_of_press(stack: Stack, query_id: str) -> int:
    """The update that carried a callback query (the fake runs in this process; read its history)."""
    for update_id, update in stack.fake.state.history.items():
        if update.get("callback_query", {}).get("id") == query_id:
            return update_id
    raise LookupError(query_id)
