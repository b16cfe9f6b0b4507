"""Logs without personal data or secrets: every fault case, everything captured at DEBUG.

The bot runs on the local Bot API with real Redis; the translator (LibreTranslate) and the NLU
(Rasa) are loopback servers made to be down, to fail with 500, to answer garbage and to hang;
the Bot API fails too; Redis goes down. Newcomer texts, a name, a phone number, the bot token,
an API key and the Redis password are markers that must not appear in any captured log line,
formatted traceback included.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator

import pytest
from redis.asyncio import BlockingConnectionPool, Redis

from bot.__main__ import _configure_logging
from bot.app import build_translator
from bot.local_redis import RedisServer
from bot.logredact import RedactingFilter, install, secrets_of, uninstall
from bot.services.translator import TranslationFailed
from tests.conftest import AppFactory, make_settings
from tests.fake_libretranslate import FakeLibreTranslate
from tests.fake_rasa import FakeRasa
from tests.handoff_helpers import GROUP, NEWCOMER, TUESDAY_10, Team, newcomer, open_case, to_chat
from tests.helpers import Clock, all_text

TEXT = "Meine Passnummer ist C01X00T47, Kennwort Kiwiblau"
NAME = "Zephyrine Quackenbush"
PHONE = "+49 176 5550123"
TOKEN = "123456789:AAHsecretTOKENmarker0123456789abcdef"
API_KEY = "lt-key-MARKER-5f3a9c"
REDIS_PASSWORD = "r3dis-MARKER-pw"
MARKERS = (
    "C01X00T47",
    "Kiwiblau",
    "Zephyrine",
    "Quackenbush",
    "5550123",
    "176 555",
    TOKEN,
    TOKEN.split(":")[1],
    API_KEY,
    REDIS_PASSWORD,
)
SECRETS = {
    "telegram_bot_token": TOKEN,
    "libretranslate_api_key": API_KEY,
    "redis_url": f"redis://:{REDIS_PASSWORD}@127.0.0.1:1/0",
}
#: Loggers that are quiet by default but may say everything at DEBUG.
CHATTY = ("httpx", "httpcore", "urllib3", "telegram", "hpack")


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Everything at DEBUG, through the filter ``lotse`` installs at start."""
    caplog.set_level(logging.DEBUG)
    _configure_logging(make_settings(log_level="DEBUG", **SECRETS))
    levels = {name: logging.getLogger(name).level for name in CHATTY}
    for name in CHATTY:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield caplog
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    uninstall()


def leaks(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Every captured line (message, exception, stack) that holds a marker."""
    found = []
    for record in caplog.records:
        parts = [record.getMessage(), record.exc_text or "", record.stack_info or ""]
        if record.exc_info and record.exc_info[1] is not None:
            parts.append("".join(traceback.format_exception(*record.exc_info)))
        for part in parts:
            for line in part.splitlines():
                if any(marker in line for marker in MARKERS):
                    found.append(f"{record.name}: {line}")
    found += [line for line in caplog.text.splitlines() if any(m in line for m in MARKERS)]
    return found


def reset_breaker(chat_nlu: object) -> None:
    chat_nlu._failures = 0  # type: ignore[attr-defined]
    chat_nlu._open_until = 0.0  # type: ignore[attr-defined]


async def test_no_personal_data_or_secret_in_any_log_line_under_faults(
    make_chat: AppFactory, libre: FakeLibreTranslate, debug_logs: pytest.LogCaptureFixture
) -> None:
    clock = Clock(TUESDAY_10)
    with FakeRasa() as rasa:
        chat = await newcomer(
            make_chat,
            "uk",
            clock,
            libre,
            rasa_url=rasa.url,
            translator_timeout_seconds=1,
            **SECRETS,
        )
        chat.factory.first_name = NAME
        nlu = chat.app.bot_data.nlu
        assert nlu is not None
        # The NLU: fine, 500, garbage, hanging, down.
        await chat.send(f"{TEXT}, {NAME}, {PHONE}")
        for attribute, value in (("status", 500), ("malformed", True), ("delay_seconds", 5.0)):
            reset_breaker(nlu)
            rasa.status, rasa.malformed, rasa.delay_seconds = 200, False, 0.0
            setattr(rasa, attribute, value)
            calls = await chat.send(f"{TEXT} {PHONE}")
            assert all_text(calls)  # answered anyway
        rasa.delay_seconds = 0.0
    reset_breaker(nlu)
    calls = await chat.send(f"{TEXT} {PHONE}")  # Rasa is down now
    assert all_text(calls)

    # The translator in a case: fine, 500, hanging, down; both directions.
    team = Team(chat)
    thread = await open_case(chat, f"{TEXT} {NAME} {PHONE}")
    for fault in ("500", "hang"):
        libre.fail_next = [500] * 20 if fault == "500" else []
        libre.hang_seconds = 5 if fault == "hang" else 0
        calls = await chat.send(f"{TEXT} {PHONE}")
        assert TEXT in all_text(to_chat(calls, GROUP))  # relayed untranslated, with a note
        calls = await team.say(f"Guten Tag {NAME}, rufen Sie {PHONE} an. {TEXT}", thread)
        assert TEXT in all_text(to_chat(calls, NEWCOMER))
    libre.hang_seconds = 0
    libre.fail_next = []
    libre.__exit__()  # down
    await chat.send(f"{TEXT} {PHONE}")
    await team.say(f"Hallo {NAME}, {TEXT}", thread)

    # The Bot API fails: sending, copying, opening topics.
    chat.api.failures["sendMessage"] = (500, "Internal Server Error")
    await chat.send(f"{TEXT} {PHONE}")
    await team.say(f"{TEXT} {NAME}", thread)
    chat.api.failures["sendMessage"] = (400, "Bad Request: chat not found")
    chat.api.failures["copyMessage"] = (403, "Forbidden: bot was blocked by the user")
    await chat.send_media("photo")
    await chat.send("/end")
    chat.api.failures.clear()
    chat.api.failures["createForumTopic"] = (400, "Bad Request: not enough rights")
    await chat.press_data("handoff:v1:start")
    await chat.press_data("handoff:v1:yes")
    await chat.send(f"{TEXT} {NAME} {PHONE}")
    chat.api.failures.clear()
    await chat.app.update_persistence()

    lines = leaks(debug_logs)
    assert lines == [], "\n".join(lines[:20])
    assert len(debug_logs.records) > 50  # the debug lines were captured, and checked
    assert any(r.levelno >= logging.WARNING for r in debug_logs.records)
    assert any(r.name.startswith("telegram") for r in debug_logs.records)


async def test_no_personal_data_in_logs_when_redis_goes_down(
    make_chat: AppFactory, debug_logs: pytest.LogCaptureFixture
) -> None:
    server = RedisServer()
    client = Redis.from_pool(
        BlockingConnectionPool.from_url(
            server.url, max_connections=10, timeout=1, socket_connect_timeout=1
        )
    )
    try:
        chat = await make_chat(language_code="de", redis_client=client, **SECRETS)
        chat.factory.first_name = NAME
        await chat.send("/start")
        server.stop()
        calls = await chat.send(f"{TEXT} {NAME} {PHONE}")
        assert all_text(calls)  # answered from memory
        await chat.press_data("book:v1:start")
        calls = await chat.send("/mybookings")
        assert "Minute" in all_text(calls)  # "try again in a minute", never a crash
    finally:
        server.stop()
    lines = leaks(debug_logs)
    assert lines == [], "\n".join(lines[:20])
    assert any("storage" in r.getMessage() for r in debug_logs.records)
    await client.aclose()


async def test_the_translator_logs_no_text_and_no_key_down_failing_or_hanging(
    libre: FakeLibreTranslate, debug_logs: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(
        libretranslate_url=libre.url, translator_timeout_seconds=0.5, **SECRETS
    )
    translator = build_translator(settings, None)
    assert translator is not None
    text = f"{TEXT} {NAME} {PHONE}"
    assert "[de]" in await translator.translate(text, "uk", "de", remember=False)
    libre.fail_next = [500] * 10
    with pytest.raises(TranslationFailed):
        await translator.translate(text, "uk", "de", remember=False)
    libre.fail_next = []
    libre.hang_seconds = 2
    with pytest.raises(TranslationFailed):
        await translator.translate(text, "uk", "de", remember=False, budget=1.0)
    libre.hang_seconds = 0
    libre.__exit__()
    with pytest.raises(TranslationFailed):
        await translator.translate(text, "uk", "ti", remember=False)
    await translator.aclose()
    lines = leaks(debug_logs)
    assert lines == [], "\n".join(lines[:20])
    assert any("translate" in r.getMessage() for r in debug_logs.records)  # requests were logged


# -- the filter itself -------------------------------------------------------------------------


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("x", logging.WARNING, __file__, 1, msg, args or None, exc_info)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "HTTP Request: POST https://api.telegram.org/bot123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345"
            "6789/sendMessage",
            "sendMessage",
        ),
        (
            '127.0.0.1:5000 "POST /translate?q=Mein+Pass&source=de&api_key=k-123 HTTP/1.1" 500',
            "500",
        ),
        ("q=Mein%20Pass&source=de&target=ti&api_key=k-123", "target=ti"),
        ("connecting to redis://default:hunter2pw@redis:6379/0", "redis:6379"),
        ("User(first_name='Amal', id=4242, is_bot=False)", "id=4242"),
        ('{"text": "Mein Pass", "chat_id": 4242}', "4242"),
        ("call +49 231 50-12345 or 0176 5550123 now", "call"),
        ("write to amal.h@example.org", "write"),
        ("Authorization: DeepL-Auth-Key 1f2e3d4c-aaaa-bbbb-cccc-1234567890ab:fx", "Authorization"),
    ],
)
def test_the_filter_removes_known_shapes(line: str, kept: str) -> None:
    record = _record("%s", line)
    RedactingFilter().filter(record)
    message = record.getMessage()
    for secret in ("ABCdefGHI", "Mein", "hunter2pw", "Amal", "12345", "5550123", "amal.h", "1f2e"):
        assert secret not in message
    assert kept in message  # ids, methods, hosts and statuses stay readable


def test_the_filter_keeps_ids_counts_and_times() -> None:
    line = "handoff case 12 opened (lang=uk) update 4242 chat -1001234567890 conf=0.87 in 0.0123 s"
    record = _record(line)
    RedactingFilter().filter(record)
    assert record.getMessage() == line


def test_exceptions_and_their_tracebacks_lose_quoted_values_and_secrets() -> None:
    typed = " ".join(("Mein", "Kennwort", "Kiwiblau"))  # as a person's text reaches the code
    try:
        int(typed)
    except ValueError as exc:
        error = exc
    record = _record("could not parse %s", error, exc=error)
    RedactingFilter(["s3cret-value"]).filter(record)
    assert "Kiwiblau" not in record.getMessage()
    assert record.exc_info is None and record.exc_text
    assert "Kiwiblau" not in record.exc_text
    assert "ValueError" in record.exc_text and "test_logs.py" in record.exc_text


def test_telegram_debug_lines_keep_the_method_and_keys_only() -> None:
    record = _record(
        "Calling Bot API endpoint `%s` with parameters `%s`",
        "sendMessage",
        {"chat_id": 4242, "text": "Mein Pass ist C01X00T47"},
    )
    RedactingFilter().filter(record)
    assert record.getMessage() == (
        "Calling Bot API endpoint `sendMessage` with parameters `{chat_id, text: <redacted>}`"
    )


def test_configured_secrets_are_removed_wherever_they_appear() -> None:
    settings = make_settings(**SECRETS)
    redacting = RedactingFilter(secrets_of(settings))
    assert REDIS_PASSWORD in redacting.secrets and TOKEN in redacting.secrets
    record = _record("key %s, password %s in %s", API_KEY, REDIS_PASSWORD, "a sentence")
    redacting.filter(record)
    assert API_KEY not in record.getMessage() and REDIS_PASSWORD not in record.getMessage()


def test_lotse_installs_the_filter_on_every_root_handler(
    caplog: pytest.LogCaptureFixture,
) -> None:
    handler = logging.StreamHandler()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        _configure_logging(make_settings(**SECRETS))
        for each in root.handlers:
            assert any(isinstance(f, RedactingFilter) for f in each.filters)
        logging.getLogger("bot.somewhere").warning("token %s", TOKEN)
        assert TOKEN not in caplog.text and "<redacted>" in caplog.text
        install(RedactingFilter())  # installing again replaces, never stacks
        assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    finally:
        uninstall()
        root.removeHandler(handler)


def test_the_webhook_server_logs_through_the_same_filter() -> None:
    from starlette.applications import Starlette

    from bot.webhook import uvicorn_server

    for name in ("uvicorn", "uvicorn.error"):  # as in a fresh process (other tests' servers
        logging.getLogger(name).handlers.clear()  # configure uvicorn's default logging)
        logging.getLogger(name).propagate = True
    uvicorn_server(Starlette(), ("127.0.0.1", 0))  # configures uvicorn's loggers
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        assert logger.handlers == [] and logger.propagate  # to the root's handlers, filtered
