"""Chart use cases: the free chart (wheel and short reading) for a complete profile."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from astralbot.jobs.pool import ChartPool
from astralbot.jobs.tasks import ChartJob, FreeChart, make_free_chart
from astralbot.services.profiles import EditableField, ProfileService, ProfileView, TelegramUserInfo
from astralbot.services.unit_of_work import update_transaction
from astralbot.store.database import Database
from astralbot.store.repositories import ChartRepository, EventRepository


@dataclass(frozen=True, slots=True)
class FreeChartOutcome:
    kind: Literal["ready", "incomplete"]
    profile: ProfileView
    missing: tuple[EditableField, ...] = ()
    chart: FreeChart | None = None


def job_for(profile: ProfileView) -> ChartJob:
    assert profile.birth_date is not None and profile.lat is not None and profile.lon is not None
    return ChartJob(
        birth_date=profile.birth_date,
        birth_time=profile.birth_time if profile.birth_time_known else None,
        lat=profile.lat,
        lon=profile.lon,
        timezone=profile.timezone or "UTC",
        place_label=profile.place_label or "",
        house_system=profile.house_system,
        locale=profile.locale,
        name=profile.display_name or profile.first_name,
    )


class ChartService:
    def __init__(self, db: Database, profiles: ProfileService, pool: ChartPool) -> None:
        self._db = db
        self._profiles = profiles
        self._pool = pool

    async def free_chart(self, update_id: int | None, tg: TelegramUserInfo) -> FreeChartOutcome:
        async with update_transaction(self._db, update_id) as session:
            user = await self._profiles.ensure_user(session, tg)
            view = self._profiles.view_of(user)
            if not view.complete:
                # Ask for the first missing field right away: the next text the user sends fills it.
                user.pending_input = view.missing[0]
                return FreeChartOutcome("incomplete", self._profiles.view_of(user), view.missing)
            await EventRepository(session).add("chart_requested", user.id, {"kind": "free"})
        # The transaction is closed: the CPU work must not hold a database lock.
        chart = await self._pool.run(make_free_chart, job_for(view))
        await self._keep(view.user_id, chart, view.locale)
        return FreeChartOutcome("ready", view, chart=chart)

    async def _keep(self, user_id: int, chart: FreeChart, locale: str) -> None:
        """Save the chart for "My charts" on the site, once per distinct set of birth data."""
        async with self._db.session() as session, session.begin():
            charts = ChartRepository(session)
            recent = await charts.list_for_user(user_id, limit=20)
            birth = chart.data["birth"]
            if any(c.order_id is None and c.chart_json.get("birth") == birth for c in recent):
                return
            await charts.add(user_id, chart.data, locale, png=chart.png)
