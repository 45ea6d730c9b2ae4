"""Profile use cases: who the user is, their birth data, and the editing step they are in.

The editing step (`pending_input`) lives in the database, not in memory, so a restart or
another instance continues the conversation where it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, time
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from astralbot.geo.birth_input import BirthInputError, parse_date, parse_time
from astralbot.geo.gazetteer import Gazetteer, Place
from astralbot.i18n import LOCALES, normalize_locale
from astralbot.services.unit_of_work import update_transaction
from astralbot.store.database import Database
from astralbot.store.models import User
from astralbot.store.repositories import EventRepository, UserRepository

EditableField = Literal["name", "date", "time", "place"]
EDITABLE_FIELDS: tuple[EditableField, ...] = ("name", "date", "time", "place")
NAME_MAX = 64
PLACE_CHOICES = 6


@dataclass(frozen=True, slots=True)
class TelegramUserInfo:
    """The part of a Telegram update that identifies the person; no message contents."""

    id: int
    chat_id: int
    first_name: str
    language_code: str | None


@dataclass(frozen=True, slots=True)
class PlaceChoice:
    geoname_id: int
    label_ru: str
    label_en: str

    def label(self, locale: str) -> str:
        return self.label_ru if locale == "ru" else self.label_en


@dataclass(frozen=True, slots=True)
class ProfileView:
    user_id: int
    chat_id: int
    first_name: str
    locale: str
    display_name: str | None
    birth_date: date | None
    birth_time: time | None
    birth_time_known: bool | None  # None: not answered yet; False: the user does not know it
    place_label: str | None
    lat: float | None
    lon: float | None
    timezone: str | None
    house_system: str
    pending_input: str | None

    @property
    def missing(self) -> tuple[EditableField, ...]:
        """Fields a chart needs that are still empty (the name is optional)."""
        out: list[EditableField] = []
        if self.birth_date is None:
            out.append("date")
        if self.birth_time_known is None:
            out.append("time")
        if self.lat is None or self.lon is None or not self.timezone:
            out.append("place")
        return tuple(out)

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True, slots=True)
class InputOutcome:
    """What became of a text or choice the user sent while editing their profile."""

    kind: Literal["saved", "invalid", "choose_place", "not_editing"]
    profile: ProfileView
    field: EditableField | None = None
    error_code: str | None = None
    error_params: dict[str, Any] = dataclass_field(default_factory=dict)
    choices: tuple[PlaceChoice, ...] = ()
    became_complete: bool = False


def _place_label(place: Place, locale: str) -> str:
    return place.display_name(locale)


class ProfileService:
    def __init__(self, db: Database, gazetteer: Gazetteer, default_locale: str) -> None:
        self._db = db
        self._gazetteer = gazetteer
        self._default_locale = default_locale

    # -- reading -------------------------------------------------------------------------------
    def view_of(self, user: User) -> ProfileView:
        locale = user.language or normalize_locale(None, self._default_locale)
        label = None
        if user.place_name:
            label = ", ".join(p for p in (user.place_name, user.place_admin1, user.place_country) if p)
        return ProfileView(
            user_id=user.id,
            chat_id=user.chat_id,
            first_name=user.first_name or "",
            locale=locale if locale in LOCALES else self._default_locale,
            display_name=user.display_name,
            birth_date=user.birth_date,
            birth_time=user.birth_time,
            birth_time_known=user.birth_time_known,
            place_label=label,
            lat=user.lat,
            lon=user.lon,
            timezone=user.timezone,
            house_system=user.house_system or "placidus",
            pending_input=user.pending_input,
        )

    async def ensure_user(self, session: AsyncSession, tg: TelegramUserInfo) -> User:
        user, _created = await UserRepository(session).get_or_create(
            tg.id, tg.chat_id, tg.first_name, tg.language_code
        )
        if user.language is None:
            # First contact fixes the language from Telegram's language_code; /language changes it.
            user.language = normalize_locale(tg.language_code, self._default_locale)
        return user

    async def start(self, update_id: int | None, tg: TelegramUserInfo) -> ProfileView:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            user.pending_input = None
            user.pending_data = None
            await EventRepository(session).add("start", user.id)
            return self.view_of(user)

    async def view(self, update_id: int | None, tg: TelegramUserInfo) -> ProfileView:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            return self.view_of(user)

    async def get(self, user_id: int) -> ProfileView | None:
        async with self._db.session() as session:
            user = await UserRepository(session).get(user_id)
            return self.view_of(user) if user else None

    # -- editing -------------------------------------------------------------------------------
    async def begin_edit(
        self, update_id: int | None, tg: TelegramUserInfo, field_: EditableField
    ) -> ProfileView:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            user.pending_input = field_
            user.pending_data = None
            return self.view_of(user)

    async def cancel(self, update_id: int | None, tg: TelegramUserInfo) -> tuple[ProfileView, bool]:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            was_editing = user.pending_input is not None
            user.pending_input = None
            user.pending_data = None
            return self.view_of(user), was_editing

    async def set_language(self, update_id: int | None, tg: TelegramUserInfo, locale: str) -> ProfileView:
        if locale not in LOCALES:
            raise ValueError(locale)
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            user.language = locale
            await EventRepository(session).add("language_set", user.id, {"language": locale})
            return self.view_of(user)

    async def submit_text(self, update_id: int | None, tg: TelegramUserInfo, text: str) -> InputOutcome:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            pending = user.pending_input
            if pending not in EDITABLE_FIELDS:
                return InputOutcome("not_editing", self.view_of(user))
            return await self._apply_text(session, user, pending, text.strip())

    async def set_time_unknown(self, update_id: int | None, tg: TelegramUserInfo) -> InputOutcome:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            was_complete = self.view_of(user).complete
            user.birth_time = None
            user.birth_time_known = False
            user.pending_input = None
            return await self._saved(session, user, "time", was_complete)

    async def choose_place(
        self, update_id: int | None, tg: TelegramUserInfo, geoname_id: int
    ) -> InputOutcome:
        async with update_transaction(self._db, update_id) as session:
            user = await self.ensure_user(session, tg)
            offered = (user.pending_data or {}).get("place_ids", [])
            place = self._gazetteer.by_id(geoname_id) if geoname_id in offered else None
            if user.pending_input != "place" or place is None:
                # A stale button (from an earlier search or after /cancel): say so, change no data,
                # and wait for the city the message asks for, so the next text is taken as the place.
                user.pending_input = "place"
                user.pending_data = None
                return InputOutcome("invalid", self.view_of(user), "place", "place_choice_stale")
            was_complete = self.view_of(user).complete
            self._store_place(user, place)
            return await self._saved(session, user, "place", was_complete)

    async def _apply_text(
        self, session: AsyncSession, user: User, field_: EditableField, text: str
    ) -> InputOutcome:
        was_complete = self.view_of(user).complete
        try:
            if field_ == "name":
                user.display_name = validate_name(text)
            elif field_ == "date":
                user.birth_date = parse_date(text)
            elif field_ == "time":
                parsed = parse_time(text)
                user.birth_time = parsed
                user.birth_time_known = parsed is not None
            else:
                return await self._apply_place(session, user, text, was_complete)
        except BirthInputError as err:
            return InputOutcome("invalid", self.view_of(user), field_, err.code, dict(err.params))
        return await self._saved(session, user, field_, was_complete)

    async def _apply_place(
        self, session: AsyncSession, user: User, text: str, was_complete: bool
    ) -> InputOutcome:
        if len(text) < 2 or len(text) > 100:
            return InputOutcome("invalid", self.view_of(user), "place", "place_length")
        found = self._gazetteer.search(text, limit=PLACE_CHOICES)
        if not found:
            suggestions = self._gazetteer.suggest(text, limit=3)
            params = {"suggestions": ", ".join(suggestions)} if suggestions else {}
            code = "place_unknown_suggest" if suggestions else "place_unknown"
            return InputOutcome("invalid", self.view_of(user), "place", code, params)
        if len(found) == 1:
            self._store_place(user, found[0])
            return await self._saved(session, user, "place", was_complete)
        user.pending_data = {"place_ids": [p.geoname_id for p in found]}
        choices = tuple(
            PlaceChoice(p.geoname_id, _place_label(p, "ru"), _place_label(p, "en")) for p in found
        )
        return InputOutcome("choose_place", self.view_of(user), "place", choices=choices)

    def _store_place(self, user: User, place: Place) -> None:
        locale = user.language or self._default_locale
        user.place_name = (place.name_ru if locale == "ru" and place.name_ru else place.name)[:128]
        russian = locale == "ru"
        user.place_country = ((place.country_ru if russian else None) or place.country)[:64]
        user.place_admin1 = (place.admin1_ru if russian else None) or place.admin1
        user.lat = place.lat
        user.lon = place.lon
        user.timezone = place.timezone
        user.geoname_id = place.geoname_id
        user.pending_data = None

    async def _saved(
        self, session: AsyncSession, user: User, field_: EditableField, was_complete: bool
    ) -> InputOutcome:
        user.pending_input = None
        view = self.view_of(user)
        became_complete = view.complete and not was_complete
        if became_complete:
            await EventRepository(session).add("profile_completed", user.id)
        return InputOutcome("saved", view, field_, became_complete=became_complete)


def validate_name(text: str) -> str:
    """The chart's display name: 1-64 printable characters, inner whitespace folded."""
    name = " ".join(text.split())
    if not name:
        raise BirthInputError("name_empty")
    if len(name) > NAME_MAX:
        raise BirthInputError("name_length", max=NAME_MAX)
    if any(not ch.isprintable() for ch in name):
        raise BirthInputError("name_chars")
    return name
