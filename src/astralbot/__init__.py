"""Astral: natal charts in Telegram."""
