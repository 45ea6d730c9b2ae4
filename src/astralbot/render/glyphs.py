"""Every character the wheel can draw besides localized labels; the font-coverage test walks these."""

from __future__ import annotations

from astralbot.astro.model import SIGNS

SIGN_GLYPHS: dict[str, str] = {sign: chr(0x2648 + i) for i, sign in enumerate(SIGNS)}  # ♈..♓

SOUTH_NODE = "south_node"  # drawn opposite the lunar node; not a body of the chart model

BODY_GLYPHS: dict[str, str] = {
    "sun": "☉",
    "moon": "☽",
    "mercury": "☿",
    "venus": "♀",
    "mars": "♂",
    "jupiter": "♃",
    "saturn": "♄",
    "uranus": "♅",
    "neptune": "♆",
    "pluto": "♇",
    "mean_node": "☊",
    "true_node": "☊",
    SOUTH_NODE: "☋",
    "lilith": "⚸",
}

RETROGRADE = "℞"
DEGREE = "°"
MINUTE = "′"
DIGITS = "0123456789"


def degree_parts(degree_in_sign: float) -> tuple[str, str]:
    """("15°", "23′") for 15.39°: whole minutes, truncated as astrologers do (29°59.9′ never shows 30°)."""
    minutes = int(degree_in_sign * 60.0 + 1e-9)
    minutes = min(minutes, 30 * 60 - 1)
    return f"{minutes // 60}{DEGREE}", f"{minutes % 60:02d}{MINUTE}"
