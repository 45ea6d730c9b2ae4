"""Wheel geometry, computed once: every shape and label with its position on a 1000×1000 canvas.

The SVG and PNG backends only draw these primitives (scaled to their size), so the two pictures
always agree. Angles follow the Western convention: the Ascendant at 9 o'clock (0° Aries there
when the birth time is unknown) and longitudes increasing counter-clockwise.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from astralbot.astro.model import SIGNS, Chart, degree_in_sign
from astralbot.i18n import Translator, translator
from astralbot.render import theme
from astralbot.render.fonts import pil_font
from astralbot.render.glyphs import BODY_GLYPHS, RETROGRADE, SIGN_GLYPHS, SOUTH_NODE, degree_parts
from astralbot.render.spacing import spread_on_circle

CANVAS = 1000.0
CX = CY = CANVAS / 2

R_OUTER = 440.0  # zodiac ring, outer edge
R_ZODIAC_IN = 378.0  # zodiac ring, inner edge (degree ticks point inward from here)
R_SIGN = 409.0
R_BODY_TICK = 369.0
R_GLYPH = 337.0
R_DEGREE = 297.0  # centre of the two-line "15°" over "23′" block, kept upright so it reads anywhere
R_RETRO = 266.0
R_HOUSE_OUT = 248.0
R_HOUSE_NUMBER = 231.0
R_ASPECT = 214.0
R_AXIS_END = 456.0
R_AXIS_LABEL = 470.0

HALO_WIDTH = 1.8  # canvas units each side of a glyph stroke
GLYPH_MIN_GAP = 7.0  # degrees between neighbouring planet glyphs (≈ one glyph width at R_GLYPH)

Anchor = Literal["start", "middle", "end"]
Screen = Callable[[float], float]  # ecliptic longitude -> screen angle


@dataclass(frozen=True, slots=True)
class Band:
    """An annular sector between two screen angles (degrees, counter-clockwise from 3 o'clock)."""

    r_in: float
    r_out: float
    start: float
    end: float
    fill: str
    role: str


@dataclass(frozen=True, slots=True)
class Circle:
    r: float
    stroke: str | None
    width: float
    fill: str | None
    role: str
    cx: float = CX
    cy: float = CY


@dataclass(frozen=True, slots=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    color: str
    width: float
    role: str
    dashed: bool = False
    data: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    text: str
    size: int
    color: str
    role: str
    bold: bool = False
    anchor: Anchor = "middle"
    halo: str | None = None  # outline in the colour behind the text, so crossing lines do not hide it
    symbol: bool = False  # an astrological glyph (the SVG asks browsers for text, not emoji, style)
    data: tuple[tuple[str, str], ...] = ()


Shape = Band | Circle | Line | Label


@dataclass(frozen=True, slots=True)
class WheelLayout:
    background: str
    shapes: tuple[Shape, ...] = field(default_factory=tuple)


def build_layout(chart: Chart, locale: str = "ru") -> WheelLayout:
    t = translator(locale)
    reference = chart.angles.asc if chart.angles is not None else 0.0
    shapes: list[Shape] = []

    def screen(lon: float) -> float:
        return 180.0 + (lon - reference)

    _zodiac(shapes, screen)
    if chart.houses is not None:
        shapes.append(Circle(R_HOUSE_OUT, theme.FINE_STROKE, 1.0, theme.HOUSE_BAND_FILL, "house-band"))
    shapes.append(Circle(R_ASPECT, theme.RING_STROKE, 1.2, theme.WHEEL_FILL, "aspect-circle"))
    if chart.houses is not None:
        _houses(shapes, chart.houses.cusps, screen)
    _aspects(shapes, chart, screen)
    if chart.angles is not None:
        _axes(shapes, chart.angles.asc, chart.angles.mc, screen, t)
    _bodies(shapes, chart, screen)
    _captions(shapes, chart, t)
    return WheelLayout(theme.BACKGROUND, tuple(shapes))


def polar(r: float, angle: float) -> tuple[float, float]:
    a = math.radians(angle)
    return CX + r * math.cos(a), CY - r * math.sin(a)


def _radial(
    r1: float,
    r2: float,
    angle: float,
    color: str,
    width: float,
    role: str,
    data: tuple[tuple[str, str], ...] = (),
) -> Line:
    x1, y1 = polar(r1, angle)
    x2, y2 = polar(r2, angle)
    return Line(x1, y1, x2, y2, color, width, role, data=data)


def _zodiac(shapes: list[Shape], screen: Screen) -> None:
    for i in range(len(SIGNS)):
        start = screen(i * 30.0)
        shapes.append(
            Band(R_ZODIAC_IN, R_OUTER, start, start + 30.0, theme.ELEMENT_FILLS[i % 4], "sign-sector")
        )
    for i, sign in enumerate(SIGNS):
        shapes.append(
            _radial(R_ZODIAC_IN, R_OUTER, screen(i * 30.0), theme.RING_STROKE, 1.2, "sign-boundary")
        )
        x, y = polar(R_SIGN, screen(i * 30.0 + 15.0))
        shapes.append(
            Label(
                x,
                y,
                SIGN_GLYPHS[sign],
                32,
                theme.ELEMENT_INKS[i % 4],
                "sign-glyph",
                symbol=True,
                data=(("sign", sign),),
            )
        )
    shapes.append(Circle(R_ZODIAC_IN, None, 0, theme.WHEEL_FILL, "wheel"))
    for degree in range(360):
        if degree % 30 == 0:
            continue
        length = 12.0 if degree % 10 == 0 else 8.0 if degree % 5 == 0 else 4.5
        shapes.append(
            _radial(R_ZODIAC_IN - length, R_ZODIAC_IN, screen(float(degree)), theme.FINE_STROKE, 0.8, "tick")
        )
    shapes.append(Circle(R_OUTER, theme.RING_STROKE, 1.6, None, "zodiac-outer"))
    shapes.append(Circle(R_ZODIAC_IN, theme.RING_STROKE, 1.2, None, "zodiac-inner"))


def _houses(shapes: list[Shape], cusps: tuple[float, ...], screen: Screen) -> None:
    for number, cusp in enumerate(cusps, start=1):
        shapes.append(
            _radial(
                R_ASPECT,
                R_ZODIAC_IN,
                screen(cusp),
                theme.CUSP_STROKE,
                1.0,
                "cusp",
                data=(("house", str(number)),),
            )
        )
    for number, cusp in enumerate(cusps, start=1):
        following = cusps[number % len(cusps)]
        middle = cusp + ((following - cusp) % 360.0) / 2.0
        x, y = polar(R_HOUSE_NUMBER, screen(middle))
        shapes.append(Label(x, y, str(number), 14, theme.MUTED_INK, "house-number"))


def _longitude_of(chart: Chart, point: str) -> float | None:
    if point in ("asc", "mc"):
        return None if chart.angles is None else getattr(chart.angles, point)
    for body in chart.bodies:
        if body.id == point:
            return body.longitude
    return None


def _aspects(shapes: list[Shape], chart: Chart, screen: Screen) -> None:
    for aspect in chart.aspects:
        lon_a, lon_b = _longitude_of(chart, aspect.a), _longitude_of(chart, aspect.b)
        if lon_a is None or lon_b is None:
            continue  # a point the chart does not carry; nothing sensible to draw
        x1, y1 = polar(R_ASPECT, screen(lon_a))
        x2, y2 = polar(R_ASPECT, screen(lon_b))
        # Tighter aspects are drawn bolder.
        width = max(0.8, min(2.2, 2.2 - 0.2 * aspect.orb))
        shapes.append(
            Line(
                x1,
                y1,
                x2,
                y2,
                theme.ASPECT_COLORS[aspect.type],
                width,
                "aspect",
                dashed=aspect.orb > theme.WIDE_ORB[aspect.type],
                data=(("type", aspect.type), ("a", aspect.a), ("b", aspect.b)),
            )
        )


def _text_extent(text: str, size: int, bold: bool, direction: tuple[float, float]) -> float:
    """Half the size of a centred label measured along a unit direction."""
    width = pil_font(size, bold).getlength(text)
    return abs(direction[0]) * width / 2.0 + abs(direction[1]) * size * 0.6


def _axes(shapes: list[Shape], asc: float, mc: float, screen: Screen, t: Translator) -> None:
    for lon, name, opposite in ((asc, "render-asc", "render-dsc"), (mc, "render-mc", "render-ic")):
        angle = screen(lon)
        shapes.append(
            _radial(R_ASPECT, R_AXIS_END, angle, theme.AXIS_STROKE, 2.4, "axis", data=(("axis", name),))
        )
        shapes.append(_radial(R_ASPECT, R_AXIS_END - 6, angle + 180.0, theme.AXIS_STROKE, 1.6, "axis"))
        # Name on one side of the axis end and the exact degree on the other.
        ex, ey = polar(R_AXIS_END - 4, angle)
        normal = (math.sin(math.radians(angle)), math.cos(math.radians(angle)))
        if normal[1] > 0 or (normal[1] == 0 and normal[0] < 0):
            normal = (-normal[0], -normal[1])  # keep the name above (or left of) the line
        label = t(name)
        off = _text_extent(label, 17, True, normal) + 3
        shapes.append(
            Label(
                ex + normal[0] * off,
                ey + normal[1] * off,
                label,
                17,
                theme.AXIS_STROKE,
                "angle-label",
                bold=True,
                data=(("angle", name),),
            )
        )
        deg, minute = degree_parts(degree_in_sign(lon))
        text = f"{deg}{SIGN_GLYPHS[SIGNS[int(lon % 360 // 30)]]}{minute}"
        off = _text_extent(text, 13, False, normal) + 3
        shapes.append(
            Label(ex - normal[0] * off, ey - normal[1] * off, text, 13, theme.MUTED_INK, "angle-degree")
        )
        ox, oy = polar(R_AXIS_LABEL, angle + 180.0)
        shapes.append(Label(ox, oy, t(opposite), 12, theme.MUTED_INK, "angle-label", halo=theme.BACKGROUND))


def _bodies(shapes: list[Shape], chart: Chart, screen: Screen) -> None:
    ids = {b.id for b in chart.bodies}
    # One lunar node on the wheel: the true node when the chart has it, plus its opposite point.
    shown = [b for b in chart.bodies if not (b.id == "mean_node" and "true_node" in ids)]
    points = [(b.id, b.longitude, b.retrograde) for b in shown if b.id in BODY_GLYPHS]
    node = next((p for p in points if p[0] in ("true_node", "mean_node")), None)
    if node is not None:
        points.append((SOUTH_NODE, (node[1] + 180.0) % 360.0, node[2]))

    placed = spread_on_circle([lon for _, lon, _ in points], GLYPH_MIN_GAP)
    for (body_id, lon, retrograde), shown_lon in zip(points, placed, strict=True):
        exact, moved = screen(lon), screen(shown_lon)
        shapes.append(_radial(R_BODY_TICK, R_ZODIAC_IN, exact, theme.INK, 1.6, "body-tick"))
        x, y = polar(R_ASPECT, exact)
        shapes.append(Circle(2.6, None, 0, theme.INK, "body-point", cx=x, cy=y))
        if abs((lon - shown_lon + 180.0) % 360.0 - 180.0) > 0.3:
            x1, y1 = polar(R_BODY_TICK, exact)
            x2, y2 = polar(R_GLYPH + 17, moved)
            shapes.append(Line(x1, y1, x2, y2, theme.LEADER_STROKE, 0.9, "leader"))
        data = (("body", body_id),)
        x, y = polar(R_GLYPH, moved)
        shapes.append(
            Label(
                x,
                y,
                BODY_GLYPHS[body_id],
                28,
                theme.INK,
                "body-glyph",
                halo=theme.WHEEL_FILL,
                symbol=True,
                data=data,
            )
        )
        deg, minute = degree_parts(degree_in_sign(lon))
        x, y = polar(R_DEGREE, moved)
        shapes.append(Label(x, y - 8, deg, 14, theme.INK, "degree-label", halo=theme.WHEEL_FILL, data=data))
        shapes.append(
            Label(x, y + 8, minute, 12, theme.MUTED_INK, "minute-label", halo=theme.WHEEL_FILL, data=data)
        )
        if retrograde and body_id != SOUTH_NODE:
            x, y = polar(R_RETRO, moved)
            shapes.append(
                Label(
                    x, y, RETROGRADE, 14, theme.RETROGRADE_INK, "retrograde", halo=theme.WHEEL_FILL, data=data
                )
            )


def _captions(shapes: list[Shape], chart: Chart, t: Translator) -> None:
    shapes.append(Label(28, 38, t("render-title"), 22, theme.INK, "title", bold=True, anchor="start"))
    if chart.houses is None:
        subtitle = t("render-no-houses")
    else:
        key = f"render-house-{chart.houses.system}"
        subtitle = t("render-houses", system=t(key)) if t.has(key) else ""
    if subtitle:
        shapes.append(Label(28, 64, subtitle, 14, theme.MUTED_INK, "subtitle", anchor="start"))

    x, y = 836.0, 862.0
    for aspect_type, color in theme.ASPECT_COLORS.items():
        shapes.append(Line(x, y, x + 26, y, color, 2.0, "legend-line"))
        shapes.append(
            Label(x + 34, y, t(f"render-aspect-{aspect_type}"), 13, theme.MUTED_INK, "legend", anchor="start")
        )
        y += 20.0
    shapes.append(Line(x, y, x + 26, y, theme.MUTED_INK, 1.4, "legend-line", dashed=True))
    shapes.append(Label(x + 34, y, t("render-wide-orb"), 13, theme.MUTED_INK, "legend", anchor="start"))
