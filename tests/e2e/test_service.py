"""The service's guarantees: health and metrics, duplicate updates, the webhook secret, 429 retries,
and the analytics funnel of `astralbot stats`."""

from __future__ import annotations

import asyncio
import copy
import itertools
import os
import re
import subprocess
import sys
import time

import httpx

from .conftest import Stack
from .dialog import fill_profile, has_button, press, quiet_for, start
from .service import WEBHOOK_SECRET, get_json

_foreign_update_ids = itertools.count(900_000_000)


def metric(text: str, name: str) -> float:
    """Sum of a metric's samples (all label sets)."""
    values = [float(m.group(1)) for m in re.finditer(rf"^{name}(?:{{[^}}]*}})? (\S+)$", text, re.MULTILINE)]
    return sum(values)


async def metrics_text(stack: Stack) -> str:
    status, body = await get_json(f"{stack.service.url}/metrics")
    assert status == 200
    return str(body)


async def test_health_readiness_and_metrics(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    await press(user, "h", has_button("m"))

    assert await get_json(f"{stack.service.url}/healthz") == (200, {"status": "ok"})
    status, ready = await get_json(f"{stack.service.url}/readyz")
    assert status == 200
    assert ready["database"] is True and ready["bot"] is True
    text = await metrics_text(stack)
    for name in ("astral_updates_total", "astral_handler_seconds", "astral_event_loop_lag_seconds"):
        assert f"# TYPE {name}" in text, name
    assert metric(text, "astral_updates_total") >= 2
    assert 'astral_updates_total{type="command"}' in text
    assert 'astral_updates_total{type="callback_query"}' in text
    assert 'astral_handler_seconds_count{handler="/start"}' in text
    assert 'astral_handler_seconds_bucket{handler="help",le="0.5"}' in text


async def test_duplicate_update_is_ignored(stack: Stack) -> None:
    user = stack.user()
    sent = await user.send("/start")
    await user.wait_for(has_button("p"))
    update_id = next(
        uid
        for uid, update in stack.fake.state.history.items()
        if update.get("message", {}).get("message_id") == sent.message_id
        and update["message"]["chat"]["id"] == user.user_id
    )
    before = metric(await metrics_text(stack), "astral_duplicate_updates_total")
    count = len(await user.bot_messages())

    await stack.fake.resend(update_id)
    deadline = time.monotonic() + 15
    while metric(await metrics_text(stack), "astral_duplicate_updates_total") < before + 1:
        assert time.monotonic() < deadline, "the re-sent update never reached the bot"
        await asyncio.sleep(0.1)
    assert await quiet_for(user, 0.7) == []
    assert len(await user.bot_messages()) == count, "no second reply"


async def test_webhook_secret_is_required(stack: Stack) -> None:
    """403 without the right secret, in both modes (the route exists in polling mode too)."""
    user = stack.user()
    sent = await user.send("/start")
    await user.wait_for(has_button("p"))
    original = next(
        update
        for update in stack.fake.state.history.values()
        if update.get("message", {}).get("message_id") == sent.message_id
        and update["message"]["chat"]["id"] == user.user_id
    )
    updates_before = metric(await metrics_text(stack), "astral_updates_total")
    url = f"{stack.service.url}/webhook/telegram"

    async with httpx.AsyncClient(timeout=10.0, trust_env=False) as client:
        for headers in (
            {},
            {"X-Telegram-Bot-Api-Secret-Token": "wrong-secret"},
            {"X-Telegram-Bot-Api-Secret-Token": ""},
        ):
            forged = copy.deepcopy(original)
            forged["update_id"] = next(_foreign_update_ids)
            response = await client.post(url, json=forged, headers=headers)
            assert response.status_code == 403, (headers, response.status_code)
        assert await quiet_for(user, 0.7) == []
        assert metric(await metrics_text(stack), "astral_updates_total") == updates_before, "not processed"

        if stack.mode == "polling":
            return
        # The same update with the right secret is handled (the check above was not vacuous).
        genuine = copy.deepcopy(original)
        genuine["update_id"] = next(_foreign_update_ids)
        response = await client.post(
            url, json=genuine, headers={"X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET}
        )
        assert response.status_code == 200
    greeting = await user.wait_for(has_button("p"))
    assert "Здравствуйте" in greeting.text


async def test_429_is_retried_after_retry_after(stack: Stack) -> None:
    user = stack.user()
    await start(user)  # the chat exists and nothing of this user is in flight
    await stack.fake.add_fault("sendMessage", "429", retry_after=1, count=1)
    started = time.monotonic()
    await user.send("/help")
    reply = await user.wait_for(has_button("m"), timeout=20)
    elapsed = time.monotonic() - started
    assert "Как это работает" in reply.text
    assert elapsed >= 1.0, elapsed
    mine = [
        c
        for c in await stack.fake.calls("sendMessage")
        if str(c["params"].get("chat_id")) == str(user.user_id)
    ]
    statuses = [c.get("status") for c in mine]
    assert 429 in statuses, statuses
    assert statuses[-1] in (None, 200), statuses
    print(f"[{stack.mode}-{stack.dialect}] reply after a 429 with retry_after=1: {elapsed:.2f}s")


async def test_stats_prints_the_funnel(stack: Stack) -> None:
    user = stack.user()
    await start(user)
    await fill_profile(user)
    await press(user, "c", lambda view: bool(view.photo), timeout=60)

    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "MODE", "WEBHOOK_"))}
    env["DATABASE_URL"] = stack.database_url
    result = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-m", "astralbot", "stats"],
        env=env,
        cwd=stack.service.workdir,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    counts = {
        m.group(1): int(m.group(2)) for m in re.finditer(r"^\s+(\w+)\s+(\d+)", result.stdout, re.MULTILINE)
    }
    print(result.stdout)
    for step in ("start", "profile_completed", "chart_requested"):
        assert counts.get(step, 0) >= 1, (step, result.stdout)
    assert counts["start"] >= counts["profile_completed"] >= 1
