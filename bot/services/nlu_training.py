"""NLU training started from the editors' page, and the running Rasa server's model swap.

One job at a time (a Redis lease): train ``nlu/`` into a new model, score the model the running
Rasa server has loaded and the new one on the held-out set ``nlu/tests/`` (the same score as
``lotse nlu eval``: accuracy after the bot's thresholds), and load the new model into the running
server through Rasa's HTTP API (``PUT /model``) only when it scores at least as well. The job's
state, progress and both scores live in Redis, so every page process shows them.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import json
import logging
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
from redis.asyncio import Redis

from bot import nlu_cli
from bot.languages import CODES
from bot.local_redis import free_port
from bot.services.redis_values import text as as_str
from bot.settings import Settings

log = logging.getLogger(__name__)

JOB = "lotse:editor:nlu-job"
LEASE = "lotse:editor:nlu-lease"
LAST_DURATION = "lotse:editor:nlu-train-seconds"
#: A job whose state has not moved for this long died with its process.
STALE_SECONDS = 900
CHUNK = 40


class JobState(enum.StrEnum):
    """Where a training job is."""

    TRAINING = "training"
    SCORING_CURRENT = "scoring_current"
    SCORING_NEW = "scoring_new"
    LOADING = "loading"
    LOADED = "loaded"
    KEPT = "kept"
    FAILED = "failed"


RUNNING = {JobState.TRAINING, JobState.SCORING_CURRENT, JobState.SCORING_NEW, JobState.LOADING}


@dataclass(frozen=True)
class JobStatus:
    """What the page shows about the newest training job."""

    state: JobState
    by: str
    started: float
    updated: float
    progress: float = 0.0
    current_model: str = ""
    current_score: float | None = None
    new_model: str = ""
    new_score: float | None = None
    reason: str = ""

    @property
    def running(self) -> bool:
        """True while the job works (and its process is alive)."""
        return self.state in RUNNING

    @property
    def percent(self) -> int:
        """Progress of the current step, 0 to 100."""
        return round(self.progress * 100)


def held_out(nlu_dir: Path) -> list[tuple[str, str, str]]:
    """(language, expected intent, text) of every held-out example in ``nlu_dir/tests``."""
    rows = []
    for lang in CODES:
        path = nlu_dir / "tests" / f"{lang}.yml"
        if path.is_file():
            for intent, texts in nlu_cli.read_examples(path).items():
                rows += [(lang, intent, text) for text in texts]
    return rows


def loadable(new: float | None, current: float | None) -> bool:
    """The rule: the new model replaces the running one only when it scores at least as well."""
    return new is not None and current is not None and new >= current


class NluTrainer:
    """Runs training jobs and reports their state."""

    def __init__(
        self,
        redis: Redis,
        settings: Settings,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.settings = settings
        self.nlu_dir = settings.nlu_dir
        self.clock = clock
        self._task: asyncio.Task[None] | None = None

    @property
    def available(self) -> bool:
        """True when Rasa is installed next to this process (``make nlu-venv``)."""
        return nlu_cli.rasa_bin().exists()

    async def status(self) -> JobStatus | None:
        """The newest job, or None; a job whose process died is shown as failed."""
        raw = await self.redis.get(JOB)
        if raw is None:
            return None
        data = json.loads(as_str(raw))
        data["state"] = JobState(data["state"])
        status = JobStatus(**data)
        if status.running and self.clock() - status.updated > STALE_SECONDS:
            return JobStatus(**{**asdict(status), "state": JobState.FAILED, "reason": "stale"})
        return status

    async def _set(self, status: JobStatus) -> JobStatus:
        status = JobStatus(**{**asdict(status), "updated": self.clock()})
        await self.redis.set(JOB, json.dumps(asdict(status)), ex=30 * 86_400)
        await self.redis.expire(LEASE, STALE_SECONDS)
        return status

    async def start(self, by: str) -> bool:
        """Starts a job in this process; False when one is running somewhere already."""
        if not self.settings.rasa_url:
            raise RuntimeError("RASA_URL is not set")
        if not await self.redis.set(LEASE, by, nx=True, ex=STALE_SECONDS):
            return False
        now = self.clock()
        await self._set(JobStatus(JobState.TRAINING, by, now, now))
        self._task = asyncio.create_task(self._run(by, now), name="nlu-training")
        return True

    async def wait(self) -> None:
        """Waits for this process's job to end (tests, shutdown)."""
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def stop(self) -> None:
        """Cancels this process's job (the editor shuts down)."""
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await self.wait()

    async def _run(self, by: str, started: float) -> None:
        status = JobStatus(JobState.TRAINING, by, started, started)
        try:
            status = await self._train(status)
            status = await self._score_current(status)
            status = await self._score_new(status)
            if loadable(status.new_score, status.current_score):
                status = await self._set(JobStatus(**{**asdict(status), "state": JobState.LOADING}))
                await self._load(status.new_model)
                status = JobStatus(**{**asdict(status), "state": JobState.LOADED, "progress": 1})
            else:
                status = JobStatus(**{**asdict(status), "state": JobState.KEPT, "progress": 1})
            await self._set(status)
            log.info(
                "NLU training by %s: %s (current %.4f, new %.4f)",
                by,
                status.state,
                status.current_score or 0,
                status.new_score or 0,
            )
        except asyncio.CancelledError:
            await self._set(
                JobStatus(**{**asdict(status), "state": JobState.FAILED, "reason": "stopped"})
            )
            raise
        except Exception as exc:  # the page must show any failure
            log.exception("NLU training failed")
            reason = str(exc) if isinstance(exc, TrainingError) else "unexpected"
            await self._set(
                JobStatus(**{**asdict(status), "state": JobState.FAILED, "reason": reason})
            )
        finally:
            await self.redis.delete(LEASE)

    # -- steps ---------------------------------------------------------------------------------
    async def _train(self, status: JobStatus) -> JobStatus:
        name = f"lotse-{nlu_cli.data_hash(self.nlu_dir)}"
        target = self.nlu_dir / "models" / f"{name}.tar.gz"
        status = JobStatus(**{**asdict(status), "new_model": target.name})
        if target.exists():
            return await self._set(JobStatus(**{**asdict(status), "progress": 1.0}))
        target.parent.mkdir(parents=True, exist_ok=True)
        expected = float(as_str(await self.redis.get(LAST_DURATION)) or 90)
        command = nlu_cli.train_command("models", name)
        process = await asyncio.create_subprocess_exec(
            *command,
            cwd=self.nlu_dir,
            env=nlu_cli._rasa_env(self.nlu_dir),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        begun = time.monotonic()
        while True:
            try:
                await asyncio.wait_for(asyncio.shield(process.wait()), timeout=2)
                break
            except TimeoutError:
                elapsed = time.monotonic() - begun
                progress = min(0.95, elapsed / max(expected, 1.0))
                status = await self._set(JobStatus(**{**asdict(status), "progress": progress}))
        if process.returncode != 0 or not target.exists():
            # Not its output: the training data holds questions newcomers typed.
            log.warning("rasa train failed with exit code %s", process.returncode)
            raise TrainingError("train")
        await self.redis.set(LAST_DURATION, f"{time.monotonic() - begun:.1f}")
        return await self._set(JobStatus(**{**asdict(status), "progress": 1.0}))

    async def _score(self, url: str, status: JobStatus) -> float:
        rows = held_out(self.nlu_dir)
        if not rows:
            raise TrainingError("no-held-out")
        results: list[dict[str, Any]] = []
        for start in range(0, len(rows), CHUNK):
            chunk = [text for _, _, text in rows[start : start + CHUNK]]
            results += await nlu_cli._parse_lines(url, self.settings, chunk, "de")
            progress = len(results) / len(rows)
            await self._set(JobStatus(**{**asdict(status), "progress": progress}))
        if any(r.get("decision") == "unavailable" for r in results):
            raise TrainingError("rasa-unavailable")
        return float(nlu_cli.score(rows, results)["accuracy"])

    async def _score_current(self, status: JobStatus) -> JobStatus:
        url = self.settings.rasa_url or ""
        status = await self._set(
            JobStatus(**{**asdict(status), "state": JobState.SCORING_CURRENT, "progress": 0.0})
        )
        async with httpx.AsyncClient(timeout=10) as client:
            try:
                response = await client.get(f"{url.rstrip('/')}/status")
                response.raise_for_status()
                current = Path(str(response.json().get("model_file") or "")).name
            except (httpx.HTTPError, ValueError):
                raise TrainingError("rasa-unavailable") from None
        score = await self._score(url, JobStatus(**{**asdict(status), "current_model": current}))
        return await self._set(
            JobStatus(**{**asdict(status), "current_model": current, "current_score": score})
        )

    async def _score_new(self, status: JobStatus) -> JobStatus:
        status = await self._set(
            JobStatus(**{**asdict(status), "state": JobState.SCORING_NEW, "progress": 0.0})
        )
        model = self.nlu_dir / "models" / status.new_model
        port = free_port()
        command = [*nlu_cli.run_command(model, port, "127.0.0.1"), "--log-file", "/dev/null"]
        process = await asyncio.create_subprocess_exec(
            *command,
            cwd=self.nlu_dir,
            env=nlu_cli._rasa_env(self.nlu_dir),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 240
            while not await asyncio.to_thread(nlu_cli.is_up, url):
                if process.returncode is not None or time.monotonic() > deadline:
                    raise TrainingError("new-server")
                await asyncio.sleep(1)
            score = await self._score(url, status)
        finally:
            if process.returncode is None:
                process.terminate()
                try:
                    await asyncio.wait_for(process.wait(), timeout=20)
                except TimeoutError:
                    process.kill()
                    await process.wait()
        return await self._set(JobStatus(**{**asdict(status), "new_score": score}))

    def model_path_for_rasa(self, name: str) -> str:
        """The new model's path as the Rasa server sees it."""
        if self.settings.editor_rasa_model_dir:
            return f"{self.settings.editor_rasa_model_dir.rstrip('/')}/{name}"
        return str((self.nlu_dir / "models" / name).resolve())

    async def _load(self, name: str) -> None:
        url = (self.settings.rasa_url or "").rstrip("/")
        async with httpx.AsyncClient(timeout=120) as client:
            try:
                response = await client.put(
                    f"{url}/model", json={"model_file": self.model_path_for_rasa(name)}
                )
                response.raise_for_status()
                loaded = (await client.get(f"{url}/status")).json().get("model_file", "")
            except (httpx.HTTPError, ValueError):
                raise TrainingError("load") from None
        if Path(str(loaded)).name != name:
            raise TrainingError("load")


class TrainingError(Exception):
    """A step of the job failed; the message is a short code the page explains."""
