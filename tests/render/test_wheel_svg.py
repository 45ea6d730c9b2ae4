import xml.etree.ElementTree as ET

import pytest
from render_charts import make_chart

from astralbot.astro.model import Chart
from astralbot.render import render_svg
from astralbot.render.glyphs import BODY_GLYPHS, SIGN_GLYPHS
from astralbot.render.layout import Label
from astralbot.render.svg_font import TEXT_STYLE
from astralbot.render.theme import ASPECT_COLORS, WIDE_ORB
from astralbot.render.wheel_svg import _shape

NS = "{http://www.w3.org/2000/svg}"


def parse(chart: Chart, **kwargs: object) -> ET.Element:
    return ET.fromstring(render_svg(chart, **kwargs))  # type: ignore[arg-type]


def of_class(root: ET.Element, tag: str, cls: str) -> list[ET.Element]:
    return [e for e in root.iter(f"{NS}{tag}") if e.get("class") == cls]


def text_of(element: ET.Element) -> str:
    return (element.text or "").replace(TEXT_STYLE, "")


def test_svg_is_a_scalable_standalone_document() -> None:
    root = parse(make_chart(), size=640)
    assert root.tag == f"{NS}svg"
    assert root.get("viewBox") == "0 0 1000 1000"
    assert root.get("width") == "640"
    assert "DejaVu Sans" in root.get("font-family", "")
    style = root.find(f"{NS}defs/{NS}style")
    assert style is not None and "@font-face" in (style.text or "")


def test_svg_has_the_twelve_signs_in_zodiac_order() -> None:
    signs = of_class(parse(make_chart()), "text", "sign-glyph")
    assert [text_of(e) for e in signs] == list(SIGN_GLYPHS.values())


def test_svg_has_one_glyph_per_body_with_the_true_node_and_its_opposite() -> None:
    chart = make_chart()
    glyphs = of_class(parse(chart), "text", "body-glyph")
    drawn = [e.get("data-body", "") for e in glyphs]
    expected = [b.id for b in chart.bodies if b.id != "mean_node"] + ["south_node"]
    assert sorted(drawn) == sorted(expected)
    for element in glyphs:
        assert text_of(element) == BODY_GLYPHS[element.get("data-body", "")]


@pytest.mark.parametrize(("time_known", "cusps"), [(True, 12), (False, 0)])
def test_cusp_lines_only_with_houses(time_known: bool, cusps: int) -> None:
    root = parse(make_chart(time_known=time_known))
    assert len(of_class(root, "line", "cusp")) == cusps
    assert len(of_class(root, "text", "house-number")) == cusps
    assert len(of_class(root, "text", "angle-label")) == (4 if time_known else 0)


@pytest.mark.parametrize("time_known", [True, False])
def test_one_aspect_line_per_aspect_coloured_by_type(time_known: bool) -> None:
    chart = make_chart(time_known=time_known)
    lines = of_class(parse(chart), "line", "aspect")
    assert len(chart.aspects) > 10
    assert len(lines) == len(chart.aspects)
    colours = {e.get("data-type"): e.get("stroke") for e in lines}
    assert colours["square"] == ASPECT_COLORS["square"] != colours["trine"] == ASPECT_COLORS["trine"]
    dashed = [line.get("stroke-dasharray") is not None for line in lines]
    assert dashed == [aspect.orb > WIDE_ORB[aspect.type] for aspect in chart.aspects]
    assert any(dashed) and not all(dashed)


def test_degree_and_retrograde_labels() -> None:
    root = parse(make_chart())
    mercury = [text_of(e) for e in root.iter(f"{NS}text") if e.get("data-body") == "mercury"]
    assert mercury == ["☿", "22°", "07′", "℞"]
    sun = [text_of(e) for e in root.iter(f"{NS}text") if e.get("data-body") == "sun"]
    assert sun == ["☉", "24°", "18′"]


def test_text_is_escaped() -> None:
    label = Label(10, 10, 'A & B <script>"', 12, "#000", "title")
    element = ET.fromstring(_shape(label))
    assert element.text == 'A & B <script>"'


def test_svg_can_leave_the_font_to_the_page() -> None:
    root = parse(make_chart(), embed_font=False)
    assert root.find(f"{NS}defs") is None
