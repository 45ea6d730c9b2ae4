"""Settings: environment variables (and an optional `.env`), validated once at start.

Nothing here is created at import time; `load_settings()` is called by the composition root.
Every variable is documented in the README's Configuration table.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from astralbot.i18n import LOCALES

_SECRET_TOKEN_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class ConfigError(Exception):
    """Invalid configuration; the message lists every problem, one per line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # Telegram. Without a token the service runs the offline sandbox (fake Bot API in-process).
    bot_token: SecretStr | None = Field(default=None, alias="BOT_TOKEN")
    telegram_api_base_url: str = Field(default="https://api.telegram.org", alias="TELEGRAM_API_BASE_URL")
    mode: Literal["polling", "webhook"] = Field(default="polling", alias="MODE")
    webhook_base_url: str | None = Field(default=None, alias="WEBHOOK_BASE_URL")
    webhook_secret: SecretStr | None = Field(default=None, alias="WEBHOOK_SECRET")

    # Storage and HTTP
    database_url: str = Field(default="sqlite+aiosqlite:///./var/astral.db", alias="DATABASE_URL")
    host: str = Field(default="127.0.0.1", alias="HOST")
    port: int = Field(default=8080, ge=0, le=65535, alias="PORT")

    # Behaviour
    default_language: str = Field(default="ru", alias="DEFAULT_LANGUAGE")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    chart_workers: int = Field(default=2, ge=1, le=64, alias="CHART_WORKERS")
    ephemeris_path: str | None = Field(default=None, alias="EPHEMERIS_PATH")
    # Bounded: PTB with unbounded concurrency is slower (httpcore rescans its pool per request).
    max_concurrent_updates: int = Field(default=32, ge=1, le=256, alias="MAX_CONCURRENT_UPDATES")
    # Bot API requests per second across all chats (Telegram's documented limit is about 30/s).
    # 0 turns the overall cap off; 429 answers are still waited out and retried.
    bot_api_rate_limit: float = Field(default=30.0, ge=0, le=1000, alias="BOT_API_RATE_LIMIT")

    # Website sessions. Without JWT_SECRET a random one is made at start (sessions end on restart).
    jwt_secret: SecretStr | None = Field(default=None, alias="JWT_SECRET")
    jwt_ttl: int = Field(default=86400, ge=60, le=30 * 86400, alias="JWT_TTL")
    public_base_url: str | None = Field(default=None, alias="PUBLIC_BASE_URL")
    bot_username: str | None = Field(default=None, alias="BOT_USERNAME")

    # Paid full reading
    price_stars: int = Field(default=250, ge=1, le=100_000, alias="PRICE_STARS")
    price_rub: int = Field(default=490, ge=1, le=1_000_000, alias="PRICE_RUB")
    yookassa_shop_id: str | None = Field(default=None, alias="YOOKASSA_SHOP_ID")
    yookassa_secret_key: SecretStr | None = Field(default=None, alias="YOOKASSA_SECRET_KEY")
    yookassa_api_url: str | None = Field(default=None, alias="YOOKASSA_API_URL")  # a fake's URL in tests
    yookassa_receipt_email: str | None = Field(default=None, alias="YOOKASSA_RECEIPT_EMAIL")
    # Reverse proxies whose X-Forwarded-For is believed (comma-separated addresses or networks).
    trusted_proxies: str = Field(default="", alias="TRUSTED_PROXIES")
    order_lease_seconds: int = Field(default=120, ge=1, le=3600, alias="ORDER_LEASE_SECONDS")
    delivery_max_runs: int = Field(default=3, ge=1, le=20, alias="DELIVERY_MAX_RUNS")
    recovery_interval_seconds: float = Field(default=30.0, gt=0, le=3600, alias="RECOVERY_INTERVAL_SECONDS")

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LOCALES:
            raise ValueError(f"must be one of {', '.join(LOCALES)}")
        return value

    @field_validator("telegram_api_base_url", "webhook_base_url", "public_base_url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")

    @field_validator("log_level")
    @classmethod
    def _log_level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return value

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @model_validator(mode="after")
    def _webhook_needs_url_and_secret(self) -> Settings:
        if self.mode == "webhook" and self.bot_token is not None:
            if not self.webhook_base_url:
                raise ValueError("MODE=webhook needs WEBHOOK_BASE_URL")
            secret = self.webhook_secret.get_secret_value() if self.webhook_secret else ""
            if not _SECRET_TOKEN_RE.match(secret):
                raise ValueError(
                    "MODE=webhook needs WEBHOOK_SECRET: 1-256 characters of A-Z, a-z, 0-9, _ and -"
                )
        return self

    @field_validator("jwt_secret")
    @classmethod
    def _strong_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters")
        return value

    @property
    def site_url(self) -> str:
        """The website's public address, for links the bot sends."""
        if self.public_base_url:
            return self.public_base_url
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::", "") else self.host  # noqa: S104 - a comparison
        return f"http://{host}:{self.port}"

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        for item in filter(None, (p.strip() for p in value.split(","))):
            ipaddress.ip_network(item, strict=False)  # raises ValueError with a clear message
        return value

    @property
    def trusted_proxy_list(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]

    @property
    def yookassa_enabled(self) -> bool:
        return bool(self.yookassa_shop_id and self.yookassa_secret_key)

    @property
    def sandbox(self) -> bool:
        """No token: run against the in-process fake Telegram, so anyone can try the bot offline."""
        return self.bot_token is None


def load_settings(**overrides: object) -> Settings:
    """Read and validate settings; raise ConfigError with one readable line per problem."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err["loc"]) or "settings"
            lines.append(f"{where.upper()}: {err['msg']}")
        raise ConfigError("invalid configuration:\n  " + "\n  ".join(lines)) from None
