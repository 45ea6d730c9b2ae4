"""Pytest harness for the fake Telegram Bot API: a real uvicorn server on 127.0.0.1 inside the running
event loop, and a ``TelegramUser`` that drives the user side over HTTP.

    async with FakeTelegramServer() as server:
        bot = telegram.Bot(server.token, base_url=server.base_url, base_file_url=server.base_file_url)
        user = server.user(42, language_code="en")
        await user.send("/start")
        menu = await user.wait_for(lambda m: m.buttons)
        await user.press("Help")
"""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Self

import httpx
import uvicorn
from starlette.types import ASGIApp

from astralbot.sandbox import FakeTelegram, create_fake_telegram_app


@dataclass(frozen=True)
class UserView:
    """One message of the transcript as the user sees it (Bot API Message JSON plus sender/file_url)."""

    raw: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.raw[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)

    @property
    def message_id(self) -> int:
        return int(self.raw["message_id"])

    @property
    def sender(self) -> str:
        return str(self.raw["sender"])

    @property
    def from_bot(self) -> bool:
        return self.sender == "bot"

    @property
    def text(self) -> str:
        """The text, or the caption of a media message, or "" (entities already parsed out)."""
        return str(self.raw.get("text") or self.raw.get("caption") or "")

    @property
    def buttons(self) -> list[dict[str, Any]]:
        rows = (self.raw.get("reply_markup") or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    @property
    def button_texts(self) -> list[str]:
        return [button["text"] for button in self.buttons]

    @property
    def photo(self) -> list[dict[str, Any]] | None:
        return self.raw.get("photo")

    @property
    def document(self) -> dict[str, Any] | None:
        return self.raw.get("document")

    @property
    def invoice(self) -> dict[str, Any] | None:
        return self.raw.get("invoice")

    @property
    def file_url(self) -> str | None:
        return self.raw.get("file_url")

    @property
    def edited(self) -> bool:
        return "edit_date" in self.raw


Predicate = Callable[[UserView], Any]


class TelegramUser:
    """A Telegram user talking to the bot through the fake's ``/_user`` API."""

    def __init__(
        self, api_url: str, user_id: int, *, first_name: str = "Анна", language_code: str | None = "ru"
    ) -> None:
        self.api_url = api_url.rstrip("/")
        self.user_id = user_id
        self.first_name = first_name
        self.language_code = language_code
        self._client = httpx.AsyncClient(base_url=self.api_url, timeout=30.0, trust_env=False)
        self._mark = 0  # event seq after our last action; wait_for looks only at what came later

    async def aclose(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = await self._client.post(path, json=body)
        data: dict[str, Any] = response.json()
        if response.status_code != 200:
            raise UserActionRejected(response.status_code, str(data.get("detail")))
        return data

    async def send(self, text: str) -> UserView:
        data = await self._post(
            "/_user/send",
            {
                "user_id": self.user_id,
                "text": text,
                "language_code": self.language_code,
                "first_name": self.first_name,
            },
        )
        self._mark = data["seq"]
        return UserView({**data["message"], "sender": "user"})

    async def press_data(self, message_id: int, callback_data: str) -> dict[str, Any]:
        data = await self._post(
            "/_user/press",
            {"user_id": self.user_id, "message_id": message_id, "callback_data": callback_data},
        )
        self._mark = data["seq"]
        return dict(data["callback_query"])

    async def press(self, label: str, *, message: UserView | int | None = None) -> dict[str, Any]:
        """Press the button whose text or callback_data is ``label`` on the latest bot message having it."""
        candidates = await self.messages()
        if message is not None:
            wanted = message if isinstance(message, int) else message.message_id
            candidates = [m for m in candidates if m.message_id == wanted]
        for view in reversed(candidates):
            for button in view.buttons:
                if label in (button.get("text"), button.get("callback_data")) and "callback_data" in button:
                    return await self.press_data(view.message_id, button["callback_data"])
        raise LookupError(f"no callback button {label!r} on the bot's messages")

    async def pay(self, invoice_message: UserView | int) -> dict[str, Any]:
        message_id = invoice_message if isinstance(invoice_message, int) else invoice_message.message_id
        data = await self._post("/_user/pay", {"user_id": self.user_id, "message_id": message_id})
        self._mark = data["seq"]
        return data

    async def messages(self, since: int = 0) -> list[UserView]:
        response = await self._client.get(f"/_user/{self.user_id}/messages", params={"since": since})
        response.raise_for_status()
        return [UserView(raw) for raw in response.json()["messages"]]

    async def bot_messages(self) -> list[UserView]:
        return [view for view in await self.messages() if view.from_bot]

    async def last_message(self) -> UserView | None:
        found = await self.bot_messages()
        return found[-1] if found else None

    async def callback_answers(self) -> list[dict[str, Any]]:
        response = await self._client.get(f"/_user/{self.user_id}/messages")
        response.raise_for_status()
        return list(response.json()["callback_answers"])

    async def download(self, view: UserView) -> bytes:
        if not view.file_url:
            raise ValueError("this message has no file")
        response = await self._client.get(f"/{view.file_url}")
        response.raise_for_status()
        return response.content

    async def wait_for(self, predicate: Predicate | None = None, timeout: float = 10.0) -> UserView:
        """First bot message sent or edited after our last action for which ``predicate`` is truthy."""
        check = predicate or (lambda _view: True)
        after = self._mark
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                seen = [view.text[:80] for view in await self.bot_messages()][-5:]
                raise TimeoutError(f"no matching bot message within {timeout}s; last ones: {seen}")
            response = await self._client.get(
                f"/_user/{self.user_id}/events", params={"after": after, "timeout": min(remaining, 5.0)}
            )
            response.raise_for_status()
            for event in response.json()["events"]:
                after = event["seq"]
                if event["type"] in ("message", "edit") and event["message"]["sender"] == "bot":
                    view = UserView(event["message"])
                    if check(view):
                        return view


class UserActionRejected(Exception):
    """The fake refused a user action (e.g. pressing a button that is not there)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.detail = detail


def _free_socket(host: str) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    return sock


class LoopbackServer:
    """Any ASGI app served by uvicorn on 127.0.0.1:<free port> as a task of the running loop."""

    def __init__(self, app: ASGIApp, host: str = "127.0.0.1", *, lifespan: str = "on") -> None:
        self.app = app
        self.host = host
        self.lifespan = lifespan
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def __aenter__(self) -> Self:
        sock = _free_socket(self.host)
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            lifespan=self.lifespan,  # type: ignore[arg-type]
            ws="none",
            # Never rewrite the peer from X-Forwarded-For: the apps under test judge that header.
            proxy_headers=False,
            access_log=False,
            timeout_graceful_shutdown=5,
        )
        self._server = uvicorn.Server(config)
        self._task = asyncio.get_running_loop().create_task(self._server.serve(sockets=[sock]))
        deadline = time.monotonic() + 10
        while not self._server.started:
            if self._task.done():
                self._task.result()
                raise RuntimeError("uvicorn stopped during start-up")
            if time.monotonic() > deadline:
                raise TimeoutError("uvicorn did not start")
            await asyncio.sleep(0.01)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        assert self._server is not None and self._task is not None
        self._server.should_exit = True
        await self._task


class FakeTelegramServer(LoopbackServer):
    """The fake Bot API on loopback. ``base_url``/``base_file_url`` are what PTB's ``Bot`` wants."""

    def __init__(self, state: FakeTelegram | None = None, *, host: str = "127.0.0.1") -> None:
        self.state = state or FakeTelegram()
        super().__init__(create_fake_telegram_app(self.state), host)
        self._users: list[TelegramUser] = []
        self._control: httpx.AsyncClient | None = None

    @property
    def token(self) -> str:
        return self.state.token

    @property
    def base_url(self) -> str:
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        return f"{self.url}/file/bot"

    @property
    def method_url(self) -> str:
        """``{url}/bot{token}/`` — append a method name for raw HTTP calls."""
        return f"{self.base_url}{self.token}/"

    async def __aenter__(self) -> Self:
        await super().__aenter__()
        self._control = httpx.AsyncClient(base_url=self.url, timeout=30.0, trust_env=False)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        for user in self._users:
            await user.aclose()
        if self._control is not None:
            await self._control.aclose()
        await self.state.aclose()  # wakes long polls so uvicorn can drain its connections at once
        await super().__aexit__(*exc_info)

    def user(
        self, user_id: int = 1001, *, first_name: str = "Анна", language_code: str | None = "ru"
    ) -> TelegramUser:
        user = TelegramUser(self.url, user_id, first_name=first_name, language_code=language_code)
        self._users.append(user)
        return user

    async def add_fault(
        self, method: str, kind: str, *, count: int = 1, retry_after: int = 1, delay: float = 0.0
    ) -> None:
        assert self._control is not None
        response = await self._control.post(
            "/_control/faults",
            json={"method": method, "kind": kind, "count": count, "retry_after": retry_after, "delay": delay},
        )
        response.raise_for_status()

    async def calls(self, method: str | None = None) -> list[dict[str, Any]]:
        assert self._control is not None
        response = await self._control.get("/_control/calls", params={"method": method} if method else {})
        response.raise_for_status()
        return list(response.json()["calls"])

    async def resend(self, update_id: int) -> dict[str, Any]:
        assert self._control is not None
        response = await self._control.post("/_control/resend", json={"update_id": update_id})
        response.raise_for_status()
        return dict(response.json()["update"])
