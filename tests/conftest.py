"""Fixtures: a private redis-server, settings, the real Application on a local Bot API."""

from __future__ import annotations

import contextlib
import shutil
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from redis.asyncio import BlockingConnectionPool, Redis
from telegram.ext import BaseRateLimiter

from bot import PROJECT_ROOT
from bot.app import build_application, running
from bot.channels.local import LocalChat
from bot.channels.local_api import LocalBotApi
from bot.channels.updates import UpdateFactory
from bot.local_redis import RedisServer
from bot.settings import Settings
from tests.fake_libretranslate import FakeLibreTranslate
from tests.fake_nllb import FakeNllb


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    try:
        server = RedisServer()
    except FileNotFoundError:
        pytest.fail("redis-server is not installed; run the README's test command (make test)")
    yield server
    server.stop()


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    # Like the bot's own client: a bounded pool that waits for a free connection.
    client = Redis.from_pool(
        BlockingConnectionPool.from_url(redis_server.url, max_connections=50, timeout=10)
    )
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def libre() -> Iterator[FakeLibreTranslate]:
    """The loopback stand-in for a LibreTranslate server."""
    with FakeLibreTranslate() as server:
        yield server


@pytest.fixture
def nllb() -> Iterator[FakeNllb]:
    """The NLLB service on loopback, its model a stand-in (tests/fake_nllb.py)."""
    with FakeNllb() as server:
        deadline = time.monotonic() + 10
        while not server.ready() and time.monotonic() < deadline:
            time.sleep(0.01)
        yield server


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of content/ and translations/ for tests that change files."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT_ROOT / "content", root / "content")
    shutil.copytree(PROJECT_ROOT / "translations", root / "translations")
    return root


def make_settings(root: Path = PROJECT_ROOT, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "content_dir": root / "content",
        "translations_dir": root / "translations",
        "persistence_interval_seconds": 60,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


AppFactory = Callable[..., Awaitable[LocalChat]]


@pytest.fixture
async def make_chat(redis: Redis) -> AsyncIterator[AppFactory]:
    """Builds and starts a real Application on the local Bot API; stops all of them at the end."""
    stack = contextlib.AsyncExitStack()

    async def factory(
        language_code: str | None = "en",
        *,
        user_id: int = 4242,
        root: Path = PROJECT_ROOT,
        use_redis: bool = True,
        redis_client: Redis | None = None,
        rate_limiter: BaseRateLimiter[None] | None = None,
        **overrides: object,
    ) -> LocalChat:
        api = LocalBotApi()
        app = build_application(
            make_settings(root, **overrides),
            request=api,
            redis=(redis_client or redis) if use_redis else None,
            rate_limiter=rate_limiter,
        )
        await stack.enter_async_context(running(app))
        chat = LocalChat(app, api, UpdateFactory(user_id=user_id, language_code=language_code))
        api.clear()
        return chat

    async with stack:
        yield factory
