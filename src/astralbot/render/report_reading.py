"""The written reading as chapters: one chapter per theme, its sections as headed, justified text."""

from __future__ import annotations

from astralbot.reading import Reading, Section
from astralbot.render.report_document import ACCENT, BODY_INK, INK, ORNAMENT, ReportDocument
from astralbot.render.report_tables import note_box

# In these themes the section heading only repeats the chapter title, so it is not printed.
CHAPTER_ONLY_THEMES = frozenset({"intro", "aspects", "closing"})
PARAGRAPH_SIZE = 10.5
LINE = 5.6
# Room for a heading plus the first lines of its text: a heading never sits alone at a page foot.
CHAPTER_KEEP = 48.0
SECTION_KEEP = 26.0


def draw_reading(doc: ReportDocument, reading: Reading) -> None:
    doc.add_page()
    doc.page_title(reading.title)
    theme: str | None = None
    for section in reading.sections:
        if section.theme == "notes":
            note_box(doc, section.heading, section.paragraphs)
            doc.set_y(doc.get_y() + 6)
            continue
        if section.theme != theme:
            _chapter(doc, doc.t(f"report-theme-{section.theme}"), first=theme is None)
            theme = section.theme
        _section(doc, section)
    _end_ornament(doc)


def _chapter(doc: ReportDocument, title: str, first: bool) -> None:
    if not first:
        doc.set_y(doc.get_y() + 7)
    doc.keep_space(CHAPTER_KEEP)
    doc.style(10, color=ACCENT)
    doc.cell(6, 9, ORNAMENT)
    doc.style(16, bold=True, color=INK)
    doc.multi_cell(0, 9, title, new_x="LMARGIN", new_y="NEXT")
    doc.set_draw_color(ACCENT)
    doc.set_line_width(0.3)
    y = doc.get_y() + 1
    doc.line(doc.l_margin, y, doc.w - doc.r_margin, y)
    doc.set_y(y + 5)


def _section(doc: ReportDocument, section: Section) -> None:
    if section.theme not in CHAPTER_ONLY_THEMES:
        doc.keep_space(SECTION_KEEP)
        doc.style(12, bold=True, color=INK)
        doc.multi_cell(0, 6.5, section.heading, new_x="LMARGIN", new_y="NEXT")
        doc.set_y(doc.get_y() + 1.5)
    doc.style(PARAGRAPH_SIZE, color=BODY_INK)
    for paragraph in section.paragraphs:
        doc.paragraph(paragraph, LINE)
        doc.set_y(doc.get_y() + 2.8)
    doc.set_y(doc.get_y() + 2)


def _end_ornament(doc: ReportDocument) -> None:
    doc.keep_space(16)
    doc.set_y(doc.get_y() + 6)
    doc.style(11, color=ACCENT)
    doc.cell(0, 8, f"{ORNAMENT}   {ORNAMENT}   {ORNAMENT}", align="C", new_x="LMARGIN", new_y="NEXT")
