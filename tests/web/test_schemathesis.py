"""Property-based run of the website's OpenAPI spec (schemathesis): no request gets a 5xx.

Synchronous on purpose: schemathesis calls the ASGI app from its own event-loop thread, so the
database is migrated here first and its pool emptied, and connections are opened in that loop.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from astralbot.jobs.pool import ChartPool
from astralbot.store.database import Database
from astralbot.store.migrate import upgrade

from .conftest import build_site

schemathesis = pytest.importorskip("schemathesis")

USER = 7001


def test_no_server_errors_anywhere_in_the_api(tmp_path: Path, pool: ChartPool) -> None:
    db = Database(f"sqlite+aiosqlite:///{tmp_path / 'api.db'}")
    site = build_site(db, pool)
    # Generous limits: this run is about crashes, not about the login rate limit.
    site.ctx.code_limiter.limit = site.ctx.nonce_limiter.limit = site.ctx.poll_limiter.limit = 100_000

    async def prepare() -> tuple[str, str]:
        await upgrade(db)
        await site.add_user(USER, "Fuzz")
        chart_id = await site.add_chart(USER, "Fuzz", pdf=b"%PDF-1.7")
        token = site.auth.issue_token(USER).token
        await db.dispose()  # connections must be made in schemathesis's loop, not this one
        return token, chart_id

    token, chart_id = asyncio.run(prepare())
    schema = schemathesis.openapi.from_asgi("/openapi.json", site.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {op.path for op in operations} >= {"/api/me", "/api/charts/{chart_id}", "/api/auth/callback"}
    auth_headers = st.sampled_from(
        [
            {"Authorization": f"Bearer {token}"},
            {"Authorization": f"Bearer {token}", "X-Requested-With": "fetch"},
            {"Cookie": f"astral_session={token}", "X-Requested-With": "fetch"},
            {},
        ]
    )
    failures: list[str] = []
    statuses: set[int] = set()
    for operation in operations:

        @given(case=operation.as_strategy(), headers=auth_headers, own_chart=st.booleans())
        @settings(
            max_examples=40,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case, headers: dict[str, str], own_chart: bool) -> None:
            if own_chart and case.path_parameters and "chart_id" in case.path_parameters:
                case.path_parameters["chart_id"] = chart_id
            response = case.call(headers=headers)
            statuses.add(response.status_code)
            if response.status_code >= 500:
                failures.append(
                    f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text}"
                )
            assert response.status_code < 500

        with contextlib.suppress(AssertionError):  # recorded in `failures`, reported all at once below
            check()
    asyncio.run(db.dispose())
    assert failures == []
    assert {200, 401, 404, 422} <= statuses  # the run reached the logged-in paths, not only the doors
