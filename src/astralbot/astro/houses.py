"""House cusps and angles, with an explicit polar fallback.

Placidus and Koch divide the diurnal arcs of ecliptic points; above the polar circle some
points never rise or set, so those systems do not exist there. We then use Porphyry at the
TRUE latitude (never a clamped one) and say so with a `polar_fallback` warning. The decision
is made from the latitude first (|lat| > 90° − true obliquity of date), so the result does not
depend on how close to the circle Swiss Ephemeris starts to refuse; a `swe.Error` for a
latitude just inside the circle is handled the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import swisseph as swe

from astralbot.astro.ephemeris import true_obliquity
from astralbot.astro.model import Angles, ChartWarning, Houses

HOUSE_SYSTEM_CODES: dict[str, bytes] = {
    "placidus": b"P",
    "koch": b"K",
    "whole-sign": b"W",
    "equal": b"E",
    "porphyry": b"O",
}
_POLAR_IMPOSSIBLE = frozenset({"placidus", "koch"})
POLAR_FALLBACK = "porphyry"


@dataclass(frozen=True, slots=True)
class HouseFrame:
    houses: Houses
    angles: Angles
    asc_speed: float  # degrees per day; the angles sweep the zodiac about once a day
    mc_speed: float
    warning: ChartWarning | None


def polar_limit(jd_ut: float) -> float:
    """The latitude of the polar circles at this instant: 90° minus the true obliquity."""
    return 90.0 - true_obliquity(jd_ut)


def compute_houses(jd_ut: float, lat: float, lon: float, system: str) -> HouseFrame:
    if system not in HOUSE_SYSTEM_CODES:
        raise ValueError(f"unknown house system: {system!r}")
    used = system
    if system in _POLAR_IMPOSSIBLE and abs(lat) > polar_limit(jd_ut):
        used = POLAR_FALLBACK
    try:
        cusps, ascmc, _, ascmc_speed = swe.houses_ex2(jd_ut, lat, lon, HOUSE_SYSTEM_CODES[used])
    except swe.Error:
        if used not in _POLAR_IMPOSSIBLE:
            raise
        used = POLAR_FALLBACK
        cusps, ascmc, _, ascmc_speed = swe.houses_ex2(jd_ut, lat, lon, HOUSE_SYSTEM_CODES[used])
    warning = None
    if used != system:
        warning = ChartWarning("polar_fallback", {"requested": system, "used": used, "lat": lat})
    return HouseFrame(
        houses=Houses(system=used, cusps=tuple(c % 360.0 for c in cusps[:12])),
        angles=Angles(asc=ascmc[0] % 360.0, mc=ascmc[1] % 360.0),
        asc_speed=ascmc_speed[0],
        mc_speed=ascmc_speed[1],
        warning=warning,
    )


def house_of(longitude: float, cusps: tuple[float, ...]) -> int:
    """The house (1..12) whose cusp interval [cusp n, cusp n+1) contains the longitude.

    Intervals are measured forward along the zodiac, so the one that crosses 0° Aries works.
    """
    for n in range(12):
        start = cusps[n]
        width = (cusps[(n + 1) % 12] - start) % 360.0
        if (longitude - start) % 360.0 < width:
            return n + 1
    # Only reachable with degenerate cusps (all equal); the first house is the honest default.
    return 1
