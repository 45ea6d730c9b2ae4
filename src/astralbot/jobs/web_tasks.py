"""Work for the website's chart page, run in the chart worker processes: stored birth data in,
the SVG wheel, tables and reading out (plain data, ready for a template)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from astralbot.astro.model import Chart, degree_in_sign, sign_of
from astralbot.charting import BirthInput, build_chart
from astralbot.i18n import translator
from astralbot.reading.assemble import full_reading, major_aspects, short_reading
from astralbot.render import render_svg


@dataclass(frozen=True, slots=True)
class PositionRow:
    body: str  # translated name
    sign: str
    degree: str  # 12°34′
    house: int | None
    retrograde: bool


@dataclass(frozen=True, slots=True)
class AspectRow:
    a: str
    b: str
    kind: str  # translated aspect name
    type: str  # code, for styling
    orb: str


@dataclass(frozen=True, slots=True)
class ReadingSection:
    heading: str
    paragraphs: tuple[str, ...]
    note: bool  # a caveat (unknown time, polar houses), shown apart


@dataclass(frozen=True, slots=True)
class ChartPage:
    svg: str
    positions: tuple[PositionRow, ...]
    angles: tuple[PositionRow, ...]
    aspects: tuple[AspectRow, ...]
    reading_title: str
    reading: tuple[ReadingSection, ...]


def birth_input(birth: dict[str, Any]) -> BirthInput:
    """The birth data as the charts table stores it (see `jobs.tasks.job_data`)."""
    return BirthInput(
        date=date.fromisoformat(birth["date"]),
        time=time.fromisoformat(birth["time"]) if birth.get("time") else None,
        lat=float(birth["lat"]),
        lon=float(birth["lon"]),
        timezone=str(birth.get("timezone") or "UTC"),
        place_name=str(birth.get("place") or ""),
        house_system=birth.get("house_system") or "placidus",
    )


def _degree(value: float) -> str:
    total = int(value * 60)  # truncated, as ephemerides print degrees
    degrees, minutes = divmod(total, 60)
    return f"{degrees}°{minutes:02d}′"


def _row(t: Any, body: str, longitude: float, house: int | None, retrograde: bool) -> PositionRow:
    return PositionRow(
        body=t(f"planet-{body}"),
        sign=t(f"sign-{sign_of(longitude)}"),
        degree=_degree(degree_in_sign(longitude)),
        house=house,
        retrograde=retrograde,
    )


def _tables(
    chart: Chart, locale: str
) -> tuple[tuple[PositionRow, ...], tuple[PositionRow, ...], tuple[AspectRow, ...]]:
    t = translator(locale)
    positions = tuple(_row(t, b.id, b.longitude, b.house, b.retrograde) for b in chart.bodies)
    angles: tuple[PositionRow, ...] = ()
    if chart.angles is not None:
        angles = (
            _row(t, "asc", chart.angles.asc, None, False),
            _row(t, "mc", chart.angles.mc, None, False),
        )
    aspects = tuple(
        AspectRow(
            a=t(f"planet-{a.a}"),
            b=t(f"planet-{a.b}"),
            kind=t(f"aspect-{a.type}"),
            type=a.type,
            orb=f"{a.orb:.1f}°",
        )
        for a in major_aspects(chart, limit=40)
    )
    return positions, angles, aspects


def make_chart_page(birth: dict[str, Any], locale: str, full: bool) -> ChartPage:
    """Compute the chart again from its birth data (deterministic) and lay out the page's parts."""
    _resolved, chart = build_chart(birth_input(birth))
    reading = full_reading(chart, locale) if full else short_reading(chart, locale)
    positions, angles, aspects = _tables(chart, locale)
    return ChartPage(
        svg=render_svg(chart, locale, size=800),
        positions=positions,
        angles=angles,
        aspects=aspects,
        reading_title=reading.title,
        reading=tuple(ReadingSection(s.heading, s.paragraphs, s.theme == "notes") for s in reading.sections),
    )
