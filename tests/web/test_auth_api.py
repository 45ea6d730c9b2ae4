"""Logging in: the bot's one-time code, the browser-bound nonce, session tokens, logout, rate limits."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import timedelta
from typing import Any

import httpx
import jwt

from astralbot.payments.ip_ranges import parse_networks
from astralbot.services.auth import JWT_AUDIENCE, JWT_ISSUER
from astralbot.store.repositories import LoginCodeRepository
from astralbot.store.types import utcnow

from .conftest import JWT_SECRET, Site

USER = 5001
CSRF = {"X-Requested-With": "fetch"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _claims(**overrides: Any) -> dict[str, Any]:
    now = int(utcnow().timestamp())
    claims = {"sub": str(USER), "iat": now, "exp": now + 600, "iss": JWT_ISSUER, "aud": JWT_AUDIENCE}
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _handmade(header: dict[str, Any], claims: dict[str, Any], signature: bytes) -> str:
    head = _b64(json.dumps(header).encode())
    body = _b64(json.dumps(claims).encode())
    return f"{head}.{body}.{_b64(signature)}"


async def _me(client: httpx.AsyncClient, token: str) -> int:
    response = await client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
    return response.status_code


async def test_code_login_gives_a_session_cookie_and_a_bearer_token(site: Site) -> None:
    await site.add_user(USER, "Ann")
    code = await site.auth.issue_code(USER)
    assert len(base64.urlsafe_b64decode(code + "=" * (-len(code) % 4))) * 8 >= 128
    async with site.client() as client:
        response = await client.post("/api/auth/callback", json={"code": code})
        assert response.status_code == 200
        body = response.json()
        assert body["token_type"] == "bearer" and body["expires_in"] == 3600
        cookie = response.headers["set-cookie"]
        assert cookie.startswith("astral_session=")
        assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Path=/" in cookie
        assert "Secure" not in cookie  # loopback host: plain http in development

        me = await client.get("/api/me")  # the cookie
        assert me.status_code == 200 and me.json()["id"] == USER and me.json()["first_name"] == "Ann"
    async with site.client() as fresh:
        assert await _me(fresh, body["token"]) == 200
        claims = jwt.decode(body["token"], JWT_SECRET, algorithms=["HS256"], audience=JWT_AUDIENCE)
        assert claims["exp"] - claims["iat"] == 3600 and claims["iss"] == JWT_ISSUER


async def test_session_cookie_is_secure_on_a_public_host(site: Site) -> None:
    await site.add_user(USER)
    code = await site.auth.issue_code(USER)
    async with site.client() as client:
        response = await client.post(
            "/api/auth/callback", json={"code": code}, headers={"Host": "astral.example.org"}
        )
    assert response.status_code == 200
    assert "Secure" in response.headers["set-cookie"]


async def test_the_code_is_stored_hashed_and_bound_to_the_user(site: Site) -> None:
    await site.add_user(USER)
    code = await site.auth.issue_code(USER)
    async with site.db.session() as session:
        codes = LoginCodeRepository(session)
        assert await codes.get_by_hash(code) is None
        row = await codes.get_by_hash(hashlib.sha256(f"code:{code}".encode()).hexdigest())
    assert row is not None and row.user_id == USER and row.kind == "code"
    assert timedelta(minutes=4, seconds=55) < row.expires_at - row.created_at <= timedelta(minutes=5)


async def test_wrong_reused_and_expired_codes_get_one_generic_400(site: Site) -> None:
    await site.add_user(USER)
    good = await site.auth.issue_code(USER)
    expired = await site.auth.issue_code(USER, now=utcnow() - timedelta(minutes=5, seconds=1))
    async with site.client() as client:
        assert (await client.post("/api/auth/callback", json={"code": good})).status_code == 200
        answers = [
            await client.post("/api/auth/callback", json={"code": code})
            for code in (good, expired, "x" * 32, good[:-1] + ("A" if good[-1] != "A" else "B"), "ünicode")
        ]
    assert [a.status_code for a in answers] == [400] * 5
    messages = {a.json()["error"] for a in answers}
    assert len(messages) == 1, "the answer must not tell a used code from a wrong one"
    assert "Код" in messages.pop()  # the default language (ru) without Accept-Language
    assert not any("set-cookie" in a.headers for a in answers)


async def test_code_errors_follow_the_browser_language(site: Site) -> None:
    async with site.client() as client:
        answer = await client.post(
            "/api/auth/callback", json={"code": "nope"}, headers={"Accept-Language": "en-GB"}
        )
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("This code is wrong, expired or already used")


async def test_callback_is_rate_limited_per_address(site: Site) -> None:
    async with site.client(ip="10.9.9.9") as attacker, site.client(ip="10.1.1.1") as neighbour:
        statuses = [
            (await attacker.post("/api/auth/callback", json={"code": f"guess{i}"})).status_code
            for i in range(10)
        ]
        assert statuses == [400] * 10
        limited = await attacker.post("/api/auth/callback", json={"code": "guess-more"})
        assert limited.status_code == 429
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert limited.json()["error"]
        # Even a valid code waits: the limit is checked before the code.
        await site.add_user(USER)
        code = await site.auth.issue_code(USER)
        assert (await attacker.post("/api/auth/callback", json={"code": code})).status_code == 429
        assert (await neighbour.post("/api/auth/callback", json={"code": code})).status_code == 200


async def test_behind_a_trusted_proxy_the_limit_is_per_forwarded_client(site: Site) -> None:
    site.ctx.trusted_proxies = parse_networks(["10.0.0.254"])
    guesses = [{"code": f"guess{i}"} for i in range(10)]
    async with site.client(ip="10.0.0.254") as proxy, site.client(ip="10.7.7.7") as direct:
        flood = {"X-Forwarded-For": "198.51.100.7"}
        for body in guesses:
            assert (await proxy.post("/api/auth/callback", json=body, headers=flood)).status_code == 400
        assert (await proxy.post("/api/auth/callback", json={"code": "x"}, headers=flood)).status_code == 429
        # Another visitor behind the same proxy has a bucket of their own.
        other = {"X-Forwarded-For": "198.51.100.8"}
        assert (await proxy.post("/api/auth/callback", json={"code": "x"}, headers=other)).status_code == 400
        # A client that is not our proxy cannot pick its bucket with the header.
        for i, body in enumerate(guesses):
            spoofed = {"X-Forwarded-For": f"203.0.113.{i}"}  # a new address every time
            assert (await direct.post("/api/auth/callback", json=body, headers=spoofed)).status_code == 400
        spoofed = {"X-Forwarded-For": "203.0.113.99"}
        assert (
            await direct.post("/api/auth/callback", json={"code": "x"}, headers=spoofed)
        ).status_code == 429


async def test_tokens_that_are_tampered_expired_or_signed_otherwise_are_refused(site: Site) -> None:
    await site.add_user(USER)
    async with site.client() as client:
        good = await site.login(client, USER)
    head, body, signature = good.split(".")
    payload = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    payload["sub"] = "5002"
    forged_body = _b64(json.dumps(payload).encode())
    hs256 = {"alg": "HS256", "typ": "JWT"}
    bad_tokens = {
        "tampered payload": f"{head}.{forged_body}.{signature}",
        "tampered signature": f"{head}.{body}.{signature[:-2]}{'AA' if not signature.endswith('AA') else 'BB'}",
        "expired": site.auth.issue_token(USER, now=utcnow() - timedelta(hours=2)).token,
        "alg none": _handmade({"alg": "none", "typ": "JWT"}, _claims(), b""),
        "alg None": _handmade({"alg": "None"}, _claims(), b""),
        "HS512, right secret": jwt.encode(_claims(), JWT_SECRET, algorithm="HS512"),
        "RS256 header": _handmade({"alg": "RS256", "typ": "JWT"}, _claims(), b"\x01" * 256),
        "other secret": jwt.encode(_claims(), "another-secret-" + "x" * 40, algorithm="HS256"),
        "no exp": jwt.encode(_claims(exp=None), JWT_SECRET, algorithm="HS256"),
        "no iat": jwt.encode(_claims(iat=None), JWT_SECRET, algorithm="HS256"),
        "wrong iss": jwt.encode(_claims(iss="someone"), JWT_SECRET, algorithm="HS256"),
        "no aud": jwt.encode(_claims(aud=None), JWT_SECRET, algorithm="HS256"),
        "wrong aud": jwt.encode(_claims(aud="other-app"), JWT_SECRET, algorithm="HS256"),
        "garbage": "not.a.token",
    }
    # The control: a hand-made HS256 token with every claim is accepted, so the refusals above are real.
    signing_input = f"{_b64(json.dumps(hs256).encode())}.{_b64(json.dumps(_claims()).encode())}"
    control = f"{signing_input}.{_b64(hmac.new(JWT_SECRET.encode(), signing_input.encode(), hashlib.sha256).digest())}"
    async with site.client() as client:
        assert await _me(client, control) == 200
        refused = {name: await _me(client, token) for name, token in bad_tokens.items()}
        assert refused == dict.fromkeys(bad_tokens, 401)
        # The same through the cookie.
        client.cookies.set("astral_session", bad_tokens["alg none"])
        assert (await client.get("/api/me")).status_code == 401


async def test_browser_bound_login_only_works_in_the_browser_that_started_it(site: Site) -> None:
    await site.add_user(USER)
    async with site.client() as browser, site.client(ip="10.6.6.6") as phisher:
        created = await browser.post("/api/auth/nonce")
        assert created.status_code == 200
        nonce = created.json()["nonce"]
        assert created.json()["bot_url"] == f"/sandbox#start=login_{nonce}"
        assert len(f"login_{nonce}") <= 64
        login_cookie = created.headers["set-cookie"]
        assert (
            "astral_login=" in login_cookie
            and "HttpOnly" in login_cookie
            and "Path=/api/auth" in login_cookie
        )

        pending = await browser.get(f"/api/auth/nonce/{nonce}")
        assert pending.status_code == 200 and pending.json() == {"status": "pending"}

        assert await site.auth.confirm_nonce(nonce, USER)  # the user pressed "confirm" in the bot
        assert not await site.auth.confirm_nonce(nonce, 5002)  # once

        # Someone else with the link but without the browser's secret gets nothing, and spends nothing.
        stolen = await phisher.get(f"/api/auth/nonce/{nonce}")
        assert stolen.status_code == 400 and "set-cookie" not in stolen.headers
        phisher.cookies.set("astral_login", "made-up-secret", path="/api/auth")
        assert (await phisher.get(f"/api/auth/nonce/{nonce}")).status_code == 400
        # Nor can the nonce be passed off as a code.
        assert (await phisher.post("/api/auth/callback", json={"code": nonce})).status_code == 400

        done = await browser.get(f"/api/auth/nonce/{nonce}")
        assert done.status_code == 200 and done.json() == {"status": "ok"}
        assert (await browser.get("/api/me")).json()["id"] == USER
        again = await browser.get(f"/api/auth/nonce/{nonce}")
        assert again.status_code == 400  # spent


async def test_an_expired_nonce_cannot_be_confirmed(site: Site) -> None:
    await site.add_user(USER)
    nonce, secret = await site.auth.create_nonce(now=utcnow() - timedelta(minutes=6))
    assert not await site.auth.confirm_nonce(nonce, USER)
    assert (await site.auth.nonce_status(nonce, secret)).state == "invalid"


async def test_logout_needs_the_custom_header_and_our_origin(site: Site) -> None:
    await site.add_user(USER)
    async with site.client() as client:
        await site.login(client, USER)
        assert (await client.post("/api/auth/logout")).status_code == 403  # a plain cross-site form
        foreign = await client.post("/api/auth/logout", headers={**CSRF, "Origin": "https://evil.example"})
        assert foreign.status_code == 403
        assert (await client.get("/api/me")).status_code == 200
        out = await client.post("/api/auth/logout", headers={**CSRF, "Origin": "http://127.0.0.1:8080"})
        assert out.status_code == 204
        assert 'astral_session=""' in out.headers["set-cookie"] or "Max-Age=0" in out.headers["set-cookie"]
        assert (await client.get("/api/me")).status_code == 401


async def test_unauthenticated_api_calls_get_a_json_401(site: Site) -> None:
    async with site.client() as client:
        for path in ("/api/me", "/api/charts", "/api/charts/00000000-0000-0000-0000-000000000000"):
            response = await client.get(path)
            assert response.status_code == 401 and response.json()["error"]
            assert response.headers["WWW-Authenticate"] == "Bearer"
