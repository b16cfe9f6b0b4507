"""Handing a conversation to counsellors, the newcomer's side: through the Application, real
Redis, and the loopback translator (it "translates" by tagging: ``[de] …``)."""

from __future__ import annotations

from datetime import datetime

import pytest
from redis.asyncio import Redis

from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.handoff_helpers import (
    GROUP,
    NEWCOMER,
    TUESDAY_10,
    Team,
    newcomer,
    open_case,
    staff,
    to_chat,
    ui,
)
from tests.helpers import Clock, all_text, answered_queries, data_of, messages


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
