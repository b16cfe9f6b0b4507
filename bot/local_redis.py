"""A private redis-server on a free loopback port: for the local chat and the tests.

``lotse run``/``lotse chat`` without ``REDIS_URL`` start one (when Debian's redis-server is
installed), so bookings, reminders and handoff cases work in the local chat as they do in
production; the tests start one per session.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    """A TCP port on the loopback interface that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """Starts redis-server on 127.0.0.1 and waits until it answers PING."""

    def __init__(self, data_dir: Path | None = None) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise FileNotFoundError("redis-server is not installed (Debian package redis-server)")
        self.port = free_port()
        args = [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        args += ["--protected-mode", "yes", "--loglevel", "warning", "--appendonly", "no"]
        if data_dir is None:
            args += ["--save", ""]
        else:
            # Kept between runs of the local chat: a snapshot every minute and at shutdown.
            data_dir.mkdir(parents=True, exist_ok=True)
            args += ["--dir", str(data_dir), "--save", "60 1"]
        self.process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._wait()

    @property
    def url(self) -> str:
        """The ``REDIS_URL`` of this server."""
        return f"redis://127.0.0.1:{self.port}/0"

    def _wait(self) -> None:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        """Stops the server (it saves its snapshot first when it has a data directory)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
