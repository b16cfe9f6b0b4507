"""Fixtures: a private redis-server, settings, the real Application on a local Bot API."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.app import build_application, running
from bot.channels.local import LocalChat
from bot.channels.local_api import LocalBotApi
from bot.channels.updates import UpdateFactory
from bot.settings import Settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """A private redis-server on a free loopback port, started and stopped by the tests."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.fail("redis-server is not installed; run the README's test command (make test)")
        self.port = _free_port()
        self.process = subprocess.Popen(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        self._wait()

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def _wait(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    yield server
    server.stop()


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    client = Redis.from_url(redis_server.url)
    await client.flushdb()
    yield client
    await client.aclose()


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
        **overrides: object,
    ) -> LocalChat:
        api = LocalBotApi()
        app = build_application(
            make_settings(root, **overrides),
            request=api,
            redis=(redis_client or redis) if use_redis else None,
        )
        await stack.enter_async_context(running(app))
        chat = LocalChat(app, api, UpdateFactory(user_id=user_id, language_code=language_code))
        api.clear()
        return chat

    async with stack:
        yield factory
