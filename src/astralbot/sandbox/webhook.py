"""Delivery of updates to a webhook, the way Telegram does it: in order per chat, bounded concurrency,
retries with backoff on non-2xx or network errors, and the last error reported in getWebhookInfo."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

from astralbot.sandbox.signals import Signal

if TYPE_CHECKING:
    from astralbot.sandbox.model import PendingUpdate
    from astralbot.sandbox.state import FakeTelegram

_IDLE_WAIT = 3600.0


class WebhookDispatcher:
    """Owns every background task of webhook delivery; ``aclose`` cancels and awaits them all."""

    def __init__(self, state: FakeTelegram, retry_delays: tuple[float, ...], request_timeout: float) -> None:
        self._state = state
        self._retry_delays = retry_delays
        self._request_timeout = request_timeout
        self._wake = Signal()
        self._loop_task: asyncio.Task[None] | None = None
        self._deliveries: set[asyncio.Task[None]] = set()
        self._client: httpx.AsyncClient | None = None

    def kick(self) -> None:
        """Called on every change of pending updates or webhook settings."""
        self._wake.fire()
        if self._state.closed or not self._state.webhook.url:
            return
        if self._loop_task is None or self._loop_task.done():
            self._loop_task = asyncio.get_running_loop().create_task(
                self._run(), name="fake-telegram-webhook"
            )

    async def _run(self) -> None:
        while not self._state.closed and self._state.webhook.url:
            next_retry = self._start_due_deliveries()
            await self._wake.wait(next_retry if next_retry is not None else _IDLE_WAIT)

    def _start_due_deliveries(self) -> float | None:
        webhook = self._state.webhook
        now = time.monotonic()
        busy_chats: set[str] = set()
        in_flight = sum(1 for item in self._state.pending if item.in_flight)
        earliest: float | None = None
        for item in list(self._state.pending):
            if item.chat_key in busy_chats:
                continue  # an earlier update of this chat is not delivered yet
            busy_chats.add(item.chat_key)
            if item.in_flight:
                continue
            if item.not_before > now:
                earliest = item.not_before if earliest is None else min(earliest, item.not_before)
                continue
            if in_flight >= webhook.max_connections:
                break
            item.in_flight = True
            in_flight += 1
            task = asyncio.get_running_loop().create_task(
                self._deliver(item, webhook.url, webhook.secret_token), name="fake-telegram-webhook-post"
            )
            self._deliveries.add(task)
            task.add_done_callback(self._deliveries.discard)
        return None if earliest is None else max(earliest - now, 0.0)

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(timeout=self._request_timeout, trust_env=False)
        return self._client

    async def _deliver(self, item: PendingUpdate, url: str, secret: str | None) -> None:
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret else {}
        error: str | None = None
        try:
            response = await self._http().post(url, json=item.update, headers=headers)
            if not 200 <= response.status_code < 300:
                error = f"Wrong response from the webhook: {response.status_code} {response.reason_phrase}"
        except httpx.TimeoutException:
            error = "Read timeout expired"
        except httpx.ConnectError:
            error = "Connection refused"
        except httpx.HTTPError as exc:
            error = f"Connection error: {type(exc).__name__}"
        finally:
            item.in_flight = False
        state = self._state
        if error is None:
            state.pending = [pending for pending in state.pending if pending is not item]
        else:
            state.webhook.last_error_date = int(time.time())
            state.webhook.last_error_message = error
            item.attempts += 1
            if item.attempts > len(self._retry_delays):
                state.pending = [pending for pending in state.pending if pending is not item]
            else:
                item.not_before = time.monotonic() + self._retry_delays[item.attempts - 1]
        self._wake.fire()

    async def stop(self) -> None:
        tasks = [task for task in (self._loop_task, *self._deliveries) if task is not None]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        self._loop_task = None
        self._deliveries.clear()
        for item in self._state.pending:
            item.in_flight = False

    async def aclose(self) -> None:
        await self.stop()
        if self._client is not None:
            await self._client.aclose()
            self._client = None
