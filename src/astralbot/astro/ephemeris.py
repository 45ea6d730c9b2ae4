"""Body positions from the Swiss Ephemeris (pyswisseph).

Swiss Ephemeris keeps global C state (ephemeris path, open files, caches) and is NOT
thread-safe. Call it from one thread per process; the service runs charts in a process pool
and each worker calls `configure_ephemeris` once from its initializer.

Which ephemeris computes a chart is never hidden: `body_positions` reads the flag that
`swe.calc_ut` returns (the one actually used) and reports "swiss" or "moshier".
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import swisseph as swe

from astralbot.astro.model import BODIES, Ephemeris

# Swiss Ephemeris body numbers, in the order of `model.BODIES`.
_SWE_BODY: dict[str, int] = {
    "sun": swe.SUN,
    "moon": swe.MOON,
    "mercury": swe.MERCURY,
    "venus": swe.VENUS,
    "mars": swe.MARS,
    "jupiter": swe.JUPITER,
    "saturn": swe.SATURN,
    "uranus": swe.URANUS,
    "neptune": swe.NEPTUNE,
    "pluto": swe.PLUTO,
    "mean_node": swe.MEAN_NODE,
    "true_node": swe.TRUE_NODE,
    "lilith": swe.MEAN_APOG,
}
BODY_CODES: tuple[tuple[str, int], ...] = tuple((body_id, _SWE_BODY[body_id]) for body_id in BODIES)

# Mean node and mean apogee are analytic formulas: swe reports the requested flag for them even
# when no file was read, so only the real bodies tell which ephemeris was used.
_EPHEMERIS_WITNESSES = frozenset(range(swe.SUN, swe.PLUTO + 1))

# The standard Swiss files sepl_18/semo_18 cover 1800–2399; Moshier covers far more, but birth
# data and time-zone history outside this window are not meaningful for this product.
MIN_YEAR = 1800
MAX_YEAR = 2399

_SWISS_FILE_GLOBS = ("sepl*.se1", "semo*.se1")


@dataclass(slots=True)
class _EphemerisSettings:
    # Mirrors the process-global state of the C library; changed only by configure_ephemeris.
    calc_flags: int = swe.FLG_MOSEPH | swe.FLG_SPEED


_settings = _EphemerisSettings()


def _has_swiss_files(path: str) -> bool:
    for directory in path.split(os.pathsep):
        if not directory:
            continue
        folder = Path(directory)
        if folder.is_dir() and any(next(folder.glob(pattern), None) for pattern in _SWISS_FILE_GLOBS):
            return True
    return False


def configure_ephemeris(path: str | None) -> Ephemeris:
    """Point Swiss Ephemeris at its data files, once per process; return the ephemeris requested.

    The Swiss files are requested only when `path` (or `SE_EPHE_PATH`, which the C library
    gives priority anyway) holds planet or Moon files; otherwise Moshier is requested explicitly.
    Even then a chart may fall back to Moshier (a date outside the files): `Chart.ephemeris`
    reports what was really used.
    """
    effective = os.environ.get("SE_EPHE_PATH") or path
    swe.set_ephe_path(path)
    if effective and _has_swiss_files(effective):
        _settings.calc_flags = swe.FLG_SWIEPH | swe.FLG_SPEED
        return "swiss"
    _settings.calc_flags = swe.FLG_MOSEPH | swe.FLG_SPEED
    return "moshier"


def julian_day_ut(utc: datetime) -> float:
    """Julian day (UT) of a timezone-aware instant, seconds and microseconds included."""
    if utc.tzinfo is None:
        raise ValueError("the birth instant must be timezone-aware (UTC)")
    utc = utc.astimezone(UTC)
    hours = utc.hour + utc.minute / 60.0 + (utc.second + utc.microsecond / 1e6) / 3600.0
    return float(swe.julday(utc.year, utc.month, utc.day, hours, swe.GREG_CAL))


@dataclass(frozen=True, slots=True)
class RawPosition:
    id: str
    longitude: float  # degrees 0..360
    latitude: float
    speed: float  # degrees of longitude per day


def body_positions(jd_ut: float, flags: int | None = None) -> tuple[list[RawPosition], Ephemeris]:
    """Tropical apparent geocentric positions of all `BODIES` and the ephemeris really used."""
    calc_flags = _settings.calc_flags if flags is None else flags | swe.FLG_SPEED
    positions: list[RawPosition] = []
    swiss = True
    for body_id, code in BODY_CODES:
        xx, used = swe.calc_ut(jd_ut, code, calc_flags)
        if code in _EPHEMERIS_WITNESSES and not used & swe.FLG_SWIEPH:
            swiss = False
        positions.append(RawPosition(body_id, xx[0], xx[1], xx[3]))
    return positions, ("swiss" if swiss else "moshier")


def true_obliquity(jd_ut: float) -> float:
    """True obliquity of the ecliptic of date, degrees."""
    xx, _ = swe.calc_ut(jd_ut, swe.ECL_NUT, swe.FLG_MOSEPH)
    return float(xx[0])
