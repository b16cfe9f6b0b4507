"""Who counts as a counsellor, and how the bot answers staff.

Members of the counsellors' group (COUNSELLOR_CHAT_ID) act as counsellors, in the group or
privately (front-desk commands); anyone else gets a polite refusal in their language. Telegram's
membership answers are remembered for a while (``MembershipCache`` in bot data).
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import TelegramError

from bot.context import LotseContext
from bot.flows.common import language_of, say, t
from bot.render import clip

log = logging.getLogger(__name__)

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
    cache = context.bot_data.members
    cached = cache.get(user.id)
    if cached is not None:
        return cached
    try:
        member = await context.bot.get_chat_member(group, user.id)
    except TelegramError as exc:
        # "user not found" and the like: not a member. Network trouble: not cached.
        log.info("membership check failed: %s", type(exc).__name__)
        return False
    allowed = member.status in _MEMBER
    cache.put(user.id, allowed)
    return allowed


async def staff_reply(update: Update, text: str) -> None:
    """Answers a counsellor where they wrote (the group's topic, or privately)."""
    message = update.effective_message
    if message is not None:
        await message.reply_text(clip(text), parse_mode=ParseMode.HTML, do_quote=False)


async def refuse(update: Update, context: LotseContext) -> None:
    """Tells someone outside the counsellors' group, in their language, that this is staff-only."""
    lang = language_of(update, context)
    await say(update, context, lang, t(context, lang, "staff-only"))


async def allowed(update: Update, context: LotseContext) -> bool:
    """True for a counsellor; anyone else is refused politely."""
    if await is_counsellor(update, context):
        return True
    await refuse(update, context)
    return False
