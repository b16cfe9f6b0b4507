"""The local chat: drives the real Application offline, in a terminal or from a script.

Type messages; a number picks a button of the last message; ``/location LAT LON`` shares a
place; ``/sticker``, ``/photo``, ``/voice`` and ``/document`` send one; ``/quit`` ends.
A line starting with ``!`` is written by a counsellor ("Jana") in the counsellors' group, in the
topic of the newest case (``!Guten Tag``, ``!/claim``, ``!/close``, ``!/today``).
When standard input is not a terminal, each line read is echoed, so a piped conversation
reads like a transcript.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TextIO

from telegram import Update
from telegram.ext import Application

from bot.channels.local_api import ApiCall, LocalBotApi
from bot.channels.updates import UpdateFactory
from bot.render import to_plain

MEDIA_COMMANDS = {
    "/sticker": "sticker",
    "/photo": "photo",
    "/voice": "voice",
    "/document": "document",
}
#: Mengede, for a "share my location" button pressed without coordinates.
DEFAULT_LOCATION = (51.5700, 7.3800)
#: The counsellors' group of the local chat (when COUNSELLOR_CHAT_ID is not set) and its member.
LOCAL_COUNSELLOR_CHAT_ID = -1000000000042
LOCAL_COUNSELLOR_ID = 2


@dataclass
class LocalChat:
    """One user talking to the Application through the local Bot API."""

    app: Application  # type: ignore[type-arg]
    api: LocalBotApi
    factory: UpdateFactory = field(default_factory=UpdateFactory)
    buttons: list[tuple[str, str]] = field(default_factory=list)
    reply_buttons: list[dict[str, Any]] = field(default_factory=list)
    #: The counsellors' group, when the chat plays the counsellor's side too ("!" lines).
    group_id: int | None = None
    last_thread: int | None = None
    _button_message_id: int = 0

    def __post_init__(self) -> None:
        self.api.listeners.append(self._remember_buttons)

    def _remember_buttons(self, call: ApiCall) -> None:
        if call.method == "createForumTopic" and isinstance(call.result, dict):
            self.last_thread = int(call.result["message_thread_id"])
        if int(call.params.get("chat_id", self.factory.user_id)) != self.factory.user_id:
            return  # the counsellors' group: its buttons are not the newcomer's
        if call.buttons:
            self.buttons = call.buttons
            result = call.result if isinstance(call.result, dict) else {}
            self._button_message_id = int(result.get("message_id", 1))
        if call.reply_buttons:
            self.reply_buttons = call.reply_buttons
        markup = call.params.get("reply_markup")
        if isinstance(markup, dict) and markup.get("remove_keyboard"):
            self.reply_buttons = []

    async def _process(self, update: Update) -> list[ApiCall]:
        before = len(self.api.calls)
        # Through the update processor, as in production: the chat's turn, then the update.
        await self.app.update_processor.process_update(update, self.app.process_update(update))
        return self.api.calls[before:]

    async def send(self, text: str) -> list[ApiCall]:
        """Sends a text message (or command) and returns the calls the bot made."""
        return await self._process(self.factory.text(self.app.bot, text))

    async def press(self, number: int) -> list[ApiCall]:
        """Taps button ``number`` (1-based) of the last keyboard: inline first, then reply."""
        if 1 <= number <= len(self.buttons):
            data = self.buttons[number - 1][1]
            return await self._process(
                self.factory.callback(self.app.bot, data, message_id=self._button_message_id)
            )
        index = number - len(self.buttons) - 1
        if 0 <= index < len(self.reply_buttons):
            button = self.reply_buttons[index]
            if button.get("request_location"):
                return await self.share_location(*DEFAULT_LOCATION)
            return await self.send(str(button.get("text", "")))
        raise IndexError(f"there is no button {number}")

    async def press_data(self, data: str) -> list[ApiCall]:
        """Taps a button with the given callback data (also forged or stale ones, for tests)."""
        return await self._process(self.factory.callback(self.app.bot, data))

    async def share_location(self, latitude: float, longitude: float) -> list[ApiCall]:
        """Shares a location."""
        return await self._process(self.factory.location(self.app.bot, latitude, longitude))

    async def send_media(self, kind: str) -> list[ApiCall]:
        """Sends a sticker, photo, voice message, document, …"""
        return await self._process(self.factory.media(self.app.bot, kind))

    async def as_counsellor(self, text: str) -> list[ApiCall]:
        """A counsellor writes ``text`` in the topic of the newest case."""
        if self.group_id is None:
            print("  (no counsellors' group in this chat)")
            return []
        counsellor = UpdateFactory(
            user_id=LOCAL_COUNSELLOR_ID, first_name="Jana", language_code="de"
        )
        chat = {"id": self.group_id, "type": "supergroup", "title": "Beratung", "is_forum": True}
        update = counsellor.in_topic(self.app.bot, chat, self.last_thread, text=text)
        return await self._process(update)

    async def handle_line(self, line: str) -> list[ApiCall] | None:
        """Interprets one line typed in the terminal; None means quit."""
        line = line.strip()
        if line in {"/quit", "/exit"}:
            return None
        if not line:
            return []
        if line.startswith("!"):
            return await self.as_counsellor(line[1:].strip())
        if line.isdigit() and (self.buttons or self.reply_buttons):
            try:
                return await self.press(int(line))
            except IndexError as exc:
                print(f"  ({exc})")
                return []
        if line.startswith("/location"):
            parts = line.split()
            try:
                lat, lon = (
                    (float(parts[1]), float(parts[2])) if len(parts) == 3 else DEFAULT_LOCATION
                )
            except ValueError:
                lat, lon = DEFAULT_LOCATION
            return await self.share_location(lat, lon)
        if line in MEDIA_COMMANDS:
            return await self.send_media(MEDIA_COMMANDS[line])
        return await self.send(line)


def format_call(call: ApiCall, user_chat: int | None = None) -> str:
    """How a bot message looks in the terminal: plain text, numbered buttons."""
    chat_id = int(call.params.get("chat_id", 0) or 0)
    if user_chat is not None and chat_id and chat_id != user_chat:
        if call.method == "createForumTopic":
            return f"\n[counsellors' group] new topic: {call.params.get('name')}"
        if call.method not in {"sendMessage", "copyMessage"}:
            return ""
        thread = call.params.get("message_thread_id")
        where = f"topic {thread}" if thread else "General"
        text = to_plain(call.text) if call.method == "sendMessage" else "(a copied photo/file)"
        return f"\n[counsellors' group, {where}]\n" + "\n".join(
            "  " + line for line in text.splitlines()
        )
    if call.method == "answerCallbackQuery":
        return f"  ({call.text})" if call.text else ""
    if call.method == "sendDocument":
        name = next(iter(call.files.values()), ("file", b""))[0]
        return f"\nLotse:\n  📎 {name} — {to_plain(call.text)}"
    if call.method == "sendVenue":
        title, address = call.params.get("title", ""), call.params.get("address", "")
        where = f"{call.params.get('latitude')}, {call.params.get('longitude')}"
        return f"\nLotse:\n  📍 {title}, {address} ({where})"
    if call.method not in {"sendMessage", "editMessageText", "sendLocation"}:
        return ""
    lines = ["", "Lotse:"]
    lines += ["  " + line for line in to_plain(call.text).replace("\u200f", "").splitlines()]
    number = 0
    for label, _ in call.buttons:
        number += 1
        lines.append(f"  [{number}] {label}")
    for button in call.reply_buttons:
        number += 1
        lines.append(f"  [{number}] {button.get('text')}")
    return "\n".join(lines)


async def run_chat(
    app: Application,  # type: ignore[type-arg]
    api: LocalBotApi,
    *,
    language_code: str | None = "en",
    stdin: TextIO = sys.stdin,
    write: Callable[[str], None] = print,
) -> None:
    """Runs the interactive (or piped) chat until end of input or /quit."""
    interactive = stdin.isatty()
    chat = LocalChat(
        app, api, UpdateFactory(user_id=1, first_name="You", language_code=language_code)
    )
    group = app.bot_data.settings.counsellor_chat_id
    if group is not None:
        chat.group_id = group
        api.members.setdefault(group, {})[LOCAL_COUNSELLOR_ID] = "member"
    api.listeners.append(
        lambda call: write(text) if (text := format_call(call, user_chat=1)) else None
    )
    from bot.app import running

    async with running(app):
        write(
            "Lotse local chat — type a message; a number taps a button; /location LAT LON shares "
            "a place; /sticker, /photo, /voice, /document send one; /quit ends.\n"
            "A line starting with ! is a counsellor writing in the counsellors' group "
            "(!Guten Tag, !/claim, !/close, !/today).\nStart with /start."
        )
        while True:
            if interactive:
                sys.stdout.write("\nyou> ")
                sys.stdout.flush()
            line = await asyncio.to_thread(stdin.readline)
            if not line:
                break
            if not interactive:
                write(f"\n> {line.rstrip()}")
            if await chat.handle_line(line) is None:
                break
