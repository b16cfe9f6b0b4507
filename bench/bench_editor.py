"""Editors' page benchmark: dashboard load time and publish-to-bot delay.

- Dashboard: GET / with the shipped content (12 topics x 12 languages, every status derived,
  coverage chart, unverified facts) through a real uvicorn server and HTTP client, logged in.
  Warm (nothing changed since the last load) and cold (a draft was just saved, so the view is
  rebuilt); medians of several loads, and the ratio to /healthz in the same run (HTTP cost).
- Publish-to-bot: a running bot (the real Application on the local Bot API) with its own copy
  of the files; the page publishes a changed title; the time until the bot's answer shows it
  (the bot taps the topic every 20 ms). Median and worst of several publishes.

Run: make bench-editor (or python bench/bench_editor.py --loads 30 --publishes 7).
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from redis.asyncio import Redis  # noqa: E402

from bench.stats import percentile  # noqa: E402
from bot.app import build_application, running  # noqa: E402
from bot.channels.local import LocalChat  # noqa: E402
from bot.channels.local_api import LocalBotApi  # noqa: E402
from bot.channels.updates import UpdateFactory  # noqa: E402
from bot.local_redis import RedisServer  # noqa: E402
from bot.render import to_plain  # noqa: E402
from bot.services.accounts import AccountService, Role  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.editor_support import PASSWORD, copy_repo, serve_editor  # noqa: E402

CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def settings_for(root: Path, redis_url: str) -> Settings:
    return Settings(  # type: ignore[call-arg]
        _env_file=None,
        content_dir=root / "content",
        translations_dir=root / "translations",
        redis_url=redis_url,
        translator="none",
        persistence_interval_seconds=60,
    )


async def login(client: httpx.AsyncClient) -> str:
    token = CSRF.search((await client.get("/login")).text)
    assert token is not None
    response = await client.post(
        "/login", data={"csrf": token.group(1), "name": "bench", "password": PASSWORD}
    )
    assert response.status_code == 303, response.text[:300]
    page = await client.get("/")
    found = CSRF.search(page.text)
    assert found is not None
    return found.group(1)


async def timed_get(client: httpx.AsyncClient, path: str) -> float:
    started = time.perf_counter()
    response = await client.get(path)
    elapsed = time.perf_counter() - started
    assert response.status_code == 200, response.status_code
    return elapsed


async def save_title(client: httpx.AsyncClient, token: str, title: str) -> None:
    """Saves a German draft of banking with a new title, through the page's form."""
    page = (await client.get("/topics/banking")).text
    body = re.search(r'<textarea name="body:"[^>]*>(.*?)</textarea>', page, re.S)
    assert body is not None
    import html

    form = {"csrf": token, "do": "save", "title": title, "body:": html.unescape(body.group(1))}
    for name, value in re.findall(
        r'<input name="(fact-source-\d+|review_date)" value="([^"]*)"', page
    ):
        form[name] = html.unescape(value)
    response = await client.post("/topics/banking", data=form)
    assert response.status_code == 303, response.text[:500]


async def main(loads: int, publishes: int) -> None:
    server = RedisServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            editor_root = copy_repo(Path(tmp) / "editor")
            bot_root = copy_repo(Path(tmp) / "bot")
            redis = Redis.from_url(server.url)
            await AccountService(redis).create("bench", Role.ADMIN, PASSWORD)
            api = LocalBotApi()
            app = build_application(settings_for(bot_root, server.url), request=api)
            async with (
                serve_editor(settings_for(editor_root, server.url), redis) as base,
                running(app),
                httpx.AsyncClient(base_url=base, timeout=60) as client,
            ):
                chat = LocalChat(app, api, UpdateFactory(user_id=99, language_code="de"))
                await chat.press_data("lang:v1:de")
                token = await login(client)
                for _ in range(3):  # warm up
                    await timed_get(client, "/")
                health = [await timed_get(client, "/healthz") for _ in range(loads)]
                warm = [await timed_get(client, "/") for _ in range(loads)]
                cold = []
                for i in range(max(3, loads // 5)):
                    await save_title(client, token, f"Bankkonto (Entwurf {i})")
                    cold.append(await timed_get(client, "/"))
                page = await client.get("/")
                size = len(page.content)
                assert 'id="faq-table"' in page.text  # the frequent questions are listed too
                delays, publish_requests = [], []
                for i in range(publishes):
                    title = f"Bankkonto – Fassung {i}"
                    await save_title(client, token, title)
                    started = time.perf_counter()
                    response = await client.post("/publish", data={"csrf": token, "note": str(i)})
                    publish_requests.append(time.perf_counter() - started)
                    assert response.status_code == 303, response.text[:300]
                    while True:
                        calls = await chat.press_data("topic:v1:banking")
                        text = "\n".join(to_plain(c.text) for c in calls if c.text)
                        if title in text:
                            break
                        if time.perf_counter() - started > 60:
                            raise SystemExit("the bot did not switch within 60 s")
                        await asyncio.sleep(0.02)
                    delays.append(time.perf_counter() - started)
            await redis.aclose()
    finally:
        server.stop()

    def ms(values: list[float], q: float = 0.5) -> str:
        return f"{percentile(values, q) * 1000:.1f} ms"

    print("Lotse Redaktion benchmark (12 topics x 12 languages, shipped content)")
    print(f"dashboard GET /, warm (median of {loads}): {ms(warm)}  p90 {ms(warm, 0.9)}")
    print(f"dashboard GET /, after a draft was saved (median of {len(cold)}): {ms(cold)}")
    print(f"baseline GET /healthz (median of {loads}): {ms(health)}")
    print(
        f"dashboard / healthz ratio (medians): "
        f"{statistics.median(warm) / statistics.median(health):.1f}x; page size {size // 1024} KiB"
    )
    print(
        f"publish-to-bot delay (POST /publish until the bot answers with the new title), "
        f"median of {publishes}: {ms(delays)}, worst {max(delays) * 1000:.0f} ms "
        f"(of which the publish request: median {ms(publish_requests)})"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--loads", type=int, default=30)
    parser.add_argument("--publishes", type=int, default=7)
    args = parser.parse_args()
    asyncio.run(main(args.loads, args.publishes))
