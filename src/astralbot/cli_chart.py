"""The human-readable chart summary printed by `astralbot chart` without --json."""

from __future__ import annotations

from astralbot.astro.model import Chart, ChartWarning
from astralbot.charting import ResolvedInput, format_offset
from astralbot.i18n import Translator
from astralbot.reading.assemble import full_reading


def warning_message(t: Translator, warning: ChartWarning) -> str:
    return t(f"warning-{warning.code}", **warning.params)


def _dms(degrees: float) -> str:
    whole = int(degrees)
    minutes = round((degrees - whole) * 60)
    if minutes == 60:
        whole, minutes = whole + 1, 0
    return f"{whole:2d}°{minutes:02d}′"


def describe_chart(t: Translator, resolved: ResolvedInput, chart: Chart) -> str:
    birth = resolved.birth
    lines: list[str] = []
    place = ", ".join(p for p in (birth.place_name, birth.country) if p) or t("cli-coordinates")
    lines.append(t("cli-title"))
    lines.append(
        t("cli-place", place=place, lat=f"{birth.lat:.4f}", lon=f"{birth.lon:.4f}", tz=birth.timezone)
    )
    local = (
        f"{birth.date.isoformat()} {birth.time.strftime('%H:%M') if birth.time else t('cli-time-unknown')}"
    )
    lines.append(
        t(
            "cli-time",
            local=local,
            offset=format_offset(resolved.resolution.utc_offset),
            utc=resolved.resolution.utc.strftime("%Y-%m-%d %H:%M:%S UTC"),
        )
    )
    lines.append(t("cli-ephemeris", ephemeris=chart.ephemeris))
    lines.append("")
    for b in chart.bodies:
        house = f"  {t('cli-house-short')} {b.house}" if b.house else ""
        retro = " ℞" if b.retrograde else ""
        lines.append(
            f"  {t(f'planet-{b.id}'):<22} {_dms(b.degree_in_sign)} {t(f'sign-{b.sign}'):<12}{retro}{house}"
        )
    if chart.angles is not None:
        lines.append("")
        lines.append(f"  {'ASC':<22} {_dms(chart.angles.asc % 30)} {t(f'sign-{_sign(chart.angles.asc)}')}")
        lines.append(f"  {'MC':<22} {_dms(chart.angles.mc % 30)} {t(f'sign-{_sign(chart.angles.mc)}')}")
    if chart.houses is not None:
        lines.append("")
        lines.append(t("cli-houses", system=chart.houses.system))
        for i, cusp in enumerate(chart.houses.cusps, start=1):
            lines.append(f"  {i:>2}: {_dms(cusp % 30)} {t(f'sign-{_sign(cusp)}')}")
    if chart.aspects:
        lines.append("")
        lines.append(t("cli-aspects"))
        for a in chart.aspects:
            state = t("cli-applying") if a.applying else t("cli-separating")
            lines.append(
                f"  {_name(t, a.a)} — {t(f'aspect-{a.type}')} — {_name(t, a.b)}  ({a.orb:.2f}°, {state})"
            )
    if chart.warnings:
        lines.append("")
        lines.extend(f"! {warning_message(t, w)}" for w in chart.warnings)
    lines.append("")
    lines.append(full_reading(chart, t.locale).as_text())
    return "\n".join(lines)


def _sign(longitude: float) -> str:
    from astralbot.astro.model import sign_of

    return sign_of(longitude)


def _name(t: Translator, point: str) -> str:
    return point.upper() if point in ("asc", "mc") else t(f"planet-{point}")
