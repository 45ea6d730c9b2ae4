"""The page frame of the PDF report: fonts, palette, running header and footer, text helpers.

The cover, the tables and the reading (report_cover/report_tables/report_reading) draw on this.
"""

from __future__ import annotations

from fpdf import FPDF

from astralbot.i18n import Translator
from astralbot.render import theme
from astralbot.render.fonts import font_path

FAMILY = "DejaVu"

# The wheel's print-like palette, plus a muted gold accent for rules and ornaments.
INK = theme.INK
BODY_INK = "#2E3445"
MUTED = theme.MUTED_INK
ACCENT = "#A8864B"
PAPER = theme.BACKGROUND
STRIPE = "#F6F3EC"
RULE = "#E2DCCF"
NOTE_FILL = "#FBF4E4"
NOTE_INK = "#7A5A22"

MARGIN = 18.0  # mm, all sides
HEADER_Y = 9.0
FOOTER_FROM_BOTTOM = 12.0
ORNAMENT = "✦"


class ReportDocument(FPDF):
    """A4 portrait in millimetres; every page but the cover carries the name and a page number."""

    def __init__(self, t: Translator, name: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.t = t
        self.person = name
        self.add_font(FAMILY, "", font_path())
        self.add_font(FAMILY, "B", font_path(bold=True))
        self.set_margins(MARGIN, MARGIN + 4, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN + 2)
        self.alias_nb_pages()

    @property
    def content_width(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def style(self, size: float, bold: bool = False, color: str = INK) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(color)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.style(8, color=MUTED)
        self.set_xy(self.l_margin, HEADER_Y)
        self.cell(self.content_width / 2, 5, self.person)
        self.cell(
            self.content_width / 2, 5, f"{self.t('report-brand')} · {self.t('report-title')}", align="R"
        )
        self.set_draw_color(RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, HEADER_Y + 6, self.w - self.r_margin, HEADER_Y + 6)
        self.set_xy(self.l_margin, self.t_margin)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-FOOTER_FROM_BOTTOM)
        self.style(8, color=MUTED)
        self.cell(
            0, 5, self.t("report-page", page=str(self.page_no()), total=self.str_alias_nb_pages), align="C"
        )

    def fitted_size(self, text: str, size: float, width: float, bold: bool = False) -> float:
        """The largest font size up to `size` at which `text` fits `width` (long names, long places)."""
        self.set_font(FAMILY, "B" if bold else "", size)
        while size > 6 and self.get_string_width(text) > width:
            size -= 0.5
            self.set_font(FAMILY, "B" if bold else "", size)
        return size

    def page_title(self, text: str) -> None:
        """A page-level title with a short accent rule under it."""
        self.style(20, bold=True)
        self.multi_cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")
        self.accent_rule(self.get_y() + 1.5)
        self.set_y(self.get_y() + 7)

    def accent_rule(self, y: float, width: float = 28.0) -> None:
        self.set_draw_color(ACCENT)
        self.set_line_width(0.6)
        self.line(self.l_margin, y, self.l_margin + width, y)

    def keep_space(self, height: float) -> None:
        """Start a new page when less than `height` mm remain, so a heading never ends a page."""
        if self.will_page_break(height):
            self.add_page()

    def wrap(self, text: str, width: float) -> list[str]:
        """Greedy word wrap in the current font.

        fpdf2's multi_cell re-measures the whole line for every character it adds, which made the
        reading pages cost most of the render time; measuring each word once is many times faster.
        """
        space = self.get_string_width(" ")
        lines: list[str] = []
        words: list[str] = []
        used = 0.0
        for word in text.split():
            width_of_word = self.get_string_width(word)
            if words and used + space + width_of_word > width:
                lines.append(" ".join(words))
                words, used = [], 0.0
            used += width_of_word + (space if words else 0.0)
            words.append(word)
        if words:
            lines.append(" ".join(words))
        return lines

    def paragraph(self, text: str, line_height: float, width: float | None = None) -> None:
        """Ragged-right text from the current x; lines break across pages like any cell."""
        left = self.get_x()
        width = self.w - self.r_margin - left if width is None else width
        for line in self.wrap(text, width - 2 * self.c_margin):
            self.set_x(left)
            self.cell(width, line_height, line, new_x="LEFT", new_y="NEXT")
