"""Fake external services (Telegram Bot API, YooKassa) served over real HTTP on loopback."""
