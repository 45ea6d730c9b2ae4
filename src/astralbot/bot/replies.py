"""Rendering replies: profile cards and field prompts from i18n texts, and sending/editing safely."""

from __future__ import annotations

import html

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from astralbot.bot import keyboards
from astralbot.i18n import Translator
from astralbot.services.profiles import ProfileView


def profile_card(t: Translator, p: ProfileView) -> str:
    unknown = t("profile-empty")
    if p.birth_time_known is False:
        time_text = t("profile-time-unknown")
    elif p.birth_time is not None:
        time_text = p.birth_time.strftime("%H:%M")
    else:
        time_text = unknown
    return t(
        "profile-card",
        name=html.escape(p.display_name or p.first_name or "") or unknown,
        date=p.birth_date.strftime("%d.%m.%Y") if p.birth_date else unknown,
        time=time_text,
        place=html.escape(p.place_label) if p.place_label else unknown,
    )


async def show(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> Message | None:
    """Edit the message a button belongs to, or send a new one for commands and texts."""
    query = update.callback_query
    if query is not None and query.message is not None and getattr(query.message, "text", None):
        try:
            edited = await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
            return edited if isinstance(edited, Message) else None
        except BadRequest as exc:
            # Pressing the same button twice asks for the same text: nothing to change.
            if "not modified" in str(exc).lower():
                return None
            raise
    chat = update.effective_chat
    if chat is None:
        return None
    return await chat.send_message(text, parse_mode=ParseMode.HTML, reply_markup=markup)


async def ask_missing(update: Update, t: Translator, missing: tuple[str, ...]) -> None:
    """The profile lacks what a chart needs: name the missing fields and ask for the first one."""
    fields = ", ".join(t(f"field-{f}") for f in missing)
    text = t("chart-missing", fields=html.escape(fields)) + "\n\n" + t(f"ask-{missing[0]}")
    await show(update, text, keyboards.editing(t, missing[0]))
