"""Offline places (GeoNames, Russian and English names) and birth local time → UTC instant.

Nothing is built at import: call `load_gazetteer()` once (it caches) where places are needed.
"""

from astralbot.geo.birth_input import (
    MAX_YEAR,
    MIN_YEAR,
    BirthInputError,
    check_not_future,
    check_year,
    parse_date,
    parse_time,
    validate_coordinates,
)
from astralbot.geo.birth_time import TimeKind, TimeResolution, is_known_timezone, resolve_local_time
from astralbot.geo.gazetteer import Gazetteer, build_gazetteer, load_gazetteer
from astralbot.geo.normalize import normalize_name
from astralbot.geo.place import Place

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "BirthInputError",
    "Gazetteer",
    "Place",
    "TimeKind",
    "TimeResolution",
    "build_gazetteer",
    "check_not_future",
    "check_year",
    "is_known_timezone",
    "load_gazetteer",
    "normalize_name",
    "parse_date",
    "parse_time",
    "resolve_local_time",
    "validate_coordinates",
]
