"""Screenshots of the editors' main pages (docs/editor-*.png), in Debian's Chromium.

Runs the page on a copy of the content with a private redis-server, makes a draft (a changed
German answer: its translations turn OUTDATED), records a few sample unanswered questions (with
German translations written for the sample) and photographs the pages. Run: make
editor-screenshots.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from redis.asyncio import Redis  # noqa: E402

from bot.local_redis import RedisServer  # noqa: E402
from bot.services.accounts import Role  # noqa: E402
from bot.services.analytics import UNANSWERED  # noqa: E402
from bot.services.questions import GERMAN  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.editor_support import add_account, chromium, copy_repo, log_in, serve_editor  # noqa: E402

#: Sample questions for the picture (language, best guess, text, German).
SAMPLES = [
    (
        "ar",
        "banking",
        "هل أستطيع فتح حساب بنكي بدون عنوان ثابت؟",
        "Kann ich ein Bankkonto ohne festen Wohnsitz eröffnen?",
    ),
    (
        "ar",
        "banking",
        "هل أستطيع فتح حساب في البنك بدون عنوان؟",
        "Kann ich ohne Adresse ein Konto bei der Bank eröffnen?",
    ),
    (
        "uk",
        "banking",
        "Чи можна відкрити рахунок у банку без адреси?",
        "Kann man ohne Adresse ein Bankkonto eröffnen?",
    ),
    ("de", "banking", "Brauche ich für ein Konto eine Meldebescheinigung?", ""),
    (
        "tr",
        "out_of_scope",
        "Dortmund'da ücretsiz yüzme kursu var mı?",
        "Gibt es in Dortmund kostenlose Schwimmkurse?",
    ),
    (
        "fa",
        "out_of_scope",
        "کلاس شنای رایگان برای زنان کجاست؟",
        "Wo gibt es kostenlose Schwimmkurse für Frauen?",
    ),
    ("ru", "housing", "Как получить WBS в Дортмунде?", "Wie bekomme ich einen WBS in Dortmund?"),
    ("en", "jobcenter_benefits", "can jobcenter pay my deposit for the flat", ""),
]
PAGES = [
    ("dashboard", "/"),
    ("topic", "/topics/banking"),
    ("translation", "/topics/banking/ar"),
    ("publish", "/publish"),
    ("questions", "/questions"),
    ("schedule", "/schedule"),
]


async def main(out: Path) -> None:
    server = RedisServer()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = copy_repo(Path(tmp) / "repo", nlu=True)
            settings = Settings(  # type: ignore[call-arg]
                _env_file=None,
                content_dir=root / "content",
                translations_dir=root / "translations",
                nlu_dir=root / "nlu",
                redis_url=server.url,
                translator="none",
            )
            redis = Redis.from_url(server.url)
            await add_account(redis, "anna", Role.ADMIN)
            now = int(time.time() * 1000)
            for i, (lang, guess, text, _) in reversed(list(enumerate(SAMPLES))):
                entry = f"{now - i * 3_600_000 * 20}-0"
                await redis.xadd(
                    UNANSWERED,
                    {"text": text, "language": lang, "intent": "nlu_fallback", "guess": guess},
                    id=entry,
                )
            for entry_id, fields in sorted(await redis.xrange(UNANSWERED)):
                text = fields[b"text"].decode()
                german = next(g for _, _, t, g in SAMPLES if t == text)
                if german:
                    await redis.set(f"{GERMAN}:{entry_id.decode()}", german, ex=86_400)
            async with serve_editor(settings, redis) as base, chromium() as browser:
                page = await browser.new_page(viewport={"width": 1400, "height": 900})
                await log_in(page, base, "anna")
                await page.goto(base + "/topics/banking")
                body = page.locator("textarea[name='body:']")
                text = await body.input_value()
                await body.fill(
                    text.replace(
                        "Konten kosten oft eine Gebühr",
                        "Konten kosten oft eine Gebühr im Monat; fragen Sie nach einem kostenlosen "
                        "Konto. Viele Banken verlangen",
                        1,
                    )
                    if "Konten kosten oft eine Gebühr" in text
                    else text + "\n\nFragen Sie Ihre Bank nach einem Konto ohne Gebühren."
                )
                await page.click("button:has-text('Entwurf speichern')")
                for name, path in PAGES:
                    await page.goto(base + path)
                    if name == "topic":
                        await page.click("button:has-text('Vorschau und Prüfung')")
                    target = out / f"editor-{name}.png"
                    await page.screenshot(path=str(target), full_page=True)
                    print(f"wrote {target.relative_to(ROOT)}")
            await redis.aclose()
    finally:
        server.stop()


if __name__ == "__main__":
    asyncio.run(main(ROOT / "docs"))
