"""A LibreTranslate-compatible server on loopback: the translator's stand-in in tests.

"Translates" by tagging the text with the target language (``[ti] …``), which keeps glossary
tokens intact, so tests can see exactly what was sent and returned. Failure modes are switched
on per test: HTTP status codes for the next N requests, hanging, malformed bodies.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

LANGUAGES = {
    "en": "English",
    "de": "German",
    "ar": "Arabic",
    "fa": "Persian",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "ru": "Russian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "pl": "Polish",
    "fr": "French",
    "ku": "Kurdish",
    "ti": "Tigrinya",
    "so": "Somali",
    "es": "Spanish",
}


class FakeLibreTranslate:
    """Start with ``with FakeLibreTranslate() as server: server.url``."""

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail_next: list[int] = []  # HTTP statuses to answer the next translate requests with
        self.hang_seconds = 0.0
        self.malformed = False
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if urlparse(self.path).path.rstrip("/") == "/languages":
                    body = [
                        {"code": c, "name": n, "targets": list(LANGUAGES)}
                        for c, n in LANGUAGES.items()
                    ]
                    self._send(200, json.dumps(body).encode())
                else:
                    self._send(404, b"{}")

            def do_POST(self) -> None:
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                params = {k: v[0] for k, v in parse_qs(parsed.query).items()}
                params.update({k: v[0] for k, v in parse_qs(raw).items()})
                if parsed.path.rstrip("/") != "/translate":
                    self._send(404, b"{}")
                    return
                with fake.lock:
                    fake.requests.append(params)
                    status = fake.fail_next.pop(0) if fake.fail_next else 200
                if fake.hang_seconds:
                    time.sleep(fake.hang_seconds)
                if status != 200:
                    self._send(status, json.dumps({"error": "nope"}).encode())
                    return
                if fake.malformed:
                    self._send(200, b"<html>not json", "text/html")
                    return
                if params.get("source") not in LANGUAGES or params.get("target") not in LANGUAGES:
                    self._send(400, json.dumps({"error": "language not supported"}).encode())
                    return
                text = f"[{params['target']}] {params.get('q', '')}"
                self._send(200, json.dumps({"translatedText": text}).encode())

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> FakeLibreTranslate:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
