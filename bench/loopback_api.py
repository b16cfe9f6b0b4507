"""Plain-asyncio HTTP/1.1 for `make bench-load`: the loopback Bot API and the webhook poster.

Starlette + httpx in the driver cost more CPU per request than the bots under test (on a
shared 2-core machine the driver became the bottleneck); this keeps the driver's cost per
update to a few tens of microseconds, so the figures measure the bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl


async def _read_message(reader: asyncio.StreamReader) -> tuple[str, dict[str, str], bytes]:
    """(first line, headers, body) of one HTTP/1.1 message; raises on a closed connection."""
    first = await reader.readline()
    if not first:
        raise ConnectionError("closed")
    headers: dict[str, str] = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    body = await reader.readexactly(length) if length else b""
    return first.decode("latin-1").strip(), headers, body


class BotApiServer:
    """Answers Bot API calls; ``on_message(chat_id)`` for every message sent or edited."""

    def __init__(self, bot: dict[str, Any], on_message: Callable[[int], None]) -> None:
        self.bot = bot
        self.on_message = on_message
        self.calls = 0
        self.server: asyncio.Server | None = None

    async def start(self, port: int) -> None:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", port, backlog=1024)

    async def stop(self) -> None:
        if self.server is not None:
            self.server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.server.wait_closed(), 2)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                first, headers, body = await _read_message(reader)
                method = first.split(" ")[1].rsplit("/", 1)[-1]
                ctype = headers.get("content-type", "")
                params: dict[str, Any] = {}
                if "json" in ctype and body:
                    params = json.loads(body)
                elif "urlencoded" in ctype:
                    params = dict(parse_qsl(body.decode()))
                payload = json.dumps({"ok": True, "result": self.answer(method, params)}).encode()
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                    b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload
                )
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, IndexError):
            pass
        finally:
            writer.close()

    def answer(self, method: str, params: dict[str, Any]) -> Any:
        self.calls += 1
        if method == "getMe":
            return self.bot
        if (method.startswith("send") and method != "sendChatAction") or method.startswith("edit"):
            chat = int(params.get("chat_id", 0) or 0)
            self.on_message(chat)
            return {
                "message_id": self.calls,
                "date": int(time.time()),
                "chat": {"id": chat, "type": "private"},
                "text": str(params.get("text", "")),
            }
        return True


class WebhookPoster:
    """Posts updates to a webhook over at most ``connections`` kept-alive connections."""

    def __init__(self, port: int, path: str, secret: str, connections: int = 40) -> None:
        self.port = port
        self.path = path
        self.secret = secret
        self.free: asyncio.Queue[tuple[asyncio.StreamReader, asyncio.StreamWriter] | None] = (
            asyncio.Queue()
        )
        for _ in range(connections):
            self.free.put_nowait(None)

    async def post(self, update: dict[str, Any]) -> int:
        """Posts one update; returns the HTTP status. A kept-alive connection the server has
        closed meanwhile (uvicorn closes idle ones after 5 s) is replaced once."""
        conn = await self.free.get()
        try:
            for attempt in (1, 2):
                reused = conn is not None
                if conn is None:
                    conn = await asyncio.open_connection("127.0.0.1", self.port)
                try:
                    return await self._send(conn, update)
                except (ConnectionError, asyncio.IncompleteReadError):
                    conn[1].close()
                    conn = None
                    if not reused or attempt == 2:
                        raise
            raise ConnectionError("unreachable")
        finally:
            self.free.put_nowait(conn)

    async def _send(
        self, conn: tuple[asyncio.StreamReader, asyncio.StreamWriter], update: dict[str, Any]
    ) -> int:
        reader, writer = conn
        body = json.dumps(update).encode()
        writer.write(
            f"POST {self.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Content-Type: application/json\r\n"
            f"X-Telegram-Bot-Api-Secret-Token: {self.secret}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )
        await writer.drain()
        first, _, _ = await _read_message(reader)
        return int(first.split(" ")[1])

    async def close(self) -> None:
        while not self.free.empty():
            conn = self.free.get_nowait()
            if conn is not None:
                conn[1].close()
