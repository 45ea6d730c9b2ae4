"""The whole chart: unknown time, retrograde, ephemeris reporting, validation, speed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
import swisseph as swe

from astralbot.astro.ephemeris import body_positions, configure_ephemeris, julian_day_ut
from astralbot.astro.model import BODIES, PLANETS, BirthMoment
from astralbot.astro.natal import ChartInputError, compute_chart, moon_uncertainty_deg

MOSCOW = (55.7558, 37.6173)


@pytest.fixture
def restore_moshier():
    yield
    configure_ephemeris(None)


def moment(utc: datetime, **kw) -> BirthMoment:
    return BirthMoment(utc=utc, lat=MOSCOW[0], lon=MOSCOW[1], **kw)


def test_full_chart_shape():
    chart = compute_chart(moment(datetime(1990, 5, 15, 8, 30, tzinfo=UTC)))
    assert tuple(b.id for b in chart.bodies) == BODIES
    assert chart.angles is not None and chart.houses is not None
    assert chart.houses.system == "placidus"
    assert all(1 <= b.house <= 12 for b in chart.bodies)
    assert all(0.0 <= b.longitude < 360.0 for b in chart.bodies)
    assert chart.ephemeris == "moshier"
    assert chart.warnings == ()
    points = {*PLANETS, "asc", "mc"}
    assert all(a.a in points and a.b in points for a in chart.aspects)
    # The mean node always moves backwards; mean Lilith always forwards.
    assert chart.body("mean_node").retrograde
    assert not chart.body("lilith").retrograde


def test_unknown_time_has_no_houses_no_angles_and_warns_about_the_moon():
    noon_moscow_in_utc = datetime(1990, 5, 15, 8, 0, tzinfo=UTC)  # 12:00 Moscow summer time (UTC+4)
    chart = compute_chart(moment(noon_moscow_in_utc, time_known=False))
    assert chart.angles is None
    assert chart.houses is None
    assert all(b.house is None for b in chart.bodies)
    assert all(a.a in PLANETS and a.b in PLANETS for a in chart.aspects)
    [warning] = chart.warnings
    assert warning.code == "time_unknown"
    moon_speed = chart.body("moon").speed
    assert 11.5 < moon_speed < 15.5
    assert warning.params["moon_uncertainty_deg"] == pytest.approx(moon_speed / 2, abs=0.1)
    assert warning.params["moon_uncertainty_deg"] >= moon_speed / 2  # rounded up, never down
    assert 5.5 < warning.params["moon_uncertainty_deg"] < 8.0


def test_moon_uncertainty_rounds_up():
    assert moon_uncertainty_deg(13.0) == 6.5
    assert moon_uncertainty_deg(13.01) == 6.6
    assert moon_uncertainty_deg(-14.2) == 7.1


@pytest.mark.parametrize(
    ("utc", "body", "retrograde"),
    [
        (datetime(2023, 5, 1, 12, tzinfo=UTC), "mercury", True),  # retrograde 21 Apr – 14 May 2023
        (datetime(2023, 6, 1, 12, tzinfo=UTC), "mercury", False),
        (datetime(2022, 11, 15, 12, tzinfo=UTC), "mars", True),  # retrograde 30 Oct 2022 – 12 Jan 2023
        (datetime(2022, 9, 1, 12, tzinfo=UTC), "mars", False),
    ],
)
def test_retrograde_flag_follows_speed(utc, body, retrograde):
    position = compute_chart(moment(utc)).body(body)
    assert position.retrograde is retrograde
    assert (position.speed < 0) is retrograde


def test_sun_and_moon_are_never_retrograde():
    for days in range(0, 3650, 97):
        chart = compute_chart(
            moment(datetime(2000, 1, 1, tzinfo=UTC) + timedelta(days=days), time_known=False)
        )
        assert not chart.body("sun").retrograde
        assert not chart.body("moon").retrograde


def test_julian_day_includes_seconds_and_converts_to_utc():
    assert julian_day_ut(datetime(2000, 1, 1, 12, tzinfo=UTC)) == pytest.approx(2451545.0, abs=1e-9)
    assert julian_day_ut(datetime(2000, 1, 1, 12, 0, 30, tzinfo=UTC)) == pytest.approx(
        2451545.0 + 30 / 86400, abs=1e-9
    )
    msk = timezone(timedelta(hours=3))
    assert julian_day_ut(datetime(2000, 1, 1, 15, tzinfo=msk)) == pytest.approx(2451545.0, abs=1e-9)
    with pytest.raises(ValueError):
        julian_day_ut(datetime(2000, 1, 1, 12))  # naive on purpose


def test_ephemeris_is_reported_from_the_flag_swiss_ephemeris_really_used(tmp_path, restore_moshier):
    # Swiss files requested, but none on the path: swe silently computes with Moshier; we say so.
    swe.set_ephe_path(str(tmp_path))
    positions, used = body_positions(julian_day_ut(datetime(1990, 1, 1, tzinfo=UTC)), swe.FLG_SWIEPH)
    assert used == "moshier"
    assert len(positions) == len(BODIES)


def test_configure_ephemeris_requests_swiss_only_when_files_exist(tmp_path, restore_moshier):
    assert configure_ephemeris(None) == "moshier"
    assert configure_ephemeris(str(tmp_path)) == "moshier"
    assert compute_chart(moment(datetime(1990, 1, 1, tzinfo=UTC))).ephemeris == "moshier"
    (tmp_path / "sepl_18.se1").write_bytes(b"")
    assert configure_ephemeris(str(tmp_path)) == "swiss"


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"utc": datetime(1799, 12, 31, tzinfo=UTC)}, "year_out_of_range"),
        ({"utc": datetime(2400, 1, 1, tzinfo=UTC)}, "year_out_of_range"),
        ({"lat": 90.5}, "latitude_out_of_range"),
        ({"lat": float("nan")}, "latitude_out_of_range"),
        ({"lon": -181.0}, "longitude_out_of_range"),
        ({"house_system": "regiomontanus"}, "unknown_house_system"),
    ],
)
def test_bad_input_raises_coded_error(kwargs, code):
    base = {"utc": datetime(1990, 1, 1, tzinfo=UTC), "lat": 10.0, "lon": 10.0}
    with pytest.raises(ChartInputError) as err:
        compute_chart(BirthMoment(**(base | kwargs)))
    assert err.value.code == code


def test_naive_datetime_is_a_programming_error():
    with pytest.raises(ValueError, match="timezone-aware"):
        compute_chart(BirthMoment(utc=datetime(1990, 1, 1), lat=0.0, lon=0.0))


def test_extreme_but_valid_inputs_work():
    for lat in (-90.0, 90.0, 0.0):
        chart = compute_chart(BirthMoment(utc=datetime(1800, 1, 1, tzinfo=UTC), lat=lat, lon=-180.0))
        assert chart.houses is not None
        assert len(chart.houses.cusps) == 12
