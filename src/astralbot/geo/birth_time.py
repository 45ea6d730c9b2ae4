"""Local birth date and time at a place → the UTC instant, from the full tz history.

Rules, in the order they apply:
- **Local mean time.** Before a place adopted standard time, clocks showed local mean time, which
  depends on the longitude. The tz database then reports the mean time of the zone's reference
  city (named "LMT", or e.g. "MMT" for Moscow until 1919); we recognize those periods by an offset
  that is not a whole number of minutes and use the mean time of the **birth longitude**
  instead: offset = longitude / 15 hours, plus any summer time the zone applied on top
  (Moscow 1917–1919). Where a city's mean time was a national legal time (Paris until 1911, Dublin
  until 1916) this differs from the legal clock by the longitude difference from that city.
- **Gap** (spring forward: the wall time never existed): read with the offset in force *before*
  the change (PEP 495 fold=0), so 02:30 during a 02:00→03:00 jump is the instant that clocks
  showed as 03:30 after the change. Kind "gap".
- **Ambiguous** (fall back: the wall time happened twice): the first occurrence (fold=0, the
  earlier instant, still on summer time). Kind "ambiguous".
- Otherwise kind "standard".

Fixed offsets are accepted too: "UTC", "Etc/GMT-3", "+03:00", "UTC+3", "GMT-05:30".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from astralbot.geo.birth_input import BirthInputError

TimeKind = Literal["standard", "lmt", "gap", "ambiguous"]

_FIXED_OFFSET = re.compile(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?", re.IGNORECASE)
_SECONDS_PER_DEGREE = 240  # 24 h / 360°


@dataclass(frozen=True, slots=True)
class TimeResolution:
    utc: datetime  # aware, UTC
    utc_offset: timedelta  # local − UTC as used for this birth
    timezone: str  # the zone name given (or the normalized fixed offset)
    kind: TimeKind


def resolve_local_time(local: datetime, tz: str, lon: float) -> TimeResolution:
    """The UTC instant of a naive local wall time `local` in zone `tz` at longitude `lon`."""
    if local.tzinfo is not None:
        raise ValueError("resolve_local_time expects a naive local datetime")
    name, zone = _zone(tz)
    first = local.replace(tzinfo=zone, fold=0)
    offset = first.utcoffset()
    assert offset is not None  # zoneinfo and fixed offsets always give one
    if _is_mean_time(offset):
        summer = first.dst() or timedelta(0)
        lmt = timedelta(seconds=round(lon * _SECONDS_PER_DEGREE)) + summer
        return TimeResolution(_to_utc(local, lmt), lmt, name, "lmt")
    second_offset = local.replace(tzinfo=zone, fold=1).utcoffset()
    kind: TimeKind = "standard"
    if second_offset != offset:
        # Both folds differ: the wall time was skipped or repeated. A skipped one does not
        # survive the round trip through UTC.
        round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
        kind = "gap" if round_trip != local else "ambiguous"
    return TimeResolution(_to_utc(local, offset), offset, name, kind)


def is_known_timezone(tz: str) -> bool:
    try:
        _zone(tz)
    except BirthInputError:
        return False
    return True


def _to_utc(local: datetime, offset: timedelta) -> datetime:
    return (local - offset).replace(tzinfo=UTC)


def _is_mean_time(offset: timedelta) -> bool:
    return offset.total_seconds() % 60 != 0


@cache
def _zone(tz: str) -> tuple[str, tzinfo]:
    text = tz.strip()
    if m := _FIXED_OFFSET.fullmatch(text):
        sign, hours, minutes = m.groups()
        delta = timedelta(hours=int(hours), minutes=int(minutes or 0))
        if delta > timedelta(hours=14) or int(minutes or 0) > 59:
            raise BirthInputError("timezone_unknown", tz=tz)
        delta = -delta if sign == "-" else delta
        total = int(delta.total_seconds()) // 60
        label = f"UTC{'+' if total >= 0 else '-'}{abs(total) // 60:02d}:{abs(total) % 60:02d}"
        return label, timezone(delta)
    try:
        return text, ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise BirthInputError("timezone_unknown", tz=tz) from None
