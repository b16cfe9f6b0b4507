"""Start and language: greet, propose the phone's language, offer all twelve, switch any time."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler

from bot import callbacks
from bot.context import LotseContext
from bot.flows.common import (
    PRIVATE,
    answer_query,
    button,
    language_of,
    rows,
    say,
    send_menu,
    t,
)
from bot.languages import BY_CODE, CURATED, curated_from_telegram


def language_keyboard(proposed: str | None) -> InlineKeyboardMarkup:
    """All twelve languages by their native names; the proposed one first, on its own row."""
    ordered = sorted(CURATED, key=lambda lang: lang.code != proposed)
    buttons = [button(lang.native_name, callbacks.LANG, lang.code) for lang in ordered]
    if proposed:
        return InlineKeyboardMarkup([buttons[:1], *rows(buttons[1:], 3)])
    return InlineKeyboardMarkup(rows(buttons, 3))


async def start(update: Update, context: LotseContext) -> None:
    """Greets the newcomer and asks for their language, proposing the phone's one."""
    user = update.effective_user
    proposed = curated_from_telegram(user.language_code if user else None)
    lang = language_of(update, context)
    lines = [t(context, lang, "start-welcome")]
    if proposed:
        lines.append(
            t(context, lang, "start-proposed-language", language=BY_CODE[proposed].native_name)
        )
    lines.append(t(context, lang, "start-choose-language"))
    await say(update, context, lang, "\n\n".join(lines), language_keyboard(proposed))


async def ask_language(update: Update, context: LotseContext) -> None:
    """Offers the twelve languages (the /language command)."""
    lang = language_of(update, context)
    await say(update, context, lang, t(context, lang, "language-choose"), language_keyboard(lang))


async def language_chosen(update: Update, context: LotseContext) -> None:
    """Stores the chosen language and shows the menu in it."""
    data = callbacks.parse(
        update.callback_query.data if update.callback_query else None, callbacks.LANG
    )
    code = data.args[0] if data and len(data.args) == 1 else None
    if code not in BY_CODE:
        lang = language_of(update, context)
        await answer_query(update)
        await say(
            update, context, lang, t(context, lang, "language-unknown"), language_keyboard(None)
        )
        return
    if context.user_data is not None:
        context.user_data.language = code
    await answer_query(update)
    await send_menu(
        update,
        context,
        code,
        intro=t(context, code, "language-set", language=BY_CODE[code].native_name),
    )


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """/start, /language and the language buttons."""
    return [
        CommandHandler("start", start, filters=PRIVATE),
        CommandHandler("language", ask_language, filters=PRIVATE),
        CallbackQueryHandler(language_chosen, pattern=callbacks.pattern(callbacks.LANG)),
    ]
