"""The editors' page services without the web: accounts, drafts and publishing, history, minor
edits, questions, the schedule form, and a running bot following published versions."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from redis.asyncio import Redis

from bot import PROJECT_ROOT
from bot.__main__ import main
from bot.languages import CODES
from bot.services.accounts import AccountError, AccountService, LoginThrottled, Permission, Role
from bot.services.analytics import UNANSWERED, Analytics
from bot.services.audit import AuditLog
from bot.services.content import Status, load_snapshot, split_front_matter
from bot.services.content_files import BadPath, check_place, read_tree, render_topic
from bot.services.content_history import SourceHistory, SourceText, diff_sources
from bot.services.content_store import ContentStore
from bot.services.questions import NluData, QuestionWork, group_questions, plain_example
from bot.services.schedule import load_schedule
from bot.services.schedule_edit import (
    Capacity,
    ScheduleFormError,
    apply_form,
    parse_capacity,
    parse_hours,
    read_form,
)
from bot.services.workspace import NothingToDo, PublishRefused, Workspace
from tests.conftest import AppFactory
from tests.helpers import all_text

BANKING = "content/topics/banking.md"


def edit_body(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


@pytest.fixture
def two_copies(tmp_path: Path) -> tuple[Path, Path]:
    """The editor's files and a bot's own files (no shared disk)."""
    roots = []
    for name in ("editor", "bot"):
        root = tmp_path / name
        shutil.copytree(PROJECT_ROOT / "content", root / "content")
        shutil.copytree(PROJECT_ROOT / "translations", root / "translations")
        roots.append(root)
    return roots[0], roots[1]


def workspace(redis: Redis, root: Path) -> Workspace:
    return Workspace(redis, root / "content", root / "translations")


# -- accounts ------------------------------------------------------------------------------


async def test_accounts_roles_and_sessions(redis: Redis) -> None:
    accounts = AccountService(redis)
    rita = await accounts.create("Rita", Role.REVIEWER, "lange-genug-1", ["ar", "fa"])
    assert rita.name == "rita"
    assert rita.can(Permission.PUBLISH) and not rita.can(Permission.ACCOUNTS)
    assert rita.can_review("ar") and not rita.can_review("tr")
    erika = await accounts.create("erika", Role.EDITOR, "lange-genug-2")
    assert not erika.can(Permission.PUBLISH) and not erika.can_review("ar")
    admin = await accounts.create("admin", Role.ADMIN, "lange-genug-3")
    assert admin.can_review("tr") and admin.can(Permission.SCHEDULE)
    for bad, code in (
        (("x", Role.EDITOR, "lange-genug-4"), "bad-name"),
        (("rita", Role.EDITOR, "lange-genug-4"), "name-taken"),
        (("neu", Role.EDITOR, "kurz"), "short-password"),
        (("neu", Role.REVIEWER, "lange-genug-4"), "reviewer-needs-languages"),
    ):
        with pytest.raises(AccountError) as caught:
            await accounts.create(*bad)
        assert caught.value.code == code
    with pytest.raises(AccountError):
        await accounts.create("neu", Role.EDITOR, "lange-genug-4", ["xx"])
    # The stored hash is argon2, never the password.
    raw = await redis.hget("lotse:editor:account:rita", "data")
    assert b"$argon2id$" in raw and b"lange-genug-1" not in raw

    session = await accounts.start_session(rita)
    assert (await accounts.session(session.id))[1].name == "rita"
    await accounts.set_password("rita", "noch-laenger-1")  # ends every session
    assert await accounts.session(session.id) is None
    assert await accounts.login("rita", "lange-genug-1", "10.0.0.1") is None
    assert (await accounts.login("rita", "noch-laenger-1", "10.0.0.1")).name == "rita"
    again = await accounts.start_session(rita)
    await accounts.delete("rita")
    assert await accounts.session(again.id) is None


async def test_wrong_passwords_are_throttled_per_account_and_address(redis: Redis) -> None:
    now = [1000.0]
    accounts = AccountService(redis, clock=lambda: now[0])
    await accounts.create("erika", Role.EDITOR, "richtig-richtig")
    for _ in range(5):
        assert await accounts.login("erika", "falsch", "10.0.0.9") is None
    # Even the right password must wait now; the wait doubles with each further failure.
    with pytest.raises(LoginThrottled) as caught:
        await accounts.login("erika", "richtig-richtig", "10.0.0.9")
    assert caught.value.retry_after == 2
    now[0] += 2.5
    assert await accounts.login("erika", "falsch", "10.0.0.9") is None
    with pytest.raises(LoginThrottled) as caught:
        await accounts.login("erika", "richtig-richtig", "10.0.0.9")
    assert caught.value.retry_after == 4
    now[0] += 4.5
    assert (await accounts.login("erika", "richtig-richtig", "10.0.0.9")).name == "erika"
    # An address guessing many names is throttled too.
    for i in range(20):
        await accounts.login(f"name{i}", "falsch", "10.0.0.66")
    with pytest.raises(LoginThrottled):
        await accounts.login("erika", "richtig-richtig", "10.0.0.66")
    # The counters expire with the window (a retention limit like everything stored).
    assert 0 < await redis.ttl("lotse:editor:login-failures:address:10.0.0.66") <= 900


async def test_first_admin_is_made_once_with_a_one_time_password(redis: Redis) -> None:
    accounts = AccountService(redis)
    password = await accounts.ensure_first_admin()
    assert password and len(password) >= 12
    assert await accounts.ensure_first_admin() is None
    admin = await accounts.get("admin")
    assert admin is not None and admin.role is Role.ADMIN and admin.must_change_password
    assert (await accounts.login("admin", password, "127.0.0.1")) is not None


async def test_audit_log_keeps_entries_for_the_retention_period(redis: Redis) -> None:
    now = [time.time() - 400 * 86_400]
    audit = AuditLog(redis, retention_days=365, clock=lambda: now[0])
    await redis.xadd(
        "lotse:editor:audit", {"actor": "old", "action": "x"}, id=f"{int(now[0] * 1000)}-0"
    )
    now[0] = time.time()
    await audit.record("erika", "save", BANKING, "outdated:ar")
    entries = await audit.entries()
    assert [(e.actor, e.action, e.target) for e in entries] == [("erika", "save", BANKING)]


# -- drafts, publishing, history -----------------------------------------------------------------


def test_places_outside_the_content_are_refused() -> None:
    for place in ("content/../bot/app.py", "/etc/passwd", "bot/app.py", "content/x.py", "content"):
        with pytest.raises(BadPath):
            check_place(place)
    assert str(check_place("translations/ar/topics/kita.md")) == "translations/ar/topics/kita.md"


async def test_draft_publish_and_rollback(redis: Redis, two_copies: tuple[Path, Path]) -> None:
    root, _ = two_copies
    space = workspace(redis, root)
    initial = await space.start()
    assert initial is not None and initial.id == 1
    text = (root / BANKING).read_text(encoding="utf-8")
    new = edit_body(text, "title: Bankkonto", "title: Bankkonto eröffnen")
    await space.save(BANKING, new, "erika")
    view = await space.view()
    # The draft is what editors see; the files (what bots use) are unchanged until publishing.
    assert view.snapshot.sources["banking"].title == "Bankkonto eröffnen"
    assert view.snapshot.faqs.ids() == view.published.faqs.ids() != ()
    assert view.published.sources["banking"].title == "Bankkonto"
    assert (root / BANKING).read_text(encoding="utf-8") == text
    assert {view.snapshot.status("banking", lang) for lang in CODES if lang != "de"} == {
        Status.OUTDATED
    }
    # Outdated translations are work, not errors: publishing is allowed.
    assert not view.blocking and any(p.kind == "outdated" for p in view.problems)
    version = await space.publish("rita", "Titel")
    assert version.id == 2 and version.changed == (BANKING,)
    assert (root / BANKING).read_text(encoding="utf-8") == new
    assert not await space.drafts()
    store = ContentStore(redis)
    assert (await store.tree(2))[BANKING] == new
    with pytest.raises(NothingToDo):
        await space.publish("rita")
    # The German before the change is kept by its hash: the diff of an outdated translation.
    old_hash = view.published.sources["banking"].source_hash
    old = await SourceHistory(redis).get("banking", old_hash)
    assert old is not None and old.title == "Bankkonto"
    changes = diff_sources(old, SourceText.of((await space.view()).snapshot.sources["banking"]))
    title = next(c for c in changes if c.field == "title")
    assert [p.text for p in title.pieces if p.op == "added"] == [" eröffnen"]
    # One step back.
    restored, target = await space.rollback("rita")
    assert target.id == 1 and restored.id == 3
    assert (root / BANKING).read_text(encoding="utf-8") == text


async def test_a_draft_with_errors_cannot_be_published(
    redis: Redis, two_copies: tuple[Path, Path]
) -> None:
    root, _ = two_copies
    space = workspace(redis, root)
    await space.start()
    place = "translations/fr/topics/counselling.md"
    text = (root / place).read_text(encoding="utf-8")
    await space.save(place, edit_body(text, "{office_address}", "{adresse}"), "erika")
    with pytest.raises(PublishRefused) as caught:
        await space.publish("rita")
    assert any("broken placeholders" in p.message for p in caught.value.problems)
    assert (root / place).read_text(encoding="utf-8") == text  # nothing written


async def test_minor_edit_keeps_translations_current_in_the_content_model(
    content_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = content_copy / BANKING
    before = load_snapshot(content_copy / "content", content_copy / "translations")
    old_hash = before.sources["banking"].source_hash
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    fixed = body.replace("Bankkonto", "Bank-Konto", 1)
    assert fixed != body
    path.write_text(
        render_topic({**meta, "minor_edit_of": [old_hash]}, {"": fixed}), encoding="utf-8"
    )
    after = load_snapshot(content_copy / "content", content_copy / "translations")
    assert after.sources["banking"].source_hash != old_hash
    for lang in CODES:
        assert after.status("banking", lang) is before.status("banking", lang)
    # The translation is still shown (it is current), and the command line agrees.
    assert after.text("banking", "ar").lang == "ar"
    monkeypatch.setenv("CONTENT_DIR", str(content_copy / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(content_copy / "translations"))
    assert main(["content", "validate"]) == 0
    capsys.readouterr()
    # Without the mark, the same change makes every translation OUTDATED.
    path.write_text(render_topic(meta, {"": fixed}), encoding="utf-8")
    assert main(["content", "validate"]) == 1
    assert "translations/ar/topics/banking.md: outdated" in capsys.readouterr().out


# -- a running bot follows the published content ---------------------------------------------------


async def test_a_bot_without_the_editors_files_answers_with_the_published_text(
    make_chat: AppFactory, redis: Redis, two_copies: tuple[Path, Path]
) -> None:
    editor_root, bot_root = two_copies
    space = workspace(redis, editor_root)
    await space.start()
    chat = await make_chat(language_code="de", root=bot_root)
    await chat.press_data("lang:v1:de")
    assert "Bankkonto eröffnen" not in all_text(await chat.press_data("topic:v1:banking"))
    text = (editor_root / BANKING).read_text(encoding="utf-8")
    await space.save(BANKING, edit_body(text, "title: Bankkonto", "title: Bankkonto eröffnen"), "e")
    version = await space.publish("rita")
    for _ in range(200):
        answer = all_text(await chat.press_data("topic:v1:banking"))
        if "Bankkonto eröffnen" in answer:
            break
        await asyncio.sleep(0.05)
    assert "Bankkonto eröffnen" in answer
    assert chat.app.bot_data.content.version == version.id
    # The bot's own files were never touched.
    assert "Bankkonto eröffnen" not in (bot_root / BANKING).read_text(encoding="utf-8")
    # A bot started later begins with the published version.
    late = await make_chat(language_code="de", root=bot_root, user_id=777)
    await late.press_data("lang:v1:de")
    assert "Bankkonto eröffnen" in all_text(await late.press_data("topic:v1:banking"))


async def test_a_broken_published_version_is_refused_and_the_old_content_stays(
    make_chat: AppFactory,
    redis: Redis,
    two_copies: tuple[Path, Path],
    caplog: pytest.LogCaptureFixture,
) -> None:
    editor_root, bot_root = two_copies
    chat = await make_chat(language_code="de", root=bot_root)
    await chat.press_data("lang:v1:de")
    tree = read_tree(editor_root / "content", editor_root / "translations")
    tree[BANKING] = "no front matter"
    follower = chat.app.bot_data.content_follower
    assert follower is not None
    await ContentStore(redis).publish(tree, author="x", note="broken", announce=False)
    assert await follower.check() is False
    assert chat.app.bot_data.content.version is None
    assert "Bankkonto" in all_text(await chat.press_data("topic:v1:banking"))
    # Once following, a version that changes only answers is parsed file by file; a broken
    # one is refused just the same.
    good = read_tree(editor_root / "content", editor_root / "translations")
    snapshot_before = chat.app.bot_data.content.current
    good[BANKING] = good[BANKING].replace("title: Bankkonto", "title: Girokonto", 1)
    first = await ContentStore(redis).publish(good, author="x", note="good", announce=False)
    await follower.check()  # (or the listener did, when it subscribed just now)
    assert chat.app.bot_data.content.version == first.id
    good[BANKING] = good[BANKING].replace("title: Girokonto", "title: Konto", 1)
    quick = await ContentStore(redis).publish(good, author="x", note="quick", announce=False)
    with caplog.at_level("INFO", logger="bot.published"):
        await follower.check()
    assert chat.app.bot_data.content.version == quick.id
    assert f"content version {quick.id} (1 file(s))" in caplog.text
    # Only the changed answer was parsed; everything else is still there.
    current = chat.app.bot_data.content.current
    assert current.faqs.ids() and current.faqs.ids() == snapshot_before.faqs.ids()
    assert current.offices == snapshot_before.offices
    assert "Konto" in all_text(await chat.press_data("topic:v1:banking"))
    good[BANKING] = "---\nid: banking\n"  # front matter never closed
    await ContentStore(redis).publish(good, author="x", note="broken", announce=False)
    assert await follower.check() is False
    assert chat.app.bot_data.content.version == quick.id
    assert chat.app.bot_data.content.current.sources["banking"].title == "Konto"


async def test_lotse_content_reload_publishes_the_files_as_a_version(
    redis: Redis,
    redis_server,
    content_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("CONTENT_DIR", str(content_copy / "content"))
    monkeypatch.setenv("TRANSLATIONS_DIR", str(content_copy / "translations"))
    assert await asyncio.to_thread(main, ["content", "reload"]) == 0
    assert "content version 1" in capsys.readouterr().out
    tree = await ContentStore(redis).tree(1)
    assert tree == read_tree(content_copy / "content", content_copy / "translations")
    (content_copy / BANKING).write_text("broken", encoding="utf-8")
    assert await asyncio.to_thread(main, ["content", "reload"]) == 1
    assert "not published" in capsys.readouterr().err
    assert await ContentStore(redis).current_id() == 1


# -- unanswered questions ------------------------------------------------------------------------


@pytest.fixture
def nlu_copy(tmp_path: Path) -> Path:
    target = tmp_path / "nlu"
    for part in ("data", "tests"):
        shutil.copytree(PROJECT_ROOT / "nlu" / part, target / part)
    shutil.copy(PROJECT_ROOT / "nlu" / "config.yml", target / "config.yml")
    return target


async def test_questions_are_grouped_and_assigned_as_training_data(
    redis: Redis, nlu_copy: Path
) -> None:
    analytics = Analytics(redis)
    held_out = NluData.examples(nlu_copy / "tests" / "de.yml")["banking"][0]
    await analytics.record_unanswered(
        "Wie eröffne ich ein Konto bei der Sparkasse?", "de", "nlu_fallback", "banking"
    )
    await analytics.record_unanswered(
        "wie eröffne ich ein konto bei der sparkasse", "de", "nlu_fallback", "banking"
    )
    await analytics.record_unanswered(
        "برای حقوقم در دورتموند کدام بانک حساب رایگان میدهد", "fa", "nlu_fallback", "banking"
    )
    # Already taught as a long question (nlu/data/faq/fa.yml, banking/open_account).
    await analytics.record_unanswered("چطور حساب بانکی باز کنم؟", "fa", "nlu_fallback", "banking")
    await analytics.record_unanswered(held_out, "de", "nlu_fallback", "banking")
    await analytics.record_unanswered(
        "Wo kann ich Fußball spielen?", "de", "out_of_scope", "out_of_scope"
    )
    work = QuestionWork(redis, nlu_copy)
    items = await work.all()
    groups = group_questions(items)
    # Same best guess and similar words: one group, the biggest first.
    assert groups[0].guess == "banking"
    assert sorted(i.text.casefold() for i in groups[0].items) == [
        "wie eröffne ich ein konto bei der sparkasse",
        "wie eröffne ich ein konto bei der sparkasse?",
    ]
    assert {g.guess for g in groups} == {"banking", "out_of_scope"}
    assert sum(len(g.items) for g in groups) == 6
    banking = [i for i in items if i.guess == "banking"]
    result = await work.assign(banking, "banking")
    # Same words twice count once, a long question's words are not taught again as chat-style
    # data; the held-out example is never trained on.
    assert (result.added, result.duplicate, result.held_out) == (2, 2, 1)
    de = NluData.examples(nlu_copy / "data" / "nlu" / "banking" / "de.yml")["banking"]
    fa = NluData.examples(nlu_copy / "data" / "nlu" / "banking" / "fa.yml")["banking"]
    assert plain_example(de[-1]) == "wie eroffne ich ein konto bei der sparkasse"
    assert fa[-1] == "برای حقوقم در دورتموند کدام بانک حساب رایگان میدهد"
    assert "چطور حساب بانکی باز کنم؟" not in fa
    assert plain_example(held_out) not in {plain_example(e) for e in de}
    assert await redis.xlen(UNANSWERED) == 1
    # The repository's own check passes on the extended data.
    (nlu_copy / "scripts").mkdir()
    shutil.copy(PROJECT_ROOT / "nlu" / "scripts" / "check_data.py", nlu_copy / "scripts")
    run = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, str(nlu_copy / "scripts" / "check_data.py"), "de", "fa"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr


async def test_a_todo_keeps_the_questions_only_as_long_as_they_may_be_kept(
    redis: Redis, nlu_copy: Path
) -> None:
    analytics = Analytics(redis, retention_days=30)
    await analytics.record_unanswered(
        "Gibt es Schwimmkurse für Frauen?", "de", "out_of_scope", "out_of_scope"
    )
    work = QuestionWork(redis, nlu_copy, retention_days=30)
    items = await work.all()
    todo = await work.make_todo(items, "erika", "Schwimmen")
    assert [t.note for t in await work.todos()] == ["Schwimmen"]
    assert 29 * 86_400 < await redis.ttl(f"lotse:editor:todos:{todo.id}") <= 30 * 86_400
    assert await redis.xlen(UNANSWERED) == 0
    assert await work.done(todo.id) and await work.todos() == []


# -- the schedule form -------------------------------------------------------------------------


def test_schedule_form_rewrites_only_what_it_edits(content_copy: Path) -> None:
    path = content_copy / "content" / "booking.yml"
    text = path.read_text(encoding="utf-8")
    form = read_form(text)
    same = apply_form(
        text,
        {day: parse_hours(day, value) for day, value in form.hours.items()},
        list(form.closed_days),
        dict(form.capacity),
    )
    assert same == text
    changed = apply_form(
        text,
        {"mon": ["09:00-12:00"], "tue": ["09:00-12:00", "13:00-15:00"]},
        [date(2027, 1, 4)],
        {"eu_registration": Capacity(("buergerdienste_1",), 2)},
    )
    assert "# Opening hours per weekday" in changed  # comments stay
    path.write_text(changed, encoding="utf-8")
    schedule = load_schedule(content_copy / "content", content_copy / "translations")
    assert not schedule.problems
    assert schedule.services["eu_registration"].capacity == 2
    assert not schedule.is_open(date(2027, 1, 4)) and schedule.is_open(date(2027, 1, 5))
    assert not schedule.hours.get(3)  # thursday closed now
    with pytest.raises(ScheduleFormError):
        parse_hours("mon", "12:00-08:00")
    with pytest.raises(ScheduleFormError):
        parse_capacity("x", "Schalter 1!", "1")
    with pytest.raises(ScheduleFormError):
        parse_capacity("x", "a", "0")


async def test_questions_in_german_are_kept_only_as_long_as_the_questions(
    redis: Redis, nlu_copy: Path, libre
) -> None:
    from bot.services.engines import LibreEngine
    from bot.services.translator import Translator

    translator = Translator([LibreEngine(libre.url)], redis)
    await Analytics(redis).record_unanswered("Où puis-je jouer aux échecs ?", "fr", "x", "x")
    work = QuestionWork(redis, nlu_copy, retention_days=30)
    items = await work.all()

    async def translate(text: str, lang: str) -> str:
        return await translator.translate(text, lang, "de", explain_terms=False, remember=False)

    german = await work.german(items, translate)
    assert german == {items[0].id: "[de] Où puis-je jouer aux échecs ?"}
    assert await work.german(items, None) == german  # kept beside the question
    assert len(libre.requests) == 1
    assert [k async for k in redis.scan_iter("lotse:tm:*")] == []  # not in the memory
    key = f"lotse:editor:question-de:{items[0].id}"
    assert 29 * 86_400 < await redis.ttl(key) <= 30 * 86_400
    await work.dismiss(items)
    assert not await redis.exists(key)


def test_every_message_the_page_shows_is_in_the_editors_catalogue() -> None:
    import re

    from bot.editor.words import Words

    words = Words.load(PROJECT_ROOT / "translations")
    assert words.errors == []
    # (bot/editor/cli.py answers on the command line, in its own words)
    code = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (PROJECT_ROOT / "bot").rglob("*.py")
        if p.name != "cli.py"
    )
    used = set(re.findall(r'words\.t\(\s*"([a-z0-9-]+)"', code))
    used |= {f"account-{c}" for c in re.findall(r'AccountError\(\s*"([a-z-]+)"', code)}
    used |= {f"schedule-{c}" for c in re.findall(r'ScheduleFormError\(\s*"([a-z-]+)"', code)}
    used |= {f"error-{c}" for c in re.findall(r'Refused\(\s*\d+,\s*"([a-z-]+)"', code)}
    used |= {f"train-failed-{c}" for c in re.findall(r'TrainingError\(\s*"([a-z-]+)"', code)}
    used |= {"train-failed-stale", "train-failed-stopped", "train-failed-unexpected"}
    used |= {"error-not-found", "error-not-allowed", "error-unavailable"}
    assert len(used) > 60
    assert used - words.keys == set()
