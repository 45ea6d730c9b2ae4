"""Natal chart: the free wheel and short reading, or a request for the missing profile fields."""

from __future__ import annotations

import html

from telegram import Update
from telegram.constants import ChatAction, ParseMode

from astralbot.bot import keyboards
from astralbot.bot.context import AstralContext, t_for, tg_user
from astralbot.bot.replies import ask_missing
from astralbot.telegram_limits import CAPTION_LIMIT, split_text


async def free_chart(update: Update, context: AstralContext) -> None:
    chat = update.effective_chat
    assert chat is not None
    # The typing-like indicator while the chart is computed in a worker process.
    await chat.send_chat_action(ChatAction.UPLOAD_PHOTO)
    outcome = await context.services.charts.free_chart(update.update_id, tg_user(update))
    t = t_for(outcome.profile.locale)
    if outcome.kind == "incomplete":
        await ask_missing(update, t, outcome.missing)
        return
    assert outcome.chart is not None
    notes = [t(f"chart-note-{code}") for code in outcome.chart.warnings if t.has(f"chart-note-{code}")]
    body = "\n\n".join([*notes, outcome.chart.reading_html])
    caption = t("chart-caption", name=html.escape(outcome.profile.display_name or outcome.profile.first_name))
    await chat.send_photo(outcome.chart.png, caption=caption[:CAPTION_LIMIT], parse_mode=ParseMode.HTML)
    parts = split_text(body)
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        markup = keyboards.after_chart(t) if last else None
        await chat.send_message(part, parse_mode=ParseMode.HTML, reply_markup=markup)
