"""At start: the counsellors' group must be a private forum supergroup, not linked to a channel,
with the bot an admin that may manage topics — else the bot does not start, and says why."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

import pytest
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.app import build_application, running
from bot.channels.local import LOCAL_COUNSELLOR_CHAT_ID
from bot.channels.local_api import BOT_USER, LocalBotApi
from bot.group_check import GroupMisconfigured
from tests.conftest import make_settings

GROUP = -1009876543


async def start(api: LocalBotApi, redis: Redis, group: int = GROUP) -> None:
    app = build_application(make_settings(counsellor_chat_id=group), request=api, redis=redis)
    async with running(app):
        pass


@pytest.mark.parametrize(
    ("api", "says"),
    [
        (LocalBotApi(chats={GROUP: {"type": "group", "is_forum": False}}), "not a supergroup"),
        (LocalBotApi(chats={GROUP: {"is_forum": False}}), "Turn on Topics"),
        (LocalBotApi(chats={GROUP: {"username": "migrado_beratung"}}), "Make it private"),
        (LocalBotApi(chats={GROUP: {"linked_chat_id": -1007777}}), "Unlink the channel"),
        (LocalBotApi(members={GROUP: {int(BOT_USER["id"]): "member"}}), "Make it an admin"),
        (
            LocalBotApi(bot_rights={"can_manage_topics": False, "can_delete_messages": True}),
            "with: Manage topics.",
        ),
        (
            LocalBotApi(bot_rights={"can_manage_topics": True, "can_delete_messages": False}),
            "with: Delete messages.",
        ),
        (LocalBotApi(failures={"getChat": (400, "Bad Request: chat not found")}), "cannot see"),
        (LocalBotApi(chats={GROUP: {"type": "private"}}), "not a supergroup"),
        (LocalBotApi(chats={GROUP: {"type": "channel"}}), "not a supergroup"),
    ],
)
async def test_the_bot_refuses_to_start_with_an_unsafe_counsellors_group(
    redis: Redis, api: LocalBotApi, says: str
) -> None:
    with pytest.raises(GroupMisconfigured, match=f"COUNSELLOR_CHAT_ID={GROUP}.*{says}"):
        await start(api, redis)


async def test_a_private_forum_supergroup_with_an_admin_bot_passes(redis: Redis) -> None:
    api = LocalBotApi()
    await start(api, redis)
    await start(api, redis, LOCAL_COUNSELLOR_CHAT_ID)  # the local chat's own group
    asked = [c.method for c in api.calls if c.method in {"getChat", "getChatMember"}]
    assert asked == ["getChat", "getChatMember"] * 2


@pytest.mark.slow
def test_lotse_run_refuses_a_group_linked_to_a_channel_and_asks_for_chat_member_updates() -> None:
    from tests.fake_telegram import FakeTelegram

    token = "123456:TEST-token-never-logged"
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}

    def run(telegram: FakeTelegram, wait_for: str | None) -> tuple[int | None, str]:
        env.update(
            TELEGRAM_BOT_TOKEN=token,
            TELEGRAM_API_BASE_URL=telegram.base_url,
            COUNSELLOR_CHAT_ID=str(GROUP),
        )
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run", "--no-nlu"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if wait_for is not None:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and not telegram.sent(wait_for):
                time.sleep(0.1)
            process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        return process.returncode, stderr

    linked: dict[str, Any] = {"linked_chat_id": -1007777}
    with FakeTelegram(token, chats={GROUP: linked}) as telegram:
        code, stderr = run(telegram, None)
    assert code == 2, stderr
    assert "discussion group of a channel" in stderr and "Unlink the channel" in stderr
    assert token not in stderr and "TEST-token" not in stderr

    with FakeTelegram(token) as telegram:
        code, stderr = run(telegram, "getUpdates")
        [first, *_] = telegram.sent("getUpdates")
    assert code == 0, stderr
    assert "chat_member" in str(first.get("allowed_updates"))
