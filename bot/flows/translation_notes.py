"""What the counsellors read when a message could not be machine-translated, and why.

Two different reasons deserve two different sentences: the translation service failed just
now (try again, it may work next time), or no engine serves the language at all (it never
will: read the original or get an interpreter). The decision is ``no_engine_for``.
"""

from __future__ import annotations

from bot.context import LotseContext
from bot.i18n import language_name
from bot.services.coverage import no_engine_for


def german_language(code: str) -> str:
    """The language's German name with its code: "Kurdisch (ku)"."""
    return f"{language_name(code, 'de')} ({code})"


async def untranslated_note(context: LotseContext, source: str, target: str) -> str:
    """The note beneath a newcomer's message that arrives untranslated (``source`` → German)."""
    catalogues = context.bot_data.catalogues
    if await no_engine_for(context.bot_data.translator, source, target):
        return catalogues.staff_t("staff-relay-no-engine", language=german_language(source))
    return catalogues.staff_t("staff-relay-untranslated")


async def sent_untranslated_note(context: LotseContext, source: str, target: str) -> str:
    """The confirmation of a counsellor's reply that went out in German (German → ``target``)."""
    catalogues = context.bot_data.catalogues
    if await no_engine_for(context.bot_data.translator, source, target):
        return catalogues.staff_t("staff-sent-no-engine", language=german_language(target))
    return catalogues.staff_t("staff-sent-untranslated")
