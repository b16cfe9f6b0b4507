"""NLU training started on the editors' page, against the real Rasa: the new model is scored
beside the running one on the held-out set and loaded through Rasa's HTTP API only when it is at
least as good."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from redis.asyncio import Redis

from bot import nlu_cli
from bot.services.accounts import Role
from bot.services.analytics import Analytics
from bot.services.nlu_training import JobState, NluTrainer, loadable
from tests.conftest import make_settings
from tests.editor_support import add_account, chromium, copy_repo, log_in, serve_editor

pytestmark = [pytest.mark.nlu, pytest.mark.slow]


@pytest.fixture(scope="module")
def running_rasa() -> Iterator[str]:
    """A Rasa server of its own (this test swaps its model), on the repository's model."""
    if not nlu_cli.rasa_bin().exists():
        pytest.fail("Rasa is not installed; run the README's test command (make test)")
    server = nlu_cli.start_server()
    yield server.url
    server.stop()


def test_the_rule_loads_only_a_model_at_least_as_good() -> None:
    assert loadable(0.91, 0.90) and loadable(0.90, 0.90)
    assert not loadable(0.89, 0.90)
    assert not loadable(None, 0.9) and not loadable(0.9, None)


async def test_an_admin_trains_from_the_page_and_the_better_model_is_loaded(
    tmp_path: Path, redis: Redis, running_rasa: str
) -> None:
    root = copy_repo(tmp_path / "repo", nlu=True)
    settings = make_settings(root, nlu_dir=root / "nlu", rasa_url=running_rasa)
    await add_account(redis, "anna", Role.ADMIN)
    await Analytics(redis).record_unanswered(
        "brauche ich für das Girokonto eine Schufa-Auskunft", "de", "nlu_fallback", "banking"
    )
    async with httpx.AsyncClient(base_url=running_rasa) as rasa:
        before = Path((await rasa.get("/status")).json()["model_file"]).name
    async with serve_editor(settings, redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "anna")
        await page.goto(base + "/questions")
        await page.locator("article.group button:has-text('Als Trainingsbeispiel')").click()
        await page.click("#train")
        assert "Training gestartet" in await page.locator(".flash.ok").inner_text()
        assert await page.get_attribute("#job", "data-state") in {"training", "scoring_current"}
        trainer = NluTrainer(redis, settings)
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            status = await trainer.status()
            assert status is not None
            if not status.running:
                break
            await asyncio.sleep(2)
        assert status.state in {JobState.LOADED, JobState.KEPT}, status
        await page.goto(base + "/questions")
        shown = await page.locator("#job").inner_text()
        assert "%" in await page.inner_text("#current-score")
        assert "%" in await page.inner_text("#new-score")
        assert status.new_model in shown and before in shown
    assert status.current_score is not None and status.new_score is not None
    async with httpx.AsyncClient(base_url=running_rasa) as rasa:
        after = Path((await rasa.get("/status")).json()["model_file"]).name
        parsed = (await rasa.post("/model/parse", json={"text": "Girokonto eröffnen"})).json()
    assert (status.state is JobState.LOADED) == (status.new_score >= status.current_score)
    assert after == (status.new_model if status.state is JobState.LOADED else before)
    assert parsed["intent"]["name"] == "banking"  # the server answers after the swap
    assert (root / "nlu" / "models" / status.new_model).exists() or status.state is JobState.KEPT
