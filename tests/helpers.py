"""Assertions on what the bot sent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.channels.local import LocalChat
from bot.channels.local_api import ApiCall
from bot.i18n import RLM
from bot.render import to_plain

#: Words that stay German in every language: if the source names one, every translation must.
KEPT_TERMS = (
    "Friedensplatz 7",
    "MigraDO",
    "Ausländerbehörde",
    "Jobcenter",
    "Bürgerdienste",
    "MBE",
    "JMD",
    "112",
    "116117",
    "Westerfilder Straße 11a",
    "Brackeler Hellweg",
)

#: "Within two weeks", as each curated translation of the registration answer says it.
TWO_WEEKS = {
    "de": "zwei Wochen",
    "en": "two weeks",
    "ar": "أسبوعين",
    "fa": "دو هفته",
    "tr": "iki hafta",
    "uk": "двох тижнів",
    "ru": "двух недель",
    "ro": "două săptămâni",
    "bg": "две седмици",
    "pl": "dwóch tygodni",
    "ku": "du hefte",
    "fr": "deux semaines",
}


def messages(calls: list[ApiCall]) -> list[ApiCall]:
    """Only the messages (sent or edited)."""
    return [c for c in calls if c.method in {"sendMessage", "editMessageText"}]


def plain(call: ApiCall) -> str:
    """What the reader sees, without tags and direction marks."""
    return to_plain(call.text).replace(RLM, "").replace("\u2068", "").replace("\u2069", "")


def all_text(calls: list[ApiCall]) -> str:
    """Everything the bot wrote in these calls."""
    return "\n".join(plain(c) for c in messages(calls))


def buttons(calls: list[ApiCall]) -> list[tuple[str, str]]:
    """The inline buttons of the last message that had any."""
    for call in reversed(messages(calls)):
        if call.buttons:
            return call.buttons
    return []


def data_of(calls: list[ApiCall], prefix: str) -> list[str]:
    """Callback data of the last keyboard's buttons starting with ``prefix``."""
    return [d for _, d in buttons(calls) if d.startswith(prefix)]


def answered_queries(calls: list[ApiCall]) -> int:
    """How many callback queries were answered."""
    return sum(1 for c in calls if c.method == "answerCallbackQuery")


BERLIN = ZoneInfo("Europe/Berlin")


class Clock:
    """A clock the test moves by hand (local times are Dortmund's)."""

    def __init__(self, local: datetime) -> None:
        self.now = local.replace(tzinfo=BERLIN).astimezone(UTC)

    def __call__(self) -> datetime:
        return self.now

    def set_local(self, local: datetime) -> None:
        self.now = local.replace(tzinfo=BERLIN).astimezone(UTC)

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def catalogue_text(chat: LocalChat, lang: str, key: str, **args: object) -> str:
    """A UI string as the reader sees it (without direction marks)."""
    return (
        chat.app.bot_data.catalogues.t(lang, key, **args)
        .replace(RLM, "")
        .replace("\u2068", "")
        .replace("\u2069", "")
    )


async def choose_language(chat: LocalChat, lang: str) -> None:
    """/start, then the language button; checks the menu came in that language."""
    calls = await chat.send("/start")
    lang_buttons = data_of(calls, "lang:v1:")
    assert len(lang_buttons) == 12
    calls = await chat.press_data(f"lang:v1:{lang}")
    assert catalogue_text(chat, lang, "menu-title") in all_text(calls)


def all_buttons(calls: list[ApiCall]) -> list[tuple[str, str]]:
    """Every inline button the bot sent in these calls (an answer and the messages after it)."""
    return [b for call in messages(calls) for b in call.buttons]


def toasts(calls: list[ApiCall]) -> list[str]:
    """The texts of answered button taps (the short notes a phone shows on top)."""
    return [c.text for c in calls if c.method == "answerCallbackQuery" and c.text]
