"""Settings: environment variables (and an optional `.env`), validated once at start.

Nothing here is created at import time; `load_settings()` is called by the composition root.
Every variable is documented in the README's Configuration table.
"""

from __future__ import annotations

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

    @field_validator("default_language")
    @classmethod
    def _known_language(cls, value: str) -> str:
        if value not in LOCALES:
            raise ValueError(f"must be one of {', '.join(LOCALES)}")
        return value

    @field_validator("telegram_api_base_url", "webhook_base_url")
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
