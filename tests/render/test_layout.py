import pytest
from render_charts import CUSPS, make_chart

from astralbot.render.glyphs import degree_parts
from astralbot.render.layout import CX, CY, Label, Line, build_layout


def body_tick(layout_shapes: tuple, index: int) -> Line:
    return [s for s in layout_shapes if isinstance(s, Line) and s.role == "body-tick"][index]


def test_the_ascendant_points_to_nine_oclock() -> None:
    layout = build_layout(make_chart())
    asc = next(s for s in layout.shapes if isinstance(s, Line) and dict(s.data).get("axis") == "render-asc")
    assert asc.x2 < CX - 400
    assert asc.y2 == pytest.approx(CY)
    # Longitudes grow counter-clockwise: the first house (just after the Ascendant) lies below it.
    cusp2 = next(s for s in layout.shapes if isinstance(s, Line) and dict(s.data).get("house") == "2")
    assert cusp2.y2 > CY
    assert CUSPS[1] > CUSPS[0]


def test_without_birth_time_zero_aries_points_to_nine_oclock() -> None:
    layout = build_layout(make_chart(time_known=False))
    first_boundary = next(s for s in layout.shapes if isinstance(s, Line) and s.role == "sign-boundary")
    assert first_boundary.x2 < CX - 400
    assert first_boundary.y2 == pytest.approx(CY)
    roles = {s.role for s in layout.shapes}
    assert not roles & {"cusp", "axis", "house-number", "angle-label"}


def test_crowded_glyphs_are_spread_and_tied_to_their_exact_degree() -> None:
    layout = build_layout(make_chart())
    glyphs = [s for s in layout.shapes if isinstance(s, Label) and s.role == "body-glyph"]
    for i, a in enumerate(glyphs):
        for b in glyphs[i + 1 :]:
            assert ((a.x - b.x) ** 2 + (a.y - b.y) ** 2) ** 0.5 > 30  # no two glyphs overlap
    assert any(s.role == "leader" for s in layout.shapes)


@pytest.mark.parametrize(
    ("degree", "expected"),
    [(15.39, ("15°", "23′")), (15.3833, ("15°", "22′")), (0.0, ("0°", "00′")), (29.9999, ("29°", "59′"))],
)
def test_degree_labels_truncate_to_whole_minutes(degree: float, expected: tuple[str, str]) -> None:
    assert degree_parts(degree) == expected


def test_labels_follow_the_locale() -> None:
    ru = {s.text for s in build_layout(make_chart(), "ru").shapes if isinstance(s, Label)}
    en = {s.text for s in build_layout(make_chart(), "en").shapes if isinstance(s, Label)}
    assert "Натальная карта" in ru
    assert "Natal chart" in en
