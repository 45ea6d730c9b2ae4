"""Assembles a written reading from a chart's facts; every sentence comes from the locale catalogs.

The free reading covers the Sun, the Moon and the Ascendant. The full reading walks through the whole
chart: the "big three", each planet in its sign and house, the nodal axis, the angles and the major
aspects. Same chart and locale always give the same text.
"""

from __future__ import annotations

from astralbot.astro.model import PLANETS, Aspect, Chart, sign_of
from astralbot.i18n import Translator, translator
from astralbot.reading.model import Reading, Section

# Bodies with a "function" phrase for aspects: the ten planets and the two angles.
ASPECT_POINTS: tuple[str, ...] = (*PLANETS, "asc", "mc")
ANGLES: frozenset[str] = frozenset({"asc", "mc"})
MAX_ASPECTS = 15
# Pairs with their own written text per aspect type, used instead of the composed sentence.
PAIR_TEXTS: frozenset[tuple[str, str]] = frozenset({("sun", "moon"), ("venus", "mars")})
# Sun and Moon never turn retrograde; for them the note would be nonsense.
_NO_RETROGRADE = frozenset({"sun", "moon"})
_THEME_OF_PLANET: dict[str, str] = {
    "sun": "personal",
    "moon": "personal",
    "mercury": "personal",
    "venus": "personal",
    "mars": "personal",
    "jupiter": "social",
    "saturn": "social",
    "uranus": "generational",
    "neptune": "generational",
    "pluto": "generational",
}
# Without a birth time the engine reports how far the Moon may be off; this is its usual value.
_DEFAULT_MOON_UNCERTAINTY = 7.0


def short_reading(chart: Chart, locale: str) -> Reading:
    """The free reading: Sun sign, Moon sign and Ascendant sign (or why the Ascendant is unknown)."""
    t = translator(locale)
    sections = [*_notes(chart, t)]
    sun, moon = chart.body("sun"), chart.body("moon")
    sections.append(_planet_in_sign(t, "sun", sun.sign, "core"))
    moon_section = _planet_in_sign(t, "moon", moon.sign, "core")
    sections.append(_with_moon_cusp_note(chart, t, moon_section))
    sections.append(_ascendant(chart, t, theme="core"))
    return Reading(title=t("reading-title-short"), sections=tuple(sections))


def full_reading(chart: Chart, locale: str) -> Reading:
    """The paid reading: the whole chart, section by section (see `model.THEMES`)."""
    t = translator(locale)
    sections: list[Section] = [*_notes(chart, t)]
    sections.append(Section(t("heading-intro"), (t("intro-text-1"), t("intro-text-2")), "intro"))
    sections.append(_big_three(chart, t))
    for planet in PLANETS:
        body = chart.body(planet)
        section = _planet_in_sign(t, planet, body.sign, _THEME_OF_PLANET[planet])
        if body.retrograde and planet not in _NO_RETROGRADE:
            specific = f"retrograde-note-{planet}"
            note = t(specific) if t.has(specific) else t("retrograde-note", planet=t(f"planet-{planet}"))
            section = _append(section, note)
        if planet == "moon":
            section = _with_moon_cusp_note(chart, t, section)
        sections.append(section)
    sections.extend(_houses(chart, t))
    sections.append(_ascendant(chart, t, theme="angles"))
    if chart.angles is not None:
        sections.append(_midheaven(chart.angles.mc, t))
    sections.append(_nodes(chart, t))
    sections.append(_aspects(chart, t))
    sections.append(Section(t("heading-closing"), (t("closing-text-1"), t("closing-text-2")), "closing"))
    return Reading(title=t("reading-title-full"), sections=tuple(sections))


def major_aspects(chart: Chart, limit: int = MAX_ASPECTS) -> tuple[Aspect, ...]:
    """Aspects between planets and angles, tightest first, at most `limit` (ties broken stably)."""
    order = {point: i for i, point in enumerate(ASPECT_POINTS)}
    eligible = [
        a for a in chart.aspects if a.a in order and a.b in order and not (a.a in ANGLES and a.b in ANGLES)
    ]
    eligible.sort(key=lambda a: (a.orb, order[a.a], order[a.b], a.type))
    return tuple(eligible[:limit])


def _notes(chart: Chart, t: Translator) -> list[Section]:
    if not chart.warnings:
        return []
    texts = []
    for warning in chart.warnings:
        key = f"warning-{warning.code}"
        texts.append(t(key, **warning.params) if t.has(key) else t("warning-other", code=warning.code))
    return [Section(t("heading-notes"), tuple(texts), "notes")]


def _planet_in_sign(t: Translator, planet: str, sign: str, theme: str) -> Section:
    heading = t("heading-planet-in-sign", planet=t(f"planet-{planet}"), sign_in=t(f"sign-{sign}-in"))
    return Section(heading, (t(f"planet-in-sign-{planet}-{sign}"),), theme)


def _append(section: Section, paragraph: str) -> Section:
    return Section(section.heading, (*section.paragraphs, paragraph), section.theme)


def _with_moon_cusp_note(chart: Chart, t: Translator, section: Section) -> Section:
    """Without a birth time the Moon may sit in the neighbouring sign; say so when it is near a cusp."""
    if chart.moment.time_known:
        return section
    uncertainty = _DEFAULT_MOON_UNCERTAINTY
    for warning in chart.warnings:
        if warning.code == "time_unknown" and "moon_uncertainty_deg" in warning.params:
            uncertainty = float(warning.params["moon_uncertainty_deg"])
    moon = chart.body("moon")
    if moon.degree_in_sign < uncertainty:
        other = sign_of(moon.longitude - 30.0)
    elif moon.degree_in_sign > 30.0 - uncertainty:
        other = sign_of(moon.longitude + 30.0)
    else:
        return section
    return _append(section, t("moon-cusp-note", other_in=t(f"sign-{other}-in")))


def _big_three(chart: Chart, t: Translator) -> Section:
    sun, moon = chart.body("sun").sign, chart.body("moon").sign
    paragraphs = [
        t("big-three-sun", sign_in=t(f"sign-{sun}-in"), quality=t(f"sign-{sun}-quality")),
        t("big-three-moon", sign_in=t(f"sign-{moon}-in"), quality=t(f"sign-{moon}-quality")),
    ]
    if chart.angles is None:
        paragraphs.append(t("big-three-asc-unknown"))
    else:
        asc = sign_of(chart.angles.asc)
        paragraphs.append(t("big-three-asc", sign_in=t(f"sign-{asc}-in"), quality=t(f"sign-{asc}-quality")))
    return Section(t("heading-big-three"), tuple(paragraphs), "core")


def _houses(chart: Chart, t: Translator) -> list[Section]:
    if chart.houses is None:
        return [Section(t("heading-houses"), (t("houses-unknown"),), "houses")]
    sections = []
    for planet in PLANETS:
        house = chart.body(planet).house
        if house is None:
            continue
        heading = t("heading-planet-in-house", planet=t(f"planet-{planet}"), house_in=t(f"house-{house}-in"))
        sections.append(Section(heading, (t(f"planet-in-house-{planet}-{house}"),), "houses"))
    return sections


def _ascendant(chart: Chart, t: Translator, theme: str) -> Section:
    if chart.angles is None:
        return Section(t("heading-asc-unknown"), (t("asc-unknown"),), theme)
    sign = sign_of(chart.angles.asc)
    return Section(t("heading-asc", sign_in=t(f"sign-{sign}-in")), (t(f"asc-in-sign-{sign}"),), theme)


def _midheaven(mc: float, t: Translator) -> Section:
    sign = sign_of(mc)
    return Section(t("heading-mc", sign_in=t(f"sign-{sign}-in")), (t(f"mc-in-sign-{sign}"),), "angles")


def _nodes(chart: Chart, t: Translator) -> Section:
    node = chart.body("true_node")
    paragraphs = [t(f"node-in-sign-{node.sign}")]
    if node.house is not None:
        paragraphs.append(t(f"node-in-house-{node.house}"))
    return Section(t("heading-node", sign_in=t(f"sign-{node.sign}-in")), tuple(paragraphs), "nodes")


def _aspects(chart: Chart, t: Translator) -> Section:
    aspects = major_aspects(chart)
    if not aspects:
        return Section(t("heading-aspects"), (t("aspects-none"),), "aspects")
    paragraphs = [t("aspects-intro")]
    explained: set[str] = set()
    for aspect in aspects:
        text, told_meaning = _aspect_paragraph(t, aspect, first_of_type=aspect.type not in explained)
        paragraphs.append(text)
        if told_meaning:
            explained.add(aspect.type)
    return Section(t("heading-aspects"), tuple(paragraphs), "aspects")


def _aspect_paragraph(t: Translator, aspect: Aspect, first_of_type: bool) -> tuple[str, bool]:
    """The paragraph for one aspect, and whether it told the general meaning of its type."""
    title = t(
        f"aspect-title-{aspect.type}",
        a=t(f"planet-{aspect.a}"),
        b_to=t(f"planet-{aspect.b}-to"),
        b_with=t(f"planet-{aspect.b}-with"),
    )
    orb = t("aspect-orb", orb=round(aspect.orb, 1), phase="applying" if aspect.applying else "separating")
    pair = _pair_key(aspect)
    if pair is not None:
        return t("aspect-paragraph", title=title, orb=orb, body=t(pair)), False
    body = t(
        f"aspect-frame-{aspect.type}",
        fa=t(f"planet-function-{aspect.a}"),
        fb=t(f"planet-function-{aspect.b}"),
    )
    # The general meaning of an aspect type is told once, at its tightest occurrence.
    if first_of_type:
        meaning = t(f"aspect-meaning-{aspect.type}")
        return t("aspect-paragraph-explained", title=title, orb=orb, body=body, meaning=meaning), True
    return t("aspect-paragraph", title=title, orb=orb, body=body), False


def _pair_key(aspect: Aspect) -> str | None:
    for a, b in ((aspect.a, aspect.b), (aspect.b, aspect.a)):
        if (a, b) in PAIR_TEXTS:
            return f"aspect-pair-{a}-{b}-{aspect.type}"
    return None


__all__ = ["MAX_ASPECTS", "Reading", "Section", "full_reading", "major_aspects", "short_reading"]
