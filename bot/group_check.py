"""At start: is COUNSELLOR_CHAT_ID a group where only counsellors can write and the bot can work?

It must be a private supergroup with topics, not the discussion group of a channel (anyone who
comments on the channel could write in it), and the bot must be an admin that may manage topics
and delete messages (old case topics are deleted after the retention time). Otherwise the bot
refuses to start, with a sentence that says what to change.
"""

from __future__ import annotations

from telegram import Bot
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import BadRequest, Forbidden


class GroupMisconfigured(RuntimeError):
    """The counsellors' group is not usable; the message says what to change."""


async def check_counsellor_group(bot: Bot, chat_id: int) -> None:
    """Raises ``GroupMisconfigured`` unless the counsellors' group is safe and usable."""
    where = f"COUNSELLOR_CHAT_ID={chat_id}"
    try:
        chat = await bot.get_chat(chat_id)
    except (BadRequest, Forbidden) as exc:
        raise GroupMisconfigured(
            f"{where}: the bot cannot see this chat ({type(exc).__name__}). Add the bot to the "
            "counsellors' group as an admin, or set COUNSELLOR_CHAT_ID to that group's id "
            "(-100…)."
        ) from None
    if chat.type != ChatType.SUPERGROUP:
        raise GroupMisconfigured(
            f"{where} is a {chat.type} chat, not a supergroup. Use the counsellors' group: turn "
            "on Topics in its settings (this makes it a supergroup) and set COUNSELLOR_CHAT_ID "
            "to its new id (-100…)."
        )
    if not chat.is_forum:
        raise GroupMisconfigured(
            f"{where} has no topics. Turn on Topics in the group's settings: every case gets a "
            "topic of its own."
        )
    if chat.username:
        raise GroupMisconfigured(
            f"{where} is a public group (it has a username), so anyone can join and read the "
            "cases. Make it private in the group's settings (Group type → Private)."
        )
    if chat.linked_chat_id:
        raise GroupMisconfigured(
            f"{where} is the discussion group of a channel, so anyone who comments on the channel "
            "writes in it. Unlink the channel in the group's settings (Linked channel → remove)."
        )
    me = await bot.get_chat_member(chat_id, bot.id)
    missing = []
    if me.status == ChatMemberStatus.ADMINISTRATOR:
        if not getattr(me, "can_manage_topics", False):
            missing.append("Manage topics")
        if not getattr(me, "can_delete_messages", False):
            missing.append("Delete messages")
    elif me.status != ChatMemberStatus.OWNER:
        missing = ["Manage topics", "Delete messages"]
    if missing:
        raise GroupMisconfigured(
            f"{where}: the bot is not an admin there with the rights it needs. Make it an admin "
            f"of the group with: {', '.join(missing)}."
        )
