"""The sandbox web chat in real Chromium: a PTB bot behind the fake, driven through the page."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, LabeledPrice, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    PreCheckoutQueryHandler,
)

from astralbot.sandbox import FakeTelegram, create_fake_telegram_app
from astralbot.sandbox.page import sandbox_router
from fakes.telegram import LoopbackServer

from .conftest import png_bytes

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [pytest.mark.browser, pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")]

MENU = InlineKeyboardMarkup(
    [
        [
            InlineKeyboardButton("Мой профиль", callback_data="profile"),
            InlineKeyboardButton("Натальная карта", callback_data="chart"),
        ],
        [InlineKeyboardButton("Сайт", url="https://example.org")],
    ]
)


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_chat is not None
    await context.bot.send_message(
        update.effective_chat.id,
        "<b>Добро пожаловать!</b> &lt;script&gt;alert(1)&lt;/script&gt; &lt;i&gt;не курсив&lt;/i&gt;",
        parse_mode="HTML",
        reply_markup=MENU,
    )


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None and query.message is not None
    if query.data == "profile":
        await query.answer("Профиль")
        await query.edit_message_text("<i>Профиль:</i> не заполнен", parse_mode="HTML", reply_markup=MENU)
    else:
        await query.answer()
        await context.bot.send_chat_action(query.message.chat.id, "upload_photo")
        await context.bot.send_photo(
            query.message.chat.id, png_bytes(320, 320), caption="<b>Карта</b>", parse_mode="HTML"
        )
        await context.bot.send_invoice(
            query.message.chat.id,
            "Полный разбор",
            "PDF и все аспекты",
            "order:1",
            "XTR",
            [LabeledPrice("Разбор", 150)],
        )


async def on_pre_checkout(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.pre_checkout_query is not None
    await update.pre_checkout_query.answer(ok=True)


@pytest.fixture
async def sandbox_url() -> AsyncIterator[str]:
    """The product's layout: the fake mounted under a prefix, the page router on the same app."""
    state = FakeTelegram()
    app = FastAPI()
    app.mount("/fake-telegram", create_fake_telegram_app(state))
    app.include_router(sandbox_router(state))
    async with LoopbackServer(app) as server:
        application = (
            Application.builder().token(state.token).base_url(f"{server.url}/fake-telegram/bot").build()
        )
        application.add_handler(CommandHandler("start", start))
        application.add_handler(CallbackQueryHandler(on_button))
        application.add_handler(PreCheckoutQueryHandler(on_pre_checkout))
        async with application:
            await application.start()
            assert application.updater is not None
            await application.updater.start_polling(poll_interval=0, timeout=1)
            try:
                yield f"{server.url}/sandbox"
            finally:
                await application.updater.stop()
                await application.stop()
                await state.aclose()


async def test_sandbox_page_in_chromium(sandbox_url: str) -> None:
    playwright_api = pytest.importorskip("playwright.async_api")
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = await browser.new_page(viewport={"width": 400, "height": 780}, locale="ru-RU")
            errors: list[str] = []
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            await page.goto(sandbox_url)
            await page.click("#start")
            welcome = page.locator(".row.bot").first
            await welcome.locator("b", has_text="Добро пожаловать!").wait_for()
            # Escaped markup arrives as text and stays text: the page builds DOM from entities only.
            assert await page.locator(".bubble script, .bubble i").count() == 0
            assert "<script>alert(1)</script>" in await welcome.inner_text()
            assert "<i>не курсив</i>" in await welcome.inner_text()

            await page.click("text=Мой профиль")
            await page.locator(".toast.show", has_text="Профиль").wait_for()
            await welcome.locator("i", has_text="Профиль:").wait_for()  # edited in place
            assert await page.locator(".row.bot").count() == 1
            await page.screenshot(path="/tmp/sandbox-menu.png")

            await page.click("text=Натальная карта")
            photo = page.locator("img.photo")
            await photo.wait_for()
            await page.wait_for_function("document.querySelector('img.photo').naturalWidth === 320")
            await page.locator(".invoice .pay").click()
            await page.locator(".row.user", has_text="150 ★").wait_for()

            await page.fill("#input", "привет")
            await page.keyboard.press("Enter")
            await page.locator(".row.user", has_text="привет").wait_for()
            await page.screenshot(path="/tmp/sandbox-chat.png", full_page=True)
            assert errors == []
        finally:
            await browser.close()
