from __future__ import annotations

import pytest

from astralbot.geo import Gazetteer, Place, load_gazetteer, normalize_name

MOSCOW_RU = 524901
MOSCOW_IDAHO = 5601538
SAINT_PETERSBURG = 498817
YEKATERINBURG = 1486209
NIZHNY_NOVGOROD = 520555
SAMARA = 499099
VOLGOGRAD = 472757
KALININGRAD = 554234
STAVROPOL = 487846


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def first_id(gaz: Gazetteer, query: str) -> int:
    found = gaz.search(query)
    assert found, query
    return found[0].geoname_id


def test_is_the_real_gazetteer_and_built_once(gaz: Gazetteer) -> None:
    assert len(gaz) > 30_000
    assert load_gazetteer() is gaz


@pytest.mark.parametrize(
    "query",
    ["Москва", "москва", "МОСКВА", "Moscow", "moscow", "Мск"],
)
def test_moscow_names(gaz: Gazetteer, query: str) -> None:
    assert first_id(gaz, query) == MOSCOW_RU


@pytest.mark.parametrize(
    "query",
    [
        "Санкт-Петербург",
        "санкт петербург",
        "САНКТ–ПЕТЕРБУРГ",
        "Санкт Петербург",
        "Saint Petersburg",
        "Saint-Petersburg",
        "Питер",
        "Ленинград",
        "Leningrad",
        "Петроград",
        "СПб",
    ],
)
def test_saint_petersburg_names(gaz: Gazetteer, query: str) -> None:
    assert first_id(gaz, query) == SAINT_PETERSBURG


@pytest.mark.parametrize(
    ("query", "geoname_id"),
    [
        ("Свердловск", YEKATERINBURG),
        ("Екатеринбург", YEKATERINBURG),
        ("Горький", NIZHNY_NOVGOROD),
        ("Куйбышев", SAMARA),
        ("Сталинград", VOLGOGRAD),
        ("Царицын", VOLGOGRAD),
        ("Кёнигсберг", KALININGRAD),  # from the alias table
        ("Кенигсберг", KALININGRAD),  # ё and е meet
        ("Фрунзе", 1528675),  # Bishkek, alias table
        ("Орел", 515012),  # Orël
    ],
)
def test_soviet_and_colloquial_names(gaz: Gazetteer, query: str, geoname_id: int) -> None:
    assert first_id(gaz, query) == geoname_id


def test_ambiguous_moscow_ranks_russia_first_and_offers_idaho(gaz: Gazetteer) -> None:
    found = gaz.search("Москва")
    assert [p.geoname_id for p in found[:2]] == [MOSCOW_RU, MOSCOW_IDAHO]
    russia, idaho = found[0], found[1]
    assert russia.display_name("ru") == "Москва, Россия"
    assert russia.display_name("en") == "Moscow, Russia"
    assert idaho.display_name("en") == "Moscow, Idaho, United States"
    assert idaho.display_name("ru").endswith("Айдахо, США")
    assert idaho.admin1 == "Idaho"
    assert idaho.admin1_code == "ID"
    assert idaho.timezone == "America/Los_Angeles"


def test_place_carries_coordinates_zone_and_names(gaz: Gazetteer) -> None:
    moscow = gaz.by_id(MOSCOW_RU)
    assert isinstance(moscow, Place)
    assert moscow.name == "Moscow"
    assert moscow.name_ru == "Москва"
    assert moscow.country_code == "RU"
    assert moscow.country == "Russia"
    assert moscow.country_ru == "Россия"
    assert moscow.timezone == "Europe/Moscow"
    assert moscow.lat == pytest.approx(55.75, abs=0.05)
    assert moscow.lon == pytest.approx(37.62, abs=0.05)
    assert moscow.population > 10_000_000
    assert gaz.by_id(-1) is None


@pytest.mark.parametrize(
    ("geoname_id", "name_ru"),
    [
        (SAINT_PETERSBURG, "Санкт-Петербург"),  # not "Петербург" nor "Ленинград"
        (YEKATERINBURG, "Екатеринбург"),  # not "Свердловск"
        (511196, "Пермь"),  # not Bulgarian "Перм"
        (703448, "Киев"),
        (2988507, "Париж"),
        (3067696, "Прага"),  # not "Праг"
        (611717, "Тбилиси"),
        (618426, "Кишинёв"),
    ],
)
def test_russian_name_is_picked_from_untagged_alternates(
    gaz: Gazetteer, geoname_id: int, name_ru: str
) -> None:
    place = gaz.by_id(geoname_id)
    assert place is not None
    assert place.name_ru == name_ru


def test_own_name_outranks_a_bigger_citys_old_name(gaz: Gazetteer) -> None:
    # Tolyatti (700k) was Stavropol-on-Volga; Stavropol (430k) is the place people mean.
    found = gaz.search("Ставрополь")
    assert found[0].geoname_id == STAVROPOL
    assert 482283 in [p.geoname_id for p in found]


@pytest.mark.parametrize(
    ("query", "geoname_id"),
    [
        ("Moscow, US", MOSCOW_IDAHO),
        ("Москва, США", MOSCOW_IDAHO),
        ("Moscow, Idaho", MOSCOW_IDAHO),
        ("Москва, Айдахо, США", MOSCOW_IDAHO),
        ("Moscow, Russia", MOSCOW_RU),
        ("Москва, РФ", MOSCOW_RU),
    ],
)
def test_city_country_form(gaz: Gazetteer, query: str, geoname_id: int) -> None:
    found = gaz.search(query)
    assert [p.geoname_id for p in found] == [geoname_id]


def test_city_with_unknown_country_finds_nothing(gaz: Gazetteer) -> None:
    assert gaz.search("Москва, Атлантида") == []


def test_prefix_fallback(gaz: Gazetteer) -> None:
    assert first_id(gaz, "Новосиби") == 1496747


def test_limit_and_empty_query(gaz: Gazetteer) -> None:
    assert len(gaz.search("London", limit=1)) == 1
    assert len(gaz.search("Springfield", limit=3)) == 3
    assert len(gaz.search("Krasnoy", limit=4)) == 4  # prefix matches are limited too
    assert gaz.search("") == []
    assert gaz.search(" - , ") == []


def test_unknown_place_finds_nothing_and_suggests(gaz: Gazetteer) -> None:
    assert gaz.search("Новосибирк") == []
    assert gaz.suggest("Новосибирк")[0] == "Новосибирск"
    assert "Владивосток" in gaz.suggest("Владивасток")
    assert "Novosibirsk" in gaz.suggest("Novosibirks")
    assert len(gaz.suggest("Санкт-Питербург", limit=2)) <= 2
    assert gaz.suggest("Qxzqxzqxzq") == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Санкт-Петербург", "санкт петербург"),
        ("Орёл", "орел"),
        ("Düsseldorf", "dusseldorf"),
        ("St. John's", "stjohns"),
        ("Łódź", "lodz"),
        ("  Нью – Йорк ", "нью-йорк"),
    ],
)
def test_normalization(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)
    assert normalize_name(a).isalnum()
