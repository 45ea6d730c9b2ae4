"""Users, events, charts and login codes, on both dialects."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, time, timedelta, timezone

import pytest
from sqlalchemy import select

from astralbot.store.database import Database
from astralbot.store.dto import ChartInfo
from astralbot.store.models import Event, User
from astralbot.store.repositories import (
    ChartRepository,
    EventRepository,
    LoginCodeRepository,
    UserRepository,
)
from astralbot.store.types import utcnow


async def test_get_or_create_creates_once_and_refreshes_telegram_fields(db: Database) -> None:
    async with db.transaction() as session:
        user, created = await UserRepository(session).get_or_create(10, 20, "Anna", "ru")
        assert created is True
        assert user.language is None  # not chosen yet
        assert user.house_system == "placidus"
    async with db.transaction() as session:
        user, created = await UserRepository(session).get_or_create(10, 21, "Anya", "en-US")
        assert created is False
        assert (user.chat_id, user.first_name, user.telegram_language) == (21, "Anya", "en-US")
    async with db.session() as session:
        stored = await UserRepository(session).get(10)
        assert stored is not None
        assert stored.chat_id == 21
        assert stored.created_at <= stored.updated_at


async def test_concurrent_first_contact_creates_one_user(db: Database) -> None:
    async def first_contact() -> bool:
        async with db.transaction() as session:
            _user, created = await UserRepository(session).get_or_create(77, 77, "Ivan", "ru")
            await asyncio.sleep(0.01)
            return created

    results = await asyncio.gather(*(first_contact() for _ in range(10)))
    assert results.count(True) == 1


async def test_profile_fields_round_trip(db: Database) -> None:
    async with db.transaction() as session:
        repo = UserRepository(session)
        await repo.get_or_create(11, 11, "Boris", "en")
        assert await repo.update(
            11,
            display_name="Борис",
            birth_date=date(1990, 5, 15),
            birth_time=time(14, 30),
            birth_time_known=True,
            pending_input="place",
            pending_data={"candidates": [{"geoname_id": 524901, "name": "Москва"}]},
        )
        assert await repo.update(12345, display_name="nobody") is False
        with pytest.raises(ValueError, match="id"):
            await repo.update(11, id=5)
    async with db.session() as session:
        user = await UserRepository(session).get(11)
        assert user is not None
        assert user.display_name == "Борис"
        assert user.birth_date == date(1990, 5, 15)
        assert user.birth_time == time(14, 30)
        assert user.pending_data == {"candidates": [{"geoname_id": 524901, "name": "Москва"}]}
        assert user.lat is None

    async with db.transaction() as session:
        await UserRepository(session).update(
            11, lat=55.75, lon=37.62, timezone="Europe/Moscow", birth_time_known=False, language="ru"
        )
        user = await UserRepository(session).get(11)
        assert user is not None
        assert (user.lat, user.lon, user.timezone) == (55.75, 37.62, "Europe/Moscow")
        assert user.birth_time_known is False
        assert user.language == "ru"


async def test_funnel_counts_distinct_users_per_event(db: Database) -> None:
    async with db.transaction() as session:
        events = EventRepository(session)
        for user_id in (1, 2, 3):
            await events.add("start", user_id)
        await events.add("start", 1)  # a second /start is the same user
        await events.add("profile_completed", 1, {"via": "bot"})
        await events.add("profile_completed", 2)
        await events.add("chart_requested", 1)
        await events.add("start", None)  # anonymous events do not count as users
    async with db.session() as session:
        events = EventRepository(session)
        assert await events.funnel() == {"chart_requested": 1, "profile_completed": 2, "start": 3}
        names = ["start", "profile_completed", "chart_requested", "order_paid"]
        funnel = await events.funnel(names)
        assert list(funnel.items()) == [
            ("start", 3),
            ("profile_completed", 2),
            ("chart_requested", 1),
            ("order_paid", 0),
        ]
        assert await events.funnel(since=utcnow() + timedelta(seconds=1)) == {}
        stored = (await session.execute(select(Event).where(Event.name == "profile_completed"))).scalars()
        assert {e.user_id: e.props for e in stored} == {1: {"via": "bot"}, 2: None}


async def test_datetimes_come_back_aware_utc(db: Database) -> None:
    moscow = timezone(timedelta(hours=3))
    async with db.transaction() as session:
        user, _ = await UserRepository(session).get_or_create(5, 5, "Z", None)
        user.updated_at = utcnow().astimezone(moscow).replace(year=2020, month=1, day=1, hour=3)
    async with db.session() as session:
        stored = (await session.execute(select(User).where(User.id == 5))).scalar_one()
        assert stored.created_at.tzinfo is UTC
        assert stored.updated_at.tzinfo is UTC
        assert (stored.updated_at.year, stored.updated_at.month, stored.updated_at.day) == (2020, 1, 1)
        assert stored.updated_at.hour == 0  # 03:00 in Moscow is midnight UTC
        # Comparisons in SQL follow the instant, whatever offset the parameter had.
        same_instant = stored.updated_at.astimezone(moscow)
        found = await session.execute(select(User.id).where(User.updated_at == same_instant))
        assert found.scalar_one() == 5


async def test_naive_datetimes_are_refused(db: Database) -> None:
    from sqlalchemy.exc import StatementError

    with pytest.raises(StatementError, match="aware"):
        async with db.transaction() as session:
            await LoginCodeRepository(session).add("a" * 64, "code", utcnow().replace(tzinfo=None), user_id=1)


async def test_charts_listed_newest_first_without_files(db: Database) -> None:
    async with db.transaction() as session:
        await UserRepository(session).get_or_create(1, 1, "A", "ru")
        await UserRepository(session).get_or_create(2, 2, "B", "ru")
        charts = ChartRepository(session)
        old = await charts.add(1, {"sun": "aries"}, "ru", png=b"\x89PNG")
        old.created_at = utcnow() - timedelta(days=1)
        new = await charts.add(1, {"sun": "leo"}, "en", pdf=b"%PDF-1.7")
        other = await charts.add(2, {"sun": "virgo"}, "ru")
    async with db.session() as session:
        charts = ChartRepository(session)
        listed = await charts.list_for_user(1)
        assert [c.id for c in listed] == [new.id, old.id]
        assert (listed[0].has_pdf, listed[0].has_png) == (True, False)
        assert (listed[1].has_pdf, listed[1].has_png) == (False, True)
        assert listed[0].chart_json == {"sun": "leo"}
        assert await charts.get(other.id, user_id=1) is None  # not the caller's chart
        full = await charts.get(new.id, user_id=1)
        assert full is not None
        assert full.pdf == b"%PDF-1.7"
        assert ChartInfo.from_model(full) == listed[0]


async def test_login_code_is_used_once_and_not_after_expiry(db: Database) -> None:
    now = utcnow()
    async with db.transaction() as session:
        codes = LoginCodeRepository(session)
        await codes.add("c" * 64, "code", now + timedelta(minutes=5), user_id=42)
        await codes.add("e" * 64, "code", now - timedelta(seconds=1), user_id=42)
    results = []
    for _ in range(3):
        async with db.transaction() as session:
            results.append(await LoginCodeRepository(session).mark_used("c" * 64, now))
    assert results == [True, False, False]
    async with db.transaction() as session:
        codes = LoginCodeRepository(session)
        assert await codes.mark_used("e" * 64, now) is False  # expired
        assert await codes.mark_used("0" * 64, now) is False  # unknown
        code = await codes.get_by_hash("c" * 64)
        assert code is not None
        assert code.user_id == 42
        assert code.used_at == now
        assert await codes.delete_expired(now) == 1


async def test_browser_nonce_needs_confirmation_before_use(db: Database) -> None:
    now = utcnow()
    nonce = "n" * 64
    async with db.transaction() as session:
        await LoginCodeRepository(session).add(nonce, "nonce", now + timedelta(minutes=5))
    async with db.transaction() as session:
        codes = LoginCodeRepository(session)
        assert await codes.mark_used(nonce, now) is False  # nobody confirmed it yet
        assert await codes.confirm(nonce, 42, now) is True
        assert await codes.confirm(nonce, 43, now) is False  # cannot be re-bound to someone else
        assert await codes.mark_used(nonce, now) is True
        code = await codes.get_by_hash(nonce)
        assert code is not None
        assert (code.user_id, code.confirmed_at, code.used_at) == (42, now, now)
