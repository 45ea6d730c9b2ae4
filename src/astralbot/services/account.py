"""The website's use cases for a logged-in user: their profile, their charts, and place search.

Every read and write takes the caller's user id and only ever touches that user's rows: a chart
that belongs to someone else is indistinguishable from one that does not exist.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from astralbot.astro.model import sign_of
from astralbot.geo.birth_input import BirthInputError, check_not_future, parse_date, parse_time
from astralbot.geo.gazetteer import Gazetteer
from astralbot.geo.place import Place
from astralbot.jobs.pool import ChartPool
from astralbot.jobs.web_tasks import ChartPage, make_chart_page
from astralbot.services.profiles import PLACE_CHOICES, PlaceChoice, ProfileService, ProfileView, validate_name
from astralbot.store.database import Database
from astralbot.store.dto import ChartInfo
from astralbot.store.models import User
from astralbot.store.repositories import ChartRepository, EventRepository, UserRepository
from astralbot.store.types import utcnow

PAGE_CACHE_SIZE = 32  # rendered chart pages kept per process (the SVG is ~150 kB)


@dataclass(frozen=True, slots=True)
class ProfilePatch:
    """Fields the profile form sends; None means "leave as it is"."""

    name: str | None = None
    birth_date: str | None = None
    birth_time: str | None = None
    birth_time_unknown: bool | None = None
    place: str | None = None  # free text, searched like in the bot
    place_id: int | None = None  # a choice from the place search


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    code: str  # a BirthInputError code; the text is `error-<code>` in the catalogs
    params: dict[str, Any]


@dataclass(frozen=True, slots=True)
class ProfileUpdate:
    """Saved (`errors` and `choices` empty), or nothing saved and why."""

    profile: ProfileView
    errors: tuple[FieldError, ...] = ()
    choices: tuple[PlaceChoice, ...] = ()  # the place was ambiguous: pick one and send its place_id

    @property
    def saved(self) -> bool:
        return not self.errors and not self.choices


@dataclass(frozen=True, slots=True)
class ChartSummary:
    id: uuid.UUID
    created_at: datetime
    name: str
    birth_date: str
    birth_time: str | None
    place: str
    paid: bool
    has_pdf: bool
    sun: str | None  # sign codes, for the list
    moon: str | None
    asc: str | None
    locale: str

    @classmethod
    def of(cls, info: ChartInfo) -> ChartSummary:
        data = info.chart_json or {}
        birth = data.get("birth") or {}
        chart = data.get("chart") or {}
        signs = {b.get("id"): b.get("sign") for b in chart.get("bodies") or [] if isinstance(b, dict)}
        angles = chart.get("angles") or None
        asc = None
        if isinstance(angles, dict) and isinstance(angles.get("asc"), int | float):
            asc = sign_of(float(angles["asc"]))
        return cls(
            id=info.id,
            created_at=info.created_at,
            name=str(birth.get("name") or ""),
            birth_date=str(birth.get("date") or ""),
            birth_time=birth.get("time"),
            place=str(birth.get("place") or ""),
            paid=info.order_id is not None,
            has_pdf=info.has_pdf,
            sun=signs.get("sun"),
            moon=signs.get("moon"),
            asc=asc,
            locale=info.reading_locale,
        )


@dataclass(frozen=True, slots=True)
class ChartDetail:
    summary: ChartSummary
    data: dict[str, Any]  # {"birth": ..., "chart": <the --json contract>}


class AccountService:
    def __init__(self, db: Database, gazetteer: Gazetteer, profiles: ProfileService, pool: ChartPool) -> None:
        self._db = db
        self._gazetteer = gazetteer
        self._profiles = profiles
        self._pool = pool
        self._pages: OrderedDict[tuple[uuid.UUID, str], ChartPage] = OrderedDict()

    # -- profile -----------------------------------------------------------------------------------
    async def profile(self, user_id: int) -> ProfileView | None:
        return await self._profiles.get(user_id)

    async def update_profile(
        self, user_id: int, patch: ProfilePatch, today: date | None = None
    ) -> ProfileUpdate | None:
        """Validate every field first and save all of them or none. None: no such user."""
        today = today or utcnow().date()
        async with self._db.transaction() as session:
            user = await UserRepository(session).get(user_id)
            if user is None:
                return None
            changes, errors, choices = self._validate(patch, today)
            if errors or choices:
                return ProfileUpdate(self._profiles.view_of(user), tuple(errors), tuple(choices))
            was_complete = self._profiles.view_of(user).complete
            place = changes.pop("place", None)
            for name, value in changes.items():
                setattr(user, name, value)
            if isinstance(place, Place):
                self._store_place(user, place)
            view = self._profiles.view_of(user)
            if view.complete and not was_complete:
                await EventRepository(session).add("profile_completed", user.id, {"via": "web"})
            return ProfileUpdate(view)

    def _validate(
        self, patch: ProfilePatch, today: date
    ) -> tuple[dict[str, Any], list[FieldError], list[PlaceChoice]]:
        changes: dict[str, Any] = {}
        errors: list[FieldError] = []
        choices: list[PlaceChoice] = []

        def check(field: str, fn: Any) -> None:
            try:
                fn()
            except BirthInputError as err:
                errors.append(FieldError(field, err.code, dict(err.params)))

        if patch.name is not None:
            check("name", lambda: changes.__setitem__("display_name", validate_name(patch.name or "")))
        if patch.birth_date is not None:

            def set_date() -> None:
                parsed = parse_date(patch.birth_date or "")
                check_not_future(parsed, today)
                changes["birth_date"] = parsed

            check("birth_date", set_date)
        if patch.birth_time_unknown:
            changes.update(birth_time=None, birth_time_known=False)
        elif patch.birth_time is not None:

            def set_time() -> None:
                parsed: time | None = parse_time(patch.birth_time or "")
                changes.update(birth_time=parsed, birth_time_known=parsed is not None)

            check("birth_time", set_time)
        if patch.place_id is not None:
            place = self._gazetteer.by_id(patch.place_id)
            if place is None:
                errors.append(FieldError("place", "place_choice_stale", {}))
            else:
                changes["place"] = place
        elif patch.place is not None:
            check("place", lambda: self._search_place(patch.place or "", changes, choices))
        return changes, errors, choices

    def _search_place(self, text: str, changes: dict[str, Any], choices: list[PlaceChoice]) -> None:
        text = " ".join(text.split())
        if not 2 <= len(text) <= 100:
            raise BirthInputError("place_length")
        found = self._gazetteer.search(text, limit=PLACE_CHOICES)
        if not found:
            suggestions = self._gazetteer.suggest(text, limit=3)
            if suggestions:
                raise BirthInputError("place_unknown_suggest", suggestions=", ".join(suggestions))
            raise BirthInputError("place_unknown")
        if len(found) == 1:
            changes["place"] = found[0]
        else:
            choices.extend(
                PlaceChoice(p.geoname_id, p.display_name("ru"), p.display_name("en")) for p in found
            )

    def _store_place(self, user: User, place: Place) -> None:
        # The same columns the bot fills, named in the user's language.
        russian = (user.language or "") == "ru"
        user.place_name = ((place.name_ru if russian else None) or place.name)[:128]
        user.place_country = ((place.country_ru if russian else None) or place.country)[:64]
        user.place_admin1 = (place.admin1_ru if russian else None) or place.admin1
        user.lat = place.lat
        user.lon = place.lon
        user.timezone = place.timezone
        user.geoname_id = place.geoname_id
        user.pending_data = None

    def place(self, geoname_id: int) -> Place | None:
        return self._gazetteer.by_id(geoname_id)

    def places(self, query: str, limit: int = PLACE_CHOICES) -> list[Place]:
        query = " ".join(query.split())
        if len(query) < 2 or len(query) > 100:
            return []
        return self._gazetteer.search(query, limit=limit)

    # -- charts ------------------------------------------------------------------------------------
    async def charts(self, user_id: int) -> list[ChartSummary]:
        async with self._db.session() as session:
            return [ChartSummary.of(info) for info in await ChartRepository(session).list_for_user(user_id)]

    async def chart(self, user_id: int, chart_id: uuid.UUID) -> ChartDetail | None:
        async with self._db.session() as session:
            row = await ChartRepository(session).get(chart_id, user_id=user_id)
            if row is None:
                return None
            info = ChartInfo.from_model(row)
        return ChartDetail(ChartSummary.of(info), info.chart_json)

    async def chart_pdf(self, user_id: int, chart_id: uuid.UUID) -> bytes | None:
        async with self._db.session() as session:
            row = await ChartRepository(session).get(chart_id, user_id=user_id)
            return row.pdf if row is not None else None

    async def chart_page(
        self, user_id: int, chart_id: uuid.UUID, locale: str
    ) -> tuple[ChartDetail, ChartPage] | None:
        """The chart's wheel, tables and reading, computed in a worker process (cached per locale)."""
        detail = await self.chart(user_id, chart_id)
        if detail is None:
            return None
        key = (chart_id, locale)
        page = self._pages.get(key)
        if page is None:
            birth = detail.data.get("birth") or {}
            page = await self._pool.run(make_chart_page, birth, locale, detail.summary.paid)
            self._pages[key] = page
            while len(self._pages) > PAGE_CACHE_SIZE:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(key)
        return detail, page
