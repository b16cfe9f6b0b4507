"""Who counts as a counsellor, and how the bot answers staff.

Only current members of the counsellors' group (COUNSELLOR_CHAT_ID) act as counsellors — for
every command, and every message relayed from a case topic, in the group as privately (front-desk
commands). Writing in the group is not proof: a discussion group linked to a channel, a member
who has left, a misconfigured group. Telegram's membership answers are remembered for a while
(``MembershipCache``) and kept fresh from ``chat_member`` updates, so a person who leaves or is
removed is refused at once. A counsellor posting as the anonymous group admin (``sender_chat``
is the group itself) counts as a counsellor and signs as "a counsellor".
Anyone else is ignored; for commands, told politely in their language (at most a few times a
minute, so a flood of commands cannot flood the group).
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus, ParseMode
from telegram.error import TelegramError
from telegram.ext import BaseHandler, ChatMemberHandler

from bot.context import LotseContext
from bot.flows.common import language_of, say, t
from bot.render import clip
from bot.services.flood import Verdict

log = logging.getLogger(__name__)

_MEMBER = {ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.MEMBER}


def in_counsellor_group(update: Update, context: LotseContext) -> bool:
    """True when the update comes from the counsellors' group (COUNSELLOR_CHAT_ID)."""
    group = context.bot_data.settings.counsellor_chat_id
    chat = update.effective_chat
    return group is not None and chat is not None and chat.id == group


def as_group_admin(update: Update, context: LotseContext) -> bool:
    """True for a message the anonymous admin of the counsellors' group posted (as the group)."""
    message = update.effective_message
    sender = message.sender_chat if message is not None else None
    return (
        sender is not None
        and in_counsellor_group(update, context)
        and sender.id == context.bot_data.settings.counsellor_chat_id
    )


async def is_counsellor(update: Update, context: LotseContext) -> bool:
    """True for current members of the counsellors' group (asked from the group or privately)."""
    group = context.bot_data.settings.counsellor_chat_id
    if group is None:
        return False
    if as_group_admin(update, context):
        return True
    user = update.effective_user
    if user is None or user.is_bot:
        return False
    if update.effective_message is not None and update.effective_message.sender_chat is not None:
        return False  # posted as a channel or another chat: not a person of the group
    return await is_member(context, user.id)


async def is_member(context: LotseContext, user_id: int) -> bool:
    """Asks Telegram (or the cache) whether ``user_id`` is a current member of the group."""
    group = context.bot_data.settings.counsellor_chat_id
    if group is None:
        return False
    cache = context.bot_data.members
    cached = await cache.get(user_id)
    if cached is not None:
        return cached
    try:
        member = await context.bot.get_chat_member(group, user_id)
    except TelegramError as exc:
        # "user not found" and the like: not a member. Network trouble: not cached.
        log.info("membership check failed: %s", type(exc).__name__)
        return False
    allowed_ = member.status in _MEMBER
    await cache.put(user_id, allowed_)
    return allowed_


def counsellor_name(update: Update, context: LotseContext) -> str:
    """How a counsellor is named to colleagues and in the transcript ("a counsellor" when
    they post as the anonymous group admin)."""
    if as_group_admin(update, context):
        return context.bot_data.catalogues.staff_t("staff-anonymous-counsellor")
    user = update.effective_user
    return (user.full_name if user else "") or "?"


def counsellor_id(update: Update, context: LotseContext) -> int:
    """Who claims a case: the person, or the group itself for its anonymous admin."""
    if as_group_admin(update, context):
        group = context.bot_data.settings.counsellor_chat_id
        assert group is not None
        return group
    user = update.effective_user
    assert user is not None
    return user.id


async def staff_reply(update: Update, text: str) -> None:
    """Answers a counsellor where they wrote (the group's topic, or privately)."""
    message = update.effective_message
    if message is not None:
        await message.reply_text(clip(text), parse_mode=ParseMode.HTML, do_quote=False)


async def refuse(update: Update, context: LotseContext) -> None:
    """Tells someone outside the counsellors' group, in their language, that this is staff-only."""
    flood = context.bot_data.flood
    user = update.effective_user
    # The guard does not limit the group; a non-member's flood of commands is limited here.
    if (
        in_counsellor_group(update, context)
        and flood is not None
        and user is not None
        and await flood.admit(user.id) is not Verdict.ALLOW
    ):
        return
    lang = language_of(update, context)
    await say(update, context, lang, t(context, lang, "staff-only"))


async def allowed(update: Update, context: LotseContext) -> bool:
    """True for a counsellor; anyone else is refused politely."""
    if await is_counsellor(update, context):
        return True
    await refuse(update, context)
    return False


async def membership_changed(update: Update, context: LotseContext) -> None:
    """A ``chat_member`` update of the counsellors' group: remembers who is a member now."""
    changed: ChatMemberUpdated | None = update.chat_member
    if changed is None:
        return
    member = changed.new_chat_member
    if member.user.is_bot:
        return
    now_member = member.status in _MEMBER
    await context.bot_data.members.put(member.user.id, now_member)
    log.info("counsellors' group: a member %s", "joined" if now_member else "left or was removed")


def build_handlers(group_id: int | None) -> list[BaseHandler[Update, LotseContext, Any]]:
    """Membership changes in the counsellors' group (``chat_member`` updates)."""
    if group_id is None:
        return []
    return [ChatMemberHandler(membership_changed, ChatMemberHandler.CHAT_MEMBER, chat_id=group_id)]
