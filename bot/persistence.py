"""python-telegram-bot persistence on Redis: user profiles and conversation states.

Keys (all under ``<prefix>``, default ``lotse:``):

- ``user:<id>`` — the user's profile as JSON, expiring ``retention`` after its last change.
- ``conv:<name>:<key>`` — a conversation's state, with the same expiry.

Profiles and conversation states are written through, per update, by ``bot/state.py``
(``ChatStateStore``): read before the update, written before it counts as handled. PTB's own
interval-based writes (``update_user_data``, ``update_conversation``) are therefore no-ops here,
and nothing is read in bulk at start (several workers share the keys; what one process held in
memory could be stale). ``refresh_user_data`` still reads a profile that was not loaded yet.
Bot data and chat data are not stored: bot data holds services, and nothing per chat needs
keeping. Redis errors propagate as ``redis.exceptions.RedisError`` so the error handler can
tell the user to try again.
"""

from __future__ import annotations

import json
import logging
from datetime import timedelta
from typing import Any

from redis.asyncio import Redis
from telegram.ext import BasePersistence, PersistenceInput
from telegram.ext._utils.types import ConversationDict, ConversationKey

from bot.context import BotData, UserProfile

log = logging.getLogger(__name__)


class RedisPersistence(BasePersistence[UserProfile, dict[Any, Any], BotData]):
    """Stores user profiles and conversation states in Redis with a retention limit."""

    def __init__(
        self,
        redis: Redis,
        *,
        retention: timedelta,
        prefix: str = "lotse:",
        update_interval: float = 2.0,
    ) -> None:
        super().__init__(
            store_data=PersistenceInput(
                bot_data=False, chat_data=False, user_data=True, callback_data=False
            ),
            update_interval=update_interval,
        )
        self.redis = redis
        self.retention = retention
        self.prefix = prefix

    # -- keys ------------------------------------------------------------------------------
    def _user_key(self, user_id: int) -> str:
        return f"{self.prefix}user:{user_id}"

    def _conv_key(self, name: str, key: ConversationKey) -> str:
        return f"{self.prefix}conv:{name}:{json.dumps(list(key), separators=(',', ':'))}"

    # -- user data ---------------------------------------------------------------------------
    async def get_user_data(self) -> dict[int, UserProfile]:
        """Nothing up front: profiles are loaded per user in ``refresh_user_data``."""
        return {}

    async def refresh_user_data(self, user_id: int, user_data: UserProfile) -> None:
        """Loads the stored profile the first time this user is seen since the start."""
        if user_data.loaded:
            return
        raw = await self.redis.get(self._user_key(user_id))
        if raw:
            try:
                user_data.load(json.loads(raw))
            except (ValueError, TypeError):
                log.warning("stored profile of a user is unreadable; starting fresh")
        user_data.loaded = True

    async def update_user_data(self, user_id: int, data: UserProfile) -> None:
        """Nothing: ``ChatStateStore.flush`` wrote the profile when the update was handled."""
        return None

    async def drop_user_data(self, user_id: int) -> None:
        """Deletes the profile and every conversation state of this user."""
        keys = [self._user_key(user_id)]
        async for key in self.redis.scan_iter(match=f"{self.prefix}conv:*"):
            decoded = key.decode() if isinstance(key, bytes) else key
            parts = json.loads(decoded.rsplit(":", 1)[-1]) if decoded.endswith("]") else []
            if user_id in parts:
                keys.append(decoded)
        await self.redis.delete(*keys)

    # -- conversations -----------------------------------------------------------------------
    async def get_conversations(self, name: str) -> ConversationDict:
        """Nothing up front: ``ChatStateStore.load`` reads a chat's states per update."""
        return {}

    async def update_conversation(
        self, name: str, key: ConversationKey, new_state: object | None
    ) -> None:
        """Nothing: ``ChatStateStore.flush`` wrote the state when the update was handled."""
        return None

    # -- not stored --------------------------------------------------------------------------
    async def get_chat_data(self) -> dict[int, dict[Any, Any]]:
        return {}

    async def get_bot_data(self) -> BotData:
        return BotData()

    async def get_callback_data(self) -> None:
        return None

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        return None

    async def update_bot_data(self, data: BotData) -> None:
        return None

    async def update_callback_data(self, data: Any) -> None:
        return None

    async def drop_chat_data(self, chat_id: int) -> None:
        return None

    async def refresh_chat_data(self, chat_id: int, chat_data: dict[Any, Any]) -> None:
        return None

    async def refresh_bot_data(self, bot_data: BotData) -> None:
        return None

    async def flush(self) -> None:
        """Nothing is buffered here: every update is written as it comes."""
        return None
