"""A time budget per update: a newcomer's first reply comes within REPLY_BUDGET_SECONDS (3 s)
whatever the NLU or the translator do — "typing…" first, then the answer or a degraded one with
a sentence why. Loopback stand-ins for Rasa and LibreTranslate are made slow, to hang, or down.

These are bounds, not speed targets: the dependency hangs for far longer than the budget, and
the reply must not wait for it. The figures are measured by ``make bench-budget``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

import pytest

from bot.channels.local import LocalChat
from bot.channels.local_api import ApiCall
from bot.local_redis import free_port
from tests.conftest import AppFactory
from tests.fake_libretranslate import FakeLibreTranslate
from tests.fake_rasa import FakeRasa
from tests.handoff_helpers import GROUP, NEWCOMER, TUESDAY_10, Team, newcomer, open_case, to_chat
from tests.helpers import Clock, all_text, catalogue_text

BUDGET = 3.0
QUESTION = "Wo kann ich mich in Dortmund anmelden, bitte?"


async def timed(
    chat: LocalChat, action: Awaitable[list[ApiCall]], chat_id: int
) -> tuple[float, list[ApiCall]]:
    """Seconds until the first message to ``chat_id``, and every call the action made."""
    loop = asyncio.get_running_loop()
    stamps: list[tuple[float, ApiCall]] = []

    def stamp(call: ApiCall) -> None:
        stamps.append((loop.time(), call))

    chat.api.listeners.append(stamp)
    started = loop.time()
    try:
        calls = await action
    finally:
        chat.api.listeners.remove(stamp)
    sent = [
        t
        for t, c in stamps
        if c.method == "sendMessage" and int(c.params.get("chat_id", 0)) == chat_id
    ]
    assert sent, f"nothing was sent to {chat_id}"
    return sent[0] - started, calls


@pytest.mark.parametrize("delay", [5.0, 60.0])
async def test_a_slow_or_hanging_nlu_costs_the_newcomer_at_most_the_budget(
    make_chat: AppFactory, delay: float
) -> None:
    with FakeRasa() as rasa:
        rasa.delay_seconds = delay
        chat = await make_chat(language_code="de", rasa_url=rasa.url, reply_budget_seconds=BUDGET)
        elapsed, calls = await timed(chat, chat.send(QUESTION), 4242)
        assert elapsed < BUDGET
        # "typing…" while waiting, then the menu with a sentence why.
        assert [c.method for c in calls][:2] == ["sendChatAction", "sendMessage"]
        assert catalogue_text(chat, "de", "nlu-unavailable") in all_text(calls)
        rasa.delay_seconds = 0.0


async def test_a_dead_nlu_answers_at_once_and_a_quick_one_needs_no_typing(
    make_chat: AppFactory,
) -> None:
    chat = await make_chat(
        language_code="en", rasa_url=f"http://127.0.0.1:{free_port()}", reply_budget_seconds=BUDGET
    )
    elapsed, calls = await timed(chat, chat.send("Where do I register my address?"), 4242)
    assert elapsed < BUDGET
    assert catalogue_text(chat, "en", "nlu-unavailable") in all_text(calls)
    with FakeRasa() as rasa:
        quick = await make_chat(
            language_code="en", rasa_url=rasa.url, user_id=5, reply_budget_seconds=BUDGET
        )
        calls = await quick.send("Hello there, good morning")
        assert "sendChatAction" not in [c.method for c in calls]
        assert catalogue_text(quick, "en", "nlu-greet") in all_text(calls)


async def test_a_hanging_translator_gives_the_answer_in_the_second_language_in_time(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    chat = await make_chat(
        language_code="en", libretranslate_url=libre.url, reply_budget_seconds=BUDGET
    )
    await chat.send("/start")
    await chat.press_data("lang:v1:en")
    await chat.press_data("lang:v1:other")
    await chat.send("Tigrinya")
    localizer = chat.app.bot_data.localizer
    assert localizer is not None and await localizer.ensure_ui("ti")
    calls = await chat.press_data("menu:v1:show")
    assert "[ti]" in all_text(calls)  # the menu, machine-translated
    libre.hang_seconds = 6
    elapsed, calls = await timed(chat, chat.press_data("topic:v1:health"), 4242)
    assert elapsed < BUDGET
    text = all_text(calls)
    english = chat.app.bot_data.content.current.text("health", "en")
    assert english is not None and english.title in text  # the answer in English ...
    note = catalogue_text(chat, "ti", "translation-unavailable", language="English")
    assert note in text  # ... with a sentence why (in the reader's machine-made UI)


async def test_a_hanging_translator_does_not_hold_up_a_case(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    chat = await newcomer(make_chat, "fa", Clock(TUESDAY_10), libre, reply_budget_seconds=BUDGET)
    team = Team(chat)
    thread = await open_case(chat, "اجاره")
    libre.hang_seconds = 6
    elapsed, calls = await timed(chat, chat.send("سلام، کمک می‌خواهم"), GROUP)
    assert elapsed < BUDGET
    assert "سلام، کمک می‌خواهم" in all_text(to_chat(calls, GROUP))  # the original, with a note
    elapsed, calls = await timed(chat, team.say("Guten Tag, wir helfen.", thread), NEWCOMER)
    assert elapsed < BUDGET
    assert "Guten Tag, wir helfen." in all_text(to_chat(calls, NEWCOMER))


async def test_a_new_language_whose_menus_take_long_is_told_to_wait_then_gets_them(
    make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    chat = await make_chat(
        language_code="en", libretranslate_url=libre.url, reply_budget_seconds=BUDGET
    )
    await chat.send("/start")
    await chat.press_data("lang:v1:en")
    await chat.press_data("lang:v1:other")
    libre.hang_seconds = 0.1  # each of ~145 UI strings: longer than the budget in all
    menu = asyncio.Event()
    chat.api.listeners.append(lambda call: menu.set() if "[ti]" in call.text else None)
    elapsed, calls = await timed(chat, chat.send("Tigrinya"), 4242)
    assert elapsed < BUDGET
    assert catalogue_text(chat, "en", "language-preparing", language="Tigrinya") in all_text(calls)
    assert "[ti]" not in all_text(calls)
    await asyncio.wait_for(menu.wait(), timeout=60)  # the menu in Tigrinya, once it is ready
    assert chat.app.user_data[4242].language == "ti"
