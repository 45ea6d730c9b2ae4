"""While charts are computed and rendered (in the worker process), the event loop stays free:
another user's menu buttons keep answering quickly."""

from __future__ import annotations

import asyncio
import itertools
import statistics
import time

from fakes.telegram import TelegramUser

from .conftest import Stack
from .dialog import contains, fill_profile, has_button, start
from .service import get_json
from .test_service import metric

CHART_USERS = 4
# Generous: on 2 cores the fake (parsing the uploaded photos), the test and a chart worker compete
# with the service. A press is ~0.2 s here; a loop blocked by the charts would push most presses up.
MENU_ROUND_TRIP_LIMIT = 2.0
MENU_MEDIAN_LIMIT = 0.6


async def _chart_delivered(user: TelegramUser) -> float:
    started = time.monotonic()
    await user.press("c")
    await user.wait_for(has_button("buy"), timeout=120)  # the reading comes after the photo
    return time.monotonic() - started


async def test_menu_answers_while_charts_are_computed(stack: Stack) -> None:
    chart_users = [stack.user() for _ in range(CHART_USERS)]
    menu_user = stack.user()
    await asyncio.gather(*(start(u) for u in [*chart_users, menu_user]))
    await asyncio.gather(*(fill_profile(u, date=f"{10 + i}.03.1985") for i, u in enumerate(chart_users)))

    began = time.monotonic()
    charts = asyncio.gather(*(_chart_delivered(u) for u in chart_users))
    round_trips: list[float] = []
    toggle = itertools.cycle([("h", "Как это работает"), ("m", "Главное меню")])
    while not charts.done():
        data, words = next(toggle)
        pressed = time.monotonic()
        await menu_user.press(data)
        await menu_user.wait_for(contains(words), timeout=10)
        round_trips.append(time.monotonic() - pressed)
    chart_times = await charts
    all_charts = time.monotonic() - began
    _status, metrics = await get_json(f"{stack.service.url}/metrics")
    lag = metric(str(metrics), "astral_event_loop_lag_max_seconds")

    print(
        f"\n[{stack.mode}-{stack.dialect}] {CHART_USERS} charts in {all_charts:.2f}s "
        f"(each {min(chart_times):.2f}-{max(chart_times):.2f}s); {len(round_trips)} menu presses meanwhile: "
        f"median {statistics.median(round_trips) * 1000:.0f} ms, max {max(round_trips) * 1000:.0f} ms; "
        f"largest event-loop lag since start {lag * 1000:.0f} ms"
    )
    assert len(round_trips) >= 3, "the menu was pressed while the charts were being made"
    assert max(round_trips) < MENU_ROUND_TRIP_LIMIT, round_trips
    assert statistics.median(round_trips) < MENU_MEDIAN_LIMIT, round_trips
    assert statistics.median(round_trips) < all_charts / 2
