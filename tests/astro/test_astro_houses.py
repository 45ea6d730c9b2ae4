"""Angles and house cusps: published values, the Placidus definition, and the polar fallback."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import pytest
import swisseph as swe

from astralbot.astro.ephemeris import julian_day_ut
from astralbot.astro.houses import house_of
from astralbot.astro.model import SIGNS, BirthMoment
from astralbot.astro.natal import compute_chart

ARCMIN = 1.0 / 60.0


def sign_deg(sign: str, degrees: int, minutes: int) -> float:
    return SIGNS.index(sign) * 30.0 + degrees + minutes / 60.0


def angular_diff(a: float, b: float) -> float:
    return abs((a - b + 180.0) % 360.0 - 180.0)


# Albert Einstein, 14 Mar 1879 11:30 LMT, Ulm 48N24 10E00 (Astro-Databank, Rodden AA).
# LMT of 10°E is UT + 0:40, so 10:50 UT. astro.com: ASC 11°38' Cancer, MC 12°50' Pisces.
EINSTEIN = BirthMoment(utc=datetime(1879, 3, 14, 10, 50, tzinfo=UTC), lat=48.4, lon=10.0)
# Diana, Princess of Wales, 1 Jul 1961 19:45 BST (= 18:45 UT), Sandringham 52N50 0E30
# (Astro-Databank, Rodden A). astro.com: ASC 18°24' Sagittarius, MC 23°03' Libra.
DIANA = BirthMoment(utc=datetime(1961, 7, 1, 18, 45, tzinfo=UTC), lat=52 + 50 / 60, lon=0.5)

PUBLISHED_ANGLES = [
    (EINSTEIN, sign_deg("cancer", 11, 38), sign_deg("pisces", 12, 50)),
    (DIANA, sign_deg("sagittarius", 18, 24), sign_deg("libra", 23, 3)),
]


@pytest.mark.parametrize(("moment", "asc", "mc"), PUBLISHED_ANGLES, ids=["einstein", "diana"])
def test_angles_match_published_astro_com_values(moment, asc, mc):
    chart = compute_chart(moment)
    assert chart.angles is not None
    # Published values are given to the arcminute (and may be truncated): allow 2'.
    assert angular_diff(chart.angles.asc, asc) < 2 * ARCMIN
    assert angular_diff(chart.angles.mc, mc) < 2 * ARCMIN


def _mean_obliquity(jd: float) -> float:
    t = (jd - 2451545.0) / 36525.0
    return 23.439291111 - 0.0130041667 * t  # IAU 1980, good to arcseconds over centuries


def _placidus_cusps_by_definition(mc: float, lat: float, eps: float) -> list[float]:
    """Placidus cusps from first principles: a cusp's hour angle is a third or two thirds of its
    diurnal (cusps 11, 12) or nocturnal (cusps 2, 3) semi-arc. ARMC is derived from the MC."""
    e, phi = math.radians(eps), math.radians(lat)
    armc = math.degrees(math.atan2(math.sin(math.radians(mc)) * math.cos(e), math.cos(math.radians(mc))))

    def solve(upper: bool, fraction: float) -> float:
        lam = armc
        for _ in range(100):
            dec = math.asin(math.sin(e) * math.sin(math.radians(lam)))
            dsa = 90.0 + math.degrees(math.asin(math.tan(phi) * math.tan(dec)))
            ra = armc + fraction * dsa if upper else armc + 180.0 - fraction * (180.0 - dsa)
            lam = math.degrees(
                math.atan2(math.sin(math.radians(ra)), math.cos(math.radians(ra)) * math.cos(e))
            )
        return lam % 360.0

    asc = math.degrees(
        math.atan2(
            math.cos(math.radians(armc)),
            -(math.sin(math.radians(armc)) * math.cos(e) + math.tan(phi) * math.sin(e)),
        )
    )
    c11, c12 = solve(True, 1 / 3), solve(True, 2 / 3)
    c2, c3 = solve(False, 2 / 3), solve(False, 1 / 3)
    eastern = [asc, c2, c3, mc + 180.0, c11 + 180.0, c12 + 180.0]  # cusps 1..6
    return [c % 360.0 for c in (*eastern, *(c + 180.0 for c in eastern))]


@pytest.mark.parametrize("moment", [EINSTEIN, DIANA], ids=["einstein", "diana"])
def test_placidus_cusps_follow_the_semi_arc_definition(moment):
    chart = compute_chart(moment)
    assert chart.houses is not None and chart.angles is not None
    assert chart.houses.system == "placidus"
    eps = _mean_obliquity(julian_day_ut(moment.utc))
    expected = _placidus_cusps_by_definition(chart.angles.mc, moment.lat, eps)
    for n, (got, want) in enumerate(zip(chart.houses.cusps, expected, strict=True), start=1):
        assert angular_diff(got, want) < 0.5 * ARCMIN, f"cusp {n}"


def test_einstein_bodies_fall_in_expected_houses():
    chart = compute_chart(EINSTEIN)
    # Sun 23° Pisces is past the MC (12°50' Pisces): 10th house; Moon 14° Sagittarius: 6th.
    assert chart.body("sun").house == 10
    assert chart.body("moon").house == 6
    assert chart.body("sun").sign == "pisces"
    assert chart.body("moon").sign == "sagittarius"


@pytest.mark.parametrize(
    ("system", "first_cusp_check"),
    [
        ("equal", lambda asc, cusps: all(angular_diff(cusps[i], asc + 30 * i) < 1e-9 for i in range(12))),
        ("whole-sign", lambda asc, cusps: cusps[0] == (asc // 30) * 30),
        ("porphyry", lambda asc, cusps: angular_diff(cusps[0], asc) < 1e-9),
        ("koch", lambda asc, cusps: angular_diff(cusps[0], asc) < 1e-9),
    ],
)
def test_other_house_systems(system, first_cusp_check):
    moment = BirthMoment(utc=EINSTEIN.utc, lat=EINSTEIN.lat, lon=EINSTEIN.lon, house_system=system)
    chart = compute_chart(moment)
    assert chart.houses is not None and chart.angles is not None
    assert chart.houses.system == system
    assert len(chart.houses.cusps) == 12
    assert first_cusp_check(chart.angles.asc, chart.houses.cusps)
    assert chart.warnings == ()


POLAR_PLACES = [
    ("murmansk", 68.97, 33.08),
    ("tromso", 69.65, 18.96),
    ("mcmurdo", -77.85, 166.67),
    ("just_inside_circle", 66.6, 25.0),
]


@pytest.mark.parametrize("requested", ["placidus", "koch"])
@pytest.mark.parametrize(("name", "lat", "lon"), POLAR_PLACES, ids=[p[0] for p in POLAR_PLACES])
def test_polar_fallback_uses_porphyry_at_true_latitude(requested, name, lat, lon):
    moment = BirthMoment(
        utc=datetime(1990, 12, 21, 9, 15, tzinfo=UTC), lat=lat, lon=lon, house_system=requested
    )
    chart = compute_chart(moment)
    assert chart.houses is not None and chart.angles is not None
    assert chart.houses.system == "porphyry"
    cusps, ascmc = swe.houses_ex(julian_day_ut(moment.utc), lat, lon, b"O")
    assert chart.houses.cusps == pytest.approx([c % 360 for c in cusps], abs=1e-9)
    assert chart.angles.asc == pytest.approx(ascmc[0], abs=1e-9)
    [warning] = chart.warnings
    assert warning.code == "polar_fallback"
    assert warning.params == {"requested": requested, "used": "porphyry", "lat": lat}
    # Not clamped: the 66° chart would have a different ascendant.
    clamped = compute_chart(
        BirthMoment(utc=moment.utc, lat=math.copysign(66.0, lat), lon=lon, house_system=requested)
    )
    assert clamped.angles is not None
    assert angular_diff(clamped.angles.asc, chart.angles.asc) > 0.5
    # Every body still gets a house from the fallback cusps.
    assert all(b.house is not None for b in chart.bodies)


def test_below_polar_circle_keeps_placidus():
    chart = compute_chart(BirthMoment(utc=datetime(1990, 12, 21, 9, 15, tzinfo=UTC), lat=66.4, lon=25.0))
    assert chart.houses is not None
    assert chart.houses.system == "placidus"
    assert chart.warnings == ()


@pytest.mark.parametrize("system", ["equal", "whole-sign", "porphyry"])
def test_polar_latitude_without_fallback_for_systems_that_exist_there(system):
    moment = BirthMoment(
        utc=datetime(1990, 12, 21, 9, 15, tzinfo=UTC), lat=69.65, lon=18.96, house_system=system
    )
    chart = compute_chart(moment)
    assert chart.houses is not None
    assert chart.houses.system == system
    assert chart.warnings == ()


def test_house_of_handles_the_interval_across_zero_aries():
    cusps = (350.0, 20.0, 50.0, 80.0, 110.0, 140.0, 170.0, 200.0, 230.0, 260.0, 290.0, 320.0)
    assert house_of(355.0, cusps) == 1
    assert house_of(5.0, cusps) == 1
    assert house_of(350.0, cusps) == 1
    assert house_of(349.99, cusps) == 12
    assert house_of(20.0, cusps) == 2
    assert house_of(325.0, cusps) == 12
    assert house_of(170.0, cusps) == 7


def test_body_houses_agree_with_swiss_house_position():
    chart = compute_chart(DIANA)
    assert chart.houses is not None
    jd = julian_day_ut(DIANA.utc)
    _, ascmc = swe.houses_ex(jd, DIANA.lat, DIANA.lon, b"P")
    eps = swe.calc_ut(jd, swe.ECL_NUT)[0][0]
    for body in chart.bodies:
        # house_pos uses the body's latitude too; with latitude 0 it is the pure longitude rule.
        expected = int(swe.house_pos(ascmc[2], DIANA.lat, eps, (body.longitude, 0.0), b"P"))
        assert body.house == expected, body.id
