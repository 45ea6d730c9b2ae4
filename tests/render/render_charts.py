"""Hand-made charts for the renderer tests (the engine is not needed to draw a wheel)."""

from __future__ import annotations

from datetime import UTC, datetime

from astralbot.astro.model import Angles, Aspect, BirthMoment, BodyPosition, Chart, Houses

# A crowded chart: a stellium in Taurus and outer planets bunched in Capricorn/Aquarius.
LONGITUDES: dict[str, tuple[float, float]] = {  # id: (longitude, speed)
    "sun": (54.31, 0.96),
    "moon": (201.72, 13.1),
    "mercury": (52.13, -0.4),
    "venus": (58.95, 1.2),
    "mars": (310.2, 0.7),
    "jupiter": (95.4, 0.23),
    "saturn": (292.6, -0.02),
    "uranus": (278.45, -0.03),
    "neptune": (283.9, -0.01),
    "pluto": (226.5, -0.02),
    "mean_node": (304.5, -0.05),
    "true_node": (303.2, -0.09),
    "lilith": (170.2, 0.11),
}
CUSPS = (139.8, 160.5, 186.0, 215.2, 250.1, 288.0, 319.8, 340.5, 6.0, 35.2, 70.1, 108.0)
ORBS = {"conjunction": (0, 8.0), "sextile": (60, 5.0), "square": (90, 7.0), "trine": (120, 8.0),
        "opposition": (180, 8.0)}  # fmt: skip


def _aspects(points: dict[str, float]) -> tuple[Aspect, ...]:
    ids = list(points)
    found = []
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            if {a, b} == {"mean_node", "true_node"}:
                continue
            distance = abs((points[a] - points[b] + 180.0) % 360.0 - 180.0)
            for kind, (angle, orb) in ORBS.items():
                if abs(distance - angle) <= orb:
                    found.append(Aspect(a, b, kind, round(abs(distance - angle), 2), applying=i % 2 == 0))  # type: ignore[arg-type]
    return tuple(found)


def make_chart(*, time_known: bool = True, house_system: str = "placidus") -> Chart:
    houses = Houses(house_system, CUSPS) if time_known else None
    angles = Angles(asc=CUSPS[0], mc=CUSPS[9]) if time_known else None
    bodies = tuple(
        BodyPosition(
            id=body_id,
            longitude=lon,
            latitude=0.0,
            speed=speed,
            house=_house_of(lon) if time_known else None,
        )
        for body_id, (lon, speed) in LONGITUDES.items()
    )
    points = {body_id: lon for body_id, (lon, _) in LONGITUDES.items()}
    if time_known:
        points |= {"asc": CUSPS[0], "mc": CUSPS[9]}
    moment = BirthMoment(
        utc=datetime(1990, 5, 15, 9, 30, tzinfo=UTC), lat=55.75, lon=37.62, time_known=time_known
    )
    return Chart(moment, bodies, angles, houses, _aspects(points), ephemeris="moshier")


def _house_of(lon: float) -> int:
    for i in range(12):
        start, end = CUSPS[i], CUSPS[(i + 1) % 12]
        if (lon - start) % 360.0 < (end - start) % 360.0:
            return i + 1
    return 12
