"""The PDF report of the paid full reading: cover with the wheel, the chart in tables, the reading.

Pure: it reads only the bundled fonts, and the same subject, chart and locale give the same bytes
(the document date is the chart's own instant, never "now").
"""

from __future__ import annotations

from astralbot.astro.model import Chart
from astralbot.i18n import translator
from astralbot.reading import full_reading
from astralbot.render.report_cover import ReportSubject, draw_cover
from astralbot.render.report_document import ReportDocument
from astralbot.render.report_reading import draw_reading
from astralbot.render.report_tables import draw_tables


def render_report_pdf(subject: ReportSubject, chart: Chart, locale: str) -> bytes:
    t = translator(locale)
    doc = ReportDocument(t, subject.name)
    # fpdf2 stamps "now" by default, which would make every rendering differ.
    doc.set_creation_date(chart.moment.utc)
    doc.set_title(t("report-meta-title", name=subject.name))
    doc.set_subject(t("report-meta-subject"))
    doc.set_author(t("report-brand"))
    doc.set_lang(t.locale)
    draw_cover(doc, subject, chart, locale)
    draw_tables(doc, chart)
    draw_reading(doc, full_reading(chart, locale))
    return bytes(doc.output())


__all__ = ["ReportSubject", "render_report_pdf"]
