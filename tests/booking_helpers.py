"""Helpers for the booking tests: a booking chat, one booking through it, slot ids."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from bot.channels.local import LocalChat
from bot.i18n import RLM
from tests.conftest import AppFactory
from tests.helpers import BERLIN, Clock, data_of

GROUP = -1001234567


COUNSELLOR = 77


TUESDAY_MORNING = datetime(2026, 12, 1, 7, 0)


THURSDAY = date(2026, 12, 3)


def ui(chat: LocalChat, lang: str, key: str, **args: object) -> str:
    text = chat.app.bot_data.catalogues.t(lang, key, **args)
    return text.replace(RLM, "").replace("\u2068", "").replace("\u2069", "")


def prefix(chat: LocalChat, lang: str, key: str) -> str:
    """The words of a string before its first placeholder."""
    marker = "\x00"
    names = ("code", "day", "count", "days", "time", "minutes", "address", "name", "case", "when")
    args = {n: marker for n in names}
    return ui(chat, lang, key, **args).split(marker)[0].strip()


def slot_id(day: date, hh: int, mm: int) -> str:
    local = datetime.combine(day, time(hh, mm), BERLIN)
    return local.astimezone(UTC).strftime("%Y%m%d%H%M")


async def booking_chat(
    make_chat: AppFactory, lang: str, clock: Clock, *, user_id: int = 4242, **kw: object
) -> LocalChat:
    chat = await make_chat(language_code=lang, user_id=user_id, counsellor_chat_id=GROUP, **kw)
    service = chat.app.bot_data.booking
    assert service is not None
    service.clock = clock
    await chat.send("/start")
    await chat.press_data(f"lang:v1:{lang}")
    return chat


async def book_through_chat(
    chat: LocalChat,
    service_id: str,
    slot: str,
    *,
    name: str = "Amal Haddad",
    phone: str | None = None,
    interpreter: str = "ar",
) -> list:
    day = slot[:8]
    await chat.press_data("book:v1:start")
    await chat.press_data(f"book:v1:svc:{service_id}")
    calls = await chat.press_data(f"book:v1:day:{service_id}:{day}")
    assert f"book:v1:time:{service_id}:{slot}" in data_of(calls, "book:v1:time:")
    await chat.press_data(f"book:v1:time:{service_id}:{slot}")
    await chat.press_data(f"book:v1:int:{interpreter}")
    await chat.send(name)
    if phone is None:
        await chat.press_data("book:v1:nophone")
    else:
        await chat.send(phone)
    return await chat.press_data("book:v1:confirm")
