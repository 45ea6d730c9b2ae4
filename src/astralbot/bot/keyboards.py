"""Inline keyboards. Callback data stays short and well under Telegram's 64-byte limit."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from astralbot.i18n import Translator
from astralbot.services.profiles import PlaceChoice

# Callback data vocabulary, shared by keyboards and handler patterns.
MENU = "m"
PROFILE = "p"
CHART = "c"
HELP = "h"
ABOUT = "a"
CANCEL = "x"
FULL_READING = "buy"
TIME_UNKNOWN = "tu"
EDIT_PREFIX = "e:"  # e:name, e:date, e:time, e:place
PLACE_PREFIX = "pl:"  # pl:<geoname id>
LANG_PREFIX = "l:"  # l:ru, l:en
PAY_STARS = "pay:xtr"
PAY_CARD = "pay:rub"
MY_CHARTS = "mc"
DOWNLOAD_PREFIX = "dl:"  # dl:<chart uuid>, 39 bytes


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def main_menu(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button(t("btn-profile"), PROFILE), _button(t("btn-chart"), CHART)],
            [_button(t("btn-help"), HELP), _button(t("btn-about"), ABOUT)],
        ]
    )


def back_to_menu(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(t("btn-menu"), MENU)]])


def profile(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(t("btn-edit-name"), EDIT_PREFIX + "name"),
                _button(t("btn-edit-date"), EDIT_PREFIX + "date"),
            ],
            [
                _button(t("btn-edit-time"), EDIT_PREFIX + "time"),
                _button(t("btn-edit-place"), EDIT_PREFIX + "place"),
            ],
            [_button(t("btn-chart"), CHART)],
            [_button(t("btn-menu"), MENU)],
        ]
    )


def editing(t: Translator, field: str) -> InlineKeyboardMarkup:
    rows = []
    if field == "time":
        rows.append([_button(t("btn-time-unknown"), TIME_UNKNOWN)])
    rows.append([_button(t("btn-cancel"), CANCEL)])
    return InlineKeyboardMarkup(rows)


def place_choices(t: Translator, choices: Sequence[PlaceChoice], locale: str) -> InlineKeyboardMarkup:
    rows = [[_button(c.label(locale)[:60], f"{PLACE_PREFIX}{c.geoname_id}")] for c in choices]
    rows.append([_button(t("btn-cancel"), CANCEL)])
    return InlineKeyboardMarkup(rows)


def after_chart(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[_button(t("btn-full-reading"), FULL_READING)], [_button(t("btn-menu"), MENU)]]
    )


def languages(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [_button("Русский", LANG_PREFIX + "ru"), _button("English", LANG_PREFIX + "en")],
            [_button(t("btn-menu"), MENU)],
        ]
    )
