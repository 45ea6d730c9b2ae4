"""The cover page: brand, title, the person's name, the chart wheel and the birth data."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, time

from astralbot.astro.model import Chart
from astralbot.i18n import Translator
from astralbot.render.report_document import ACCENT, INK, MUTED, ORNAMENT, PAPER, RULE, ReportDocument
from astralbot.render.wheel_png import render_png

WHEEL_PX = 1400
WHEEL_MM = 158.0
WHEEL_TOP = 58.0
DETAILS_TOP = 224.0
DETAIL_ROW = 7.0
DETAIL_LINE = 4.6  # between wrapped lines of one value
MIN_DETAIL_SIZE = 9.0
MAX_DETAIL_LINES = 3


@dataclass(frozen=True, slots=True)
class ReportSubject:
    """Birth data as the person gave it, for the cover; the chart itself holds only the UTC instant."""

    name: str
    birth_date: date
    birth_time: time | None
    place: str
    timezone: str
    utc_offset: str  # "+03:00", as `charting.format_offset` writes it
    house_system: str  # the requested system code, e.g. "placidus"


def draw_cover(doc: ReportDocument, subject: ReportSubject, chart: Chart, locale: str) -> None:
    t = doc.t
    # The cover is laid out to fit one page exactly; an automatic break would split it.
    bottom = doc.b_margin
    doc.set_auto_page_break(auto=False, margin=bottom)
    doc.add_page()
    doc.set_fill_color(PAPER)
    doc.rect(0, 0, doc.w, doc.h, style="F")
    _brand(doc)

    doc.style(30, bold=True)
    doc.set_xy(doc.l_margin, 29)
    doc.cell(doc.content_width, 13, t("report-title"), align="C")
    size = doc.fitted_size(subject.name, 18, doc.content_width)
    doc.style(size, color=INK)
    doc.set_xy(doc.l_margin, 43)
    doc.cell(doc.content_width, 9, subject.name, align="C")

    wheel = render_png(chart, locale, size=WHEEL_PX)
    doc.image(io.BytesIO(wheel), x=(doc.w - WHEEL_MM) / 2, y=WHEEL_TOP, w=WHEEL_MM, h=WHEEL_MM)

    _details(doc, _detail_rows(subject, chart, t))

    doc.set_draw_color(RULE)
    doc.set_line_width(0.2)
    doc.line(doc.l_margin + 40, doc.h - 17, doc.w - doc.r_margin - 40, doc.h - 17)
    doc.style(8, color=MUTED)
    doc.set_xy(doc.l_margin, doc.h - 15)
    doc.cell(doc.content_width, 5, t("report-tagline"), align="C")
    doc.set_auto_page_break(auto=True, margin=bottom)


def _brand(doc: ReportDocument) -> None:
    """The letter-spaced brand line between two short gold rules."""
    brand = doc.t("report-brand")
    doc.style(10, bold=True, color=ACCENT)
    doc.set_char_spacing(3)
    width = doc.get_string_width(brand)
    doc.set_xy((doc.w - width) / 2, 17)
    doc.cell(width, 6, brand, align="C")
    doc.set_char_spacing(0)
    doc.set_draw_color(ACCENT)
    doc.set_line_width(0.3)
    middle = doc.w / 2
    doc.line(middle - width / 2 - 24, 20, middle - width / 2 - 6, 20)
    doc.line(middle + width / 2 + 6, 20, middle + width / 2 + 24, 20)


def _detail_rows(subject: ReportSubject, chart: Chart, t: Translator) -> list[tuple[str, str]]:
    born = subject.birth_date
    when = t(
        "report-date-value", day=str(born.day), month=t(f"report-month-{born.month}"), year=str(born.year)
    )
    clock = t("report-time-unknown") if subject.birth_time is None else subject.birth_time.strftime("%H:%M")
    return [
        (t("report-label-date"), when),
        (t("report-label-time"), clock),
        (t("report-label-place"), subject.place),
        (
            t("report-label-timezone"),
            t("report-timezone-value", timezone=subject.timezone, offset=subject.utc_offset),
        ),
        (t("report-label-houses"), _house_system(subject, chart, t)),
    ]


def _house_system(subject: ReportSubject, chart: Chart, t: Translator) -> str:
    if chart.houses is None:
        return t("report-houses-not-computed")
    used = _system_name(chart.houses.system, t)
    if chart.houses.system != subject.house_system:  # polar fallback: say what was asked and what was used
        return t("report-houses-fallback", used=used, requested=_system_name(subject.house_system, t))
    return used


def _system_name(code: str, t: Translator) -> str:
    key = f"report-house-system-{code}"
    return t(key) if t.has(key) else code


def _details(doc: ReportDocument, rows: list[tuple[str, str]]) -> None:
    """Label and value columns meeting at the page's centre line, with an ornament above."""
    doc.style(9, color=ACCENT)
    doc.set_xy(doc.l_margin, DETAILS_TOP - 7)
    doc.cell(doc.content_width, 5, ORNAMENT, align="C")
    middle = doc.w / 2
    label_width = middle - 4 - doc.l_margin
    value_width = doc.w - doc.r_margin - (middle + 4)
    y = DETAILS_TOP
    for label, value in rows:
        doc.style(9.5, color=MUTED)
        doc.set_xy(doc.l_margin, y)
        doc.cell(label_width, DETAIL_ROW, label, align="R")
        # Shrink a long value a little, then wrap it rather than shrinking it to an unreadable size.
        size = max(doc.fitted_size(value, 10.5, value_width - 2 * doc.c_margin, bold=True), MIN_DETAIL_SIZE)
        doc.style(size, bold=True, color=INK)
        lines = doc.wrap(value, value_width - 2 * doc.c_margin)[:MAX_DETAIL_LINES]
        for k, line in enumerate(lines):
            doc.set_xy(middle + 4, y + k * DETAIL_LINE)
            doc.cell(value_width, DETAIL_ROW, line)
        y += DETAIL_ROW + (len(lines) - 1) * DETAIL_LINE
