"""Composition root: settings → database → chart pool → services → PTB Application → FastAPI app.

Nothing is created at import time; `build_runtime()` makes one of everything and `serve.py` runs it.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from fastapi import FastAPI
from starlette.types import ASGIApp
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder, ContextTypes

from astralbot.bot.context import SERVICES_KEY, AstralContext, Services
from astralbot.bot.login import LOGIN_KEY, LoginServices
from astralbot.bot.setup import register_handlers
from astralbot.config import Settings
from astralbot.geo.gazetteer import Gazetteer, load_gazetteer
from astralbot.jobs.delivery import DeliverySettings, DeliveryWorker
from astralbot.jobs.pool import ChartPool
from astralbot.metrics import Metrics
from astralbot.payments.ip_ranges import parse_networks
from astralbot.services.account import AccountService
from astralbot.services.auth import AuthService
from astralbot.services.charts import ChartService
from astralbot.services.orders import OrderService
from astralbot.services.payments import PaymentService
from astralbot.services.profiles import ProfileService
from astralbot.services.refunds import Refunds
from astralbot.store.database import Database

if TYPE_CHECKING:
    from astralbot.payments.yookassa_gateway import YooKassaGateway
    from astralbot.sandbox import FakeTelegram
from astralbot.web.app import create_web_app
from astralbot.web.deps import SiteContext
from astralbot.web.health import health_router
from astralbot.web.site import STATIC_PATH, static_files, website_routers
from astralbot.web.telegram_webhook import WebhookGate, telegram_webhook_router

SANDBOX_PREFIX = "/sandbox-api"
log = logging.getLogger("astralbot.app")


@dataclass
class Runtime:
    settings: Settings
    db: Database
    pool: ChartPool
    gazetteer: Gazetteer
    metrics: Metrics
    application: Application
    web: FastAPI
    webhook_secret: str
    gate: WebhookGate
    delivery: DeliveryWorker
    payments: PaymentService
    sandbox: FakeTelegram | None  # the in-process fake Telegram, in sandbox mode


def build_application(settings: Settings, token: str, api_base: str) -> Application:
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{api_base}/bot")
        .base_file_url(f"{api_base}/file/bot")
        .context_types(ContextTypes(context=AstralContext))
        # Bounded concurrency with a pool to match: unbounded costs more than it gains (DESIGN.md).
        .concurrent_updates(settings.max_concurrent_updates)
        .connection_pool_size(settings.max_concurrent_updates + 8)
        .pool_timeout(10.0)
        .rate_limiter(_rate_limiter(settings))
    )
    if settings.mode == "webhook":
        builder = builder.updater(None)
    return builder.build()


def _rate_limiter(settings: Settings) -> AIORateLimiter:
    # AIORateLimiter waits out 429 retry_after itself; the overall cap keeps us under Telegram's limit.
    # "Off" is a cap so high it never binds (the class has no switch for it).
    rate = settings.bot_api_rate_limit or 1_000_000.0
    return AIORateLimiter(overall_max_rate=rate, overall_time_period=1, max_retries=5)


def build_runtime(settings: Settings) -> Runtime:
    db = Database(settings.database_url)
    gazetteer = load_gazetteer()
    pool = ChartPool(settings.chart_workers, settings.ephemeris_path)
    metrics = Metrics()
    profiles = ProfileService(db, gazetteer, settings.default_language)
    charts = ChartService(db, profiles, pool)

    mounts: dict[str, ASGIApp] = {}
    routers = []
    sandbox = None
    if settings.sandbox:
        from astralbot.sandbox import mount_sandbox  # only the sandbox pulls in the fake Bot API

        token = f"{secrets.randbelow(10**9)}:sandbox-{secrets.token_urlsafe(16)}"
        sandbox, sandbox_mounts, sandbox_routers = mount_sandbox(token, SANDBOX_PREFIX)
        mounts.update(sandbox_mounts)
        routers.extend(sandbox_routers)
        api_base = f"http://{_loopback(settings.host)}:{settings.port}{SANDBOX_PREFIX}"
    else:
        assert settings.bot_token is not None
        token = settings.bot_token.get_secret_value()
        api_base = settings.telegram_api_base_url

    application = build_application(settings, token, api_base)
    orders = OrderService(db, profiles, settings.price_stars, settings.price_rub * 100)
    yookassa = yookassa_gateway_for(settings)
    delivery = _delivery(settings, db, pool, orders, application)
    delivery.refund = Refunds(orders, application.bot, yookassa)
    payments_service = PaymentService(
        db, orders, delivery, application.bot, yookassa, return_url=settings.site_url
    )
    application.bot_data[SERVICES_KEY] = Services(
        profiles, charts, payments_service, settings.default_language
    )
    register_handlers(application, metrics)
    if yookassa is not None:
        from astralbot.web.yookassa_webhook import yookassa_webhook_router

        routers.append(
            yookassa_webhook_router(yookassa, payments_service.on_yookassa, settings.trusted_proxy_list)
        )

    webhook_secret = (
        settings.webhook_secret.get_secret_value() if settings.webhook_secret else secrets.token_urlsafe(32)
    )
    gate = WebhookGate()
    routers.append(telegram_webhook_router(application, webhook_secret, gate))
    routers.append(health_router(db.ping, lambda: application.running, metrics))
    auth = AuthService(db, _jwt_secret(settings), settings.jwt_ttl)
    application.bot_data[LOGIN_KEY] = LoginServices(auth, settings.site_url)
    account = AccountService(db, gazetteer, profiles, pool)
    site = SiteContext(
        auth,
        account,
        settings.default_language,
        settings.jwt_ttl,
        _bot_link(settings, application),
        trusted_proxies=parse_networks(settings.trusted_proxy_list),
    )
    routers.extend(website_routers(site))
    mounts[STATIC_PATH] = static_files()
    web = create_web_app(routers, mounts)
    return Runtime(
        settings,
        db,
        pool,
        gazetteer,
        metrics,
        application,
        web,
        webhook_secret,
        gate,
        delivery,
        payments_service,
        sandbox,
    )


def _delivery(
    settings: Settings,
    db: Database,
    pool: ChartPool,
    orders: OrderService,
    application: Application,
) -> DeliveryWorker:
    return DeliveryWorker(
        db,
        pool,
        orders,
        application.bot,
        DeliverySettings(
            lease=timedelta(seconds=settings.order_lease_seconds),
            max_runs=settings.delivery_max_runs,
            recovery_interval=settings.recovery_interval_seconds,
        ),
    )


def yookassa_gateway_for(settings: Settings) -> YooKassaGateway | None:
    if not settings.yookassa_enabled:
        return None
    from astralbot.payments.yookassa_gateway import YooKassaGateway

    assert settings.yookassa_shop_id is not None and settings.yookassa_secret_key is not None
    return YooKassaGateway(
        settings.yookassa_shop_id,
        settings.yookassa_secret_key.get_secret_value(),
        api_url=settings.yookassa_api_url,
        receipt_email=settings.yookassa_receipt_email,
    )


def _jwt_secret(settings: Settings) -> str:
    if settings.jwt_secret is not None:
        return settings.jwt_secret.get_secret_value()
    if settings.sandbox:  # a try-out on one machine: sessions that end with the process are expected
        return secrets.token_urlsafe(48)
    log.warning(
        "JWT_SECRET is not set: using a random one, so website sessions end on restart "
        "and are not shared between instances"
    )
    return secrets.token_urlsafe(48)


def _bot_link(settings: Settings, application: Application) -> Callable[[str], str]:
    """Where "open the bot" points: the sandbox chat in this process, or t.me/<bot>."""

    def link(start: str) -> str:
        if settings.sandbox:
            return f"/sandbox#start={start}" if start else "/sandbox"
        username = settings.bot_username
        if not username:
            try:
                username = application.bot.username  # known after getMe, at Application start
            except RuntimeError:
                username = ""
        return f"https://t.me/{username}?start={start}" if start else f"https://t.me/{username}"

    return link


def _loopback(host: str) -> str:
    # The bot reaches the in-process fake over loopback even when the server listens on all interfaces.
    return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host  # noqa: S104 - comparison, not binding
