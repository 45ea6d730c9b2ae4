"""The sandbox in real Chromium: `astralbot serve` without BOT_TOKEN, driven through /sandbox like a
person would: /start, My profile, date, time, place (choosing among candidates), Natal chart."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .conftest import Launch

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
pytestmark = pytest.mark.browser


def _require_chromium() -> None:
    if not os.access(CHROMIUM, os.X_OK):
        message = f"{CHROMIUM} is not installed"
        if os.environ.get("ASTRAL_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


async def _tap(page: Any, data: str, *, text: str | None = None) -> None:
    """Press the inline button with this callback data on the newest bot message that has it."""
    buttons = page.locator(f'.row.bot button[data-callback^="{data}"]')
    if text is not None:
        buttons = buttons.filter(has_text=text)
    await buttons.last.click()


async def _say(page: Any, text: str) -> None:
    await page.fill("#input", text)
    await page.keyboard.press("Enter")
    await page.locator(".row.user", has_text=text).last.wait_for()


async def _bot_says(page: Any, text: str, timeout: float = 15_000) -> None:
    await page.locator(".row.bot", has_text=text).last.wait_for(timeout=timeout)


async def test_sandbox_chat_in_chromium(launch: Launch) -> None:
    _require_chromium()
    playwright_api = pytest.importorskip("playwright.async_api")
    service = await launch(None, name="sandbox")  # no BOT_TOKEN: the in-process fake and /sandbox
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = await browser.new_page(viewport={"width": 420, "height": 900}, locale="ru-RU")
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto(f"{service.url}/sandbox")
            await page.click("#start")
            await _bot_says(page, "Здравствуйте")

            await _tap(page, "p")
            await _bot_says(page, "Дата рождения: —")
            await _tap(page, "e:date")
            await _bot_says(page, "ДД.ММ.ГГГГ")
            await _say(page, "15.05.1990")
            await _bot_says(page, "Сохранено: дата рождения")

            await _tap(page, "e:time")
            await _bot_says(page, "ЧЧ:ММ")
            await _say(page, "14:30")
            await _bot_says(page, "Сохранено: время рождения")

            await _tap(page, "e:place")
            await _bot_says(page, "Напишите город рождения")
            await _say(page, "Москва")
            await _bot_says(page, "Нашлось несколько мест")
            await page.screenshot(path=str(SCREENSHOTS / "sandbox-place-choice.png"))
            await _tap(page, "pl:", text="Россия")
            await _bot_says(page, "Профиль заполнен")

            await _tap(page, "c")
            photo = page.locator("img.photo").last
            await photo.wait_for(timeout=60_000)
            await page.wait_for_function(
                "() => { const imgs = document.querySelectorAll('img.photo');"
                " const img = imgs[imgs.length - 1]; return img && img.complete && img.naturalWidth >= 1000; }",
                timeout=60_000,
            )
            width = await photo.evaluate("img => img.naturalWidth")
            await _bot_says(page, "Асцендент", timeout=60_000)
            await photo.scroll_into_view_if_needed()
            await page.screenshot(path=str(SCREENSHOTS / "sandbox-chart.png"))
            await page.screenshot(path=str(SCREENSHOTS / "sandbox-chat-full.png"), full_page=True)
            print(f"\nchart picture {width}px wide; screenshots in {SCREENSHOTS}")
            assert width >= 1000
            assert errors == []
        finally:
            await browser.close()
