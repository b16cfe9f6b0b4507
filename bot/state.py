"""Write-through chat state: read from Redis before an update, written back before it counts.

python-telegram-bot keeps ConversationHandler states and user data in memory and hands them to
the persistence every few seconds; it reads them only at start. That loses a step on a crash
(the bot asked for a name, was killed, and no longer knows it asked) and cannot work with more
than one process (the next update of a chat may reach another worker).

Here every update is handled between two Redis round trips:

1. ``load``: one ``MGET`` reads the chat's state in every persistent conversation, the user's
   profile and the update's "done" marker, and puts them into the handlers and the user data
   before any handler looks at the update.
2. ``flush``: one Lua script writes what changed (a state, a deleted state, the profile) and
   marks the update done, atomically. With a fence (a worker's shard lease), it writes nothing
   when the lease has moved to another worker meanwhile.

The step a user has seen is therefore in Redis once the update is handled. A process killed
between the reply and the flush has not acknowledged the update (the stream keeps it, or the
polling offset is not confirmed), so the next process handles it again — the question comes
twice, the step is never lost; an update marked done is never handled twice.
"""

from __future__ import annotations

import contextvars
import json
import logging
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from redis.asyncio import Redis
from redis.exceptions import RedisError
from telegram import Update
from telegram.ext import Application, ConversationHandler

from bot.context import UserProfile

if TYPE_CHECKING:
    from telegram.ext._utils.types import ConversationKey

log = logging.getLogger(__name__)

#: How long an update stays marked as handled (a redelivery comes within minutes).
DONE_TTL = timedelta(hours=1)

#: The lease a worker holds for the shard of the update it is handling: (key, token). Set by
#: the worker around each update; the flush writes nothing when the lease is no longer ours.
FENCE: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar(
    "lotse_fence", default=None
)

_FLUSH = """
-- KEYS[1] fence key (or the done key when unfenced), KEYS[2] done key, KEYS[3..] state keys
-- ARGV[1] fence token ('' = unfenced), ARGV[2] done ttl ms, ARGV[3] state ttl ms,
-- ARGV[4..] one value per state key ('' = delete)
if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
for i = 3, #KEYS do
  local value = ARGV[i + 1]
  if value == '' then redis.call('DEL', KEYS[i])
  else redis.call('SET', KEYS[i], value, 'PX', ARGV[3]) end
end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[2])
return 1
"""


#: Set by a stream worker around each update: a Redis error while loading or flushing the state
#: propagates (the update stays unacknowledged and is handled again), instead of the answer
#: "try again in a minute" that a single process gives.
STATE_ERRORS_RAISE: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "lotse_state_errors_raise", default=False
)


class LeaseLost(RuntimeError):
    """The shard moved to another worker while this one handled an update: nothing written."""


@dataclass
class _Slot:
    handler: ConversationHandler[Any]
    key: ConversationKey
    redis_key: str
    before: object | None


@dataclass
class Snapshot:
    """What ``load`` read for one update, to compare against after handling it."""

    update_id: int
    done: bool = False
    slots: list[_Slot] = field(default_factory=list)
    user_id: int | None = None
    profile: UserProfile | None = None
    profile_before: dict[str, Any] | None = None


def _conversations(handler: ConversationHandler[Any]) -> MutableMapping[Any, object]:
    """The handler's state dict, bypassing PTB's write tracking (nothing is written by PTB)."""
    states = handler._conversations
    data = getattr(states, "data", None)
    return data if isinstance(data, dict) else states


def _key_of(handler: ConversationHandler[Any], update: Update) -> ConversationKey | None:
    """The handler's conversation key for this update, or None where it would not look."""
    if update.channel_post or update.edited_channel_post:
        return None
    if handler.per_chat and update.effective_chat is None:
        return None
    if handler.per_user and update.effective_user is None:
        return None
    if handler.per_message and update.callback_query is None:
        return None
    if update.callback_query and handler.per_chat and not update.callback_query.message:
        return None
    return handler._get_key(update)


class ChatStateStore:
    """Loads and flushes one chat's conversation states and the user's profile per update."""

    def __init__(
        self,
        redis: Redis,
        *,
        retention: timedelta,
        prefix: str = "lotse:",
    ) -> None:
        self.redis = redis
        self.retention = retention
        self.prefix = prefix
        self.handlers: list[ConversationHandler[Any]] = []
        self._flush = redis.register_script(_FLUSH)

    def attach(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Finds the persistent conversations of the application (after handlers are added)."""
        self.handlers = [
            h
            for group in app.handlers.values()
            for h in group
            if isinstance(h, ConversationHandler) and h.persistent and h.name
        ]

    def conv_key(self, name: str, key: ConversationKey) -> str:
        """The Redis key of one conversation state (the same as ``RedisPersistence``'s)."""
        return f"{self.prefix}conv:{name}:{json.dumps(list(key), separators=(',', ':'))}"

    def user_key(self, user_id: int) -> str:
        """The Redis key of a user's profile."""
        return f"{self.prefix}user:{user_id}"

    def done_key(self, update_id: int) -> str:
        """Marks an update as handled."""
        return f"{self.prefix}done:{update_id}"

    async def load(
        self, update: Update, app: Application[Any, Any, Any, Any, Any, Any]
    ) -> Snapshot:
        """Reads the chat's states and the user's profile into the application."""
        snapshot = Snapshot(update.update_id)
        keys = [self.done_key(update.update_id)]
        for handler in self.handlers:
            key = _key_of(handler, update)
            if key is not None:
                assert handler.name is not None
                slot = _Slot(handler, key, self.conv_key(handler.name, key), None)
                snapshot.slots.append(slot)
                keys.append(slot.redis_key)
        user = update.effective_user
        if user is not None:
            snapshot.user_id = user.id
            keys.append(self.user_key(user.id))
        values = await self.redis.mget(keys)
        snapshot.done = values[0] is not None
        for slot, raw in zip(snapshot.slots, values[1:], strict=False):
            states = _conversations(slot.handler)
            if raw is None:
                states.pop(slot.key, None)
                continue
            try:
                slot.before = json.loads(raw)
            except ValueError:
                log.warning("unreadable conversation state under %s; ended", slot.redis_key)
                states.pop(slot.key, None)
                continue
            states[slot.key] = slot.before
        if user is not None:
            profile: UserProfile = app.user_data[user.id]
            profile.clear()
            raw = values[-1]
            if raw:
                try:
                    profile.load(json.loads(raw))
                except (ValueError, TypeError, AttributeError):
                    log.warning("stored profile of a user is unreadable; starting fresh")
            profile.loaded = True
            snapshot.profile = profile
            snapshot.profile_before = profile.to_dict()
        return snapshot

    async def flush(
        self, snapshot: Snapshot, app: Application[Any, Any, Any, Any, Any, Any]
    ) -> None:
        """Writes what changed and marks the update done, in one atomic step."""
        keys: list[str] = []
        values: list[str] = []
        for slot in snapshot.slots:
            states = _conversations(slot.handler)
            now = states.get(slot.key)
            if now != slot.before:
                keys.append(slot.redis_key)
                values.append("" if now is None else json.dumps(now))
            # Forget it in memory: the next update of this chat reads it again.
            states.pop(slot.key, None)
        profile = snapshot.profile
        if (
            profile is not None
            and snapshot.user_id is not None
            and snapshot.user_id in app.user_data
            and app.user_data[snapshot.user_id] is profile  # not dropped (/delete_my_data)
            and profile.to_dict() != snapshot.profile_before
        ):
            keys.append(self.user_key(snapshot.user_id))
            values.append(json.dumps(profile.to_dict()))
        fence = FENCE.get()
        done = self.done_key(snapshot.update_id)
        written = await self._flush(
            keys=[fence[0] if fence else done, done, *keys],
            args=[
                fence[1] if fence else "",
                int(DONE_TTL.total_seconds() * 1000),
                int(self.retention.total_seconds() * 1000),
                *values,
            ],
        )
        if not written:
            raise LeaseLost("the shard's lease moved to another worker; state not written")


class StatefulApplication(Application[Any, Any, Any, Any, Any, Any]):
    """An Application whose every update runs between ``ChatStateStore.load`` and ``flush``.

    Whoever calls ``process_update`` (the update processor, the local chat, a test) gets the
    same write-through behaviour (see ``STATE_ERRORS_RAISE`` for what a Redis error does).
    """

    state_store: ChatStateStore | None = None
    #: Updates skipped because they were handled before (redelivered after a crash).
    skipped_duplicates: int = 0

    async def process_update(self, update: object) -> None:
        store = self.state_store
        if store is None or not isinstance(update, Update):
            await super().process_update(update)
            return
        try:
            snapshot = await store.load(update, self)
        except RedisError as exc:
            if STATE_ERRORS_RAISE.get():
                raise
            await self.process_error(update=update, error=exc)
            return
        if snapshot.done:
            self.skipped_duplicates += 1
            log.info("update %s was handled before; skipped", update.update_id)
            return
        await super().process_update(update)
        try:
            await store.flush(snapshot, self)
        except (RedisError, LeaseLost):
            if STATE_ERRORS_RAISE.get():
                raise
            log.error("state of update %s not written", update.update_id, exc_info=True)
