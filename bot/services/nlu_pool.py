"""NLU under load: several Rasa servers, a circuit breaker each, parse results cached in Redis.

``NluPool`` is a ``RasaClient`` (the flows use it unchanged) in front of one or more Rasa
servers (``RASA_URL`` may hold a comma-separated list; a single URL works as before):

- **Cache.** Rasa's raw ``/model/parse`` JSON is kept in Redis under the model's fingerprint
  and a hash of the normalised text (NFKC, case-folded, spaces collapsed), for
  ``NLU_CACHE_SECONDS``. The raw JSON is cached, not the bot's reading of it, so fields the
  parse result gains later are there on a hit too. The text itself is not stored (removed
  from the JSON; the key holds only a hash). A new model has a new fingerprint: old entries
  are never read again and expire.
- **Servers.** Calls go round-robin to the servers whose breaker is closed; a failing server
  is skipped for ``breaker_reset`` seconds after ``breaker_threshold`` failures in a row, and
  the call moves on to the next server at once. Only when every server failed does the caller
  see ``NluUnavailable`` (the flows then show the menu).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
import unicodedata
from dataclasses import dataclass, field
from typing import Any

import httpx
from redis.asyncio import Redis
from redis.exceptions import RedisError

from bot.services.nlu import NluResult, NluUnavailable, RasaClient

log = logging.getLogger(__name__)

#: How often a server's model fingerprint is asked again (a server may load a new model).
FINGERPRINT_SECONDS = 60.0


def normalise(text: str) -> str:
    """The form two messages share when they mean the same to the NLU."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


@dataclass
class _Server:
    url: str
    client: httpx.AsyncClient
    failures: int = 0
    open_until: float = 0.0
    fingerprint: str | None = None
    fingerprint_at: float = 0.0

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self.open_until


@dataclass
class NluPool(RasaClient):
    """A ``RasaClient`` over several servers, with a Redis cache of raw parse results."""

    urls: list[str] = field(default_factory=list)
    redis: Redis | None = None
    cache_seconds: int = 86_400
    prefix: str = "lotse:nlu:"
    _servers: list[_Server] = field(default_factory=list, repr=False)
    _next: int = 0
    #: Counters for the benchmark and the tests.
    hits: int = 0
    misses: int = 0

    def __post_init__(self) -> None:
        if not self.urls:
            self.urls = [self.base_url]
        self._servers = [
            _Server(
                url.rstrip("/"),
                httpx.AsyncClient(
                    base_url=url.rstrip("/"), timeout=self.timeout, transport=self.transport
                ),
            )
            for url in self.urls
        ]

    @property
    def is_open(self) -> bool:
        """True while every server's breaker is open."""
        return all(s.is_open for s in self._servers)

    async def _fingerprint(self, server: _Server) -> str:
        """The model the server has loaded (``/status``), asked at most once a minute."""
        now = time.monotonic()
        if server.fingerprint is None or now - server.fingerprint_at > FINGERPRINT_SECONDS:
            try:
                async with asyncio.timeout(self.timeout):
                    response = await server.client.get("/status")
                response.raise_for_status()
                status = response.json()
                model = str(status.get("model_id") or status.get("model_file") or "")
                server.fingerprint = hashlib.sha256(model.encode()).hexdigest()[:16]
            except (httpx.HTTPError, TimeoutError, ValueError, AttributeError):
                server.fingerprint = server.fingerprint or "unknown"
            server.fingerprint_at = now
        return server.fingerprint

    def _cache_key(self, fingerprint: str, text: str) -> str:
        digest = hashlib.sha256(normalise(text).encode()).hexdigest()
        return f"{self.prefix}{fingerprint}:{digest}"

    def _candidates(self) -> list[_Server]:
        """Servers with a closed breaker, starting with the next in turn."""
        n = len(self._servers)
        start = self._next % n
        self._next += 1
        order = [self._servers[(start + i) % n] for i in range(n)]
        return [s for s in order if not s.is_open]

    async def _post(self, server: _Server, text: str) -> dict[str, Any]:
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            try:
                async with asyncio.timeout(self.timeout):
                    response = await server.client.post("/model/parse", json={"text": text})
                if response.status_code >= 500:
                    raise NluUnavailable(f"HTTP {response.status_code}")
                response.raise_for_status()
                data = response.json()
                NluResult.from_rasa(text, data)  # malformed answers count as failures
                server.failures = 0
                return dict(data)
            except (httpx.HTTPError, TimeoutError, NluUnavailable, ValueError) as exc:
                last = exc
                if attempt < self.retries:
                    await asyncio.sleep(self.backoff * (2**attempt))
        server.failures += 1
        if server.failures >= self.breaker_threshold:
            server.open_until = time.monotonic() + self.breaker_reset
            log.warning(
                "NLU server %d unreachable %d times: skipped for %.0f s",
                self._servers.index(server),
                server.failures,
                self.breaker_reset,
            )
        raise NluUnavailable(type(last).__name__ if last else "unknown")

    async def parse(self, text: str) -> NluResult:
        """The reading of ``text``: from the cache, else from the next healthy server."""
        servers = self._candidates()
        if not servers:
            raise NluUnavailable("circuit open on every server")
        for server in servers:
            fingerprint = await self._fingerprint(server)
            key = self._cache_key(fingerprint, text)
            cached = await self._cache_get(key)
            if cached is not None:
                self.hits += 1
                return NluResult.from_rasa(text, cached)
            try:
                data = await self._post(server, text)
            except NluUnavailable:
                continue
            self.misses += 1
            await self._cache_put(key, data)
            return NluResult.from_rasa(text, data)
        raise NluUnavailable("every NLU server failed")

    async def _cache_get(self, key: str) -> dict[str, Any] | None:
        if self.redis is None or self.cache_seconds <= 0:
            return None
        try:
            raw = await self.redis.get(key)
        except RedisError:
            return None
        if raw is None:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    async def _cache_put(self, key: str, data: dict[str, Any]) -> None:
        if self.redis is None or self.cache_seconds <= 0:
            return
        stored = {k: v for k, v in data.items() if k != "text"}  # never the message itself
        try:
            await self.redis.set(key, json.dumps(stored), ex=self.cache_seconds)
        except RedisError:
            log.warning("NLU cache unavailable; parsing without it")

    async def ready(self) -> bool:
        """True when at least one server answers ``/status``."""
        for server in self._servers:
            try:
                async with asyncio.timeout(self.timeout):
                    response = await server.client.get("/status")
                if response.status_code == 200:
                    return True
            except (httpx.HTTPError, TimeoutError):
                continue
        return False

    async def aclose(self) -> None:
        """Closes every server's connection pool."""
        for server in self._servers:
            await server.client.aclose()
        await super().aclose()
