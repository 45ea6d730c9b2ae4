"""Work that runs inside the chart worker processes: plain data in, plain data (bytes, text) out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from astralbot.charting import BirthInput, build_chart, chart_to_json
from astralbot.i18n import translator
from astralbot.reading.assemble import short_reading
from astralbot.render import render_png


@dataclass(frozen=True, slots=True)
class ChartJob:
    birth_date: date
    birth_time: time | None
    lat: float
    lon: float
    timezone: str
    place_label: str
    house_system: str
    locale: str
    name: str


@dataclass(frozen=True, slots=True)
class FreeChart:
    png: bytes
    reading_html: str
    warnings: tuple[str, ...]  # warning codes, rendered by the bot
    data: dict[str, Any]  # what the charts table keeps: the birth data and the `--json` contract


def _birth(job: ChartJob) -> BirthInput:
    return BirthInput(
        date=job.birth_date,
        time=job.birth_time,
        lat=job.lat,
        lon=job.lon,
        timezone=job.timezone,
        place_name=job.place_label,
        house_system=job.house_system,  # type: ignore[arg-type]
    )


def job_data(job: ChartJob) -> dict[str, Any]:
    """The birth data as stored with a chart: enough to compute and draw it again."""
    return {
        "date": job.birth_date.isoformat(),
        "time": job.birth_time.strftime("%H:%M") if job.birth_time else None,
        "lat": job.lat,
        "lon": job.lon,
        "timezone": job.timezone,
        "place": job.place_label,
        "house_system": job.house_system,
        "name": job.name,
    }


def make_free_chart(job: ChartJob) -> FreeChart:
    resolved, chart = build_chart(_birth(job))
    png = render_png(chart, job.locale)
    reading = short_reading(chart, job.locale)
    t = translator(job.locale)
    contract = chart_to_json(resolved, chart, lambda w: t(f"warning-{w.code}", **w.params))
    return FreeChart(
        png=png,
        reading_html=reading.as_html(),
        warnings=tuple(w.code for w in chart.warnings),
        data={"birth": job_data(job), "chart": contract},
    )


@dataclass(frozen=True, slots=True)
class FullReading:
    """The paid product, made in a worker: everything the delivery sends, as bytes and text."""

    png: bytes
    reading_html: str
    pdf: bytes
    data: dict[str, Any]


def job_from_birth(birth: dict[str, Any], locale: str) -> ChartJob:
    """The inverse of `job_data`: a stored birth snapshot back into a job."""
    return ChartJob(
        birth_date=date.fromisoformat(birth["date"]),
        birth_time=time.fromisoformat(birth["time"]) if birth.get("time") else None,
        lat=float(birth["lat"]),
        lon=float(birth["lon"]),
        timezone=str(birth["timezone"]),
        place_label=str(birth.get("place") or ""),
        house_system=str(birth.get("house_system") or "placidus"),
        locale=locale,
        name=str(birth.get("name") or ""),
    )


def compute_facts(job: ChartJob) -> dict[str, Any]:
    """Step 1 of the full reading: the chart itself (fast; it also validates the stored data)."""
    resolved, chart = build_chart(_birth(job))
    t = translator(job.locale)
    return chart_to_json(resolved, chart, lambda w: t(f"warning-{w.code}", **w.params))


def draw_wheel(job: ChartJob) -> bytes:
    """Step 2: the wheel PNG for Telegram."""
    _resolved, chart = build_chart(_birth(job))
    return render_png(chart, job.locale)


def write_full_reading(job: ChartJob) -> tuple[str, bytes]:
    """Step 3: the complete interpretation (Telegram HTML) and the PDF report."""
    from astralbot.charting import format_offset
    from astralbot.reading.assemble import full_reading
    from astralbot.render.report_pdf import ReportSubject, render_report_pdf

    resolved, chart = build_chart(_birth(job))
    reading = full_reading(chart, job.locale)
    subject = ReportSubject(
        name=job.name,
        birth_date=job.birth_date,
        birth_time=job.birth_time,
        place=job.place_label,
        timezone=job.timezone,
        utc_offset=format_offset(resolved.resolution.utc_offset),
        house_system=job.house_system,
    )
    return reading.as_html(), render_report_pdf(subject, chart, job.locale)
