"""Everything no other flow handled: free text, media, unknown commands, old buttons, groups.

Registered last. Every case gets a helpful reply in the user's language and the menu.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.context import LotseContext
from bot.flows.common import NEW_MESSAGE, PRIVATE, language_of, say, send_menu, stale_button, t

#: What Lotse cannot read (yet): everything that is not text, a command or a location.
MEDIA = (
    filters.Sticker.ALL
    | filters.PHOTO
    | filters.VOICE
    | filters.AUDIO
    | filters.VIDEO
    | filters.VIDEO_NOTE
    | filters.ANIMATION
    | filters.Document.ALL
    | filters.CONTACT
    | filters.POLL
    | filters.Dice.ALL
    | filters.VENUE
    | filters.GAME
    | filters.STORY
)


async def free_text(update: Update, context: LotseContext) -> None:
    """Thanks for a typed message and shows the menu (typed questions are not understood yet)."""
    lang = language_of(update, context)
    await send_menu(update, context, lang, intro=t(context, lang, "fallback-free-text"))


async def media(update: Update, context: LotseContext) -> None:
    """Says stickers, photos, voice and files cannot be opened, and shows the menu."""
    lang = language_of(update, context)
    await send_menu(update, context, lang, intro=t(context, lang, "fallback-media"))


async def help_command(update: Update, context: LotseContext) -> None:
    """Explains the commands (/help and any unknown command) and shows the menu."""
    lang = language_of(update, context)
    await send_menu(update, context, lang, intro=t(context, lang, "help-text"))


async def group_command(update: Update, context: LotseContext) -> None:
    """Asks for a private chat when a newcomer command arrives in a group."""
    lang = language_of(update, context)
    await say(update, context, lang, t(context, lang, "fallback-private-only"))


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """The catch-alls; order matters (help before any other command, media before text)."""
    return [
        CommandHandler("help", help_command, filters=PRIVATE),
        MessageHandler(filters.COMMAND & PRIVATE & NEW_MESSAGE, help_command),
        MessageHandler(filters.COMMAND & ~PRIVATE & NEW_MESSAGE, group_command),
        MessageHandler(MEDIA & PRIVATE & NEW_MESSAGE, media),
        MessageHandler(filters.TEXT & PRIVATE & NEW_MESSAGE, free_text),
        CallbackQueryHandler(stale_button),
    ]
