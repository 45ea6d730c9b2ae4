"""The "chart at a glance" pages: positions, angles and house cusps, aspects, as ruled tables."""

from __future__ import annotations

from dataclasses import dataclass

from astralbot.astro.model import SIGNS, BodyPosition, Chart, sign_of
from astralbot.astro.model import degree_in_sign as degree_of
from astralbot.render.glyphs import BODY_GLYPHS, RETROGRADE, SIGN_GLYPHS, degree_parts
from astralbot.render.report_document import (
    ACCENT,
    BODY_INK,
    INK,
    MUTED,
    NOTE_FILL,
    NOTE_INK,
    RULE,
    STRIPE,
    ReportDocument,
)
from astralbot.render.theme import ASPECT_COLORS, ELEMENT_INKS, RETROGRADE_INK

# The reading speaks of the true node; the mean node beside it would only repeat it to a lay reader.
HIDDEN_POINTS = frozenset({"mean_node"})
# DejaVu Sans lacks U+26B9 (⚹), so the sextile uses the six-pointed star that looks the same in print.
ASPECT_GLYPHS: dict[str, str] = {
    "conjunction": "☌",
    "sextile": "✶",
    "square": "□",
    "trine": "△",
    "opposition": "☍",
}
ROW = 6.6
HEADER_ROW = 7.0
TEXT_SIZE = 9.5
GLYPH_SIZE = 11.0


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text in one colour; a table cell is a few pieces side by side."""

    text: str
    color: str = BODY_INK
    bold: bool = False
    size: float = TEXT_SIZE


@dataclass(frozen=True, slots=True)
class Column:
    width: float
    align: str = "L"  # L, C or R


Cell = tuple[Piece, ...]


def draw_tables(doc: ReportDocument, chart: Chart) -> None:
    t = doc.t
    doc.add_page()
    doc.page_title(t("report-data-title"))
    _subtitle(doc, t("report-positions-title"))
    _positions(doc, chart)
    if any(b.retrograde for b in _shown_bodies(chart)):
        doc.style(8, color=MUTED)
        doc.set_y(doc.get_y() + 1.5)
        doc.cell(0, 5, t("report-retrograde-legend"), new_x="LMARGIN", new_y="NEXT")
    doc.set_y(doc.get_y() + 6)
    doc.keep_space(70)
    _subtitle(doc, t("report-angles-title"))
    if chart.angles is None or chart.houses is None:
        note_box(doc, None, (t("report-no-houses"),))
    else:
        _angles(doc, chart.angles.asc, chart.angles.mc)
        doc.set_y(doc.get_y() + 4)
        _cusps(doc, chart.houses.cusps)
    doc.set_y(doc.get_y() + 8)
    doc.keep_space(40)
    _subtitle(doc, t("report-aspects-title"))
    _aspects(doc, chart)


def note_box(doc: ReportDocument, title: str | None, paragraphs: tuple[str, ...]) -> None:
    """A tinted box with a gold bar on the left: warnings and notes stand apart from the text."""
    pad, bar, line = 4.0, 1.2, 5.0
    inner = doc.content_width - 2 * pad - bar
    doc.style(9.5)
    height = 2 * pad + line * sum(len(doc.wrap(p, inner - 2 * doc.c_margin)) for p in paragraphs)
    height += 2.0 * (len(paragraphs) - 1)
    if title:
        height += 7.0
    doc.keep_space(height + 2)
    x, y = doc.l_margin, doc.get_y()
    doc.set_fill_color(NOTE_FILL)
    doc.rect(x, y, doc.content_width, height, style="F")
    doc.set_fill_color(ACCENT)
    doc.rect(x, y, bar, height, style="F")
    doc.set_xy(x + bar + pad, y + pad)
    if title:
        doc.style(10.5, bold=True, color=NOTE_INK)
        doc.cell(inner, 5, title, new_x="LEFT", new_y="NEXT")
        doc.set_y(doc.get_y() + 2)
    doc.style(9.5, color=NOTE_INK)
    for i, paragraph in enumerate(paragraphs):
        if i:
            doc.set_y(doc.get_y() + 2)
        doc.set_x(x + bar + pad)
        doc.paragraph(paragraph, line, inner)
    doc.set_y(y + height)


def _subtitle(doc: ReportDocument, text: str) -> None:
    doc.style(13, bold=True, color=INK)
    doc.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
    doc.set_y(doc.get_y() + 1.5)


def _shown_bodies(chart: Chart) -> list[BodyPosition]:
    return [b for b in chart.bodies if b.id not in HIDDEN_POINTS]


def _degree(longitude: float) -> str:
    degrees, minutes = degree_parts(degree_of(longitude))
    return degrees + minutes


def _sign(longitude: float, doc: ReportDocument) -> Cell:
    sign = sign_of(longitude)
    ink = ELEMENT_INKS[SIGNS.index(sign) % 4]
    return (Piece(SIGN_GLYPHS[sign] + "  ", ink, size=GLYPH_SIZE), Piece(doc.t(f"sign-{sign}")))


def _point(point: str, doc: ReportDocument, size: float = TEXT_SIZE) -> Cell:
    glyph = BODY_GLYPHS.get(point) or doc.t(f"render-{point}")
    glyph_size = GLYPH_SIZE if point in BODY_GLYPHS else size - 1.5
    return (
        Piece(glyph + "  ", INK, bold=point not in BODY_GLYPHS, size=glyph_size),
        Piece(doc.t(f"planet-{point}"), size=size),
    )


def _positions(doc: ReportDocument, chart: Chart) -> None:
    t = doc.t
    with_houses = chart.houses is not None
    # Without houses the body column takes the house column's width, so the table keeps its full width.
    columns = [Column(66 if with_houses else 80), Column(52), Column(28, "R")]
    header = [t("report-col-body"), t("report-col-sign"), t("report-col-degree")]
    if with_houses:
        columns.append(Column(14, "C"))
        header.append(t("report-col-house"))
    columns.append(Column(doc.content_width - sum(c.width for c in columns), "C"))
    header.append(t("report-col-retrograde"))
    rows: list[list[Cell]] = []
    for body in _shown_bodies(chart):
        row = [_point(body.id, doc), _sign(body.longitude, doc), (Piece(_degree(body.longitude)),)]
        if with_houses:
            row.append((Piece("" if body.house is None else str(body.house)),))
        row.append((Piece(RETROGRADE if body.retrograde else "", RETROGRADE_INK, size=GLYPH_SIZE),))
        rows.append(row)
    _table(doc, columns, header, rows)


def _angles(doc: ReportDocument, asc: float, mc: float) -> None:
    t = doc.t
    columns = [Column(66), Column(52), Column(doc.content_width - 118, "R")]
    rows = [
        [(Piece(t(key), INK, bold=True),), _sign(longitude, doc), (Piece(_degree(longitude)),)]
        for key, longitude in (("report-angle-asc", asc), ("report-angle-mc", mc))
    ]
    _table(doc, columns, None, rows)


def _cusps(doc: ReportDocument, cusps: tuple[float, ...]) -> None:
    """Twelve cusps as two side-by-side tables of six, so the block stays short."""
    t = doc.t
    gap = 6.0
    half = (doc.content_width - gap) / 2
    columns = [Column(half - 62), Column(40), Column(22, "R")]
    header = [t("report-col-cusp"), t("report-col-sign"), t("report-col-degree")]
    top = doc.get_y()
    _table(doc, columns, header, [_cusp_row(doc, n, cusps[n - 1]) for n in range(1, 7)])
    bottom = doc.get_y()
    doc.set_y(top)
    _table(
        doc,
        columns,
        header,
        [_cusp_row(doc, n, cusps[n - 1]) for n in range(7, 13)],
        x=doc.l_margin + half + gap,
    )
    doc.set_y(max(bottom, doc.get_y()))


def _cusp_row(doc: ReportDocument, house: int, longitude: float) -> list[Cell]:
    return [(Piece(doc.t(f"house-{house}")),), _sign(longitude, doc), (Piece(_degree(longitude)),)]


def _aspects(doc: ReportDocument, chart: Chart) -> None:
    t = doc.t
    aspects = [a for a in chart.aspects if a.a not in HIDDEN_POINTS and a.b not in HIDDEN_POINTS]
    if not aspects:
        doc.style(TEXT_SIZE, color=MUTED)
        doc.cell(0, ROW, t("report-aspects-none"), new_x="LMARGIN", new_y="NEXT")
        return
    size = TEXT_SIZE - 0.5
    columns = [Column(47), Column(35), Column(47), Column(16, "R"), Column(29, "R")]
    header = [
        t("report-col-body"),
        t("report-col-aspect"),
        t("report-col-body"),
        t("report-col-orb"),
        t("report-col-phase"),
    ]
    rows = []
    for aspect in aspects:
        color = ASPECT_COLORS[aspect.type]
        phase = t("report-applying" if aspect.applying else "report-separating")
        rows.append(
            [
                _point(aspect.a, doc, size),
                (
                    Piece(ASPECT_GLYPHS[aspect.type] + "  ", color, size=GLYPH_SIZE),
                    Piece(t(f"aspect-{aspect.type}"), color, size=size),
                ),
                _point(aspect.b, doc, size),
                (Piece(_degree(aspect.orb), size=size),),
                (Piece(phase, MUTED, size=size),),
            ]
        )
    _table(doc, columns, header, rows)


def _table(
    doc: ReportDocument,
    columns: list[Column],
    header: list[str] | None,
    rows: list[list[Cell]],
    x: float | None = None,
) -> None:
    """Striped rows under a small-caps-like header that repeats after a page break."""
    left = doc.l_margin if x is None else x
    width = sum(c.width for c in columns)
    if header is not None:
        _header_row(doc, columns, header, left, width)
    for i, row in enumerate(rows):
        if doc.will_page_break(ROW):
            doc.add_page()
            if header is not None:
                _header_row(doc, columns, header, left, width)
        y = doc.get_y()
        if i % 2 == 0:
            doc.set_fill_color(STRIPE)
            doc.rect(left, y, width, ROW, style="F")
        cx = left
        for column, cell in zip(columns, row, strict=True):
            _draw_cell(doc, column, cell, cx, y)
            cx += column.width
        doc.set_y(y + ROW)
    doc.set_draw_color(RULE)
    doc.set_line_width(0.2)
    doc.line(left, doc.get_y(), left + width, doc.get_y())


def _header_row(
    doc: ReportDocument, columns: list[Column], header: list[str], left: float, width: float
) -> None:
    y = doc.get_y()
    doc.style(8, bold=True, color=MUTED)
    cx = left
    for column, text in zip(columns, header, strict=True):
        doc.set_xy(cx + 1.5, y)
        doc.cell(column.width - 3, HEADER_ROW, text.upper(), align=column.align)
        cx += column.width
    doc.set_draw_color(ACCENT)
    doc.set_line_width(0.4)
    doc.line(left, y + HEADER_ROW, left + width, y + HEADER_ROW)
    doc.set_y(y + HEADER_ROW + 0.6)


def _draw_cell(doc: ReportDocument, column: Column, cell: Cell, x: float, y: float) -> None:
    widths = []
    for piece in cell:
        doc.set_font("DejaVu", "B" if piece.bold else "", piece.size)
        widths.append(doc.get_string_width(piece.text))
    inner = column.width - 3
    offset = {"L": 0.0, "C": (inner - sum(widths)) / 2, "R": inner - sum(widths)}[column.align]
    cx = x + 1.5 + offset
    for piece, w in zip(cell, widths, strict=True):
        doc.style(piece.size, bold=piece.bold, color=piece.color)
        doc.set_xy(cx, y)
        doc.cell(w, ROW, piece.text)
        cx += w
