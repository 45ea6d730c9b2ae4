"""Login endpoints: code exchange, browser-bound nonces, logout.

Every failure of a code or nonce gets the same answer (400, one message), whether the code never
existed, expired or was spent: the API is no oracle about codes.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Request, Response
from pydantic import BaseModel, Field

from astralbot.services.auth import CODE_TTL, NONCE_LENGTH
from astralbot.web.deps import (
    LOGIN_COOKIE,
    SiteContext,
    check_csrf,
    check_origin,
    clear_login_cookie,
    clear_session_cookie,
    client_ip,
    set_login_cookie,
    set_session_cookie,
    texts,
)
from astralbot.web.rate_limit import RateLimiter


class CodeExchange(BaseModel):
    code: str = Field(min_length=1, max_length=200, description="The one-time code the bot gave")


class SessionToken(BaseModel):
    token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 - the OAuth token type, not a secret
    expires_in: int = Field(description="Seconds until the token expires")


class NonceCreated(BaseModel):
    nonce: str
    bot_url: str = Field(description="Open this to confirm the login in the bot")
    expires_in: int


class NonceState(BaseModel):
    status: Literal["pending", "ok"]


class ErrorBody(BaseModel):
    error: str


_ERRORS: dict[int | str, dict[str, object]] = {
    400: {"model": ErrorBody, "description": "Wrong, expired or used code"},
    429: {"model": ErrorBody, "description": "Too many attempts; see Retry-After"},
}


def _limit(request: Request, ctx: SiteContext, limiter: RateLimiter) -> None:
    wait = limiter.hit(client_ip(request, ctx))
    if wait:
        raise HTTPException(
            429,
            texts(request, ctx)("site-error-rate-limited"),
            headers={"Retry-After": limiter.retry_after_header(wait)},
        )


def auth_router(ctx: SiteContext) -> APIRouter:
    router = APIRouter(prefix="/api/auth", tags=["auth"])
    code_ttl = int(CODE_TTL.total_seconds())

    @router.post("/callback", response_model=SessionToken, responses=_ERRORS)
    async def callback(body: CodeExchange, request: Request, response: Response) -> SessionToken:
        """Exchange the bot's one-time code for a session (JWT in the body and in a cookie)."""
        check_origin(request, ctx)
        _limit(request, ctx, ctx.code_limiter)
        user_id = await ctx.auth.redeem_code(body.code.strip())
        if user_id is None:
            raise HTTPException(400, texts(request, ctx)("site-error-code"))
        issued = ctx.auth.issue_token(user_id)
        set_session_cookie(request, response, issued.token, issued.expires_in)
        return SessionToken(token=issued.token, expires_in=issued.expires_in)

    @router.post("/nonce", response_model=NonceCreated, responses={429: _ERRORS[429]})
    async def create_nonce(request: Request, response: Response) -> NonceCreated:
        """Start a browser-bound login: the nonce goes to the bot, its secret stays in this browser."""
        check_origin(request, ctx)
        _limit(request, ctx, ctx.nonce_limiter)
        nonce, secret = await ctx.auth.create_nonce()
        set_login_cookie(request, response, secret, code_ttl)
        return NonceCreated(nonce=nonce, bot_url=ctx.bot_link(f"login_{nonce}"), expires_in=code_ttl)

    @router.get("/nonce/{nonce}", response_model=NonceState, responses=_ERRORS)
    async def nonce_state(
        nonce: Annotated[str, Path(min_length=NONCE_LENGTH, max_length=NONCE_LENGTH)],
        request: Request,
        response: Response,
    ) -> NonceState:
        """Poll until the user confirms in the bot; then the session cookie is set (once)."""
        _limit(request, ctx, ctx.poll_limiter)
        status = await ctx.auth.nonce_status(nonce, request.cookies.get(LOGIN_COOKIE))
        if status.state == "pending":
            return NonceState(status="pending")
        if status.state == "invalid" or status.user_id is None:
            raise HTTPException(400, texts(request, ctx)("site-error-nonce"))
        issued = ctx.auth.issue_token(status.user_id)
        set_session_cookie(request, response, issued.token, issued.expires_in)
        clear_login_cookie(request, response)
        return NonceState(status="ok")

    @router.post("/logout", status_code=204, response_class=Response, responses={403: {"model": ErrorBody}})
    async def logout(request: Request) -> Response:
        """End the browser session (the cookie is removed)."""
        check_csrf(request, ctx)
        response = Response(status_code=204)
        clear_session_cookie(request, response)
        return response

    return router
