"""Aspect finding on synthetic positions, where the answer is known by construction."""

from __future__ import annotations

import itertools
import random

import pytest

from astralbot.astro.aspects import ANGLE_ORBS, LUMINARY_BONUS, ORBS, Point, find_aspects, max_orb
from astralbot.astro.model import PLANETS


def only(aspects, a, b):
    found = [x for x in aspects if {x.a, x.b} == {a, b}]
    assert len(found) <= 1
    return found[0] if found else None


def test_square_applying_when_faster_body_closes_the_gap():
    # Sun at 10° moving 1°/day, Mars at 103° moving 0.5°/day: 93° apart and closing on 90°.
    [asp] = find_aspects([Point("sun", 10.0, 1.0), Point("mars", 103.0, 0.5)])
    assert (asp.a, asp.b, asp.type) == ("sun", "mars", "square")
    assert asp.orb == pytest.approx(3.0)
    assert asp.applying is True


def test_square_separating_when_gap_widens():
    [asp] = find_aspects([Point("sun", 10.0, 1.0), Point("mars", 97.0, 0.5)])
    assert asp.type == "square"
    assert asp.orb == pytest.approx(3.0)
    assert asp.applying is False


def test_opposition_across_zero_aries():
    # Venus 355°, Jupiter 178°: 177° apart the short way round; Venus runs away from Jupiter
    # in the sense that widens the gap towards 180°, so the opposition is applying.
    [asp] = find_aspects([Point("venus", 355.0, 1.2), Point("jupiter", 178.0, 0.1)])
    assert asp.type == "opposition"
    assert asp.orb == pytest.approx(3.0)
    assert asp.applying is True


def test_retrograde_mercury_applies_to_the_sun_it_moves_back_towards():
    [asp] = find_aspects([Point("sun", 10.0, 1.0), Point("mercury", 12.0, -1.0)])
    assert asp.type == "conjunction"
    assert asp.orb == pytest.approx(2.0)
    assert asp.applying is True


def test_exact_aspect_is_separating():
    [asp] = find_aspects([Point("mars", 40.0, 0.5), Point("saturn", 160.0, 0.1)])
    assert asp.type == "trine"
    assert asp.orb == 0.0
    assert asp.applying is False


def test_orb_limits_planets_luminaries_and_angles():
    assert ORBS == {"conjunction": 8.0, "opposition": 8.0, "trine": 7.0, "square": 7.0, "sextile": 5.0}
    assert LUMINARY_BONUS == 2.0
    assert ANGLE_ORBS == {"conjunction": 5.0, "opposition": 5.0, "trine": 4.0, "square": 4.0, "sextile": 3.0}
    assert max_orb("sextile", "moon", "venus") == 7.0
    assert max_orb("sextile", "mercury", "venus") == 5.0
    assert max_orb("conjunction", "sun", "asc") == 5.0

    aspects = find_aspects(
        [
            Point("moon", 0.0, 13.0),
            Point("venus", 66.9, 1.0),  # Moon sextile 6.9°: within the luminary orb of 7°
            Point("mercury", 125.0, 1.0),  # Venus–Mercury sextile 1.9° (60° + 1.9°)
            Point("jupiter", 190.5, 0.1),  # Mercury–Jupiter sextile 5.5°: outside 5°
            Point("asc", 185.5, 300.0),  # Jupiter–ASC conjunction 5.0°: at the angle limit
            Point("mc", 95.0, 350.0),  # ASC–MC: never an aspect
        ]
    )
    assert only(aspects, "moon", "venus").type == "sextile"
    assert only(aspects, "venus", "mercury").type == "sextile"
    assert only(aspects, "mercury", "jupiter") is None
    assert only(aspects, "jupiter", "asc").type == "conjunction"
    assert only(aspects, "asc", "mc") is None
    # Moon–ASC opposition at 5.5° would be within the 10° luminary orb but angles use 5°.
    assert only(aspects, "moon", "asc") is None


def test_sorted_by_orb():
    aspects = find_aspects(
        [
            Point("sun", 0.0, 1.0),
            Point("moon", 93.0, 13.0),
            Point("mars", 181.0, 0.5),
            Point("venus", 2.5, 1.2),
        ]
    )
    orbs = [a.orb for a in aspects]
    assert orbs == sorted(orbs)
    assert len(aspects) >= 4


def test_applying_means_orb_shrinks_a_moment_later():
    """Property check against brute force: move every point forward a little in time."""
    rng = random.Random(20240501)
    ids = [*PLANETS, "asc", "mc"]
    checked = 0
    for _ in range(300):
        points = [
            Point(i, rng.uniform(0, 360), rng.uniform(-2, 14) if i not in {"asc", "mc"} else 360.0)
            for i in ids
        ]
        by_id = {p.id: p for p in points}
        dt = 1e-6  # days
        for asp in find_aspects(points):
            if asp.orb < 1e-3:
                continue
            a, b = by_id[asp.a], by_id[asp.b]
            distance = abs(((b.longitude + b.speed * dt) - (a.longitude + a.speed * dt) + 180) % 360 - 180)
            exact = {"conjunction": 0, "sextile": 60, "square": 90, "trine": 120, "opposition": 180}[asp.type]
            later = abs(distance - exact)
            assert asp.applying == (later < asp.orb), asp
            checked += 1
    assert checked > 500


def test_no_two_aspect_types_can_match_one_pair():
    # find_aspects only tests the nearest exact angle; that is right while every orb is below
    # half the smallest gap between exact angles.
    exacts = sorted({0.0, 60.0, 90.0, 120.0, 180.0})
    half_gap = min(b - a for a, b in itertools.pairwise(exacts)) / 2
    largest = max(max(ORBS.values()) + LUMINARY_BONUS, max(ANGLE_ORBS.values()))
    assert largest < half_gap
