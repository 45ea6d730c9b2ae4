"""Hand-built charts for the reading tests (the engine is tested elsewhere)."""

from __future__ import annotations

from datetime import UTC, datetime

from astralbot.astro.model import (
    BODIES,
    Angles,
    Aspect,
    BirthMoment,
    BodyPosition,
    Chart,
    ChartWarning,
    Houses,
)

# Longitudes chosen so that every planet lands in a different, known sign.
SAMPLE_LONGITUDES: dict[str, float] = {
    "sun": 14.2,  # Aries
    "moon": 45.5,  # Taurus
    "mercury": 75.0,  # Gemini
    "venus": 100.0,  # Cancer
    "mars": 130.0,  # Leo
    "jupiter": 160.0,  # Virgo
    "saturn": 190.0,  # Libra
    "uranus": 220.0,  # Scorpio
    "neptune": 250.0,  # Sagittarius
    "pluto": 280.0,  # Capricorn
    "mean_node": 310.0,  # Aquarius
    "true_node": 311.0,  # Aquarius
    "lilith": 340.0,  # Pisces
}
SAMPLE_SIGNS: dict[str, str] = {
    "sun": "aries",
    "moon": "taurus",
    "mercury": "gemini",
    "venus": "cancer",
    "mars": "leo",
    "jupiter": "virgo",
    "saturn": "libra",
    "uranus": "scorpio",
    "neptune": "sagittarius",
    "pluto": "capricorn",
}
SAMPLE_HOUSES: dict[str, int] = {body: (i % 12) + 1 for i, body in enumerate(BODIES)}

SAMPLE_ASPECTS: tuple[Aspect, ...] = (
    Aspect("sun", "moon", "sextile", 1.3, True),
    Aspect("mars", "saturn", "sextile", 0.4, False),
    Aspect("sun", "mars", "trine", 4.2, True),
    Aspect("venus", "saturn", "square", 0.8, False),
    Aspect("mercury", "asc", "conjunction", 2.0, True),
    Aspect("moon", "pluto", "trine", 5.5, False),
    Aspect("true_node", "lilith", "sextile", 0.1, True),  # points, not planets: left out
    Aspect("asc", "mc", "square", 0.2, True),  # angle to angle: left out
)


def make_chart(
    time_known: bool = True,
    longitudes: dict[str, float] | None = None,
    aspects: tuple[Aspect, ...] = SAMPLE_ASPECTS,
    warnings: tuple[ChartWarning, ...] = (),
    speeds: dict[str, float] | None = None,
) -> Chart:
    longitudes = {**SAMPLE_LONGITUDES, **(longitudes or {})}
    speeds = speeds or {}
    bodies = tuple(
        BodyPosition(
            id=body,
            longitude=longitudes[body],
            latitude=0.0,
            speed=speeds.get(body, 1.0),
            house=SAMPLE_HOUSES[body] if time_known else None,
        )
        for body in BODIES
    )
    moment = BirthMoment(
        utc=datetime(1990, 4, 4, 9, 30, tzinfo=UTC), lat=55.75, lon=37.62, time_known=time_known
    )
    if time_known:
        angles: Angles | None = Angles(asc=125.0, mc=40.0)  # Leo rising, MC in Taurus
        houses: Houses | None = Houses("placidus", tuple(125.0 + 30.0 * i for i in range(12)))
    else:
        angles = None
        houses = None
        aspects = tuple(a for a in aspects if "asc" not in (a.a, a.b) and "mc" not in (a.a, a.b))
    return Chart(
        moment=moment,
        bodies=bodies,
        angles=angles,
        houses=houses,
        aspects=aspects,
        ephemeris="moshier",
        warnings=warnings,
    )
