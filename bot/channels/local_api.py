"""A Bot API that lives in the process: answers the calls the bot makes and records them.

``lotse chat`` prints what it records; the tests assert on it. The Application, its handlers and
its persistence are the real ones: only the HTTP hop to Telegram is replaced.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.request import BaseRequest, RequestData

LOCAL_BOT_TOKEN = "1000000001:LOCAL-lotse-chat-no-telegram"
_ADMIN_RIGHTS = {
    key: False
    for key in (
        "can_manage_chat",
        "can_delete_messages",
        "can_manage_video_chats",
        "can_restrict_members",
        "can_promote_members",
        "can_change_info",
        "can_invite_users",
        "can_post_stories",
        "can_edit_stories",
        "can_delete_stories",
    )
}
BOT_USER = {
    "id": 1000000001,
    "is_bot": True,
    "first_name": "Lotse",
    "username": "lotse_local_bot",
    "can_join_groups": True,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class ApiCall:
    """One Bot API call the bot made: method name, parameters, what it got back."""

    method: str
    params: dict[str, Any]
    result: Any = None
    #: Uploaded files by field name: (file name, bytes), e.g. the .ics of a booking.
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The message text (or caption / callback answer text), '' if none."""
        for key in ("text", "caption"):
            if isinstance(self.params.get(key), str):
                return str(self.params[key])
        return ""

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """Inline buttons as (label, callback data), row by row."""
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not isinstance(markup, dict):
            return []
        return [
            (str(b.get("text")), str(b.get("callback_data", "")))
            for row in markup.get("inline_keyboard", [])
            for b in row
        ]

    @property
    def reply_buttons(self) -> list[dict[str, Any]]:
        """Reply-keyboard buttons (e.g. 'share my location')."""
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not isinstance(markup, dict):
            return []
        return [
            b if isinstance(b, dict) else {"text": b}
            for row in markup.get("keyboard", [])
            for b in row
        ]


@dataclass
class LocalBotApi(BaseRequest):
    """A ``BaseRequest`` that answers Bot API methods locally instead of over HTTP."""

    calls: list[ApiCall] = field(default_factory=list)
    listeners: list[Callable[[ApiCall], None]] = field(default_factory=list)
    #: Methods that should fail, as method -> (HTTP status, description), for error tests.
    failures: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: One-off failures, taken in order: (method, HTTP status, description, parameters), e.g.
    #: ("sendMessage", 429, "Too Many Requests", {"retry_after": 1}) for the rate limiter's tests.
    fail_next: list[tuple[str, int, str, dict[str, Any]]] = field(default_factory=list)
    #: The calls that were answered with one of those failures.
    failed: list[ApiCall] = field(default_factory=list)
    #: Chat members for getChatMember: chat id -> user id -> status ("member", "left", …).
    members: dict[int, dict[int, str]] = field(default_factory=dict)
    _topics: itertools.count[int] = field(default_factory=lambda: itertools.count(100))
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    @property
    def read_timeout(self) -> float | None:
        return 5.0

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = None,
        write_timeout: Any = None,
        connect_timeout: Any = None,
        pool_timeout: Any = None,
    ) -> tuple[int, bytes]:
        api_method = url.rsplit("/", 1)[-1]
        params = dict(request_data.parameters) if request_data else {}
        for i, (method, status, description, parameters) in enumerate(self.fail_next):
            if method == api_method:
                del self.fail_next[i]
                body = {"ok": False, "error_code": status, "description": description}
                if parameters:
                    body["parameters"] = parameters
                self.failed.append(ApiCall(api_method, params, body))
                return status, json.dumps(body).encode()
        if api_method in self.failures:
            status, description = self.failures[api_method]
            body = {"ok": False, "error_code": status, "description": description}
            return status, json.dumps(body).encode()
        result = self._respond(api_method, params)
        files: dict[str, tuple[str, bytes]] = {}
        if request_data is not None and request_data.contains_files:
            for name, value in request_data.multipart_data.items():
                filename, content = str(value[0]), value[1]
                files[name] = (filename, content if isinstance(content, bytes) else b"")
        call = ApiCall(api_method, params, result, files)
        if api_method not in {"getUpdates", "getMe", "deleteWebhook", "setMyCommands"}:
            self.calls.append(call)
            for listener in self.listeners:
                listener(call)
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def _message(self, params: dict[str, Any], **extra: Any) -> dict[str, Any]:
        chat_id = params.get("chat_id", 0)
        message: dict[str, Any] = {
            "message_id": params.get("message_id") or next(self._ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "supergroup"},
            "from": BOT_USER,
        }
        if "text" in params:
            message["text"] = params["text"]
        if params.get("message_thread_id"):
            message["message_thread_id"] = int(params["message_thread_id"])
            message["is_topic_message"] = True
        if (
            isinstance(params.get("reply_markup"), dict)
            and "inline_keyboard" in params["reply_markup"]
        ):
            message["reply_markup"] = params["reply_markup"]
        message.update(extra)
        return message

    def _respond(self, api_method: str, params: dict[str, Any]) -> Any:
        if api_method == "getMe":
            return BOT_USER
        if api_method == "getUpdates":
            return []
        if api_method in {"sendMessage", "editMessageText", "editMessageReplyMarkup"}:
            return self._message(params)
        if api_method == "sendLocation":
            location = {"latitude": params.get("latitude"), "longitude": params.get("longitude")}
            return self._message(params, location=location)
        if api_method == "sendVenue":
            location = {"latitude": params.get("latitude"), "longitude": params.get("longitude")}
            venue = {"location": location, "title": params.get("title"), "address": ""}
            venue["address"] = params.get("address", "")
            return self._message(params, venue=venue, location=location)
        if api_method in {"sendDocument", "sendPhoto", "sendVoice", "sendVideo", "sendAudio"}:
            document = {"file_id": f"f-{next(self._ids)}", "file_unique_id": "u"}
            kind = api_method.removeprefix("send").lower()
            media: Any = [{**document, "width": 1, "height": 1}] if kind == "photo" else document
            if kind in {"voice", "audio", "video"}:
                media = {**document, "duration": 1, "width": 1, "height": 1}
            return self._message(params, caption=params.get("caption"), **{kind: media})
        if api_method == "copyMessage":
            return {"message_id": next(self._ids)}
        if api_method == "getChatMember":
            status = self.members.get(int(params["chat_id"]), {}).get(int(params["user_id"]))
            user = {"id": int(params["user_id"]), "is_bot": False, "first_name": "X"}
            if status in {"member", "administrator", "creator"}:
                admin = status == "administrator"
                extra = {"can_be_edited": False, **_ADMIN_RIGHTS} if admin else {}
                return {"status": status, "user": user, "is_anonymous": False, **extra}
            return {"status": status or "left", "user": user}
        if api_method == "createForumTopic":
            return {
                "message_thread_id": next(self._topics),
                "name": params.get("name", ""),
                "icon_color": 7322096,
            }
        return True

    # -- helpers for the chat and the tests -------------------------------------------------
    def sent(self, chat_id: int | None = None) -> list[ApiCall]:
        """Messages sent or edited (optionally to one chat), oldest first."""
        return [
            c
            for c in self.calls
            if c.method
            in {"sendMessage", "editMessageText", "sendLocation", "sendVenue", "sendDocument"}
            and (chat_id is None or int(c.params.get("chat_id", 0)) == chat_id)
        ]

    def clear(self) -> None:
        """Forgets the recorded calls."""
        self.calls.clear()
