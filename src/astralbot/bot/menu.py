"""Start, the main menu, help, about, language and cancel."""

from __future__ import annotations

import html
from collections.abc import Callable

from telegram import InlineKeyboardMarkup, Update

from astralbot.bot import keyboards
from astralbot.bot.context import AstralContext, t_for, tg_user
from astralbot.bot.replies import show
from astralbot.i18n import Translator


async def start(update: Update, context: AstralContext) -> None:
    profile = await context.services.profiles.start(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    name = html.escape(profile.display_name or profile.first_name)
    await show(update, t("start-greeting", name=name), keyboards.main_menu(t))


async def _page(
    update: Update, context: AstralContext, key: str, markup: Callable[[Translator], InlineKeyboardMarkup]
) -> None:
    """A fixed page of text with its keyboard, in the user's language."""
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    await show(update, t(key), markup(t))


async def menu(update: Update, context: AstralContext) -> None:
    await _page(update, context, "menu-title", keyboards.main_menu)


async def help_(update: Update, context: AstralContext) -> None:
    await _page(update, context, "help-text", keyboards.back_to_menu)


async def about(update: Update, context: AstralContext) -> None:
    await _page(update, context, "about-text", keyboards.back_to_menu)


async def language(update: Update, context: AstralContext) -> None:
    await _page(update, context, "language-choose", keyboards.languages)


async def set_language(update: Update, context: AstralContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    locale = query.data.removeprefix(keyboards.LANG_PREFIX)
    profile = await context.services.profiles.set_language(update.update_id, tg_user(update), locale)
    t = t_for(profile.locale)
    await show(update, t("language-set") + "\n\n" + t("menu-title"), keyboards.main_menu(t))


async def cancel(update: Update, context: AstralContext) -> None:
    profile, was_editing = await context.services.profiles.cancel(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    text = t("cancel-done") if was_editing else t("cancel-nothing")
    await show(update, text, keyboards.main_menu(t))
