"""A time budget per update: whatever the NLU or the translator do, a newcomer hears back in time.

The guard (``flows/guard.py``) starts a :class:`Budget` for every update, ``REPLY_BUDGET_SECONDS``
from the moment the update is processed. Every call to a dependency that can be slow (the NLU,
the translator) goes through :func:`bounded`: it gets what is left of the budget minus a reserve
for sending the answer, and raises :class:`BudgetSpent` past it, so the flow answers without it
(the menu with "I could not read that just now", the answer in the second language with a
sentence why, the untranslated original with a note). When a dependency has not answered after
``TYPING_AFTER`` seconds, the chat sees "typing…" first; quick answers need no indicator.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from telegram.constants import ChatAction
from telegram.error import TelegramError

if TYPE_CHECKING:
    from telegram import Bot

    from bot.context import LotseContext

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Seconds kept back from a dependency for sending the answer itself.
RESERVE = 0.5
#: A dependency slower than this gets a typing indicator shown while the user waits.
TYPING_AFTER = 0.4


class BudgetSpent(Exception):
    """The update's time budget does not leave room for this call; answer without it."""


@dataclass
class Budget:
    """When the first reply to one update is due (event-loop time), and where typing shows."""

    deadline: float
    #: The private chat that sees "typing…" while a dependency is slow (None: no indicator).
    chat_id: int | None = None
    bot: Bot | None = None
    _typing: asyncio.Task[None] | None = field(default=None, repr=False)
    _typed: bool = field(default=False, repr=False)

    @classmethod
    def starting_now(cls, seconds: float, chat_id: int | None, bot: Bot | None) -> Budget:
        """A budget of ``seconds`` from now."""
        return cls(asyncio.get_running_loop().time() + seconds, chat_id, bot)

    def left(self, reserve: float = RESERVE) -> float:
        """Seconds a dependency may still take (negative when the budget is spent)."""
        return self.deadline - reserve - asyncio.get_running_loop().time()

    def _typing_soon(self) -> asyncio.Task[None] | None:
        """Shows "typing…" once per update, after ``TYPING_AFTER`` seconds of waiting."""
        if self.chat_id is None or self.bot is None or self._typed:
            return None
        if self._typing is not None and not self._typing.done():
            return None
        self._typing = asyncio.create_task(self._show_typing(), name="typing-indicator")
        return self._typing

    async def _show_typing(self) -> None:
        await asyncio.sleep(TYPING_AFTER)
        assert self.bot is not None and self.chat_id is not None
        self._typed = True
        try:
            await self.bot.send_chat_action(self.chat_id, ChatAction.TYPING)
        except TelegramError as exc:
            log.debug("typing indicator not shown (%s)", type(exc).__name__)


def budget_of(context: LotseContext) -> Budget | None:
    """The budget of the update being handled (None outside updates, e.g. background jobs)."""
    budget = getattr(context, "budget", None)
    return budget if isinstance(budget, Budget) else None


def seconds_left(context: LotseContext, reserve: float = RESERVE) -> float | None:
    """What a dependency may still take for this update (None: no budget, use its own limits)."""
    budget = budget_of(context)
    return None if budget is None else max(0.0, budget.left(reserve))


async def bounded(context: LotseContext, awaitable: Awaitable[T], *, reserve: float = RESERVE) -> T:
    """Awaits a dependency within what is left of the update's budget; ``BudgetSpent`` past it."""
    budget = budget_of(context)
    if budget is None:
        return await awaitable
    left = budget.left(reserve)
    if left <= 0:
        if inspect.iscoroutine(awaitable):
            awaitable.close()
        raise BudgetSpent
    typing = budget._typing_soon()
    try:
        async with asyncio.timeout(left):
            return await awaitable
    except TimeoutError:
        raise BudgetSpent from None
    finally:
        if typing is not None and not typing.done():
            typing.cancel()
