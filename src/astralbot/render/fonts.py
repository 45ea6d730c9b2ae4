"""The font shipped inside the package, so glyphs and Cyrillic render without any system fonts.

DejaVu Sans covers Latin, Cyrillic and the astrological symbols (♈..♓, ☉..♇, ☊☋⚸, ℞);
its licence (Bitstream Vera + public domain changes) sits next to it in `assets/fonts/`.
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources

from PIL import ImageFont

FONT_FAMILY = "DejaVu Sans"
_REGULAR = "DejaVuSans.ttf"
_BOLD = "DejaVuSans-Bold.ttf"


def font_path(bold: bool = False) -> str:
    """Filesystem path of the bundled font, for other renderers (e.g. the PDF report)."""
    # The package is installed as plain files (setuptools package-data), so the resource is a real path.
    return str(resources.files("astralbot") / "assets" / "fonts" / (_BOLD if bold else _REGULAR))


@cache
def font_bytes(bold: bool = False) -> bytes:
    return (resources.files("astralbot") / "assets" / "fonts" / (_BOLD if bold else _REGULAR)).read_bytes()


@cache
def pil_font(size_px: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    # BASIC layout: no dependency on libraqm/fribidi being present, and identical output everywhere.
    return ImageFont.truetype(io.BytesIO(font_bytes(bold)), size_px, layout_engine=ImageFont.Layout.BASIC)


@cache
def font_cmap(bold: bool = False) -> frozenset[int]:
    """Code points the font has glyphs for."""
    from fontTools.ttLib import TTFont  # only needed for coverage checks and SVG subsetting

    return frozenset(TTFont(io.BytesIO(font_bytes(bold)), lazy=True).getBestCmap())
