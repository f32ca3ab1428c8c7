"""Unit tests run on no database, so CI runs them once rather than on SQLite and again on PostgreSQL."""
import pytest


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/unit/" in item.nodeid and "app" in getattr(item, "fixturenames", ()):
            raise pytest.UsageError(f"{item.nodeid} uses the app and its database: it belongs in tests/web")
