"""``lotse editor`` and ``lotse editor add-user`` as an operator runs them."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.editor.cli import parse_listen
from bot.local_redis import RedisServer, free_port
from bot.services.accounts import AccountService, Role
from bot.settings import SettingsError
from tests.editor_support import copy_repo

pytestmark = pytest.mark.slow


def _env(redis_url: str, root: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EDITOR_", "REDIS_URL"))}
    env.update(
        REDIS_URL=redis_url,
        CONTENT_DIR=str(root / "content"),
        TRANSLATIONS_DIR=str(root / "translations"),
        TRANSLATOR="none",
        **extra,
    )
    return env


def _lotse(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
        env=env,
        check=False,
    )


async def test_add_user_reads_the_password_from_stdin(
    redis: Redis, redis_server: RedisServer, tmp_path: Path
) -> None:
    env = _env(redis_server.url, copy_repo(tmp_path / "repo"))
    run = await asyncio.to_thread(
        _lotse, "editor", "add-user", "Rita", "--role", "reviewer", "--languages", "ar,fa",
        env=env, stdin="ein-sehr-langes-passwort\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert "created reviewer account rita (ar, fa)" in run.stdout
    accounts = AccountService(redis)
    rita = await accounts.get("rita")
    assert rita is not None and rita.role is Role.REVIEWER and rita.languages == ("ar", "fa")
    assert await accounts.login("rita", "ein-sehr-langes-passwort", "127.0.0.1") is not None
    # Clear answers for what cannot be done; nothing is created.
    for args, stdin, message in (
        (("anna", "--role", "reviewer"), "ein-sehr-langes-passwort\n", "needs --languages"),
        (("anna", "--role", "editor"), "kurz\n", "at least 10 characters"),
        (("rita", "--role", "editor"), "ein-sehr-langes-passwort\n", "exists already"),
        (("anna", "--role", "editor", "--languages", "xx"), "ein-sehr-langes-pw\n", "unknown"),
    ):
        run = await asyncio.to_thread(_lotse, "editor", "add-user", *args, env=env, stdin=stdin)
        assert run.returncode == 1 and message in run.stderr, (args, run.stderr)
    assert await accounts.get("anna") is None
    assert "ein-sehr-langes-passwort" not in run.stdout + run.stderr


def _start(env: dict[str, str]) -> tuple[subprocess.Popen[str], list[str]]:
    """Starts ``lotse editor``; returns it and its output up to the line with the address."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "editor"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env=env,
    )
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        if line.startswith("Lotse Redaktion: http://"):
            break
    return process, lines


def _stop(process: subprocess.Popen[str]) -> str:
    """Stops the page; returns what it wrote to stderr (the pipes are closed)."""
    process.terminate()
    try:
        _, err = process.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    return err


async def test_first_start_creates_an_admin_and_prints_its_password_once(
    redis: Redis, redis_server: RedisServer, tmp_path: Path
) -> None:
    port = free_port()
    env = _env(redis_server.url, copy_repo(tmp_path / "repo"), EDITOR_LISTEN=f"127.0.0.1:{port}")
    process, lines = await asyncio.to_thread(_start, env)
    try:
        output = "".join(lines)
        assert f"Lotse Redaktion: http://127.0.0.1:{port}/" in output, output
        password = next(ln.split(":", 1)[1].strip() for ln in lines if "one-time password" in ln)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            for _ in range(100):
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        break
                except httpx.HTTPError:
                    await asyncio.sleep(0.1)
            assert (await client.get("/readyz")).text == "ok"
        admin = await AccountService(redis).login("admin", password, "127.0.0.1")
        assert admin is not None and admin.must_change_password
    finally:
        err = await asyncio.to_thread(_stop, process)
    assert password not in err
    process, lines = await asyncio.to_thread(_start, env)
    try:
        assert not any("one-time password" in ln for ln in lines)
    finally:
        await asyncio.to_thread(_stop, process)


def test_a_bad_listen_address_is_named() -> None:
    assert parse_listen("0.0.0.0:8090") == ("0.0.0.0", 8090)
    assert parse_listen("[::1]:8090") == ("::1", 8090)
    for bad in ("8090", "localhost:", "localhost:99999", "host:port"):
        with pytest.raises(SettingsError, match="EDITOR_LISTEN"):
            parse_listen(bad)


def test_the_page_is_deployed_beside_the_roles() -> None:
    import yaml

    docs = list(yaml.safe_load_all((PROJECT_ROOT / "deploy/k8s/editor.yaml").read_text()))
    [deployment] = [d for d in docs if d["kind"] == "Deployment"]
    [container] = deployment["spec"]["template"]["spec"]["containers"]
    assert container["args"] == ["lotse", "editor"]
    assert container["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert container["readinessProbe"]["httpGet"]["path"] == "/readyz"
    env = {e["name"]: e["value"] for e in container["env"]}
    assert env["EDITOR_LISTEN"].endswith(":8090") and env["EDITOR_COOKIE_SECURE"] == "true"
    assert {"Service", "PersistentVolumeClaim"} <= {d["kind"] for d in docs}
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    editor = compose["services"]["editor"]
    assert editor["command"] == ["lotse", "editor"]
    assert editor["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert editor["ports"] == ["127.0.0.1:8090:8090"]  # not on every interface by default
