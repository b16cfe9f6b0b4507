"""Handing a conversation to counsellors: both sides through the Application, real Redis, and
the loopback translator (it "translates" by tagging: ``[de] …``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from redis.asyncio import Redis

from bot.channels.local import LocalChat
from bot.channels.local_api import ApiCall
from bot.channels.updates import UpdateFactory
from bot.flows.handoff import run_maintenance
from bot.i18n import RLM
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.helpers import Clock, all_text, answered_queries, data_of, messages

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


@pytest.fixture
def clock() -> Clock:
    return Clock(TUESDAY_10)


async def test_farsi_and_german_hold_a_conversation_with_originals_beside(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "fa", clock, libre)
    team = Team(chat)
    await chat.press_data("topic:v1:housing")  # a question to the bot before
    calls = await chat.press_data("handoff:v1:start")
    assert ui(chat, "fa", "handoff-consent", days=30) in all_text(calls)
    assert data_of(calls, "handoff:v1:") == ["handoff:v1:yes", "handoff:v1:no"]
    calls = await chat.press_data("handoff:v1:yes")
    assert ui(chat, "fa", "handoff-ask-subject") in all_text(calls)
    calls = await chat.send("سوال درباره خانه دارم")
    [topic] = [c for c in calls if c.method == "createForumTopic"]
    assert int(topic.params["chat_id"]) == GROUP
    assert topic.params["name"].startswith("#1 · fa · [de] سوال")
    thread = int(topic.result["message_thread_id"])
    summary = all_text(to_chat(calls, GROUP))
    assert "Neuer Fall #1" in summary and "Persisch (fa)" in summary
    assert "Erkanntes Thema: Wohnung" in summary  # the housing topic's German title
    assert "[de] سوال درباره خانه دارم" in summary  # the translation …
    assert "Original: سوال درباره خانه دارم" in summary  # … and the original
    assert all(
        int(c.params["message_thread_id"]) == thread for c in messages(to_chat(calls, GROUP))
    )
    told = all_text(to_chat(calls, NEWCOMER))
    assert ui(chat, "fa", "handoff-opened", case=1) in told
    assert ui(chat, "fa", "handoff-expect-now") in told

    # The newcomer writes in Farsi: the topic gets German with the original beneath.
    calls = await chat.send("سلام، به کمک نیاز دارم")
    relayed = all_text(to_chat(calls, GROUP))
    assert "🗣 [de] سلام، به کمک نیاز دارم" in relayed
    assert "Original (fa): سلام، به کمک نیاز دارم" in relayed
    assert not to_chat(calls, NEWCOMER)  # no bot answer to a message meant for a person

    # The counsellor answers in German: the newcomer reads Farsi with the German beneath.
    calls = await team.say("Guten Tag, wie kann ich helfen?", thread)
    delivered = all_text(to_chat(calls, NEWCOMER))
    assert "[fa] Guten Tag, wie kann ich helfen?" in delivered
    assert ui(chat, "fa", "handoff-original") in delivered
    assert "\nGuten Tag, wie kann ich helfen?" in delivered
    confirmation = all_text(to_chat(calls, GROUP))
    assert "Gesendet auf Persisch (fa): [fa] Guten Tag, wie kann ich helfen?" in confirmation
    assert "Jana" in confirmation  # the first answer claims the case

    # An internal note never reaches the newcomer.
    calls = await team.say("/note Rückruf morgen, Mietvertrag prüfen", thread)
    assert staff(chat, "staff-note-saved") in all_text(calls)
    assert not to_chat(calls, NEWCOMER)

    # Photos and documents pass through unchanged, both ways.
    calls = await chat.send_media("photo")
    [copy] = [c for c in calls if c.method == "copyMessage"]
    assert int(copy.params["chat_id"]) == GROUP and int(copy.params["message_thread_id"]) == thread
    calls = await team.say("", thread, document={"file_id": "d", "file_unique_id": "d"})
    [copy] = [c for c in calls if c.method == "copyMessage"]
    assert int(copy.params["chat_id"]) == NEWCOMER

    calls = await team.say("/cases", None)
    assert "#1 · fa" in all_text(calls) and "Jana" in all_text(calls)

    calls = await team.say("/close erledigt", thread)
    assert ui(chat, "fa", "handoff-closed", case=1) in all_text(to_chat(calls, NEWCOMER))
    assert any(c.method == "closeForumTopic" for c in calls)
    calls = await chat.send("سلام")  # after the case: the bot answers again
    assert not to_chat(calls, GROUP)

    service = chat.app.bot_data.handoff
    assert service is not None
    kinds = [e.kind for e in await service.transcript(1)]
    assert kinds.count("in") >= 3 and "out" in kinds and "note" in kinds
    # Personal messages never enter the translation memory.
    for key in [k async for k in redis.scan_iter(match="lotse:tm:*")]:
        value = (await redis.get(key) or b"").decode()
        assert "سلام" not in value and "Guten Tag" not in value


async def test_claims_and_who_may_act(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "uk", clock, libre)
    team = Team(chat)
    thread = await open_case(chat, None)
    calls = await team.say("/claim", thread)
    assert staff(chat, "staff-claimed", case=1, counsellor="Jana") in all_text(calls)
    assert ui(chat, "uk", "handoff-claimed") in all_text(to_chat(calls, NEWCOMER))
    calls = await team.say("/claim", thread, who=COLLEAGUE)
    assert staff(chat, "staff-already-claimed", case=1, counsellor="Jana") in all_text(calls)
    calls = await team.say("/release", thread)
    assert staff(chat, "staff-released", case=1) in all_text(calls)
    calls = await team.say("/claim", thread, who=COLLEAGUE)
    assert "Murat" in all_text(calls)
    calls = await team.say("/claim", None)  # General, not a case
    assert staff(chat, "staff-not-a-case") in all_text(calls)
    calls = await team.private("/claim", COUNSELLOR)  # a member, but not in the group
    assert staff(chat, "staff-use-group") in all_text(calls)
    for command in ("/claim", "/close", "/note hallo", "/cases", "/release"):
        calls = await team.private(command, OUTSIDER)
        assert ui(chat, "de", "staff-only") in all_text(calls)
    # The newcomer trying counsellor commands is refused in Ukrainian, nothing changes.
    calls = await chat.send("/close")
    assert ui(chat, "uk", "staff-only") in all_text(calls)
    service = chat.app.bot_data.handoff
    assert service is not None
    assert (await service.get(1)).open  # type: ignore[union-attr]
    # The newcomer ends it themselves.
    calls = await chat.send("/end")
    assert ui(chat, "uk", "handoff-ended-by-you") in all_text(calls)
    assert staff(chat, "staff-ended-by-newcomer", case=1) in all_text(to_chat(calls, GROUP))
    calls = await team.say("Hallo?", thread)
    assert staff(chat, "staff-case-closed-already", case=1) in all_text(calls)
    assert not to_chat(calls, NEWCOMER)


async def test_outside_office_hours_the_newcomer_knows_when_and_may_book(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    clock = Clock(datetime(2026, 12, 5, 11, 0))  # Saturday
    chat = await newcomer(make_chat, "ar", clock, libre)
    await chat.press_data("handoff:v1:start")
    await chat.press_data("handoff:v1:yes")
    calls = await chat.press_data("handoff:v1:skip")
    told = all_text(to_chat(calls, NEWCOMER))
    assert "٩:٠٠" in told or "9:00" in told  # Monday at nine
    assert ui(chat, "ar", "handoff-expect-later", when="X").split("X")[0] in told
    assert "book:v1:start" in data_of(calls, "book:v1:")
    assert staff(chat, "staff-case-out-of-hours") in all_text(to_chat(calls, GROUP))


async def test_a_case_survives_a_restart(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    first = await newcomer(make_chat, "tr", clock, libre)
    thread = await open_case(first, "Kira sözleşmesi")
    await first.app.stop()
    await first.app.shutdown()

    second = await make_chat(
        language_code="tr", counsellor_chat_id=GROUP, libretranslate_url=libre.url
    )
    team = Team(second)
    calls = await second.send("Merhaba, hâlâ buradayım")
    assert "[de] Merhaba, hâlâ buradayım" in all_text(to_chat(calls, GROUP))
    calls = await team.say("Wir sind da.", thread)
    assert "[tr] Wir sind da." in all_text(to_chat(calls, NEWCOMER))


async def test_emergency_words_give_numbers_at_once_and_put_the_case_on_top(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    other = await newcomer(make_chat, "de", clock, libre, user_id=5)
    await open_case(other, "Frage zum Kindergeld")
    clock.advance(minutes=5)
    chat = await newcomer(make_chat, "en", clock, libre)
    chat.app.bot_data.handoff = other.app.bot_data.handoff  # one team, one queue
    chat.api.members = other.api.members
    thread = await open_case(chat, "question about housing")
    calls = await chat.send("I can't go on, I want to kill myself")
    told = all_text(to_chat(calls, NEWCOMER))
    assert "112" in told and "110" in told and "0800 111 0 111" in told
    assert ui(chat, "en", "handoff-emergency-urgent") in told
    assert staff(chat, "staff-case-urgent") in all_text(to_chat(calls, GROUP))
    assert all(
        int(c.params["message_thread_id"]) == thread for c in messages(to_chat(calls, GROUP))
    )
    service = chat.app.bot_data.handoff
    assert service is not None
    assert [c.number for c in await service.open_cases()] == [2, 1]  # urgent first


async def test_emergency_without_a_case_offers_a_person_and_opens_it_urgent(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "ru", clock, libre)
    calls = await chat.send("муж меня бьёт, я боюсь")
    text = all_text(calls)
    assert "112" in text and "110" in text
    assert "handoff:v1:start" in data_of(calls, "handoff:v1:")
    before = len(chat.api.calls)
    await open_case(chat, None)
    summary = all_text(to_chat(chat.api.calls[before:], GROUP))
    assert staff(chat, "staff-case-urgent") in summary
    assert staff(chat, "staff-emergency-words") in summary
    service = chat.app.bot_data.handoff
    assert service is not None
    case = await service.get(1)
    assert case is not None and case.urgent


async def test_harmless_questions_raise_no_alarm(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "de", clock, libre)
    for question in ("Wo melde ich mich an?", "Ich brauche einen Kita-Platz", "Termin absagen"):
        calls = await chat.send(question)
        assert "112" not in all_text(calls)


async def test_waiting_cases_are_announced_again(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "pl", clock, libre)
    await open_case(chat, "Pytanie o pracę")
    clock.advance(minutes=31)
    chat.api.clear()
    assert await run_maintenance(chat.app) == (1, 0)
    [notice] = messages(chat.api.calls)
    assert int(notice.params["chat_id"]) == GROUP
    assert "Fall #1 (pl) wartet seit 31 Min." in notice.text
    assert await run_maintenance(chat.app) == (0, 0)  # not again at once


async def test_closed_cases_are_deleted_after_the_retention_period(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "bg", clock, libre, handoff_retention_days=7)
    team = Team(chat)
    thread = await open_case(chat, "Въпрос")
    await chat.send("Здравейте")
    await team.say("/close", thread)
    clock.advance(days=6)
    assert await run_maintenance(chat.app) == (0, 0)
    clock.advance(days=1, minutes=1)
    chat.api.clear()
    assert await run_maintenance(chat.app) == (0, 1)
    [deleted] = [c for c in chat.api.calls if c.method == "deleteForumTopic"]
    assert int(deleted.params["message_thread_id"]) == thread
    assert not [k async for k in redis.scan_iter(match="lotse:ho:case:*")]
    assert not await redis.exists(f"lotse:ho:thread:{thread}")


async def test_delete_my_data_removes_cases_topics_and_bookings(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate, redis: Redis
) -> None:
    chat = await newcomer(make_chat, "ro", clock, libre)
    thread = await open_case(chat, "Întrebare")
    await chat.send("Bună ziua, numele meu este Ioana")
    await chat.send("/delete_my_data")
    calls = await chat.press_data("privacy:v1:confirm")
    assert ui(chat, "ro", "privacy-deleted") in all_text(calls)
    assert staff(chat, "staff-deleted-by-user", case=1) in all_text(to_chat(calls, GROUP))
    [deleted] = [c for c in calls if c.method == "deleteForumTopic"]
    assert int(deleted.params["message_thread_id"]) == thread
    for key in [k async for k in redis.scan_iter(match="lotse:ho:*")]:
        assert key in {b"lotse:ho:seq"}, key
    calls = await chat.send("Bună")  # no case any more: the bot answers
    assert not to_chat(calls, GROUP)


async def test_without_a_translator_both_sides_see_the_original_and_why(
    make_chat: AppFactory, clock: Clock
) -> None:
    chat = await newcomer(make_chat, "fr", clock, None)
    team = Team(chat)
    thread = await open_case(chat, "Question sur la Kita")
    calls = await chat.send("Bonjour, j'ai une question")
    relayed = all_text(to_chat(calls, GROUP))
    assert "Original (fr): Bonjour, j'ai une question" in relayed
    # No translator at all: the counsellors read that none is set up for French, not that a
    # service failed.
    language = "Französisch (fr)"
    assert staff(chat, "staff-relay-no-engine", language=language) in relayed
    calls = await team.say("Guten Tag!", thread)
    delivered = all_text(to_chat(calls, NEWCOMER))
    assert ui(chat, "fr", "handoff-not-translated") in delivered and "Guten Tag!" in delivered
    confirmation = staff(chat, "staff-sent-no-engine", language=language)
    assert confirmation in all_text(to_chat(calls, GROUP))


async def test_long_messages_and_stickers_in_a_case(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "en", clock, libre)
    await open_case(chat, None)
    long = ("My landlord wrote a long letter. " * 160)[:5000]
    calls = await chat.send(long)
    parts = messages(to_chat(calls, GROUP))
    assert len(parts) >= 2 and all(len(c.text) <= 4096 for c in parts)
    assert "".join(c.text for c in parts).count("landlord") >= 2 * 150  # translation + original
    calls = await chat.send_media("sticker")
    assert ui(chat, "en", "handoff-media-not-sent") in all_text(to_chat(calls, NEWCOMER))
    assert not to_chat(calls, GROUP)


async def test_consent_declined_shares_nothing_and_stale_buttons(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "ku", clock, libre)
    await chat.press_data("handoff:v1:start")
    calls = await chat.press_data("handoff:v1:no")
    assert ui(chat, "ku", "handoff-declined") in all_text(calls)
    assert not [c for c in calls if c.method == "createForumTopic"]
    calls = await chat.press_data("handoff:v1:steal_case_7")
    assert answered_queries(calls) == 1
    assert ui(chat, "ku", "fallback-stale-button") in all_text(calls)
    calls = await chat.send("/end")
    assert ui(chat, "ku", "handoff-no-case") in all_text(calls)
    # A sticker instead of a description: asked again, nothing opened.
    await chat.press_data("handoff:v1:start")
    await chat.press_data("handoff:v1:yes")
    calls = await chat.send_media("sticker")
    assert ui(chat, "ku", "handoff-ask-subject") in all_text(calls)
    assert not [c for c in calls if c.method == "createForumTopic"]


async def test_typed_request_for_a_person_and_the_booking_name_during_a_case(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    from bot.services.nlu import NluResult

    class FakeNlu:
        async def parse(self, text: str) -> NluResult:
            return NluResult(text, "human_handoff", 0.95, (("human_handoff", 0.95),), ())

        async def aclose(self) -> None:
            return None

    chat = await newcomer(make_chat, "en", clock, libre)
    chat.app.bot_data.nlu = FakeNlu()  # type: ignore[assignment]
    calls = await chat.send("I want to talk to a human")
    assert data_of(calls, "handoff:v1:") == ["handoff:v1:yes", "handoff:v1:no"]
    await chat.press_data("handoff:v1:yes")
    await chat.press_data("handoff:v1:skip")
    # Booking while the case is open: the typed name goes to the booking, not the counsellor.
    slot = "202612030830"  # Thursday 09:30 in Dortmund, jobcenter
    await chat.press_data(f"book:v1:time:jobcenter_check:{slot}")
    await chat.press_data("book:v1:int:none")
    calls = await chat.send("Amal Haddad")
    assert not to_chat(calls, GROUP)
    assert "book:v1:nophone" in data_of(calls, "book:v1:")
    await chat.press_data("book:v1:nophone")
    calls = await chat.send("Is my appointment fine?")
    assert to_chat(calls, GROUP)  # the booking's typed steps are done: back to the counsellor


async def test_without_a_counsellor_group_the_bot_says_where_people_are(
    make_chat: AppFactory,
) -> None:
    chat = await make_chat(language_code="en")
    calls = await chat.press_data("handoff:v1:start")
    assert "Friedensplatz 7" in all_text(calls)
    assert ui(chat, "en", "handoff-unavailable", name="X", address="Y").split("X")[0] in all_text(
        calls
    )


def test_chunks_split_at_words() -> None:
    from bot.flows.handoff import chunks

    text = "wort " * 2000
    parts = chunks(text, 1000)
    assert all(len(p) <= 1000 for p in parts)
    assert " ".join(p.strip() for p in parts).split() == text.split()
    assert chunks("kurz") == ["kurz"]


def test_emergency_words_rarely_fire_on_ordinary_questions() -> None:
    """The held-out NLU questions (2,769 everyday questions in twelve languages): at most a few
    false alarms, and only where a health emergency is plausible."""
    import re
    from pathlib import Path

    import yaml

    from bot import PROJECT_ROOT
    from bot.services.emergency import load_emergency

    words = load_emergency(PROJECT_ROOT / "content")
    total, alarms = 0, []
    for path in sorted(Path(PROJECT_ROOT / "nlu" / "tests").glob("*.yml")):
        for item in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            for line in str(item.get("examples", "")).splitlines():
                if not line.strip().startswith("- "):
                    continue
                text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", line.strip()[2:])
                total += 1
                if words.suggests_emergency(text, [path.stem]):
                    alarms.append((item["intent"], text))
    assert total > 2000
    assert len(alarms) <= total * 0.002, alarms
    assert {intent for intent, _ in alarms} <= {"health"}, alarms


async def test_a_double_tap_opens_one_case(
    make_chat: AppFactory, clock: Clock, libre: FakeLibreTranslate
) -> None:
    import asyncio

    chat = await newcomer(make_chat, "de", clock, libre)
    await chat.press_data("handoff:v1:start")
    await chat.press_data("handoff:v1:yes")
    before = len(chat.api.calls)
    await asyncio.gather(chat.press_data("handoff:v1:skip"), chat.press_data("handoff:v1:skip"))
    calls = chat.api.calls[before:]
    created = [c for c in calls if c.method == "createForumTopic"]
    deleted = [c for c in calls if c.method == "deleteForumTopic"]
    assert len(created) - len(deleted) == 1
    service = chat.app.bot_data.handoff
    assert service is not None
    assert len(await service.open_cases()) == 1
    assert ui(chat, "de", "handoff-already-open", case=1) in all_text(calls)
