from __future__ import annotations

import math
from datetime import date, time

import pytest

from astralbot.geo import (
    MAX_YEAR,
    MIN_YEAR,
    BirthInputError,
    check_not_future,
    parse_date,
    parse_time,
    validate_coordinates,
)


@pytest.mark.parametrize(
    "text",
    ["15.05.1990", "1990-05-15", "15/05/1990", "15-05-1990", "15.5.1990", " 15.05.1990 ", "1990.05.15"],
)
def test_parse_date_formats(text: str) -> None:
    assert parse_date(text) == date(1990, 5, 15)


@pytest.mark.parametrize(
    "text", ["", "15.05.90", "15 мая 1990", "1990/5", "15..05.1990", "abc", "15.05.1990г"]
)
def test_date_format_error(text: str) -> None:
    with pytest.raises(BirthInputError) as info:
        parse_date(text)
    assert info.value.code == "date_format"
    assert info.value.message_key == "error-date_format"


@pytest.mark.parametrize("text", ["31.02.1990", "29.02.1900", "00.05.1990", "15.13.1990", "1990-04-31"])
def test_impossible_date(text: str) -> None:
    with pytest.raises(BirthInputError) as info:
        parse_date(text)
    assert info.value.code == "date_impossible"


def test_leap_day_exists_in_2000() -> None:
    assert parse_date("29.02.2000") == date(2000, 2, 29)


@pytest.mark.parametrize("year", [MIN_YEAR - 1, MAX_YEAR + 1, 1000])
def test_year_range(year: int) -> None:
    with pytest.raises(BirthInputError) as info:
        parse_date(f"01.01.{year}")
    assert info.value.code == "year_range"
    assert info.value.params == {"year": year, "min": MIN_YEAR, "max": MAX_YEAR}


def test_year_range_bounds_are_included() -> None:
    assert (MIN_YEAR, MAX_YEAR) == (1800, 2399)
    assert parse_date(f"01.01.{MIN_YEAR}").year == MIN_YEAR
    assert parse_date(f"31.12.{MAX_YEAR}").year == MAX_YEAR


def test_future_birth_date() -> None:
    check_not_future(date(2024, 1, 1), today=date(2024, 1, 1))
    with pytest.raises(BirthInputError) as info:
        check_not_future(date(2024, 1, 2), today=date(2024, 1, 1))
    assert info.value.code == "date_future"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:30", time(14, 30)),
        ("14.30", time(14, 30)),
        ("1430", time(14, 30)),
        ("9:05", time(9, 5)),
        ("09:05", time(9, 5)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("14:30:15", time(14, 30, 15)),
        (" 14:30 ", time(14, 30)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["не знаю", "Не  знаю", "unknown", "?", "Unknown", "don’t know", "-"])
def test_unknown_time(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize("text", ["", "14", "2 pm", "14:3", "143", "14:30:1", "ab:cd", "утром"])
def test_time_format_error(text: str) -> None:
    with pytest.raises(BirthInputError) as info:
        parse_time(text)
    assert info.value.code == "time_format"


@pytest.mark.parametrize("text", ["24:00", "25:10", "12:60", "2460", "12:30:61"])
def test_impossible_time(text: str) -> None:
    with pytest.raises(BirthInputError) as info:
        parse_time(text)
    assert info.value.code == "time_impossible"


@pytest.mark.parametrize(("lat", "lon"), [(0, 0), (90, 180), (-90, -180), (69.65, 18.96), (55.75, 37.62)])
def test_valid_coordinates(lat: float, lon: float) -> None:
    validate_coordinates(lat, lon)


@pytest.mark.parametrize("lat", [90.01, -91, math.nan, math.inf])
def test_latitude_range(lat: float) -> None:
    with pytest.raises(BirthInputError) as info:
        validate_coordinates(lat, 0.0)
    assert info.value.code == "lat_range"


@pytest.mark.parametrize("lon", [180.5, -181, math.nan])
def test_longitude_range(lon: float) -> None:
    with pytest.raises(BirthInputError) as info:
        validate_coordinates(0.0, lon)
    assert info.value.code == "lon_range"


def test_error_is_a_value_error_with_a_readable_str() -> None:
    error = BirthInputError("year_range", year=1700, min=MIN_YEAR, max=MAX_YEAR)
    assert isinstance(error, ValueError)
    assert "year_range" in str(error)
