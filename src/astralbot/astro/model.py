"""The chart model: plain, immutable data shared by the engine, the renderers and the readings.

Everything here is a code, never a translated text: translation happens at the edge
(CLI, bot, web) through `astralbot.i18n`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

SIGNS: tuple[str, ...] = (
    "aries",
    "taurus",
    "gemini",
    "cancer",
    "leo",
    "virgo",
    "libra",
    "scorpio",
    "sagittarius",
    "capricorn",
    "aquarius",
    "pisces",
)

# Order matters: it is the order of `Chart.bodies` and of the JSON contract.
BODIES: tuple[str, ...] = (
    "sun",
    "moon",
    "mercury",
    "venus",
    "mars",
    "jupiter",
    "saturn",
    "uranus",
    "neptune",
    "pluto",
    "mean_node",
    "true_node",
    "lilith",
)

# The ten classical planets; nodes and Lilith are points, not planets.
PLANETS: tuple[str, ...] = BODIES[:10]

HouseSystem = Literal["placidus", "koch", "whole-sign", "equal", "porphyry"]
HOUSE_SYSTEMS: tuple[str, ...] = ("placidus", "koch", "whole-sign", "equal", "porphyry")

AspectType = Literal["conjunction", "sextile", "square", "trine", "opposition"]
Ephemeris = Literal["swiss", "moshier"]


def sign_of(longitude: float) -> str:
    """The zodiac sign code of an ecliptic longitude in degrees."""
    return SIGNS[int((longitude % 360.0) // 30.0)]


def degree_in_sign(longitude: float) -> float:
    return (longitude % 360.0) % 30.0


@dataclass(frozen=True, slots=True)
class ChartWarning:
    """A warning as a code plus parameters; the message is rendered per locale at the edge."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class BirthMoment:
    """What the engine needs: an instant and a place on Earth. No time zones here."""

    utc: datetime  # timezone-aware, UTC
    lat: float  # degrees, north positive, -90..90
    lon: float  # degrees, east positive, -180..180
    time_known: bool = True
    house_system: HouseSystem = "placidus"


@dataclass(frozen=True, slots=True)
class BodyPosition:
    id: str
    longitude: float  # tropical ecliptic longitude, degrees 0..360
    latitude: float  # ecliptic latitude, degrees
    speed: float  # degrees per day in longitude
    house: int | None  # 1..12, None without houses

    @property
    def sign(self) -> str:
        return sign_of(self.longitude)

    @property
    def degree_in_sign(self) -> float:
        return degree_in_sign(self.longitude)

    @property
    def retrograde(self) -> bool:
        return self.speed < 0


@dataclass(frozen=True, slots=True)
class Angles:
    asc: float
    mc: float


@dataclass(frozen=True, slots=True)
class Houses:
    system: str  # the system actually used (after any polar fallback)
    cusps: tuple[float, ...]  # 12 cusp longitudes, cusp 1 first


@dataclass(frozen=True, slots=True)
class Aspect:
    a: str  # body id (or "asc"/"mc")
    b: str
    type: AspectType
    orb: float  # absolute distance from exactness, degrees
    applying: bool


@dataclass(frozen=True, slots=True)
class Chart:
    moment: BirthMoment
    bodies: tuple[BodyPosition, ...]
    angles: Angles | None
    houses: Houses | None
    aspects: tuple[Aspect, ...]
    ephemeris: Ephemeris
    warnings: tuple[ChartWarning, ...] = ()

    def body(self, body_id: str) -> BodyPosition:
        for b in self.bodies:
            if b.id == body_id:
                return b
        raise KeyError(body_id)
