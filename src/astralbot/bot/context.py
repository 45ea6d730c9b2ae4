"""What handlers get: typed access to the services, and the person behind an update."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from telegram import Update
from telegram.ext import CallbackContext, ExtBot

from astralbot.i18n import Translator, translator
from astralbot.services.charts import ChartService
from astralbot.services.payments import PaymentService
from astralbot.services.profiles import ProfileService, TelegramUserInfo

SERVICES_KEY = "services"


@dataclass(frozen=True, slots=True)
class Services:
    profiles: ProfileService
    charts: ChartService
    payments: PaymentService
    default_locale: str


class AstralContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """PTB context with the services container the composition root put in `bot_data`."""

    @property
    def services(self) -> Services:
        services: Services = self.bot_data[SERVICES_KEY]
        return services


def tg_user(update: Update) -> TelegramUserInfo:
    user = update.effective_user
    chat = update.effective_chat
    if user is None or chat is None:
        raise ValueError("update without a user or chat")
    return TelegramUserInfo(user.id, chat.id, user.first_name or "", user.language_code)


def t_for(locale: str) -> Translator:
    return translator(locale)
