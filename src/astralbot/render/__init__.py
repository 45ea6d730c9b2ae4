"""Chart wheel rendering: SVG for the web, PNG for Telegram, both from one layout."""

from astralbot.render.fonts import font_path
from astralbot.render.wheel_png import render_png
from astralbot.render.wheel_svg import render_svg

__all__ = ["font_path", "render_png", "render_svg"]
