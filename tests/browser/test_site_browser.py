"""The website in real Chromium against the real service, with the bot's side in the sandbox."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import pytest

from e2e.service import ServiceProcess

from .conftest import BotUser, buttons, shot

pytestmark = [pytest.mark.browser, pytest.mark.asyncio(loop_scope="session")]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


async def _new_page(
    browser: Any, service: ServiceProcess, viewport: dict[str, int] = DESKTOP
) -> tuple[Any, list[str]]:
    context = await browser.new_context(viewport=viewport, locale="en-US", base_url=service.url)
    page = await context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # Chromium logs every 4xx answer as "Failed to load resource"; 422 and 400 are expected answers here.
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and not msg.text.startswith("Failed to load resource")
            else None
        ),
    )
    return page, errors


async def _code_login(page: Any, service: ServiceProcess, user: BotUser) -> None:
    """/login in the bot, then the URL button's link opened in the browser."""
    await user.send("/login")
    message = await user.wait_for(lambda m: any("url" in b for b in buttons(m)))
    url = next(b["url"] for b in buttons(message) if "url" in b)
    assert urlsplit(url).netloc == urlsplit(service.url).netloc and "/login?code=" in url
    code = url.split("code=", 1)[1]
    assert code in message["text"]  # the code is also shown, for typing it in by hand
    await page.goto(url)
    await page.wait_for_url("**/profile")


async def test_login_with_the_code_from_the_bot(browser: Any, service: ServiceProcess) -> None:
    user = BotUser(service.url, 910001, first_name="Ann")
    page, errors = await _new_page(browser, service)
    await page.goto("/")
    await page.screenshot(path=shot("home"), full_page=True)
    await _code_login(page, service, user)
    await page.get_by_role("heading", name="My profile").wait_for()
    assert "Telegram account: Ann (id 910001)" in await page.inner_text("main")
    # The code is spent: opening the same link again does not log a fresh browser in.
    await page.screenshot(path=shot("profile-after-code-login"), full_page=True)
    assert errors == []
    await page.context.close()


async def test_a_used_code_is_refused_in_the_browser(browser: Any, service: ServiceProcess) -> None:
    user = BotUser(service.url, 910005)
    first, _ = await _new_page(browser, service)
    await _code_login(first, service, user)
    message = await user.wait_for(lambda m: any("url" in b for b in buttons(m)))
    url = next(b["url"] for b in buttons(message) if "url" in b)
    second, _ = await _new_page(browser, service)
    await second.goto(url)
    await second.locator("#login-message.bad").wait_for()
    assert "wrong, expired or already used" in await second.inner_text("#login-message")
    await second.screenshot(path=shot("login-code-used"), full_page=True)
    await first.context.close()
    await second.context.close()


async def test_browser_bound_login_confirmed_in_the_bot(browser: Any, service: ServiceProcess) -> None:
    user = BotUser(service.url, 910002, first_name="Boris")
    page, errors = await _new_page(browser, service)
    await page.goto("/login")
    await page.screenshot(path=shot("login"), full_page=True)
    async with page.context.expect_page() as popup_info:
        await page.click("#tg-login")
    sandbox_tab = await popup_info.value
    await page.locator("#login-wait").wait_for()
    href = await page.get_attribute("#bot-link", "href")
    assert href is not None
    match = re.fullmatch(r"/sandbox#start=(login_[A-Za-z0-9_-]{43})", href)
    assert match, href
    # The sandbox chat in the other tab turned the link into "/start login_…" and got the question.
    await sandbox_tab.get_by_text("Log in to the Astral website?").wait_for(timeout=20_000)
    await sandbox_tab.screenshot(path=shot("sandbox-login-confirm"))
    await sandbox_tab.close()

    # The user (played through the user API) opens the same deep link and confirms in the bot.
    await user.send(f"/start {match.group(1)}")
    question = await user.wait_for(
        lambda m: any(b.get("callback_data", "").startswith("lg:") for b in buttons(m))
    )
    confirm = next(b for b in buttons(question) if b.get("callback_data", "").startswith("lg:"))
    await page.screenshot(path=shot("login-waiting"), full_page=True)
    await user.press(question["message_id"], confirm["callback_data"])
    await user.wait_for(lambda m: "Go back to the browser tab" in m.get("text", ""))

    await page.wait_for_url("**/profile", timeout=15_000)
    assert "Telegram account: Boris (id 910002)" in await page.inner_text("main")
    assert errors == []
    await page.context.close()


async def test_profile_form_shows_validation_messages_then_saves(
    browser: Any, service: ServiceProcess
) -> None:
    user = BotUser(service.url, 910003, first_name="Vera")
    page, errors = await _new_page(browser, service)
    await _code_login(page, service, user)
    await page.fill("input[name=birth_date]", "31.02.1990")
    await page.fill("input[name=birth_time]", "14:30")
    await page.click("button[type=submit]")
    error = page.locator('[data-error-for="birth_date"]')
    await error.wait_for()
    assert await error.inner_text() == "That date does not exist. Please check the day and the month."
    await page.screenshot(path=shot("profile-invalid-date"), full_page=True)

    # An ambiguous place offers a choice.
    await page.fill("input[name=birth_date]", "15.05.1990")
    await page.fill("#place", "Moscow")
    await page.keyboard.press("Escape")
    await page.click("button[type=submit]")
    await page.locator("#place-choices button").first.wait_for()
    await page.screenshot(path=shot("profile-place-choice"), full_page=True)
    await page.locator("#place-choices button", has_text="Moscow, Russia").click()
    await page.locator("#profile-status.notice-ok").wait_for(timeout=10_000)
    assert "Moscow, Russia" in await page.inner_text("#place-current")
    assert errors == []
    await page.context.close()


async def test_open_a_chart_and_see_the_wheel_then_log_out(browser: Any, service: ServiceProcess) -> None:
    user = BotUser(service.url, 910004, first_name="Gleb")
    page, errors = await _new_page(browser, service)
    await _code_login(page, service, user)

    # Fill the profile on the site, with the place picked from the autocomplete list.
    await page.fill("input[name=name]", "Gleb")
    await page.fill("input[name=birth_date]", "15.05.1990")
    await page.fill("input[name=birth_time]", "14:30")
    await page.locator("#place").press_sequentially("Londo", delay=40)
    option = page.locator("#place-list li[role=option]", has_text="London, United Kingdom")
    await option.wait_for()
    await page.screenshot(path=shot("profile-autocomplete"), full_page=True)
    await option.click()
    await page.click("button[type=submit]")
    await page.locator("#profile-status.notice-ok").wait_for(timeout=10_000)
    await page.screenshot(path=shot("profile-complete"), full_page=True)

    # The bot makes the chart ("Natal chart" button in the menu).
    await user.send("/start")
    menu = await user.wait_for(lambda m: any(b.get("callback_data") == "c" for b in buttons(m)))
    await user.press(menu["message_id"], "c")
    await user.wait_for(lambda m: "photo" in m, timeout=60)

    await page.goto("/charts")
    await page.locator(".chart-item").first.wait_for()
    await page.screenshot(path=shot("charts"), full_page=True)
    await page.locator(".chart-item a").first.click()
    wheel = page.locator("#wheel svg")
    await wheel.wait_for(timeout=30_000)
    box = await wheel.bounding_box()
    assert box is not None and box["width"] > 300 and box["height"] > 300
    assert await page.locator("#positions tbody tr").count() >= 10
    assert await page.locator("#aspects tbody tr").count() >= 1
    assert "Sun" in await page.inner_text("#positions")
    await page.screenshot(path=shot("chart"), full_page=True)

    phone, _ = await _new_page(browser, service, PHONE)
    await phone.context.add_cookies(await page.context.cookies())
    await phone.goto(page.url)
    await phone.locator("#wheel svg").wait_for()
    await phone.screenshot(path=shot("chart-phone"), full_page=True)
    await phone.goto("/profile")
    await phone.screenshot(path=shot("profile-phone"), full_page=True)
    await phone.context.close()

    await page.click("#logout")
    await page.wait_for_url(service.url + "/")
    await page.locator("#nav-login").wait_for()
    await page.goto("/profile")
    await page.wait_for_url("**/login?next=/profile")
    assert errors == []
    await page.context.close()
