"""Registers the handlers and the command list; the one place that knows every route."""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import BotCommand, Update
from telegram.error import BadRequest
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    PreCheckoutQueryHandler,
    TypeHandler,
    filters,
)

from astralbot.bot import chart, keyboards, login, menu, payments, profile
from astralbot.bot.context import AstralContext
from astralbot.bot.errors import on_error
from astralbot.i18n import LOCALES, translator
from astralbot.metrics import Metrics, timed
from astralbot.services.unit_of_work import DuplicateUpdate

Handler = Callable[[Update, AstralContext], Coroutine[Any, Any, None]]
COMMANDS = ("start", "profile", "chart", "login", "language", "help", "about", "cancel")


def _wrap(name: str, fn: Handler, metrics: Metrics) -> Handler:
    """Answers the callback query first (the button stops spinning even if the work takes a while),
    times the handler, and tags a failure with the handler's name for the error log."""

    @functools.wraps(fn)
    async def wrapped(update: Update, context: AstralContext) -> None:
        if update.callback_query is not None:
            with contextlib.suppress(BadRequest):  # a re-sent update: answered the first time
                await update.callback_query.answer()
        with timed(metrics, name):
            try:
                await fn(update, context)
            except DuplicateUpdate:
                metrics.duplicates.inc()
            except Exception as exc:
                metrics.errors.labels(name).inc()
                exc.add_note(f"astral-handler={name}")
                raise

    return wrapped


def _count_update(metrics: Metrics) -> Handler:
    async def count(update: Update, _context: AstralContext) -> None:
        if update.callback_query is not None:
            kind = "callback_query"
        elif update.message is not None:
            kind = "command" if (update.message.text or "").startswith("/") else "message"
        else:
            kind = "other"
        metrics.updates.labels(kind).inc()

    return count


def register_handlers(app: Application, metrics: Metrics) -> None:
    def cmd(name: str, fn: Handler) -> CommandHandler:
        return CommandHandler(name, _wrap(f"/{name}", fn, metrics))

    def cb(pattern: str, name: str, fn: Handler) -> CallbackQueryHandler:
        return CallbackQueryHandler(_wrap(name, fn, metrics), pattern=pattern)

    app.add_handler(TypeHandler(Update, _count_update(metrics)), group=-1)
    app.add_handlers(
        [
            # The site's "Log in with Telegram" deep link, before the generic /start.
            CommandHandler(
                "start",
                _wrap("/start login", login.start_login, metrics),
                filters=filters.Regex(login.START_PATTERN),
            ),
            cmd("start", menu.start),
            cmd("login", login.login_command),
            cmd("menu", menu.menu),
            cmd("help", menu.help_),
            cmd("about", menu.about),
            cmd("language", menu.language),
            cmd("cancel", menu.cancel),
            cmd("profile", profile.show_profile),
            cmd("chart", chart.free_chart),
            cb(f"^{keyboards.MENU}$", "menu", menu.menu),
            cb(f"^{keyboards.HELP}$", "help", menu.help_),
            cb(f"^{keyboards.ABOUT}$", "about", menu.about),
            cb(f"^{keyboards.CANCEL}$", "cancel", menu.cancel),
            cb(f"^{keyboards.LANG_PREFIX}(ru|en)$", "language", menu.set_language),
            cb(f"^{keyboards.PROFILE}$", "profile", profile.show_profile),
            cb(f"^{keyboards.EDIT_PREFIX}", "edit", profile.edit_field),
            cb(f"^{keyboards.TIME_UNKNOWN}$", "time_unknown", profile.time_unknown),
            cb(f"^{keyboards.PLACE_PREFIX}", "place", profile.choose_place),
            cb(f"^{keyboards.CHART}$", "chart", chart.free_chart),
            cb(f"^{keyboards.FULL_READING}$", "full_reading", payments.offer),
            cb(f"^{keyboards.PAY_STARS}$", "pay_stars", payments.pay_stars),
            cb(f"^{keyboards.PAY_CARD}$", "pay_card", payments.pay_card),
            cb(f"^{keyboards.MY_CHARTS}$", "my_charts", payments.my_charts),
            cb(f"^{keyboards.DOWNLOAD_PREFIX}", "download", payments.download),
            PreCheckoutQueryHandler(_wrap("pre_checkout", payments.pre_checkout, metrics)),
            MessageHandler(
                filters.SUCCESSFUL_PAYMENT, _wrap("successful_payment", payments.successful_payment, metrics)
            ),
            cb(f"^{login.CONFIRM_PREFIX}", "login_confirm", login.confirm_login),
            cb(f"^{login.CANCEL}$", "login_cancel", login.cancel_login),
            # Unknown or stale buttons still get an answer and the menu.
            cb(".*", "stale_button", menu.menu),
            MessageHandler(filters.TEXT & ~filters.COMMAND, _wrap("text", profile.text_input, metrics)),
            MessageHandler(filters.COMMAND, _wrap("unknown_command", menu.menu, metrics)),
        ]
    )
    app.add_error_handler(on_error)


async def publish_commands(app: Application) -> None:
    """setMyCommands for each language, Russian as the default list."""
    for locale in LOCALES:
        t = translator(locale)
        commands = [BotCommand(c, t(f"cmd-{c}")) for c in COMMANDS]
        await app.bot.set_my_commands(commands, language_code=None if locale == "ru" else locale)
