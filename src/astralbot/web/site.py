"""The website's pages: server-rendered Jinja2 templates, Russian and English, plus static CSS/JS.

Pages read the session cookie; pages that need a login redirect to /login. The JSON API
(`auth_api`, `account_api`) does the work behind the forms.
"""

from __future__ import annotations

import uuid
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from astralbot.astro.model import SIGNS
from astralbot.i18n import LOCALES
from astralbot.services.profiles import ProfileView
from astralbot.web.account_api import account_router
from astralbot.web.auth_api import auth_router
from astralbot.web.deps import SiteContext, remember_locale, request_locale, session_user, texts

STATIC_PATH = "/static"
_WEB = Path(str(resources.files("astralbot") / "web"))
# The wheel is inline SVG with its own <style> (the embedded glyph font), hence 'unsafe-inline' for
# styles only; scripts come from our own origin and nowhere else.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


@cache
def _templates() -> Environment:
    env = Environment(
        loader=FileSystemLoader(_WEB / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["dmy"] = _day_month_year
    env.filters["glyph"] = lambda sign: _SIGN_GLYPHS.get(sign or "", "✦")
    return env


# U+FE0E asks for the text form, not the emoji: the glyph takes the page's colour.
_SIGN_GLYPHS = {sign: chr(0x2648 + i) + "\ufe0e" for i, sign in enumerate(SIGNS)}


def _day_month_year(iso_date: str) -> str:
    """1990-05-15 → 15.05.1990, the way the bot shows dates."""
    try:
        return date.fromisoformat(iso_date).strftime("%d.%m.%Y")
    except ValueError:
        return iso_date


def static_files() -> StaticFiles:
    return StaticFiles(directory=_WEB / "static")


def safe_next(target: str | None) -> str:
    """Only local paths: an open redirect after login would be a phishing tool."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/profile"


def website_routers(ctx: SiteContext) -> list[APIRouter]:
    """The pages, the auth API and the account API: everything the composition root mounts."""
    return [auth_router(ctx), account_router(ctx), _pages_router(ctx)]


def _pages_router(ctx: SiteContext) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    async def current(request: Request) -> ProfileView | None:
        user_id = session_user(request, ctx)
        return await ctx.account.profile(user_id) if user_id is not None else None

    def render(
        request: Request, template: str, user: ProfileView | None, status: int = 200, **values: Any
    ) -> HTMLResponse:
        locale = request_locale(request, ctx.default_locale)
        t = texts(request, ctx)
        html = (
            _templates()
            .get_template(template)
            .render(
                t=t,
                locale=locale,
                locales=LOCALES,
                user=user,
                path=request.url.path,
                bot_url=ctx.bot_link(""),
                svg=Markup,  # marks our own rendered SVG as safe; nothing user-typed goes through it
                **values,
            )
        )
        response = HTMLResponse(
            html,
            status_code=status,
            headers={
                "Content-Security-Policy": CSP,
                "Cache-Control": "no-store",
                "X-Content-Type-Options": "nosniff",
                "Referrer-Policy": "no-referrer",  # /login?code=... must not leak through Referer
                "Content-Language": locale,
            },
        )
        remember_locale(request, response)
        return response

    def to_login(request: Request) -> Response:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)

    @router.get("/", response_class=HTMLResponse)
    async def home(request: Request) -> Response:
        return render(request, "home.html", await current(request))

    @router.get("/login", response_class=HTMLResponse)
    async def login(request: Request, code: str = "", next: str = "") -> Response:
        user = await current(request)
        if user is not None and not code:
            return RedirectResponse(safe_next(next), status_code=303)
        return render(
            request,
            "login.html",
            user,
            code=code[:200],
            next_url=safe_next(next),
            sandbox=ctx.bot_link("").startswith("/"),
        )

    @router.get("/profile", response_class=HTMLResponse)
    async def profile(request: Request) -> Response:
        user = await current(request)
        if user is None:
            return to_login(request)
        return render(request, "profile.html", user)

    @router.get("/charts", response_class=HTMLResponse)
    async def charts(request: Request) -> Response:
        user = await current(request)
        if user is None:
            return to_login(request)
        return render(request, "charts.html", user, charts=await ctx.account.charts(user.user_id))

    @router.get("/charts/{chart_id}", response_class=HTMLResponse)
    async def chart(request: Request, chart_id: str) -> Response:
        user = await current(request)
        if user is None:
            return to_login(request)
        found = None
        parsed = _uuid(chart_id)
        if parsed is not None:
            found = await ctx.account.chart_page(
                user.user_id, parsed, request_locale(request, ctx.default_locale)
            )
        if found is None:
            return render(request, "error.html", user, status=404)
        detail, page = found
        return render(request, "chart.html", user, chart=detail.summary, page=page)

    @router.get("/charts/{chart_id}/report.pdf")
    async def chart_pdf(request: Request, chart_id: str) -> Response:
        user = await current(request)
        if user is None:
            return to_login(request)
        parsed = _uuid(chart_id)
        pdf = await ctx.account.chart_pdf(user.user_id, parsed) if parsed else None
        if pdf is None:
            return render(request, "error.html", user, status=404)
        return Response(
            pdf,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="astral-{parsed}.pdf"',
                "Cache-Control": "private, no-store",
            },
        )

    return router


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
