"""A loopback stand-in for Telegram's Bot API server, for `lotse run` end to end."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

BOT = {"id": 1000000002, "is_bot": True, "first_name": "Lotse", "username": "lotse_test_bot"}


class FakeTelegram:
    """Serves getMe/getUpdates/sendMessage/...; records every call; hands out queued updates."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.updates: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        #: Called with (method, params) before a call is answered (e.g. to kill the bot there).
        self.on_call: Callable[[str, dict[str, Any]], None] | None = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length).decode()
                ctype = self.headers.get("Content-Type", "")
                if "json" in ctype:
                    params = json.loads(raw or "{}")
                else:
                    params = {k: v[0] for k, v in parse_qs(raw).items()}
                prefix = f"/bot{fake.token}/"
                if not self.path.startswith(prefix):
                    self._reply(
                        401, {"ok": False, "error_code": 401, "description": "Unauthorized"}
                    )
                    return
                method = self.path[len(prefix) :]
                self._reply(200, {"ok": True, "result": fake.answer(method, params)})

            def _reply(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    pass  # the bot was killed while we answered

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/bot"

    def __enter__(self) -> FakeTelegram:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, method: str, params: dict[str, Any]) -> Any:
        with self.lock:
            self.calls.append((method, params))
        if self.on_call is not None:
            self.on_call(method, params)
        if method == "getMe":
            return BOT
        if method == "getUpdates":
            offset = int(params.get("offset") or 0)
            deadline = time.monotonic() + 1.0
            while time.monotonic() < deadline:
                with self.lock:
                    ready = [u for u in self.updates if u["update_id"] >= offset]
                if ready:
                    return ready
                time.sleep(0.05)
            return []
        if (
            method.startswith("send") and method != "sendChatAction"
        ) or method == "editMessageText":
            return {
                "message_id": len(self.calls),
                "date": int(time.time()),
                "chat": {"id": int(params.get("chat_id", 0)), "type": "private"},
                "text": params.get("text", ""),
            }
        return True

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        """The parameters of every call of one method, oldest first."""
        with self.lock:
            return [p for m, p in self.calls if m == method]

    def push(self, update: dict[str, Any]) -> None:
        """Queues an update for getUpdates."""
        with self.lock:
            self.updates.append(update)

    def messages(self, chat_id: int) -> list[dict[str, Any]]:
        """Messages sent or edited in one chat, oldest first."""
        with self.lock:
            return [
                p
                for m, p in self.calls
                if m in {"sendMessage", "editMessageText"} and int(p.get("chat_id", 0)) == chat_id
            ]


def button_data(params: dict[str, Any]) -> list[str]:
    """The callback data of a message's inline buttons."""
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        markup = json.loads(markup)
    if not isinstance(markup, dict):
        return []
    return [
        str(b.get("callback_data", ""))
        for row in markup.get("inline_keyboard", [])
        for b in row
        if b.get("callback_data")
    ]
