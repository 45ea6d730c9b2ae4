"""Website login through the bot: one-time codes, browser-bound nonces, and the session JWT.

Two ways in, both ending in a JWT for one Telegram user:

- **Code** (`/login` in the bot): a random code bound to the user, stored only as a hash, valid for
  five minutes and spendable once, exchanged at `POST /api/auth/callback`.
- **Browser-bound nonce** (the site's "Log in with Telegram"): the browser gets a random secret in an
  HttpOnly cookie, and the nonce is *derived* from it (a hash). The bot deep link carries the nonce;
  the user confirms in the bot; only the browser holding the secret can turn the confirmed nonce into
  a session. A nonce link phished into someone else's chat is useless without the victim's cookie.

Codes and nonces are hashed with different prefixes, so a nonce posted as a code matches nothing.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

import jwt

from astralbot.store.database import Database
from astralbot.store.repositories import LoginCodeRepository, UserRepository
from astralbot.store.types import utcnow

CODE_TTL = timedelta(minutes=5)
CODE_BYTES = 24  # 192 bits
SECRET_BYTES = 32
JWT_ALGORITHM = "HS256"
JWT_ISSUER = "astral"
JWT_AUDIENCE = "astral-web"
NONCE_LENGTH = 43  # base64url of a SHA-256 digest; with "login_" it fits Telegram's 64-character start


def _hash(kind: Literal["code", "nonce"], value: str) -> str:
    return hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()


def nonce_for(browser_secret: str) -> str:
    """The public nonce derived from the browser's secret (the secret cannot be recovered from it)."""
    digest = hashlib.sha256(b"astral-login-nonce:" + browser_secret.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def looks_like_token(value: str, length: int | None = None) -> bool:
    """Cheap shape check before touching the database: base64url characters only."""
    if length is not None and len(value) != length:
        return False
    return 0 < len(value) <= 128 and all(c.isalnum() or c in "-_" for c in value)


@dataclass(frozen=True, slots=True)
class IssuedToken:
    token: str
    expires_in: int  # seconds


@dataclass(frozen=True, slots=True)
class NonceStatus:
    """`pending`: not confirmed in the bot yet; `ok`: confirmed (and now spent); `invalid`: anything else."""

    state: Literal["pending", "ok", "invalid"]
    user_id: int | None = None


class AuthService:
    def __init__(self, db: Database, jwt_secret: str, jwt_ttl: int) -> None:
        self._db = db
        self._secret = jwt_secret
        self._ttl = jwt_ttl

    # -- one-time codes (/login in the bot) -------------------------------------------------------
    async def issue_code(self, user_id: int, now: datetime | None = None) -> str:
        now = now or utcnow()
        code = secrets.token_urlsafe(CODE_BYTES)
        async with self._db.transaction() as session:
            codes = LoginCodeRepository(session)
            await codes.delete_expired(now - timedelta(days=1))  # keeps the table small
            await codes.add(_hash("code", code), "code", now + CODE_TTL, user_id=user_id)
        return code

    async def redeem_code(self, code: str, now: datetime | None = None) -> int | None:
        """The user the code was issued to, spending it; None if wrong, expired or already used."""
        if not looks_like_token(code):
            return None
        code_hash = _hash("code", code)
        async with self._db.transaction() as session:
            codes = LoginCodeRepository(session)
            if not await codes.mark_used(code_hash, now or utcnow()):
                return None
            row = await codes.get_by_hash(code_hash)
            if row is None or row.kind != "code" or row.user_id is None:
                return None
            return row.user_id if await UserRepository(session).get(row.user_id) else None

    # -- browser-bound nonces (the site's button → bot deep link) ----------------------------------
    async def create_nonce(self, now: datetime | None = None) -> tuple[str, str]:
        """(nonce for the deep link, secret for the browser's HttpOnly cookie)."""
        now = now or utcnow()
        browser_secret = secrets.token_urlsafe(SECRET_BYTES)
        nonce = nonce_for(browser_secret)
        async with self._db.transaction() as session:
            codes = LoginCodeRepository(session)
            await codes.delete_expired(now - timedelta(days=1))
            await codes.add(_hash("nonce", nonce), "nonce", now + CODE_TTL)
        return nonce, browser_secret

    async def confirm_nonce(self, nonce: str, user_id: int, now: datetime | None = None) -> bool:
        """The user pressed "confirm" in the bot: bind the nonce to them (once, before it expires)."""
        if not looks_like_token(nonce, NONCE_LENGTH):
            return False
        async with self._db.transaction() as session:
            return await LoginCodeRepository(session).confirm(_hash("nonce", nonce), user_id, now or utcnow())

    async def nonce_status(
        self, nonce: str, browser_secret: str | None, now: datetime | None = None
    ) -> NonceStatus:
        """What the waiting login page learns; `ok` happens once, for the browser that made the nonce."""
        if (
            not browser_secret
            or not looks_like_token(nonce, NONCE_LENGTH)
            or not secrets.compare_digest(nonce_for(browser_secret), nonce)
        ):
            return NonceStatus("invalid")
        now = now or utcnow()
        code_hash = _hash("nonce", nonce)
        async with self._db.transaction() as session:
            codes = LoginCodeRepository(session)
            row = await codes.get_by_hash(code_hash)
            if row is None or row.kind != "nonce" or row.used_at is not None or row.expires_at <= now:
                return NonceStatus("invalid")
            if row.confirmed_at is None or row.user_id is None:
                return NonceStatus("pending")
            user_id = row.user_id
            if not await codes.mark_used(code_hash, now):
                return NonceStatus("invalid")
            return NonceStatus("ok", user_id)

    # -- session tokens ----------------------------------------------------------------------------
    def issue_token(self, user_id: int, now: datetime | None = None) -> IssuedToken:
        now = now or utcnow()
        claims = {
            "sub": str(user_id),
            "iat": int(now.timestamp()),
            "exp": int((now + timedelta(seconds=self._ttl)).timestamp()),
            "iss": JWT_ISSUER,
            "aud": JWT_AUDIENCE,
            "jti": secrets.token_urlsafe(12),
        }
        return IssuedToken(jwt.encode(claims, self._secret, algorithm=JWT_ALGORITHM), self._ttl)

    def verify_token(self, token: str) -> int | None:
        """The user id of a valid session token; None for anything forged, expired or malformed."""
        try:
            claims = jwt.decode(
                token,
                self._secret,
                algorithms=[JWT_ALGORITHM],  # pinned: no "none", no HS512, no RS256 confusion
                audience=JWT_AUDIENCE,
                issuer=JWT_ISSUER,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
            return int(claims["sub"])
        except (jwt.InvalidTokenError, ValueError, TypeError):
            return None
