"""Helpers for the handoff tests: a newcomer's chat, a case, the counsellors' team."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.channels.local import LocalChat
from bot.channels.local_api import ApiCall
from bot.channels.updates import UpdateFactory
from bot.i18n import RLM
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.helpers import Clock

GROUP = -1009876543


COUNSELLOR = 77


COLLEAGUE = 78


OUTSIDER = 99


NEWCOMER = 4242


GROUP_CHAT = {"id": GROUP, "type": "supergroup", "title": "Beratung", "is_forum": True}


TUESDAY_10 = datetime(2026, 12, 1, 10, 0)  # within counselling hours


def ui(chat: LocalChat, lang: str, key: str, **args: object) -> str:
    text = chat.app.bot_data.catalogues.t(lang, key, **args)
    return text.replace(RLM, "").replace("\u2068", "").replace("\u2069", "")


def staff(chat: LocalChat, key: str, **args: object) -> str:
    return chat.app.bot_data.catalogues.staff_t(key, **args)


def to_chat(calls: list[ApiCall], chat_id: int) -> list[ApiCall]:
    return [c for c in calls if int(c.params.get("chat_id", 0)) == chat_id]


class Team:
    """Counsellors writing in the group: in a case's topic, in General, or privately."""

    def __init__(self, chat: LocalChat) -> None:
        self.chat = chat
        self.people = {
            uid: UpdateFactory(user_id=uid, first_name=name, language_code="de")
            for uid, name in ((COUNSELLOR, "Jana"), (COLLEAGUE, "Murat"), (OUTSIDER, "Eve"))
        }
        chat.api.members[GROUP] = {COUNSELLOR: "member", COLLEAGUE: "administrator"}

    async def say(
        self, text: str, thread: int | None, who: int = COUNSELLOR, **content: Any
    ) -> list[ApiCall]:
        before = len(self.chat.api.calls)
        payload = {"text": text} if text else content
        update = self.people[who].in_topic(self.chat.app.bot, GROUP_CHAT, thread, **payload)
        await self.chat.app.process_update(update)
        return self.chat.api.calls[before:]

    async def private(self, text: str, who: int) -> list[ApiCall]:
        before = len(self.chat.api.calls)
        factory = self.people[who]
        await self.chat.app.process_update(factory.text(self.chat.app.bot, text))
        return self.chat.api.calls[before:]


async def newcomer(
    make_chat: AppFactory,
    lang: str,
    clock: Clock,
    libre: FakeLibreTranslate | None,
    *,
    user_id: int = NEWCOMER,
    **overrides: object,
) -> LocalChat:
    settings: dict[str, object] = {"counsellor_chat_id": GROUP, **overrides}
    if libre is not None:
        settings["libretranslate_url"] = libre.url
    chat = await make_chat(language_code=lang, user_id=user_id, **settings)
    service = chat.app.bot_data.handoff
    assert service is not None
    service.clock = clock
    assert chat.app.bot_data.booking is not None
    chat.app.bot_data.booking.clock = clock
    await chat.send("/start")
    await chat.press_data(f"lang:v1:{lang}")
    return chat


async def open_case(chat: LocalChat, subject: str | None) -> int:
    await chat.press_data("handoff:v1:start")
    await chat.press_data("handoff:v1:yes")
    calls = await (chat.send(subject) if subject else chat.press_data("handoff:v1:skip"))
    [topic] = [c for c in calls if c.method == "createForumTopic"]
    return int(topic.result["message_thread_id"])
