"""Running the editors' page for tests and benchmarks: a real uvicorn server, real Chromium."""

from __future__ import annotations

import asyncio
import contextlib
import re
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn
from playwright.async_api import Browser, Page, async_playwright
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.editor.app import build_editor
from bot.local_redis import free_port
from bot.services.accounts import AccountService, Role
from bot.settings import Settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSWORD = "ein-langes-passwort"


def copy_repo(root: Path, *, nlu: bool = False) -> Path:
    """A writable copy of content/, translations/ (and nlu/ without models and venv)."""
    shutil.copytree(PROJECT_ROOT / "content", root / "content")
    shutil.copytree(PROJECT_ROOT / "translations", root / "translations")
    if nlu:
        for part in ("data", "tests", "components"):
            shutil.copytree(
                PROJECT_ROOT / "nlu" / part,
                root / "nlu" / part,
                ignore=shutil.ignore_patterns("__pycache__"),
            )
        shutil.copy(PROJECT_ROOT / "nlu" / "config.yml", root / "nlu" / "config.yml")
    return root


async def add_account(redis: Redis, name: str, role: Role, languages: tuple[str, ...] = ()) -> None:
    """An account with the test password."""
    await AccountService(redis).create(name, role, PASSWORD, languages)


@contextlib.asynccontextmanager
async def serve_editor(settings: Settings, redis: Redis, **kwargs: object) -> AsyncIterator[str]:
    """The page on a free loopback port, in this event loop; yields its base URL."""
    app = build_editor(settings, redis=redis, secret_key="test-secret-key", **kwargs)  # type: ignore[arg-type]
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    for _ in range(600):
        if server.started:
            break
        if task.done():
            task.result()
        await asyncio.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@contextlib.asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Debian's Chromium, driven by Playwright."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


async def log_in(page: Page, base: str, name: str, password: str = PASSWORD) -> None:
    """Logs in through the form."""
    await page.goto(f"{base}/login")
    await page.fill("input[name=name]", name)
    await page.fill("input[name=password]", password)
    await page.click("button:has-text('Anmelden')")


async def log_out(page: Page) -> None:
    """Logs out with the header button."""
    await page.click("button:has-text('Abmelden')")


async def csrf_of(page: Page) -> str:
    """The CSRF token of the page's forms."""
    html = await page.content()
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found is not None
    return found.group(1)
