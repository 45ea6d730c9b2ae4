from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from astralbot.geo import BirthInputError, is_known_timezone, resolve_local_time

MOSCOW_LON = 37.6173


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("local", "tz", "lon", "expected_utc", "offset_hours"),
    [
        # Soviet summer time in the 1980s: MSD = UTC+4.
        (datetime(1985, 7, 1, 12), "Europe/Moscow", MOSCOW_LON, utc(1985, 7, 1, 8), 4),
        (datetime(1985, 1, 15, 12), "Europe/Moscow", MOSCOW_LON, utc(1985, 1, 15, 9), 3),
        # 1991: the "decree hour" was dropped on 31 March without moving clocks (MSK+3 → EEST+3),
        # summer stayed at +3, the winter 1991/92 was +2, and 19 Jan 1992 brought +3 back.
        (datetime(1991, 7, 1, 12), "Europe/Moscow", MOSCOW_LON, utc(1991, 7, 1, 9), 3),
        (datetime(1991, 12, 1, 12), "Europe/Moscow", MOSCOW_LON, utc(1991, 12, 1, 10), 2),
        (datetime(1992, 7, 1, 12), "Europe/Moscow", MOSCOW_LON, utc(1992, 7, 1, 8), 4),
        # Permanent "summer" time 2011–2014: UTC+4 even in January.
        (datetime(2010, 1, 15, 12), "Europe/Moscow", MOSCOW_LON, utc(2010, 1, 15, 9), 3),
        (datetime(2012, 1, 15, 12), "Europe/Moscow", MOSCOW_LON, utc(2012, 1, 15, 8), 4),
        (datetime(2015, 1, 15, 12), "Europe/Moscow", MOSCOW_LON, utc(2015, 1, 15, 9), 3),
        # Novosibirsk moved from +6 to +7 on 24 July 2016.
        (datetime(2016, 7, 23, 12), "Asia/Novosibirsk", 82.93, utc(2016, 7, 23, 6), 6),
        (datetime(2016, 7, 25, 12), "Asia/Novosibirsk", 82.93, utc(2016, 7, 25, 5), 7),
        # Samara: +4, then Moscow time (+3) from March 2010, +4 again from March 2011.
        (datetime(2009, 12, 1, 12), "Europe/Samara", 50.15, utc(2009, 12, 1, 8), 4),
        (datetime(2010, 12, 1, 12), "Europe/Samara", 50.15, utc(2010, 12, 1, 9), 3),
        (datetime(2011, 12, 1, 12), "Europe/Samara", 50.15, utc(2011, 12, 1, 8), 4),
        # Kaliningrad: Moscow time in the USSR, +3 in 2011–2014, +2 since.
        (datetime(1985, 7, 1, 12), "Europe/Kaliningrad", 20.51, utc(1985, 7, 1, 8), 4),
        (datetime(2012, 1, 15, 12), "Europe/Kaliningrad", 20.51, utc(2012, 1, 15, 9), 3),
        (datetime(2015, 1, 15, 12), "Europe/Kaliningrad", 20.51, utc(2015, 1, 15, 10), 2),
        # Vladivostok after standard time came in 1922.
        (datetime(1923, 6, 1, 12), "Asia/Vladivostok", 131.89, utc(1923, 6, 1, 3), 9),
    ],
)
def test_russian_time_history(
    local: datetime, tz: str, lon: float, expected_utc: datetime, offset_hours: int
) -> None:
    result = resolve_local_time(local, tz, lon)
    assert result.utc == expected_utc
    assert result.utc.tzinfo is UTC
    assert result.utc_offset == timedelta(hours=offset_hours)
    assert result.timezone == tz
    assert result.kind == "standard"


def test_moscow_before_standard_time_uses_the_birth_longitude() -> None:
    result = resolve_local_time(datetime(1900, 1, 1, 12), "Europe/Moscow", MOSCOW_LON)
    # 37.6173° / 15 = 2 h 30 min 28 s; tzdata's Moscow Mean Time would be 2:30:17.
    assert result.kind == "lmt"
    assert result.utc_offset == timedelta(hours=2, minutes=30, seconds=28)
    assert result.utc == utc(1900, 1, 1, 9, 29, 32)


def test_lmt_follows_the_birth_longitude_not_the_zone_city() -> None:
    vladivostok = resolve_local_time(datetime(1910, 6, 1, 12), "Asia/Vladivostok", 131.8869)
    nakhodka = resolve_local_time(datetime(1910, 6, 1, 12), "Asia/Vladivostok", 132.8735)
    assert vladivostok.kind == nakhodka.kind == "lmt"
    assert vladivostok.utc_offset == timedelta(hours=8, minutes=47, seconds=33)
    assert nakhodka.utc_offset == timedelta(hours=8, minutes=51, seconds=30)
    assert vladivostok.utc - nakhodka.utc == timedelta(minutes=3, seconds=57)


def test_lmt_keeps_the_summer_time_applied_on_top_of_mean_time() -> None:
    # Summer 1918 Moscow clocks ran two hours ahead of mean time (MDST).
    result = resolve_local_time(datetime(1918, 7, 1, 12), "Europe/Moscow", MOSCOW_LON)
    assert result.kind == "lmt"
    assert result.utc_offset == timedelta(hours=4, minutes=30, seconds=28)


def test_lmt_in_the_western_hemisphere() -> None:
    result = resolve_local_time(datetime(1870, 1, 1, 12), "America/New_York", -74.006)
    assert result.kind == "lmt"
    assert result.utc_offset == -timedelta(hours=4, minutes=56, seconds=1)
    assert result.utc == utc(1870, 1, 1, 16, 56, 1)


@pytest.mark.parametrize(
    ("local", "tz", "expected_utc", "offset"),
    [
        # 02:00 → 03:00 jumps; read with the offset before the change.
        (datetime(2021, 3, 14, 2, 30), "America/New_York", utc(2021, 3, 14, 7, 30), -5),
        (datetime(2021, 3, 28, 2, 30), "Europe/Berlin", utc(2021, 3, 28, 1, 30), 1),
        (datetime(1985, 3, 31, 2, 30), "Europe/Moscow", utc(1985, 3, 30, 23, 30), 3),
    ],
)
def test_spring_forward_gap(local: datetime, tz: str, expected_utc: datetime, offset: int) -> None:
    result = resolve_local_time(local, tz, 0.0)
    assert result.kind == "gap"
    assert result.utc == expected_utc
    assert result.utc_offset == timedelta(hours=offset)


@pytest.mark.parametrize(
    ("local", "tz", "expected_utc", "offset"),
    [
        # The first occurrence: still on summer time.
        (datetime(2021, 11, 7, 1, 30), "America/New_York", utc(2021, 11, 7, 5, 30), -4),
        (datetime(2021, 10, 31, 2, 30), "Europe/Berlin", utc(2021, 10, 31, 0, 30), 2),
        (datetime(1985, 9, 29, 2, 30), "Europe/Moscow", utc(1985, 9, 28, 22, 30), 4),
    ],
)
def test_fall_back_ambiguity(local: datetime, tz: str, expected_utc: datetime, offset: int) -> None:
    result = resolve_local_time(local, tz, 0.0)
    assert result.kind == "ambiguous"
    assert result.utc == expected_utc
    assert result.utc_offset == timedelta(hours=offset)


def test_just_outside_the_transition_is_standard() -> None:
    assert resolve_local_time(datetime(2021, 11, 7, 2, 30), "America/New_York", -74).kind == "standard"
    assert resolve_local_time(datetime(2021, 3, 14, 3, 0), "America/New_York", -74).kind == "standard"


@pytest.mark.parametrize(
    ("tz", "name", "offset_minutes"),
    [
        ("UTC", "UTC", 0),
        ("Etc/GMT-3", "Etc/GMT-3", 180),
        ("+03:00", "UTC+03:00", 180),
        ("UTC+3", "UTC+03:00", 180),
        ("GMT-05:30", "UTC-05:30", -330),
        ("utc+0530", "UTC+05:30", 330),
    ],
)
def test_fixed_offsets(tz: str, name: str, offset_minutes: int) -> None:
    result = resolve_local_time(datetime(1900, 1, 1, 12), tz, 37.6)
    assert result.kind == "standard"  # a stated offset is taken as given, even before 1919
    assert result.timezone == name
    assert result.utc_offset == timedelta(minutes=offset_minutes)
    assert result.utc == utc(1900, 1, 1, 12) - timedelta(minutes=offset_minutes)


@pytest.mark.parametrize("tz", ["Mars/Olympus", "", "UTC+15", "+03:75", "../etc/passwd"])
def test_unknown_timezone(tz: str) -> None:
    with pytest.raises(BirthInputError) as info:
        resolve_local_time(datetime(1990, 1, 1, 12), tz, 0.0)
    assert info.value.code == "timezone_unknown"
    assert info.value.params == {"tz": tz}
    assert not is_known_timezone(tz)


def test_known_timezone() -> None:
    assert is_known_timezone("Europe/Moscow")
    assert is_known_timezone("+03:00")


def test_rejects_an_aware_datetime() -> None:
    with pytest.raises(ValueError, match="naive"):
        resolve_local_time(datetime(1990, 1, 1, 12, tzinfo=UTC), "Europe/Moscow", MOSCOW_LON)
