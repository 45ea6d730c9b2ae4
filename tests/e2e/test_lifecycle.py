"""Stopping and restarting the service: SIGTERM with replies in flight, and an editing step that
survives a restart. Each test runs a service of its own on SQLite."""

from __future__ import annotations

import asyncio
import time

import pytest

from fakes.telegram import FakeTelegramServer

from .conftest import Launch, next_user_id
from .dialog import contains, has_button, press, reply_to


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_sigterm_with_replies_in_flight(
    mode: str, own_fake: FakeTelegramServer, launch: Launch
) -> None:
    service = await launch(own_fake, mode=mode)
    users = [own_fake.user(next_user_id()) for _ in range(5)]
    await own_fake.add_fault("sendMessage", "slow", delay=2.0, count=len(users))
    for user in users:
        await user.send("/start")

    # Every reply has reached the (slow) fake, and none has been answered yet: SIGTERM now.
    deadline = time.monotonic() + 30
    while len(await own_fake.calls("sendMessage")) < len(users):
        assert time.monotonic() < deadline, "the updates were not all being handled"
        await asyncio.sleep(0.02)
    # Each call sleeps 2 s in the fake before it is answered: those younger than that are in flight.
    signalled_at = time.time()
    in_flight = [c for c in await own_fake.calls("sendMessage") if signalled_at - c["time"] < 1.8]
    assert len(in_flight) >= 3, "SIGTERM came too late to find replies in flight"
    stopping = time.monotonic()
    code = await service.terminate()
    took = time.monotonic() - stopping

    for user in users:
        greeting = await user.wait_for(has_button("p"), timeout=5)
        assert "Здравствуйте" in greeting.text
    print(f"\n[{mode}] SIGTERM with {len(in_flight)} replies in flight: stopped in {took:.2f}s, code {code}")
    service.assert_clean_stop(code)
    assert "shutting down" in service.log_text()


async def test_editing_step_survives_a_restart(own_fake: FakeTelegramServer, launch: Launch) -> None:
    first = await launch(own_fake, mode="webhook", name="first")
    user = own_fake.user(next_user_id())
    await user.send("/profile")
    await user.wait_for(has_button("e:date"))
    await press(user, "e:date", contains("ДД.ММ.ГГГГ"))
    first.assert_clean_stop(await first.terminate())

    second = await launch(own_fake, mode="webhook", name="second")  # the same SQLite file
    saved = await reply_to(user, "15.05.1990", timeout=30)
    assert "Сохранено: дата рождения" in saved.text
    assert "Дата рождения: 15.05.1990" in saved.text
    second.assert_clean_stop(await second.terminate())
