"""Major aspects between chart points, with documented orbs and applying/separating.

Which points: the ten planets (Sun..Pluto) and, when the birth time is known, the Ascendant
and the Midheaven. Nodes and Lilith are left out: the nodes are always in opposition to each
other and the readings talk about planets and angles. Asc–MC is not an aspect (it is the
frame of the chart), so angle–angle pairs are skipped.

Applying or separating is the sign of the time derivative of the orb, from the real speeds
(degrees per day): applying when the orb is shrinking. Angles are not fixed: the Ascendant and
the Midheaven sweep the zodiac about once a day (their rate varies with the rising sign), and
the engine passes their true rate from Swiss Ephemeris. For aspects to angles the angle's
motion therefore dominates: "applying" means the aspect would perfect minutes after birth,
"separating" that it perfected just before.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final

from astralbot.astro.model import Aspect, AspectType

ASPECT_ANGLES: Final[dict[AspectType, float]] = {
    "conjunction": 0.0,
    "sextile": 60.0,
    "square": 90.0,
    "trine": 120.0,
    "opposition": 180.0,
}

ORBS: Final[dict[AspectType, float]] = {
    "conjunction": 8.0,
    "opposition": 8.0,
    "trine": 7.0,
    "square": 7.0,
    "sextile": 5.0,
}
"""Maximum orb, in degrees, between two planets. Luminaries (Sun, Moon) add `LUMINARY_BONUS`:
Sun–Moon conjunction 10°, Moon–Mars square 9°, Sun–Venus sextile 7°."""

LUMINARY_BONUS: Final[float] = 2.0
LUMINARIES: Final[frozenset[str]] = frozenset({"sun", "moon"})

ANGLE_ORBS: Final[dict[AspectType, float]] = {
    "conjunction": 5.0,
    "opposition": 5.0,
    "trine": 4.0,
    "square": 4.0,
    "sextile": 3.0,
}
"""Maximum orb, in degrees, between a planet and the Ascendant or Midheaven (no luminary bonus).
Smaller than between planets because an angle is exact only for the exact birth minute: four
minutes of clock error move it by about one degree."""

ANGLES: Final[frozenset[str]] = frozenset({"asc", "mc"})


@dataclass(frozen=True, slots=True)
class Point:
    id: str  # a body id from model.BODIES, or "asc"/"mc"
    longitude: float  # degrees
    speed: float  # degrees per day


def max_orb(aspect: AspectType, a: str, b: str) -> float:
    if a in ANGLES or b in ANGLES:
        return ANGLE_ORBS[aspect]
    bonus = LUMINARY_BONUS if a in LUMINARIES or b in LUMINARIES else 0.0
    return ORBS[aspect] + bonus


# Pair classes, highest wins: an angle's orbs apply even with a luminary on the other side.
_PLANET, _LUMINARY, _ANGLE = 0, 1, 2
_CLASS_SAMPLE = {_PLANET: "mercury", _LUMINARY: "sun", _ANGLE: "asc"}
# Only the nearest exact angle can be within orb (orbs are far below half the gaps), so one
# bisect per pair picks the candidate: midpoints between 0, 60, 90, 120 and 180 degrees.
_CANDIDATES: Final[tuple[tuple[AspectType, float], ...]] = tuple(ASPECT_ANGLES.items())
_MIDPOINTS: Final[tuple[float, ...]] = tuple((a + b) / 2.0 for (_, a), (_, b) in pairwise(_CANDIDATES))
# Max orb per pair class and candidate, precomputed because this loop runs for every chart.
_ORB_TABLES: Final[dict[int, tuple[float, ...]]] = {
    cls: tuple(max_orb(aspect, "mercury", sample) for aspect, _ in _CANDIDATES)
    for cls, sample in _CLASS_SAMPLE.items()
}


def _pair_class(point_id: str) -> int:
    if point_id in ANGLES:
        return _ANGLE
    return _LUMINARY if point_id in LUMINARIES else _PLANET


def find_aspects(points: Sequence[Point]) -> tuple[Aspect, ...]:
    """All major aspects within orb between the given points, tightest first.

    `a` is the earlier point in `points`; at most one aspect per pair.
    """
    classes = [_pair_class(p.id) for p in points]
    found: list[Aspect] = []
    for i, p in enumerate(points):
        for j in range(i + 1, len(points)):
            if classes[i] == _ANGLE and classes[j] == _ANGLE:
                continue
            q = points[j]
            # Signed separation q − p in (−180, 180]; its absolute value is the angular distance.
            delta = (q.longitude - p.longitude) % 360.0
            if delta > 180.0:
                delta -= 360.0
            distance = abs(delta)
            k = bisect_left(_MIDPOINTS, distance)
            aspect, exact = _CANDIDATES[k]
            orb = abs(distance - exact)
            if orb > _ORB_TABLES[max(classes[i], classes[j])][k]:
                continue
            # d(distance)/dt = sign(delta)·(v_q − v_p); d(orb)/dt = sign(distance − exact)·that.
            distance_rate = math.copysign(1.0, delta) * (q.speed - p.speed)
            orb_rate = (1.0 if distance >= exact else -1.0) * distance_rate
            # An exact aspect has perfected: from here on it separates, whichever way it moves.
            applying = orb > 0.0 and orb_rate < 0.0
            found.append(Aspect(a=p.id, b=q.id, type=aspect, orb=orb, applying=applying))
    found.sort(key=lambda asp: asp.orb)
    return tuple(found)
