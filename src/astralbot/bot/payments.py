"""Buying the full reading: the offer, Stars invoices, pre-checkout, successful payment, YooKassa links,
and free re-downloads from "My charts"."""

from __future__ import annotations

import uuid

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode

from astralbot.bot import keyboards
from astralbot.bot.context import AstralContext, t_for, tg_user
from astralbot.bot.replies import ask_missing, show
from astralbot.telegram_limits import CAPTION_LIMIT, split_text


async def offer(update: Update, context: AstralContext) -> None:
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    payments = context.services.payments
    orders = payments.orders
    rows = [
        [
            InlineKeyboardButton(
                t("btn-pay-stars", price=orders.price_stars), callback_data=keyboards.PAY_STARS
            )
        ]
    ]
    if payments.yookassa_enabled:
        rub = orders.price_kopecks // 100
        rows.append([InlineKeyboardButton(t("btn-pay-card", price=rub), callback_data=keyboards.PAY_CARD)])
    rows.append([InlineKeyboardButton(t("btn-my-charts"), callback_data=keyboards.MY_CHARTS)])
    rows.append([InlineKeyboardButton(t("btn-menu"), callback_data=keyboards.MENU)])
    await show(update, t("full-offer"), InlineKeyboardMarkup(rows))


async def pay_stars(update: Update, context: AstralContext) -> None:
    new = await context.services.payments.start_stars(update.update_id, tg_user(update))
    if new.kind == "incomplete":
        await ask_missing(update, t_for(new.profile.locale), new.profile.missing)


async def pay_card(update: Update, context: AstralContext) -> None:
    start = await context.services.payments.start_yookassa(update.update_id, tg_user(update))
    t = t_for(start.order.profile.locale)
    if start.kind == "incomplete":
        await ask_missing(update, t, start.order.profile.missing)
    elif start.kind == "unavailable" or start.url is None:
        await show(update, t("pay-card-unavailable"), keyboards.back_to_menu(t))
    else:
        markup = InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(t("btn-pay-link"), url=start.url)],
                [InlineKeyboardButton(t("btn-menu"), callback_data=keyboards.MENU)],
            ]
        )
        await show(update, t("pay-card-link"), markup)


async def pre_checkout(update: Update, context: AstralContext) -> None:
    query = update.pre_checkout_query
    assert query is not None
    problem = await context.services.payments.pre_checkout(
        update.update_id, query.from_user.id, query.invoice_payload, query.total_amount, query.currency
    )
    if problem is None:
        await query.answer(ok=True)
    else:
        profile = await context.services.profiles.get(query.from_user.id)
        t = t_for(profile.locale if profile else context.services.default_locale)
        await query.answer(ok=False, error_message=t(problem))


async def successful_payment(update: Update, context: AstralContext) -> None:
    message = update.effective_message
    assert message is not None and message.successful_payment is not None
    paid = message.successful_payment
    await context.services.payments.stars_paid(
        update.update_id,
        paid.invoice_payload,
        paid.telegram_payment_charge_id,
        paid.total_amount,
        paid.currency,
    )
    # The delivery worker sends "payment received" and the progress from here on.


async def my_charts(update: Update, context: AstralContext) -> None:
    user = tg_user(update)
    profile = await context.services.profiles.view(update.update_id, user)
    t = t_for(profile.locale)
    charts = await context.services.payments.paid_charts(user.id)
    if not charts:
        await show(update, t("my-charts-empty"), keyboards.back_to_menu(t))
        return
    rows = [
        [InlineKeyboardButton(label[:60], callback_data=f"{keyboards.DOWNLOAD_PREFIX}{chart_id}")]
        for chart_id, label in charts[:10]
    ]
    rows.append([InlineKeyboardButton(t("btn-menu"), callback_data=keyboards.MENU)])
    await show(update, t("my-charts-title"), InlineKeyboardMarkup(rows))


async def download(update: Update, context: AstralContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    user = tg_user(update)
    profile = await context.services.profiles.view(update.update_id, user)
    t = t_for(profile.locale)
    try:
        chart_id = uuid.UUID(query.data.removeprefix(keyboards.DOWNLOAD_PREFIX))
    except ValueError:
        chart_id = None
    stored = await context.services.payments.stored_chart(user.id, chart_id) if chart_id else None
    chat = update.effective_chat
    if stored is None or chat is None:
        await show(update, t("my-charts-missing"), keyboards.back_to_menu(t))
        return
    if stored.png:
        await chat.send_photo(
            stored.png, caption=t("full-caption")[:CAPTION_LIMIT], parse_mode=ParseMode.HTML
        )
    for part in split_text(stored.reading_html):
        await chat.send_message(part, parse_mode=ParseMode.HTML)
    if stored.pdf:
        await chat.send_document(stored.pdf, filename=t("full-pdf-filename"), caption=t("full-pdf-caption"))
