"""Shared fixtures: settings on a temporary SQLite file or a fresh PostgreSQL database, the service, the app."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from assistant.settings import Settings

POSTGRES_ADMIN_URL = os.environ.get("ASSISTANT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def _postgres_reachable() -> bool:
    import psycopg

    try:
        with psycopg.connect(POSTGRES_ADMIN_URL, connect_timeout=3):
            return True
    except psycopg.OperationalError:
        return False


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A database of its own for this test run, dropped afterwards (other runs may share the server)."""
    import psycopg

    if not _postgres_reachable():
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_ADMIN_URL}")
        pytest.skip("PostgreSQL is not reachable")
    name = f"assistant_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def sqlite_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path, database_url="", environment="test", model="offline")


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings on each database in turn (the storage and API tests run on both)."""
    if request.param == "sqlite":
        return Settings(data_dir=tmp_path, database_url="", environment="test", model="offline")
    url = request.getfixturevalue("postgres_url")
    return Settings(data_dir=tmp_path, database_url=url, environment="test", model="offline")


@pytest.fixture
async def assistant(sqlite_settings: Settings) -> AsyncIterator[object]:
    from assistant.service import Assistant

    async with Assistant.open(sqlite_settings) as service:
        yield service
