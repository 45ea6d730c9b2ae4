"""A small subset of the bundled font, embedded in the SVG so it renders the same in any browser.

Only the characters the wheel can draw are kept (about 80 KB of base64 for both faces instead of
1.4 MB). The subsets are made once per process (~0.5 s).
"""

from __future__ import annotations

import base64
import io
from functools import cache

from astralbot.render.fonts import font_bytes
from astralbot.render.glyphs import BODY_GLYPHS, DEGREE, DIGITS, MINUTE, RETROGRADE, SIGN_GLYPHS

EMBEDDED_FAMILY = "AstralDejaVuSans"
TEXT_STYLE = "\ufe0e"  # variation selector 15: "draw as text", so browsers do not swap in colour emoji

_ASCII = "".join(chr(c) for c in range(0x20, 0x7F))
_CYRILLIC = "".join(chr(c) for c in range(0x410, 0x450)) + "Ёё"
_PUNCTUATION = "—–«»…·’“”"


def renderable_text() -> str:
    """Every character the embedded subset covers."""
    symbols = "".join(SIGN_GLYPHS.values()) + "".join(BODY_GLYPHS.values())
    return _ASCII + _CYRILLIC + _PUNCTUATION + symbols + RETROGRADE + DEGREE + MINUTE + DIGITS + TEXT_STYLE


@cache
def embedded_font_css() -> str:
    # Bold is only used for the title and the ASC/MC labels, so it needs no symbols.
    regular = _subset_base64(False, renderable_text())
    bold = _subset_base64(True, _ASCII + _CYRILLIC + _PUNCTUATION + DEGREE + MINUTE)
    return "".join(
        f"@font-face{{font-family:'{EMBEDDED_FAMILY}';font-weight:{weight};"
        f"src:url(data:font/ttf;base64,{data}) format('truetype');}}"
        for weight, data in (("normal", regular), ("bold", bold))
    )


def _subset_base64(bold: bool, text: str) -> str:
    from fontTools import subset  # heavy import, only needed for the SVG

    options = subset.Options()
    options.hinting = False  # browsers rasterize well without TrueType hints; halves the size
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.drop_tables += ["FFTM"]  # FontForge timestamps; fontTools cannot subset them
    font = subset.load_font(io.BytesIO(font_bytes(bold)), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in text}))
    subsetter.subset(font)
    out = io.BytesIO()
    subset.save_font(font, out, options)
    return base64.b64encode(out.getvalue()).decode("ascii")
