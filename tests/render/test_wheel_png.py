import io

from PIL import Image
from render_charts import make_chart

from astralbot.render import render_png
from astralbot.render.theme import BACKGROUND


def decode(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    return image.convert("RGB") if image.mode != "RGB" else image


def test_png_has_the_requested_size_and_mode() -> None:
    image = decode(render_png(make_chart()))
    assert image.size == (1200, 1200)
    assert image.mode == "RGB"
    assert decode(render_png(make_chart(), size=1000)).size == (1000, 1000)


def test_png_is_a_drawn_picture_not_a_blank_canvas() -> None:
    image = decode(render_png(make_chart(time_known=False), "en"))
    colours = image.getcolors(maxcolors=1_000_000)
    assert colours is not None
    assert len(colours) > 500  # element sectors, anti-aliased glyphs and lines
    background = tuple(int(BACKGROUND[i : i + 2], 16) for i in (1, 3, 5))
    painted = sum(count for count, colour in colours if colour != background)
    assert painted > 0.5 * image.width * image.height


def test_png_is_deterministic() -> None:
    chart = make_chart()
    assert render_png(chart) == render_png(chart)


def test_houses_and_locale_change_the_picture() -> None:
    assert render_png(make_chart(), "ru") != render_png(make_chart(), "en")
    assert render_png(make_chart()) != render_png(make_chart(time_known=False))
