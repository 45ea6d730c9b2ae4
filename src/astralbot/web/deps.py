"""What the website's routers share: the services, the caller's session and language, and CSRF rules.

Sessions: the JWT travels in an HttpOnly, SameSite=Lax cookie (Secure except on loopback hosts) for
pages, or as `Authorization: Bearer` for API clients. A state-changing request that relies on the
cookie must also carry `X-Requested-With` (a header a cross-site form cannot send, and a cross-site
script cannot send without a CORS preflight that we never grant) and, when the browser sends one, an
`Origin` of this site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, Response

from astralbot.i18n import LOCALES, Translator, translator
from astralbot.payments.ip_ranges import IPNetwork
from astralbot.payments.ip_ranges import client_ip as forwarded_client_ip
from astralbot.services.account import AccountService
from astralbot.services.auth import AuthService
from astralbot.web.rate_limit import RateLimiter

SESSION_COOKIE = "astral_session"
LOGIN_COOKIE = "astral_login"  # the browser secret behind a login nonce
LANG_COOKIE = "lang"
CSRF_HEADER = "X-Requested-With"
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass
class SiteContext:
    """Built once by the composition root and handed to the website's router factories."""

    auth: AuthService
    account: AccountService
    default_locale: str
    jwt_ttl: int
    # The deep link that opens the bot with `/start <param>` (t.me, or the sandbox chat).
    bot_link: Callable[[str], str]
    code_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(10, 60.0))
    nonce_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(10, 60.0))
    poll_limiter: RateLimiter = field(default_factory=lambda: RateLimiter(240, 60.0))
    trusted_proxies: list[IPNetwork] = field(default_factory=list)


# -- language ------------------------------------------------------------------------------------
def request_locale(request: Request, default: str) -> str:
    """`?lang=` (the switcher), else the `lang` cookie, else the browser's Accept-Language."""
    for candidate in (request.query_params.get("lang"), request.cookies.get(LANG_COOKIE)):
        if candidate in LOCALES:
            return candidate
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().split("-")[0].lower()
        if code in LOCALES:
            return code
    return default


def remember_locale(request: Request, response: Response) -> None:
    wanted = request.query_params.get("lang")
    if wanted in LOCALES and request.cookies.get(LANG_COOKIE) != wanted:
        response.set_cookie(LANG_COOKIE, wanted, max_age=365 * 86400, samesite="lax", secure=_secure(request))


def texts(request: Request, ctx: SiteContext) -> Translator:
    return translator(request_locale(request, ctx.default_locale))


# -- session cookie ------------------------------------------------------------------------------
def _secure(request: Request) -> bool:
    return (request.url.hostname or "").lower() not in LOOPBACK_HOSTS


def set_session_cookie(request: Request, response: Response, token: str, max_age: int) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=max_age,
        httponly=True,
        secure=_secure(request),
        samesite="lax",
        path="/",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, secure=_secure(request), samesite="lax")


def set_login_cookie(request: Request, response: Response, secret: str, max_age: int) -> None:
    response.set_cookie(
        LOGIN_COOKIE,
        secret,
        max_age=max_age,
        httponly=True,
        secure=_secure(request),
        samesite="strict",
        path="/api/auth",
    )


def clear_login_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        LOGIN_COOKIE, path="/api/auth", httponly=True, secure=_secure(request), samesite="strict"
    )


# -- who is calling ------------------------------------------------------------------------------
def _credentials(request: Request) -> tuple[str, Literal["bearer", "cookie"]] | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), "bearer"
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return cookie, "cookie"
    return None


def session_user(request: Request, ctx: SiteContext) -> int | None:
    """The logged-in user's id, or None (no session, or a forged/expired token)."""
    found = _credentials(request)
    return ctx.auth.verify_token(found[0]) if found else None


def check_origin(request: Request, ctx: SiteContext) -> None:
    """Refuse a request a browser says comes from another site."""
    # Host, not scheme: behind a TLS-terminating proxy the app sees http while the browser says https.
    origin = request.headers.get("origin")
    foreign = (
        origin is not None and urlsplit(origin).netloc.lower() != request.headers.get("host", "").lower()
    )
    if foreign or request.headers.get("sec-fetch-site") == "cross-site":
        raise HTTPException(403, texts(request, ctx)("site-error-csrf"))


def check_csrf(request: Request, ctx: SiteContext) -> None:
    """Refuse a state-changing request a foreign site could have made on the user's behalf."""
    if request.method in _SAFE_METHODS:
        return
    check_origin(request, ctx)
    t = texts(request, ctx)
    found = _credentials(request)
    cookie_based = found is None or found[1] == "cookie"
    if cookie_based and not request.headers.get(CSRF_HEADER):
        raise HTTPException(403, t("site-error-csrf"))


def api_user(request: Request, ctx: SiteContext) -> int:
    """The caller's user id for the JSON API (401 otherwise), with the CSRF rules applied."""
    user_id = session_user(request, ctx)
    if user_id is None:
        raise HTTPException(
            401, texts(request, ctx)("site-error-unauthorized"), headers={"WWW-Authenticate": "Bearer"}
        )
    check_csrf(request, ctx)
    return user_id


def client_ip(request: Request, ctx: SiteContext) -> str:
    """The client's address: the peer, or behind our own proxies (TRUSTED_PROXIES) the address they
    saw, so a proxy in front does not put every visitor into one rate-limit bucket."""
    peer = request.client.host if request.client else ""
    try:
        return str(forwarded_client_ip(peer, request.headers.get("x-forwarded-for"), ctx.trusted_proxies))
    except ValueError:  # no usable peer address (a test client, a Unix socket)
        return peer or "unknown"
