"""Parsing what a person types as a birth date, time and coordinates. Pure: no i18n here.

Errors carry a code and parameters; the edge (CLI, bot, web) renders the message
`error-<code>` from the locale catalogs (see `locales/*/geo.ftl`).
"""

from __future__ import annotations

import math
import re
from datetime import date, time
from typing import Any

# The supported birth years. Moshier's ephemeris reaches much further, but the time-zone history
# and the readings make sense only for people alive in the modern era (and their near future).
MIN_YEAR = 1800
MAX_YEAR = 2399

_DAY_FIRST = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})")
_YEAR_FIRST = re.compile(r"(\d{4})[./-](\d{1,2})[./-](\d{1,2})")
_TIME = re.compile(r"(\d{1,2})[:.\-h ](\d{2})(?:[:.](\d{2}))?|(\d{2})(\d{2})")
_UNKNOWN_TIME = frozenset(
    {
        "?",
        "??",
        "-",
        "—",
        "не знаю",
        "незнаю",
        "неизвестно",
        "нет",
        "unknown",
        "dont know",
        "don't know",
        "idk",
    }
)


class BirthInputError(ValueError):
    """Bad birth input. `code` is stable ("date_format", "year_range"...); `params` fill the text."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    @property
    def message_key(self) -> str:
        return f"error-{self.code}"

    def __str__(self) -> str:
        return f"{self.code} {self.params}" if self.params else self.code


def parse_date(text: str) -> date:
    """`15.05.1990`, `15/05/1990`, `15-05-1990`, `1990-05-15` (also with one-digit day/month)."""
    raw = text.strip()
    if m := _DAY_FIRST.fullmatch(raw):
        day, month, year = (int(g) for g in m.groups())
    elif m := _YEAR_FIRST.fullmatch(raw):
        year, month, day = (int(g) for g in m.groups())
    else:
        raise BirthInputError("date_format", value=raw)
    check_year(year)
    try:
        return date(year, month, day)
    except ValueError:
        raise BirthInputError("date_impossible", value=raw) from None


def check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise BirthInputError("year_range", year=year, min=MIN_YEAR, max=MAX_YEAR)


def check_not_future(birth: date, today: date) -> None:
    """A birth date cannot be after `today` (the caller's clock: the domain reads none)."""
    if birth > today:
        raise BirthInputError("date_future", value=birth.isoformat())


def parse_time(text: str) -> time | None:
    """`14:30`, `14.30`, `1430`, `9:05`, `14:30:15`; "не знаю", "unknown", "?" → None (unknown)."""
    raw = text.strip()
    if " ".join(raw.casefold().replace("’", "'").split()) in _UNKNOWN_TIME:
        return None
    m = _TIME.fullmatch(raw)
    if not m:
        raise BirthInputError("time_format", value=raw)
    hour_s, minute_s, second_s, compact_h, compact_m = m.groups()
    hour = int(hour_s or compact_h)
    minute = int(minute_s or compact_m)
    second = int(second_s or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise BirthInputError("time_impossible", value=raw)
    return time(hour, minute, second)


def validate_coordinates(lat: float, lon: float) -> None:
    """Latitude in [-90, 90] and longitude in [-180, 180] degrees; never clamped."""
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise BirthInputError("lat_range", value=lat)
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise BirthInputError("lon_range", value=lon)
