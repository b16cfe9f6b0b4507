"""A Rasa-compatible NLU server on loopback, for the fault cases the real one cannot be made to
show on demand: slow, hanging, answering garbage or 500. It counts the parse requests.

It "understands" every message as a greeting with high confidence, so a reply that follows a
good reading is easy to tell from the degraded one ("I cannot read typed questions right now").
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeRasa:
    """Start with ``with FakeRasa() as rasa: rasa.url``; switch faults on per test."""

    def __init__(self) -> None:
        self.requests = 0
        self.delay_seconds = 0.0
        self.status = 200
        self.malformed = False
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _send(self, status: int, body: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    return  # the client gave up waiting

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b"{}"
                with fake.lock:
                    fake.requests += 1
                if fake.delay_seconds:
                    time.sleep(fake.delay_seconds)
                if fake.status != 200:
                    self._send(fake.status, b'{"error": "boom"}')
                    return
                if fake.malformed:
                    self._send(200, b'{"intent": "greet", "oops": [')
                    return
                text = json.loads(raw or b"{}").get("text", "")
                body = {
                    "text": text,
                    "intent": {"name": "greet", "confidence": 0.97},
                    "intent_ranking": [{"name": "greet", "confidence": 0.97}],
                    "entities": [],
                }
                self._send(200, json.dumps(body).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeRasa:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
