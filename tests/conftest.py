"""Shared fixtures: database URLs and migrated databases on SQLite and PostgreSQL (conftest_db)."""

pytest_plugins = ["conftest_db"]
