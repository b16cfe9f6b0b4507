"""Who counts as a counsellor: the counsellors' group itself, or a member of it in private."""

from __future__ import annotations

import logging
import time

from telegram import Update
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from bot.context import LotseContext

log = logging.getLogger(__name__)

#: How long a membership answer from Telegram is trusted.
MEMBERSHIP_TTL_SECONDS = 300
_MEMBER = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}


def in_counsellor_group(update: Update, context: LotseContext) -> bool:
    """True when the update comes from the counsellors' group (COUNSELLOR_CHAT_ID)."""
    group = context.bot_data.settings.counsellor_chat_id
    chat = update.effective_chat
    return group is not None and chat is not None and chat.id == group


async def is_counsellor(update: Update, context: LotseContext) -> bool:
    """True for members of the counsellors' group (asked from the group or privately)."""
    group = context.bot_data.settings.counsellor_chat_id
    user = update.effective_user
    if group is None or user is None or user.is_bot:
        return False
    if in_counsellor_group(update, context):
        return True  # only members can write in the group
    cache: dict[int, tuple[float, bool]] = context.bot_data.extras.setdefault("members", {})
    cached = cache.get(user.id)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    try:
        member = await context.bot.get_chat_member(group, user.id)
    except TelegramError as exc:
        # "user not found" and the like: not a member. Network trouble: not cached.
        log.info("membership check failed: %s", type(exc).__name__)
        return False
    allowed = member.status in _MEMBER
    cache[user.id] = (time.monotonic() + MEMBERSHIP_TTL_SECONDS, allowed)
    return allowed
