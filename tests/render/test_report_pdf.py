import dataclasses
import io
import re
from datetime import date, time
from importlib import resources

import pytest
from pypdf import PdfReader
from render_charts import make_chart

from astralbot.astro.model import Chart
from astralbot.charting import BirthInput, build_chart, format_offset
from astralbot.i18n import translator
from astralbot.reading import THEMES
from astralbot.render.glyphs import SIGN_GLYPHS
from astralbot.render.report_pdf import ReportSubject, render_report_pdf

BIRTH_DATE = date(1990, 5, 15)


def moscow(birth_time: time | None) -> tuple[ReportSubject, Chart]:
    resolved, chart = build_chart(
        BirthInput(BIRTH_DATE, birth_time, 55.7558, 37.6173, "Europe/Moscow", "Москва")
    )
    subject = ReportSubject(
        name="Анна Каренина",
        birth_date=BIRTH_DATE,
        birth_time=birth_time,
        place="Москва, Россия",
        timezone="Europe/Moscow",
        utc_offset=format_offset(resolved.resolution.utc_offset),
        house_system="placidus",
    )
    return subject, chart


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def known() -> tuple[ReportSubject, Chart, bytes]:
    subject, chart = moscow(time(14, 30))
    return subject, chart, render_report_pdf(subject, chart, "ru")


@pytest.fixture(scope="module")
def unknown() -> tuple[ReportSubject, Chart, bytes]:
    subject, chart = moscow(None)
    return subject, chart, render_report_pdf(subject, chart, "ru")


def test_a_complete_chart_gives_a_pdf_of_several_pages(known: tuple[ReportSubject, Chart, bytes]) -> None:
    _, _, pdf = known
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert len(PdfReader(io.BytesIO(pdf)).pages) > 3


def test_russian_text_is_extractable_with_the_person_signs_and_chapters(
    known: tuple[ReportSubject, Chart, bytes],
) -> None:
    subject, chart, pdf = known
    pages = pages_text(pdf)
    text = "\n".join(pages)
    t = translator("ru")
    assert subject.name in pages[0]
    assert "15 мая 1990" in pages[0]
    assert "14:30" in pages[0]
    assert "Москва, Россия" in pages[0]
    assert "UTC+04:00" in pages[0]  # Moscow summer time in 1990
    assert "Солнце" in text
    for body in ("sun", "moon", "venus"):
        assert t(f"sign-{chart.body(body).sign}") in text
    for heading in ("Ядро личности", "Личные планеты", "Социальные планеты", "Высшие планеты", "Дома"):
        assert heading in text
    for heading in ("Углы карты", "Лунные узлы", "Аспекты", "Заключение", "Карта в цифрах"):
        assert heading in text
    # The name runs in the header of every inner page, and each inner page is numbered "n из N".
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert subject.name in page
        assert f"{number} из {total}" in page


def test_positions_table_shows_sign_glyph_degree_house_and_retrograde(
    known: tuple[ReportSubject, Chart, bytes],
) -> None:
    _, chart, pdf = known
    table = pages_text(pdf)[1]
    mercury = chart.body("mercury")
    minutes = int(mercury.degree_in_sign * 60)
    row = next(line for line in table.splitlines() if "Меркурий" in line)
    assert f"{SIGN_GLYPHS[mercury.sign]}  {translator('ru')(f'sign-{mercury.sign}')}" in row
    assert f"{minutes // 60}°{minutes % 60:02d}′" in row
    assert str(mercury.house) in row.split("′")[1]
    assert ("℞" in row) == mercury.retrograde
    assert "КУСПИД" in table  # the house cusp tables
    assert "Асцендент (ASC)" in table


def test_english_report_uses_english_headings(known: tuple[ReportSubject, Chart, bytes]) -> None:
    subject, chart, _ = known
    english = dataclasses.replace(subject, name="Anna Karenina", place="Moscow, Russia")
    text = "\n".join(pages_text(render_report_pdf(english, chart, "en")))
    for heading in ("Natal chart", "Personal planets", "Social planets", "Outer planets", "Conclusion"):
        assert heading in text
    assert "May 15, 1990" in text
    assert "Sun" in text
    assert "Anna Karenina" in text
    assert "Личные планеты" not in text


def test_unknown_birth_time_has_no_house_tables_but_says_why(
    unknown: tuple[ReportSubject, Chart, bytes],
) -> None:
    _, chart, pdf = unknown
    assert chart.houses is None
    pages = pages_text(pdf)
    text = re.sub(r"\s+", " ", "\n".join(pages))
    assert "неизвестно" in pages[0]
    assert "не рассчитываются без времени рождения" in pages[0]
    assert "КУСПИД" not in text
    assert "1-й дом" not in text
    assert "ДОМ " not in pages[1]  # no house column in the positions table
    assert "Асцендент, Середина неба и дома не рассчитаны" in text  # the note in place of the tables
    assert "Время рождения неизвестно, поэтому карта построена на полдень" in text  # the warning box


def test_same_input_gives_the_same_bytes(known: tuple[ReportSubject, Chart, bytes]) -> None:
    subject, chart, pdf = known
    assert render_report_pdf(subject, chart, "ru") == pdf
    # The document date is the chart's instant, not the wall clock, so a later rendering matches too.
    metadata = PdfReader(io.BytesIO(pdf)).metadata
    assert metadata is not None
    assert metadata.creation_date == chart.moment.utc.replace(microsecond=0)
    assert metadata.title == "Натальная карта — Анна Каренина"


def test_polar_fallback_names_both_house_systems_and_a_chart_without_aspects_says_so() -> None:
    chart = dataclasses.replace(make_chart(house_system="porphyry"), aspects=())
    subject = ReportSubject(
        "Ola", date(1990, 5, 15), time(4, 0), "Tromsø", "Europe/Oslo", "+02:00", "placidus"
    )
    text = re.sub(r"\s+", " ", "\n".join(pages_text(render_report_pdf(subject, chart, "en"))))
    assert "Porphyry (instead of Placidus)" in text
    assert "The chart has no close major aspects." in text
    assert "Tromsø" in text


def test_every_report_message_exists_in_both_locales_and_every_theme_has_a_title() -> None:
    def keys(locale: str) -> set[str]:
        catalog = resources.files("astralbot") / "locales" / locale / "report.ftl"
        return set(re.findall(r"^([a-z][a-z0-9-]*) =", catalog.read_text(encoding="utf-8"), re.MULTILINE))

    ru, en = keys("ru"), keys("en")
    assert ru == en
    assert {f"report-theme-{theme}" for theme in THEMES} <= ru
