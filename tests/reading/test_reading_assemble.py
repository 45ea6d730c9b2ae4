"""Assembling readings from hand-built charts."""

from __future__ import annotations

import re

import pytest
from reading_charts import SAMPLE_HOUSES, SAMPLE_SIGNS, make_chart

from astralbot.astro.model import PLANETS, SIGNS, Aspect, ChartWarning
from astralbot.reading import THEMES, Reading, Section, full_reading, major_aspects, short_reading

RU_SIGN_IN = dict(
    zip(
        SIGNS,
        (
            "в Овне",
            "в Тельце",
            "в Близнецах",
            "в Раке",
            "во Льве",
            "в Деве",
            "в Весах",
            "в Скорпионе",
            "в Стрельце",
            "в Козероге",
            "в Водолее",
            "в Рыбах",
        ),
        strict=True,
    )
)
RU_PLANET = dict(
    zip(
        PLANETS,
        ("Солнце", "Луна", "Меркурий", "Венера", "Марс", "Юпитер", "Сатурн", "Уран", "Нептун", "Плутон"),
        strict=True,
    )
)
RU_HOUSE_IN = {n: ("во 2-м доме" if n == 2 else f"в {n}-м доме") for n in range(1, 13)}
EN_ORDINAL = {1: "1st", 2: "2nd", 3: "3rd"}

TIME_UNKNOWN = ChartWarning("time_unknown", {"moon_uncertainty_deg": 7.0})


def headings(reading: Reading) -> list[str]:
    return [s.heading for s in reading.sections]


def test_russian_full_reading_names_each_planet_in_its_sign_and_house() -> None:
    text = full_reading(make_chart(), "ru").as_text()
    for planet, sign in SAMPLE_SIGNS.items():
        assert f"{RU_PLANET[planet]} {RU_SIGN_IN[sign]}" in text
        assert f"{RU_PLANET[planet]} {RU_HOUSE_IN[SAMPLE_HOUSES[planet]]}" in text
    assert "Солнце в Овне" in text
    assert "Асцендент во Льве" in text
    assert "Середина неба (MC) в Тельце" in text
    assert "Северный узел в Водолее" in text


def test_english_full_reading_names_each_planet_in_its_sign_and_house() -> None:
    text = full_reading(make_chart(), "en").as_text()
    for planet, sign in SAMPLE_SIGNS.items():
        house = SAMPLE_HOUSES[planet]
        assert f"{planet.capitalize()} in {sign.capitalize()}" in text
        assert f"{planet.capitalize()} in the {EN_ORDINAL.get(house, f'{house}th')} house" in text
    assert "Ascendant in Leo" in text


def test_full_reading_has_every_part_in_order() -> None:
    reading = full_reading(make_chart(), "en")
    themes = [s.theme for s in reading.sections]
    assert set(themes) <= set(THEMES)
    assert themes[0] == "intro" and themes[-1] == "closing"
    assert "notes" not in themes
    order = ["intro", "core", "personal", "social", "generational", "houses", "angles", "nodes", "aspects"]
    firsts = [themes.index(t) for t in order]
    assert firsts == sorted(firsts)
    assert themes.count("houses") == 10
    assert all(s.paragraphs and all(p.strip() for p in s.paragraphs) for s in reading.sections)


def test_unknown_time_omits_houses_and_angles_and_says_why() -> None:
    chart = make_chart(time_known=False, warnings=(TIME_UNKNOWN,))
    reading = full_reading(chart, "ru")
    text = reading.as_text()
    assert reading.sections[0].theme == "notes"
    assert "примерно на 7°" in reading.sections[0].paragraphs[0]
    assert "-м доме" not in text
    assert "Асцендент во" not in text and "Асцендент в " not in text
    assert "Середина неба (MC)" not in text
    houses = [s for s in reading.sections if s.theme == "houses"]
    assert len(houses) == 1 and "точного времени рождения" in houses[0].paragraphs[0]
    assert "Солнце в Овне" in text  # signs are still read


def test_polar_fallback_warning_is_rendered_as_a_note() -> None:
    warning = ChartWarning("polar_fallback", {"requested": "placidus", "used": "porphyry", "lat": 69.65})
    reading = full_reading(make_chart(warnings=(warning,)), "en")
    note = reading.sections[0]
    assert note.theme == "notes"
    assert "69.65°" in note.paragraphs[0] and "Porphyry" in note.paragraphs[0]


def test_unknown_warning_codes_still_give_a_note() -> None:
    reading = short_reading(make_chart(warnings=(ChartWarning("something_new"),)), "en")
    assert "something_new" in reading.sections[0].paragraphs[0]


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_short_reading_has_sun_moon_and_ascendant(locale: str) -> None:
    reading = short_reading(make_chart(), locale)
    assert len(reading.sections) == 3
    expected = {
        "ru": ["Солнце в Овне", "Луна в Тельце", "Асцендент во Льве"],
        "en": ["Sun in Aries", "Moon in Taurus", "Ascendant in Leo"],
    }[locale]
    assert headings(reading) == expected
    assert reading.title != full_reading(make_chart(), locale).title


def test_short_reading_without_time_explains_the_missing_ascendant() -> None:
    reading = short_reading(make_chart(time_known=False, warnings=(TIME_UNKNOWN,)), "en")
    assert [s.theme for s in reading.sections] == ["notes", "core", "core", "core"]
    assert "cannot be computed without an exact birth time" in reading.sections[-1].paragraphs[0]


def test_moon_near_a_cusp_with_unknown_time_mentions_the_neighbouring_sign() -> None:
    near_start = make_chart(time_known=False, longitudes={"moon": 32.0}, warnings=(TIME_UNKNOWN,))
    near_end = make_chart(time_known=False, longitudes={"moon": 58.5}, warnings=(TIME_UNKNOWN,))
    middle = make_chart(time_known=False, longitudes={"moon": 45.0}, warnings=(TIME_UNKNOWN,))
    assert "в Овне. Если" in short_reading(near_start, "ru").as_text()
    assert "in Gemini. If" in short_reading(near_end, "en").as_text()
    assert "границе знаков" not in short_reading(middle, "ru").as_text()
    # With a known time the Moon's sign is certain.
    assert "границе знаков" not in short_reading(make_chart(longitudes={"moon": 32.0}), "ru").as_text()


def test_retrograde_note_only_for_retrograde_planets() -> None:
    reading = full_reading(make_chart(speeds={"mercury": -0.4, "saturn": -0.05}), "en")
    retro = [s.heading for s in reading.sections if any("retrograde" in p for p in s.paragraphs)]
    assert retro == ["Mercury in Gemini", "Saturn in Libra"]


def test_aspects_are_tightest_first_between_planets_and_angles_only() -> None:
    aspects = major_aspects(make_chart())
    assert [a.orb for a in aspects] == sorted(a.orb for a in aspects)
    assert all("node" not in a.a + a.b and "lilith" not in a.a + a.b for a in aspects)
    assert not any(a.a in ("asc", "mc") and a.b in ("asc", "mc") for a in aspects)
    assert len(aspects) == 6


def test_aspects_are_capped_and_each_type_explained_once() -> None:
    many = tuple(
        Aspect(a, b, "trine", 0.1 * i, True)
        for i, (a, b) in enumerate((p, q) for p in PLANETS for q in PLANETS if p < q)
    )
    reading = full_reading(make_chart(aspects=many), "en")
    section = next(s for s in reading.sections if s.theme == "aspects")
    assert len(section.paragraphs) == 1 + 15
    assert sum("The trine is the aspect" in p for p in section.paragraphs) == 1
    assert "(orb 0.0°, applying)" in section.paragraphs[1]


def test_aspect_sentences_read_naturally_in_russian() -> None:
    section = next(s for s in full_reading(make_chart(), "ru").sections if s.theme == "aspects")
    text = "\n".join(section.paragraphs)
    assert "Марс в секстиле к Сатурну (орб 0,4°, расходящийся)." in text
    assert "Меркурий в соединении с Асцендентом" in text
    assert "Венера в квадрате к Сатурну" in text
    # Sun–Moon has its own written text instead of the composed sentence.
    assert "Между вашими желаниями и чувствами царит дружелюбное согласие" in text


def test_no_aspects_gives_a_note() -> None:
    section = next(s for s in full_reading(make_chart(aspects=()), "en").sections if s.theme == "aspects")
    assert len(section.paragraphs) == 1 and "no close major aspects" in section.paragraphs[0]


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_every_sign_and_house_assembles(locale: str) -> None:
    # Put all planets, angles and the node in each sign in turn, and spread houses over all twelve.
    for i, sign in enumerate(SIGNS):
        lon = 30.0 * i + 10.0
        chart = make_chart(longitudes={b: lon for b in (*PLANETS, "true_node")})
        chart = type(chart)(
            moment=chart.moment,
            bodies=tuple(
                type(b)(b.id, b.longitude, 0.0, 1.0, (b.house + i - 1) % 12 + 1) for b in chart.bodies
            ),
            angles=type(chart.angles)(asc=lon, mc=lon) if chart.angles else None,
            houses=chart.houses,
            aspects=(),
            ephemeris=chart.ephemeris,
        )
        reading = full_reading(chart, locale)
        assert all(p.strip() for s in reading.sections for p in s.paragraphs)
        if locale == "ru":
            assert f"Солнце {RU_SIGN_IN[sign]}" in reading.as_text()
            assert f"Асцендент {RU_SIGN_IN[sign]}" in reading.as_text()


def test_same_chart_gives_the_same_text() -> None:
    a = full_reading(make_chart(), "ru")
    b = full_reading(make_chart(), "ru")
    assert a == b and a.as_text() == b.as_text()
    assert full_reading(make_chart(), "en").as_text() != a.as_text()


def test_locale_codes_are_normalized() -> None:
    assert full_reading(make_chart(), "en-US") == full_reading(make_chart(), "en")


def test_as_text_separates_blocks_with_blank_lines() -> None:
    reading = Reading("Title", (Section("Head", ("One.", "Two."), "core"),))
    assert reading.as_text() == "Title\n\nHead\n\nOne.\n\nTwo."


def test_as_html_escapes_everything_but_its_own_tags() -> None:
    reading = Reading(
        "A <b> & B",
        (
            Section("Notes & <script>", ("x < y & z > w",), "notes"),
            Section("Head", ('<a href="x">link</a>',), "core"),
        ),
    )
    html = reading.as_html()
    assert html.startswith("<b>A &lt;b&gt; &amp; B</b>")
    assert "<b>Notes &amp; &lt;script&gt;</b>" in html
    assert "<i>x &lt; y &amp; z &gt; w</i>" in html
    assert "&lt;a href=&quot;x&quot;&gt;link&lt;/a&gt;" in html
    assert set(re.findall(r"</?([a-z]+)", html)) == {"b", "i"}


@pytest.mark.parametrize("locale", ["ru", "en"])
def test_full_reading_html_uses_only_telegram_tags(locale: str) -> None:
    html = full_reading(make_chart(warnings=(TIME_UNKNOWN,)), locale).as_html()
    assert set(re.findall(r"</?([a-zA-Z]+)", html)) <= {"b", "i"}
    assert html.count("<b>") == html.count("</b>") and html.count("<i>") == html.count("</i>")
