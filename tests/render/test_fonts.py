from pathlib import Path

import pytest

from astralbot.i18n import LOCALES, translator
from astralbot.render import font_path
from astralbot.render.fonts import font_cmap
from astralbot.render.glyphs import BODY_GLYPHS, DEGREE, DIGITS, MINUTE, RETROGRADE, SIGN_GLYPHS
from astralbot.render.svg_font import TEXT_STYLE, renderable_text

RENDER_KEYS = [
    "render-title",
    "render-no-houses",
    "render-asc",
    "render-mc",
    "render-dsc",
    "render-ic",
    "render-wide-orb",
    *(f"render-house-{s}" for s in ("placidus", "koch", "whole-sign", "equal", "porphyry")),
    *(f"render-aspect-{a}" for a in ("conjunction", "sextile", "square", "trine", "opposition")),
]


def missing(text: str, bold: bool = False) -> set[str]:
    cmap = font_cmap(bold)
    return {c for c in text if ord(c) not in cmap}


def test_the_font_ships_inside_the_package_with_its_licence() -> None:
    for bold in (False, True):
        path = Path(font_path(bold))
        assert path.is_file()
        assert path.read_bytes()[:4] == b"\x00\x01\x00\x00"  # a TrueType font
    assert (Path(font_path()).parent / "LICENSE-DejaVu.txt").is_file()


def test_every_symbol_the_wheel_draws_is_in_the_font() -> None:
    symbols = "".join(SIGN_GLYPHS.values()) + "".join(BODY_GLYPHS.values())
    assert len(set(symbols)) == 12 + 13  # the two lunar nodes share ☊
    assert missing(symbols + RETROGRADE + DEGREE + MINUTE + DIGITS + TEXT_STYLE) == set()


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("bold", [False, True])
def test_every_localized_label_is_in_both_faces(locale: str, bold: bool) -> None:
    t = translator(locale)
    labels = "".join(t(key) for key in RENDER_KEYS) + t("render-houses", system="Плацидус") + "АСЦ"
    assert missing(labels, bold) == set()


def test_the_embedded_svg_subset_covers_only_characters_the_font_has() -> None:
    assert missing(renderable_text()) == set()
