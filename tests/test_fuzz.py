"""Property-based: any update Telegram could send, through the real Application.

Messages of every kind (text of any characters and length, commands with any arguments, media,
locations, contacts), edited messages, channel posts, button taps with callback data of any
bytes and length (forged ones that look like ours too), messages in the counsellors' group from
strangers, chat member updates. Each comes from a person the bot has never seen. Whatever it
is: the error handler is never reached, nothing is sent to any chat but the sender's own, and
nothing is stored about the person beyond what a first contact stores, each with an expiry.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis.asyncio import Redis
from telegram import Update

from bot.channels.local import LocalChat
from tests.conftest import AppFactory
from tests.fake_rasa import FakeRasa

pytestmark = pytest.mark.slow

GROUP = -1009876543
GROUP_CHAT = {"id": GROUP, "type": "supergroup", "title": "Beratung", "is_forum": True}
COMMANDS = (
    "start", "menu", "mybookings", "end", "language", "privacy", "help", "delete_my_data",
    "claim", "release", "close", "note", "cases", "today", "day", "close_day", "reopen_day",
    "unknown", "start@lotse_local_bot",
)  # fmt: skip
OUR_PREFIXES = (
    "lang:v1:", "menu:v1:", "topic:v1:", "district:v1:", "handoff:v1:", "privacy:v1:",
    "book:v1:", "book:v1:svc:", "book:v1:day:", "book:v1:time:", "book:v1:int:",
    "book:v1:cancel:", "book:v1:cancelok:", "book:v1:keep:", "book:v1:move:", "book:v1:mday:",
    "book:v1:mtime:", "book:v1:rebook:", "book:v2:", "topic:v1:registration:", "lang:v0:",
    "faq:v1:", "faq:v1:registration:", "fb:v1:up:", "fb:v1:down:t:", "fb:v1:down:q:",
)  # fmt: skip
WORDS = (
    "start", "yes", "no", "skip", "end", "show", "ask", "confirm", "cancel", "other", "ar",
    "registration", "eu", "kita", "mengede", "jobcenter_check", "none", "abort", "nophone",
    "20261203", "202612030830", "zzzzzz", "list",
)  # fmt: skip
MEDIA = {
    "sticker": {
        "file_id": "f", "file_unique_id": "u", "width": 1, "height": 1,
        "is_animated": False, "is_video": False, "type": "regular",
    },
    "photo": [{"file_id": "f", "file_unique_id": "u", "width": 1, "height": 1}],
    "voice": {"file_id": "f", "file_unique_id": "u", "duration": 1},
    "document": {"file_id": "f", "file_unique_id": "u", "file_name": "x.pdf"},
    "video_note": {"file_id": "f", "file_unique_id": "u", "length": 1, "duration": 1},
    "location": {"latitude": 51.51, "longitude": 7.46},
    "contact": {"phone_number": "+49 231 000000", "first_name": "X"},
    "dice": {"emoji": "🎲", "value": 3},
}  # fmt: skip
STATUSES = ("member", "left", "kicked", "administrator", "creator", "restricted")

texts = st.text(max_size=800)
command_texts = st.builds(
    lambda name, args: f"/{name}{' ' if args else ''}{args}",
    st.sampled_from(COMMANDS),
    st.one_of(st.just(""), st.text(max_size=60), st.sampled_from(["2026-12-03 Streik", "x y"])),
)
#: Our own buttons, exactly: forged by a stranger, or tapped long after the conversation.
REAL_BUTTONS = (
    "handoff:v1:start", "handoff:v1:yes", "handoff:v1:no", "handoff:v1:skip", "handoff:v1:end",
    "privacy:v1:ask", "privacy:v1:confirm", "privacy:v1:cancel", "menu:v1:show",
    "book:v1:start", "book:v1:list", "book:v1:confirm", "book:v1:abort", "book:v1:nophone",
    "book:v1:int:ar", "book:v1:int:none", "book:v1:svc:eu_registration", "lang:v1:other",
    "lang:v1:ar", "topic:v1:registration", "topic:v1:registration:eu", "topic:v1:counselling",
    "district:v1:mengede", "book:v1:day:jobcenter_check:20261203",
    "fb:v1:up:t:registration:eu:abcdef", "fb:v1:down:t:health:_:abcdef",
)  # fmt: skip
callback_data = st.one_of(
    st.sampled_from(REAL_BUTTONS),
    st.sampled_from(REAL_BUTTONS),
    st.text(max_size=300),
    st.binary(max_size=100).map(lambda b: b.decode("latin-1")),
    st.builds(
        lambda prefix, parts: prefix + ":".join(parts),
        st.sampled_from(OUR_PREFIXES),
        st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=3),
    ),
)
languages = st.one_of(st.none(), st.sampled_from(["de", "ar", "fa", "uk", "xx", "pt-br", ""]))


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    """An update as Telegram would send it, from a person without a user id yet (``USER``)."""
    user: dict[str, Any] = {"id": "USER", "is_bot": False, "first_name": draw(st.text(max_size=40))}
    if (lang := draw(languages)) is not None:
        user["language_code"] = lang
    private = {"id": "USER", "type": "private", "first_name": "X"}
    thread = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=200)))
    where = draw(
        st.sampled_from(
            [private, private, GROUP_CHAT, {"id": -1005550001, "type": "group", "title": "G"}]
        )
    )
    message: dict[str, Any] = {"message_id": draw(st.integers(1, 10**6)), "date": int(time.time())}
    message.update({"chat": where, "from": user})
    if where is GROUP_CHAT and thread is not None:
        message.update(message_thread_id=thread, is_topic_message=True)
    kind = draw(st.sampled_from(["text", "command", "media", "edited", "channel", "callback",
                                 "callback", "callback", "inline_callback", "chat_member",
                                 "my_chat_member"]))  # fmt: skip
    if kind in {"text", "edited"}:
        message["text"] = draw(texts) or "."
        return {"edited_message" if kind == "edited" else "message": message}
    if kind == "command":
        text = draw(command_texts)
        message["text"] = text
        entity = {"type": "bot_command", "offset": 0, "length": len(text.split(" ")[0])}
        message["entities"] = [entity]
        return {"message": message}
    if kind == "media":
        name = draw(st.sampled_from(sorted(MEDIA)))
        message[name] = MEDIA[name]
        if draw(st.booleans()):
            message["caption"] = draw(texts)
        return {"message": message}
    if kind == "channel":
        channel = {"id": -1005550002, "type": "channel", "title": "C"}
        post = {"message_id": 1, "date": int(time.time()), "chat": channel, "sender_chat": channel}
        post["text"] = draw(texts) or "."
        return {draw(st.sampled_from(["channel_post", "edited_channel_post"])): post}
    if kind in {"callback", "inline_callback"}:
        query: dict[str, Any] = {"id": "1", "from": user, "chat_instance": "ci"}
        query["data"] = draw(callback_data)
        if kind == "callback":
            query["message"] = {
                "message_id": 1, "date": int(time.time()), "chat": private, "text": "…",
                "from": {"id": 1000000001, "is_bot": True, "first_name": "Lotse"},
            }  # fmt: skip
        else:
            query["inline_message_id"] = "inline-1"
        return {"callback_query": query}
    member = {"chat": where if kind == "chat_member" else private, "from": user}
    member["date"] = int(time.time())
    for side in ("old_chat_member", "new_chat_member"):
        status = draw(st.sampled_from(STATUSES[:3]))
        member[side] = {"status": status, "user": user}
        if status == "kicked":
            member[side]["until_date"] = 0
    return {kind: member}


def with_user(data: Any, user_id: int) -> Any:
    """Puts the example's person in (``"USER"`` → ``user_id``)."""
    if data == "USER":
        return user_id
    if isinstance(data, dict):
        return {k: with_user(v, user_id) for k, v in data.items()}
    if isinstance(data, list):
        return [with_user(v, user_id) for v in data]
    return data


#: What a first contact may leave in Redis, per person (each with an expiry).
FIRST_CONTACT = (
    r"lotse:user:{uid}",
    r"lotse:conv:[a-z_]+:.*\b{uid}\b.*",
    r"lotse:flood:{uid}(:told)?",
    r"lotse:members:{uid}",
    r"lotse:ho:recent:{uid}",
    r"lotse:done:{uid}",  # the update id was handled (the test gives each update the person's id)
    r"lotse:fb:(seen:{uid}:.+|pending:{uid})",  # a vote on an answer (forged buttons too)
)
#: Shared keys a first contact may touch (no person in them).
SHARED = {b"lotse:analytics:unanswered", b"lotse:jobs:lease", b"lotse:fb:counts", b"lotse:fb:texts"}
#: The NLU's cache of readings: a hash of the text, no person, no text (with an expiry).
SHARED_EXPIRING = (r"lotse:nlu:[0-9a-z]+:[0-9a-f]{64}",)


class Bot:
    """The Application under test and the errors its error handlers saw (short repr, since
    Hypothesis prints the arguments of a failing example)."""

    def __init__(self, chat: LocalChat) -> None:
        self.chat = chat
        self.errors: list[object] = []

    def __repr__(self) -> str:
        return "Bot()"


@pytest.fixture
async def app(make_chat: AppFactory, redis: Redis) -> AsyncIterator[Bot]:
    with FakeRasa() as rasa:
        bot = Bot(await make_chat(counsellor_chat_id=GROUP, rasa_url=rasa.url))

        async def record(update: object, context: Any) -> None:
            bot.errors.append(context.error)

        bot.chat.app.add_error_handler(record)
        yield bot


USER_IDS = itertools.count(2_000_000_000)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=updates())
async def test_any_update_from_a_stranger_is_handled_safely(
    app: Bot, redis: Redis, raw: dict[str, Any]
) -> None:
    chat, errors = app.chat, app.errors
    user_id = next(USER_IDS)
    data = with_user({"update_id": user_id, **raw}, user_id)
    update = Update.de_json(data, chat.app.bot)
    assert update is not None
    before_keys = {k async for k in redis.scan_iter(match="lotse:*")}
    before = len(chat.api.calls)
    await chat.app.process_update(update)
    await chat.app.update_persistence()
    calls = chat.api.calls[before:]

    assert errors == [], errors  # the error handler was never reached
    allowed = {user_id}
    if update.effective_chat is not None:
        allowed.add(update.effective_chat.id)
    for call in calls:
        if call.method.startswith(("get", "answer", "set")):
            continue  # questions to Telegram, not something said in a chat
        if "chat_id" in call.params:
            assert int(call.params["chat_id"]) in allowed, (call.method, call.params)
    patterns = [re.compile(p.format(uid=user_id).encode()) for p in FIRST_CONTACT]
    patterns += [re.compile(p.encode()) for p in SHARED_EXPIRING]
    for key in {k async for k in redis.scan_iter(match="lotse:*")} - before_keys:
        if key in SHARED:
            continue
        assert any(p.fullmatch(key) for p in patterns), key
        assert await redis.ttl(key) > 0, key  # kept for a while, never for ever
