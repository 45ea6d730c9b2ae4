"""Colours and sizes shared by both backends: a light, print-like palette."""

from __future__ import annotations

BACKGROUND = "#F8F6F1"
WHEEL_FILL = "#FFFFFF"
HOUSE_BAND_FILL = "#F4F2ED"
RING_STROKE = "#5B6170"
FINE_STROKE = "#A9AEB8"
CUSP_STROKE = "#9AA0AA"
AXIS_STROKE = "#1F2A44"
INK = "#1F2A44"
MUTED_INK = "#5B6170"
RETROGRADE_INK = "#C0392B"
LEADER_STROKE = "#A9AEB8"

# Element of each sign in zodiac order: fire, earth, air, water, repeating.
ELEMENT_FILLS = ("#F9DCD2", "#DDEBD3", "#FBEFC6", "#D6E6F5")
ELEMENT_INKS = ("#B83A26", "#3F7A2A", "#A8760A", "#2A64A0")

ASPECT_COLORS: dict[str, str] = {
    "conjunction": "#8C929C",
    "sextile": "#2F80ED",
    "trine": "#219653",
    "square": "#E0463A",
    "opposition": "#B71C1C",
}

# An aspect is drawn dashed when its orb exceeds half the usual maximum orb for its type.
WIDE_ORB: dict[str, float] = {
    "conjunction": 4.0,
    "opposition": 4.0,
    "trine": 4.0,
    "square": 3.5,
    "sextile": 2.5,
}
