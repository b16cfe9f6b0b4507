"""Start and language: greet, propose the phone's language, offer all twelve, switch any time."""

from __future__ import annotations

import re

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler, CommandHandler, TypeHandler

from bot import callbacks
from bot.context import LotseContext
from bot.flows.common import (
    PRIVATE,
    answer_query,
    button,
    label,
    language_of,
    rows,
    say,
    second_language,
    send_menu,
    t,
)
from bot.languages import BY_CODE, CURATED, curated_from_telegram
from bot.services.translator import TranslationFailed


def language_keyboard(proposed: str | None, other: str | None = None) -> InlineKeyboardMarkup:
    """All twelve languages by their native names; the proposed one first, on its own row;
    ``other``: the label of an "another language" button (only when a translator is set up)."""
    ordered = sorted(CURATED, key=lambda lang: lang.code != proposed)
    buttons = [button(lang.native_name, callbacks.LANG, lang.code) for lang in ordered]
    extra = [[button(other, callbacks.LANG, callbacks.LANG_OTHER)]] if other else []
    if proposed in BY_CODE:
        return InlineKeyboardMarkup([buttons[:1], *rows(buttons[1:], 3), *extra])
    return InlineKeyboardMarkup([*rows(buttons, 3), *extra])


def _keyboard(context: LotseContext, lang: str, proposed: str | None) -> InlineKeyboardMarkup:
    other = label(context, lang, "language-other") if context.bot_data.translator else None
    return language_keyboard(proposed, other)


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
    await say(update, context, lang, "\n\n".join(lines), _keyboard(context, lang, proposed))


async def ask_language(update: Update, context: LotseContext) -> None:
    """Offers the twelve languages (the /language command)."""
    lang = language_of(update, context)
    await say(
        update, context, lang, t(context, lang, "language-choose"), _keyboard(context, lang, lang)
    )


async def language_chosen(update: Update, context: LotseContext) -> None:
    """Stores the chosen language and shows the menu in it."""
    data = callbacks.parse(
        update.callback_query.data if update.callback_query else None, callbacks.LANG
    )
    code = data.args[0] if data and len(data.args) == 1 else None
    await answer_query(update)
    if code == callbacks.LANG_OTHER:
        await ask_other_language(update, context)
        return
    if code is not None and code not in BY_CODE and await _offered(context, code):
        await set_other_language(update, context, code)
        return
    if code not in BY_CODE:
        await _say_with_languages(update, context, "language-unknown")
        return
    if context.user_data is not None:
        context.user_data.language = code
        context.user_data.awaiting_language = False
    await send_menu(
        update,
        context,
        code,
        intro=t(context, code, "language-set", language=BY_CODE[code].native_name),
    )


async def _say_with_languages(update: Update, context: LotseContext, key: str) -> None:
    """A sentence and the language buttons again."""
    lang = language_of(update, context)
    await say(update, context, lang, t(context, lang, key), _keyboard(context, lang, None))


async def _offered(context: LotseContext, code: str) -> bool:
    """True when the translator offers ``code`` (False when there is none or it is down)."""
    translator = context.bot_data.translator
    if translator is None:
        return False
    try:
        return code in await translator.languages()
    except TranslationFailed:
        return False


async def ask_other_language(update: Update, context: LotseContext) -> None:
    """Asks for the name or code of a language beyond the twelve."""
    lang = language_of(update, context)
    translator = context.bot_data.translator
    available = False
    if translator is not None:
        try:
            available = bool(await translator.languages())
        except TranslationFailed:
            available = False
    if not available:
        text = t(context, lang, "language-other-unavailable")
        await say(update, context, lang, text, language_keyboard(lang if lang in BY_CODE else None))
        return
    if context.user_data is not None:
        context.user_data.awaiting_language = True
    await say(update, context, lang, t(context, lang, "language-other-ask"))


def search_languages(languages: dict[str, str], query: str) -> list[str]:
    """Codes whose code or English name matches what the user typed (exact first)."""
    wanted = query.strip().casefold()
    if not wanted:
        return []
    exact = [c for c, n in languages.items() if wanted in {c.casefold(), n.casefold()}]
    if exact:
        return exact
    return [
        c for c, n in languages.items() if n.casefold().startswith(wanted) or wanted in n.casefold()
    ][:6]


async def language_typed(update: Update, context: LotseContext, text: str) -> None:
    """Finds the language the user typed after "another language" and switches to it."""
    lang = language_of(update, context)
    translator = context.bot_data.translator
    try:
        languages = await translator.languages() if translator else {}
    except TranslationFailed:
        languages = {}
    if context.user_data is not None:
        context.user_data.awaiting_language = False
    if not languages:
        text_ = t(context, lang, "language-other-unavailable")
        await say(
            update, context, lang, text_, language_keyboard(lang if lang in BY_CODE else None)
        )
        return
    found = [c for c in search_languages(languages, text) if c != "auto"]
    if len(found) == 1:
        await set_other_language(update, context, found[0])
        return
    if not found:
        await _say_with_languages(update, context, "language-other-unknown")
        return
    choices = [
        [button(f"{languages[c]} ({c})", callbacks.LANG, c)]
        for c in found
        if re.fullmatch(r"[a-z_]{2,10}", c)
    ]
    await say(
        update,
        context,
        lang,
        t(context, lang, "language-other-choose"),
        InlineKeyboardMarkup(choices),
    )


async def set_other_language(update: Update, context: LotseContext, code: str) -> None:
    """Switches to a language beyond the twelve: UI and answers machine-translated from then on."""
    if code in BY_CODE:
        if context.user_data is not None:
            context.user_data.language = code
        await send_menu(update, context, code)
        return
    profile = context.user_data
    if profile is not None:
        if profile.language in BY_CODE:
            profile.second_language = profile.language
        profile.language = code
        profile.awaiting_language = False
    localizer = context.bot_data.localizer
    ready = await localizer.ensure_ui(code) if localizer is not None else False
    if not ready:
        fallback = second_language(context)
        note = t(
            context, fallback, "translation-unavailable", language=BY_CODE[fallback].native_name
        )
        await send_menu(update, context, fallback, intro=note)
        return
    name = (
        (await context.bot_data.translator.languages()).get(code, code)
        if context.bot_data.translator
        else code
    )
    intro = (
        t(context, code, "language-set", language=name)
        + "\n\n<i>"
        + t(context, code, "answer-machine-note")
        + "</i>"
    )
    await send_menu(update, context, code, intro=intro)


async def prepare_language(update: Update, context: LotseContext) -> None:
    """Makes sure the UI strings of a language beyond the twelve are ready (never answers)."""
    profile = context.user_data
    localizer = context.bot_data.localizer
    if profile is None or localizer is None or not profile.language or profile.language in BY_CODE:
        return
    await localizer.ensure_ui(profile.language)


def build_prepare_handler() -> BaseHandler[Update, LotseContext, None]:
    """Runs before all other handlers for every update of a user."""
    return TypeHandler(Update, prepare_language)


def build_handlers() -> list[BaseHandler[Update, LotseContext, None]]:
    """/start, /language and the language buttons."""
    return [
        CommandHandler("start", start, filters=PRIVATE),
        CommandHandler("language", ask_language, filters=PRIVATE),
        CallbackQueryHandler(language_chosen, pattern=callbacks.pattern(callbacks.LANG)),
    ]
