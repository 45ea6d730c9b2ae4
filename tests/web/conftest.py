"""The website's routers on a real database (SQLite and PostgreSQL) with the real services."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import date, time
from typing import Any

import httpx
import pytest
import pytest_asyncio
from fastapi import FastAPI

from astralbot.charting import BirthInput, build_chart, chart_to_json
from astralbot.geo.gazetteer import load_gazetteer
from astralbot.jobs.pool import ChartPool
from astralbot.services.account import AccountService
from astralbot.services.auth import AuthService
from astralbot.services.profiles import ProfileService
from astralbot.store.database import Database
from astralbot.store.repositories import ChartRepository, UserRepository
from astralbot.web.app import create_web_app
from astralbot.web.deps import SiteContext
from astralbot.web.site import STATIC_PATH, static_files, website_routers

JWT_SECRET = "test-secret-" + "0123456789abcdef" * 4  # 76 bytes: long enough for HS512 too
BASE_URL = "http://127.0.0.1:8080"  # loopback: the session cookie is not Secure, so httpx sends it


@dataclass
class Site:
    app: FastAPI
    db: Database
    auth: AuthService
    ctx: SiteContext

    def client(self, ip: str = "10.0.0.1", **kwargs: Any) -> httpx.AsyncClient:
        transport = httpx.ASGITransport(app=self.app, client=(ip, 40000))
        return httpx.AsyncClient(transport=transport, base_url=BASE_URL, **kwargs)

    async def add_user(self, user_id: int, first_name: str = "Ann", language: str = "en") -> None:
        async with self.db.transaction() as session:
            user, _ = await UserRepository(session).get_or_create(user_id, user_id, first_name, language)
            user.language = language

    async def add_chart(self, user_id: int, name: str = "Ann", pdf: bytes | None = None) -> str:
        async with self.db.transaction() as session:
            chart = await ChartRepository(session).add(user_id, chart_data(name), "en", pdf=pdf)
            return str(chart.id)

    async def login(self, client: httpx.AsyncClient, user_id: int) -> str:
        code = await self.auth.issue_code(user_id)
        response = await client.post("/api/auth/callback", json={"code": code})
        assert response.status_code == 200, response.text
        token: str = response.json()["token"]
        return token


def chart_data(name: str) -> dict[str, Any]:
    """What the bot stores for a free chart: the birth data and the `--json` contract."""
    birth = BirthInput(date(1990, 5, 15), time(14, 30), 55.75204, 37.61781, "Europe/Moscow", "Moscow, Russia")
    resolved, chart = build_chart(birth)
    return {
        "birth": {
            "date": "1990-05-15",
            "time": "14:30",
            "lat": 55.75204,
            "lon": 37.61781,
            "timezone": "Europe/Moscow",
            "place": "Moscow, Russia",
            "house_system": "placidus",
            "name": name,
        },
        "chart": chart_to_json(resolved, chart, lambda w: w.code),
    }


@pytest.fixture(scope="session")
def pool() -> Iterator[ChartPool]:
    chart_pool = ChartPool(1)
    try:
        yield chart_pool
    finally:
        chart_pool.close()


def build_site(db: Database, pool: ChartPool) -> Site:
    gazetteer = load_gazetteer()
    profiles = ProfileService(db, gazetteer, "ru")
    auth = AuthService(db, JWT_SECRET, 3600)
    ctx = SiteContext(
        auth,
        AccountService(db, gazetteer, profiles, pool),
        "ru",
        3600,
        lambda start: f"/sandbox#start={start}" if start else "/sandbox",
    )
    app = create_web_app(website_routers(ctx), {STATIC_PATH: static_files()})
    return Site(app, db, auth, ctx)


@pytest_asyncio.fixture
async def site(db: Database, pool: ChartPool) -> AsyncIterator[Site]:
    yield build_site(db, pool)
