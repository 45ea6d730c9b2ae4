"""The natal chart: positions, houses, angles and aspects for one birth moment.

Pure and synchronous, no I/O. Swiss Ephemeris keeps global C state and is not thread-safe:
run `compute_chart` in one thread per process (the service uses a process pool), after
`configure_ephemeris` has been called once in that process (Moshier is used until then).
"""

from __future__ import annotations

import math
from typing import Any

from astralbot.astro.aspects import Point, find_aspects
from astralbot.astro.ephemeris import MAX_YEAR, MIN_YEAR, body_positions, configure_ephemeris, julian_day_ut
from astralbot.astro.houses import HOUSE_SYSTEM_CODES, HouseFrame, compute_houses, house_of
from astralbot.astro.model import PLANETS, BirthMoment, BodyPosition, Chart, ChartWarning

__all__ = ["MAX_YEAR", "MIN_YEAR", "ChartInputError", "compute_chart", "configure_ephemeris"]

_PLANET_IDS = frozenset(PLANETS)
# With the time unknown the chart is cast for local noon, so the truth is within ±12 hours.
_UNKNOWN_TIME_SPAN_DAYS = 0.5


class ChartInputError(ValueError):
    """A birth moment the engine cannot chart, as a code plus parameters for the i18n edge.

    Codes: year_out_of_range {year, min, max}, latitude_out_of_range {lat},
    longitude_out_of_range {lon}, unknown_house_system {system}.
    """

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(f"{code}: {params}")
        self.code = code
        self.params = params


def _validate(moment: BirthMoment) -> None:
    if moment.utc.tzinfo is None:
        # A programming error, not user input: the caller must resolve the time zone first.
        raise ValueError("BirthMoment.utc must be timezone-aware")
    if not MIN_YEAR <= moment.utc.year <= MAX_YEAR:
        raise ChartInputError("year_out_of_range", year=moment.utc.year, min=MIN_YEAR, max=MAX_YEAR)
    if not (math.isfinite(moment.lat) and -90.0 <= moment.lat <= 90.0):
        raise ChartInputError("latitude_out_of_range", lat=moment.lat)
    if not (math.isfinite(moment.lon) and -180.0 <= moment.lon <= 180.0):
        raise ChartInputError("longitude_out_of_range", lon=moment.lon)
    if moment.house_system not in HOUSE_SYSTEM_CODES:
        raise ChartInputError("unknown_house_system", system=moment.house_system)


def moon_uncertainty_deg(moon_speed: float) -> float:
    """How far the Moon can move in ±12 hours at its actual speed, rounded up to 0.1°."""
    return math.ceil(abs(moon_speed) * _UNKNOWN_TIME_SPAN_DAYS * 10.0) / 10.0


def compute_chart(moment: BirthMoment) -> Chart:
    """Cast the chart of `moment`.

    With `moment.time_known` False the caller passes local noon (converted to UTC): bodies
    are computed, but houses, angles and body houses are None and a `time_unknown` warning
    gives the Moon's possible error. Above the polar circle Placidus/Koch fall back to
    Porphyry at the true latitude, with a `polar_fallback` warning.
    """
    _validate(moment)
    jd_ut = julian_day_ut(moment.utc)
    raw, ephemeris = body_positions(jd_ut)
    warnings: list[ChartWarning] = []

    frame: HouseFrame | None = None
    if moment.time_known:
        frame = compute_houses(jd_ut, moment.lat, moment.lon, moment.house_system)
        if frame.warning is not None:
            warnings.append(frame.warning)
    else:
        moon = next(r for r in raw if r.id == "moon")
        warnings.append(
            ChartWarning("time_unknown", {"moon_uncertainty_deg": moon_uncertainty_deg(moon.speed)})
        )

    cusps = frame.houses.cusps if frame is not None else None
    bodies = tuple(
        BodyPosition(
            id=r.id,
            longitude=r.longitude,
            latitude=r.latitude,
            speed=r.speed,
            house=house_of(r.longitude, cusps) if cusps is not None else None,
        )
        for r in raw
    )

    points = [Point(r.id, r.longitude, r.speed) for r in raw if r.id in _PLANET_IDS]
    if frame is not None:
        points.append(Point("asc", frame.angles.asc, frame.asc_speed))
        points.append(Point("mc", frame.angles.mc, frame.mc_speed))

    return Chart(
        moment=moment,
        bodies=bodies,
        angles=frame.angles if frame is not None else None,
        houses=frame.houses if frame is not None else None,
        aspects=find_aspects(points),
        ephemeris=ephemeris,
        warnings=tuple(warnings),
    )
