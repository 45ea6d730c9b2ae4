"""Editing every profile field, with the invalid values and what the bot says about them."""

from __future__ import annotations

from .conftest import Stack
from .dialog import callback_data, contains, edit, has_button, has_button_prefix, press, reply_to, start


async def test_name_invalid_too_long_and_valid(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    # Telegram never delivers a blank message; the nearest thing is an invisible-only name.
    invisible = await edit(user, "name", "\u200b\u200b")
    assert "В имени есть недопустимые символы" in invisible.text
    assert "Как вас называть" in invisible.text, "the prompt is repeated after the error"
    assert callback_data(invisible) == ["x"]

    too_long = await reply_to(user, "Я" * 65)
    assert "Имя слишком длинное: не больше 64 символов" in too_long.text

    saved = await reply_to(user, "  Анна   <Мария>  ")
    assert "Сохранено: имя" in saved.text
    assert "Имя: Анна &lt;Мария&gt;" not in saved.text  # entities are parsed out by the fake
    assert "Имя: Анна <Мария>" in saved.text


async def test_birth_date_formats_and_errors(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    impossible = await edit(user, "date", "31.02.1990")
    assert "Такой даты не существует" in impossible.text
    assert "ДД.ММ.ГГГГ" in impossible.text  # what format is expected

    for value, message in (
        ("1990-13-45", "Такой даты не существует"),
        ("abc", "Не получилось распознать дату. Нужен формат ДД.ММ.ГГГГ"),
        ("15.05.1700", "Поддерживаются годы с 1800 по 2399"),
    ):
        answer = await reply_to(user, value)
        assert message in answer.text, (value, answer.text)
        assert callback_data(answer) == ["x"], "still editing the date"

    saved = await reply_to(user, "15.05.1990")
    assert "Сохранено: дата рождения" in saved.text
    assert "Дата рождения: 15.05.1990" in saved.text
    assert "Осталось указать: время рождения" in saved.text

    iso = await edit(user, "date", "1991-06-16")
    assert "Дата рождения: 16.06.1991" in iso.text


async def test_birth_time_formats_errors_and_unknown(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    prompt = await edit(user, "time", "25:00")
    assert "Такого времени не бывает: часы от 0 до 23" in prompt.text
    assert callback_data(prompt) == ["tu", "x"], "the I-don't-know button stays offered"
    wrong = await reply_to(user, "ab:cd")
    assert "Не получилось распознать время. Нужен формат ЧЧ:ММ" in wrong.text

    saved = await reply_to(user, "14:30")
    assert "Время рождения: 14:30" in saved.text

    typed = await edit(user, "time", "не знаю")
    assert "Время рождения: неизвестно" in typed.text
    english_word = await edit(user, "time", "unknown")
    assert "Время рождения: неизвестно" in english_word.text

    await edit(user, "time", "07:05")
    await user.send("/profile")
    await user.wait_for(has_button("e:time"))
    await press(user, "e:time", has_button("tu"))
    button = await press(user, "tu", contains("Сохранено: время рождения"))
    assert "Время рождения: неизвестно" in button.text
    assert button.edited


async def test_place_unknown_with_suggestion_then_valid(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    unknown = await edit(user, "place", "Кизань")
    assert "Не нашёл такое место. Возможно, вы имели в виду: Казань" in unknown.text
    nowhere = await reply_to(user, "Ыыыыхщщщ")
    assert "Не нашёл такое место. Проверьте написание" in nowhere.text
    short = await reply_to(user, "Ы")
    assert "от 2 до 100 символов" in short.text
    saved = await reply_to(user, "Новосибирск")
    assert "Место рождения: Новосибирск" in saved.text
    assert "Россия" in saved.text


async def test_ambiguous_place_offers_candidates(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    choose = await edit(user, "place", "Москва")
    assert "Нашлось несколько мест" in choose.text
    labels = [b["text"] for b in choose.buttons if b["callback_data"].startswith("pl:")]
    assert any("Россия" in label for label in labels), labels
    assert any("США" in label for label in labels), labels

    usa = next(b for b in choose.buttons if "США" in b["text"])
    await user.press_data(choose.message_id, usa["callback_data"])
    saved = await user.wait_for(contains("Сохранено: место рождения"))
    assert "Место рождения: Москва, Айдахо, США" in saved.text
    assert saved.message_id == choose.message_id, "the choice edits the list in place"


async def test_stale_place_button_after_cancel(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    choose = await edit(user, "place", "Moscow")
    russia = next(b for b in choose.buttons if "Россия" in b["text"])
    assert "Ввод отменён" in (await reply_to(user, "/cancel")).text

    query = await user.press_data(choose.message_id, russia["callback_data"])
    stale = await user.wait_for(has_button("x"))
    assert "Этот выбор уже неактуален. Напишите город ещё раз" in stale.text
    answers = await user.callback_answers()
    assert query["id"] in {a["callback_query_id"] for a in answers}
    card = await reply_to(user, "/profile")
    assert "Место рождения: —" in card.text, "a stale choice changes nothing"


async def test_stale_place_button_asks_for_the_city_again_and_takes_it(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    choose = await edit(user, "place", "Москва")
    await reply_to(user, "/cancel")
    russia = next(b for b in choose.buttons if "Россия" in b["text"])
    await user.press_data(choose.message_id, russia["callback_data"])
    stale = await user.wait_for(contains("Напишите город ещё раз"))
    assert has_button_prefix("x")(stale)
    # Right after "send the city again", the city is accepted without pressing Edit first.
    answer = await reply_to(user, "Новосибирск")
    assert "Место рождения: Новосибирск" in answer.text, answer.text
