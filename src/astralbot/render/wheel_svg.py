"""The chart wheel as a standalone, scalable SVG (for the web page)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from astralbot.astro.model import Chart
from astralbot.render.fonts import FONT_FAMILY
from astralbot.render.layout import CANVAS, HALO_WIDTH, Band, Circle, Label, Line, Shape, build_layout, polar
from astralbot.render.svg_font import EMBEDDED_FAMILY, TEXT_STYLE, embedded_font_css

FONT_STACK = (
    f"'{EMBEDDED_FAMILY}', '{FONT_FAMILY}', 'Noto Sans Symbols 2', 'Segoe UI Symbol', "
    "'Apple Symbols', 'Arial Unicode MS', sans-serif"
)
_ANCHORS = {"start": "start", "middle": "middle", "end": "end"}
_DASH = "6 4"


def render_svg(chart: Chart, locale: str = "ru", size: int = 800, *, embed_font: bool = True) -> str:
    """The wheel as SVG text: a viewBox of 1000×1000 units shown at `size` pixels by default."""
    layout = build_layout(chart, locale)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CANVAS:g} {CANVAS:g}" '
        f'width="{size}" height="{size}" font-family={quoteattr(FONT_STACK)} role="img">'
    ]
    if embed_font:
        parts.append(f"<defs><style>{embedded_font_css()}</style></defs>")
    parts.append(f'<rect width="100%" height="100%" fill="{layout.background}"/>')
    parts.extend(_shape(shape) for shape in layout.shapes)
    parts.append("</svg>")
    return "\n".join(parts)


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def _data(pairs: tuple[tuple[str, str], ...]) -> str:
    return "".join(f" data-{key}={quoteattr(value)}" for key, value in pairs)


def _shape(shape: Shape) -> str:
    if isinstance(shape, Line):
        dash = f' stroke-dasharray="{_DASH}"' if shape.dashed else ""
        return (
            f'<line class="{shape.role}" x1="{_num(shape.x1)}" y1="{_num(shape.y1)}" '
            f'x2="{_num(shape.x2)}" y2="{_num(shape.y2)}" stroke="{shape.color}" '
            f'stroke-width="{_num(shape.width)}" stroke-linecap="round"{dash}{_data(shape.data)}/>'
        )
    if isinstance(shape, Circle):
        stroke = f' stroke="{shape.stroke}" stroke-width="{_num(shape.width)}"' if shape.stroke else ""
        return (
            f'<circle class="{shape.role}" cx="{_num(shape.cx)}" cy="{_num(shape.cy)}" r="{_num(shape.r)}" '
            f'fill="{shape.fill or "none"}"{stroke}/>'
        )
    if isinstance(shape, Band):
        return f'<path class="{shape.role}" d="{_band_path(shape)}" fill="{shape.fill}"/>'
    return _label(shape)


def _band_path(band: Band) -> str:
    large = 1 if (band.end - band.start) % 360.0 > 180.0 else 0
    ox1, oy1 = polar(band.r_out, band.start)
    ox2, oy2 = polar(band.r_out, band.end)
    ix2, iy2 = polar(band.r_in, band.end)
    ix1, iy1 = polar(band.r_in, band.start)
    # Screen y points down, so counter-clockwise on screen is SVG's negative sweep direction.
    r_out, r_in = _num(band.r_out), _num(band.r_in)
    return (
        f"M{_num(ox1)} {_num(oy1)} A{r_out} {r_out} 0 {large} 0 {_num(ox2)} {_num(oy2)} "
        f"L{_num(ix2)} {_num(iy2)} A{r_in} {r_in} 0 {large} 1 {_num(ix1)} {_num(iy1)}Z"
    )


def _label(label: Label) -> str:
    weight = ' font-weight="bold"' if label.bold else ""
    halo = (
        f' stroke="{label.halo}" stroke-width="{_num(HALO_WIDTH * 2)}" '
        'stroke-linejoin="round" paint-order="stroke"'
        if label.halo
        else ""
    )
    text = escape(label.text) + (TEXT_STYLE if label.symbol else "")
    return (
        f'<text class="{label.role}" x="{_num(label.x)}" y="{_num(label.y)}" font-size="{label.size}" '
        f'fill="{label.color}" text-anchor="{_ANCHORS[label.anchor]}" dominant-baseline="central"'
        f"{weight}{halo}{_data(label.data)}>{text}</text>"
    )
