"""The command line as a person runs it: the local chat from `lotse run` and `lotse chat`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot import PROJECT_ROOT
from bot.services.content import load_snapshot

pytestmark = pytest.mark.slow


def _lotse(
    *args: str, stdin: str = "", extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"TELEGRAM_BOT_TOKEN", "REDIS_URL"}}
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=PROJECT_ROOT,
        env=env,
        check=False,
    )


def test_run_without_token_opens_the_local_chat_in_arabic() -> None:
    # /start → 3 (العربية in the list) → 1 (registration) → 1 (EU citizen)
    result = _lotse("run", "--no-nlu", stdin="/start\n3\n1\n1\n")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    arabic = load_snapshot(PROJECT_ROOT / "content", PROJECT_ROOT / "translations").text(
        "registration", "ar"
    )
    assert arabic is not None
    assert arabic.title in out
    assert "Friedensplatz 7" in out
    assert "أسبوعين" in out  # within two weeks
    assert "starting the local chat" in result.stderr
    assert "REDIS_URL is not set" in result.stderr


def test_chat_counselling_by_location_and_media() -> None:
    script = "/start\n1\n12\n/location 51.571 7.385\n/sticker\n/quit\n"
    result = _lotse("chat", "--no-nlu", "--telegram-language", "en", stdin=script)
    assert result.returncode == 0, result.stderr
    assert "Westerfilder Straße 11a" in result.stdout
    assert "I cannot open stickers" in result.stdout
    assert "Traceback" not in result.stderr


def test_content_status_shows_nothing_missing_or_outdated() -> None:
    result = _lotse("content", "status")
    assert result.returncode == 0
    assert "MISSING: 0, OUTDATED: 0" in result.stdout
    assert result.stdout.count("MACHINE_TRANSLATED") >= 12 * 11


def test_bad_setting_stops_with_a_sentence_naming_it() -> None:
    result = _lotse("content", "status", extra_env={"USER_DATA_RETENTION_DAYS": "forever"})
    assert result.returncode == 2
    assert "USER_DATA_RETENTION_DAYS" in result.stderr


def test_reload_without_redis_explains_sighup() -> None:
    result = _lotse("content", "reload")
    assert result.returncode == 1
    assert "SIGHUP" in result.stderr


def test_run_serves_telegram_by_long_polling_through_the_configured_api() -> None:
    import signal
    import time

    from tests.fake_telegram import FakeTelegram

    token = "123456:TEST-token-never-logged"
    with FakeTelegram(token) as telegram:
        telegram.updates.append(
            {
                "update_id": 1,
                "message": {
                    "message_id": 1,
                    "date": int(time.time()),
                    "chat": {"id": 99, "type": "private", "first_name": "A"},
                    "from": {"id": 99, "is_bot": False, "first_name": "A", "language_code": "fa"},
                    "text": "/start",
                    "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
                },
            }
        )
        env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
        env.update(TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=telegram.base_url)
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--no-nlu"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not telegram.sent():
                time.sleep(0.1)
        finally:
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=30)
        sent = telegram.sent()
        assert sent, stderr
        assert int(sent[0]["chat_id"]) == 99
        assert "فارسی" in str(sent[0]["text"])  # the phone's language proposed
        assert len(telegram.sent("setMyCommands")) == 13
        assert token not in stderr  # the token never reaches the log
        assert process.returncode == 0
