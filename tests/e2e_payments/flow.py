"""Steps and observations shared by the purchase tests: buying, waiting, counting what the user got,
and reading an order's state straight from the service's database."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from e2e.dialog import fill_profile, has_button, press, start
from e2e.service import ServiceProcess
from fakes.telegram import FakeTelegramServer, TelegramUser, UserView

# Callback data (see astralbot.bot.keyboards): the chart, the offer, the two ways to pay, "My charts".
CHART, BUY, PAY_STARS, PAY_CARD, MY_CHARTS, DOWNLOAD = "c", "buy", "pay:xtr", "pay:rub", "mc", "dl:"
PROGRESS_RU = (
    "Оплата получена",
    "Рассчитываю положение планет",
    "Рисую круг карты",
    "Пишу толкование",
    "Готово!",
)
TEXT_LIMIT = 4096


async def to_offer(user: TelegramUser) -> UserView:
    """/start, a complete profile, the free chart, then "Full reading": the offer with its buttons."""
    await start(user)
    await fill_profile(user)
    await press(user, CHART, has_button(BUY), timeout=60)
    return await press(user, BUY, has_button(PAY_STARS))


async def stars_invoice(user: TelegramUser) -> UserView:
    """From a fresh user to the Stars invoice message."""
    await to_offer(user)
    return await press(user, PAY_STARS, lambda view: view.invoice is not None)


async def wait_until(
    check: Callable[[], Awaitable[Any]], timeout: float, what: str, interval: float = 0.2
) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} within {timeout}s")
        await asyncio.sleep(interval)


def _chat_of(call: dict[str, Any]) -> str:
    return str(call["params"].get("chat_id", call["params"].get("user_id", "")))


async def calls_to(
    fake: FakeTelegramServer, method: str, chat_id: int, *, ok_only: bool = True, since: float = 0.0
) -> list[dict[str, Any]]:
    """Bot API calls of `method` addressed to `chat_id` made after `since` (epoch seconds); by default
    only those the fake accepted."""
    return [
        call
        for call in await fake.calls(method)
        if _chat_of(call) == str(chat_id) and call["time"] >= since and (not ok_only or call["status"] == 200)
    ]


@dataclass(frozen=True)
class Received:
    """What the bot sent a user after a given message: the full reading's parts as the user sees them."""

    photos: list[UserView]
    texts: list[UserView]
    documents: list[UserView]


async def received_after(user: TelegramUser, message_id: int) -> Received:
    views = [view for view in await user.bot_messages() if view.message_id > message_id]
    return Received(
        photos=[view for view in views if view.photo],
        texts=[view for view in views if view.get("text") is not None and not view.buttons],
        documents=[view for view in views if view.document],
    )


async def quiet(seconds: float) -> None:
    """Give duplicate or resumed deliveries time to show up before counting (several recovery sweeps)."""
    await asyncio.sleep(seconds)


# ----- the service's database -------------------------------------------------------------------------


@dataclass(frozen=True)
class OrderRow:
    id: str
    status: str
    provider: str | None
    amount: int
    currency: str
    attempts: int
    delivered_parts: int


async def orders_of(database_url: str, user_id: int) -> list[OrderRow]:
    engine = create_async_engine(database_url)
    try:
        async with engine.connect() as connection:
            rows = await connection.execute(
                text(
                    "SELECT id, status, provider, amount, currency, attempts, delivered_parts "
                    "FROM orders WHERE user_id = :user_id ORDER BY created_at"
                ),
                {"user_id": user_id},
            )
            return [OrderRow(str(row[0]).replace("-", ""), *row[1:]) for row in rows]
    finally:
        await engine.dispose()


async def only_order(database_url: str, user_id: int) -> OrderRow:
    orders = await orders_of(database_url, user_id)
    assert len(orders) == 1, f"expected one order for user {user_id}, found {orders}"
    return orders[0]


async def wait_for_status(database_url: str, user_id: int, status: str, timeout: float = 60.0) -> OrderRow:
    async def reached() -> OrderRow | None:
        order = await only_order(database_url, user_id)
        return order if order.status == status else None

    try:
        return await wait_until(reached, timeout, f"order of {user_id} not {status}", interval=0.3)
    except TimeoutError as error:
        raise TimeoutError(f"{error}: {await orders_of(database_url, user_id)}") from None


# ----- the operator's command line ----------------------------------------------------------------------


async def astralbot(env: dict[str, str], *args: str, timeout: float = 60.0) -> tuple[int, str]:
    """Run `python -m astralbot ARGS` (without blocking the loop that serves the fakes)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "astralbot",
        *args,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout)
    assert process.returncode is not None
    return process.returncode, output.decode(errors="replace")


# ----- crashing the service -------------------------------------------------------------------------------


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        tree.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    return tree


def crash(service: ServiceProcess) -> None:
    """SIGKILL the service together with its chart workers, as a dying container or cgroup would.

    Killing only the main process leaves its forkserver pool orphaned and still running."""
    assert service._proc is not None  # the harness keeps its Popen private; we only need its pid
    tree = _children()
    doomed, todo = [], [service._proc.pid]
    while todo:
        pid = todo.pop()
        doomed.append(pid)
        todo.extend(tree.get(pid, []))
    for pid in doomed[1:]:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    service.kill()
