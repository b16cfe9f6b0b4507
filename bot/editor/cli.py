"""``lotse editor`` (serve the page) and ``lotse editor add-user`` (create an account)."""

from __future__ import annotations

import asyncio
import contextlib
import getpass
import logging
import secrets
import sys
from collections.abc import Iterator

from pydantic import SecretStr
from redis import Redis as SyncRedis
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot import PROJECT_ROOT
from bot.services.accounts import AccountError, AccountService, Role
from bot.settings import Settings, SettingsError

log = logging.getLogger(__name__)

SECRET_KEY = "lotse:editor:secret"
PRIVATE_REDIS = PROJECT_ROOT / ".lotse" / "redis-editor"


def parse_listen(value: str) -> tuple[str, int]:
    """ "host:port" as a pair; SettingsError naming EDITOR_LISTEN otherwise."""
    host, _, port = value.rpartition(":")
    try:
        number = int(port)
    except ValueError:
        number = -1
    if not host or not 0 < number < 65536:
        raise SettingsError(f"Config 'EDITOR_LISTEN' must be host:port, not {value!r}.")
    return host.strip("[]"), number


@contextlib.contextmanager
def redis_for(settings: Settings) -> Iterator[Settings]:
    """Settings with a REDIS_URL: the configured one, else a private redis-server kept in
    ``.lotse/redis-editor`` (shared by ``lotse editor`` and ``lotse editor add-user``)."""
    if settings.redis_dsn:
        yield settings
        return
    from bot.local_redis import RedisServer

    port_file = PRIVATE_REDIS / "port"
    if port_file.is_file():
        url = f"redis://127.0.0.1:{port_file.read_text().strip()}/0"
        with contextlib.suppress(RedisError, ValueError):
            if SyncRedis.from_url(url, socket_timeout=1).ping():
                yield settings.model_copy(update={"redis_url": SecretStr(url)})
                return
    server = RedisServer(PRIVATE_REDIS)
    port_file.write_text(str(server.port))
    log.info(
        "REDIS_URL is not set: the editors' page keeps its accounts and drafts in a private "
        "redis-server (%s); bots see published content when they share a REDIS_URL",
        PRIVATE_REDIS.relative_to(PROJECT_ROOT),
    )
    try:
        yield settings.model_copy(update={"redis_url": SecretStr(server.url)})
    finally:
        server.stop()
        port_file.unlink(missing_ok=True)


def _secret(url: str) -> str:
    """The cookie-signing key every editor process shares (made once, kept in Redis)."""
    client = SyncRedis.from_url(url, socket_timeout=5)
    try:
        client.set(SECRET_KEY, secrets.token_urlsafe(48), nx=True)
        value = client.get(SECRET_KEY)
    finally:
        client.close()
    assert value is not None
    return value.decode() if isinstance(value, bytes) else str(value)


async def _first_admin(url: str) -> str | None:
    redis = Redis.from_url(url)
    try:
        return await AccountService(redis).ensure_first_admin()
    finally:
        await redis.aclose()


def serve(settings: Settings) -> int:
    """Runs the page on EDITOR_LISTEN until interrupted."""
    import uvicorn

    from bot.editor.app import build_editor

    host, port = parse_listen(settings.editor_listen)
    with redis_for(settings) as effective:
        url = effective.redis_dsn or ""
        try:
            key = (
                settings.editor_secret_key.get_secret_value()
                if settings.editor_secret_key
                else _secret(url)
            )
            password = asyncio.run(_first_admin(url))
        except RedisError as exc:
            print(f"error: cannot reach Redis: {exc}", file=sys.stderr)
            return 1
        if password is not None:
            print(
                "No accounts yet: created the admin account.\n"
                "  name:              admin\n"
                f"  one-time password: {password}\n"
                "It is shown only this once; the page asks for a new password at the first "
                "login. Create more accounts on the page (Konten) or with "
                "`lotse editor add-user`.",
                flush=True,
            )
        app = build_editor(effective, secret_key=key)
        print(f"Lotse Redaktion: http://{host}:{port}/", flush=True)
        config = uvicorn.Config(app, host=host, port=port, log_level="warning", proxy_headers=False)
        uvicorn.Server(config).run()
    return 0


def _read_password() -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password (at least 10 characters): ")
    if getpass.getpass("Again: ") != first:
        raise AccountError("mismatch")
    return first


async def _add(url: str, name: str, role: Role, password: str, languages: list[str]) -> str:
    redis = Redis.from_url(url)
    try:
        account = await AccountService(redis).create(name, role, password, languages)
        from bot.services.audit import AuditLog

        await AuditLog(redis).record("(command line)", "account-create", account.name, role.value)
        return account.name
    finally:
        await redis.aclose()


def add_user(settings: Settings, name: str, role: str, languages: str | None) -> int:
    """Creates an account; the password comes from stdin when it is not a terminal."""
    try:
        chosen = Role(role)
    except ValueError:
        print(f"error: --role must be one of {', '.join(r.value for r in Role)}", file=sys.stderr)
        return 2
    langs = [code for code in (languages or "").split(",") if code.strip()]
    messages = {
        "bad-name": "the name must be 2-32 characters: a-z, 0-9, '.', '_', '-'",
        "bad-languages": "unknown language code(s)",
        "reviewer-needs-languages": "a reviewer needs --languages (the languages they review)",
        "short-password": "the password needs at least 10 characters",
        "name-taken": f"an account named {name!r} exists already",
        "mismatch": "the two passwords differ",
    }
    try:
        password = _read_password()
        with redis_for(settings) as effective:
            created = asyncio.run(_add(effective.redis_dsn or "", name, chosen, password, langs))
    except AccountError as exc:
        print(f"error: {messages.get(exc.code, exc.code)}", file=sys.stderr)
        return 1
    except RedisError as exc:
        print(f"error: cannot reach Redis: {exc}", file=sys.stderr)
        return 1
    suffix = f" ({', '.join(langs)})" if langs else ""
    print(f"created {chosen.value} account {created}{suffix}")
    return 0


__all__ = ["add_user", "parse_listen", "redis_for", "serve"]
