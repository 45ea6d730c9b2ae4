"""The reading catalogs: valid Fluent, and every key the assembler can ask for exists in both locales."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import ast

from astralbot.astro.model import BODIES, PLANETS, SIGNS

LOCALES = ("ru", "en")
ASPECT_TYPES = ("conjunction", "sextile", "square", "trine", "opposition")
HOUSES = range(1, 13)
ASPECT_POINTS = (*PLANETS, "asc", "mc")
PAIRS = (("sun", "moon"), ("venus", "mars"))

# Sample arguments for messages with variables, so that formatting can be checked for errors.
SAMPLE_ARGS: dict[str, Any] = {
    "planet": "X",
    "sign_in": "X",
    "house_in": "X",
    "quality": "X",
    "other_in": "X",
    "a": "X",
    "b_to": "X",
    "b_with": "X",
    "fa": "X",
    "fb": "X",
    "orb": 1.25,
    "phase": "applying",
    "title": "X",
    "body": "X",
    "meaning": "X",
    "code": "X",
    "moon_uncertainty_deg": 7.0,
    "requested": "placidus",
    "used": "porphyry",
    "lat": 68.97,
}


def reading_files(locale: str) -> list[Any]:
    folder = resources.files("astralbot") / "locales" / locale
    return sorted(
        (e for e in folder.iterdir() if e.name.startswith("reading") and e.name.endswith(".ftl")),
        key=lambda e: e.name,
    )


def parsed(locale: str) -> list[FluentResource]:
    return [FluentResource(f.read_text(encoding="utf-8")) for f in reading_files(locale)]


def bundle(locale: str) -> FluentBundle:
    b = FluentBundle([locale], use_isolating=False)
    for resource in parsed(locale):
        b.add_resource(resource)
    return b


def message_ids(locale: str) -> list[str]:
    return [e.id.name for r in parsed(locale) for e in r.body if isinstance(e, ast.Message)]


def required_keys() -> list[str]:
    keys = [f"planet-in-sign-{p}-{s}" for p in PLANETS for s in SIGNS]
    keys += [f"planet-in-house-{p}-{h}" for p in PLANETS for h in HOUSES]
    keys += [f"{kind}-in-sign-{s}" for kind in ("asc", "mc", "node") for s in SIGNS]
    keys += [f"node-in-house-{h}" for h in HOUSES]
    keys += [f"sign-{s}{suffix}" for s in SIGNS for suffix in ("", "-in", "-quality")]
    keys += [f"planet-{b}{suffix}" for b in (*BODIES, "asc", "mc") for suffix in ("", "-to", "-with")]
    keys += [f"planet-function-{p}" for p in ASPECT_POINTS]
    keys += [f"house-{h}{suffix}" for h in HOUSES for suffix in ("", "-in")]
    for t in ASPECT_TYPES:
        keys += [f"aspect-{t}", f"aspect-meaning-{t}", f"aspect-frame-{t}", f"aspect-title-{t}"]
        keys += [f"aspect-pair-{a}-{b}-{t}" for a, b in PAIRS]
    keys += ["warning-time_unknown", "warning-polar_fallback", "warning-other"]
    keys += [
        "reading-title-short",
        "reading-title-full",
        "heading-notes",
        "heading-intro",
        "intro-text-1",
        "intro-text-2",
        "heading-big-three",
        "big-three-sun",
        "big-three-moon",
        "big-three-asc",
        "big-three-asc-unknown",
        "heading-planet-in-sign",
        "heading-planet-in-house",
        "retrograde-note",
        "moon-cusp-note",
        "heading-houses",
        "houses-unknown",
        "heading-asc",
        "heading-asc-unknown",
        "asc-unknown",
        "heading-mc",
        "heading-node",
        "heading-aspects",
        "aspects-intro",
        "aspects-none",
        "aspect-orb",
        "aspect-paragraph",
        "aspect-paragraph-explained",
        "heading-closing",
        "closing-text-1",
        "closing-text-2",
    ]
    return keys


def test_the_combinatorics_are_complete() -> None:
    keys = required_keys()
    assert len(keys) == len(set(keys))
    assert sum(k.startswith("planet-in-sign-") for k in keys) == 120
    assert sum(k.startswith("planet-in-house-") for k in keys) == 120


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogs_parse_without_junk(locale: str) -> None:
    assert reading_files(locale), f"no reading catalogs for {locale}"
    for resource in parsed(locale):
        junk = [e for e in resource.body if isinstance(e, ast.Junk)]
        assert not junk, [j.content[:120] for j in junk]


@pytest.mark.parametrize("locale", LOCALES)
def test_no_key_is_defined_twice(locale: str) -> None:
    ids = message_ids(locale)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_both_locales_define_the_same_keys() -> None:
    assert set(message_ids("ru")) == set(message_ids("en"))


@pytest.mark.parametrize("locale", LOCALES)
def test_every_required_key_has_real_text(locale: str) -> None:
    b = bundle(locale)
    for key in required_keys():
        assert b.has_message(key), f"{locale}: missing {key}"
        text, errors = b.format_pattern(b.get_message(key).value, SAMPLE_ARGS)
        assert not errors, f"{locale}: {key}: {errors}"
        assert text.strip(), f"{locale}: {key} is empty"
        assert text.strip() != key
        assert "{" not in text and "}" not in text


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("prefix", ["planet-in-sign-", "planet-in-house-", "asc-in-sign-", "mc-in-sign-"])
def test_interpretations_are_individual_prose(locale: str, prefix: str) -> None:
    b = bundle(locale)
    texts = [b.format_pattern(b.get_message(k).value, {})[0] for k in required_keys() if k.startswith(prefix)]
    assert len(set(texts)) == len(texts), "two placements share the same text"
    min_words = 12 if prefix == "planet-in-house-" else 20
    for text in texts:
        assert len(text.split()) >= min_words, text
        assert text.rstrip().endswith((".", "!")), text


def test_russian_sign_forms_are_prepositional() -> None:
    b = bundle("ru")
    forms = [b.format_pattern(b.get_message(f"sign-{s}-in").value, {})[0] for s in SIGNS]
    assert forms == [
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
    ]


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("ru", "орб 1,3°, сходящийся"),
        ("en", "orb 1.3°, applying"),
    ],
)
def test_numbers_follow_the_locale(locale: str, expected: str) -> None:
    b = bundle(locale)
    text, errors = b.format_pattern(b.get_message("aspect-orb").value, {"orb": 1.26, "phase": "applying"})
    assert not errors
    assert text == expected


@pytest.mark.parametrize(
    ("locale", "fragments"),
    [
        ("ru", ["68,97°", "Плацидуса", "Порфирия"]),
        ("en", ["68.97°", "Placidus", "Porphyry"]),
    ],
)
def test_polar_warning_names_the_house_systems(locale: str, fragments: list[str]) -> None:
    b = bundle(locale)
    args = {"requested": "placidus", "used": "porphyry", "lat": 68.97}
    text, errors = b.format_pattern(b.get_message("warning-polar_fallback").value, args)
    assert not errors
    for fragment in fragments:
        assert fragment in text
