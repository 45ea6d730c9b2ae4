"""The error handler: a short apology to the user, a full traceback to the log, no personal data."""

from __future__ import annotations

import contextlib
import logging

from telegram import Update
from telegram.error import TelegramError

from astralbot.bot import keyboards
from astralbot.bot.context import AstralContext, t_for
from astralbot.i18n import normalize_locale
from astralbot.services.unit_of_work import DuplicateUpdate

log = logging.getLogger("astralbot.bot")


async def on_error(update: object, context: AstralContext) -> None:
    error = context.error
    if isinstance(error, DuplicateUpdate):
        log.info("update %s was already handled; ignored", error.update_id)
        return
    update_id = update.update_id if isinstance(update, Update) else None
    # Never log the update itself: it carries birth data. Its id is enough to correlate.
    notes = getattr(error, "__notes__", [])
    handler = next(
        (n.split("=", 1)[1] for n in notes if n.startswith("astral-handler=")), _handler_name(update)
    )
    log.error("handler %s failed on update %s", handler, update_id, exc_info=error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    t = t_for(await _locale(update, context))
    if update.callback_query is not None:
        # Usually answered already by the handler wrapper; Telegram refuses a second answer, and
        # that refusal must not stop the apology.
        with contextlib.suppress(TelegramError):
            await update.callback_query.answer()
    try:
        await update.effective_chat.send_message(t("error-apology"), reply_markup=keyboards.back_to_menu(t))
    except Exception:  # the apology itself failed (e.g. Telegram is down): the log already has it
        log.warning("could not send the apology for update %s", update_id, exc_info=True)


async def _locale(update: Update, context: AstralContext) -> str:
    """The language the user chose with /language if we can read it, else Telegram's."""
    user = update.effective_user
    fallback = normalize_locale(user.language_code if user else None, context.services.default_locale)
    if user is None:
        return fallback
    try:
        profile = await context.services.profiles.get(user.id)
    except Exception:  # the database may be why we are here
        return fallback
    return profile.locale if profile else fallback


def _handler_name(update: object) -> str:
    if isinstance(update, Update):
        if update.callback_query is not None:
            return f"callback:{(update.callback_query.data or '')[:12]}"
        if update.effective_message is not None and update.effective_message.text:
            text = update.effective_message.text
            return f"command:{text.split()[0][:24]}" if text.startswith("/") else "text"
    return "unknown"
