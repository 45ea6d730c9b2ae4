"""From birth data as people give it (local date and time, a place) to a computed chart.

Pure and synchronous: it joins the geo layer (local time → UTC instant) and the astro engine,
and defines the stable JSON contract of `astralbot chart --json`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from astralbot.astro.model import BirthMoment, Chart, ChartWarning, HouseSystem
from astralbot.astro.natal import compute_chart
from astralbot.geo.birth_time import TimeResolution, resolve_local_time

NOON = time(12, 0)


@dataclass(frozen=True, slots=True)
class BirthInput:
    """Birth data as a person gives it. `time` None means the birth time is unknown."""

    date: date
    time: time | None
    lat: float
    lon: float
    timezone: str
    place_name: str = ""
    country: str = ""
    house_system: HouseSystem = "placidus"


@dataclass(frozen=True, slots=True)
class ResolvedInput:
    birth: BirthInput
    resolution: TimeResolution

    @property
    def time_known(self) -> bool:
        return self.birth.time is not None


def build_chart(birth: BirthInput) -> tuple[ResolvedInput, Chart]:
    """Resolve the local time (noon when unknown) and compute the chart."""
    local = datetime.combine(birth.date, birth.time or NOON)
    resolution = resolve_local_time(local, birth.timezone, birth.lon)
    moment = BirthMoment(
        utc=resolution.utc,
        lat=birth.lat,
        lon=birth.lon,
        time_known=birth.time is not None,
        house_system=birth.house_system,
    )
    chart = compute_chart(moment)
    time_warnings = _time_warnings(resolution)
    if time_warnings:
        chart = Chart(
            moment=chart.moment,
            bodies=chart.bodies,
            angles=chart.angles,
            houses=chart.houses,
            aspects=chart.aspects,
            ephemeris=chart.ephemeris,
            warnings=time_warnings + chart.warnings,
        )
    return ResolvedInput(birth, resolution), chart


def _time_warnings(resolution: TimeResolution) -> tuple[ChartWarning, ...]:
    offset = format_offset(resolution.utc_offset)
    if resolution.kind == "lmt":
        return (ChartWarning("local_mean_time", {"offset": offset}),)
    if resolution.kind == "gap":
        return (ChartWarning("time_gap", {"offset": offset}),)
    if resolution.kind == "ambiguous":
        return (ChartWarning("time_ambiguous", {"offset": offset}),)
    return ()


def format_offset(offset: timedelta) -> str:
    """+03:00, -05:00, or +02:30:17 for local mean time, which is not whole minutes."""
    seconds = round(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    return f"{text}:{secs:02d}" if secs else text


def chart_to_json(resolved: ResolvedInput, chart: Chart, warning_text: Any) -> dict[str, Any]:
    """The documented `--json` contract (README, "JSON output"). `warning_text(w)` gives a message."""
    birth = resolved.birth
    return {
        "input": {
            "place": {"name": birth.place_name, "country": birth.country, "lat": birth.lat, "lon": birth.lon},
            "timezone": birth.timezone,
            "local_time": datetime.combine(birth.date, birth.time or NOON).isoformat(),
            "utc_offset": format_offset(resolved.resolution.utc_offset),
            "utc": resolved.resolution.utc.isoformat().replace("+00:00", "Z"),
            "time_known": resolved.time_known,
            "time_interpretation": resolved.resolution.kind,
        },
        "bodies": [
            {
                "id": b.id,
                "longitude": round(b.longitude, 6),
                "sign": b.sign,
                "degree_in_sign": round(b.degree_in_sign, 6),
                "speed": round(b.speed, 6),
                "retrograde": b.retrograde,
                "house": b.house,
            }
            for b in chart.bodies
        ],
        "angles": None
        if chart.angles is None
        else {"asc": round(chart.angles.asc, 6), "mc": round(chart.angles.mc, 6)},
        "houses": None
        if chart.houses is None
        else {"system": chart.houses.system, "cusps": [round(c, 6) for c in chart.houses.cusps]},
        "aspects": [
            {"a": a.a, "b": a.b, "type": a.type, "orb": round(a.orb, 4), "applying": a.applying}
            for a in chart.aspects
        ],
        "ephemeris": chart.ephemeris,
        "warnings": [{"code": w.code, "message": warning_text(w)} for w in chart.warnings],
    }
