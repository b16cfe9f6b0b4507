"""Builds Telegram updates as Telegram would send them, for the local chat and the tests."""

from __future__ import annotations

import itertools
import time
from dataclasses import dataclass, field
from typing import Any

from telegram import Bot, Update

#: Update ids, unique across every factory of the process and increasing across runs, as
#: Telegram's are: a handled update id is remembered in Redis (bot/state.py), so ids must not
#: repeat between two local chats on one Redis or between two runs of the local chat.
_UPDATE_IDS = itertools.count(int(time.time() * 1000) * 1000)


@dataclass
class UpdateFactory:
    """Makes updates from one private user (and, for group tests, from any chat)."""

    user_id: int = 4242
    first_name: str = "Amal"
    language_code: str | None = "en"
    _update_ids: itertools.count[int] = field(default_factory=lambda: _UPDATE_IDS)
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(10_000))

    @property
    def user(self) -> dict[str, Any]:
        user: dict[str, Any] = {"id": self.user_id, "is_bot": False, "first_name": self.first_name}
        if self.language_code:
            user["language_code"] = self.language_code
        return user

    @property
    def chat(self) -> dict[str, Any]:
        return {"id": self.user_id, "type": "private", "first_name": self.first_name}

    def _message(self, chat: dict[str, Any] | None = None, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat or self.chat,
            "from": self.user,
            **content,
        }

    def _update(self, bot: Bot, **payload: Any) -> Update:
        update = Update.de_json({"update_id": next(self._update_ids), **payload}, bot)
        assert update is not None
        return update

    def text(self, bot: Bot, text: str, chat: dict[str, Any] | None = None) -> Update:
        """A text message; commands get their entity like Telegram sets it."""
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return self._update(bot, message=self._message(chat, **content))

    def in_topic(
        self, bot: Bot, chat: dict[str, Any], thread_id: int | None, **content: Any
    ) -> Update:
        """A message in a forum topic of a group (``thread_id`` None: the General topic)."""
        message = self._message(chat, **content)
        if "text" in content and str(content["text"]).startswith("/"):
            length = len(str(content["text"]).split()[0])
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        return self._update(bot, message=message)

    def callback(self, bot: Bot, data: str, message_id: int = 1, text: str = "…") -> Update:
        """A tap on an inline button of a message the bot sent."""
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": self.chat,
            "from": {"id": 1000000001, "is_bot": True, "first_name": "Lotse"},
            "text": text,
        }
        query = {
            "id": str(next(self._update_ids)),
            "from": self.user,
            "chat_instance": f"ci-{self.user_id}",
            "data": data,
            "message": message,
        }
        return self._update(bot, callback_query=query)

    def location(self, bot: Bot, latitude: float, longitude: float) -> Update:
        """A shared location."""
        loc = {"latitude": latitude, "longitude": longitude}
        return self._update(bot, message=self._message(location=loc))

    def media(self, bot: Bot, kind: str) -> Update:
        """A sticker, photo, voice message, document, video, audio, contact or animation."""
        file = {"file_id": "f-1", "file_unique_id": "u-1"}
        payloads: dict[str, Any] = {
            "sticker": {
                **file,
                "width": 512,
                "height": 512,
                "is_animated": False,
                "is_video": False,
                "type": "regular",
            },
            "photo": [{**file, "width": 90, "height": 90}],
            "voice": {**file, "duration": 3},
            "audio": {**file, "duration": 3},
            "document": {**file, "file_name": "scan.pdf"},
            "video": {**file, "width": 10, "height": 10, "duration": 1},
            "video_note": {**file, "length": 10, "duration": 1},
            "animation": {**file, "width": 10, "height": 10, "duration": 1},
            "contact": {"phone_number": "+490000000000", "first_name": "X"},
        }
        return self._update(bot, message=self._message(**{kind: payloads[kind]}))

    def edited(self, bot: Bot, text: str) -> Update:
        """An edit of an earlier message."""
        message = self._message(text=text, edit_date=int(time.time()))
        return self._update(bot, edited_message=message)
