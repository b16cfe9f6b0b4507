"""Accounts of the editors' page: roles, argon2 passwords, throttled logins, sessions (Redis).

Roles (each includes what the one before it may do):

- ``editor`` writes German sources and translations, machine-translates drafts, sorts the
  unanswered questions;
- ``reviewer`` also marks translations of *their* languages reviewed and publishes;
- ``admin`` also manages accounts, reads the audit log, edits MigraDO's schedule and starts
  NLU training; an admin may review every language.

Logins are throttled per account and per client address: after ``max_failures`` wrong
passwords within ``window`` the next attempt must wait, longer with each further failure.
Sessions live in Redis with an idle timeout; changing a password or deleting an account ends
every session of that account.
"""

from __future__ import annotations

import enum
import json
import re
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from redis.asyncio import Redis

from bot.languages import CODES
from bot.services.redis_values import text as as_str

PREFIX = "lotse:editor"
ACCOUNTS = f"{PREFIX}:accounts"
MIN_PASSWORD = 10
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")


class Role(enum.StrEnum):
    """What an account may do."""

    EDITOR = "editor"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    """One kind of action the server checks before doing it."""

    EDIT = "edit"
    TRIAGE = "triage"
    REVIEW = "review"
    PUBLISH = "publish"
    SCHEDULE = "schedule"
    TRAIN = "train"
    ACCOUNTS = "accounts"
    AUDIT = "audit"


_EDITOR = frozenset({Permission.EDIT, Permission.TRIAGE})
_REVIEWER = _EDITOR | {Permission.REVIEW, Permission.PUBLISH}
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.EDITOR: _EDITOR,
    Role.REVIEWER: _REVIEWER,
    Role.ADMIN: frozenset(Permission),
}


class AccountError(ValueError):
    """An account cannot be created or changed as asked; ``code`` names the reason."""

    def __init__(self, code: str, **details: object) -> None:
        super().__init__(code)
        self.code = code
        self.details = details


class LoginThrottled(Exception):
    """Too many wrong passwords: the next attempt must wait ``retry_after`` seconds."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"retry after {retry_after} s")
        self.retry_after = retry_after


@dataclass(frozen=True)
class Account:
    """One person who works on the content."""

    name: str
    role: Role
    languages: tuple[str, ...]
    password_hash: str
    created: float
    must_change_password: bool = False

    def can(self, permission: Permission) -> bool:
        """True when the role allows ``permission``."""
        return permission in PERMISSIONS[self.role]

    def can_review(self, lang: str) -> bool:
        """True when this account may mark translations into ``lang`` reviewed."""
        if not self.can(Permission.REVIEW):
            return False
        return self.role is Role.ADMIN or lang in self.languages


@dataclass(frozen=True)
class Session:
    """A logged-in browser."""

    id: str
    account: str
    created: float


def check_name(name: str) -> str:
    """The account name, lower-cased; AccountError when it is not a short plain name."""
    name = name.strip().lower()
    if not _NAME.match(name):
        raise AccountError("bad-name")
    return name


def check_languages(role: Role, languages: Iterable[str]) -> tuple[str, ...]:
    """Known language codes; a reviewer needs at least one (the ones they review)."""
    langs = tuple(dict.fromkeys(code.strip().lower() for code in languages if code.strip()))
    unknown = [code for code in langs if code not in CODES]
    if unknown:
        raise AccountError("bad-languages", languages=", ".join(unknown))
    if role is Role.REVIEWER and not [code for code in langs if code != "de"]:
        raise AccountError("reviewer-needs-languages")
    return langs


def check_password(password: str) -> None:
    """AccountError when the password is too short."""
    if len(password) < MIN_PASSWORD:
        raise AccountError("short-password", minimum=MIN_PASSWORD)


class AccountService:
    """Accounts, logins and sessions in Redis."""

    def __init__(
        self,
        redis: Redis,
        *,
        session_seconds: int = 8 * 3600,
        max_failures: int = 5,
        window_seconds: int = 900,
        max_failures_per_address: int = 20,
        clock: Callable[[], float] = time.time,
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.redis = redis
        self.session_seconds = session_seconds
        self.max_failures = max_failures
        self.window_seconds = window_seconds
        self.max_failures_per_address = max_failures_per_address
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        # Verified against when the name is unknown, so both cases take the same time.
        self._dummy = self.hasher.hash(secrets.token_urlsafe(16))

    # -- accounts -----------------------------------------------------------------------------
    @staticmethod
    def _key(name: str) -> str:
        return f"{PREFIX}:account:{name}"

    async def create(
        self,
        name: str,
        role: Role,
        password: str,
        languages: Iterable[str] = (),
        *,
        must_change_password: bool = False,
    ) -> Account:
        """A new account; AccountError for a taken or bad name, short password, bad languages."""
        name = check_name(name)
        langs = check_languages(role, languages)
        check_password(password)
        account = Account(
            name, role, langs, self.hasher.hash(password), self.clock(), must_change_password
        )
        created = await self.redis.hsetnx(self._key(name), "data", self._dump(account))
        if not created:
            raise AccountError("name-taken", name=name)
        await self.redis.sadd(ACCOUNTS, name)
        return account

    @staticmethod
    def _dump(account: Account) -> str:
        return json.dumps(
            {
                "role": account.role.value,
                "languages": list(account.languages),
                "hash": account.password_hash,
                "created": account.created,
                "must_change": account.must_change_password,
            }
        )

    async def get(self, name: str) -> Account | None:
        """An account by name, or None."""
        raw = await self.redis.hget(self._key(name.strip().lower()), "data")
        if raw is None:
            return None
        data = json.loads(as_str(raw))
        return Account(
            name.strip().lower(),
            Role(data["role"]),
            tuple(data.get("languages") or ()),
            str(data["hash"]),
            float(data.get("created", 0)),
            bool(data.get("must_change", False)),
        )

    async def all(self) -> list[Account]:
        """Every account, by name."""
        names = sorted(as_str(n) for n in await self.redis.smembers(ACCOUNTS))
        found = [await self.get(n) for n in names]
        return [a for a in found if a is not None]

    async def count(self) -> int:
        """How many accounts exist."""
        return int(await self.redis.scard(ACCOUNTS))

    async def _save(self, account: Account) -> None:
        await self.redis.hset(self._key(account.name), "data", self._dump(account))

    async def update(
        self, name: str, *, role: Role | None = None, languages: Iterable[str] | None = None
    ) -> Account:
        """Changes the role and/or languages of an account."""
        account = await self.get(name)
        if account is None:
            raise AccountError("no-such-account", name=name)
        new_role = role or account.role
        langs = check_languages(
            new_role, account.languages if languages is None else tuple(languages)
        )
        updated = Account(
            account.name,
            new_role,
            langs,
            account.password_hash,
            account.created,
            account.must_change_password,
        )
        await self._save(updated)
        return updated

    async def set_password(self, name: str, password: str, *, must_change: bool = False) -> Account:
        """A new password; ends every session of the account."""
        check_password(password)
        account = await self.get(name)
        if account is None:
            raise AccountError("no-such-account", name=name)
        updated = Account(
            account.name,
            account.role,
            account.languages,
            self.hasher.hash(password),
            account.created,
            must_change,
        )
        await self._save(updated)
        await self.end_sessions(account.name)
        return updated

    async def delete(self, name: str) -> bool:
        """Deletes an account and ends its sessions; False when there was none."""
        name = name.strip().lower()
        await self.end_sessions(name)
        removed = await self.redis.delete(self._key(name))
        await self.redis.srem(ACCOUNTS, name)
        return bool(removed)

    async def admins(self) -> int:
        """How many admins exist (the last one cannot be removed or demoted)."""
        return sum(1 for a in await self.all() if a.role is Role.ADMIN)

    async def ensure_first_admin(self, name: str = "admin") -> str | None:
        """With no accounts at all, creates an admin and returns its one-time password."""
        if await self.count():
            return None
        password = secrets.token_urlsafe(12)
        try:
            await self.create(name, Role.ADMIN, password, must_change_password=True)
        except AccountError:
            return None  # another process made it a moment ago
        return password

    # -- logins -------------------------------------------------------------------------------
    def _failures_key(self, kind: str, who: str) -> str:
        return f"{PREFIX}:login-failures:{kind}:{who}"

    async def _wait_needed(self, name: str, address: str) -> int:
        """Seconds until the next attempt is allowed (0: now)."""
        waits = []
        for kind, who, limit in (
            ("account", name, self.max_failures),
            ("address", address, self.max_failures_per_address),
        ):
            key = self._failures_key(kind, who)
            failures = int(as_str(await self.redis.hget(key, "count")) or 0)
            if failures < limit:
                continue
            last = float(as_str(await self.redis.hget(key, "last")) or 0)
            # 2 s after the limit is reached, doubling with every further failure, at most
            # the whole window.
            delay = min(self.window_seconds, 2 ** (failures - limit + 1))
            waits.append(max(0, int(last + delay - self.clock() + 0.999)))
        return max(waits, default=0)

    async def _failed(self, name: str, address: str) -> None:
        pipe = self.redis.pipeline(transaction=True)
        for kind, who in (("account", name), ("address", address)):
            key = self._failures_key(kind, who)
            pipe.hincrby(key, "count", 1)
            pipe.hset(key, "last", str(self.clock()))
            pipe.expire(key, self.window_seconds)
        await pipe.execute()

    async def login(self, name: str, password: str, address: str) -> Account | None:
        """The account when the password is right, None when not; LoginThrottled when the
        account or the address must wait (the password is then not even checked)."""
        name = name.strip().lower()[:64]
        wait = await self._wait_needed(name, address)
        if wait:
            raise LoginThrottled(wait)
        account = await self.get(name) if _NAME.match(name) else None
        try:
            self.hasher.verify(account.password_hash if account else self._dummy, password)
            ok = account is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if not ok or account is None:
            await self._failed(name, address)
            return None
        await self.redis.delete(self._failures_key("account", name))
        if self.hasher.check_needs_rehash(account.password_hash):
            account = await self.set_password_hash(account, password)
        return account

    async def set_password_hash(self, account: Account, password: str) -> Account:
        """Re-hashes a correct password with the current argon2 parameters."""
        updated = Account(
            account.name,
            account.role,
            account.languages,
            self.hasher.hash(password),
            account.created,
            account.must_change_password,
        )
        await self._save(updated)
        return updated

    # -- sessions -----------------------------------------------------------------------------
    @staticmethod
    def _session_key(session_id: str) -> str:
        return f"{PREFIX}:session:{session_id}"

    @staticmethod
    def _sessions_of(name: str) -> str:
        return f"{PREFIX}:sessions-of:{name}"

    async def start_session(self, account: Account) -> Session:
        """A new session for a logged-in account."""
        session = Session(secrets.token_urlsafe(32), account.name, self.clock())
        pipe = self.redis.pipeline(transaction=True)
        pipe.hset(
            self._session_key(session.id),
            mapping={"account": account.name, "created": str(session.created)},
        )
        pipe.expire(self._session_key(session.id), self.session_seconds)
        pipe.sadd(self._sessions_of(account.name), session.id)
        pipe.expire(self._sessions_of(account.name), self.session_seconds * 3)
        await pipe.execute()
        return session

    async def session(self, session_id: str) -> tuple[Session, Account] | None:
        """The session and its account, or None (expired, ended, account gone); each use
        extends the idle timeout."""
        if not session_id or len(session_id) > 100:
            return None
        raw = await self.redis.hgetall(self._session_key(session_id))
        if not raw:
            return None
        data = {as_str(k): as_str(v) for k, v in raw.items()}
        account = await self.get(data.get("account", ""))
        if account is None:
            await self.redis.delete(self._session_key(session_id))
            return None
        await self.redis.expire(self._session_key(session_id), self.session_seconds)
        return Session(session_id, account.name, float(data.get("created", 0))), account

    async def end_session(self, session_id: str) -> None:
        """Logs one browser out."""
        await self.redis.delete(self._session_key(session_id))

    async def end_sessions(self, name: str) -> None:
        """Logs every browser of an account out."""
        ids = [as_str(i) for i in await self.redis.smembers(self._sessions_of(name))]
        if ids:
            await self.redis.delete(*(self._session_key(i) for i in ids))
        await self.redis.delete(self._sessions_of(name))
