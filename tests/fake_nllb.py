"""The NLLB service (deploy/nllb) on loopback, with a stand-in for the model.

Everything but the model is real: the Starlette app, its language-code mapping, segmentation
and batching, served by uvicorn on 127.0.0.1. The stand-in "translates" by tagging each segment
with the FLORES code it was asked for (``[kmr_Latn] …``), so tests see the mapping at work; it
records every batch, and can fail or hang on demand.
"""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from types import ModuleType
from typing import Self

import uvicorn

from bot import PROJECT_ROOT


def load_service() -> ModuleType:
    """deploy/nllb/nllb_server.py as a module (it is not part of the bot's package)."""
    name = "nllb_server"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, PROJECT_ROOT / "deploy" / "nllb" / "nllb_server.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


class TaggingBackend:
    """The model's stand-in: ``[<flores target>] text`` per segment."""

    def __init__(self) -> None:
        self.batches: list[tuple[list[str], str, str]] = []
        self.fail_next = 0
        self.hang_seconds = 0.0
        self.release = threading.Event()
        self.delay = 0.0  # seconds per batch, so concurrent requests can meet in one
        self.lock = threading.Lock()

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str]:
        with self.lock:
            self.batches.append((list(texts), source, target))
            failing = self.fail_next > 0
            self.fail_next -= 1 if failing else 0
        if self.hang_seconds:
            self.release.wait(self.hang_seconds)
        if self.delay:
            time.sleep(self.delay)
        if failing:
            raise RuntimeError("model exploded")
        return [f"[{target}] {text}" for text in texts]


class FakeNllb:
    """Start with ``with FakeNllb() as server: server.url``; ``server.backend`` is the model."""

    def __init__(self, *, loads_after: int = 0, retry_seconds: float = 0.05) -> None:
        self.backend = TaggingBackend()
        self.load_attempts = 0
        module = load_service()

        def load() -> TaggingBackend:
            self.load_attempts += 1
            if self.load_attempts <= loads_after:
                raise FileNotFoundError("no model yet")
            return self.backend

        self.app = module.build_app(load, retry_seconds=retry_seconds)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/"

    def ready(self) -> bool:
        return self.app.state.service.batcher is not None

    def __enter__(self) -> Self:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.01)
        assert self.server.started, "the NLLB service did not start"
        return self

    def __exit__(self, *exc: object) -> None:
        self.backend.release.set()
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
