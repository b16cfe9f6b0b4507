"""Concurrency that keeps each chat in order: a ``BaseUpdateProcessor`` for the Application.

Updates of different chats run concurrently (at most ``concurrency`` at a time); updates of one
chat (or, without a chat, one user) run one at a time, in the order they arrived. The chat's
state is read and written around each update by the Application itself (``bot/state.py``).

Why not PTB's ``SimpleUpdateProcessor``: it runs updates of one chat concurrently, so a quick
second message can overtake the first, and two updates of one conversation race for its state.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable
from dataclasses import dataclass, field
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

#: Updates waiting for their chat's turn do not hold a processing slot; this bounds how many may
#: wait in one process at all (PTB's own semaphore), so a flood cannot exhaust memory.
MAX_WAITING = 10_000


def lane_of(update: object) -> int | None:
    """The ordering key: the chat's id, else the user's; None for updates of neither."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    return None


@dataclass
class _Lane:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Bounded concurrency across chats, strict order within a chat.

    An update waiting for its chat's turn holds no processing slot, so one busy chat never
    keeps the others waiting; ``concurrency`` bounds the updates being handled at once.
    """

    def __init__(self, concurrency: int = 64) -> None:
        super().__init__(max_concurrent_updates=MAX_WAITING)
        self.concurrency = concurrency
        self._active = asyncio.Semaphore(concurrency)
        self._lanes: dict[int, _Lane] = {}

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @contextlib.asynccontextmanager
    async def lane(self, key: int | None) -> AsyncIterator[None]:
        """Holds the lane of ``key``: one update per chat at a time, first come first served."""
        if key is None:
            yield
            return
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane()
        lane.users += 1
        try:
            async with lane.lock:  # asyncio.Lock wakes waiters in FIFO order
                yield
        finally:
            lane.users -= 1
            if lane.users == 0:
                del self._lanes[key]

    @contextlib.asynccontextmanager
    async def turn(self, key: int | None) -> AsyncIterator[None]:
        """The chat's turn and a free processing slot (the stream worker handles updates so)."""
        async with self.lane(key), self._active:
            yield

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Waits for the chat's turn and a free slot, then handles the update."""
        async with self.turn(lane_of(update)):
            await coroutine
