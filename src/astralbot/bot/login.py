"""Logging in to the website: `/login` gives a one-time code; `/start login_<nonce>` (the site's
"Log in with Telegram" deep link) asks the user to confirm, then binds the browser's nonce to them."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import quote

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from astralbot.bot.context import AstralContext, t_for, tg_user
from astralbot.bot.replies import show
from astralbot.services.auth import AuthService

log = logging.getLogger("astralbot.bot.login")

LOGIN_KEY = "login"
START_PREFIX = "login_"
CONFIRM_PREFIX = "lg:"  # lg:<nonce>, 46 bytes: within Telegram's 64
CANCEL = "lgx"
START_PATTERN = rf"^/start(@\w+)? {START_PREFIX}[A-Za-z0-9_-]{{1,58}}$"


@dataclass(frozen=True, slots=True)
class LoginServices:
    auth: AuthService
    site_url: str  # PUBLIC_BASE_URL, without a trailing slash


def _login(context: AstralContext) -> LoginServices:
    services: LoginServices = context.bot_data[LOGIN_KEY]
    return services


async def login_command(update: Update, context: AstralContext) -> None:
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    login = _login(context)
    t = t_for(profile.locale)
    code = await login.auth.issue_code(profile.user_id)
    url = f"{login.site_url}/login?code={quote(code)}"
    chat = update.effective_chat
    assert chat is not None
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(t("login-open-site"), url=url)]])
    try:
        await chat.send_message(t("login-code", code=code), parse_mode=ParseMode.HTML, reply_markup=markup)
    except BadRequest as exc:
        # Telegram refuses URL buttons to some hosts (localhost, for one): the code alone still works.
        log.warning("login button refused (%s); sending the code without it", exc.message)
        text = t("login-code-no-button", code=code, url=f"{login.site_url}/login")
        await chat.send_message(text, parse_mode=ParseMode.HTML)


async def start_login(update: Update, context: AstralContext) -> None:
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    nonce = (context.args or [""])[0].removeprefix(START_PREFIX)
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("login-confirm"), callback_data=CONFIRM_PREFIX + nonce)],
            [InlineKeyboardButton(t("login-cancel"), callback_data=CANCEL)],
        ]
    )
    await show(update, t("login-confirm-ask"), markup)


async def confirm_login(update: Update, context: AstralContext) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    t = t_for(profile.locale)
    nonce = query.data.removeprefix(CONFIRM_PREFIX)
    confirmed = await _login(context).auth.confirm_nonce(nonce, profile.user_id)
    await show(update, t("login-confirmed") if confirmed else t("login-expired"))


async def cancel_login(update: Update, context: AstralContext) -> None:
    profile = await context.services.profiles.view(update.update_id, tg_user(update))
    await show(update, t_for(profile.locale)("login-cancelled"))
