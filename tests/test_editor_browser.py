"""The editors' page in a real browser (Debian's Chromium driven by Playwright), with a real
Redis, the loopback translator and a running bot that has its own copy of the files."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from playwright.async_api import Page
from redis.asyncio import Redis
from starlette.routing import Route

from bot.languages import CODES
from bot.render import to_plain
from bot.services.accounts import Role
from bot.services.analytics import UNANSWERED, Analytics
from bot.services.content_store import ContentStore
from bot.services.questions import NluData, plain_example
from tests.conftest import AppFactory, make_settings
from tests.editor_support import (
    add_account,
    chromium,
    copy_repo,
    csrf_of,
    log_in,
    log_out,
    serve_editor,
)
from tests.fake_libretranslate import FakeLibreTranslate
from tests.helpers import all_text, messages

NEW_SENTENCE = "Neu: Fragen Sie Ihre Bank nach einem Konto ohne Gebühren."


async def status_of(page: Page, topic: str, lang: str) -> str:
    cell = page.locator(f"td[data-topic='{topic}'][data-lang='{lang}']")
    return str(await cell.get_attribute("data-status"))


async def flash_text(page: Page) -> str:
    return " ".join(await page.locator(".flash").all_inner_texts())


async def wait_for_answer(chat, data: str, wanted: str, seconds: float = 20) -> tuple[str, float]:
    """Taps a button until the answer contains ``wanted``; the answer and how long it took."""
    started = time.monotonic()
    while True:
        text = all_text(await chat.press_data(data))
        if wanted in text or time.monotonic() - started > seconds:
            return text, time.monotonic() - started
        await asyncio.sleep(0.05)


async def test_edit_translate_review_publish_and_the_bot_answers(
    tmp_path: Path, redis: Redis, make_chat: AppFactory, libre: FakeLibreTranslate
) -> None:
    editor_root = copy_repo(tmp_path / "editor")
    bot_root = copy_repo(tmp_path / "bot")  # the bot shares no disk with the page
    settings = make_settings(editor_root, translator="libre", libretranslate_url=libre.url)
    await add_account(redis, "erika", Role.EDITOR)
    await add_account(redis, "rita", Role.REVIEWER, ("ar", "fa"))
    arabic = await make_chat(language_code="ar", root=bot_root)
    await arabic.press_data("lang:v1:ar")
    german = await make_chat(language_code="de", root=bot_root, user_id=5151)
    await german.press_data("lang:v1:de")
    async with serve_editor(settings, redis) as base, chromium() as browser:
        page = await browser.new_page()
        await page.goto(base + "/")
        assert "/login" in page.url  # nothing without an account
        await log_in(page, base, "erika")
        assert await status_of(page, "banking", "ar") == "MACHINE_TRANSLATED"

        # Edit the German source: preview and checks first, then save.
        await page.click("#status-table a[href='/topics/banking']")
        body = page.locator("textarea[name='body:']")
        await body.fill((await body.input_value()) + "\n\n" + NEW_SENTENCE)
        await page.click("button:has-text('Vorschau und Prüfung')")
        assert NEW_SENTENCE in await page.locator("#preview").inner_text()
        assert "11 Übersetzungen veraltet" in await page.locator("#source-form").inner_text()
        await page.click("button:has-text('Entwurf speichern')")
        assert "11 Übersetzungen sind jetzt veraltet" in await flash_text(page)

        # Every translation is OUTDATED now, and the diff shows what changed.
        await page.goto(base + "/")
        for lang in CODES:
            assert await status_of(page, "banking", lang) == (
                "UP_TO_DATE" if lang == "de" else "OUTDATED"
            )
        await page.goto(base + "/topics/banking/ar")
        assert await page.get_attribute("#state", "data-status") == "OUTDATED"
        added = " ".join(await page.locator("#changes ins").all_inner_texts())
        assert "Fragen Sie Ihre Bank" in added
        assert await page.get_attribute("textarea[name='body:']", "dir") == "rtl"

        # A machine-made draft through the (loopback) translator.
        await page.click("#machine-translate")
        assert "Maschinelle Übersetzung als Entwurf gespeichert" in await flash_text(page)
        assert await page.get_attribute("#state", "data-status") == "MACHINE_TRANSLATED"
        assert (
            "[ar] Neu: Fragen Sie Ihre Bank"
            in await page.locator("textarea[name='body:']").input_value()
        )
        assert any(r.get("target") == "ar" for r in libre.requests)

        # An editor may neither review nor publish: refused by the server, not only hidden.
        token = await csrf_of(page)
        refused = await page.request.post(base + "/topics/banking/ar/review", form={"csrf": token})
        assert refused.status == 403
        await page.goto(base + "/publish")
        assert await page.locator("#publish").count() == 0
        refused = await page.request.post(base + "/publish", form={"csrf": token})
        assert refused.status == 403
        assert "darf Ihre Rolle nicht" in await refused.text()
        assert await ContentStore(redis).current_id() == 1  # nothing published
        await log_out(page)

        # A reviewer of Arabic marks it reviewed and publishes.
        await log_in(page, base, "rita")
        await page.goto(base + "/topics/banking/ar")
        await page.click("#mark-reviewed")
        assert await page.get_attribute("#state", "data-status") == "UP_TO_DATE"
        await page.goto(base + "/publish")
        await page.fill("input[name=note]", "Hinweis auf kostenlose Konten")
        await page.click("#publish")
        assert "Fassung 2 veröffentlicht" in await flash_text(page)

        # The running bot answers with the new text, in German and (reviewed) in Arabic.
        text, seconds = await wait_for_answer(german, "topic:v1:banking", NEW_SENTENCE)
        assert NEW_SENTENCE in text, text
        text, _ = await wait_for_answer(arabic, "topic:v1:banking", "[ar] Neu: Fragen Sie")
        assert "[ar] Neu: Fragen Sie Ihre Bank" in text
        machine_note = arabic.app.bot_data.catalogues.t("ar", "answer-machine-note")
        assert to_plain(machine_note).strip("\u200f") not in text
        print(f"publish-to-bot: {seconds:.2f} s")

        # The audit log says who did what.
        await log_out(page)
        await add_account(redis, "admin", Role.ADMIN)
        await log_in(page, base, "admin")
        await page.goto(base + "/audit")
        audit = await page.locator("table.audit").inner_text()
        for line in ("erika\tsave", "erika\tmachine-translate", "rita\treview", "rita\tpublish"):
            assert line in audit, audit


async def test_script_in_a_topic_is_escaped_in_the_preview_and_in_telegram(
    tmp_path: Path, redis: Redis, make_chat: AppFactory
) -> None:
    root = copy_repo(tmp_path / "editor")
    chat = await make_chat(language_code="de", root=copy_repo(tmp_path / "bot"))
    await chat.press_data("lang:v1:de")
    await add_account(redis, "anna", Role.ADMIN)
    attack = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
    async with serve_editor(make_settings(root), redis) as base, chromium() as browser:
        page = await browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: dialogs.append(d.message))
        await log_in(page, base, "anna")
        await page.goto(base + "/topics/banking")
        body = page.locator("textarea[name='body:']")
        await body.fill((await body.input_value()) + "\n\n" + attack)
        await page.click("button:has-text('Vorschau und Prüfung')")
        preview = page.locator("#preview")
        assert attack in await preview.inner_text()  # shown as text
        assert await preview.locator("script, img").count() == 0
        assert await page.locator("script").count() == 0
        assert await page.title() != "pwned" and dialogs == []
        await page.click("button:has-text('Entwurf speichern')")
        await page.goto(base + "/publish")
        await page.click("#publish")
        assert "veröffentlicht" in await flash_text(page)
    text, _ = await wait_for_answer(chat, "topic:v1:banking", "document.title")
    sent = next(c.text for c in reversed(messages(chat.api.calls)) if "document.title" in c.text)
    assert "&lt;script&gt;" in sent and "<script>" not in sent and "<img" not in sent
    assert attack in text


async def test_every_form_post_without_the_csrf_token_is_refused(
    tmp_path: Path, redis: Redis
) -> None:
    root = copy_repo(tmp_path / "editor")
    await add_account(redis, "anna", Role.ADMIN)
    settings = make_settings(root)
    async with serve_editor(settings, redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "anna")
        app_routes = page.context  # keep the session cookie
        from bot.editor.app import _routes

        posts = [
            r.path.replace("{topic_id}", "banking")
            .replace("{lang}", "ar")
            .replace("{name}", "anna")
            .replace("{todo_id}", "0123456789ab")
            for r in _routes()
            if isinstance(r, Route) and r.methods and "POST" in r.methods
        ]
        assert len(posts) >= 20
        token = await csrf_of(page)
        for path in posts:
            missing = await app_routes.request.post(base + path, form={"name": "x"})
            assert missing.status == 403, path
            forged = await app_routes.request.post(base + path, form={"csrf": "forged" * 8})
            assert forged.status == 403, path
        # The same token from another site is refused too (Origin check).
        foreign = await app_routes.request.post(
            base + "/logout", form={"csrf": token}, headers={"Origin": "https://evil.example"}
        )
        assert foreign.status == 403
        # Nothing changed: still logged in, nothing published.
        await page.goto(base + "/")
        assert "/login" not in page.url
        assert await ContentStore(redis).current_id() == 1
        # The session cookie cannot be read by scripts and is not sent cross-site.
        cookie = next(c for c in await page.context.cookies() if c["name"] == "lotse_editor")
        assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"


async def test_wrong_passwords_are_throttled_at_the_login(tmp_path: Path, redis: Redis) -> None:
    root = copy_repo(tmp_path / "editor")
    await add_account(redis, "erika", Role.EDITOR)
    async with serve_editor(make_settings(root), redis) as base, chromium() as browser:
        page = await browser.new_page()
        for _ in range(5):
            await log_in(page, base, "erika", "falsch-falsch")
            assert "Name oder Passwort stimmen nicht" in await flash_text(page)
        await log_in(page, base, "erika")  # the right password, but too soon
        assert "Zu viele falsche Versuche" in await flash_text(page)
        assert "/login" in page.url
        await asyncio.sleep(2.2)
        await log_in(page, base, "erika")
        assert page.url == base + "/"


async def test_an_unanswered_question_assigned_to_a_topic_lands_in_the_training_data(
    tmp_path: Path, redis: Redis, libre: FakeLibreTranslate
) -> None:
    root = copy_repo(tmp_path / "repo", nlu=True)
    settings = make_settings(
        root, nlu_dir=root / "nlu", translator="libre", libretranslate_url=libre.url
    )
    analytics = Analytics(redis)
    question = "کجا می‌توانم حساب بانکی بدون هزینه باز کنم؟"
    await analytics.record_unanswered(question, "fa", "nlu_fallback", "banking")
    await analytics.record_unanswered(
        "Wo kann ich hier Schach spielen?", "de", "out_of_scope", "out_of_scope"
    )
    await add_account(redis, "erika", Role.EDITOR)
    async with serve_editor(settings, redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "erika")
        await page.goto(base + "/questions")
        group = page.locator("article.group", has_text=question)
        # The German machine translation beside the original.
        assert f"[de] {question}" in await group.inner_text()
        assert await group.locator("select[name=intent]").input_value() == "banking"
        await group.locator("button:has-text('Als Trainingsbeispiel zuordnen')").click()
        assert "1 Trainingsbeispiel(e) für „banking“ hinzugefügt" in await flash_text(page)
        assert await page.locator("article.group", has_text=question).count() == 0
        other = page.locator("article.group", has_text="Schach")
        await other.locator("input[name=note]").fill("Freizeit: Vereine")
        await other.locator("button:has-text('Braucht neuen Inhalt')").click()
        await page.goto(base + "/")
        assert "Freizeit: Vereine" in await page.locator("ul.todos").inner_text()
    examples = NluData.examples(root / "nlu" / "data" / "nlu" / "banking" / "fa.yml")["banking"]
    assert plain_example(examples[-1]) == plain_example(question)
    assert await redis.xlen(UNANSWERED) == 0
    # The real training data was not touched.
    from bot import PROJECT_ROOT

    real = NluData.examples(PROJECT_ROOT / "nlu" / "data" / "nlu" / "banking" / "fa.yml")
    assert plain_example(question) not in {plain_example(e) for e in real["banking"]}


@pytest.mark.parametrize("role", [Role.EDITOR, Role.REVIEWER])
async def test_admin_pages_are_refused_to_other_roles(
    tmp_path: Path, redis: Redis, role: Role
) -> None:
    root = copy_repo(tmp_path / "editor")
    await add_account(redis, "someone", role, ("ar",) if role is Role.REVIEWER else ())
    async with serve_editor(make_settings(root), redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "someone")
        for path in ("/accounts", "/audit", "/schedule"):
            response = await page.goto(base + path)
            assert response is not None and response.status == 403, path
        token = await csrf_of(page)
        for path, form in (
            ("/accounts", {"name": "mallory", "role": "admin", "password": "x" * 12}),
            ("/schedule/close", {"day": "2030-01-07", "reason": "x"}),
            ("/nlu/train", {}),
        ):
            response = await page.request.post(base + path, form={"csrf": token, **form})
            assert response.status == 403, path
    assert not await redis.exists("lotse:editor:account:mallory")


async def test_closing_a_day_on_the_page_tells_the_newcomer_in_their_language(
    tmp_path: Path, redis: Redis, make_chat: AppFactory
) -> None:
    from bot.jobs import deliver_notices as deliver_closed_day_notices
    from tests.helpers import Clock
    from tests.test_booking_service import THURSDAY, TUESDAY, book, slot_id

    clock = Clock(TUESDAY)
    root = copy_repo(tmp_path / "editor")
    chat = await make_chat(language_code="ar", root=copy_repo(tmp_path / "bot"))
    service = chat.app.bot_data.booking
    assert service is not None
    service.clock = clock
    booking = await book(service, 4242, "jobcenter_check", slot_id(THURSDAY, 9, 30))  # in Arabic
    await add_account(redis, "anna", Role.ADMIN)
    settings = make_settings(root)
    async with (
        serve_editor(settings, redis, clock=lambda: clock().timestamp()) as base,
        chromium() as browser,
    ):
        page = await browser.new_page()
        await log_in(page, base, "anna")
        await page.goto(base + "/schedule")
        thursday = page.locator("table.days tr", has_text="03.12.2026")
        assert (await thursday.locator("td").nth(2).inner_text()).strip() == "1"
        # The form checks what is typed: a bad interval, a planned closure over bookings.
        await page.fill("input[name=hours-mon]", "08:30-12:30, 14:00-13:00")
        await page.click("button:has-text('Als Entwurf speichern')")
        assert "14:00-13:00" in await flash_text(page)
        await page.fill("input[name=hours-mon]", "08:30-12:30")
        closed = page.locator("textarea[name=closed_days]")
        await closed.fill((await closed.input_value()) + "\n2026-12-03")
        await page.click("button:has-text('Als Entwurf speichern')")
        assert "schon 1 Termin(e)" in await flash_text(page)
        # Closing the day at short notice cancels the booking and tells the person.
        await page.fill("input[name=day]", "2026-12-03")
        await page.fill("input[name=reason]", "Krankheit im Team")
        await page.click("button:has-text('Tag schließen')")
        assert "1 Termin(e) abgesagt" in await flash_text(page)
        assert "geschlossen: Krankheit im Team" in await page.locator("table.days").inner_text()
    assert (await service.get(booking.code)).status == "office_closed"
    chat.api.clear()
    assert await deliver_closed_day_notices(chat.app) == 1
    [told] = messages(chat.api.calls)
    assert int(told.params["chat_id"]) == 4242
    closed_text = chat.app.bot_data.catalogues.t("ar", "booking-office-closed", day="X", code="Y")
    assert closed_text.split("\u2068X")[0] in told.text and booking.display_code in told.text
    assert any(d.startswith("book:v1:rebook:") for _, d in told.buttons)
    assert await deliver_closed_day_notices(chat.app) == 0  # told once


async def test_rollback_in_one_step_brings_the_old_text_back_to_the_bot(
    tmp_path: Path, redis: Redis, make_chat: AppFactory
) -> None:
    root = copy_repo(tmp_path / "editor")
    chat = await make_chat(language_code="de", root=copy_repo(tmp_path / "bot"))
    await chat.press_data("lang:v1:de")
    await add_account(redis, "rita", Role.REVIEWER, ("tr",))
    async with serve_editor(make_settings(root), redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "rita")
        await page.goto(base + "/topics/banking")
        await page.fill("input[name=title]", "Konto (falsch)")
        await page.click("button:has-text('Entwurf speichern')")
        await page.goto(base + "/publish")
        await page.click("#publish")
        text, _ = await wait_for_answer(chat, "topic:v1:banking", "Konto (falsch)")
        assert "Konto (falsch)" in text
        await page.click("#rollback")
        assert "Fassung 3 hat wieder den Stand von Fassung 1" in await flash_text(page)
        text, _ = await wait_for_answer(chat, "topic:v1:banking", "Bankkonto")
        assert "Bankkonto" in text and "Konto (falsch)" not in text
        assert "Konto (falsch)" not in (root / "content/topics/banking.md").read_text()


async def test_bad_input_is_refused_with_the_reason_and_nothing_is_lost(
    tmp_path: Path, redis: Redis
) -> None:
    root = copy_repo(tmp_path / "editor")
    await add_account(redis, "anna", Role.ADMIN)
    async with serve_editor(make_settings(root), redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "anna")
        # An emptied answer is not saved; the page keeps what was typed and says why.
        await page.goto(base + "/topics/banking")
        await page.fill("input[name=title]", "Bankkonto – neu")
        await page.fill("textarea[name='body:']", "   ")
        await page.click("button:has-text('Entwurf speichern')")
        assert "Nicht gespeichert" in await flash_text(page)
        assert "variant (main) is empty" in await page.locator("ul.problems").inner_text()
        assert await page.input_value("input[name=title]") == "Bankkonto – neu"
        # A translation that loses a placeholder is not saved either.
        await page.goto(base + "/topics/counselling/fr")
        body = page.locator("textarea[name='body:office']")
        await body.fill((await body.input_value()).replace("{office_address}", "{adresse}"))
        await page.click("button:has-text('Entwurf speichern')")
        assert "broken placeholders" in await page.locator("ul.problems").inner_text()
        # An outdated translation cannot be marked reviewed (the button is off, the server
        # refuses a direct request).
        await page.goto(base + "/topics/banking")
        await page.fill("input[name=title]", "Bankkonto eröffnen")
        await page.click("button:has-text('Entwurf speichern')")
        await page.goto(base + "/topics/banking/tr")
        assert await page.locator("#mark-reviewed").is_disabled()
        response = await page.request.post(
            base + "/topics/banking/tr/review", form={"csrf": await csrf_of(page)}
        )
        assert "Nur eine aktuelle Übersetzung kann geprüft werden" in await response.text()
        # Unknown pages and languages get a clear answer.
        for path in ("/topics/nope", "/topics/banking/xx", "/topics/banking/de"):
            response = await page.goto(base + path)
            assert response is not None and response.status == 404, path
            assert "Diese Seite gibt es nicht" in await page.content()
    from bot.services.workspace import Workspace

    drafts = await Workspace(redis, root / "content", root / "translations").drafts()
    assert set(drafts) == {"content/topics/banking.md"}  # only the valid change was kept


async def test_when_redis_goes_away_the_page_says_so(tmp_path: Path) -> None:
    from redis.asyncio import Redis as AsyncRedis

    from bot.local_redis import RedisServer

    root = copy_repo(tmp_path / "editor")
    own = RedisServer()  # this test stops it
    client = AsyncRedis.from_url(own.url, socket_timeout=2, socket_connect_timeout=2)
    try:
        await add_account(client, "anna", Role.ADMIN)
        async with serve_editor(make_settings(root), client) as base, chromium() as browser:
            page = await browser.new_page()
            await log_in(page, base, "anna")
            await page.goto(base + "/topics/banking")
            await page.fill("input[name=title]", "Bankkonto – nicht gespeichert")
            own.stop()
            await page.click("button:has-text('Entwurf speichern')")
            assert "Redis" in await page.content() and "nicht gespeichert" in await page.content()
            response = await page.request.get(base + "/readyz")
            assert response.status == 503
            response = await page.request.get(base + "/healthz")
            assert response.status == 200
    finally:
        own.stop()
        await client.aclose()
    assert "nicht gespeichert" not in (root / "content/topics/banking.md").read_text()


async def test_the_dashboard_lists_the_frequent_questions_and_the_feedback(
    tmp_path: Path, redis: Redis
) -> None:
    from bot.services.content import load_snapshot
    from bot.services.feedback import FeedbackService

    root = copy_repo(tmp_path / "editor")
    snapshot = load_snapshot(root / "content", root / "translations")
    question_id = snapshot.faqs.ids("banking")[0]
    feedback = FeedbackService(redis)
    await feedback.vote(1, question_id, "k", "ar", "down")
    await feedback.comment(question_id, "ar", "لا أعرف أين البنك")
    await add_account(redis, "erika", Role.EDITOR)
    async with serve_editor(make_settings(root), redis) as base, chromium() as browser:
        page = await browser.new_page()
        await log_in(page, base, "erika")
        cell = page.locator(f"#faq-table [data-faq='{question_id}'][data-lang='ar']")
        assert await cell.get_attribute("data-status") == snapshot.faqs.status(question_id, "ar")
        assert await page.locator("#faq-table tbody").count() == len(
            {q.split("/")[0] for q in snapshot.faqs.ids()}
        )
        shown = await page.locator("#feedback").inner_text()
        assert question_id in shown and "لا أعرف أين البنك" in shown
