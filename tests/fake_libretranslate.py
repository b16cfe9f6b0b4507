"""Translation servers on loopback: the stand-ins for LibreTranslate, DeepL and Google in tests.

They "translate" by tagging the text with the target language (``[ti] …``), which keeps glossary
tokens intact, so tests can see exactly what was sent and returned. Failure modes are switched
on per test: HTTP status codes for the next N requests, hanging, malformed bodies. Every
request is recorded raw (path, query string, headers, body) so tests can check that texts and
keys travel in bodies and headers, never in URLs.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, Self
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


class LoopbackServer:
    """A threaded HTTP server on 127.0.0.1 with switchable failures.

    Start with ``with Server() as server: server.url``. Subclasses answer in ``route``.
    """

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []  # the translate requests' parameters
        self.raw: list[dict[str, Any]] = []  # every request: method, path, query, headers, body
        self.fail_next: list[int] = []  # HTTP statuses to answer the next translate requests with
        self.hang_seconds = 0.0
        self.malformed = False
        self.lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                return

            def _send(self, status: int, body: bytes, ctype: str = "application/json") -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a test's time budget)

            def _handle(self) -> None:
                parsed = urlparse(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode() if length else ""
                body: Any
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw) if raw else None
                else:
                    body = {k: v[0] for k, v in parse_qs(raw).items()}
                with fake.lock:
                    fake.raw.append(
                        {
                            "method": self.command,
                            "path": parsed.path,
                            "query": parsed.query,
                            "headers": dict(self.headers.items()),
                            "body": body,
                        }
                    )
                status, answer = fake.route(self.command, parsed.path.rstrip("/"), body, self)
                if isinstance(answer, bytes):
                    self._send(status, answer, "text/html")
                else:
                    self._send(status, json.dumps(answer).encode())

            do_GET = _handle
            do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def failure(self, params: dict[str, Any]) -> tuple[int, Any] | None:
        """Records a translate request and plays the switched-on failure, if any."""
        with self.lock:
            self.requests.append(params)
            status = self.fail_next.pop(0) if self.fail_next else 200
        if self.hang_seconds:
            time.sleep(self.hang_seconds)
        if status != 200:
            return status, {"error": "nope"}
        if self.malformed:
            return 200, b"<html>not json"
        return None

    def route(
        self, method: str, path: str, body: Any, handler: BaseHTTPRequestHandler
    ) -> tuple[int, Any]:
        return 404, {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/"

    def __enter__(self) -> Self:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def deployed_languages() -> dict[str, str]:
    """The languages docker-compose.yml has LibreTranslate load (``LT_LOAD_ONLY``), named."""
    import yaml
    from babel import Locale

    from bot import PROJECT_ROOT

    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    codes = compose["services"]["libretranslate"]["environment"]["LT_LOAD_ONLY"].split(",")
    english = Locale("en").languages
    return {code: str(english.get(code, code)) for code in codes}


class FakeLibreTranslate(LoopbackServer):
    """LibreTranslate's API: ``GET /languages``, ``POST /translate`` (JSON or form body).

    ``languages``: code -> name (default: a broad table). ``english_only``: each language
    translates only from and into English, like the argos-translate packages themselves (a
    real LibreTranslate pivots internally and lists every target). ``targets_only``: languages
    it translates into but not from. ``api_key``: required.
    """

    def __init__(
        self,
        languages: dict[str, str] | None = None,
        *,
        english_only: bool = False,
        targets_only: frozenset[str] = frozenset(),
        api_key: str | None = None,
    ) -> None:
        super().__init__()
        self.languages = dict(LANGUAGES if languages is None else languages)
        self.english_only = english_only
        self.targets_only = targets_only
        self.api_key = api_key

    def targets(self, code: str) -> list[str]:
        if code in self.targets_only:
            return []
        if not self.english_only:
            return [c for c in self.languages if c != code]
        return [c for c in self.languages if c != code and "en" in (c, code)]

    def route(
        self, method: str, path: str, body: Any, handler: BaseHTTPRequestHandler
    ) -> tuple[int, Any]:
        if method == "GET" and path == "/languages":
            return 200, [
                {"code": c, "name": n, "targets": self.targets(c)}
                for c, n in self.languages.items()
            ]
        if method != "POST" or path != "/translate":
            return 404, {}
        params = dict(body or {})
        failed = self.failure(params)
        if failed is not None:
            return failed
        if self.api_key is not None and params.get("api_key") != self.api_key:
            return 403, {"error": "Invalid API key"}
        source, target = params.get("source"), params.get("target")
        if source not in self.languages or target not in self.targets(str(source)):
            return 400, {"error": "language not supported"}
        return 200, {"translatedText": f"[{target}] {params.get('q', '')}"}


class FakeDeepL(LoopbackServer):
    """DeepL's API v2: ``GET /v2/languages?type=…``, ``POST /v2/translate`` (JSON body, the
    key in ``Authorization: DeepL-Auth-Key …``)."""

    SOURCES: ClassVar[dict[str, str]] = {
        "DE": "German", "EN": "English", "UK": "Ukrainian", "PL": "Polish", "TR": "Turkish"
    }  # fmt: skip
    TARGETS: ClassVar[dict[str, str]] = {
        "DE": "German", "EN-GB": "English (British)", "EN-US": "English (American)",
        "UK": "Ukrainian", "PL": "Polish", "TR": "Turkish",
    }  # fmt: skip

    def __init__(self, api_key: str) -> None:
        super().__init__()
        self.api_key = api_key

    def route(
        self, method: str, path: str, body: Any, handler: BaseHTTPRequestHandler
    ) -> tuple[int, Any]:
        if handler.headers.get("Authorization") != f"DeepL-Auth-Key {self.api_key}":
            return 403, {"message": "Wrong key"}
        if method == "GET" and path == "/v2/languages":
            kind = parse_qs(urlparse(handler.path).query).get("type", ["source"])[0]
            table = self.SOURCES if kind == "source" else self.TARGETS
            return 200, [{"language": c, "name": n} for c, n in table.items()]
        if method != "POST" or path != "/v2/translate":
            return 404, {}
        params = dict(body or {})
        failed = self.failure(params)
        if failed is not None:
            return failed
        if params.get("target_lang") not in self.TARGETS:
            return 400, {"message": "Value for 'target_lang' not supported."}
        tag = str(params["target_lang"]).lower()
        return 200, {"translations": [{"text": f"[{tag}] {t}"} for t in params["text"]]}


class FakeGoogle(LoopbackServer):
    """Google Cloud Translation v2: ``POST /language/translate/v2`` and ``…/languages``
    (JSON bodies, the key in ``X-Goog-Api-Key``)."""

    LANGUAGES: ClassVar[dict[str, str]] = {
        "de": "German", "en": "English", "ti": "Tigrinya", "ku": "Kurdish (Kurmanji)",
        "iw": "Hebrew", "so": "Somali",
    }  # fmt: skip

    def __init__(self, api_key: str) -> None:
        super().__init__()
        self.api_key = api_key

    def route(
        self, method: str, path: str, body: Any, handler: BaseHTTPRequestHandler
    ) -> tuple[int, Any]:
        if handler.headers.get("X-Goog-Api-Key") != self.api_key:
            return 403, {"error": {"code": 403, "message": "API key not valid"}}
        if method == "POST" and path == "/language/translate/v2/languages":
            languages = [{"language": c, "name": n} for c, n in self.LANGUAGES.items()]
            return 200, {"data": {"languages": languages}}
        if method != "POST" or path != "/language/translate/v2":
            return 404, {}
        params = dict(body or {})
        failed = self.failure(params)
        if failed is not None:
            return failed
        translations = [{"translatedText": f"[{params['target']}] {q}"} for q in params["q"]]
        return 200, {"data": {"translations": translations}}
