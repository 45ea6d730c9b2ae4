"""The real `astralbot serve` in sandbox mode (no BOT_TOKEN), real Chromium, and the bot's user side.

Chromium is Debian's (/usr/bin/chromium) driven by Playwright. Without it the tests skip, unless
ASTRAL_REQUIRE_BROWSER=1 (CI), which makes a missing browser a failure.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from e2e.service import ServiceProcess

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"

Json = dict[str, Any]


def _require_browser() -> Any:
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is missing (apt-get install chromium)"
        if os.environ.get("ASTRAL_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return pytest.importorskip("playwright.async_api")


class BotUser:
    """One Telegram user, played through the sandbox's user API (what the phone app would do)."""

    def __init__(self, base: str, user_id: int, language: str = "en", first_name: str = "Ann") -> None:
        self.api = f"{base}/sandbox/_user"
        self.id = user_id
        self.language = language
        self.first_name = first_name

    async def _post(self, path: str, body: Json) -> Json:
        async with httpx.AsyncClient(timeout=10.0, trust_env=False) as client:
            response = await client.post(f"{self.api}{path}", json=body)
        response.raise_for_status()
        data: Json = response.json()
        return data

    async def send(self, text: str) -> None:
        await self._post(
            "/send",
            {"user_id": self.id, "text": text, "language_code": self.language, "first_name": self.first_name},
        )

    async def press(self, message_id: int, data: str) -> None:
        await self._post("/press", {"user_id": self.id, "message_id": message_id, "callback_data": data})

    async def messages(self) -> list[Json]:
        async with httpx.AsyncClient(timeout=10.0, trust_env=False) as client:
            response = await client.get(f"{self.api}/{self.id}/messages")
        found: list[Json] = response.json()["messages"]
        return [m for m in found if m.get("sender") != "user"]

    async def wait_for(self, predicate: Callable[[Json], bool], timeout: float = 30.0) -> Json:
        deadline = time.monotonic() + timeout
        while True:
            for message in reversed(await self.messages()):
                if predicate(message):
                    return message
            if time.monotonic() > deadline:
                raise TimeoutError(f"no such bot message; transcript: {await self.messages()}")
            await asyncio.sleep(0.2)


def buttons(message: Json) -> list[Json]:
    rows = (message.get("reply_markup") or {}).get("inline_keyboard") or []
    return [button for row in rows for button in row]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def service(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[ServiceProcess]:
    _require_browser()
    workdir = tmp_path_factory.mktemp("site")
    process = ServiceProcess.for_fake(
        None, workdir, database_url=f"sqlite+aiosqlite:///{workdir / 'astral.db'}", name="site"
    )
    await process.start(timeout=90)
    try:
        yield process
    finally:
        code = await process.terminate()
        problems = process.log_problems()
        assert code == 0 and not problems, f"exit {code}, {problems}:\n{process.log_tail(80)}"


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def browser(service: ServiceProcess) -> AsyncIterator[Any]:
    playwright_api = _require_browser()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    async with playwright_api.async_playwright() as playwright:
        chromium = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield chromium
        finally:
            await chromium.close()


def shot(name: str) -> str:
    return str(SCREENSHOTS / f"{name}.png")
