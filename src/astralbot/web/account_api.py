"""The JSON API for a logged-in user: their profile, their charts, and place search for the form.

Every route takes the caller's id from the session; another user's chart answers 404, exactly like
a chart that does not exist.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from astralbot.geo.place import Place as GeoPlace
from astralbot.i18n import Translator
from astralbot.services.account import ChartDetail, ChartSummary, FieldError, ProfilePatch, ProfileUpdate
from astralbot.services.profiles import ProfileView
from astralbot.web.deps import SiteContext, api_user, request_locale, texts


class Me(BaseModel):
    id: int
    first_name: str
    name: str | None
    birth_date: date | None
    birth_time: str | None = Field(description="HH:MM; null when unknown or not given")
    birth_time_known: bool | None = Field(description="null: not answered yet; false: unknown")
    place: str | None
    lat: float | None
    lon: float | None
    timezone: str | None
    language: str
    complete: bool
    missing: list[str]


class MePatch(BaseModel):
    name: str | None = Field(default=None, max_length=500)
    birth_date: str | None = Field(default=None, max_length=100, description="DD.MM.YYYY or YYYY-MM-DD")
    birth_time: str | None = Field(default=None, max_length=100, description="HH:MM")
    birth_time_unknown: bool | None = None
    place: str | None = Field(default=None, max_length=500, description="A place name, searched")
    place_id: int | None = Field(default=None, ge=1, le=2**31 - 1, description="A choice from /api/places")


class FieldProblem(BaseModel):
    field: str
    code: str
    message: str


class Place(BaseModel):
    id: int
    name: str
    lat: float
    lon: float
    timezone: str


class ProfileProblems(BaseModel):
    error: str
    errors: list[FieldProblem]
    choices: list[Place] = Field(default_factory=list, description="Ambiguous place: send one as place_id")


class ChartItem(BaseModel):
    id: uuid.UUID
    created_at: datetime
    name: str
    birth_date: str
    birth_time: str | None
    place: str
    paid: bool
    has_pdf: bool
    sun: str | None
    moon: str | None
    asc: str | None


class ChartFull(ChartItem):
    data: dict[str, Any] = Field(description='{"birth": ..., "chart": the `astralbot chart --json` contract}')


class ErrorBody(BaseModel):
    error: str


def me_of(view: ProfileView) -> Me:
    return Me(
        id=view.user_id,
        first_name=view.first_name,
        name=view.display_name,
        birth_date=view.birth_date,
        birth_time=view.birth_time.strftime("%H:%M") if view.birth_time and view.birth_time_known else None,
        birth_time_known=view.birth_time_known,
        place=view.place_label,
        lat=view.lat,
        lon=view.lon,
        timezone=view.timezone,
        language=view.locale,
        complete=view.complete,
        missing=list(view.missing),
    )


def chart_item(summary: ChartSummary) -> ChartItem:
    return ChartItem(
        id=summary.id,
        created_at=summary.created_at,
        name=summary.name,
        birth_date=summary.birth_date,
        birth_time=summary.birth_time,
        place=summary.place,
        paid=summary.paid,
        has_pdf=summary.has_pdf,
        sun=summary.sun,
        moon=summary.moon,
        asc=summary.asc,
    )


def field_message(t: Translator, error: FieldError) -> str:
    return t(f"error-{error.code}", **error.params)


def problems(t: Translator, outcome: ProfileUpdate, choices: list[Place]) -> ProfileProblems:
    errors = [FieldProblem(field=e.field, code=e.code, message=field_message(t, e)) for e in outcome.errors]
    if outcome.choices:
        errors.append(
            FieldProblem(field="place", code="place_choose", message=t("site-profile-choose-place"))
        )
    return ProfileProblems(error=errors[0].message, errors=errors, choices=choices)


def account_router(ctx: SiteContext) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["account"])
    unauthorized: dict[int | str, dict[str, Any]] = {401: {"model": ErrorBody}}
    not_found: dict[int | str, dict[str, Any]] = {401: {"model": ErrorBody}, 404: {"model": ErrorBody}}

    @router.get("/me", response_model=Me, responses=unauthorized)
    async def get_me(request: Request) -> Me:
        """The caller's profile."""
        user_id = api_user(request, ctx)
        view = await ctx.account.profile(user_id)
        if view is None:
            raise HTTPException(401, texts(request, ctx)("site-error-unauthorized"))
        return me_of(view)

    @router.patch(
        "/me",
        response_model=Me,
        responses={**unauthorized, 403: {"model": ErrorBody}, 422: {"model": ProfileProblems}},
    )
    async def patch_me(body: MePatch, request: Request) -> Any:
        """Change birth data, with the bot's validation. All fields are saved, or none (422 says why)."""
        user_id = api_user(request, ctx)
        patch = ProfilePatch(**body.model_dump())
        outcome = await ctx.account.update_profile(user_id, patch)
        if outcome is None:
            raise HTTPException(401, texts(request, ctx)("site-error-unauthorized"))
        if not outcome.saved:
            locale = request_locale(request, ctx.default_locale)
            choices = _places(ctx, [c.geoname_id for c in outcome.choices], locale)
            return JSONResponse(problems(texts(request, ctx), outcome, choices).model_dump(), status_code=422)
        return me_of(outcome.profile)

    @router.get("/charts", response_model=list[ChartItem], responses=unauthorized)
    async def list_charts(request: Request) -> list[ChartItem]:
        """The caller's charts, newest first."""
        user_id = api_user(request, ctx)
        return [chart_item(s) for s in await ctx.account.charts(user_id)]

    @router.get("/charts/{chart_id}", response_model=ChartFull, responses=not_found)
    async def get_chart(chart_id: uuid.UUID, request: Request) -> ChartFull:
        """One of the caller's charts with its data."""
        user_id = api_user(request, ctx)
        detail = await ctx.account.chart(user_id, chart_id)
        if detail is None:
            raise HTTPException(404, texts(request, ctx)("site-error-chart-not-found"))
        return _chart_full(detail)

    @router.get(
        "/charts/{chart_id}/pdf",
        response_class=Response,
        responses={**not_found, 200: {"content": {"application/pdf": {}}, "description": "The PDF report"}},
    )
    async def get_chart_pdf(chart_id: uuid.UUID, request: Request) -> Response:
        """The paid chart's PDF report."""
        user_id = api_user(request, ctx)
        pdf = await ctx.account.chart_pdf(user_id, chart_id)
        if pdf is None:
            raise HTTPException(404, texts(request, ctx)("site-error-chart-not-found"))
        return Response(
            pdf,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="astral-{chart_id}.pdf"',
                "Cache-Control": "private, no-store",
            },
        )

    @router.get("/places", response_model=list[Place])
    async def places(
        request: Request, q: Annotated[str, Query(max_length=200, description="Two letters or more")] = ""
    ) -> list[Place]:
        """Place search for the profile form (public: it reveals nothing about users)."""
        locale = request_locale(request, ctx.default_locale)
        return [_place(p, locale) for p in ctx.account.places(q)]

    return router


def _place(place: GeoPlace, locale: str) -> Place:
    return Place(
        id=place.geoname_id,
        name=place.display_name(locale),
        lat=place.lat,
        lon=place.lon,
        timezone=place.timezone,
    )


def _places(ctx: SiteContext, ids: list[int], locale: str) -> list[Place]:
    return [_place(p, locale) for p in (ctx.account.place(i) for i in ids) if p is not None]


def _chart_full(detail: ChartDetail) -> ChartFull:
    return ChartFull(**chart_item(detail.summary).model_dump(), data=detail.data)
