"""Texts by key: one Fluent catalog set per locale under `astralbot/locales/<locale>/*.ftl`.

Code never carries user-visible text; it asks for a message id. Russian is the default locale
and the fallback for any key an English catalog lacks (and vice versa), so a missing translation
shows the other language rather than a raw key.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from fluent.runtime import FluentBundle, FluentResource

LOCALES: tuple[str, ...] = ("ru", "en")
DEFAULT_LOCALE = "ru"


def normalize_locale(code: str | None, default: str = DEFAULT_LOCALE) -> str:
    """Map a Telegram `language_code` such as "en-US" or "uk" to a supported locale."""
    if not code:
        return default
    base = code.split("-")[0].split("_")[0].lower()
    return base if base in LOCALES else default


class Translator:
    """Formats Fluent messages for one locale, falling back to the other locales."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._chain = [_bundle(locale)] + [_bundle(loc) for loc in LOCALES if loc != locale]

    def has(self, key: str) -> bool:
        return any(b.has_message(key) for b in self._chain)

    def __call__(self, key: str, **args: Any) -> str:
        for bundle in self._chain:
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if message.value is None:
                    continue
                text, _errors = bundle.format_pattern(message.value, args)
                return str(text)
        raise KeyError(f"no message {key!r} in any locale")

    def attr(self, key: str, attribute: str, **args: Any) -> str:
        for bundle in self._chain:
            if bundle.has_message(key):
                message = bundle.get_message(key)
                if attribute in message.attributes:
                    text, _errors = bundle.format_pattern(message.attributes[attribute], args)
                    return str(text)
        raise KeyError(f"no attribute {key}.{attribute} in any locale")


@cache
def translator(locale: str) -> Translator:
    return Translator(normalize_locale(locale))


@cache
def _bundle(locale: str) -> FluentBundle:
    # use_isolating=False: the Unicode isolation marks Fluent adds around arguments
    # would show up as garbage in Telegram messages and PDF text.
    bundle = FluentBundle([locale], use_isolating=False)
    folder = resources.files("astralbot") / "locales" / locale
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".ftl"):
            bundle.add_resource(FluentResource(entry.read_text(encoding="utf-8")))
    return bundle
