"""The local chat: drives the real Application offline, in a terminal or from a script.

Type messages; a number picks a button of the last message; ``/location LAT LON`` shares a
place; ``/sticker``, ``/photo``, ``/voice`` and ``/document`` send one; ``/quit`` ends.
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


@dataclass
class LocalChat:
    """One user talking to the Application through the local Bot API."""

    app: Application  # type: ignore[type-arg]
    api: LocalBotApi
    factory: UpdateFactory = field(default_factory=UpdateFactory)
    buttons: list[tuple[str, str]] = field(default_factory=list)
    reply_buttons: list[dict[str, Any]] = field(default_factory=list)
    _button_message_id: int = 0

    def __post_init__(self) -> None:
        self.api.listeners.append(self._remember_buttons)

    def _remember_buttons(self, call: ApiCall) -> None:
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
        await self.app.process_update(update)
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

    async def handle_line(self, line: str) -> list[ApiCall] | None:
        """Interprets one line typed in the terminal; None means quit."""
        line = line.strip()
        if line in {"/quit", "/exit"}:
            return None
        if not line:
            return []
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


def format_call(call: ApiCall) -> str:
    """How a bot message looks in the terminal: plain text, numbered buttons."""
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
    api.listeners.append(lambda call: write(text) if (text := format_call(call)) else None)
    from bot.app import running

    async with running(app):
        write(
            "Lotse local chat — type a message; a number taps a button; /location LAT LON shares "
            "a place; /sticker, /photo, /voice, /document send one; /quit ends.\n"
            "Start with /start."
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
